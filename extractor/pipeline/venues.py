"""``civic_venues``: named places where a reported event is held.

A facility head noun (مسرح، قاعة، متنزه، مقر ...) after ب / في / على starts a
venue; its construct chain is the name. When an article names no facility,
a town or district after such a preposition (``بمحافظة ينبع``, ``في حي
عليشة``) in the lead sentence, or right after a verb of holding anywhere
(``المقام حالياً في مدينة كرارا هاما ياماغوتشي``, ``أقيم في الباحة``), is
the venue. A place name inside or right after the venue fills
``city``.
"""

from __future__ import annotations

from functools import cache

from camel_tools.utils.dediac import dediac_ar
from spacy.language import Language
from spacy.tokens import Doc

from extractor.arabic.normalize import WAW, possessed, strip_prepositions
from extractor.pipeline.events import event_noun_at
from extractor.pipeline.facts import add_candidate, candidates, ensure_extensions
from extractor.pipeline.lexicons import (
    BEH,
    is_definite,
    match,
    match_exact,
    match_head,
    norm_prep_clitic,
    prep_clitic,
)
from extractor.pipeline.persons import office_at
from extractor.pipeline.phrases import (
    MAX_CHAIN,
    ORG_LABELS,
    Slice,
    alias_after,
    described_only,
    eponym_end,
    extend_chain,
    org_at,
    place_at,
)
from extractor.pipeline.resources import load_lexicon, teh_marbuta_terms, token_norms
from extractor.pipeline.roles import org_name

TOWN_WORDS = 3  # words in a town's name after its kind (حوطة بني تميم)
HELD_GAP = 3  # words between a verb of holding and its place (المقام حالياً في)


@Language.component("civic_venues")
def find_venues(doc: Doc) -> Doc:
    """Add venue candidates: facilities first, towns when no facility is named.

    A facility counts only in a sentence that tells of an event taking place.
    """
    ensure_extensions()
    if not candidates(doc, "events"):
        return doc  # a venue is where a reported event is held
    taken = _taken(doc)
    last_end = -1  # end of the last facility: a place right after it contains it
    norms = token_norms(doc)
    before = _place_openers()
    held = _EventSentences(doc)
    for i in range(len(doc)):
        if BEH not in norms[i][:2] and (i == 0 or norms[i - 1] not in before):
            continue  # neither a glued ب nor a preposition before: the usual case
        if doc[i].idx in taken or not _after_prep(doc, i):
            continue
        venue = _facility_at(doc, i)
        if venue and not held(i):
            continue  # أستاذ النقد بجامعة أم القرى: no event is held there
        if venue and not match_head("venue_rooms", doc, i) and _affiliation(doc, i):
            venue = None  # الأستاذ المشارك | في المعهد العالي للقضاء: where he works
        if venue and (
            match_head("venue_rooms", doc, i)  # a room is no seat or container
            or not (_contains(doc, last_end, i) or _seat_of(doc, i))
        ):
            _add(doc, venue, "venue_heads", "facility")
        elif not venue:
            _pronoun_venue(doc, i, held)
        if venue:
            last_end = venue.end
    if not candidates(doc, "venues"):
        _towns(doc, taken, next(doc.sents, doc[:0]), held)
    return doc


