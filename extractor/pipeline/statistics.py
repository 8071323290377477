"""The ``civic_statistics`` component: counted quantities with their unit.

Quantities (digits, number words, multipliers) come from
:mod:`extractor.pipeline.quantities`. A quantity is a statistic when a counted
noun follows it (an indefinite word, ``من`` + a definite plural, a percent
sign or ``في المائة``), or, for a definite number word, stands beside it
(``القبائل العشر``, ``الخمسة الأيام``). Without a noun it is kept only when an
approximation marker, a multiplier or an elliptical ``منهم`` shows it is a
count; its unit is then ``عدد X`` before it, the subject of an approximation
verb (``حضور فاق عشرة آلاف``), the end of a range (``200 إلى 700 ريال``) or
the unit of the statistic just before (``80 ألف ريال ... 50 ألفا``), else
null. ``approximate`` comes from ``stat_approx`` (نحو، أكثر من، تجاوز،
تقريباً ...). A repeated figure (same value and unit stem) is one item.

Not statistics: tokens of any date (``civic_dates`` runs first and lists them
in ``doc.user_data``), numbers after an identifier, rank or edition word
(``رقم``, ``الساعة``, ``الدورة``: ``stat_markers`` role ``block``), times
(``9 مساء``, ``17:33``), numbers in a name with no noun after them (``صيف
الباحة 40``) or with a possessive noun (``صيف الرس 36 فعالياته``), vague
plurals (``الآلاف من``), ordinal tens (``العقد العشرون``), phone numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extractor.arabic.normalize import AL, WAW, bare
from extractor.arabic.numbers import Number, multiplier, read_words
from extractor.pipeline.dates import DATE_TOKENS
from extractor.pipeline.facts import add_candidate, candidates, ensure_extensions
from extractor.pipeline.quantities import Quantity, may_start, norm_at, quantity_at
from extractor.pipeline.resources import load_lexicon, phrase_index, token_norms

ANTECEDENT_WINDOW = 40  # tokens back to look for the unit of an elliptical count
CODE_LETTERS = 2  # the letters of a code's series before its slash (أ / 90، م/10)
PERCENT = frozenset({"%", "\u066a"})  # % and the Arabic percent sign ٪
OPEN = frozenset({"(", "[", "\u00ab", '"'})  # ( [ « "
CLOSE = frozenset({")", "]", "\u00bb", '"'})  # ) ] » "
# Possessive suffixes as written (before teh-marbuta folding): ه ها هم هن.
PRONOUN_SUFFIXES = ("\u0647", "\u0647\u0627", "\u0647\u0645", "\u0647\u0646")
_ALEF = "\u0627"  # ا
_PREPS = ("\u0628", "\u0644")  # ب ل
_YEH = "\u064a"  # ي
_VERB_PREFIXES = ("\u062a\u062a", "\u062a\u0646")  # تت تن


@dataclass
class Stat:
    """A statistic over tokens ``[start, end)``."""

    start: int
    end: int
    value: Number
    unit: str | None
    approximate: bool
    rule: str


def _role(doc: Doc, k: int, clitics: bool = False) -> tuple[int, str] | None:
    return (
        phrase_index("stat_markers").match(doc, k, clitics)
        if 0 <= k < len(doc)
        else None
    )


def _is_role(doc: Doc, k: int, role: str) -> int:
    hit = _role(doc, k)
    return hit[0] if hit and hit[1] == role else 0


# --- units --------------------------------------------------------------------


def _is_word(doc: Doc, k: int) -> bool:
    """Letters only once diacritics are gone (``طنًا`` is a word)."""
    return 0 <= k < len(doc) and doc[k].norm_.isalpha()


def _unit_word(doc: Doc, k: int) -> bool:
    """An indefinite content word that can be a counted noun."""
    if not _is_word(doc, k) or len(doc[k].norm_) < 2:
        return False
    norm = doc[k].norm_
    stops = load_lexicon("stat_unit_stops")
    if norm in stops or (norm[:1] == WAW and norm[1:] in stops) or _role(doc, k):
        return False
    if multiplier(norm) > 1 or _is_month(doc, k) or _has_pronoun(doc[k].text):
        return False
    if norm[:1] == WAW and not _waw_unit(norm):
        return False  # والثاني / 50 ورطوبة: a conjunction, not a noun
    if _verb_like(norm):
        return False  # 2500 تتدفق: an imperfect verb
    return not norm.startswith(AL) and read_words([norm]) is None


def _verb_like(norm: str) -> bool:
    """An imperfect verb: ي + stem (unless a known noun), or the prefixes تت/تن."""
    if norm[:1] == _YEH:
        return norm not in load_lexicon("stat_yeh_units")
    return norm[:2] in _VERB_PREFIXES


def _waw_unit(norm: str) -> bool:
    units = load_lexicon("stat_waw_units")
    return norm in units or norm.rstrip(_ALEF) in units


def _is_month(doc: Doc, k: int) -> bool:
    """A month name, the word شهر, or a date qualifier (``الخمس القادمة``)."""
    names = ("months_hijri", "months_gregorian", "date_qualifiers")
    if any(phrase_index(n).match(doc, k) for n in names):
        return True
    hit = phrase_index("date_markers").match(doc, k)
    return bool(hit and hit[1] == "month")


def _has_pronoun(text: str) -> bool:
    """Ends with a possessive pronoun (``فعالياته``): a name, not a count."""
    return text.endswith(PRONOUN_SUFFIXES) and len(text) > 4


def _plural_after_of(doc: Doc, k: int) -> bool:
    tok = doc[k] if k < len(doc) else None
    if tok is None or _is_month(doc, k):
        return False
    return tok.norm_.isalpha() and tok.norm_.startswith(AL)


def _unit_after(doc: Doc, k: int) -> tuple[int, int] | None:
    """Token range of the counted noun after a quantity ending at ``k``."""
    k = k + 1 if norm_at(doc, k) in CLOSE else k
    if norm_at(doc, k) in PERCENT:
        return k, k + 1
    size = _is_role(doc, k, "percent")
    if size:
        return k, k + size
    if _is_role(doc, k, "of") and _plural_after_of(doc, k + 1):
        if phrase_index("places").match(doc, k + 1):
            return None  # 6 من الفيوم: people from a place, not a unit
        return k + 1, k + 2
    if not _unit_word(doc, k) or _prepositional(doc, k):
        return None
    end = k + 1
    if _pair(doc, k, end):
        end += 1
    return k, end


def _prepositional(doc: Doc, k: int) -> bool:
    """``150 بوزارة الصحة``: ب/ل + a noun in construct, not a counted noun."""
    norm = doc[k].norm_
    nxt = norm_at(doc, k + 1)
    return norm[:1] in _PREPS and len(norm) > 4 and nxt.startswith(AL)


def _percent_before(doc: Doc, q: Quantity) -> tuple[int, int] | None:
    """``%50``: the sign glued before the digits (right-to-left typing)."""
    k = q.start - 1
    if k >= 0 and norm_at(doc, k) in PERCENT and not doc[k].whitespace_:
        return k, k + 1
    return None


def _pair(doc: Doc, k: int, nxt: int) -> bool:
    """``زائر وزائرة``, ``متطوع ومتطوعة``: a و-coordinated noun of the same stem."""
    if nxt >= len(doc) or not norm_at(doc, nxt).startswith(WAW):
        return False
    first, second = bare(doc[k].norm_), bare(doc[nxt].norm_[1:])
    return len(first) >= 3 and second[:3] == first[:3]


def _definite_unit(doc: Doc, q: Quantity) -> tuple[int, int] | None:
    """``القبائل العشر`` (noun before) or ``الخمسة الأيام`` (noun after)."""
    before, after = q.start - 1, q.end
    for k in (after, before):
        if _is_word(doc, k) and doc[k].norm_.startswith(AL):
            stop = doc[k].norm_ in load_lexicon("stat_unit_stops") or _is_month(doc, k)
            if not stop and not _role(doc, k):
                return k, k + 1
    return None


# --- context --------------------------------------------------------------------


def _approx_before(doc: Doc, start: int) -> int | None:
    """Start of an approximation phrase ending right before ``start``."""
    k = start - 1 if norm_at(doc, start - 1) in OPEN else start
    index = phrase_index("stat_approx")
    for begin in range(k - 1, max(k - 5, -1), -1):
        hit = index.match(doc, begin)
        if hit and begin + hit[0] == k and hit[1] in ("before", "verb"):
            return begin
    return None


def _approx_after(doc: Doc, end: int) -> int | None:
    hit = phrase_index("stat_approx").match(doc, end) if end < len(doc) else None
    return end + hit[0] if hit and hit[1] == "after" else None


def _blocked(doc: Doc, q: Quantity) -> bool:
    """An identifier (``مخطط (د/6)``), rank, edition or time of day."""
    if norm_at(doc, q.start - 1) == "/" and _code_series(norm_at(doc, q.start - 2)):
        return True  # a code (أ / 90، د/6), a score or a day (3/1، 10/14), no count
    k = q.start - 1 if norm_at(doc, q.start - 1) not in OPEN else q.start - 2
    if 0 <= k < len(doc) and _is_role(doc, k, "block"):
        return True
    nxt = q.end + 1 if norm_at(doc, q.end) in CLOSE else q.end
    clock = norm_at(doc, q.end) == ":" or norm_at(doc, q.start - 1) == ":"
    return clock or bool(_is_role(doc, nxt, "time"))


def _code_series(norm: str) -> bool:
    """What may stand before the slash of a code, a score or a date: a number,
    or a letter or two (``أ / 90``, ``م/10``)."""
    return norm.isdigit() or (0 < len(norm) <= CODE_LETTERS and norm.isalpha())


def _range_unit(doc: Doc, q: Quantity) -> tuple[int, int] | None:
    """``200 إلى 700 ريال``: the start of a range takes the end's unit."""
    k = q.end
    if not (norm_at(doc, k) in ("-", "\u2013") or _is_role(doc, k, "range")):
        return None
    other = quantity_at(doc, k + 1)
    return _unit_after(doc, other.end) if other and not other.words else None


