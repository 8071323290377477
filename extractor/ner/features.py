"""Token features for the NER's embedding layer that know Arabic proclitics.

Arabic news writes the conjunctions و/ف, the prepositions ب/ل/ك and the
article ال as part of the next word: ``وبالرياض`` is one token. spaCy's
``MultiHashEmbed`` hashes whole norms, so ``وبالرياض``, ``بالرياض`` and
``الرياض`` share nothing but their suffix. :func:`arabic_features` adds two
columns computed from ``token.norm_`` (the run-time normalizer's output, so
training and use agree):

* ``STEM``: the norm with its proclitics peeled off
  (:func:`extractor.arabic.normalize.bare`), ``رياض`` for all three above;
* ``CLITIC``: what was peeled off (``وبال``, ``بال``, ``ال``, or nothing),
  which tells a name (rarely with the article) from a common noun;
* with a corpus type lexicon (:mod:`extractor.ner.lexicon`), ``TYPES``: the
  stem's code of PER/LOC/ORG/MISC shares over SaudiNewsNet (``P3L0O0M0``).

:func:`arabic_multi_hash_embed` is spaCy's ``MultiHashEmbed.v2`` with this
feature extractor in place of spaCy's own; everything else (one ``HashEmbed``
table per column, optional static vectors, a Maxout mixing layer) is the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

import numpy
from spacy.ml.staticvectors import StaticVectors
from spacy.ml.staticvectors import forward as static_vectors_forward
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vectors import Mode
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.types import Ints2d, Ragged

from extractor.arabic.normalize import bare

EXTRA_COLUMNS = ("STEM", "CLITIC")
_CACHE_LIMIT = 500_000
# norm hash -> (stem hash, clitic hash, stem); the norms are the vocabulary's strings.
_cache: dict[int, tuple[int, int, str]] = {}


def clitic_split(norm: str) -> tuple[str, str]:
    """``(proclitics, stem)`` of a normalized word: ``وبالرياض`` → ``('وبال', 'رياض')``."""
    stem = bare(norm)
    return norm[: len(norm) - len(stem)], stem


def _extra(strings, norm_id: int) -> tuple[int, int, str]:
    found = _cache.get(norm_id)
    if found is None:
        if len(_cache) >= _CACHE_LIMIT:
            _cache.clear()
        clitic, stem = clitic_split(strings[norm_id])
        found = _cache[norm_id] = (get_string_id(stem), get_string_id(clitic), stem)
    return found


_NO_CODES: tuple[str, ...] = ()


def doc_features(
    doc: Doc,
    attrs: Sequence[str],
    lexicon: dict[str, list[str]] | None = None,
    n_lexicon: int = 0,
) -> numpy.ndarray:
    """``len(doc) × (len(attrs) + 2 + n_lexicon)`` uint64 ids.

    The columns are ``attrs``, then STEM and CLITIC, then the first
    ``n_lexicon`` codes the corpus ``lexicon`` gives the stem
    (:mod:`extractor.ner.lexicon`; ``""`` for codes it lacks).
    """
    base = doc.to_array(["NORM", *attrs]).reshape((len(doc), len(attrs) + 1))
    strings = doc.vocab.strings
    found = [_extra(strings, int(norm_id)) for norm_id in base[:, 0]]
    if lexicon is None or not n_lexicon:
        rows = [(stem_id, clitic_id) for stem_id, clitic_id, _ in found]
    else:
        rows = []
        for stem_id, clitic_id, stem in found:
            codes = list(lexicon.get(stem, _NO_CODES)[:n_lexicon])
            codes += [""] * (n_lexicon - len(codes))
            rows.append((stem_id, clitic_id, *map(get_string_id, codes)))
    width = 2 + (n_lexicon if lexicon is not None else 0)
    extra = numpy.array(rows, dtype="uint64").reshape((len(doc), width))
    return numpy.hstack([base[:, 1:], extra]).astype("uint64")


@registry.layers("civic.ArabicFeatures.v1")
def arabic_features(
    attrs: list[str], type_lexicon: str | None = None, n_lexicon: int = 0
) -> Model[list[Doc], list[Ints2d]]:
    """A ``FeatureExtractor`` whose columns are ``attrs`` + STEM + CLITIC.

    With ``type_lexicon`` (a JSON file from :func:`extractor.ner.lexicon.tag_news`)
    ``n_lexicon`` code columns follow (TYPES, NEXT, PREV). The file is read
    when the model is initialized for training; the table then lives in the
    layer's ``attrs`` and is saved and loaded with the weights, so a shipped
    model never reads the path again.
    """

    def forward(
        model: Model, docs: list[Doc], is_train: bool
    ) -> tuple[list[Ints2d], Callable]:
        lexicon = model.attrs["type_lexicon"] if type_lexicon is not None else None
        features = [
            model.ops.asarray2i(
                doc_features(doc, attrs, lexicon, n_lexicon), dtype="uint64"
            )
            for doc in docs
        ]
        return features, lambda d_features: []

    def init(model: Model, X=None, Y=None) -> None:
        if type_lexicon is not None and not model.attrs["type_lexicon"]:
            from extractor.ner.lexicon import read_lexicon

            model.attrs["type_lexicon"] = read_lexicon(Path(type_lexicon))

    return Model(
        "civic_arabic_features",
        forward,
        init=init,
        attrs={"columns": list(attrs), "type_lexicon": {}},
    )


@registry.architectures("civic.ArabicMultiHashEmbed.v1")
def arabic_multi_hash_embed(
    width: int,
    attrs: list[str],
    rows: list[int],
    include_static_vectors: bool,
    type_lexicon: str | None = None,
) -> Model[list[Doc], list]:
    """``MultiHashEmbed.v2`` over ``attrs`` + STEM + CLITIC (+ TYPES).

    ``rows`` gives a table size for every column: ``len(attrs) + 2`` numbers,
    the last two for STEM and CLITIC. With a ``type_lexicon`` (see
    :func:`arabic_features`), one to three more numbers add that many of the
    lexicon's columns (TYPES, NEXT, PREV). Static vectors are looked up by the
    attribute their table names (``NORM`` for ours, see
    :mod:`extractor.ner.vectors`).
    """
    from extractor.ner.lexicon import COLUMNS as LEXICON_COLUMNS

    base = len(attrs) + len(EXTRA_COLUMNS)
    n_lexicon = len(rows) - base if type_lexicon is not None else 0
    if type_lexicon is None and len(rows) != base:
        raise ValueError(
            f"rows needs {base} sizes (attrs + STEM, CLITIC), got {len(rows)}"
        )
    if type_lexicon is not None and not 1 <= n_lexicon <= len(LEXICON_COLUMNS):
        raise ValueError(
            f"rows needs {base + 1} to {base + len(LEXICON_COLUMNS)} sizes with a"
            f" type lexicon (attrs + STEM, CLITIC + lexicon columns), got {len(rows)}"
        )
    n_columns = len(rows)
    embeddings = [
        HashEmbed(width, n_rows, column=i, seed=8 + i, dropout=0.0)
        for i, n_rows in enumerate(rows)
    ]
    concat_size = width * (n_columns + include_static_vectors)
    max_out = with_array(Maxout(width, concat_size, nP=3, dropout=0.0, normalize=True))
    hashed: Model = chain(
        arabic_features(attrs, type_lexicon, n_lexicon),
        cast(Model[list[Ints2d], Ragged], list2ragged()),
        with_array(concatenate(*embeddings)),
    )
    if include_static_vectors:
        hashed = concatenate(hashed, cached_static_vectors(width))
    return chain(hashed, max_out, ragged2list())


class FloretRows:
    """Memoized floret lookups: a word's vector is computed once per process.

    spaCy's floret ``Vectors.get_batch`` hashes every character n-gram of every
    token on every call, which costs a third of the NER's time; news repeats
    its words, so most rows come from here.
    """

    LIMIT = 200_000  # rows kept (96 floats each: ~77 MB at most)

    def __init__(self, vectors) -> None:
        self.vectors = vectors
        self.index: dict[int, int] = {}
        self.rows: list[numpy.ndarray] = []

    def get(self, keys: numpy.ndarray) -> numpy.ndarray:
        """The vectors of ``keys`` (uint64), as ``Vectors.get_batch`` gives them."""
        unique, inverse = numpy.unique(keys, return_inverse=True)
        missing = [k for k in unique.tolist() if k not in self.index]
        if len(self.index) + len(missing) > self.LIMIT:
            self.index.clear()
            self.rows.clear()
            missing = unique.tolist()
        if missing:
            batch = self.vectors.get_batch(numpy.asarray(missing, dtype="uint64"))
            for key, row in zip(missing, batch):
                self.index[key] = len(self.rows)
                self.rows.append(row)
        picked = numpy.asarray([self.index[k] for k in unique.tolist()])
        return numpy.stack([self.rows[i] for i in picked])[inverse.reshape(-1)]


_floret_rows: dict[int, FloretRows] = {}


def _rows_for(vectors) -> FloretRows:
    cache = _floret_rows.get(id(vectors))
    if cache is None or cache.vectors is not vectors:
        cache = _floret_rows[id(vectors)] = FloretRows(vectors)
    return cache


def cached_static_vectors(width: int) -> Model[list[Doc], Ragged]:
    """spaCy's ``StaticVectors`` whose floret lookups go through :class:`FloretRows`.

    Same parameters, dims and name as spaCy's layer (a model trained with one
    loads into the other); default-mode tables take spaCy's own path.
    """
    model = StaticVectors(width, dropout=0.0)
    model._func = _cached_forward
    return model


def _cached_forward(model: Model, docs: list[Doc], is_train: bool):
    """spaCy's ``static_vectors`` forward (floret branch) with memoized rows."""
    vectors = docs[0].vocab.vectors if docs else None
    if vectors is None or vectors.mode != Mode.floret or not sum(map(len, docs)):
        return static_vectors_forward(model, docs, is_train)
    keys = numpy.concatenate([doc.to_array(vectors.attr) for doc in docs])
    V = model.ops.as_contig(model.ops.asarray(_rows_for(vectors).get(keys)))
    W = model.ops.as_contig(model.get_param("W"))
    output = Ragged(
        model.ops.gemm(V, W, trans2=True),
        model.ops.asarray1i([len(doc) for doc in docs]),
    )
    rate = model.attrs.get("dropout_rate")
    mask = (
        model.ops.get_dropout_mask((W.shape[0],), rate) if is_train and rate else None
    )
    if mask is not None:
        output.data *= mask

    def backprop(d_output: Ragged) -> list:
        if mask is not None:
            d_output.data *= mask
        model.inc_grad("W", model.ops.gemm(d_output.data, V, trans1=True))
        return []

    return output, backprop
