"""English chronologies as news sites and research pages lay them out (round 7's survey of real ones):
bulleted entries ("•", "--"), a year alone on its line above the entries it dates, an entry opening
with its year ("1998: LIMA — …"), and tests of weapons under the names chronologies give them.

The texts are our own words, laid out as those chronologies are. The date finder and the segmenter are
the real ones; names and cues are small tables (or the built-in dictionaries where a cue is the
subject). Every expected record is worked out by hand from the text.
"""

from __future__ import annotations

from hexatable.ingest.dates import date_finder
from hexatable.ingest.extract import Extraction, extract
from hexatable.ingest.read import document_from_text
from hexatable.ingest.segment import segment
from tests.ingest.fakes import FakeGazetteer, FakeVerbs

NAMES = {
    "Chile": ("CHL", None),
    "Peru": ("PER", None),
    "Bolivia": ("BOL", None),
    "Norway": ("NOR", None),
    "Brazil": ("BRA", None),
}
CUES = {"sign": 5, "signs": 5, "meet": 4, "hosts": 4, "rejects": 12, "approves": 5}


def _extract(text: str) -> Extraction:
    return extract(
        document_from_text(text, name="chronology.txt"),
        lang="en",
        gazetteer=FakeGazetteer(NAMES),
        verbs=FakeVerbs(CUES),
        source_id="c",
        finder=date_finder("en"),
    )


def _rows(extraction: Extraction) -> list[tuple[int, str, list[str], int]]:
    return [(e.line, str(e.date.date), [a.actor for a in e.actors], e.cameo) for e in extraction.events]


# Bulleted entries, one a line, not all ending with a full stop (as a key-dates box often is).
BULLETS = (
    "Key dates:\n"
    "  • 4 May 2016: Chile and Peru sign a water accord\n"  # 2: no full stop
    "  • 9 June 2016: Bolivia rejects the accord.\n"  # 3
    "  • 1 July 2016: Peru and Chile meet in Lima\n"  # 4
)


def test_a_bullet_starts_a_sentence_so_entries_without_a_full_stop_stay_apart() -> None:
    # before round 7, "•" was no list marker: line 2 ran into line 3, which took line 2's date
    sentences = segment(BULLETS, "en")
    assert [(s.line, s.end_line) for s in sentences] == [(1, 1), (2, 2), (3, 3), (4, 4)]
    assert _rows(_extract(BULLETS)) == [
        (2, "2016-05-04", ["CHL", "PER"], 5),
        (3, "2016-06-09", ["BOL"], 12),
        (4, "2016-07-01", ["PER", "CHL"], 4),
    ]


def test_a_double_dash_and_an_en_dash_mark_list_entries_too() -> None:
    text = "Entries:\n-- 4 May 2016: Chile signs the accord\n– 9 June 2016: Bolivia rejects it\n"
    assert [(s.line, s.end_line) for s in segment(text, "en")] == [(1, 1), (2, 2), (3, 3)]


# Year headings over entries dated by month and day, a blank line after every line (so blank lines
# mean nothing), and an introduction ending with a colon right above the first year.
YEARS_SPACED = (
    "Here is how the talks went:\n"  # 1
    "\n"
    "1996:\n"  # 3: a year heading, its own sentence
    "\n"
    "-- Sept 3: Norway and Chile sign a fisheries accord in Lima.\n"  # 5
    "\n"
    "1997:\n"  # 7
    "\n"
    "-- March 4: Peru and Chile sign a border treaty.\n"  # 9
    "\n"
    "-- July 8-10: Brazil hosts talks in Recife.\n"  # 11
)


def test_a_year_line_dates_the_month_and_day_entries_under_it() -> None:
    # before round 7 "1996:" was no date (a bare number needs "in"), so no entry had a year
    assert _rows(_extract(YEARS_SPACED)) == [
        (5, "1996-09-03", ["NOR", "CHL"], 5),
        (9, "1997-03-04", ["PER", "CHL"], 5),
        (11, "1997-07-08/1997-07-10", ["BRA"], 4),
    ]


# A year alone on its line with no colon, then a day line, then the entry (every line double-spaced:
# the segmenter runs the day line and the entry together, as a news site's chronology reads).
YEAR_DAY_ENTRY = (
    "How it came to this\n"  # 1
    "\n"
    "2009\n"  # 3
    "\n"
    "14 April\n"  # 5
    "\n"
    "Bolivia rejects the offer of talks.\n"  # 7
    "\n"
    "2010\n"  # 9
    "\n"
    "2 February\n"  # 11
    "\n"
    "Peru and Chile meet in Lima.\n"  # 13
)


def test_a_bare_year_line_gives_its_year_to_the_day_line_under_it() -> None:
    assert _rows(_extract(YEAR_DAY_ENTRY)) == [
        (7, "2009-04-14", ["BOL"], 12),
        (13, "2010-02-02", ["PER", "CHL"], 4),
    ]


