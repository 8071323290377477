"""Phrase boundaries on real Arabic snippets (no model: the rules-only pipeline)."""

import pytest

from extractor.pipeline.persons import person_at
from extractor.pipeline.phrases import org_at
from extractor.pipeline.roles import org_name


def _person(nlp, text, start=1):
    doc = nlp(text)
    person = person_at(doc, start)
    assert person is not None, text
    return (
        [t.text(doc) for t in person.titles],
        person.name.text(doc) if person.name else None,
        person.role.text(doc) if person.role else None,
    )


@pytest.mark.parametrize(
    "text, titles, name, role",
    [
        (
            "رعى صاحب السمو الأمير سعود بن عبدالله بن جلوي محافظ جدة، يوم أمس",
            ["صاحب السمو الأمير"],
            "سعود بن عبدالله بن جلوي",
            "محافظ جدة",
        ),
        (
            "بحضور معالي أمين المحافظة صالح بن علي التركي ، وعدد",
            ["معالي"],
            "صالح بن علي التركي",
            "أمين المحافظة",
        ),
        (
            "برعاية محافظ الأفلاج الأستاذ حمد بن مشنان آل مبارك",
            ["الأستاذ"],
            "حمد بن مشنان آل مبارك",
            "محافظ الأفلاج",
        ),
        (
            "برعاية الأمير سعود بن نايف بن عبدالعزيز، أمير المنطقة الشرقية",
            ["الأمير"],
            "سعود بن نايف بن عبدالعزيز",
            "أمير المنطقة الشرقية",
        ),
        (
            "بحضور رئيس الهيئة العامة للسياحة والآثار الأمير سلطان بن سلمان",
            ["الأمير"],
            "سلطان بن سلمان",
            "رئيس الهيئة العامة للسياحة والآثار",
        ),
        ("ألقى الدكتور علي الغبان كلمة", ["الدكتور"], "علي الغبان", None),
    ],
)
def test_person_parse(nlp_rules, text, titles, name, role):
    assert _person(nlp_rules, text) == (titles, name, role)


def test_office_only_patron(nlp_rules):
    assert _person(nlp_rules, "برعاية محافظ طبرجل .") == ([], None, "محافظ طبرجل")


@pytest.mark.parametrize(
    "text, start, name",
    [
        ("نظمته أمانة جدة ، بحضور", 1, "أمانة جدة"),
        ("أقامت بلدية البطين حفل معايدة", 1, "بلدية البطين"),
        (
            "الذي تشرف عليه الإدارة العامة للمسؤولية المجتمعية بالأمانة ،",
            3,
            "الإدارة العامة للمسؤولية المجتمعية بالأمانة",
        ),
        (
            "بالتعاون مع مكتب الاتصال السعودي الألماني .",
            2,
            "مكتب الاتصال السعودي الألماني",
        ),
        ("وبلدية محافظة طبرجل", 0, "بلدية محافظة طبرجل"),
    ],
)
def test_org_phrase(nlp_rules, text, start, name):
    doc = nlp_rules(text)
    org = org_at(doc, start)
    assert org is not None
    assert org_name(doc, org) == name


def test_bare_definite_org_takes_its_antecedent(nlp_rules):
    doc = nlp_rules("أقامت بلدية البطين حفل معايدة برعاية وتنظيم البلدية .")
    org = org_at(doc, 7)
    assert doc[org.start].text == "البلدية"
    assert org_name(doc, org) == "بلدية البطين"
