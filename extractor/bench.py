"""``civic-facts bench``: throughput on SaudiNewsNet, stage times, and baselines.

One run measures, over the first ``--limit`` SaudiNewsNet articles:

* the engine's articles/s and words/s, and the peak RSS of the parent and of
  the largest worker process;
* spaCy's ``blank("ar")`` tokenizer alone over the same texts, so that the
  speed is also given as a machine-independent ratio;
* a per-stage time breakdown (tokenizer, each component, assemble) on a
  serial sample;

and, on the annotated dev set, our dates against dateparser's
``search_dates(text, languages=["ar"])``: date-value F1 and time.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import click

from extractor.api import PACKAGE_DIR, Article, Extractor
from extractor.bench_report import render_report
from extractor.engine import ENGINES, ExtractorOptions, make_engine
from extractor.errors import CivicFactsError
from extractor.io.readers import iter_articles
from extractor.measure import (
    count_words,
    date_f1,
    dates_dateparser,
    dates_ours,
    stage_table,
    throughput,
    timed_pipe,
    tokenizer_baseline,
)

DEFAULT_SHARED = PACKAGE_DIR.parent.parent / "shared"


def read_saudinewsnet(folder: Path, limit: int | None = None) -> Iterator[Article]:
    """The first ``limit`` articles of the SaudiNewsNet zips, lazily, in file order.

    Read with the tool's own readers (:func:`extractor.io.readers.iter_articles`),
    as ``civic-facts extract`` would; unreadable records are skipped.
    """
    items = iter_articles(sorted(folder.glob("*.zip")))
    return islice((item for item in items if isinstance(item, Article)), limit)


def read_dev(dev: Path, limit: int | None = None) -> tuple[list[Article], dict]:
    """Dev articles and their gold dates, keyed by article id."""
    articles, golds = [], {}
    for path in sorted((dev / "articles").glob("*.json"))[:limit]:
        record = json.loads(path.read_text(encoding="utf-8"))
        article_id = record.get("id") or path.stem
        articles.append(
            Article(
                record["text"],
                id=article_id,
                title=record.get("title"),
                published=record.get("published"),
            )
        )
        gold = json.loads((dev / "gold" / path.name).read_text(encoding="utf-8"))
        golds[article_id] = gold.get("dates", [])
    return articles, golds


def run_bench(
    shared: Path,
    *,
    limit: int | None,
    workers: int,
    engine: str = "local",
    scheduler: str | None = None,
    options: ExtractorOptions | None = None,
    stage_sample: int = 300,
    dev_limit: int | None = None,
) -> dict:
    """Every measurement of one benchmark run, as a JSON-ready dict."""
    options = options or ExtractorOptions()
    corpus = shared / "data" / "saudinewsnet"
    runner = make_engine(engine, workers=workers, scheduler=scheduler, options=options)
    try:
        run = throughput(runner.map, read_saudinewsnet(corpus, limit))
    finally:
        runner.close()
    baseline = tokenizer_baseline(a.text for a in read_saudinewsnet(corpus, limit))
    extractor = Extractor(
        model=options.model, ner=options.ner, ner_vote=options.ner_vote
    )
    report = {
        "config": {
            "limit": limit,
            "workers": workers,
            "engine": engine,
            "ner": options.ner,
            "pipeline": extractor.nlp.pipe_names,
        },
        "machine": machine(),
        "throughput": run,
        "tokenizer_baseline": baseline,
        "ratio_to_tokenizer": _ratio(run["words_per_s"], baseline["words_per_s"]),
        "stages": _stages(extractor, list(read_saudinewsnet(corpus, stage_sample))),
    }
    if (shared / "eval" / "dev").is_dir():
        report["dates"] = compare_dates(extractor, shared / "eval" / "dev", dev_limit)
    return report


def machine() -> dict:
    """Where and when the numbers were taken."""
    import spacy

    return {
        "utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "platform": platform.platform(),
    }


def _ratio(ours: float | None, baseline: float | None) -> float | None:
    return round(ours / baseline, 4) if ours and baseline else None


def _stages(extractor: Extractor, sample: list[Article]) -> dict:
    _, seconds = timed_pipe(extractor, sample)
    words = sum(count_words(a.text) for a in sample)
    total = sum(seconds.values())
    return {
        "articles": len(sample),
        "words": words,
        "seconds": round(total, 2),
        "serial_words_per_s": round(words / total) if total else None,
        "rows": stage_table(seconds, words),
    }


def compare_dates(extractor: Extractor, dev: Path, limit: int | None = None) -> dict:
    """Our dates vs dateparser's on the dev set: F1 and seconds, side by side."""
    articles, golds = read_dev(dev, limit)
    ours, our_time = dates_ours(extractor, articles)
    theirs, their_time = dates_dateparser(articles)
    return {
        "articles": len(articles),
        "ours": date_f1(golds, ours) | {k: round(v, 3) for k, v in our_time.items()},
        "dateparser": date_f1(golds, theirs)
        | {k: round(v, 3) for k, v in their_time.items()},
    }


@click.command("bench")
@click.option(
    "--shared",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_SHARED,
    show_default=True,
    help="Folder holding data/saudinewsnet and eval/dev.",
)
@click.option("--limit", type=int, help="First N articles (default: the whole corpus).")
@click.option(
    "--workers", type=int, default=0, help="Worker processes (0: one per core)."
)
@click.option(
    "--engine", type=click.Choice(ENGINES), default="local", show_default=True
)
@click.option("--scheduler", help="dask scheduler address (with --engine dask).")
@click.option("--model", type=click.Path(), help="NER model directory.")
@click.option("--no-ner", is_flag=True, help="Rules only.")
@click.option("--ner-vote", is_flag=True, help="Names from the model's vote.")
@click.option(
    "--stage-sample",
    type=int,
    default=300,
    show_default=True,
    help="Articles timed stage by stage (serially, in this process).",
)
@click.option(
    "--dev-limit", type=int, help="First N dev articles for the date comparison."
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the report as JSON here.",
)
def bench(
    shared,
    limit,
    workers,
    engine,
    scheduler,
    model,
    no_ner,
    ner_vote,
    stage_sample,
    dev_limit,
    json_path,
) -> None:
    """Benchmark extraction speed, memory and dates on SaudiNewsNet and the dev set."""
    if not (shared / "data" / "saudinewsnet").is_dir():
        raise click.UsageError(f"{shared}/data/saudinewsnet not found (see --shared)")
    workers = workers or os.cpu_count() or 1
    try:
        report = run_bench(
            shared,
            limit=limit,
            workers=workers,
            engine=engine,
            scheduler=scheduler,
            options=ExtractorOptions(model, not no_ner, ner_vote),
            stage_sample=stage_sample,
            dev_limit=dev_limit,
        )
    except CivicFactsError as err:
        raise click.ClickException(str(err)) from err
    click.echo(render_report(report))
    if json_path:
        json_path.write_text(
            json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
