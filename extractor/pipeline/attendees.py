"""``civic_attendees``: named persons and organizations reported as present.

After a presence cue (بحضور، حضر، بمشاركة، ألقى، على شرف) a list of persons or
organizations joined by ``،`` or و is read, one mention at a time; after a
presenter cue (يقدمها، ألقاها) one person. A person needs a name: an office
alone is not an attendee (FACTS.md).
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from extractor.arabic.normalize import AL, LAM, WAW
from extractor.pipeline.events import event_noun_at
from extractor.pipeline.facts import candidates, ensure_extensions
from extractor.pipeline.lexicons import (
    BEH,
    COMMAS,
    MIN,
    QUOTES_CLOSE,
    QUOTES_OPEN,
    exact_hits,
    has_waw,
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
from extractor.pipeline.persons import PersonParse, is_named, person_at, trailing_office
from extractor.pipeline.phrases import (
    MAX_NAME,
    ORG_LABELS,
    PER_LABELS,
    Slice,
    ent_at,
    ent_starting,
    in_entity,
    is_blocked,
    names_eponym,
    ner_ran,
    org_at,
    quoted_after,
)
from extractor.pipeline.resources import load_lexicon, token_norms
from extractor.pipeline.roles import (
    PRESENCE,
    add_org_person,
    add_person,
    coordinated_placing,
    leads_group_present,
    other_sense,
    role_cues,
    winner_cue,
)

MAX_LIST = 8  # mentions read after one cue


@Language.component("civic_attendees")
def find_attendees(doc: Doc) -> Doc:
    """Add attendee candidates after presence cues."""
    ensure_extensions()
    for cue in role_cues(doc):
        if cue.role in PRESENCE and not other_sense(doc, cue.end):
            # بوجود إدارة موحدة: the existence of a body, not its presence
            _read_list(doc, cue.end, bodies=cue.role == "attendee")
        elif cue.role == "attendee:group" and leads_group_present(doc, cue.start):
            _read_list(doc, cue.end)  # بحضور أعضاء الجمعية، يتقدمهم مدير الجمعية ...
    if _reports_event(doc):  # present at what? only where the story is an event's
        for cue in role_cues(doc):
            if cue.role == "attendee:event":  # قدم: offered, in any news
                _read_list(doc, cue.end)
            elif cue.role == "presenter":
                _read_presenter(doc, cue.end)
        _honoured(doc)
        _winners(doc)
        _explainers(doc)
        _titled_people(doc)
        _performers(doc)
        _performed_by(doc)
    return doc


EVENT_REACH = 3  # words from an event noun to its ل + title (أمسية شعرية رائعة للنجمين)


def _performed_by(doc: Doc) -> None:
    """The people an event is by: ``أمسية شعرية للشاعرين X و Y``, ``محاضرة للدكتور X``.

    ل glued to a title or a group word (الشاعر، النجمين، الدكتور) within a few
    words after an event noun; the names after it are read like a list.
    """
    for i in range(1, len(doc) - 1):
        if _glued_title(doc, i) and any(
            event_noun_at(doc, j) or _programme_item(doc, j)
            for j in range(max(i - EVENT_REACH, 0), i)
        ):
            _read_items(doc, i + 1, listed=True)
    for i, (size, _) in exact_hits("speech_nouns", doc):
        _speaker_after(doc, i + size)


SEQUENCE_REACH = 2  # words from a word of sequence to the programme item (ثم | قصيدة)


def _programme_item(doc: Doc, j: int) -> bool:
    """``ثم قصيدة``, ``تلا ذلك فقرة شعرية``: an item of the event's programme."""
    if not match_exact("programme_items", doc, j):
        return False
    for k in range(max(j - SEQUENCE_REACH, 0), j):
        hit = match_exact("programme_sequence", doc, k)
        if hit and k + hit[0] == j:
            return True
    return False


