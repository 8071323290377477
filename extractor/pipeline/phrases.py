"""Boundaries of the noun phrases that facts are made of.

Arabic organization, venue and office names are construct chains: a head noun
followed by genitive complements and adjectives (``أمانة منطقة الرياض``,
``الإدارة العامة للمسؤولية المجتمعية بالأمانة``). :func:`extend_chain` walks
such a chain; :mod:`extractor.pipeline.persons` reads people on top of it.
NER entities, when the pipeline has them, settle boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extractor.arabic.normalize import AL, strip_prepositions
from extractor.pipeline.dates import DATE_TOKENS
from extractor.pipeline.lexicons import (
    BEH,
    COMMAS,
    QUOTES_CLOSE,
    QUOTES_OPEN,
    has_waw,
    is_break,
    is_definite,
    is_stop,
    is_word,
    match,
    match_exact,
    match_head,
    prep_clitic,
    written_as,
)
from extractor.pipeline.resources import load_lexicon, phrase_index

MAX_CHAIN = 9  # tokens in a construct chain after its head
MAX_NAME = 11  # tokens in a personal name (خالد بن فيصل بن بندر بن خالد بن عبدالعزيز آل سعود: 11)
NISBA_LETTERS = 4  # letters of the shortest relative adjective read as one (سكني)
PER_LABELS = ("PER", "PERS")
ORG_LABELS = ("ORG",)


def place_at(doc: Doc, i: int) -> int:
    """Length of the place name (gazetteer or NER LOC/GPE) starting at ``i``, else 0."""
    hit = match("places", doc, i)
    if hit:
        return hit[0]
    ent = ent_starting(doc, i, ("LOC", "GPE"))
    return ent.end - i if ent is not None else 0


def ner_ran(doc: Doc) -> bool:
    """True when an NER stage has annotated the doc."""
    return doc.has_annotation("ENT_IOB")


def ent_starting(doc: Doc, i: int, labels: tuple[str, ...]) -> Span | None:
    """The NER entity of one of ``labels`` that starts at token ``i``, if any."""
    if i >= len(doc) or doc[i].ent_iob_ != "B":
        return None
    for ent in doc.ents:
        if ent.start == i and ent.label_ in labels:
            return ent
    return None


def ent_at(doc: Doc, i: int, labels: tuple[str, ...]) -> Slice | None:
    """An NER entity of one of ``labels`` starting at token ``i``."""
    ent = ent_starting(doc, i, labels)
    return Slice(ent.start, ent.end) if ent is not None else None


def in_entity(doc: Doc, piece: Slice, labels: tuple[str, ...]) -> bool:
    """Some token of ``piece`` lies in an NER entity of one of ``labels``."""
    return any(t.ent_type_ in labels for t in doc[piece.start : piece.end])


def is_blocked(doc: Doc, i: int) -> bool:
    """A token no name chain may cross: a cue, a title, a stop or part of a date."""
    tok = doc[i]
    if (
        is_break(tok)
        or not is_word(tok)
        or len(tok.text) == 1  # منتجع | و4 %: a letter cut off a number
        or is_stop(tok)
        or i in _date_tokens(doc)
    ):
        return True
    return bool(
        match_exact("role_cues", doc, i) or match_exact("person_titles", doc, i)
    )


def person_title_at(doc: Doc, k: int) -> tuple[int, str] | None:
    """A title (lexicon ``person_titles``) at ``k``, as ``(length, value)``.

    A title that is also a noun (lexicon ``person_titles_nouns``: الفريق, the
    team) is none alone after an indefinite word that is no cue of presence or
    patronage: it is that word's genitive or object (``قائد | الفريق``,
    ``يختتم | الفريق معسكره``), while ``مدير الأمن العام الفريق ...`` keeps it.
    Name and office chains still stop at it (``برنامج | الفريق``, ``قائد |
    الفريق``): as a complement it mostly leads into sports news.
    """
    hit = match_exact("person_titles", doc, k) if k < len(doc) else None
    if (
        not hit
        or hit[0] != 1
        or k == 0
        or not written_as(doc[k], "person_titles_nouns")
    ):
        return hit
    before = doc[k - 1]
    cue = match_exact("role_cues", doc, k - 1)
    if (
        is_word(before)
        and not is_definite(before)
        and not (cue and cue[1].startswith(("attendee", "patron")))  # بحضور الفريق
    ):
        return None
    return hit


def _date_tokens(doc: Doc) -> frozenset[int]:
    """Tokens the date stage used (``الخميس الماضي``), as a set, cached per doc."""
    key = "civic_date_token_set"
    if key not in doc.user_data:
        doc.user_data[key] = frozenset(doc.user_data.get(DATE_TOKENS, ()))
    return doc.user_data[key]


def extend_chain(
    doc: Doc,
    j: int,
    limit: int = MAX_CHAIN,
    *,
    royal: bool = True,
    venue_stop: bool = True,
    coordination: bool = False,
    waw: bool = True,
    genitive: bool = True,
    links: bool = False,
) -> int:
    """End (exclusive) of the construct chain whose complements start at ``j``.

    Takes definite words, place names, a first indefinite genitive
    (``أمانة جدة``), words glued to ب/ل before a definite word or a place, and
    ``الملك/الأمير + name`` inside facility names. Stops at punctuation, stops,
    cues, event nouns and at an indefinite word after the first complement.
    ``genitive=False`` (after a definite head: ``الأمانة مهرجانا``) takes no
    indefinite word at all: a head with the article is no construct. ``links``
    (names of places and bodies) takes a second indefinite genitive before a
    definite word (``نادي ضباط قوى الأمن``); an event's or an office's chain
    does not (``برنامج عمله زيارة الإقليم``).
    """
    k = j
    while k < len(doc) and k - j < limit:
        size = place_at(doc, k)
        if size:
            k += size
            continue
        royal_size = _royal_name(doc, k) if royal or _after_head(doc, j, k) else 0
        if is_blocked(doc, k) and not royal_size:
            break
        tok = doc[k]
        if _new_head(doc, k, first=k == j):
            break  # وجامعة الطائف / الرئيس التنفيذي: another entity begins
        if has_waw(tok) and (not waw or k == j):
            # مهرجان العسل الدولي والبرامج المصاحبة, البلدية | والإبلاغ: a second thing
            break
        if (
            has_waw(tok)
            and not is_definite(tok)
            and not (coordination and _coord_word(doc, k))
        ):
            break
        if venue_stop and k > j and _at_venue(doc, k):
            break
        if (
            (k > j or not genitive)  # نظمت الجمعية | المهرجان: a definite head
            and not prep_clitic(tok)
            and not has_waw(tok)  # قصر المؤتمرات والاحتفالات: still one name
            and match("event_nouns", doc, k)
        ):
            break  # نظمت أمانة جدة | الحفل: the object, not a complement
        if royal_size:
            k += royal_size
        elif (
            match_exact("tribe_links", doc, k)
            and k + 1 < len(doc)
            and not is_blocked(doc, k + 1)
        ):
            k += 2  # سوق بني مالك: the link and the name after it
        elif (
            is_definite(tok)
            or (k == j and genitive and not prep_clitic(tok))
            or prep_clitic(tok)
            and k + 1 < len(doc)
            and _continues(doc, k + 1)
            and (k == j or _glued_complement(doc, k))
            or (match("org_heads", doc, k) or match_head("place_kinds", doc, k))
            and k + 1 < len(doc)
            and place_at(doc, k + 1)  # بلدية محافظة حوطة بني تميم
            or links
            and _indefinite_link(doc, j, k)
        ):
            k += 1
        else:
            break
    return k


def _indefinite_link(doc: Doc, j: int, k: int) -> bool:
    """A second indefinite genitive between an indefinite one and a definite
    word: ``نادي ضباط | قوى الأمن الداخلي`` (each but the last of a chain is
    written without the article). Only where the NER ran, to tell it from a
    person's name (``رئيس مركز شري | عبدالله الدهيمان``)."""
    return (
        k == j + 1
        and k + 1 < len(doc)
        and is_word(doc[k])
        and not has_waw(doc[k])
        # صحيفة سبق | خالد الثواب: without the NER a first name looks the same
        and ner_ran(doc)
        and doc[k].ent_type_ not in PER_LABELS
        and not is_definite(doc[j])
        and not prep_clitic(doc[j])
        and not prep_clitic(doc[k])
        and is_definite(doc[k + 1])
        and not is_blocked(doc, k + 1)
        and not has_waw(doc[k + 1])
    )


