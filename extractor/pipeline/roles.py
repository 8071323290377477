"""Role cues (برعاية، نظمت، بحضور ...) found once per doc, and person facts.

The cue lexicon ``role_cues`` maps each cue to the role of the phrase that
follows it: ``patron``, ``opener`` (افتتح، دشن: a patron when the article
names no patron), ``organizer`` or ``attendee``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extractor.arabic.normalize import WAW
from extractor.pipeline.facts import add_candidate
from extractor.pipeline.lexicons import (
    has_waw,
    head_cut,
    is_break,
    match,
    match_exact,
    skip_space,
    written_as,
)
from extractor.pipeline.normalizer import SENT_END
from extractor.pipeline.persons import PersonParse
from extractor.pipeline.phrases import Slice, antecedent
from extractor.pipeline.resources import load_lexicon

# roles of presence cues; attendee:person introduces people only (بوجود)
PRESENCE = ("attendee", "attendee:person")
_CACHE_KEY = "civic_role_cues"


@dataclass(frozen=True)
class Cue:
    """A cue at tokens ``[start, end)`` introducing a phrase of ``role``."""

    start: int
    end: int
    role: str


PLACE_REACH = 7  # words from a winner verb to its placing word (حلت فاطمة | بالمركز)


def winner_cue(doc: Doc, i: int) -> int | None:
    """Where the mention after a winner verb at ``i`` starts, or None.

    A verb of winning or placing (lexicon ``winner_verbs``: فاز، حصل، حلت)
    reports a result only with a placing word (``winner_places``: المركز،
    ثانيا) a few words on in its clause: ``حصل على شهادة`` is no placing.
    """
    hit = match_exact("winner_verbs", doc, i)
    if not hit:
        return None
    for k in range(i + hit[0], min(i + hit[0] + PLACE_REACH, len(doc))):
        if is_break(doc[k]):
            return None
        if match("winner_places", doc, k):
            return i + hit[0]
    return None


def coordinated_placing(doc: Doc, i: int) -> int | None:
    """Where the placing word of ``والمركز الثاني`` / ``و المرتبة`` at ``i`` is, or None.

    After a winner verb (:func:`winner_cue`) the placings coordinated with
    its own share the verb: ``... لسالم السيد، والمركز الثاني «مبروكة» لمساعد``.
    """
    if has_waw(doc[i]) and match("winner_places", doc, i):
        return i
    if doc[i].text == WAW and i + 1 < len(doc) and match("winner_places", doc, i + 1):
        return i + 1
    return None


OBJECT_REACH = 8  # words after a presence cue in which its object may change its sense


def other_sense(doc: Doc, k: int) -> bool:
    """``ألقت الشرطة القبض على``: an object (lexicon ``attendee_cue_objects_not``)
    a few words on in the clause gives the cue another sense."""
    for j in range(k, min(k + OBJECT_REACH, len(doc))):
        if is_break(doc[j]):
            return False
        if written_as(doc[j], "attendee_cue_objects_not"):
            return True
    return False


GROUP_REACH = 12  # words from a presence cue to the word naming its group's leaders


def leads_group_present(doc: Doc, i: int) -> bool:
    """A presence cue (role ``attendee``) ends a few words before ``i`` in its
    sentence: ``بحضور أعضاء الجمعية، يتقدمهم ...`` names the leaders of a group
    reported present; alone (``وخسر الفريق جهود لاعبيه وعلى رأسهم``) any group."""
    for cue in role_cues(doc):
        if cue.start >= i:
            break
        if cue.role not in PRESENCE or not 0 <= i - cue.end <= GROUP_REACH:
            continue
        if other_sense(doc, cue.end):
            continue  # ألقت السلطات القبض على ... من بينهم: an arrest
        if not any(
            doc[j].text in SENT_END or "\n" in doc[j].text for j in range(cue.end, i)
        ):
            return True
    return False


def role_cues(doc: Doc) -> list[Cue]:
    """Every role cue of the doc, left to right (computed once, then cached)."""
    if _CACHE_KEY not in doc.user_data:
        cues: list[Cue] = []
        i = 0
        while i < len(doc):
            hit = match_exact("role_cues", doc, i)
            if hit:
                cues.append(Cue(i, skip_space(doc, i + hit[0]), hit[1]))
                i += hit[0]
            else:
                i += 1
        doc.user_data[_CACHE_KEY] = cues
    return doc.user_data[_CACHE_KEY]


def add_person(
    doc: Doc,
    kind: str,
    person: PersonParse,
    rule: str,
    score: float = 1.0,
    conjunction: bool = False,
    glued: bool = False,
):
    """Record a patron or attendee from a parsed person mention.

    ``conjunction``: the mention's first word may carry the و that joined it
    to a list (``وثاني الدهمشي``); a name starting there drops it, unless the
    word is itself a name written with و (``وليد``, lexicon ``waw_names``).
    ``glued``: its first word carries a preposition (``لعمر الزهراني``), which
    a name starting there drops.
    """
    title = " ".join(_as_listed(doc, t, "person_titles") for t in person.titles)
    name = person.name.text(doc) if person.name else None
    if (
        name
        and conjunction
        and person.name.start == person.start
        and not _waw_name(doc[person.start])
    ):
        name = name[1:]
    if name and glued and person.name.start == person.start:
        name = name[1:]
    return add_candidate(
        doc,
        kind,
        doc[person.start : person.end],
        rule,
        score,
        name=name,
        title=title or None,
        role=_as_listed(doc, person.role, "person_offices") if person.role else None,
    )


def _waw_name(token: Token) -> bool:
    """The word is a given name that starts with و (``وليد``), not و + a word."""
    return token.norm_ in load_lexicon("waw_names")


def _as_listed(doc: Doc, piece: Slice, lexicon: str) -> str:
    """The phrase from its lexicon head on: ``والدكتور`` -> ``الدكتور``.

    The lexicon decides what is a clitic: ``وزير`` and ``وكيل`` keep their و.
    """
    return piece.text(doc)[head_cut(doc, piece.start, lexicon) :]


def add_org_person(doc: Doc, kind: str, org: Slice, rule: str, score: float = 1.0):
    """Record an organization as a patron or attendee (name only)."""
    return add_candidate(
        doc,
        kind,
        doc[org.start : org.end],
        rule,
        score,
        name=org_name(doc, org),
        title=None,
        role=None,
    )


def org_name(doc: Doc, org: Slice, lexicon: str = "org_heads") -> str:
    """The phrase as written, without the و / ب / ل glued to its head noun.

    A bare definite head (``البلدية``) names the organization the article
    spelled out elsewhere (``بلدية البطين``), when there is one.
    """
    if lexicon == "org_heads" and org.end - org.start == 1:
        org = antecedent(doc, org) or org
    return doc[org.start : org.end].text[head_cut(doc, org.start, lexicon) :]
