"""Actors and targets of a passive (rule 3 of ``hexatable.ingest.extract``; docs/ingest.md, "Actors
and targets"): in "A被B逮捕" B arrests A, so B is the actor and A the target; other passive markers,
verbs of receiving and English "by" after a passive cue name the agent too.

The texts are written for these tests; each expected role is worked out by hand from the rule the
test names.
"""

from __future__ import annotations

from tests.ingest.actor_roles import roles as _roles

# --- the passive: the agent acts, the subject is acted on ------------------------------------------


def test_the_name_after_bei_acts_on_the_subject() -> None:
    assert _roles("3月17日，两名美国记者被朝鲜逮捕。\n") == [(["PRK"], ["USA"])]


def test_other_passive_markers_name_the_agent_too() -> None:
    assert _roles("3月17日，韩国总统遭到朝鲜批评。\n") == [(["PRK"], ["KOR"])]
    assert _roles("3月17日，日本受到中国批评。\n") == [(["CHN"], ["JPN"])]
    # 由: China hosts the US delegation's banquet
    assert _roles("3月17日，欢迎美国代表团的宴会由中方主持。\n") == [(["CHN"], ["USA"])]


def test_verbs_of_receiving_name_the_agent_too() -> None:
    # 获得/引起 + name + act: the name acts, the subject (or its owner) receives
    assert _roles("3月17日，美国的提议获得韩国支持。\n") == [(["KOR"], ["USA"])]
    assert _roles("3月17日，朝鲜的核试验引起韩国强烈谴责。\n") == [(["KOR"], ["PRK"])]
    assert _roles("3月17日，朝鲜得到中国援助。\n") == [(["CHN"], ["PRK"])]


def test_a_passive_without_its_agent_keeps_the_subject() -> None:
    # nobody is named to act: the clause stays as written
    assert _roles("3月17日，韩国被批评。\n") == [(["KOR"], [])]


def test_the_agent_must_stand_in_the_cues_stretch() -> None:
    # the 被 stretch ends at the comma: Korea's own criticism of Japan is the act
    assert _roles("3月17日，被朝鲜拒绝后，韩国批评日本。\n")[0][0] == ["KOR"]


def test_english_by_after_a_passive_cue_names_the_agent() -> None:
    assert _roles("On March 17, 2009, two American reporters were arrested by North Korea.\n", "en") == [
        (["PRK"], ["USA"])
    ]
    assert _roles("On March 17, 2009, Japan was sharply criticized by China.\n", "en") == [(["CHN"], ["JPN"])]


def test_english_by_without_a_passive_is_not_an_agent() -> None:
    # "by" after an active verb is not the agent: Japan still criticizes
    assert _roles("On March 17, 2009, Japan criticizes China by letter.\n", "en") == [(["JPN"], ["CHN"])]
