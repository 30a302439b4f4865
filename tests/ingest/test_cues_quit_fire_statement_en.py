"""English cues added in round 9: quitting a treaty or talks (16), firing missiles (15), a statement
delivered (01), each cited in docs/ingest-dictionaries.md's round-9 table.

The sentences are our own, about imagined negotiations (years 2031-2032)."""

from __future__ import annotations

import pytest

from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.verbs import VerbDictionary
from tests.ingest.builtin_runs import actor_codes as _codes
from tests.ingest.builtin_runs import events as _roles
from tests.ingest.test_cameo_dictionary import assert_group_cites_the_codebook, group_table


def test_every_cue_added_in_round_9_cites_its_codebook_code_in_the_docs(verbs: VerbDictionary) -> None:
    checked = assert_group_cites_the_codebook(verbs, "quit-fire-statement")
    assert {"quit the treaty", "fire", "deliver an oral statement"} <= set(checked)
    assert set(group_table("quit-fire-statement")) == set(checked)


@pytest.mark.parametrize(
    "sentence",
    [
        "June 2, 2031: Chile quits the non-proliferation treaty.",
        "June 2, 2031: Chile says it is quitting the talks with immediate effect.",
        "June 2, 2031: Chile announces that it quit six-party talks.",
    ],
)
def test_quitting_a_treaty_or_talks_is_a_withdrawal(
    sentence: str, gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    assert _codes(sentence, gazetteer, verbs)[0] == (["CHL"], 16)


def test_firing_missiles_is_a_show_of_force_but_a_cease_fire_is_not(
    gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    assert _codes("June 2, 2031: Chile fires three short-range rockets.", gazetteer, verbs) == [(["CHL"], 15)]
    assert _codes("June 2, 2031: Chile opens fire on Peru.", gazetteer, verbs) == [(["CHL"], 19)]
    assert [
        c for _, c in _codes("June 2, 2031: Chile and Peru agree to a cease-fire.", gazetteer, verbs)
    ] != [15]
    assert [c.cameo for c in verbs.find("Chile came under fire", "en")] == []


def test_a_statement_delivered_is_a_statement_not_aid(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    roles = _codes("June 2, 2031: The chair of the OSCE delivers an oral statement.", gazetteer, verbs)
    assert roles == [(["OSCE"], 1)]
    assert [c.cameo for c in verbs.find("Chile delivered a statement", "en")] == [1]


@pytest.mark.parametrize(
    "sentence",
    [
        "June 2, 2031: Chilean troops fired at Peruvian guard posts.",
        "June 2, 2031: Chile fired a rocket at a Peruvian drone.",
    ],
)
def test_firing_at_a_target_is_fighting_with_that_target(
    sentence: str, gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    assert _roles(sentence, gazetteer, verbs) == [(["CHL"], ["PER"], 19)]


@pytest.mark.parametrize(
    "sentence",
    [
        "June 2, 2031: Chile came under heavy fire from Peru.",
        "June 2, 2031: Chile held its fire as Peru withdrew.",
    ],
)
def test_fire_held_or_come_under_is_no_show_of_force(
    sentence: str, gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    assert 15 not in [code for _, _, code in _roles(sentence, gazetteer, verbs)]


@pytest.mark.parametrize(
    "sentence",
    ["June 2, 2031: Chile quit the Paris Agreement.", "June 2, 2031: Chile quit the nuclear deal."],
)
def test_quitting_a_named_agreement_is_a_withdrawal(
    sentence: str, gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    assert _codes(sentence, gazetteer, verbs) == [(["CHL"], 16)]


@pytest.mark.parametrize(
    "sentence",
    [
        "June 4, 2031: Chile came under heavy fire from Peru.",
        "June 4, 2031: Chilean border posts came under attack from Peru.",
        "June 4, 2031: Chile comes under rocket fire from Peru.",
    ],
)
def test_coming_under_fire_from_a_party_is_that_partys_fighting(
    sentence: str, gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    # the party after "from" fires at the subject, as "Peru fired at Chile" has it
    assert _roles(sentence, gazetteer, verbs)[0] == (["PER"], ["CHL"], 19)


def test_coming_under_fire_from_nobody_named_is_no_fighting(
    gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    # no party named to fire: the subject is not made a fighter
    assert 19 not in [
        code for _, _, code in _roles("June 4, 2031: Chile came under heavy fire.", gazetteer, verbs)
    ]
    assert _roles("June 4, 2031: Peru fired at Chile.", gazetteer, verbs) == [(["PER"], ["CHL"], 19)]


@pytest.mark.parametrize(
    ("sentence", "actors"),
    [
        ("June 5, 2031: Peru held its fire.", ["PER"]),
        ("June 5, 2031: Chile and Peru hold their fire along the border.", ["CHL", "PER"]),
    ],
)
def test_holding_fire_is_de_escalation(
    sentence: str, actors: list[str], gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    # restraint from firing: 087 de-escalate military engagement (root 08), not a statement
    assert _roles(sentence, gazetteer, verbs) == [(actors, [], 8)]


def test_firing_and_holding_talks_keep_their_roots(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    assert _roles("June 5, 2031: Peru fired two rockets.", gazetteer, verbs) == [(["PER"], [], 15)]
    assert _roles("June 5, 2031: Peru held talks with Chile.", gazetteer, verbs) == [(["PER"], ["CHL"], 4)]


@pytest.mark.parametrize(
    "sentence",
    [
        "June 4, 2031: Chile came under fire from Peru over its comments on fishing.",
        "June 4, 2031: Chile came under attack from Peru for its vote on the accord.",
    ],
)
def test_coming_under_fire_from_a_party_for_a_reason_is_its_criticism(
    sentence: str, gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    # fire with a reason ("over", "for") is words: the party after "from" disapproves of the subject
    assert _roles(sentence, gazetteer, verbs)[0] == (["PER"], ["CHL"], 11)


@pytest.mark.parametrize(
    "sentence",
    [
        "June 4, 2031: Chile's president came under fire from the opposition over the pact with Peru.",
        "June 4, 2031: Chile came under fire from lawmakers in Peru.",
    ],
)
def test_coming_under_fire_from_no_named_party_is_no_fighting(
    sentence: str, gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    # nobody named right after "from": no fighting, and the subject fights nobody
    found = _roles(sentence, gazetteer, verbs)
    assert [code for _, _, code in found if code in (18, 19)] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "June 5, 2031: Peru held fire-safety talks with Chile.",
        "June 5, 2031: Peru will hold fire drills near the border with Chile.",
    ],
)
def test_holding_fire_before_a_noun_is_no_restraint(
    sentence: str, gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    # "fire" modifies a noun (talks, drills): no holding of fire
    assert 8 not in [code for _, _, code in _roles(sentence, gazetteer, verbs)]


def test_holding_fire_talks_is_a_meeting_and_bare_holding_fire_restraint(
    gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    assert _roles("June 5, 2031: Peru held fire talks with Chile.", gazetteer, verbs) == [
        (["PER"], ["CHL"], 4)
    ]
    assert _roles("June 5, 2031: Peru holds fire for a week.", gazetteer, verbs) == [(["PER"], [], 8)]


@pytest.mark.parametrize(
    "sentence",
    ["June 5, 2031: Peru ceased fire.", "June 5, 2031: Peru held back its fire on the border."],
)
def test_ceasing_or_holding_back_fire_is_de_escalation(
    sentence: str, gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    # restraint from firing, not firing: 087 (root 08)
    assert _roles(sentence, gazetteer, verbs) == [(["PER"], [], 8)]