def _date_tokens(doc: Doc) -> set[int]:
    """Tokens used by any date expression (``civic_dates`` runs first)."""
    used: set[int] = set(doc.user_data.get(DATE_TOKENS, ()))
    for cand in candidates(doc, "dates"):
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is not None:
            used.update(range(span.start, span.end))
    return used


# --- the component --------------------------------------------------------------


def _stat_at(doc: Doc, i: int, used: set[int], previous: list[Stat]) -> Stat | None:
    q = quantity_at(doc, i)
    if q is None or used.intersection(range(q.start, q.end)) or _blocked(doc, q):
        return None
    if q.definite:
        unit = _definite_unit(doc, q)
    elif _bare_multiplier(doc, q):
        named = doc[q.start].norm_.startswith(AL) and _unit_word(doc, q.start - 1)
        named = named and _approx_before(doc, q.start) is None
        unit = (q.end, q.end + 1) if _unit_word(doc, q.end) and not named else None
        if unit is None:  # شاعر المليون: a name; الآلاف من: vague
            return None
    else:
        unit = _unit_after(doc, q.end) or _percent_before(doc, q)
    approx = _approx_before(doc, q.start)
    start, end = min(q.start, approx if approx is not None else q.start), q.end
    if unit is not None:
        start, end = min(start, unit[0]), max(end, unit[1])
        unit_text = _unit_text(doc, unit)
    else:
        unit_text = _elliptical_unit(doc, q, approx, previous)
        if unit_text is False:
            return None
    after = _approx_after(doc, end)
    rule = "quantity_words" if q.words else "quantity_digits"
    approximate = approx is not None or after is not None
    return Stat(start, after or end, q.value, unit_text or None, approximate, rule)


