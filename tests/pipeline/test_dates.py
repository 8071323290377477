"""The civic_dates component on real Arabic snippets (rules-only pipeline)."""

from datetime import date

import pytest

from extractor.pipeline.facts import candidates
from tests.conftest import run_until

PUB = "2015-08-10"  # Monday 10 August 2015 = 25 Shawwal 1436


def _dates(nlp, text, published=PUB):
    """Run the pipeline up to civic_dates and return the dates' fields + evidence."""
    pub = date.fromisoformat(published) if published else None
    doc = run_until(nlp, text, "civic_dates", pub)
    found = candidates(doc, "dates")
    for cand in found:
        assert cand.fields["text"] == text[cand.start : cand.end]  # offsets are sacred
    return [dict(cand.fields, evidence=text[cand.start : cand.end]) for cand in found]


def _one(nlp, text, published=PUB):
    found = _dates(nlp, text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, value, hijri",
    [
        (
            "مكة المكرمة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م",
            "2015-08-10",
            "1436-10-25",
        ),
        ("وذلك في 25 شوال 1436هـ", "2015-08-10", "1436-10-25"),
        ("بتاريخ 1436/10/25هـ", "2015-08-10", "1436-10-25"),
        ("يوم الأربعاء 27 / 10 / 1436 هـ", "2015-08-12", "1436-10-27"),
        ("خلال شوال 1436", "2015-07", "1436-10"),
        ("في عام 1436هـ", "2014", "1436"),
        ("لعام 1437 هـ", "2015", "1437"),
        ("يوم الاثنين 2 ذو القعدة", "2015-08-17", "1436-11-02"),
        ("يوم الاثنين الموافق 2 / 11 / 1436هـ", "2015-08-17", "1436-11-02"),
        ("يوم 29 رمضان", "2015-07-16", "1436-09-29"),
        ("في السابع من شهر شوال", "2015-07-23", "1436-10-07"),
        ("يبدأ غرة شهر ذي القعدة القادم", "2015-08-16", "1436-11-01"),
        ("في 15 جمادى الأولى 1437هـ", "2016-02-24", "1437-05-15"),
    ],
)
def test_hijri_dates(nlp_rules, text, value, hijri):
    found = _one(nlp_rules, text)
    assert (found["value"], found["calendar"], found["hijri"]) == (
        value,
        "hijri",
        hijri,
    )


@pytest.mark.parametrize(
    "text, value",
    [
        ("أقيم في 10-8-2015م", "2015-08-10"),
        ("أقيم في 10/8/2015", "2015-08-10"),
        ("في 10 أغسطس 2015 م", "2015-08-10"),
        ("في 22 كانون الثاني 2016", "2016-01-22"),
        ("للعام 2023م", "2023"),
        ("ضمن رؤية 2030", "2030"),
        ("خلال شهر أغسطس", "2015-08"),
        ("في 14 يوليو الماضي", "2015-07-14"),
    ],
)
def test_gregorian_dates(nlp_rules, text, value):
    found = _one(nlp_rules, text)
    assert (found["value"], found["calendar"], found["hijri"]) == (
        value,
        "gregorian",
        None,
    )


@pytest.mark.parametrize(
    "text, value",
    [
        ("افتتح أمس المعرض", "2015-08-09"),
        ("افتتح يوم أمس الأثنين المعرض", "2015-08-09"),
        ("افتتح يوم أمس الإثنين المعرض", "2015-08-09"),
        ("وصل البارحة", "2015-08-09"),
        ("أقيم أمس الأول الحفل", "2015-08-08"),
        ("أقيم أول من أمس الحفل", "2015-08-08"),
        ("يفتتح اليوم المعرض", "2015-08-10"),
        ("يقام غداً الحفل", "2015-08-11"),
        ("يقام بعد غد الحفل", "2015-08-12"),
        ("يقام غداً السبت الحفل", "2015-08-11"),  # the relative word wins
        ("عقد الخميس الماضي", "2015-08-06"),
        ("يعقد الخميس المقبل", "2015-08-13"),
        ("يعقد يوم الجمعة القادمة", "2015-08-14"),
        ("اختتم الأحد", "2015-08-09"),  # bare weekday, past narration
        ("وسوف يدشن الأمير المشروع الثلاثاء", "2015-08-11"),  # future narration
        ("ستنطلق الفعاليات الأحد", "2015-08-16"),
        ("هذا العام", "2015"),
        ("في العام الماضي", "2014"),
        ("خلال الشهر المقبل", "2015-09"),
        ("خلال الشهر الجاري", "2015-08"),
        ("من العام الهجري الجاري", "2014"),
    ],
)
def test_relative_dates(nlp_rules, text, value):
    found = _one(nlp_rules, text)
    assert (found["value"], found["relative"]) == (value, True)


