"""A transliterated name the proposer misses is tied to the state written before its office like the
others (``hexatable.ingest.tied_names``): the person named alone later acts for that state.

The sentences and persons are invented for the tests; no gazetteer layer knows the persons.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hexatable.ingest.tied_names import TiedNames, _transliterated_at
from hexatable.ingest.types import ActorMention
from tests.ingest.fakes import cli_full_rows, cli_rows


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


def test_a_run_of_seven_ties_nothing() -> None:
    tied = TiedNames()
    flat = "意大利总理卡斯塔德维诺尔抵达罗马。"
    tied.learn(flat, [_known(flat, "意大利", "ITA")], _nobody)
    assert tied.mentions("卡斯塔德维诺尔表示满意。", []) == []


def _tied_after(flat: str, state: str, actor: str, later: str) -> list[tuple[str, str]]:
    tied = TiedNames()
    tied.learn(flat, [_known(flat, state, actor)], _nobody)
    return [(m.text, m.actor) for m in tied.mentions(later, [])]


@pytest.mark.parametrize(
    ("flat", "later", "expected"),
    [
        ("意大利总理贝托尔达希望尽快复会。", "贝托尔达表示满意。", [("贝托尔达", "ITA")]),
        ("意大利总理贝托尔达罗马会谈后表示满意。", "贝托尔达访问法国。", [("贝托尔达", "ITA")]),
        ("意大利总理贝托尔达坦言分歧仍在。", "贝托尔达表示满意。", [("贝托尔达", "ITA")]),
    ],
)
def test_a_name_stops_where_a_dictionary_word_starts(
    flat: str, later: str, expected: list[tuple[str, str]]
) -> None:
    assert _tied_after(flat, "意大利", "ITA", later) == expected


def test_a_verb_after_an_office_is_no_name() -> None:
    flat = "美国特使抵达维也纳。"
    assert _tied_after(flat, "美国", "USA", "抵达维也纳的代表团批评美方。") == []


def test_a_traveller_arriving_later_is_not_the_envoy(tmp_path: Path) -> None:
    text = "2031年3月2日，美国特使抵达维也纳。3日，抵达维也纳的伊朗代表团批评美方。\n"
    rows = [(actors, targets) for _, actors, targets, _ in cli_full_rows(tmp_path, text, "zh")]
    assert rows[1] == (["IRN"], ["USA"])


def test_a_surname_outside_the_set_may_open_the_name_but_no_word_may() -> None:
    # 林 writes no transliteration in jieba's names, yet opens 林德雷斯 (as 古 opens 古特雷斯); 抵达 and
    # 前往 are words, so a run opening with them is no name (nothing was tied before for the first)
    assert _transliterated_at("联合国秘书长林德雷斯说", 6) == ["林德雷斯"]
    assert _transliterated_at("美国特使抵达维也纳。", 4) == []
    assert _transliterated_at("美国特使前往维也纳。", 4) == []


def test_a_name_before_he_and_another_office_is_tied_to_the_first_state() -> None:
    tied = TiedNames()
    flat = "葡萄牙总理卡斯塔德维诺和希腊领导人在雅典会面。"
    tied.learn(flat, [_known(flat, "葡萄牙", "PRT"), _known(flat, "希腊", "GRC")], _nobody)
    later = "卡斯塔德维诺表示，会谈富有成果。"
    assert [(m.text, m.actor) for m in tied.mentions(later, [])] == [("卡斯塔德维诺", "PRT")]


def test_the_later_bare_name_acts_for_the_state_before_the_office(tmp_path: Path) -> None:
    text = "2031年4月2日，葡萄牙总理贝托尔达与希腊领导人会面。次日，贝托尔达表示满意。\n"
    assert [actors for _, actors, _ in cli_rows(tmp_path, text, "zh")][1:] == [["PRT"]]


def test_an_office_holding_a_verb_leaves_the_name_to_the_later_office() -> None:
    tied = TiedNames()
    flat = "葡萄牙总理会见希腊特使卡斯塔德维诺。"
    tied.learn(flat, [_known(flat, "葡萄牙", "PRT"), _known(flat, "希腊", "GRC")], _nobody)
    assert [m.actor for m in tied.mentions("卡斯塔德维诺表示满意。", [])] == ["GRC"]
