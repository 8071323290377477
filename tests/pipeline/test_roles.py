"""Patrons, organizers, attendees, venues and events from the rule stages."""

import pytest

from extractor.api import Extractor


def _facts(nlp, text, published="2015-07-21"):
    return Extractor(nlp)(text, published=published)


def test_patron_organizer_attendee(nlp_rules):
    facts = _facts(
        nlp_rules,
        "رعى صاحب السمو الأمير سعود بن عبدالله بن جلوي محافظ جدة ملتقى "
        "“نحو المليون متطوع” الذي نظمته أمانة جدة ، بحضور معالي أمين المحافظة "
        "صالح بن علي التركي .",
    )
    assert [(p.name, p.title, p.role) for p in facts.patrons] == [
        ("سعود بن عبدالله بن جلوي", "صاحب السمو الأمير", "محافظ جدة")
    ]
    assert [o.name for o in facts.organizers] == ["أمانة جدة"]
    assert [(a.name, a.role) for a in facts.attendees] == [
        ("صالح بن علي التركي", "أمين المحافظة")
    ]


def test_patron_and_organizer_organization(nlp_rules):
    facts = _facts(nlp_rules, "أقامت بلدية البطين حفل معايدة برعاية وتنظيم البلدية .")
    assert [p.name for p in facts.patrons] == ["بلدية البطين"]
    assert [o.name for o in facts.organizers] == ["بلدية البطين"]


def test_opener_is_patron_without_patronage_wording(nlp_rules):
    facts = _facts(nlp_rules, "افتتح محافظ بقيق محمد المتحمي معرض الكتاب .")
    assert [(p.name, p.role, p.rule) for p in facts.patrons] == [
        ("محمد المتحمي", "محافظ بقيق", "opener")
    ]


def test_quoted_person_is_not_attendee(nlp_rules):
    facts = _facts(
        nlp_rules, "وأوضح مدير المهرجان الدكتور خالد السالم أن الفعاليات متنوعة ."
    )
    assert facts.attendees == []
    for verb in ("ورد", "وعلق", "وانتقد"):  # replying, commenting, criticizing
        story = (
            "وأقيم حفل ختام البطولة أمس ، "
            f"{verb} رئيس النادي الدكتور خالد السالم على البيان بعد الحفل ."
        )
        assert _facts(nlp_rules, story).attendees == [], verb


def test_venue_with_clitic_and_city(nlp_rules):
    facts = _facts(nlp_rules, "عقدت الورشة الأولى بمقر الغرفة التجارية بجدة .")
    assert [(v.name, v.city) for v in facts.venues] == [
        ("مقر الغرفة التجارية بجدة", "جدة")
    ]
    assert facts.venues[0].evidence.text == "بمقر الغرفة التجارية بجدة"


def test_town_venue_when_no_facility(nlp_rules):
    facts = _facts(nlp_rules, "انطلقت فعاليات مهرجان الصيف بمحافظة ينبع أمس .")
    assert [v.name for v in facts.venues] == ["محافظة ينبع"]


def test_event_name_type_edition(nlp_rules):
    facts = _facts(
        nlp_rules, "رعى المحافظ ملتقى “نحو المليون متطوع” في نسخته الثانية ."
    )
    event = facts.events[0]
    assert (event.type, event.name, event.edition) == (
        "forum",
        "ملتقى “نحو المليون متطوع”",
        2,
    )


def test_holiday_is_not_an_event(nlp_rules):
    facts = _facts(nlp_rules, "احتفل الأهالي بعيد الفطر المبارك .")
    assert all(e.name is None or "الفطر" not in e.name for e in facts.events)


def _with_entities(nlp, text, names, label, kind):
    """Run ``civic_<kind>`` with ``names`` marked as ``label`` entities (an NER's output).

    The stages before it run as usual; the candidates' names come back raw,
    before resolve merges repeats.
    """
    from extractor.pipeline.facts import candidates

    component = f"civic_{kind}"
    doc = nlp.make_doc(text)
    doc._.published = None
    for name, proc in nlp.pipeline:
        if name == component:
            break
        doc = proc(doc)
    if names is not None:  # None: no NER ran
        spans = [
            doc.char_span(text.index(n), text.index(n) + len(n), label=label)
            for n in names
        ]
        doc.set_ents(spans, default="outside")
    doc = nlp.get_pipe(component)(doc)
    return [c.fields["name"] for c in candidates(doc, kind)]


def _organizers_with_entities(nlp, text, orgs):
    return _with_entities(nlp, text, orgs, "ORG", "organizers")


def _attendees_with_entities(nlp, text, people):
    return _with_entities(nlp, text, people, "PER", "attendees")


def _patrons_with_people(nlp, text, people):
    return _with_entities(nlp, text, people, "PER", "patrons")


def test_an_org_entity_before_or_after_an_organizing_cue(nlp_rules):
    before = "وأعلنت أرامكو السعودية تنظم معرضا للتوظيف في الظهران ."
    assert _organizers_with_entities(nlp_rules, before, []) == []
    assert _organizers_with_entities(nlp_rules, before, ["أرامكو السعودية"]) == [
        "أرامكو السعودية"
    ]
    after = "ونظمت أرامكو السعودية معرضا للتوظيف في الظهران ."
    assert _organizers_with_entities(nlp_rules, after, ["أرامكو السعودية"]) == [
        "أرامكو السعودية"
    ]


def test_no_organizers_where_no_event_is_named(nlp_rules):
    """``نفذ`` / ``تنظيم`` in a story with no event are an attack and a group."""
    story = "وقال المتحدث إن جمعية الإغاثة الإسلامية نفذت عمليات في المنطقة ."
    assert _organizers_with_entities(nlp_rules, story, []) == []
    event = "وقال المتحدث إن جمعية الإغاثة الإسلامية نفذت حملة تطوعية في المنطقة ."
    assert _organizers_with_entities(nlp_rules, event, []) == [
        "جمعية الإغاثة الإسلامية"
    ]
    accusative = "ونظمت جمعية الإغاثة الإسلامية حفلا للأيتام ."  # حفلا: an event too
    assert set(_organizers_with_entities(nlp_rules, accusative, [])) == {
        "جمعية الإغاثة الإسلامية"  # after the cue, and the lead's subject
    }
    group = "وأعلن تنظيم داعش مسؤوليته عن الهجوم خلال المهرجان ."
    assert _organizers_with_entities(nlp_rules, group, ["داعش"]) == []


def test_with_ner_an_office_holder_needs_a_person_entity(nlp_rules):
    """An office followed by no PER entity names nobody (``أمير الشرقية عروضه``)."""
    text = "أقيم مهرجان الصيف أمس ، وتابع أمير الشرقية عروضه ، وتجول رئيس البلدية خالد العمري في أرجائه ."
    # rules alone take the word after the office (not an event's activities:
    # فعالياته is never a name)
    assert "عروضه" in _attendees_with_entities(nlp_rules, text, None)
    assert _attendees_with_entities(nlp_rules, text, ["خالد العمري"]) == ["خالد العمري"]


def test_the_preposition_amam_is_no_office(nlp_rules):
    """أمام ("in front of") and إمام ("imam") both normalize to امام."""
    facts = _facts(
        nlp_rules, "أقيم مهرجان الصيف أمس ، ووقف الجمهور أمام نادي الشباب طويلا ."
    )
    assert facts.attendees == []
    facts = _facts(
        nlp_rules,
        "أقيم مهرجان الصيف أمس ، ووقف الزوار أمام مدير المهرجان خالد العمري .",
    )
    assert [(a.name, a.role) for a in facts.attendees] == [
        ("خالد العمري", "مدير المهرجان")
    ]
    imam = _facts(
        nlp_rules, "افتتح إمام المسجد الحرام الشيخ عبدالرحمن السديس أمس معرض الكتاب ."
    )
    assert [(p.name, p.role) for p in imam.patrons] == [
        ("عبدالرحمن السديس", "إمام المسجد الحرام")
    ]


def test_presence_list_after_kull_min_or_a_group_word(nlp_rules):
    facts = _facts(
        nlp_rules,
        "أقيم مهرجان الصيف أمس بمشاركة كل من الفنان محمد عبده والفنان راشد الماجد .",
    )
    assert [a.name for a in facts.attendees] == ["محمد عبده", "راشد الماجد"]
    facts = _facts(
        nlp_rules,
        "وجاءت أمسية مهرجان الصيف بتواجد الشعراء سعد الخلاوي ، نواف التركي .",
    )
    assert [a.name for a in facts.attendees] == ["سعد الخلاوي", "نواف التركي"]


def test_a_festival_annexed_to_an_organization_is_held_by_it(nlp_rules):
    facts = _facts(
        nlp_rules, "وتتواصل احتفالات أمانة منطقة الرياض بعيد الفطر المبارك في الحدائق ."
    )
    # the organization ends before بعيد الفطر: ب + a word that is no place is not its name
    assert [o.name for o in facts.organizers] == ["أمانة منطقة الرياض"]
    opened = _facts(
        nlp_rules, "شهد الأهالي حفل افتتاح مركز الأمير عبدالمجيد لأمراض الكلى ."
    )
    assert opened.organizers == []  # the facility opened is not who organized


def test_a_glued_ba_place_complement_stays_on_the_chain(nlp_rules):
    facts = _facts(nlp_rules, "نظمت جمعية البر الخيرية بمحافظة السليل حفلا للأيتام .")
    assert [o.name for o in facts.organizers] == ["جمعية البر الخيرية بمحافظة السليل"]


def test_event_name_leaves_the_conjunction_out(nlp_rules):
    facts = _facts(
        nlp_rules, "نظم مجلس القبائل لقاءه السنوي ومهرجان العسل برعاية المحافظ ."
    )
    assert [(e.name, e.evidence.text) for e in facts.events] == [
        ("مهرجان العسل", "ومهرجان العسل")
    ]


def test_offices_that_begin_with_waw_keep_it(nlp_rules):
    """``وزير`` and ``وكيل`` are offices, not و + زير; ``والدكتور`` is و + a title."""
    facts = _facts(
        nlp_rules,
        "رعى وزير الصحة خالد الفالح المؤتمر الطبي بحضور والدكتور سعد العتيبي .",
    )
    assert [(p.name, p.title, p.role) for p in facts.patrons + facts.attendees] == [
        ("خالد الفالح", None, "وزير الصحة"),
        ("سعد العتيبي", "الدكتور", None),
    ]


def test_weak_cues_take_no_bare_entity(nlp_rules):
    """``وتنظيم داعش``, ``نفذها مقاتلو حزب العمال``: an armed group, not an organizer."""
    story = "وحضر المؤتمر الصحفي مسؤولون ، فيما نفذ حزب العمال هجوما جديدا ."
    assert _organizers_with_entities(nlp_rules, story, ["حزب العمال"]) == []
    verb = "وحضر المؤتمر الصحفي مسؤولون ، فيما نظمت أوبك ندوة جديدة ."
    assert _organizers_with_entities(nlp_rules, verb, ["أوبك"]) == ["أوبك"]
    headed = "وحضر المؤتمر الصحفي مسؤولون ، فيما نفذت جمعية البر حملة جديدة ."
    assert _organizers_with_entities(nlp_rules, headed, []) == ["جمعية البر"]


def test_an_org_entity_does_not_swallow_a_title(nlp_rules):
    text = "وكانت المؤتمر قد نظمته وزارة الحج الأستاذ خالد العلي ."
    assert _organizers_with_entities(nlp_rules, text, ["وزارة الحج الأستاذ"]) == [
        "وزارة الحج"
    ]


def test_a_person_entity_stops_at_an_event_noun(nlp_rules):
    """The NER ran the name on into the event; titles inside a name stay (آل الشيخ)."""
    text = "رعى وزير الصحة خالد الفالح المؤتمر العالمي للصحة ."
    assert _patrons_with_people(nlp_rules, text, ["خالد الفالح المؤتمر العالمي"]) == [
        "خالد الفالح"
    ]
    text = "رعى وزير الصحة خالد الفالح الحفل الختامي ."  # an event noun with ال
    assert _patrons_with_people(nlp_rules, text, ["خالد الفالح الحفل"]) == [
        "خالد الفالح"
    ]
    text = "رعى وزير الشؤون البلدية عبداللطيف آل الشيخ المعرض ."
    assert _patrons_with_people(nlp_rules, text, ["عبداللطيف آل الشيخ"]) == [
        "عبداللطيف آل الشيخ"
    ]


def test_an_office_chain_stops_where_the_name_begins(nlp_rules):
    """``الرئيس عبد ربه منصور هادي``: a name link or a PER entity starts the holder's name."""
    text = "أقيم مهرجان الصيف بحضور الرئيس عبد ربه منصور هادي ."
    assert set(_attendees_with_entities(nlp_rules, text, ["عبد ربه منصور هادي"])) == {
        "عبد ربه منصور هادي"  # by the cue and as a titled person: resolve merges them
    }
    text = "أقيم مهرجان الصيف بحضور الرئيس رجب طيب أردوغان ."
    assert set(_attendees_with_entities(nlp_rules, text, ["رجب طيب أردوغان"])) == {
        "رجب طيب أردوغان"
    }


def test_with_ner_a_prepositional_word_ends_a_presence_list(nlp_rules):
    text = (
        "أقيم حفل معايدة أهالي المحافظة . "  # قدم reads attendees in event stories
        "وقدم الرئيس هادي ، لمبعوث الأمين العام للأمم المتحدة ، شرحا عن الأوضاع ."
    )
    # raw candidates: the cue and the titled-people pass both read هادي
    assert set(_attendees_with_entities(nlp_rules, text, ["هادي"])) == {"هادي"}


def test_the_lead_subject_organizes_only_a_reported_event(nlp_rules):
    """The organization a story opens with, after any dateline, if the lead names an event."""
    dateline = "هادي العصيمي- سبق- مكة المكرمة: نظمت اللجنة المحلية للانتخابات ورشة عمل للمدربين ."
    assert "اللجنة المحلية للانتخابات" in _organizers_with_entities(
        nlp_rules, dateline, []
    )
    statement = (
        "أعلنت وزارة التجارة بدء تطبيق الدليل . وتقيم جمعية البر مهرجانا للأطفال ."
    )
    assert _organizers_with_entities(nlp_rules, statement, []) == ["جمعية البر"]
    person = "أوضح وكيل وزارة النقل المهندس هذلول الهذلول أن المعرض يفتتح غدا ."
    assert _organizers_with_entities(nlp_rules, person, []) == []


