"""Readers for the Arabic NER corpora in ``../shared/data/ner``.

Every reader yields :class:`Sentence` objects: the corpus' own tokens and
IOB2 tags mapped to one label scheme, ``PER ORG LOC MISC`` (Wojood's extra
types are mapped or dropped by :data:`LABEL_MAP`). Tags are repaired on the way
in: an ``I-X`` that does not continue an ``X`` entity starts one (``B-X``).

NewsFANEGold is ANERcorp's own text re-segmented with clitics split; it is
deliberately not read here, so ANERcorp test sentences cannot leak into
training.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# Invisible marks that some corpora leave on or as tokens:
# U+200E LRM, U+200F RLM, U+FEFF BOM, U+200B ZWSP, U+200C ZWNJ, U+200D ZWJ.
_INVISIBLE = "\u200e\u200f\ufeff\u200b\u200c\u200d"

# Corpus label -> common label; a label missing here becomes O.
LABEL_MAP: dict[str, str] = {
    "PER": "PER",
    "PERS": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "MISC": "MISC",
    "MIS": "MISC",
    "MIS0": "MISC",
    "MIS1": "MISC",
    "MIS2": "MISC",
    "MIS3": "MISC",
    "MIS-1": "MISC",
    "MIS-2": "MISC",
    "MISS1": "MISC",
    "MIS1`": "MISC",
    "-ORG": "ORG",
}

# Wojood marker lines (``$#$ O``) are export debris, not words.
_WOJOOD_MARKER = "$#$"


@dataclass
class Sentence:
    """One annotated sentence: tokens and IOB2 tags of the common scheme."""

    words: list[str]
    tags: list[str]


def map_tag(tag: str, label_map: dict[str, str] = LABEL_MAP) -> str:
    """Map a corpus tag (``B-PERS``, ``I-MIS1``, ``OO``) to the common scheme.

    >>> map_tag("B-PERS"), map_tag("I-GPE"), map_tag("B-DATE"), map_tag("OO")
    ('B-PER', 'I-LOC', 'O', 'O')
    """
    if len(tag) < 3 or tag[1] != "-" or tag[0] not in "BI":
        return "O"
    label = label_map.get(tag[2:])
    return f"{tag[0]}-{label}" if label else "O"


def repair_bio(tags: list[str]) -> list[str]:
    """Turn every ``I-X`` that does not follow ``B-X``/``I-X`` into ``B-X``.

    >>> repair_bio(["I-PER", "I-PER", "O", "I-LOC", "B-ORG", "I-LOC"])
    ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-ORG', 'B-LOC']
    """
    fixed: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
        prev = tag
    return fixed


def read_conll(path: Path, label_map: dict[str, str] = LABEL_MAP) -> Iterator[Sentence]:
    """Read a ``TOKEN TAG [TAG...]`` file with blank lines between sentences.

    Only the first tag column is read (Wojood's outermost entity). Tokens made
    only of invisible marks and Wojood's ``$#$`` markers are dropped.
    """
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        parts = line.split()
        if not parts:
            if words:
                yield Sentence(words, repair_bio(tags))
            words, tags = [], []
            continue
        word = parts[0].strip(_INVISIBLE)
        if not word or word == _WOJOOD_MARKER or len(parts) < 2:
            continue
        words.append(word)
        tags.append(map_tag(parts[1], label_map))
    if words:
        yield Sentence(words, repair_bio(tags))


def read_many(paths: Iterable[Path]) -> list[Sentence]:
    """All sentences of several CoNLL files, in order."""
    return [sent for path in paths for sent in read_conll(path)]


def read_part(root: Path, name: str) -> list[Sentence]:
    """All sentences of a named corpus part (see :func:`corpus_files`)."""
    if name == "wikifane":
        from extractor.ner.fane import read_fane

        path = root / "fanegold-2014" / "WikiFANE_Gold_2014_500K.txt"
        return list(read_fane(path))
    return read_many(corpus_files(root, name))


def corpus_files(root: Path, name: str) -> list[Path]:
    """Files of a named corpus part under ``root`` (``../shared/data/ner``).

    Names: ``anercorp-train``, ``anercorp-test``, ``aqmar``, ``wojood-train``,
    ``wojood-val``, ``wojood-test`` (``wikifane`` has its own reader, see
    :func:`read_part`).
    """
    table = {
        "anercorp-train": ["anercorp-camel/ANERCorp_CamelLab_train.txt"],
        "anercorp-test": ["anercorp-camel/ANERCorp_CamelLab_test.txt"],
        "wojood-train": ["wojood-sample/train.txt"],
        "wojood-val": ["wojood-sample/val.txt"],
        "wojood-test": ["wojood-sample/test.txt"],
    }
    if name == "aqmar":
        return sorted((root / "aqmar").glob("*.txt"))
    if name not in table:
        raise ValueError(
            f"unknown corpus part {name!r}; known: {sorted(table)} + aqmar"
        )
    return [root / rel for rel in table[name]]


def split_dev(sentences: list[Sentence], every: int = 10) -> tuple[list, list]:
    """Hold out every ``every``-th block of 20 sentences as a dev set.

    Blocks keep neighbouring sentences of one article together, so dev is
    less of a copy of train than a sentence-level shuffle would make it.
    """
    train: list[Sentence] = []
    dev: list[Sentence] = []
    for i, sent in enumerate(sentences):
        (dev if (i // 20) % every == every - 1 else train).append(sent)
    return train, dev
