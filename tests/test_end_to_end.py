"""End to end on real articles: the Jeddah seed report, offsets on every dev
article, and the dev-set quality floors (core micro F1, each core kind, attendees)."""

from __future__ import annotations

import json

import pytest

from extractor.api import Article, Extractor
from extractor.evaluate import score
from extractor.schema import KINDS
from tests.conftest import DEV, dev_articles

# Floors a little under what the shipped pipeline measures (see the closing
# notes of the pipeline issue); a drop below them is a regression.
CORE_MICRO_FLOOR = 0.91  # measured 0.940 (rules + NER), 0.930 rules only
KIND_FLOORS = {
    "patrons": 0.90,  # 1.000
    "organizers": 0.85,  # 0.879
    "attendees": 0.82,  # 0.850
    "dates": 0.95,  # 0.981
    "venues": 0.80,  # 0.844
    "statistics": 0.95,  # 0.981
    "events": 0.82,  # 0.844 (named events)
}


@pytest.fixture(scope="module")
def dev_predictions(nlp_full):
    articles = dev_articles()
    extractor = Extractor(nlp_full)
    arts = [
        Article(
            a["text"], id=a["id"], title=a.get("title"), published=a.get("published")
        )
        for a in articles
    ]
    return {a["id"]: (a, facts) for a, facts in zip(articles, extractor.pipe(arts))}


def test_jeddah_forum(dev_predictions):
    _, facts = dev_predictions["jeddah-volunteer-forum"]
    patron = facts.patrons[0]
    assert (patron.name, patron.title, patron.role) == (
        "سعود بن عبدالله بن جلوي",
        "صاحب السمو الأمير",
        "محافظ جدة",
    )
    assert "أمانة جدة" in [o.name for o in facts.organizers]
    stats = {(s.value, s.unit, s.approximate) for s in facts.statistics}
    assert {
        (42000, "متطوع", True),
        (462, "مبادرة", False),
        (141, "جهة", False),
    } <= stats
    venues = [v.name for v in facts.venues]
    assert "مسرح مركز الملك عبد العزيز الثقافي" in venues
    assert "مقر الغرفة التجارية بجدة" in venues
    forum = facts.events[0]
    assert (forum.type, forum.edition) == ("forum", 2)
    assert "نحو المليون متطوع" in forum.name


def test_every_evidence_slice_is_its_text(dev_predictions):
    checked = 0
    for article, facts in dev_predictions.values():
        text = article["text"]
        for kind in KINDS:
            for fact in getattr(facts, kind):
                ev = fact.evidence
                assert text[ev.start : ev.end] == ev.text, (article["id"], kind, ev)
                checked += 1
    assert checked > 300  # the dev set yields hundreds of facts


def test_dev_quality_floor(dev_predictions, tmp_path):
    pred = tmp_path / "dev.jsonl"
    pred.write_text(
        "".join(f.to_json() + "\n" for _, f in dev_predictions.values()), "utf-8"
    )
    report = score(DEV / "gold", pred)
    assert report["core_micro"]["f1"] >= CORE_MICRO_FLOOR, report["core_micro"]
    for kind, floor in KIND_FLOORS.items():
        assert report[kind]["f1"] >= floor, (kind, report[kind])


def test_output_is_deterministic(nlp_full):
    articles = dev_articles()[:5]
    extractor = Extractor(nlp_full)
    runs = [
        [
            f.to_json()
            for f in extractor.pipe(
                Article(a["text"], id=a["id"], published=a.get("published"))
                for a in articles
            )
        ]
        for _ in range(2)
    ]
    assert runs[0] == runs[1]
    assert json.loads(runs[0][0])["id"] == articles[0]["id"]