def _after_head(doc: Doc, j: int, k: int) -> bool:
    """Token ``k`` follows a body's or a facility's head inside the chain: a
    royal name there is its eponym (``مدير مستشفى | الملك فهد``), even in an
    office chain that otherwise leaves ``الملك`` / ``الأمير`` to the holder.
    A definite head takes no eponym: ``رئيس النادي | الأمير عبدالرحمن``."""
    return (
        k > j
        and not is_definite(doc[k - 1])
        and bool(
            match_head("org_heads", doc, k - 1) or match_head("venue_heads", doc, k - 1)
        )
    )


def _new_head(doc: Doc, k: int, first: bool = False) -> bool:
    """An office, or an organization head joined by و, starts another phrase."""
    if not first and match_exact("person_offices", doc, k):
        return True
    return has_waw(doc[k]) and bool(match_head("org_heads", doc, k))


def _titled(doc: Doc, k: int) -> bool:
    """A title starts a person (``وزارة الحج الأستاذ ...``), whatever the NER's span."""
    return bool(match_exact("person_titles", doc, k))


def _coord_word(doc: Doc, k: int) -> bool:
    """``ربيعة ورفيدة``: a plain word joined by و inside an organization's name."""
    return (
        k + 1 < len(doc)
        and not is_blocked(doc, k)
        and not match_head("venue_heads", doc, k)
    )


