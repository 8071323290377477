"""A feature-rich linear-chain CRF on the ANERcorp CAMeL split, beside the shipped CNN.

An experiment for issue 3, not part of the package: it measures whether a CRF
(python-crfsuite) over word clusters and the shipped model's ``TYPES`` lexicon
beats the spaCy CNN, alone and as a union with it. Results and the commands are
in this folder's README. Steps (each writes into ``--out``):

    python crf_experiment.py vectors   # word2vec on SaudiNewsNet, k-means → clusters500.json
    python crf_experiment.py cnn       # the shipped model's TYPES table and test entities
    python crf_experiment.py train --split test [--no-clusters] [--no-lexicon]
    python crf_experiment.py union     # CRF + CNN entities that overlap no CRF entity

The features are the package's (:class:`extractor.ner.crf.Featurizer`, what
the shipped ``ner_vote`` trains with); this script keeps the gensim word2vec
clusters the CRF was first measured with (the package learns its clusters
with floret instead). Needs ``pip install gensim`` (LGPL: fine for a
measurement, kept out of the package). Scores are exact span and
type, micro-averaged, as :mod:`extractor.ner.evaluate` counts them.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from extractor.arabic.normalize import normalize
from extractor.bench import read_saudinewsnet
from extractor.ner.corpus import Sentence, read_conll
from extractor.ner.crf import Featurizer, WordClusters
from extractor.ner.evaluate import Scores, count_matches, format_table, tag_entities

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
ANERCORP = SHARED / "data/ner/anercorp-camel"
TOKEN = re.compile(r"\w+|[^\w\s]")
CLUSTERS = 500


def table(scores: Scores) -> str:
    """The P/R/F1 rows of :func:`extractor.ner.evaluate.format_table` (no speed line:
    these runs time themselves)."""
    return "\n".join(format_table(scores).splitlines()[:-1])


def cmd_vectors(args) -> None:
    """Skip-gram word2vec over SaudiNewsNet's normalized words, then k-means."""
    import numpy as np
    from gensim.models import Word2Vec
    from sklearn.cluster import MiniBatchKMeans

    paragraphs = []
    for article in read_saudinewsnet(args.saudinewsnet):
        for para in article.text.split("\n"):
            words = [normalize(t) for t in TOKEN.findall(para)]
            if len(words) > 1:
                paragraphs.append(words)
    start = time.perf_counter()
    model = Word2Vec(
        paragraphs, vector_size=100, window=5, min_count=3, sg=1, negative=5,
        workers=1, epochs=4, seed=1,
    )  # fmt: skip
    print(f"word2vec: {len(model.wv)} words, {time.perf_counter() - start:.0f} s")
    # the raw vectors and their words, for benchmarks/ner_bilstm
    np.save(args.out / "w2v_vectors.npy", model.wv.vectors)
    (args.out / "w2v_vocab.json").write_text(
        json.dumps(model.wv.index_to_key, ensure_ascii=False)
    )
    vectors = model.wv.vectors / np.linalg.norm(model.wv.vectors, axis=1, keepdims=True)
    kmeans = MiniBatchKMeans(CLUSTERS, batch_size=4096, n_init=3, random_state=0)
    labels = kmeans.fit(vectors).labels_
    table = dict(zip(model.wv.index_to_key, map(int, labels)))
    (args.out / f"clusters{CLUSTERS}.json").write_text(
        json.dumps(table, ensure_ascii=False)
    )


