"""Rule 4b (round 6): clauses that name a party and an act word but tell no act
(``hexatable.ingest.no_act``).

The texts are written for these tests. An effect said of an act told before ("韩国的扣押对会谈产生了
严重影响", "The US sanctions had a major impact on the talks") and what a document referred back to
provides ("该决议还要求朝鲜停止发射导弹", "The resolution also requires North Korea to abandon its
missiles") were events of the parties named in them; the DPRK was read as abandoning its missiles.
"""

from __future__ import annotations

import pytest

from hexatable.ingest.extract import extract
from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.read import document_from_text
from hexatable.ingest.types import Lang
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
