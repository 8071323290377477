"""Possessive suffixes on normalized words (``extractor.arabic.normalize.possessed``)."""

from __future__ import annotations

from extractor.arabic.normalize import normalize, possessed


def test_the_noun_under_a_possessive_suffix_gets_its_teh_marbuta_back():
    assert possessed(normalize("رده")) == ("رد", "ه")
    assert possessed(normalize("قاعتها")) == (normalize("قاعة"), "ها")
    assert possessed(normalize("مقرهما")) == ("مقر", "هما")  # the longest suffix
    assert possessed(normalize("جهودهم")) == ("جهود", "هم")


def test_no_suffix_or_too_short_a_noun_is_none():
    assert possessed(normalize("معرض")) is None
    assert possessed("ه") is None and possessed("به") is None
    assert possessed(normalize("ردنا"), ("نا",)) == ("رد", "نا")
