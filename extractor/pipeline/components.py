"""Import every component module so that its spaCy factory is registered."""

from spacy.util import registry

from extractor.ner import ensemble, features, pretrain  # noqa: F401 - NER layers, vote, reader
from extractor.pipeline import (  # noqa: F401
    attendees,
    dates,
    events,
    ner_gate,
    normalizer,
    organizers,
    patrons,
    resolve,
    statistics,
    venues,
)
from extractor.pipeline.tokenizer import create_camel_tokenizer

registry.tokenizers.register("civic.camel_tokenizer.v1", func=create_camel_tokenizer)
