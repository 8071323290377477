"""The NER gate runs the model only on cue sentences and maps entities back exactly."""

import pytest

import extractor
from extractor.api import default_model_path

TEXT = (
    "شهدت المدينة أجواء حارة طوال الأسبوع الماضي مع رياح نشطة.\n"
    "وبحضور الدكتور خالد بن عبدالله السالم افتتحت جامعة الملك سعود معرضها في الرياض ."
)


@pytest.fixture(scope="module")
def pipelines():
    if default_model_path() is None:
        pytest.skip("no NER model shipped in models/ner-ar")
    return extractor.load(), extractor.load(ner_everywhere=True)


def test_gate_replaces_the_model_pipes(pipelines):
    gated, everywhere = pipelines
    assert "civic_ner_gate" in gated.pipe_names
    assert {"tok2vec", "ner"} <= set(gated.disabled)
    assert "civic_ner_gate" not in everywhere.pipe_names


def test_cue_sentence_entities_match_a_full_run(pipelines):
    gated, everywhere = pipelines
    doc_g, doc_e = gated(TEXT), everywhere(TEXT)
    assert doc_g.has_annotation("ENT_IOB")
    cue_sent = list(doc_g.sents)[-1]
    full = [
        (e.start_char, e.end_char, e.label_)
        for e in doc_e.ents
        if e.start >= cue_sent.start
    ]
    assert [
        (e.start_char, e.end_char, e.label_)
        for e in doc_g.ents
        if e.start >= cue_sent.start
    ] == full
    for ent in doc_g.ents:
        assert TEXT[ent.start_char : ent.end_char] == ent.text


def test_no_cue_no_entities_outside_the_lead(pipelines):
    gated, _ = pipelines
    doc = gated("الطقس معتدل .\nوالرياح خفيفة في الرياض .\nوالبحر هادئ في جدة .")
    later = [e for e in doc.ents if e.sent.start > 0]
    assert later == []
