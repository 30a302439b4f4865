"""A name written right after an office the gazetteer knows as an actor (联合国秘书长) is tied to that
actor (``hexatable.ingest.tied_names``): a person acts for the body whose office they hold, so the name
alone later is read as the office, as a name tied to a state is read as the state.

The sentences and persons are invented for the tests; no gazetteer layer knows the persons. Their names
are written only in characters of transliterations, as an undotted name read without the proposer must be
(docs/ingest.md, "Persons tied to a state or an office once").
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


def test_a_name_after_a_known_office_is_tied_to_the_office() -> None:
    tied = TiedNames()
    flat = "联合国秘书长卡德雷斯9日抵达会场。"
    tied.learn(flat, [_known(flat, "联合国秘书长", "UNSG")], _nobody)
    later = "卡德雷斯说，双方仍有分歧。"
    assert [(m.text, m.actor) for m in tied.mentions(later, [])] == [("卡德雷斯", "UNSG")]


def test_a_common_word_after_an_office_ties_nothing() -> None:
    tied = TiedNames()
    flat = "联合国秘书长表示欢迎。"
    tied.learn(flat, [_known(flat, "联合国秘书长", "UNSG")], _nobody)
    assert tied.mentions("表示欢迎。", []) == []


def test_a_known_name_that_is_no_office_ties_nothing() -> None:
    tied = TiedNames()
    flat = "联合国卡德雷斯9日抵达会场。"
    tied.learn(flat, [_known(flat, "联合国", "UN")], _nobody)
    assert tied.mentions("卡德雷斯说，双方仍有分歧。", []) == []


def test_the_office_holder_and_the_state_leader_each_act_for_their_own(tmp_path: Path) -> None:
    text = (
        "2031年3月2日，意大利总理贝托尔达在罗马会见了来访的联合国秘书长卡瓦尔德。"
        "卡瓦尔德在会谈后说，各方已接近达成协议。"
        "贝托尔达表示，安全问题最为关键。\n"
    )
    actors = [actors for _, actors, _ in cli_rows(tmp_path, text, "zh")]
    assert actors[1:] == [["UNSG"], ["ITA"]]
