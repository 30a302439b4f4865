"""Actors and targets of a passive (rule 3 of ``hexatable.ingest.extract``; docs/ingest.md, "Actors
and targets"): in "A被B逮捕" B arrests A, so B is the actor and A the target; other passive markers,
verbs of receiving and English "by" after a passive cue name the agent too.

The texts are written for these tests; each expected role is worked out by hand from the rule the
test names.
"""

from __future__ import annotations

from tests.ingest.actor_roles import roles as _roles
from tests.ingest.builtin_runs import events

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


def _builtin_roles(text: str) -> list[tuple[list[str], list[str], int]]:
    """Actors, targets and root with the built-in gazetteer and verb dictionary."""
    return events(text, lang="en")


def test_english_by_after_a_passive_without_a_cue_names_the_agent() -> None:
    # "issued" and "adopted" are no cues: the agents after "by" still act (a statement, 01)
    assert _builtin_roles("On March 9, 2031, the statement was issued by Japan and Chile.\n") == [
        (["JPN", "CHL"], [], 1)
    ]
    assert [
        r[0] for r in _builtin_roles("On May 2, 2031, the text was adopted by the Security Council.\n")
    ] == [["UNSC"]]


def test_english_by_after_a_passive_whose_subject_is_the_cue_names_the_agent() -> None:
    # the cue is the subject noun ("a joint statement"), the passive follows it
    assert [
        r[0] for r in _builtin_roles("On March 9, 2031, a joint statement was issued by Chile and Peru.\n")
    ] == [["CHL", "PER"]]
    assert _builtin_roles("On May 2, 2031, sanctions were imposed by Peru on Chile.\n") == [
        (["PER"], ["CHL"], 16)
    ]


def test_english_passives_that_keep_their_reading() -> None:
    # a passive cue with its agent, as before; a passive with no agent names nobody to act
    assert _builtin_roles("On March 9, 2031, the offer was rejected by Peru.\n") == [(["PER"], [], 12)]
    assert _builtin_roles("On March 9, 2031, the statement was issued.\n") == []
    assert _builtin_roles("On March 9, 2031, the committee added Peru to its list.\n") == []


def test_english_by_after_a_short_phrase_of_the_participle_names_the_agent() -> None:
    # "in Geneva", "over its test" stand between the participle and its "by"
    assert _builtin_roles("On May 2, 2031, Chile was criticized in Geneva by Peru.\n") == [
        (["PER"], ["CHL"], 11)
    ]
    assert _builtin_roles("On May 2, 2031, Chile was sanctioned over its test by Peru and Bolivia.\n") == [
        (["PER", "BOL"], ["CHL"], 16)
    ]
    # no "by": the subject stays as written
    assert _builtin_roles("On May 2, 2031, Chile was criticized for its stance.\n") == [(["CHL"], [], 11)]


def test_english_by_after_a_participle_that_does_not_do_the_noun_is_no_agent() -> None:
    # detecting, tracking or blocking a launch or aid is no launching or giving: no act for the "by" party
    assert _builtin_roles("On April 3, 2031, the rocket launch was detected by Japan.\n") == []
    assert _builtin_roles("On April 3, 2031, the rocket launch was tracked by South Korea.\n") == []
    blocked = "On April 3, 2031, the food aid was blocked by Chile near the border with Peru.\n"
    assert [r for r in _builtin_roles(blocked) if r[2] == 7] == []
    # a participle that does the noun keeps its agent
    assert [r[0] for r in _builtin_roles("On April 3, 2031, a rocket launch was conducted by Peru.\n")] == [
        ["PER"]
    ]


def test_english_by_of_a_reduced_relative_is_not_the_agent() -> None:
    # "made by Iran", "signed by Peru" name who made the drones or signed the deal, not the attacker
    for sentence, maker in [
        ("On April 6, 2031, Chile was attacked with drones built by Iran.\n", "IRN"),
        ("On April 6, 2031, Chile was shelled with rockets supplied by Russia.\n", "RUS"),
        ("On April 6, 2031, Chile was condemned over a pact signed by Peru.\n", "PER"),
        ("On April 6, 2031, Iran was sanctioned for a launch watched by Japan.\n", "JPN"),
    ]:
        assert all(maker not in actors for actors, _, _ in _builtin_roles(sentence)), sentence
    # a phrase of the participle's own with no participle before "by" keeps the agent
    assert _builtin_roles("On April 6, 2031, Chile was condemned over its vote by Peru.\n") == [
        (["PER"], ["CHL"], 11)
    ]
