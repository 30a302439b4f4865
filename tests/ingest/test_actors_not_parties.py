"""Names that are no party to the act (rule 3 of ``hexatable.ingest.extract``; docs/ingest.md, "Actors
and targets"): a name after 就 ("about") is the topic; an organisation beside its own person is the
person's affiliation; a state before its leader's government is the actor; a group's member is no
person's state; a state inside the name of a sanctions committee; a cue after 的 is a noun; states
before a region's cooperation.

The texts are written for these tests; each expected role is worked out by hand from the rule the
test names.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from hexatable.ingest.extract import extract
from hexatable.ingest.read import document_from_text
from hexatable.ingest.types import ActorMention, Lang
from tests.ingest.actor_roles import CUES, NAMES, BodiesGazetteer
from tests.ingest.actor_roles import roles as _roles
from tests.ingest.builtin_runs import roles
from tests.ingest.fakes import FakeFinder, FakeVerbs

# --- a group's member is no person's affiliation ------------------------------------------------


@dataclass
class GroupGazetteer(BodiesGazetteer):
    """五方 is read as two members (CHN, USA) on one span, as the real gazetteer reads a group."""

    def find(self, text: str, lang: Lang) -> list[ActorMention]:
        found: list[ActorMention] = []
        for m in super().find(text, lang):
            found += [replace(m, actor="CHN"), replace(m, actor="USA")] if m.text == "五方" else [m]
        return found


# --- a run of states before 区域 names a region's cooperation, not its parties ---------------------


def _builtin_roles(text: str) -> list[tuple[list[str], list[str]]]:
    return [(actors, sorted(targets)) for actors, targets in roles(text, lang="zh")]


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


def test_states_before_a_regions_cooperation_are_no_parties() -> None:
    # the plan is aimed at the sub-regional cooperation of China, Japan and Korea: nobody acts
    assert _builtin_roles("2031年6月1日，这项计划指向中日韩次区域合作。\n") == []


def test_states_that_strengthen_cooperation_still_act() -> None:
    rows = _builtin_roles("2031年6月1日，中日韩同意加强区域合作。\n")
    assert rows and rows[0][0] == ["CHN", "JPN", "KOR"]


def _builtin_roles_en(text: str) -> list[tuple[list[str], list[str]]]:
    return [(actors, sorted(targets)) for actors, targets in roles(text, lang="en")]


def test_a_state_modifier_or_an_annex_opening_a_cueless_clause_is_no_party() -> None:
    # "state officials", "the annexes" are the subject, no statement of the party named after them
    assert _builtin_roles_en("On July 7, 2031, state officials in Chile were upset with Peru.\n") == []
    assert _builtin_roles_en("On July 7, 2031, state television in Chile spoke of Peru.\n") == []
    assert _builtin_roles_en("On July 7, 2031, the annexes to the pact with Peru were printed.\n") == []
    # "statement" holds no not-cue: the passive's agent still makes the statement
    assert _builtin_roles_en("On July 7, 2031, the statement was issued by Peru.\n") == [(["PER"], [])]
