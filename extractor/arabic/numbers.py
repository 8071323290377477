"""Arabic numbers as values: digits, number words and multipliers.

Pure ``str -> value`` helpers (no spaCy). Words live in the lexicon
``number_words`` (``term<TAB>value``, a value ``xN`` marks a multiplier such
as ``ألف``); every lookup goes through :func:`extractor.arabic.normalize.normalize`.

>>> parse_number("42 ألف")
42000
>>> parse_number("خمسة وعشرون ألفاً")
25000
>>> parse_number("1.5 مليون")
1500000
>>> parse_number("١٬٢٠٠")
1200
>>> parse_number("المليون")
1000000
>>> parse_number("عشرات") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from extractor.arabic.normalize import AL, WAW, normalize
from extractor.pipeline.resources import load_table

Number = int | float

# Thousands separators: comma, Arabic thousands separator ٬ (U+066C).
_THOUSANDS = re.compile(r"^\d{1,3}([,\u066c]\d{3})+$")
_DOT_THOUSANDS = re.compile(r"^[1-9]\d{0,2}([.]000)+$")
# Decimal point: full stop, Arabic decimal separator ٫ (U+066B), Arabic comma ،.
_DECIMAL = re.compile(r"^\d+[.\u066b\u060c]\d+$")


@lru_cache(maxsize=1)
def _words() -> dict[str, str]:
    return load_table("number_words")


def _tidy(value: float) -> Number:
    return int(value) if float(value).is_integer() else value


def scale(value: Number, factor: int) -> Number:
    """``value * factor`` without float noise (``338.4 ألف`` is 338400).

    >>> scale(338.4, 1000), scale(1.5, 1000000)
    (338400, 1500000)
    """
    return _tidy(round(value * factor, 6))


def parse_digits(text: str) -> Number | None:
    """Value of a digit string with optional thousands separators or decimals.

    >>> parse_digits("1,200"), parse_digits("٣٫٥"), parse_digits("12a")
    (1200, 3.5, None)
    >>> parse_digits("445.000"), parse_digits("0.041")
    (445000, 0.041)
    """
    text = normalize(text.strip())
    if text.isdigit():
        return int(text)
    if _THOUSANDS.match(text):
        return int(re.sub(r"\D", "", text))
    if _DOT_THOUSANDS.match(text):  # 445.000: a thousands point, not a decimal
        return int(re.sub(r"\D", "", text))
    if _DECIMAL.match(text):
        whole, frac = re.split(r"[.\u066b\u060c]", text)
        return _tidy(float(f"{whole}.{frac}"))
    return None


@lru_cache(maxsize=200_000)
def word_value(norm: str) -> str | None:
    """The lexicon value (``"5"`` or ``"x1000"``) of a normalized number word.

    A leading و (``وعشرون``) and the article (``المليون``) are allowed.

    >>> word_value("وعشرين"), word_value("الاف"), word_value("كتاب")
    ('20', 'x1000', None)
    """
    table = _words()
    for form in _forms(norm):
        if form in table:
            return table[form]
    return None


def _forms(norm: str) -> tuple[str, ...]:
    forms = [norm]
    if norm[:1] == WAW and len(norm) > 3:
        forms.append(norm[1:])
    forms += [f[2:] for f in list(forms) if f.startswith(AL) and len(f) > 4]
    return tuple(forms)


def is_multiplier(norm: str) -> bool:
    """True for ``ألف``/``آلاف``/``مليون``/``مليار`` and their forms."""
    value = word_value(norm)
    return bool(value and value.startswith("x"))


def multiplier(norm: str) -> int:
    """The factor of a multiplier word, 1 for anything else.

    >>> multiplier("ملايين"), multiplier("بيت")
    (1000000, 1)
    """
    value = word_value(norm)
    return int(value[1:]) if value and value.startswith("x") else 1


def read_words(norms: Sequence[str], i: int = 0) -> tuple[int, Number] | None:
    """Read a number written in words from ``norms[i:]``.

    Returns ``(tokens used, value)`` or None. Words join with و
    (``ثمانية وثلاثين``); a multiplier scales what came before it
    (``سبعة آلاف``) or stands for one unit of itself (``مليار``).

    >>> read_words(["ثمانيه", "وثلاثين", "يوما"])
    (2, 38)
    >>> read_words(["ثلاثه", "الاف", "وخمسمائه"])
    (3, 3500)
    """
    total, current, k = 0, 0, i
    while k < len(norms):
        value = word_value(norms[k])
        if value is None or (
            k > i and norms[k][:1] != WAW and not _glues(value, current)
        ):
            break
        if value.startswith("t"):  # أحد/اثنا: only as the head of أحد عشر...
            if not _tens_next(norms, k):
                break
            value = value[1:]
        if value.startswith("x"):
            total += max(current, 1) * int(value[1:])
            current = 0
        elif value == "100" and 0 < current < 10 and norms[k][:1] != WAW:
            current *= 100  # ثلاث مئة
        else:
            current += int(value)
        k += 1
    if k == i:
        return None
    return k - i, total + current


def _glues(value: str, current: int) -> bool:
    """Continues a number without و: a multiplier, or عشر/مئة after a unit."""
    return value.startswith("x") or (value in ("10", "100") and 0 < current < 10)


def _tens_next(norms: Sequence[str], k: int) -> bool:
    return k + 1 < len(norms) and word_value(norms[k + 1]) == "10"


def parse_number(text: str) -> Number | None:
    """Value of a quantity phrase: digits, words, or digits with a multiplier.

    >>> parse_number("3 ملايين"), parse_number("مئتين"), parse_number("ثلاثة عشر")
    (3000000, 200, 13)
    """
    parts = re.sub(r"(\d)([^\d\s.,\u066b\u066c])", r"\1 \2", text).split()
    if not parts:
        return None
    value = parse_digits(parts[0])
    norms = [normalize(p) for p in parts]
    if value is not None:
        rest = norms[1:]
        if rest and not all(is_multiplier(w) for w in rest):
            return None
        for word in rest:
            value = scale(value, multiplier(word))
        return value
    hit = read_words(norms)
    return hit[1] if hit and hit[0] == len(norms) else None
