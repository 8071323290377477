"""Write results as JSONL, one whole line at a time, so a kill never loses finished work.

Each record goes out in one ``write`` of the complete line (newline
included) straight to the file descriptor, with no user-space buffer, so the
file only ever holds whole lines plus, after a hard crash mid-write, one
partial last line. ``--resume`` cuts such a line and skips the articles
already written (same id and content hash).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from extractor.api import Article
from extractor.errors import CivicFactsError, InputError
from extractor.schema import ArticleFacts


class OutputError(CivicFactsError):
    """The output file cannot be resumed or written."""


@dataclass
class ResumeIndex:
    """Ids and content hashes of the records an output file already holds."""

    hashes: dict[str, set[str | None]] = field(default_factory=dict)

    def add(self, record: Mapping) -> None:
        source = record.get("source") or {}
        sha1 = source.get("sha1") if isinstance(source, Mapping) else None
        self.hashes.setdefault(str(record.get("id")), set()).add(sha1)

    def __contains__(self, article: Article) -> bool:
        seen = self.hashes.get(str(article.id))
        if not seen:
            return False
        sha1 = article.source.sha1 if article.source else None
        return sha1 in seen or None in seen

    def __len__(self) -> int:
        return sum(len(v) for v in self.hashes.values())


def scan_output(path: Path) -> tuple[ResumeIndex, int]:
    """The records of an existing JSONL output and the byte length of its
    complete lines (a partial last line is not counted)."""
    index, good = ResumeIndex(), 0
    with path.open("rb") as stream:
        for lineno, line in enumerate(stream, 1):
            if not line.endswith(b"\n"):
                break  # a partial line left by a crash
            if line.strip():
                index.add(_parse_line(line, path, lineno))
            good += len(line)
    return index, good


def _parse_line(line: bytes, path: Path, lineno: int) -> dict:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise OutputError(
            f"{path}:{lineno}: not a JSON record; cannot resume"
        ) from None
    if not isinstance(record, dict):
        raise OutputError(f"{path}:{lineno}: not a JSON object; cannot resume")
    return record


def _write_stream(stream: TextIO, line: str) -> None:
    """Write one line to a text stream, as UTF-8 bytes when it has a buffer."""
    binary = getattr(stream, "buffer", None)
    if binary is not None:
        stream.flush()
        binary.write(line.encode("utf-8"))
        binary.flush()
    else:
        stream.write(line)
        stream.flush()


class LineWriter:
    """Append whole lines to a file (or stdout); each line in one write."""

    def __init__(self, path: str | Path | None, *, append: bool = False) -> None:
        self.path = None if path in (None, "-") else Path(path)
        self.lines = 0
        if self.path is None:
            self._fd = None
            self._stdout = sys.stdout
        else:
            flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
            self._fd = os.open(self.path, flags, 0o644)

    def write_line(self, text: str) -> None:
        """Write ``text`` plus a newline as one unit, then count it."""
        if self._fd is None:
            _write_stream(self._stdout, text + "\n")
        else:
            view = memoryview((text + "\n").encode("utf-8"))
            while view:
                view = view[os.write(self._fd, view) :]
        self.lines += 1

    def close(self) -> None:
        """Flush to disk (fsync) and close; safe to call twice."""
        if self._fd is not None:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class JsonlWriter(LineWriter):
    """The facts output. With ``resume``, keeps what an earlier run wrote."""

    def __init__(self, path: str | Path | None, *, resume: bool = False) -> None:
        self.index = ResumeIndex()
        target = None if path in (None, "-") else Path(path)
        if resume and target is not None and target.exists():
            self.index, good = scan_output(target)
            self.truncated = target.stat().st_size - good
            os.truncate(target, good)
        else:
            self.truncated = 0
        super().__init__(path, append=resume)

    def already_written(self, article: Article) -> bool:
        """True when an earlier run wrote this article (same id and content)."""
        return article in self.index

    def write(self, facts: ArticleFacts) -> None:
        self.write_line(facts.to_json())


class ErrorWriter(LineWriter):
    """``--errors FILE``: one ``{"path", "line", "reason"}`` object a line."""

    def write(self, error: InputError) -> None:
        record = {"path": error.path, "line": error.line, "reason": error.reason}
        self.write_line(json.dumps(record, ensure_ascii=False))
