"""A transliterated name the proposer misses is tied to the state written before its office like the
others (``hexatable.ingest.tied_names``): the person named alone later acts for that state.

The sentences and persons are invented for the tests; no gazetteer layer knows the persons.
"""

from __future__ import annotations

from pathlib import Path

from hexatable.ingest.tied_names import TiedNames
from hexatable.ingest.types import ActorMention
from tests.ingest.fakes import cli_rows


def _known(flat: str, name: str, actor: str) -> ActorMention:
    at = flat.index(name)
    return ActorMention(at, at + len(name), name, actor, "gazetteer")


def _nobody(low: int, high: int) -> list[ActorMention]:
    return []


def test_a_long_transliterated_name_after_a_state_office_is_tied() -> None:
    tied = TiedNames()
    flat = "意大利总理卡斯塔德维诺9日抵达罗马。"
    tied.learn(flat, [_known(flat, "意大利", "ITA")], _nobody)
    later = "卡斯塔德维诺表示，会谈富有成果。"
    assert [(m.text, m.actor) for m in tied.mentions(later, [])] == [("卡斯塔德维诺", "ITA")]


def test_the_bare_name_speaker_acts_for_the_state_in_a_whole_text(tmp_path: Path) -> None:
    text = "2031年3月2日，意大利总理贝托尔达在罗马会见了来访的代表团。贝托尔达表示，安全问题最为关键。\n"
    actors = [actors for _, actors, _ in cli_rows(tmp_path, text, "zh")]
    assert actors[1:] == [["ITA"]]


def test_a_run_longer_than_a_name_ties_nothing() -> None:
    tied = TiedNames()
    flat = "意大利总理卡斯塔德维诺贝托尔达抵达罗马。"
    tied.learn(flat, [_known(flat, "意大利", "ITA")], _nobody)
    assert tied.mentions("卡斯塔德维诺贝托尔达表示满意。", []) == []
