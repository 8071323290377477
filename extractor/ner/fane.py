"""Reader for WikiFANEGold (Alotaibi & Lee 2014), brought to ANERcorp's shape.

FANE splits clitics off (``و العرب``, ``عاصمة ها``), prefixes tokens with U+200E
and tags 50 fine classes. This reader strips the marks, glues one-letter
proclitics to the next token and pronoun enclitics to the previous one (so
tokens look like ANERcorp's surface words, clitics inside entities as ANERcorp
has them), maps fine classes to PER/ORG/LOC and drops every sentence holding an
entity of a class with no ANERcorp counterpart (people groups, facilities,
products, vehicles, weapons), rather than teaching the model they are ``O``.

NewsFANEGold is ANERcorp's own text and is never read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from extractor.arabic.normalize import AL, LAM
from extractor.ner.corpus import Sentence, read_conll, repair_bio

_PER = "Politician Athlete Businessperson Artist Scientist Engineer Lawyer Police"
_ORG = "Government Non-Governmental Commercial Educational Media Religious_ORG Sports"
_GPE = "Continent Nation State-or-Province County-or-District Population-Center"
FANE_MAP: dict[str, str] = {
    **{c: "PER" for c in (_PER + " Religious_PER Other_PER").split()},
    **{c: "ORG" for c in (_ORG + " Entertainment Medical-Science").split()},
    **{
        c: "LOC" for c in (_GPE + " GPE-Cluster Water-Body Land-Region-Natural").split()
    },
}
_DROP = "DROP"

# One-letter proclitics: wa, fa, bi, li, ka (U+0648 U+0641 U+0628 U+0644 U+0643).
PROCLITICS = frozenset("\u0648\u0641\u0628\u0644\u0643")
# Pronoun enclitics (-h, -ha, -hum, -huma, -hunna, -kum, -kuma, -na, -y, -ny).
_H, _A, _M, _N, _K, _Y = "\u0647", "\u0627", "\u0645", "\u0646", "\u0643", "\u064a"
ENCLITICS = frozenset(
    {_H, _H + _A, _H + _M, _H + _M + _A, _H + _N, _K + _M, _K + _M + _A, _N + _A, _Y}
    | {_N + _Y}
)
_TEH_MARBUTA, _TEH = "\u0629", "\u062a"  # ta marbuta becomes ta before a suffix


def _is_arabic(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in word)


def _attach_proclitic(clitic: str, word: str) -> str:
    # li + al- drops the alef: lil- (as in the surface text).
    if clitic == LAM and word.startswith(AL):
        return clitic + word[1:]
    return clitic + word


def rejoin_clitics(sent: Sentence) -> Sentence:
    """Glue split clitics back; the host word's tag wins."""
    words: list[str] = []
    tags: list[str] = []
    pending = ""
    for word, tag in zip(sent.words, sent.tags):
        if word in PROCLITICS and not pending:
            pending = word
            continue
        if pending and _is_arabic(word):
            word, pending = _attach_proclitic(pending, word), ""
        elif pending:
            words.append(pending), tags.append("O")
            pending = ""
        if word in ENCLITICS and words and _is_arabic(words[-1]):
            host = words[-1]
            if host.endswith(_TEH_MARBUTA):
                host = host[:-1] + _TEH
            words[-1] = host + word
            continue
        words.append(word), tags.append(tag)
    if pending:
        words.append(pending), tags.append("O")
    return Sentence(words, repair_bio(tags))


def read_fane(path: Path) -> Iterator[Sentence]:
    """Sentences of a FANE file, rejoined, mapped, unmappable ones dropped."""
    for sent in read_conll(path, _DropMap(FANE_MAP)):
        if any(t.endswith(_DROP) for t in sent.tags):
            continue
        yield rejoin_clitics(sent)


class _DropMap(dict):
    """A label map that sends unknown fine classes to the drop marker."""

    def get(self, key, default=None):
        return super().get(key, _DROP)
