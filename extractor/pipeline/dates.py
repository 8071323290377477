"""The ``civic_dates`` component: every calendar reference, resolved.

A left-to-right scan over ``token.norm_`` tries, at each token, the date
grammars below and keeps the first that fits; the words come from lexicons
(``months_*``, ``weekdays``, ``date_*``). Explicit dates are read into a
:class:`Parsed` (calendar, year, month, day) and resolved against
``doc._.published`` with :func:`extractor.arabic.calendars.resolve_explicit`:

* numeric ``25/10/1436هـ``, ``10-8-2015م``; day + month name [+ year]
  (``25 شوال 1436 هـ``, ``السابع من شهر شوال``, ``29 رمضان``); month [+ year]
  (``شوال 1436``, ``شهر أغسطس``, ``رمضان``); years (``عام 1436هـ``, ``2023م``,
  ``في 2014``, ``1436/1437هـ``);
* ranges (``من 19 إلى 23 يوليو``) give two dates; ``X الموافق Y`` gives one;
* relative days and periods (``يوم أمس الأثنين``, ``هذا العام``) and weekdays
  (``الخميس الماضي``, a bare ``الأحد``) follow FACTS.md; an explicit date
  beats a weekday or relative word next to it.

Tense of a bare weekday (:func:`_future_context`): walking back from the
weekday through at most eight tokens of its sentence, the nearest tense cue
decides. Future cues: ``سوف``/``المقبل`` (``date_future_cues``), a forward
relative day (``اليوم``, ``غداً``), ``س`` + imperfect (``سيقام``) or an
imperfect ``ي``/``ت`` word (``يدشن``, ``تنطلق``; the noun patterns
``تفعيل``/``تفاعل``, form-III ``تابع`` and ``date_not_verbs`` excluded). Past
cues: frequent past verbs (``date_past_cues``), a feminine past shape
(``أعلنت``, not the plural ``جلسات``), ``أمس``. Future reads the first such
day on or after ``published``; past (also the default) the latest on or
before.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from extractor.arabic import calendars as cal
from extractor.pipeline.facts import add_candidate, ensure_extensions
from extractor.pipeline.resources import load_lexicon, phrase_index

LOOKBACK = 8  # tokens searched for the verb that sets a bare weekday's tense
FURNITURE_LINES = 2  # a date alone on one of the first lines is the page's stamp
SEPARATORS = frozenset({"/", "-", ".", "\\", "\u2013"})  # / - . \ en dash
SKIPPABLE = frozenset({"(", ")", ",", "\u060c"})  # ( ) , and Arabic comma ،
_SEEN, _SAD = "\u0633", "\u0635"  # س ص
_YEH, _TEH, _NOON, _ALEF = "\u064a", "\u062a", "\u0646", "\u0627"  # ي ت ن ا
_HEH, _AL = "\u0647", "\u0627\u0644"  # ه ال
_WAW, _FEH = "\u0648", "\u0641"  # و ف


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


@dataclass
class Hit:
    """A resolved date over tokens ``[start, end)``."""

    start: int
    end: int
    value: str | None
    calendar: str = "gregorian"
    relative: bool = False
    hijri: str | None = None
    rule: str = "date"


# --- token helpers ---------------------------------------------------------


def _norm(doc: Doc, k: int) -> str:
    return doc[k].norm_ if 0 <= k < len(doc) else ""


def _int(doc: Doc, k: int) -> int | None:
    norm = _norm(doc, k)
    return int(norm) if norm.isdigit() and len(norm) <= 4 else None


def _table(name: str, doc: Doc, k: int, clitics: bool = True) -> tuple[int, str] | None:
    return phrase_index(name).match(doc, k, clitics) if 0 <= k < len(doc) else None


def _marker(doc: Doc, k: int, role: str, clitics: bool = True) -> int:
    """Length of a ``date_markers`` word of ``role`` at ``k``, else 0."""
    hit = _table("date_markers", doc, k, clitics)
    return hit[0] if hit and hit[1] == role else 0


def _skip(doc: Doc, k: int) -> int:
    while k < len(doc) and (doc[k].norm_ in SKIPPABLE or doc[k].is_space):
        k += 1
    return k


def _era(doc: Doc, k: int) -> tuple[str | None, int]:
    """``("hijri"|"gregorian", length)`` of an era marker at ``k``."""
    hit = _table("date_markers", doc, k)
    if hit and hit[1] in ("era-h", "era-g"):
        return ("hijri" if hit[1] == "era-h" else "gregorian"), hit[0]
    return None, 0


def _year_calendar(year: int, era: str | None) -> str | None:
    if era:
        return era if 1000 <= year <= cal.GREGORIAN_MAX else None
    if cal.HIJRI_MIN <= year < cal.HIJRI_MAX:
        return "hijri"
    return "gregorian" if cal.GREGORIAN_MIN <= year <= cal.GREGORIAN_MAX else None


def _month_at(doc: Doc, k: int) -> tuple[int, int, str, bool] | None:
    """``(length, month, calendar, ambiguous)`` of a month name at ``k``."""
    for name, calendar in (
        ("months_hijri", "hijri"),
        ("months_gregorian", "gregorian"),
    ):
        hit = _table(name, doc, k)
        if hit:
            return hit[0], int(hit[1].rstrip("?")), calendar, hit[1].endswith("?")
    return None


def _qualifier(doc: Doc, k: int) -> tuple[int | None, int]:
    hit = _table("date_qualifiers", doc, k, clitics=False)
    return (int(hit[1]), hit[0]) if hit else (None, 0)


# --- explicit dates ---------------------------------------------------------


def _numeric(doc: Doc, i: int) -> Parsed | None:
    """``25/10/1436هـ``, ``10-8-2015م``, ``1436/10/25``."""
    parts = [_int(doc, i), _int(doc, i + 2), _int(doc, i + 4)]
    if None in parts or not all(_norm(doc, i + j) in SEPARATORS for j in (1, 3)):
        return None
    a, b, c = parts
    year, month, day = (a, b, c) if a > 31 else (c, b, a)
    era, size = _era(doc, i + 5)
    calendar = _year_calendar(year, era)
    if calendar is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Parsed(i, i + 5 + size, calendar, year, month, day, rule="numeric")


def _day_at(doc: Doc, k: int) -> tuple[int | None, int]:
    """A day of the month at ``k``: digits 1-31 or an ordinal (السابع، غرة)."""
    value = _int(doc, k)
    if value is not None:
        return (value, 1) if 1 <= value <= 31 else (None, 0)
    hit = _table("date_ordinal_days", doc, k)
    return (int(hit[1]), hit[0]) if hit else (None, 0)


def _day_month(doc: Doc, i: int) -> Parsed | None:
    """``25 شوال 1436 هـ``, ``العاشر من شوال``, ``20 شهر شوال الجاري``."""
    day, size = _day_at(doc, i)
    if day is None:
        return None
    k = i + size
    k += _norm(doc, k) == "\u0645\u0646"  # the preposition من
    k += _marker(doc, k, "month")
    month = _month_at(doc, k)
    if month is None:
        return None
    return _month_tail(doc, i, k + month[0], month, day, "day_month")


def _month_tail(
    doc: Doc, i: int, k: int, month, day: int | None, rule: str
) -> Parsed | None:
    """Read the optional year, era and qualifier after a month name."""
    _, number, calendar, _ = month
    k = _month_alias(doc, k, number)
    year = _int(doc, k)
    era, size = _era(doc, k + 1) if year else (None, 0)
    if year and _year_calendar(year, era):
        calendar = era or calendar
        return Parsed(i, k + 1 + size, calendar, year, number, day, rule=rule)
    qualifier, size = _qualifier(doc, k)
    if qualifier is None:
        period = _table("date_relative_periods", doc, k)
        if period and period[1] in ("year 0", "hyear 0"):
            qualifier, size = 0, period[0]
    return Parsed(i, k + size, calendar, None, number, day, qualifier, rule)


def _month_alias(doc: Doc, k: int, number: int) -> int:
    """Skip the month's other name: ``كانون الأول (ديسمبر)``, ``24 يونيو حزيران``."""
    j = k + (_norm(doc, k) == "(")
    alias = _month_at(doc, j)
    if alias is None or alias[1] != number:
        return k
    j += alias[0]
    return j + (_norm(doc, j) == ")")


