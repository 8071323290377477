"""``civic_ner_vote``: the taggers are combined, then names spread through the article.

The spaCy CNN (the pipeline's ``ner``), a feature CRF (:mod:`extractor.ner.crf`),
a BiLSTM-CRF (:mod:`extractor.ner.bilstm`) and the seed CNN
(:mod:`extractor.ner.seed_cnn`) are wrong in different places. This component,
placed after ``ner``, keeps what a learnt combiner (:mod:`extractor.ner.stacking`)
scores likely from what they found and how sure the two CRFs are, sentence by
sentence. A model without a combiner (trained without a held-out set) keeps an
entity two of the three first taggers found with the same span and type:
precision rises from about 0.79 to 0.85 on the ANERcorp test split.

Then *document context*: news names a person in full once (``يوكا كامينين``)
and by surname after (``كامينين``), and a sentence-level tagger misses most of
those second mentions. A person, place or body the vote found is tagged again
where the same words stand untagged in the same sentence or the
``context_sentences`` sentences after it, and a person's last word alone is
that person. Only names the vote found spread; MISC does not (its names are
too often common words).

Measured and ablated in ``benchmarks/ner_ensemble``, ``benchmarks/ner_stacking``
and the model card.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from extractor.ner.evaluate import tag_entities
from extractor.ner.seed_cnn import SeedCnn
from extractor.ner.stacking import Combiner, Evidence

Entity = tuple[int, int, str]  # start, end (Doc token indices), label
VOTE_FACTORY = "civic_ner_vote"
PROPAGATED = ("PER", "LOC", "ORG")


def vote(systems: Sequence[Iterable[Entity]], needed: int = 2) -> set[Entity]:
    """The entities at least ``needed`` systems found exactly (span and type).

    A system's own entities never overlap, so two entities that each have two
    votes out of three cannot overlap either: the result is a valid set of ents.
    """
    counts = Counter(e for system in systems for e in set(system))
    return {e for e, n in counts.items() if n >= needed}


def spread_names(
    words: Sequence[str],
    sentences: Sequence[tuple[int, int]],
    found: set[Entity],
    window: int,
    labels: Sequence[str] = PROPAGATED,
    max_words: int = 3,
) -> set[Entity]:
    """``found`` plus its names where they recur untagged nearby.

    ``sentences`` are ``(start, end)`` token ranges in reading order. A name is
    known from its own sentence and in the ``window`` sentences after it; the
    longest known name (up to ``max_words`` words) wins at each untagged
    position. A person's last word counts as the person.
    """
    in_sentence: list[list[Entity]] = [[] for _ in sentences]
    starts = [start for start, _ in sentences]
    for ent in found:
        k = bisect_right(starts, ent[0]) - 1  # the sentence it starts in
        in_sentence[k].append(ent)
    out = set(found)
    for k, (start, end) in enumerate(sentences):
        known: dict[str, str] = {}
        for j in range(max(0, k - window), k + 1):
            for a, b, label in in_sentence[j]:
                if label not in labels:
                    continue
                known[" ".join(words[a:b])] = label
                if label == "PER" and b - a > 1:
                    known[words[b - 1]] = label
        taken = {i for a, b, _ in in_sentence[k] for i in range(a, b)}
        for i in range(start, end):
            if i in taken:
                continue
            for n in range(min(max_words, end - i), 0, -1):
                span = " ".join(words[i : i + n])
                cover = set(range(i, i + n))
                if len(span) > 2 and span in known and not taken & cover:
                    out.add((i, i + n, known[span]))
                    taken |= cover
                    break
    return out


def sentence_ranges(doc: Doc) -> list[tuple[int, int]]:
    """The Doc's sentences as token ranges (the whole Doc when unsentenced)."""
    if not len(doc):
        return []
    if doc.has_annotation("SENT_START"):
        return [(s.start, s.end) for s in doc.sents]
    return [(0, len(doc))]


