"""A spaCy tokenizer built on camel-tools' ``simple_word_tokenize``.

camel-tools splits on white space and punctuation and, with
``split_digits=True``, separates digit runs from letters (``2023م`` becomes
``2023`` + ``م``), which spaCy's Arabic rules do not. camel-tools returns
strings only, so the tokens are aligned back onto the text to build a
:class:`~spacy.tokens.Doc` whose ``doc.text`` is the input, character for
character. Two words glued at a teh marbuta (``المعايدةأقامت``: ة only ever
ends a word), or a word with the article glued to the verb that opens a lead
(``الحفلنظم``), are cut apart. The tokenizer keeps its input in ``doc.user_data`` so that
:func:`doc_text` can return it without spaCy rebuilding ``doc.text``.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from camel_tools.tokenizers.word import simple_word_tokenize
from spacy.tokens import Doc
from spacy.vocab import Vocab

from extractor.pipeline.resources import LEXICON_DIR

TEXT = "civic_text"  # doc.user_data key: the text the tokenizer was given


# Where camel-tools may cut a word: what its symbol pattern can start with
# (\p{S}, \p{P}, emoji, regional indicators) and digits (\d, as its digit
# pattern); same ``regex`` engine and Unicode tables as camel-tools.
_PLAIN = r"[^\p{S}\p{P}\p{Emoji}\p{RI}\d]+"
# Characters that extend an emoji match over what follows it (keycap, variation
# selector, zero-width joiner, tags): a word holding one goes to camel-tools.
_EXTENDERS = regex.compile("[\u20e3\ufe0f\u200d\U000e0020-\U000e007f]")
# Common punctuation that camel-tools always cuts as a one-character token.
_PUNCT = ".,:;!?()[]{}\"'-/\\%_\u060c\u061b\u061f\u066a\u00ab\u00bb\u2013\u2014\u2026"


def _always_cut(char: str) -> bool:
    """Punctuation (not an emoji) that camel-tools cuts wherever it stands."""
    if not regex.fullmatch(r"\p{P}", char) or regex.fullmatch(r"\p{Emoji}", char):
        return False
    beh = "\u0628"  # ب
    return simple_word_tokenize(f"{beh}{char}{beh}") == [beh, char, beh]


_CUT = "".join(regex.escape(c) for c in _PUNCT if _always_cut(c))
_PIECES = regex.compile(rf"\d+|[{_CUT}]|{_PLAIN}")
# ة ends a word: a letter right after it means a lost space (a caption glued
# to the story's first word: ``حفل المعايدةأقامت بلدية ...``).
_GLUED_AFTER_TEH_MARBUTA = regex.compile(
    "(?<=\u0629[\u064b-\u0652]*)(?=[\u0621-\u064a])"
)


# A heading glued to a story's first verb where no ة marks the seam (``من
# الحفلنظم مجلس ...``, ``برنامج الفعالياتبدأت ...``): a word with the article and
# two letters at least, then a verb that opens a news lead (lexicon
# ``glued_lead_verbs``, with ت or not, a leading أ also written ا).
_LEAD_VERBS = LEXICON_DIR / "glued_lead_verbs.txt"


@lru_cache(maxsize=1)
def _glued_lead_verb() -> regex.Pattern:
    verbs = [
        line.split("#", 1)[0].strip()
        for line in _LEAD_VERBS.read_text("utf-8").splitlines()
    ]
    forms = "|".join(
        regex.escape(verb).replace("\u0623", "[\u0623\u0627]", 1)
        + ("" if verb.endswith("\u062a") else "\u062a?")
        for verb in verbs
        if verb
    )
    return regex.compile(
        f"^(\u0627\u0644[\u0621-\u064a]{{2,}}?)(?=(?:{forms})(?![\u0621-\u064a]))"
    )


@lru_cache(maxsize=1 << 18)
def _word_tokens(word: str) -> tuple[str, ...]:
    """camel-tools' tokens of one white-space word (memoized: news repeats words).

    ``simple_word_tokenize`` itself works word by word on ``text.split()``, so
    tokenizing word by word gives the same tokens. camel-tools tries a regex at
    every character; a word made only of letters, digit runs and
    :data:`_PUNCT` marks is cut here in one pass, with the same result.
    """
    if "\u0629" in word[:-1]:  # ة inside the word
        parts = _GLUED_AFTER_TEH_MARBUTA.split(word)
        if len(parts) > 1:
            return tuple(tok for part in parts for tok in _word_tokens(part))
    glued = _glued_lead_verb().match(word)
    if glued:
        head = glued.group(1)
        return _word_tokens(head) + _word_tokens(word[len(head) :])
    if not _EXTENDERS.search(word):
        pieces = _PIECES.findall(word)
        if sum(map(len, pieces)) == len(word):
            return tuple(pieces)
    return tuple(simple_word_tokenize(word, split_digits=True))


def align(text: str, tokens: list[str]) -> tuple[list[str], list[bool]]:
    """Lay ``tokens`` (substrings of ``text`` in order) over ``text``.

    Returns spaCy's ``words`` and ``spaces``. White space other than a single
    space after a token (new lines, runs of spaces) becomes a token of its own,
    as in spaCy's own tokenizer, so that ``Doc.text == text``.
    """
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for token in tokens:
        start = text.index(token, pos)
        if start == pos + 1 and words and text[pos] == " ":
            spaces[-1] = True  # the usual gap: one space (what _add_gap does)
        elif start != pos:
            _add_gap(text[pos:start], words, spaces)
        words.append(token)
        spaces.append(False)
        pos = start + len(token)
    _add_gap(text[pos:], words, spaces)
    return words, spaces


def _add_gap(gap: str, words: list[str], spaces: list[bool]) -> None:
    if not gap:
        return
    if gap == " " and words:
        spaces[-1] = True
        return
    if gap.endswith(" ") and len(gap) > 1:
        words.append(gap[:-1])
        spaces.append(True)
    else:
        words.append(gap)
        spaces.append(False)


class CamelTokenizer:
    """Callable spaCy tokenizer: ``nlp.tokenizer = CamelTokenizer(nlp.vocab)``."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        tokens = [tok for word in text.split() for tok in _word_tokens(word)]
        words, spaces = align(text, tokens)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[TEXT] = text
        return doc

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> CamelTokenizer:
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> CamelTokenizer:
        return self


def doc_text(doc: Doc) -> str:
    """``doc.text``, without the O(n) rebuild when the tokenizer kept its input.

    The kept text is used only when it ends where the last token ends.
    """
    text = doc.user_data.get(TEXT)
    if text is not None and len(doc):
        last = doc[-1]
        if len(text) == last.idx + len(last.text_with_ws):
            return text
    return doc.text


def create_camel_tokenizer():
    """spaCy registry hook: ``[nlp.tokenizer] @tokenizers = "civic.camel_tokenizer.v1"``."""

    def make(nlp) -> CamelTokenizer:
        return CamelTokenizer(nlp.vocab)

    return make
