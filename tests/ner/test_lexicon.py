"""The corpus type lexicon: counts from tagged Docs, codes per stem."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

import extractor  # noqa: F401 - registers the normalizer
from extractor.api import default_model_path
from extractor.ner.lexicon import (
    COLUMNS,
    build_lexicon,
    count_types,
    level,
    read_lexicon,
    stem_codes,
    tag_news,
)
from extractor.ner.pretrain import news_lines

MODEL = default_model_path()


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


def test_shards_split_the_articles_between_readers(tmp_path):
    dump = tmp_path / "news.txt"
    dump.write_text("".join(f"مقال {i}\n" for i in range(7)), encoding="utf-8")
    nlp = _nlp()

    def read(**kwargs):
        return [doc[1].text for doc in news_lines(dump, **kwargs)(nlp)]

    assert read(shard=0, shards=2) == ["0", "2", "4", "6"]
    assert read(shard=1, shards=2) == ["1", "3", "5"]
    assert read(limit=5, shard=1, shards=2) == ["1", "3"]  # limit counts all articles


def test_two_processes_write_the_lexicon_one_process_writes(tmp_path):
    """tag_news splits the dump between spawned workers and adds their counts."""
    if MODEL is None:
        pytest.skip("no shipped NER model (models/ner-ar)")
    lines = [
        "قال الامير خالد الفيصل امير منطقه مكه المكرمه في جده ان المهرجان ناجح",
        "وافتتح وزير الصحه توفيق الربيعه المعرض في الرياض بحضور مدير جامعه الملك سعود",
        "وشارك الاتحاد السعودي لكره القدم في اجتماع الفيفا في زيورخ",
    ]
    dump = tmp_path / "news.txt"
    dump.write_text("\n".join(lines * 4) + "\n", encoding="utf-8")
    one = tag_news(MODEL, dump, tmp_path / "one.json", processes=1)
    two = tag_news(MODEL, dump, tmp_path / "two.json", processes=2)
    assert read_lexicon(one)  # the model found names
    assert read_lexicon(two) == read_lexicon(one)
