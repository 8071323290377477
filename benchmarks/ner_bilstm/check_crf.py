"""Brute-force check of the CRF layer's likelihood and Viterbi path (run beside
bilstm_crf.py): the NLL of the best path equals logZ minus its score, and Viterbi
finds it. Then the scorer on gold against itself (F1 1.0)."""

import itertools

import torch
from bilstm_crf import ANER, CRF, entities, table

from extractor.ner.corpus import read_conll
from extractor.ner.evaluate import count_matches

torch.manual_seed(0)
tags = ["O", "B-X", "I-X", "B-Y"]
crf = CRF(tags)
with torch.no_grad():
    crf.trans.normal_()
    crf.start.normal_()
    crf.end.normal_()
em = torch.randn(2, 4, 4)
mask = torch.tensor([[1, 1, 1, 1], [1, 1, 0, 0]], dtype=torch.bool)
T, S = crf._T()
for b in range(2):
    L = int(mask[b].sum())
    scores = {}
    for path in itertools.product(range(4), repeat=L):
        s = S[path[0]] + em[b, 0, path[0]] + crf.end[path[-1]]
        for t in range(1, L):
            s = s + T[path[t - 1], path[t]] + em[b, t, path[t]]
        scores[path] = s
    logZ = torch.logsumexp(torch.stack(list(scores.values())), 0)
    gold = max(scores, key=lambda p: scores[p])
    tg = torch.zeros(1, 4, dtype=torch.long)
    tg[0, :L] = torch.tensor(gold)
    nll = crf.nll(em[b : b + 1], tg, mask[b : b + 1])
    vit = crf.viterbi(em[b : b + 1], mask[b : b + 1])[0]
    print(b, float(logZ - scores[gold]), float(nll), gold, vit)
test = list(read_conll(ANER / "ANERCorp_CamelLab_test.txt"))
g = entities([s.tags for s in test])
print(table(count_matches(g, g)))