def _at_venue(doc: Doc, k: int) -> bool:
    """``بالقرية التراثية`` / ``بمتنزه القوافل``: ب + a facility is where, not who."""
    return prep_clitic(doc[k]) == BEH and bool(match_head("venue_heads", doc, k))  # ب


def _glued_complement(doc: Doc, k: int) -> bool:
    """``بمنطقة عسير`` / ``لرعاية الشباب`` go on a chain; ``بعيد الفطر`` does not.

    After the first complement, ب before an indefinite word starts a complement
    of place (منطقة، جامعة، مقر); anything else (بعيد، بمناسبة) is a
    circumstance of the sentence, and ك never continues a name (``كأحد``).
    The first complement is the head's genitive
    whatever its first letter (``فريق بوينت التطوعي``).
    """
    clitic = prep_clitic(doc[k])
    if clitic == "\u0643":  # ك: كأحد المعارض، كجزء من is a comparison
        return False
    if clitic != BEH:  # ل: للطاقة الذرية
        return True
    return any(
        match_head(name, doc, k) for name in ("place_kinds", "org_heads", "venue_heads")
    ) or bool(match("places", doc, k))


def _continues(doc: Doc, k: int) -> bool:
    return not is_blocked(doc, k) and (is_definite(doc[k]) or bool(place_at(doc, k)))


def _royal_name(doc: Doc, k: int) -> int:
    """``الملك عبدالعزيز`` / ``الأمير سلطان`` / ``خادم الحرمين`` inside a facility name."""
    hit = match_exact("royal_names", doc, k)
    if not hit:
        return 0
    end = k + hit[0]
    name = name_at(doc, end)
    return (name.end if name else end) - k


@dataclass
class Slice:
    """A token range ``[start, end)``."""

    start: int
    end: int

    def text(self, doc: Doc) -> str:
        return doc[self.start : self.end].text


