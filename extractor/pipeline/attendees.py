"""``civic_attendees``: named persons and organizations reported as present.

After a presence cue (بحضور، حضر، بمشاركة، ألقى، على شرف) a list of persons or
organizations joined by ``،`` or و is read, one mention at a time. A person
needs a name: an office alone is not an attendee (FACTS.md).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor.pipeline.facts import ensure_extensions
from extractor.pipeline.lexicons import has_waw
from extractor.pipeline.phrases import is_named, org_at, person_at
from extractor.pipeline.roles import add_org_person, add_person, role_cues

MAX_LIST = 8  # mentions read after one cue
_COMMA = frozenset({",", "\u060c"})  # , ،
_WAW = "\u0648"  # و


@Language.component("civic_attendees")
def find_attendees(doc: Doc) -> Doc:
    """Add attendee candidates after presence cues."""
    ensure_extensions()
    for cue in role_cues(doc):
        if cue.role == "attendee":
            _read_list(doc, cue.end)
    return doc


def _read_list(doc: Doc, k: int) -> None:
    for _ in range(MAX_LIST):
        k = _read_one(doc, k)
        if k is None or k >= len(doc):
            return
        if doc[k].text in _COMMA or doc[k].norm_ == _WAW:
            k += 1
        elif not has_waw(doc[k]):
            return


def _read_one(doc: Doc, k: int) -> int | None:
    person = person_at(doc, k)
    if person and person.name and is_named(person):
        add_person(doc, "attendees", person, "attendee_cue")
        return person.end
    org = org_at(doc, k)
    if org and org.end > k + 1:
        add_org_person(doc, "attendees", org, "attendee_cue+org", 0.8)
        return org.end
    return None
