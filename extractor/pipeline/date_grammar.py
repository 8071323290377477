"""Explicit dates over tokens: the grammar behind ``civic_dates``.

Reads ``token.norm_`` into :class:`Parsed` dates (calendar, year, month, day,
qualifier) without resolving them: numeric dates (``25/10/1436هـ``,
``10-8-2015م``), day + month name [+ year] (``25 شوال 1436 هـ``, ``السابع من
شهر شوال``), month [+ year] (``شوال 1436``, ``شهر أغسطس``; names that are
also common words need support), years (``عام 1436هـ``, ``2023م``, a bare
``2014``, ``1436/1437هـ``, ``1384هـ/1964م``), ranges (``من 19 إلى 23 يوليو``)
and dual-calendar pairs (``X الموافق Y``). Words come from the ``months_*``,
``date_*`` and ``stat_markers`` lexicons.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

from extractor.arabic import calendars as cal
from extractor.arabic.normalize import AL, WAW
from extractor.pipeline.lexicons import MIN
from extractor.pipeline.resources import load_lexicon, phrase_index, token_norms

SEPARATORS = frozenset({"/", "-", ".", "\\", "\u2013"})  # / - . \ en dash
SKIPPABLE = frozenset({"(", ")", ",", "\u060c"})  # ( ) , and Arabic comma ،


@dataclass
class Parsed:
    """An explicit date read from tokens ``[start, end)``, not yet resolved."""

    start: int
    end: int
    calendar: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    qualifier: int | None = None  # المقبل 1 / الجاري 0 / الماضي -1
    rule: str = "explicit"
    twin: Parsed | None = None  # the Gregorian side of a dual-calendar date


# --- token helpers ---------------------------------------------------------


def norm_at(doc: Doc, k: int) -> str:
    norms = token_norms(doc)
    return norms[k] if 0 <= k < len(norms) else ""


def int_at(doc: Doc, k: int) -> int | None:
    norm = norm_at(doc, k)
    return int(norm) if norm.isdigit() and len(norm) <= 4 else None


def table_at(
    name: str, doc: Doc, k: int, clitics: bool = True
) -> tuple[int, str] | None:
    norms = token_norms(doc)
    if 0 <= k < len(norms):
        return phrase_index(name).match_norms(norms, k, clitics)
    return None


def marker_at(doc: Doc, k: int, role: str, clitics: bool = True) -> int:
    """Length of a ``date_markers`` word of ``role`` at ``k``, else 0."""
    hit = table_at("date_markers", doc, k, clitics)
    return hit[0] if hit and hit[1] == role else 0


def skip_punct(doc: Doc, k: int) -> int:
    norms = token_norms(doc)
    while k < len(norms) and (norms[k] in SKIPPABLE or doc[k].is_space):
        k += 1
    return k


def era_at(doc: Doc, k: int) -> tuple[str | None, int]:
    """``("hijri"|"gregorian", length)`` of an era marker at ``k``."""
    hit = table_at("date_markers", doc, k)
    if hit and hit[1] in ("era-h", "era-g"):
        return ("hijri" if hit[1] == "era-h" else "gregorian"), hit[0]
    return None, 0


def _year_calendar(year: int, era: str | None) -> str | None:
    if era:
        return era if 1000 <= year <= cal.GREGORIAN_MAX else None
    if cal.HIJRI_MIN <= year < cal.HIJRI_MAX:
        return "hijri"
    return "gregorian" if cal.GREGORIAN_MIN <= year <= cal.GREGORIAN_MAX else None


def month_at(doc: Doc, k: int) -> tuple[int, int, str, bool] | None:
    """``(length, month, calendar, ambiguous)`` of a month name at ``k``."""
    for name, calendar in (
        ("months_hijri", "hijri"),
        ("months_gregorian", "gregorian"),
    ):
        hit = table_at(name, doc, k)
        if hit:
            return hit[0], int(hit[1].rstrip("?")), calendar, hit[1].endswith("?")
    return None


def qualifier_at(doc: Doc, k: int) -> tuple[int | None, int]:
    hit = table_at("date_qualifiers", doc, k, clitics=False)
    return (int(hit[1]), hit[0]) if hit else (None, 0)


# --- explicit dates ---------------------------------------------------------


def _numeric(doc: Doc, i: int) -> Parsed | None:
    """``25/10/1436هـ``, ``10-8-2015م``, ``1436/10/25``."""
    parts = [int_at(doc, i), int_at(doc, i + 2), int_at(doc, i + 4)]
    if None in parts or not all(norm_at(doc, i + j) in SEPARATORS for j in (1, 3)):
        return None
    a, b, c = parts
    year, month, day = (a, b, c) if a > 31 else (c, b, a)
    era, size = era_at(doc, i + 5)
    calendar = _year_calendar(year, era)
    if calendar is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Parsed(i, i + 5 + size, calendar, year, month, day, rule="numeric")


def _day_at(doc: Doc, k: int) -> tuple[int | None, int]:
    """A day of the month at ``k``: digits 1-31 or an ordinal (السابع، غرة)."""
    value = int_at(doc, k)
    if value is not None:
        return (value, 1) if 1 <= value <= 31 else (None, 0)
    hit = table_at("date_ordinal_days", doc, k)
    return (int(hit[1]), hit[0]) if hit else (None, 0)


def _day_month(doc: Doc, i: int) -> Parsed | None:
    """``25 شوال 1436 هـ``, ``العاشر من شوال``, ``20 شهر شوال الجاري``."""
    day, size = _day_at(doc, i)
    if day is None:
        return None
    k = i + size
    k += norm_at(doc, k) == MIN
    k += marker_at(doc, k, "month")
    month = month_at(doc, k)
    if month is None:
        return None
    return _month_tail(doc, i, k + month[0], month, day, "day_month")


def _month_tail(
    doc: Doc, i: int, k: int, month, day: int | None, rule: str
) -> Parsed | None:
    """Read the optional year, era and qualifier after a month name."""
    _, number, calendar, _ = month
    k = _month_alias(doc, k, number)
    j = k + marker_at(doc, k, "year", False)  # 26 يوليو عام 1956
    year = int_at(doc, j)
    era, size = era_at(doc, j + 1) if year else (None, 0)
    if year and _month_year_ok(year, era or calendar):
        calendar = era or calendar
        return Parsed(i, j + 1 + size, calendar, year, number, day, rule=rule)
    qualifier, size = qualifier_at(doc, k)
    if qualifier is None:
        period = table_at("date_relative_periods", doc, k)
        if period and period[1] in ("year 0", "hyear 0"):
            qualifier, size = 0, period[0]
    return Parsed(i, k + size, calendar, None, number, day, qualifier, rule)


def _month_year_ok(year: int, calendar: str) -> bool:
    """A year right after a month name: any plausible year of its calendar."""
    if calendar == "hijri":
        return cal.HIJRI_MIN <= year < cal.HIJRI_MAX
    return 1000 <= year <= cal.GREGORIAN_MAX


def _month_alias(doc: Doc, k: int, number: int) -> int:
    """Skip the month's other name: ``كانون الأول (ديسمبر)``, ``24 يونيو حزيران``."""
    j = k + (norm_at(doc, k) == "(")
    alias = month_at(doc, j)
    if alias is None or alias[1] != number:
        return k
    j += alias[0]
    return j + (norm_at(doc, j) == ")")


