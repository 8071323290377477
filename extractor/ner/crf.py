"""A feature-rich linear-chain CRF: the NER ensemble's second tagger.

The spaCy CNN reads hashed norms through a window of convolutions; a CRF over
hand-made features makes different mistakes, which is what a vote needs
(:mod:`extractor.ner.ensemble`). Per token it reads the word, its norm, the
stem and proclitics (:func:`~extractor.ner.features.clitic_split`),
affixes and shape; the *word cluster* of the norm and of the stem; the stem's
``TYPES``/``NEXT``/``PREV`` codes from the corpus type lexicon
(:mod:`extractor.ner.lexicon`), each ``TYPES`` share as its own feature; the
same for the words ±2 around it, and two word bigrams.

Word clusters are distributional: skip-gram vectors of SaudiNewsNet's words
(floret in plain fastText mode, whole words only, as word2vec) cut into 500
k-means clusters (:func:`learn_clusters`); a word the news never used has
cluster ``x``. The tagger stores the word -> cluster table (about 120k words).
Clusters of the CNN's own floret vectors were tried first: they group words by
their letters more than by their use, and the CRF scored 0.692 with them
against 0.714 with word2vec's (ANERcorp test).

Training is L-BFGS in python-crfsuite (MIT), c1 0.1, c2 0.05, 200 iterations:
the settings of ``benchmarks/ner_crf``, where this CRF was first measured.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy

from extractor.arabic.normalize import AL, normalize
from extractor.ner.features import clitic_split

CLUSTERS = 500
TRAIN_PARAMS = {
    "c1": 0.1,
    "c2": 0.05,
    "max_iterations": 200,
    "feature.possible_transitions": True,
}
# what the words one step away contribute, and two steps away
WINDOW_NEAR = (
    "n",
    "stem",
    "cl",
    "sh",
    "s1",
    "s2",
    "s3",
    "p1",
    "p2",
    "ss2",
    "ss3",
    "len",
)
WINDOW_FAR = ("n", "stem", "cl", "sh")
MODEL_FILE = "model.crfsuite"
# gzip: the cluster table is 3.6 MB as plain JSON, 1 MB compressed (the model
# stays under 50 MB with the seed CNN in it)
TABLES_FILE = "tables.json.gz"
# word2vec's usual skip-gram settings, as measured in benchmarks/ner_crf (gensim there)
SKIPGRAM_SETTINGS = {
    "model": "skipgram",
    "mode": "fasttext",
    "minn": 0,
    "maxn": 0,
    "dim": 100,
    "ws": 5,
    "neg": 5,
    "epoch": 4,
    "minCount": 3,
    "thread": 1,
}


@lru_cache(maxsize=200_000)
def _norm_stem(word: str) -> tuple[str, str]:
    norm = normalize(word)
    return norm, clitic_split(norm)[1]


def shape(word: str) -> str:
    """``D`` digits, ``d`` some digit, ``L`` Latin letters, ``P`` punctuation, ``A`` other."""
    if word.isdigit():
        return "D"
    if any(c.isdigit() for c in word):
        return "d"
    if any("a" <= c.lower() <= "z" for c in word):
        return "L"
    return "P" if not any(c.isalnum() for c in word) else "A"


class WordClusters:
    """Word -> k-means cluster of its skip-gram vector; ``x`` for unseen words."""

    def __init__(self, table: dict[str, int]) -> None:
        self.table = table

    def of(self, word: str) -> str:
        return str(self.table.get(word, "x"))

    def of_stem(self, stem: str) -> str:
        """A stem's cluster, or that of the stem with the article (رياض -> الرياض)."""
        table = self.table
        return str(table.get(stem, table.get(AL + stem, "x")))


def learn_clusters(
    text_path: Path, k: int = CLUSTERS, seed: int = 0, **settings: object
) -> WordClusters:
    """Skip-gram vectors (floret in plain fastText mode: whole words, no
    subwords) over one normalized article a line, then k-means (scikit-learn's
    mini-batch) over the unit vectors: clusters of words used alike."""
    import floret
    from sklearn.cluster import MiniBatchKMeans

    options = {**SKIPGRAM_SETTINGS, **settings}
    model = floret.train_unsupervised(str(text_path), **options)
    words = model.get_words()
    rows = numpy.stack([model.get_word_vector(w) for w in words]).astype("float32")
    rows /= numpy.maximum(numpy.linalg.norm(rows, axis=1, keepdims=True), 1e-9)
    kmeans = MiniBatchKMeans(
        min(k, len(words)), batch_size=4096, n_init=3, random_state=seed
    )
    labels = kmeans.fit(rows).labels_
    return WordClusters(dict(zip(words, map(int, labels))))