def test_a_definite_head_takes_no_indefinite_complement(nlp_rules):
    """``الأمانة مهرجانا``: a head with the article is no construct; the name is spelled out."""
    text = "نظمت أمانة محافظة جدة الحفل . وتقيم الأمانة مهرجانا للأطفال ."
    assert set(_organizers_with_entities(nlp_rules, text, [])) == {"أمانة محافظة جدة"}


def test_military_rank_with_rukn_is_one_title(nlp_rules):
    facts = _facts(
        nlp_rules,
        "أقيم مهرجان الصيف بحضور مدير شرطة جازان اللواء ركن سعيد بن حسين الغامدي .",
    )
    assert [(a.name, a.title) for a in facts.attendees] == [
        ("سعيد بن حسين الغامدي", "اللواء ركن")
    ]


def test_the_events_organizer_is_a_person_only_when_no_body_is_named(nlp_rules):
    person = (
        "وأقيم مهرجان الصيف في أبها . وقال منظم المهرجان الدكتور مقبل المقبل إنه نجح ."
    )
    assert _organizers_with_entities(nlp_rules, person, []) == ["مقبل المقبل"]
    untitled = "وأشاد منظم البطولة عبدالباري آل عبدالله بالشركاء في البطولة ."
    assert _organizers_with_entities(nlp_rules, untitled, []) == []  # NER: no PER
    assert _with_entities(
        nlp_rules, untitled, ["عبدالباري آل عبدالله"], "PER", "organizers"
    ) == ["عبدالباري آل عبدالله"]
    body = "ونظمت بلدية أبها مهرجان الصيف . وقال منظم المهرجان الدكتور مقبل المقبل إنه نجح ."
    assert set(_organizers_with_entities(nlp_rules, body, [])) == {"بلدية أبها"}
    organization = "وقالت منظمة الصحة العالمية الدكتورة مارغريت تشان في المؤتمر ."
    assert "مارغريت تشان" not in _organizers_with_entities(nlp_rules, organization, [])


def test_a_word_glued_to_waw_that_starts_with_waw_is_coordinated(nlp_rules):
    story = "ونظمت المؤتمر جمعية النحالين وجامعة الباحة ووزارة الزراعة ."
    assert set(_organizers_with_entities(nlp_rules, story, [])) == {
        "جمعية النحالين",
        "جامعة الباحة",
        "وزارة الزراعة",
    }


def test_an_organization_named_after_a_titled_person_under_ner(nlp_rules):
    story = "ونظم المؤتمر كرسي المهندس عبدالله بقشان لأبحاث النحل بالتعاون مع جامعة الباحة ."
    assert "كرسي المهندس عبدالله بقشان لأبحاث النحل" in _with_entities(
        nlp_rules, story, ["عبدالله بقشان"], "PER", "organizers"
    )
    # without a PER entity nothing says where the name ends: no organizer from كرسي
    assert not any(
        name.startswith("كرسي")
        for name in _organizers_with_entities(nlp_rules, story, [])
    )


def test_a_venue_named_after_a_titled_person_under_ner(nlp_rules):
    story = "وأقيم الحفل في قاعة الشيخ ناصر آل زرعة بمقر الغرفة ."
    venues = _with_entities(nlp_rules, story, ["ناصر آل زرعة"], "PER", "venues")
    assert venues[0] == "قاعة الشيخ ناصر آل زرعة بمقر الغرفة"
    # a military rank is no eponym's title: نادي الرائد is a club
    club = "وأقيم الحفل في نادي الرائد أحمد الكسار ."
    venues = _with_entities(nlp_rules, club, ["أحمد الكسار"], "PER", "venues")
    assert "نادي الرائد أحمد الكسار" not in venues


def test_the_person_a_body_is_named_after_is_no_attendee(nlp_rules):
    eponym = (
        "وأوضح المشرف على كرسي المهندس عبدالله بقشان لأبحاث النحل أن المهرجان نجح ."
    )
    assert "عبدالله بقشان" not in _attendees_with_entities(nlp_rules, eponym, None)
    chaired = (
        "تعقد لجنة الاستعداد صباح اليوم برئاسة الأستاذ محمد المرشد المدير العام "
        "للتعليم اجتماع اللجنة بقاعة الاجتماعات ، وبحضور الأستاذ حمد الشنيبر ."
    )
    assert "محمد المرشد" in _attendees_with_entities(nlp_rules, chaired, None)


def test_titled_people_count_only_in_a_story_about_an_event(nlp_rules):
    """The lead names an event (or someone is its patron); a later mention is not enough."""
    lead = "افتتحت بلدية أبها مهرجان الصيف . وزار الدكتور علي الغامدي أجنحة المهرجان ."
    assert "علي الغامدي" in _attendees_with_entities(nlp_rules, lead, None)
    news = (
        "انتقد الرئيس السوري بشار الأسد المعارضة . وقال المحلل إن الوضع صعب . "
        "وأضاف أن النظام يخسر . وكانت بطولة كأس العالم قد أقيمت في الدوحة ."
    )
    assert _attendees_with_entities(nlp_rules, news, None) == []


def test_a_championship_is_an_event_though_it_starts_like_a_preposition(nlp_rules):
    facts = _facts(nlp_rules, "وانطلقت بطولة الخليج للناشئين في الدمام أمس .")
    assert [(e.type, e.name) for e in facts.events] == [
        ("competition", "بطولة الخليج للناشئين")
    ]


def test_a_royal_eponym_is_no_attendee(nlp_rules):
    story = "وأقيم حفل العيد في منتزه الأمير مشاري بن سعود بالباحة ."
    assert _attendees_with_entities(nlp_rules, story, None) == []


def test_a_list_opener_vouches_for_names_and_a_joining_waw_is_dropped(nlp_rules):
    story = (
        "وانطلق المهرجان . وأحيا الشعراء سلطان الأسيمر وثاني الدهمشي وسعد الجميلي "
        "أمسية مميزة ."
    )
    # the NER saw the last two only; the opener الشعراء vouches for the first
    people = ["وثاني الدهمشي", "وسعد الجميلي"]
    assert _attendees_with_entities(nlp_rules, story, people) == [
        "سلطان الأسيمر",
        "ثاني الدهمشي",
        "سعد الجميلي",
    ]
    # after a comma too, unless the word is a name written with و (وليد)
    people = ["علي الحربي", "وسعد الجميلي", "وليد الغامدي"]
    story = "وانطلق المهرجان . بحضور الأستاذ علي الحربي ، وسعد الجميلي ، وليد الغامدي ."
    assert _attendees_with_entities(nlp_rules, story, people) == [
        "علي الحربي",
        "سعد الجميلي",
        "وليد الغامدي",
    ]


def test_a_dual_opener_vouches_for_two_names_not_for_a_clause_after_a_comma(nlp_rules):
    story = (
        "وتضمن الاحتفال أمسية شعرية أحياها الشاعران لافي الغيداني وفراج الكرشمي ، "
        "تناولت حب الوطن ."
    )
    # the NER saw neither name: the dual الشاعران vouches for both; past the
    # comma with no و, the clause needs the NER's word, which it did not give
    assert _attendees_with_entities(nlp_rules, story, []) == [
        "لافي الغيداني",
        "فراج الكرشمي",
    ]


def test_under_ner_a_word_glued_to_a_preposition_after_an_office_is_no_name(nlp_rules):
    story = (
        "وانطلق المهرجان . ويحظى المهرجان بدعم ورعاية سمو أمير المنطقة ليصبح سمة "
        "من سماتها ، بحضور مساعده العقيد ركن بجاد السليمي ."
    )
    # the NER tagged neither: a title vouches for بجاد, an office alone for no verb
    assert _patrons_with_people(nlp_rules, story, []) == [None]
    assert _attendees_with_entities(nlp_rules, story, []) == ["بجاد السليمي"]


def test_patronage_from_someone_is_patronage(nlp_rules):
    story = "افتتح المتحف بحلته الجديدة برعاية من الأمير سلطان بن سلمان ."
    assert [p.name for p in _facts(nlp_rules, story).patrons] == ["سلطان بن سلمان"]


def test_a_later_opener_adds_its_named_subject_as_patron(nlp_rules):
    facts = _facts(
        nlp_rules,
        "اختتم رئيس بلدية القريات المهندس علي الشمري ملتقى الجوف للفن التشكيلي ، "
        "وكان محافظ القريات بالإنابة فيصل الشامي ، يرافقه مدير الجمعية نواف الخالدي "
        "، قد افتتحا الملتقى يوم الأحد .",
    )
    assert [p.name for p in facts.patrons] == ["علي الشمري", "فيصل الشامي"]


def test_who_explained_what_the_guest_listened_to_attends(nlp_rules):
    story = (
        "افتتح المحافظ معرض الصور ، واستمع سموه إلى شرح مفصل عن الصور المشاركة "
        "من مشرف المعرض مفرح السويلمي ."
    )
    assert [(a.name, a.role, a.rule) for a in _facts(nlp_rules, story).attendees] == [
        ("مفرح السويلمي", "مشرف المعرض", "explainer")
    ]
    group = story.replace("مشرف المعرض مفرح السويلمي", "المرشدين السياحيين")
    assert _facts(nlp_rules, group).attendees == []  # no one named
    told = story.replace("واستمع سموه إلى", "وقدم")  # no listening verb
    assert "explainer" not in {a.rule for a in _facts(nlp_rules, told).attendees}


def test_a_jury_s_members_attend(nlp_rules):
    story = (
        "وتتم مناقشة المتسابقين من قبل لجنة التحكيم المكونة من الدكتور زيد الفضيل ، "
        "والدكتورة أمل القثامي ."
    )
    assert [(a.name, a.title) for a in _facts(nlp_rules, story).attendees] == [
        ("زيد الفضيل", "الدكتور"),
        ("أمل القثامي", "الدكتورة"),
    ]


def test_closing_a_statement_makes_no_opener_patron(nlp_rules):
    """اختتم with a statement as its object ends what was said, not an event."""
    closed = "واختتم الشيخ الخزيم الملتقى بشكر الداعمين ."
    assert _patrons_with_people(nlp_rules, closed, ["الخزيم"]) == ["الخزيم"]
    said = "واختتم الشيخ الخزيم تصريحه بشكر الداعمين ."
    assert _patrons_with_people(nlp_rules, said, ["الخزيم"]) == []
    subject = "وكان محافظ القريات فيصل الشامي قد افتتح كلمته بالترحيب بالضيوف ."
    assert [p.name for p in _facts(nlp_rules, subject).patrons] == []
    held = "وكان محافظ القريات فيصل الشامي قد افتتح الملتقى يوم الأحد ."
    assert [p.name for p in _facts(nlp_rules, held).patrons] == ["فيصل الشامي"]
    talk = "وفي الأمسية اختتم حديث المؤلفين الدكتور محمد العمري عن ديوانه ."
    assert _facts(nlp_rules, talk).patrons == []


def test_a_title_after_an_indefinite_event_noun_names_the_event(nlp_rules):
    named = "واختتمت مسابقة الأمير سلطان القرآنية فعالياتها في المسجد أمس ."
    assert _facts(nlp_rules, named).patrons == []
    subject = "وافتتح المعرض الأمير خالد الفيصل أمير منطقة مكة المكرمة أمس ."
    assert [p.name for p in _facts(nlp_rules, subject).patrons] == ["خالد الفيصل"]


def test_the_agent_of_a_passive_honouring_is_the_patron(nlp_rules):
    facts = _facts(
        nlp_rules,
        "وسيتم تكريم الفائزين بالمسابقة ، إذ سيتم تكريمهم من قبل معالي محافظ "
        "الطائف فهد بن عبد العزيز بن معمر خلال الحفل .",
    )
    assert [(p.name, p.role) for p in facts.patrons] == [
        ("فهد بن عبد العزيز بن معمر", "محافظ الطائف")
    ]


def test_venue_names_take_tribe_links_and_skip_mere_descriptions(nlp_rules):
    assert [
        v.name for v in _facts(nlp_rules, "وأقيم الحفل في سوق بني مالك بجدة .").venues
    ] == ["سوق بني مالك بجدة"]
    assert _facts(nlp_rules, "وأقيم الحفل في مجمع سكني .").venues == []


def test_names_sharing_a_first_word_are_two_entities():
    from extractor.pipeline.resolve import same_name

    assert not same_name(["سعد", "جميلي"], ["سعد", "خلاوي"])
    assert not same_name(["وزارة", "زراعة"], ["وزارة", "صحة"])
    assert not same_name(["خالد", "فيصل"], ["تركي", "فيصل"])  # nor a last word
    assert same_name(["زياد", "بن", "نحيت"], ["زياد", "بن", "حجاب", "بن", "نحيت"])
    assert same_name(["فريق", "بوينت", "تطوعي"], ["فريق", "بوينت", "تطوعي", "بالتطوع"])


def test_a_father_named_inside_his_sons_lineage_is_another_man(nlp_rules):
    story = (
        "أقام الأمير فيصل بن ثامر حفل معايدة بجدة . حضر الحفل صاحب السمو الملكي "
        "الأمير فيصل بن بندر بن خالد ، وصاحب السمو الملكي الأمير خالد بن فيصل بن "
        "بندر بن خالد ، والمهندس عبدالله بن جارالله العضيب ، والشيخ جارالله بن "
        "عبدالله العضيب ."
    )
    assert [a.name for a in _facts(nlp_rules, story).attendees] == [
        "فيصل بن بندر بن خالد",  # the host فيصل بن ثامر organizes
        "خالد بن فيصل بن بندر بن خالد",
        "عبدالله بن جارالله العضيب",
        "جارالله بن عبدالله العضيب",
    ]


def test_a_titled_host_holds_the_party_where_no_body_is_named(nlp_rules):
    story = (
        "أقام صاحب السمو الملكي الأمير فيصل بن ثامر بن عبدالعزيز مساء أمس حفل "
        "معايدة بجدة . حضر الحفل صاحب السمو الملكي الأمير فيصل بن بندر بن خالد "
        "بن عبدالعزيز ."
    )
    facts = _facts(nlp_rules, story)
    assert [o.name for o in facts.organizers] == ["فيصل بن ثامر بن عبدالعزيز"]
    # one first name and one grandfather, two fathers: two men
    assert [a.name for a in facts.attendees] == ["فيصل بن بندر بن خالد بن عبدالعزيز"]
    tv = "ويستضيف الشيخ إبراهيم الدويش برنامج «عائشة» ، ويقام حفل ختامي ."
    assert _facts(nlp_rules, tv).organizers == []  # a programme he presents