def _bare_multiplier(doc: Doc, q: Quantity) -> bool:
    """``مليون``/``الآلاف`` alone: a count only with a noun right after it."""
    return q.words and q.end - q.start == 1 and multiplier(doc[q.start].norm_) > 1


def _unit_text(doc: Doc, unit: tuple[int, int]) -> str:
    return doc[unit[0] : unit[1]].text


def _elliptical_unit(
    doc: Doc, q: Quantity, approx: int | None, previous: list[Stat]
) -> str | None | bool:
    """Unit of a count with no noun: range end, antecedent, None; False: no stat."""
    ranged = _range_unit(doc, q)
    if ranged and not q.words:
        return _unit_text(doc, ranged)
    pronoun = _is_role(doc, q.end, "pronoun") or _is_role(doc, q.start - 1, "pronoun")
    if q.definite or not (approx is not None or q.scaled or pronoun):
        return False
    if q.words and not q.scaled and not pronoun:
        return False
    subject = _subject_unit(doc, q, approx)
    if subject:
        return subject
    near = [s for s in previous if q.start - s.end <= ANTECEDENT_WINDOW and s.unit]
    if near and (q.scaled or _is_role(doc, q.end, "pronoun")):
        return near[-1].unit
    return None


def _subject_unit(doc: Doc, q: Quantity, approx: int | None) -> str | None:
    """``عدد الزوار ... 5000`` or ``حضور (كبير) فاق عشرة آلاف``: the noun before."""
    for k in range(q.start - 1, max(q.start - 6, -1), -1):
        if _is_role(doc, k, "count") and _is_word(doc, k + 1):
            return doc[k + 1].text
    hit = phrase_index("stat_approx").match(doc, approx) if approx is not None else None
    if not hit or hit[1] != "verb":
        return None
    before = [k for k in (approx - 2, approx - 1) if _unit_word(doc, k)]
    return doc[before[0]].text if before else None


def find_all(doc: Doc) -> list[Stat]:
    """Every statistic of ``doc``, left to right."""
    used = _date_tokens(doc)
    found: list[Stat] = []
    after = 0  # the first token not yet covered by a statistic
    for i in [k for k, norm in enumerate(token_norms(doc)) if may_start(norm)]:
        if i < after or i in used:
            continue  # a quantity starting on a date token is no statistic
        stat = _stat_at(doc, i, used, found)
        if stat is not None:
            found.append(stat)
            after = max(stat.end, i + 1)
    return found  # a repeated figure is merged by civic_resolve


@Language.component("civic_statistics")
def find_statistics(doc: Doc) -> Doc:
    """Record every statistic of ``doc`` as a ``statistics`` candidate."""
    ensure_extensions()
    for stat in find_all(doc):
        span = doc[stat.start : stat.end]
        add_candidate(
            doc,
            "statistics",
            span,
            stat.rule,
            value=stat.value,
            unit=stat.unit,
            approximate=stat.approximate,
            text=span.text,
        )
    return doc
