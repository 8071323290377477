"""The NER vote: two of three taggers agree, then names spread through the article."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

import extractor  # noqa: F401 - registers the factories
from extractor.ner.corpus import Sentence
from extractor.ner.ensemble import sentence_ranges, spread_names, vote
from extractor.ner.evaluate import gold_entities


def test_vote_keeps_what_two_taggers_found_exactly() -> None:
    cnn = {(0, 2, "PER"), (5, 6, "LOC")}
    crf = {(0, 2, "PER"), (5, 6, "ORG"), (8, 9, "MISC")}
    bilstm = {(0, 1, "PER"), (5, 6, "ORG")}
    assert vote([cnn, crf, bilstm]) == {(0, 2, "PER"), (5, 6, "ORG")}
    assert vote([cnn, crf, bilstm], needed=3) == set()


def test_surname_alone_is_the_person_in_later_sentences() -> None:
    words = [
        "التقى",
        "يوكا",
        "كامينين",
        "أمس",
        ".",
        "وقال",
        "كامينين",
        "إن",
        "الرياض",
        "مدينة",
        ".",
    ]
    sentences = [(0, 5), (5, 12)]
    found = {(1, 3, "PER")}
    spread = spread_names(words, sentences, found, window=20)
    assert spread == {(1, 3, "PER"), (6, 7, "PER")}


def test_names_spread_forward_only_and_within_the_window() -> None:
    words = ["قال", "كامينين", ".", "التقى", "يوكا", "كامينين", ".", "وأكد", "كامينين"]
    sentences = [(0, 3), (3, 7), (7, 9)]
    found = {(4, 6, "PER")}
    # the sentence before the full name is left alone; the one after is tagged
    assert spread_names(words, sentences, found, window=20) == {
        (4, 6, "PER"),
        (8, 9, "PER"),
    }
    # a window of 0 spreads only inside the name's own sentence
    assert spread_names(words, sentences, found, window=0) == found


def test_misc_and_short_strings_do_not_spread() -> None:
    words = ["كأس", "العالم", ".", "ثم", "كأس", "العالم", "و", "هو"]
    sentences = [(0, 3), (3, 8)]
    found = {(0, 2, "MISC"), (6, 7, "PER")}
    assert spread_names(words, sentences, found, window=5) == found


def test_an_untagged_token_inside_a_found_entity_is_not_retagged() -> None:
    words = ["وزارة", "الصحة", "في", "الصحة"]
    found = {(0, 2, "ORG"), (3, 4, "ORG")}
    assert spread_names(words, [(0, 4)], found, window=5) == found


def test_sentence_ranges_of_sentenced_and_plain_docs() -> None:
    nlp = spacy.blank("ar")
    plain = Doc(nlp.vocab, words=["أ", "ب", "ج"])
    assert sentence_ranges(plain) == [(0, 3)]
    sentenced = Doc(nlp.vocab, words=["أ", "ب", "ج"], sent_starts=[1, 0, 1])
    assert sentence_ranges(sentenced) == [(0, 2), (2, 3)]
    assert sentence_ranges(Doc(nlp.vocab, words=[])) == []


def test_gold_entities_in_docs_of_several_sentences() -> None:
    nlp = spacy.blank("ar")
    sentences = [
        Sentence(["زار", "محمد", "جدة"], ["O", "B-PER", "B-LOC"]),
        Sentence(["وقال", "محمد"], ["O", "B-PER"]),
        Sentence(["في", "الرياض"], ["O", "B-LOC"]),
    ]
    docs, gold = gold_entities(sentences, nlp, doc_sentences=2)
    assert [len(d) for d in docs] == [5, 2]
    assert [[s.start for s in d.sents] for d in docs] == [[0, 3], [0]]
    # entities stay in sentence coordinates whatever the Doc size
    expected = {(0, 1, 2, "PER"), (0, 2, 3, "LOC"), (1, 1, 2, "PER"), (2, 1, 2, "LOC")}
    assert gold == expected
    assert gold_entities(sentences, nlp, doc_sentences=0)[1] == expected
    assert len(gold_entities(sentences, nlp, doc_sentences=0)[0]) == 1
