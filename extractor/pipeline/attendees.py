"""Scaffold: the civic_attendees component (being written)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("civic_attendees")
def find_attendees(doc: Doc) -> Doc:
    return doc
