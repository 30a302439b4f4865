"""A person the text ties to a state once, then names alone (round 7, ``hexatable.ingest.tied_names``).

The sentences and persons are invented for the tests; no gazetteer layer knows the persons.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hexatable.ingest.tied_names import TiedNames
from hexatable.ingest.types import ActorMention
from tests.ingest.fakes import cli_full_rows, cli_rows


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


def _events(tmp_path: Path, text: str) -> list[tuple[str, list[str], list[str], int]]:
    """(date, actor ids, target ids, CAMEO root) of each event the CLI writes for ``text``."""
    return cli_full_rows(tmp_path, text, "zh")


def test_a_tied_name_inside_another_word_is_not_read(tmp_path: Path) -> None:
    # review R8b: 杜邦 inside 杜邦特 (a place) and inside 文化杜邦 (a word holding it) named FRA
    text = "2031年1月5日，法国总统让·杜邦访问日本。2031年1月8日，伊朗宣布杜邦特核电站开始运行。\n"
    assert _events(tmp_path, text)[1] == ("2031-01-08", ["IRN"], [], 1)
    text = "2031年1月5日，法国总统让·杜邦访问日本。2031年1月8日，韩国在首尔举办文化杜邦，邀请日本参加。\n"
    assert _events(tmp_path, text)[1] == ("2031-01-08", ["KOR"], ["JPN"], 2)


def test_an_office_that_runs_across_a_verb_ties_nobody(tmp_path: Path) -> None:
    text = "2031年1月5日，中国国家主席会见联合国秘书长约翰·斯坦利。2031年1月8日，斯坦利呼吁朝鲜重返谈判。\n"
    # Stanley is never China's: the office 国家主席会见联合国秘书长 runs across a verb. Since office9 he
    # is tied to 联合国秘书长, the office the gazetteer knows right before his name (a person acts for
    # the body they serve), so he appeals to the DPRK as UNSG; before, the clause had no subject and
    # read 朝鲜 as its actor, a wrong coding the test had kept.
    later = _events(tmp_path, text)[1]
    assert "CHN" not in later[1] + later[2]
    assert later == ("2031-01-08", ["UNSG"], ["PRK"], 2)
    text = "2031年1月5日，朝鲜外相会见来访的特使约翰·斯坦利。2031年1月8日，韩国谴责斯坦利。\n"
    assert _events(tmp_path, text)[1] == ("2031-01-08", ["KOR"], [], 11)


def _proposing(flat: str, name: str) -> Callable[[int, int], list[ActorMention]]:
    at = flat.index(name)
    return lambda low, high: [ActorMention(at, at + len(name), name, "new-actor-x", "proposed")]


def test_an_ambassador_is_tied_to_the_state_that_sends_him() -> None:
    tied = TiedNames()
    flat = "中国驻法国大使让·杜邦抵达巴黎。"
    sent_to = ActorMention(3, 5, "法国", "FRA", "gazetteer")
    tied.learn(flat, [_state(flat, "中国", "CHN"), sent_to], _proposing(flat, "让·杜邦"))
    # before review R8b the name was tied to both states and dropped
    assert [(m.text, m.actor) for m in tied.mentions("杜邦表示满意。", [])] == [("杜邦", "CHN")]


def test_a_later_mention_after_a_conjunction_or_a_date_is_read() -> None:
    tied = TiedNames()
    flat = "法国外长让·杜邦访问日本。"
    tied.learn(flat, [_state(flat, "法国", "FRA")], _proposing(flat, "让·杜邦"))
    later = "9日，日本外长和杜邦举行会谈。"
    assert [(m.text, m.actor) for m in tied.mentions(later, [])] == [("杜邦", "FRA")]
    assert [m.text for m in tied.mentions("9日，杜邦举行记者会。", [])] == ["杜邦"]
    assert tied.mentions("日本外长会见杜邦。", []) == []  # an object inside the clause is not read


def test_a_later_mention_after_a_common_opener_is_read(tmp_path: Path) -> None:
    # review 9: after review R8b only dates and a few one-character openers were allowed before the
    # name, so 今天沙龙… (and 同时, 会上, 此外 …) made no event
    text = "2031年4月9日，以色列总理阿里埃勒·沙龙会见埃及外长。今天沙龙访问埃及。\n"
    assert _events(tmp_path, text) == [
        ("2031-04-09", ["ISR"], ["EGY"], 4),
        ("2031-04-09", ["ISR"], ["EGY"], 4),
    ]
    text = "2031年4月9日，以色列总理阿里埃勒·沙龙会见埃及外长。会上沙龙表示支持埃及。\n"
    assert _events(tmp_path, text)[1] == ("2031-04-09", ["ISR"], ["EGY"], 5)


def test_openers_before_a_later_mention() -> None:
    tied = TiedNames()
    flat = "法国外长让·杜邦访问日本。"
    tied.learn(flat, [_state(flat, "法国", "FRA")], _proposing(flat, "让·杜邦"))
    for opener in ("今天", "昨天", "同时", "此外", "随后", "当天", "会上"):
        later = f"{opener}杜邦举行记者会。"
        assert [(m.text, m.actor) for m in tied.mentions(later, [])] == [("杜邦", "FRA")], opener
    assert tied.mentions("日本外长今天会见杜邦。", []) == []  # still an object inside the clause


def test_an_office_with_a_portfolio_and_its_de_ties_the_name(tmp_path: Path) -> None:
    # review 9: review R8b's ban on 的 in an office dropped 负责东亚事务的助理国务卿 (the later 斯坦利
    # was a proposed new actor)
    text = "2031年3月8日，法国负责亚洲事务的助理外长约翰·斯坦利访问韩国。斯坦利会见韩国外长。\n"
    assert _events(tmp_path, text) == [
        ("2031-03-08", ["FRA"], ["KOR"], 4),
        ("2031-03-08", ["FRA"], ["KOR"], 4),
    ]


def test_a_de_closing_a_clause_before_the_title_still_ties_nobody() -> None:
    tied = TiedNames()
    flat = "朝鲜欢迎的特使约翰·斯坦利访问韩国。"
    tied.learn(flat, [_state(flat, "朝鲜", "PRK")], _proposing(flat, "约翰·斯坦利"))
    assert tied.mentions("斯坦利会见韩国外长。", []) == []
    flat = "法国负责亚洲事务的助理外长约翰·斯坦利访问韩国。"
    tied.learn(flat, [_state(flat, "法国", "FRA")], _proposing(flat, "约翰·斯坦利"))
    assert [(m.text, m.actor) for m in tied.mentions("斯坦利会见韩国外长。", [])] == [("斯坦利", "FRA")]