def test_weekday_and_relative_word_are_one_date(nlp_rules):
    found = _one(nlp_rules, "افتتح يوم أمس الأثنين ملتقى")
    assert found["evidence"] == "يوم أمس الأثنين"


def test_explicit_date_beats_weekday(nlp_rules):
    found = _one(
        nlp_rules, "يقام الأحد القادم الموافق 17-10-1436هـ", published="2015-07-21"
    )
    assert (found["value"], found["hijri"]) == ("2015-08-02", "1436-10-17")


def test_week_has_null_value(nlp_rules):
    found = _one(nlp_rules, "الأسبوع الماضي")
    assert found["value"] is None and found["relative"]


def test_no_published_gives_null_relative(nlp_rules):
    found = _one(nlp_rules, "افتتح يوم أمس الأثنين", published=None)
    assert found["value"] is None and found["relative"]


def test_explicit_year_beats_this_year(nlp_rules):
    found = _one(nlp_rules, "هذا العام 1436هـ")
    assert (found["value"], found["hijri"], found["relative"]) == (
        "2014",
        "1436",
        False,
    )


@pytest.mark.parametrize(
    "text, values",
    [
        ("من 19 إلى 23 يوليو 2015", ["2015-07-19", "2015-07-23"]),
        ("يومي 20و 21 من شهر شوال", ["2015-08-05", "2015-08-06"]),
        ("خلال الفترة من 1 حتى 26 / 11 / 1436 هـ", ["2015-08-16", "2015-09-10"]),
        ("الانتخابات 1436/ 1437هـ", ["2014", "2015"]),
        ("الربع الثالث (رجب - شعبان - رمضان)", ["2015-04", "2015-05", "2015-06"]),
    ],
)
def test_ranges_and_lists(nlp_rules, text, values):
    assert [d["value"] for d in _dates(nlp_rules, text)] == values


@pytest.mark.parametrize(
    "text",
    [
        "استمر لمدة ثلاثة أيام",  # duration
        "احتفالات عيد الفطر المبارك",  # holiday name alone
        "في هذا اليوم كرم الفائزين",  # anaphoric
        "بمناسبة اليوم الوطني",  # a named day
        "في اليوم الرابع للمهرجان",  # a counted day
        "مهرجان صيف الباحة 40",  # two-digit number in a name
        "يبدأ الساعة 9 مساء",  # time of day
        "في سوق الاثنين ببللسمر",  # a place named after a weekday
        "بعد صلاة الجمعة",
        "وصل عدد الزوار إلى 2000 زائر",  # a count, not a year
        "كان رجب الغامدي حاضرا",  # a month name that is a person's name
    ],
)
def test_not_dates(nlp_rules, text):
    assert _dates(nlp_rules, text) == []


def test_same_day_twice_is_one_item(nlp_rules):
    found = _dates(nlp_rules, "أقيم أمس الحفل وشهد أمس توزيع الجوائز")
    assert [d["value"] for d in found] == ["2015-08-09"]


def test_relative_word_with_linked_explicit_date(nlp_rules):
    found = _one(nlp_rules, "ستبدأ بعد غد الخميس الموافق 21 من شهر شوال", "2015-08-04")
    assert (found["value"], found["hijri"]) == ("2015-08-06", "1436-10-21")


def test_dual_calendar_year(nlp_rules):
    found = _one(nlp_rules, "حتى عام1384هـ/1964م")
    assert (found["value"], found["calendar"], found["hijri"]) == (
        "1964",
        "hijri",
        "1384",
    )


def test_month_with_its_other_name_in_parentheses(nlp_rules):
    found = _one(nlp_rules, "في كانون الأول (ديسمبر) 2016 تقريبا")
    assert found["value"] == "2016-12"