def _speaker_after(doc: Doc, k: int) -> None:
    """``كلمة للزميل أحمد العكيك``, ``كلمة لعمر الزهراني``: who gave the speech.

    ل right after the speech noun (lexicon ``speech_nouns``), glued to a title
    (or a list opener) or, under NER, to a name the NER sees from that word or
    the one after it on.
    """
    if k >= len(doc) or prep_clitic(doc[k]) != LAM:
        return
    if _glued_title(doc, k):
        _read_items(doc, k + 1, listed=True)
        return
    # the NER may see the name from the word after the ل on (ل|عمر الزهراني)
    ent = ent_at(doc, k, PER_LABELS) or ent_at(doc, k + 1, PER_LABELS)
    if ent is not None and is_word(doc[k]) and not is_blocked(doc, k):
        start = k
        if ent.start > k and (_lam_bare(doc, k) or "").startswith(AL):
            start = k + 1  # كلمة للزميل | أحمد العكيك: a definite word is no name's
        name = Slice(start, min(ent.end, start + MAX_NAME))
        person = PersonParse(k, name.end, [], name, trailing_office(doc, name.end), doc)
        if person.role is not None:
            person.end = person.role.end
        add_person(doc, "attendees", person, "speaker", 0.7, glued=True)


def _performers(doc: Doc) -> None:
    """Groups named in quotes (``فرقة «عالم فلة الترفيهية»``) that performed at the event."""
    for i in range(len(doc) - 2):
        if prep_clitic(doc[i]) or not match_exact("performer_groups", doc, i):
            continue
        end = quoted_after(doc, i + 1)
        if end:
            add_org_person(doc, "attendees", Slice(i, end), "performer", 0.6)


LEAD_SENTENCES = 2  # sentences that say what a story is about


def _reports_event(doc: Doc) -> bool:
    """The story is an event's: an event found in its lead, or a patron anywhere.

    A story that only mentions an event further down (a programme, a past
    championship) is about something else, and the titled people it names
    (``الرئيس السوري بشار الأسد``) were not reported present at anything.
    """
    if candidates(doc, "patrons"):
        return True
    lead = [sent for _, sent in zip(range(LEAD_SENTENCES), doc.sents)]
    if not lead:
        return False
    end_char = lead[-1].end_char
    return any(
        c.start < end_char and c.rule != "event_first_mention"
        for c in candidates(doc, "events")
    )


def _titled_people(doc: Doc) -> None:
    """Titled or office-holding people the story reports, unless only referred to."""
    k = 0
    mentioned_end = -1  # where the last person only referred to ends
    formula_end = -1  # where the last person named in a royal formula ends
    greeted = _greeted_tokens(doc)
    other = {  # ألقى | رئيس الاتحاد ... بثقله: the cue means no presence here
        cue.end
        for cue in role_cues(doc)
        if cue.role.startswith("attendee") and other_sense(doc, cue.end)
    }
    opening = sorted(
        {
            i
            for name in ("person_titles", "person_offices")
            for i, _ in exact_hits(name, doc)
        }
    )  # the tokens _opens_person would accept, found in one pass each
    for k0 in opening:
        if k0 < k:
            continue  # inside the person read before
        k = k0
        person = None if names_eponym(doc, k) else person_at(doc, k)
        if person is None or person.name is None:
            if person is not None and _governed(doc, k):
                # an office whose holder's title and name the parse did not
                # reach (بمتابعة من سعادة وكيل ... المكلف | الأستاذ سليمان المسند)
                mentioned_end = person.end
                k = person.end
            else:
                k += 1
            continue
        formula = _in_royal_formula(doc, k, formula_end)
        if formula:
            formula_end = person.end
        mentioned = (
            k in greeted
            or k in other
            or formula
            or _governed(doc, k)
            or _listed_after(doc, k, mentioned_end)
        )
        if mentioned:
            mentioned_end = person.end
        elif (
            not _quoted(doc, k)
            and not _addressed(doc, k)
            and _confirmed(doc, person)
            and _in_event_sentence(doc, k)
        ):
            add_person(doc, "attendees", person, "titled_person", 0.5)
            k = _untitled_after(doc, person.end)
            continue
        k = person.end


ROYAL_FORMULA_REACH = 14  # words from the formula's head to a titled person named in it


