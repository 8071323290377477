"""``civic_events``: the civic events an article reports, with type, name and edition.

An event noun (ملتقى، ورشة عمل، مهرجان ...; ``event_nouns`` maps each to its
type) starts a mention. Its name is a quoted title right after it (or after
بعنوان / تحت شعار), else its construct chain when that chain holds a proper
element (a place, a definite word, a number). Definite mentions (الملتقى)
refer back and make no new event; weak nouns (برنامج، مشروع) count only when
named. An ordinal or edition number after the name is the edition.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.arabic.normalize import AL, POSSESSIVES, WAW, possessed
from extractor.pipeline.facts import add_candidate, candidates, ensure_extensions
from extractor.pipeline.lexicons import (
    BEH,
    COMMAS,
    FI,
    MIN,
    QUOTES_CLOSE,
    QUOTES_OPEN,
    exact_hits,
    has_waw,
    head_cut,
    hits,
    is_break,
    is_definite,
    is_stop,
    is_word,
    match,
    match_exact,
    match_head,
    prep_clitic,
)
from extractor.pipeline.normalizer import SENT_END
from extractor.pipeline.phrases import (
    PER_LABELS,
    Slice,
    ent_starting,
    extend_chain,
    person_title_at,
    place_at,
    quoted_after,
)
from extractor.pipeline.resources import (
    load_lexicon,
    load_table,
    phrase_index,
    token_norms,
)

_LAM = "\u0644"  # ل
# الذي التي: a relative clause after an event noun
_RELATIVES = frozenset(("\u0627\u0644\u0630\u064a", "\u0627\u0644\u062a\u064a"))
_HEH = "\u0647"  # ه, where the event noun is written with ة
MAX_QUOTE = 14  # tokens inside a quoted title
TITLE_GAP = 3  # tokens between the noun and a quoted title (بعنوان، تحت شعار)


EVENT_NOUN_SEEN = "civic_event_noun_seen"


def mentions_event(doc: Doc) -> bool:
    """The doc names an event somewhere, even one that is no candidate (بمهرجان، حفلا)."""
    return bool(doc.user_data.get(EVENT_NOUN_SEEN))


def event_noun_at(doc: Doc, i: int) -> bool:
    """Token ``i`` starts an event noun, indefinite accusatives included (``حفلا``)."""
    return bool(match("event_nouns", doc, i)) or _accusative_event(token_norms(doc), i)


def _accusative_event(norms: list[str], i: int) -> bool:
    """An indefinite accusative event noun (``معرضا``، ``حفلا``): alef after the noun.

    A noun in ة takes no alef: ``دورها`` is دور + ها (its role), not دورة.
    """
    norm = norms[i]
    return (
        len(norm) > 3
        and norm[-1] == "\u0627"
        and norm[-2] != _HEH
        and norm[:-1] in phrase_index("event_nouns")
    )


@Language.component("civic_events")
def find_events(doc: Doc) -> Doc:
    """Add one candidate per event mention that introduces an event."""
    ensure_extensions()
    nouns = dict(hits("event_nouns", doc))  # every token an event noun starts at
    i = glued_heading_end(doc)  # a caption's event is the story's, told below
    for start in sorted(nouns):
        if start < i:
            continue  # inside the mention read before
        i = start
        text = match_head("event_nouns_not", doc, i)  # ببطولة الفيلم too
        if text:  # مشروع القانون ...: a draft, not an event
            i += text[0]
            continue
        if _cast_of_work(doc, i):
            continue  # مسرحية "لا" من بطولة الفنان نايف فائز: its cast
        if _in_the_course_of(doc, i):
            continue  # في معرض رده على ...: while replying
        if i and _generic(doc, i - 1):
            continue  # تحقيق أي بطولة: any championship, none reported
        doc.user_data[EVENT_NOUN_SEEN] = True
        size, value = nouns[i]
        inner = nouns.get(i + size)
        if (
            inner
            and not _is_title_word(doc, i + size)
            and not _strong_over_weak(value, inner[1])
        ):
            i += size  # حفل افتتاح المهرجان: the inner noun carries the type
            continue
        i = _mention(doc, i, size, value)
    _accusatives(doc)
    _brands(doc)
    _quoted_activities(doc)
    if mentions_event(doc) and all(
        c.fields["type"] == "other" for c in candidates(doc, "events")
    ):  # a play or an operetta alone is a part of the story's event
        _first_definite(doc)
    _honouring(doc)
    _launched_titles(doc)
    return doc


_WRAPPERS = frozenset(("opening", "ceremony", "graduation"))


_FIRST_PERSON = ("\u0646\u0627", "\u064a")  # نا ي: ردنا، ردي


def _in_the_course_of(doc: Doc, i: int) -> bool:
    """``في معرض`` (lexicon ``course_nouns``) before a speech noun (lexicon
    ``aside_nouns``) with the article or a possessive: ``في معرض رده على``,
    ``في معرض الحديث عن``."""
    if i == 0 or i + 1 >= len(doc) or not match_exact("course_nouns", doc, i):
        return False
    if doc[i - 1].norm_ not in (FI, WAW + FI):
        return False
    norm = doc[i + 1].norm_
    if norm.startswith(AL):
        stem = norm[len(AL) :]
    else:
        under = possessed(norm, POSSESSIVES + _FIRST_PERSON)
        stem = under[0] if under else None
    return stem in load_lexicon("aside_nouns")


_QUANTIFIER_CLITICS = (WAW, "\u0641", _LAM, BEH, WAW + _LAM, WAW + BEH)  # و ف ل ب ول وب


def _generic(doc: Doc, k: int) -> bool:
    """A quantifier (lexicon ``generic_quantifiers``) at ``k``, as written or
    behind و / ف / ل / ب (``لأي مبادرة``): the event noun after it is generic."""
    norm = doc[k].norm_
    terms = load_lexicon("generic_quantifiers")
    return norm in terms or any(
        norm.startswith(clitic) and norm[len(clitic) :] in terms
        for clitic in _QUANTIFIER_CLITICS
    )


WORK_REACH = 8  # words from a film or a play back to the من بطولة of its cast


def _cast_of_work(doc: Doc, i: int) -> bool:
    """``بطولة`` (lexicon ``cast_nouns``) that says who stars in a work.

    A few words after a film, a series, a play or its credits (lexicon
    ``screen_works``) in its sentence, when ``من`` stands before it, a و is
    glued to it, or the work's word or quoted title ends right before it:
    ``مسرحية "لا" من بطولة الفنان نايف فائز``, ``من تأليف وإخراج عمر الديني
    وبطولة صلاح الملا``, ``والفيلم بطولة ...``, ``وفيلم «شد أجزاء» بطولة ...``.
    Or right before an untitled person the NER tags (``«ذهاب وعودة» بطولة
    أحمد السقا``; a cup named after a prince, ``بطولة الأمير فيصل بن فهد``,
    is a championship).
    """
    if not match_exact("cast_nouns", doc, i):
        return False
    ent = ent_starting(doc, i + 1, PER_LABELS)
    if ent is not None and len(ent) > 1 and not person_title_at(doc, i + 1):
        return True
    if i == 0:
        return False
    before = doc[i - 1]
    cued = (
        before.norm_ == MIN
        or has_waw(doc[i])
        or before.text in QUOTES_CLOSE  # «شد أجزاء» بطولة
        or bool(match_exact("screen_works", doc, i - 1))  # والفيلم بطولة
    )
    if not cued:
        return False
    start = max(doc[i].sent.start, i - 1 - WORK_REACH)
    return any(match_exact("screen_works", doc, k) for k in range(start, i))


def _strong_over_weak(outer: str, inner: str) -> bool:
    """A strong event noun before a weak one is the event, the weak one its
    theme: ``ملتقى مشروع خادم الحرمين`` is a forum, not a project. An opening
    or a ceremony stays a wrapper (FACTS.md: ``حفل افتتاح X`` is the event X)."""
    return not outer.endswith("?") and outer not in _WRAPPERS and inner.endswith("?")


def _named_head(doc: Doc, j: int) -> bool:
    """The word before ``j`` heads a body's or a place's name (شركة، فندق)."""
    return j > 0 and bool(
        match_head("org_heads", doc, j - 1) or match_head("venue_heads", doc, j - 1)
    )


LAUNCH_REACH = 16  # words from a verb of launching to the quoted title it launched


def _launched_titles(doc: Doc) -> None:
    """A quoted title a verb of launching opened (lexicon ``launch_verbs``):
    ``دشن أمين المنطقة مساء ثاني أيام العيد «الحارة الحجازية»``: an opening,
    named by the title. An event noun, a break, another cue or a place's
    preposition before it leaves the verb to that event or place; a title in
    brackets is too often a gloss (``في 24 يوليو (تموز)``) to count."""
    for k, _ in exact_hits("launch_verbs", doc):
        for j in range(k + 2, min(k + 1 + LAUNCH_REACH, len(doc))):
            # after the subject, not a gloss in brackets (تفتتح في 24 يوليو (تموز))
            # nor the quoted name of a body or a place (دشنت شركة «بيجو»)
            quoted = (
                _opens_quote(doc, j) and doc[j].text != "(" and not _named_head(doc, j)
            )
            end = quoted_after(doc, j, MAX_QUOTE) if quoted else None
            if end is None:
                if (
                    doc[j].text in SENT_END
                    or is_break(doc[j])
                    or event_noun_at(doc, j)
                    or match_exact("role_cues", doc, j)
                    or doc[j].norm_ in load_lexicon("venue_preps")  # على ملعب ...
                ):
                    break
                continue
            if not any(event_noun_at(doc, t) for t in range(j + 1, end - 1)):
                _add_event(
                    doc,
                    doc[j:end],
                    "event_launched",
                    0.7,
                    "opening",
                    doc[j + 1 : end - 1].text,
                )
            break


def _add_event(
    doc: Doc, span: Span, rule: str, score: float, kind: str, name: str | None = None
) -> None:
    """An event candidate with no edition (the main mention reads its own)."""
    add_candidate(doc, "events", span, rule, score, type=kind, name=name, edition=None)


DATELINE = 12  # tokens a dateline (reporter- paper- city:) may take before the lead


def after_dateline(doc: Doc, start: int, end: int) -> int:
    """Where the lead begins after a dateline (``هادي العصيمي- سبق- مكة المكرمة:``)
    or after a heading glued to it (``برنامج الفعاليات|بدأت الرئاسة``: two
    words with no space between are the tokenizer's cut of a lost seam)."""
    for j in range(start, min(start + DATELINE, end - 1)):
        if doc[j].text == ":":
            return j + 1
        if j > start and _seam(doc, j):
            return j
    return start


def _seam(doc: Doc, j: int) -> bool:
    """Two words with no space between: where the tokenizer cut a lost seam."""
    return not doc[j - 1].whitespace_ and is_word(doc[j - 1]) and is_word(doc[j])


def glued_heading_end(doc: Doc) -> int:
    """Where a heading glued to the story's first word ends, else 0: ``جانب من
    احتفال العيد|أقامت المؤسسة ...``, ``برنامج الفعاليات|بدأت الرئاسة``."""
    first = next(doc.sents, None)
    if first is None:
        return 0
    start = after_dateline(doc, first.start, first.end)
    return start if start > first.start and _seam(doc, start) else 0


def _honouring(doc: Doc) -> None:
    """A lead that opens with a verb of honouring (lexicon ``honour_verbs``:
    ``كرم المكتب التعاوني ... العاملين``) reports a ceremony, though no
    event noun names it."""
    if any(c.fields["type"] == "ceremony" for c in candidates(doc, "events")):
        return
    first = next(doc.sents, None)
    if first is None or not len(first):
        return
    start = after_dateline(doc, first.start, first.end)
    if start < first.end and match_exact("honour_verbs", doc, start):
        _add_event(doc, doc[start : start + 1], "event_honouring", 0.5, "ceremony")


def _quoted_activities(doc: Doc) -> None:
    """A festival whose activities carry a quoted title: ``فعاليات «السودة أجمل»``.

    The activity noun (lexicon ``event_activity_nouns``) is no part of the
    name; the title inside the quotes is.
    """
    for i, (size, _) in exact_hits("event_activity_nouns", doc):
        k = i + size
        end = quoted_after(doc, k, MAX_QUOTE)  # a word at least inside the quotes
        if end is None:
            continue
        doc.user_data[EVENT_NOUN_SEEN] = True
        _add_event(
            doc,
            doc[i:end],
            "event_quoted_activities",
            0.8,
            "festival",
            doc[k + 1 : end - 1].text,
        )


_POSSESSIVES = ("\u0647\u0627", "\u0647\u0645", "\u0647")  # ها هم ه


@cache
def _possessed_forms() -> dict[str, str]:
    """Every one-word event noun with a possessive pronoun, and its type:
    ``حفلها``, ``معرضه``, ``حملتها`` (the ة of حملة written ت before it),
    ``لقاءه`` (weak: ``meeting?``)."""
    forms: dict[str, str] = {}
    for words, value in phrase_index("event_nouns").values.items():
        if len(words) > 1:
            continue
        stem = words[0][:-1] + "\u062a" if words[0][-1] == _HEH else words[0]
        forms.update((stem + suffix, value) for suffix in _POSSESSIVES)
    return forms


def _accusatives(doc: Doc) -> None:
    """``أقامت الجمعية حفلا``, ``نظمت معرضا``: an indefinite accusative event
    noun (no ب / ل glued, not a weak noun) introduces an unnamed event; an
    event noun with a possessive (``حفلها السنوي``) is at least a mention."""
    norms = token_norms(doc)
    values = phrase_index("event_nouns").values
    possessed = _possessed_forms()
    for k, norm in enumerate(norms):
        if norm in possessed:
            if not possessed[norm].endswith("?"):  # برنامجه is his schedule
                doc.user_data[EVENT_NOUN_SEEN] = True
            _possessed_event(doc, k, possessed[norm])
        if norm[-1:] != "\u0627" or not _accusative_event(norms, k):
            continue
        if prep_clitic(doc[k]) or match_head("event_nouns_not", doc, k):
            continue  # عقد مؤتمرا صحافيا: no civic event
        doc.user_data[EVENT_NOUN_SEEN] = True
        value = values.get((norm[:-1],))
        if value is None or value.endswith("?"):
            continue
        _add_event(doc, doc[k : k + 1], "event_noun", 0.6, value)


# words from a verb of holding to the event it holds: the holder's name between
# may be long (نظم مجلس قبائل ربيعة ورفيدة وبني ثوعة بمنطقة عسير | لقاءه)
HOLDER_REACH = 10


def _possessed_event(doc: Doc, k: int, value: str) -> None:
    """``أقامت محافظة رماح احتفالها السنوي``, ``عقدت اللجنة اجتماعها الأول``:
    an event noun with the holder's pronoun, a few words after a verb of
    holding in its sentence (lexicon ``lead_event_verbs``), is the event held.
    A weak noun only with an edition: ``نظم المجلس لقاءه السنوي الخامس``."""
    edition, end = _edition(doc, k + 1)
    if value.endswith("?") and edition is None:
        return
    sent_start = doc[k].sent.start
    if not any(
        match_exact("lead_event_verbs", doc, j)
        for j in range(max(sent_start, k - HOLDER_REACH), k)
    ):
        return
    doc.user_data[EVENT_NOUN_SEEN] = True
    add_candidate(
        doc,
        "events",
        doc[k : max(end, k + 1)],
        "event_possessed",
        0.6,
        type=value.rstrip("?"),
        name=None,
        edition=edition,
    )


def _brands(doc: Doc) -> None:
    """Season festivals named by a brand word and a town: ``عيد أشيقر 36``, ``عيد وصيف الخرج``.

    Lexicon ``event_brands``; the town is a known place or, under NER, a LOC
    entity, and a two-digit number may close the name. Inside another event's
    name (``مهرجان صيف أبها``) the brand adds nothing.
    """
    covered: set[int] | None = None  # tokens inside events found so far
    for i, (size, kind) in exact_hits("event_brands", doc):
        if covered is None:
            covered = {
                t.i
                for c in candidates(doc, "events")
                for t in doc.char_span(c.start, c.end, alignment_mode="expand") or ()
            }
        if i in covered or prep_clitic(doc[i]) or i + size >= len(doc):
            continue
        second = match_exact("event_brands", doc, i + size)
        if second and has_waw(doc[i + size]):
            size += second[0]  # عيد وصيف الخرج 36: one festival
        place = place_at(doc, i + size)
        if not place:
            continue
        end = _numbered(doc, i + size + place)
        covered.update(range(i, end))
        doc.user_data[EVENT_NOUN_SEEN] = True
        _add_event(
            doc,
            doc[i:end],
            "event_brand",
            0.8,
            kind,
            doc[i:end].text[head_cut(doc, i, "event_brands") :],
        )


def _first_definite(doc: Doc) -> None:
    """A story that only ever says ``الاحتفال`` / ``الحفل`` still reports that event.

    Definite mentions refer back; when nothing came before, the first one
    (``انتهت فعاليات الاحتفال بعيد الفطر``, ``وقد أقيم الاحتفال``) is the
    event. Weak nouns and nouns glued to a preposition stay out.
    """
    for i in range(len(doc)):
        hit = match("event_nouns", doc, i)
        if not hit or not _definite(doc, i, hit[0]) or prep_clitic(doc[i]):
            continue
        size, value = hit
        if value.endswith("?") or match("event_nouns", doc, i + size):
            continue
        if match_head("event_nouns_not", doc, i) or not _told_as_held(doc, i):
            continue  # دور البطولة، الحملة العسكرية التي قادتها: nothing held
        _add_event(doc, doc[i : i + size], "event_first_mention", 0.5, value)
        return


def _definite(doc: Doc, i: int, size: int) -> bool:
    """The event noun is definite: ``المؤتمر``, or an annexed definite (``ورشة العمل``)."""
    return is_definite(doc[i]) or (size > 1 and is_definite(doc[i + size - 1]))


def _is_title_word(doc: Doc, k: int) -> bool:
    return k < len(doc) and doc[k].text[:1] in QUOTES_OPEN


def _mention(doc: Doc, i: int, size: int, value: str) -> int:
    kind, weak = value.rstrip("?"), value.endswith("?")
    glued = prep_clitic(doc[i])
    if i > 0 and doc[i - 1].like_num:
        return i + size  # 462 مبادرة: a count, no event
    if glued and not _done_by(doc, i, glued) and not _glued_title(doc, i, size):
        return i + size  # بمهرجان، لاحتفالات: no event of its own
    definite = _definite(doc, i, size)
    if not definite and doc[i].text.endswith(_HEH):
        return i + size  # دوره (his role), حمله (carried it): not دورة، حملة
    quoted = _quote_around(doc, i, size) or _quoted_name(doc, i, size)
    name = quoted or _chain_name(doc, i, size)
    if weak and name and _state_programme(doc, name):
        return name.end  # برنامج إيران النووي: no civic event
    if weak and name and _won(doc, i):
        return name.end  # الحاصل على جائزة «بوليتزر»: a prize won, no event told
    if weak and name and _on_the_air(doc, i):
        return name.end  # اشتهر بتقديم برنامج "الجولة": a show, no event
    end = name.end if name else i + size
    edition, end_ed = _edition(doc, end)
    if weak and name and not quoted and edition is None and not _told_as_held(doc, i):
        return name.end  # دوري أبطال آسيا، مشروع توسعة المسعى: a name, nothing held
    if (
        definite
        and name is None
        and edition is not None
        and end_ed <= end + 2
        and not match_exact("edition_cues", doc, i)
        and _chain_end(doc, i, size) > i + size  # المهرجان الأول: no name
        and not _of_event(doc, end_ed)  # الورشة الأولى | للملتقى: a part, no name
    ):
        name = Slice(i, _chain_end(doc, i, size))  # الملتقى الصيفي الثالث
        end = name.end
    elif name is None:
        if (
            definite
            and not weak
            and _organized_by(doc, _chain_end(doc, i, size))
            and not _found_before(doc, kind)
        ):
            end = _chain_end(doc, i, size)  # الملتقى الصيفي الدعوي الذي ينظمه ...
        elif definite:
            return i + size
        described = _described(doc, i, size)
        if weak and not described and not _attended(doc, i, size, kind):
            return i + size
        if described:  # the evidence keeps what the event is about
            end = _chain_end(doc, i, size)
    add_candidate(
        doc,
        "events",
        doc[i : max(end, end_ed)],
        "event_noun",
        1.0 if name else 0.7,
        type=kind,
        name=doc[i:end].text[head_cut(doc, i, "event_nouns") :] if name else None,
        edition=edition,
    )
    return end


WON_REACH = 3  # words from a verb of winning to the prize (حازت أيضا على | جائزة)


def _won(doc: Doc, i: int) -> bool:
    """A verb of winning or earning (lexicon ``prize_won_verbs``) right before
    the noun at ``i``, على and one more word aside."""
    for k in range(i - 1, max(-1, i - 1 - WON_REACH), -1):
        if match_exact("prize_won_verbs", doc, k):
            return True
        if is_break(doc[k]):
            return False
    return False


def _on_the_air(doc: Doc, i: int) -> bool:
    """A برنامج (lexicon ``show_nouns``) at ``i`` in a sentence that speaks of
    television or radio (lexicon ``broadcast_words``): a show on the air."""
    if not match("show_nouns", doc, i):
        return False
    sent = doc[i].sent
    return any(match("broadcast_words", doc, k) for k in range(sent.start, sent.end))


def _told_as_held(doc: Doc, i: int) -> bool:
    """The sentence of token ``i`` tells of something taking place: a verb of
    holding, hosting or launching (``نظمت``، ``أقيم``، ``تستضيفها``، ``دشن``), of
    its start or run (``انطلقت``، ``تتواصل``; lexicon ``event_course_verbs``), a
    role cue (``برعاية``، ``بحضور``; lexicon ``role_cues``) or its activities
    (``فعاليات``). A weak noun's bare name is a league or a project (``مشروع
    توسعة المسعى``) that a story mentions, not an event it reports; a quoted
    title (``مشروع «حفظ النعمة»``) or an edition names one."""
    sent = doc[i].sent
    return any(
        match_exact("lead_event_verbs", doc, k)
        or match_exact("venue_held_verbs", doc, k)
        or match_exact("venue_host_verbs", doc, k)
        or match_exact("event_course_verbs", doc, k)
        or match_exact("role_cues", doc, k)
        or match("event_activity_nouns", doc, k)
        for k in range(sent.start, sent.end)
    )


def _state_programme(doc: Doc, name: Slice) -> bool:
    """A weak noun's name holds a word of a state's or an economy's programme
    (lexicon ``event_names_not_words``: النووي، التقشف)."""
    return any(
        match_exact("event_names_not_words", doc, k)
        for k in range(name.start, name.end)
    )


def _glued_title(doc: Doc, i: int, size: int) -> bool:
    """An event noun glued to the ل of the body that runs it, with a quoted
    title, names an event of its own: ``اللجان المنظمة لمسابقة الطائف "سما
    للقراءة"`` (lexicon ``event_committee_words``), not ``الشريك المؤسس
    لمبادرة "..."`` nor ``فاز بجائزة "..."``."""
    return (
        i > 0
        and prep_clitic(doc[i]) == _LAM
        and bool(match_exact("event_committee_words", doc, i - 1))
        and bool(_quote_around(doc, i, size) or _quoted_name(doc, i, size))
    )


DOING_REACH = 8  # words from a verb of doing (قام) to the ب of its object


def _done_by(doc: Doc, i: int, glued: str) -> bool:
    """``قام فريق بوينت التطوعي بمحافظة الأحساء، | بمبادرة``: the ب is the
    object marker of a verb of doing (lexicon ``event_doing_verbs``) a few
    words before in the sentence, and the event noun is what was done."""
    if glued != BEH:
        return False
    for k in range(i - 1, max(-1, i - 1 - DOING_REACH), -1):
        if doc[k].text in SENT_END:
            return False
        if match_exact("event_doing_verbs", doc, k):
            return True
    return False


def _organized_by(doc: Doc, k: int) -> bool:
    """``الذي ينظمه`` / ``التي أقامتها`` at ``k``: a body holds the event named
    before, which a definite noun alone would only refer back to."""
    if k + 1 >= len(doc) or doc[k].norm_ not in _RELATIVES:
        return False
    hit = match_exact("role_cues", doc, k + 1)
    return bool(hit) and hit[1].startswith("organizer")


def _attended(doc: Doc, i: int, size: int, kind: str) -> bool:
    """An unnamed meeting with a cue of presence or patronage right after it (a
    comma between): ``سيعقد يوم الخميس لقاء عام، | بحضور أمين العاصمة``. Only
    a meeting: ``برنامج تلفزيوني بحضور مندوب ...`` is a broadcast, and a
    sponsored ``مشروع`` a project."""
    if kind != "meeting":
        return False
    k = _chain_end(doc, i, size)
    if k < len(doc) and doc[k].text in COMMAS:
        k += 1
    hit = match_exact("role_cues", doc, k) if k < len(doc) else None
    return bool(hit) and hit[1].split(":")[0] in ("attendee", "patron")


def _found_before(doc: Doc, kind: str) -> bool:
    """An event of this type was found earlier: a definite noun refers back to it."""
    return any(c.fields.get("type") == kind for c in candidates(doc, "events"))


def _of_event(doc: Doc, k: int) -> bool:
    """ل glued to a bare event noun at ``k`` (``للملتقى``): what comes before is a
    part of the event the story has named (not ``لمنتدى الأعمال السعودي``)."""
    if k >= len(doc) or prep_clitic(doc[k]) != _LAM:
        return False
    hit = match("event_nouns", doc, k)
    return bool(hit) and _chain_end(doc, k, hit[0]) == k + hit[0]


def _quote_around(doc: Doc, i: int, size: int) -> Slice | None:
    """The title an event noun opens inside quotes: ``«مهرجان أبها يجمعنا»``.

    The quote must close on the same line, within :data:`QUOTED_TITLE` tokens; a
    closing ordinal is the edition, not the name (``«ملتقى ربوة الرياض السابع»``).
    """
    if i == 0 or not _opens_quote(doc, i - 1):
        return None
    for k in range(i + size, min(i + QUOTED_TITLE, len(doc))):
        text = doc[k].text
        if text in QUOTES_CLOSE:
            end = k
            while end > i + size and _ordinal(doc, end - 1):
                end -= 1
            return Slice(i, end) if end > i + size else None  # "المهرجان": a word
        if (
            "\n" in text
            or text in SENT_END
            or text in QUOTES_OPEN
            or text == ":"
            or doc[k].norm_ in load_lexicon("negations")
        ):
            return None  # «الحملة مستمرة ...»، «المؤتمر لا تعنيه ...»: quoted speech
    return None


QUOTED_TITLE = 9  # tokens from a quoted title's event noun to its closing quote


def _opens_quote(doc: Doc, k: int) -> bool:
    """Token ``k`` opens a quote: «, “ or (, or a straight " that does not close one
    (``"STC" | اتفاقية``: glued to the word before it, it closes)."""
    text = doc[k].text
    if text not in QUOTES_OPEN:
        return False
    if text not in QUOTES_CLOSE or text == "\u201c":
        return True
    return k == 0 or bool(doc[k - 1].whitespace_) or doc[k - 1].is_space


def _quoted_name(doc: Doc, i: int, size: int) -> Slice | None:
    k = i + size
    while k < min(i + size + TITLE_GAP, len(doc)) and not _is_title_word(doc, k):
        cue = match_exact("title_cues", doc, k)
        if cue:
            k += cue[0]
            continue
        if (
            _definite(doc, i, size)
            or k > i + size
            or is_break(doc[k])
            or is_stop(doc[k])
        ):
            return None  # one plain word at most: مسابقة الطائف "سما للقراءة"
        k += 1
    end = quoted_after(doc, k, MAX_QUOTE)
    return Slice(i, end) if end else None


def _chain_end(doc: Doc, i: int, size: int) -> int:
    """End of the noun's construct chain, without a trailing ordinal (the edition)."""
    j = i + size
    if j < len(doc) and prep_clitic(doc[j]):
        return j  # ورشة للتعريف بـ...: a description, not a name
    end = _twin_complement(doc, j, extend_chain(doc, j, waw=False))
    end = next((k for k in range(j, end) if match("anniversary_nouns", doc, k)), end)
    while end > j and _ordinal(doc, end - 1):
        end -= 1
    return _numbered(doc, end)


def _twin_complement(doc: Doc, j: int, end: int) -> int:
    """End of the chain with a twin of its first complement joined by و.

    ``مهرجان العيد | والصيف``, ``مهرجان التسوق والترفيه``: two words of one
    kind name the event together. Twins without the article need a place after
    them (``مهرجان عيد وصيف | حفر الباطن``, not ``برنامج محاضرات وندوات``); an
    event noun or its activities after و is a second thing (``مهرجان العسل
    والفعاليات``), and so is a twin with a word of its own (``معايدة الأهالي
    والألوان الفلكلورية``).
    """
    if end != j + 1 or end >= len(doc) or not has_waw(doc[end]):
        return end
    first, twin = doc[j], doc[end]
    if (
        prep_clitic(first)
        or is_stop(twin)
        or is_definite(first) != is_definite(twin)
        or match("event_nouns", doc, end)
        or match("event_activity_nouns", doc, end)
    ):
        return end
    after = extend_chain(doc, end + 1, waw=False) if end + 1 < len(doc) else end + 1
    if after == end + 1:
        return end + 1 if is_definite(first) else end  # مهرجان العيد والصيف |
    # a place after the twins names them (عيد وصيف | حفر الباطن); a word of the
    # twin's own is another item of a list (معايدة الأهالي والألوان | الفلكلورية)
    return after if place_at(doc, end + 1) else end


def _numbered(doc: Doc, end: int) -> int:
    """``صيف طيبة 36``: words then a two-digit number close a branded name."""
    for k in range(end, min(end + 3, len(doc))):
        tok = doc[k]
        if tok.is_digit and len(tok.text) == 2:
            return k + 1
        if not is_word(tok) or is_stop(tok):
            break
    return end


def _chain_name(doc: Doc, i: int, size: int) -> Slice | None:
    end = _chain_end(doc, i, size)
    chain = doc[i + size : end]
    if not len(chain) or _definite(doc, i, size):
        return None
    placed = any(place_at(doc, t.i) for t in chain)  # مهرجان أبها
    described = match_head("event_described_nouns", doc, i)  # بمعايدة too
    if described and described[1] == "edition":
        # حفل الأهالي، احتفالات أمانة المنطقة: a description; حفل معايدة أهالي العيون الأول: a name
        numbered = end < len(doc) and (_ordinal(doc, end) or chain[-1].like_num)
        return Slice(i, end) if numbered else None
    if described:  # مسابقة القرآن، سباق القوارب الشراعية: what it is about
        royal = any(match_exact("royal_names", doc, t.i) for t in chain)
        # مسابقة الطائف ...، مسابقة الأمير سلطان القرآنية: a place or a patron's name names it
        return Slice(i, end) if placed or royal or chain[-1].like_num else None
    if any(is_definite(t) for t in chain) or chain[-1].like_num or placed:
        return Slice(i, end)
    return None


def _described(doc: Doc, i: int, size: int) -> bool:
    """A describing noun with a chain that says what it is (``احتفالات أهالي المنطقة الشرقية``).

    Such a weak noun reports an event even without a name.
    """
    if not match_head("event_described_nouns", doc, i):
        return False
    chain = doc[i + size : _chain_end(doc, i, size)]
    return any(is_definite(t) or place_at(doc, t.i) for t in chain)


def _ordinal(doc: Doc, k: int) -> int | None:
    value = load_table("ordinals").get(doc[k].norm_)
    return int(value) if value else None


_TENS = frozenset(range(20, 100, 10))  # الأول والعاشر is two ordinals, not 11


def _edition(doc: Doc, k: int) -> tuple[int | None, int]:
    """``الثاني`` / ``في نسخته الثانية`` / ``الـ(13)`` / ``الدورة 13`` after ``k``."""
    for j in range(k, min(k + 4, len(doc))):
        if match("anniversary_nouns", doc, j):
            break  # بالذكرى الخمسين: years counted, no edition
        hit = match_exact("ordinals", doc, j)
        if hit:
            value, end = int(hit[1]), j + hit[0]
            tens = match_exact("ordinals", doc, end) if value < 10 else None
            if tens and has_waw(doc[end]) and int(tens[1]) in _TENS:
                return value + int(tens[1]), end + tens[0]  # السابعة | والثلاثين
            return value, end
        tok = doc[j]
        if tok.is_digit and j > k and _edition_cue(doc, j):
            return int(tok.text), j + 1
        if is_break(tok) and tok.text not in "()":
            break
    return None, k


def _edition_cue(doc: Doc, j: int) -> bool:
    prev = [t for t in doc[max(j - 3, 0) : j] if not is_break(t)]
    return bool(prev) and (
        match_exact("edition_cues", doc, prev[-1].i) is not None
        or prev[-1].norm_ == AL  # الـ(13): the article alone
    )
