"""The command line: ``civic-facts extract|evaluate|...``. No NLP here.

Exit codes: 0 all good, 1 some inputs failed, 2 usage errors (bad options,
unusable model or output), 128 + signal number when stopped by a signal.
Commands are added to the :func:`main` group with ``@main.command()``.
"""

from __future__ import annotations

import codecs
import json
import logging
import sys

import click

from extractor import __version__
from extractor.errors import CivicFactsError, InputError

log = logging.getLogger("extractor")
USAGE_ERROR = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="civic-facts")
@click.option("-v", "--verbose", is_flag=True, help="Log details (and tracebacks).")
def main(verbose: bool = False) -> None:
    """Extract civic-event facts from Arabic news articles."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s: %(message)s",
        stream=sys.stderr,
    )


def _check_published(ctx, param, value: str | None) -> str | None:
    from extractor.api import parse_published

    try:
        date = parse_published(value)
    except InputError as err:
        raise click.BadParameter(err.reason) from None
    return date.isoformat() if date else None


def _check_encoding(ctx, param, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        codecs.lookup(value)
    except LookupError:
        raise click.BadParameter(f"unknown encoding {value!r}") from None
    return value


def _fail(message: str, code: int) -> None:
    click.echo(f"civic-facts: {message}", err=True)
    sys.exit(code)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="JSONL output file (default: stdout).",
)
@click.option(
    "--published",
    callback=_check_published,
    help="YYYY-MM-DD for records without a date.",
)
@click.option("--model", type=click.Path(), help="NER model directory.")
@click.option("--no-ner", is_flag=True, help="Rules only (no NER model).")
@click.option(
    "--ner-vote",
    is_flag=True,
    help="Tag names with the model's vote of three taggers (ner_vote: entity F1 "
    "0.73-0.76 on ANERcorp test against the CNN's 0.69) instead of its CNN alone; "
    "slower, and no better on the dev facts (README).",
)
@click.option(
    "--encoding",
    callback=_check_encoding,
    help="Encoding of text files (default: detect).",
)
@click.option(
    "--text-field", help="JSON field of the article body (default: text, content)."
)
@click.option("--title-field", help="JSON field of the title (default: title).")
@click.option(
    "--date-field",
    help="JSON field of the date (default: published, date, date_extracted).",
)
@click.option("--id-field", help="JSON field of the id (default: id).")
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=None,
    help="Largest file or record read [20 MB].",
)
@click.option(
    "--max-archive-bytes",
    type=click.IntRange(min=1),
    default=None,
    help="Largest unpacked size of one zip [2 GB].",
)
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False),
    help="Also write input errors to this JSONL file.",
)
@click.option(
    "--resume", is_flag=True, help="Keep the articles already in --output, do the rest."
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Worker processes (0: one per core).",
)
@click.option(
    "--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True
)
@click.option("--scheduler", help="Dask scheduler address (with --engine dask).")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress counter on stderr [when a terminal].",
)
def extract(paths, output, resume, errors_path, progress, **opts) -> None:
    """Extract facts from files, folders, zips or - (stdin) into JSONL.

    Reads .txt (UTF-8, UTF-16, Windows-1256), .json, .jsonl, .html/.htm and
    .zip archives of them. Unreadable inputs are reported as
    ``path[:line]: reason`` and skipped.
    """
    from extractor.batch import run_batch

    if resume and output in (None, "-"):
        raise click.UsageError("--resume needs an output file (-o)")
    if opts["scheduler"] and opts["engine"] != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    try:
        summary = run_batch(
            paths,
            output=output,
            reader=_reader_options(opts),
            extractor=_extractor_options(opts),
            engine=opts["engine"],
            workers=opts["workers"],
            scheduler=opts["scheduler"],
            errors=errors_path,
            resume=resume,
            progress=sys.stderr.isatty() if progress is None else progress,
        )
    except (CivicFactsError, ValueError, NotImplementedError, OSError) as err:
        log.debug("extract failed", exc_info=True)
        _fail(str(err), USAGE_ERROR)
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except Exception as err:  # no traceback reaches the user
        log.debug("internal error", exc_info=True)
        _fail(
            f"internal error: {type(err).__name__}: {err} (run with -v for details)", 1
        )
    _finish(summary, output)


def _reader_options(opts: dict):
    from extractor.io.records import (
        DEFAULT_MAX_ARCHIVE_BYTES,
        DEFAULT_MAX_BYTES,
        ReaderOptions,
    )

    return ReaderOptions(
        encoding=opts["encoding"],
        text_field=opts["text_field"],
        title_field=opts["title_field"],
        date_field=opts["date_field"],
        id_field=opts["id_field"],
        published=opts["published"],
        max_bytes=opts["max_bytes"] or DEFAULT_MAX_BYTES,
        max_archive_bytes=opts["max_archive_bytes"] or DEFAULT_MAX_ARCHIVE_BYTES,
    )


def _extractor_options(opts: dict):
    from extractor.engine import ExtractorOptions

    return ExtractorOptions(
        model=opts["model"], ner=not opts["no_ner"], ner_vote=opts["ner_vote"]
    )


def _finish(summary, output: str | None) -> None:
    """The closing line on stderr, then exit with the batch's code."""
    click.echo(f"civic-facts: {summary.line()}", err=True)
    if summary.interrupted:
        where = output or "stdout"
        click.echo(
            f"civic-facts: stopped by {summary.interrupted}: {summary.articles} articles "
            f"written to {where}; run again with --resume to finish",
            err=True,
        )
    sys.exit(summary.exit_code)


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("predictions", type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def evaluate(gold_dir: str, predictions: str, as_json: bool) -> None:
    """Score PREDICTIONS (JSONL or a folder of <id>.json) against GOLD_DIR."""
    from extractor.evaluate import format_table, score

    try:
        report = score(gold_dir, predictions)
    except InputError as err:
        _fail(str(err), 1)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        click.echo(format_table(report))


def _register_subcommands() -> None:
    """Commands that live beside their library code (training, benchmarks)."""
    from extractor.bench import bench
    from extractor.ner.cli import evaluate_ner, train_ner

    for command in (train_ner, evaluate_ner, bench):
        main.add_command(command)


_register_subcommands()