def test_names_written_with_a_compound_apart_are_one():
    from extractor.pipeline.resolve import _words, same_name

    one = _words("محمد بن عبدالرحمن المخرج")
    assert same_name(one, _words("محمد بن عبد الرحمن المخرج"))
    assert same_name(_words("عبد العزيز بن أحمد"), _words("عبد العزيز بن أحمداختتمت"))
    assert not same_name(_words("زياد بن محمد"), _words("زياد بن محمدي"))


def test_a_title_left_in_a_name_does_not_make_it_another_man():
    from extractor.pipeline.facts import Candidate
    from extractor.pipeline.resolve import key_tokens, same_name

    titled = Candidate(
        "attendees", 0, 1, {"name": "الأمير تركي بن مقرن بن عبدالعزيز"}, ""
    )
    bare = Candidate("attendees", 2, 3, {"name": "تركي بن مقرن"}, "")
    assert same_name(key_tokens(titled), key_tokens(bare))


def test_two_poets_with_one_first_name_are_both_attendees(nlp_rules):
    story = (
        "وفي المهرجان أحيا الشعراء سعد الخلاوي ، نواف التركي أمسية . "
        "ثم أحيا الشعراء سلطان الأسيمر ، سعد الجميلي أمسية ثانية ."
    )
    names = [a.name for a in _facts(nlp_rules, story).attendees]
    assert "سعد الخلاوي" in names and "سعد الجميلي" in names


def test_a_long_royal_name_is_read_whole(nlp_rules):
    story = "رعى صاحب السمو الأمير بدر بن محمد بن جلوي آل سعود محافظ الأحساء الحفل ."
    assert [p.name for p in _facts(nlp_rules, story).patrons] == [
        "بدر بن محمد بن جلوي آل سعود"
    ]
    five = (
        "أقام الأمير فيصل بن ثامر حفلا ، حضره صاحب السمو الملكي الأمير محمد بن "
        "فيصل بن بندر بن خالد بن عبدالعزيز ."
    )  # four fathers: nine words
    long_name = "محمد بن فيصل بن بندر بن خالد بن عبدالعزيز"
    # the NER's entity is read whole too
    assert _attendees_with_entities(nlp_rules, five, [long_name])[-1] == long_name


def test_the_place_after_a_verb_of_holding_is_the_venue_town(nlp_rules):
    held = _facts(nlp_rules, "نظمت الجمعية معرضا للكتاب . وأقيم المعرض في لندن .")
    assert [v.name for v in held.venues] == ["لندن"]
    abroad = _facts(nlp_rules, "نظمت الجمعية معرضا للكتاب . وأقيم المعرض في إسبانيا .")
    assert abroad.venues == []  # a country is no venue town
    # under NER a place the gazetteer lacks; the ل of لاهاي is no preposition
    story = "نظمت السفارة معرضا للصور . وأقيم المعرض في لاهاي ."
    assert _with_entities(nlp_rules, story, ["لاهاي"], "LOC", "venues") == ["لاهاي"]


def test_no_venue_without_a_reported_event(nlp_rules):
    facts = _facts(nlp_rules, "وأقيمت المباراة في لندن على ملعب ويمبلي .")
    assert facts.events == [] and facts.venues == []


@pytest.mark.parametrize(
    "story, venues",
    [
        (  # where someone teaches or posts is no venue; activities tell of the event
            (
                "أقامت الجمعية حفلا للأيتام . وأوضح الدكتور عوض الجميعي أستاذ النقد "
                "بجامعة أم القرى أن الأيتام بحاجة إلى الرعاية . وأكد المدير على موقع "
                "«تويتر» نجاحه . وانطلقت فعاليات المسابقات بحديقة أبوخيال ."
            ),
            ["حديقة أبوخيال"],
        ),
        (  # a lead town, in a lead that tells of no event
            (
                "أفادت مصادر طبية في مدينة عدن بارتفاع حصيلة القتلى . "
                "وكان المهرجان قد أقيم العام الماضي ."
            ),
            [],
        ),
        ("انطلقت فعاليات مهرجان الصيف بمحافظة ينبع أمس .", ["محافظة ينبع"]),
        (  # a show put on
            (
                "انطلق مهرجان صيف الباحة أمس . وقدمت فرقة جدة للفنون الشعبية عرضا مميزا "
                "في منتزه السكران ."
            ),
            ["منتزه السكران"],
        ),
    ],
)
def test_a_venue_is_only_in_a_sentence_that_tells_of_an_event(nlp_rules, story, venues):
    assert [v.name for v in _facts(nlp_rules, story).venues] == venues


@pytest.mark.parametrize(
    "story, venues",
    [
        (  # a house the party is held at
            "وأقيم حفل المعايدة لأهالي القرية بمنزل الشيخ سعد بن ناصر أمس .",
            ["منزل الشيخ سعد بن ناصر"],
        ),
        (  # a stand inside the festival
            "تفاعل زوار المهرجان مع حملة التبرع بالدم في ركن جمعية البر الخيرية .",
            ["ركن جمعية البر الخيرية"],
        ),
        (  # the town right after the event's name
            "شهدت أجنحة العارضين في مهرجان العسل في الباحة حركة نشطة .",
            ["الباحة"],
        ),
        (  # a programme is held nowhere; a country is no town
            "وقالت رئيسة مشروع مكافحة التحرش في الدنمارك إن الحملة نجحت .",
            [],
        ),
        (  # a prayer after the eponym and a citation in brackets are no alias
            "أقيم الحفل على ملعب الأمير عبدالرحمن بن سعود (يرحمه الله) أمس .",
            ["ملعب الأمير عبدالرحمن بن سعود"],
        ),
        (
            "وقدم المحاضر ندوة بجامعة الطائف (المصدر، ص 319) أمس .",
            ["جامعة الطائف"],
        ),
        (  # a named facility as the subject of شهد hosts what it saw
            "أقامت الأمانة مهرجان العيد ، وشهدت حديقة المطوية عددا من الأنشطة .",
            ["حديقة المطوية"],
        ),
        (  # a person who witnessed is no place, nor a bare head
            "وشهد الأمير الحفل ، وشهدت الجامعة تطورا كبيرا .",
            [],
        ),
        (  # a bracketed or quoted alias stays, a stop word in it too
            "أقيم الحفل في قاعة (واحة الثقافة) بالنادي .",
            ["قاعة (واحة الثقافة)"],
        ),
        (
            'أقامت الصحيفة حفل معايدة بمقر دار "اليوم" للإعلام بالدمام .',
            ['مقر دار "اليوم"'],
        ),
        (  # a letter cut off a number is no word of a name
            "قضى زوار المهرجان ليلة في منتجع و4 % عند أهلهم .",
            [],
        ),
    ],
)
def test_places_an_event_is_held_at(nlp_rules, story, venues):
    assert [v.name for v in _facts(nlp_rules, story).venues] == venues


def test_under_ner_names_of_places_and_bodies_take_a_second_indefinite_genitive(
    nlp_rules,
):
    story = (
        "دشن المدير الحملة التوعوية بنادي ضباط قوى الأمن الداخلي ، "
        "ونظم مجلس إدارة نادي الفتح برنامج عمله زيارة الأعضاء ."
    )
    venues = _with_entities(nlp_rules, story, [], "PER", "venues")
    assert venues == ["نادي ضباط قوى الأمن الداخلي"]
    assert _organizers_with_entities(nlp_rules, story, []) == ["مجلس إدارة نادي الفتح"]
    # an event's chain keeps one: برنامج عمله is no programme's name
    events = _with_entities(nlp_rules, story, [], "PER", "events")
    assert events == [None]
    # nor a name the NER reads as a person's, nor any without the NER
    paper = "نظمت صحيفة سبق خالد الثواب الحفل ."
    assert _with_entities(nlp_rules, paper, ["خالد الثواب"], "PER", "organizers") == [
        "صحيفة سبق",
        "صحيفة سبق",  # the cue's and the lead subject's, merged later
    ]
    assert [v.name for v in _facts(nlp_rules, story).venues] == ["نادي ضباط"]


def test_a_titled_play_or_operetta_is_an_event_of_the_story(nlp_rules):
    story = (
        "وقدم المحافظ في مستهل الحفل التهنئة للأهالي ، تلا ذلك أوبريت بعنوان "
        "«أمن ولمة شمل» ، وعرض مسرحي للأطفال ."
    )
    facts = _facts(nlp_rules, story)
    # the party the story only calls الحفل stays its event; an untitled show is none
    assert [(e.type, e.name) for e in facts.events] == [
        ("ceremony", None),
        ("other", "أوبريت بعنوان «أمن ولمة شمل»"),
    ]


def test_a_name_with_and_without_quotes_is_one_entity(nlp_rules):
    story = (
        'انطلق مهرجان القطيف "واحتنا فرحانة" أمس . وشهد مهرجان «واحتنا فرحانة» '
        "حضورا كبيرا ."
    )
    facts = _facts(nlp_rules, story)
    assert [e.name for e in facts.events] == ['مهرجان القطيف "واحتنا فرحانة"']


def test_a_title_opened_with_a_right_quote_names_the_event_not_its_organizer(
    nlp_rules,
):
    story = (
        "اختتمت فعاليات برنامج ” الوطن عندنا غالي ” الذي نظمته وكالة شؤون الشباب "
        "أمس ، وأوضح المشرف أن جائزة المركز الأول ستكون سيارة ."
    )
    facts = _facts(nlp_rules, story)
    assert [(e.type, e.name) for e in facts.events] == [
        ("initiative", "برنامج ” الوطن عندنا غالي ”")
    ]
    assert [o.name for o in facts.organizers] == ["وكالة شؤون الشباب"]


def test_a_lead_of_honouring_reports_a_ceremony(nlp_rules):
    story = (
        "هادي العصيمي - سبق - الظهران : كرم المكتب التعاوني للدعوة جميع العاملين "
        "الذين ساهموا في إنجاح أعماله ، وأعلن أسماء الفائزين في جائزة الخط العربي "
        "البالغ قيمتها 100 ألف ريال ."
    )
    assert [(e.type, e.name) for e in _facts(nlp_rules, story).events] == [
        ("ceremony", None),
        ("competition", "جائزة الخط العربي"),
    ]


@pytest.mark.parametrize(
    "story, events",
    [
        (
            (
                "دشن معالي أمين المنطقة مساء ثاني أيام العيد «الحارة الحجازية» "
                "والفعاليات المصاحبة ."
            ),
            [("opening", "الحارة الحجازية")],
        ),
        ("دشنت شركة «بيجو» الفرنسية سيارة جديدة .", []),  # a body's name
        ("وتفتتح القمة أعمالها في 24 يوليو (تموز) الحالي .", []),  # a gloss
        ('دشن الفريق حصصه على ملعب قرطاج بالعاصمة "تونس" .', []),  # a place
    ],
)
def test_a_quoted_title_a_verb_of_launching_opened_is_an_opening(
    nlp_rules, story, events
):
    assert [(e.type, e.name) for e in _facts(nlp_rules, story).events] == events


def test_an_office_only_patron_held_by_the_named_patron_is_one_patron(nlp_rules):
    story = (
        "دشن الأمير فيصل بن خالد أمير منطقة عسير مهرجان أبها للتسوق . وأوضح المدير "
        "أن المهرجان يحظى بدعم ورعاية سمو أمير منطقة عسير وبرعاية الأمير فيصل بن خالد ."
    )
    assert [p.name for p in _facts(nlp_rules, story).patrons] == ["فيصل بن خالد"]
    # an office nobody named holds stays a patron of its own
    other = (
        "برعاية محافظ شقراء أقيم الاحتفال ، وحضر الأمير فيصل بن خالد أمير منطقة عسير ."
    )
    assert [p.role for p in _facts(nlp_rules, other).patrons] == ["محافظ شقراء"]


def test_a_states_programme_or_a_un_body_is_no_event(nlp_rules):
    story = (
        "وقال الوزير إن برنامج إيران النووي يثير القلق ، وقدم برنامج الأغذية "
        "العالمي مساعدات ، وأطلقت الحكومة برنامج التقشف ."
    )
    assert _facts(nlp_rules, story).events == []
    # nor are campaigns of war and policing, nor the holders (حَمَلة) of a degree
    war = "وتواصل الحملة العسكرية ، وطالب حملة البكالوريوس بالتعيين ."
    assert _facts(nlp_rules, war).events == []


def test_an_unnamed_meeting_with_people_present_is_an_event(nlp_rules):
    story = "وسيعقد يوم الخميس لقاء عام، بحضور أمين العاصمة الدكتور أسامة البار ."
    facts = _facts(nlp_rules, story)
    assert [(e.type, e.name) for e in facts.events] == [("meeting", None)]
    assert [a.name for a in facts.attendees] == ["أسامة البار"]
    # a meeting only spoken of, a broadcast or a project with people around: none
    for story in (
        "وأكد أن لقاء عاما سيجمع الأعضاء .",
        "وسيبث برنامج تلفزيوني بحضور مندوب الصليب الأحمر .",
        "وكانت الشركة شريكا في مشروع رعاه الاتحاد الأوروبي .",
    ):
        assert _facts(nlp_rules, story).events == [], story


@pytest.mark.parametrize(
    "story, attendees",
    [
        (
            "أقامت الأمانة حفل معايدة ، وشاهد الحضور عرضا مسرحيا قدّمه طلاب جامعة عفت .",
            ["جامعة عفت"],
        ),
        (
            (
                "أقامت البلدية حفل معايدة ، ثم قدمت مجموعة من أطفال جمعية انسان "
                "بالمحافظة بطاقات تهاني ."
            ),
            ["جمعية انسان بالمحافظة"],
        ),
        (  # a board or a staff of no named body is none; the list reads on past it
            (
                "أقيم الحفل بحضور أعضاء مجلس الإدارة ورئيس النادي الأستاذ "
                "سليمان العفالق ."
            ),
            ["سليمان العفالق"],
        ),
        ("أقيم الحفل بحضور عدد من منسوبي الجمعية .", []),
    ],
)
def test_a_named_body_whose_members_take_part_attends(nlp_rules, story, attendees):
    assert [a.name for a in _facts(nlp_rules, story).attendees] == attendees


def test_an_event_noun_with_its_holders_pronoun_after_a_verb_of_holding(nlp_rules):
    facts = _facts(nlp_rules, "أقامت جمعية البر حفلها السنوي الثالث بحضور المحافظ .")
    assert [(e.type, e.name, e.edition) for e in facts.events] == [
        ("ceremony", None, 3)
    ]
    meeting = "نظم مجلس القبائل لقاءه السنوي الخامس أمس ."
    events = _facts(nlp_rules, meeting).events
    assert [(e.type, e.edition) for e in events] == [("meeting", 5)]
    # a weak noun without an edition, or no verb of holding: no event
    for story in ("أعلن الوزير برنامجه اليوم .", "وأشاد المحافظ بمعرضها ."):
        assert _facts(nlp_rules, story).events == [], story


