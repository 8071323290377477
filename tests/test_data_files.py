"""Every lexicon loads: normalized, no duplicates, values where a table needs them."""

from typing import get_args

import pytest

from extractor.pipeline.resources import LEXICON_DIR, load_table
from extractor.schema import EventType

NAMES = sorted(p.stem for p in LEXICON_DIR.glob("*.txt"))
TYPES = set(get_args(EventType))


@pytest.mark.parametrize("name", NAMES)
def test_lexicon_loads(name):
    table = load_table(name)  # raises DataFileError on an empty or duplicate term
    assert table, f"{name} is empty"


def test_event_types_are_contract_types():
    for term, value in load_table("event_nouns").items():
        assert value.rstrip("?") in TYPES, term


def test_role_cue_roles():
    roles = {
        "patron",
        "patron:before",
        "opener",
        "organizer",
        "organizer:event",
        "attendee",
        "attendee:event",
        "attendee:group",
        "attendee:person",
        "presenter",
    }
    assert set(load_table("role_cues").values()) <= roles


def test_ordinals_are_integers():
    assert all(v.isdigit() for v in load_table("ordinals").values())


def test_every_lexicon_is_documented():
    readme = (LEXICON_DIR.parent / "README.md").read_text("utf-8")
    missing = [n for n in NAMES if f"`{n}`" not in readme]
    assert not missing, f"undocumented lexicons: {missing}"
