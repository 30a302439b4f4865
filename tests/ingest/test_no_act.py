"""Rule 4b (round 6): clauses that name a party and an act word but tell no act
(``hexatable.ingest.no_act``).

The texts are written for these tests. An effect said of an act told before ("韩国的扣押对会谈产生了
严重影响", "The US sanctions had a major impact on the talks") and what a document referred back to
provides ("该决议还要求朝鲜停止发射导弹", "The resolution also requires North Korea to abandon its
missiles") were events of the parties named in them; the DPRK was read as abandoning its missiles.
"""

from __future__ import annotations

import pytest

from hexatable.ingest.dates import RunningDateFinder
from hexatable.ingest.extract import extract
from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.no_act import tells_no_act
from hexatable.ingest.read import document_from_text
from hexatable.ingest.types import Cue, Lang
from hexatable.ingest.verbs import VerbDictionary

ZH = "会谈纪要\n\n2014年7月3日，日本抗议韩国扣押渔船。"
EN = "A chronology\n\nOn 3 July 2014 Japan protested to South Korea."


@pytest.fixture(scope="module")
def dictionaries() -> tuple[Gazetteer, VerbDictionary]:
    return Gazetteer.builtin(), VerbDictionary.builtin()


def quotes(text: str, lang: Lang, dictionaries: tuple[Gazetteer, VerbDictionary]) -> list[str]:
    gazetteer, verbs = dictionaries
    extraction = extract(
        document_from_text(text), lang=lang, gazetteer=gazetteer, verbs=verbs, source_id="s", year=2014
    )
    return [e.quote for e in extraction.events]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("zh", "韩国的扣押对会谈产生了严重影响。"),
        ("zh", "美方的金融制裁对朝鲜核问题的解决进程产生了重大影响。"),
        ("zh", "这对此后的六方会谈产生了一定的积极影响。"),
        ("en", "The US sanctions had a major impact on the talks."),
        ("en", "This had a positive effect on the six-party talks."),
    ],
)
def test_an_effect_said_of_an_act_told_before_is_no_event(
    lang: Lang, sentence: str, dictionaries: tuple[Gazetteer, VerbDictionary]
) -> None:
    opening = ZH if lang == "zh" else EN
    found = quotes(f"{opening}{'' if lang == 'zh' else ' '}{sentence}", lang, dictionaries)
    assert len(found) == 1 and sentence not in found


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("zh", "该决议还要求朝鲜停止发射导弹。"),
        ("zh", "该共同文件还对美朝改善关系提出要求。"),
        # a part of the document, and a provision told as 对…加以规定
        ("zh", "该协议的第二条要求朝鲜冻结核设施。"),
        ("zh", "该决议还对朝鲜进口武器、检查进出朝鲜的船只等加以规定。"),
        ("en", "The resolution also requires North Korea to abandon its missiles."),
        ("en", "The joint document also urges North Korea to stop its tests."),
        ("en", "The statement calls for North Korea to return to talks."),
    ],
)
def test_what_a_document_provides_is_no_act_of_the_parties_it_names(
    lang: Lang, sentence: str, dictionaries: tuple[Gazetteer, VerbDictionary]
) -> None:
    opening = ZH if lang == "zh" else EN
    found = quotes(f"{opening}{'' if lang == 'zh' else ' '}{sentence}", lang, dictionaries)
    assert len(found) == 1 and sentence not in found


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        # an act with its own verb, then its effect: the act stays
        ("zh", "韩国扣押渔船，对两国关系造成了严重影响。"),
        # a document acted on: the signing is an act
        ("zh", "该协议由中国与日本签署。"),
        # a statement about an effect reports the statement
        ("en", "Japan said the sanctions had an effect on the talks."),
        # the effect is one clause, China's criticism another
        ("en", "Japan's protest had an effect on the talks, and China criticized Japan."),
    ],
)
def test_a_clause_with_an_act_of_its_own_stays(
    lang: Lang, sentence: str, dictionaries: tuple[Gazetteer, VerbDictionary]
) -> None:
    opening = ZH if lang == "zh" else EN
    found = quotes(f"{opening}{'' if lang == 'zh' else ' '}{sentence}", lang, dictionaries)
    assert len(found) == 2


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("zh", "韩国是否参加会谈仍不明朗。"),
        ("zh", "（2）朝鲜与韩国是否存在核合作。"),
        ("en", "Whether North Korea will attend the talks is unclear."),
    ],
)
def test_an_act_only_asked_about_is_no_event(
    lang: Lang, sentence: str, dictionaries: tuple[Gazetteer, VerbDictionary]
) -> None:
    opening = ZH if lang == "zh" else EN
    found = quotes(f"{opening}{'' if lang == 'zh' else ' '}{sentence}", lang, dictionaries)
    assert len(found) == 1 and sentence not in found


