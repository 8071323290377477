"""Saved web pages: the article's main text, title and date, via trafilatura.

Menus, footers, comments and other page furniture are left out, so only the
story reaches the extractor. The page's own charset declaration is honoured
when the bytes are not UTF-8.
"""

from __future__ import annotations

import logging
import re

from extractor.errors import InputError
from extractor.io.text import bom_encoding, decode, looks_binary

# trafilatura logs every page it finds no text in; our error stream says it once.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first ``<meta>`` tags, if any."""
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii").lower() if found else None


def decode_html(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """``(markup, encoding)``: explicit, BOM, UTF-8, declared charset, cp1256."""
    if encoding or bom_encoding(data):
        return decode(data, encoding)
    if looks_binary(data):
        raise InputError("binary file, not HTML")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    charset = declared_charset(data)
    if charset:
        try:
            return data.decode(charset), charset
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("cp1256", errors="replace"), "cp1256"


def extract_page(markup: str) -> tuple[str, str | None, str | None]:
    """``(main text, title, date)`` of a page; raises :class:`InputError`."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError("no main text found in the HTML page")
    title = getattr(doc, "title", None)
    return _drop_heading(text, title), title, getattr(doc, "date", None)


def _drop_heading(text: str, title: str | None) -> str:
    """The text without a first line that only repeats the page title."""
    first, newline, rest = text.partition("\n")
    if title and newline and first.strip() == title.strip() and rest.strip():
        return rest
    return text
