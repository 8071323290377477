"""Readers: every input kind becomes articles, every bad input an InputError."""

from __future__ import annotations

import io
import itertools
import json
import sys
import zipfile
from pathlib import Path

import pytest

from extractor.api import Article
from extractor.errors import InputError
from extractor.io import ReaderOptions, iter_articles
from extractor.io.text import decode

REPO = Path(__file__).resolve().parents[2]
SAUDINEWSNET = REPO.parent / "shared" / "data" / "saudinewsnet"

ARTICLE = (
    "افتتح صاحب السمو الملكي الأمير فيصل بن خالد أمير منطقة عسير مساء أمس "
    "معرض الكتاب الدولي في قاعة المعارض بمدينة أبها، بحضور عدد من المسؤولين. "
    "وشارك في المعرض أكثر من 120 دار نشر، ويستمر لمدة عشرة أيام."
)
FRENCH = "Le festival a réuni des élèves et des enseignants à Genève cette année."


def read(paths, **options) -> list[Article | InputError]:
    return list(iter_articles([str(p) for p in paths], ReaderOptions(**options)))


def only(items):
    assert len(items) == 1, items
    return items[0]


def reasons(items) -> list[str]:
    return [str(item) for item in items if isinstance(item, InputError)]


@pytest.mark.parametrize(
    ("codec", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("cp1256", "cp1256"),
    ],
)
def test_text_files_in_every_encoding(tmp_path, codec, expected):
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE.encode(codec))
    article = only(read([path]))
    assert article.text == ARTICLE
    assert article.source.encoding == expected
    assert article.id == "story.txt"


def test_explicit_encoding_wins(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE.encode("cp1256"))
    assert only(read([path], encoding="cp1256")).source.encoding == "cp1256"
    error = only(read([path], encoding="utf-8"))
    assert isinstance(error, InputError) and "cannot decode as utf-8" in error.reason


def test_latin1_is_not_mistaken_for_cp1256():
    with pytest.raises(InputError, match="not UTF-8"):
        decode(FRENCH.encode("latin-1"))


def test_same_hash_for_same_content_in_any_encoding(tmp_path):
    (tmp_path / "a.txt").write_bytes(ARTICLE.encode("utf-16"))
    (tmp_path / "b.txt").write_bytes(ARTICLE.encode("cp1256"))
    a, b = read([tmp_path])
    assert a.source.sha1 == b.source.sha1 and len(a.source.sha1) == 40


