"""The news dump the floret vectors, the pretraining and the lexicon read."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from extractor.ner.vectors import iter_articles, write_training_text


def _news(root: Path) -> None:
    """Two SaudiNewsNet-style zips: JSON files holding lists of articles."""
    root.mkdir()
    for day in range(2):
        with zipfile.ZipFile(root / f"2015-08-0{day + 1}.zip", "w") as archive:
            for part in range(2):
                articles = [
                    {
                        "title": f"خبر {day}{part}{i}",
                        "content": "رعى الأمير 42 ألف متطوع.",
                    }
                    for i in range(5)
                ]
                archive.writestr(f"{day}-{part}.json", json.dumps(articles))


def test_the_dump_is_one_normalized_article_a_line(tmp_path: Path) -> None:
    _news(tmp_path / "news")
    out = tmp_path / "dump.txt"
    assert write_training_text(tmp_path / "news", out, processes=1) == 20
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 20
    assert lines[0] == "خبر 000 رعي الامير 42 الف متطوع ."  # tokenized, normalized


def test_two_processes_write_the_same_dump(tmp_path: Path) -> None:
    _news(tmp_path / "news")
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    write_training_text(tmp_path / "news", one, processes=1)
    assert write_training_text(tmp_path / "news", two, processes=2) == 20
    assert two.read_bytes() == one.read_bytes()  # same lines, same order
    assert write_training_text(tmp_path / "news", two, limit=7, processes=2) == 7
    assert (
        two.read_text(encoding="utf-8").splitlines()
        == (one.read_text(encoding="utf-8").splitlines()[:7])
    )
    assert sum(1 for _ in iter_articles(tmp_path / "news")) == 20
