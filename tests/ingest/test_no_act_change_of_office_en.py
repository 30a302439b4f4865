"""Rule 4b (v), round 9: an English clause with no cue that tells a death, an appointment, an election,
an accession to a post or a deadline passing is no act.

The sentences are our own, about imagined negotiations (years 2031-2032)."""

from __future__ import annotations

import pytest

from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.verbs import VerbDictionary
from tests.ingest.builtin_runs import actor_codes as _events


@pytest.mark.parametrize(
    "sentence",
    [
        "May 3, 2031: Chile's old president dies.",
        "May 3, 2031: Chile's chief negotiator is named foreign minister.",
        "May 3, 2031: Chile's envoy assumes the post of party chairman.",
        "May 3, 2031: Chile's president wins the runoff election.",
        "May 3, 2031: The deadline set by Chile expires.",
    ],
)
def test_a_change_of_office_or_of_life_is_no_act(
    sentence: str, gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    assert _events(sentence, gazetteer, verbs) == []


def test_a_clause_with_a_cue_keeps_its_act(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    text = "May 3, 2031: Chile's president dies, an event announced by Chile two days later.\n"
    assert _events(text, gazetteer, verbs) == [(["CHL"], 1)]
    text = "May 3, 2031: Chile's newly elected president meets Peru.\n"
    assert _events(text, gazetteer, verbs) == [(["CHL"], 4)]


def test_a_participle_after_a_determiner_or_an_adverb_names_a_person(
    gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    # "newly elected" modifies the president: the clause's placeholder event stays
    text = "May 3, 2031: Chile's newly elected president arrived.\n"
    assert _events(text, gazetteer, verbs) == [(["CHL"], 1)]


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("May 3, 2031: Peru named Chile as the aggressor.", "PER"),
        ("May 3, 2031: Chile succeeded in bringing Peru back to the table.", "CHL"),
        ("May 3, 2031: Chile stepped down its enrichment at the plant.", "CHL"),
        ("May 3, 2031: The Chilean delegation walked out after the agreement expired.", "CHL"),
        ("May 3, 2031: Moon, elected in May, took office as South Korean president.", "KOR"),
    ],
)
def test_a_change_word_that_is_no_main_predicate_of_office_keeps_the_clause(
    sentence: str, actor: str, gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    # named/succeeded without a post, stepped down with an object, a change after "after" or in an
    # appositive: the clause is no change of office, and keeps its event
    events = _events(sentence, gazetteer, verbs)
    assert events and actor in events[0][0]


def test_named_before_a_post_and_stepped_down_alone_are_still_no_act(
    gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    assert _events("May 3, 2031: Chile named its envoy as foreign minister.", gazetteer, verbs) == []
    assert _events("May 3, 2031: Chile's president stepped down after the vote.", gazetteer, verbs) == []


def test_a_post_in_quotation_marks_is_a_post(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    text = 'May 3, 2031: Chile\'s envoy named "first secretary" of the ruling party.\n'
    assert _events(text, gazetteer, verbs) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "March 6, 2031: Chile fired its ambassador to Peru.",
        "March 6, 2031: Peru sacks its chief negotiator.",
        "March 6, 2031: The Chilean president dismissed his own foreign minister.",
    ],
)
def test_firing_ones_own_office_holder_is_no_act(
    sentence: str, gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    # a change of office, as an appointment: no show of force, no rejection, no target
    assert _events(sentence, gazetteer, verbs) == []


def test_firing_weapons_or_dismissing_anothers_claim_keeps_the_act(
    gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    assert _events("March 6, 2031: Chile fired a missile at Peru.", gazetteer, verbs) == [(["CHL"], 19)]
    assert _events("March 6, 2031: Chile fired three rockets.", gazetteer, verbs) == [(["CHL"], 15)]
    assert _events("March 6, 2031: Chile dismissed Peru's claim.", gazetteer, verbs) == [(["CHL"], 12)]


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("March 6, 2031: Chile dismissed its envoy's doubts that Peru was arming.", 12),
        ("March 6, 2031: Chile dismissed its advisers' fears about Peru.", 12),
        ("March 6, 2031: Chile fired its shells at the generals of Peru's navy.", 15),
        ("March 6, 2031: Chile fired its rockets into enemy commanders' camps in Peru.", 15),
    ],
)
def test_a_post_that_does_not_end_the_object_is_no_change_of_office(
    sentence: str, code: int, gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    # the post owns the object ("its envoy's warning") or stands after "at"/"into": the act stays
    assert [c for _, c in _events(sentence, gazetteer, verbs)] == [code]
    assert _events("March 6, 2031: Chile dismissed its envoy to Peru.", gazetteer, verbs) == []
