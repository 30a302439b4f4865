"""A table flattened into text, each cell ending with " |" (round 9): a row's end ends a sentence and a
date cell is a date line above the entry under it.

The text is our own, about imagined negotiations (years 2031-2032)."""

from __future__ import annotations

from hexatable.ingest.extract import extract
from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.read import document_from_text
from hexatable.ingest.verbs import VerbDictionary

TABLE = (
    "Events\n"  # 1
    "March 3, 2031 | Chile met Peru in Lima |\n"  # 2: the first row on one line
    "March 2, 2031 |\n"  # 3
    "Bolivia criticized Chile on the border question |\n"  # 4
    "March 1, 2031 |\n"  # 5
    "Peru hosts talks with Chile. |\n"  # 6
)


def test_each_row_of_a_table_with_bars_is_its_own_entry_dated_by_its_date_cell() -> None:
    result = extract(
        document_from_text(TABLE, name="t.txt"),
        lang="en",
        gazetteer=Gazetteer.builtin(),
        verbs=VerbDictionary.builtin(),
        source_id="t",
    )
    rows = [(e.line, str(e.date.date), [a.actor for a in e.actors]) for e in result.events]
    # before round 9 the rows ran together: line 4 took line 5's date and line 6 was lost
    assert rows == [
        (2, "2031-03-03", ["CHL"]),
        (4, "2031-03-02", ["BOL"]),
        (6, "2031-03-01", ["PER"]),
    ]
    assert all("|" not in e.quote.rstrip(" |") for e in result.events[1:])
