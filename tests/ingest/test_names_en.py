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