def cmd_cnn(args) -> None:
    """The shipped model's TYPES table (read from its embedding layer) and its
    entities on the test split, scored the way ``civic-facts eval-ner`` scores."""
    import spacy
    from spacy.tokens import Doc

    import extractor  # noqa: F401  (registers the model's custom layers)

    nlp = spacy.load(args.model)
    lexicon = next(
        node.attrs["type_lexicon"]
        for node in nlp.get_pipe("tok2vec").model.walk()
        if node.attrs.get("type_lexicon")
    )
    (args.out / "type_lexicon.json").write_text(json.dumps(lexicon, ensure_ascii=False))
    test = list(read_conll(ANERCORP / "ANERCorp_CamelLab_test.txt"))
    docs = nlp.pipe((Doc(nlp.vocab, words=s.words) for s in test), batch_size=256)
    pred = sorted(
        (i, e.start, e.end, e.label_) for i, doc in enumerate(docs) for e in doc.ents
    )
    (args.out / "cnn_test.json").write_text(json.dumps(pred))
    print(table(count_matches(tag_entities([s.tags for s in test]), set(pred))))


def cmd_train(args) -> None:
    """Train on ANERcorp train (``--split dev``: its first 90 %, scored on the
    last 10 %), L-BFGS with c1 0.1, c2 0.05, 200 iterations."""
    import pycrfsuite

    clusters = None
    if not args.no_clusters:
        clusters = json.loads((args.out / f"clusters{CLUSTERS}.json").read_text())
    lexicon = None
    if not args.no_lexicon:
        lexicon = json.loads((args.out / "type_lexicon.json").read_text())
    featurizer = Featurizer(WordClusters(clusters) if clusters else None, lexicon)
    train: list[Sentence] = list(read_conll(ANERCORP / "ANERCorp_CamelLab_train.txt"))
    if args.split == "dev":
        cut = round(len(train) * 0.9)
        train, scored = train[:cut], train[cut:]
    else:
        scored = list(read_conll(ANERCORP / "ANERCorp_CamelLab_test.txt"))
    trainer = pycrfsuite.Trainer(verbose=False)
    for sent in train:
        trainer.append(featurizer.sentence(sent.words), sent.tags)
    trainer.set_params(
        {
            "c1": 0.1,
            "c2": 0.05,
            "max_iterations": 200,
            "feature.possible_transitions": True,
        }
    )
    path = args.out / f"crf-{args.split}.crfsuite"
    start = time.perf_counter()
    trainer.train(str(path))
    print(
        f"trained in {time.perf_counter() - start:.0f} s, {path.stat().st_size / 1e6:.1f} MB"
    )
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    start = time.perf_counter()
    tags = [tagger.tag(featurizer.sentence(s.words)) for s in scored]
    words = sum(len(s.words) for s in scored)
    print(
        f"tagged {words / (time.perf_counter() - start):,.0f} words/s (features included)"
    )
    pred = tag_entities(tags)
    (args.out / f"crf_{args.split}.json").write_text(json.dumps(sorted(pred)))
    print(table(count_matches(tag_entities([s.tags for s in scored]), pred)))


def cmd_union(args) -> None:
    """CRF entities plus the CNN's entities that overlap none of them."""
    test = list(read_conll(ANERCORP / "ANERCorp_CamelLab_test.txt"))
    crf = {tuple(e) for e in json.loads((args.out / "crf_test.json").read_text())}
    cnn = {tuple(e) for e in json.loads((args.out / "cnn_test.json").read_text())}
    union = crf | {
        e
        for e in cnn
        if not any(o[0] == e[0] and o[1] < e[2] and e[1] < o[2] for o in crf)
    }
    print(table(count_matches(tag_entities([s.tags for s in test]), union)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("step", choices=["vectors", "cnn", "train", "union"])
    parser.add_argument("--out", type=Path, default=REPO / "build/ner-crf")
    parser.add_argument(
        "--saudinewsnet", type=Path, default=SHARED / "data/saudinewsnet"
    )
    parser.add_argument("--model", type=Path, default=REPO / "models/ner-ar")
    parser.add_argument("--split", choices=["dev", "test"], default="test")
    parser.add_argument("--no-clusters", action="store_true")
    parser.add_argument("--no-lexicon", action="store_true")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    {"vectors": cmd_vectors, "cnn": cmd_cnn, "train": cmd_train, "union": cmd_union}[
        args.step
    ](args)


if __name__ == "__main__":
    main()
