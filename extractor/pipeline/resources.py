"""Load the word lists in ``extractor/data`` and match them against tokens.

Lexicons are text files, one term a line, ``#`` starts a comment. A line may
carry a value after a tab (``term<TAB>value``), which :func:`load_table`
returns. Terms are stored in their normalized form (see
:mod:`extractor.arabic.normalize`), so a lexicon matches whatever spelling the
article used. Bad files fail at load time, naming file, line and term.

Components name lexicons in their config instead of embedding words::

    {"cues": {"@misc": "civic.lexicon.v1", "name": "patron_cues"}}
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from spacy.attrs import NORM as NORM_ATTR
from spacy.tokens import Doc, Token
from spacy.util import registry

from extractor.arabic.normalize import WAW, normalize, strip_clitics, strip_prepositions
from extractor.errors import DataFileError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LEXICON_DIR = DATA_DIR / "lexicons"
NORMS = "civic_norms"  # doc.user_data key: every token's norm, read once per doc


def _lines(name: str):
    path = LEXICON_DIR / f"{name}.txt"
    if not path.is_file():
        raise DataFileError(f"{path}: no such lexicon")
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if line:
            yield path, lineno, line


@cache
def load_table(name: str) -> dict[str, str]:
    """``{normalized term: value}`` from ``data/lexicons/<name>.txt``."""
    table: dict[str, str] = {}
    for path, lineno, line in _lines(name):
        term, _, value = line.partition("\t")
        key = " ".join(normalize(w) for w in term.split())
        if not key:
            raise DataFileError(f"{path}:{lineno}: empty term in {line!r}")
        if key in table:
            raise DataFileError(f"{path}:{lineno}: duplicate term {term!r}")
        table[key] = value.strip()
    return table


@cache
def teh_marbuta_terms(name: str) -> frozenset[str]:
    """The normalized one-word terms of lexicon ``name`` written with a final ة.

    The normalizer writes ة as ه, so ``مكتبة`` (a library) and ``مكتبه`` (his
    office) look alike; the written ه of a token says it is the pronoun.
    """
    return frozenset(
        normalize(term)
        for _, _, line in _lines(name)
        if " " not in (term := line.partition("\t")[0].strip())
        and term.endswith("\u0629")
    )


@cache
def load_lexicon(name: str) -> frozenset[str]:
    """The normalized terms of ``data/lexicons/<name>.txt``."""
    return frozenset(load_table(name))


@registry.misc("civic.lexicon.v1")
def lexicon_ref(name: str) -> frozenset[str]:
    """Config hook: ``{"@misc": "civic.lexicon.v1", "name": ...}``."""
    return load_lexicon(name)


@registry.misc("civic.table.v1")
def table_ref(name: str) -> dict[str, str]:
    """Config hook: ``{"@misc": "civic.table.v1", "name": ...}``."""
    return load_table(name)


class PhraseIndex:
    """Longest-match lookup of (multi-word) normalized terms over tokens.

    The first token of a match may carry proclitics (``بجدة`` matches ``جدة``,
    ``وبرعاية`` matches ``برعاية``); later tokens must match as written, or
    without a leading و (``وتنظيم`` in ``برعاية وتنظيم``).
    """

    def __init__(self, terms: dict[str, str] | frozenset[str]) -> None:
        values = terms if isinstance(terms, dict) else dict.fromkeys(terms, "")
        self.values: dict[tuple[str, ...], str] = {}
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for term, value in values.items():
            words = tuple(term.split())
            self.values[words] = value
            self.by_first.setdefault(words[0], []).append(words)
        for group in self.by_first.values():
            group.sort(key=len, reverse=True)
        self.firsts = frozenset(self.by_first)

    def match(
        self, doc: Doc, i: int, clitics: bool = True, article: bool = True
    ) -> tuple[int, str] | None:
        """``(length, value)`` of the longest term starting at token ``i``.

        ``clitics`` lets the first token carry proclitics; ``article=False``
        keeps the article: ``المسرح`` then does not match ``مسرح``.
        """
        norms = doc.user_data.get(NORMS)  # token_norms(doc), inlined: a hot path
        if norms is None:
            norms = token_norms(doc)
        return self.match_norms(norms, i, clitics, article)

    def match_norms(
        self, norms: Sequence[str], i: int, clitics: bool = True, article: bool = True
    ) -> tuple[int, str] | None:
        """:meth:`match` over a list of token norms (see :func:`token_norms`)."""
        norm = norms[i]
        if not clitics:
            forms = (norm,)
        elif article:
            forms = strip_clitics(norm)
        else:
            forms = strip_prepositions(norm)
        if self.firsts.isdisjoint(forms):
            return None  # the usual case, in one call
        for form in forms:
            for words in self.by_first.get(form, ()):
                if _follows(norms, i + 1, words[1:]):
                    return len(words), self.values[words]
        return None

    def find_all(self, doc: Doc | Sequence[Token], clitics: bool = True):
        """Yield ``(start, end, value)`` for non-overlapping matches, left to right."""
        doc = doc if isinstance(doc, Doc) else doc[0].doc
        norms = token_norms(doc)
        i = 0
        while i < len(norms):
            hit = self.match_norms(norms, i, clitics)
            if hit:
                yield i, i + hit[0], hit[1]
                i += hit[0]
            else:
                i += 1

    def __contains__(self, norm: str) -> bool:
        return (norm,) in self.values


def _follows(norms: Sequence[str], i: int, words: tuple[str, ...]) -> bool:
    if i + len(words) > len(norms):
        return False
    for offset, word in enumerate(words):
        norm = norms[i + offset]
        if norm != word and not (norm[:1] == WAW and norm[1:] == word):  # و
            return False
    return True


def token_norms(doc: Doc) -> list[str]:
    """Every token's ``norm_``, built once per doc and kept in ``doc.user_data``.

    ``doc[i]`` creates a :class:`~spacy.tokens.Token` on every access, so hot
    loops index this list instead. The list is read on first use: call it only
    after ``civic_normalizer`` has set the norms, and do not retokenize after.
    """
    norms = doc.user_data.get(NORMS)
    if norms is None:
        strings = doc.vocab.strings  # NORM ids -> text, as Token.norm_ reads them
        ids = doc.to_array(NORM_ATTR).tolist() if len(doc) else []
        norms = doc.user_data[NORMS] = [strings[key] for key in ids]
    return norms


@cache
def phrase_index(name: str) -> PhraseIndex:
    """A cached :class:`PhraseIndex` over lexicon ``name`` (values included)."""
    return PhraseIndex(load_table(name))
