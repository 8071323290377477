"""click commands ``train-ner`` and ``eval-ner`` (registered in the main CLI)."""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from pathlib import Path

import click

from extractor.ner.train import CONFIG_PATH, DEFAULT_TRAIN_PARTS

DEFAULT_DATA = Path("../shared/data/ner")
DEFAULT_NEWS = Path("../shared/data/saudinewsnet")
DEFAULT_TEST = DEFAULT_DATA / "anercorp-camel" / "ANERCorp_CamelLab_test.txt"


def _parse_overrides(items: tuple[str, ...]) -> dict[str, object]:
    """``key=value`` pairs; values are JSON when they parse, else strings."""
    overrides: dict[str, object] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r} is not key=value", param_hint="--set")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    return overrides


def _vector_overrides(news: Path, work_dir: Path, use: bool) -> dict[str, object]:
    """Config overrides for static vectors, building them when missing."""
    key = "components.tok2vec.model.embed.include_static_vectors"
    if not use:
        return {key: False}
    from extractor.ner.vectors import build_vectors

    target = work_dir / "vectors" / "vectors-model"
    if not (target / "config.cfg").is_file():
        target = build_vectors(news, work_dir / "vectors")
    return {key: True, "paths.vectors": str(target)}


def _news_dump(news: Path, work_dir: Path) -> Path:
    """The normalized SaudiNewsNet dump (one article a line), written once."""
    from extractor.ner.vectors import write_training_text

    text = work_dir / "vectors" / "saudinewsnet.txt"
    if not text.is_file():
        write_training_text(news, text)
    return text


def _settings_tag(config: Path, settings: object) -> str:
    """A short hash of the config text and ``settings``: the cache key of a step."""
    key = config.read_text("utf-8") + json.dumps(settings, sort_keys=True)
    return hashlib.sha1(key.encode()).hexdigest()[:10]


def _pretrain(
    config: Path, news: Path, work_dir: Path, overrides: dict, articles: int
) -> Path:
    """Pretrained tok2vec weights for ``config`` (built once per settings)."""
    from extractor.ner.pretrain import pretrain_tok2vec

    settings = {
        **overrides,
        "paths.raw_text": str(_news_dump(news, work_dir)),
        "corpora.pretrain.limit": articles,
    }
    tag = _settings_tag(config, settings)
    return pretrain_tok2vec(config, work_dir / "pretrain" / tag, settings)


def _type_lexicon(
    config: Path,
    data_root: Path,
    news: Path,
    work_dir: Path,
    parts: list[str],
    overrides: dict,
    articles: int,
    limit: int = 0,
) -> Path:
    """The corpus type lexicon: a seed model (no lexicon) tags the news dump.

    ``overrides`` configure the seed (its pretrained tok2vec included). Built
    once per settings into ``WORK_DIR/seed/<hash>``.
    """
    from extractor.ner.lexicon import tag_news
    from extractor.ner.train import train_model

    tag = _settings_tag(config, [overrides, parts, articles, limit])
    out = work_dir / "seed" / tag / "lexicon.json"
    if out.is_file():
        logging.getLogger(__name__).info("type lexicon found: %s", out)
        return out
    text = _news_dump(news, work_dir)
    seed = train_model(
        data_root,
        out.parent,
        config=config,
        parts=parts,
        overrides=overrides,
        limit=limit,
    )
    return tag_news(seed, text, out, limit=articles)


def _without_lexicon(config: Path) -> dict[str, object]:
    """Overrides that drop the lexicon columns from ``config``'s embedding."""
    from spacy.util import load_config

    embed = load_config(config)["components"]["tok2vec"]["model"]["embed"]
    key = "components.tok2vec.model.embed"
    n_base = len(embed["attrs"]) + 2
    return {f"{key}.type_lexicon": None, f"{key}.rows": embed["rows"][:n_base]}


