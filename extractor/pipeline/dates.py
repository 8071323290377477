"""The ``civic_dates`` component: every calendar reference, resolved.

A left-to-right scan over ``token.norm_`` tries, at each token, a weekday
(``الخميس الماضي``, ``يوم الاثنين 25 شوال``, a bare ``الأحد``), a relative day
or period (``يوم أمس الأثنين``, ``غداً السبت``, ``هذا العام``, ``الشهر المقبل``)
and the explicit dates of :mod:`extractor.pipeline.date_grammar`, and keeps the
first that fits. Everything is resolved against ``doc._.published`` with
:mod:`extractor.arabic.calendars` by the FACTS.md rules: a relative word beats
a disagreeing weekday, an explicit date beats both, ``X الموافق Y`` is one
date, a range is two, the same day twice is one item; page furniture
(``تاريخ النشر``, a lone date line at the top) is dropped.

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
from functools import lru_cache
from itertools import chain

from spacy.language import Language
from spacy.tokens import Doc

from extractor.arabic import calendars as cal
from extractor.arabic.normalize import AL, WAW, strip_clitics
from extractor.pipeline.date_grammar import (
    Parsed,
    explicit_at,
    marker_at,
    norm_at,
    qualifier_at,
    skip_punct,
    table_at,
    with_dual,
    years_at,
)
from extractor.pipeline.facts import add_candidate, ensure_extensions
from extractor.pipeline.resources import load_lexicon, phrase_index, token_norms
from extractor.pipeline.tokenizer import doc_text

DATE_TOKENS = "civic_date_tokens"  # doc.user_data key read by civic_statistics
START_LEXICONS = (
    "weekdays",
    "date_relative_days",
    "date_relative_periods",
    "date_markers",
    "date_ordinal_days",
    "months_hijri",
    "months_gregorian",
)
START_ROLES = frozenset({"day", "month", "year"})  # date_markers opening a date
LOOKBACK = 8  # tokens searched for the verb that sets a bare weekday's tense
FURNITURE_LINES = 2  # a date alone on one of the first lines is the page's stamp
_SEEN = "\u0633"  # س
_YEH, _TEH, _NOON, _ALEF = "\u064a", "\u062a", "\u0646", "\u0627"  # ي ت ن ا
_HEH = "\u0647"  # ه
_FEH = "\u0641"  # ف


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
    found = explicit_at(doc, i)
    if len(found) == 1:
        found = [with_dual(doc, found[0])]
    return [_resolve(doc, parsed) for parsed in found]


# --- relative days, periods and weekdays ------------------------------------


def _relative(doc: Doc, i: int) -> list[Hit]:
    """``يوم أمس الأثنين``, ``غداً السبت``, ``هذا العام 1436هـ``, ``الشهر المقبل``."""
    k = i + marker_at(doc, i, "day", False)
    day = table_at("date_relative_days", doc, k)
    if day and _today_ok(doc, k, day):
        end = k + day[0]
        weekday = _weekday_at(doc, skip_punct(doc, end))
        end = _past_paren(doc, weekday[1]) if weekday else end
        explicit = _linked_explicit(doc, end)
        if explicit:  # بعد غد الخميس الموافق 21 شوال: the explicit date wins
            return [replace(_resolve(doc, explicit, True), start=i)]
        value = cal.relative_day(doc._.published, int(day[1]))
        return [Hit(i, end, value, relative=True, rule="relative_day")]
    period = table_at("date_relative_periods", doc, i)
    if not period:
        return []
    return [_period(doc, i, i + period[0], period[1])]


def _linked_explicit(doc: Doc, end: int) -> Parsed | None:
    """A full day date joined by الموافق right after ``end``."""
    k = skip_punct(doc, end)
    link = marker_at(doc, k, "link")
    if not link:
        return None
    found = explicit_at(doc, skip_punct(doc, k + link))
    return with_dual(doc, found[0]) if len(found) == 1 and found[0].day else None


def _past_paren(doc: Doc, end: int) -> int:
    return end + 1 if norm_at(doc, end) == ")" else end


def _today_ok(doc: Doc, k: int, day: tuple[int, str]) -> bool:
    """``اليوم`` is "today" unless it is "the day" (``هذا اليوم``, ``اليوم الوطني``)."""
    if _blocked(doc, k):
        return False
    if day[1] != "0":
        return True
    after = norm_at(doc, k + 1)
    quoted = k > 0 and doc[k - 1].text[-1:] in '"\u00ab' and after in ('"', "\u00bb")
    if quoted or after in load_lexicon("date_today_adjectives"):
        return False
    return not (_nisba(after) or table_at("date_ordinal_days", doc, k + 1, False))


def _nisba(norm: str) -> bool:
    """A definite relational adjective (``الثقافي``, ``التدريبية``): "the ... day"."""
    return norm.startswith(AL) and norm.endswith((_YEH, _YEH + _HEH))


def _blocked(doc: Doc, k: int) -> bool:
    """After a word that makes it a name or an anaphor (سوق الاثنين, هذا اليوم)."""
    return k > 0 and any(marker_at(doc, k - 1, r) for r in ("block", "stamp"))


def _period(doc: Doc, i: int, end: int, spec: str) -> Hit:
    """A relative period; an explicit year right after it wins (هذا العام 1436هـ)."""
    years = years_at(doc, end)
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
    hit = table_at("weekdays", doc, k)
    return (int(hit[1]), k + hit[0]) if hit else None


def _weekday(doc: Doc, i: int) -> list[Hit]:
    """``الخميس الماضي``, ``يوم الاثنين 25 شوال``, a bare ``الأحد``."""
    k = i + marker_at(doc, i, "day", False)
    weekday = _weekday_at(doc, k)
    if weekday is None or _blocked(doc, k):
        return []
    qualifier, size = qualifier_at(doc, weekday[1])
    end = weekday[1] + size
    explicit = explicit_at(
        doc, skip_punct(doc, end + marker_at(doc, skip_punct(doc, end), "link"))
    )
    if len(explicit) == 1 and explicit[0].day and explicit[0].start - end <= 3:
        return [
            replace(_resolve(doc, with_dual(doc, explicit[0]), bool(size)), start=i)
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
    day = table_at("date_relative_days", doc, i)
    if day:
        return 1 if int(day[1]) >= 0 else -1
    norm = doc[i].norm_
    norm = norm[1:] if norm[:1] in (WAW, _FEH) and len(norm) > 3 else norm
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
        and not norm.startswith(AL)
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


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Every word that can open a date expression, from the date lexicons.

    A reader only looks for a ``date_markers`` word of a :data:`START_ROLES`
    role where a date begins; the other markers (في، إلى، بين ...) are read
    inside or before a date, never as its first word.
    """
    return frozenset(
        words[0]
        for name in START_LEXICONS
        for words, value in phrase_index(name).values.items()
        if name != "date_markers" or value in START_ROLES
    )


