"""Scaffold: the civic_venues component (being written)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("civic_venues")
def find_venues(doc: Doc) -> Doc:
    return doc
