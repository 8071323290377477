"""Scaffold: the civic_organizers component (being written)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("civic_organizers")
def find_organizers(doc: Doc) -> Doc:
    return doc
