"""在 before a place keeps it a venue, 现在 after a subject and 所在 are "at" (rule 3 of
``hexatable.ingest.extract``; docs/ingest.md, "Actors and targets"); a name before a verb ends the
list of agents, names listed after "by" act together, a second participle adds its agent, a report
after a passive keeps its verb of saying, an unknown subject acts, act nouns received together are no
act.

The texts are a reviewer's examples and ones of the same kind written for these tests; every expected
role is worked out by hand from the rule the test names.
"""

from __future__ import annotations

from hexatable.ingest.extract import extract
from hexatable.ingest.read import document_from_text
from hexatable.ingest.types import Lang
from tests.ingest.fakes import FakeFinder, FakeGazetteer, FakeVerbs

NAMES = {
    "美国": ("USA", None),
    "朝鲜": ("PRK", None),
    "平壤": ("PRK", None),
    "中国": ("CHN", None),
    "北京": ("CHN", None),
    "韩国": ("KOR", None),
    "日本": ("JPN", None),
    "东京": ("JPN", None),
    "俄罗斯": ("RUS", None),
    "泰国": ("THA", None),
    "新加坡": ("SGP", None),
    "North Korea": ("PRK", None),
    "South Korea": ("KOR", None),
    "Japan": ("JPN", None),
    "China": ("CHN", None),
    "Russia": ("RUS", None),
}
CUES = {
    "访问": 4,
    "批评": 11,
    "支持": 5,
    "表示支持": 5,
    "拒绝": 12,
    "attacked": 19,
    "warned": 13,
    "seized": 17,
    "protested": 14,
    "praised": 5,
    "criticized": 11,
    "rejected": 12,
    "said": 1,
    "hosted": 4,
    "attended": 4,
}


def _roles(text: str, lang: Lang = "zh") -> list[tuple[list[str], list[str]]]:
    result = extract(
        document_from_text(text, name="t.txt"),
        lang=lang,
        gazetteer=FakeGazetteer(NAMES),
        verbs=FakeVerbs(CUES),
        source_id="t",
        finder=FakeFinder(lang, year=2009),
    )
    return [([a.actor for a in e.actors], sorted(t.actor for t in e.targets)) for e in result.events]


# --- 1. the 在 of 正在/所在, and of 现在 after a subject, is "at" before a name ----------------------


def test_progressive_zai_before_a_place_keeps_it_a_venue() -> None:
    assert _roles("4月8日，正在平壤访问的泰国外长批评美国。\n") == [(["THA"], ["USA"])]
    assert _roles("4月8日，俄罗斯正在北京访问。\n") == [(["RUS"], [])]
    assert _roles("4月8日，俄罗斯正在韩国、日本访问。\n") == [(["RUS"], [])]


def test_xianzai_after_a_subject_is_at() -> None:
    assert _roles("4月8日，美国总统现在韩国访问。\n") == [(["USA"], [])]


def test_suozai_of_an_institute_before_a_place_is_at() -> None:
    # 研究所 + 在日本: Japan is where the seminar is held, not the one who criticises
    rows = _roles("4月8日，该研究所在日本举行研讨会，批评朝鲜。\n")
    assert all("JPN" not in actors for actors, _ in rows)


def test_xianzai_opening_a_clause_is_still_now() -> None:
    assert _roles("4月8日，现在日本、韩国都表示支持。\n") == [(["JPN", "KOR"], [])]


# --- 2. English passive: the agents listed after "by" end before a new clause's verb -------------


def test_a_name_before_a_verb_ends_the_list_of_agents() -> None:
    assert _roles("On April 8, Japan was attacked by North Korea and South Korea was warned.\n", "en")[0] == (
        ["PRK"],
        ["JPN", "KOR"],
    )
    rows = _roles("On April 8, North Korea was praised by China and Russia criticized Japan.\n", "en")
    assert rows[0][0] == ["CHN"]
    rows = _roles("On April 8, the ship was seized by North Korea and China protested.\n", "en")
    assert rows[0][0] == ["PRK"]


def test_names_listed_after_by_still_act_together() -> None:
    rows = _roles("On April 8, Japan was criticized by China, Russia and South Korea on Monday.\n", "en")
    assert rows == [(["CHN", "RUS", "KOR"], ["JPN"])]


def test_a_second_participle_with_its_agent_adds_an_actor() -> None:
    rows = _roles("On April 8, the talks were hosted by China and attended by Japan.\n", "en")
    assert rows and rows[0][0] == ["CHN", "JPN"]


def test_a_report_after_a_passive_keeps_its_verb_of_saying() -> None:
    # ", Japan said": the clause is Japan's report; its cue is "said", not the participle
    rows = _roles("On April 8, the proposal was rejected by China and Russia on Monday, Japan said.\n", "en")
    assert [e for e in rows if "JPN" in e[0]]


# --- 4. a people nobody knows before the verb is the clause's subject -----------------------------


def test_an_unknown_subject_before_the_verb_acts() -> None:
    result = extract(
        document_from_text("On April 8, Korean Americans urged North Korea to talk.\n", name="t.txt"),
        lang="en",
        gazetteer=FakeGazetteer(NAMES, proposals={"Korean Americans": "korean-americans"}),
        verbs=FakeVerbs({"urged": 2, "talk": 4}),
        source_id="t",
        finder=FakeFinder("en", year=2009),
    )
    rows = [([a.actor for a in e.actors], [t.actor for t in e.targets], e.cameo) for e in result.events]
    assert rows == [(["korean-americans"], ["PRK"], 2)]


# --- 6. an act noun joined by 和 to a received one is received too ---------------------------------


def test_act_nouns_received_together_are_no_act() -> None:
    # 获得中国的援助和支持后访问俄罗斯: both nouns are what the DPRK received; its act is the visit
    result = extract(
        document_from_text("4月8日，朝鲜获得中国的援助和支持后访问俄罗斯。\n", name="t.txt"),
        lang="zh",
        gazetteer=FakeGazetteer(NAMES),
        verbs=FakeVerbs({**CUES, "援助": 7}),
        source_id="t",
        finder=FakeFinder("zh", year=2009),
    )
    rows = [([a.actor for a in e.actors], sorted(t.actor for t in e.targets), e.cameo) for e in result.events]
    assert rows == [(["PRK"], ["CHN", "RUS"], 4)]
