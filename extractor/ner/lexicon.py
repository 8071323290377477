"""A corpus type lexicon: how often each word is part of a PER, LOC, ORG or MISC.

ANERcorp's train split is small; most names in new text were never seen in
it. But a name that appears without a cue in one sentence (``وكاد الرياحنة
أن يفتتح``) usually appears with one elsewhere (``اللاعب الرياحنة``). A seed
NER model tags the 8.7 M words of SaudiNewsNet; for every stem (the norm with
its proclitics peeled, :func:`~extractor.ner.features.clitic_split`) we count
how often it was inside an entity of each type, and turn the shares into a
short code such as ``P3L0O1M0`` (PER share ≥ 0.6, ORG share ≥ 0.05). The code
is one more hashed column of the NER's embedding
(:func:`~extractor.ner.features.arabic_multi_hash_embed`), so the final
model reads, for every word, what the corpus as a whole says about it.

The lexicon is derived from unlabelled news and a model trained on the train
split only: no test sentence is read. It is saved inside the model's weights.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
from collections import Counter, defaultdict
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

log = logging.getLogger(__name__)

TYPES = ("PER", "LOC", "ORG", "MISC")
# One hashed embedding column each: the stem's own entity types, the types of
# entities that start right after it (cue words: اللاعب، الفرنسي، بمدينة) and
# of entities that end right before it (بن، رئيس after a name). The config's
# ``rows`` choose how many the model reads; the shipped one reads TYPES only
# (NEXT and PREV did not help: README, "The NER model").
COLUMNS = ("TYPES", "NEXT", "PREV")
_PREFIX = {"TYPES": "t", "NEXT": "n", "PREV": "p"}
# Share of a stem's occurrences -> level 0..3.
LEVELS = (0.05, 0.25, 0.6)
MIN_COUNT = 2  # stems seen fewer times carry no code
CHUNK_WORDS = 200


def level(share: float) -> int:
    """``0`` below 5 %, ``1`` below 25 %, ``2`` below 60 %, ``3`` above."""
    return sum(share >= bound for bound in LEVELS)


def shares_code(total: int, counts: dict[str, int], prefix: str) -> str:
    """``P3L0O1M0``-style code of ``counts[prefix + type] / total``, or ``""``."""
    levels = [level(counts.get(prefix + kind, 0) / total) for kind in TYPES]
    if not any(levels):
        return ""
    return "".join(f"{kind[0]}{lvl}" for kind, lvl in zip(TYPES, levels))


def stem_codes(total: int, counts: dict[str, int]) -> list[str]:
    """The codes of a stem seen ``total`` times, one per :data:`COLUMNS`."""
    if total < MIN_COUNT:
        return [""] * len(COLUMNS)
    return [shares_code(total, counts, _PREFIX[column]) for column in COLUMNS]


def count_types(nlp: Language, docs: Iterable[Doc]) -> tuple[Counter, dict]:
    """Occurrences of every stem, and per stem the counts :func:`stem_codes` reads.

    Keys: ``t``+type (inside an entity of that type), ``n``+type (an entity
    of that type starts at the next token), ``p``+type (one ends at the
    previous token).
    """
    from extractor.ner.features import clitic_split

    total: Counter = Counter()
    counts: dict[str, Counter] = defaultdict(Counter)
    for doc in nlp.pipe(docs, batch_size=64):
        iobs = [token.ent_iob_ for token in doc]
        types = [token.ent_type_ for token in doc]
        for i, token in enumerate(doc):
            stem = clitic_split(token.norm_)[1]
            total[stem] += 1
            if types[i]:
                counts[stem]["t" + types[i]] += 1
            if i + 1 < len(doc) and iobs[i + 1] == "B":
                counts[stem]["n" + types[i + 1]] += 1
            if i and types[i - 1] and iobs[i] != "I":
                counts[stem]["p" + types[i - 1]] += 1
    return total, counts


def build_lexicon(total: Counter, counts: dict) -> dict[str, list[str]]:
    """Stem -> codes (one per :data:`COLUMNS`), for the stems with any code."""
    lexicon = {}
    for stem, stem_counts in counts.items():
        codes = stem_codes(total[stem], stem_counts)
        if any(codes):
            lexicon[stem] = codes
    return dict(sorted(lexicon.items()))


def _count_shard(
    model: Path, text_path: Path, limit: int, shard: int, shards: int
) -> tuple[Counter, dict]:
    """:func:`count_types` over one shard of the news dump (a worker's job)."""
    import spacy

    import extractor.pipeline.components  # noqa: F401 - registers our layers
    from extractor.ner.pretrain import news_lines

    nlp = spacy.load(model)
    read = news_lines(text_path, limit, CHUNK_WORDS, shard=shard, shards=shards)
    return count_types(nlp, read(nlp))


def tag_news(
    model: Path, text_path: Path, out: Path, limit: int = 0, processes: int = 2
) -> Path:
    """Tag the news dump with ``model`` and write the lexicon to ``out`` (JSON).

    ``processes`` spawned workers tag every ``processes``-th article each; the
    counts add up, so the lexicon is the one a single process writes.
    """
    if processes > 1:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(processes, mp_context=context) as pool:
            jobs = [
                pool.submit(_count_shard, model, text_path, limit, shard, processes)
                for shard in range(processes)
            ]
            parts = [job.result() for job in jobs]
    else:
        parts = [_count_shard(model, text_path, limit, 0, 1)]
    total: Counter = Counter()
    typed: dict[str, Counter] = defaultdict(Counter)
    for part_total, part_typed in parts:
        total.update(part_total)
        for stem, counts in part_typed.items():
            typed[stem].update(counts)
    lexicon = build_lexicon(total, typed)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(lexicon, ensure_ascii=False), encoding="utf-8")
    log.info("type lexicon: %d stems of %d -> %s", len(lexicon), len(total), out)
    return out


def read_lexicon(path: Path) -> dict[str, list[str]]:
    """The stem -> code table written by :func:`tag_news`."""
    return json.loads(Path(path).read_text(encoding="utf-8"))
