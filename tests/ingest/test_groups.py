"""A group the target case does not define, but whose member states it does, stands for them.

Membership facts: the Six-Party Talks' parties are China, North Korea, the United States, South Korea,
Japan and Russia (the Joint Statement of 19 September 2005 names them); the P5 are the permanent
members of the Security Council (UN Charter, Article 23); the E3 are France, Germany and Britain.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hexatable.case import open_case
from hexatable.case.dates import DateSpan
from hexatable.case.problems import CaseError
from hexatable.ingest.extract import CONFIDENCE, confidence
from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.types import ActorMention, DateMention

SIX = ["CHN", "PRK", "USA", "KOR", "JPN", "RUS"]


def test_the_six_parties_stand_for_their_members_in_a_case_that_codes_members() -> None:
    builtin = Gazetteer.builtin()
    text = "第四轮六方会谈在北京开幕。"
    alone = builtin.find(text, "zh")
    assert [(m.text, m.actor) for m in alone if m.text == "六方"] == [("六方", "SIXPARTY")]
    # the six-party case defines the six states but no SIXPARTY actor
    case = open_case("six-party-talks")
    assert "SIXPARTY" not in {a.id for a in case.actors}
    with_case = builtin.with_case(case)
    members = [m for m in with_case.find(text, "zh") if m.text == "六方"]
    assert [m.actor for m in members] == SIX
    assert {(m.start, m.end) for m in members} == {(text.index("六方"), text.index("六方") + 2)}


def test_a_group_stays_itself_when_the_case_lacks_a_member() -> None:
    # the six-party case has France and Britain but no Germany: the E3 are not expanded there, the
    # P5 (all five defined) are
    with_case = Gazetteer.builtin().with_case(open_case("six-party-talks"))
    assert [m.actor for m in with_case.find("欧洲三国发表声明。", "zh") if m.text == "欧洲三国"] == ["E3"]
    p5 = [m.actor for m in with_case.find("安理会五常发表声明。", "zh") if m.text == "安理会五常"]
    assert p5 == ["CHN", "FRA", "GBR", "RUS", "USA"]


def test_members_must_be_actor_ids(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "actors:\n  - {id: QUAD, kind: group, members: not-a-list, names: {en: the Quad}}\n",
        encoding="utf-8",
    )
    with pytest.raises(CaseError, match="members"):
        Gazetteer.builtin().with_file(path)


def test_a_group_read_as_its_members_is_one_name_for_confidence() -> None:
    # rule 5 of extract: the penalty per actor beyond three counts names written, so six members
    # named by one word cost nothing, while four states named apart cost one step
    date = DateMention(0, 10, "2007年2月13日", DateSpan.parse("2007-02-13"), "zh-ymd")
    six = [ActorMention(11, 13, "六方", actor, "gazetteer") for actor in SIX]
    four = [ActorMention(11 + 2 * i, 13 + 2 * i, "x", actor, "gazetteer") for i, actor in enumerate(SIX[:4])]
    plain = CONFIDENCE["base"] + CONFIDENCE["date-said"] + CONFIDENCE["actor-known"]
    assert confidence(date=date, inherited=False, cue=None, actors=six) == round(plain, 3)
    assert confidence(date=date, inherited=False, cue=None, actors=four) == round(
        plain + CONFIDENCE["per-actor-beyond-3"], 3
    )
