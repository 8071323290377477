"""People: ``[titles] [office] [titles] name [، office]``.

:func:`person_at` reads a person mention after a cue (``برعاية``, ``بحضور``)
or as a sentence's subject. Offices are construct chains
(:func:`extractor.pipeline.phrases.extend_chain`); names come from the NER's
PER entities when the pipeline has them, else from the shape of the words.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from extractor.arabic.normalize import WAW
from extractor.pipeline.lexicons import (
    BEH,
    COMMAS,
    FI,
    has_waw,
    is_break,
    is_definite,
    match,
    match_exact,
    prep_clitic,
    written_as,
)
from extractor.pipeline.phrases import (
    MAX_NAME,
    PER_LABELS,
    Slice,
    ent_starting,
    extend_chain,
    in_entity,
    is_blocked,
    name_at,
    ner_ran,
    person_title_at,
    place_at,
)
from extractor.pipeline.resources import load_lexicon

MIN_NAME_WORD = 3  # letters in each word of an untitled name
MAX_OFFICE_GAP = 3  # words an office chain may leave before a PER entity
_ALA = "\u0639\u0644\u064a"  # على as normalized (ى -> ي)


@dataclass
class PersonParse:
    """Token ranges of a person mention: titles, name and office (role)."""

    start: int
    end: int
    titles: list[Slice]
    name: Slice | None
    role: Slice | None
    doc: Doc


def is_ranked(person: PersonParse) -> bool:
    """A title of rank or honour (الشيخ، الدكتور), not only of occupation
    (lexicon ``person_titles_descriptive``: الفنان، الشاعر، المنشد)."""
    return any(
        not match_exact("person_titles_descriptive", person.doc, title.start)
        for title in person.titles
    )


MAX_APPOSED_OFFICES = 3  # offices one person holds, side by side


def office_at(doc: Doc, i: int) -> Slice | None:
    """An office phrase (``محافظ جدة``, ``رئيس الهيئة العامة للسياحة``) at ``i``."""
    hit = match_exact("person_offices", doc, i)
    if not hit or written_as(doc[i], "person_offices_not"):
        return None
    head_end = i + hit[0]
    if is_definite(doc[i]) and _event_object(doc, head_end):
        # افتتح المحافظ | المهرجان: the event is the verb's object, no complement
        return Slice(i, head_end)
    # a one-word head with the article takes no indefinite genitive (المحافظ |
    # درعا); a head that ends in a preposition does (المشرف العام على | كرة القدم)
    genitive = not (hit[0] == 1 and is_definite(doc[i]))
    end = _before_name(
        doc, head_end, extend_chain(doc, head_end, royal=False, genitive=genitive)
    )
    if end == head_end and doc[end - 1].norm_ == _ALA:
        end -= 1  # المشرف العام على | الفريق ...: على with no complement is not the office's
    end = _served_place(doc, end) or end
    if end < len(doc) and has_waw(doc[end]):  # a second office: محافظ جدة ورئيس اللجنة
        second = match_exact("person_offices", doc, end)
        if second:
            end = extend_chain(doc, end + second[0], royal=False)
    return Slice(i, end)


def _names_someone(doc: Doc, k: int) -> bool:
    """An office head at ``k`` that is a given name (lexicon
    ``office_given_names``) and a name's first word: ``مساعد | بن عبدالرحمن``
    (not ``محافظ | بن حسن``, a misspelled بني حسن)."""
    return (
        k + 1 < len(doc)
        and bool(match_exact("office_given_names", doc, k))
        and bool(match_exact("nasab_links", doc, k + 1))
    )


def _served_place(doc: Doc, k: int) -> int | None:
    """End of ``في`` + the region or town an office serves, when one is at ``k``.

    ``مدير الشؤون الصحية | في محافظة جدة | الدكتور ...``: a kind of place
    (lexicon ``office_place_kinds``) then known places joined by و (``في
    محافظتي حوطة بني تميم والحريق``). Only a place the gazetteer or the NER
    knows ends the office; the holder's name comes after it.
    """
    if k + 2 >= len(doc) or doc[k].norm_ != FI:
        return None
    kind = match_exact("office_place_kinds", doc, k + 1)
    if not kind:
        return None
    end = k + 1 + kind[0]
    size = place_at(doc, end)
    if not size:
        return None
    end += size
    while end < len(doc) and has_waw(doc[end]) and (size := place_at(doc, end)):
        end += size
    return end


def _event_object(doc: Doc, k: int) -> bool:
    """An unglued event noun at ``k``: a definite office takes it as no complement."""
    return (
        k < len(doc)
        and not prep_clitic(doc[k])
        and not has_waw(doc[k])
        and bool(match("event_nouns", doc, k))
    )


def _before_name(doc: Doc, start: int, end: int) -> int:
    """Cut an office chain where a name begins (``الرئيس | عبد ربه منصور هادي``).

    A PER entity or a name link (عبد، أبو) starting inside the chain is the
    holder's name, not a complement of the office.
    """
    for k in range(start, end):
        if ent_starting(doc, k, PER_LABELS):
            return k
        if match_exact("person_name_links", doc, k) and not place_at(doc, k):
            return k  # عبد ربه، أبو مازن; not أبو ظبي
    return end


TITLE_ADJECTIVES = 2  # words describing a title (الفنان التشكيلي الشاب، الراوي المعروف)


def title_at(doc: Doc, k: int) -> int:
    """How many words a title at ``k`` spans with its adjectives (0: no title).

    ``الفنان التشكيلي الشاب عوض زارب``, ``الراوي المعروف محمد الشرهان``: the
    adjectives (lexicon ``title_adjectives``) belong to the title, not the name.
    """
    hit = person_title_at(doc, k)
    if not hit:
        return 0
    end = k + hit[0]
    for _ in range(TITLE_ADJECTIVES):
        if end < len(doc) and doc[end].norm_ in load_lexicon("title_adjectives"):
            end += 1
    return end - k


def person_at(
    doc: Doc, i: int, conjunction: bool = False, apposition: bool = False
) -> PersonParse | None:
    """Parse ``[titles] [office] [titles] name [، office]`` starting at ``i``.

    ``conjunction``: a bare name's first word may carry a joining و (``وفهد``).
    ``apposition``: the mention is an item of a list of people (or the person a
    verb names), where an office may stand before its holder, or before a
    further office of his, with a comma between (``وكيل محافظ العارضة، صالح
    سلمان الودعاني، والمشرف العام على الجمعية، الشيخ حسين الحريصي``;
    ``مستشار خادم الحرمين الشريفين، أمير منطقة مكة المكرمة الأمير خالد الفيصل``).
    """
    titles: list[Slice] = []
    role: Slice | None = None
    k = i
    for _ in range(4):
        length = title_at(doc, k)
        if length:
            titles.append(Slice(k, k + length))
            k += length
            continue
        office = (
            None
            if _given_name_after_title(doc, titles, k) or _names_someone(doc, k)
            else office_at(doc, k)
        )
        if office and office.end > k and (role is None or role.end == k):
            role = office if role is None else Slice(role.start, office.end)
            k = office.end  # رئيس بلدية القريات الرئيس التنفيذي لمهرجان كاف
            continue
        break
    given = _given_name_after_title(doc, titles, k)
    name = name_at(doc, k, conjunction=conjunction and k == i, given=given)
    eponym = _eponym_in_office(doc, role, name)
    if eponym:
        role, title, name = eponym
        titles.append(title)
    if role is not None and role.end == k and not _is_per(doc, name):
        found = _named_after_office(doc, k)
        if found:
            office_end, more_titles, name = found
            role = Slice(role.start, office_end)
            titles += more_titles
    if apposition and name is None and role is not None and role.end == k:
        found = _named_after_comma(doc, k)
        if found:
            office_end, more_titles, name = found
            role = Slice(role.start, office_end)
            titles += more_titles
    if (
        name is not None
        and (titles or role)
        and (
            name.end - name.start == 1
            or _glued_after_office(doc, role, name)
            or _bare_office(doc, titles, role)
        )
        and ner_ran(doc)
        and not _is_per(doc, name)
    ):
        # under NER a one-word name must be a person's (مندوب ... | يكشف), and so
        # must one glued to ب / ل right after an office (سمو أمير منطقة عسير |
        # ليصبح سمة) or one after a bare definite office (وقدم المحافظ | شهادات
        # التطوع), where a title vouches for it (العقيد ركن | بجاد السليمي)
        name = None
    if name:
        k = name.end
        if role is None:
            role = trailing_office(doc, k)
            k = role.end if role else k
    if name is None and role is None:
        return None
    return PersonParse(i, k, titles, name, role, doc)


def _given_name_after_title(doc: Doc, titles: list[Slice], k: int) -> bool:
    """``الدكتور | مساعد العيبان``: right after a title with the article, an
    office head that is also a given name (lexicon ``office_given_names``) is
    the name; after ``معالي`` or ``سعادة`` it stays the office."""
    return (
        bool(titles)
        and titles[-1].end == k
        and k < len(doc)
        and is_definite(doc[k - 1])
        and bool(match_exact("office_given_names", doc, k))
    )


def _bare_office(doc: Doc, titles: list[Slice], role: Slice | None) -> bool:
    """One definite office word and no title: what follows is as often the
    object of the verb before it (``وقدم المحافظ | شهادات التطوع``) as a name."""
    return (
        not titles
        and role is not None
        and role.end - role.start == 1
        and is_definite(doc[role.start])
    )


def _glued_after_office(doc: Doc, role: Slice | None, name: Slice) -> bool:
    return (
        role is not None
        and role.end == name.start
        and prep_clitic(doc[name.start]) is not None
    )


def _named_after_comma(doc: Doc, k: int) -> tuple[int, list[Slice], Slice] | None:
    """The holder of an office that ends at ``k``, after a comma.

    The office may end in a place qualifier first (``والمشرف على مشروع
    الزواج | بالجمعية ،``: ب or في, then at most :data:`MAX_OFFICE_GAP` words).
    The holder must be titled (``، الشيخ حسين الحريصي``) or, under NER, a PER
    entity (``، صالح سلمان الودعاني``). Returns ``(office end, titles, name)``.
    """
    office_end = k
    if k < len(doc) and (prep_clitic(doc[k]) == BEH or doc[k].norm_ == FI):
        office_end = next(
            (
                c
                for c in range(k + 1, min(k + 1 + MAX_OFFICE_GAP, len(doc)))
                if doc[c].text in COMMAS or is_break(doc[c]) or has_waw(doc[c])
            ),
            k,
        )
    if office_end >= len(doc) or doc[office_end].text not in COMMAS:
        return None
    j = office_end + 1
    # مستشار خادم الحرمين الشريفين، | أمير منطقة مكة المكرمة الأمير خالد الفيصل
    if office_at(doc, j):
        inner = person_at(doc, j, apposition=True)
        if (
            inner is None
            or inner.name is None
            or inner.role is None
            or inner.role.end > inner.name.start
            or not (inner.titles or _is_per(doc, inner.name))
        ):
            return None
        return inner.role.end, inner.titles, inner.name
    titles: list[Slice] = []
    while length := title_at(doc, j):
        titles.append(Slice(j, j + length))
        j += length
    name = name_at(doc, j)
    if name is None or not (titles or _is_per(doc, name)):
        return None
    return office_end, titles, name


def _eponym_in_office(
    doc: Doc, role: Slice | None, name: Slice | None
) -> tuple[Slice, Slice, Slice] | None:
    """``وكيل جامعة الملك | خالد الدكتور مرعي القحطاني``, ``رئيس قرية | ابن
    نومة الشيخ عبدالرحمن بن نومة``: the NER ran the rest of the office (a
    royal eponym, a village's name) on into its holder's title and name.
    The words up to that title end the office; returns ``(office, title, name)``.
    """
    if role is None or name is None or role.end != name.start:
        return None
    last = role.end - 1  # a royal title or an indefinite head wants a complement
    open_end = match_exact("royal_names", doc, last) or not is_definite(doc[last])
    if not open_end or not _is_per(doc, name):
        return None
    for p in range(name.start + 1, name.end - 1):
        if match_exact("nasab_links", doc, p - 1):
            continue  # عبداللطيف آل الشيخ: a family name, no title
        length = title_at(doc, p)
        if length:
            rest = name_at(doc, p + length)
            if rest is None:
                return None
            return Slice(role.start, p), Slice(p, p + length), rest
    return None


def _is_per(doc: Doc, name: Slice | None) -> bool:
    return name is not None and in_entity(doc, name, PER_LABELS)


def _named_after_office(doc: Doc, k: int) -> tuple[int, list[Slice], Slice] | None:
    """With NER, the words an office chain stopped at, up to a PER entity.

    ``الرئيس التنفيذي لمهرجان كاف المهندس علي الشمري``: the chain stops at
    ``لمهرجان``; when a PER entity starts at most :data:`MAX_OFFICE_GAP` words
    after ``k`` (titles aside), those words end the office and the entity is
    the name. Returns ``(office end, titles, name)``.
    """
    if not ner_ran(doc):
        return None
    chained = _named_after_chain(doc, k)
    if chained:
        return chained
    titles: list[Slice] = []
    title_words = 0  # a title's or royal name's words do not count against the gap
    j = k
    while j < len(doc) and j - k <= MAX_OFFICE_GAP + title_words:
        ent = ent_starting(doc, j, PER_LABELS)
        if ent is not None and j > k:
            office_end = titles[0].start if titles else j
            start = j  # an entity may take in the title (الشيخ عبدالرحمن بن خليفة)
            while start < ent.end - 1 and (length := title_at(doc, start)):
                titles.append(Slice(start, start + length))
                start += length
            name = Slice(start, min(ent.end, start + MAX_NAME))
            return (office_end, titles, name) if office_end > k else None
        length = title_at(doc, j)
        if length:
            titles.append(Slice(j, j + length))
            title_words += length
            j += length
            continue
        royal = match_exact("royal_names", doc, j)
        if royal:  # مستشار | خادم الحرمين الشريفين الأمير خالد الفيصل: the office's
            title_words += royal[0]
            titles = []
            j += royal[0]
            continue
        if is_blocked(doc, j) or has_waw(doc[j]):
            return None
        if prep_clitic(doc[j]) and match("person_offices", doc, j):
            return None  # اجتمع مدير الشرطة | بقائد قوة جازان ...: another person
        if titles and not prep_clitic(doc[j]):
            return None
        # بسفارة خادم الحرمين الشريفين | بالأردن: a title the office's place
        # phrase goes on past belongs to the office, not to the name
        titles = []
        j += 1
    return None


def _named_after_chain(doc: Doc, k: int) -> tuple[int, list[Slice], Slice] | None:
    """The word an office chain stopped at heads a chain of its own, a PER entity right after.

    ``نائب مدير | فرع وزارة الخارجية بمنطقة مكة المكرمة عادل بخش``: the
    office's chain takes one indefinite genitive, so a longer construct stops
    early; its continuation, titles and then a PER entity, is read here. A
    word glued to ب / ل opens a new phrase (``اجتمع مدير الشرطة بقائد ...``).
    """
    if k >= len(doc) or prep_clitic(doc[k]) or is_blocked(doc, k) or has_waw(doc[k]):
        return None
    end = extend_chain(doc, k + 1, royal=False)
    end = next((m for m in range(k + 1, end) if ent_starting(doc, m, PER_LABELS)), end)
    titles = []
    j = end
    while length := title_at(doc, j):
        titles.append(Slice(j, j + length))
        j += length
    ent = ent_starting(doc, j, PER_LABELS) if j < len(doc) else None
    if ent is None:
        return None
    return end, titles, Slice(j, min(ent.end, j + MAX_NAME))


def is_named(person: PersonParse, listed: bool = False) -> bool:
    """A person mention we can trust: titled, office-holding, or a name of 2+ words.

    An untitled name must, under NER, touch a PER entity, unless ``listed``:
    words a list opener announces (``الشعراء سلطان الأسيمر``) are names by
    their shape, whatever the NER saw in its window.
    """
    if person.titles or person.role:
        return True
    name = person.name
    if name is None or name.end - name.start < 2:
        return False
    if ner_ran(person.doc) and not listed:
        return in_entity(person.doc, name, PER_LABELS)
    doc = person.doc
    return all(
        len(doc[k].norm_) >= MIN_NAME_WORD or match_exact("nasab_links", doc, k)
        for k in range(name.start, name.end)
    )  # سعيد بن مانع: a short link is no short name word


def trailing_office(doc: Doc, k: int) -> Slice | None:
    """An office right after a name, a comma allowed between (``X ، مدير عام ...``).

    Not one joined by و: ``X، والمشرف العام ...`` is the list's next item.
    """
    if k < len(doc) and doc[k].text in COMMAS:
        k += 1
    if k < len(doc) and (has_waw(doc[k]) or doc[k].norm_ == WAW):
        return None
    office = office_at(doc, k)
    for _ in range(MAX_APPOSED_OFFICES):
        # offices side by side: وزير الدولة | عضو مجلس الوزراء | رئيس الديوان الملكي
        end = office.end if office else k
        nxt = match_exact("person_offices", doc, end) if office else None
        if not nxt or _names_someone(doc, end):
            break
        more = office_at(doc, end)
        if (
            more is None
            or (more.end == end + nxt[0] and not is_definite(doc[end]))
            or doc[more.end - 1].norm_ == _ALA
        ):  # an indefinite head alone (مساعد | غيث, a name); المشرف على | البرنامج
            break
        office = Slice(office.start, more.end)
    return office