def _in_royal_formula(doc: Doc, k: int, formula_end: int = -1) -> bool:
    """``التهاني لخادم الحرمين الشريفين الملك سلمان بن عبدالعزيز، وإلى | صاحب
    السمو الملكي الأمير محمد بن نايف``: a few words after the formula's head
    (lexicon ``royal_formula_heads``) or after the last person named in it
    (``formula_end``), in the sentence and with no presence cue between, a
    titled person is named in the greeting, not reported there. The head as an
    office's complement (``مستشار خادم الحرمين الشريفين``) opens no formula."""
    sent_start = doc[k].sent.start
    for j in range(k - 1, max(sent_start, k - ROYAL_FORMULA_REACH) - 1, -1):
        if _presence_cue(doc, j):
            return False
        if j + 1 == formula_end:
            return True
        if match_head("royal_formula_heads", doc, j):
            if j > 0 and match_exact("person_offices", doc, j - 1):
                return False  # سفير خادم الحرمين الشريفين: an office
            # بحضور خادم الحرمين ...، وولي العهد: a formula a cue introduces is present
            return not any(
                _presence_cue(doc, c) for c in range(max(sent_start, j - 2), j)
            )
    return False


def _presence_cue(doc: Doc, j: int) -> bool:
    cue = match_exact("role_cues", doc, j)
    return bool(cue) and cue[1].startswith("attendee")


def _in_event_sentence(doc: Doc, k: int) -> bool:
    """Token ``k`` stands in the lead or in a sentence that names an event or a
    role (``... حفل التكريم``, ``بحضور``): a titled person in any other sentence
    of an event story is as often only talked about (``سياسة الرئيس ...``)."""
    sent = doc[k].sent
    if sent.start < _lead_end(doc):
        return True
    return any(
        event_noun_at(doc, j) or match_exact("role_cues", doc, j)
        for j in range(sent.start, sent.end)
    )


def _lead_end(doc: Doc) -> int:
    """Where the lead (its first :data:`LEAD_SENTENCES` sentences) ends."""
    lead = [sent for _, sent in zip(range(LEAD_SENTENCES), doc.sents)]
    return lead[-1].end if lead else 0


def _untitled_after(doc: Doc, k: int) -> int:
    """Untitled names that go on a list of titled people: ``الدكتور زيد الفضيل،
    والدكتورة أمل القثامي، محمد السحيمي``. Each must be a PER entity (the NER
    ran around the titles), joined by ``،`` or و; a title or an office ends the
    run, for the main loop to read. Returns where the run ends.
    """
    if not ner_ran(doc):
        return k
    for _ in range(MAX_LIST):
        if k >= len(doc):
            return k
        if doc[k].text in COMMAS or doc[k].norm_ == WAW:
            j = k + 1
            if j < len(doc) and has_waw(doc[j]):
                return k  # ، وحافظ الحضور على ...: a new clause
        elif has_waw(doc[k]):
            j = k
        else:
            return k
        if (
            j >= len(doc)
            or ent_starting(doc, j, PER_LABELS) is None
            or _opens_person(doc, j)
        ):
            return k
        person = person_at(doc, j)
        if (
            person is None
            or person.name is None
            or person.titles
            or person.role
            or person.name.end - person.name.start < 2  # الجنرال أحمد | وحيدي
            or any(_opens_person(doc, n) for n in range(j, person.name.end))
        ):  # ونائبه الأستاذ ...: a title inside what the NER read as one name
            return k
        add_person(
            doc, "attendees", person, "titled_list", 0.5, conjunction=has_waw(doc[j])
        )
        k = person.end
    return k


SUBJECT_REACH = 2  # words from a verb of greeting to its subject


def _greeted_tokens(doc: Doc) -> set[int]:
    """Tokens of the people a verb of greeting is addressed to.

    ``وهنأ رئيس اللجنة سلمان الجمل باسم الأهالي خادم الحرمين الشريفين ...،
    وسمو ولي عهده ...``: after the verb (lexicon ``greeting_verbs``) and the
    person right after it, its subject, the rest of the clause (to a full
    stop, كما / ثم or a clause opener) names the greeted, who were not there.
    """
    tokens: set[int] = set()
    for v, _ in exact_hits("greeting_verbs", doc):
        subject = next(
            (
                person_at(doc, j)
                for j in range(v + 1, min(v + 1 + SUBJECT_REACH, len(doc)))
                if _opens_person(doc, j) or ent_at(doc, j, PER_LABELS)
            ),
            None,
        )
        if subject is None:
            continue
        end = doc[v].sent.end
        k = subject.end
        while k < end and not _clause_ends(doc, k):
            tokens.add(k)
            k += 1
    return tokens