@click.command("train-ner")
@click.option(
    "--data",
    "data_root",
    type=click.Path(path_type=Path),
    default=DEFAULT_DATA,
    show_default=True,
    help="Folder of the NER corpora.",
)
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    default=Path("models/ner-ar"),
    show_default=True,
    help="Where the trained pipeline is written.",
)
@click.option(
    "--work-dir",
    type=click.Path(path_type=Path),
    default=Path("build/ner"),
    show_default=True,
    help="Scratch folder for corpora and checkpoints.",
)
@click.option(
    "--parts",
    default=",".join(DEFAULT_TRAIN_PARTS),
    show_default=True,
    help="Comma-separated training parts: anercorp-train, wikifane, aqmar, wojood-train.",
)
@click.option(
    "--config",
    type=click.Path(exists=True, path_type=Path),
    default=CONFIG_PATH,
    show_default=True,
    help="spaCy training config.",
)
@click.option(
    "--news",
    type=click.Path(path_type=Path),
    default=DEFAULT_NEWS,
    show_default=True,
    help="SaudiNewsNet zips for the floret vectors (built once into WORK_DIR/vectors).",
)
@click.option(
    "--vectors/--no-vectors",
    default=True,
    show_default=True,
    help="Use static floret vectors (include_static_vectors).",
)
@click.option(
    "--pretrain-articles",
    type=int,
    default=0,
    show_default=True,
    help="Pretrain the tok2vec on this many SaudiNewsNet articles first (spacy "
    "pretrain, characters objective; cached in WORK_DIR/pretrain). 0: no pretraining "
    "(with the type lexicon, pretraining on 6,000 articles did not help).",
)
@click.option(
    "--type-lexicon/--no-type-lexicon",
    default=True,
    show_default=True,
    help="Train a seed model first, tag SaudiNewsNet with it and give the final "
    "model each word's corpus type codes (extractor/ner/lexicon.py; cached in "
    "WORK_DIR/seed/<hash>).",
)
@click.option(
    "--seed-pretrain-articles",
    type=int,
    default=6000,
    show_default=True,
    help="Pretrain the seed model's tok2vec on this many SaudiNewsNet articles "
    "(a better tagger gives a better lexicon). 0: no pretraining.",
)
@click.option(
    "--lexicon-articles",
    type=int,
    default=0,
    show_default=True,
    help="Tag only this many SaudiNewsNet articles for the type lexicon (0: all).",
)
@click.option(
    "--dev-in-train/--dev-held-out",
    default=False,
    show_default=True,
    help="Train the final model on the ANERcorp dev blocks too (the seed model "
    "always holds them out).",
)
@click.option(
    "--vote/--no-vote",
    default=True,
    show_default=True,
    help="Also train a feature CRF and a BiLSTM-CRF and add the civic_ner_vote pipe: "
    "the three taggers vote, then names spread through the article "
    "(extractor/ner/ensemble.py). Needs --vectors.",
)
@click.option(
    "--bilstm-epochs",
    type=int,
    default=30,
    show_default=True,
    help="The BiLSTM's most epochs (it stops early when dev F1 stalls).",
)
@click.option(
    "--max-steps", type=int, default=None, help="Override training.max_steps."
)
@click.option(
    "--limit", type=int, default=0, help="Use only N train sentences (smoke runs)."
)
@click.option(
    "--set",
    "settings",
    multiple=True,
    metavar="KEY=VALUE",
    help="Extra spaCy config overrides, e.g. components.tok2vec.model.encode.depth=3.",
)
def train_ner(
    data_root: Path,
    output: Path,
    work_dir: Path,
    parts: str,
    config: Path,
    news: Path,
    vectors: bool,
    pretrain_articles: int,
    type_lexicon: bool,
    seed_pretrain_articles: int,
    lexicon_articles: int,
    dev_in_train: bool,
    vote: bool,
    bilstm_epochs: int,
    max_steps: int | None,
    limit: int,
    settings: tuple[str, ...],
) -> None:
    """Train the Arabic NER pipeline and copy the best model to OUTPUT."""
    from extractor.ner.train import train_model

    if vote and not vectors:
        raise click.UsageError("--vote needs --vectors (the BiLSTM reads them)")
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    for name in ("extractor", "spacy"):  # the main CLI group set WARNING already
        logging.getLogger(name).setLevel(logging.INFO)
    jobs = []  # in other processes: stopped if this one fails or is interrupted
    try:
        clusters = None
        if vote:  # the CRF's word clusters take ~11 min on one core: start them now
            from extractor.ner.vote_train import clusters_in_background

            clusters = clusters_in_background(
                _news_dump(news, work_dir), work_dir / "vote"
            )
            jobs.append(clusters)
        overrides = _vector_overrides(news, work_dir, vectors)
        overrides.update(_parse_overrides(settings))
        if max_steps is not None:
            overrides["training.max_steps"] = max_steps
        if type_lexicon:
            seed_overrides = {**overrides, **_without_lexicon(config)}
            if seed_pretrain_articles:
                seed_overrides["paths.init_tok2vec"] = str(
                    _pretrain(
                        config, news, work_dir, seed_overrides, seed_pretrain_articles
                    )
                )
            overrides["paths.type_lexicon"] = str(
                _type_lexicon(
                    config,
                    data_root,
                    news,
                    work_dir,
                    parts.split(","),
                    seed_overrides,
                    lexicon_articles,
                    limit,
                )
            )
        else:
            overrides.update(_without_lexicon(config))
        if pretrain_articles:
            overrides["paths.init_tok2vec"] = str(
                _pretrain(config, news, work_dir, overrides, pretrain_articles)
            )
        bilstm = None
        if vote:  # the BiLSTM needs only the vectors and the lexicon: start it now
            from extractor.ner.vote_train import bilstm_in_background

            lexicon = overrides.get("paths.type_lexicon")
            bilstm = bilstm_in_background(
                Path(str(overrides["paths.vectors"])),
                Path(str(lexicon)) if lexicon else None,
                data_root,
                work_dir / "vote",
                limit=limit,
                max_epochs=bilstm_epochs,
            )
            jobs.append(bilstm)
        best = train_model(
            data_root,
            work_dir,
            parts=parts.split(","),
            config=config,
            overrides=overrides,
            limit=limit,
            dev_in_train=dev_in_train,
        )
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(best, output)
        if clusters is not None and bilstm is not None:
            from extractor.ner.vote_train import add_vote

            lexicon = overrides.get("paths.type_lexicon")
            # the seed that tagged the lexicon is the combiner's fourth tagger
            seed = Path(str(lexicon)).parent / "model-best" if lexicon else None
            add_vote(
                output, data_root, clusters.result(), bilstm, work_dir / "vote",
                seed_dir=seed, limit=limit,
            )  # fmt: skip
        _write_model_card(
            output, parts.split(","), vectors, pretrain_articles, type_lexicon, vote
        )
        click.echo(f"model written to {output}")
    finally:
        for job in jobs:
            job.stop()


