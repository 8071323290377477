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
        # an office that is also a given name: the name after a title with ال,
        # the office after an honorific of address
        (
            "حضر الدكتور مساعد العيبان وزير الدولة عضو مجلس الوزراء، وعادل",
            ["الدكتور"],
            "مساعد العيبان",
            "وزير الدولة عضو مجلس الوزراء",
        ),
        (
            "حضر المهندس أمين ساعاتي، وعدد",
            ["المهندس"],
            "أمين ساعاتي",
            None,
        ),
        (
            "رعى محافظ حوطة بني تميم مساعد بن عبدالرحمن السالم الحفل",
            [],
            "مساعد بن عبدالرحمن السالم",
            "محافظ حوطة بني تميم",
        ),
        # offices side by side after the name are all his
        (
            (
                "دشن الأمير فيصل بن خالد بن عبدالعزيز أمير منطقة عسير"
                " رئيس مجلس شباب منطقة عسير الملتقى"
            ),
            ["الأمير"],
            "فيصل بن خالد بن عبدالعزيز",
            "أمير منطقة عسير رئيس مجلس شباب منطقة عسير",
        ),
        (
            "ألقى الدكتور علي الغبان نائب الرئيس المشرف على برنامج العناية كلمة",
            ["الدكتور"],
            "علي الغبان",
            "نائب الرئيس",
        ),
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
        ("بحضور رئيس مركز شري عبدالله الدهيمان", 2, "مركز شري"),
        ("ونظم مجلس قبائل بني مالك الحفل السنوي", 1, "مجلس قبائل بني مالك"),
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


def _with_entities(nlp, text, people):
    """The rules-only doc with the given strings marked as PER entities (an NER's output)."""
    doc = nlp(text)
    spans = []
    for name in people:
        start = text.index(name)
        spans.append(doc.char_span(start, start + len(name), label="PER"))
    doc.set_ents(spans, default="outside")
    return doc


OFFICE_TEXT = (
    "اختتم رئيس بلدية القريات الرئيس التنفيذي لمهرجان كاف المهندس علي الشمري، الملتقى"
)


def test_a_per_entity_ends_an_office_the_chain_could_not_read(nlp_rules):
    doc = _with_entities(nlp_rules, OFFICE_TEXT, ["علي الشمري"])
    person = person_at(doc, 1)
    assert person.name.text(doc) == "علي الشمري"
    assert [t.text(doc) for t in person.titles] == ["المهندس"]
    assert person.role.text(doc) == "رئيس بلدية القريات الرئيس التنفيذي لمهرجان كاف"


def test_without_a_per_entity_the_office_is_not_stretched(nlp_rules):
    doc = _with_entities(nlp_rules, OFFICE_TEXT, [])
    person = person_at(doc, 1)
    assert person.role.text(doc) == "رئيس بلدية القريات الرئيس التنفيذي"
    assert person.name is None  # لمهرجان كاف, glued to ل and no PER entity: no name


def test_a_far_per_entity_is_not_taken(nlp_rules):
    text = "اختتم محافظ القريات في حفل كبير أمس الأول بعد الظهر فيصل الشامي"
    doc = _with_entities(nlp_rules, text, ["فيصل الشامي"])
    person = person_at(doc, 1)
    assert (
        person is None or person.name is None or person.name.text(doc) != "فيصل الشامي"
    )


def _with_org(nlp, text, org):
    doc = nlp(text)
    start = text.index(org)
    doc.set_ents(
        [doc.char_span(start, start + len(org), label="ORG")], default="outside"
    )
    return doc


def test_an_org_entity_stretches_a_chain_but_not_over_a_second_org(nlp_rules):
    text = "بشراكة بين شركة الطائف للاستثمار والسياحة والنادي الأدبي الثقافي ."
    merged = "شركة الطائف للاستثمار والسياحة والنادي الأدبي الثقافي"
    doc = _with_org(nlp_rules, text, merged)
    start = next(t.i for t in doc if t.text == "شركة")
    assert org_at(doc, start).text(doc) == "شركة الطائف للاستثمار والسياحة"
    text = "نظم مجلس قبائل ربيعة ورفيدة لقاءه السنوي"
    doc = _with_org(nlp_rules, text, "مجلس قبائل ربيعة ورفيدة")
    assert org_at(doc, 1).text(doc) == "مجلس قبائل ربيعة ورفيدة"
    assert org_at(nlp_rules(text), 1).text(nlp_rules(text)) == "مجلس قبائل"


