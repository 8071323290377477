"""Parse the bytes of one input (text, JSON, JSONL, HTML) into articles.

Every function here yields :class:`Article` or :class:`InputError` items and
raises :class:`InputError` only for a problem that spoils the whole input.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

from extractor.api import Article
from extractor.errors import InputError
from extractor.io.archive import Budget, iter_lines
from extractor.io.html import decode_html, extract_page
from extractor.io.records import ReaderOptions, make_article, record_article
from extractor.io.text import decode
from extractor.schema import Source

Item = Article | InputError


def where(source: Source) -> str:
    """How errors name an input: ``path`` or ``archive.zip/member``."""
    if source.member:
        return f"{source.path}/{source.member}"
    return source.path or "<input>"


def parse_payload(
    kind: str, data: bytes, id_base: str, source: Source, options: ReaderOptions
) -> Iterator[Item]:
    """The records of a whole (non-JSONL) input held in memory."""
    if not data.strip():
        raise InputError("empty file")
    if kind == "json":
        yield from parse_json(data, id_base, source, options)
    elif kind == "html":
        yield parse_html(data, id_base, source, options)
    else:
        text, encoding = decode(data, options.encoding)
        source = source.model_copy(update={"encoding": encoding})
        yield make_article(text, id=id_base, source=source, options=options)


def parse_html(
    data: bytes, id_base: str, source: Source, options: ReaderOptions
) -> Article:
    """The article of a saved web page (main text, title and date)."""
    markup, encoding = decode_html(data, options.encoding)
    try:
        text, title, date = extract_page(markup)
    except InputError:
        raise
    except Exception as err:  # noqa: BLE001 - a parser crash is one bad input
        raise InputError(f"cannot parse HTML ({type(err).__name__})") from None
    source = source.model_copy(update={"encoding": encoding})
    return make_article(
        text, id=id_base, source=source, options=options, title=title, published=date
    )


def _loads(text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(
            f"malformed JSON: {err.msg} (column {err.colno})", line=err.lineno
        ) from None


def parse_json(
    data: bytes, id_base: str, source: Source, options: ReaderOptions
) -> Iterator[Item]:
    """One record, or an array of records (ids get ``#index``)."""
    text, encoding = decode(data, options.encoding)
    value = _loads(text)
    source = source.model_copy(update={"encoding": encoding})
    if not isinstance(value, list):
        yield record_article(value, default_id=id_base, source=source, options=options)
        return
    if not value:
        raise InputError("empty JSON array")
    for index, record in enumerate(value):
        try:
            yield record_article(
                record,
                default_id=f"{id_base}#{index}",
                source=source.model_copy(update={"index": index}),
                options=options,
            )
        except InputError as err:
            yield InputError(err.reason, f"{where(source)}#{index}")


def read_jsonl(
    stream: IO[bytes],
    id_base: str,
    source: Source,
    options: ReaderOptions,
    budget: Budget | None = None,
) -> Iterator[Item]:
    """One record a line; errors carry the line number; blank lines are skipped."""
    encoding = options.encoding or "utf-8"
    seen = False
    for lineno, line in iter_lines(stream, options.max_bytes, budget):
        if isinstance(line, InputError):
            yield InputError(line.reason, where(source), lineno)
            continue
        if lineno == 1 and line.startswith(b"\xef\xbb\xbf") and encoding == "utf-8":
            line = line[3:]  # a UTF-8 byte order mark
        if not line.strip():
            continue
        seen = True
        yield _jsonl_record(line, lineno, encoding, id_base, source, options)
    if not seen:
        raise InputError("empty file")


def _jsonl_record(
    line: bytes,
    lineno: int,
    encoding: str,
    id_base: str,
    source: Source,
    options: ReaderOptions,
) -> Item:
    try:
        record = _loads(line.decode(encoding))
        return record_article(
            record,
            default_id=f"{id_base}:{lineno}",
            source=source.model_copy(update={"line": lineno, "encoding": encoding}),
            options=options,
        )
    except UnicodeDecodeError:
        return InputError(f"line is not {encoding} text", where(source), lineno)
    except InputError as err:
        return InputError(err.reason, where(source), lineno)
