"""Pretrain the NER's tok2vec on SaudiNewsNet (``spacy pretrain``, characters objective).

ANERcorp's train split has ~125k tokens; SaudiNewsNet has 8.7 M words of the
same kind of Saudi news. spaCy's pretraining teaches the tok2vec to predict
the first and last characters of each word from its context, which for Arabic
means clitics, affixes and the shape of names. The weights then seed the NER
training (``[initialize] init_tok2vec``).

The raw text is the normalized, tokenized dump that the floret vectors are
trained on (:func:`extractor.ner.vectors.write_training_text`), read back with
:func:`news_lines` into Docs whose ``norm_`` is set by the run-time
normalizer, so pretraining sees the features training and use see.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from extractor.pipeline.normalizer import normalize_doc

log = logging.getLogger(__name__)

MAX_WORDS = 300  # a longer article is read as several Docs


@registry.readers("civic.news_lines.v1")
def news_lines(
    path: Path | None,
    limit: int = 0,
    max_words: int = MAX_WORDS,
    shard: int = 0,
    shards: int = 1,
) -> Callable[[Language], Iterator[Doc]]:
    """Docs from a text file of one space-tokenized article a line.

    ``limit`` > 0 stops after that many articles. With ``shards`` > 1 only
    every ``shards``-th article is read, starting at the ``shard``-th (so
    several processes can share the file). ``path`` is None in a plain
    ``spacy train`` run, which resolves every corpus of the config; reading
    such a corpus is an error.
    """

    def read(nlp: Language) -> Iterator[Doc]:
        if path is None:
            raise ValueError("corpora.pretrain needs paths.raw_text")
        with Path(path).open(encoding="utf-8") as handle:
            for count, line in enumerate(handle, 1):
                if limit and count > limit:
                    return
                if (count - 1) % shards != shard:
                    continue
                words = line.split()
                for start in range(0, len(words), max_words):
                    doc = Doc(nlp.vocab, words=words[start : start + max_words])
                    yield normalize_doc(doc)

    return read


def pretrain_tok2vec(
    config_path: Path,
    out_dir: Path,
    overrides: dict[str, object],
) -> Path:
    """Run ``spacy pretrain`` with ``config_path`` and return the weights file.

    ``overrides`` must set ``paths.raw_text`` (the news dump) and
    ``paths.vectors`` when the tok2vec uses static vectors. The run is skipped
    when ``out_dir`` already holds its weights.
    """
    from spacy.training.pretrain import pretrain
    from spacy.util import load_config

    weights = out_dir / "model-last.bin"
    if weights.is_file():
        log.info("pretrained tok2vec found: %s", weights)
        return weights
    out_dir.mkdir(parents=True, exist_ok=True)
    config = load_config(config_path, overrides=overrides, interpolate=True)
    pretrain(config, out_dir, silent=False)
    return weights
