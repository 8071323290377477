"""``civic-facts bench`` on a small slice of the real corpus (not a timed test)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.bench import bench, read_saudinewsnet

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

pytestmark = pytest.mark.skipif(
    not (SHARED / "data" / "saudinewsnet").is_dir(),
    reason=f"{SHARED}/data/saudinewsnet is absent (the shared SaudiNewsNet corpus)",
)


def test_reader_streams_the_zips_in_order():
    first = list(read_saudinewsnet(SHARED / "data" / "saudinewsnet", 3))
    assert len(first) == 3
    assert all(a.text and a.published and len(a.published) == 10 for a in first)
    assert len({a.id for a in first}) == 3


def test_bench_limit_20_no_ner(tmp_path):
    out = tmp_path / "bench.json"
    args = [
        "--shared",
        str(SHARED),
        "--limit",
        "20",
        "--no-ner",
        "--workers",
        "1",
        "--stage-sample",
        "5",
        "--dev-limit",
        "3",
        "--json",
        str(out),
    ]
    result = CliRunner().invoke(bench, args)
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    run = report["throughput"]
    assert run["articles"] == 20 and run["failures"] == 0
    assert run["words_per_s"] > 0 and report["tokenizer_baseline"]["words_per_s"] > 0
    assert report["ratio_to_tokenizer"] > 0
    assert run["parent_rss_mb"] > 0
    stages = [row["stage"] for row in report["stages"]["rows"]]
    assert (
        stages[0] == "tokenizer"
        and "civic_dates" in stages
        and stages[-1] == "assemble"
    )
    assert report["dates"]["articles"] == 3
    assert {"f1", "pipeline_s"} <= report["dates"]["dateparser"].keys()
    assert "words/s" in result.output and "dateparser" in result.output


def test_bench_refuses_a_missing_corpus(tmp_path):
    result = CliRunner().invoke(bench, ["--shared", str(tmp_path), "--limit", "1"])
    assert result.exit_code == 2
    assert "saudinewsnet" in result.output
