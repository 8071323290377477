"""Score predicted facts against gold annotations (FACTS.md, "Scoring").

Per fact kind, predicted items are matched one-to-one to gold items, best
pairs first; precision, recall and F1 are micro-averaged over all articles.
Events are also scored as the set of their types per article, and
``core_micro`` pools patrons, organizers, dates, venues and statistics.

>>> tokens("عبد الله بن محمدٍ، أ.د")
['عبدالله', 'بن', 'محمد', 'ا', 'د']
>>> overlap_f1(["a", "b"], ["b", "c"])
0.5
>>> match("organizers", [{"name": "أمانة جدة"}], [{"name": "أمانة محافظة جدة"}])
(1, 1, 1)
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from extractor.arabic.normalize import AL
from extractor.errors import InputError
from extractor.schema import KINDS

CORE_KINDS = ("patrons", "organizers", "dates", "venues", "statistics")
METRIC_KEYS = ("precision", "recall", "f1", "tp", "gold", "predicted")
THRESHOLD = 0.5  # a pair matches when its similarity is at least this

# Arabic diacritics, Quranic marks and tatweel (U+0640).
_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Hamza-carrying alefs and alef wasla: أ إ آ ٱ
_ALEFS = re.compile("[\u0623\u0625\u0622\u0671]")
_NON_WORD = re.compile(r"[^\w\s]|_")
# "عبد ال..." is joined into one token: عبد (U+0639 U+0628 U+062F), ال (U+0627 U+0644).
_ABD_AL = re.compile("\\b\u0639\u0628\u062f\\s+\u0627\u0644")
_ABD_AL_JOINED = "\u0639\u0628\u062f\u0627\u0644"
# Eastern Arabic-Indic and Persian digits -> ASCII.
_DIGITS = str.maketrans(
    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
    "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
    "01234567890123456789",
)
_FOLD = str.maketrans({"\u0649": "\u064a", "\u0629": "\u0647"})  # ى -> ي, ة -> ه
# Unit endings the crude stem removes (one of them): ين ون ات ان ا ه
_UNIT_ENDINGS = (
    "\u064a\u0646",
    "\u0648\u0646",
    "\u0627\u062a",
    "\u0627\u0646",
    "\u0627",
    "\u0647",
)


def tokens(text: str | None) -> list[str]:
    """The comparison tokens of ``text`` after the scoring normalization."""
    text = (text or "").translate(_DIGITS)
    text = _ALEFS.sub("\u0627", _DIACRITICS.sub("", text)).translate(_FOLD)
    text = _NON_WORD.sub(" ", text).lower()
    return _ABD_AL.sub(_ABD_AL_JOINED, text).split()


def overlap_f1(a: list[str], b: list[str]) -> float:
    """Token-overlap F1 of two token lists (multiset overlap)."""
    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    precision, recall = common / len(a), common / len(b)
    return 2 * precision * recall / (precision + recall)


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    """Honorific tokens, from the ``scoring_honorifics`` lexicon."""
    from extractor.pipeline.resources import load_lexicon

    return frozenset(
        tok for term in load_lexicon("scoring_honorifics") for tok in tokens(term)
    )


def person_key(item: Mapping) -> list[str]:
    """A person's name tokens without honorifics, else the role's tokens."""
    titles = honorifics()
    key = [tok for tok in tokens(item.get("name")) if tok not in titles]
    return key or tokens(item.get("role"))


def unit_stem(token: str) -> str:
    """Crude unit stem: drop ``ال`` and one plural/dual/accusative/feminine ending."""
    if token.startswith(AL) and len(token) > 3:
        token = token[2:]
    for ending in _UNIT_ENDINGS:
        if token.endswith(ending) and len(token) - len(ending) >= 2:
            return token[: -len(ending)]
    return token


def _number(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _statistic_similarity(gold: Mapping, pred: Mapping) -> float:
    g, p = _number(gold.get("value")), _number(pred.get("value"))
    if g is None or p is None or abs(g - p) > 1e-6 * max(1.0, abs(g)):
        return 0.0
    gold_units = {unit_stem(t) for t in tokens(gold.get("unit"))}
    pred_units = {unit_stem(t) for t in tokens(pred.get("unit"))}
    return 1.0 if not gold_units or gold_units & pred_units else 0.0


def _evidence_text(item: Mapping) -> str | None:
    evidence = item.get("evidence")
    return evidence.get("text") if isinstance(evidence, dict) else evidence


def _date_similarity(gold: Mapping, pred: Mapping) -> float:
    if gold.get("value"):
        return float(str(pred.get("value") or "") == str(gold["value"]))
    pred_text = pred.get("text") or _evidence_text(pred)
    return overlap_f1(tokens(gold.get("text")), tokens(pred_text))


def similarity(kind: str, gold: Mapping, pred: Mapping) -> float:
    """How well ``pred`` matches ``gold`` (0..1) under the rule for ``kind``."""
    if kind in ("patrons", "attendees"):
        return overlap_f1(person_key(gold), person_key(pred))
    if kind in ("events", "organizers", "venues"):
        return overlap_f1(tokens(gold.get("name")), tokens(pred.get("name")))
    if kind == "dates":
        return _date_similarity(gold, pred)
    if kind == "statistics":
        return _statistic_similarity(gold, pred)
    raise ValueError(f"unknown fact kind {kind!r}")


def match(
    kind: str, golds: list[Mapping], preds: list[Mapping]
) -> tuple[int, int, int]:
    """Greedy one-to-one matching, best pairs first: ``(tp, n_gold, n_pred)``.

    Events are matched on their names, so unnamed events take no part. Ties
    are taken in the reference scorer's order (later items first).
    """
    if kind == "events":
        golds = [g for g in golds if g.get("name")]
        preds = [p for p in preds if p.get("name")]
    pairs = [
        (similarity(kind, g, p), i, j)
        for i, g in enumerate(golds)
        for j, p in enumerate(preds)
    ]
    used_gold, used_pred = set(), set()
    for value, i, j in sorted(pairs, reverse=True):
        if value < THRESHOLD:
            break
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
    return len(used_gold), len(golds), len(preds)


def match_types(gold: Mapping, pred: Mapping) -> tuple[int, int, int]:
    """The event-type set score of one article: ``(tp, n_gold, n_pred)``."""
    gold_types = {e.get("type") for e in gold.get("events") or []}
    pred_types = {e.get("type") for e in pred.get("events") or []}
    return len(gold_types & pred_types), len(gold_types), len(pred_types)


def _read_json(path: Path) -> dict:
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"cannot read JSON: {err}", str(path)) from None
    if not isinstance(obj, dict):
        raise InputError("expected a JSON object", str(path))
    return obj


def _read_jsonl(path: Path) -> dict[str, dict]:
    found: dict[str, dict] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read: {err}", str(path)) from None
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"malformed JSON: {err.msg}", str(path), lineno) from None
        if not isinstance(obj, dict):
            raise InputError("expected a JSON object", str(path), lineno)
        found[str(obj.get("id"))] = obj
    return found


def load_predictions(
    predictions: str | Path | Mapping | Iterable[Mapping],
) -> dict[str, dict]:
    """``{id: article facts}`` from a JSONL file, a folder of ``<id>.json``,
    a mapping, or an iterable of article objects (e.g. ``ArticleFacts`` dumps)."""
    if isinstance(predictions, Mapping):
        return {str(k): dict(v) for k, v in predictions.items()}
    if not isinstance(predictions, (str, Path)):
        return {str(obj.get("id")): dict(obj) for obj in predictions}
    path = Path(predictions)
    if path.is_dir():
        objs = ((f, _read_json(f)) for f in sorted(path.glob("*.json")))
        return {str(obj.get("id") or f.stem): obj for f, obj in objs}
    if not path.is_file():
        raise InputError("no such file or directory", str(path))
    return _read_jsonl(path)


def gold_articles(gold_dir: str | Path) -> Iterable[tuple[str, dict]]:
    """``(id, gold facts)`` for every ``<id>.json`` in ``gold_dir``, sorted."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise InputError("not a directory", str(gold_dir))
    for path in sorted(gold_dir.glob("*.json")):
        gold = _read_json(path)
        yield str(gold.get("id") or path.stem), gold


