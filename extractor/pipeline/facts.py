"""Fact candidates: what every fact component writes and ``assemble`` reads.

A component never builds output objects. It records a :class:`Candidate`
(kind, character offsets into the original text, field values, the rule that
fired and a score) with :func:`add_candidate`, which also mirrors it into
``doc.spans[kind]`` for inspection and displaCy.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from extractor.schema import KINDS

_SENT_STARTS = "civic_sent_starts"  # doc.user_data key: token index of each sentence


@dataclass
class Candidate:
    """One fact found in a doc, before resolution and assembly."""

    kind: str
    start: int
    end: int
    fields: dict[str, Any]
    rule: str
    score: float = 1.0
    sent: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def ensure_extensions() -> None:
    """Register ``doc._.candidates`` once (idempotent, called by every factory)."""
    if not Doc.has_extension("candidates"):
        Doc.set_extension("candidates", default=None)


def candidates(doc: Doc, kind: str | None = None) -> list[Candidate]:
    """The doc's candidates, optionally of one kind, in the order found."""
    found = doc._.candidates or []
    return [c for c in found if kind is None or c.kind == kind]


def add_candidate(
    doc: Doc, kind: str, span: Span, rule: str, score: float = 1.0, **fields: Any
) -> Candidate:
    """Record a fact of ``kind`` whose evidence is ``span``."""
    if kind not in KINDS:
        raise ValueError(f"unknown fact kind {kind!r}; expected one of {KINDS}")
    if doc._.candidates is None:
        doc._.candidates = []
    cand = Candidate(kind, span.start_char, span.end_char, dict(fields), rule, score)
    cand.sent = _sent_index(span)
    doc._.candidates.append(cand)
    group = doc.spans.get(kind, [])
    doc.spans[kind] = [*group, Span(doc, span.start, span.end, label=kind)]
    return cand


def remove_candidate(doc: Doc, cand: Candidate) -> None:
    """Drop ``cand`` from the doc (used by the resolution step)."""
    doc._.candidates = [c for c in candidates(doc) if c is not cand]


def _sent_index(span: Span) -> int | None:
    """Index of the sentence ``span`` starts in (sentence starts cached per doc)."""
    doc = span.doc
    starts = doc.user_data.get(_SENT_STARTS)
    if starts is None:
        if not doc.has_annotation("SENT_START"):
            return None
        starts = doc.user_data[_SENT_STARTS] = [sent.start for sent in doc.sents]
    return bisect_right(starts, span.start) - 1
