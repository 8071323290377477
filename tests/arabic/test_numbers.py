"""Arabic numbers: digits, words, multipliers (extractor.arabic.numbers)."""

import pytest

from extractor.arabic.normalize import normalize
from extractor.arabic.numbers import (
    is_multiplier,
    multiplier,
    parse_digits,
    parse_number,
    read_words,
    scale,
    word_value,
)


@pytest.mark.parametrize(
    "text, value",
    [
        ("42", 42),
        ("٤٢", 42),
        ("1,200", 1200),
        ("1٬200", 1200),
        ("١٬٢٠٠", 1200),
        ("3.5", 3.5),
        ("٣٫٥", 3.5),
        ("307340", 307340),
        ("1,20", None),
        ("12a", None),
        ("", None),
    ],
)
def test_parse_digits(text, value):
    assert parse_digits(text) == value


@pytest.mark.parametrize(
    "text, value",
    [
        ("42 ألف", 42000),  # pyarabic's text2number gives 1000 here
        ("3 ملايين", 3_000_000),
        ("1.5 مليون", 1_500_000),
        ("10 آلاف", 10_000),
        ("8 مليارات", 8_000_000_000),
        ("338.4 ألف", 338_400),
        ("خمسة آلاف", 5000),
        ("سبعة آلاف", 7000),
        ("عشرين ألف", 20_000),
        ("خمسة وعشرون ألفاً", 25_000),
        ("ثمانية وثلاثين", 38),
        ("ثلاثة عشر", 13),
        ("أحد عشر", 11),
        ("اثنا عشر", 12),
        ("مئة", 100),
        ("مائة", 100),
        ("مئتين", 200),
        ("مائتان", 200),
        ("ثلاثمائة", 300),
        ("ثلاث مئة", 300),
        ("ألفين", 2000),
        ("ألفان", 2000),
        ("مليون", 1_000_000),
        ("المليون", 1_000_000),
        ("مليونين", 2_000_000),
        ("مليار", 1_000_000_000),
        ("ثلاثة آلاف وخمسمائة", 3500),
        ("مئة وخمسون ألفاً", 150_000),
        ("ستين", 60),
        ("عشرة", 10),
        ("عشر", 10),
        ("ثلاث", 3),
        ("ثماني", 8),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text", ["عشرات", "بضعة", "مئات", "أحد", "كتاب", "42 كتاب", ""]
)
def test_vague_or_not_numbers(text):
    assert parse_number(text) is None


def test_read_words_stops_at_the_noun():
    norms = [normalize(w) for w in ["ثمانية", "وثلاثين", "يوماً"]]
    assert read_words(norms) == (2, 38)


def test_read_words_needs_waw_between_numbers():
    norms = [normalize(w) for w in ["خمسة", "عشرين"]]  # no و: two numbers
    assert read_words(norms) == (1, 5)


def test_teen_head_alone_is_no_number():
    assert read_words([normalize("أحد"), normalize("المشاركين")]) is None


def test_multipliers():
    assert is_multiplier(normalize("آلاف")) and is_multiplier(normalize("ألفاً"))
    assert not is_multiplier(normalize("ألفين"))  # a value, not a factor
    assert multiplier(normalize("مليارات")) == 1_000_000_000
    assert multiplier(normalize("ريال")) == 1


def test_word_value_clitics():
    assert word_value(normalize("وعشرين")) == "20"
    assert word_value(normalize("الخمسة")) == "5"


def test_scale_has_no_float_noise():
    assert scale(12.9, 1_000_000) == 12_900_000
    assert isinstance(scale(2, 1000), int)
