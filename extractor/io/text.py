"""Bytes to text: encodings of Arabic archives, and the checks every text passes.

Without an explicit encoding, a file is read as UTF-8 (a UTF-8 or UTF-16 byte
order mark wins), and as Windows-1256 only when the decoded text is mostly
Arabic letters: cp1256 decodes any byte string, so the ratio check is what
tells an old Arabic archive from a Latin-1 file or noise.

>>> decode("مرحبا".encode("cp1256"))
('مرحبا', 'cp1256')
>>> decode("\\ufeffمرحبا".encode("utf-8"))
('مرحبا', 'utf-8-sig')
"""

from __future__ import annotations

import codecs

from extractor.arabic.normalize import arabic_ratio
from extractor.errors import InputError

FALLBACK_ENCODING = "cp1256"
# A cp1256 reading is accepted when at least this share of letters is Arabic.
MIN_CP1256_RATIO = 0.6
# A text is refused as "no Arabic" below this share of Arabic letters.
MIN_ARABIC_RATIO = 0.2
# More than this share of control characters marks a binary file.
MAX_CONTROL_RATIO = 0.05
_TEXT_CONTROLS = frozenset("\n\r\t\f\v")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_encoding(data: bytes) -> str | None:
    """The encoding announced by a byte order mark at the start of ``data``."""
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def check_encoding(name: str) -> str:
    """The canonical codec name of ``name``; raises LookupError when unknown."""
    return codecs.lookup(name).name


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text: NUL bytes or many control characters."""
    if b"\x00" in data:
        return True
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and chr(b) not in _TEXT_CONTROLS)
    return controls > MAX_CONTROL_RATIO * max(len(sample), 1)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """``(text, encoding used)`` of ``data``; raises :class:`InputError`.

    Args:
        data: the raw bytes of a text file.
        encoding: an explicit codec name; None detects (BOM, UTF-8, cp1256).
    """
    if encoding:
        text = _strict(data, encoding)
        if text is None:
            raise InputError(f"cannot decode as {encoding}")
        return text.lstrip("\ufeff"), encoding
    bom = bom_encoding(data)
    if bom:
        return _decode_bom(data, bom)
    if looks_binary(data):
        raise InputError("binary file, not text")
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    text = data.decode(FALLBACK_ENCODING, errors="replace")
    if arabic_ratio(text) >= MIN_CP1256_RATIO:
        return text, FALLBACK_ENCODING
    raise InputError("not UTF-8 and not Arabic Windows-1256 text (use --encoding)")


def _decode_bom(data: bytes, encoding: str) -> tuple[str, str]:
    text = _strict(data, encoding)
    if text is None:
        raise InputError(f"invalid {encoding} text after its byte order mark")
    return text.lstrip("\ufeff"), encoding


def check_text(text: object) -> str:
    """``text`` if it is a usable Arabic article body; raises :class:`InputError`."""
    if not isinstance(text, str):
        raise InputError(f"text is not a string ({type(text).__name__})")
    if not text.strip():
        raise InputError("empty text")
    if "\x00" in text:
        raise InputError("binary content in text")
    if not text.isascii() and _has_surrogates(text):
        raise InputError("invalid Unicode in text (lone surrogate escapes)")
    ratio = arabic_ratio(text)
    if ratio == 0.0:
        raise InputError("no Arabic text")
    if ratio < MIN_ARABIC_RATIO:
        raise InputError(f"too little Arabic text ({ratio:.0%} of letters are Arabic)")
    return text


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
