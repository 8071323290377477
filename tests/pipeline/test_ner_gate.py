"""The NER gate runs the model only near cue words and maps entities back exactly."""

import pytest

import extractor
from extractor.api import default_model_path
from extractor.pipeline.ner_gate import _map_back, candidate_pieces

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


def test_pieces_are_the_lead_and_merged_windows_around_cues():
    nlp = extractor.load(ner=False)
    filler = " ".join(["عبارة"] * 30)
    doc = nlp(f"جملة أولى قصيرة .\n{filler} الدكتور خالد {filler} وبحضور {filler} .")
    lead_end = next(iter(doc.sents)).end
    title = next(t.i for t in doc if t.text == "الدكتور")
    cue = next(t.i for t in doc if t.text == "وبحضور")
    # the title's window [i-3, i+12) and the cue's are 32 tokens apart: not merged
    assert candidate_pieces(doc, 3, 12) == [
        (0, lead_end),
        (title - 3, title + 12),
        (cue - 3, cue + 12),
    ]
    # wider windows overlap and merge into one range, which stops at the sentence end
    sent_end = doc[cue].sent.end
    assert cue + 40 > sent_end
    assert candidate_pieces(doc, 3, 40) == [(0, lead_end), (title - 3, sent_end)]


def test_a_group_word_opens_a_window_only_after_a_presence_cue():
    nlp = extractor.load(ner=False)
    filler = " ".join(["عبارة"] * 30)
    alone = nlp(f"جملة أولى قصيرة .\n{filler} منهم محمد الشهري {filler} .")
    lead_end = next(iter(alone.sents)).end
    assert candidate_pieces(alone, 3, 12) == [(0, lead_end)]
    present = nlp(
        f"جملة أولى قصيرة .\n{filler} بحضور عدد من الشعراء منهم محمد {filler} ."
    )
    cue = next(t.i for t in present if t.text == "بحضور")
    group = next(t.i for t in present if t.text == "منهم")
    assert candidate_pieces(present, 3, 12)[1] == (cue - 3, group + 12)


def test_an_entity_mapped_back_loses_a_dash_or_comma_at_its_edges_not_its_quotes():
    import spacy
    from spacy.tokens import Doc, Span

    words = ["ممثلة", "في", "وزارة", "الدفاع", "–", "،", "فرقة", "«", "خواطر", "»"]
    doc = Doc(spacy.blank("ar").vocab, words=words)
    offsets = list(range(len(words)))
    dash = _map_back(doc, Span(doc, 2, 6, label="ORG"), offsets)
    assert dash is not None and dash.text == "وزارة الدفاع"
    quoted = _map_back(doc, Span(doc, 5, 10, label="ORG"), offsets)
    assert quoted is not None and quoted.text == "فرقة « خواطر »"
    assert _map_back(doc, Span(doc, 4, 6, label="ORG"), offsets) is None