def name_at(
    doc: Doc, i: int, conjunction: bool = False, given: bool = False
) -> Slice | None:
    """A personal name starting at ``i``, or None.

    A PER entity starting here wins. Otherwise: a first word that is no
    title, office, head noun or stop; links (بن، آل، أبو) with the word after
    them; a second word of any kind; then only definite family names.
    ``conjunction``: the first word may carry the و that joins the name to a
    list (``سعيد بن مانع | وفهد الشهراني``). ``given``: the first word may be
    an office that is also a given name (lexicon ``office_given_names``), as
    it is right after a title (``الدكتور | مساعد العيبان``).
    """
    if i >= len(doc):
        return None
    ent = ent_starting(doc, i, PER_LABELS)
    if ent is not None:
        end = min(ent.end, i + MAX_NAME)
        # the NER may run a name on into what follows (الفالح المؤتمر العالمي)
        end = next((k for k in range(i + 1, end) if _ends_name(doc, k)), end)
        return Slice(i, end)
    if not _name_word(doc, i, first=True, conjunction=conjunction, given=given):
        return None
    k = i + 1
    while k < len(doc) and k - i < MAX_NAME and _name_word(doc, k):
        if match_exact("person_name_links", doc, k):
            if not _name_word(doc, k + 1):
                break
            k += 2
            continue
        if k - i >= 2 and not is_definite(doc[k]):
            break
        k += 1
    return Slice(i, min(k, len(doc)))


def _ends_name(doc: Doc, k: int) -> bool:
    """A word no personal name runs into: punctuation, a stop or an event noun.

    Titles may sit inside a name the NER found (``آل الشيخ``).
    """
    tok = doc[k]
    return (
        is_break(tok)
        or is_stop(tok)
        or bool(match("event_nouns", doc, k))
        or _prep_title(doc, k)
    )


def _prep_title(doc: Doc, k: int) -> bool:
    """ب or ل glued to a title (``رحب الدكتور حامد الشمري | بسمو أمير المنطقة``):
    the title of whom the name's owner addresses, never a word of the name."""
    return bool(prep_clitic(doc[k]) and match("person_titles", doc, k))


_PLACE_HEADS = ("org_heads", "venue_heads", "place_kinds")


def _name_word(
    doc: Doc,
    k: int,
    first: bool = False,
    conjunction: bool = False,
    given: bool = False,
) -> bool:
    if k >= len(doc) or is_blocked(doc, k):
        return False
    norm = doc[k].norm_
    if has_waw(doc[k]):
        if not conjunction:
            return False
        norm = norm[1:]  # وفهد: the lexicon tests below look past a leading و
    if given and first and match_exact("office_given_names", doc, k):
        return True
    if match_exact("person_offices", doc, k) or match_exact("org_heads", doc, k):
        return bool(k + 1 < len(doc) and match_exact("person_name_links", doc, k + 1))
    if (
        match_exact("event_nouns", doc, k)
        or match_exact("event_activity_nouns", doc, k)  # افتتح المحافظ | فعاليات
        or match_exact("venue_heads", doc, k)
    ):
        return False
    if _prep_title(doc, k):
        return False
    if (
        first
        and prep_clitic(doc[k])
        and any(match(name, doc, k) for name in _PLACE_HEADS)
    ):
        return False  # ... والمشرف على سنة الامتياز | بكلية الطب: where, not who
    if is_definite(doc[k]) and not prep_clitic(doc[k]) and match("event_nouns", doc, k):
        return False  # محمد العلي | المعرض: the object, no family name
    if first and _definite_after_prep(doc[k]):
        return bool(ent_starting(doc, k, PER_LABELS))  # الباحث | بالدورة الثالثة
    if first and (
        match_exact("places", doc, k) or norm.startswith(AL)
    ):  # ال, or a town's name (بدر): a name only as a PER entity or before بن / آل
        return bool(ent_starting(doc, k, PER_LABELS)) or bool(
            match_exact("nasab_links", doc, k + 1)
        )
    return True


def _definite_after_prep(tok: Token) -> bool:
    """ب / ك / ل glued to a definite word: ``بالدورة``, ``للدورة`` (ل + ال drops the alef)."""
    prep = prep_clitic(tok)
    if prep is None:
        return False
    norm = tok.norm_
    rest = norm[norm.index(prep) + 1 :]
    return rest[:2] == AL or (prep == "\u0644" and rest[:1] == "\u0644")


