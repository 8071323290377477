"""``civic_patrons``: who gives the event patronage (رعى، برعاية، تحت رعاية).

A person (or organization) right after a patronage cue is a patron. With no
patronage wording anywhere, the first titled or office-holding person who
opens, inaugurates or honours (افتتح، دشن، كرم) is the patron (FACTS.md).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor.pipeline.events import event_noun_at
from extractor.pipeline.facts import candidates, ensure_extensions
from extractor.pipeline.lexicons import (
    COMMAS,
    is_break,
    is_definite,
    match_exact,
    match_head,
)
from extractor.pipeline.persons import PersonParse, is_named, is_ranked, person_at
from extractor.pipeline.phrases import Slice, org_at
from extractor.pipeline.roles import add_org_person, add_person, role_cues

MAX_GAP = 3  # tokens allowed between an opener verb and its subject
MAX_SUBJECT = 12  # tokens an office-and-name subject may span before its verb
MAX_CLAUSE = 30  # tokens from a clause-opening كان to its opener verb
_KANA = frozenset({"\u0643\u0627\u0646", "\u0648\u0643\u0627\u0646"})  # كان وكان


@Language.component("civic_patrons")
def find_patrons(doc: Doc) -> Doc:
    """Add patron candidates after patronage cues, else after opener verbs."""
    ensure_extensions()
    for cue in role_cues(doc):
        if cue.role == "patron":
            _patron_after(doc, cue.end)
        elif cue.role == "patron:before":
            _patron_before(doc, cue.start)
    if not candidates(doc, "patrons"):
        _opener_patron(doc)
    return doc


def _patron_after(doc: Doc, k: int) -> None:
    org_cue = match_exact("role_cues", doc, k) if k < len(doc) else None
    if org_cue and org_cue[1] == "organizer":  # برعاية وتنظيم البلدية
        org = org_at(doc, k + org_cue[0])
        if org and not _sponsor(doc, org):
            add_org_person(doc, "patrons", org, "patron_cue+org", 0.9)
        return
    person = person_at(doc, k)
    if person and is_named(person):
        add_person(doc, "patrons", person, "patron_cue")
        return
    org = org_at(doc, k)
    if org and not _sponsor(doc, org):
        add_org_person(doc, "patrons", org, "patron_cue+org", 0.8)


def _sponsor(doc: Doc, org: Slice) -> bool:
    """A company, bank or performing group (lexicon ``sponsor_heads``): its
    ``رعاية`` is commercial sponsorship, not patronage (FACTS.md)."""
    return bool(match_head("sponsor_heads", doc, org.start))


def _patron_before(doc: Doc, k: int) -> None:
    """The person thanked for a patronage: ``شكره لصاحب السمو الملكي الأمير فيصل
    بن خالد أمير منطقة عسير، على رعايته`` (a comma may stand between)."""
    if k > 0 and doc[k - 1].text in COMMAS:
        k -= 1
    for start in range(max(k - MAX_SUBJECT, 0), k - 1):
        if not (
            match_exact("person_titles", doc, start)
            or match_exact("person_offices", doc, start)
        ):
            continue  # the mention opens with a title or an office
        person = person_at(doc, start)
        if person and person.end == k and person.name:
            add_person(doc, "patrons", person, "patron_thanked", 0.8)
            return


def _opener_patron(doc: Doc) -> None:
    """The first official who opens, closes or honours; later ones only as named subjects.

    ``اختتم رئيس البلدية المهندس علي الشمري الملتقى ... وكان محافظ القريات
    فيصل الشامي ... قد افتتحا الملتقى``: both are patrons. After the first, a
    cue adds a patron only through an office-holder named as its subject, since
    the words after a later verb are as often its object (``أمير الشرقية فعالياته``).
    """
    found = False
    for cue in role_cues(doc):
        if cue.role != "opener":
            continue
        if _speech_object(doc, cue.end):
            continue  # افتتح كلمته بالترحيب، اختتم حديث المؤلفين الدكتور ...
        person = None if found else _person_after(doc, cue.end)
        if person and _speech_object(doc, person.end):
            continue  # واختتم الشيخ الخزيم تصريحه: he ended what he said
        if person:
            add_person(doc, "patrons", person, "opener", 0.7)
            found = True
            continue
        person = _subject_before(doc, cue.start)
        if person:
            add_person(doc, "patrons", person, "opener_subject", 0.6)
            found = True


def _speech_object(doc: Doc, k: int) -> bool:
    """The verb's object at ``k`` is a statement (lexicon ``speech_objects``)."""
    return bool(match_exact("speech_objects", doc, k))


def _person_after(doc: Doc, k: int) -> PersonParse | None:
    """A titled or office-holding person within :data:`MAX_GAP` words after the verb."""
    for j in range(k, min(k + MAX_GAP, len(doc))):
        if j > k and match_exact("role_cues", doc, j):
            return None  # دشن المعرض | بحضور ...: the people after a cue are its own
        if j > k and _named_after(doc, j):
            return None  # اختتمت مسابقة | الأمير سلطان القرآنية: the event's name
        person = person_at(doc, j, apposition=True)
        if person and (person.titles or person.role) and (person.name or person.role):
            return person if person.role or is_ranked(person) else None
    return None


def _named_after(doc: Doc, j: int) -> bool:
    """A royal or eponym title at ``j`` right after an indefinite event noun
    names the event (``مسابقة الأمير سلطان``, ``جائزة الملك فيصل``); after a
    definite one it is the verb's subject (``افتتح المعرض الأمير خالد``)."""
    head = j - 1
    return (
        not is_definite(doc[head])
        and event_noun_at(doc, head)
        and bool(
            match_exact("royal_names", doc, j) or match_exact("eponym_titles", doc, j)
        )
    )


def _subject_before(doc: Doc, k: int) -> PersonParse | None:
    """The office-holder whose opener verb stands at ``k``.

    ``رئيس الجمعية سلطان البازعي قد دشن``: named right before the verb, an
    auxiliary (قد، كان) aside; or ``وكان محافظ القريات فيصل الشامي، يرافقه
    ...، قد افتتحا``: named right after the كان that opens the clause.
    """
    while k > 0 and match_exact("opener_auxiliaries", doc, k - 1):
        k -= 1
    for start in range(max(k - MAX_SUBJECT, 0), k - 1):
        person = person_at(doc, start) if not is_break(doc[start]) else None
        if person and person.end == k and person.role and person.name:
            return person
    return _subject_after_kana(doc, k)


def _subject_after_kana(doc: Doc, k: int) -> PersonParse | None:
    """The named office-holder right after a كان earlier in the verb's sentence."""
    sent_start = doc[k].sent.start if k < len(doc) else 0
    for j in range(k - 1, max(sent_start, k - MAX_CLAUSE) - 1, -1):
        if is_break(doc[j]) and doc[j].text not in COMMAS:
            return None  # another sentence or a quote
        if doc[j].norm_ in _KANA:
            person = person_at(doc, j + 1)
            if person and person.role and person.name:
                return person
            return None
    return None
