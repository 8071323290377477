"""Token-level tests against the lexicons, shared by the fact components.

Every function takes a doc and a token index and answers from ``token.norm_``
with the clitic-aware :class:`~extractor.pipeline.resources.PhraseIndex`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import normalize_unicode
from spacy.tokens import Doc, Token

from extractor.arabic.normalize import (
    AL,
    BEH,
    FEH,
    WAW,
    normalize,
    strip_clitics,
    strip_prepositions,
)
from extractor.pipeline.resources import (
    LEXICON_DIR,
    load_lexicon,
    phrase_index,
    token_norms,
)

_LL = "\u0644\u0644"  # لل
_PREPS = (BEH, "\u0644", "\u0643")  # ب ل ك
# ” opens a quote too where it follows a space: Arabic text often writes ” الوطن ”
QUOTES_OPEN = frozenset("\"\u201c\u201d\u00ab\u201e\u2018'(")  # " “ ” « „ ‘ ' (
QUOTES_CLOSE = frozenset("\"\u201d\u00bb\u201c\u2019')")  # " ” » “ ’ ' )
COMMAS = frozenset({",", "\u060c"})  # , ،
MIN = "\u0645\u0646"  # من, the preposition
FI = "\u0641\u064a"  # في


@lru_cache(maxsize=1)
def _stops() -> frozenset[str]:
    return load_lexicon("phrase_stops")


@cache
def _written(name: str) -> frozenset[str]:
    """Terms of ``data/lexicons/<name>.txt`` compared on the dediacritized text.

    For words that normalization would merge with others (ى → ي, أ → ا).
    """
    return frozenset(
        dediac_ar(line.split("#", 1)[0].strip())
        for line in (LEXICON_DIR / f"{name}.txt").read_text("utf-8").splitlines()
        if line.split("#", 1)[0].strip()
    )


def written_as(token: Token, name: str) -> bool:
    """The token, as written (diacritics and a leading و aside), is a term of ``name``."""
    text = dediac_ar(token.text)
    terms = _written(name)
    return text in terms or (text[:1] == WAW and text[1:] in terms)


def is_break(token: Token) -> bool:
    """Punctuation, a line break, or anything that is not a word or a number."""
    text = token.text
    return not any(c.isalnum() for c in text)


# Tatweel and the short vowels, shadda and sukun a word's letters may carry
# (لبّان، مُعرف); tanween stays: a word ending in it is an adverb (سابقاً، أيضاً).
_MARKS_IN_WORDS = dict.fromkeys(map(ord, "\u0640\u064e\u064f\u0650\u0651\u0652"))


def is_word(token: Token) -> bool:
    """A token made of letters (no digits, no punctuation, no tanween)."""
    return token.text.translate(_MARKS_IN_WORDS).isalpha()


def is_stop(token: Token) -> bool:
    """A function word or frequent verb that ends a name phrase (also after و)."""
    norm = token.norm_
    stops = _stops()
    if norm in stops or (norm[:1] == WAW and norm[1:] in stops):
        return True
    return written_as(token, "phrase_stops_maksura")


def has_waw(token: Token) -> bool:
    """Starts with the conjunction و and is more than a short word.

    ``ووزارة`` is و + وزارة; a short ``وو...`` word is left alone, and so is a
    head noun whose own first letter is و (``وزارة``, ``وكالة``: lexicon terms).
    """
    norm = token.norm_
    if norm[:1] != WAW or len(norm) <= (4 if norm[1:2] == WAW else 3):
        return False
    return norm not in _waw_heads()


@cache
def _waw_heads() -> frozenset[str]:
    """First words of head-noun terms that begin with و (وزارة، وكالة، وزير)."""
    return frozenset(
        word
        for name in ("org_heads", "venue_heads", "person_offices")
        for term in load_lexicon(name)
        for word in term.split()[:1]
        if word[:1] == WAW
    )


def is_definite(token: Token) -> bool:
    """The word carries the article ال (possibly behind و / ف and ب / ل / ك).

    Read on the dediacritized text, before alef folding: ``آلية`` and
    ``إلى`` only look definite once آ and إ become ا. Presentation forms
    are unfolded first (``اﻷهلية``, written with the ligature ﻷ).
    """
    return _definite_text(token.text)


@lru_cache(maxsize=100_000)
def _definite_text(text: str) -> bool:
    # presentation forms unfolded (اﻷهلية is الأهلية), tatweel dropped
    word = dediac_ar(normalize_unicode(text)).replace("\u0640", "")
    if word[:1] in (WAW, FEH) and len(word) > 4:
        word = word[1:]
    if word.startswith(_LL) and len(word) > 3:
        return True
    if word[:1] in _PREPS and len(word) > 4:
        word = word[1:]
    return word.startswith(AL) and len(word) > 3


def prep_clitic(token: Token) -> str | None:
    """The preposition ب / ل / ك glued to the word (behind an optional و), if any."""
    return norm_prep_clitic(token.norm_)


def norm_prep_clitic(norm: str) -> str | None:
    """:func:`prep_clitic` of a normalized word.

    A word the lexicons list as it stands (``بلدية``, ``بطولة``, ``لجنة``,
    ``بريدة``) carries no preposition, though it starts with one's letter.
    """
    if norm[:1] == WAW and len(norm) > 4:
        norm = norm[1:]
    if norm[:1] in _PREPS and len(norm) > 3 and norm not in _listed_words():
        return norm[0]
    return None


# Lexicons whose words are nouns and names; a listed word is read as written.
_WORD_LEXICONS = (
    "org_heads",
    "venue_heads",
    "place_kinds",
    "event_nouns",
    "person_offices",
    "person_titles",
    "places",
    "countries",
)


@cache
def _listed_words() -> frozenset[str]:
    """Every word of the noun and name lexicons that starts like a preposition."""
    return frozenset(
        word
        for name in _WORD_LEXICONS
        for term in load_lexicon(name)
        for word in term.split()
        if word[:1] in _PREPS
    )


def match(
    name: str, doc: Doc, i: int, clitics: bool = True, article: bool = True
) -> tuple[int, str] | None:
    """Longest term of lexicon ``name`` starting at token ``i``: ``(length, value)``."""
    if i >= len(doc):
        return None
    return phrase_index(name).match(doc, i, clitics, article)


def match_head(name: str, doc: Doc, i: int) -> tuple[int, str] | None:
    """A head noun of lexicon ``name`` at ``i``: و / ب / ل may be glued, ال may not go."""
    return match(name, doc, i, article=False)


def match_exact(name: str, doc: Doc, i: int) -> tuple[int, str] | None:
    """Like :func:`match` but the first token may only carry a leading و."""
    if i >= len(doc):
        return None
    norms = token_norms(doc)
    index = phrase_index(name)
    hit = index.match_norms(norms, i, clitics=False)
    norm = norms[i]
    if hit or norm[:1] != WAW:
        return hit
    forms = strip_clitics(norm)
    if len(forms) > 1 and forms[1] == norm[1:]:
        for words in index.by_first.get(forms[1], ()):
            if all(
                i + 1 + k < len(norms) and norms[i + 1 + k] == w
                for k, w in enumerate(words[1:])
            ):
                return len(words), index.values[words]
    return None


def exact_hits(name: str, doc: Doc) -> Iterator[tuple[int, tuple[int, str]]]:
    """Every ``(i, match_exact(name, doc, i))`` that hits, left to right.

    One pass over the norms that skips, with a set lookup, every token that
    cannot start a term (the usual case), before the full match.
    """
    firsts = phrase_index(name).firsts
    for i, norm in enumerate(token_norms(doc)):
        if norm in firsts or (norm[:1] == WAW and norm[1:] in firsts):
            hit = match_exact(name, doc, i)
            if hit:
                yield i, hit


def hits(name: str, doc: Doc) -> Iterator[tuple[int, tuple[int, str]]]:
    """Every ``(i, match(name, doc, i))`` that hits, left to right (overlaps included).

    Like :func:`exact_hits`, one pass that rules most tokens out with a set
    test on their clitic-stripped forms before the full match.
    """
    firsts = phrase_index(name).firsts
    for i, norm in enumerate(token_norms(doc)):
        if not firsts.isdisjoint(strip_clitics(norm)):
            hit = match(name, doc, i)
            if hit:
                yield i, hit


def head_cut(doc: Doc, i: int, lexicon: str) -> int:
    """Characters of token ``i`` to skip so that it starts at its lexicon head.

    ``بمسرح`` -> 1 (``مسرح``), ``وللجنة`` -> 2; 0 when the token matches as written.
    """
    text = doc[i].text
    index = phrase_index(lexicon)
    for form in strip_prepositions(doc[i].norm_):
        if form not in index.by_first:
            continue
        for cut in range(len(text)):
            if normalize(text[cut:]) == form:
                return cut
    return 0


def skip_space(doc: Doc, k: int) -> int:
    """The first index from ``k`` that is not a white-space token (NBSP etc.) on the same line."""
    while k < len(doc) and doc[k].is_space and "\n" not in doc[k].text:
        k += 1
    return k
