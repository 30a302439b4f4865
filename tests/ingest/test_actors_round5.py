"""Actors and targets, round 5 (rule 3 of ``hexatable.ingest.extract``): the passive, 就 as "about",
an organisation as its person's affiliation, a leader's administration.

The texts are written for these tests; each expected role is worked out by hand from the rule the
test names: in "A被B逮捕" B arrests A, so B is the actor and A the target.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from hexatable.ingest.extract import extract
from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.read import document_from_text
from hexatable.ingest.types import ActorMention, Lang
from hexatable.ingest.verbs import VerbDictionary
from tests.ingest.fakes import FakeFinder, FakeGazetteer, FakeVerbs

NAMES = {
    "美国": ("USA", None),
    "朝鲜": ("PRK", None),
    "中方": ("CHN", None),
    "中国": ("CHN", None),
    "韩国": ("KOR", None),
    "日本": ("JPN", None),
    "六方": ("CHN", None),
    "North Korea": ("PRK", None),
    "American": ("USA", None),
    "Japan": ("JPN", None),
    "China": ("CHN", None),
    "国际原子能机构": ("IAEA", None),
    "总干事甲": ("agency-chief", None),
    "联合国": ("UN", None),
    "the IAEA": ("IAEA", None),
    "Director Jia": ("agency-chief", None),
    "布什": ("george-bush", "USA"),
    "奥巴马": ("barack-obama", "USA"),
    "Bush": ("george-bush", "USA"),
    "US": ("USA", None),
}
BODIES = {"agency-chief": "IAEA"}
CUES = {
    "逮捕": 17,
    "批评": 11,
    "主持": 4,
    "发表声明": 1,
    "访问": 4,
    "宣布": 1,
    "会谈": 4,
    "提议": 3,
    "公布": 1,
    "同意": 3,
    "会见": 4,
    "制裁": 16,
    "支持": 5,
    "谴责": 11,
    "援助": 7,
    "blacklisted": 16,
    "反对": 11,
    "arrested": 17,
    "criticized": 11,
    "criticizes": 11,
    "visited": 4,
}


@dataclass
class BodiesGazetteer(FakeGazetteer):
    """The fake gazetteer, and the organisation each person belongs to (``Gazetteer.body_of``)."""

    bodies: dict[str, str] = field(default_factory=dict)

    def body_of(self, actor_id: str) -> str | None:
        return self.bodies.get(actor_id)


def _roles(
    text: str, lang: Lang = "zh", names: dict[str, tuple[str, str | None]] | None = None
) -> list[tuple[list[str], list[str]]]:
    result = extract(
        document_from_text(text, name="t.txt"),
        lang=lang,
        gazetteer=BodiesGazetteer(names or NAMES, bodies=BODIES),
        verbs=FakeVerbs(CUES),
        source_id="t",
        finder=FakeFinder(lang, year=2009),
    )
    return [([a.actor for a in e.actors], sorted(t.actor for t in e.targets)) for e in result.events]


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


# --- 就 ("about"): what a statement is on is no party to it ---------------------------------------


def test_a_name_after_jiu_is_the_topic_not_an_actor() -> None:
    assert _roles("9月20日，朝鲜就美国发表声明。\n") == [(["PRK"], ["USA"])]
    # an ordinal of a round may stand between 就 and the name
    assert _roles("9月20日，朝鲜就第四轮六方会谈发表声明。\n")[0][0] == ["PRK"]


def test_jiu_as_then_leaves_the_subject_acting() -> None:
    # 就 before a verb is the adverb "then"
    assert _roles("9月20日，朝鲜当天就发表声明。\n") == [(["PRK"], [])]


# --- an organisation is its person's affiliation ---------------------------------------------------


def test_an_organisation_beside_its_own_person_is_no_party() -> None:
    # the case codes the director's visit to the person alone, as it does a leader without his state
    assert _roles("3月13日，国际原子能机构总干事甲访问朝鲜。\n") == [(["agency-chief"], ["PRK"])]
    assert _roles("On March 13, 2009, Director Jia of the IAEA visited North Korea.\n", "en") == [
        (["agency-chief"], ["PRK"])
    ]


def test_another_organisation_beside_a_person_stays() -> None:
    # the UN is not the director's body: it stays a party
    assert _roles("3月13日，联合国和总干事甲访问朝鲜。\n") == [(["UN", "agency-chief"], ["PRK"])]


# --- a state's leader's government --------------------------------------------------------------


def test_a_state_before_its_leaders_government_is_the_actor() -> None:
    # 美国布什政府: the US government under Bush; the person is how the government is named
    assert _roles("5月2日，美国布什政府批评朝鲜。\n") == [(["USA"], ["PRK"])]
    assert _roles("On May 2, 2009, the US Bush administration criticized North Korea.\n", "en") == [
        (["USA"], ["PRK"])
    ]


def test_a_leaders_government_without_the_state_stays_the_person() -> None:
    # without the state written, the hand coding names the leader (奥巴马政府 -> Obama)
    assert _roles("5月2日，奥巴马政府批评朝鲜。\n") == [(["barack-obama"], ["PRK"])]
    # a state before the leader without the word for a government: the leader acts (rule 3)
    assert _roles("5月2日，美国总统奥巴马批评朝鲜。\n") == [(["barack-obama"], ["PRK"])]


# --- the scene: a stretch opened by a connective and a subordinator ---------------------------------


def test_a_party_in_a_scene_after_a_connective_is_no_actor() -> None:
    # 但在…上: the connective does not stop the stretch from being the scene (rule 3b)
    assert _roles("9月25日，但在次日的联合国会议上，美国批评朝鲜。\n") == [(["USA"], ["PRK", "UN"])]


def test_a_party_in_the_scene_of_a_clause_without_a_cue_is_no_actor() -> None:
    # no cue in the clause: the party of the scene still does not act beside the subject
    assert _roles("9月25日，在次日的联合国会议上，美国总统发言。\n") == [(["USA"], ["UN"])]
    # a clause whose only party is in the scene keeps it (no subject outside)
    assert _roles("9月25日，在次日的联合国会议上，有人发言。\n") == [(["UN"], [])]


# --- a group's member is no person's affiliation ------------------------------------------------


@dataclass
class GroupGazetteer(BodiesGazetteer):
    """五方 is read as two members (CHN, USA) on one span, as the real gazetteer reads a group."""

    def find(self, text: str, lang: Lang) -> list[ActorMention]:
        found: list[ActorMention] = []
        for m in super().find(text, lang):
            found += [replace(m, actor="CHN"), replace(m, actor="USA")] if m.text == "五方" else [m]
        return found


def test_a_member_of_a_group_is_not_dropped_as_a_persons_state() -> None:
    names = {**NAMES, "五方": ("FIVE", None), "团长甲": ("head-jia", "CHN")}
    result = extract(
        document_from_text("6月1日，五方会谈开幕，中国代表团团长甲致辞。\n", name="t.txt"),
        lang="zh",
        gazetteer=GroupGazetteer(names),
        verbs=FakeVerbs(CUES),
        source_id="t",
        finder=FakeFinder("zh", year=2009),
    )
    # the group names China as one of the parties; China written beside its delegate is dropped
    assert [[a.actor for a in e.actors] for e in result.events] == [["CHN", "USA"]]
    assert [sorted(t.actor for t in e.targets) for e in result.events] == [["head-jia"]]


# --- a cue after 的 is a noun: the name before it owns a thing, it does not act ---------------------


def test_a_possessive_before_a_cue_noun_does_not_make_the_act() -> None:
    # 美国的提议 is the proposal, the subject of 遭到: China opposes it, the USA is the target
    assert _roles("6月12日，美国的提议遭到中国反对。\n") == [(["CHN"], ["USA"])]
    # the possessive stays the target of the act that follows it
    assert _roles("6月12日，中国反对美国的提议。\n") == [(["CHN"], ["USA"])]


def test_a_cue_noun_alone_in_its_clause_still_splits_the_roles() -> None:
    # no other cue: the noun's cue remains the clause's main cue
    assert _roles("6月12日，中国的提议。\n") == [(["CHN"], [])]


# --- a state inside the name of an organ on sanctions against it ----------------------------------


def test_a_state_before_a_sanctions_committee_is_its_subject_not_a_party() -> None:
    # the UN's committee on sanctions against the DPRK acts; the DPRK is what it is about
    assert _roles("6月12日，联合国朝鲜制裁委员会公布名单。\n") == [(["UN"], [])]
    assert _roles("On June 12, 2009, the North Korea sanctions committee blacklisted China.\n", "en") == []


def test_a_state_that_sanctions_still_acts() -> None:
    assert _roles("6月12日，美国制裁朝鲜。\n") == [(["USA"], ["PRK"])]


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


# --- a run of states before 区域 names a region's cooperation, not its parties ---------------------


def _builtin_roles(text: str) -> list[tuple[list[str], list[str]]]:
    result = extract(
        document_from_text(text, name="t.txt"),
        lang="zh",
        gazetteer=Gazetteer.builtin(),
        verbs=VerbDictionary.builtin(),
        source_id="t",
    )
    return [([a.actor for a in e.actors], sorted(t.actor for t in e.targets)) for e in result.events]


def test_states_before_a_regions_cooperation_are_no_parties() -> None:
    # the plan is aimed at the sub-regional cooperation of China, Japan and Korea: nobody acts
    assert _builtin_roles("2031年6月1日，这项计划指向中日韩次区域合作。\n") == []


def test_states_that_strengthen_cooperation_still_act() -> None:
    rows = _builtin_roles("2031年6月1日，中日韩同意加强区域合作。\n")
    assert rows and rows[0][0] == ["CHN", "JPN", "KOR"]


def test_a_party_after_a_place_and_a_preposition_is_no_place() -> None:
    # 在北京 is where; 与朝鲜 is whom the USA meets there, not a second place
    names = {**NAMES, "北京": ("CHN", None)}
    assert _roles("4月8日，美国在北京与朝鲜举行了会谈。\n", names=names) == [(["USA"], ["PRK"])]