def test_a_listed_word_that_starts_like_a_preposition_carries_none(nlp_rules):
    """``بلدية`` is no ب + لدية: the office goes on over it, and the NER's name follows."""
    text = (
        "بحضور وكيل المحافظة عناد العجرفي ورئيس بلدية محافظة حوطة بني تميم "
        "بالنيابة محمد بن عبدالله الداود وعدد من المسؤولين"
    )
    doc = _with_entities(nlp_rules, text, ["عناد العجرفي", "محمد بن عبدالله الداود"])
    person = person_at(doc, 5)
    assert person.role.text(doc) == "ورئيس بلدية محافظة حوطة بني تميم بالنيابة"
    assert person.name.text(doc) == "محمد بن عبدالله الداود"


@pytest.mark.parametrize(
    "text, start",
    [("ونفذ فريق تطوعي الحملة", 1), ("وشاركت جمعية خيرية في الحفل", 1)],
)
def test_a_head_with_only_a_relative_adjective_names_no_body(nlp_rules, text, start):
    assert org_at(nlp_rules(text), start) is None


def test_a_head_noun_spelled_with_waw_carries_no_conjunction(nlp_rules):
    from extractor.pipeline.lexicons import has_waw

    doc = nlp_rules("فرع وزارة الخارجية ووزارة الصحة وكالة الأنباء والمدير")
    assert [has_waw(t) for t in doc] == [
        False,
        False,
        False,
        True,
        False,
        False,
        False,
        True,
    ]
    # so a chain runs through it: the branch of the ministry is one body
    doc = nlp_rules("نظم فرع وزارة العدل بالمنطقة الشرقية الحفل")
    org = org_at(doc, 1)
    assert doc[org.start : org.end].text == "فرع وزارة العدل بالمنطقة الشرقية"


def test_a_word_joined_by_waw_right_after_the_head_is_a_second_thing(nlp_rules):
    from extractor.pipeline.phrases import org_at

    doc = nlp_rules("مطالبا الأهالي بالتعاون مع البلدية والإبلاغ عن المخالفات")
    k = [t.text for t in doc].index("البلدية")
    assert org_at(doc, k).text(doc) == "البلدية"
    doc = nlp_rules("نظمت جمعية الثقافة والفنون معرضا")
    assert org_at(doc, 1).text(doc) == "جمعية الثقافة والفنون"


def test_a_name_ends_before_the_ribbon_cutting(nlp_rules):
    """``قام الدكتور طاهر بقص الشريط``: an NER that runs the name on into بقص
    (by cutting) does not make it part of the name."""
    text = "وقام الدكتور طاهر بقص الشريط عند بوابة المدخل"
    assert _person(nlp_rules, text)[:2] == (["الدكتور"], "طاهر")
    doc = _with_entities(nlp_rules, text, ["طاهر بقص"])
    assert person_at(doc, 1).name.text(doc) == "طاهر"


def test_a_title_inside_the_per_entity_after_an_office_is_still_a_title(nlp_rules):
    """The NER may start a name at its title: ``وزير ... بدولة قطر الشقيقة |
    الشيخ عبدالرحمن بن خليفة``; the title is peeled off the name."""
    text = (
        "برعاية وزير البلدية والتخطيط العمراني بدولة قطر الشقيقة "
        "الشيخ عبدالرحمن بن خليفة آل ثاني ."
    )
    doc = _with_entities(nlp_rules, text, ["الشيخ عبدالرحمن بن خليفة آل ثاني"])
    person = person_at(doc, 1)
    assert person.name.text(doc) == "عبدالرحمن بن خليفة آل ثاني"
    assert [t.text(doc) for t in person.titles] == ["الشيخ"]
    assert person.role.text(doc) == "وزير البلدية والتخطيط العمراني بدولة قطر الشقيقة"