def test_asking_whether_is_an_act_of_its_own(dictionaries: tuple[Gazetteer, VerbDictionary]) -> None:
    found = quotes(f"{EN} Japan asked whether South Korea would attend the talks.", "en", dictionaries)
    assert len(found) == 2


# Review of round 6 (part C): inputs the rule misread. Each was an event before round 6, each
# was dropped by rule 4b as written then, and each is an act.


@pytest.mark.parametrize(
    ("lang", "sentence", "parties"),
    [
        # a question after 就 or 对 is what the act after it is about: the consulting, the statement
        ("zh", "中美两国就是否对朝鲜实施制裁进行了磋商。", (["CHN", "USA"], ["PRK"], 4)),
        ("zh", "朝鲜外务省发言人就是否重返六方会谈发表谈话。", (["PRK"], None, 1)),
        ("zh", "美国对朝鲜是否遵守协议表示怀疑。", (["USA"], ["PRK"], 1)),
        ("zh", "韩国就是否参加会谈征求日本意见。", (["KOR"], ["JPN"], 4)),
        # a subject before "whether" acts, though "decided" is no cue
        ("en", "Japan decided whether to sanction North Korea.", (["JPN"], ["PRK"], 16)),
        # a document placed first as the object of the act, or as its scene
        ("zh", "该方案朝鲜表示拒绝。", (["PRK"], None, 12)),
        ("zh", "该草案美国投了反对票。", (["USA"], None, 11)),
        ("zh", "此声明发表当天美国即宣布对朝鲜实施制裁。", (["USA"], ["PRK"], 16)),
    ],
)
def test_an_act_told_around_a_question_or_a_document_is_an_event(
    lang: Lang,
    sentence: str,
    parties: tuple[list[str], list[str] | None, int],
    dictionaries: tuple[Gazetteer, VerbDictionary],
) -> None:
    gazetteer, verbs = dictionaries
    opening = ZH if lang == "zh" else EN
    text = f"{opening}{'' if lang == 'zh' else ' '}{sentence}"
    extraction = extract(
        document_from_text(text), lang=lang, gazetteer=gazetteer, verbs=verbs, source_id="s", year=2014
    )
    found = [e for e in extraction.events if e.quote == sentence]
    assert len(found) == 1
    actors, targets, cameo = parties
    assert [a.actor for a in found[0].actors] == actors
    if targets is not None:
        assert [t.actor for t in found[0].targets] == targets
    assert found[0].cameo == cameo


@pytest.mark.parametrize(
    "sentence",
    ["7月4日，该决议要求朝鲜停止核试验。", "2014年7月4日，上述文件要求朝鲜停止核试验。"],
)
def test_a_date_before_the_document_does_not_hide_it(
    sentence: str, dictionaries: tuple[Gazetteer, VerbDictionary]
) -> None:
    found = quotes(ZH + sentence, "zh", dictionaries)
    assert len(found) == 1 and sentence not in found


def test_a_date_before_this_does_not_hide_an_effect() -> None:
    sentence = "7月5日，这对六方会谈产生了影响。"
    finder = RunningDateFinder("zh")
    finder.find("2014年7月3日。")  # the year the month and day are read in
    dates = finder.find(sentence)
    assert [d.text for d in dates] == ["7月5日"]
    cues = [Cue(9, 11, "会谈", 4, "会谈")]
    assert sentence[9:11] == "会谈"
    assert not tells_no_act(sentence, (0, len(sentence)), "zh", cues)  # the date hides 这
    assert tells_no_act(sentence, (0, len(sentence)), "zh", cues, dates)
