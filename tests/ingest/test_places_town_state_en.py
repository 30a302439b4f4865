"""English places (rule 3): a state named after a town ("in Lyon, France", "in Lyon (France)"), in a
sea's or gulf's name ("the Gulf of Mexico") or after "into" is where, not who; the United Nations'
organs spelled "U.N." are the organ alone.

The sentences are our own, about imagined negotiations (years 2031-2032); names and cues come from
the built-in dictionaries."""

from __future__ import annotations

import pytest

from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.verbs import VerbDictionary
from tests.ingest.builtin_runs import roles as _roles


@pytest.mark.parametrize(
    "sentence",
    [
        "March 4, 2031: Chile and Peru held talks in Lyon, France.",
        "March 4, 2031: Chile and Peru held talks in Lyon, France, during the summer.",
        "March 4, 2031: Chile and Peru held talks in Lyon (France).",
        "March 4, 2031: Chile and Peru held talks at Lyon, France on the fourth day.",
    ],
)
def test_a_state_after_a_town_is_where(sentence: str, gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    assert _roles(sentence, gazetteer, verbs) == [(["CHL", "PER"], [])]


def test_a_state_after_a_town_that_opens_a_clause_acts(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    # a verb right after the state: it is the subject, the town only frames the clause
    assert _roles("March 4, 2031: In Lyon, France met Peru.", gazetteer, verbs) == [(["FRA"], ["PER"])]
    # a month is no town
    roles = _roles("March 4, 2031: Chile met Peru in May, Spain in June.", gazetteer, verbs)
    assert roles[0][1] == ["PER", "ESP"]


def test_a_state_in_the_name_of_a_sea_is_no_party(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    roles = _roles("March 4, 2031: Chile held a missile test over the Gulf of Mexico.", gazetteer, verbs)
    assert roles == [(["CHL"], [])]


def test_a_state_after_into_is_where(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    roles = _roles("March 4, 2031: Chile held a missile test into Peru's waters.", gazetteer, verbs)
    assert roles == [(["CHL"], [])]


@pytest.mark.parametrize(("organ", "actor"), [("Security Council", "UNSC"), ("General Assembly", "UNGA")])
def test_an_organ_spelled_u_n_is_the_organ_alone(
    organ: str, actor: str, gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    roles = _roles(f"March 4, 2031: The U.N. {organ} condemned Chile.", gazetteer, verbs)
    assert roles == [([actor], ["CHL"])]


@pytest.mark.parametrize(
    ("sentence", "roles"),
    [
        ("March 4, 2031: The talks opened in Geneva, Iran on Tuesday rejected the offer.", (["IRN"], [])),
        ("March 4, 2031: At the meeting in Vienna, Iran for its part rejected the offer.", (["IRN"], [])),
        ("March 4, 2031: Speaking in Brussels, NATO on Friday warned Russia.", (["NATO"], ["RUS"])),
        (
            "March 4, 2031: After talks in Hanoi, North Korea in a statement blamed the United States.",
            (["PRK"], ["USA"]),
        ),
    ],
)
def test_a_state_after_a_town_then_a_preposition_and_a_cue_acts(
    sentence: str, roles: tuple[list[str], list[str]], gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    # a preposition after the state makes it a place only when no cue follows in its clause
    assert roles in _roles(sentence, gazetteer, verbs)


def test_a_state_after_into_is_a_target_unless_a_sea_or_area_word_follows(
    gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    roles = _roles(
        "March 4, 2031: The IAEA opened an inquiry into Iran over its enrichment.", gazetteer, verbs
    )
    assert roles == [(["IAEA"], ["IRN"])]
    roles = _roles("March 4, 2031: Russia sent troops into Ukraine.", gazetteer, verbs)
    assert "UKR" in roles[0][0] + roles[0][1]
    roles = _roles(
        "March 4, 2031: Chile fired a missile into Peru's exclusive economic zone.", gazetteer, verbs
    )
    assert roles == [(["CHL"], [])]


def test_the_town_and_sea_patterns_read_any_case(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    # "In" opening the sentence: the state after the town is where, as after "in"
    assert _roles("March 4, 2031: In Lyon, France, Chile met Peru.", gazetteer, verbs) == [(["CHL"], ["PER"])]
    roles = _roles("March 4, 2031: Chile fired a missile into the sea of Peru.", gazetteer, verbs)
    assert roles == [(["CHL"], [])]


def test_a_state_into_an_area_named_with_three_words_is_where(
    gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    text = "March 4, 2031: Chile fired a missile into Peru's air defense identification zone."
    assert _roles(text, gazetteer, verbs) == [(["CHL"], [])]
