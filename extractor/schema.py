"""The output contract (``spec/FACTS.md``) as pydantic models, and only here.

Every fact carries ``evidence`` whose ``text`` equals
``article_text[start:end]``; :class:`ArticleFacts` serializes to exactly the
contract's keys plus a few optional provenance fields (``rule``, ``score``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EventType = Literal[
    "forum",
    "conference",
    "workshop",
    "seminar",
    "lecture",
    "course",
    "exhibition",
    "festival",
    "ceremony",
    "competition",
    "campaign",
    "initiative",
    "agreement",
    "opening",
    "graduation",
    "meeting",
    "other",
]
Calendar = Literal["gregorian", "hijri"]
# The fact kinds of the output contract, in its order.
KINDS = (
    "events",
    "patrons",
    "organizers",
    "attendees",
    "dates",
    "venues",
    "statistics",
)


class Evidence(BaseModel):
    """Where a fact stands in the original text: ``text == article[start:end]``."""

    model_config = ConfigDict(frozen=True)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Fact(BaseModel):
    """Fields every fact shares: its evidence and the rule that found it."""

    evidence: Evidence
    rule: str | None = None


class Event(Fact):
    type: EventType
    name: str | None = None
    edition: int | None = None


class Person(Fact):
    """A patron or an attendee: a person (or organization) with title and office."""

    name: str | None = None
    title: str | None = None
    role: str | None = None


class Organizer(Fact):
    name: str


class DateFact(Fact):
    text: str
    value: str | None = None
    calendar: Calendar = "gregorian"
    relative: bool = False
    hijri: str | None = None


class Venue(Fact):
    name: str
    city: str | None = None


class Statistic(Fact):
    value: float | int
    unit: str | None = None
    approximate: bool = False
    text: str


class Source(BaseModel):
    """Where a record came from (path, line, encoding); optional in the output."""

    path: str | None = None
    member: str | None = None  # the file inside a ``.zip`` archive
    line: int | None = None  # JSONL line number (1-based)
    index: int | None = None  # position in a JSON array (0-based)
    encoding: str | None = None
    sha1: str | None = None  # hash of text, title and published (see --resume)


class ArticleFacts(BaseModel):
    """One article's facts: the JSON object of the output contract."""

    id: str | None = None
    published: str | None = None
    events: list[Event] = []
    patrons: list[Person] = []
    organizers: list[Organizer] = []
    attendees: list[Person] = []
    dates: list[DateFact] = []
    venues: list[Venue] = []
    statistics: list[Statistic] = []
    source: Source | None = None

    def to_json(self) -> str:
        """One line of JSON, Arabic kept readable, ``source`` left out when unset."""
        return self.model_dump_json(
            exclude_none=False, exclude={"source"} if self.source is None else None
        )
