"""Rule 3h (round 6): a meeting's later phase told without its parties (``hexatable.ingest.meeting_phase``).

The texts are written for these tests. A Chinese chronology names a meeting's parties where it opens
and then writes "7月18日闭幕。" or "7月18日，第一阶段会议结束。": the parties of the meeting told just
before met on that day (CAMEO 04). Before round 6 such a clause named no one and was no event.

English writes the meeting as the subject ("The talks closed on 18 July."), a reference to the talks
named before rather than a subject left out; rule 3h does not read it, and a test below pins that.
"""

from __future__ import annotations

import pytest

from hexatable.ingest.extract import extract
from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.meeting_phase import meeting_phase
from hexatable.ingest.read import document_from_text
from hexatable.ingest.types import Lang
from hexatable.ingest.verbs import VerbDictionary

TITLE = "会谈纪要\n\n"
"""A title line first, so that the entry is read as an entry, not as the document's title."""


@pytest.fixture(scope="module")
def dictionaries() -> tuple[Gazetteer, VerbDictionary]:
    return Gazetteer.builtin(), VerbDictionary.builtin()


def events(
    text: str, dictionaries: tuple[Gazetteer, VerbDictionary], lang: Lang = "zh"
) -> list[tuple[str, list[str], int]]:
    gazetteer, verbs = dictionaries
    extraction = extract(
        document_from_text(text), lang=lang, gazetteer=gazetteer, verbs=verbs, source_id="s", year=2014
    )
    return [(str(e.date.date), [a.actor for a in e.actors], e.cameo) for e in extraction.events]


def test_a_close_with_no_subject_is_the_parties_of_the_meeting_before(
    dictionaries: tuple[Gazetteer, VerbDictionary],
) -> None:
    found = events(TITLE + "2014年7月3日，中国与日本在东京举行第三轮会谈。7月18日闭幕。", dictionaries)
    # a joint meeting (与 X 举行会谈): X, read as the meeting's target, met as much as China
    assert found == [("2014-07-03", ["CHN"], 4), ("2014-07-18", ["CHN", "JPN"], 4)]


def test_a_phase_whose_subject_is_the_meeting_itself_is_its_parties(
    dictionaries: tuple[Gazetteer, VerbDictionary],
) -> None:
    text = TITLE + "中日韩三国外长会议于2014年7月3日在东京开幕。7月18日，第一阶段会议正式结束。"
    found = events(text, dictionaries)
    assert found[-1] == ("2014-07-18", ["CHN", "JPN", "KOR"], 4)
    assert len(found) == 2


@pytest.mark.parametrize(
    "text",
    [
        # the act before is no meeting: whose close would it be?
        "2014年7月3日，日本抗议韩国扣押渔船。7月18日闭幕。",
        # another paragraph: a subject is never carried across one
        "2014年7月3日，日本与韩国在东京举行会谈。\n\n7月18日闭幕。",
        # a statement came between: the close is not the statement's
        "2014年7月3日，日本与韩国在东京举行会谈。7月18日，日本外务省发表声明。7月20日会议闭幕。",
    ],
)
def test_no_close_is_given_parties_the_meeting_before_does_not_name(
    text: str, dictionaries: tuple[Gazetteer, VerbDictionary]
) -> None:
    later = [e for e in events(TITLE + text, dictionaries) if e[0] in ("2014-07-18", "2014-07-20")]
    assert not [e for e in later if e[2] == 4]


def test_a_clause_with_a_subject_of_its_own_keeps_it(dictionaries: tuple[Gazetteer, VerbDictionary]) -> None:
    text = TITLE + "2014年7月3日，日本与韩国在东京举行会谈。7月18日，韩国代表团团长结束访问。"
    assert events(text, dictionaries)[-1] == ("2014-07-18", ["KOR"], 4)


@pytest.mark.parametrize(
    ("clause", "verb"),
    [
        ("随后闭幕。", "闭幕"),
        ("第一阶段会议结束", "结束"),
        ("会谈在北京顺利闭幕了。", "闭幕"),
        ("本轮会谈休会", "休会"),
        ("会议通过了决议。", None),  # another act
        ("朝鲜代表团结束访问。", None),  # a subject of its own, and no meeting phase
        ("会谈结束后，双方发表声明。", None),  # the close is a scene, the statement the act
    ],
)
def test_what_reads_as_a_meeting_phase(clause: str, verb: str | None) -> None:
    cue = meeting_phase(clause, (0, len(clause)), [])
    assert (cue.text if cue is not None else None) == verb
    if cue is not None:
        assert cue.cameo == 4
        assert clause[cue.start : cue.end] == verb


def test_english_writes_the_meeting_as_a_subject_and_is_not_read_by_the_rule(
    dictionaries: tuple[Gazetteer, VerbDictionary],
) -> None:
    text = "A chronology\n\nOn 3 July 2014 China and Japan held talks in Tokyo. The talks closed on 18 July."
    dates = [e[0] for e in events(text, dictionaries, lang="en")]
    assert "2014-07-18" not in dates


# Review of round 6 (part C): the close took the parties of the last clause with actors, which may
# have made no event, or an event 4b dropped, or a meeting with no phases (会见).


@pytest.mark.parametrize(
    "between",
    [
        "美国的制裁对会议产生了影响。",  # an effect, dropped by rule 4b
        "朝鲜的代表是外相。",  # no cue and no date: no event
        "朝鲜是否参加会议仍不明朗。",  # a question, dropped by rule 4b
    ],
)
def test_a_clause_that_made_no_event_gives_the_close_no_parties(
    between: str, dictionaries: tuple[Gazetteer, VerbDictionary]
) -> None:
    text = TITLE + f"中日韩三国外长会议于2014年7月3日在东京开幕。{between}7月18日闭幕。"
    assert events(text, dictionaries)[-1] == ("2014-07-18", ["CHN", "JPN", "KOR"], 4)


def test_a_call_between_the_opening_and_the_close_is_passed_over(
    dictionaries: tuple[Gazetteer, VerbDictionary],
) -> None:
    text = TITLE + "2014年7月3日，六方会谈在北京开幕。7月5日，中国外长会见朝鲜代表团团长。7月18日闭幕。"
    found = events(text, dictionaries)
    assert found[1] == ("2014-07-05", ["CHN"], 4)
    assert found[-1] == ("2014-07-18", ["SIXPARTY"], 4)


def test_another_meeting_named_as_a_meeting_takes_the_close(
    dictionaries: tuple[Gazetteer, VerbDictionary],
) -> None:
    # the nearest meeting told with a meeting noun: a decision (docs/ingest.md, rule 3h), not a reading
    text = TITLE + "2014年7月3日，六方会谈在北京开幕。7月5日，中国与日本举行双边会谈。7月18日闭幕。"
    assert events(text, dictionaries)[-1] == ("2014-07-18", ["CHN", "JPN"], 4)


def test_a_close_in_the_meeting_s_own_sentence_is_a_phase(
    dictionaries: tuple[Gazetteer, VerbDictionary],
) -> None:
    found = events(TITLE + "2014年7月3日，中国与日本在东京举行会谈，7月18日闭幕。", dictionaries)
    assert found[-1] == ("2014-07-18", ["CHN", "JPN"], 4)


def test_an_undated_close_takes_the_meeting_s_date(dictionaries: tuple[Gazetteer, VerbDictionary]) -> None:
    found = events(TITLE + "2014年7月3日，中国与日本在东京举行会谈。随后闭幕。", dictionaries)
    assert found[-1] == ("2014-07-03", ["CHN", "JPN"], 4)
    assert len(found) == 2
