"""The first components: ``token.norm_`` and sentence boundaries.

``civic_normalizer`` writes :func:`extractor.arabic.normalize.normalize` into
``token.norm_``. The NER model's tok2vec reads ``NORM``, so the same component
runs in training (see ``extractor.ner``) and at run time.
"""

from __future__ import annotations

from functools import cache

import numpy
from spacy.attrs import NORM, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from extractor.arabic.normalize import normalize
from extractor.pipeline.resources import NORMS, load_lexicon

# Tokens that end a sentence: . ! ? and the Arabic question mark U+061F.
SENT_END = frozenset({".", "!", "?", "\u061f"})


@Language.component("civic_normalizer")
def normalize_doc(doc: Doc) -> Doc:
    """Set ``token.norm_`` to the matching form of every token.

    The norms are written in one ``from_array`` call and kept as a list in
    ``doc.user_data`` (:func:`extractor.pipeline.resources.token_norms`), which
    the rule stages read instead of creating a ``Token`` per lookup.
    """
    if not len(doc):
        return doc
    strings = doc.vocab.strings
    norms = [normalize(strings[key]) for key in doc.to_array(ORTH).tolist()]
    ids = numpy.array([strings.add(norm) for norm in norms], dtype="uint64")
    doc.from_array([NORM], ids.reshape((len(doc), 1)))
    doc.user_data[NORMS] = norms
    return doc


@cache
def _abbreviations() -> frozenset[str]:
    """One-letter titles written with a dot (lexicon ``person_titles``: د . / م . / أ .)."""
    return frozenset(
        term.split()[0]
        for term in load_lexicon("person_titles")
        if term.endswith(" .") and len(term.split()[0]) == 1
    )


def _abbreviation(doc: Doc, i: int) -> bool:
    """Token ``i`` is a title's abbreviation right before its dot (``د.``).

    Not م / هـ after a number: that dot closes a date (``2015 م.``).
    """
    if i < 0 or doc[i].norm_ not in _abbreviations():
        return False
    return not (i > 0 and doc[i - 1].like_num)


_OPENING = frozenset("\u00ab\u201c(")  # « “ (
_CLOSING = frozenset("\u00bb\u201d)")  # » ” )
_STRAIGHT = '"'


def _quote_depth(text: str, inside: int) -> int:
    """Quotes and brackets still open after a token (``"`` toggles)."""
    if text in _OPENING:
        return inside + 1
    if text in _CLOSING:
        return max(0, inside - 1)
    if text == _STRAIGHT:
        return inside - 1 if inside % 2 else inside + 1
    return inside


def _ellipsis(doc: Doc, i: int) -> bool:
    """Token ``i`` is a dot of ``..`` / ``...`` written without spaces: inside a
    quoted title (``معرض "الملك فيصل.. شاهد وشهيد"``) it ends no sentence."""
    if doc[i].text != ".":
        return False
    glued_before = i > 0 and doc[i - 1].text == "." and not doc[i - 1].whitespace_
    glued_after = i + 1 < len(doc) and doc[i + 1].text == "." and not doc[i].whitespace_
    return glued_before or glued_after


@Language.component("civic_sentences")
def split_sentences(doc: Doc) -> Doc:
    """Sentence starts after . ! ? ؟ and at every line break.

    The flags are written in one ``from_array`` call: spaCy's per-token
    ``is_sent_start`` setter rescans the doc each time (quadratic).
    """
    flags = numpy.full((len(doc), 1), -1, dtype="int32")
    start = True
    inside = 0  # quotes and brackets open on this line
    for i, token in enumerate(doc):
        text = token.text
        if token.is_space and i:  # white space joins the sentence before it
            if "\n" in text:
                start, inside = True, 0
            continue
        if start:
            flags[i, 0] = 1
        inside = _quote_depth(text, inside)
        start = (
            text in SENT_END
            and not _abbreviation(doc, i - 1)
            and not (inside and _ellipsis(doc, i))
        )
    if len(doc):
        doc.from_array([SENT_START], flags.astype("uint64"))
    return doc