def _month_only(doc: Doc, i: int) -> Parsed | None:
    """``شوال 1436``, ``شهر أغسطس``, ``رمضان``; ambiguous names need support."""
    k = i
    month = _month_at(doc, k)
    if month is None:
        k += _marker(doc, i, "month")
        month = _month_at(doc, k) if k > i else None
    if month is None:
        return None
    parsed = _month_tail(doc, i, k + month[0], month, None, "month")
    supported = k > i or parsed.year or _month_near(doc, i, k + month[0])
    return parsed if supported or not month[3] else None


def _month_near(doc: Doc, start: int, end: int) -> bool:
    """Another month name right before or after (``رجب - شعبان - رمضان``)."""
    before = start - 1
    while before >= 0 and (
        doc[before].norm_ in SEPARATORS or doc[before].norm_ == "\u0648"
    ):
        before -= 1  # و
    after = end
    while after < len(doc) and doc[after].norm_ in SEPARATORS:
        after += 1
    near = [before, after]
    return any(_month_at(doc, k) for k in near if 0 <= k < len(doc)) or bool(
        after < len(doc) and _month_at(doc, after)
    )


def _year(doc: Doc, i: int) -> list[Parsed]:
    """``عام 1436هـ``, ``2023م``, ``1436/1437هـ``, a bare ``2014``."""
    cue = _marker(doc, i, "year")
    k = i + cue
    first = _int(doc, k)
    if first is None or len(_norm(doc, k)) != 4:
        return []
    dual = _dual_year(doc, i, k, first)
    if dual:
        return [dual]
    second = _int(doc, k + 2) if _norm(doc, k + 1) in SEPARATORS else None
    last = k + 2 if second and len(_norm(doc, k + 2)) == 4 else k
    era, size = _era(doc, last + 1)
    calendar = _year_calendar(first, era)
    if calendar is None or not (
        cue or era or last > k or _bare_year_ok(doc, k, calendar)
    ):
        return []
    found = [Parsed(i, k + 1, calendar, first, rule="year")]
    if last > k:
        found.append(
            Parsed(k + 2, last + 1 + size, calendar, second, rule="year_range")
        )
    else:
        found[0].end = k + 1 + size
    return found


