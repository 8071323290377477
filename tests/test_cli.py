"""The command line: extract (CliRunner and real subprocesses, kill + resume) and evaluate."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.cli import main

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "eval" / "dev"
REFERENCE = REPO.parent / "shared" / "eval" / "score.py"
needs_shared = pytest.mark.skipif(
    not DEV.is_dir(), reason="../shared/eval/dev is absent"
)

ARTICLE = (
    "نظمت الغرفة التجارية الصناعية بجدة أمس الثلاثاء ورشة عمل بعنوان «ريادة الأعمال» "
    "في مقر الغرفة، بمشاركة 85 متدرباً ومتدربة، وتستمر الورشة لمدة ثلاثة أيام."
)
CLI = [sys.executable, "-c", "from extractor.cli import main; main()"]


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def make_inputs(folder: Path) -> Path:
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "old.txt").write_bytes(ARTICLE.encode("cp1256"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)
    )
    (folder / "english.txt").write_text("The mayor opened the new park on Sunday.")
    (folder / "big.txt").write_text(ARTICLE * 400, encoding="utf-8")
    lines = [
        json.dumps({"id": "r1", "text": ARTICLE}, ensure_ascii=False),
        '{"id": "r2", "text": ',
        json.dumps({"id": "r3", "title": "بلا نص"}, ensure_ascii=False),
        json.dumps({"id": "r4", "text": ARTICLE, "published": "2015-13-45"}),
        json.dumps(
            {"id": "r5", "content": ARTICLE, "date_extracted": "2015-08-06 10:00:00"}
        ),
    ]
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_extract_reports_each_bad_input_and_keeps_the_good(tmp_path):
    inputs = make_inputs(tmp_path / "in")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    result = invoke(
        "extract",
        str(inputs),
        "--no-ner",
        "-o",
        str(out),
        "--errors",
        str(errors),
        "--max-bytes",
        "40000",
    )
    assert result.exit_code == 1
    ids = [
        json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()
    ]
    assert ids == ["good.txt", "old.txt", "r1", "r5"]
    expected = [
        f"{inputs}/big.txt: file too large",
        f"{inputs}/empty.txt: empty file",
        f"{inputs}/english.txt: no Arabic text",
        f"{inputs}/image.txt: binary file, not text",
        f"{inputs}/records.jsonl:2: malformed JSON",
        f"{inputs}/records.jsonl:3: missing text field",
        f"{inputs}/records.jsonl:4: invalid published date '2015-13-45'",
    ]
    lines = result.stderr.splitlines()
    for message, line in zip(expected, lines, strict=False):
        assert line.startswith(message)
    assert lines[len(expected)].startswith("civic-facts: 4 articles, 7 errors")
    assert "Traceback" not in result.stderr
    assert len(errors.read_text().splitlines()) == 7


def test_extract_all_good_to_stdout_exits_zero(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke(
        "extract", str(tmp_path / "a.txt"), "--no-ner", "--published", "2015-08-06"
    )
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert (record["id"], record["published"]) == ("a.txt", "2015-08-06")
    assert result.stderr.startswith("civic-facts: 1 articles, 0 errors")


@pytest.mark.parametrize(
    "args",
    [
        ["--published", "06/08/2015"],
        ["--encoding", "no-such-codec"],
        ["--resume"],
        ["--engine", "spark"],
        ["--workers", "-1"],
        ["--scheduler", "tcp://127.0.0.1:8786"],
    ],
)
def test_usage_errors_exit_two(tmp_path, args):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke("extract", str(tmp_path / "a.txt"), "--no-ner", *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_missing_model_is_a_clean_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke(
        "extract", str(tmp_path / "a.txt"), "--model", str(tmp_path / "nomodel")
    )
    assert result.exit_code == 2
    assert "not a spaCy pipeline directory" in result.stderr


@needs_shared
def test_evaluate_table_and_json_agree_with_the_reference(tmp_path):
    predictions = DEV / "gold"  # a folder of <id>.json is accepted too
    table = invoke("evaluate", str(DEV / "gold"), str(predictions))
    assert table.exit_code == 0 and "core_micro" in table.stdout
    as_json = invoke("evaluate", str(DEV / "gold"), str(predictions), "--json")
    reference = subprocess.run(
        [sys.executable, str(REFERENCE), str(DEV / "gold"), str(predictions), "--json"],
        check=False,
        capture_output=True,
        text=True,
    )
    assert as_json.stdout == reference.stdout


def test_evaluate_bad_predictions_line(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text('{"id": "a"}')
    (tmp_path / "p.jsonl").write_text('{"id": "a"}\n{broken\n')
    result = invoke("evaluate", str(gold), str(tmp_path / "p.jsonl"))
    assert result.exit_code == 1 and "p.jsonl:2: malformed JSON" in result.stderr


def test_real_subprocess_extract_on_a_folder(tmp_path):
    inputs = make_inputs(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    done = subprocess.run(
        [
            *CLI,
            "extract",
            str(inputs),
            "--no-ner",
            "-o",
            str(out),
            "--max-bytes",
            "40000",
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1
    assert f"{inputs}/records.jsonl:2: malformed JSON" in done.stderr
    assert "Traceback" not in done.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4


def many_articles(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        text = f"{ARTICLE} وبلغ عدد الحضور {n + 10} شخصاً."
        record = {"id": f"copy-{n:04d}", "text": text, "published": "2015-08-06"}
        (folder / f"{n:04d}.json").write_text(json.dumps(record, ensure_ascii=False))
    return folder


def wait_for_lines(
    path: Path, count: int, proc: subprocess.Popen, timeout: float
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        time.sleep(0.02)
    raise AssertionError("the run ended (or stalled) before it could be killed midway")


def test_sigterm_midway_then_resume_equals_a_clean_run(tmp_path):
    total = 600
    inputs = many_articles(tmp_path / "in", total)
    clean, killed = tmp_path / "clean.jsonl", tmp_path / "killed.jsonl"
    args = ["extract", str(inputs), "--no-ner"]
    subprocess.run(
        [*CLI, *args, "-o", str(clean)], check=True, capture_output=True, timeout=600
    )
    proc = subprocess.Popen(
        [*CLI, *args, "-o", str(killed)], stderr=subprocess.PIPE, text=True
    )
    wait_for_lines(killed, 50, proc, timeout=300)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signal.SIGTERM
    written = killed.read_bytes()
    assert written.endswith(b"\n")
    before = written.count(b"\n")
    assert 50 <= before < total
    assert f"stopped by SIGTERM: {before} articles written" in stderr
    resumed = subprocess.run(
        [*CLI, *args, "-o", str(killed), "--resume"],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert resumed.returncode == 0
    assert f"{total - before} articles, {before} skipped" in resumed.stderr
    assert killed.read_bytes() == clean.read_bytes()
    ids = [
        json.loads(line)["id"]
        for line in killed.read_text(encoding="utf-8").splitlines()
    ]
    assert len(ids) == len(set(ids)) == total
    print(
        f"kill/resume: {before} written before SIGTERM, {total - before} after --resume"
    )


def test_extract_zip_and_html_through_the_cli(tmp_path):
    import zipfile

    page = (
        "<html><head><meta charset='utf-8'><title>ورشة ريادة الأعمال</title></head><body>"
        "<nav><a href='/'>الرئيسية</a> | <a href='/about'>من نحن وماذا نقدم</a></nav>"
        f"<article><p>{ARTICLE}</p><p>وأشاد المشاركون بالورشة ومحتواها العلمي.</p></article>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    with zipfile.ZipFile(tmp_path / "dump.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("pages/one.html", page)
        archive.writestr("../escape.txt", ARTICLE)
        archive.writestr("bomb.txt", b" " * (30 * 1024 * 1024))
    out = tmp_path / "out.jsonl"
    result = invoke("extract", str(tmp_path / "dump.zip"), "--no-ner", "-o", str(out))
    assert result.exit_code == 1
    assert f"{tmp_path}/dump.zip/../escape.txt: member path with '..'" in result.stderr
    assert f"{tmp_path}/dump.zip/bomb.txt: larger than --max-bytes" in result.stderr
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["id"] == "dump.zip/pages/one.html"
    assert record["source"]["member"] == "pages/one.html"
