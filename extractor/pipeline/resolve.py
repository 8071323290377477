"""``civic_resolve``: one entity once per kind, and patron > organizer > attendee.

Candidates of a kind that name the same entity (token overlap of their
normalized names, honorifics aside) are merged, keeping the first and best.
An attendee who is also the patron or an organizer is dropped; an
organization that the text makes patron *and* organizer keeps both roles.
Finally candidates are put in text order within each kind.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor.arabic.normalize import AL, bare, normalize
from extractor.pipeline.facts import KINDS, Candidate, candidates, ensure_extensions
from extractor.pipeline.resources import load_lexicon

SAME = 0.5  # token-overlap F1 at which two names may denote one entity
SAME_OPENING = 3  # opening words two variants of one name share
_NAME_FIELD = {"dates": "value", "statistics": "value"}


@Language.component("civic_resolve")
def resolve(doc: Doc) -> Doc:
    """Deduplicate candidates and apply the cross-kind precedence."""
    ensure_extensions()
    names = [c for c in candidates(doc, "events") if c.fields.get("name")]
    kept: list[Candidate] = []
    for kind in KINDS:
        found = candidates(doc, kind)
        if kind == "statistics":  # ملتقى “نحو المليون متطوع”: a number inside a name
            found = [c for c in found if not any(_inside(c, e) for e in names)]
        kept.extend(_dedupe(kind, found))
    doc._.candidates = _precedence(kept)
    return doc


def key_tokens(cand: Candidate) -> list[str]:
    """Normalized tokens that identify the candidate's entity."""
    if cand.kind == "dates":
        return [str(cand.fields.get("value") or cand.fields.get("text"))]
    if cand.kind == "statistics":  # a repeated figure: same value, same unit stem
        unit = cand.fields.get("unit")
        return [
            str(cand.fields.get("value")),
            bare(normalize(unit.split()[0]))[:4] if unit else "",
        ]
    if cand.kind == "events":
        return [cand.fields["type"], *_words(cand.fields.get("name"))]
    titles = load_lexicon("person_titles")  # matched before ال is cut: الأمير
    name = normalize(cand.fields.get("name") or "").split()
    words = _words(" ".join(w for w in name if w not in titles))
    return words or _words(cand.fields.get("role"))


def _words(text: str | None) -> list[str]:
    """Normalized words, quotes and brackets stripped (``فرقة «خواطر الظلام»``),
    compound names joined (``عبد الرحمن`` = ``عبدالرحمن``; lexicon ``name_joins``)."""
    words = [w.strip(_NOT_WORD) for w in normalize(text or "").split()]
    words = [w for w in words if any(c.isalnum() for c in w)]
    joins = load_lexicon("name_joins")
    joined: list[str] = []
    for word in words:
        if joined and joined[-1] in joins:
            joined[-1] += word
        else:
            joined.append(word)
    return [_no_article(w) for w in joined]


_NOT_WORD = "\"'«»“”‘’()[]{}<>.,،؛:!?-–—"


def _no_article(word: str) -> str:
    return word[2:] if word.startswith(AL) and len(word) > 4 else word


def overlap(a: list[str], b: list[str]) -> float:
    """Token-overlap F1 of two token lists (0.0 when either is empty)."""
    if not a or not b:
        return 0.0
    common = sum(min(a.count(w), b.count(w)) for w in set(a))
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def same_name(a: list[str], b: list[str]) -> bool:
    """Two names of people or bodies denote one entity.

    They share most words and the last one, or one lies inside the other
    (``زياد بن نحيت`` in ``زياد بن حجاب بن نحيت``), or they open with the
    same three words and differ in a trailing complement (``فريق بوينت
    التطوعي بمحافظة الأحساء``). A shared last word alone is no identity
    (``خالد الفيصل``, ``تركي الفيصل``), nor is a shared first word:
    ``سعد الجميلي`` and ``سعد الخلاوي`` are two poets, ``وزارة الزراعة``
    and ``وزارة الصحة`` two ministries. Between two lineages (بن ...) the
    fathers decide: different fathers, neither named in the other, are two men
    (``فيصل بن ثامر بن عبدالعزيز``, ``فيصل بن بندر بن خالد بن عبدالعزيز``), and
    a lineage inside another with a different first word is a son's
    (``خالد بن فيصل بن بندر`` holds ``فيصل بن بندر``).
    """
    if overlap(a, b) < SAME:
        return False
    if _other_fathers(a, b):
        return False  # فيصل بن ثامر بن عبدالعزيز، فيصل بن بندر بن خالد بن عبدالعزيز
    inside = set(a) <= set(b) or set(b) <= set(a)
    if inside and a[0] != b[0] and _lineage(a) and _lineage(b):
        inside = False  # فيصل بن بندر بن خالد in خالد بن فيصل بن بندر: his son
    return (
        _same_word(a[-1], b[-1])
        and a[0] == b[0]  # خالد الفيصل، تركي الفيصل: brothers, not one man
        or inside
        or a[:SAME_OPENING] == b[:SAME_OPENING]
    )