def test_a_heading_glued_to_the_lead_does_not_hide_its_subject(nlp_rules):
    story = (
        "برنامج الفعالياتبدأت الرئاسة العامة لرعاية الشباب تجهيزات ملتقى شباب الباحة ."
    )
    facts = _facts(nlp_rules, story)
    assert "الرئاسة العامة لرعاية الشباب" in [o.name for o in facts.organizers]
    # the caption's own event noun is no event: the story tells of the forum
    assert [e.type for e in facts.events] == ["forum"]


def test_a_day_of_activities_is_an_event(nlp_rules):
    story = "شارك الوفد في اليوم الثقافي العربي الذي أقيم ضمن فعاليات المخيم ."
    assert [e.type for e in _facts(nlp_rules, story).events] == ["festival"]
    day = "استقبل النادي أبناء الدار في يوم مفتوح أمس ."
    assert [e.type for e in _facts(nlp_rules, day).events] == ["festival"]


def test_people_after_the_events_pronoun_attend_only_in_an_event_story(nlp_rules):
    story = "أقيم حفل خطابي قدم فيه الشاعر محمد العلي قصيدة وطنية ."
    assert [a.name for a in _facts(nlp_rules, story).attendees] == ["محمد العلي"]
    film = "واحتل الفيلم المركز الثالث والذي يشارك فيه بيل هادير ."
    assert _with_entities(nlp_rules, film, ["بيل هادير"], "PER", "attendees") == []
    # the pronoun is never read as a name (فيه إيفانز، فيها رئيس الاتحاد)
    vote = "وتقام اليوم الانتخابات التي يشارك فيها رئيس الاتحاد مرشحا ."
    assert _with_entities(nlp_rules, vote, [], "PER", "attendees") == []


def test_one_word_of_a_person_after_a_cue_names_no_attendee(nlp_rules):
    story = "أقيم حفل المعايدة ، وشارك نافاس في الحفل بحضور أحمد الغامدي ."
    names = _with_entities(
        nlp_rules, story, ["نافاس", "أحمد الغامدي"], "PER", "attendees"
    )
    assert names == ["أحمد الغامدي"]


def test_who_receives_what_the_event_gives_and_a_colleague_attend(nlp_rules):
    story = (
        "أقامت البلدية حفل معايدة ، وكان درع الحفل من نصيب الشركة تسلمها راشد الدوسري "
        "مستشار الشركة ، ثم ألقيت كلمة للزميل أحمد العكيك ."
    )
    names = [a.name for a in _facts(nlp_rules, story).attendees]
    assert names == ["راشد الدوسري", "أحمد العكيك"]


def test_the_place_residents_come_from_is_no_organizer(nlp_rules):
    story = "احتفل أهالي مركز رغبة بعيد الفطر المبارك ، ونظمت جمعية البر الحفل ."
    assert [o.name for o in _facts(nlp_rules, story).organizers] == ["جمعية البر"]


def test_a_story_that_only_says_the_celebration_reports_it(nlp_rules):
    facts = _facts(
        nlp_rules,
        "احتفل أهالي القرية بعيد الفطر ، وقد أقيم الاحتفال بمنزل الشيخ معجب بن زنان "
        "بحضور الدكتور محمد بن عبدان .",
    )
    assert [(e.type, e.name, e.rule) for e in facts.events] == [
        ("ceremony", None, "event_first_mention")
    ]
    assert [a.name for a in facts.attendees] == ["محمد بن عبدان"]


def test_markets_and_websites_are_neither_venues_nor_events(nlp_rules):
    facts = _facts(
        nlp_rules,
        "افتتح المحافظ معرض الكتاب في سوق عكاظ ، ونشرت صوره على موقع الوزارة "
        "وفي موقع إلكتروني بعد أن تراجع سوق العمل .",
    )
    assert [v.name for v in facts.venues] == ["سوق عكاظ"]
    assert [e.name for e in facts.events] == ["معرض الكتاب"]


def test_an_event_named_only_in_the_accusative_still_has_its_venue(nlp_rules):
    facts = _facts(nlp_rules, "أقامت الجمعية حفلا في قاعة الملك فهد .")
    assert [v.name for v in facts.venues] == ["قاعة الملك فهد"]


def test_the_people_at_the_head_of_the_guests_are_attendees(nlp_rules):
    facts = _facts(
        nlp_rules,
        "وحضر الحفل جمع من المسؤولين في مقدمتهم محافظ جدة مشعل بن ماجد .",
    )
    assert [(a.name, a.role) for a in facts.attendees] == [
        ("مشعل بن ماجد", "محافظ جدة")
    ]


def test_the_body_whose_activities_an_event_is_organizes_it(nlp_rules):
    story = (
        "وزينت سماء أبها بعروض الألعاب النارية ضمن فعاليات الشركة السياحية الوطنية ، "
        "وقال منظم المهرجان الأستاذ مقبل المقبل إن الإقبال كبير ."
    )
    names = [o.name for o in _facts(nlp_rules, story).organizers]
    assert names == ["الشركة السياحية الوطنية", "مقبل المقبل"]
    programme = "افتتح المحافظ المعرض . وتتواصل فعاليات البرنامج الصيفي للطلاب في جدة ."
    assert _facts(nlp_rules, programme).organizers == []


def test_an_initiative_of_a_king_city_is_organized_by_it(nlp_rules):
    story = (
        "وكان أهمها معرض مشكاة التفاعلي الذي يقام بمبادرة من مدينة الملك عبدالله "
        "للطاقة الذرية والمتجددة كأحد المعارض التفاعلية الرائعة ."
    )
    assert [o.name for o in _facts(nlp_rules, story).organizers] == [
        "مدينة الملك عبدالله للطاقة الذرية والمتجددة"
    ]


def test_a_speaker_whose_offices_stand_after_the_verb_is_only_quoted(nlp_rules):
    story = (
        "افتتح المحافظ مهرجان الصيف . وأوضح رئيس اللجنة الإعلامية مدير المركز "
        "الإعلامي الأستاذ حماد الحربي أن الإقبال كبير . وأضافت مشرفة البرنامج "
        "الأستاذة هدى السعيد أن البرنامج ناجح ."
    )
    assert _facts(nlp_rules, story).attendees == []


def test_the_person_thanked_for_his_patronage_is_the_patron(nlp_rules):
    story = (
        "وعبر رئيس المهرجان إبراهيم الجارالله عن شكره لصاحب السمو الملكي الأمير "
        "فيصل بن خالد بن عبدالعزيز أمير منطقة عسير ، على رعايته لمهرجان أبها ."
    )
    facts = _facts(nlp_rules, story)
    assert [(p.name, p.role) for p in facts.patrons] == [
        ("فيصل بن خالد بن عبدالعزيز", "أمير منطقة عسير")
    ]
    assert facts.attendees == []  # the speaker is only quoted (عبر)


def test_thanked_royals_are_no_attendees_and_the_attended_event_is_skipped(nlp_rules):
    story = (
        "افتتح المحافظ المهرجان . ورفع رئيس اللجنة التهنئة لخادم الحرمين الشريفين "
        "الملك سلمان بن عبدالعزيز ، وشكر لصاحب السمو الأمير فيصل بن خالد دعمه . "
        "وحضر الحفل ، كبير سدنة الكعبة المشرفة الشيخ صالح الشيبي ."
    )
    attendees = _facts(nlp_rules, story).attendees
    assert [(a.name, a.role, a.rule) for a in attendees] == [
        ("صالح الشيبي", "كبير سدنة الكعبة المشرفة", "attendee_cue")
    ]


def test_a_definite_office_takes_no_event_as_its_complement(nlp_rules):
    facts = _facts(nlp_rules, "افتتح المحافظ المهرجان أمس .")
    assert [(p.name, p.role) for p in facts.patrons] == [(None, "المحافظ")]
    said = _facts(nlp_rules, "افتتح رئيس المهرجان محمد العلي المعرض .")
    assert [(p.name, p.role) for p in said.patrons] == [("محمد العلي", "رئيس المهرجان")]


def test_an_event_named_after_a_place_has_a_name(nlp_rules):
    facts = _facts(nlp_rules, "أطلق مهرجان أبها يجمعنا نسخته الجديدة لهذا العام .")
    assert [(e.type, e.name) for e in facts.events] == [("festival", "مهرجان أبها")]


def test_a_word_ending_in_heh_is_no_event_noun_spelled_with_teh_marbuta(nlp_rules):
    facts = _facts(
        nlp_rules, "وأشاد المدرب بدوره في الفريق ، وقد حمله أمير قطر الكأس ."
    )
    assert facts.events == []
    assert [
        e.type for e in _facts(nlp_rules, "نظمت الجمعية حملة النظافة .").events
    ] == ["campaign"]


def test_a_group_named_in_quotes_performed_at_the_reported_event(nlp_rules):
    story = (
        "استقبل مهرجان عيدية الزوار ، وشملت فعاليات المهرجان عروضا على المسرح "
        "بقيادة فرقة «عالم فلة الترفيهية» ."
    )
    assert [a.name for a in _facts(nlp_rules, story).attendees] == [
        "فرقة «عالم فلة الترفيهية»"
    ]
    news = "قال المدرب إن فريق «النصر» يستعد للموسم ."  # no event reported
    assert _facts(nlp_rules, news).attendees == []


def test_the_assistant_and_the_deputy_are_offices(nlp_rules):
    story = (
        "أقيم حفل المعايدة بحضور المساعد المالي والإداري زكريا الملا ، "
        "والوكيل المساعد للخدمات مشهور بن محسن المنعمي ."
    )
    people = [(a.name, a.role) for a in _facts(nlp_rules, story).attendees]
    assert people == [
        ("زكريا الملا", "المساعد المالي والإداري"),
        ("مشهور بن محسن المنعمي", "الوكيل المساعد للخدمات"),
    ]


def test_a_pronoun_venue_is_named_by_the_body_it_refers_to(nlp_rules):
    story = (
        "يعرض عدد من الشركات أحدث التقنيات في معرض للكتالوجات ، تنظمه غرفة الشرقية "
        "بمقرها بالتعاون مع مكتب الاتصال ."
    )
    assert [v.name for v in _facts(nlp_rules, story).venues] == ["مقر غرفة الشرقية"]
    # no organizer cue: under NER the ORG entity before it is the owner
    visit = "زار الوفد أرامكو ، وأقيم الحفل بمقرها ."
    assert _with_entities(nlp_rules, visit, ["أرامكو"], "ORG", "venues") == [
        "مقر أرامكو"
    ]
    assert _with_entities(nlp_rules, visit, None, "ORG", "venues") == []


def test_the_people_an_evening_or_lecture_is_by_attend_it(nlp_rules):
    story = (
        "واختتم المهرجان بأمسية شعرية رائعة للنجمين سعيد بن مانع ، فهد الشهراني . "
        "وألقيت محاضرة للدكتور غازي الشمري ."
    )
    names = [a.name for a in _facts(nlp_rules, story).attendees]
    assert names == ["سعيد بن مانع", "فهد الشهراني", "غازي الشمري"]
    book = "وصدر كتاب للدكتور غازي الشمري عن التراث ."  # no event: a book's author
    assert _facts(nlp_rules, book).attendees == []


def test_a_vouched_list_reads_a_name_glued_to_its_waw(nlp_rules):
    story = "أقيمت أمسية شعرية رائعة للنجمين سعيد بن مانع وفهد الشهراني اللذين قدما القصائد ."
    names = [a.name for a in _facts(nlp_rules, story).attendees]
    assert names == ["سعيد بن مانع", "فهد الشهراني"]
    # after a presence cue alone, a word glued to و may be a verb or an office
    cue = "أقيم الحفل ، وحضر الحفل الدكتور صالح الشمراني ومساعدو المحافظ ."
    names = [a.name for a in _facts(nlp_rules, cue).attendees]
    assert names == ["صالح الشمراني"]


def test_untitled_names_that_go_on_a_titled_list_need_the_ner(nlp_rules):
    story = (
        "أقيمت مسابقة القراءة ، وناقشتها لجنة مكونة من الدكتور زيد الفضيل ، "
        "والدكتورة أمل القثامي ، محمد السحيمي وعلي الحربي ، وحافظ الحضور على كثافته ."
    )
    people = [
        "زيد الفضيل",
        "أمل القثامي",
        "محمد السحيمي",
        "وعلي الحربي",
        "وحافظ الحضور",
    ]
    assert _attendees_with_entities(nlp_rules, story, people) == [
        "زيد الفضيل",
        "أمل القثامي",
        "محمد السحيمي",
        "علي الحربي",
    ]  # ، وحافظ ...: a new clause, whatever the NER read
    # without an NER, an untitled name after the list is no attendee
    assert _attendees_with_entities(nlp_rules, story, None) == [
        "زيد الفضيل",
        "أمل القثامي",
    ]


def test_an_office_whose_chain_runs_on_ends_at_the_per_entity(nlp_rules):
    story = (
        "أقيم الحفل وحضره جمع من الدبلوماسيين في مقدمتهم نائب مدير فرع وزارة "
        "الخارجية بمنطقة مكة المكرمة عادل بخش ."
    )
    assert _attendees_with_entities(nlp_rules, story, ["عادل بخش"]) == ["عادل بخش"]
    # ب glued to the word the chain stopped at opens another phrase: not his office
    met = "أقيم الحفل ، واجتمع مدير شرطة المنطقة بقائد قوة جازان سعيد الغامدي ."
    assert "سعيد الغامدي" not in _attendees_with_entities(
        nlp_rules, met, ["سعيد الغامدي"]
    )