class _EventSentences:
    """Whether token ``i`` stands in a sentence that tells of an event taking
    place: an event noun (``الحفل``, ``حفلا``), its activities (``فعاليات``), a
    verb of holding (``أقيم``) or a lead verb (``دشن``, ``احتفل``). A facility
    elsewhere is where someone works, studies or posted (``أستاذ النقد بجامعة
    أم القرى``, ``على موقع تويتر``), not where the story's event is held.
    Each sentence is read once, and only when a facility is found in it."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.seen: dict[int, bool] = {}

    def __call__(self, i: int) -> bool:
        sent = self.doc[i].sent
        if sent.start not in self.seen:
            self.seen[sent.start] = any(
                _tells_of_event(self.doc, k) for k in range(sent.start, sent.end)
            )
        return self.seen[sent.start]


def _tells_of_event(doc: Doc, k: int) -> bool:
    return (
        event_noun_at(doc, k)
        or bool(match("event_activity_nouns", doc, k))
        or bool(match("venue_event_cues", doc, k))
        or bool(match_exact("venue_held_verbs", doc, k))
        or bool(match_exact("lead_event_verbs", doc, k))
    )


_TEH = "\u062a"  # ت: قاعتها, the ة of قاعة before a suffix


def _contains(doc: Doc, last_end: int, i: int) -> bool:
    """The facility at ``i`` right after another is the place that holds it.

    ``في قاعة «واحة الثقافة» | في الحي التراثي``: the hall is the venue, the
    district only says where the hall is (FACTS.md: the most specific name).
    A room (lexicon ``venue_rooms``) after a place is inside it, so the caller
    keeps it: ``بالمركز الثقافي الملكي بعمّان | بقاعة فخر النساء``.
    """
    return last_end >= 0 and (
        i == last_end or (i == last_end + 1 and not _glued(doc, i))
    )


def _seat_of(doc: Doc, i: int) -> bool:
    """The facility at ``i`` says where the organization named right before it is.

    ``كرسي المهندس عبدالله بقشان لأبحاث النحل | في جامعة الملك سعود``,
    ``بنك الدم | بمدينة الملك فهد الطبية``: the seat of a body, not the venue of
    the event. Not after an organizer: there it is where the body held it.
    """
    end = i if _glued(doc, i) else i - 1
    if end <= 0 or any(
        c.end == doc[end - 1].idx + len(doc[end - 1])
        for c in candidates(doc, "organizers")
    ):
        return False  # نظمت جمعية الثقافة | بالقرية التراثية: where it organized
    for j in range(max(0, end - MAX_CHAIN - 1), end):
        org = org_at(doc, j)
        if org is not None and org.end == end:
            # the event's own body (اجتماع لجنة الاستعداد | بقاعة ...) or a
            # performing group (فرقة إكليل | في مجمع ...) is there
            return not (
                (j > 0 and event_noun_at(doc, j - 1))
                or match_head("performer_groups", doc, j)
            )
    return False


def _affiliation(doc: Doc, i: int) -> bool:
    """The facility at ``i`` completes an office right before it: a person's post.

    ``الأستاذ المشارك | في المعهد العالي للقضاء``, ``الأستاذ | في جامعة
    المجمعة``: an office phrase ends at the preposition.
    """
    end = i if _glued(doc, i) else i - 1
    return any(
        (office := office_at(doc, j)) is not None and office.end == end
        for j in range(max(0, end - MAX_CHAIN), end)
    )


def _in_org_name(doc: Doc, i: int) -> bool:
    """The place at ``i`` ends the name of an organization that starts before it.

    ``قام فريق بوينت التطوعي | بمحافظة الأحساء``: where the team is from, part
    of its name, not where the event is held.
    """
    return any(
        (org := org_at(doc, j)) is not None and org.end > i
        for j in range(max(0, i - MAX_CHAIN), i)
    )


def _glued(doc: Doc, i: int) -> bool:
    return norm_prep_clitic(token_norms(doc)[i]) == BEH


def _pronoun_venue(doc: Doc, i: int, held: _EventSentences) -> None:
    """``تنظمه غرفة الشرقية بمقرها``: a facility with a pronoun is the organizer's.

    FACTS.md names a pronoun venue by the entity it refers to (``مقر غرفة
    الشرقية``): the nearest organizer named before it in the sentence, or,
    under NER, the nearest ORG entity there.
    """
    tok = doc[i]
    norm = token_norms(doc)[i]
    if norm[:1] == WAW:  # و
        norm = norm[1:]
    glued = norm_prep_clitic(norm) == BEH
    bare = norm[1:] if glued else norm
    under = possessed(bare)
    if under is None or under[0] not in load_lexicon("venue_pronoun_heads"):
        return
    suffix = under[1]
    if not held(i):
        return  # في مقره في مدينة بريستول: no event is held there
    owner = _owner_before(doc, i)
    if owner is None:
        return
    cut = (1 if tok.text[:1] == WAW else 0) + (1 if glued else 0)
    head = tok.text[cut : len(tok.text) - len(suffix)]
    if head.endswith(_TEH):
        head = head[:-1] + "\u0629"  # ة
    add_candidate(
        doc,
        "venues",
        doc[i : i + 1],
        "facility_pronoun",
        0.8,
        name=f"{head} {owner}",
        city=None,
    )


def _owner_before(doc: Doc, i: int) -> str | None:
    """The organizer, else (under NER) the ORG entity, named last before ``i`` in its sentence."""
    start = doc[i].sent.start_char
    orgs = [
        c
        for c in candidates(doc, "organizers")
        if start <= c.start and c.end <= doc[i].idx
    ]
    if orgs:
        return max(orgs, key=lambda c: c.end).fields["name"]
    ents = [
        e
        for e in doc.ents
        if e.label_ in ORG_LABELS and start <= e.start_char and e.end <= i
    ]
    return ents[-1].text if ents else None


def _taken(doc: Doc) -> set[int]:
    """Character starts of tokens already inside an organizer/patron/attendee."""
    starts = set()
    for cand in candidates(doc):
        if cand.kind in ("organizers", "patrons", "attendees"):
            span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            starts.update(t.idx for t in span or ())
    return starts


def _after_prep(doc: Doc, i: int) -> bool:
    """Token ``i`` carries ب, or follows a venue preposition (في، داخل...) or a
    verb of hosting (احتضنته، تستضيفه; the facility is its subject)."""
    norms = token_norms(doc)
    if norm_prep_clitic(norms[i]) == BEH:
        return True
    return i > 0 and norms[i - 1] in _place_openers()


@cache
def _place_openers() -> frozenset[str]:
    """The words a place follows: venue prepositions and verbs of hosting
    (lexicon ``venue_host_verbs``, also with a joining و: واحتضنته)."""
    verbs = load_lexicon("venue_host_verbs")
    return load_lexicon("venue_preps") | verbs | frozenset(WAW + v for v in verbs)


def _facility_at(doc: Doc, i: int) -> Slice | None:
    hit = match_head("venue_heads", doc, i)
    if not hit or match_head("venue_heads_not", doc, i):
        return None  # سوق العمل، موقع الوزارة: no place
    if hit[0] == 1 and _pronoun_not_teh_marbuta(doc, i):
        return None  # بمكتبه أمين عام ...: his office, not مكتبة (a library)
    eponym = eponym_end(doc, i, i + hit[0])
    end = extend_chain(
        doc,
        eponym or i + hit[0],
        venue_stop=False,
        genitive=not is_definite(doc[i]),  # القرية التراثية | مهرجانا: no construct
        links=True,
    )
    while end > i + hit[0] and (
        doc[end - 1].like_num or match_exact("ordinals", doc, end - 1)
    ):
        end -= 1
    end = alias_after(doc, end) or end  # قاعة «واحة الثقافة»
    if end == i + hit[0] and hit[0] == 1:
        return None  # a bare head names nothing (في مسرح، بالمتنزه)
    if (
        end == i + hit[0] + 1
        and is_definite(doc[end - 1])
        and event_noun_at(doc, end - 1)
    ):
        return None  # ملعب المباراة، قاعة الحفل: the event's place, not a name
    if described_only(doc, i, i + hit[0], end):
        return None  # في مركز تجاري: a kind of place, not a named one
    return Slice(i, end)


def _pronoun_not_teh_marbuta(doc: Doc, i: int) -> bool:
    """The head at ``i`` is a word in ة (normalized ه) written with ه and no
    definite genitive follows: ه is a pronoun (``بمكتبه أمين عام``), where a
    careless ة would still read ``في قاعه المؤتمرات``."""
    text = dediac_ar(doc[i].text)
    if not text.endswith("\u0647"):
        return False
    if i + 1 < len(doc) and is_definite(doc[i + 1]):
        return False
    forms = strip_prepositions(token_norms(doc)[i])
    return any(form in teh_marbuta_terms("venue_heads") for form in forms)


def _towns(doc: Doc, taken: set[int], lead, held: _EventSentences) -> None:
    """The venue town when no facility is named.

    The first ``محافظة/مدينة/حي ... + name`` after a preposition in the lead
    sentence; else the first place right after a verb of holding (lexicon
    ``venue_held_verbs``: أقيم، المقام، تقام) or right after an event's
    mention (``مهرجان العسل في الباحة``), where a bare town name
    (``أقيم في الباحة``) is safe too. Elsewhere a bare town name is too often
    part of an organization's name (``مركز التأهيل ببريدة``) or a region.
    """
    for i in range(lead.start, lead.end):
        town = _town_at(doc, taken, i)
        if town and not _in_org_name(doc, i) and held(i):
            _add(doc, town, None, "town")
            return
    for v in range(len(doc)):
        if not match_exact("venue_held_verbs", doc, v):
            continue
        for i in range(v + 1, min(v + 2 + HELD_GAP, len(doc))):
            if doc[i].is_punct:
                break
            if _after_prep(
                doc, i
            ):  # only the first place phrase: أقيم بالمنطقة ... بالدمام
                town = _town_at(doc, taken, i, bare=True)
                if town:
                    _add(doc, town, None, "town")
                    return
                break
    preps = load_lexicon("venue_preps")
    for cand in candidates(doc, "events"):
        if cand.fields.get("type") == "initiative":
            continue  # برنامج الأغذية العالمي في محافظة الحديدة: no place of its own
        event = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        i = event.end
        if i < len(doc) and doc[i].norm_ in preps:
            i += 1  # مهرجان العسل في | الباحة: where the event named is held
        elif len(event) == 1:
            continue  # مهرجان | بدرخان: a glued ب may begin the bare noun's name
        town = _town_at(doc, taken, i, bare=True) if i < len(doc) else None
        if town:
            _add(doc, town, None, "town")
            return


def _town_at(doc: Doc, taken: set[int], i: int, bare: bool = False) -> Slice | None:
    """``[ب|في] محافظة/مدينة/حي + name`` at ``i``; with ``bare``, also a place name alone."""
    if doc[i].idx in taken or not _after_prep(doc, i):
        return None
    if match_head("place_kinds", doc, i):
        size = extend_chain(doc, i + 1, TOWN_WORDS, venue_stop=False) - i
        if size > 1 and _not_country(doc, i + 1):
            return Slice(i, i + size)
        return None
    size = place_at(doc, i) if bare else 0
    if size and _not_country(doc, i):
        return Slice(i, i + size)
    return None


def _not_country(doc: Doc, k: int) -> bool:
    return not match("countries", doc, k)


def _add(doc: Doc, venue: Slice, lexicon: str | None, rule: str) -> None:
    if lexicon:
        name = org_name(doc, venue, lexicon)
    else:
        name = _strip_prep(doc, venue)
    add_candidate(
        doc,
        "venues",
        doc[venue.start : venue.end],
        rule,
        name=name,
        city=_city(doc, venue),
    )


def _strip_prep(doc: Doc, venue: Slice) -> str:
    """The venue's words without a glued ب (``بمحافظة``); ``في لاهاي`` keeps its ل."""
    glued = not (
        venue.start > 0
        and token_norms(doc)[venue.start - 1] in load_lexicon("venue_preps")
    )
    cut = 1 if glued and prep_clitic(doc[venue.start]) else 0
    if doc[venue.start].text[:1] == WAW:  # و
        cut += 1
    return doc[venue.start : venue.end].text[cut:]


def _city(doc: Doc, venue: Slice) -> str | None:
    """A known place inside the venue or right after it (``... بجدة``, ``في الأحساء``)."""
    for k in list(range(venue.start + 1, venue.end)) + [venue.end, venue.end + 1]:
        hit = match("places", doc, k) if k < len(doc) else None
        if hit and _not_country(doc, k):
            return _strip_prep(doc, Slice(k, k + hit[0]))
    return None