class Featurizer:
    """crfsuite's string features for each token of a sentence.

    A word's own features and what it gives its neighbours depend on the word
    alone, so they are built once per word and cached (news repeats its words:
    this makes featurizing several times faster).
    """

    CACHE_LIMIT = 300_000

    def __init__(self, clusters: WordClusters | None, lexicon: dict | None) -> None:
        self.clusters = clusters
        self.lexicon = lexicon
        self._cache: dict[str, tuple[str, list[str], dict[int, list[str]]]] = {}

    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        views = [self._views(w) for w in words]
        last = len(words) - 1
        rows = []
        for i, (norm, own, _) in enumerate(views):
            feats = list(own)
            for d in (-2, -1, 1, 2):
                j = i + d
                if 0 <= j <= last:
                    feats += views[j][2][d]
                else:
                    feats.append(f"{d}:{'BOS' if j < 0 else 'EOS'}")
            if i > 0:
                feats.append(f"-1|0:{views[i - 1][0]}|{norm}")
            if i < last:
                feats.append(f"0|1:{norm}|{views[i + 1][0]}")
            rows.append(feats)
        return rows

    def _views(self, word: str) -> tuple[str, list[str], dict[int, list[str]]]:
        """The word's norm, its own features and, per offset, its neighbour features."""
        cached = self._cache.get(word)
        if cached is None:
            if len(self._cache) >= self.CACHE_LIMIT:
                self._cache.clear()
            f = self.local(word)
            own = ["bias", *(f"0:{k}={v}" for k, v in f.items())]
            shared = [
                (k, v) for k, v in f.items() if k in ("c", "cs") or k[:3] == "lex"
            ]
            window = {}
            for d in (-2, -1, 1, 2):
                keys = WINDOW_NEAR if abs(d) == 1 else WINDOW_FAR
                window[d] = [f"{d}:{k}={f[k]}" for k in keys if k in f]
                window[d] += [f"{d}:{k}={v}" for k, v in shared]
            cached = self._cache[word] = (f["n"], own, window)
        return cached

    def local(self, word: str) -> dict[str, str]:
        """The word's own features: forms, affixes, shape, cluster, lexicon codes."""
        norm, stem = _norm_stem(word)
        f = {
            "w": word,
            "n": norm,
            "stem": stem,
            "cl": norm[: len(norm) - len(stem)] or "-",
            "sh": shape(word),
            "len": str(min(len(stem), 10)),
        }
        for k in range(1, 5):
            if len(norm) >= k:
                f[f"p{k}"], f[f"s{k}"] = norm[:k], norm[-k:]
            if len(stem) >= k:
                f[f"sp{k}"], f[f"ss{k}"] = stem[:k], stem[-k:]
        if self.clusters is not None:
            f["c"] = self.clusters.of(norm)
            f["cs"] = self.clusters.of_stem(stem)
        if self.lexicon is not None:
            types, nxt, prev = (self.lexicon.get(stem) or ["", "", ""])[:3]
            f["lex"], f["lexN"], f["lexP"] = types or "-", nxt or "-", prev or "-"
            for j in range(0, len(types), 2):  # P3L0O0M0 -> lexTP=3, lexTL=0 ...
                f["lexT" + types[j]] = types[j + 1]
        return f


class CrfTagger:
    """A trained crfsuite model with the featurizer it was trained with."""

    def __init__(self, model_path: Path, featurizer: Featurizer) -> None:
        import pycrfsuite

        self.model_path = model_path
        self.featurizer = featurizer
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags for each sentence of words."""
        return [
            list(self._tagger.tag(self.featurizer.sentence(words))) if words else []
            for words in sentences
        ]

    def tag_marginals(
        self, sentences: Sequence[Sequence[str]]
    ) -> list[tuple[list[str], dict[str, list[float]]]]:
        """IOB2 tags and, per tag, its marginal probability at every token."""
        tagger = self._tagger
        labels = tagger.labels()
        out: list[tuple[list[str], dict[str, list[float]]]] = []
        for words in sentences:
            if not words:
                out.append(([], {}))
                continue
            tags = list(tagger.tag(self.featurizer.sentence(words)))
            marginals = {
                label: [tagger.marginal(label, i) for i in range(len(words))]
                for label in labels
            }
            out.append((tags, marginals))
        return out

    def to_disk(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        if self.model_path.resolve() != (path / MODEL_FILE).resolve():
            (path / MODEL_FILE).write_bytes(self.model_path.read_bytes())
        clusters = self.featurizer.clusters
        tables = {
            "clusters": clusters.table if clusters is not None else None,
            "lexicon": self.featurizer.lexicon,
        }
        text = json.dumps(tables, ensure_ascii=False).encode("utf-8")
        # mtime 0: the same model gives the same bytes
        (path / TABLES_FILE).write_bytes(gzip.compress(text, mtime=0))

    @classmethod
    def from_disk(cls, path: Path) -> CrfTagger:
        tables = json.loads(gzip.decompress((path / TABLES_FILE).read_bytes()))
        clusters = tables["clusters"]
        clusters = WordClusters(clusters) if clusters is not None else None
        return cls(path / MODEL_FILE, Featurizer(clusters, tables["lexicon"]))


def train_crf(
    sentences: Iterable, featurizer: Featurizer, path: Path, **params: object
) -> CrfTagger:
    """Train on :class:`~extractor.ner.corpus.Sentence` s and save the model to ``path``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for sent in sentences:
        trainer.append(featurizer.sentence(sent.words), sent.tags)
    trainer.set_params({**TRAIN_PARAMS, **params})
    path.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path / MODEL_FILE))
    tagger = CrfTagger(path / MODEL_FILE, featurizer)
    tagger.to_disk(path)
    return tagger