def test_the_presenter_of_a_lecture_attends_it(nlp_rules):
    story = (
        "وأقيمت ورشة عمل بعنوان «مهارات البحث» قدمها الدكتور أسامة عبدالسلام ، "
        "ثم قصيدة الأهالي ألقاها نيابة عنهم الشاعر سلطان العرابي ."
    )
    names = [a.name for a in _facts(nlp_rules, story).attendees]
    assert names == ["أسامة عبدالسلام", "سلطان العرابي"]
    # an organization after the same verb grants something: no presenter
    loans = "وأقيم المعرض ، وشمل القروض التي يقدمها صندوق التنمية العقارية ."
    assert _facts(nlp_rules, loans).attendees == []
    # an untitled name: by its shape without NER; under NER only as a PER entity
    plain = "وأقيمت ورشة عمل يقدمها ماجد الشدي ."
    assert _attendees_with_entities(nlp_rules, plain, None) == ["ماجد الشدي"]
    assert _attendees_with_entities(nlp_rules, plain, []) == []
    assert _attendees_with_entities(nlp_rules, plain, ["ماجد الشدي"]) == ["ماجد الشدي"]
    # a plain word before the PER entity (المدرب) is a description of the presenter
    trainer = "وأقيمت دورة تدريبية قدمها المدرب عبدالرحمن الغامدي ."
    assert _attendees_with_entities(nlp_rules, trainer, ["عبدالرحمن الغامدي"]) == [
        "عبدالرحمن الغامدي"
    ]


def test_people_only_referred_to_are_no_attendees(nlp_rules):
    story = (
        "أقيم مهرجان الطفل وفق توجيهات سمو أمير منطقة عسير الأمير فيصل بن خالد ، "
        "وبمتابعة من سعادة وكيل الرئيس العام لشؤون الشباب المكلف الأستاذ سليمان "
        "المسند والأستاذ عبدالعزيز الكريديس ، وتحدث الخصي نيابة عن المشرف العام "
        "المهندس سميحان الشمري ، وكرم الشهيد رئيس رقباء محمد آل ميليد ، "
        "بحضور الأستاذ حمد الشنيبر ."
    )
    assert [a.name for a in _facts(nlp_rules, story).attendees] == ["حمد الشنيبر"]


def test_the_people_a_speaker_congratulates_were_not_there(nlp_rules):
    story = (
        "أقيم حفل المعايدة ، وهنأ رئيس اللجنة الأستاذ سلمان الجمل باسم الأهالي "
        "صاحب السمو الملكي الأمير محمد بن نايف ، وصاحب السمو الأمير بدر بن محمد "
        "محافظ الأحساء . وحضر الحفل الدكتور علي الغامدي ."
    )
    names = [a.name for a in _facts(nlp_rules, story).attendees]
    assert names == ["علي الغامدي"]


def test_the_place_that_holds_a_venue_is_no_second_venue(nlp_rules):
    story = "وأقيم المعرض في قاعة «واحة الثقافة» في الحي التراثي ."
    assert [v.name for v in _facts(nlp_rules, story).venues] == ["قاعة «واحة الثقافة»"]
    # a room after a place is inside it: the room stays
    room = "وأقيم المعرض بمركز الملك فهد الثقافي بقاعة فخر النساء ."
    assert [v.name for v in _facts(nlp_rules, room).venues] == [
        "مركز الملك فهد الثقافي",
        "قاعة فخر النساء",
    ]


def test_the_seat_of_a_body_is_no_venue_unless_the_body_held_the_event(nlp_rules):
    seat = "وقال عضو هيئة التدريس بجامعة الملك سعود إن المهرجان نجح ."
    assert _facts(nlp_rules, seat).venues == []
    held = "نظمت جمعية الثقافة والفنون بالقرية التراثية مهرجانا ."
    assert [v.name for v in _facts(nlp_rules, held).venues] == ["القرية التراثية"]
    meeting = "وعقد اجتماع لجنة الاستعداد بقاعة الاجتماعات بالإدارة ."
    assert [v.name for v in _facts(nlp_rules, meeting).venues] == [
        "قاعة الاجتماعات بالإدارة"
    ]


def test_a_season_festival_is_named_by_its_brand_and_town(nlp_rules):
    story = "وضمن فعاليات عيد وصيف الخرج 36 أقيم مهرجان الطفل بمسرح المتنزه ."
    events = [(e.type, e.name) for e in _facts(nlp_rules, story).events]
    assert ("festival", "عيد وصيف الخرج 36") in events
    holiday = "واحتفل الأهالي بعيد الفطر المبارك ، وفي صيف 2015 زاد الزوار ."
    assert not any(e.type == "festival" for e in _facts(nlp_rules, holiday).events)


def test_whom_an_official_honours_attends(nlp_rules):
    story = (
        "كرم الأمير سعود بن نايف ، أمير المنطقة الشرقية ، الشركة السعودية "
        "للكهرباء نظير رعايتها احتفالات العيد ."
    )
    assert [a.name for a in _facts(nlp_rules, story).attendees] == [
        "الشركة السعودية للكهرباء"
    ]
    place = "كرمت جمعية البر الخيرية بمركز الحكامية المتطوعين في حفل المعايدة ."
    assert _facts(nlp_rules, place).attendees == []


def test_an_office_without_a_name_does_not_end_a_list(nlp_rules):
    story = "وفي الحفل ألقى رئيس المركز والمجلس البلدي كلمات ترحيبية ."
    assert [a.name for a in _facts(nlp_rules, story).attendees] == ["المجلس البلدي"]


def test_a_describing_chain_is_no_event_name(nlp_rules):
    def events(text):
        return [(e.type, e.name) for e in _facts(nlp_rules, text).events]

    assert events("وأقامت البلدية حفل الأهالي بعيد الفطر .") == [("ceremony", None)]
    assert events("وأقيم احتفال أهالي العيون الأول .") == [
        ("ceremony", "احتفال أهالي العيون")
    ]
    assert events("وشارك الأطفال في مسابقة القرآن .") == [("competition", None)]
    assert events("وأقيمت مسابقة الأمير سلطان القرآنية .") == [
        ("competition", "مسابقة الأمير سلطان القرآنية")
    ]
    # a weak noun with a describing chain still reports its event
    assert events("نظير رعايتها احتفالات أهالي المنطقة الشرقية بعيد الفطر .") == [
        ("ceremony", None)
    ]


def test_activities_with_a_quoted_title_are_a_named_festival(nlp_rules):
    story = "وتتواصل فعاليات «السودة أجمل» بمشاركة الأهالي ."
    assert [(e.type, e.name) for e in _facts(nlp_rules, story).events] == [
        ("festival", "السودة أجمل")
    ]


def test_the_speaker_of_a_speech_at_the_event_attends_it(nlp_rules):
    story = "أقيم حفل معايدة للأهالي ، وتخلل الحفل كلمة للدكتور سعيد الغامدي ، ثم قصيدة للشاعر فهد مطر ."
    names = [a.name for a in _facts(nlp_rules, story).attendees]
    assert names == ["سعيد الغامدي", "فهد مطر"]
    # ل right after the noun, glued to a name the NER sees from its second word on
    glued = (
        "أقيم حفل معايدة للأهالي ، وتخلل الحفل كلمة لعمر الزهراني نائب رئيس المكتب ."
    )
    assert _attendees_with_entities(nlp_rules, glued, ["الزهراني"]) == ["عمر الزهراني"]
    # a word between: whom the speech thanks
    thanks = "أقيم حفل معايدة للأهالي ، وألقيت كلمة شكر للدكتور سعيد الغامدي ."
    assert _facts(nlp_rules, thanks).attendees == []


def test_the_body_a_story_opens_with_organizes_only_an_event_of_its_lead(nlp_rules):
    def organizers(text):
        return [o.name for o in _facts(nlp_rules, text).organizers]

    # a team that wins a match, a ministry that announces: no event of theirs
    assert organizers("فاز فريق نادي الزمالك المصري على ضيفه في مباراة الأمس .") == []
    # a verb of holding and an event noun, even a weak one (اتفاقية)
    assert organizers("وقعت غرفة أبها اتفاقية تعاون مع جمعية ريادة الأعمال .") == [
        "غرفة أبها"
    ]


def test_a_body_that_carries_out_organizes_only_an_event(nlp_rules):
    def organizers(text):
        return [o.name for o in _facts(nlp_rules, text).organizers]

    works = "وأقيم المهرجان . وتنفذ أمانة منطقة المدينة المنورة حاليا مشروعات للطرق ."
    assert "أمانة منطقة المدينة المنورة" not in organizers(works)
    campaign = "ينفذ المركز الطبي الجامعي بالتعاون مع الشؤون الصحية حملة تطعيم ."
    assert "المركز الطبي الجامعي" in organizers(campaign)
    # بتنفيذ: the event comes before it
    activity = "وانطلق عيد جلاجل بفعالية الحوامة في متنزه الشلال بتنفيذ نادي سدير ."
    assert "نادي سدير" in organizers(activity)


def test_an_activity_noun_that_ends_the_text_breaks_nothing(nlp_rules):
    # the owner scan once looked one token past the end here (IndexError on 2 corpus articles)
    story = "نظمت بلدية المحافظة مهرجان الصيف وتواصلت الفعاليات"
    assert [o.name for o in _facts(nlp_rules, story).organizers] == ["بلدية المحافظة"]


def test_the_facility_or_town_a_verb_of_hosting_names_is_the_venue(nlp_rules):
    symposium = (
        "وتناولت ندوة «نحو حرب باردة جديدة» ، التي احتضنتها مكتبة الأمير بندر ، "
        "ثلاثة محاور ."
    )
    assert [v.name for v in _facts(nlp_rules, symposium).venues] == [
        "مكتبة الأمير بندر"
    ]
    # FACTS.md: a host town is the venue when no facility is named
    games = "وتنطلق البطولة العربية للمنتخبات التي تستضيفها محافظة ينبع غدا ."
    assert [v.name for v in _facts(nlp_rules, games).venues] == ["محافظة ينبع"]


def test_the_unit_an_organizing_body_acts_through_organizes_too(nlp_rules):
    story = "نظمت غرفة الشرقية ممثلة بمركز التوظيف لقاء وظيفيا لدعم المشروع ."
    facts = _facts(nlp_rules, story)
    assert [o.name for o in facts.organizers] == ["غرفة الشرقية", "مركز التوظيف"]
    assert facts.venues == []  # the unit is no place the meeting was held in
    chain = (
        "بدأت الرئاسة العامة لرعاية الشباب ، ممثلة في وكالة شؤون الشباب ، "
        "الإدارة العامة للهيئات الشبابية ، تجهيزات ملتقى شباب الباحة الثاني ."
    )
    assert [o.name for o in _facts(nlp_rules, chain).organizers][-1] == (
        "الإدارة العامة للهيئات الشبابية"
    )


def test_bodies_that_share_in_organizing_and_their_unit_organize(nlp_rules):
    story = (
        "وقال في حفل افتتاح الفعاليات التي تشترك في تنظيمها أمانة المنطقة "
        "وغرفة الشرقية ممثلة بصندوق المناسبات : إن مهرجان صيف الشرقية ثمرة تعاون ."
    )
    assert [o.name for o in _facts(nlp_rules, story).organizers] == [
        "أمانة المنطقة",
        "غرفة الشرقية",
        "صندوق المناسبات",
    ]
    # the body's town may stand between the body and the unit it acts through
    town = (
        "تنطلق فعاليات ملتقى ضوء الأول ، الذي تنظمه جمعية الثقافة والفنون في أبها ، "
        "ممثلة في لجنة التصوير الضوئي بالجمعية ."
    )
    assert [o.name for o in _facts(nlp_rules, town).organizers] == [
        "جمعية الثقافة والفنون",
        "لجنة التصوير الضوئي بالجمعية",
    ]


def test_direct_supervision_names_the_organizer(nlp_rules):
    story = (
        "وانطلق مهرجان تبوك البحري ، بإشراف مباشر من الهيئة العامة للسياحة "
        "والتراث الوطني ."
    )
    assert [o.name for o in _facts(nlp_rules, story).organizers] == [
        "الهيئة العامة للسياحة والتراث الوطني"
    ]


def test_represented_by_names_no_organizer_on_its_own(nlp_rules):
    # ممثلة في is apposition: a unit organizes only after an organizing body
    seminar = (
        "وأكد في حفل افتتاح الندوة أن مشاركة المملكة ممثلة في وزارة الشؤون "
        "الإسلامية في أعمال هذه الندوة تأتي دعما للحوار ."
    )
    assert _facts(nlp_rules, seminar).organizers == []
    politics = (
        "ودعا الرئيس خلال المؤتمر إلى محاربة التطرف ممثلا في «داعش» والجماعات الأخرى ."
    )
    assert _facts(nlp_rules, politics).organizers == []


def test_an_event_noun_made_definite_by_its_annexed_word_refers_back(nlp_rules):
    story = (
        "نظم مركز المعلومات الوطني أمس ورشة عمل للجوازات . "
        "وسلطت ورشة العمل الضوء على الآلية الجديدة ."
    )
    events = _facts(nlp_rules, story).events
    assert [(e.type, e.name) for e in events] == [("workshop", None)]


def test_an_office_in_a_list_may_stand_before_its_holder_with_a_comma(nlp_rules):
    story = (
        "أقامت جمعية البر الخيرية دورة تدريبية . حضر الدورة وكيل محافظ العارضة ، "
        "الشيخ صالح الودعاني ، والمشرف العام على الجمعية ، الشيخ حسين الحريصي ، "
        "وعضو مجلس الإدارة ، الشيخ أسعد جذمي ."
    )
    attendees = _facts(nlp_rules, story).attendees
    assert [(a.name, a.role) for a in attendees] == [
        ("صالح الودعاني", "وكيل محافظ العارضة"),
        ("حسين الحريصي", "المشرف العام على الجمعية"),
        ("أسعد جذمي", "عضو مجلس الإدارة"),
    ]  # an office joined by و is the next item's, not the name's before it
    # without a title, only a PER entity is the holder
    bare = (
        "أقامت الجمعية دورة تدريبية . حضر الدورة وكيل محافظ العارضة ، صالح الودعاني ."
    )
    assert _attendees_with_entities(nlp_rules, bare, []) == []
    assert _attendees_with_entities(nlp_rules, bare, ["صالح الودعاني"]) == [
        "صالح الودعاني"
    ]


def test_winners_attend_the_competition_they_placed_in(nlp_rules):
    story = (
        "أقيمت مسابقة التصوير الضوئي في الرياض . وفاز بالمركز الأول في مسابقة "
        "التصوير الضوئي يوسف المسعود ، فيما حصل محمد الحاجي على المركز الثاني ، "
        'وحصل على المركز الثالث المركب " غنييه " لسالم السيد .'
    )
    people = ["يوسف المسعود", "محمد الحاجي", "لسالم السيد"]
    assert _attendees_with_entities(nlp_rules, story, people) == [
        "يوسف المسعود",
        "محمد الحاجي",
        "سالم السيد",
    ]
    # a verb of winning with no placing near reports no result
    degree = (
        "أقيمت مسابقة التصوير الضوئي في الرياض . وحصل محمد الحاجي على شهادة الدكتوراه ."
    )
    assert _attendees_with_entities(nlp_rules, degree, ["محمد الحاجي"]) == []


