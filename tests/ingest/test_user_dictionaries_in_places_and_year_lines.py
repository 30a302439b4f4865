"""The run's own dictionaries, a user's layers included, decide two readings that once asked the
built-in ones (``hexatable.ingest.parties``, ``hexatable.ingest.event_dates``): whether a state after a
town and a preposition's clause is a place ("in Lyon, Iran on Tuesday snubbed Japan": a user's cue
makes Iran its subject), and whether a year line's text after a bar is an entry ("2031 | Zorvania
envoys": a user's name makes it one).

The sentences, the cue and the state are invented for the tests.
"""

from __future__ import annotations

from pathlib import Path

from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.verbs import VerbDictionary
from tests.ingest.builtin_runs import run


def _rows(
    text: str, gazetteer: Gazetteer, verbs: VerbDictionary
) -> list[tuple[str, list[str], list[str], int]]:
    return [
        (str(e.date.date), [a.actor for a in e.actors], [t.actor for t in e.targets], e.cameo)
        for e in run(text, gazetteer, verbs).events
    ]


def test_a_user_cue_after_a_town_state_keeps_the_state_an_actor(
    gazetteer: Gazetteer, verbs: VerbDictionary, tmp_path: Path
) -> None:
    path = tmp_path / "verbs.yaml"
    path.write_text("cues:\n  - {code: 12, weight: 1.0, en: [snub, snubbed]}\n", encoding="utf-8")
    text = "On 3 March 2031, talks were held in Lyon, Iran on Tuesday snubbed Japan.\n"
    assert _rows(text, gazetteer, verbs.with_file(path)) == [("2031-03-03", ["IRN"], ["JPN"], 12)]


def test_a_user_name_after_a_year_bar_makes_the_line_an_entry(
    gazetteer: Gazetteer, verbs: VerbDictionary, tmp_path: Path
) -> None:
    path = tmp_path / "gazetteer.yaml"
    path.write_text("actors:\n  - {id: ZRV, kind: state, names: {en: Zorvania}}\n", encoding="utf-8")
    text = "2030\n\n2031 | Zorvania envoys\ncriticized the plan.\n"
    assert [(date, actors) for date, actors, _, _ in _rows(text, gazetteer.with_file(path), verbs)] == [
        ("2031", ["ZRV"])
    ]
