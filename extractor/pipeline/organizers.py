"""``civic_organizers``: the bodies that organize, hold, host or implement the event.

An organization phrase right after an organizing cue (نظمت، أقام، بالتعاون مع)
or right before it (``أمانة جدة تنظم``) is an organizer, and so is one
coordinated with it by و, or one a festival or ceremony is annexed to
(``احتفالات أمانة منطقة الرياض``). Head nouns that name the organizing committee
itself (``اللجنة المنظمة``) are organizers wherever they stand. A person is an
organizer only when the article names no organizing body and calls him the
event's organizer (``منظم المهرجان الدكتور مقبل المقبل``). An article
that names no event has no organizers: ``نفذ`` and ``تنظيم`` there are an
attack and a militant group (``تنظيم داعش``), not an event's organizer.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor.arabic.normalize import WAW
from extractor.pipeline.events import after_dateline, event_noun_at, mentions_event
from extractor.pipeline.facts import add_candidate, candidates, ensure_extensions
from extractor.pipeline.lexicons import (
    BEH,
    COMMAS,
    FI,
    MIN,
    QUOTES_OPEN,
    exact_hits,
    has_waw,
    hits,
    is_break,
    match,
    match_exact,
    prep_clitic,
    written_as,
)
from extractor.pipeline.normalizer import SENT_END
from extractor.pipeline.persons import person_at
from extractor.pipeline.phrases import (
    ORG_LABELS,
    PER_LABELS,
    Slice,
    antecedent,
    ent_at,
    in_entity,
    ner_ran,
    org_at,
    person_title_at,
    place_at,
)
from extractor.pipeline.resources import load_lexicon
from extractor.pipeline.roles import PRESENCE, org_name, role_cues

LOOKAHEAD = 2  # tokens between a cue and the organization it introduces
LOOKBACK = 10  # how far back a subject organization may start
LEAD = 2  # tokens into the first sentence where its subject organization may start


@Language.component("civic_organizers")
def find_organizers(doc: Doc) -> Doc:
    """Add organizer candidates around organizing cues, where an event is named."""
    ensure_extensions()
    if not mentions_event(doc):
        return doc
    roles = {"organizer"}
    if candidates(doc, "events"):
        roles.add("organizer:event")  # تحت إشراف، تنفذها: only where an event was found
    for cue in role_cues(doc):
        if cue.role not in roles:
            continue
        entities = not match_exact("organizer_weak_cues", doc, cue.start)
        org = _org_after(doc, cue.end, entities)
        if org is None and not _body_after_only(doc, cue.start):
            org = _org_before(doc, cue.start, entities)
        if org and not _carries_out_event(doc, cue, org):
            continue  # ينفذ خطته، نفذ المكتب ترجمة لخطب الجمعة: no event
        while org:
            _add(doc, org, "organizer_cue")
            _units(doc, org.end)
            org = _coordinated(doc, org.end, entities)
    _committees(doc)
    if not candidates(doc, "organizers"):
        _organizing_people(doc)  # no body is said to organize
    if not candidates(doc, "organizers"):
        _hosts(doc)
    _lead_subject(doc)
    _event_owner(doc)
    return doc


def _organizing_people(doc: Doc) -> None:
    """People called the event's organizer (``منظم البطولة عبدالباري آل عبدالله``).

    The office must be one of ``organizer_person_offices`` with an event noun
    for complement; an untitled name must, under NER, touch a PER entity
    (a title such as ``الدكتور`` already says a name follows). Quoted or not,
    the office itself says who organizes.
    """
    for i, _ in exact_hits("organizer_person_offices", doc):
        if i + 1 >= len(doc) or not event_noun_at(doc, i + 1):
            continue  # منظمة الصحة العالمية: an organization, not a person's office
        person = person_at(doc, i)
        if person is None or person.name is None:
            continue
        if (
            not person.titles
            and ner_ran(doc)
            and not in_entity(doc, person.name, PER_LABELS)
        ):
            continue
        name = doc[person.name.start : person.name.end]
        add_candidate(doc, "organizers", name, "organizer_person", 0.6, name=name.text)


HOST_REACH = 4  # words between a titled host's name and the event he held


def _hosts(doc: Doc) -> None:
    """A titled person who holds the event himself, where no body is named:
    ``أقام صاحب السمو الملكي الأمير فيصل بن ثامر مساء أول أمس حفل معايدة``
    (an organizing verb, the person, then the event noun a few words on)."""
    for cue in role_cues(doc):
        if cue.role != "organizer":
            continue
        person = person_at(doc, cue.end)
        if person is None or person.name is None or not person.titles:
            continue
        reach = range(person.end, min(person.end + HOST_REACH, len(doc)))
        if any(_held_event_at(doc, k) for k in reach):
            name = doc[person.name.start : person.name.end]
            add_candidate(
                doc, "organizers", name, "organizer_host", 0.6, name=name.text
            )
            return


def _held_event_at(doc: Doc, k: int) -> bool:
    """A strong event noun, not glued to a preposition (a weak one, برنامج،
    is as often a television programme: يستضيف الشيخ ... برنامج "عائشة")."""
    hit = match("event_nouns", doc, k)
    return bool(hit) and not hit[1].endswith("?") and not prep_clitic(doc[k])


OWNED_EVENTS = ("festival", "ceremony")  # مهرجان بلدية X: the body holds it


def _event_owner(doc: Doc) -> None:
    """The organization a festival or ceremony noun is annexed to.

    ``احتفالات أمانة منطقة الرياض``, ``مهرجان بلدية القريات``, ``فعاليات
    الشركة السياحية الوطنية`` (lexicon ``event_activity_nouns``); a bare
    definite head only when the story spells it out (``احتفالات الأمانة``). Other event
    nouns annex what they are about: the facility opened (``افتتاح مركز
    الأمير عبدالمجيد``), a conference's topic (``مؤتمر صحة الرجل``).
    """
    owners = [
        (i, hit)
        for i, hit in hits("event_nouns", doc)
        if hit[1].rstrip("?") in OWNED_EVENTS
    ] + [
        (i, hit)  # ضمن فعاليات الشركة; not فعاليات البرنامج الصيفي, an event's
        for i, hit in hits("event_activity_nouns", doc)
        if i + hit[0] < len(doc) and not event_noun_at(doc, i + hit[0])
    ]
    for i, hit in sorted(owners):
        if i + hit[0] >= len(doc):
            continue
        if prep_clitic(doc[i + hit[0]]) in _WHERE:
            continue  # حفل معايدة | بشرطة منفذ الطوال: where it is (ل: whose it is)
        org = org_at(doc, i + hit[0])
        if (
            org
            and (org.end - org.start > 1 or antecedent(doc, org))  # احتفالات الأمانة
            and not _performs_or_names_event(doc, org)
        ):
            _add(doc, org, "event_owner", 0.7)


def _performs_or_names_event(doc: Doc, org: Slice) -> bool:
    """``فعالية فرقة جدة``: a performing group (lexicon ``performer_groups``)
    plays at the event; ``فعاليات مجلس المهرجان``: a body named after an event
    is part of it, not its owner."""
    if match_exact("performer_groups", doc, org.start):
        return True
    return any(event_noun_at(doc, k) for k in range(org.start + 1, org.end))


_WHERE = frozenset({"\u0628", "\u0643"})  # ب ك glued to a place


def _lead_subject(doc: Doc) -> None:
    """The organization the article opens with (``احتفل مركز جلاجل``, ``بدأت الرئاسة``)."""
    first = next(doc.sents, None)
    if first is None:
        return
    start = after_dateline(doc, first.start, first.end)
    if not _lead_reports_event(doc, first, start):
        return  # أعلنت أمانة جدة عن زيادة الدوائر ...، فاز فريق ... في المباراة
    for j in range(start + 1, min(start + 1 + LEAD, first.end)):
        if match_exact("person_offices", doc, j - 1):
            return  # وكيل وزارة النقل: the subject is a person
        if _takes_part(doc, j - 1):
            return  # شاركت فرقة بسمات في ... (اختتم الاتحاد مشاركته): it attends
        if match_exact("residents_nouns", doc, j - 1):
            return  # احتفل أهالي | مركز رغبة: the place its people live in
        if prep_clitic(doc[j]) == BEH or match_exact("venue_preps", doc, j - 1):
            continue  # أقيم المعرض | بمركز الملك فهد الثقافي: a place, no subject
        title = person_title_at(doc, j)
        if title and title[0] > 1:
            return  # أكد الفريق الأول الركن ...: a general, no team
        org = org_at(doc, j)
        if org and org.end > j + 1:
            if org.end < len(doc) and _takes_part(doc, org.end):
                return
            if any(e.start == j for e in doc.spans.get("events", ())):
                return  # اختتمت فعاليات | برنامج "الوطن عندنا غالي": the event itself
            _add(doc, org, "lead_subject", 0.6)
            _units(doc, org.end)
            return


def _takes_part(doc: Doc, k: int) -> bool:
    """A verb of taking part (a role cue of an attendee) or its noun with a
    pronoun (lexicon ``participation_nouns``: مشاركته)."""
    hit = match_exact("role_cues", doc, k)
    return bool(hit and hit[1] in PRESENCE) or written_as(doc[k], "participation_nouns")


def _lead_reports_event(doc: Doc, first, start: int) -> bool:
    """The lead sentence holds an event the events stage found, or opens with
    a verb of holding one (lexicon ``lead_event_verbs``) and names an event noun
    (``وقعت غرفة أبها اتفاقية``, whose weak noun alone makes no event).

    A competition does not count: the body a sports lead opens with plays in
    it (``تغلب فريق تشيلسي ... في بطولة الكأس الدولية``), it does not hold it.
    """
    if any(
        first.start_char <= c.start < first.end_char
        and c.rule != "event_first_mention"
        and c.fields.get("type") != "competition"
        for c in candidates(doc, "events")
    ):
        return True
    while start < first.end and doc[start].is_space:
        start += 1
    return bool(match_exact("lead_event_verbs", doc, start)) and any(
        event_noun_at(doc, k) for k in range(start, first.end)
    )


def _add(doc: Doc, org: Slice, rule: str, score: float = 1.0) -> None:
    add_candidate(
        doc,
        "organizers",
        doc[org.start : org.end],
        rule,
        score,
        name=org_name(doc, org),
    )


OBJECT_REACH = (
    12  # words between a verb of carrying out (or its body) and the event noun
)


def _carries_out_event(doc: Doc, cue, org: Slice) -> bool:
    """A verb of carrying out (lexicon ``organizer_event_object_cues``) organizes an event only.

    ``نفذت الجمعية حملة``: an event noun within a few words after the body (or
    the verb); ``الحملة التي نفذتها الجمعية``: before the verb. Other cues pass.
    """
    hit = match_exact("organizer_event_object_cues", doc, cue.start)
    if not hit:
        return True
    if hit[1] == "before":
        span = range(cue.start - 1, max(cue.start - OBJECT_REACH, 0) - 1, -1)
    else:
        after = max(org.end, cue.end)
        span = range(after, min(after + OBJECT_REACH, len(doc)))
    for k in span:  # within the sentence: ينفذ المركز ... بالتعاون مع ...، حملة تطعيم
        if doc[k].text in SENT_END or "\n" in doc[k].text:
            return False
        if event_noun_at(doc, k) or match("event_activity_nouns", doc, k):
            return True  # بفعالية الحوامة ... بتنفيذ نادي سدير
    return False


def _body_after_only(doc: Doc, i: int) -> bool:
    """``من تنظيم``: the body comes after the cue; what ends before it is the
    event or anything else (``تحرير المحافظة من تنظيم داعش``)."""
    return doc[i].norm_ == MIN


def _org_after(doc: Doc, k: int, entities: bool = True) -> Slice | None:
    """The organization right after a cue; ``entities``: a bare ORG entity counts."""
    for j in range(k, min(k + LOOKAHEAD, len(doc))):
        org = org_at(doc, j) or (ent_at(doc, j, ORG_LABELS) if entities else None)
        if org and org.end > j:
            return org
        if is_break(doc[j]) and doc[j].text[:1] not in QUOTES_OPEN:
            return None
        if match_exact("residents_nouns", doc, j):
            return None  # احتفل أهالي | مركز الهلالية: where they live
    return None


def _org_before(doc: Doc, k: int, entities: bool = True) -> Slice | None:
    """The organization that ends right before the cue (``أمانة جدة تنظم``)."""
    for j in range(k - 1, max(k - LOOKBACK, -1), -1):
        if is_break(doc[j]):
            return None
        org = org_at(doc, j) or (ent_at(doc, j, ORG_LABELS) if entities else None)
        if org and org.end == k:
            return org
    return None


def _coordinated(doc: Doc, k: int, entities: bool = True) -> Slice | None:
    """An organization joined by و (``وبلدية المحافظة``, ``و جمعية ...``)."""
    if k < len(doc) and doc[k].norm_ == WAW:  # a lone و
        k += 1
    if k < len(doc) and (has_waw(doc[k]) or doc[k - 1].norm_ == WAW):
        return org_at(doc, k) or (ent_at(doc, k, ORG_LABELS) if entities else None)
    return None


MAX_UNITS = 3  # units named one after another (وكالة شؤون الشباب، الإدارة العامة ...)


def _units(doc: Doc, k: int) -> None:
    """The units an organizing body acts through (lexicon ``organizer_unit_cues``).

    ``نظمت غرفة الشرقية ممثلة بمركز التوظيف``, ``بدأت الرئاسة العامة لرعاية
    الشباب، ممثلة في وكالة شؤون الشباب، الإدارة العامة للهيئات الشبابية``:
    the body right before the cue is an organizer, and so is each unit after
    it, in apposition after a comma. The body's town may stand between
    (``تنظمه الجمعية ... في أبها، ممثلة في لجنة التصوير``).
    """
    k = _past_town(doc, k)
    if k < len(doc) and doc[k].text in COMMAS:
        k += 1
    hit = match_exact("organizer_unit_cues", doc, k)
    if not hit:
        return
    k += hit[0]
    for _ in range(MAX_UNITS):
        org = org_at(doc, k)
        if org is None or org.end <= k + 1:
            return  # ممثلة في مديرها ...: a person, or a bare head
        _add(doc, org, "organizer_unit")
        k = org.end + 1
        if org.end >= len(doc) or doc[org.end].text not in COMMAS:
            return


def _past_town(doc: Doc, k: int) -> int:
    """Past a place after a body (``في أبها``, ``بأبها``), else ``k``."""
    j = k + 1 if k < len(doc) and doc[k].norm_ == FI else k
    if j >= len(doc) or (j == k and prep_clitic(doc[k]) != BEH):
        return k
    return j + place_at(doc, j) if place_at(doc, j) else k


def _committees(doc: Doc) -> None:
    committees = load_lexicon("org_committees")
    for i, hit in hits("org_heads", doc):
        head = " ".join(t.norm_ for t in doc[i : i + hit[0]])
        if head in committees:
            org = org_at(doc, i)
            if org:
                _add(doc, org, "committee", 0.9)