def org_at(doc: Doc, i: int) -> Slice | None:
    """An organization phrase whose head noun stands at ``i`` (clitics allowed)."""
    hit = match_head("org_heads", doc, i)
    if not hit:
        return None
    eponym = eponym_end(doc, i, i + hit[0])
    end = extend_chain(
        doc,
        eponym or i + hit[0],
        coordination=True,
        genitive=eponym is None and not is_definite(doc[i]),
        links=True,
    )
    alias_end = alias_after(doc, end)  # جمعية ... «إيثار»، فريق «لأجلك ياوطن»
    if alias_end and end == i + hit[0]:  # مركز «الذيد» | للفنون: the name goes on
        alias_end = extend_chain(doc, alias_end, coordination=True, genitive=False)
    end = _object_after_describer(doc, i + hit[0], alias_end or end)
    ent = ent_starting(doc, i, ORG_LABELS)
    if ent is not None and end < ent.end <= i + MAX_CHAIN:
        # the NER saw a longer name (مجلس قبائل ربيعة ورفيدة), but a second
        # organization joined by و (... والنادي الأدبي) or a title is not part of it
        end = next(
            (k for k in range(end, ent.end) if _new_head(doc, k) or _titled(doc, k)),
            ent.end,
        )
    if end == i + hit[0] and hit[0] == 1 and not is_definite(doc[i]):
        return None  # a bare indefinite head (مجموعة من، فريق) names nobody
    if described_only(doc, i, i + hit[0], end):
        return None  # فريق تطوعي، جمعية خيرية: a kind of body, not one named
    return Slice(i, end)


_PLURAL_ENDINGS = ("\u064a\u0646", "\u0648\u0646")  # ين ون
_NISBA_ENDINGS = ("\u064a", "\u064a\u0647")  # ي يه


def _object_after_describer(doc: Doc, start: int, end: int) -> int:
    """End of a body's name before a plural noun that follows its adjective or
    its quoted alias: the verb's object, not a word of the name (``فريق ابتسموا
    الاجتماعي والتطوعي | المصلين``, ``شركة "موبايلي" | الموزعين المميزين``).
    As a first complement such a noun names the body (``جمعية المعلمين``)."""
    for k in range(start + 1, end):
        tok, before = doc[k], doc[k - 1]
        if (
            is_definite(tok)
            and not prep_clitic(tok)
            and tok.norm_.endswith(_PLURAL_ENDINGS)
            and (before.norm_.endswith(_NISBA_ENDINGS) or before.text in QUOTES_CLOSE)
        ):
            return k
    return end


def described_only(doc: Doc, i: int, head_end: int, end: int) -> bool:
    """An indefinite head with one indefinite relative adjective and nothing more.

    ``فريق تطوعي``, ``مركز تجاري``, ``جامعة سعودية``: the adjective (-ي / -ية)
    says what kind of place or body it is, not which. A place name (``مدينة
    دبي``), an NER entity or a short word (``مركز شري``, a town) is a name.
    """
    if is_definite(doc[i]) or end != head_end + 1 or end > len(doc):
        return False
    word = doc[head_end]
    norm = word.norm_
    return (
        not is_definite(word)
        and not prep_clitic(word)
        and len(norm) >= NISBA_LETTERS
        and norm.endswith(("\u064a", "\u064a\u0647"))  # ي ، يه
        and not place_at(doc, head_end)
        and not word.ent_type_
    )


def eponym_end(doc: Doc, head: int, k: int) -> int | None:
    """End of the titled person a body or a place is named after, as the NER saw it.

    ``كرسي المهندس عبدالله بن أحمد بقشان لأبحاث النحل``, ``قاعة الشيخ ناصر آل
    زرعة``: the head at ``head`` (ending at ``k``), a title there, then a PER
    entity. Royal names (``مؤسسة الملك خالد``) are read by the chain itself;
    without NER nothing says where such a name ends.
    """
    hit = match_exact("eponym_titles", doc, k) if k < len(doc) else None
    if not hit or not names_eponym(doc, k, head):
        return None  # royal names (مطار الملك عبدالعزيز) are the chain's own
    while hit:
        k += hit[0]
        hit = match_exact("eponym_titles", doc, k) if k < len(doc) else None
    ent = ent_starting(doc, k, PER_LABELS)
    return min(ent.end, k + MAX_NAME) if ent is not None else None