def _dual_year(doc: Doc, i: int, k: int, first: int) -> Parsed | None:
    """``1384هـ/1964م``: one year in both calendars, read as the Hijri one."""
    era, size = _era(doc, k + 1)
    if era != "hijri" or _norm(doc, k + 1 + size) not in SEPARATORS:
        return None
    other = k + 2 + size
    year = _int(doc, other)
    era2, size2 = _era(doc, other + 1)
    if year is None or era2 != "gregorian" or _year_calendar(first, era) is None:
        return None
    return Parsed(i, other + 1 + size2, "hijri", first, rule="dual_year")


def _identifier_before(doc: Doc, k: int) -> bool:
    """``موديل 2015``, ``القرار 2216``, ``رقم 2030``: an identifier, not a year."""
    hit = phrase_index("stat_markers").match(doc, k - 1, False) if k > 0 else None
    return bool(hit and hit[1] == "block")


def _bare_year_ok(doc: Doc, k: int, calendar: str) -> bool:
    """A bare four-digit Gregorian year not followed by a counted noun."""
    glued = k > 0 and not doc[k - 1].whitespace_ and _norm(doc, k - 1) in (",", ".")
    if calendar != "gregorian" or glued or _identifier_before(doc, k):
        return False
    if k > 0 and _marker(doc, k - 1, "yearprep"):
        return True  # منذ 2008, حتى 2006, بحلول 2030
    nxt = doc[k + 1] if k + 1 < len(doc) else None
    return (
        nxt is None
        or not nxt.norm_.isalpha()
        or nxt.norm_.startswith((_AL, "\u0648"))  # و
        or nxt.norm_ in load_lexicon("stat_unit_stops")
    )