def _clause_ends(doc: Doc, k: int) -> bool:
    """A full stop, a new clause (lexicon ``clause_breaks``: كما، ثم) or a reported one (أن)."""
    return doc[k].text in SENT_END or bool(
        match_exact("clause_breaks", doc, k) or match_exact("clause_openers", doc, k)
    )


GOVERNOR_WORDS = 4  # words in the longest term of ``mention_governors``


def _governed(doc: Doc, k: int) -> bool:
    """A word before the mention makes the person referred to, not present.

    ``وفق توجيهات | سمو أمير منطقة عسير ...``, ``بمتابعة مباشرة من | رئيس
    البلدية ...``, ``نيابة عن | المشرف العام ...``, ``الشهيد | رئيس رقباء
    ...`` (lexicon ``mention_governors``).
    """
    for n in range(1, GOVERNOR_WORDS + 1):
        hit = match_exact("mention_governors", doc, k - n) if k >= n else None
        if hit and hit[0] == n:
            return True
    return False


def _listed_after(doc: Doc, k: int, end: int) -> bool:
    """The mention at ``k`` continues the people referred to that ended at ``end``.

    ``بمتابعة من سعادة وكيل الرئيس ... والأستاذ عبدالعزيز الكريديس``: right
    after (a glued و), or joined by ``،`` or و, the next person is governed
    like the first.
    """
    if end < 0 or k < end:
        return False
    if k == end:
        return True  # والأستاذ ...، or the titled name of an office read before
    between = doc[end] if k == end + 1 else None
    return between is not None and (
        between.text in COMMAS
        or between.norm_ == WAW
        or is_definite(between)  # an office's adjective: وكيل الرئيس ... المكلف
    )


def _confirmed(doc: Doc, person) -> bool:
    """Without NER any parsed name is kept; with it, the name must touch a PER entity.

    Offices and titles are NER-gate cues, so the words after them are always
    tagged: an office followed by no PER (``أمير الشرقية فعالياته``,
    ``رئيس بلدية القريات شريط المعرض``) names nobody.
    """
    return not ner_ran(doc) or in_entity(doc, person.name, PER_LABELS)


def _glued_title(doc: Doc, i: int) -> bool:
    """Token ``i`` is ل + a title or a list opener word (للشاعر، للنجمين، للدكتورة)."""
    return _lam_bare(doc, i) in _glued_title_words()


@cache
def _glued_title_words() -> frozenset[str]:
    """Title first words and one-word list openers (built once, read per token)."""
    openers = (t for t in load_lexicon("attendee_list_openers") if " " not in t)
    return _title_words() | frozenset(openers)


def _lam_bare(doc: Doc, i: int) -> str | None:
    """The word without its glued ل (للأمير -> الأمير), or None without one."""
    if prep_clitic(doc[i]) != LAM:
        return None
    bare = token_norms(doc)[i]
    bare = bare[2:] if bare[:1] == WAW else bare[1:]
    if bare[:1] == LAM:  # للأمير = ل + الأمير
        bare = "\u0627" + bare
    return bare


def _addressed(doc: Doc, k: int) -> bool:
    """The mention follows a title glued to ل: someone thanked or congratulated.

    ``رفع التهنئة لخادم الحرمين الشريفين الملك ...``, ``شكره لصاحب السمو
    الأمير ...``: the title read from ``k`` on lost its first word to the ل.
    """
    norms = token_norms(doc)
    words = _title_words(whole=True)
    while k > 0 and norms[k - 1] in words:  # لصاحب | السمو الأمير
        k -= 1
    return k > 0 and _lam_bare(doc, k - 1) in _title_words()