def article_counts(gold: Mapping, pred: Mapping) -> dict[str, tuple[int, int, int]]:
    """``{kind: (tp, n_gold, n_pred)}`` for one article, ``event_types`` included."""
    row = {
        kind: match(kind, gold.get(kind) or [], pred.get(kind) or []) for kind in KINDS
    }
    row["event_types"] = match_types(gold, pred)
    return row


def metrics(tp: int, n_gold: int, n_pred: int) -> dict[str, float | int]:
    """Precision, recall, F1 and the counts they come from."""
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return dict(zip(METRIC_KEYS, (precision, recall, f1, tp, n_gold, n_pred)))


def score_articles(gold_dir, predictions) -> dict[str, dict[str, tuple[int, int, int]]]:
    """Per-article counts; articles missing from the predictions count as empty."""
    preds = load_predictions(predictions)
    return {
        aid: article_counts(gold, preds.get(aid, {}))
        for aid, gold in gold_articles(gold_dir)
    }


def summarize(per_article: Mapping[str, Mapping[str, tuple[int, int, int]]]) -> dict:
    """Micro-averaged report: each kind, ``event_types`` and ``core_micro``."""
    totals = {kind: [0, 0, 0] for kind in (*KINDS, "event_types")}
    for row in per_article.values():
        for kind, counts in row.items():
            totals[kind] = [a + b for a, b in zip(totals[kind], counts)]
    report = {kind: metrics(*counts) for kind, counts in totals.items()}
    core = [sum(totals[kind][n] for kind in CORE_KINDS) for n in range(3)]
    report["core_micro"] = metrics(*core)
    return report


def score(gold_dir: str | Path, predictions) -> dict[str, dict[str, float | int]]:
    """The evaluation report of ``predictions`` (see :func:`load_predictions`)
    against the gold files in ``gold_dir``; keys as in :data:`METRIC_KEYS`."""
    return summarize(score_articles(gold_dir, predictions))


def format_table(report: Mapping[str, Mapping]) -> str:
    """The report as a fixed-width text table."""
    lines = [f"{'kind':<12}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'gold':>6}{'pred':>6}"]
    for kind, m in report.items():
        lines.append(
            f"{kind:<12}{m['precision']:7.3f}{m['recall']:7.3f}{m['f1']:7.3f}"
            f"{m['tp']:6d}{m['gold']:6d}{m['predicted']:6d}"
        )
    return "\n".join(lines)
