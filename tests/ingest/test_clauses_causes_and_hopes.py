"""Clauses and statements (docs/ingest.md, rules 1, 3d, 3g and 4b): a date-led cause keeps both acts,
a finite act after reported speech is its own, "by" without an agent does not hold the cut, a
date-led question tells no act, a hope then the speaker's own act, a frame between the Council and its
adoption, a subject that is no cue, an entry run into its date line, ending and modifying sanctions,
a list after 与, "should never have".

Each case written from our own sentences and run through ``hexatable ingest`` as a user runs it
(built-in gazetteer and verbs, no case). Expected events are read off the sentences.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingest.fakes import cli_rows


def _acts(tmp_path: Path, text: str, lang: str) -> list[tuple[list[str], int]]:
    return [(actors, cameo) for _, actors, cameo in cli_rows(tmp_path, text + "\n", lang)]


def test_a_date_led_cause_keeps_both_acts(tmp_path: Path) -> None:
    # 因…而: the cause is an act of its own subject, and so is what it led to
    assert _acts(tmp_path, "2011年4月8日因日本反对而韩国退出会谈。", "zh") == [(["JPN"], 11), (["KOR"], 16)]
    # a cause without a subject of its own after 而 stays one act
    assert len(_acts(tmp_path, "2011年4月8日韩国因日本批评而中止谈判。", "zh")) == 1


def test_a_finite_act_after_reported_speech_is_its_own(tmp_path: Path) -> None:
    rows = _acts(tmp_path, "2011年4月8日，俄罗斯宣布韩国违反协议而中国决定对韩国实施制裁。", "zh")
    assert rows == [(["RUS"], 1), (["CHN"], 16)], rows
    rows = _acts(tmp_path, "2011年4月8日，日本指出俄罗斯违反协议而美国对俄罗斯实施制裁。", "zh")
    assert rows == [(["JPN"], 1), (["USA"], 16)], rows
    # both halves with a modal: both are what Russia said
    rows = _acts(tmp_path, "2011年4月8日，俄罗斯表示韩国应放弃该计划而日本应停止援助。", "zh")
    assert [actors for actors, _ in rows] == [["RUS"]], rows


def test_by_without_an_agent_does_not_hold_the_cut(tmp_path: Path) -> None:
    # "by phone", "by telephone": a manner of China's own finite verb, so "and China …" is an act
    rows = _acts(tmp_path, "On 9 October 2011, Russia criticized Japan and China protested by phone.", "en")
    assert rows == [(["RUS"], 11), (["CHN"], 14)], rows
    rows = _acts(tmp_path, "On 9 October 2011, Russia criticized Japan and China warned by telephone.", "en")
    assert [actors for actors, _ in rows] == [["RUS"], ["CHN"]], rows
    # "stopped by Seoul": a phrasal verb (visited), not a passive whose agent is Seoul
    rows = _acts(tmp_path, "On 9 October 2011, Russia criticized Japan and China stopped by Seoul.", "en")
    assert [actors for actors, _ in rows][:2] == [["RUS"], ["CHN"]], rows
    # an agent (a known actor, or a determiner and a noun) still makes a reduced passive: no cut
    for agent in ("Russia", "the delegates"):
        text = f"On 9 October 2011, Japan criticized the plan and China praised by {agent}."
        rows = _acts(tmp_path, text, "en")
        assert [actors for actors, _ in rows] == [["JPN"]], (agent, rows)


def test_a_date_led_question_tells_no_act(tmp_path: Path) -> None:
    # the date's preposition ("On …, ") does not hide a question that opens the clause
    for text in (
        "On 9 October 2011, it was unclear whether Russia would attend the talks.",
        "On 9 October 2011, whether Russia would attend the talks remained unclear.",
    ):
        assert _acts(tmp_path, text, "en") == [], text
    # a subject before "whether" still acts
    rows = _acts(tmp_path, "On 9 October 2011, Japan asked whether Russia would attend the talks.", "en")
    assert [actors for actors, _ in rows] == [["JPN"]], rows


def test_a_hope_then_the_speakers_own_act(tmp_path: Path) -> None:
    # the hope for an outcome is a comment; the speaker's own act after it codes the statement (036)
    for act in ("并将继续参加谈判", "并将派代表团参加"):
        rows = _acts(tmp_path, f"2011年4月8日，俄罗斯表示，希望谈判取得进展，{act}。", "zh")
        assert rows == [(["RUS"], 3)], (act, rows)
    # the hope alone is an optimistic comment (01); a hope that another party acts is an appeal (02)
    assert _acts(tmp_path, "2011年4月8日，俄罗斯表示，希望谈判取得进展。", "zh") == [(["RUS"], 1)]
    rows = _acts(tmp_path, "2011年4月8日，俄罗斯表示，希望谈判取得进展，并呼吁日本重返谈判。", "zh")
    assert [cameo for _, cameo in rows] == [2], rows


def test_a_frame_between_the_council_and_its_adoption(tmp_path: Path) -> None:
    # 经过…后, 在…上: when and how the Council adopted; its consultations are no act of their own here
    for frame in ("经过两天讨论后", "在紧急会议上"):
        text = f"2011年4月8日，安理会{frame}通过第99号决议，对该国实施武器禁运。"
        assert _acts(tmp_path, text, "zh") == [(["UNSC"], 16)], frame
    # another party's act between is still no adoption of the subject's
    rows = _acts(tmp_path, "2011年4月8日，俄罗斯谴责安理会通过决议对日本实施制裁。", "zh")
    assert [(actors, cameo) for actors, cameo in rows] == [(["RUS"], 11)], rows


def test_a_not_cue_subject_makes_no_statement(tmp_path: Path) -> None:
    # "the sanctions committee" is no cue and no party: the Russian firms are no actor of a statement
    text = "On 9 October 2011, the sanctions committee added two Russian firms to its list."
    assert _acts(tmp_path, text, "en") == []
    # a party's own clause without a cue is still its event
    rows = _acts(tmp_path, "On 9 October 2011, Russia arrived in Tokyo.", "en")
    assert [actors for actors, _ in rows] == [["RUS"]], rows


def test_an_entry_run_into_its_date_line_keeps_its_own_date(tmp_path: Path) -> None:
    text = "记录\n\n2011年4月8日：\n俄罗斯4月9日谴责日本。\n中国4月10日批评日本。"
    assert [date for date, _, _ in cli_rows(tmp_path, text + "\n", "zh")] == ["2011-04-09", "2011-04-10"]
    text = "Notes\n\nApril 8, 2011:\nRussia on April 9 condemned Japan.\nChina on April 10 criticized Japan."
    assert [date for date, _, _ in cli_rows(tmp_path, text + "\n", "en")] == ["2011-04-09", "2011-04-10"]
    # without a date of its own the entry is the date line's
    text = "记录\n\n2011年4月8日：\n俄罗斯谴责日本。\n中国4月10日批评日本。"
    assert [date for date, _, _ in cli_rows(tmp_path, text + "\n", "zh")] == ["2011-04-08", "2011-04-10"]


def test_ending_sanctions_eases_them(tmp_path: Path) -> None:
    # 取消, 撤销, 停止 + sanctions or an embargo: 081/085 ease sanctions (08), as 解除 is
    for verb in ("取消", "撤销", "停止", "解除"):
        rows = _acts(tmp_path, f"2011年4月8日，日本宣布{verb}对俄罗斯的制裁。", "zh")
        assert [cameo for _, cameo in rows] == [8], (verb, rows)
    # cancelling talks still reduces relations (16)
    assert [c for _, c in _acts(tmp_path, "2011年4月8日，日本取消与俄罗斯的会谈。", "zh")] == [16]


def test_sanctions_as_a_modifier_are_no_sanctions(tmp_path: Path) -> None:
    # 制裁问题谈判, 制裁谈判: talks about sanctions (04), nothing imposed
    rows = _acts(tmp_path, "2011年4月8日，日本与俄罗斯恢复制裁问题谈判。", "zh")
    assert [cameo for _, cameo in rows] == [4], rows


def test_a_list_after_yu_is_joined_whole_to_the_meeting(tmp_path: Path) -> None:
    # 俄罗斯与日本、韩国举行会谈: all three met, so all three close the talks
    text = "2011年4月8日，俄罗斯与日本、韩国举行三方会谈。4月10日闭幕。"
    rows = cli_rows(tmp_path, text + "\n", "zh")
    assert rows[-1] == ("2011-04-10", ["RUS", "JPN", "KOR"], 4), rows


def test_should_never_have_judges_an_act_that_was_done(tmp_path: Path) -> None:
    # "should never have criticized": the criticism was made (11), neither 01 nor a refusal
    for modal in ("should never have", "should not have", "ought not to have"):
        rows = _acts(tmp_path, f"On 9 October 2011, Russia {modal} criticized China.", "en")
        assert rows == [(["RUS"], 11)], (modal, rows)
    # reported: Japan judges Russia's attendance, which took place (04), not a refusal (12)
    text = "On 9 October 2011, Russia should never have attended the talks, Japan said."
    rows = _acts(tmp_path, text, "en")
    assert [cameo for _, cameo in rows] == [4], rows
    # without "have" it is what ought not to be done: a statement (01)
    assert _acts(tmp_path, "On 9 October 2011, Russia should never criticize China.", "en") == [(["RUS"], 1)]
