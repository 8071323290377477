"""The civic_statistics component on real Arabic snippets (rules-only pipeline)."""

from datetime import date

import pytest

from extractor.api import Extractor
from extractor.pipeline.facts import candidates
from tests.conftest import run_until


def _stats(nlp, text):
    """Run the pipeline up to civic_statistics; return (value, unit, approximate)."""
    doc = run_until(nlp, text, "civic_statistics", date(2015, 8, 10))
    found = candidates(doc, "statistics")
    for cand in found:
        assert cand.fields["text"] == text[cand.start : cand.end]  # offsets are sacred
    return [
        (c.fields["value"], c.fields["unit"], c.fields["approximate"]) for c in found
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("بمشاركة 42 ألف متطوع تقريباً", (42000, "متطوع", True)),
        ("أطلقت 462 مبادرة", (462, "مبادرة", False)),
        ("استمر ثلاثة أيام", (3, "أيام", False)),
        ("استمر ثمانية وثلاثين يوماً", (38, "يوماً", False)),
        ("بلغت الجوائز عشرين ألف ريال", (20000, "ريال", False)),
        ("زاره أكثر من سبعة آلاف زائر", (7000, "زائر", True)),
        ("نحو 9 مليارات يورو", (9_000_000_000, "يورو", True)),
        ("بقيمة 1.5 مليون ريال", (1_500_000, "ريال", False)),
        ("إنتاج 30 طنًا من العسل", (30, "طنًا", False)),
        ("شارك ٧٥ عملاً فوتوغرافياً", (75, "عملاً", False)),
        ("بمشاركة 1,200 طالب", (1200, "طالب", False)),
        ("ما يزيد على (50) من القنوات", (50, "القنوات", True)),
        ("بمشاركة 161 من العاملين", (161, "العاملين", False)),
        ("سجل 1100 متطوع ومتطوعة", (1100, "متطوع ومتطوعة", False)),
        ("استقبل الـ60 ألف زائر", (60000, "زائر", False)),
        ("قرابة 12 مليون زائر ومعتمر", (12_000_000, "زائر", True)),
        ("وتوزيع اكثر من 200 ألف وجبة", (200_000, "وجبة", True)),
        ("بلغت نسبة الزيادة 10 %", (10, "%", False)),
        ("ارتفع 7 في المائة", (7, "في المائة", False)),
        ("أكثر من مائة جواد", (100, "جواد", True)),
        ("ملتقى نحو المليون متطوع", (1_000_000, "متطوع", True)),
        ("يتراوح عمر المتبرع ما فوق الـ18 عامًا", (18, "عامًا", True)),
        ("أقل من 55 عامًا", (55, "عامًا", True)),
        ("وسط حضور فاق عشرة آلاف", (10000, "حضور", True)),
        ("بمشاركة (50) شابا وشابة", (50, "شابا وشابة", False)),
    ],
)
def test_statistic(nlp_rules, text, expected):
    assert _stats(nlp_rules, text) == [expected]


def test_definite_number_words(nlp_rules):
    assert _stats(nlp_rules, "شاركت القبائل العشر") == [(10, "القبائل", False)]
    assert _stats(nlp_rules, "خلال الخمسة الأيام") == [(5, "الأيام", False)]


def test_range_is_two_statistics(nlp_rules):
    found = _stats(nlp_rules, "تتراوح الأسعار بين 200 إلى 700 ريال")
    assert found == [(200, "ريال", False), (700, "ريال", False)]


def test_elliptical_count_takes_antecedent(nlp_rules):
    found = _stats(nlp_rules, "شارك أكثر من 100 متسابق وفاز 14 منهم بجوائز")
    assert found == [(100, "متسابق", True), (14, "متسابق", False)]


def test_elliptical_multiplier_takes_previous_unit(nlp_rules):
    found = _stats(nlp_rules, "قيمتها 80 ألف ريال، للأول 50 ألفا")
    assert found == [(80000, "ريال", False), (50000, "ريال", False)]


def test_repeated_figure_is_one(nlp_rules):
    """The stage reports both mentions; civic_resolve keeps one."""
    text = "شارك 20 متطوعاً ، وقال إن 20 متطوعاً"
    assert len(_stats(nlp_rules, text)) == 2
    facts = Extractor(nlp_rules)(text, published="2015-08-10")
    assert [(s.value, s.unit) for s in facts.statistics] == [(20, "متطوعاً")]


