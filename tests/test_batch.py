"""The batch runner, and the property that no text crashes extraction."""

from __future__ import annotations

import json
import signal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import Extractor, load
from extractor.batch import KINDS, BatchSummary, StopSignals, run_batch
from extractor.engine import ExtractorOptions

ARTICLE = (
    "رعى صاحب السمو الأمير فيصل بن خالد أمير منطقة عسير يوم الأحد 25 شوال 1436هـ "
    "حفل تخريج 450 طالباً في جامعة الملك خالد بأبها، بحضور معالي الدكتور أحمد بن سالم."
)
RULES_ONLY = ExtractorOptions(ner=False)


def write_inputs(folder):
    folder.mkdir()
    (folder / "1.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "2.txt").write_bytes(b"")
    lines = [
        json.dumps({"id": "j1", "text": ARTICLE}),
        "{bad",
        json.dumps({"id": "j3"}),
    ]
    (folder / "3.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "4.txt").write_bytes(ARTICLE.encode("cp1256"))


def test_batch_writes_good_articles_in_order_and_reports_bad_input(tmp_path):
    write_inputs(tmp_path / "in")
    messages = []
    summary = run_batch(
        [tmp_path / "in"],
        output=tmp_path / "out.jsonl",
        extractor=RULES_ONLY,
        errors=tmp_path / "err.jsonl",
        report=messages.append,
    )
    records = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["id"] for r in records] == ["1.txt", "j1", "4.txt"]
    assert records[2]["source"]["encoding"] == "cp1256"
    assert (summary.articles, summary.input_errors, summary.exit_code) == (3, 3, 1)
    assert messages == [
        f"{tmp_path / 'in' / '2.txt'}: empty file",
        f"{tmp_path / 'in' / '3.jsonl'}:2: malformed JSON: "
        + "Expecting property name enclosed in double quotes (column 2)",
        f"{tmp_path / 'in' / '3.jsonl'}:3: missing text field (text or content)",
    ]
    errors = [json.loads(x) for x in (tmp_path / "err.jsonl").read_text().splitlines()]
    assert [e["line"] for e in errors] == [None, 2, 3]
    for kind in KINDS:
        assert summary.facts[kind] == sum(len(r[kind]) for r in records)


def test_resume_skips_what_is_written_and_redoes_changed_articles(tmp_path):
    write_inputs(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    run_batch(
        [tmp_path / "in"], output=out, extractor=RULES_ONLY, report=lambda m: None
    )
    first = out.read_bytes()
    again = run_batch(
        [tmp_path / "in"],
        output=out,
        extractor=RULES_ONLY,
        resume=True,
        report=lambda m: None,
    )
    assert (again.articles, again.skipped) == (0, 3)
    assert out.read_bytes() == first
    (tmp_path / "in" / "1.txt").write_text(
        ARTICLE + " وقد حضر الحفل جمع غفير.", encoding="utf-8"
    )
    changed = run_batch(
        [tmp_path / "in"],
        output=out,
        extractor=RULES_ONLY,
        resume=True,
        report=lambda m: None,
    )
    assert (changed.articles, changed.skipped) == (1, 2)


def test_all_good_input_exits_zero(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    summary = run_batch(
        [tmp_path / "a.txt"],
        output=tmp_path / "o.jsonl",
        extractor=RULES_ONLY,
        report=lambda m: None,
    )
    assert summary.exit_code == 0
    assert summary.line().startswith("1 articles, 0 errors")


def test_summary_exit_codes():
    assert BatchSummary(input_errors=1).exit_code == 1
    assert BatchSummary(failed=1).exit_code == 1
    assert BatchSummary(interrupted="SIGTERM").exit_code == 128 + signal.SIGTERM


def test_first_signal_requests_a_stop_second_interrupts():
    with StopSignals() as stop:
        signal.raise_signal(signal.SIGTERM)
        assert stop.received == "SIGTERM"
        with pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


@pytest.fixture(scope="module")
def rules_only() -> Extractor:
    return Extractor(load(ner=False))


WORDS = ARTICLE.split() + [
    "برعاية",
    "نظمت",
    "أمانة",
    "ملتقى",
    "أمس",
    "الاثنين",
    "الماضي",
    "2023م",
    "١٤٣٦هـ",
    "ألف",
    "مليون",
    "تقريباً",
    "\n",
    "،",
    "«",
    "»",
    "(",
    ")",
    "الـ",
    "ـ",
    "\u200f",
    "ً",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=60).map(
        " ".join
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, published=st.sampled_from([None, "2015-08-06"]))
def test_random_text_never_crashes_and_evidence_is_exact(rules_only, text, published):
    facts = rules_only(text, published=published, id="x")
    for kind in KINDS:
        for fact in getattr(facts, kind):
            ev = fact.evidence
            assert 0 <= ev.start <= ev.end <= len(text)
            assert text[ev.start : ev.end] == ev.text