@cache
def _title_words(whole: bool = False) -> frozenset[str]:
    """First words (or, ``whole``, all words) of titles and offices, normalized."""
    return frozenset(
        word
        for name in ("person_titles", "person_offices")
        for term in load_lexicon(name)
        for word in (term.split() if whole else term.split()[:1])
    )


def _opens_person(doc: Doc, k: int) -> bool:
    return bool(
        match_exact("person_titles", doc, k) or match_exact("person_offices", doc, k)
    )


QUOTE_REACH = 10  # words between a verb of saying and the speaker's name or title


def _quoted(doc: Doc, k: int) -> bool:
    """A verb of saying opens the clause the mention starts in.

    ``وأوضح مدير ...`` and also ``وأوضح رئيس اللجنة الإعلامية مدير المركز
    ...`` or ``فقد أشار منسق الوفود في المنطقة الأستاذ ...``: the speaker's
    offices may stand between. Punctuation or a clause opener (أن، إن; lexicon
    ``clause_openers``: what was said begins) ends the look back.
    """
    for j in range(k - 1, max(k - 1 - QUOTE_REACH, -1), -1):
        if match_exact("quote_verbs", doc, j):
            return True
        if is_break(doc[j]) or match_exact("clause_openers", doc, j):
            return False
    return False


def _honoured(doc: Doc) -> None:
    """Whom a verb of honouring names after its subject (lexicon ``honour_verbs``).

    ``كرم الأمير سعود بن نايف، أمير المنطقة الشرقية، الشركة السعودية العالمية
    للبتروكيماويات "سبكيم"``: the subject (a titled or office-holding person,
    or a body) comes first; the honoured, read like a list, after it.
    """
    for v, _ in exact_hits("honour_verbs", doc):
        if v + 1 >= len(doc):
            continue
        person = person_at(doc, v + 1)
        if person is not None and (person.titles or person.role):
            end = person.end
        else:
            org = org_at(doc, v + 1)
            if org is None:
                continue  # كرمهم، كرم في الحفل: no subject to read past
            end = org.end
        if end < len(doc) and doc[end].text in COMMAS:
            end += 1
        if end < len(doc) and not prep_clitic(doc[end]):  # جمعية البر | بمركز الحكامية
            _read_items(doc, end, listed=False)


LISTEN_REACH = 4  # words from a listening verb to the explanation (سموه إلى)
EXPLAIN_REACH = 12  # words from the explanation to the من naming who gave it


def _explainers(doc: Doc) -> None:
    """Who explained what the guest listened to: ``استمع سموه إلى شرح مفصل عن
    الصور المشاركة من مشرف المعرض مفرح السويلمي`` (lexicons ``listen_verbs``,
    ``explanation_nouns``). The first من in the clause that a titled or
    office-holding, named person follows; a group (``من المرشدين``) is no one.
    """
    for i, (size, _) in exact_hits("explanation_nouns", doc):
        if not any(
            match_exact("listen_verbs", doc, j)
            for j in range(max(i - LISTEN_REACH, 0), i)
        ):
            continue
        for j in range(i + size, min(i + size + EXPLAIN_REACH, len(doc) - 1)):
            if is_break(doc[j]):
                break
            if doc[j].norm_ != MIN:
                continue
            person = person_at(doc, j + 1)
            if person and person.name and (person.titles or person.role):
                add_person(doc, "attendees", person, "explainer", 0.6)
            break


WINNER_REACH = 11  # words from a winner verb to its person (the NER gate tags 12)


def _winners(doc: Doc) -> None:
    """The person a verb of winning names (``roles.winner_cue``; FACTS.md: winners attend).

    ``فاز بالمركز الأول في مسابقة التصوير الضوئي يوسف عبدالله المسعود``,
    ``وحلت فاطمة يعقوب بالمركز الثالث``, ``حصل على المركز الأول ... لسالم
    محمد السيد``: the first person in the clause after the verb, a PER entity
    (glued to ل, the owner of what won) or, without NER, a titled person. A
    body first (``فاز فريق الهلال``) is the winner, and no person is read.
    """
    for i, _ in exact_hits("winner_verbs", doc):
        k = winner_cue(doc, i)
        if k is None:
            continue
        j, owner = _read_winner(doc, k)
        # والمركز الثاني «مبروكة» لمساعد صميط، والمركز الثالث ...: the placings
        # coordinated after it in the sentence share its verb, and where the
        # first named an owner after ل, so do the others (one the NER missed)
        while (j := _next_placing(doc, j)) is not None:
            j, _ = _read_winner(doc, j, bare_owner=owner)