def _explicit(doc: Doc, i: int) -> list[Parsed]:
    """The explicit date(s) starting at ``i``, with a range start if any."""
    for reader in (_numeric, _day_month):
        parsed = reader(doc, i)
        if parsed:
            return [parsed]
    ranged = _range(doc, i)
    if ranged:
        return ranged
    month = _month_only(doc, i)
    return [month] if month else _year(doc, i)


def _range(doc: Doc, i: int) -> list[Parsed]:
    """``19 إلى 23 يوليو``, ``1 حتى 26/11/1436هـ``, ``20و 21 من شهر شوال``."""
    day = _int(doc, i)
    if day is None or not 1 <= day <= 31:
        return []
    k = i + 1
    while k < i + 4 and (
        _norm(doc, k) in SEPARATORS or _marker(doc, k, "range", False)
    ):
        k += 1
    end = (_numeric(doc, k) or _day_month(doc, k)) if k > i + 1 else None
    if end is None:
        return []
    return [replace(end, start=i, end=i + 1, day=day, rule="range_start"), end]


def _with_dual(doc: Doc, parsed: Parsed) -> Parsed:
    """Merge ``X الموافق Y`` (or ``X (Y)``) into one date, Hijri side first."""
    k = _skip(doc, parsed.end)
    link = _marker(doc, k, "link")
    if not link and not (k > parsed.end and doc[parsed.end].norm_ == "("):
        return parsed
    other = next(iter(_explicit(doc, _skip(doc, k + link))), None)
    if (
        other is None
        or other.calendar == parsed.calendar
        or other.rule == "range_start"
    ):
        return parsed
    hijri, greg = (parsed, other) if parsed.calendar == "hijri" else (other, parsed)
    return replace(hijri, start=parsed.start, end=other.end, rule="dual", twin=greg)


def _resolve(doc: Doc, parsed: Parsed, relative: bool = False) -> Hit:
    published = doc._.published
    twin = parsed.twin
    value, hijri = cal.resolve_explicit(
        parsed.calendar,
        parsed.year,
        parsed.month,
        parsed.day,
        published,
        parsed.qualifier,
    )
    if twin is not None and twin.year and twin.day:
        value = cal.resolve_explicit(
            "gregorian", twin.year, twin.month, twin.day, None
        )[0]
        value = (
            value
            or cal.resolve_explicit(
                parsed.calendar, parsed.year, parsed.month, parsed.day, published
            )[0]
        )
    relative = relative or (parsed.year is None and parsed.qualifier is not None)
    return Hit(
        parsed.start, parsed.end, value, parsed.calendar, relative, hijri, parsed.rule
    )


def _explicit_hits(doc: Doc, i: int) -> list[Hit]:
    found = _explicit(doc, i)
    if len(found) == 1:
        found = [_with_dual(doc, found[0])]
    return [_resolve(doc, parsed) for parsed in found]


# --- relative days, periods and weekdays ------------------------------------


def _relative(doc: Doc, i: int) -> list[Hit]:
    """``يوم أمس الأثنين``, ``غداً السبت``, ``هذا العام 1436هـ``, ``الشهر المقبل``."""
    k = i + _marker(doc, i, "day", False)
    day = _table("date_relative_days", doc, k)
    if day and _today_ok(doc, k, day):
        end = k + day[0]
        weekday = _weekday_at(doc, _skip(doc, end))
        end = _past_paren(doc, weekday[1]) if weekday else end
        explicit = _linked_explicit(doc, end)
        if explicit:  # بعد غد الخميس الموافق 21 شوال: the explicit date wins
            return [replace(_resolve(doc, explicit, True), start=i)]
        value = cal.relative_day(doc._.published, int(day[1]))
        return [Hit(i, end, value, relative=True, rule="relative_day")]
    period = _table("date_relative_periods", doc, i)
    if not period:
        return []
    return [_period(doc, i, i + period[0], period[1])]


