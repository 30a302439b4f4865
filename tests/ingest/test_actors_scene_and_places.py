"""The scene and places (rule 3 of ``hexatable.ingest.extract``, rule 3f for English; docs/ingest.md,
"Actors and targets"): a party in a stretch opened by a connective or a preposed subordinate clause
sets the scene and does not act; names listed after 在 are places, but not after a frame; the party
of 在…下 ("under") is a target, not a place.

The texts are written for these tests; each expected role is worked out by hand from the rule the
test names.
"""

from __future__ import annotations

from tests.ingest.actor_roles import NAMES
from tests.ingest.actor_roles import roles as _roles

# --- the scene: a stretch opened by a connective and a subordinator ---------------------------------


def test_a_party_in_a_scene_after_a_connective_is_no_actor() -> None:
    # 但在…上: the connective does not stop the stretch from being the scene (rule 3b)
    assert _roles("9月25日，但在次日的联合国会议上，美国批评朝鲜。\n") == [(["USA"], ["PRK", "UN"])]


def test_a_party_in_the_scene_of_a_clause_without_a_cue_is_no_actor() -> None:
    # no cue in the clause: the party of the scene still does not act beside the subject
    assert _roles("9月25日，在次日的联合国会议上，美国总统发言。\n") == [(["USA"], ["UN"])]
    # a clause whose only party is in the scene keeps it (no subject outside)
    assert _roles("9月25日，在次日的联合国会议上，有人发言。\n") == [(["UN"], [])]


# --- English: a preposed subordinate clause sets the scene (rule 3f) --------------------------------


def test_an_english_clause_after_after_sets_the_scene() -> None:
    # Japan's refusal is the background; China's criticism is the act, Japan its target
    text = "On March 17, 2009, after Japan arrested two Americans, China criticized Japan.\n"
    assert _roles(text, "en") == [(["CHN"], ["JPN", "USA"])]
    text = "Prior to his visit to North Korea on March 17, 2009, Director Jia criticized Japan.\n"
    assert _roles(text, "en") == [(["agency-chief"], ["JPN", "PRK"])]


def test_a_subordinate_clause_alone_keeps_its_actor() -> None:
    # no subject outside the stretch: its party still acts (nothing else is named to)
    assert _roles("On March 17, 2009, when Japan visited, it rained.\n", "en") == [(["JPN"], [])]


def test_a_trailing_subordinate_clause_is_after_the_main_cue() -> None:
    # the main clause comes first: its subject acts, the later names are targets, as before
    text = "On March 17, 2009, China criticized Japan after Japan arrested two Americans.\n"
    assert _roles(text, "en") == [(["CHN"], ["JPN", "USA"])]


# --- a list of places after 在 ------------------------------------------------------------------


def test_a_name_listed_after_a_place_is_a_place() -> None:
    # 日内瓦 is no name the gazetteer knows; Korea listed after it is where, not who
    assert _roles("4月8日，美国先后在日内瓦、韩国会见了朝鲜。\n") == [(["USA"], ["PRK"])]


def test_a_name_listed_after_a_frame_is_no_place() -> None:
    # 在会谈中 is a frame, not a place: Korea after it is still a party
    rows = _roles("4月8日，美国在会谈中、韩国在会后分别表示支持。\n")
    assert any("KOR" in actors + targets for actors, targets in rows)


# --- 在…下 ("under"): the mediator is no place ----------------------------------------------------


def test_the_party_of_an_under_frame_is_a_target_not_a_place() -> None:
    # 在中方的斡旋下: China mediates; the frame sets the scene of the DPRK's act
    assert _roles("6月12日，在中方的斡旋下，朝鲜同意会谈。\n") == [(["PRK"], ["CHN"])]
    # wherever the frame stands in the clause
    assert _roles("6月12日，朝鲜将在美国专家的见证下访问韩国。\n") == [(["PRK"], ["KOR", "USA"])]


def test_a_name_after_zai_without_the_frame_is_still_a_place() -> None:
    assert _roles("6月12日，朝鲜在中国会见了韩国。\n") == [(["PRK"], ["KOR"])]


def test_a_party_after_a_place_and_a_preposition_is_no_place() -> None:
    # 在北京 is where; 与朝鲜 is whom the USA meets there, not a second place
    names = {**NAMES, "北京": ("CHN", None)}
    assert _roles("4月8日，美国在北京与朝鲜举行了会谈。\n", names=names) == [(["USA"], ["PRK"])]
