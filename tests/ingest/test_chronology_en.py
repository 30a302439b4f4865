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
