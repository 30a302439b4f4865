"""English chronology layouts of round 9: an entry whose date is its year with no mark after it
("1994 Peru and Chile sign …"), and a year line with a bar and a heading ("2031 | Round 5") above
entries dated by day and month.

The texts are our own, about imagined negotiations (years 2031-2032)."""

from __future__ import annotations

import pytest

from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.verbs import VerbDictionary
from tests.ingest.builtin_runs import run


def _rows(text: str, gazetteer: Gazetteer, verbs: VerbDictionary) -> list[tuple[int, str, list[str]]]:
    return [
        (e.line, str(e.date.date), [a.actor for a in e.actors]) for e in run(text, gazetteer, verbs).events
    ]


def test_an_entry_opening_with_its_year_and_a_name_is_dated_by_that_year(
    gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    text = (
        "A timeline of the border talks, as of March 3, 2033.\n"  # 1
        "\n"
        "2031 Chile and Peru sign a border accord in Lima.\n"  # 3
        "\n"
        "2032 Bolivia criticizes Chile.\n"  # 5
    )
    # before round 9 neither entry had a date (a bare number needs "in", a colon or a dash)
    assert _rows(text, gazetteer, verbs) == [(3, "2031", ["CHL", "PER"]), (5, "2032", ["BOL"])]


def test_a_count_inside_a_sentence_is_no_year(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    text = "On 4 May 2031 Chile said 2000 Peruvian troops had left and Bolivia met Peru.\n"
    assert {date for _, date, _ in _rows(text, gazetteer, verbs)} == {"2031-05-04"}


@pytest.mark.parametrize("blank", ["", "\n"])
def test_a_year_line_with_a_bar_and_a_heading_gives_its_year_to_the_entries_under_it(
    blank: str, gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    text = blank.join(
        [
            "Rounds of the talks\n",
            "2031 | Round 5\n",
            "Chile met Peru on March 3.\n",
            "2032 | Round 6\n",
            "Chile criticized Peru on 4 May.\n",
        ]
    )
    assert [(date, actors) for _, date, actors in _rows(text, gazetteer, verbs)] == [
        ("2031-03-03", ["CHL"]),
        ("2032-05-04", ["CHL"]),
    ]


def test_a_year_and_a_bar_before_an_entry_date_that_entry(
    gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    # the text after the bar holds a cue and names: an entry of that year, not a year heading
    text = (
        "2031-03-01 Chile met Peru.\n"  # 1
        "2032 | Chile and Peru sign a fishing pact\n"  # 2
        "2033 | Peru accuses Chile of spying |\n"  # 3
        "2034 | Bolivia criticizes Peru\n"  # 4
    )
    assert _rows(text, gazetteer, verbs) == [
        (1, "2031-03-01", ["CHL"]),
        (2, "2032", ["CHL", "PER"]),
        (3, "2033", ["PER"]),
        (4, "2034", ["BOL"]),
    ]


def test_a_full_date_later_in_the_entry_wins_over_its_lead_year(
    gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    text = "Chronology\n\n1996 Peru and Chile sign a second treaty on 12 May 1997.\n"
    assert [date for _, date, _ in _rows(text, gazetteer, verbs)] == ["1997-05-12"]
    # a day without its year still takes the entry's year
    text = "Chronology\n\n1996 Peru and Chile sign a treaty on 12 May.\n"
    assert [date for _, date, _ in _rows(text, gazetteer, verbs)] == ["1996-05-12"]
