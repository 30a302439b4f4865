"""English pair words (docs/ingest.md, "Pronouns and collective references"): "the two sides", and since
round 4 "the two parties" and "both parties", stand for the two parties named before them in the
paragraph. The sentences are our own; names and cues from the small fakes, dates from the real finder.
"""

from __future__ import annotations

import pytest

from hexatable.ingest.dates import date_finder
from hexatable.ingest.extract import extract
from hexatable.ingest.read import document_from_text
from tests.ingest.fakes import FakeGazetteer, FakeVerbs

NAMES: dict[str, tuple[str, str | None]] = {
    "Japan": ("JPN", None),
    "North Korea": ("PRK", None),
    "China": ("CHN", None),
    "Russia": ("RUS", None),
}
CUES = {"met": 4, "reached agreement": 3}


def _actors(text: str) -> list[tuple[str, tuple[str, ...]]]:
    result = extract(
        document_from_text(text, name="pairs.txt"),
        lang="en",
        gazetteer=FakeGazetteer(NAMES),
        verbs=FakeVerbs(CUES),
        source_id="pairs",
        finder=date_finder("en", year=2008),
    )
    return [(str(e.date.date), tuple(sorted(a.actor for a in e.actors))) for e in result.events]


@pytest.mark.parametrize("word", ["the two sides", "the two parties", "both parties", "Both parties"])
def test_a_pair_word_stands_for_the_two_parties_named_before(word: str) -> None:
    text = f"Japan met North Korea in June 2008. In August of the same year, {word} reached agreement.\n"
    assert _actors(text) == [("2008-06", ("JPN",)), ("2008-08", ("JPN", "PRK"))]


def test_the_two_parties_after_three_named_is_not_resolved() -> None:
    # which two of three is a guess: the clause has no actor, so no event (a warning says so)
    text = "Japan met North Korea and Russia in June 2008. In August, the two parties reached agreement.\n"
    assert _actors(text) == [("2008-06", ("JPN",))]
