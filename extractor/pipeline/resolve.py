"""Scaffold: the civic_resolve component (being written)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("civic_resolve")
def find_resolve(doc: Doc) -> Doc:
    return doc
