"""Writers: whole lines only, resume index, partial last line cut on resume."""

from __future__ import annotations

import json

import pytest

from extractor.api import Article
from extractor.errors import InputError
from extractor.io.writers import ErrorWriter, JsonlWriter, OutputError, scan_output
from extractor.schema import ArticleFacts, Source

TEXT = "رعى أمير المنطقة حفل التخرج"


def facts(n: int, sha1: str | None = None) -> ArticleFacts:
    return ArticleFacts(id=f"a{n}", source=Source(path="x.txt", sha1=sha1 or f"h{n}"))


def article(n: int, sha1: str | None = None) -> Article:
    return Article(TEXT, id=f"a{n}", source=Source(sha1=sha1 or f"h{n}"))


def test_each_record_is_one_complete_line_on_disk_before_close(tmp_path):
    path = tmp_path / "out.jsonl"
    writer = JsonlWriter(path)
    for n in range(3):
        writer.write(facts(n))
        lines = path.read_bytes().split(b"\n")
        assert lines[-1] == b"" and len(lines) == n + 2
    writer.close()
    assert [json.loads(line)["id"] for line in path.read_text().splitlines()] == [
        "a0",
        "a1",
        "a2",
    ]
    assert writer.lines == 3


def test_without_resume_the_output_is_replaced(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text('{"id": "old"}\n')
    with JsonlWriter(path) as writer:
        writer.write(facts(1))
    assert [json.loads(x)["id"] for x in path.read_text().splitlines()] == ["a1"]


def test_resume_cuts_a_partial_last_line_and_indexes_the_rest(tmp_path):
    path = tmp_path / "out.jsonl"
    with JsonlWriter(path) as writer:
        writer.write(facts(0))
        writer.write(facts(1))
    whole = path.read_bytes()
    path.write_bytes(whole + facts(2).to_json().encode()[:25])  # a crash mid-line
    with JsonlWriter(path, resume=True) as writer:
        assert writer.truncated == 25
        assert writer.already_written(article(0)) and writer.already_written(article(1))
        assert not writer.already_written(article(2))
        assert not writer.already_written(article(1, sha1="changed"))
        writer.write(facts(2))
    ids = [json.loads(x)["id"] for x in path.read_text().splitlines()]
    assert ids == ["a0", "a1", "a2"]


def test_resume_of_a_missing_file_starts_afresh(tmp_path):
    with JsonlWriter(tmp_path / "new.jsonl", resume=True) as writer:
        assert len(writer.index) == 0 and writer.truncated == 0
        writer.write(facts(0))
    assert (tmp_path / "new.jsonl").read_text().count("\n") == 1


def test_a_corrupt_complete_line_refuses_resume(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text(
        facts(0).to_json() + "\nnot json at all\n" + facts(1).to_json() + "\n"
    )
    with pytest.raises(OutputError, match=r"out.jsonl:2: not a JSON record"):
        scan_output(path)


def test_stdout_output(capsys):
    with JsonlWriter(None) as writer:
        writer.write(facts(0))
    assert json.loads(capsys.readouterr().out)["id"] == "a0"


def test_error_writer_writes_path_line_reason(tmp_path):
    path = tmp_path / "errors.jsonl"
    with ErrorWriter(path) as writer:
        writer.write(InputError("malformed JSON", "in/a.jsonl", 3))
        writer.write(InputError("empty file", "in/b.txt"))
    records = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    assert records == [
        {"path": "in/a.jsonl", "line": 3, "reason": "malformed JSON"},
        {"path": "in/b.txt", "line": None, "reason": "empty file"},
    ]
