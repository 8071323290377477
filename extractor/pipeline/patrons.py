"""``civic_patrons``: who gives the event patronage (رعى، برعاية، تحت رعاية).

A person (or organization) right after a patronage cue is a patron. With no
patronage wording anywhere, the first titled or office-holding person who
opens, inaugurates or honours (افتتح، دشن، كرم) is the patron (FACTS.md).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor.pipeline.facts import candidates, ensure_extensions
from extractor.pipeline.lexicons import is_break, match_exact
from extractor.pipeline.persons import PersonParse, is_named, person_at
from extractor.pipeline.phrases import org_at
from extractor.pipeline.roles import add_org_person, add_person, role_cues

MAX_GAP = 3  # tokens allowed between an opener verb and its subject
MAX_SUBJECT = 12  # tokens an office-and-name subject may span before its verb


@Language.component("civic_patrons")
def find_patrons(doc: Doc) -> Doc:
    """Add patron candidates after patronage cues, else after opener verbs."""
    ensure_extensions()
    for cue in role_cues(doc):
        if cue.role == "patron":
            _patron_after(doc, cue.end)
    if not candidates(doc, "patrons"):
        _opener_patron(doc)
    return doc


def _patron_after(doc: Doc, k: int) -> None:
    org_cue = match_exact("role_cues", doc, k) if k < len(doc) else None
    if org_cue and org_cue[1] == "organizer":  # برعاية وتنظيم البلدية
        org = org_at(doc, k + org_cue[0])
        if org:
            add_org_person(doc, "patrons", org, "patron_cue+org", 0.9)
        return
    person = person_at(doc, k)
    if person and is_named(person):
        add_person(doc, "patrons", person, "patron_cue")
        return
    org = org_at(doc, k)
    if org:
        add_org_person(doc, "patrons", org, "patron_cue+org", 0.8)


def _opener_patron(doc: Doc) -> None:
    for cue in role_cues(doc):
        if cue.role != "opener":
            continue
        for k in range(cue.end, min(cue.end + MAX_GAP, len(doc))):
            person = person_at(doc, k)
            if (
                person
                and (person.titles or person.role)
                and (person.name or person.role)
            ):
                add_person(doc, "patrons", person, "opener", 0.7)
                return
        person = _subject_before(doc, cue.start)
        if person:
            add_person(doc, "patrons", person, "opener_subject", 0.6)
            return


def _subject_before(doc: Doc, k: int) -> PersonParse | None:
    """``رئيس الجمعية سلطان البازعي قد دشن``: an office-holder named right before
    the opener verb, an auxiliary (قد، كان) aside."""
    while k > 0 and match_exact("opener_auxiliaries", doc, k - 1):
        k -= 1
    for start in range(max(k - MAX_SUBJECT, 0), k - 1):
        person = person_at(doc, start) if not is_break(doc[start]) else None
        if person and person.end == k and person.role and person.name:
            return person
    return None
