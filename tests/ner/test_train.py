"""The train-ner command runs end to end on a tiny synthetic corpus.

The corpus is written to a temp dir in ANERcorp's layout, so this test does not
need ../shared.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import spacy
from click.testing import CliRunner

import extractor  # noqa: F401 - registers the tokenizer and normalizer
from extractor.ner.cli import train_ner

# (words, tags) templates; names vary so the model must learn context, not strings.
PEOPLE = ["محمد العلي", "خالد السعيد", "سعد الحربي", "فهد القحطاني", "علي الزهراني"]
ORGS = ["جامعة الملك سعود", "وزارة الصحة", "الأمم المتحدة"]
PLACES = ["الرياض", "جدة", "القاهرة", "بيروت"]


def _sentence(i: int) -> list[tuple[str, str]]:
    person = PEOPLE[i % len(PEOPLE)].split()
    org = ORGS[i % len(ORGS)].split()
    place = PLACES[i % len(PLACES)]
    rows = [("قال", "O"), ("الدكتور", "O")]
    rows += [(w, ("B-" if j == 0 else "I-") + "PERS") for j, w in enumerate(person)]
    rows += [("مدير", "O")]
    rows += [(w, ("B-" if j == 0 else "I-") + "ORG") for j, w in enumerate(org)]
    rows += [
        ("في", "O"),
        (place, "B-LOC"),
        ("إن", "O"),
        ("المؤتمر", "O"),
        ("ناجح", "O"),
    ]
    return rows + [(".", "O")]


def _write_corpus(root: Path, n: int = 60) -> None:
    folder = root / "anercorp-camel"
    folder.mkdir(parents=True)
    blocks = ["\n".join(f"{w} {t}" for w, t in _sentence(i)) for i in range(n)]
    (folder / "ANERCorp_CamelLab_train.txt").write_text("\n\n".join(blocks), "utf-8")


def _ner_losses(output: str) -> list[float]:
    """NER loss column of spaCy's console table (rows after step 0)."""
    rows = re.findall(r"^\s*\d+\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s", output, re.MULTILINE)
    return [float(ner) for step, _, ner in rows if int(step) > 0]


def test_train_ner_tiny(tmp_path: Path) -> None:
    _write_corpus(tmp_path / "data")
    out = tmp_path / "model"
    args = [
        "--data",
        str(tmp_path / "data"),
        "--output",
        str(out),
        "--work-dir",
        str(tmp_path / "work"),
        "--parts",
        "anercorp-train",
        "--no-vectors",
        "--no-vote",
        "--pretrain-articles",
        "0",
        "--no-type-lexicon",
        "--max-steps",
        "60",
        "--set",
        "training.eval_frequency=15",
        "--set",
        "components.tok2vec.model.encode.width=32",
        "--set",
        "components.tok2vec.model.encode.depth=2",
    ]
    result = CliRunner().invoke(train_ner, args)
    assert result.exit_code == 0, result.output
    assert (out / "config.cfg").is_file() and (out / "meta.json").is_file()
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert any("ANERcorp" in src["name"] for src in meta["sources"])
    losses = _ner_losses(result.output)
    assert len(losses) >= 3, result.output
    assert losses[-1] < losses[0]
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["civic_normalizer", "tok2vec", "ner"]
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC"}
    doc = nlp("قال الدكتور خالد الحربي مدير وزارة الصحة في جدة إن المؤتمر ناجح .")
    assert doc[2].norm_  # the normalizer ran


