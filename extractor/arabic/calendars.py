"""Calendars and relative dates: pure functions on :class:`datetime.date`.

Hijri dates use the Umm al-Qura calendar through ``hijridate``. Relative
expressions follow the resolution rules of ``spec/FACTS.md`` exactly; every
function returns an ISO string (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) or
None when it cannot resolve (no ``published`` date, a week, an impossible day).

>>> hijri_value(1436, 10, 25)
('2015-08-10', '1436-10-25')
>>> hijri_value(1436, 10)
('2015-07', '1436-10')
>>> hijri_value(1436)
('2014', '1436')
>>> relative_day(date(2015, 8, 10), -2)
'2015-08-08'
"""

from __future__ import annotations

from datetime import date, timedelta

from hijridate import Gregorian, Hijri

# Umm al-Qura tables in hijridate cover 1343-1500 AH (1924-2077 CE).
HIJRI_MIN, HIJRI_MAX = 1343, 1500
GREGORIAN_MIN, GREGORIAN_MAX = 1900, 2100


def iso(year: int, month: int | None = None, day: int | None = None) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    text = f"{year:04d}"
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}"
    return text


def hijri_to_gregorian(year: int, month: int = 1, day: int = 1) -> date | None:
    """The Gregorian date of a Hijri day, None when out of range or invalid."""
    if not HIJRI_MIN <= year < HIJRI_MAX or not 1 <= month <= 12 or not 1 <= day <= 30:
        return None
    try:
        return Hijri(year, month, day).to_gregorian()
    except ValueError:  # day 30 of a 29-day month
        return None


def gregorian_to_hijri(day: date) -> tuple[int, int, int]:
    """``(year, month, day)`` in the Umm al-Qura calendar."""
    hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    return hijri.year, hijri.month, hijri.day


def hijri_value(
    year: int, month: int | None = None, day: int | None = None
) -> tuple[str | None, str]:
    """``(gregorian value, hijri)`` of a Hijri year, month or day.

    A month or year without a day gets the Gregorian value of its first day,
    cut to the same precision (FACTS.md).
    """
    first = hijri_to_gregorian(year, month or 1, day or 1)
    hijri = iso(year, month, day)
    if first is None:
        return None, hijri
    if day is not None:
        return first.isoformat(), hijri
    return (iso(first.year, first.month) if month else iso(first.year)), hijri


def gregorian_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)`` or None when it does not exist."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def relative_day(published: date | None, offset: int) -> str | None:
    """``published`` shifted by ``offset`` days (اليوم 0, أمس -1, غداً +1...)."""
    if published is None:
        return None
    return (published + timedelta(days=offset)).isoformat()


def weekday_date(
    published: date | None, weekday: int, direction: int, strict: bool = True
) -> str | None:
    """The weekday (Monday = 0) nearest ``published`` in ``direction``.

    ``direction`` -1 looks back (``الاثنين الماضي`` strictly before, a bare
    weekday in past narration on or before), +1 looks forward.

    >>> weekday_date(date(2015, 8, 10), 3, -1)  # الخميس الماضي from Mon 10 Aug
    '2015-08-06'
    >>> weekday_date(date(2015, 7, 21), 1, 1, strict=False)  # Tuesday itself
    '2015-07-21'
    """
    if published is None:
        return None
    gap = (weekday - published.weekday()) * direction % 7
    if gap == 0 and strict:
        gap = 7
    return (published + timedelta(days=gap * direction)).isoformat()


