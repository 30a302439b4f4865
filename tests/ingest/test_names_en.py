"""English names that need the document read so far, through the whole extraction step: a person's
surname after the full name, and "the North" in a text about Korea. The texts are our own, short
reports written for these tests; names come from the built-in gazetteer and a small persons file."""

from __future__ import annotations

from pathlib import Path

import pytest

from hexatable.case import open_case
from hexatable.ingest.extract import extract
from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.read import document_from_text
from hexatable.ingest.verbs import VerbDictionary

PERSONS = """\
actors:
  - {id: christopher-hill, kind: person, names: {en: Christopher Hill}, state_of: USA}
"""

REPORT = (
    "U.S. envoy Christopher Hill arrived in Beijing on 5 March 2007.\n"
    "\n"
    "Hill said on 6 March 2007 that talks with North Korea would resume.\n"
    "\n"
    "The North rejected the offer on 7 March 2007.\n"
)


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path: Path = tmp_path_factory.mktemp("persons") / "persons.yaml"
    path.write_text(PERSONS, encoding="utf-8")
    return Gazetteer.builtin().with_file(path)


def test_a_surname_and_the_north_act_as_full_names(gazetteer: Gazetteer) -> None:
    document = document_from_text(REPORT, name="report.txt")
    extraction = extract(
        document, lang="en", gazetteer=gazetteer, verbs=VerbDictionary.builtin(), source_id="report"
    )
    by_line = {e.line: ([a.actor for a in e.actors], str(e.date.date)) for e in extraction.events}
    assert by_line[3] == (["christopher-hill"], "2007-03-06")
    assert by_line[5] == (["PRK"], "2007-03-07")
    hill = next(e for e in extraction.events if e.line == 3).actors[0]
    assert (hill.text, hill.state) == ("Hill", "USA")


SIX = ["CHN", "PRK", "USA", "KOR", "JPN", "RUS"]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Six-party negotiators agreed on an aid package.", "Six-party"),
        ("The six-party talks working group met in Beijing.", "six-party"),
        ("The Six-Party Talks resumed.", "Six-Party"),
        ("Six-nation talks stalled.", "Six-nation"),
        ("The six-way talks ended.", "six-way"),
    ],
)
def test_english_six_party_forms_name_the_group(text: str, written: str) -> None:
    # English writes the talks as an adjective, as Chinese writes 六方会谈: the group, read as its six
    # members in a case that defines them and not the group (tests/ingest/test_groups.py)
    alone = [(m.text, m.actor) for m in Gazetteer.builtin().find(text, "en")]
    assert (written, "SIXPARTY") in alone
    with_case = Gazetteer.builtin().with_case(open_case("six-party-talks"))
    assert [m.actor for m in with_case.find(text, "en") if m.text == written] == SIX


def test_six_party_is_a_whole_word() -> None:
    assert Gazetteer.builtin().find("A sixty-party coalition and a six-partyist.", "en") == []


def read_en(gazetteer: Gazetteer, *sentences: str) -> list[list[tuple[str, str]]]:
    reader = gazetteer.reader("en")
    return [[(m.text, m.actor) for m in reader.find(s)] for s in sentences]


def test_a_states_counted_partners_are_the_rest_of_its_group() -> None:
    builtin = Gazetteer.builtin()
    # the DPRK is one of the six parties: its five partners are the other five
    (names,) = read_en(builtin, "North Korea and its five dialogue partners met in Beijing.")
    five = [("five", s) for s in ["CHN", "USA", "KOR", "JPN", "RUS"]]
    assert names == [("North Korea", "PRK"), *five, ("Beijing", "CHN")]  # a venue is dropped later
    # the possessive names the state; the mention is the number, so a cue between ("dialogue") follows it
    (names,) = read_en(builtin, "Japan's five negotiating partners agreed.")
    assert names == [("Japan", "JPN")] + [("five", s) for s in ["CHN", "PRK", "USA", "KOR", "RUS"]]
    # China's four partners in a group of five (the P5)
    (names,) = read_en(builtin, "China and its four partners voted.")
    assert [a for _, a in names] == ["CHN", "FRA", "GBR", "RUS", "USA"]


def test_partners_without_one_group_of_that_size_are_nobody() -> None:
    builtin = Gazetteer.builtin()
    # no group of four holds Japan; "its" with no state before it; a count of partners not in a group
    assert read_en(builtin, "Japan and its three partners met.") == [[("Japan", "JPN")]]
    assert read_en(builtin, "Its five partners met.") == [[]]
    # Russia belongs to the six parties and to the P5+1 (both of six): which five is a guess
    assert read_en(builtin, "Russia and its five partners met.") == [[("Russia", "RUS")]]


# --- one event per clause (extract rule 1b in English) ---------------------------------------------


def events_of(text: str) -> list[tuple[int, list[str], list[str], str]]:
    gazetteer = Gazetteer.builtin()
    document = document_from_text(text, name="clauses.txt")
    extraction = extract(
        document, lang="en", gazetteer=gazetteer, verbs=VerbDictionary.builtin(), source_id="c"
    )
    return [
        (e.line, [a.actor for a in e.actors], [t.actor for t in e.targets], str(e.date.date))
        for e in extraction.events
    ]


def test_two_parties_acting_in_one_sentence_are_two_events() -> None:
    text = "On 11 December 2008 the United States demanded sampling, while Pyongyang rejected the demand.\n"
    assert events_of(text) == [(1, ["USA"], [], "2008-12-11"), (1, ["PRK"], [], "2008-12-11")]
    text = "On 11 December 2008 Japan refused aid; China promised oil to North Korea.\n"
    assert events_of(text) == [(1, ["JPN"], [], "2008-12-11"), (1, ["CHN"], ["PRK"], "2008-12-11")]


def test_one_subject_with_two_verbs_or_two_subjects_stay_one_event() -> None:
    # a joint followed by a verb of saying tells what the subject said: one act
    text = "On 11 December 2008 Japan and China met, and said they would meet again.\n"
    assert events_of(text) == [(1, ["JPN", "CHN"], [], "2008-12-11")]
    # a joint followed by a further act of the same subject cuts (rule 1d): the meeting (04) and the
    # agreement (03), both of Japan and China
    text = "On 11 December 2008 Japan and China met, and agreed to meet again.\n"
    assert events_of(text) == [(1, ["JPN", "CHN"], [], "2008-12-11"), (1, ["JPN", "CHN"], [], "2008-12-11")]
    # the piece before has no cue of its own: one act
    text = "On 11 December 2008 after talks with Russia, and China, the United States protested.\n"
    assert len(events_of(text)) == 1


def test_titles_name_their_state() -> None:
    # a title names nobody, the state in it (or before it, in the possessive) names the party
    text = "On 5 March 2007 the U.S. envoy met North Korea's chief negotiator in New York.\n"
    assert events_of(text) == [(1, ["USA"], ["PRK"], "2007-03-05")]