GLUED = 3  # letters of a word run into the one before it (بن أحمداختتمت)


def _same_word(x: str, y: str) -> bool:
    """One word, or one with the next word glued on where a space fell out."""
    short, long = sorted((x, y), key=len)
    return x == y or (long.startswith(short) and len(long) - len(short) >= GLUED)


def _other_fathers(a: list[str], b: list[str]) -> bool:
    """Two lineages whose fathers differ: neither's father is named in the other
    (``زياد بن نحيت`` stays ``زياد بن حجاب بن نحيت``: نحيت is in the longer)."""
    fa, fb = _father(a), _father(b)
    if not (fa and fb) or _same_word(fa, fb):
        return False
    return fa not in b and fb not in a


def _father(words: list[str]) -> str | None:
    links = load_lexicon("nasab_links")
    return words[2] if len(words) > 2 and words[1] in links else None


def _lineage(words: list[str]) -> bool:
    """A name that counts its fathers (بن، بنت; lexicon ``nasab_links``)."""
    return not load_lexicon("nasab_links").isdisjoint(words)


def _same(a: Candidate, b: Candidate) -> bool:
    if a.start < b.end and b.start < a.end:
        return True
    if a.kind in ("dates", "statistics"):
        return key_tokens(a) == key_tokens(b)
    if a.kind == "events":
        named = a.fields.get("name") and b.fields.get("name")
        same_type = a.fields["type"] == b.fields["type"]
        return same_type and (
            not named
            and a.fields.get("name") == b.fields.get("name")
            or named
            and overlap(key_tokens(a), key_tokens(b)) >= SAME
        )
    return same_name(key_tokens(a), key_tokens(b))


def _inside(cand: Candidate, event: Candidate) -> bool:
    """``cand`` lies within the event's name (its evidence starts with the name)."""
    name_end = event.start + len(event.fields["name"])
    return event.start <= cand.start and cand.end <= name_end


def _dedupe(kind: str, cands: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: (-c.score, c.start)):
        if not any(_same(cand, other) for other in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _precedence(cands: list[Candidate]) -> list[Candidate]:
    patrons = [c for c in cands if c.kind == "patrons"]
    organizers = [c for c in cands if c.kind == "organizers"]
    out = []
    for cand in cands:
        if cand.kind == "attendees" and any(
            same_name(key_tokens(cand), key_tokens(o)) for o in patrons + organizers
        ):
            continue
        if cand.kind == "patrons" and _office_of_named_patron(cand, patrons, cands):
            continue
        out.append(cand)
    return out


def _office_of_named_patron(
    cand: Candidate, patrons: list[Candidate], cands: list[Candidate]
) -> bool:
    """An office-only patron (``ورعاية سمو أمير منطقة عسير``) whose office a
    named patron holds, as that patron's mention or another mention of the same
    man says (``الأمير فيصل بن خالد أمير منطقة عسير``): one patron, not two."""
    if cand.fields.get("name") or not cand.fields.get("role"):
        return False
    office = set(_words(cand.fields["role"]))
    named = [p for p in patrons if p.fields.get("name")]
    return any(
        office <= set(_words(other.fields.get("role")))
        and any(same_name(key_tokens(other), key_tokens(p)) for p in named)
        for other in cands
        if other.fields.get("name") and other.kind in ("patrons", "attendees")
    )
