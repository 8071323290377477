"""Corpus readers: tag mapping, BIO repair, Wojood markers, FANE clitic rejoining."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.ner.corpus import Sentence, map_tag, read_conll, repair_bio, split_dev
from extractor.ner.fane import read_fane, rejoin_clitics


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("B-PERS", "B-PER"),
        ("I-PER", "I-PER"),
        ("B-GPE", "B-LOC"),
        ("I-MIS2", "I-MISC"),
        ("B-DATE", "O"),
        ("OO", "O"),
        ("IO", "O"),
        ("O", "O"),
    ],
)
def test_map_tag(tag: str, expected: str) -> None:
    assert map_tag(tag) == expected


def test_repair_bio_starts_orphan_inside_tags() -> None:
    assert repair_bio(["I-ORG", "I-ORG", "B-PER", "I-LOC"]) == [
        "B-ORG",
        "I-ORG",
        "B-PER",
        "B-LOC",
    ]


def test_read_conll_drops_markers_and_invisible_tokens(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_text(
        "\ufeffقال O\nمحمد B-PERS I-OCC\n\u200e O\n$#$ O\n\nفي O\nجدة B-GPE\n", "utf-8"
    )
    sents = list(read_conll(path))
    assert [s.words for s in sents] == [["قال", "محمد"], ["في", "جدة"]]
    assert sents[0].tags == ["O", "B-PER"] and sents[1].tags == ["O", "B-LOC"]


def test_rejoin_clitics_keeps_host_tag() -> None:
    # wa + Misr (B-LOC), then the noun "capital" + enclitic -ha (ta marbuta -> ta).
    sent = Sentence(["\u0648", "مصر", "عاصمة", "ها"], ["O", "B-LOC", "O", "O"])
    joined = rejoin_clitics(sent)
    assert joined.words == ["ومصر", "عاصمتها"]
    assert joined.tags == ["B-LOC", "O"]


def test_rejoin_li_plus_article_drops_alef() -> None:
    joined = rejoin_clitics(Sentence(["\u0644", "الرياض"], ["O", "B-LOC"]))
    assert joined.words == ["للرياض"]


def test_read_fane_drops_unmapped_classes(tmp_path: Path) -> None:
    path = tmp_path / "fane.txt"
    rows = "\u200eالعرب\tB-Group\r\n\r\n\u200eزار\tO\r\n\u200eاوباما\tB-Politician\r\n"
    path.write_text("\ufeff" + rows, "utf-8")
    sents = list(read_fane(path))
    assert len(sents) == 1 and sents[0].tags == ["O", "B-PER"]


def test_split_dev_holds_out_blocks() -> None:
    sents = [Sentence([str(i)], ["O"]) for i in range(400)]
    train, dev = split_dev(sents)
    assert len(dev) == 40 and len(train) == 360
    assert {s.words[0] for s in dev} == {str(i) for i in range(180, 200)} | {
        str(i) for i in range(380, 400)
    }


def test_tag_entities_reads_spans_from_iob_rows() -> None:
    from extractor.ner.evaluate import tag_entities

    rows = [["B-PER", "I-PER", "O", "B-LOC"], ["O", "B-ORG", "B-ORG", "I-ORG"]]
    assert tag_entities(rows) == {
        (0, 0, 2, "PER"),
        (0, 3, 4, "LOC"),
        (1, 1, 2, "ORG"),
        (1, 2, 4, "ORG"),
    }
