"""Orthographic normalization for matching, built on camel-tools.

The text we report from is never changed: these functions produce the
*matching* form of a token (``token.norm_``), which folds the spelling
variation of Arabic news (diacritics, tatweel, hamza-on-alef, alef maksura,
teh marbuta, Eastern digits, presentation forms).

>>> normalize("الأثنين")
'الاثنين'
>>> normalize("جامعةُ")
'جامعه'
>>> normalize("٤٢")
'42'
>>> strip_clitics(normalize("وبالمدينة"))
['وبالمدينه', 'بالمدينه', 'المدينه', 'مدينه']
"""

from __future__ import annotations

from functools import lru_cache

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

# Eastern Arabic-Indic (U+0660..U+0669) and Persian (U+06F0..U+06F9) digits.
_DIGITS = str.maketrans(
    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
    "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
    "01234567890123456789",
)
_TATWEEL = "\u0640"  # ـ
WAW, FEH = "\u0648", "\u0641"  # و ف
BEH, LAM, _KAF = "\u0628", "\u0644", "\u0643"  # ب ل ك
AL = "\u0627\u0644"  # ال, the article (after alef folding)
_LL = "\u0644\u0644"  # لل = ل + ال with the alef dropped
_ALEF = "\u0627"  # ا
# Invisible marks that news text carries inside words: LRM, RLM, ZWJ, ZWNJ, BOM.
_INVISIBLE = str.maketrans("", "", "\u200e\u200f\u200c\u200d\ufeff")

MIN_STEM = 2  # never strip a word down to fewer letters than this
# Possessive suffixes as the normalizer leaves them, longest first: هما هم ها ه
POSSESSIVES = ("\u0647\u0645\u0627", "\u0647\u0645", "\u0647\u0627", "\u0647")
_TEH = "\u062a"  # ت: the ة of a noun before a suffix (قاعتها)
_TEH_MARBUTA = "\u0647"  # ه: ة as the normalizer writes it


@lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """Return the matching form of ``text`` (a token or a phrase).

    Applies camel-tools' Unicode normalization, dediacritization and the
    alef / alef-maksura / teh-marbuta foldings, drops tatweel and invisible
    marks, and maps Eastern digits to ASCII. Latin letters are lower-cased.
    """
    text = normalize_unicode(text).translate(_INVISIBLE)
    text = dediac_ar(text).replace(_TATWEEL, "")
    text = normalize_alef_ar(text)
    text = normalize_alef_maksura_ar(text)
    text = normalize_teh_marbuta_ar(text)
    return text.translate(_DIGITS).lower()


@lru_cache(maxsize=200_000)
def strip_clitics(norm: str) -> list[str]:
    """Return ``norm`` and the forms left after removing its proclitics.

    ``norm`` must already be normalized. The conjunctions و/ف, then one of the
    prepositions ب/ل/ك, then the article ال are peeled off in turn, most
    specific reading last; ``لل`` is read as ``ل`` + ``ال``. Every form keeps at
    least :data:`MIN_STEM` letters.
    """
    forms = [norm]
    word = norm
    if len(word) > MIN_STEM + 1 and word[0] in (WAW, FEH):
        word = word[1:]
        forms.append(word)
    if len(word) > MIN_STEM + 2 and word.startswith(_LL):
        word = AL + word[2:]
        forms.append(word)
    elif len(word) > MIN_STEM + 1 and word[0] in (BEH, LAM, _KAF):
        word = word[1:]
        forms.append(word)
    if len(word) > MIN_STEM + 2 and word.startswith(AL):
        word = word[2:]
        forms.append(word)
    return forms


@lru_cache(maxsize=200_000)
def strip_prepositions(norm: str) -> list[str]:
    """Like :func:`strip_clitics` but never removes the article ال.

    ``بالمسرح`` gives ``المسرح`` (not ``مسرح``); ``للجنه`` gives ``لجنه`` too,
    since ل before a word that starts with ل is written ``لل``.
    """
    forms = [
        f for f in strip_clitics(norm) if f == norm or not _article_removed(norm, f)
    ]
    if norm.startswith(_LL) and len(norm) > MIN_STEM + 2:
        forms.append(norm[1:])
    return forms


def _article_removed(norm: str, form: str) -> bool:
    return not form.startswith(AL) and AL + form in strip_clitics(norm)


def has_article(norm: str) -> bool:
    """True when the last clitic layer of ``norm`` is the definite article."""
    return any(form.startswith(AL) for form in strip_clitics(norm)[1:]) or (
        norm.startswith(AL) and len(norm) > MIN_STEM + 2
    )


def bare(norm: str) -> str:
    """The innermost clitic-free form of a normalized word."""
    return strip_clitics(norm)[-1]


def is_arabic_letter(char: str) -> bool:
    """True for a letter of the Arabic block (U+0621..U+064A, U+0671..U+06D3)."""
    return "\u0621" <= char <= "\u064a" or "\u0671" <= char <= "\u06d3"


def arabic_ratio(text: str) -> float:
    """Share of Arabic letters among the letters of ``text`` (0.0 when none)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(map(is_arabic_letter, letters)) / len(letters)


def possessed(
    norm: str, suffixes: tuple[str, ...] = POSSESSIVES
) -> tuple[str, str] | None:
    """The noun under a possessive suffix of ``norm`` (normalized) and the suffix.

    The noun's ة comes back as the normalizer writes it: ``رده`` -> ``رد``,
    ``قاعتها`` -> ``قاعه``. None when no suffix ends the word or the noun would
    keep fewer than :data:`MIN_STEM` letters.
    """
    for suffix in suffixes:
        stem = norm[: -len(suffix)]
        if norm.endswith(suffix) and len(stem) >= MIN_STEM:
            if stem.endswith(_TEH):
                stem = stem[:-1] + _TEH_MARBUTA
            return stem, suffix
    return None
