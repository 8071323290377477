"""The corpus type lexicon: counts from tagged Docs, codes per stem."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

import extractor  # noqa: F401 - registers the normalizer
from extractor.ner.lexicon import (
    COLUMNS,
    build_lexicon,
    count_types,
    level,
    stem_codes,
)
from extractor.ner.pretrain import news_lines


def _nlp():
    nlp = spacy.blank("ar")
    nlp.add_pipe("civic_normalizer")
    return nlp


def _tagged(nlp, words, ents):
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def test_levels():
    assert [level(x) for x in (0.0, 0.04, 0.05, 0.3, 0.6, 1.0)] == [0, 0, 1, 2, 3, 3]


def test_counts_and_codes_from_tagged_docs():
    """Tagged Docs pass through ``nlp.pipe`` untouched (no NER in this pipeline)."""
    nlp = _nlp()
    docs = [
        _tagged(nlp, ["قال", "اللاعب", "ماجد", "عبدالله"], [(2, 4, "PER")]),
        _tagged(nlp, ["وقال", "اللاعب", "ماجد"], [(2, 3, "PER")]),
        _tagged(nlp, ["زار", "ماجد", "الرياض"], [(2, 3, "LOC")]),
    ]
    total, counts = count_types(nlp, docs)
    assert total["لاعب"] == 2 and total["قال"] == 2  # clitics peeled off
    assert counts["ماجد"]["tPER"] == 2
    assert counts["لاعب"]["nPER"] == 2
    assert counts["عبدالله"]["tPER"] == 1 and counts["عبدالله"]["pPER"] == 0
    assert counts["رياض"]["pPER"] == 0 and counts["قال"]["nPER"] == 0
    assert counts["ماجد"]["nLOC"] == 1
    lexicon = build_lexicon(total, counts)
    # ماجد: PER in 2 of 3; after it a LOC begins once in 3
    assert lexicon["ماجد"] == ["P3L0O0M0", "P0L2O0M0", ""]
    assert lexicon["لاعب"] == ["", "P3L0O0M0", ""]
    assert "عبدالله" not in lexicon  # seen once: below MIN_COUNT
    assert all(len(codes) == len(COLUMNS) for codes in lexicon.values())


def test_rare_stems_carry_no_code():
    assert stem_codes(1, {"tPER": 1}) == ["", "", ""]


def test_news_dump_is_read_in_chunks(tmp_path):
    """The reader tagging (and pretraining) uses: long articles split, ``limit`` articles."""
    dump = tmp_path / "news.txt"
    dump.write_text(" ".join(["كلمة"] * 450) + "\nقصير جدا\n", encoding="utf-8")
    docs = list(news_lines(dump, max_words=200)(_nlp()))
    assert [len(doc) for doc in docs] == [200, 200, 50, 2]
    assert docs[0][0].norm_ == "كلمه"  # normalized as at run time
    assert [len(d) for d in news_lines(dump, limit=1, max_words=200)(_nlp())] == [
        200,
        200,
        50,
    ]
