"""Extraction on hand-written chronologies, with the expected records worked out by hand.

The date finder, gazetteer and verb dictionary are the small fakes of ``tests/ingest/fakes.py``, so
these tests check the extraction rules of ``hexatable.ingest.extract`` (clauses, inherited dates,
actors against targets, affiliations, places, confidence, quotes, ids) and nothing else. Each expected
record below is derived from the rule named next to it, not from running the code.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hexatable.case.quotes import SourceText
from hexatable.ingest.extract import CONFIDENCE, Extraction, extract
from hexatable.ingest.read import document_from_text
from tests.ingest.fakes import FakeFinder, FakeGazetteer, FakeVerbs

ZH_TEXT = (
    "2007年2月13日，中国和朝鲜在北京举行会谈。美国表示\n"  # line 1
    "\n"
    "欢迎。\n"  # line 3
    "\n"
    "3月5日，朝鲜代表访问美国，6日与日本会面。\n"  # line 5
    "\n"
    "韩国宣布制裁朝鲜。\n"  # line 7
    "\n"
    "3月9日，日本首相安倍访问韩国。\n"  # line 9
)

ZH_NAMES = {
    "中国": ("CHN", None),
    "北京": ("CHN", None),
    "朝鲜": ("PRK", None),
    "美国": ("USA", None),
    "日本": ("JPN", None),
    "韩国": ("KOR", None),
    "安倍": ("shinzo-abe", "JPN"),
}
ZH_CUES = {"举行": 4, "表示": 1, "访问": 4, "会面": 4, "宣布": 1, "制裁": 16}

EN_TEXT = (
    "Chronology\n"  # line 1
    "\n"
    "On February 13, 2007, China and North Korea held talks in Beijing.\n"  # line 3
    "The United States welcomed the agreement.\n"  # line 4
    "\n"
    "On March 9, Japan's Prime Minister Abe visited South Korea.\n"  # line 6
    "South Korea imposed sanctions on North Korea.\n"  # line 7
)
EN_NAMES = {
    "China": ("CHN", None),
    "Beijing": ("CHN", None),
    "North Korea": ("PRK", None),
    "South Korea": ("KOR", None),
    "United States": ("USA", None),
    "Japan": ("JPN", None),
    "Abe": ("shinzo-abe", "JPN"),
}
EN_CUES = {"held": 4, "welcomed": 5, "visited": 4, "imposed sanctions": 16}

said = CONFIDENCE["base"] + CONFIDENCE["date-said"] + CONFIDENCE["cue"] + CONFIDENCE["actor-known"]
from_context = said - CONFIDENCE["date-said"] + CONFIDENCE["date-year-from-context"]
inherited = said - CONFIDENCE["date-said"] + CONFIDENCE["date-inherited"]


Row = tuple[str, str, list[str], list[str], int, str | None, int, int, str, float]


def _summary(
    text: str, lang: str, names: dict[str, tuple[str, str | None]], cues: dict[str, int]
) -> tuple[list[Row], Extraction]:
    document = document_from_text(text, name="chron.txt")
    result = extract(
        document,
        lang=lang,  # type: ignore[arg-type]
        gazetteer=FakeGazetteer(names),
        verbs=FakeVerbs(cues),
        source_id="chron",
        finder=FakeFinder(lang),  # type: ignore[arg-type]
    )
    rows = [
        (
            e.id,
            str(e.date.date),
            [a.actor for a in e.actors],
            [t.actor for t in e.targets],
            e.cameo,
            e.cue.text if e.cue else None,
            e.line,
            e.end_line,
            e.quote,
            round(e.confidence, 3),
        )
        for e in result.events
    ]
    return rows, result


def test_chinese_chronology() -> None:
    rows, result = _summary(ZH_TEXT, "zh", ZH_NAMES, ZH_CUES)
    assert rows == [
        # actors before the cue; 北京 after 在 is a place, not an actor (rule 3)
        ("chron-1-1", "2007-02-13", ["CHN", "PRK"], [], 4, "举行", 1, 1,
         "2007年2月13日，中国和朝鲜在北京举行会谈。", round(said, 3)),
        # no date of its own: inherits 2月13日 from the same paragraph (rule 2); wraps to line 3
        ("chron-1-2", "2007-02-13", ["USA"], [], 1, "表示", 1, 3, "美国表示欢迎。", round(inherited, 3)),
        # two clauses: 6日 opens the second after a comma (rule 1); its subject is left out, so
        # it takes 朝鲜 from the clause before; 日本 after 与 is a target (rule 3)
        ("chron-5-1", "2007-03-05", ["PRK"], ["USA"], 4, "访问", 5, 5, "3月5日，朝鲜代表访问美国",
         round(from_context, 3)),
        ("chron-5-2", "2007-03-06", ["PRK"], ["JPN"], 4, "会面", 5, 5, "6日与日本会面。",
         round(from_context + CONFIDENCE["subject-inherited"], 3)),
        # 日本 right before its own person 安倍 is an affiliation, not a second actor (rule 3)
        ("chron-9-1", "2007-03-09", ["shinzo-abe"], ["KOR"], 4, "访问", 9, 9,
         "3月9日，日本首相安倍访问韩国。", round(from_context, 3)),
    ]  # fmt: skip
    # line 7 is a paragraph of its own with no date to inherit: a warning, no event (rule 2)
    assert tuple(map(str, result.warnings)) == ("line 7: '宣布' by 韩国 has no date to attach",)
    inherited_event = result.events[1]
    assert inherited_event.date.rule == "inherited:fake" and inherited_event.date.inferred
    assert tuple(map(str, inherited_event.inferred)) == (
        "the date (2007年2月13日) is inherited from an earlier sentence of the paragraph",
    )
    assert "the actors are those of the clause before (the subject is left out)" in map(
        str, result.events[3].inferred
    )
    abe = result.events[4].actors[0]
    assert (abe.text, abe.state) == ("安倍", "JPN")
    assert ZH_TEXT[abe.start : abe.end] == "安倍"


def test_english_chronology() -> None:
    rows, result = _summary(EN_TEXT, "en", EN_NAMES, EN_CUES)
    assert rows == [
        ("chron-3-1", "2007-02-13", ["CHN", "PRK"], [], 4, "held", 3, 3,
         "On February 13, 2007, China and North Korea held talks in Beijing.", round(said, 3)),
        # next line, same paragraph (no blank line between): inherits the date
        ("chron-4-1", "2007-02-13", ["USA"], [], 5, "welcomed", 4, 4,
         "The United States welcomed the agreement.", round(inherited, 3)),
        ("chron-6-1", "2007-03-09", ["shinzo-abe"], ["KOR"], 4, "visited", 6, 6,
         "On March 9, Japan's Prime Minister Abe visited South Korea.", round(from_context, 3)),
        ("chron-7-1", "2007-03-09", ["KOR"], ["PRK"], 16, "imposed sanctions", 7, 7,
         "South Korea imposed sanctions on North Korea.", round(inherited, 3)),
    ]  # fmt: skip
    assert result.warnings == ()


@pytest.mark.parametrize(("text", "lang"), [(ZH_TEXT, "zh"), (EN_TEXT, "en")])
def test_every_quote_passes_the_case_loaders_check(text: str, lang: str) -> None:
    names, cues = (ZH_NAMES, ZH_CUES) if lang == "zh" else (EN_NAMES, EN_CUES)
    _, result = _summary(text, lang, names, cues)
    source = SourceText.from_string(text)
    for event in result.events:
        locator = (
            f"line {event.line}" if event.end_line == event.line else f"lines {event.line}-{event.end_line}"
        )
        assert source.check(event.quote, locator) is None
        assert event.text[lang]  # the sentence's own words
        assert event.text["en" if lang == "zh" else "zh"].startswith(("[draft]", "【草稿】"))


def test_ids_are_unique_and_readable() -> None:
    text = "2007年2月13日，中国举行会谈，朝鲜举行会谈。\n\n2月14日，中国举行会谈。\n"
    _, result = _summary(text, "zh", ZH_NAMES, ZH_CUES)
    ids = [e.id for e in result.events]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("chron-") for i in ids)


def test_unknown_names_are_proposed_only_where_no_known_actor_stands() -> None:
    text = "2007年2月13日，张三访问朝鲜。\n\n2月14日，中国与李四会面。\n"
    gazetteer = FakeGazetteer(ZH_NAMES, proposals={"张三": "zhang-san", "李四": "li-si"})
    result = extract(
        document_from_text(text),
        lang="zh",
        gazetteer=gazetteer,
        verbs=FakeVerbs(ZH_CUES),
        source_id="s",
        finder=FakeFinder("zh"),
    )
    first, second = result.events
    assert [(a.actor, a.origin) for a in first.actors] == [("zhang-san", "proposed")]
    assert [t.actor for t in first.targets] == ["PRK"]
    # the second clause names a known actor, so 李四 is not looked up
    assert [a.actor for a in second.actors] == ["CHN"]
    assert [(p.id, p.name, p.first_line) for p in result.proposed] == [("zhang-san", "张三", 1)]
    # a proposed actor alone counts less than a known one
    assert first.confidence == round(said - CONFIDENCE["actor-known"] + CONFIDENCE["actor-proposed-only"], 3)


def test_a_year_nobody_said_is_unresolved_not_guessed() -> None:
    _, result = _summary("3月5日，朝鲜访问美国。\n", "zh", ZH_NAMES, ZH_CUES)
    assert result.events == ()
    assert result.unresolved == ("3月5日",)
    assert tuple(map(str, result.warnings)) == ("line 1: '访问' by 朝鲜 has no date to attach",)


def test_min_confidence_filter() -> None:
    _, result = _summary(ZH_TEXT, "zh", ZH_NAMES, ZH_CUES)
    kept = result.above(0.9)
    assert [e.id for e in kept.events] == ["chron-1-1", "chron-5-1", "chron-9-1"]


def test_a_planned_date_neither_opens_nor_dates_a_clause() -> None:
    # the fake marks a date after 将于 as a plan (anchor=False), as the real finder does
    text = "2018年5月10日，美国宣布，会谈将于6月12日举行。\n"
    rows, _ = _summary(text, "zh", ZH_NAMES, ZH_CUES)
    assert [(r[1], r[2], r[4], r[5]) for r in rows] == [("2018-05-10", ["USA"], 1, "宣布")]


def test_places_and_affiliations_are_not_parties() -> None:
    names = {
        "美国": ("USA", None),
        "朝鲜": ("PRK", None),
        "越南": ("VNM", None),
        "河内": ("VNM", None),
        "特朗普": ("donald-trump", "USA"),
        "金正恩": ("kim-jong-un", "PRK"),
    }
    text = "2018年6月12日，美国和朝鲜领导人特朗普与金正恩在越南首都河内举行会谈。\n"
    rows, _ = _summary(text, "zh", names, ZH_CUES)
    # 美国 and 朝鲜 are the persons' affiliations; 越南 follows 在, 河内 follows that place;
    # 金正恩 follows 与: a target (rule 3)
    assert [(r[2], r[3], r[4]) for r in rows] == [(["donald-trump"], ["kim-jong-un"], 4)]


_FRAGMENTS = [
    "2007年2月13日，",
    "3月5日，",
    "6日",
    "中国",
    '[朝鲜](../Page/朝鲜.md "wikilink")',
    "美国",
    "与",
    "在北京",
    "举行会谈",
    "表示",
    "访问",
    "**制裁**",
    "\\[4\\]",
    "，",
    "。",
    "；",
    "的",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=40),
    st.lists(st.integers(min_value=0, max_value=400), max_size=8),
    st.sampled_from(["\n", "\n\n"]),
)
def test_every_quote_checks_on_its_lines_whatever_the_wrapping(
    fragments: list[str], wraps: list[int], gap: str
) -> None:
    """Property: wherever lines are wrapped (even inside a name or a link) and whatever the markup,
    every event's quote is found by the case loader's check on the lines its locator names, and its
    mentions point at their own text."""
    text = "".join(fragments)
    for at in sorted({w % (len(text) + 1) for w in wraps}, reverse=True):
        text = text[:at] + gap + text[at:]
    _, result = _summary(text, "zh", ZH_NAMES, ZH_CUES)
    source = SourceText.from_string(text)
    for event in result.events:
        locator = f"lines {event.line}-{event.end_line}"
        assert source.check(event.quote, locator) is None, (event.quote, locator)
        for mention in (*event.actors, *event.targets):
            assert "".join(text[mention.start : mention.end].split()) == mention.text


def test_a_name_modifying_a_thing_is_not_a_party() -> None:
    # rule 3 (modifiers): 澳门 in a bank's name, 中国 in 中国银行, 朝美 in 朝美关系 and 朝鲜 in 朝鲜半岛
    # name things, not parties; an embassy speaks for its state, so 朝鲜 in 朝鲜驻华大使馆 stays
    names = {**ZH_NAMES, "澳门": ("MAC", "CHN"), "朝": ("PRK", None), "美": ("USA", None)}
    cues = {**ZH_CUES, "达成": 3, "转入": 7, "讨论": 4, "发表声明": 1}
    text = (
        "2007年3月19日，中国表示已就澳门汇业银行问题达成谅解。\n"  # line 1: targets none
        "3月20日，资金转入中国银行。\n"  # line 2: no party at all, no event
        "3月21日，日本讨论朝美关系与朝鲜半岛局势。\n"  # line 3: JPN alone
        "3月22日，朝鲜驻华大使馆发表声明。\n"  # line 4: PRK
    )
    rows, _ = _summary(text, "zh", names, cues)
    assert [(r[6], r[2], r[3]) for r in rows] == [(1, ["CHN"], []), (3, ["JPN"], []), (4, ["PRK"], [])]


def test_a_new_subject_after_a_comma_starts_a_clause_of_its_own() -> None:
    # rule 1b: 美国建议…，韩国建议… are two acts with their own subjects and cues; both keep the
    # clause's date (said, not inherited). 经中国斡旋 sets the scene (subordinator 经), so 朝鲜同意 is
    # the same act; 朝鲜访问美国，与日本会面 has no new subject after the comma: one clause; after a
    # verb of saying the clause is what was said.
    names = {**ZH_NAMES}
    cues = {**ZH_CUES, "建议": 2, "斡旋": 4, "同意": 3}
    text = (
        "2007年3月5日，美国建议日本加入，韩国建议中国加入。\n"  # line 1: two events
        "3月6日，经中国斡旋，朝鲜同意会面。\n"  # line 2: one event
        "3月7日，朝鲜访问美国，与日本会面。\n"  # line 3: one event
        "3月8日，中国表示，美国同意会面。\n"  # line 4: one event: what 中国 said is 表示's object
    )
    rows, result = _summary(text, "zh", names, cues)
    assert [(r[6], r[1], r[2], r[5]) for r in rows] == [
        (1, "2007-03-05", ["USA"], "建议"),
        (1, "2007-03-05", ["KOR"], "建议"),
        (2, "2007-03-06", ["PRK"], "同意"),  # rule 3b: 经中国斡旋 is the scene, 朝鲜同意 the act
        (3, "2007-03-07", ["PRK"], "访问"),
        (4, "2007-03-08", ["CHN"], "表示"),
    ]
    assert [r[8] for r in rows[:2]] == ["2007年3月5日，美国建议日本加入", "韩国建议中国加入。"]
    assert not result.events[1].inferred  # the date is the clause's own, said with its year
