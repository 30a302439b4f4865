"""Cue words that are no act, and verbs of consequence (docs/ingest.md, rules 3d and 1b): a cue heading a
noun of parties or before a word opening with 国/方, a quoted programme name before its noun, 方位 after
a signing; 导致, 致使, 使得 cut a new clause only before a subject that acts. Built-in gazetteer, verb
dictionary and date finder, sentences of our own.
"""

from __future__ import annotations

import pytest

from hexatable.ingest.types import Cue
from hexatable.ingest.zh_subjects import zh_modifies
from tests.ingest.fakes import dated_builtin_rows

Row = tuple[list[str], int]


def rows(sentence: str, lang: str) -> list[Row]:
    """(actors, CAMEO root) of each event found in one sentence dated 3 March 2009."""
    return dated_builtin_rows(sentence, "zh" if lang == "zh" else "en")


def codes(sentence: str, lang: str) -> list[int]:
    """The CAMEO roots of the events found in one sentence."""
    return [code for _, code in rows(sentence, lang)]


# --- rule 1b after 导致, 致使, 使得 ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the talks broke off or were put off: no party's act; the talks are the first act's target
        ("朝鲜进行核试验，致使六方会谈中断。", [(["PRK"], 15)]),
        ("美国宣布对朝鲜制裁，导致六方会谈推迟。", [(["USA"], 16)]),
        # a passive with no agent: the DPRK is sanctioned by no one named, so no act of its own
        ("朝鲜进行核试验，导致该国遭到制裁。", [(["PRK"], 15)]),
        # 双方 would resolve to the party the first clause names, condemning itself
        ("朝鲜进行核试验，导致双方谴责朝鲜。", [(["PRK"], 15)]),
    ],
)
def test_a_consequence_befalling_no_acting_party_stays_in_its_clause(
    sentence: str, expected: list[Row]
) -> None:
    assert rows(sentence, "zh") == expected


def test_a_consequence_by_an_agent_or_a_state_is_an_act_of_its_own() -> None:
    # kept: the Security Council's sanctions; Iran's postponement
    assert rows("朝鲜进行核试验，导致该国遭到安理会制裁。", "zh") == [(["PRK"], 15), (["UNSC"], 16)]
    assert rows("美国发动空袭，导致伊朗推迟谈判。", "zh") == [(["USA"], 19), (["IRN"], 16)]


# --- a quoted name after a launching verb ------------------------------------------------------


def test_a_quoted_programme_name_before_its_noun_is_no_act() -> None:
    assert rows("韩国启动“援助朝鲜”计划。", "zh") == [(["KOR"], 3)]  # 030 by 计划, no aid given
    # kept: the quotation is the whole object, the operation launched (190)
    assert codes("法国宣布发起“特别军事行动”。", "zh") == [19]


# --- 国/方 after a cue, in a clause with a second cue ---------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the first cue types the clause only if 国… is read as its object, not as a noun of parties;
        # 国务委员 and 国际公约 are kept (they fail if the exceptions are taken away: a bare [国方])
        ("美国国务卿在北京会见国务委员并批评日本。", 4),
        ("伊朗外长在联合国签署国际公约并批评美国。", 5),
        ("中国外长在北京会见国台办主任并批评日本。", 4),
        ("美国总统在华盛顿会见国资委官员并批评日本。", 4),
        ("中国外长在北京会见国安官员并批评日本。", 4),
    ],
)
def test_a_cue_before_a_word_opening_with_guo_types_a_two_cue_clause(sentence: str, expected: int) -> None:
    # rule 1d: the criticism joined by 并 is an act of its own (111), after the first cue's act
    assert codes(sentence, "zh") == [expected, 11]


def test_fang_wei_after_a_signing_is_no_party_noun() -> None:
    assert not zh_modifies("协定经签署方为有效", Cue(3, 5, "签署", 5, "签署", 1.0))
    assert zh_modifies("与其他签署方对话", Cue(3, 5, "签署", 5, "签署", 1.0))  # kept
