"""A BiLSTM-CNN-CRF entity tagger that reads the shipped NER model's floret vectors.

A second tagger beside the spaCy CNN of ``models/ner-ar``, built differently
(a recurrent encoder and a CRF over whole tag sequences), first tried in
``benchmarks/ner_bilstm``. The benchmark's version read a 120k-word word2vec
table of its own (50 MB); this one reads the static vectors the shipped model
already carries, so it adds only a few MB. For every token it concatenates:

* the frozen floret vector of the normalized word (``nlp.vocab.vectors``, keyed
  by NORM, :func:`extractor.arabic.normalize.normalize`); floret builds it from
  character n-grams, so unseen words and clitic variants get one too;
* a char-CNN over the raw word (its first :data:`MAX_CHARS` characters);
* an embedding of the stem's ``TYPES`` code from the shipped model's corpus type
  lexicon (:mod:`extractor.ner.lexicon`): what SaudiNewsNet says about the word;
* an embedding of its proclitics (``وبال`` in ``وبالرياض``,
  :func:`~extractor.ner.features.clitic_split`).

One BiLSTM layer reads the sentence; a CRF whose transitions forbid an ``I-X``
that does not continue an ``X`` entity chooses the IOB2 tags (labels
:data:`LABELS`). Train with :func:`train_bilstm`; a trained tagger is a directory
of two files (:meth:`BiLstmTagger.to_disk`): the network's weights and a JSON of
its symbol tables and hyper-parameters.

torch runs on one CPU thread while training and tagging (the thread count is
restored afterwards); importing this module changes nothing.
"""

from __future__ import annotations

import copy
import json
import random
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy
import torch
from spacy.strings import StringStore
from spacy.vectors import Vectors
from torch import nn

from extractor.arabic.normalize import normalize
from extractor.ner.corpus import Sentence
from extractor.ner.evaluate import count_matches, tag_entities
from extractor.ner.features import _rows_for, clitic_split

LABELS = ("PER", "ORG", "LOC", "MISC")
TAGS = ("O", *(f"{prefix}-{label}" for label in LABELS for prefix in "BI"))
MAX_CHARS = 25  # the char-CNN reads this many characters of a word
TAG_BATCH = 64  # sentences per forward pass when tagging
FORBIDDEN = -1e4  # CRF score added to a transition that breaks BIO
WEIGHTS_FILE = "model.pt"
TABLES_FILE = "tables.json"

_TAG_IDS = {tag: i for i, tag in enumerate(TAGS)}
# Char ids: 0 pads a word, 1 is a character seen fewer than twice in training.
_CHAR_PAD, _CHAR_RARE = 0, 1


@dataclass(frozen=True)
class Settings:
    """Sizes of the network and of its training steps (the benchmark's values)."""

    char_dim: int = 30
    filters: int = 50  # char-CNN filters, width 3
    type_dim: int = 20
    clitic_dim: int = 10
    hidden: int = 200  # BiLSTM units per direction
    dropout: float = 0.5
    lr: float = 1e-3
    batch_size: int = 16  # sentences per training step
    clip: float = 5.0  # gradient norm clipping