@pytest.mark.parametrize("text", ["منذ 2008 ما أسهم", "في 2014، فيما"])
def test_bare_years(nlp_rules, text):
    assert [d["value"] for d in _dates(nlp_rules, text)] in (["2008"], ["2014"])


@pytest.mark.parametrize("text", ["سيارة موديل 2015 في الحفل", "القرار 2216 والمبادرة"])
def test_identifiers_are_not_years(nlp_rules, text):
    assert _dates(nlp_rules, text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("توفيت في 24 يونيو حزيران .", "2015-06-24"),
        ("في 11 فبراير شباط 2012 .", "2012-02-11"),
    ],
)
def test_month_alias_is_one_date(nlp_rules, text, value):
    assert [d["value"] for d in _dates(nlp_rules, text)] == [value]


@pytest.mark.parametrize(
    "text, value",
    [
        ("بعد أن أحكمت سيطرتها على المدينة ليل السبت", "2015-08-08"),
        ("وأضاف عبر حسابه في تويتر الاثنين", "2015-08-10"),
        ("وتبنت الحركة الأربعاء الهجوم", "2015-08-05"),
        ("ويختتم الفريق جولته الأربعاء", "2015-08-12"),
        ("وسيكون يوم الخميس هو اليوم الختامي", "2015-08-13"),
    ],
)
def test_nearest_tense_cue_decides(nlp_rules, text, value):
    assert [d["value"] for d in _dates(nlp_rules, text)] == [value]


def test_between_the_two_is_no_weekday(nlp_rules):
    assert _dates(nlp_rules, "والفرق شاسع بين الاثنين") == []


@pytest.mark.parametrize(
    "text",
    [
        "تاريخ النشر: 10 أغسطس 2015\nافتتح المعرض",
        "25/10/1436هـ\nافتتح الأمير المعرض في جدة",
    ],
)
def test_page_furniture_is_no_date(nlp_rules, text):
    assert _dates(nlp_rules, text) == []


def test_dateline_is_a_date(nlp_rules):
    text = "مكة المكرمة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م\nافتتح الأمير"
    assert [d["value"] for d in _dates(nlp_rules, text)] == ["2015-08-10"]


def test_ambiguous_hijri_month_needs_support(nlp_rules):
    assert _dates(nlp_rules, "سفر المرأة بدون محرم") == []
    assert [d["hijri"] for d in _dates(nlp_rules, "في شهر محرم 1437هـ")] == ["1437-01"]


def test_year_range_each_year_its_calendar(nlp_rules):
    found = _dates(nlp_rules, "بين عامي 1952/1953 وقعت")
    assert [(d["value"], d["calendar"]) for d in found][-1] == ("1953", "gregorian")


def test_metres_are_not_a_year(nlp_rules):
    assert _dates(nlp_rules, "على ارتفاع 1500م فوق سطح البحر") == []


def test_year_lists_and_in_year(nlp_rules):
    found = _dates(nlp_rules, "في كل من عامي 2009 و2014 بشأن التحقيقات")
    assert [d["value"] for d in found] == ["2009", "2014"]
    assert [d["value"] for d in _dates(nlp_rules, "وأخيرا، في 2011 كتب")] == ["2011"]


def test_repeated_date_tokens_are_kept_from_statistics(nlp_rules):
    doc = nlp_rules("زار في عام 2009 المدينة. ففي عام 2009 عندما بدأ")
    assert [c.fields["value"] for c in candidates(doc, "dates")] == ["2009"]
    assert candidates(doc, "statistics") == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("ذلك اليوم الذي وافق 26 يوليو عام 1956، وال", "1956-07-26"),
        ("افتتحت في 5 نوفمبر (تشرين الثاني) 1858.", "1858-11-05"),
    ],
)
def test_month_then_year(nlp_rules, text, value):
    assert value in [d["value"] for d in _dates(nlp_rules, text)]


def test_coordinated_months_share_the_year(nlp_rules):
    found = _dates(nlp_rules, "خلال شهري يوليو وأغسطس 2014 شن")
    assert [d["value"] for d in found] == ["2014-07", "2014-08"]
