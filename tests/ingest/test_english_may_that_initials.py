"""English words that look like others (docs/ingest.md, rules 1, 2d and 3e; docs/ingest-dictionaries.md,
"How names are matched"): the month May is not the modal, "that" after a noun is not a report, a middle
initial is part of a titled name; a date line starts a new entry; a possessive date after a preposition
names a thing.

Each case written from our own sentences and run through ``hexatable ingest`` as a user runs it
(built-in gazetteer and verbs, no case).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from hexatable.cli.app import app
from hexatable.ingest.dates import date_finder

runner = CliRunner()


def _ingest(tmp_path: Path, text: str, lang: str = "en") -> dict[str, Any]:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(path), "--lang", lang, "--json"])
    assert result.exit_code == 0, result.output
    source: dict[str, Any] = json.loads(result.stdout)["sources"][0]
    return source


def _rows(source: dict[str, Any]) -> list[tuple[str, list[str], int]]:
    return [(e["date"], [a["id"] for a in e["actors"]], e["cameo"]) for e in source["events"]]


def test_the_month_may_is_not_the_modal(tmp_path: Path) -> None:
    # "in May" before the act: the act is done, not announced ("may" the modal is lower case)
    rows = _rows(_ingest(tmp_path, "On 2 June 2031 Japan said South Korea in May shut down the reactor.\n"))
    assert any(actors == ["KOR"] and cameo == 8 for _, actors, cameo in rows), rows


def test_a_that_after_a_noun_is_not_the_report(tmp_path: Path) -> None:
    # "said the rumour that …": the rumour's content, denied, is no event of Korea's
    rows = _rows(
        _ingest(
            tmp_path,
            "On 2 June 2031 Japan said the rumour that South Korea shut down the reactor was false.\n",
        )
    )
    assert rows == [("2031-06-02", ["JPN"], 1)]
    # a report after "that" right after the verb is still one
    rows = _rows(_ingest(tmp_path, "On 2 June 2031 Japan said that South Korea shut down the reactor.\n"))
    assert [actors for _, actors, _ in rows] == [["JPN"], ["KOR"]]


def test_a_middle_initial_is_part_of_the_titled_name(tmp_path: Path) -> None:
    source = _ingest(tmp_path, "On 2 June 2031 President John Q. Adams met Japan.\n")
    assert [(p["id"], p["name"]) for p in source["proposed_actors"]] == [("john-q-adams", "John Q. Adams")]


def test_a_date_line_starts_a_new_entry_without_the_subject_before(tmp_path: Path) -> None:
    text = "2031年2月13日\n日本外长访问首尔。\n2031年2月14日\n会见了韩国外长。\n\n完。\n"
    source = _ingest(tmp_path, text, "zh")
    # the segmenter runs the first date line into its entry (docs/ingest.md, rule 2d): cited from the
    # entry's own line, line 2, since round 6
    assert [(e["line"], [a["id"] for a in e["actors"]]) for e in source["events"]] == [(2, ["JPN"])]
    assert source["warnings"] == [
        "line 4: '会见' (2031年2月14日) has no actor the gazetteer or the case knows, so it is not an event"
    ]


def test_a_possessive_date_after_a_preposition_names_a_thing() -> None:
    finder = date_finder("en", year=2031)
    finder.find("On March 3, 2031 the talks began.")
    assert [
        (m.text, m.anchor) for m in finder.find("In its June declaration, Korea said it would talk.")
    ] == [("June", False)]
    # "on the 14th of July" is still narration
    assert [m.anchor for m in finder.find("On the 14th of July the reactor was shut.")] == [True]