def names_eponym(doc: Doc, k: int, head: int | None = None) -> bool:
    """The title at ``k`` opens the name of the person the body or place before it is named after.

    ``كرسي | المهندس عبدالله بقشان``, ``مستشفى | الدكتور سليمان الحبيب``: an
    indefinite organization or facility head (at ``head``, else the word
    before ``k``) right before a title of ``eponym_titles`` or a royal name
    (``منتزه الأمير مشاري بن سعود``); not a head that says who leads
    (``برئاسة الأستاذ``, lexicon ``eponym_heads_not``). Such a person is part
    of a name, not someone present.
    """
    if head is None:
        head = k - 1
    if head < 0 or k >= len(doc):
        return False
    if not (match_exact("eponym_titles", doc, k) or match_exact("royal_names", doc, k)):
        return False
    if is_definite(doc[head]) or match_head("eponym_heads_not", doc, head):
        return False
    return any(
        (hit := match_head(name, doc, head)) and head + hit[0] == k
        for name in ("org_heads", "venue_heads", "street_heads")
    )


def org_mentions(doc: Doc) -> list[Slice]:
    """Every organization phrase with at least one complement (cached per doc)."""
    key = "civic_org_mentions"
    if key not in doc.user_data:
        found = []
        for i in range(len(doc)):
            org = org_at(doc, i)
            if org and org.end - org.start > 1:
                found.append(org)
        doc.user_data[key] = found
    return doc.user_data[key]


def _head_key(doc: Doc, i: int) -> str:
    """The organization head noun at ``i`` without clitics or article (بلديه)."""
    heads = phrase_index("org_heads").by_first
    for form in strip_prepositions(doc[i].norm_):
        if form in heads:
            return form.removeprefix(AL)
    return doc[i].norm_


def antecedent(doc: Doc, org: Slice) -> Slice | None:
    """The spelled-out mention of a bare definite organization head.

    The nearest earlier mention with the same head noun wins, else the first
    later one.
    """
    head = _head_key(doc, org.start)
    same = [m for m in org_mentions(doc) if _head_key(doc, m.start) == head]
    before = [m for m in same if m.start < org.start]
    if before:
        return before[-1]
    return same[0] if same else None


ALIAS_TOKENS = 8  # tokens of a quoted alias, quotes included («إيثار»)


def alias_after(doc: Doc, k: int) -> int | None:
    """End of a quoted alias right after a body's or a place's name, else None.

    ``جمعية تنشيط التبرع بالأعضاء «إيثار»``, ``فريق «لأجلك ياوطن»``, ``قاعة
    «واحة الثقافة»``. A quoted event title (``قرية المفتاحة " معرض فناني
    القرية "``) names the event, not the place.
    """
    end = quoted_after(doc, k, ALIAS_TOKENS)
    if (
        end is None
        or match("event_nouns", doc, k + 1)
        or any(
            doc[n].text in COMMAS  # جامعة شيكاغو (خوسيه كازانوفا، ص 319): a citation
            or doc[n].norm_ in load_lexicon("alias_not_words")  # (يرحمه الله): a prayer
            for n in range(k + 1, end - 1)
        )
    ):
        return None
    return end


def quoted_after(doc: Doc, k: int, max_tokens: int = 14) -> int | None:
    """End (exclusive) of a quoted title that opens at token ``k``, else None.

    ``«واحة الثقافة»``, ``“نحو المليون متطوع”``, ``(الإبداع والتقنية)``: the
    quotes must close on the same line around at least one word.
    """
    if k >= len(doc) or doc[k].text[:1] not in QUOTES_OPEN:
        return None
    for j in range(k + 1, min(k + max_tokens, len(doc))):
        if doc[j].text[:1] in QUOTES_CLOSE:
            return j + 1 if any(is_word(t) for t in doc[k + 1 : j]) else None
        if "\n" in doc[j].text:
            return None
    return None