@dataclass
class Tables:
    """The symbol → id maps the network's embeddings are indexed by.

    ``stem_codes`` is the part of the type lexicon the tagger uses: stem →
    ``TYPES`` code, for the codes that occur in the training words (any other
    code would index an embedding row training never moved).
    """

    chars: dict[str, int]  # from 2 (see _CHAR_PAD, _CHAR_RARE)
    clitics: dict[str, int]  # from 1; 0 is a proclitic string unseen in training
    codes: dict[str, int]  # from 1; 0 is a stem without a code
    stem_codes: dict[str, str]

    @classmethod
    def build(
        cls, sentences: Sequence[Sentence], type_lexicon: dict[str, list[str]]
    ) -> Tables:
        """The tables of a training set and the shipped model's type lexicon."""
        words = [word for sent in sentences for word in sent.words]
        norms = [normalize(word) for word in words]
        char_counts = Counter(char for word in words for char in word)
        frequent_chars = sorted(char for char, n in char_counts.items() if n >= 2)
        splits = [clitic_split(norm) for norm in norms]
        code_of = {stem: row[0] for stem, row in type_lexicon.items() if row and row[0]}
        seen = sorted({code_of[stem] for _, stem in splits if stem in code_of})
        codes = _ids(seen, start=1)
        return cls(
            chars=_ids(frequent_chars, start=2),
            clitics=_ids(sorted({clitic for clitic, _ in splits}), start=1),
            codes=codes,
            stem_codes={s: code for s, code in code_of.items() if code in codes},
        )

    def to_json(self) -> dict:
        """A compact JSON form: symbols in id order, stems grouped by code."""
        by_code: dict[str, list[str]] = {code: [] for code in self.codes}
        for stem, code in sorted(self.stem_codes.items()):
            by_code[code].append(stem)
        return {
            "chars": list(self.chars),
            "clitics": list(self.clitics),
            "stems_by_code": by_code,
        }

    @classmethod
    def from_json(cls, data: dict) -> Tables:
        """Inverse of :meth:`to_json`."""
        by_code = data["stems_by_code"]
        return cls(
            chars=_ids(data["chars"], start=2),
            clitics=_ids(data["clitics"], start=1),
            codes=_ids(list(by_code), start=1),
            stem_codes={
                stem: code for code, stems in by_code.items() for stem in stems
            },
        )

    def encode(self, words: Sequence[str], strings: StringStore) -> _Encoded:
        """The id features of one sentence; norms are added to ``strings`` so
        the floret table can look their vectors up by hash."""
        norms = [normalize(word) for word in words]
        splits = [clitic_split(norm) for norm in norms]
        return _Encoded(
            keys=numpy.array([strings.add(norm) for norm in norms], dtype=numpy.uint64),
            chars=[
                [self.chars.get(char, _CHAR_RARE) for char in word[:MAX_CHARS]]
                for word in words
            ],
            codes=[
                self.codes.get(self.stem_codes.get(stem, ""), 0) for _, stem in splits
            ],
            clitics=[self.clitics.get(clitic, 0) for clitic, _ in splits],
        )


def _ids(symbols: Sequence[str], start: int) -> dict[str, int]:
    return {symbol: i for i, symbol in enumerate(symbols, start=start)}


@dataclass
class _Encoded:
    """One sentence as ids: norm hashes (floret keys), char ids, code and clitic ids."""

    keys: numpy.ndarray
    chars: list[list[int]]
    codes: list[int]
    clitics: list[int]


@dataclass
class _Batch:
    """Padded tensors of a batch of sentences (``B × T``, chars ``B × T × C``)."""

    vectors: torch.Tensor
    chars: torch.Tensor
    codes: torch.Tensor
    clitics: torch.Tensor
    mask: torch.Tensor
    tags: torch.Tensor


def _make_batch(
    sentences: Sequence[_Encoded],
    vectors: Vectors,
    tags: Sequence[Sequence[int]] | None = None,
) -> _Batch:
    """Pad non-empty sentences into one batch; the floret rows come from the
    package's memoized lookup (:class:`~extractor.ner.features.FloretRows`)."""
    lengths = [len(sent.keys) for sent in sentences]
    size, longest = len(sentences), max(lengths)
    width = max(3, max(len(chars) for sent in sentences for chars in sent.chars))
    rows = _rows_for(vectors).get(numpy.concatenate([sent.keys for sent in sentences]))
    word_vectors = numpy.zeros((size, longest, rows.shape[1]), dtype=numpy.float32)
    chars = numpy.zeros((size, longest, width), dtype=numpy.int64)
    codes = numpy.zeros((size, longest), dtype=numpy.int64)
    clitics = numpy.zeros((size, longest), dtype=numpy.int64)
    gold = numpy.zeros((size, longest), dtype=numpy.int64)
    mask = numpy.zeros((size, longest), dtype=bool)
    offset = 0
    for b, (sent, n) in enumerate(zip(sentences, lengths)):
        word_vectors[b, :n] = rows[offset : offset + n]
        offset += n
        for t, word_chars in enumerate(sent.chars):
            chars[b, t, : len(word_chars)] = word_chars
        codes[b, :n] = sent.codes
        clitics[b, :n] = sent.clitics
        mask[b, :n] = True
        if tags is not None:
            gold[b, :n] = tags[b]
    return _Batch(
        *map(torch.from_numpy, (word_vectors, chars, codes, clitics, mask, gold))
    )


