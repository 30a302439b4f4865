"""Round 9: an English meeting noun with its parties after "between" or "among" and no actor before it
("Talks between Chile and Peru took place in Lima"): the parties meet, as in "Chile and Peru held
talks".

The sentences are our own, about imagined negotiations (years 2031-2032)."""

from __future__ import annotations

import pytest

from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.verbs import VerbDictionary
from tests.ingest.builtin_runs import events as _events


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        ("May 3, 2031: Talks between Chile and Peru took place in Lima.", ["CHL", "PER"]),
        ("May 3, 2031: Talks between Chile and Peru are held in Lima.", ["CHL", "PER"]),
        ("May 3, 2031: A meeting among Chile, Peru and Bolivia was held in Lima.", ["CHL", "PER", "BOL"]),
    ],
)
def test_the_parties_of_a_meeting_named_after_between_meet(
    sentence: str, parties: list[str], gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    # before round 9 the clause had no actor and gave no event (a "no-actor" warning)
    assert _events(sentence, gazetteer, verbs) == [(parties, [], 4)]


def test_an_agent_of_another_act_on_the_meeting_still_acts(
    gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    text = "May 3, 2031: Talks between Chile and Peru were postponed by Bolivia.\n"
    assert _events(text, gazetteer, verbs) == [(["BOL"], ["CHL", "PER"], 16)]