@lru_cache(maxsize=50_000)
def _can_start(norm: str) -> bool:
    """A digit or a (clitic-stripped) first word of a date lexicon."""
    if norm[:1].isdigit():
        return True
    return any(form in _first_words() for form in strip_clitics(norm))


def scan(doc: Doc) -> list[Hit]:
    """Every date expression, left to right, without overlaps (repeats kept)."""
    hits: list[Hit] = []
    after = 0  # the first token not yet covered by a date
    for i in [k for k, norm in enumerate(token_norms(doc)) if _can_start(norm)]:
        if i < after:
            continue
        found = _weekday(doc, i) or _relative(doc, i) or _explicit_hits(doc, i)
        if found:  # every reader's hits end after i
            hits.extend(found)
            after = max(h.end for h in found)
    return hits


def find_all(doc: Doc, hits: list[Hit] | None = None) -> list[Hit]:
    """The dates to report: no page furniture, the same day once."""
    hits = scan(doc) if hits is None else hits
    return _dedupe(doc, [h for h in hits if not _furniture(doc, h)])


def _furniture(doc: Doc, hit: Hit) -> bool:
    """Page furniture: ``تاريخ النشر: ...`` or a lone date line above the body."""
    k = hit.start - 1
    while k >= 0 and not doc[k].norm_.isalnum() and "\n" not in doc[k].text:
        k -= 1  # the colon of تاريخ النشر:
    if k >= 0 and marker_at(doc, k, "stamp"):
        return True
    return not hit.relative and _lone_line(doc, hit)


def _lone_line(doc: Doc, hit: Hit) -> bool:
    """The date is all its line holds, the line is at the top and a body follows."""
    norms = token_norms(doc)  # a norm holds a new line exactly when its text does
    start, end = hit.start, hit.end
    while start > 0 and "\n" not in norms[start - 1]:
        start -= 1
    while end < len(norms) and "\n" not in norms[end]:
        end += 1
    outside = chain(range(start, hit.start), range(hit.end, end))
    if any(norms[k].isalnum() for k in outside):
        return False
    text = doc_text(doc)
    above = [line for line in text[: doc[start].idx].splitlines() if line.strip()]
    below = text[doc[end].idx :] if end < len(doc) else ""
    return len(above) < FURNITURE_LINES and bool(below.strip())


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
    hits = scan(doc)
    # Every token of a date, repeats and page stamps included, is no statistic.
    used = {i for hit in hits for i in range(hit.start, hit.end)}
    doc.user_data[DATE_TOKENS] = sorted(used)
    for hit in find_all(doc, hits):
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