PLACING_REACH = 30  # words from one placing to the next coordinated one


def _next_placing(doc: Doc, j: int) -> int | None:
    """The next coordinated placing of the sentence, a few words on, or None."""
    for k in range(j, min(j + PLACING_REACH, len(doc))):
        if doc[k].text in SENT_END or "\n" in doc[k].text:
            return None
        placing = coordinated_placing(doc, k)
        if placing is not None:
            return placing
    return None


def _read_winner(doc: Doc, k: int, bare_owner: bool = False) -> tuple[int, bool]:
    """Read the winner of the placing clause at ``k``.

    Returns where the reading stopped and whether the winner was an owner
    after ل. ``bare_owner``: an earlier placing's was, so ل + bare words
    (:func:`_bare_owner`) are this one's owner even with no PER entity.
    """
    quoted = False
    for j in range(k, min(k + WINNER_REACH, len(doc))):
        if doc[j].text in QUOTES_OPEN or doc[j].text in QUOTES_CLOSE:
            quoted = doc[j].text in QUOTES_OPEN and not quoted
            continue  # السباق المركب الشراعي "غنييه" لسالم ...: what won, quoted
        if quoted:
            continue  # «عاصفة الحزم»: a name of what won, not its owner
        if is_break(doc[j]):
            return j, False
        if match("winner_places", doc, j) or prep_clitic(doc[j]) == BEH:
            continue  # بالمركز الأول، على المركز: the placing, not a body
        if org_at(doc, j):
            return j, False
        owner = _glued_first_name(doc, j) or (bare_owner and _bare_owner(doc, j))
        if owner:  # لمساعد | صميط الكبيدي: the NER began a word late, or missed it
            add_person(doc, "attendees", owner, "winner", 0.6, glued=True)
            return owner.end, True
        if ent_starting(doc, j, PER_LABELS) is None and not (
            not ner_ran(doc) and _opens_person(doc, j)
        ):
            continue
        glued = prep_clitic(doc[j]) == LAM
        if prep_clitic(doc[j]) and not glued:
            return j, False  # كـ + a name: a comparison, not the holder
        person = person_at(doc, j)
        if person and person.name and is_named(person):
            add_person(doc, "attendees", person, "winner", 0.6, glued=glued)
            return person.end, glued
        return j + 1, False
    return min(k + WINNER_REACH, len(doc)), False


OWNER_WORDS = 4  # most words of an owner's name read without the NER


def _lam_indefinite(doc: Doc, j: int) -> bool:
    """Token ``j`` is ل glued to an indefinite word, which may begin a name
    (``لمساعد``); a definite one (``للمسابقة``) is no name."""
    return (
        prep_clitic(doc[j]) == LAM
        and is_word(doc[j])
        and not is_blocked(doc, j)
        and (_lam_bare(doc, j) or "")[:2] != AL
    )


def _bare_owner(doc: Doc, j: int) -> PersonParse | None:
    """ل + an indefinite word and up to :data:`OWNER_WORDS` in all (``لأحمد سنوسي
    أبو بكر``, ``لمساعد صميط الكبيدي``), up to the next و, punctuation, clitic
    or function word: an owner's name, read only where a coordinated placing
    before it named its owner the same way."""
    if not _lam_indefinite(doc, j):
        return None
    end = j + 1
    while (
        end < min(j + OWNER_WORDS, len(doc))
        and is_word(doc[end])
        and not doc[end].norm_.startswith(WAW)
        and not prep_clitic(doc[end])
        and not is_stop(doc[end])
    ):
        end += 1
    if end - j < 2:
        return None
    return PersonParse(j, end, [], Slice(j, end), None, doc)