def _month_only(doc: Doc, i: int) -> Parsed | None:
    """``شوال 1436``, ``شهر أغسطس``, ``رمضان``; ambiguous names need support."""
    k = i
    month = month_at(doc, k)
    if month is None:
        k += marker_at(doc, i, "month")
        month = month_at(doc, k) if k > i else None
    if month is None:
        return None
    parsed = _month_tail(doc, i, k + month[0], month, None, "month")
    supported = k > i or parsed.year or _month_near(doc, i, k + month[0])
    if parsed.year is None and parsed.qualifier is None:
        parsed.year = _shared_year(doc, parsed.end, month[2])
    return parsed if supported or not month[3] else None


def _shared_year(doc: Doc, k: int, calendar: str) -> int | None:
    """``يوليو وأغسطس 2014``: the next month's year, when it has one."""
    if not norm_at(doc, k).startswith(WAW):
        return None
    nxt = month_at(doc, k)
    if nxt is None or nxt[2] != calendar:
        return None
    year = int_at(doc, k + nxt[0])
    return year if year and _month_year_ok(year, calendar) else None


def _month_near(doc: Doc, start: int, end: int) -> bool:
    """Another month name right before or after (``رجب - شعبان - رمضان``)."""
    before = start - 1
    while before >= 0 and (doc[before].norm_ in SEPARATORS or doc[before].norm_ == WAW):
        before -= 1  # و
    after = end
    while after < len(doc) and doc[after].norm_ in SEPARATORS:
        after += 1
    near = [before, after]
    return any(month_at(doc, k) for k in near if 0 <= k < len(doc)) or bool(
        after < len(doc) and month_at(doc, after)
    )