@pytest.mark.parametrize(
    "text",
    [
        "في 25 شوال 1436 هـ",  # a date
        "خلال عام 2015م",  # a year
        "مهرجان صيف القريات 36 الذي",  # a number in a name
        "يواصل مهرجان صيف الرس 36 فعالياته",
        "يبدأ الساعة 9 مساء",  # time
        "في تمام 17:33",
        "للاستفسار على الرقم 920012345",  # phone number
        "الملتقى الصيفي الـ(13)",  # edition
        "في الدورة 13 للمهرجان",
        "حضر عدد من المسؤولين",  # vague
        "بضعة أشخاص",
        "حضره الآلاف من الزوار",
        "استمر يومين",  # dual noun without a number word
        "المتطوع الواحد",
        "شاعر المليون زياد",  # a programme name
        "بلغت درجة الحرارة 50 ورطوبة عالية",
        "الصادر بالأمر الملكي رقم ( أ / 90 ) بتاريخ 27 / 8 / 1412هـ",  # a code
        "تنظيم مخطط (د/6) بمحافظة ينبع",
        "فاز يونايتد على برشلونة 3/ 1 أول من أمس",  # a score
    ],
)
def test_not_statistics(nlp_rules, text):
    assert _stats(nlp_rules, text) == []


def test_a_figure_after_a_place_and_a_slash_still_counts(nlp_rules):
    # only a number or a letter or two before the slash make a code
    text = "في بعقوبة مركز محافظة ديالى/ 57 كم شمال شرقي بغداد"
    assert _stats(nlp_rules, text) == [(57, "كم", False)]


def test_reh_decimals(nlp_rules):
    found = _stats(nlp_rules, "إلى 52ر2 مليار يورو بنسبة 7ر2% خلال")
    assert found == [(2_520_000_000, "يورو", False), (2.7, "%", False)]


def test_waw_initial_units(nlp_rules):
    assert _stats(nlp_rules, "وزعت 300 وجبة") == [(300, "وجبة", False)]
    assert _stats(nlp_rules, "وأكثر من 800 وافد") == [(800, "وافد", True)]


def test_count_of_noun_gives_unit(nlp_rules):
    found = _stats(nlp_rules, "وبلغ عدد الزوار أكثر من 5000 .")
    assert found == [(5000, "الزوار", True)]


@pytest.mark.parametrize(
    "text",
    [
        "العقد الحادي والعشرون ربط الطرق",  # ordinal
        "توقيع العقد العشرون",
        "بينهم 6 من الطائف",  # people from a place
        "بلغت قيمتها أكثر من ٦ مليارات أعلى من",
    ],
)
def test_more_non_statistics(nlp_rules, text):
    found = _stats(nlp_rules, text)
    assert all(unit not in ("ربط", "العقد", "الطائف", "أعلى") for _, unit, _ in found)


def test_point_thousands(nlp_rules):
    assert _stats(nlp_rules, "بقيمة 445.000 ريال") == [(445000, "ريال", False)]


def test_percent_sign_before_digits(nlp_rules):
    assert _stats(nlp_rules, "بنسبة %50 من") == [(50, "%", False)]


def test_prepositional_phrase_is_no_unit(nlp_rules):
    assert _stats(nlp_rules, "تعيين 150 بوزارة الصحة") == []
    found = _stats(nlp_rules, "في المباريات الثلاث الأخيرة")  # الأخيرة is no unit
    assert found == [(3, "المباريات", False)]


@pytest.mark.parametrize(
    "text", ["ألف مبروك للفائزين", "وصل 2500 يتدفقون على", "2500 تتدفق"]
)
def test_idioms_and_verbs_are_no_units(nlp_rules, text):
    assert _stats(nlp_rules, text) == []


def test_yeh_nouns_are_units(nlp_rules):
    assert _stats(nlp_rules, "استمر 15 يوما") == [(15, "يوما", False)]
    assert _stats(nlp_rules, "بقيمة 300 يورو") == [(300, "يورو", False)]
    assert _stats(nlp_rules, "ضبط 3 سيارات") == [(3, "سيارات", False)]