def _corpus_and_news(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """The tiny corpus, a news dump in the work dir, and the shared arguments."""
    _write_corpus(tmp_path / "data")
    work = tmp_path / "work"
    news = work / "vectors" / "saudinewsnet.txt"
    news.parent.mkdir(parents=True)
    lines = [" ".join(w for w, _ in _sentence(i)) * 3 for i in range(40)]
    news.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "model"
    args = ["--data", str(tmp_path / "data"), "--output", str(out)]
    args += ["--work-dir", str(work), "--parts", "anercorp-train"]
    return work, out, args


def test_train_ner_with_lexicon_and_pretraining(tmp_path: Path) -> None:
    """The whole recipe: a seed model tags the news dump into the type lexicon,
    spacy pretrain runs on the dump, and the final model trains from both."""
    work, out, args = _corpus_and_news(tmp_path)
    args += [
        "--no-vectors",
        "--no-vote",
        "--pretrain-articles", "30",
        "--lexicon-articles", "40",
        "--seed-pretrain-articles", "20",
        "--max-steps", "30",
        "--set", "training.eval_frequency=15",
        "--set", "components.tok2vec.model.encode.width=32",
        "--set", "components.tok2vec.model.encode.depth=2",
        "--set", "pretraining.objective.hidden_size=32",
    ]  # fmt: skip
    result = CliRunner().invoke(train_ner, args)
    assert result.exit_code == 0, result.output
    weights = list((work / "pretrain").glob("*/model-last.bin"))
    assert len(weights) == 2  # the seed's (20 articles) and the final model's (30)
    assert all(w.stat().st_size > 0 for w in weights)
    for weight in weights:
        log = (weight.parent / "log.jsonl").read_text(encoding="utf-8")
        assert json.loads(log.splitlines()[-1])["nr_word"] > 0
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["civic_normalizer", "tok2vec", "ner"]
    (seed,) = (work / "seed").iterdir()
    assert (seed / "model-best" / "meta.json").is_file()
    lexicon = json.loads((seed / "lexicon.json").read_text(encoding="utf-8"))
    assert isinstance(lexicon, dict)
    (features,) = [
        node
        for node in nlp.get_pipe("tok2vec").model.walk()
        if node.name == "civic_arabic_features"
    ]
    assert features.attrs["type_lexicon"] == lexicon  # saved with the weights


def test_train_ner_with_the_vote(tmp_path: Path) -> None:
    """Vectors from a news dump, the CNN, then the CRF (on skip-gram clusters of
    the dump) and the BiLSTM (on the CNN's vectors) joined into ``ner_vote``."""
    work, out, args = _corpus_and_news(tmp_path)
    args += [
        "--no-type-lexicon",
        "--max-steps", "30",
        "--bilstm-epochs", "3",
        "--set", "training.eval_frequency=15",
        "--set", "components.tok2vec.model.encode.width=32",
        "--set", "components.tok2vec.model.encode.depth=2",
    ]  # fmt: skip
    result = CliRunner().invoke(train_ner, args)
    assert result.exit_code == 0, result.output
    assert (work / "vectors" / "vectors-model" / "config.cfg").is_file()
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["civic_normalizer", "tok2vec", "ner", "ner_vote"]
    vote = nlp.get_pipe("ner_vote")
    assert "الرياض" in vote.crf.featurizer.clusters.table  # learnt from the dump
    losses = [epoch["loss"] for epoch in vote.bilstm.history]
    assert len(losses) == 3 and losses[-1] < losses[0]
    # no seed without a type lexicon: the combiner reads the three taggers
    assert vote.seed is None
    assert vote.combiner is not None
    assert vote.combiner.systems == ["cnn", "crf", "bilstm"]
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert "ner_vote" in meta["description"]
    doc = nlp("قال الدكتور خالد الحربي مدير وزارة الصحة في جدة إن المؤتمر ناجح .")
    assert doc.has_annotation("ENT_IOB")
    for ent in doc.ents:  # the vote's entities are well formed spans
        assert ent.label_ in {"PER", "ORG", "LOC"} and ent.text


def test_the_vote_needs_vectors(tmp_path: Path) -> None:
    _write_corpus(tmp_path / "data")
    args = ["--data", str(tmp_path / "data"), "--no-vectors", "--vote"]
    result = CliRunner().invoke(train_ner, args)
    assert result.exit_code != 0 and "--vote needs --vectors" in result.output
