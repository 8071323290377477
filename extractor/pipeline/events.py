"""Scaffold: the civic_events component (being written)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("civic_events")
def find_events(doc: Doc) -> Doc:
    return doc