class NerVote:
    """Combines the CNN's ``doc.ents`` with the other taggers, then spreads names."""

    CRF_DIR = "crf"
    BILSTM_DIR = "bilstm"
    SEED_DIR = "seed"
    COMBINER_FILE = "combiner.json"

    def __init__(
        self, nlp: Language, name: str, needed: int, context_sentences: int
    ) -> None:
        self.vocab = nlp.vocab
        self.name = name
        self.needed = needed
        self.context_sentences = context_sentences
        self.crf = None
        self.bilstm = None
        self.seed: SeedCnn | None = None
        self.combiner: Combiner | None = None

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Tag batches, so the BiLSTM sees many sentences at once."""
        if self.crf is None or self.bilstm is None:
            raise ValueError(f"{self.name}: no CRF or BiLSTM loaded (from_disk)")
        for batch in minibatch(docs, size=batch_size):
            ranges = [sentence_ranges(doc) for doc in batch]
            rows = [
                [t.text for t in doc[a:b]]
                for doc, spans in zip(batch, ranges)
                for a, b in spans
            ]
            combine = self._combined if self.combiner is not None else self._voted
            for doc, spans, found in zip(batch, ranges, combine(batch, ranges, rows)):
                words = [t.text for t in doc]
                found = spread_names(words, spans, found, self.context_sentences)
                ents = [Span(doc, a, b, label=label) for a, b, label in sorted(found)]
                doc.set_ents(ents, default="outside")
                yield doc

    def _combined(
        self,
        batch: list[Doc],
        ranges: list[list[tuple[int, int]]],
        rows: list[list[str]],
    ) -> Iterator[set[Entity]]:
        """Each Doc's entities as the combiner keeps them, sentence by sentence."""
        cnn = [
            ents
            for doc, spans in zip(batch, ranges)
            for ents in _sentence_entities(doc, spans)
        ]
        evidence = iter(self.evidence(rows, cnn))
        for spans in ranges:
            yield {
                (start + a, start + b, label)
                for start, _ in spans
                for a, b, label in self.combiner(next(evidence))
            }

    def _voted(
        self,
        batch: list[Doc],
        ranges: list[list[tuple[int, int]]],
        rows: list[list[str]],
    ) -> Iterator[set[Entity]]:
        """Each Doc's entities two of the CNN, the CRF and the BiLSTM agree on."""
        crf_rows = self.crf.tag(rows)
        bilstm_rows = self.bilstm.tag(rows)
        k = 0
        for doc, spans in zip(batch, ranges):
            n = len(spans)
            systems = [
                {(e.start, e.end, e.label_) for e in doc.ents},
                _doc_entities(crf_rows[k : k + n], spans),
                _doc_entities(bilstm_rows[k : k + n], spans),
            ]
            k += n
            yield vote(systems, self.needed)

    def evidence(
        self,
        rows: list[list[str]],
        cnn: list[set[Entity]],
        crf: object | None = None,
    ) -> list[Evidence]:
        """What the taggers say about each sentence of ``rows``, for the combiner.

        ``cnn`` holds the CNN's entities of each sentence (in sentence token
        indices); ``crf`` stands in for the vote's own CRF (training fits the
        combiner with a CRF that never saw the held-out sentences).
        """
        crf_out = (crf or self.crf).tag_marginals(rows)
        bilstm_out = self.bilstm.tag_marginals(rows)
        seed_out = self.seed.tag(rows) if self.seed is not None else None
        out = []
        for i, (words, cnn_ents) in enumerate(zip(rows, cnn)):
            crf_tags, crf_marginals = crf_out[i]
            bilstm_tags, bilstm_marginals = bilstm_out[i]
            systems = [
                cnn_ents,
                _row_entities(crf_tags),
                _row_entities(bilstm_tags),
            ]
            if seed_out is not None:
                systems.append(seed_out[i])
            out.append(Evidence(words, systems, [crf_marginals, bilstm_marginals]))
        return out

    def system_names(self) -> tuple[list[str], list[str]]:
        """The taggers :meth:`evidence` gives, and those it gives marginals of."""
        names = ["cnn", "crf", "bilstm"] + (["seed"] if self.seed is not None else [])
        return names, ["crf", "bilstm"]

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.crf.to_disk(path / self.CRF_DIR)
        self.bilstm.to_disk(path / self.BILSTM_DIR)
        if self.seed is not None:
            self.seed.to_disk(path / self.SEED_DIR)
        if self.combiner is not None:
            (path / self.COMBINER_FILE).write_text(
                json.dumps(self.combiner.to_json(), indent=1), encoding="utf-8"
            )

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> NerVote:
        from extractor.ner.bilstm import BiLstmTagger
        from extractor.ner.crf import CrfTagger

        path = Path(path)
        self.crf = CrfTagger.from_disk(path / self.CRF_DIR)
        self.bilstm = BiLstmTagger.from_disk(path / self.BILSTM_DIR, self.vocab.vectors)
        if (path / self.SEED_DIR).is_dir():
            self.seed = SeedCnn.from_disk(path / self.SEED_DIR, self.vocab)
        if (path / self.COMBINER_FILE).is_file():
            data = json.loads((path / self.COMBINER_FILE).read_text(encoding="utf-8"))
            self.combiner = Combiner.from_json(data)
        return self


def _row_entities(tags: list[str]) -> set[Entity]:
    """One sentence's IOB tags → entities in sentence token indices."""
    return {(a, b, label) for _, a, b, label in tag_entities([tags])}


def _sentence_entities(doc: Doc, spans: list[tuple[int, int]]) -> list[set[Entity]]:
    """``doc.ents`` sentence by sentence, in sentence token indices."""
    out: list[set[Entity]] = [set() for _ in spans]
    starts = [start for start, _ in spans]
    for ent in doc.ents:
        k = bisect_right(starts, ent.start) - 1
        start, end = spans[k]
        if ent.end <= end:
            out[k].add((ent.start - start, ent.end - start, ent.label_))
    return out


def _doc_entities(
    tag_rows: list[list[str]], spans: list[tuple[int, int]]
) -> set[Entity]:
    """Per-sentence IOB rows → entities in Doc token indices."""
    return {
        (spans[row][0] + a, spans[row][0] + b, label)
        for row, a, b, label in tag_entities(tag_rows)
    }


@Language.factory(
    VOTE_FACTORY,
    default_config={"needed": 2, "context_sentences": 20},
)
def create_ner_vote(
    nlp: Language, name: str, needed: int, context_sentences: int
) -> NerVote:
    """The vote; its CRF and BiLSTM are read by ``from_disk`` (``spacy.load``)."""
    return NerVote(nlp, name, needed, context_sentences)
