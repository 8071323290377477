"""Doc -> ArticleFacts: the one place that builds output objects."""

from __future__ import annotations

from spacy.tokens import Doc

from extractor.pipeline.facts import Candidate, candidates
from extractor.pipeline.tokenizer import doc_text
from extractor.schema import (
    ArticleFacts,
    DateFact,
    Event,
    Evidence,
    Organizer,
    Person,
    Statistic,
    Venue,
)

_MODELS = {
    "events": Event,
    "patrons": Person,
    "organizers": Organizer,
    "attendees": Person,
    "dates": DateFact,
    "venues": Venue,
    "statistics": Statistic,
}


def assemble(
    doc: Doc, *, id: str | None = None, published: str | None = None
) -> ArticleFacts:
    """Turn the doc's resolved candidates into the output contract."""
    facts: dict[str, list] = {kind: [] for kind in _MODELS}
    text = doc_text(doc)  # spaCy rebuilds doc.text on every access
    for cand in candidates(doc):
        facts[cand.kind].append(_build(text, cand))
    return ArticleFacts(id=id, published=published, **facts)


def _build(text: str, cand: Candidate):
    evidence = Evidence(
        start=cand.start, end=cand.end, text=text[cand.start : cand.end]
    )
    return _MODELS[cand.kind](evidence=evidence, rule=cand.rule, **cand.fields)
