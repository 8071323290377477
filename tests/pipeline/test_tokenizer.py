"""The camel-tools tokenizer keeps every character; norms and sentences are set."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.arabic.normalize import normalize, strip_clitics


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("للعام 2023م.", ["للعام", "2023", "م", "."]),
        ("المحاور؛بهدف", ["المحاور", "؛", "بهدف"]),
        ("ملتقى “نحو المليون”", ["ملتقى", "“", "نحو", "المليون", "”"]),
        ("25/10/1436هـ", ["25", "/", "10", "/", "1436", "هـ"]),
        # ة only ends a word: a caption glued to the story's first word
        ("حفل المعايدةأقامت البلدية", ["حفل", "المعايدة", "أقامت", "البلدية"]),
        ("مدرسةٍأخرى", ["مدرسةٍ", "أخرى"]),
        # a heading glued to the verb that opens the lead, with no ة at the seam
        ("من الحفلنظم مجلس", ["من", "الحفل", "نظم", "مجلس"]),
        (
            "برنامج الفعالياتبدأت الرئاسة،",
            ["برنامج", "الفعاليات", "بدأت", "الرئاسة", "،"],
        ),
        # words that only end like such a verb stay whole
        ("المنظم المرعى النظم المستشهد", ["المنظم", "المرعى", "النظم", "المستشهد"]),
    ],
)
def test_tokens(nlp_rules, text, tokens):
    assert [t.text for t in nlp_rules.make_doc(text)] == tokens


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_text_round_trips(nlp_rules, text):
    assert nlp_rules.make_doc(text).text == text


def test_norms_and_sentences(nlp_rules):
    doc = nlp_rules("رعى الأمير الحفلَ يوم الأثنين.\nوحضر ٤٢ ضيفاً")
    assert [t.norm_ for t in doc][:5] == ["رعي", "الامير", "الحفل", "يوم", "الاثنين"]
    assert "42" in [t.norm_ for t in doc]
    assert [s.text.strip() for s in doc.sents] == [
        "رعى الأمير الحفلَ يوم الأثنين.",
        "وحضر ٤٢ ضيفاً",
    ]


def test_a_title_abbreviation_ends_no_sentence(nlp_rules):
    doc = nlp_rules("بحضور د. أحمد الغامدي و م. خالد . وذلك في 2015 م. وأقيم الحفل")
    assert [s.text.strip() for s in doc.sents] == [
        "بحضور د. أحمد الغامدي و م. خالد .",
        "وذلك في 2015 م.",
        "وأقيم الحفل",
    ]


def test_an_ellipsis_inside_a_quoted_title_ends_no_sentence(nlp_rules):
    doc = nlp_rules(
        'يفتتح الأمير معرض "الملك فيصل.. شاهد وشهيد" في متنزه الردف. '
        "وقال المدير إن المعرض ناجح."
    )
    assert [s.text.strip() for s in doc.sents] == [
        'يفتتح الأمير معرض "الملك فيصل.. شاهد وشهيد" في متنزه الردف.',
        "وقال المدير إن المعرض ناجح.",
    ]


@pytest.mark.parametrize(
    "word, form",
    [
        ("بجدة", "جده"),
        ("وبالمدينة", "مدينه"),
        ("للعام", "العام"),
        ("والحضور", "الحضور"),
    ],
)
def test_proclitics(word, form):
    assert form in strip_clitics(normalize(word))
