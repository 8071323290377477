"""Train the vote's CRF and BiLSTM beside the spaCy CNN and add the vote.

``train-ner`` runs them so that the second core is busy while the CNN trains:

1. word clusters for the CRF: skip-gram vectors and k-means over the
   normalized SaudiNewsNet dump (:func:`extractor.ner.crf.learn_clusters`),
   cached in ``WORK_DIR/clusters``, learnt in a second process from the
   moment the dump exists (:func:`clusters_in_background`);
2. the BiLSTM-CRF, on ANERcorp train without its dev blocks (best epoch by
   dev F1), in a second process from the moment the CNN's vectors and type
   lexicon exist, while the final CNN trains (:func:`bilstm_in_background`);
3. the CRF, on all of ANERcorp train, once the CNN is written (:func:`add_vote`),
   and a second CRF without the dev blocks, while the BiLSTM still trains;
4. the combiner (:mod:`extractor.ner.stacking`), fitted on the dev blocks from
   what the CNN, the held-out CRF, the BiLSTM and the seed CNN (when there is
   one) say about them (:func:`fit_vote_combiner`);
5. a ``civic_ner_vote`` pipe named ``ner_vote`` after ``ner``, saved with the
   pipeline, so ``spacy.load`` gives the combined tagger.

Both taggers read the CNN's corpus type lexicon when the CNN has one, and the
BiLSTM reads the CNN's floret vectors: the pipeline must have vectors.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.language import Language

from extractor.ner.corpus import Sentence, read_part, split_dev

log = logging.getLogger(__name__)
VOTE_PIPE = "ner_vote"


def model_type_lexicon(nlp: Language) -> dict | None:
    """The corpus type lexicon inside the CNN's embedding layer, if it has one."""
    if "tok2vec" not in nlp.pipe_names:
        return None
    for node in nlp.get_pipe("tok2vec").model.walk():
        if node.attrs.get("type_lexicon"):
            return node.attrs["type_lexicon"]
    return None


def anercorp_train(data_root: Path, limit: int = 0) -> list[Sentence]:
    sentences = read_part(data_root, "anercorp-train")
    return sentences[:limit] if limit else sentences


def train_bilstm_job(
    vectors_dir: Path,
    lexicon_path: Path | None,
    data_root: Path,
    out: Path,
    limit: int,
    max_epochs: int,
) -> Path:
    """Train the BiLSTM in its own process; returns the folder it is saved in.

    ``vectors_dir`` is a spaCy pipeline holding the CNN's floret vectors and
    ``lexicon_path`` the CNN's type lexicon (or None), so the BiLSTM can train
    before the CNN that will carry it.
    """
    import extractor.pipeline.components  # noqa: F401 - the model's factories
    from extractor.ner.bilstm import train_bilstm
    from extractor.ner.lexicon import read_lexicon

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    vectors = spacy.load(vectors_dir).vocab.vectors
    train, dev = split_dev(anercorp_train(data_root, limit))
    if not dev:  # a tiny smoke corpus: score the epochs on train
        dev = train
    tagger = train_bilstm(
        train,
        dev,
        vectors,
        read_lexicon(lexicon_path) if lexicon_path else {},
        max_epochs=max_epochs,
        log=lambda msg: log.info("bilstm: %s", msg),
    )
    tagger.to_disk(out)
    return out


class BackgroundJob:
    """``fn(*args)`` in a spawned process: a future that can be stopped.

    :meth:`result` waits for the value (and re-raises the job's error);
    :meth:`stop` ends the job at once, so a training that failed or was
    interrupted does not wait minutes for a result nobody will read.
    """

    def __init__(self, fn: Callable[..., Path], *args: object) -> None:
        context = multiprocessing.get_context("spawn")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_run_job, args=(send, fn, args), name=fn.__name__
        )
        self._process.start()
        send.close()  # the child holds the only sending end: its death is EOF

    def result(self) -> Path:
        try:
            ok, value = self._receive.recv()
        except EOFError:
            self._process.join()
            raise RuntimeError(
                f"{self._process.name}: the process died "
                f"(exit code {self._process.exitcode})"
            ) from None
        self._process.join()
        if not ok:
            raise value
        return value

    def stop(self) -> None:
        """End the job if it still runs (a no-op once it has finished)."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()


def _run_job(send, fn: Callable[..., Path], args: tuple) -> None:
    try:
        send.send((True, fn(*args)))
    except Exception as error:  # noqa: BLE001 - sent back: the parent re-raises it
        send.send((False, error))
    finally:
        send.close()


def bilstm_in_background(
    vectors_dir: Path,
    lexicon_path: Path | None,
    data_root: Path,
    work_dir: Path,
    *,
    limit: int = 0,
    max_epochs: int = 30,
) -> BackgroundJob:
    """:func:`train_bilstm_job` in a second process, while the CNN trains."""
    return BackgroundJob(
        train_bilstm_job,
        vectors_dir,
        lexicon_path,
        data_root,
        work_dir / "bilstm",
        limit,
        max_epochs,
    )


def cached_clusters(text: Path, work_dir: Path, **settings: object) -> Path:
    """The word clusters of the news dump, learnt once per dump and settings;
    returns the JSON table's path."""
    from extractor.ner.crf import learn_clusters

    key = json.dumps([text.stat().st_size, settings], sort_keys=True)
    name = f"clusters-{hashlib.sha1(key.encode()).hexdigest()[:10]}.json"
    path = work_dir / "clusters" / name
    if path.is_file():
        log.info("word clusters found: %s", path)
        return path
    clusters = learn_clusters(text, **settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(clusters.table, ensure_ascii=False), encoding="utf-8")
    return path