def _glued_first_name(doc: Doc, j: int) -> PersonParse | None:
    """ل + a bare word right before a PER entity (``لمساعد | صميط الكبيدي``):
    the owner's first name, which the NER left out with its ل."""
    if not _lam_indefinite(doc, j) or j + 1 >= len(doc):
        return None
    ent = ent_starting(doc, j + 1, PER_LABELS)
    if ent is None:
        return None
    name = Slice(j, min(ent.end, j + MAX_NAME))
    return PersonParse(j, name.end, [], name, None, doc)


def _past_proxy(doc: Doc, k: int) -> int:
    """``ألقاها نيابة عنهم الطالب ...``: the speaker comes after whom he speaks for."""
    hit = match_exact("proxy_phrases", doc, k) if k < len(doc) else None
    return k + hit[0] if hit else k


def _read_list(doc: Doc, k: int, bodies: bool = True) -> None:
    k = _past_event_object(doc, k)  # حضر الحفل ، الأمير ...
    pronoun = match_exact("event_pronoun_preps", doc, k) if k < len(doc) else None
    if pronoun:  # قدمت فيه الطفلة ...: in the event the story reports, else
        if not _reports_event(doc):  # the film or the vote يشارك فيه ...
            return
        k += pronoun[0]
    k = _past_proxy(doc, k)
    opener = match_exact("attendee_list_openers", doc, k)
    if opener:  # كل من / الشعراء before the names
        k += opener[0]
    if not _read_items(doc, k, listed=bool(opener), bodies=bodies):
        # حضر الحفل المدرب الإعلامي علي الموينع، | والشيخ ...: read on past it
        k = _next_titled_item(doc, k)
        if k is not None:
            _read_items(doc, k, listed=bool(opener), bodies=bodies)


ITEM_WORDS = 5  # words of a list item the parser cannot read, before the next one


def _next_titled_item(doc: Doc, k: int) -> int | None:
    """Where the list goes on past a first item no rule reads: after a comma,
    at a titled person (``، والشيخ محمد السبر``), within :data:`ITEM_WORDS`."""
    for j in range(k, min(k + ITEM_WORDS, len(doc) - 1)):
        if doc[j].text in COMMAS:
            return j + 1 if match_exact("person_titles", doc, j + 1) else None
        if is_break(doc[j]):
            return None
    return None


def _read_items(doc: Doc, k: int, listed: bool, bodies: bool = True) -> int:
    """Mentions joined by ، or و from ``k`` on; ``listed``: an opener vouches for names;
    ``bodies``: organizations count as well as people.

    Returns how many were read.
    """
    glued = False  # the item's first word carries the joining و (وثاني الدهمشي)
    vouched = listed
    for n in range(MAX_LIST):
        k = _read_one(doc, k, listed=vouched, conjunction=glued, bodies=bodies)
        if k is None:
            return n
        if k >= len(doc):
            return n + 1
        glued = False
        if doc[k].text in COMMAS or doc[k].norm_ == WAW:
            comma = doc[k].text in COMMAS
            k += 1
            glued = k < len(doc) and has_waw(doc[k])  # ، وثاني الدهمشي
            # الشاعران X وY، | تناولت الوطن: past a comma with no و, the NER vouches
            vouched = listed and not (comma and not glued and ner_ran(doc))
        elif has_waw(doc[k]):
            glued = True
        else:
            return n + 1
        if _prepositional(doc, k):
            return n + 1
    return MAX_LIST


def _read_presenter(doc: Doc, k: int) -> None:
    """``يقدمها المدرب عبدالرحمن الغامدي``: one person, whom the NER confirms
    unless titled; or the body whose members present it (``قدمه طلاب جامعة عفت``)."""
    k = _past_proxy(doc, k)
    if _members_of(doc, k):
        return
    person = person_at(doc, k)
    if (
        (person is None or person.name is None)
        and k + 1 < len(doc)
        and is_definite(doc[k])
        and not has_waw(doc[k + 1])  # التضحيات التي قدمها السوريون | وشلال الدم
        and ent_at(doc, k + 1, PER_LABELS)
    ):
        person = person_at(
            doc, k + 1
        )  # قدمها المدرب | عبدالرحمن الغامدي (a PER entity)
    if person and person.name and is_named(person) and _confirmed(doc, person):
        add_person(doc, "attendees", person, "presenter")


