"""Reader options and the one place where an input record becomes an :class:`Article`.

JSON records use ``id``, ``title``, ``text`` and ``published``; SaudiNewsNet's
``content`` and ``date_extracted`` are understood too. The options can name
other fields (``--text-field`` ...).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from extractor.api import Article, parse_published
from extractor.errors import InputError
from extractor.io.text import check_text
from extractor.schema import Source

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # one file, record or archive member
DEFAULT_MAX_ARCHIVE_BYTES = 2 * 1024**3  # everything unpacked from one archive

TEXT_FIELDS = ("text", "content")
TITLE_FIELDS = ("title",)
DATE_FIELDS = ("published", "date", "date_extracted")
ID_FIELDS = ("id",)


@dataclass(frozen=True)
class ReaderOptions:
    """How inputs are read. Field options replace the default field names."""

    encoding: str | None = None
    text_field: str | None = None
    title_field: str | None = None
    date_field: str | None = None
    id_field: str | None = None
    published: str | None = None  # for records that carry no date
    max_bytes: int = DEFAULT_MAX_BYTES
    max_archive_bytes: int = DEFAULT_MAX_ARCHIVE_BYTES


def content_hash(text: str, title: str | None, published: str | None) -> str:
    """SHA-1 of what determines an article's facts (stable across runs)."""
    digest = hashlib.sha1()
    for part in (text, title or "", published or ""):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\x00")
    return digest.hexdigest()


def normalize_published(value: object) -> str | None:
    """``YYYY-MM-DD`` of a date field (ISO date or timestamp); raises InputError."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"invalid published date {value!r} (expected YYYY-MM-DD)")
    date = parse_published(value)
    return date.isoformat() if date else None


def make_article(
    text: object,
    *,
    id: str,
    source: Source,
    options: ReaderOptions,
    title: object = None,
    published: object = None,
) -> Article:
    """A checked :class:`Article`; raises :class:`InputError` on bad fields."""
    text = check_text(text)
    date = normalize_published(published) or normalize_published(options.published)
    title = title if isinstance(title, str) and title.strip() else None
    sha1 = content_hash(text, title, date)
    source = source.model_copy(update={"sha1": sha1})
    return Article(text, id=id, title=title, published=date, source=source)


def _pick(record: Mapping, chosen: str | None, defaults: tuple[str, ...]) -> object:
    if chosen:
        return record.get(chosen)
    return next((record[f] for f in defaults if record.get(f) not in (None, "")), None)


def record_article(
    record: object, *, default_id: str, source: Source, options: ReaderOptions
) -> Article:
    """The article of one JSON record; raises :class:`InputError`."""
    if not isinstance(record, Mapping):
        raise InputError(f"record is a JSON {type(record).__name__}, not an object")
    text = _pick(record, options.text_field, TEXT_FIELDS)
    if text is None:
        wanted = options.text_field or " or ".join(TEXT_FIELDS)
        raise InputError(f"missing text field ({wanted})")
    own_id = _pick(record, options.id_field, ID_FIELDS)
    return make_article(
        text,
        id=str(own_id) if own_id not in (None, "") else default_id,
        source=source,
        options=options,
        title=_pick(record, options.title_field, TITLE_FIELDS),
        published=_pick(record, options.date_field, DATE_FIELDS),
    )
