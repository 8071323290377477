"""The benchmark report as a readable plain-text table (``civic-facts bench``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

TARGET_WORDS_PER_S = 40_000
TARGET_RSS_MB = 1536


def render_report(report: Mapping) -> str:
    """All sections of a :func:`extractor.bench.run_bench` report, as text."""
    parts = [_throughput(report), _stages(report["stages"])]
    if "dates" in report:
        parts.append(_dates(report["dates"]))
    return "\n\n".join(parts)


def _throughput(report: Mapping) -> str:
    run, base, cfg = (
        report["throughput"],
        report["tokenizer_baseline"],
        report["config"],
    )
    rows = [
        ("articles", run["articles"], base["articles"]),
        ("words", run["words"], base["words"]),
        ("seconds", run["seconds"], base["seconds"]),
        ("articles/s", run["articles_per_s"], _div(base["articles"], base["seconds"])),
        ("words/s", run["words_per_s"], base["words_per_s"]),
        ("words/s after 1st result", run["warm_words_per_s"], None),
        ("start-up to 1st result (s)", run["startup_s"], None),
        ("failures", run["failures"], None),
        ("peak RSS parent (MB)", run["parent_rss_mb"], None),
        ("peak RSS largest worker (MB)", run["worker_rss_mb"], None),
    ]
    head = (
        f"Throughput: engine={cfg['engine']} workers={cfg['workers']} "
        f"ner={cfg['ner']} limit={cfg['limit']}"
    )
    table = _table(("measure", "civic-facts", 'spacy.blank("ar") tokenizer'), rows)
    return "\n".join([head, table, _verdict(report)])


def _verdict(report: Mapping) -> str:
    run = report["throughput"]
    rss = max(run["parent_rss_mb"] or 0, run["worker_rss_mb"] or 0)
    speed_ok = (run["words_per_s"] or 0) >= TARGET_WORDS_PER_S
    return (
        f"ratio to tokenizer-only: {report['ratio_to_tokenizer']}   "
        f"target >= {TARGET_WORDS_PER_S} words/s: {'met' if speed_ok else 'NOT met'}   "
        f"peak RSS per process < {TARGET_RSS_MB} MB: "
        f"{'met' if rss < TARGET_RSS_MB else 'NOT met'}"
    )


def _stages(stages: Mapping) -> str:
    head = (
        f"Stages (serial, {stages['articles']} articles, {stages['words']} words, "
        f"{stages['serial_words_per_s']} words/s on one core)"
    )
    rows = [
        (r["stage"], r["seconds"], f"{100 * r['share']:.1f}%", r["words_per_s"])
        for r in stages["rows"]
    ]
    return "\n".join([head, _table(("stage", "seconds", "share", "words/s"), rows)])


def _dates(dates: Mapping) -> str:
    head = f"Dates on eval/dev ({dates['articles']} articles): value F1 under FACTS.md"
    keys = ("precision", "recall", "f1", "tp", "gold", "predicted", "pipeline_s")
    ours, theirs = dates["ours"], dates["dateparser"]
    rows = [(k, ours.get(k), theirs.get(k)) for k in keys]
    rows.append(
        ("date stage only (s)", ours.get("date_stage_s"), theirs.get("pipeline_s"))
    )
    return "\n".join([head, _table(("measure", "civic-facts", "dateparser"), rows)])


def _div(a: float, b: float) -> float | None:
    return round(a / b, 1) if b else None


def _table(header: Sequence[str], rows: Sequence[Sequence]) -> str:
    cells = [list(map(str, header))] + [[_cell(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _cell(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