def test_placings_coordinated_after_a_winner_share_its_verb(nlp_rules):
    story = (
        "أقيم سباق القوارب الشراعية في أملج . وحصل على المركز الأول المركب "
        '" غنييه " لسالم السيد ، والمركز الثاني " مبروكة " لمساعد الكبيدي '
        'والمركز الثالث المركب " عاصفة الحزم " لأحمد سنوسي .'
    )
    people = ["لسالم السيد", "لمساعد الكبيدي", "لأحمد سنوسي", "الحزم"]
    assert _attendees_with_entities(nlp_rules, story, people) == [
        "سالم السيد",
        "مساعد الكبيدي",
        "أحمد سنوسي",
    ]  # a name quoted for what won (عاصفة الحزم) is not its owner
    # the NER may leave out a ل-glued first name: the owner is read from it
    late = ["لسالم السيد", "الكبيدي", "لأحمد سنوسي", "الحزم"]
    assert _attendees_with_entities(nlp_rules, story, late)[1] == "مساعد الكبيدي"
    # the NER found the first owner only: the later placings' owners after ل
    # are read as his was, up to the next و (a definite surname included)
    first = ["لسالم السيد", "الحزم"]
    longer = story.replace("لمساعد الكبيدي", "لمساعد صميط الكبيدي")
    assert _attendees_with_entities(nlp_rules, longer, first) == [
        "سالم السيد",
        "مساعد صميط الكبيدي",
        "أحمد سنوسي",
    ]
    # not when the first placing named no owner after ل
    body = story.replace("لسالم السيد", "لفريق الهلال")
    assert _attendees_with_entities(nlp_rules, body, ["الحزم"]) == []
    # a placing in the next sentence has no verb of its own to share
    apart = story.replace("لمساعد الكبيدي والمركز", "لمساعد الكبيدي . والمركز")
    assert _attendees_with_entities(nlp_rules, apart, people) == [
        "سالم السيد",
        "مساعد الكبيدي",
    ]


def test_a_quoted_alias_is_part_of_a_name_but_a_quoted_event_title_is_not(nlp_rules):
    partner = "نجحت مبادرة «نرسم بسمتهم» بالشراكة مع فريق «لأجلك ياوطن» التطوعي ."
    assert [o.name for o in _facts(nlp_rules, partner).organizers] == [
        "فريق «لأجلك ياوطن» التطوعي"
    ]
    opened = 'دشن أمس بقرية المفتاحة بأبها " معرض فناني القرية " المقام ضمن المهرجان .'
    assert [v.name for v in _facts(nlp_rules, opened).venues] == ["قرية المفتاحة بأبها"]


def test_a_company_s_patronage_is_sponsorship_not_patronage(nlp_rules):
    story = "أقيم حفل المعايدة برعاية شركة اسمنت المدينة بحضور محافظ مرات سعد بن معمر ."
    facts = _facts(nlp_rules, story)
    assert facts.patrons == []
    assert [a.name for a in facts.attendees] == ["سعد بن معمر"]


def test_an_event_noun_that_opens_a_quote_names_the_event_with_the_quote(nlp_rules):
    story = 'ينطلق غدا " مهرجان أبها يجمعنا " بمشاركة واسعة .'
    events = _facts(nlp_rules, story).events
    assert [(e.type, e.name) for e in events] == [("festival", "مهرجان أبها يجمعنا")]
    edition = "ينظم المكتب التعاوني «ملتقى ربوة الرياض السابع» ضمن فعاليات الصيف ."
    events = _facts(nlp_rules, edition).events
    assert [(e.name, e.edition) for e in events] == [("ملتقى ربوة الرياض", 7)]
    # quoted speech that starts with an event noun is no title (the campaign
    # it refers to stays unnamed)
    speech = 'وقال المدير بعد فعاليات اليوم : " الحملة لا تتوقف حتى نهاية الشهر " .'
    assert [e.name for e in _facts(nlp_rules, speech).events] == [None]


def test_an_office_may_run_through_a_royal_name_to_its_holder(nlp_rules):
    story = (
        "وكان رئيس الجمعية سلطان البازعي قد دشن المعرض بحضور مسؤول الشؤون "
        "الاقتصادية بسفارة خادم الحرمين الشريفين بالأردن حاتم خياط ."
    )
    found = _attendees_with_entities(nlp_rules, story, ["سلطان البازعي", "حاتم خياط"])
    assert set(found) == {"سلطان البازعي", "حاتم خياط"}  # raw: resolve drops the patron
    assert [p.name for p in _facts(nlp_rules, story).patrons] == ["سلطان البازعي"]
    # the opener is not looked for past بحضور: those are the attendees


def test_an_event_s_own_place_and_a_bare_numbered_event_name_nothing(nlp_rules):
    match = 'أقيم حفل الختام على ملعب " لوفتس رود " ، وبيعت التذاكر في ملعب الحفل .'
    assert [v.name for v in _facts(nlp_rules, match).venues] == ['ملعب " لوفتس رود "']
    first = "وأكد المدير أن المشروع الأول في المنطقة نجح ."  # no name, no event
    assert _facts(nlp_rules, first).events == []


def test_a_body_s_name_goes_on_after_a_quoted_alias(nlp_rules):
    story = "نظم مركز «الذيد» للفنون بالتعاون مع اتحاد المصورين العرب معرضا للتصوير ."
    assert [o.name for o in _facts(nlp_rules, story).organizers] == [
        "مركز «الذيد» للفنون",
        "اتحاد المصورين العرب",
    ]


def test_an_office_and_a_further_office_before_the_holder_with_commas(nlp_rules):
    story = (
        "افتتح مستشار خادم الحرمين الشريفين ، أمير منطقة مكة المكرمة الأمير "
        "خالد الفيصل ، معرض الكتاب ، بحضور رئيس مجلس إدارة مركز الملك فيصل "
        "للبحوث الأمير تركي الفيصل ."
    )
    facts = _facts(nlp_rules, story)
    assert [(p.name, p.role) for p in facts.patrons] == [
        ("خالد الفيصل", "مستشار خادم الحرمين الشريفين ، أمير منطقة مكة المكرمة")
    ]
    # the royal name is the centre's eponym; the brother is a second man
    assert [(a.name, a.role) for a in facts.attendees] == [
        ("تركي الفيصل", "رئيس مجلس إدارة مركز الملك فيصل للبحوث")
    ]


def test_a_place_phrase_after_an_office_is_no_name(nlp_rules):
    story = "أقيم لقاء تعارف بحضور المشرف على سنة الامتياز بكلية الطب ."
    assert _facts(nlp_rules, story).attendees == []


def test_a_facility_that_completes_an_office_is_a_post_not_a_venue(nlp_rules):
    story = (
        "أقيم حفل التكريم بقاعة الفرح بنجران ، وحضره صالح آل قحيشي مدير شؤون "
        "الموظفين في مستشفى الظافر ."
    )
    assert [v.name for v in _facts(nlp_rules, story).venues] == ["قاعة الفرح بنجران"]
    # a room after an office is still where the meeting sat
    meeting = (
        "عقدت اللجنة اجتماعا برئاسة مدير التعليم في قاعة الاجتماعات الرئيسة بالإدارة ."
    )
    assert [v.name for v in _facts(nlp_rules, meeting).venues] == [
        "قاعة الاجتماعات الرئيسة بالإدارة"
    ]


def test_a_state_is_no_venue_town(nlp_rules):
    story = "وأقيم المعسكر التدريبي في جمهورية تركيا ."
    assert _with_entities(nlp_rules, story, ["جمهورية تركيا"], "LOC", "venues") == []


def test_a_list_reads_on_past_a_first_item_no_rule_reads(nlp_rules):
    story = (
        "احتفل الشيخ سعد السبر بزواج ابنته بقصر المها . حضر الحفل جمع من الأهالي ، "
        "والشيخ محمد السبر ، والدكتور عقيل العقيل ."
    )
    names = [a.name for a in _facts(nlp_rules, story).attendees]
    assert names == ["محمد السبر", "عقيل العقيل"]
    # the definite words after the event object go with it, up to a title
    coach = (
        "احتفل الشيخ سعد السبر بزواج ابنته . حضر الحفل المدرب الإعلامي علي الموينع ."
    )
    assert [a.name for a in _facts(nlp_rules, coach).attendees] == ["علي الموينع"]


def test_a_dual_facility_head_names_both_places(nlp_rules):
    story = (
        "اختتم المهرجان فعالياته وسط حضور كبير في خيمتي الفعاليات الشبابية والنسائية ."
    )
    assert [v.name for v in _facts(nlp_rules, story).venues] == [
        "خيمتي الفعاليات الشبابية والنسائية"
    ]


def test_the_event_object_of_a_presence_verb_is_read_past_with_its_complement(
    nlp_rules,
):
    story = (
        "أقيم حفل تسليم الجائزة بأبها ، وحضر حفل التسليم ممثل الغرفة التجارية "
        "بمنطقة عسير الأستاذ يحيى قويدر ."
    )
    attendees = _facts(nlp_rules, story).attendees
    assert [(a.name, a.role) for a in attendees] == [
        ("يحيى قويدر", "ممثل الغرفة التجارية بمنطقة عسير")
    ]


def test_a_street_named_after_a_prince_names_nobody_present(nlp_rules):
    story = (
        "افتتح أمين المنطقة معرض الكتاب . ووافق المجلس على نزع ملكية 10 عقارات "
        "لصالح امتداد شارع الأمير محمد بن سعود وتوسعة طريق الملك سعود ."
    )
    assert _facts(nlp_rules, story).attendees == []


def test_under_ner_a_one_word_name_after_an_office_must_be_a_person(nlp_rules):
    story = "أقيم الحفل برعاية أمير منطقة مكة المكرمة لحفل الختام ."
    raw = _with_entities(nlp_rules, story, [], "PER", "patrons")
    assert raw == [None]  # the office alone: لحفل is no name
    named = "أقيم الحفل برعاية أمير منطقة مكة المكرمة خالد ."
    assert _with_entities(nlp_rules, named, ["خالد"], "PER", "patrons") == ["خالد"]


def test_a_draft_law_is_a_text_not_an_event(nlp_rules):
    story = (
        "وصادق مجلس النواب على مشروع القانون الأساسي لمكافحة الإرهاب بأغلبية 174 صوتا ."
    )
    assert _facts(nlp_rules, story).events == []


def test_a_verb_of_offering_names_an_attendee_only_in_an_event_story(nlp_rules):
    politics = "وقدم الرئيس هادي للمبعوث الدولي شرحا عن الأوضاع في اليمن ."
    assert _facts(nlp_rules, politics).attendees == []
    ceremony = "أقيم حفل معايدة أهالي المحافظة بالنادي ، وقدم الشيخ صالح السليم هدية ."
    assert [a.name for a in _facts(nlp_rules, ceremony).attendees] == ["صالح السليم"]


def test_the_leaders_of_a_group_named_present_are_attendees(nlp_rules):
    story = (
        "أقيم حفل المعايدة في النادي . وشارك في الحفل عدد من الشعراء ، يتقدمهم "
        "الشاعر حمود المرزوقي ، والشاعر عجب المرزوقي ."
    )
    assert [a.name for a in _facts(nlp_rules, story).attendees] == [
        "حمود المرزوقي",
        "عجب المرزوقي",
    ]
    # with no presence cue a few words before, the group is any group
    lost = (
        "أقيم حفل المعايدة في النادي . وخسر الفريق جهود لاعبيه وعلى رأسهم "
        "محمد الشهري و أحمد الغامدي ."
    )
    people = ["محمد الشهري", "أحمد الغامدي"]
    assert _attendees_with_entities(nlp_rules, lost, people) == []


def test_a_title_may_carry_adjectives_and_a_name_its_diacritics(nlp_rules):
    story = (
        "أقيم حفل المعايدة في النادي . كما شارك الراوي المعروف محمد الشرهان بكلمة ، "
        "وشارك المنشد فيصل لبّان ."
    )
    attendees = _facts(nlp_rules, story).attendees
    assert [(a.title, a.name) for a in attendees] == [
        ("الراوي المعروف", "محمد الشرهان"),
        ("المنشد", "فيصل لبّان"),
    ]
    retired = "أقيم حفل المعايدة في النادي . وشارك فيه اللواء متقاعد عبدالله البوشي ."
    assert [(a.title, a.name) for a in _facts(nlp_rules, retired).attendees] == [
        ("اللواء متقاعد", "عبدالله البوشي")
    ]
    # a word with tanween is an adverb, never a name's first word
    adverb = "أقيم حفل المعايدة في النادي بحضور مدير المركز سابقاً عبدالرحمن المعتق ."
    found = _attendees_with_entities(nlp_rules, adverb, ["عبدالرحمن المعتق"])
    assert "سابقاً عبدالرحمن المعتق" not in found


def test_a_royal_eponym_the_ner_ran_into_a_name_stays_in_the_office(nlp_rules):
    story = (
        "وأقيم حفل للطلاب الموهوبين أمس ، بحضور وكيل جامعة الملك خالد "
        "الدكتور مرعي بن حسين القحطاني ."
    )
    # the NER tagged خالد with the holder's title and name as one person
    people = ["خالد الدكتور مرعي بن حسين القحطاني"]
    found = _attendees_with_entities(nlp_rules, story, people)
    assert set(found) == {"مرعي بن حسين القحطاني"}  # raw: the cue and the title each
    town = "وأقيم حفل للطلاب أمس ، بحضور محافظ بدر الأستاذ مبارك المورقي ."
    found = _attendees_with_entities(nlp_rules, town, ["بدر الأستاذ مبارك"])
    assert set(found) == {"مبارك المورقي"}


def test_the_existence_of_a_body_is_no_presence(nlp_rules):
    # بوجود introduces people present, never a body: بوجود X is "with X existing"
    story = (
        "وقال في المؤتمر إن من لا يرغب بوجود إدارة موحدة في الإقليم "
        "فليبحث عن مكان آخر ."
    )
    assert _facts(nlp_rules, story).attendees == []
    people = "أقيم مهرجان الطفل بمسرح المنتزه بوجود الإعلامي علي الموينع ."
    assert [a.name for a in _facts(nlp_rules, people).attendees] == ["علي الموينع"]


