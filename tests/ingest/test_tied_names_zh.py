"""A person the text ties to a state once, then names alone (round 7, ``hexatable.ingest.tied_names``).

The sentences and persons are invented for the tests; no gazetteer layer knows the persons.
"""

from __future__ import annotations

from pathlib import Path

from hexatable.ingest.tied_names import TiedNames
from hexatable.ingest.types import ActorMention
from tests.ingest.fakes import cli_rows


def _state(flat: str, name: str, actor: str) -> ActorMention:
    at = flat.index(name)
    return ActorMention(at, at + len(name), name, actor, "gazetteer")


def _nobody(low: int, high: int) -> list[ActorMention]:
    return []


def test_a_dotted_name_and_its_last_part_are_read_as_the_state_later(tmp_path: Path) -> None:
    text = "2031年3月2日，法国时任总理让·杜邦访问日本。\n\n2031年5月6日，杜邦访问意大利。\n"
    assert cli_rows(tmp_path, text, "zh") == [("2031-03-02", ["FRA"], 4), ("2031-05-06", ["FRA"], 4)]


def test_a_name_the_proposer_reads_after_an_office_is_read_as_the_state(tmp_path: Path) -> None:
    text = "2031年3月2日，中国外交部副部长王建国主持了会议。王建国对各方表示赞赏。\n"
    assert [actors for _, actors, _ in cli_rows(tmp_path, text, "zh")] == [["CHN"], ["CHN"]]


def test_the_name_runs_to_the_end_of_a_proposed_name_not_into_the_verb() -> None:
    tied = TiedNames()
    flat = "以色列时任总理阿里·本达访问埃及。"
    proposed = [ActorMention(flat.index("里·本达"), flat.index("访问"), "里·本达", "new-actor-x", "proposed")]
    tied.learn(flat, [_state(flat, "以色列", "ISR")], lambda low, high: proposed)
    later = "本达表示满意。"
    assert [(m.text, m.actor) for m in tied.mentions(later, [])] == [("本达", "ISR")]


def test_a_name_tied_to_two_states_is_read_as_neither() -> None:
    tied = TiedNames()
    for flat, state, actor in (
        ("法国外长让·杜邦访问日本。", "法国", "FRA"),
        ("比利时外长让·杜邦访问日本。", "比利时", "BEL"),
    ):
        tied.learn(flat, [_state(flat, state, actor)], _nobody)
    assert tied.mentions("杜邦表示满意。", []) == []


def test_the_titled_form_again_adds_no_second_mention() -> None:
    tied = TiedNames()
    flat = "法国外长让·杜邦访问日本。"
    tied.learn(flat, [_state(flat, "法国", "FRA")], _nobody)
    again = "法国外长让·杜邦抵达东京。"
    assert tied.mentions(again, [_state(again, "法国", "FRA")]) == []