def test_an_entry_opening_with_its_year_and_a_colon_is_dated_by_that_year() -> None:
    text = (
        "A short history:\n"
        "\n"
        "1998: LIMA — Peru and Chile sign a treaty on the border.\n"  # 3
        "\n"
        "2001 – Bolivia rejects the treaty.\n"  # 5
    )
    assert [(line, date) for line, date, _, _ in _rows(_extract(text))] == [(3, "1998"), (5, "2001")]


def test_a_year_with_a_colon_inside_a_sentence_is_no_date() -> None:
    # only an entry's opening year is read so: "by 2:1" or a count inside a sentence is not
    text = "On 4 May 2016 Peru and Chile sign the accord, 2016: a year of talks.\n"
    assert _rows(_extract(text)) == [(1, "2016-05-04", ["PER", "CHL"], 5)]


def test_a_day_before_a_colon_is_read_but_a_time_is_not_a_day() -> None:
    from hexatable.ingest.dates_en import scan

    assert [(r.left.month, r.left.day) for r in scan("March 4: Peru signs.")] == [(3, 4)]
    assert [(r.left.month, r.left.day) for r in scan("He left on March 4:30 p.m.")] == [(3, None)]


def test_every_cue_added_in_round_7_cites_its_codebook_code_in_the_docs() -> None:
    from hexatable.ingest.verbs import VerbDictionary
    from tests.ingest.test_cameo_dictionary import assert_group_cites_the_codebook, group_table

    checked = assert_group_cites_the_codebook(VerbDictionary.builtin(), "survey-chronologies")
    assert set(checked) >= {"atomic test", "withdrawal from", "provide an update"}
    # round 8: both ways, one entry per cue: every row of the docs' round-7 table is a cue of the
    # dictionary marked round 7, so a row whose entry was dropped or renamed is caught too
    assert sorted(checked) == sorted(set(checked))
    assert set(group_table("survey-chronologies")) == set(checked)


def test_weapons_tests_under_their_chronology_names_are_a_show_of_force() -> None:
    from hexatable.ingest.verbs import VerbDictionary

    verbs = VerbDictionary.builtin()
    found = [
        [(c.text, c.cameo) for c in verbs.find(text, "en")]
        for text in (
            "Chile conducts its second atomic test",
            "Peru tested a hydrogen bomb near the coast",
            "Bolivia carries out an atomic bomb test",
        )
    ]
    assert found == [
        [("atomic test", 15)],
        [("tested a hydrogen bomb", 15)],
        [("atomic bomb test", 15)],
    ]


def test_informing_is_a_statement_and_meeting_an_obligation_is_no_meeting() -> None:
    from hexatable.ingest.verbs import VerbDictionary

    verbs = VerbDictionary.builtin()
    assert [(c.text, c.cameo) for c in verbs.find("Chile provides an update on the mission", "en")] == [
        ("provides an update", 1)
    ]
    assert [(c.text, c.cameo) for c in verbs.find("Peru delivered a speech in Lima", "en")] == [
        ("delivered a speech", 1)
    ]
    assert verbs.find("Peru failed to meet its obligations", "en") == []


def test_a_scene_opening_with_as_amid_or_under_threat_names_no_actor() -> None:
    # names in such a stretch are targets when the clause has its own subject (rule 3f); before round 7
    # "as", "amid" and "under threat of" opened no stretch, and Bolivia was an actor of each signing
    text = (
        "On 4 May 2016, as talks with Bolivia stall, Peru and Chile sign the accord.\n"
        "On 5 May 2016, under threat of a referral by Bolivia, Peru signs the accord.\n"
        "On 6 May 2016, amid protests in Bolivia, Chile signs the accord.\n"
    )
    assert [(line, actors) for line, _, actors, _ in _rows(_extract(text))] == [
        (1, ["PER", "CHL"]),
        (2, ["PER"]),
        (3, ["CHL"]),
    ]


def test_a_scene_right_after_an_entry_date_without_a_comma_names_no_actor() -> None:
    text = "Key dates:\n\nJune 2016 Following a report by Bolivia, Chile and Peru sign a water accord.\n"
    assert _rows(_extract(text)) == [(3, "2016-06", ["CHL", "PER"], 5)]


def test_a_range_of_months_stays_a_range() -> None:
    # "A range the text gives stays a range" (docs/case-format.md); before round 7 "August-September
    # 2005" was no date at all, and "June 2007 - July 2007" only its first month
    finder = date_finder("en", year=2004)
    found = [
        [str(d.date) for d in finder.find(text)]
        for text in (
            "In August-September 2005 Peru met Chile.",
            "June 2007 - July 2007: Bolivia rejects the plan.",
            "From March through May 2010 the envoys met.",
        )
    ]
    assert found == [["2005-08/2005-09"], ["2007-06/2007-07"], ["2010-03/2010-05"]]


def test_a_range_of_months_across_a_new_year_takes_the_earlier_year_for_its_first_month() -> None:
    assert [str(d.date) for d in date_finder("en").find("In December-January 2006 the talks stalled.")] == [
        "2005-12/2006-01"
    ]