def _members_of(doc: Doc, k: int) -> int | None:
    """A named body whose members take part: ``[مجموعة من] أطفال جمعية إنسان``
    (lexicons ``group_quantifiers``, ``member_nouns``) makes the body an
    attendee. Returns where the body's phrase ends (a list reads on past
    ``وأعضاء مجلس الإدارة``, which names none), or None."""
    quantifier = match_exact("group_quantifiers", doc, k) if k < len(doc) else None
    if quantifier:
        k += quantifier[0]
    if k + 1 >= len(doc) or not match_exact("member_nouns", doc, k):
        return None
    org = org_at(doc, k + 1)
    if org is None or org.end < k + 3:
        return None  # عدد من منسوبي | الجمعية: no body named
    if ent_starting(doc, k + 1, ORG_LABELS) is not None or not (
        is_definite(doc[k + 1])  # أعضاء | اللجان بدورهم: a kind of body
        or all(is_definite(doc[j]) for j in range(k + 2, org.end))
    ):  # أعضاء | مجلس الإدارة، هيئة التدريس: a body of any club, no name
        add_org_person(doc, "attendees", org, "members+org", 0.7)
    return org.end  # named or not, a list goes on past it


OBJECT_WORDS = 3  # definite words completing an event object (حفل التسليم)


def _past_event_object(doc: Doc, k: int) -> int:
    """After ``حضر`` / ``شهد`` the event may come first: ``حضر الحفل، كبير سدنة
    ...``, ``وحضر حفل التسليم ممثل الغرفة ...``: the noun, the definite words
    that complete it (not a title or an office: ``حضر الحفل الأمير ...``)."""
    hit = match("event_nouns", doc, k) if k < len(doc) else None
    if not hit or prep_clitic(doc[k]):
        return k
    end = k + hit[0]
    for _ in range(OBJECT_WORDS):
        if end >= len(doc) or not is_definite(doc[end]) or _opens_person(doc, end):
            break
        end += 1
    if not is_definite(doc[end - 1]):
        return k  # حضر حفل | ...: no object the verb could have
    return end + 1 if end < len(doc) and doc[end].text in COMMAS else end


def _prepositional(doc: Doc, k: int) -> bool:
    """With NER, ``، لمبعوث الأمين العام``: ب / ل glued to a word outside any entity ends the list.

    Without NER such a word may still be a name (بندر، لطيفة), so the list goes on.
    """
    return (
        k < len(doc)
        and ner_ran(doc)
        and prep_clitic(doc[k]) is not None
        and not doc[k].ent_type_
    )


def _read_one(
    doc: Doc,
    k: int,
    listed: bool = False,
    conjunction: bool = False,
    bodies: bool = True,
) -> int | None:
    members = _members_of(doc, k)  # طلاب جامعة الملك سعود: the body attends
    if members:
        return members
    # a bare name glued to its و (وفهد الشهراني) only where an opener vouches for names
    person = person_at(doc, k, conjunction=conjunction and listed, apposition=True)
    if person and person.name and is_named(person, listed):
        add_person(doc, "attendees", person, "attendee_cue", conjunction=conjunction)
        return person.end
    if person and person.name is None and person.role and person.end > k + 1:
        return (
            person.end
        )  # رئيس المركز ورئيس بلدية البطين والمجلس البلدي: no name, read on
    org = org_at(doc, k) if bodies else None
    if org and org.end > k + 1:
        add_org_person(doc, "attendees", org, "attendee_cue+org", 0.8)
        return org.end
    ent = ent_starting(doc, k, PER_LABELS + (ORG_LABELS if bodies else ()))
    if ent is not None and (len(ent) > 1 or ent.label_ not in PER_LABELS):
        # one word of a person names no one: a surname told again (وقدم الغامدي
        # كلمة), a first name cut off (كريستوف | وولتز)
        add_org_person(
            doc, "attendees", Slice(ent.start, ent.end), "attendee_cue+ner", 0.7
        )
        return ent.end
    return None