def relative_period(published: date | None, unit: str, offset: int) -> str | None:
    """``year``/``month``/``hyear`` shifted by ``offset``; weeks give None.

    >>> relative_period(date(2015, 12, 5), "month", 1)
    '2016-01'
    >>> relative_period(date(2015, 8, 10), "hyear", 0)
    '2014'
    """
    if published is None or unit == "week":
        return None
    if unit == "year":
        return iso(published.year + offset)
    if unit == "hyear":
        return hijri_value(gregorian_to_hijri(published)[0] + offset)[0]
    index = published.year * 12 + published.month - 1 + offset
    return iso(index // 12, index % 12 + 1)


def relative_hijri_year(published: date | None, offset: int) -> str | None:
    """The Hijri year (``YYYY``) of ``published`` shifted by ``offset``."""
    if published is None:
        return None
    return iso(gregorian_to_hijri(published)[0] + offset)


def nearest_gregorian_year(published: date, month: int, day: int | None = None) -> int:
    """The year that puts ``day``/``month`` nearest to ``published``."""
    years = (published.year - 1, published.year, published.year + 1)
    return min(
        years, key=lambda y: _distance(published, *_gregorian_span(y, month, day))
    )


def nearest_hijri_year(published: date, month: int, day: int | None = None) -> int:
    """The Hijri year that puts ``day``/``month`` nearest to ``published``.

    >>> nearest_hijri_year(date(2015, 7, 26), 9)  # رمضان seen from Shawwal 1436
    1436
    """
    this = gregorian_to_hijri(published)[0]
    return min(
        (this - 1, this, this + 1),
        key=lambda y: _distance(published, *_hijri_span(y, month, day)),
    )


def hijri_month_year(published: date, month: int, qualifier: int | None) -> int:
    """Hijri year of a month named with ``الماضي`` (-1), ``الجاري`` (0), ``المقبل`` (1).

    >>> hijri_month_year(date(2015, 8, 10), 11, 1)  # ذو القعدة القادم
    1436
    """
    this_year, this_month, _ = gregorian_to_hijri(published)
    if qualifier == 1:
        return this_year if month > this_month else this_year + 1
    if qualifier == -1:
        return this_year if month < this_month else this_year - 1
    if qualifier == 0:
        return this_year
    return nearest_hijri_year(published, month)


def gregorian_month_year(published: date, month: int, qualifier: int | None) -> int:
    """Gregorian twin of :func:`hijri_month_year`."""
    if qualifier == 1:
        return published.year if month > published.month else published.year + 1
    if qualifier == -1:
        return published.year if month < published.month else published.year - 1
    if qualifier == 0:
        return published.year
    return nearest_gregorian_year(published, month)


def _gregorian_span(year: int, month: int, day: int | None) -> tuple[date, date]:
    if day is not None:
        point = gregorian_date(year, month, day) or date(year, month, 1)
        return point, point
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, 1), nxt - timedelta(days=1)


def _hijri_span(year: int, month: int, day: int | None) -> tuple[date, date]:
    first = hijri_to_gregorian(year, month, day or 1) or date(1900, 1, 1)
    if day is not None:
        return first, first
    return first, first + timedelta(days=28)


def _distance(published: date, start: date, end: date) -> int:
    if start <= published <= end:
        return 0
    return min(abs((published - start).days), abs((published - end).days))


def resolve_explicit(
    calendar: str,
    year: int | None,
    month: int | None,
    day: int | None,
    published: date | None,
    qualifier: int | None = None,
) -> tuple[str | None, str | None]:
    """``(gregorian value, hijri)`` of a date read from the text.

    A missing year is taken from ``qualifier`` (``المقبل`` 1, ``الجاري`` 0,
    ``الماضي`` -1) or else the year nearest ``published``; with neither, the
    value is None. ``hijri`` is None for a Gregorian date.

    >>> resolve_explicit("hijri", None, 11, 1, date(2015, 8, 10), qualifier=1)
    ('2015-08-16', '1436-11-01')
    >>> resolve_explicit("gregorian", None, 7, 23, date(2015, 7, 21))
    ('2015-07-23', None)
    """
    hijri = calendar == "hijri"
    if year is None and month is not None and published is not None:
        pick = hijri_month_year if hijri else gregorian_month_year
        year = pick(published, month, qualifier)
        if day is not None:
            year = _day_year(published, month, day, qualifier, hijri)
    if year is None:
        return None, None
    if hijri:
        return hijri_value(year, month, day)
    if day is not None and gregorian_date(year, month or 1, day) is None:
        return None, None
    return iso(year, month, day), None


def _day_year(
    published: date, month: int, day: int, qualifier: int | None, hijri: bool
) -> int:
    """Year of a day + month: nearest, or the next/last occurrence for ±1."""
    if qualifier in (None, 0):
        near = nearest_hijri_year if hijri else nearest_gregorian_year
        return near(published, month, day)
    this = gregorian_to_hijri(published)[0] if hijri else published.year
    years = (this - 1, this, this + 1)
    for year in years if qualifier > 0 else years[::-1]:
        when = _on(year, month, day, hijri)
        if when is not None and (when - published).days * qualifier > 0:
            return year
    return this


def _on(year: int, month: int, day: int, hijri: bool) -> date | None:
    return (
        hijri_to_gregorian(year, month, day)
        if hijri
        else gregorian_date(year, month, day)
    )