def _linked_explicit(doc: Doc, end: int) -> Parsed | None:
    """A full day date joined by الموافق right after ``end``."""
    k = _skip(doc, end)
    link = _marker(doc, k, "link")
    if not link:
        return None
    found = _explicit(doc, _skip(doc, k + link))
    return _with_dual(doc, found[0]) if len(found) == 1 and found[0].day else None


def _past_paren(doc: Doc, end: int) -> int:
    return end + 1 if _norm(doc, end) == ")" else end


def _today_ok(doc: Doc, k: int, day: tuple[int, str]) -> bool:
    """``اليوم`` is "today" unless it is "the day" (``هذا اليوم``, ``اليوم الوطني``)."""
    if _blocked(doc, k):
        return False
    if day[1] != "0":
        return True
    after = _norm(doc, k + 1)
    quoted = k > 0 and doc[k - 1].text[-1:] in '"\u00ab' and after in ('"', "\u00bb")
    if quoted or after in load_lexicon("date_today_adjectives"):
        return False
    return not (_nisba(after) or _table("date_ordinal_days", doc, k + 1, False))


def _nisba(norm: str) -> bool:
    """A definite relational adjective (``الثقافي``, ``التدريبية``): "the ... day"."""
    return norm.startswith(_AL) and norm.endswith((_YEH, _YEH + _HEH))


def _blocked(doc: Doc, k: int) -> bool:
    """Preceded by a word that makes it a name or an anaphor (سوق الاثنين, هذا اليوم)."""
    return k > 0 and bool(_marker(doc, k - 1, "block") or _marker(doc, k - 1, "stamp"))


def _period(doc: Doc, i: int, end: int, spec: str) -> Hit:
    """A relative period; an explicit year right after it wins (هذا العام 1436هـ)."""
    years = _year(doc, end)
    if years and years[0].start == end:
        return replace(_resolve(doc, years[0]), start=i, rule="period_year")
    unit, offset = spec.split()
    value = cal.relative_period(doc._.published, unit, int(offset))
    calendar = "hijri" if unit == "hyear" else "gregorian"
    hijri = (
        cal.relative_hijri_year(doc._.published, int(offset))
        if unit == "hyear"
        else None
    )
    return Hit(i, end, value, calendar, True, hijri, "relative_period")


def _weekday_at(doc: Doc, k: int) -> tuple[int, int] | None:
    """``(weekday, end)`` of a weekday name at ``k``."""
    hit = _table("weekdays", doc, k)
    return (int(hit[1]), k + hit[0]) if hit else None


def _weekday(doc: Doc, i: int) -> list[Hit]:
    """``الخميس الماضي``, ``يوم الاثنين 25 شوال``, a bare ``الأحد``."""
    k = i + _marker(doc, i, "day", False)
    weekday = _weekday_at(doc, k)
    if weekday is None or _blocked(doc, k):
        return []
    qualifier, size = _qualifier(doc, weekday[1])
    end = weekday[1] + size
    explicit = _explicit(doc, _skip(doc, end + _marker(doc, _skip(doc, end), "link")))
    if len(explicit) == 1 and explicit[0].day and explicit[0].start - end <= 3:
        return [
            replace(_resolve(doc, _with_dual(doc, explicit[0]), bool(size)), start=i)
        ]
    published = doc._.published
    if qualifier:
        value = cal.weekday_date(published, weekday[0], qualifier)
    else:
        direction = 1 if _future_context(doc, k) else -1
        value = cal.weekday_date(published, weekday[0], direction, strict=False)
    return [Hit(i, end, value, relative=True, rule="weekday")]


def _future_context(doc: Doc, k: int) -> bool:
    """The nearest tense cue before ``k`` in its sentence is a future one."""
    start = max(doc[k].sent.start, k - LOOKBACK)
    for tok in reversed(doc[start:k]):
        tense = _tense(doc, tok.i)
        if tense:
            return tense > 0
    return False