SOURCES = {
    "anercorp-train": "ANERcorp, CAMeL Lab train split (Benajiba et al. 2007; Obeid et al."
    " 2020), CC BY-SA 4.0",
    "wikifane": "WikiFANEGold (Alotaibi & Lee 2014), CC BY-SA 3.0",
    "aqmar": "AQMAR Arabic Wikipedia NE corpus (Mohit et al. 2012), CC BY-SA 3.0",
    "wojood-train": "Wojood public sample (Jarrar et al. 2022), MIT",
    "vectors": "floret vectors trained on SaudiNewsNet (Alhagri 2015)",
}


def _write_model_card(
    output: Path,
    parts: list[str],
    vectors: bool,
    pretrain_articles: int = 0,
    type_lexicon: bool = False,
    vote: bool = False,
) -> None:
    """Record name, description and training sources in ``meta.json``."""
    meta_path = output / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(name="civic_ner_ar", version="0.1.0", license="CC BY-SA 4.0")
    meta["description"] = (
        "Arabic NER (PER ORG LOC MISC) for civic-facts; rebuilt with civic-facts"
        " train-ner. tok2vec reads NORM set by civic_normalizer."
    )
    keys = parts + (["vectors"] if vectors else [])
    meta["sources"] = [{"name": SOURCES.get(k, k)} for k in keys]
    if pretrain_articles:
        meta["sources"].append(
            {
                "name": f"tok2vec pretrained (spacy pretrain, characters objective) on"
                f" the first {pretrain_articles:,} SaudiNewsNet articles"
            }
        )
    if type_lexicon:
        meta["sources"].append(
            {
                "name": "type lexicon: SaudiNewsNet tagged by a seed model trained on the"
                " same parts (extractor/ner/lexicon.py)"
            }
        )
    if vote:
        meta["description"] += (
            " ner_vote: a logistic regression over what the CNN, a feature CRF, a"
            " BiLSTM-CRF and the seed CNN found and how sure the CRFs are keeps the"
            " likely entities (2 of 3 vote without a held-out set), then names spread"
            " through the article (extractor/ner/ensemble.py, stacking.py)."
        )
        meta["sources"].append(
            {
                "name": "ner_vote: CRF and BiLSTM-CRF trained on ANERcorp train; word"
                " clusters from skip-gram vectors over SaudiNewsNet; the combiner"
                " fitted on ANERcorp train's dev blocks (every 10th block of 20"
                " sentences), which the taggers it combines did not train on"
            }
        )
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2), "utf-8")


@click.command("eval-ner")
@click.option(
    "--model",
    type=click.Path(exists=True, path_type=Path),
    default=Path("models/ner-ar"),
    show_default=True,
    help="spaCy pipeline folder.",
)
@click.option(
    "--test",
    "test_file",
    type=click.Path(exists=True, path_type=Path),
    default=DEFAULT_TEST,
    show_default=True,
    help="CoNLL file (TOKEN TAG lines).",
)
@click.option(
    "--doc-sentences",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Consecutive sentences per Doc (0: the whole file), so that the vote's "
    "document context sees its neighbours; the test files mark no article ends.",
)
@click.option(
    "--vote/--no-vote",
    default=True,
    show_default=True,
    help="Tag with the model's ner_vote pipe when it has one; --no-vote scores "
    "its CNN alone.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate_ner(
    model: Path, test_file: Path, doc_sentences: int, vote: bool, as_json: bool
) -> None:
    """Entity-level P/R/F1 per type of MODEL on TEST's own tokens."""
    import spacy

    import extractor.pipeline.components  # noqa: F401 - registers the tokenizer
    from extractor.ner.evaluate import evaluate_file, format_table
    from extractor.ner.vote_train import VOTE_PIPE

    nlp = spacy.load(model, exclude=[] if vote else [VOTE_PIPE])
    scores = evaluate_file(nlp, test_file, doc_sentences)
    if as_json:
        wps = scores.words / scores.seconds if scores.seconds else 0.0
        click.echo(
            json.dumps(
                {
                    "pipes": nlp.pipe_names,
                    "scores": scores.table(),
                    "words_per_second": wps,
                }
            )
        )
    else:
        click.echo(format_table(scores))


@click.group()
def ner_cli() -> None:
    """NER commands: ``python -m extractor.ner.cli train-ner|eval-ner``."""


ner_cli.add_command(train_ner)
ner_cli.add_command(evaluate_ner)

if __name__ == "__main__":
    ner_cli()
