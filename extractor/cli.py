"""The command line: ``civic-facts extract|evaluate|...``. No NLP here."""

from __future__ import annotations

import sys

import click

from extractor import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="civic-facts")
def main() -> None:
    """Extract civic-event facts from Arabic news articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="JSONL output (default: stdout).")
@click.option("--published", help="Publication date YYYY-MM-DD for records that lack one.")
@click.option("--model", type=click.Path(), help="NER model directory.")
@click.option("--no-ner", is_flag=True, help="Rules only.")
def extract(paths, output, published, model, no_ner) -> None:
    """Extract facts from files and folders (.txt .json .jsonl)."""
    import json
    from pathlib import Path

    from extractor.api import Article, Extractor

    ext = Extractor(model=model, ner=not no_ner)
    arts = []
    for p in paths:
        p = Path(p)
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            if f.suffix == ".json":
                r = json.loads(f.read_text(encoding="utf-8"))
                arts.append(Article(r.get("text") or r.get("content"), id=r.get("id") or f.stem,
                                    title=r.get("title"), published=r.get("published") or published))
            elif f.suffix == ".txt":
                arts.append(Article(f.read_text(encoding="utf-8"), id=f.stem, published=published))
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    for facts in ext.pipe(arts):
        out.write(facts.to_json() + "\n")
