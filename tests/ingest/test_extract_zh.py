"""Chinese main-verb choice (rule 3b of ``hexatable.ingest.extract``), on sentences written for these tests.

The date finder and gazetteer are the fakes of ``tests/ingest/fakes.py``; the cues come from a small
weighted table (below), because the rule tells a verb of saying (01, weight at most 0.5) from a
specific cue by its weight, as the built-in dictionary weighs them. Every expected record is worked out
by hand from the rule named beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from hexatable.ingest.dates import date_finder
from hexatable.ingest.extract import SAYING_WEIGHT, extract
from hexatable.ingest.read import document_from_text
from hexatable.ingest.types import ActorMention, Lang
from tests.ingest.fakes import FakeFinder, FakeGazetteer, WeightedVerbs

NAMES = {
    "中国": ("CHN", None),
    "中方": ("CHN", None),
    "朝鲜": ("PRK", None),
    "朝方": ("PRK", None),
    "美国": ("USA", None),
    "美方": ("USA", None),
    "日本": ("JPN", None),
    "韩国": ("KOR", None),
}

CUES: dict[str, tuple[int, float]] = {
    "表示": (1, 0.3),
    "称": (1, 0.3),
    "宣布": (1, 0.5),
    "否认": (1, 0.6),
    "会谈": (4, 0.9),
    "斡旋": (4, 0.8),
    "退出": (16, 1.0),
    "要求": (10, 0.8),
    "愿意": (3, 0.8),
    "同意": (3, 0.6),
    "达成协议": (5, 1.0),
    "制裁": (16, 1.0),
    "条约": (5, 0.2),
}
"""Cue: (CAMEO root, weight), the weights in the built-in dictionary's bands (条约 is a made-up weak cue
standing for a cue word inside a title)."""


def events(text: str) -> list[tuple[int, list[str], list[str], int, str | None]]:
    """(line, actors, targets, CAMEO root, cue) of each event extracted from ``text``."""
    result = extract(
        document_from_text(text, name="chron.txt"),
        lang="zh",
        gazetteer=FakeGazetteer(NAMES),
        verbs=WeightedVerbs(CUES),
        source_id="chron",
        finder=FakeFinder("zh"),
    )
    return [
        (
            e.line,
            [a.actor for a in e.actors],
            [t.actor for t in e.targets],
            e.cameo,
            e.cue.text if e.cue else None,
        )
        for e in result.events
    ]


def test_the_weights_of_the_table_are_those_the_rule_reads() -> None:
    assert CUES["宣布"][1] <= SAYING_WEIGHT < CUES["否认"][1]


def test_a_verb_of_saying_gives_way_to_the_speakers_own_act() -> None:
    text = (
        "2030年1月5日，朝鲜宣布退出会谈。\n"  # the announcement is of a withdrawal: 16
        "2030年1月6日，朝方称，愿意重返会谈。\n"  # what PRK said is its own intent: 03
        "2030年1月7日，中方表示，美方同意会谈。\n"  # the agreement is the US's: CHN's act is the statement
        "2030年1月8日，美方表示，双方未能达成协议。\n"  # a negated act is no act: the statement stands
        "2030年1月9日，日本否认此事。\n"  # a specific comment (weight above the saying band) stays 01
    )
    assert events(text) == [
        (1, ["PRK"], [], 16, "退出"),
        (2, ["PRK"], [], 3, "愿意"),
        (3, ["CHN"], ["USA"], 1, "表示"),
        (4, ["USA"], [], 1, "表示"),
        (5, ["JPN"], [], 1, "否认"),
    ]


def test_a_cue_in_an_adverbial_stretch_sets_the_scene_and_is_not_the_main_verb() -> None:
    text = (
        "2030年2月1日，因为日本提出会谈，韩国要求美国解除限制。\n"  # 因为…: the proposal is the scene
        "2030年2月2日，经中方斡旋，朝方同意复会。\n"  # 经…: the mediation is the scene
    )
    assert events(text) == [
        # the demand is the act; 日本, named only in the scene, is acted on, not acting
        (1, ["KOR"], ["JPN", "USA"], 10, "要求"),
        (2, ["PRK"], ["CHN"], 3, "同意"),
    ]


def test_a_cue_inside_a_title_is_not_the_main_verb() -> None:
    assert events("2030年3月1日，朝鲜就《会谈条约》表示不满。\n") == [(1, ["PRK"], [], 1, "表示")]


def test_the_scene_is_kept_when_it_is_all_the_clause_has() -> None:
    # no cue outside the stretch: it stays the main verb, and its party stays the actor
    assert events("2030年4月1日，由于美国制裁朝鲜。\n") == [(1, ["USA"], ["PRK"], 16, "制裁")]


def test_a_group_written_before_a_name_is_the_forum_not_a_party() -> None:
    names = {**NAMES, "五方": ("CHN", None), "希尔": ("christopher-hill", "USA"), "东京": ("JPN", None)}
    result = extract(
        document_from_text(
            "2030年6月1日，五方会谈美国代表团团长希尔访问朝鲜。\n"  # the US delegate to the talks acts
            "2030年6月2日，五方会谈在北京开幕。\n"  # the group itself, followed by no name: the parties
            "2030年6月3日，五方东京会议开幕。\n",  # no 会谈/会议 between; 东京 is the venue (names.py)
            name="chron.txt",
        ),
        lang="zh",
        gazetteer=GroupGazetteer(names),
        verbs=WeightedVerbs(CUES | {"访问": (4, 0.8), "会议": (4, 0.5)}),
        source_id="chron",
        finder=FakeFinder("zh"),
    )
    assert [([a.actor for a in e.actors], [t.actor for t in e.targets]) for e in result.events] == [
        (["christopher-hill"], ["PRK"]),
        (["CHN", "USA"], []),
        (["CHN", "USA"], []),
    ]


@dataclass
class GroupGazetteer(FakeGazetteer):
    """The fake gazetteer, but 五方 is read as two members (CHN, USA) on one span, as the real
    gazetteer reads a group the case defines by its members."""

    def find(self, text: str, lang: Lang) -> list[ActorMention]:
        found = []
        for m in super().find(text, lang):
            if m.text == "五方":
                found += [replace(m, actor="CHN"), replace(m, actor="USA")]
            else:
                found.append(m)
        return found


def test_a_date_right_after_the_subject_dates_its_clause() -> None:
    # rule 2b, with the real date finder: 3月20日 comes after the subject of the second act (rule 1b
    # cuts it off), where the finder sees a detail of a sentence that already said a date
    text = "2030年3月2日，中方访问日本，韩方3月20日访问美国。\n4月1日，日方于4月3日访问韩国。\n"
    result = extract(
        document_from_text(text, name="chron.txt"),
        lang="zh",
        gazetteer=FakeGazetteer({**NAMES, "韩方": ("KOR", None), "日方": ("JPN", None)}),
        verbs=WeightedVerbs(CUES | {"访问": (4, 0.8)}),
        source_id="chron",
        finder=date_finder("zh"),
    )
    assert [(str(e.date.date), [a.actor for a in e.actors]) for e in result.events] == [
        ("2030-03-02", ["CHN"]),
        ("2030-03-20", ["KOR"]),
        ("2030-04-01", ["JPN"]),  # the clause opens with its date: 于4月3日 is not the subject's
    ]


def test_a_bound_or_an_earlier_date_after_the_subject_does_not_date_the_clause() -> None:
    text = "2030年3月2日，中方访问日本，韩方2029年以来多次访问美国，美方2月1日访问朝鲜。\n"
    result = extract(
        document_from_text(text, name="chron.txt"),
        lang="zh",
        gazetteer=FakeGazetteer(NAMES | {"韩方": ("KOR", None)}),
        verbs=WeightedVerbs(CUES | {"访问": (4, 0.8)}),
        source_id="chron",
        finder=date_finder("zh"),
    )
    assert [(str(e.date.date), [a.actor for a in e.actors]) for e in result.events] == [
        ("2030-03-02", ["CHN"]),
        ("2030-03-02", ["KOR"]),  # 2029年以来 is a bound: the clause keeps the sentence's date
        ("2030-03-02", ["USA"]),  # 2月1日 would be before it: a back-reference, not the clause's date
    ]


def test_a_reported_act_still_to_come_is_an_intent_or_a_threat() -> None:
    text = (
        "2030年5月1日，朝方称，将参加会谈。\n"  # to meet, announced: an intent to cooperate (03)
        "2030年5月2日，韩国表示准备制裁朝鲜。\n"  # to sanction, announced: a threat (13)
        "2030年5月3日，美方宣布，今后，要求朝鲜退出。\n"  # 10 is neither: it stays a demand
        "2030年5月4日，中方宣布退出会谈。\n"  # no future marker: the act itself (16)
    )
    assert events(text) == [
        (1, ["PRK"], [], 3, "会谈"),
        (2, ["KOR"], ["PRK"], 13, "制裁"),
        (3, ["USA"], ["PRK"], 10, "要求"),
        (4, ["CHN"], [], 16, "退出"),
    ]


def test_dates_listed_with_a_dunhao_share_the_verb_after_them() -> None:
    # rule 1c: each listed date is a visit (04), not a cueless placeholder (01) for the first
    text = "韩方2030年3月2日、4月5日两度访问日本。\n"
    result = extract(
        document_from_text(text, name="chron.txt"),
        lang="zh",
        gazetteer=FakeGazetteer({**NAMES, "韩方": ("KOR", None)}),
        verbs=WeightedVerbs(CUES | {"访问": (4, 0.8)}),
        source_id="chron",
        finder=date_finder("zh"),
    )
    assert [(str(e.date.date), e.cameo, e.cue.text if e.cue else None) for e in result.events] == [
        ("2030-03-02", 4, "访问"),
        ("2030-04-05", 4, "访问"),
    ]