def test_a_name_ends_before_a_title_glued_to_a_preposition(nlp_rules):
    story = (
        "أقيم حفل أهالي المنطقة بمناسبة عيد الفطر في المسرح المفتوح ، وفي الحفل "
        "رحب وكيل الإمارة الدكتور حامد بن مالح الشمري بسمو أمير المنطقة والحضور ."
    )
    # the NER ran the name on into بسمو (a SaudiNewsNet article)
    found = _attendees_with_entities(nlp_rules, story, ["حامد بن مالح الشمري بسمو"])
    assert found == ["حامد بن مالح الشمري"]


def test_an_artist_opening_his_own_work_is_no_patron(nlp_rules):
    story = "دشن الفنان التشكيلي الشاب عوض زارب فعاليات مرسمه في المهرجان ."
    facts = _facts(nlp_rules, story)
    assert facts.patrons == []
    official = "دشن الشيخ عوض زارب فعاليات المهرجان ."
    assert [p.name for p in _facts(nlp_rules, official).patrons] == ["عوض زارب"]


def test_a_speaker_after_a_glued_definite_word_is_named_from_the_entity(nlp_rules):
    story = "أقيم حفل معايدة في القرية . وكان منها كلمة للزميل أحمد العكيك ."
    found = _attendees_with_entities(nlp_rules, story, ["أحمد العكيك"])
    assert found == ["أحمد العكيك"]  # not لزميل أحمد العكيك


def test_the_performer_of_a_programme_item_attends(nlp_rules):
    story = (
        "أقيم حفل معايدة في المحافظة . تلا ذلك فقرة شعرية للشاعر مانع بن شلحاط ، "
        "ثم شيلة للمنشد مبارك الدوسري ."
    )
    assert [a.name for a in _facts(nlp_rules, story).attendees] == [
        "مانع بن شلحاط",
        "مبارك الدوسري",
    ]
    # a poem with no word putting it in the programme is only quoted
    quoted = "أقيم حفل معايدة في المحافظة . واستلهم الكاتب روايته من قصيدة للشاعر وليم بليك ."
    assert _facts(nlp_rules, quoted).attendees == []


def test_shaarak_biha_names_who_took_part_and_a_glued_definite_word_is_no_name(
    nlp_rules,
):
    story = (
        "نظم برنامج موهبة ندوة الإبداع والتقنية ، شارك بها فريق الإبداع من "
        "الجامعة السعودية الإلكترونية ."
    )
    assert "فريق الإبداع" in [a.name for a in _facts(nlp_rules, story).attendees]
    glued = "أقيمت الأمسية الشعرية في الجمعية ، وشاركت بها الباحثة بالدورة الثالثة ."
    assert _facts(nlp_rules, glued).attendees == []


def test_a_numbered_part_of_the_story_s_event_is_not_named(nlp_rules):
    part = "يذكر أن الورشة الأولى للملتقى كانت قد عقدت الاثنين الماضي في جدة ."
    assert [e.name for e in _facts(nlp_rules, part).events if e.name] == []
    # of an event named in full, the numbered meeting keeps its name
    meeting = "وينعقد الاجتماع الثاني لمنتدى الأعمال السعودي في الرياض ."
    names = [e.name for e in _facts(nlp_rules, meeting).events if e.name]
    assert names == ["الاجتماع الثاني لمنتدى الأعمال السعودي"]


def test_a_body_a_lead_reports_taking_part_attends(nlp_rules):
    story = "شاركت فرقة بسمات الترفيهية في فعاليات مهرجان جدة التاريخية أمس ."
    facts = _facts(nlp_rules, story)
    assert facts.organizers == []
    assert [a.name for a in facts.attendees] == ["فرقة بسمات الترفيهية"]
    closed = "اختتم الاتحاد السعودي للرياضات البحرية مشاركته في مهرجان أملج البحري ."
    assert _facts(nlp_rules, closed).organizers == []


def test_a_titled_person_only_talked_about_far_from_the_event_is_no_attendee(nlp_rules):
    story = (
        "أقامت جمعية الثقافة والفنون حفل معايدة في مقرها . وقدم الحفل الإعلامي "
        "خالد طاهر . وأشاد المتحدثون بالإنجازات . وكان الدكتور طه حسين قد كتب "
        "عن الأدب الجاهلي ."
    )
    names = [a.name for a in _facts(nlp_rules, story).attendees]
    assert "خالد طاهر" in names
    assert "طه حسين" not in names


def test_a_definite_event_a_body_is_said_to_hold_is_an_event(nlp_rules):
    story = (
        "دشن محافظ القرى أمس الملتقى الصيفي الدعوي الذي ينظمه المكتب التعاوني "
        "للدعوة بمتنزه القوافل ."
    )
    events = _facts(nlp_rules, story).events
    assert [(e.type, e.rule) for e in events] == [("forum", "event_noun")]
    # after a forum the story named, the clause refers back to it: no second forum
    named = 'نظمت الأمانة ملتقى " نحو المليون " . ويستهدف الملتقى السنوي الذي تشرف عليه الإدارة التكريم .'
    assert [e.name for e in _facts(nlp_rules, named).events] == [
        'ملتقى " نحو المليون "'
    ]
    # the definite noun alone only refers back (kept as the story's first mention
    # when its sentence tells of it taking place)
    bare = "وأشاد المحافظ بالملتقى الصيفي ، وقال إن الملتقى الصيفي انطلق بنجاح ."
    events = _facts(nlp_rules, bare).events
    assert [(e.type, e.rule) for e in events] == [("forum", "event_first_mention")]


def test_a_leader_under_his_era_policy_or_government_is_talked_about(nlp_rules):
    story = (
        "أقيم حفل معايدة في السفارة . وتم تغيير اسم اليخت في عهد الرئيس جمال "
        "عبد الناصر ، وانتقدت حكومة الرئيس جاكوب زوما القرار ."
    )
    people = ["جمال عبد الناصر", "جاكوب زوما"]
    assert _attendees_with_entities(nlp_rules, story, people) == []


def test_an_accusative_event_noun_is_an_event_and_its_place_a_venue(nlp_rules):
    facts = _facts(nlp_rules, "أقامت الجمعية حفلا في قاعة الملك فهد .")
    assert [(e.type, e.name) for e in facts.events] == [("ceremony", None)]
    assert [v.name for v in facts.venues] == ["قاعة الملك فهد"]
    # ها after a noun is a pronoun, not the accusative alef: دورها = its role
    role = "وأشاد الوزير بدورها في مستشفى الملك فهد ."
    assert _facts(nlp_rules, role).events == []


def test_no_venue_without_an_event_and_a_possessed_event_noun_is_one(nlp_rules):
    shot = "أصابت رصاصة الطفلة أثناء ذهابها لمهرجان الصيف في حديقة الفندق ."
    assert _facts(nlp_rules, shot).venues == []  # لمهرجان: named, not reported
    own = "نظمت شركة كيمائيات الميثانول حفلها السنوي لمنسوبيها ."
    names = [o.name for o in _facts(nlp_rules, own).organizers]
    assert names == ["شركة كيمائيات الميثانول"]


def test_alqa_alqabd_is_an_arrest_not_a_speech(nlp_rules):
    story = (
        "أقيم حفل معايدة في المركز . وألقت إدارة التحريات بشرطة منطقة القصيم "
        "القبض على المتهم ، ثم ألقى الشاعر محمد الشهري قصيدة ."
    )
    assert [a.name for a in _facts(nlp_rules, story).attendees] == ["محمد الشهري"]


def test_thanks_end_a_name_and_throwing_ones_weight_is_no_speech(nlp_rules):
    thanks = (
        "أقيم حفل معايدة في النادي ، وقدم رئيس النادي الأمير عبدالرحمن بن سعد "
        "شكره للحضور ."
    )
    attendees = [(a.name, a.role) for a in _facts(nlp_rules, thanks).attendees]
    assert attendees == [("عبدالرحمن بن سعد", "رئيس النادي")]
    weight = (
        "أقيم حفل معايدة في النادي . وألقى رئيس الاتحاد محمد الشهري بثقله خلف "
        "المدرب الجديد ."
    )
    assert _facts(nlp_rules, weight).attendees == []


def test_a_head_in_teh_marbuta_written_with_heh_is_a_pronoun(nlp_rules):
    office = (
        "أقيم حفل معايدة في الأمانة . واستقبل أمين منطقة المدينة المنورة الدكتور "
        "خالد طاهر بمكتبه أمين عام مجلس الجمعيات التعاونية ."
    )
    assert _facts(nlp_rules, office).venues == []  # his office, not a library
    hall = "أقيم حفل معايدة في قاعه المؤتمرات بالأمانة ."
    venues = [v.name for v in _facts(nlp_rules, hall).venues]
    assert venues == ["قاعه المؤتمرات بالأمانة"]  # a careless ة still names a hall


@pytest.mark.parametrize(
    ("story", "organizers"),
    [
        pytest.param(
            "أقيم مهرجان الصيف في الرمادي . وتؤدي العمليات إلى تحرير جامعة الأنبار "
            "من تنظيم داعش .",
            [],
            id="nothing before من تنظيم is its organizer",
        ),
        pytest.param(
            "أقيم معرض الكتاب في الرياض من تنظيم جمعية الثقافة والفنون .",
            ["جمعية الثقافة والفنون"],
            id="the body after من تنظيم is",
        ),
        pytest.param(
            "أقامت شرطة منطقة جازان حفل معايدة بشرطة منفذ الطوال الحدودي .",
            ["شرطة منطقة جازان"],
            id="a ceremony at a body is not the body's",
        ),
        pytest.param(
            "وشهد حفل المعايدة لمكتب العمل بالرس حضورا كبيرا .",
            ["مكتب العمل بالرس"],
            id="a ceremony of a body is",
        ),
        pytest.param(
            "تغلب فريق نادي الهلال على النصر في بطولة كأس الملك مساء أمس .",
            [],
            id="a team a sports lead opens with plays",
        ),
        pytest.param(
            "احتفلت جمعية البر الخيرية بعيد الفطر في مهرجان العيد السنوي .",
            ["جمعية البر الخيرية"],
            id="a body a festival lead opens with holds it",
        ),
        pytest.param(
            "أقيم مهرجان التسوق في بلجرشي ، وشهد فعالية فرقة جدة للفنون الشعبية .",
            [],
            id="a group performing at an event does not own it",
        ),
        pytest.param(
            "انطلقت احتفالات أمانة منطقة الرياض بعيد الفطر في حديقة الملك عبدالله .",
            ["أمانة منطقة الرياض"],
            id="the body a celebration is annexed to owns it",
        ),
    ],
)
def test_who_organizes_and_who_only_stands_near_a_cue(nlp_rules, story, organizers):
    assert [o.name for o in _facts(nlp_rules, story).organizers] == organizers


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "شارك المنتخب في بطولة الخليج للناشئين المقامة في جدة .",
            "بطولة الخليج للناشئين",
        ),
        ("وحضر الوفد حفل افتتاح ملتقى الشباب المقرر غدا .", "ملتقى الشباب"),
    ],
)
def test_a_participle_of_holding_ends_an_event_name(nlp_rules, text, name):
    assert name in [e.name for e in _facts(nlp_rules, text).events]


def test_an_office_keeps_the_region_it_serves_after_fi(nlp_rules):
    facts = _facts(
        nlp_rules,
        "وأقيم حفل خطابي ثم ألقى مدير إدارة التعليم في محافظتي حوطة بني تميم "
        "والحريق سعود بن ناصر العثمان كلمة الأهالي .",
    )
    assert [(a.name, a.role) for a in facts.attendees] == [
        (
            "سعود بن ناصر العثمان",
            "مدير إدارة التعليم في محافظتي حوطة بني تميم والحريق",
        )
    ]
    story = (
        "افتتح مؤتمر الغدد بحضور مدير الشؤون الصحية في محافظة جدة الدكتور مبارك ظافر ."
    )
    facts = _facts(nlp_rules, story)
    assert [a.role for a in facts.attendees] == ["مدير الشؤون الصحية في محافظة جدة"]
    assert facts.venues == []  # the region of an office is no venue town


def test_an_event_noun_after_a_verb_of_doing_is_what_was_done(nlp_rules):
    story = (
        "قام فريق بوينت التطوعي بمحافظة الأحساء ، بمبادرة للذهاب إلى مكة المكرمة "
        "في رحلة عمرة ."
    )
    facts = _facts(nlp_rules, story)
    assert [(e.type, e.name) for e in facts.events] == [("initiative", None)]
    assert [o.name for o in facts.organizers] == ["فريق بوينت التطوعي بمحافظة الأحساء"]
    visit = "وقام مدير الجمرك بمعايدة رؤساء الأقسام والموظفين ."
    assert [(e.type, e.name) for e in _facts(nlp_rules, visit).events] == [
        ("ceremony", None)  # معايدة + its guests only describes the event
    ]
    film = "يقوم ببطولة الفيلم كريس برات ، وشارك في بطولة المسلسل ممثلون ."
    assert _facts(nlp_rules, film).events == []  # starring, not a championship
    exposed = "وقال إن اليمن معرض للانقسام ، والشعر معرض للخطر ."
    assert _facts(nlp_rules, exposed).events == []  # exposed to, not an exhibition


def test_a_glued_event_with_a_title_after_its_committee_is_an_event(nlp_rules):
    story = (
        'وأنهت اللجان المنظمة لمسابقة الطائف " سما للقراءة " استعداداتها ، '
        "وفاز الشاعر بجائزة «سوق عكاظ» ."
    )
    facts = _facts(nlp_rules, story)
    # the committee runs the contest; an award won is only mentioned
    assert [(e.type, e.name) for e in facts.events] == [
        ("competition", 'مسابقة الطائف " سما للقراءة "')
    ]


def test_supervision_makes_an_organizer_only_where_an_event_was_found(nlp_rules):
    plan = (
        "وشارك لاعبو الفريق بالبطولة ، ويأتي شراء الفندق ضمن خطة توسعية تنفذها "
        "مجموعة «مندرين» في أوروبا ."
    )
    assert _facts(nlp_rules, plan).organizers == []  # carrying out, no event found
    training = (
        "وشارك لاعبو الفريق بالبطولة ، وتدربوا تحت إشراف الاتحاد الآسيوي لكرة القدم ."
    )
    assert _facts(nlp_rules, training).organizers == []  # بالبطولة: no event found
    party = "أقامت الجمعية حفلا للأيتام تحت إشراف لجنة التنمية الاجتماعية ."
    assert [o.name for o in _facts(nlp_rules, party).organizers] == [
        "الجمعية",
        "لجنة التنمية الاجتماعية",
    ]