def _tense(doc: Doc, i: int) -> int:
    """+1 future cue, -1 past cue, 0 none (see the module docstring)."""
    day = _table("date_relative_days", doc, i)
    if day:
        return 1 if int(day[1]) >= 0 else -1
    norm = doc[i].norm_
    norm = norm[1:] if norm[:1] in (_WAW, _FEH) and len(norm) > 3 else norm
    if norm in load_lexicon("date_future_cues"):
        return 1
    if norm in load_lexicon("date_past_cues") or _past_shape(norm):
        return -1
    return 1 if len(norm) >= 4 and _imperfect(norm) else 0


def _past_shape(norm: str) -> bool:
    """A feminine past verb (``أعلنت``, ``تبنت``), not a plural (``جلسات``)."""
    return (
        len(norm) >= 4
        and norm.endswith(_TEH)
        and not norm.endswith(_ALEF + _TEH)
        and not norm.startswith(_AL)
    )


def _imperfect(norm: str) -> bool:
    """``سيقام``/``يدشن``/``تنطلق``, not ``تنظيم``/``تعاون``/``تابع``/``يوم``."""
    if norm[0] == _SEEN and norm[1] in (_YEH, _TEH, _NOON):
        if norm.endswith((_HEH, _HEH + _ALEF)):  # سيطرتها, سياحة: nouns
            return False
        norm = norm[1:]
    if norm in load_lexicon("date_not_verbs"):
        return False
    if norm[0] == _YEH:
        return True
    if norm[0] != _TEH or _ALEF in (norm[1], norm[2]):
        return False
    return len(norm) < 5 or norm[3] != _YEH


# --- the component ----------------------------------------------------------


def find_all(doc: Doc) -> list[Hit]:
    """Every date in ``doc``, left to right, without overlaps."""
    hits: list[Hit] = []
    i = 0
    while i < len(doc):
        found = _weekday(doc, i) or _relative(doc, i) or _explicit_hits(doc, i)
        if found:
            hits.extend(h for h in found if not _furniture(doc, h))
            i = max(h.end for h in found)
        else:
            i += 1
    return _dedupe(doc, hits)


def _furniture(doc: Doc, hit: Hit) -> bool:
    """Page furniture: ``تاريخ النشر: ...`` or a lone date line above the body."""
    k = hit.start - 1
    while k >= 0 and not doc[k].norm_.isalnum() and "\n" not in doc[k].text:
        k -= 1  # the colon of تاريخ النشر:
    if k >= 0 and _marker(doc, k, "stamp"):
        return True
    return not hit.relative and _lone_line(doc, hit)


def _lone_line(doc: Doc, hit: Hit) -> bool:
    """The date is all its line holds, the line is at the top and a body follows."""
    start, end = hit.start, hit.end
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    words = [t for t in doc[start:end] if t.norm_.isalnum()]
    if any(not hit.start <= t.i < hit.end for t in words):
        return False
    above = [line for line in doc[:start].text.splitlines() if line.strip()]
    return len(above) < FURNITURE_LINES and bool(doc[end:].text.strip())


def _dedupe(doc: Doc, hits: list[Hit]) -> list[Hit]:
    """The same calendar day (or, unresolved, the same words) is one item."""
    seen: set[str] = set()
    kept = []
    for hit in hits:
        key = hit.value or " ".join(t.norm_ for t in doc[hit.start : hit.end])
        if key not in seen:
            seen.add(key)
            kept.append(hit)
    return kept


@Language.component("civic_dates")
def find_dates(doc: Doc) -> Doc:
    """Record every date of ``doc`` as a ``dates`` candidate."""
    ensure_extensions()
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)
    for hit in find_all(doc):
        span = doc[hit.start : hit.end]
        add_candidate(
            doc,
            "dates",
            span,
            hit.rule,
            text=span.text,
            value=hit.value,
            calendar=hit.calendar,
            relative=hit.relative,
            hijri=hit.hijri,
        )
    return doc
