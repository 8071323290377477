"""BiLSTM-CNN-CRF tagger for ANERcorp (CAMeL split), PyTorch on one CPU thread.

Inputs per token: the normalized word's w2v embedding (fine-tuned; OOV -> the
stem's vector -> UNK), a char-CNN over the raw word, an embedding of the
stem's TYPES code from the shipped lexicon, an embedding of the proclitic
string. 1-layer BiLSTM -> linear -> CRF (BIO transitions constrained).

    python bilstm_crf.py train --tag full [--no-types] [--wikifane] [--seed N]

Dev = extractor.ner.corpus.split_dev(train); best epoch by dev F1, patience 5;
the best checkpoint is scored once on test. Inputs are what
``benchmarks/ner_crf/crf_experiment.py`` builds into ``build/ner-crf`` (the
``vectors`` step's word2vec, the ``cnn`` step's TYPES table); outputs go to
``build/ner-bilstm``. An experiment for issue 3, not part of the package.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch
from torch import nn

torch.set_num_threads(1)
torch.set_num_interop_threads(1)

from extractor.arabic.normalize import normalize
from extractor.ner.corpus import read_conll, read_part, split_dev
from extractor.ner.evaluate import count_matches, format_table
from extractor.ner.evaluate import tag_entities as entities
from extractor.ner.features import clitic_split

REPO = Path(__file__).resolve().parents[2]
NER = REPO.parent / "shared/data/ner"
ANER = NER / "anercorp-camel"
BUILD = REPO / "build/ner-crf"  # w2v_vectors.npy, w2v_vocab.json, type_lexicon.json
OUT = REPO / "build/ner-bilstm"
LABELS = ("PER", "ORG", "LOC", "MISC")
TAGS = ["O"] + [f"{p}-{l}" for l in LABELS for p in "BI"]
MAX_CHARS = 25


def table(scores):
    return "\n".join(format_table(scores).splitlines()[:-1])


# ---------------------------------------------------------------- features
class Featurizer:
    def __init__(self, vocab: list[str], train_sents, lexicon: dict | None):
        self.w2i = {w: i for i, w in enumerate(vocab)}
        self.unk = self.w2i["<unk>"]
        chars = Counter(c for s in train_sents for w in s.words for c in w)
        self.c2i = {
            c: i + 2
            for i, c in enumerate(sorted(c for c, n in chars.items() if n >= 2))
        }
        self.lexicon = lexicon or {}
        codes = sorted({v[0] for v in self.lexicon.values() if v and v[0]})
        self.t2i = {c: i + 1 for i, c in enumerate(codes)}  # 0 = no code
        clitics = Counter(
            clitic_split(normalize(w))[0] for s in train_sents for w in s.words
        )
        self.k2i = {c: i + 1 for i, c in enumerate(sorted(clitics))}  # 0 = unseen
        self.stats = Counter()

    def word(self, w: str):
        norm = normalize(w)
        clitic, stem = clitic_split(norm)
        wid = self.w2i.get(norm)
        if wid is None:
            wid = self.w2i.get(stem, self.w2i.get("ال" + stem))
            self.stats["stem" if wid is not None else "unk"] += 1
            if wid is None:
                wid = self.unk
        else:
            self.stats["hit"] += 1
        chars = [self.c2i.get(c, 1) for c in w[:MAX_CHARS]]
        code = (self.lexicon.get(stem) or [""])[0]
        return wid, chars, self.t2i.get(code, 0), self.k2i.get(clitic, 0)

    def sentence(self, words):
        return [self.word(w) for w in words]


def batchify(items):
    """items: list of (feats, tag_ids or None). Returns padded tensors."""
    B = len(items)
    T = max(len(f) for f, _ in items)
    C = max(len(c) for f, _ in items for _, c, _, _ in f)
    C = max(C, 3)
    words = torch.zeros(B, T, dtype=torch.long)
    chars = torch.zeros(B, T, C, dtype=torch.long)
    types = torch.zeros(B, T, dtype=torch.long)
    clit = torch.zeros(B, T, dtype=torch.long)
    tags = torch.zeros(B, T, dtype=torch.long)
    mask = torch.zeros(B, T, dtype=torch.bool)
    for b, (feats, y) in enumerate(items):
        n = len(feats)
        mask[b, :n] = True
        for t, (w, cs, ty, k) in enumerate(feats):
            words[b, t], types[b, t], clit[b, t] = w, ty, k
            chars[b, t, : len(cs)] = torch.tensor(cs)
        if y is not None:
            tags[b, :n] = torch.tensor(y)
    return words, chars, types, clit, tags, mask


# ---------------------------------------------------------------- model
class CRF(nn.Module):
    def __init__(self, tags: list[str]):
        super().__init__()
        n = len(tags)
        self.trans = nn.Parameter(torch.zeros(n, n))  # [from, to]
        self.start = nn.Parameter(torch.zeros(n))
        self.end = nn.Parameter(torch.zeros(n))
        # hard BIO constraints: I-X only after B-X / I-X, never first
        bad = torch.zeros(n, n)
        bad_start = torch.zeros(n)
        for j, tj in enumerate(tags):
            if tj.startswith("I-"):
                bad_start[j] = -1e4
                for i, ti in enumerate(tags):
                    if ti[2:] != tj[2:]:
                        bad[i, j] = -1e4
        self.register_buffer("bad", bad)
        self.register_buffer("bad_start", bad_start)

    def _T(self):
        return self.trans + self.bad, self.start + self.bad_start

    def nll(self, em, tags, mask):
        """Mean negative log-likelihood. em B×T×n, tags B×T, mask B×T (left-aligned)."""
        trans, start = self._T()
        _, T, _ = em.shape
        maskf = mask.float()
        # gold path score
        score = start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
        if T > 1:
            tr = trans[tags[:, :-1], tags[:, 1:]]  # B×(T-1)
            e = em[:, 1:].gather(2, tags[:, 1:, None]).squeeze(2)
            score = score + ((tr + e) * maskf[:, 1:]).sum(1)
        last = tags.gather(1, (mask.sum(1) - 1)[:, None]).squeeze(1)
        score = score + self.end[last]
        # partition
        alpha = start[None] + em[:, 0]
        for t in range(1, T):
            nxt = torch.logsumexp(
                alpha[:, :, None] + trans[None] + em[:, t, None, :], dim=1
            )
            alpha = torch.where(mask[:, t, None], nxt, alpha)
        logZ = torch.logsumexp(alpha + self.end[None], dim=1)
        return (logZ - score).mean()

    @torch.no_grad()
    def viterbi(self, em, mask):
        trans, start = self._T()
        B, T, n = em.shape
        score = start[None] + em[:, 0]
        back = []
        for t in range(1, T):
            s = score[:, :, None] + trans[None]  # B×from×to
            best, idx = s.max(1)
            nxt = best + em[:, t]
            m = mask[:, t, None]
            score = torch.where(m, nxt, score)
            # where masked, backpointer = identity so path carries through
            ident = torch.arange(n).expand(B, n)
            back.append(torch.where(m, idx, ident))
        score = score + self.end[None]
        best = score.argmax(1)
        path = [best]
        for idx in reversed(back):
            best = idx.gather(1, best[:, None]).squeeze(1)
            path.append(best)
        path.reverse()
        paths = torch.stack(path, 1)
        lens = mask.sum(1).tolist()
        return [paths[b, : lens[b]].tolist() for b in range(B)]


class Tagger(nn.Module):
    def __init__(self, vectors: np.ndarray, n_chars, n_types, n_clit, args):
        super().__init__()
        self.wemb = nn.Embedding(vectors.shape[0], vectors.shape[1], sparse=True)
        self.wemb.weight.data.copy_(torch.from_numpy(vectors))
        self.cemb = nn.Embedding(n_chars, args.char_dim, padding_idx=0)
        self.conv = nn.Conv1d(args.char_dim, args.filters, 3, padding=1)
        self.use_types = not args.no_types
        dim = vectors.shape[1] + args.filters
        if self.use_types:
            self.temb = nn.Embedding(n_types, args.type_dim)
            dim += args.type_dim
        self.kemb = nn.Embedding(n_clit, args.clitic_dim)
        dim += args.clitic_dim
        self.drop = nn.Dropout(args.dropout)
        self.lstm = nn.LSTM(dim, args.hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * args.hidden, len(TAGS))
        self.crf = CRF(TAGS)

    def emissions(self, words, chars, types, clit, mask):
        B, T, C = chars.shape
        ce = self.cemb(chars.view(B * T, C)).transpose(1, 2)  # (BT)×d×C
        cf = self.conv(self.drop(ce))
        cf = cf.masked_fill((chars.view(B * T, 1, C) == 0), -1e4).max(2).values
        cf = torch.where(cf < -1e3, torch.zeros_like(cf), cf).view(B, T, -1)
        parts = [self.wemb(words), cf]
        if self.use_types:
            parts.append(self.temb(types))
        parts.append(self.kemb(clit))
        x = self.drop(torch.cat(parts, -1))
        lens = mask.sum(1).cpu()
        packed = nn.utils.rnn.pack_padded_sequence(
            x, lens, batch_first=True, enforce_sorted=False
        )
        h, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=T)
        return self.out(self.drop(h))

    def loss(self, words, chars, types, clit, tags, mask):
        return self.crf.nll(self.emissions(words, chars, types, clit, mask), tags, mask)

    def decode(self, words, chars, types, clit, mask):
        return self.crf.viterbi(self.emissions(words, chars, types, clit, mask), mask)


# ---------------------------------------------------------------- run
def predict(model, feats, batch=64):
    """Tag lists for featurized sentences, in input order."""
    model.eval()
    order = sorted(range(len(feats)), key=lambda i: len(feats[i]))
    out = [None] * len(feats)
    with torch.no_grad():
        for s in range(0, len(order), batch):
            idx = order[s : s + batch]
            w, c, ty, k, _, m = batchify([(feats[i], None) for i in idx])
            for i, p in zip(idx, model.decode(w, c, ty, k, m)):
                out[i] = [TAGS[j] for j in p]
    return out


def build_vocab(train_sents, vectors, vocab):
    """w2v words + <unk> + train norms missing from w2v seen >= 2 times."""
    known = set(vocab)
    cnt = Counter(normalize(w) for s in train_sents for w in s.words)
    extra = sorted(w for w, n in cnt.items() if n >= 2 and w not in known)
    rng = np.random.default_rng(0)
    std = float(vectors.std())
    add = rng.normal(0, std, (1 + len(extra), vectors.shape[1])).astype(np.float32)
    return vocab + ["<unk>"] + extra, np.vstack([vectors, add])


def cmd_train(args):
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    t0 = time.time()
    full = list(read_conll(ANER / "ANERCorp_CamelLab_train.txt"))
    train, dev = split_dev(full)
    test = list(read_conll(ANER / "ANERCorp_CamelLab_test.txt"))
    if args.limit:
        train = train[: args.limit]
    if args.wikifane:
        wiki = read_part(NER, "wikifane")
        print(
            f"wikifane: {len(wiki)} sentences, {sum(len(s.words) for s in wiki)} words"
        )
        train = train + wiki
    vocab = json.loads((BUILD / "w2v_vocab.json").read_text())
    vectors = np.load(BUILD / "w2v_vectors.npy")
    vocab, vectors = build_vocab(train, vectors, vocab)
    lexicon = (
        None if args.no_types else json.loads((BUILD / "type_lexicon.json").read_text())
    )
    fz = Featurizer(vocab, train, lexicon)
    t2i = {t: i for i, t in enumerate(TAGS)}
    tr = [(fz.sentence(s.words), [t2i[t] for t in s.tags]) for s in train]
    dv = [fz.sentence(s.words) for s in dev]
    fz.stats.clear()
    te = [fz.sentence(s.words) for s in test]
    print(
        f"test lookup: {dict(fz.stats)}; vocab {len(vocab)}; chars {len(fz.c2i)}; "
        f"codes {len(fz.t2i)}; clitics {len(fz.k2i)}; prep {time.time() - t0:.0f}s"
    )
    model = Tagger(vectors, len(fz.c2i) + 2, len(fz.t2i) + 1, len(fz.k2i) + 1, args)
    dense = [p for n, p in model.named_parameters() if not n.startswith("wemb")]
    opt = torch.optim.Adam(dense, lr=args.lr)
    sopt = torch.optim.SparseAdam(list(model.wemb.parameters()), lr=args.lr)
    gold_dev = entities([s.tags for s in dev])
    ckpt = OUT / f"model_{args.tag}.pt"
    best, best_ep, bad, log = -1.0, 0, 0, []
    train_start = time.time()
    for ep in range(1, args.max_epochs + 1):
        model.train()
        es = time.time()
        # bucket: sort by length with noise, chunk, shuffle chunks
        order = sorted(
            range(len(tr)), key=lambda i: len(tr[i][0]) + random.random() * 3
        )
        batches = [order[i : i + args.batch] for i in range(0, len(order), args.batch)]
        random.shuffle(batches)
        total = 0.0
        for bi in batches:
            w, c, ty, k, y, m = batchify([tr[i] for i in bi])
            loss = model.loss(w, c, ty, k, y, m)
            opt.zero_grad()
            sopt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(dense, 5.0)
            opt.step()
            sopt.step()
            total += loss.item() * len(bi)
        pred = entities(predict(model, dv))
        sc = count_matches(gold_dev, pred)
        f = sc.prf()[2]
        rec = {
            "epoch": ep,
            "loss": total / len(tr),
            "dev_f1": f,
            "dev_per": sc.prf("PER")[2],
            "secs": time.time() - es,
        }
        log.append(rec)
        print(json.dumps(rec), flush=True)
        if f > best:
            best, best_ep, bad = f, ep, 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad += 1
        elapsed = (time.time() - train_start) / 60
        if bad >= args.patience:
            print("early stop")
            break
        if elapsed + rec["secs"] / 60 > args.max_minutes:
            print(f"time cap: {elapsed:.1f} min")
            break
    train_secs = time.time() - train_start
    model.load_state_dict(torch.load(ckpt))
    s = time.time()
    tags = predict(model, te)
    tag_secs = time.time() - s
    nwords = sum(len(x.words) for x in test)
    # words/s including featurization
    fz2 = time.time()
    _ = [fz.sentence(x.words) for x in test]
    feat_secs = time.time() - fz2
    pred = entities(tags)
    (OUT / f"pred_test_{args.tag}.json").write_text(
        json.dumps(sorted(pred), ensure_ascii=False)
    )
    sc = count_matches(entities([x.tags for x in test]), pred)
    print(f"best epoch {best_ep} dev F1 {best:.4f}; train {train_secs / 60:.1f} min")
    print(
        f"tagging {nwords / tag_secs:,.0f} words/s model only, "
        f"{nwords / (tag_secs + feat_secs):,.0f} words/s incl. features (featurizer cached)"
    )
    print(f"checkpoint {ckpt} {ckpt.stat().st_size / 1e6:.1f} MB")
    print(table(sc))
    summary = {
        "tag": args.tag,
        "args": vars(args),
        "best_epoch": best_ep,
        "dev_f1": best,
        "train_min": train_secs / 60,
        "wps": nwords / tag_secs,
        "size_mb": ckpt.stat().st_size / 1e6,
        "test": sc.table(),
        "log": log,
    }
    with open(OUT / "results.jsonl", "a") as fh:
        fh.write(json.dumps(summary) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("step", choices=["train"])
    ap.add_argument("--tag", default="full")
    ap.add_argument("--no-types", action="store_true")
    ap.add_argument("--wikifane", action="store_true")
    ap.add_argument("--max-epochs", type=int, default=40)
    ap.add_argument("--max-minutes", type=float, default=40)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--hidden", type=int, default=200)
    ap.add_argument("--filters", type=int, default=50)
    ap.add_argument("--char-dim", type=int, default=30)
    ap.add_argument("--type-dim", type=int, default=20)
    ap.add_argument("--clitic-dim", type=int, default=10)
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--limit", type=int, default=0, help="debug: train sentences")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    cmd_train(args)


if __name__ == "__main__":
    main()
