"""Scaffold: the civic_patrons component (being written)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("civic_patrons")
def find_patrons(doc: Doc) -> Doc:
    return doc