def clusters_in_background(text: Path, work_dir: Path) -> BackgroundJob:
    """:func:`cached_clusters` in a second process, while the CNN trains."""
    return BackgroundJob(cached_clusters, text, work_dir)


def add_vote(
    model_dir: Path,
    data_root: Path,
    clusters_path: Path,
    bilstm_dir: BackgroundJob | Path,
    work_dir: Path,
    *,
    seed_dir: Path | None = None,
    limit: int = 0,
) -> None:
    """Train the CRF and save ``model_dir`` with the vote added.

    ``clusters_path`` is the CRF's word cluster table (:func:`cached_clusters`);
    ``bilstm_dir`` the BiLSTM (:func:`bilstm_in_background`), which must have
    been trained on this model's vectors; ``seed_dir`` the seed CNN (same
    vectors), the combiner's fourth tagger, if there is one.
    """
    from extractor.ner.bilstm import BiLstmTagger
    from extractor.ner.crf import Featurizer, WordClusters, train_crf

    nlp = spacy.load(model_dir)
    if not nlp.vocab.vectors.shape[0]:
        raise ValueError(f"{model_dir}: the vote's BiLSTM needs the CNN's vectors")
    clusters = WordClusters(json.loads(clusters_path.read_text(encoding="utf-8")))
    log.info("crf: training, %d words' clusters", len(clusters.table))
    featurizer = Featurizer(clusters, model_type_lexicon(nlp))
    sentences = anercorp_train(data_root, limit)
    crf = train_crf(sentences, featurizer, work_dir / "crf")
    train, dev = split_dev(sentences)
    if not dev:  # a tiny smoke corpus: fit the combiner on train
        train = dev = sentences
    log.info("crf: training without the %d dev sentences (the combiner's)", len(dev))
    held_out_crf = train_crf(train, featurizer, work_dir / "crf-held-out")
    if isinstance(bilstm_dir, BackgroundJob):
        bilstm_dir = bilstm_dir.result()
    vote = nlp.add_pipe("civic_ner_vote", name=VOTE_PIPE, after="ner")
    vote.crf = crf
    vote.bilstm = BiLstmTagger.from_disk(bilstm_dir, nlp.vocab.vectors)
    if seed_dir is not None:
        from extractor.ner.seed_cnn import SeedCnn

        vote.seed = SeedCnn.from_pipeline(seed_dir, nlp.vocab)
    vote.combiner = fit_vote_combiner(nlp, vote, held_out_crf, dev)
    nlp.to_disk(model_dir)
    log.info("vote added to %s", model_dir)


def held_out_evidence(
    nlp: Language, vote: object, sentences: list[Sentence], crf: object | None = None
) -> tuple[list, list[set]]:
    """What the vote's taggers say about ``sentences`` (the CNN read with the
    vote disabled, ``crf`` standing in for the vote's own), and their gold
    entities: the combiner's training or test material."""
    from spacy.tokens import Doc

    from extractor.ner.evaluate import tag_entities

    rows = [sent.words for sent in sentences]
    with nlp.select_pipes(disable=[VOTE_PIPE]):
        docs = nlp.pipe(Doc(nlp.vocab, words=words) for words in rows)
        cnn = [{(e.start, e.end, e.label_) for e in doc.ents} for doc in docs]
    gold: list[set] = [set() for _ in sentences]
    for row, a, b, label in tag_entities([sent.tags for sent in sentences]):
        gold[row].add((a, b, label))
    return vote.evidence(rows, cnn, crf=crf), gold


def fit_vote_combiner(
    nlp: Language, vote: object, crf: object, dev: list[Sentence]
) -> object | None:
    """The combiner fitted on ``dev`` (:func:`extractor.ner.stacking.fit_combiner`)
    with ``crf``, which never saw ``dev``, standing in for the vote's own CRF;
    ``None`` (a plain vote) when ``dev`` gives too little."""
    from extractor.ner.stacking import fit_combiner

    evidence, gold = held_out_evidence(nlp, vote, dev, crf)
    systems, marginal_systems = vote.system_names()
    combiner = fit_combiner(evidence, gold, systems, marginal_systems)
    if combiner is None:
        log.info("combiner: too little held-out evidence, the plain vote is kept")
    else:
        log.info("combiner: %s over %s", combiner.report, systems)
    return combiner
