"""The pipeline bounds a text's dates of the past by its case source's date (``Plan.written_by``).

A report filed as a source dated "2009-01/2009-02" cannot tell of a December 2009 that had not yet
come: its "Dec. 11" is 2008's (hexatable.ingest.dates, English only)."""

from __future__ import annotations

import datetime as dt

from hexatable.case import open_case
from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.pipeline import plan, run
from hexatable.ingest.read import document_from_text
from hexatable.ingest.verbs import VerbDictionary

TEXT = "North Korea rejected the verification protocol on Dec. 11, ending the round.\n"


def test_a_case_source_s_date_bounds_its_dates_of_the_past() -> None:
    case = open_case("six-party-talks")
    named = document_from_text(TEXT, name="armscontrol-2009-01-sampling-stall.txt")
    (planned,) = plan([named], lang="en", case=case)
    assert (planned.year, planned.written_by) == (2009, dt.date(2009, 2, 28))
    (extraction,) = run(
        [planned], gazetteer=Gazetteer.builtin().with_case(case), verbs=VerbDictionary.builtin()
    )
    assert [str(e.date.date) for e in extraction.events] == ["2008-12-11"]
    # a later --year than the source's says the text is of another time: no bound from the source
    (later,) = plan([named], lang="en", case=case, year=2010)
    assert later.written_by is None


def test_a_file_the_case_does_not_know_has_no_bound() -> None:
    (planned,) = plan([document_from_text(TEXT, name="mine.txt")], lang="en", year=2009)
    assert planned.written_by is None
