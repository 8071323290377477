"""Shared fixtures: one rules-only pipeline per session, and the dev set when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import extractor

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "eval" / "dev"


@pytest.fixture(scope="session")
def nlp_rules():
    """The rules-only pipeline (no model), loaded once."""
    return extractor.load(ner=False)


@pytest.fixture(scope="session")
def nlp_full():
    """The default pipeline (with the shipped NER model when there is one)."""
    return extractor.load()


def dev_articles() -> list[dict]:
    """The dev articles, or a skip when ../shared is absent."""
    if not (DEV / "articles").is_dir():
        pytest.skip("../shared/eval/dev is absent (a user's clone has no ../shared)")
    return [
        json.loads(p.read_text("utf-8"))
        for p in sorted((DEV / "articles").glob("*.json"))
    ]


def run_until(nlp, text: str, component: str, published=None):
    """Run ``nlp`` on ``text`` up to and including ``component``; return the doc."""
    doc = nlp.make_doc(text)
    doc._.published = published
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == component:
            break
    return doc
