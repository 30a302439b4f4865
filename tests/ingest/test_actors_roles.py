"""A name right after 把 or 将 is the object of the disposal construction, a target (rule 3 of
``hexatable.ingest.extract``).

The texts are written for these tests; each expected role is worked out by hand: in "A将B列为…" A
acts on B, so A is the actor and B the target, as after 与 or 向.
"""

from __future__ import annotations

from hexatable.ingest.extract import extract
from hexatable.ingest.read import document_from_text
from tests.ingest.fakes import FakeFinder, FakeGazetteer, FakeVerbs

NAMES = {"美国": ("USA", None), "朝鲜": ("PRK", None), "中方": ("CHN", None), "美方": ("USA", None)}
CUES = {"列为": 17, "除名": 8, "转达": 1, "访问": 4, "会谈": 4, "谴责": 11}


def _roles(text: str) -> list[tuple[list[str], list[str]]]:
    result = extract(
        document_from_text(text, name="t.txt"),
        lang="zh",
        gazetteer=FakeGazetteer(NAMES),
        verbs=FakeVerbs(CUES),
        source_id="t",
        finder=FakeFinder("zh", year=2008),
    )
    return [([a.actor for a in e.actors], sorted(t.actor for t in e.targets)) for e in result.events]


def test_a_name_after_ba_or_jiang_is_a_target() -> None:
    assert _roles("10月11日，美国将朝鲜从名单中除名。\n") == [(["USA"], ["PRK"])]
    assert _roles("10月11日，中方把美方的意见转达朝鲜。\n") == [(["CHN"], ["PRK", "USA"])]


def test_jiang_as_will_leaves_the_subject_acting() -> None:
    # 将 before a verb is "will": the name before it is still the actor
    assert _roles("10月11日，美国将访问朝鲜。\n") == [(["USA"], ["PRK"])]


def test_names_listed_after_a_target_are_targets() -> None:
    # 与美国、朝鲜和中方: the list after 与 is what the subject meets, not co-actors
    assert _roles("10月11日，中方分别与美国、朝鲜会谈。\n") == [(["CHN"], ["PRK", "USA"])]
    assert _roles("10月11日，美方与朝鲜和中方会谈。\n") == [(["USA"], ["CHN", "PRK"])]
    # 和 between subjects before any target still joins co-actors
    assert _roles("10月11日，美国和中方访问朝鲜。\n") == [(["USA", "CHN"], ["PRK"])]


def test_a_name_after_zhu_is_where_an_envoy_is_posted() -> None:
    # 驻 ("stationed in"): 美国驻朝鲜大使 is a US envoy; the DPRK is where, not who
    assert _roles("10月11日，美国驻朝鲜大使访问中方。\n") == [(["USA"], ["CHN"])]


def test_a_state_before_a_quoted_policy_name_modifies_it() -> None:
    # 美国“战略忍耐”政策 is the US policy, as 美国政策 is (a head noun of rule 3): not a party
    assert _roles("10月11日，中方谴责美国“战略忍耐”政策。\n") == [(["CHN"], [])]
