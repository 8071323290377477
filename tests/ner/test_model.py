"""The shipped NER model (models/ner-ar) loads and tags plain news sentences.

These tests need only the shipped model, not ../shared; the ANERcorp check at the
end skips when ../shared is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

import extractor
from extractor.api import default_model_path

REPO = Path(__file__).resolve().parents[2]
MODEL = REPO / "models" / "ner-ar"
ANER_TEST = REPO.parent / "shared/data/ner/anercorp-camel/ANERCorp_CamelLab_test.txt"

pytestmark = pytest.mark.skipif(
    not (MODEL / "config.cfg").is_file(), reason=f"{MODEL} is not built"
)

# Held-out style sentences (not from the corpora): text, expected (entity, label).
SENTENCES = [
    (
        (
            "وقال الرئيس الأمريكي باراك أوباما في مؤتمر صحفي في واشنطن إن الولايات "
            "المتحدة ستدعم جهود الأمم المتحدة ."
        ),
        [("باراك أوباما", "PER"), ("واشنطن", "LOC"), ("الأمم المتحدة", "ORG")],
    ),
    (
        "وأعلن الأمين العام لجامعة الدول العربية عمرو موسى أن القمة ستعقد في القاهرة .",
        [("عمرو موسى", "PER"), ("القاهرة", "LOC")],
    ),
    (
        (
            "افتتح صاحب السمو الملكي الأمير فيصل بن سلمان أمير منطقة المدينة المنورة "
            "فعاليات المعرض الذي تنظمه الغرفة التجارية الصناعية ."
        ),
        [("فيصل بن سلمان", "PER"), ("المدينة المنورة", "LOC")],
    ),
]


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.load(MODEL)


def test_default_load_uses_shipped_model() -> None:
    assert default_model_path() is not None
    full = extractor.load()
    assert "ner" in full.component_names  # may be disabled and run by a gate
    assert set(full.get_pipe("ner").labels) >= {"PER", "ORG", "LOC", "MISC"}


def _found(entity: tuple[str, str], found: set[tuple[str, str]]) -> bool:
    """The entity, or (for PER) the name with a title kept in front (الأمير فيصل ...)."""
    from extractor.arabic.normalize import normalize
    from extractor.pipeline.resources import load_lexicon

    name, label = entity
    titles = load_lexicon("person_titles")
    return entity in found or any(
        label == "PER" == got_label
        and got.endswith(" " + name)
        and normalize(got[: -len(name)].strip()) in titles
        for got, got_label in found
    )


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_tags_known_entities(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    found = {(ent.text, ent.label_) for ent in nlp(text).ents}
    for entity in expected:
        assert _found(entity, found), f"{entity} not in {found}"


def test_pretokenized_doc(nlp) -> None:
    words = SENTENCES[0][0].split()
    doc = nlp(Doc(nlp.vocab, words=words))
    assert doc[0].norm_  # civic_normalizer ran on the pre-built Doc
    found = {(ent.text, ent.label_) for ent in doc.ents}
    assert ("باراك أوباما", "PER") in found


def test_model_carries_its_type_lexicon(nlp) -> None:
    """The corpus type lexicon lives in the weights: a clone needs no build/ file."""
    (features,) = [
        node
        for node in nlp.get_pipe("tok2vec").model.walk()
        if node.name == "civic_arabic_features"
    ]
    lexicon = features.attrs["type_lexicon"]
    assert len(lexicon) > 10_000
    assert lexicon["محمد"][0].startswith("P3")  # nearly always inside a PER
    assert lexicon["رياض"][0][2:4] == "L3"  # الرياض: a LOC


def test_full_pipeline_keeps_offsets() -> None:
    text = SENTENCES[1][0]
    doc = extractor.load()(text)
    for ent in doc.ents:
        assert text[ent.start_char : ent.end_char] == ent.text


def test_the_vote_is_shipped_and_the_fact_pipeline_chooses_it() -> None:
    """``ner_vote`` ships in the model; the fact pipeline loads and runs the CNN
    alone unless asked for the vote (``load(ner_vote=True)``, ``--ner-vote``)."""
    assert spacy.load(MODEL).pipe_names[-1] == "ner_vote"
    default = extractor.load()
    assert "ner_vote" not in default.component_names  # not even read
    assert default.get_pipe("civic_ner_gate").names == ("tok2vec", "ner")
    voting = extractor.load(ner_vote=True)
    assert voting.get_pipe("civic_ner_gate").names == ("tok2vec", "ner", "ner_vote")
    text = "وبحضور " + SENTENCES[0][0]
    doc = voting(text)
    assert ("باراك أوباما", "PER") in {(e.text, e.label_) for e in doc.ents}
    for ent in doc.ents:
        assert text[ent.start_char : ent.end_char] == ent.text


def test_the_model_is_under_50_mb_and_its_vote_is_the_combiner(nlp) -> None:
    size = sum(f.stat().st_size for f in MODEL.rglob("*") if f.is_file())
    assert size <= 50_000_000, f"{MODEL}: {size:,} bytes"
    vote = nlp.get_pipe("ner_vote")
    assert vote.seed is not None and vote.combiner is not None
    assert vote.combiner.systems == ["cnn", "crf", "bilstm", "seed"]
    # the seed's weights are stored as float16 and read back as float32
    assert (MODEL / "ner_vote" / "seed" / "tok2vec" / "model").stat().st_size < 8e6
    for node in vote.seed.nlp.get_pipe("tok2vec").model.walk():
        for name in node.param_names:
            if node.has_param(name):
                assert node.get_param(name).dtype == "float32"


@pytest.mark.skipif(
    not ANER_TEST.is_file(), reason=f"{ANER_TEST} is absent (../shared)"
)
def test_anercorp_test_floor(nlp) -> None:
    from extractor.ner.corpus import read_conll
    from extractor.ner.evaluate import score_sentences

    sentences = list(read_conll(ANER_TEST))[:300]
    # Measured on these 300 sentences: the CNN alone 0.696 (0.685 on the whole
    # split); the combined taggers 0.740 sentence by sentence (the 2-of-3 vote
    # before them: 0.737), 0.753 with the 300 read as one Doc, so that names
    # spread from the sentences before.
    with nlp.select_pipes(disable=["ner_vote"]):
        cnn = score_sentences(nlp, sentences).prf()[2]
    vote = score_sentences(nlp, sentences).prf()[2]
    in_context = score_sentences(nlp, sentences, doc_sentences=0).prf()[2]
    assert cnn >= 0.65
    assert vote >= cnn + 0.02
    assert in_context >= vote + 0.01 and in_context >= 0.73


def test_eval_ner_scores_a_conll_file_with_and_without_the_vote(tmp_path) -> None:
    """``civic-facts eval-ner`` on a CoNLL file of the held sentences."""
    import json

    from click.testing import CliRunner

    from extractor.cli import main

    rows = []
    for text, expected in SENTENCES:
        words = text.split()
        tags = ["O"] * len(words)
        for name, label in expected:
            parts = name.split()
            start = next(
                i for i in range(len(words)) if words[i : i + len(parts)] == parts
            )
            tags[start : start + len(parts)] = [f"B-{label}"] + [f"I-{label}"] * (
                len(parts) - 1
            )
        rows.append("\n".join(f"{w} {t}" for w, t in zip(words, tags)))
    conll = tmp_path / "held.txt"
    conll.write_text("\n\n".join(rows) + "\n", encoding="utf-8")
    pipes, scores = {}, {}
    for flag in ("--vote", "--no-vote"):
        args = ["eval-ner", "--model", str(MODEL), "--test", str(conll), "--json", flag]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        report = json.loads(result.output)
        pipes[flag], scores[flag] = report["pipes"], report["scores"]
    assert pipes["--vote"][-1] == "ner_vote" and "ner_vote" not in pipes["--no-vote"]
    for table in scores.values():
        assert table["ALL"]["n"] == sum(len(ents) for _, ents in SENTENCES)
        assert table["ALL"]["r"] >= 0.8  # the held sentences are easy


@pytest.mark.skipif(
    not ANER_TEST.is_file(), reason=f"{ANER_TEST} is absent (../shared)"
)
def test_without_a_combiner_the_vote_keeps_what_two_of_three_found() -> None:
    """A model trained without held-out sentences has no combiner: ``ner_vote``
    then keeps the entities two of the CNN, the CRF and the BiLSTM agree on
    (checked on ANERcorp test sentences, where the three often disagree)."""
    from extractor.ner.corpus import read_conll
    from extractor.ner.ensemble import spread_names, vote
    from extractor.ner.evaluate import tag_entities

    nlp = spacy.load(MODEL)
    pipe = nlp.get_pipe("ner_vote")
    pipe.combiner = pipe.seed = None
    disagreements = 0
    for sent in list(read_conll(ANER_TEST))[:60]:
        words = sent.words
        with nlp.select_pipes(disable=["ner_vote"]):
            cnn = nlp(Doc(nlp.vocab, words=words)).ents
        systems = [{(e.start, e.end, e.label_) for e in cnn}] + [
            {(a, b, label) for _, a, b, label in tag_entities([tags])}
            for tags in (pipe.crf.tag([words])[0], pipe.bilstm.tag([words])[0])
        ]
        agreed = vote(systems)
        disagreements += len(set().union(*systems)) > len(agreed)
        expected = spread_names(words, [(0, len(words))], agreed, window=20)
        doc = nlp(Doc(nlp.vocab, words=words))
        assert {(e.start, e.end, e.label_) for e in doc.ents} == expected
    assert disagreements >= 5  # the check reads sentences where the vote decides