def years_at(doc: Doc, i: int) -> list[Parsed]:
    """``عام 1436هـ``, ``2023م``, ``1436/1437هـ``, a bare ``2014``."""
    cue = marker_at(doc, i, "year")
    k = i + cue
    first = int_at(doc, k)
    if first is None or len(norm_at(doc, k)) != 4:
        return []
    dual = _dual_year(doc, i, k, first)
    if dual:
        return [dual]
    second = int_at(doc, k + 2) if norm_at(doc, k + 1) in SEPARATORS else None
    last = k + 2 if second and len(norm_at(doc, k + 2)) == 4 else k
    era, size = era_at(doc, last + 1)
    calendar = _year_calendar(first, era)
    if era == "gregorian" and not cue and first < cal.GREGORIAN_MIN:
        return []  # 1500م: more likely metres than a year
    if calendar is None or not (
        cue or era or last > k or _bare_year_ok(doc, k, calendar)
    ):
        return []
    found = [Parsed(i, k + 1, calendar, first, rule="year")]
    if last > k:
        other = _year_calendar(second, era) or calendar
        found.append(Parsed(k + 2, last + 1 + size, other, second, rule="year_range"))
    else:
        found[0].end = k + 1 + size
        found += _year_list(doc, found[0].end, calendar)
    return found


def _year_list(doc: Doc, k: int, calendar: str) -> list[Parsed]:
    """``عامي 2009 و2014``: a second year joined by و to the first."""
    year = int_at(doc, k + 1) if norm_at(doc, k) == WAW else None
    if year is None or _year_calendar(year, None) != calendar:
        return []
    size = era_at(doc, k + 2)[1]
    return [Parsed(k + 1, k + 2 + size, calendar, year, rule="year_list")]


def _dual_year(doc: Doc, i: int, k: int, first: int) -> Parsed | None:
    """``1384هـ/1964م``: one year in both calendars, read as the Hijri one."""
    era, size = era_at(doc, k + 1)
    if era != "hijri" or norm_at(doc, k + 1 + size) not in SEPARATORS:
        return None
    other = k + 2 + size
    year = int_at(doc, other)
    era2, size2 = era_at(doc, other + 1)
    if year is None or era2 != "gregorian" or _year_calendar(first, era) is None:
        return None
    return Parsed(i, other + 1 + size2, "hijri", first, rule="dual_year")


def _identifier_before(doc: Doc, k: int) -> bool:
    """``موديل 2015``, ``القرار 2216``, ``رقم 2030``: an identifier, not a year."""
    hit = phrase_index("stat_markers").match(doc, k - 1, False) if k > 0 else None
    return bool(hit and hit[1] == "block")


def _bare_year_ok(doc: Doc, k: int, calendar: str) -> bool:
    """A bare four-digit Gregorian year not followed by a counted noun."""
    glued = k > 0 and not doc[k - 1].whitespace_ and norm_at(doc, k - 1) in (",", ".")
    if calendar != "gregorian" or glued or _identifier_before(doc, k):
        return False
    if k > 0 and marker_at(doc, k - 1, "yearprep"):
        return True  # منذ 2008, حتى 2006, بحلول 2030
    nxt = doc[k + 1] if k + 1 < len(doc) else None
    return (
        nxt is None
        or not nxt.norm_.isalpha()
        or nxt.norm_.startswith((AL, WAW))  # و
        or nxt.norm_ in load_lexicon("stat_unit_stops")
    )


def explicit_at(doc: Doc, i: int) -> list[Parsed]:
    """The explicit date(s) starting at ``i``, with a range start if any."""
    for reader in (_numeric, _day_month):
        parsed = reader(doc, i)
        if parsed:
            return [parsed]
    ranged = _range(doc, i)
    if ranged:
        return ranged
    month = _month_only(doc, i)
    return [month] if month else years_at(doc, i)


def _range(doc: Doc, i: int) -> list[Parsed]:
    """``19 إلى 23 يوليو``, ``1 حتى 26/11/1436هـ``, ``20و 21 من شهر شوال``."""
    day = int_at(doc, i)
    if day is None or not 1 <= day <= 31:
        return []
    k = i + 1
    while k < i + 4 and (
        norm_at(doc, k) in SEPARATORS or marker_at(doc, k, "range", False)
    ):
        k += 1
    end = (_numeric(doc, k) or _day_month(doc, k)) if k > i + 1 else None
    if end is None:
        return []
    return [replace(end, start=i, end=i + 1, day=day, rule="range_start"), end]


def with_dual(doc: Doc, parsed: Parsed) -> Parsed:
    """Merge ``X الموافق Y`` (or ``X (Y)``) into one date, Hijri side first."""
    k = skip_punct(doc, parsed.end)
    link = marker_at(doc, k, "link")
    if not link and not (k > parsed.end and doc[parsed.end].norm_ == "("):
        return parsed
    other = next(iter(explicit_at(doc, skip_punct(doc, k + link))), None)
    if (
        other is None
        or other.calendar == parsed.calendar
        or other.rule == "range_start"
    ):
        return parsed
    hijri, greg = (parsed, other) if parsed.calendar == "hijri" else (other, parsed)
    return replace(hijri, start=parsed.start, end=other.end, rule="dual", twin=greg)