class _Crf(nn.Module):
    """A linear-chain CRF whose transition scores forbid invalid BIO.

    An ``I-X`` may only follow ``B-X`` or ``I-X`` and may not start a
    sentence: those transitions get :data:`FORBIDDEN` added, so a decoded path
    never takes one (a path that did would lose to the same path with that tag
    turned into ``B-X`` by far more than any emission can make up).
    """

    def __init__(self, tags: Sequence[str]) -> None:
        super().__init__()
        n = len(tags)
        self.transitions = nn.Parameter(torch.zeros(n, n))  # [from, to]
        self.start = nn.Parameter(torch.zeros(n))
        self.end = nn.Parameter(torch.zeros(n))
        forbidden = torch.zeros(n, n)
        forbidden_start = torch.zeros(n)
        for j, to_tag in enumerate(tags):
            if to_tag.startswith("I-"):
                forbidden_start[j] = FORBIDDEN
                for i, from_tag in enumerate(tags):
                    if from_tag[2:] != to_tag[2:]:
                        forbidden[i, j] = FORBIDDEN
        self.register_buffer("forbidden", forbidden)
        self.register_buffer("forbidden_start", forbidden_start)

    def scores(self) -> tuple[torch.Tensor, torch.Tensor]:
        """Transition and start scores with the BIO constraints applied."""
        return self.transitions + self.forbidden, self.start + self.forbidden_start

    def nll(
        self, emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor
    ) -> torch.Tensor:
        """Mean negative log-likelihood of the gold ``tags`` (``B × T``) given
        ``emissions`` (``B × T × tags``) over the ``mask``'s left-aligned tokens."""
        transitions, start = self.scores()
        steps = emissions.shape[1]
        gold = start[tags[:, 0]] + emissions[:, 0].gather(1, tags[:, :1]).squeeze(1)
        if steps > 1:
            moves = transitions[tags[:, :-1], tags[:, 1:]]
            emitted = emissions[:, 1:].gather(2, tags[:, 1:, None]).squeeze(2)
            gold = gold + ((moves + emitted) * mask[:, 1:]).sum(1)
        last = tags.gather(1, (mask.sum(1) - 1)[:, None]).squeeze(1)
        gold = gold + self.end[last]
        alpha = start[None] + emissions[:, 0]
        for t in range(1, steps):
            step = torch.logsumexp(
                alpha[:, :, None] + transitions[None] + emissions[:, t, None, :], dim=1
            )
            alpha = torch.where(mask[:, t, None], step, alpha)
        log_z = torch.logsumexp(alpha + self.end[None], dim=1)
        return (log_z - gold).mean()

    def marginals(self, emissions: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """``B × T × tags``: the probability of each tag at each token, over all
        paths (forward-backward; rows past a sentence's end are meaningless).
        In float64: with large scores, float32 sums drift from 1."""
        transitions, start = (x.double() for x in self.scores())
        emissions, end_scores = emissions.double(), self.end.double()
        steps = emissions.shape[1]
        alphas = [start[None] + emissions[:, 0]]
        for t in range(1, steps):
            alphas.append(
                torch.logsumexp(alphas[-1][:, :, None] + transitions[None], dim=1)
                + emissions[:, t]
            )
        end = end_scores[None].expand_as(alphas[0])
        betas = [end]
        for t in range(steps - 2, -1, -1):
            step = torch.logsumexp(
                transitions[None] + (emissions[:, t + 1] + betas[-1])[:, None, :], dim=2
            )
            betas.append(torch.where(mask[:, t + 1, None], step, end))
        alpha, beta = torch.stack(alphas, 1), torch.stack(betas[::-1], 1)
        last = (mask.sum(1) - 1).clamp(min=0)
        final = alpha[torch.arange(alpha.shape[0]), last]
        log_z = torch.logsumexp(final + end_scores[None], dim=1)
        return torch.exp(alpha + beta - log_z[:, None, None])

    def viterbi(self, emissions: torch.Tensor, mask: torch.Tensor) -> list[list[int]]:
        """The best tag path of every sentence (tag ids, as long as its mask)."""
        transitions, start = self.scores()
        size, steps, n = emissions.shape
        score = start[None] + emissions[:, 0]
        stay = torch.arange(n).expand(size, n)  # back-pointers through padding
        pointers = []
        for t in range(1, steps):
            best, source = (score[:, :, None] + transitions[None]).max(1)
            active = mask[:, t, None]
            score = torch.where(active, best + emissions[:, t], score)
            pointers.append(torch.where(active, source, stay))
        tag = (score + self.end[None]).argmax(1)
        path = [tag]
        for source in reversed(pointers):
            tag = source.gather(1, tag[:, None]).squeeze(1)
            path.append(tag)
        paths = torch.stack(path[::-1], 1).tolist()
        return [row[:length] for row, length in zip(paths, mask.sum(1).tolist())]


class _Network(nn.Module):
    """Features → dropout → BiLSTM → dropout → tag scores → CRF."""

    def __init__(self, vector_dim: int, tables: Tables, settings: Settings) -> None:
        super().__init__()
        self.char_embed = nn.Embedding(
            len(tables.chars) + 2, settings.char_dim, padding_idx=_CHAR_PAD
        )
        self.char_conv = nn.Conv1d(
            settings.char_dim, settings.filters, kernel_size=3, padding=1
        )
        self.code_embed = nn.Embedding(len(tables.codes) + 1, settings.type_dim)
        self.clitic_embed = nn.Embedding(len(tables.clitics) + 1, settings.clitic_dim)
        width = vector_dim + settings.filters + settings.type_dim + settings.clitic_dim
        self.dropout = nn.Dropout(settings.dropout)
        self.lstm = nn.LSTM(
            width, settings.hidden, batch_first=True, bidirectional=True
        )
        self.output = nn.Linear(2 * settings.hidden, len(TAGS))
        self.crf = _Crf(TAGS)

    def char_features(self, chars: torch.Tensor) -> torch.Tensor:
        """Max-pooled char-CNN filters per word (zeros for a word with no chars)."""
        size, steps, width = chars.shape
        flat = chars.view(size * steps, width)
        filters = self.char_conv(self.dropout(self.char_embed(flat).transpose(1, 2)))
        pad = (flat == _CHAR_PAD)[:, None, :]
        pooled = filters.masked_fill(pad, float("-inf")).max(2).values
        pooled = pooled.masked_fill(pad.all(2), 0.0)
        return pooled.view(size, steps, -1)

    def emissions(self, batch: _Batch) -> torch.Tensor:
        """Tag scores ``B × T × len(TAGS)``."""
        features = torch.cat(
            [
                batch.vectors,
                self.char_features(batch.chars),
                self.code_embed(batch.codes),
                self.clitic_embed(batch.clitics),
            ],
            -1,
        )
        packed = nn.utils.rnn.pack_padded_sequence(
            self.dropout(features),
            batch.mask.sum(1),
            batch_first=True,
            enforce_sorted=False,
        )
        hidden, _ = self.lstm(packed)
        hidden, _ = nn.utils.rnn.pad_packed_sequence(
            hidden, batch_first=True, total_length=batch.mask.shape[1]
        )
        return self.output(self.dropout(hidden))

    def loss(self, batch: _Batch) -> torch.Tensor:
        """Mean CRF negative log-likelihood of the batch's gold tags."""
        return self.crf.nll(self.emissions(batch), batch.tags, batch.mask)

    def decode(self, batch: _Batch) -> list[list[int]]:
        """The best tag ids of every sentence of the batch."""
        return self.crf.viterbi(self.emissions(batch), batch.mask)

    def decode_marginals(self, batch: _Batch) -> tuple[list[list[int]], torch.Tensor]:
        """The best tag ids and the tag marginals (``B × T × tags``)."""
        emissions = self.emissions(batch)
        return (
            self.crf.viterbi(emissions, batch.mask),
            self.crf.marginals(emissions, batch.mask),
        )


@contextmanager
def _one_thread() -> Iterator[None]:
    """Run torch on one CPU thread, then give the caller its setting back.

    One thread is what the tagger is measured with, and it leaves the
    machine's other cores to the rest of the batch pipeline.
    """
    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(previous)


class BiLstmTagger:
    """A trained BiLSTM-CNN-CRF: IOB2 tags for pre-tokenized sentences.

    ``vectors`` is the shipped spaCy model's ``nlp.vocab.vectors`` (floret,
    keyed by NORM); the tagger reads their rows and adds the norms it meets to
    their string store, as spaCy does. ``history`` holds one record per
    training epoch (loss, dev F1, seconds).
    """

    def __init__(self, tables: Tables, settings: Settings, vectors: Vectors) -> None:
        self.tables = tables
        self.settings = settings
        self.vectors = vectors
        self.network = _Network(vectors.shape[1], tables, settings)
        self.history: list[dict[str, float]] = []

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """IOB2 tags of every sentence, in order (``[]`` for an empty one).

        Sentences go through the network :data:`TAG_BATCH` at a time, sorted
        by length so a batch pads little.
        """
        return [tags for tags, _ in self._run(sentences, marginals=False)]

    def tag_marginals(
        self, sentences: list[list[str]]
    ) -> list[tuple[list[str], dict[str, list[float]]]]:
        """IOB2 tags and, per tag, its marginal probability at every token."""
        return self._run(sentences, marginals=True)

    def _run(
        self, sentences: list[list[str]], marginals: bool
    ) -> list[tuple[list[str], dict[str, list[float]]]]:
        strings = self.vectors.strings
        encoded = {
            i: self.tables.encode(words, strings)
            for i, words in enumerate(sentences)
            if words
        }
        order = sorted(encoded, key=lambda i: len(encoded[i].keys))
        out: list[tuple[list[str], dict[str, list[float]]]] = [
            ([], {}) for _ in sentences
        ]
        self.network.eval()
        with _one_thread(), torch.no_grad():
            for first in range(0, len(order), TAG_BATCH):
                chunk = order[first : first + TAG_BATCH]
                batch = _make_batch([encoded[i] for i in chunk], self.vectors)
                if not marginals:
                    for i, path in zip(chunk, self.network.decode(batch)):
                        out[i] = ([TAGS[tag] for tag in path], {})
                    continue
                paths, probs = self.network.decode_marginals(batch)
                for row, (i, path) in enumerate(zip(chunk, paths)):
                    table = probs[row, : len(path)].T.tolist()
                    out[i] = (
                        [TAGS[tag] for tag in path],
                        dict(zip(TAGS, table)),
                    )
        return out

    def to_disk(self, path: Path) -> None:
        """Write the weights (``model.pt``) and, in ``tables.json``, the symbol
        tables, settings and training history to the directory ``path``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        torch.save(self.network.state_dict(), path / WEIGHTS_FILE)
        data = {
            "vector_dim": self.vectors.shape[1],
            "settings": asdict(self.settings),
            "tables": self.tables.to_json(),
            "history": self.history,
        }
        (path / TABLES_FILE).write_text(
            json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8"
        )

    @classmethod
    def from_disk(cls, path: Path, vectors: Vectors) -> BiLstmTagger:
        """Load a tagger saved by :meth:`to_disk`, reading the floret ``vectors``
        it was trained with."""
        path = Path(path)
        data = json.loads((path / TABLES_FILE).read_text("utf-8"))
        if data["vector_dim"] != vectors.shape[1]:
            raise ValueError(
                f"{path} was trained on {data['vector_dim']}-d vectors,"
                f" got a table of {vectors.shape[1]}-d"
            )
        tagger = cls(
            Tables.from_json(data["tables"]), Settings(**data["settings"]), vectors
        )
        state = torch.load(path / WEIGHTS_FILE, weights_only=True)
        tagger.network.load_state_dict(state)
        tagger.history = data["history"]
        return tagger


def _buckets(lengths: Sequence[int], size: int, rng: random.Random) -> list[list[int]]:
    """Training batches of sentences of about the same length, in random order."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i] + rng.random() * 3)
    batches = [order[i : i + size] for i in range(0, len(order), size)]
    rng.shuffle(batches)
    return batches


def _train_epoch(
    network: _Network,
    optimizer: torch.optim.Optimizer,
    sentences: Sequence[_Encoded],
    gold: Sequence[Sequence[int]],
    vectors: Vectors,
    settings: Settings,
    rng: random.Random,
) -> float:
    """One pass over the training sentences; the mean loss per sentence."""
    network.train()
    total = 0.0
    lengths = [len(sent.keys) for sent in sentences]
    for ids in _buckets(lengths, settings.batch_size, rng):
        batch = _make_batch(
            [sentences[i] for i in ids], vectors, [gold[i] for i in ids]
        )
        loss = network.loss(batch)
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(network.parameters(), settings.clip)
        optimizer.step()
        total += loss.item() * len(ids)
    return total / len(sentences)


def train_bilstm(
    train: list[Sentence],
    dev: list[Sentence],
    vectors: Vectors,
    type_lexicon: dict[str, list[str]],
    *,
    seed: int = 1,
    max_epochs: int = 30,
    patience: int = 5,
    settings: Settings | None = None,
    log: Callable[[str], object] = print,
) -> BiLstmTagger:
    """Train a tagger on ``train`` and keep the epoch with the best ``dev`` F1.

    ``type_lexicon`` is the shipped model's stem → ``[TYPES, NEXT, PREV]``
    table (:mod:`extractor.ner.lexicon`); the tagger keeps the part it uses.
    F1 is exact span and type, micro-averaged (:mod:`extractor.ner.evaluate`);
    with an empty ``dev`` every epoch scores 0 and the first is kept. Training
    stops after ``max_epochs``, or after ``patience`` epochs without a better
    dev F1. Adam, batches of sentences of similar length, dropout and gradient
    clipping as in :class:`Settings`. The same seed gives the same tagger.
    """
    settings = settings or Settings()
    train = [sent for sent in train if sent.words]
    with _one_thread():
        torch.manual_seed(seed)
        rng = random.Random(seed)
        tagger = BiLstmTagger(Tables.build(train, type_lexicon), settings, vectors)
        network = tagger.network
        encoded = [tagger.tables.encode(sent.words, vectors.strings) for sent in train]
        gold = [[_TAG_IDS[tag] for tag in sent.tags] for sent in train]
        gold_dev = tag_entities([sent.tags for sent in dev])
        optimizer = torch.optim.Adam(network.parameters(), lr=settings.lr)
        best_f1, best_state, stale = -1.0, network.state_dict(), 0
        for epoch in range(1, max_epochs + 1):
            started = time.perf_counter()
            loss = _train_epoch(
                network, optimizer, encoded, gold, vectors, settings, rng
            )
            dev_tags = tagger.tag([sent.words for sent in dev])
            dev_f1 = count_matches(gold_dev, tag_entities(dev_tags)).prf()[2]
            seconds = time.perf_counter() - started
            tagger.history.append(
                {"epoch": epoch, "loss": loss, "dev_f1": dev_f1, "seconds": seconds}
            )
            log(
                f"epoch {epoch}: loss {loss:.3f}, dev F1 {dev_f1:.4f} ({seconds:.0f} s)"
            )
            if dev_f1 > best_f1:
                best_f1, stale = dev_f1, 0
                best_state = copy.deepcopy(network.state_dict())
            else:
                stale += 1
                if stale >= patience:
                    break
        network.load_state_dict(best_state)
    return tagger