def test_al_fariq_after_an_indefinite_word_is_the_team_not_a_general(nlp_rules):
    camp = "افتتح المحافظ مهرجان الصيف . ويختتم الفريق معسكره بمواجهة فريق أوروبي ."
    facts = _facts(nlp_rules, camp)
    assert [p.name for p in facts.patrons] == [None]  # the governor, office only
    assert facts.attendees == []
    general = "أقيم حفل المعايدة بحضور مدير الأمن العام الفريق عثمان المحرج ."
    attendees = [(a.name, a.title) for a in _facts(nlp_rules, general).attendees]
    assert attendees == [("عثمان المحرج", "الفريق")]


def test_the_feast_is_no_part_of_the_body_that_celebrates_it(nlp_rules):
    story = (
        "نظمت بلدية العيدابي مسابقة للأطفال . وكان البرنامج جزءا من احتفالات "
        "البلدية بعيد الفطر المبارك ."
    )
    names = [o.name for o in _facts(nlp_rules, story).organizers]
    assert names == ["بلدية العيدابي"]


def test_activities_with_a_pronoun_still_tell_of_the_event(nlp_rules):
    story = (
        "تشارك الجمعية في الجامبوري الكشفي العالمي الذي تبدأ فعالياته الثلاثاء "
        "في مدينة كيرارا . ويضم الجامبوري معرضا للتراث ."
    )
    venues = _with_entities(nlp_rules, story, ["كيرارا"], "LOC", "venues")
    assert venues == ["مدينة كيرارا"]


def test_a_definite_body_takes_no_event_noun_for_its_name(nlp_rules):
    facts = _facts(nlp_rules, "نظمت الجمعية المهرجان الصيفي الخامس .")
    assert [o.name for o in facts.organizers] == ["الجمعية"]


def test_a_general_opening_the_lead_is_no_team_and_bil_eid_ends_a_name(nlp_rules):
    general = (
        "أكد الفريق الأول الركن عبد الرحمن البنيان ، رئيس هيئة الأركان العامة ، "
        "أن لقاء المصابين يجسد عائلة الوطن ."
    )
    assert _facts(nlp_rules, general).organizers == []
    party = "وأقيم مهرجان الطفل الذي أقامته بلدية المحافظة بالعيد ."
    assert [o.name for o in _facts(nlp_rules, party).organizers] == ["بلدية المحافظة"]


def test_the_royal_formula_of_greetings_names_nobody_present(nlp_rules):
    greeting = (
        "افتتح المحافظ مهرجان الصيف . وفي ختام الحفل طلب المحافظ نقل تحياته إلى "
        "خادم الحرمين الشريفين الملك سلمان بن عبد العزيز ، والأمير محمد بن نايف "
        "بن عبد العزيز ولي العهد ."
    )
    names = [a.name for a in _facts(nlp_rules, greeting).attendees]
    assert "محمد بن نايف بن عبد العزيز" not in names
    ambassador = (
        "افتتح المحافظ مهرجان الصيف . وفي الحفل كان سفير خادم الحرمين الشريفين "
        "في الأردن الدكتور سامي الصالح ."
    )
    names = [a.name for a in _facts(nlp_rules, ambassador).attendees]
    assert names == ["سامي الصالح"]  # the head as an office's complement


def test_a_named_league_project_or_programme_is_an_event_only_where_one_is_held(
    nlp_rules,
):
    # a weak noun's bare name in a sentence that holds nothing: a league, a project
    mentioned = (
        "وتذيل الفريق مجموعته في دوري أبطال آسيا بعدما حقق انتصارا وحيدا . "
        "وقبلها اكتمل مشروع توسعة المسعى ."
    )
    assert _facts(nlp_rules, mentioned).events == []
    # the same kind of name with a verb of holding, or quoted, or with an edition
    held = "ونظمت البلدية دوري الأحياء لكرة القدم بمشاركة 16 فريقا ."
    assert [(e.type, e.name) for e in _facts(nlp_rules, held).events] == [
        ("competition", "دوري الأحياء لكرة القدم")
    ]
    quoted = "مما جعل مشروع «حفظ النعمة» يصل لأكبر شريحة من المؤسسات ."
    assert [e.name for e in _facts(nlp_rules, quoted).events] == ["مشروع «حفظ النعمة»"]


def test_a_press_conference_a_peak_and_an_arms_race_are_no_events(nlp_rules):
    story = (
        "وقال الوزير في مؤتمر صحافي عقده أمس إن الاتفاق يطلق سباق التسلح في المنطقة ، "
        "وعقد المتحدث مؤتمرا صحفيا ، ويتربع الفريق على قمة جدول الترتيب ."
    )
    assert _facts(nlp_rules, story).events == []
    # a conference with a name is still one
    named = "وعقدت الجامعة المؤتمر الدولي للغة العربية بحضور الباحثين ."
    assert [e.type for e in _facts(nlp_rules, named).events] == ["conference"]


def test_a_lone_definite_event_noun_is_the_event_only_where_something_is_held(
    nlp_rules,
):
    # علم الاجتماع is sociology, and a generic celebration holds nothing
    generic = (
        "ويفضل الحصول على شهادة في علم الاجتماع ، فالمغاربة خبراء في فن الاحتفال ."
    )
    assert _facts(nlp_rules, generic).events == []
    # a signing the story tells of with its ceremony and guests
    signing = (
        "وقام بتوقيع الاتفاقية مدير الشركة . وجرت مراسم توقيع الاتفاقية بمبنى "
        "الإدارة العامة اليوم بحضور عدد من القيادات ."
    )
    assert [e.type for e in _facts(nlp_rules, signing).events] == ["agreement"]


def test_a_strong_event_noun_before_a_weak_one_is_the_event(nlp_rules):
    story = (
        "تستضيف جامعة تبوك بعد غد ملتقى مشروع خادم الحرمين للعناية بالتراث "
        "الحضاري بحضور الأمير ."
    )
    assert [e.type for e in _facts(nlp_rules, story).events] == ["forum"]
    # an opening stays a wrapper: the programme it opens is the event
    opening = "ورعى المحافظ أمس حفل افتتاح برنامج موهبة الإثرائي الصيفي ."
    assert [e.type for e in _facts(nlp_rules, opening).events] == ["initiative"]


def test_the_year_of_the_telling_is_no_part_of_a_name(nlp_rules):
    story = (
        "وأقيم المهرجان الترفيهي لعيد الفطر الذي تقيمه بلدية محافظة النعيرية "
        "للعام الثاني على التوالي ."
    )
    assert [o.name for o in _facts(nlp_rules, story).organizers] == [
        "بلدية محافظة النعيرية"
    ]


def test_bodies_after_a_second_verb_of_organizing_organize(nlp_rules):
    story = (
        "واختتم مهرجان الأفلاج الخامس الذي نظمه وأشرف على فعالياته الرئاسة العامة "
        "لرعاية الشباب ولجنة التنمية الاجتماعية الأهلية بالأفلاج ."
    )
    assert [o.name for o in _facts(nlp_rules, story).organizers] == [
        "الرئاسة العامة لرعاية الشباب",
        "لجنة التنمية الاجتماعية الأهلية بالأفلاج",
    ]


def test_a_word_written_with_a_presentation_form_ligature_is_definite(nlp_rules):
    # ﻷ (U+FEF7) is لأ: اﻷهلية is الأهلية, and the name reads on through it
    story = "نظمت لجنة التنمية الاجتماعية اﻷهلية باﻷفلاج مهرجان العيد ."
    assert [o.name for o in _facts(nlp_rules, story).organizers] == [
        "لجنة التنمية الاجتماعية اﻷهلية باﻷفلاج"
    ]


def test_twin_words_joined_by_waw_name_an_event_together(nlp_rules):
    def names(text):
        return [e.name for e in _facts(nlp_rules, text).events]

    assert names("افتتح المحافظ فعاليات مهرجان العيد والصيف في المحافظة .") == [
        "مهرجان العيد والصيف"
    ]
    assert names("وأقيم مهرجان عيد وصيف حفر الباطن بحضور المحافظ .") == [
        "مهرجان عيد وصيف حفر الباطن"
    ]
    # an event's activities after و are a second thing
    assert names("ونظمت الأمانة مهرجان العسل والفعاليات المصاحبة .") == ["مهرجان العسل"]


def test_a_bare_definite_office_takes_no_object_as_complement_or_name(
    nlp_full, nlp_rules
):
    # المحافظ has the article: the word after it is no genitive of the office
    story = "أقيم حفل معايدة أهالي المحافظة بالنادي ، وقدم المحافظ شهادات التطوع للمتطوعين ."
    assert _facts(nlp_full, story).attendees == []  # nor, under NER, a name
    opening = "افتتح المحافظ فعاليات مهرجان العيد والصيف في المحافظة ."
    assert [(p.name, p.role) for p in _facts(nlp_rules, opening).patrons] == [
        (None, "المحافظ")
    ]
    # an office that ends in a preposition still takes its complement
    supervisor = "أقيم الحفل بحضور المشرف العام على كرة القدم هشام مرسي ."
    assert [(a.name, a.role) for a in _facts(nlp_full, supervisor).attendees] == [
        ("هشام مرسي", "المشرف العام على كرة القدم")
    ]
    named = "افتتح المحافظ سعد الحربي فعاليات مهرجان العيد في المحافظة ."
    assert [(p.name, p.role) for p in _facts(nlp_rules, named).patrons] == [
        ("سعد الحربي", "المحافظ")
    ]


def test_a_plural_noun_after_a_bodys_adjective_or_alias_is_the_verbs_object(
    nlp_rules,
):
    def organizers(text):
        return [o.name for o in _facts(nlp_rules, text).organizers]

    assert organizers(
        "فاجأ فريق ابتسموا الاجتماعي والتطوعي المصلين في مسجد العيد ضمن حملة العيد ."
    ) == ["فريق ابتسموا الاجتماعي والتطوعي"]
    assert organizers(
        'كرمت شركة "موبايلي" الموزعين المميزين في حفل الإفطار الذي أقيم مؤخرا .'
    ) == ['شركة "موبايلي"']
    # as the first complement, the plural names the body
    assert organizers("نظمت جمعية الأطباء السعوديين ملتقى طبيا .") == [
        "جمعية الأطباء السعوديين"
    ]


def test_a_programme_named_on_the_air_is_a_show(nlp_rules):
    show = 'اشتهر الإعلامي بتقديم برنامج "الجولة" ، وحقق أعلى معدل في المشاهدة .'
    assert _facts(nlp_rules, show).events == []
    civic = 'وأطلقت الجمعية برنامج "أبناء الوطن" بحضور المحافظ .'
    assert [e.name for e in _facts(nlp_rules, civic).events] == ['برنامج "أبناء الوطن"']


def test_the_cast_of_a_play_is_no_championship(nlp_rules):
    play = 'وعرضت الجامعة مسرحية بعنوان "لا" من بطولة الفنان نايف فائز أمس .'
    assert _facts(nlp_rules, play).events == []
    race = "حقق الفريق فوزا في الجولة الأولى من بطولة درفت فورس التي تنظمها الهيئة ."
    assert [e.type for e in _facts(nlp_rules, race).events] == ["competition"]
    # the cast after the credits, after و, or right after the work's title
    for cast in (
        "ويعرض المسلسل في رمضان ، وهو من تأليف وإخراج عمر الديني وبطولة صلاح الملا .",
        "وجاء في المركز الثاني بالإيرادات ، والفيلم بطولة بول رود ومايكل دوجلاس .",
        "ونزل إلى الصالات فيلم «شد أجزاء» بطولة محمد رمضان وياسر جلال .",
    ):
        assert _facts(nlp_rules, cast).events == [], cast
    cup = "وانطلقت أمس منافسات الفرق في بطولة «كأس الملك» بمشاركة 16 فريقا ."
    assert [e.type for e in _facts(nlp_rules, cup).events] == ["competition"]


def test_in_the_course_of_a_reply_is_no_exhibition(nlp_rules):
    for aside in (
        "وقال الوزير في معرض رده على سؤال إن الحكومة مستعدة .",
        "وأوضح المتحدث في معرض حديثه عن الموقع أنه خدمة عامة .",
        "لست هنا اليوم في معرض الخوض في التسريبات الأخيرة .",
        "ويقول مؤلف الكتاب في معرض مقدمته : هذه أبحاث تتعلق بالكتاب .",
    ):
        assert _facts(nlp_rules, aside).events == [], aside
    fair = "وقال الزوار في معرض الكتاب إن الأجنحة منظمة ."
    assert [e.type for e in _facts(nlp_rules, fair).events] == ["exhibition"]


def test_any_event_is_no_event_the_story_reports(nlp_rules):
    for generic in (
        "وأقيل المدرب بعد فشله في تحقيق أي بطولة هذا الموسم .",
        "ويستجيب المتطوعون لأي مبادرة تطلقها الجمعية .",
        "ولا بد أن يقرأ منظمو كل معرض جديد سلبيات المعارض السابقة .",
    ):
        assert _facts(nlp_rules, generic).events == [], generic


def test_a_prize_someone_won_is_no_competition_the_story_reports(nlp_rules):
    won = "وأعلن استقالة الصحفي توم واتسون ، الحاصل على جائزة «بوليتزر» عام 1994 ."
    assert _facts(nlp_rules, won).events == []
    held = "ورعى أمير المنطقة حفل جائزة الملك فيصل العالمية أمس ."
    assert [e.type for e in _facts(nlp_rules, held).events] == ["competition"]


def test_a_compound_ordinal_is_one_edition(nlp_rules):
    def editions(text):
        return [e.edition for e in _facts(nlp_rules, text).events]

    assert editions(
        "ورعى الأمير حفل جائزة الملك فيصل العالمية في دورتها السابعة والثلاثين ."
    ) == [37]
    assert editions("افتتح المحافظ مهرجان الصيف الحادي والعشرين أمس .") == [21]
    assert editions("افتتح المحافظ مهرجان الصيف الثالث وسط حضور كبير .") == [3]
    # only the tens from twenty join a unit: العاشر after و is another ordinal
    assert editions("وأقيم مهرجان الصيف الأول والعاشر في المحافظة .") == [1]


def test_an_anniversary_is_no_edition(nlp_rules):
    # FACTS.md: الذكرى السادسة عشرة counts years
    for years in ("السادسة عشرة", "الخمسين"):
        story = (
            f"وأقيمت احتفالات جمهورية المالديف بالذكرى {years} للاستقلال في الفندق ."
        )
        assert [(e.name, e.edition) for e in _facts(nlp_rules, story).events] == [
            (None, None)
        ]
