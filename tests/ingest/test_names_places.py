"""Places, titles and document names (hexatable.ingest.names) through the extraction step.

The sentences are our own, about imagined negotiations (years 2031-2032), so no rule can have been
fitted to a real chronology's line; names and cues come from the built-in dictionaries."""

from __future__ import annotations

from pathlib import Path

import pytest

from hexatable.ingest import names
from hexatable.ingest.extract import Extraction
from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.types import ActorMention, Lang
from hexatable.ingest.verbs import VerbDictionary
from tests.ingest.builtin_runs import roles_of as _roles
from tests.ingest.builtin_runs import run


def _run(text: str, lang: Lang, gazetteer: Gazetteer, verbs: VerbDictionary) -> Extraction:
    return run(text, gazetteer, verbs, lang=lang)


# --- Chinese -------------------------------------------------------------------------------------


def test_a_capital_in_a_title_is_no_party(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    result = _run("2031年3月2日，日本宣布退出《柏林协定》。\n", "zh", gazetteer, verbs)
    assert _roles(result) == [(["JPN"], [])]  # 柏林 (DEU) names the treaty, not a party


def test_an_organisation_only_in_a_title_does_not_act(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    result = _run("2031年4月1日，《联合国海洋公约》缔约方会议开幕，日本出席。\n", "zh", gazetteer, verbs)
    assert all("UN" not in actors for actors, _ in _roles(result))
    # after the verb the existing rule still makes it a target
    result = _run("2031年4月2日，日本宣布退出《欧盟渔业协定》。\n", "zh", gazetteer, verbs)
    assert _roles(result) == [(["JPN"], ["EU"])]


def test_a_capital_before_a_meeting_word_is_its_venue(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    result = _run("2031年6月1日，柏林气候峰会闭幕，日本对此表示欢迎。\n", "zh", gazetteer, verbs)
    assert all("DEU" not in actors for actors, _ in _roles(result))
    # a verb between the capital and the meeting word: the capital acts (its government)
    result = _run("2031年6月2日，柏林拒绝参加会谈。\n", "zh", gazetteer, verbs)
    assert _roles(result)[0][0] == ["DEU"]


def test_a_capital_before_huiwu_is_its_venue(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    # 会晤 (a meeting of leaders) is a meeting word like 会谈 and 峰会
    result = _run("2031年6月1日，日本和韩国的柏林会晤结束。\n", "zh", gazetteer, verbs)
    assert all("DEU" not in actors for actors, _ in _roles(result))
    assert _roles(result)[0][0] == ["JPN", "KOR"]


def test_a_city_state_is_its_own_capital(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    # Singapore the city is where summits are held; Singapore the state can still act
    result = _run("2031年6月1日，日本和韩国的新加坡会晤结束。\n", "zh", gazetteer, verbs)
    assert _roles(result) == [(["JPN", "KOR"], [])]
    result = _run("2031年6月2日，新加坡宣布支持会谈。\n", "zh", gazetteer, verbs)
    assert _roles(result)[0][0] == ["SGP"]
    result = _run("On June 3, 2031, Japan welcomed the Singapore summit.\n", "en", gazetteer, verbs)
    assert _roles(result) == [(["JPN"], [])]


def test_a_city_state_after_yu_is_a_party(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    # 与新加坡: Singapore is whom the DPRK talks with, not where (review of round 5)
    result = _run("2031年6月1日，朝鲜与新加坡会谈。\n", "zh", gazetteer, verbs)
    assert _roles(result) == [(["PRK"], ["SGP"])]
    result = _run("2031年6月2日，日本同新加坡举行会谈。\n", "zh", gazetteer, verbs)
    assert _roles(result) == [(["JPN"], ["SGP"])]


def test_a_capital_before_huiwu_as_the_verb_acts(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    # 会晤 right after the place and right before a name is the verb: the place's state meets
    result = _run("2031年6月1日，新加坡会晤朝鲜代表团。\n", "zh", gazetteer, verbs)
    assert _roles(result) == [(["SGP"], ["PRK"])]
    result = _run("2031年6月2日，平壤会晤美国特使。\n", "zh", gazetteer, verbs)
    assert _roles(result) == [(["PRK"], ["USA"])]
    result = _run("2031年6月3日，柏林会谈日本代表团。\n", "zh", gazetteer, verbs)
    assert _roles(result) == [(["DEU"], ["JPN"])]


def test_states_before_a_meeting_word_are_its_parties(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    result = _run("2031年6月3日，日本和韩国会谈在东京举行。\n", "zh", gazetteer, verbs)
    assert _roles(result) == [(["JPN", "KOR"], [])]


def test_a_state_after_zhu_is_where_the_mission_is(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    result = _run("2031年7月1日，日本驻英国大使馆发表声明。\n", "zh", gazetteer, verbs)
    assert _roles(result) == [(["JPN"], [])]


def test_a_chronology_title_line_is_no_event(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    text = "2031年柏林渔业谈判大事记\n\n2031年5月3日，日本与韩国在柏林举行会谈。\n"
    result = _run(text, "zh", gazetteer, verbs)
    assert [e.line for e in result.events] == [3]
    assert not any(w.params and dict(w.params).get("line") == 1 for w in result.warnings)


@pytest.mark.parametrize(
    ("text", "lang", "first", "has_cue", "title"),
    [
        ("渔业谈判大事记", "zh", True, True, True),  # the first line
        ("渔业谈判大事记", "zh", False, True, False),  # further down, not a heading: an entry
        ("# 渔业谈判大事记（草稿）", "zh", False, True, True),
        ("双方签署会谈纪要。", "zh", False, True, False),  # a sentence, ending with its stop
        ("2031年5月3日，双方签署会谈纪要", "zh", False, True, False),  # an entry without its stop
        ("东海渔业合作", "zh", True, False, True),  # the first line: no cue, no clause punctuation
        ("东海渔业合作", "zh", False, False, False),  # the same words later are not the title
        ("2031年1月1日，日本与韩国会谈", "zh", True, True, False),  # a first entry, not a title
        ("Fisheries talks: a short chronology", "en", True, True, True),
        ("A timeline of the fisheries talks", "en", True, True, True),
        ("A timeline of the fisheries talks", "en", False, True, False),
        ("They agreed on a timeline for the talks.", "en", False, True, False),
    ],
)
def test_title_lines(text: str, lang: Lang, first: bool, has_cue: bool, title: bool) -> None:
    assert names.is_title_line(text, lang, first=first, has_cue=has_cue) is title


# --- English -------------------------------------------------------------------------------------


def test_a_document_name_is_one_name_not_an_actor(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    text = "On 3 May 2031 Japan and South Korea concluded the Joint Fisheries Plan of Action in Vienna.\n"
    result = _run(text, "en", gazetteer, verbs)
    assert result.proposed == ()
    assert [e.cue.text if e.cue else None for e in result.events] != ["Plan"]
    assert _roles(result)[0][0] == ["JPN", "KOR"]


def test_document_spans_in_english() -> None:
    flat = 'the Joint Fisheries Plan of Action, Resolution 2290, the "Berlin Accord" and the Tokyo Tower'
    spans = [flat[a:b] for a, b in names.title_spans(flat, "en")]
    assert spans == ["Joint Fisheries Plan of Action", "Resolution 2290", '"Berlin Accord"']


def test_a_capital_in_a_document_or_as_a_venue_is_no_party(
    gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    result = _run("On 4 May 2031 Japan withdrew from the Berlin Agreement.\n", "en", gazetteer, verbs)
    assert _roles(result) == [(["JPN"], [])]
    # in clauses that are events (found in review: the sentences here before gave no event at all)
    result = _run("On 5 May 2031 Japan attended the Berlin conference.\n", "en", gazetteer, verbs)
    assert _roles(result) == [(["JPN"], [])]
    result = _run("On 6 May 2031 Japan said the talks moved to Berlin.\n", "en", gazetteer, verbs)
    assert _roles(result) == [(["JPN"], [])]
    # a capital acting stays its government
    result = _run("On 7 May 2031 Berlin rejected the proposal.\n", "en", gazetteer, verbs)
    assert _roles(result)[0][0] == ["DEU"]


def test_a_headline_keeps_its_verbs() -> None:
    cues = list(VerbDictionary.builtin().find("Japan Rejects Korean Proposal on Fishing Quotas", "en"))
    assert cues
    assert names.drop_cues_in_names("Japan Rejects Korean Proposal on Fishing Quotas", "en", cues) == cues


def test_a_titled_person_is_proposed_and_named_again_by_surname(
    gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    text = (
        "On 8 May 2031 President Ana Tavares said talks with Japan would resume.\n\n"
        "On 9 May 2031 Tavares met Japanese envoys.\n"
    )
    result = _run(text, "en", gazetteer, verbs)
    assert [[a.actor for a in e.actors] for e in result.events] == [["ana-tavares"], ["ana-tavares"]]
    assert [(p.id, p.name, p.kind) for p in result.proposed] == [("ana-tavares", "Ana Tavares", "person")]


def test_a_title_after_a_state_keeps_the_state(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    result = _run(
        "On 10 May 2031 Japanese Foreign Minister Sato criticised South Korea.\n", "en", gazetteer, verbs
    )
    assert _roles(result) == [(["JPN"], ["KOR"])]
    assert result.proposed == ()


def test_titled_persons_skip_known_names_and_months() -> None:
    flat = "President Tavares met Prime Minister March and Secretary of State Lee Min-ho."
    found = names.TitledPersons("en").find(flat, [])
    assert [(m.text, m.actor) for m in found] == [("Tavares", "tavares"), ("Lee Min-ho", "lee-min-ho")]
    start = flat.index("Tavares")
    known = [ActorMention(start, start + len("Tavares"), "Tavares", "ana-tavares", "case")]
    found = names.TitledPersons("en").find(flat, known)
    assert [m.text for m in found] == ["Lee Min-ho"]


def test_role_nouns_in_lower_case_name_persons_too() -> None:
    flat = "The rebel leader Ana Tavares met opposition leader Rui Costa's aides and envoy Lee Min-ho."
    found = names.TitledPersons("en").find(flat, [])
    assert [(m.text, m.actor) for m in found] == [
        ("Ana Tavares", "ana-tavares"),
        ("Rui Costa", "rui-costa"),
        ("Lee Min-ho", "lee-min-ho"),
    ]


def test_a_role_after_a_state_keeps_the_state(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    result = _run(
        "On 11 May 2031 Japan's chief negotiator Sato rejected the offer.\n", "en", gazetteer, verbs
    )
    assert _roles(result)[0][0] == ["JPN"]
    assert result.proposed == ()


def test_a_title_before_an_administration_is_no_person() -> None:
    found = names.TitledPersons("en").find("President Tavares Administration officials met.", [])
    assert [m.text for m in found] == ["Tavares"]


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        ("2031年8月1日，日本和韩国重申《平壤宣言》的原则。", True),
        ("2031年8月2日，日本和韩国重申平壤宣言的原则。", True),  # a declaration named after its city
        ("2031年8月3日，日本与平壤举行会谈。", False),  # the capital as the other party
    ],
)
def test_a_capital_naming_a_declaration_is_no_party(
    text: str, dropped: bool, gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    result = _run(text + "\n", "zh", gazetteer, verbs)
    named = {a for actors, targets in _roles(result) for a in (*actors, *targets)}
    assert ("PRK" not in named) is dropped


def test_a_headline_with_a_small_word_keeps_its_verbs() -> None:
    for flat in (
        "Fishery Talks End with Joint Statement",
        "# Japan Accuses Korea of Being Slow to Act (Tokyo Daily; the page gives no date)",
    ):
        cues = VerbDictionary.builtin().find(flat, "en")
        assert cues
        assert names.drop_cues_in_names(flat, "en", cues) == list(cues)


def test_two_titled_persons_sharing_a_surname_are_two() -> None:
    reader = names.TitledPersons("en")
    flat = "President Kim Min-su and Chairman Kim Yong-ho met; later President Kim spoke."
    found = reader.find(flat, [])
    assert [(m.text, m.actor) for m in found] == [
        ("Kim Min-su", "kim-min-su"),
        ("Kim Yong-ho", "kim-yong-ho"),
        ("Kim", "kim-yong-ho"),  # a shared short name is the person named in full last
    ]
    assert [m.actor for m in reader.find("President Min-su left.", [])] == ["kim-min-su"]


def test_an_honorific_names_a_person() -> None:
    found = names.TitledPersons("en").find("Mr. Tavares and Ms. Costa met Dr. Lee Min-ho.", [])
    assert [m.actor for m in found] == ["tavares", "costa", "lee-min-ho"]


def test_a_cue_that_opens_the_sentence_is_not_part_of_a_name() -> None:
    """The first word of an English sentence is capitalised whatever it is: "Met Moon" is a verb and
    a name, while "Plan" inside "the Joint Comprehensive Plan of Action" is part of a name."""
    from hexatable.ingest.names import drop_cues_in_names
    from hexatable.ingest.types import Cue

    opening = "Met Moon on March 6."
    met = Cue(0, 3, "Met", 4, "met")
    assert drop_cues_in_names(opening, "en", [met]) == [met]
    inner = "They concluded the Joint Comprehensive Plan of Action."
    plan = Cue(inner.index("Plan"), inner.index("Plan") + 4, "Plan", 3, "plan")
    assert drop_cues_in_names(inner, "en", [plan]) == []


def test_a_user_gazetteer_s_capital_is_a_venue_too(
    tmp_path: Path, gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    """Capitals are data (``capitals`` in a gazetteer file), not a list in the code: a user who adds
    a state's capital gets the venue rule for it, and the capital still names the state as a party."""
    own = tmp_path / "own.yaml"
    own.write_text(
        "actors:\n  - {id: XKX, kind: state, names: {en: Kosovo}, capitals: {en: [Pristina]}}\n",
        encoding="utf-8",
    )
    with_file = gazetteer.with_file(own)
    assert "Pristina" in with_file.places("en") and "Pristina" not in gazetteer.places("en")
    venue = _run("On 3 May 2031 Japan left the Pristina conference.\n", "en", with_file, verbs)
    assert all("XKX" not in actors + targets for actors, targets in _roles(venue))
    party = _run("On 4 May 2031 Pristina rejected the offer.\n", "en", with_file, verbs)
    assert _roles(party)[0][0] == ["XKX"]


def test_the_built_in_capitals_are_the_gazetteer_s() -> None:
    assert {"平壤", "华盛顿", "巴黎"} <= names.builtin_places("zh")
    assert {"Pyongyang", "Washington", "Paris"} <= names.builtin_places("en")
    assert "France" not in names.builtin_places("en")  # a state's own name is never a place here


def test_only_the_first_line_or_a_heading_can_be_a_title(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    """An entry that ends in 纪要 or mentions a timeline, without its final stop, further down a
    text is an entry (it was dropped without a word, found in review)."""
    zh = _run("2031年5月2日，日本与韩国会谈。\n\n5月3日日本与韩国签署会谈纪要\n", "zh", gazetteer, verbs)
    assert [e.line for e in zh.events] == [1, 3]
    en = _run(
        "On 2 May 2031 Japan met Korea.\n\nJapan published a timeline of the talks on 3 May 2031\n",
        "en",
        gazetteer,
        verbs,
    )
    assert [e.line for e in en.events] == [1, 3]
    titled = _run("2031年日韩会谈纪要\n\n2031年5月2日，日本与韩国会谈。\n", "zh", gazetteer, verbs)
    assert [e.line for e in titled.events] == [3]


def test_a_place_after_dui_or_xiang_before_a_meeting_is_a_venue(
    gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    # 对/向 "toward" take the meeting as their object: the place is where it is held (third review)
    result = _run("2031年6月1日，中国对平壤会谈表示欢迎。\n", "zh", gazetteer, verbs)
    assert [actors for actors, _ in _roles(result)] == [["CHN"]]
    assert all("PRK" not in targets for _, targets in _roles(result))
    result = _run("2031年6月2日，美国向新加坡会谈派出代表团。\n", "zh", gazetteer, verbs)
    assert _roles(result) == [(["USA"], [])]


def test_a_capital_before_huiwu_in_a_subordinate_stretch_is_a_venue(
    gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    # …会晤朝鲜代表团后，: 会晤 is no main verb; the clause's actor is the USA, Singapore no party
    result = _run("2031年6月1日，新加坡会晤朝鲜代表团后，美国批评朝鲜。\n", "zh", gazetteer, verbs)
    assert _roles(result) == [(["USA"], ["PRK"])]