def test_json_object_array_and_jsonl(tmp_path):
    (tmp_path / "one.json").write_text(
        json.dumps({"id": "own-id", "text": ARTICLE, "title": "عنوان"}),
        encoding="utf-8",
    )
    (tmp_path / "many.json").write_text(
        json.dumps([{"text": ARTICLE}] * 2), encoding="utf-8"
    )
    lines = [json.dumps({"text": ARTICLE, "published": "2015-08-06"})] * 2
    (tmp_path / "lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read([tmp_path])
    assert [a.id for a in items] == [
        "lines.jsonl:1",
        "lines.jsonl:2",
        "many.json#0",
        "many.json#1",
        "own-id",
    ]
    assert items[0].published == "2015-08-06" and items[0].source.line == 1
    assert items[3].source.index == 1
    assert items[4].title == "عنوان"


def test_saudinewsnet_field_names_are_understood(tmp_path):
    record = {
        "content": ARTICLE,
        "date_extracted": "2015-07-21 02:51:32",
        "title": "خبر",
    }
    (tmp_path / "snn.json").write_text(json.dumps([record]), encoding="utf-8")
    article = only(read([tmp_path / "snn.json"]))
    assert (article.text, article.published, article.title) == (
        ARTICLE,
        "2015-07-21",
        "خبر",
    )


def test_field_mapping_options(tmp_path):
    record = {"body": ARTICLE, "headline": "خبر", "day": "2015-08-06", "key": 17}
    (tmp_path / "x.json").write_text(json.dumps(record), encoding="utf-8")
    article = only(
        read(
            [tmp_path / "x.json"],
            text_field="body",
            title_field="headline",
            date_field="day",
            id_field="key",
        )
    )
    assert (article.id, article.title, article.published) == ("17", "خبر", "2015-08-06")


def test_default_published_fills_records_without_a_date(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert (
        only(read([tmp_path / "a.txt"], published="2015-08-06")).published
        == "2015-08-06"
    )


HTML = f"""<!DOCTYPE html><html lang="ar"><head><meta charset="{{charset}}">
<title>افتتاح معرض الكتاب في أبها</title>
<meta property="article:published_time" content="2015-08-06T10:00:00+03:00">
</head><body>
<nav><ul><li><a href="/">الصفحة الرئيسية للموقع</a></li><li><a href="/sport">أخبار الرياضة اليومية</a></li></ul></nav>
<article><h1>افتتاح معرض الكتاب في أبها</h1><p>{ARTICLE}</p>
<p>وأكد مدير المعرض أن الإقبال كان كبيراً في اليوم الأول من أيام المعرض الذي يضم أجنحة متعددة.</p></article>
<footer><p>جميع الحقوق محفوظة لصحيفة الوطن الإلكترونية</p><p>اتصل بنا عبر البريد</p></footer>
</body></html>"""


@pytest.mark.parametrize("charset", ["utf-8", "windows-1256"])
def test_html_main_text_without_boilerplate(tmp_path, charset):
    path = tmp_path / "page.html"
    path.write_bytes(HTML.replace("{charset}", charset).encode(charset))
    article = only(read([path]))
    assert ARTICLE in article.text
    for boilerplate in ("الصفحة الرئيسية", "أخبار الرياضة", "جميع الحقوق", "اتصل بنا"):
        assert boilerplate not in article.text
    assert article.title == "افتتاح معرض الكتاب في أبها"
    assert article.published == "2015-08-06"


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_zip_members_are_read_in_order(tmp_path):
    lines = "\n".join(json.dumps({"text": ARTICLE}) for _ in range(2)).encode()
    archive = _zip(
        tmp_path / "dump.zip",
        {
            "a/one.txt": ARTICLE.encode("cp1256"),
            "b.jsonl": lines,
            "__MACOSX/._x": b"junk",
        },
    )
    items = read([archive])
    assert [a.id for a in items] == [
        "dump.zip/a/one.txt",
        "dump.zip/b.jsonl:1",
        "dump.zip/b.jsonl:2",
    ]
    assert (
        items[0].source.member == "a/one.txt" and items[0].source.encoding == "cp1256"
    )


def test_zip_traversal_and_absolute_members_are_refused(tmp_path):
    archive = _zip(
        tmp_path / "evil.zip",
        {
            "../../etc/x.txt": ARTICLE.encode(),
            "/abs.txt": ARTICLE.encode(),
            "ok.txt": ARTICLE.encode(),
        },
    )
    items = read([archive])
    assert [a.id for a in items if isinstance(a, Article)] == ["evil.zip/ok.txt"]
    found = " ".join(reasons(items))
    assert "path traversal" in found and "absolute member path" in found


def test_zip_bomb_member_is_capped_without_inflating_it(tmp_path):
    archive = _zip(
        tmp_path / "bomb.zip",
        {"bomb.txt": b"\x00" * (50 * 1024 * 1024), "ok.txt": ARTICLE.encode()},
    )
    assert archive.stat().st_size < 200_000
    items = read([archive], max_bytes=1024 * 1024)
    assert reasons(items) == [
        f"{archive}/bomb.txt: larger than --max-bytes (1048576 bytes)"
    ]
    assert items[1].id == "bomb.zip/ok.txt"


def test_archive_total_budget_stops_the_archive(tmp_path):
    members = {f"m{i}.txt": (ARTICLE + " " * 5000).encode() for i in range(5)}
    archive = _zip(tmp_path / "big.zip", members)
    items = read([archive], max_archive_bytes=8_000)
    assert sum(isinstance(a, Article) for a in items) == 1
    assert "archive unpacks to more than 8000 bytes" in reasons(items)[0]


@pytest.mark.skipif(
    not SAUDINEWSNET.is_dir(), reason="../shared/data/saudinewsnet is absent"
)
def test_saudinewsnet_zip_is_read_directly():
    archive = min(SAUDINEWSNET.glob("*.zip"))
    items = list(itertools.islice(iter_articles([archive]), 50))
    articles = [a for a in items if isinstance(a, Article)]
    assert len(articles) > 40
    assert all(a.published and a.id.startswith(archive.name + "/") for a in articles)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\t\n", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary file, not text"),
        ("english.txt", b"The minister opened the forum on Monday.", "no Arabic text"),
        ("broken.json", b'{"text": "x",', "malformed JSON"),
        ("notext.json", b'{"title": "t"}', "missing text field"),
        ("number.json", b"42", "not an object"),
        ("emptyarray.json", b"[]", "empty JSON array"),
        ("surrogate.json", b'{"text": "\\u0646\\u0635 \\ud800"}', "invalid Unicode"),
        ("empty.jsonl", b"\n\n", "empty file"),
        (
            "empty.html",
            b"<html><head><script>var a;</script></head><body></body></html>",
            "no main text",
        ),
        ("broken.zip", b"PK\x03\x04 not really a zip", "not a readable zip archive"),
    ],
)
def test_bad_inputs_become_errors(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    error = only(read([path]))
    assert isinstance(error, InputError)
    assert reason in error.reason and error.path == str(path)


def test_bad_records_carry_line_numbers_and_good_ones_still_come(tmp_path):
    lines = [
        json.dumps({"text": ARTICLE}),
        "{not json",
        json.dumps({"title": "t"}),
        json.dumps({"text": ARTICLE, "published": "06/08/2015"}),
        json.dumps({"text": ARTICLE}),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read([path])
    assert [a.id for a in items if isinstance(a, Article)] == [
        "mixed.jsonl:1",
        "mixed.jsonl:5",
    ]
    assert [
        (e.line, e.reason.split(" (")[0]) for e in items if isinstance(e, InputError)
    ] == [
        (2, "malformed JSON: Expecting property name enclosed in double quotes"),
        (3, "missing text field"),
        (4, "invalid published date '06/08/2015'"),
    ]


def test_oversized_files_and_lines(tmp_path):
    (tmp_path / "big.txt").write_text(ARTICLE * 50, encoding="utf-8")
    (tmp_path / "big.jsonl").write_text(
        json.dumps({"text": ARTICLE * 50}) + "\n" + json.dumps({"text": ARTICLE}) + "\n"
    )
    items = read([tmp_path / "big.txt", tmp_path / "big.jsonl"], max_bytes=2000)
    assert "file too large" in items[0].reason
    assert items[1].line == 1 and "longer than --max-bytes" in items[1].reason
    assert items[2].id == "big.jsonl:2"


def test_folders_are_walked_recursively_in_sorted_order(tmp_path):
    for rel in ("b/z.txt", "a.txt", "b/a/y.txt", ".hidden/x.txt", "notes.md", "c.TXT"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(ARTICLE, encoding="utf-8")
    ids = [a.id for a in read([tmp_path])]
    assert ids == ["a.txt", "b/a/y.txt", "b/z.txt", "c.TXT"]
    assert ids == [a.id for a in read([tmp_path])]


def test_missing_path_is_an_error_not_an_exception(tmp_path):
    error = only(read([tmp_path / "nope"]))
    assert error.reason == "no such file or directory"


@pytest.mark.parametrize(
    ("data", "ids"),
    [
        (ARTICLE.encode(), ["stdin"]),
        (
            json.dumps([{"text": ARTICLE}, {"text": ARTICLE}]).encode(),
            ["stdin#0", "stdin#1"],
        ),
        (
            (
                json.dumps({"text": ARTICLE}) + "\n" + json.dumps({"text": ARTICLE})
            ).encode(),
            ["stdin:1", "stdin:2"],
        ),
    ],
)
def test_stdin(monkeypatch, data, ids):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert [a.id for a in iter_articles(["-"])] == ids
