"""Calendars and FACTS.md relative-date rules (extractor.arabic.calendars)."""

from datetime import date

import pytest

from extractor.arabic import calendars as cal

MON_10_AUG = date(2015, 8, 10)  # a Monday; 25 Shawwal 1436
TUE_21_JUL = date(2015, 7, 21)  # a Tuesday; 5 Shawwal 1436
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


@pytest.mark.parametrize(
    "hijri, value",
    [
        ((1436, 10, 25), ("2015-08-10", "1436-10-25")),
        ((1436, 10, None), ("2015-07", "1436-10")),
        ((1436, None, None), ("2014", "1436")),
        ((1437, None, None), ("2015", "1437")),
        ((1436, 9, 29), ("2015-07-16", "1436-09-29")),
        ((1436, 11, 1), ("2015-08-16", "1436-11-01")),
        ((1436, 9, None), ("2015-06", "1436-09")),
    ],
)
def test_hijri_value(hijri, value):
    assert cal.hijri_value(*hijri) == value


def test_hijri_out_of_range_or_invalid():
    assert cal.hijri_to_gregorian(900, 1, 1) is None
    assert cal.hijri_to_gregorian(1436, 13, 1) is None
    assert cal.hijri_value(900) == (None, "0900")


def test_gregorian_to_hijri():
    assert cal.gregorian_to_hijri(MON_10_AUG) == (1436, 10, 25)


@pytest.mark.parametrize(
    "offset, value",
    [
        (0, "2015-08-10"),
        (-1, "2015-08-09"),
        (-2, "2015-08-08"),
        (1, "2015-08-11"),
        (2, "2015-08-12"),
    ],
)
def test_relative_day(offset, value):  # اليوم، أمس، أمس الأول، غداً، بعد غد
    assert cal.relative_day(MON_10_AUG, offset) == value


def test_relative_without_published_is_null():
    assert cal.relative_day(None, -1) is None
    assert cal.weekday_date(None, MON, -1) is None
    assert cal.relative_period(None, "year", 0) is None


@pytest.mark.parametrize(
    "weekday, direction, strict, value",
    [
        (THU, -1, True, "2015-08-06"),  # الخميس الماضي
        (MON, -1, True, "2015-08-03"),  # الاثنين الماضي: strictly before
        (MON, 1, True, "2015-08-17"),  # الاثنين المقبل: strictly after
        (THU, 1, True, "2015-08-13"),  # الخميس المقبل
        (MON, -1, False, "2015-08-10"),  # bare past weekday: on or before
        (MON, 1, False, "2015-08-10"),  # bare future weekday: on or after
        (SUN, -1, False, "2015-08-09"),
        (SUN, 1, False, "2015-08-16"),
    ],
)
def test_weekday_date(weekday, direction, strict, value):
    assert cal.weekday_date(MON_10_AUG, weekday, direction, strict) == value


@pytest.mark.parametrize(
    "unit, offset, value",
    [
        ("year", 0, "2015"),  # هذا العام / العام الجاري
        ("year", -1, "2014"),  # العام الماضي
        ("year", 1, "2016"),
        ("month", 0, "2015-08"),  # الشهر الحالي
        ("month", 1, "2015-09"),  # الشهر المقبل
        ("month", -1, "2015-07"),
        ("week", -1, None),  # الأسبوع الماضي: null value
        ("hyear", 0, "2014"),  # العام الهجري الجاري = 1436 AH, begins 2014
    ],
)
def test_relative_period(unit, offset, value):
    assert cal.relative_period(MON_10_AUG, unit, offset) == value


def test_month_rollover():
    assert cal.relative_period(date(2015, 12, 31), "month", 1) == "2016-01"
    assert cal.relative_period(date(2015, 1, 1), "month", -1) == "2014-12"


def test_day_month_takes_nearest_year():
    assert cal.resolve_explicit("gregorian", None, 7, 23, TUE_21_JUL) == (
        "2015-07-23",
        None,
    )
    assert (
        cal.resolve_explicit("gregorian", None, 12, 30, date(2016, 1, 2))[0]
        == "2015-12-30"
    )
    assert (
        cal.resolve_explicit("gregorian", None, 1, 3, date(2015, 12, 30))[0]
        == "2016-01-03"
    )
    assert cal.resolve_explicit("hijri", None, 9, 29, TUE_21_JUL) == (
        "2015-07-16",
        "1436-09-29",
    )


def test_hijri_month_without_year_nearest():
    assert cal.resolve_explicit("hijri", None, 9, None, date(2015, 7, 26)) == (
        "2015-06",
        "1436-09",
    )


def test_month_qualifiers():
    # غرة شهر ذي القعدة القادم, seen on 25 Shawwal 1436
    assert cal.resolve_explicit("hijri", None, 11, 1, MON_10_AUG, 1) == (
        "2015-08-16",
        "1436-11-01",
    )
    # 10 شوال المقبل on 5 Shawwal: this year's
    assert cal.resolve_explicit("hijri", None, 10, 10, TUE_21_JUL, 1)[1] == "1436-10-10"
    # 10 شوال الماضي on 5 Shawwal: last year's
    assert (
        cal.resolve_explicit("hijri", None, 10, 10, TUE_21_JUL, -1)[1] == "1435-10-10"
    )
    assert cal.hijri_month_year(MON_10_AUG, 10, 1) == 1437  # شوال المقبل from Shawwal


def test_explicit_dates():
    assert cal.resolve_explicit("gregorian", 2015, 8, 10, None) == ("2015-08-10", None)
    assert cal.resolve_explicit("gregorian", 2015, 2, 30, None) == (None, None)
    assert cal.resolve_explicit("hijri", 1436, None, None, None) == ("2014", "1436")
    assert cal.resolve_explicit("gregorian", None, 8, None, None) == (None, None)
