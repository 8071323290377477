"""The scorer: FACTS.md's matching rules, and agreement with the reference script."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.evaluate import (
    KINDS,
    format_table,
    load_predictions,
    match,
    overlap_f1,
    person_key,
    score,
    tokens,
    unit_stem,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEV = SHARED / "eval" / "dev"
REFERENCE = SHARED / "eval" / "score.py"
needs_shared = pytest.mark.skipif(
    not REFERENCE.is_file(), reason="../shared (dev set and reference scorer) is absent"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أمانةُ جدة", ["امانه", "جده"]),
        ("مؤتمر «الإعلام» الأول!", ["مؤتمر", "الاعلام", "الاول"]),
        ("عبد الله بن عبد العزيز", ["عبدالله", "بن", "عبدالعزيز"]),
        ("ملتقـــى ٤٢ ألف", ["ملتقي", "42", "الف"]),
        ("Forum ABC", ["forum", "abc"]),
        (None, []),
    ],
)
def test_tokens_normalize_like_facts_md(text, expected):
    assert tokens(text) == expected


def test_overlap_f1_counts_repeated_tokens_once_each():
    assert overlap_f1(["a", "a", "b"], ["a", "b"]) == pytest.approx(0.8)
    assert overlap_f1([], ["a"]) == 0.0


def test_person_key_drops_honorifics_and_falls_back_to_role():
    item = {"name": "صاحب السمو الأمير سعود بن جلوي", "role": "محافظ جدة"}
    assert person_key(item) == ["سعود", "بن", "جلوي"]
    assert person_key({"name": None, "role": "محافظ جدة"}) == ["محافظ", "جده"]


@pytest.mark.parametrize(
    ("token", "stem"),
    [("المتطوعين", "متطوع"), ("زائرا", "زائر"), ("ريال", "ريال"), ("طن", "طن")],
)
def test_unit_stem(token, stem):
    assert unit_stem(token) == stem


def test_match_is_one_to_one_and_needs_half_overlap():
    golds = [{"name": "أمانة جدة"}]
    preds = [{"name": "أمانة محافظة جدة"}, {"name": "أمانة جدة"}]
    assert match("organizers", golds, preds) == (1, 1, 2)
    assert match("venues", [{"name": "مسرح الجامعة"}], [{"name": "فندق هيلتون"}]) == (
        0,
        1,
        1,
    )


def test_statistics_need_value_and_shared_unit_unless_gold_unit_is_null():
    gold = [{"value": 42000, "unit": "متطوع"}, {"value": 5, "unit": None}]
    preds = [{"value": 42000.0, "unit": "المتطوعين"}, {"value": 5, "unit": "أيام"}]
    assert match("statistics", gold, preds) == (2, 2, 2)
    assert match("statistics", gold[:1], [{"value": 42000, "unit": "ريال"}])[0] == 0


def test_dates_match_on_value_or_on_text_when_gold_value_is_null():
    assert match("dates", [{"value": "2015-08-10"}], [{"value": "2015-08-10"}])[0] == 1
    gold = [{"value": None, "text": "الأسبوع المقبل"}]
    pred = [
        {"value": None, "evidence": {"start": 0, "end": 14, "text": "الأسبوع المقبل"}}
    ]
    assert match("dates", gold, pred)[0] == 1


def test_events_match_on_names_only_and_types_as_sets(tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    gold = {
        "id": "a",
        "events": [{"type": "forum", "name": "ملتقى جدة"}, {"type": "ceremony"}],
    }
    (gold_dir / "a.json").write_text(
        json.dumps(gold, ensure_ascii=False), encoding="utf-8"
    )
    pred = {"id": "a", "events": [{"type": "forum", "name": None}, {"type": "other"}]}
    report = score(gold_dir, [pred])
    assert (report["events"]["gold"], report["events"]["predicted"]) == (1, 0)
    assert report["event_types"]["tp"] == 1
    assert report["event_types"]["precision"] == pytest.approx(0.5)


def test_missing_articles_count_as_empty_and_table_lists_every_kind(tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    gold = {"id": "a", "organizers": [{"name": "أمانة جدة"}]}
    (gold_dir / "a.json").write_text(
        json.dumps(gold, ensure_ascii=False), encoding="utf-8"
    )
    report = score(gold_dir, {})
    assert report["organizers"]["recall"] == 0.0
    assert report["core_micro"]["gold"] == 1
    table = format_table(report)
    for kind in (*KINDS, "event_types", "core_micro"):
        assert kind in table


def test_malformed_prediction_line_is_reported_with_its_number(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text('{"id": "a"}\n{oops\n', encoding="utf-8")
    with pytest.raises(Exception, match=r"pred.jsonl:2: malformed JSON"):
        load_predictions(path)


def _perturbed_predictions(seed: int) -> list[dict]:
    """Gold facts with items dropped, names cut and values shifted."""
    rng = random.Random(seed)
    preds = []
    for path in sorted((DEV / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for kind in KINDS:
            kept = [dict(item) for item in gold.get(kind) or [] if rng.random() < 0.7]
            for item in kept:
                if item.get("name") and rng.random() < 0.3:
                    item["name"] = item["name"].split()[0]
                if isinstance(item.get("value"), (int, float)) and rng.random() < 0.2:
                    item["value"] += 1
            gold[kind] = kept + kept[:1]
        preds.append(gold)
    return preds


def _reference(predictions: Path) -> dict:
    done = subprocess.run(
        [sys.executable, str(REFERENCE), str(DEV / "gold"), str(predictions), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


@needs_shared
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_agrees_with_reference_on_perturbed_dev_predictions(tmp_path, seed):
    path = tmp_path / "pred.jsonl"
    lines = [json.dumps(p, ensure_ascii=False) for p in _perturbed_predictions(seed)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert score(DEV / "gold", path) == _reference(path)


@needs_shared
def test_agrees_with_reference_on_the_extractors_dev_predictions(tmp_path):
    from extractor import Extractor

    extractor = Extractor(ner=False)
    path = tmp_path / "pred.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for article_path in sorted((DEV / "articles").glob("*.json")):
            art = json.loads(article_path.read_text(encoding="utf-8"))
            facts = extractor(art["text"], published=art.get("published"), id=art["id"])
            out.write(facts.to_json() + "\n")
    assert score(DEV / "gold", path) == _reference(path)
