"""``civic_ner_gate``: run the trained NER only on sentences a fact rule will read.

The NER (``tok2vec`` + ``ner`` of the loaded model) is by far the costliest
stage, and the fact rules read entities only next to a role cue, a title or an
office (a name follows ``برعاية``, ``الدكتور``, ``وزير``...), or a speech noun
before ل (``كلمة لعمر الزهراني``) and in the lead
sentence (venues). The gate builds a small ``Doc`` from the lead sentence and a
window around every such word (``before`` tokens before it, ``after`` tokens
from it, inside its sentence; overlapping windows merged), runs the model's own
``tok2vec`` and ``ner`` on it (norms copied over, so the model sees exactly
what it saw in training), and maps the entities back. Every other token is
marked outside an entity, so ``doc.has_annotation("ENT_IOB")`` holds either way.

Measured (benchmarks/README.md): on SaudiNewsNet the windows hold 15 % of the
tokens (whole cue sentences: 31 %), with the same dev F1 for every kind.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import minibatch

from extractor.pipeline.lexicons import (
    QUOTES_CLOSE,
    QUOTES_OPEN,
    is_break,
    match_exact,
)
from extractor.pipeline.roles import (
    coordinated_placing,
    leads_group_present,
    winner_cue,
)

GATE_LEXICONS = ("role_cues", "person_titles", "person_offices")
_LAM = "\u0644"  # ل


class NerGate:
    """Runs the disabled ``tok2vec`` and ``ner`` pipes of ``nlp`` on candidate sentences."""

    def __init__(
        self,
        nlp: Language,
        tok2vec: str,
        ner: str,
        vote: str,
        batch_size: int,
        before: int,
        after: int,
    ) -> None:
        self.nlp = nlp
        self.names = (tok2vec, ner, vote) if vote else (tok2vec, ner)
        self.batch_size = batch_size
        self.window = (before, after)

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        """Tag batches: the sub-docs of a batch go through the model together.

        Sub-docs are a fraction of their articles, so the gate keeps its own
        ``batch_size`` (measured: 16 runs ×1.13 faster than 4, same output)
        whatever batch size ``nlp.pipe`` was given.
        """
        for batch in minibatch(docs, size=self.batch_size):
            subs = [_sub_doc(doc, candidate_pieces(doc, *self.window)) for doc in batch]
            tagged = [sub for sub, _ in subs if len(sub)]
            for name in self.names:
                tagged = list(
                    self.nlp.get_pipe(name).pipe(tagged, batch_size=len(tagged) or 1)
                )
            for doc, (sub, offsets) in zip(batch, subs):
                ents = [_map_back(doc, ent, offsets) for ent in sub.ents]
                doc.set_ents([e for e in ents if e is not None], default="outside")
                yield doc


def candidate_pieces(doc: Doc, before: int, after: int) -> list[tuple[int, int]]:
    """Token ranges to tag: the lead sentence and merged windows around cue words."""
    ranges = []
    for k, sent in enumerate(doc.sents):
        if k == 0:
            ranges.append((sent.start, sent.end))
            continue
        ranges.extend(
            (max(sent.start, i - before), min(sent.end, i + after))
            for i in range(sent.start, sent.end)
            if _is_cue(doc, i)
        )
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _is_cue(doc: Doc, i: int) -> bool:
    for name in GATE_LEXICONS:
        hit = match_exact(name, doc, i)
        if hit and (hit[1] != "attendee:group" or leads_group_present(doc, i)):
            return True  # يتقدمهم، منهم: only after a presence cue, as read
    if winner_cue(doc, i) is not None:  # فاز بالمركز الأول ... يوسف المسعود
        return True
    if coordinated_placing(doc, i) is not None:  # ... والمركز الثاني لمساعد صميط
        return True
    # a speech noun only before ل + its speaker (كلمة لعمر الزهراني), not every كلمة
    return (
        i + 1 < len(doc)
        and doc[i + 1].text[:1] == _LAM
        and bool(match_exact("speech_nouns", doc, i))
    )


def _sub_doc(doc: Doc, pieces: list[tuple[int, int]]) -> tuple[Doc, list[int]]:
    """A Doc of the chosen token ranges; ``offsets[j]`` is its token ``j``'s index in ``doc``."""
    offsets = [i for start, end in pieces for i in range(start, end)]
    words = [doc[i].text for i in offsets]
    spaces = [bool(doc[i].whitespace_) for i in offsets]
    # each piece is a sentence for the vote's taggers and its document context
    starts = [i == start for start, end in pieces for i in range(start, end)]
    sub = Doc(doc.vocab, words=words, spaces=spaces, sent_starts=starts or None)
    for tok, i in zip(sub, offsets):
        tok.norm_ = doc[i].norm_
    return sub, offsets


def _map_back(doc: Doc, ent: Span, offsets: list[int]) -> Span | None:
    start, end = offsets[ent.start], offsets[ent.end - 1] + 1
    if end - start != len(ent):
        return None  # the entity straddles two sentences that are not adjacent
    # the model may take a dash or a comma at an edge (وزارة الدفاع –); quotes stay
    while start < end and _loose(doc[start]):
        start += 1
    while end > start and _loose(doc[end - 1]):
        end -= 1
    return Span(doc, start, end, label=ent.label_) if end > start else None


def _loose(token: Token) -> bool:
    """Punctuation that belongs to no name: not a quote or a bracket."""
    text = token.text
    return is_break(token) and not (set(text) & (QUOTES_OPEN | QUOTES_CLOSE))


@Language.factory(
    "civic_ner_gate",
    default_config={
        "tok2vec": "tok2vec",
        "ner": "ner",
        "vote": "",
        "batch_size": 16,
        "before": 3,
        "after": 12,
    },
)
def create_ner_gate(
    nlp: Language,
    name: str,
    tok2vec: str,
    ner: str,
    vote: str,
    batch_size: int,
    before: int,
    after: int,
) -> NerGate:
    """The gate; ``load`` disables the named pipes so that only the gate runs them.

    ``vote`` names the model's ``civic_ner_vote`` pipe, if it has one.
    """
    return NerGate(nlp, tok2vec, ner, vote, batch_size, before, after)
