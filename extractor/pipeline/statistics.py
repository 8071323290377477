"""Scaffold: the civic_statistics component (being written)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("civic_statistics")
def find_statistics(doc: Doc) -> Doc:
    return doc
