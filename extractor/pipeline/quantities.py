"""Numbers over tokens: the quantities that ``civic_statistics`` counts.

A quantity is a digit run (``1,200``, ``3.5``, ``٧٥``, Gulf ``7ر2`` = 2.7) or a
number written in words (``ثمانية وثلاثين``), optionally after ``الـ`` and
scaled by multipliers (``42 ألف``, ``1.5 مليون``). Values come from
:mod:`extractor.arabic.numbers`. Singular and dual number words (``واحد``,
``اثنان``) and definite tens (``العشرون``: ordinals) are not quantities.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from extractor.arabic.normalize import AL, WAW
from extractor.arabic.numbers import (
    Number,
    multiplier,
    parse_digits,
    read_words,
    scale,
    word_value,
)
from extractor.pipeline.resources import token_norms

MAX_DIGITS = 9  # longer digit strings are identifiers or phone numbers
DIGIT_GLUE = frozenset({",", ".", "\u066b", "\u066c"})  # , . ٫ ٬
_REH = "\u0631"  # ر


@dataclass
class Quantity:
    """A number over tokens ``[start, end)``; ``words`` when spelled out."""

    start: int
    end: int
    value: Number
    scaled: bool = False
    words: bool = False
    definite: bool = False


def norm_at(doc: Doc, k: int) -> str:
    norms = token_norms(doc)
    return norms[k] if 0 <= k < len(norms) else ""


@lru_cache(maxsize=200_000)
def may_start(norm: str) -> bool:
    """Whether :func:`quantity_at` can find anything at a token of this norm."""
    return norm == AL or norm.isdigit() or word_value(norm) is not None


def _digits(doc: Doc, i: int) -> Quantity | None:
    """``42``, ``1,200``, ``3.5`` (glued separators only) and a multiplier."""
    if not norm_at(doc, i).isdigit():
        return None
    k = i + 1
    while (
        norm_at(doc, k) in DIGIT_GLUE
        and not doc[k - 1].whitespace_
        and not doc[k].whitespace_
        and norm_at(doc, k + 1).isdigit()
    ):
        k += 2
    value = parse_digits(doc[i:k].text)
    if k == i + 1 and _reh_decimal(doc, i):
        value, k = _reh_decimal(doc, i), i + 3
    if value is None or len(norm_at(doc, i)) > MAX_DIGITS:
        return None
    norms = token_norms(doc)
    factor, k2 = 1, k
    while k2 < len(norms) and multiplier(norms[k2]) > 1:
        factor *= multiplier(norms[k2])
        k2 += 1
    return Quantity(i, k2, scale(value, factor), scaled=factor > 1)


def _reh_decimal(doc: Doc, i: int) -> float | None:
    """Gulf press decimals written with ر, digits reversed: ``7ر2`` is 2.7."""
    glued = not doc[i].whitespace_ and i + 2 < len(doc) and not doc[i + 1].whitespace_
    if not glued or doc[i + 1].norm_ != _REH or not norm_at(doc, i + 2).isdigit():
        return None
    return float(f"{doc[i + 2].norm_}.{doc[i].norm_}")


def _ordinal_tens(norm: str, value: Number) -> bool:
    """``(الحادي) والعشرون``, ``العشرون``: a definite ten is an ordinal."""
    norm = norm[1:] if norm[:1] == WAW else norm
    return norm.startswith(AL) and 20 <= value < 100


def _words(doc: Doc, i: int) -> Quantity | None:
    norms = token_norms(doc)
    if i >= len(norms) or word_value(norms[i]) is None:
        return None  # cheap test first: most tokens are no number word
    norms = norms[i : i + 8]
    hit = read_words(norms)
    if hit is None:
        return None
    size, value = hit
    if value < 3 or _ordinal_tens(norms[0], value):
        return None  # واحد/اثنان follow their noun; العقد العشرون is an ordinal
    scaled = any(multiplier(n) > 1 for n in norms[:size])
    definite = norms[0].startswith(AL) and not scaled and value >= 3
    return Quantity(i, i + size, value, scaled, True, definite)


def quantity_at(doc: Doc, i: int) -> Quantity | None:
    """The number starting at token ``i`` (after an optional ``الـ``)."""
    k = i + 1 if norm_at(doc, i) == AL and not doc[i].whitespace_ else i
    found = _digits(doc, k) or _words(doc, k)
    if found is not None and k > i:
        found.start = i
    return found
