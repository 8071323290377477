"""Turn files, folders, archives and stdin into a stream of articles.

:func:`iter_articles` yields an :class:`Article` per record, or an
:class:`InputError` for input that cannot be used — it never raises for bad
input, so one broken file does not stop a batch. Folders are walked
recursively in sorted order; ids are the record's own id, else the path
relative to the input root, plus ``:line`` (JSONL) or ``#index`` (JSON array).
"""

from __future__ import annotations

import io
import json
import os
import sys
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from extractor.api import Article
from extractor.errors import InputError
from extractor.io.archive import ArchiveTooLarge, Member, iter_members, read_capped
from extractor.io.formats import parse_payload, read_jsonl
from extractor.io.records import ReaderOptions
from extractor.schema import Source

Item = Article | InputError
FORMATS = {
    ".txt": "txt",
    ".json": "json",
    ".jsonl": "jsonl",
    ".html": "html",
    ".htm": "html",
}
STDIN = "-"
# Errors a broken member or file can raise while being read or inflated.
READ_ERRORS = (OSError, EOFError, zipfile.BadZipFile, zlib.error, NotImplementedError)


def iter_articles(
    paths: Iterable[str | Path], options: ReaderOptions | None = None
) -> Iterator[Item]:
    """Articles (and input errors) of every path, in order.

    Args:
        paths: files, folders (walked recursively) or ``-`` for stdin.
        options: encodings, field names, size caps; defaults when None.
    """
    options = options or ReaderOptions()
    for arg in paths:
        if str(arg) == STDIN:
            yield from read_stdin(options)
            continue
        path = Path(arg)
        if path.is_dir():
            for file in walk(path):
                yield from read_file(file, file.relative_to(path).as_posix(), options)
        elif path.is_file():
            yield from read_file(path, path.name, options)
        else:
            yield InputError("no such file or directory", str(path))


def walk(root: Path) -> list[Path]:
    """Readable files under ``root`` (known suffixes, no hidden ones), sorted
    by their path relative to ``root``."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            suffix = Path(name).suffix.lower()
            if not name.startswith(".") and (suffix in FORMATS or suffix == ".zip"):
                found.append(Path(folder) / name)
    return sorted(found, key=lambda path: path.relative_to(root).parts)


def file_format(name: str) -> str:
    """``txt``, ``json``, ``jsonl`` or ``html`` by suffix (unknown: ``txt``)."""
    return FORMATS.get(Path(name).suffix.lower(), "txt")


def read_file(path: Path, id_base: str, options: ReaderOptions) -> Iterator[Item]:
    """The records of one file (archives member by member)."""
    source = Source(path=str(path))
    try:
        if path.suffix.lower() == ".zip":
            yield from read_archive(path, id_base, options)
        elif file_format(path.name) == "jsonl":
            with path.open("rb") as stream:
                yield from read_jsonl(stream, id_base, source, options)
        else:
            data = _read_small_file(path, options.max_bytes)
            yield from parse_payload(
                file_format(path.name), data, id_base, source, options
            )
    except InputError as err:
        yield _located(err, str(path))
    except READ_ERRORS as err:
        yield InputError(f"cannot read: {err}", str(path))


def _read_small_file(path: Path, limit: int) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise InputError(f"file too large ({size} bytes > --max-bytes {limit})")
    with path.open("rb") as stream:
        return read_capped(stream, limit)


def read_archive(path: Path, id_base: str, options: ReaderOptions) -> Iterator[Item]:
    """The records of every member of a zip archive, streamed."""
    for member in iter_members(path, options.max_archive_bytes):
        if isinstance(member, InputError):
            yield member
            continue
        try:
            yield from read_member(member, path, id_base, options)
        except ArchiveTooLarge as err:
            yield _located(err, f"{path}/{member.name}")
            return
        except InputError as err:
            yield _located(err, f"{path}/{member.name}")
        except READ_ERRORS as err:
            yield InputError(f"cannot read member: {err}", f"{path}/{member.name}")


def read_member(
    member: Member, path: Path, id_base: str, options: ReaderOptions
) -> Iterator[Item]:
    """The records of one archive member."""
    source = Source(path=str(path), member=member.name)
    member_id = f"{id_base}/{member.name}"
    kind = file_format(member.name)
    with member.open() as stream:
        if kind == "jsonl":
            yield from read_jsonl(stream, member_id, source, options, member.budget)
            return
        data = read_capped(stream, options.max_bytes, member.budget)
    yield from parse_payload(kind, data, member_id, source, options)


def read_stdin(options: ReaderOptions) -> Iterator[Item]:
    """Records from standard input: a JSON value, JSONL, or one plain text."""
    source = Source(path="<stdin>")
    try:
        data = read_capped(sys.stdin.buffer, options.max_bytes)
    except InputError as err:
        yield _located(err, "<stdin>")
        return
    kind = sniff_format(data)
    if kind == "jsonl":
        yield from read_jsonl(io.BytesIO(data), "stdin", source, options)
    else:
        yield from _guarded(
            parse_payload(kind, data, "stdin", source, options), "<stdin>"
        )


def sniff_format(data: bytes) -> str:
    """``json``, ``jsonl`` or ``txt`` for bytes of unknown origin."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"[":
        return "json"
    if head != b"{":
        return "txt"
    try:
        json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return "jsonl"
    return "json"


def _guarded(items: Iterator[Item], where: str) -> Iterator[Item]:
    try:
        yield from items
    except InputError as err:
        yield _located(err, where)


def _located(err: InputError, path: str, line: int | None = None) -> InputError:
    """``err`` with its path (and line) filled in where it had none."""
    line = err.line if err.line is not None else line
    return type(err)(err.reason, err.path or path, line)
