"""我国, the writer's own state (``hexatable.ingest.tied_names.own_state``): CHN only where the text
itself says the writer is the People's Republic, by writing 我国 right before an organ only the PRC
has (我国国务院); then every 我国 in the text is CHN. Elsewhere 我国 is proposed for review, since
papers of other states writing Chinese write 我国 too (and have a 外交部 and its spokesman).

The sentences are our own.
"""

from __future__ import annotations

from hexatable.ingest.extract import Extraction
from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.tied_names import own_state
from hexatable.ingest.verbs import VerbDictionary
from tests.ingest.builtin_runs import roles_of as _roles
from tests.ingest.builtin_runs import run


def _run(text: str, gazetteer: Gazetteer, verbs: VerbDictionary) -> Extraction:
    return run(text, gazetteer, verbs, lang="zh")


def test_our_state_before_an_organ_only_the_prc_has_is_china(
    gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    result = _run("2031年1月5日，我国国务院宣布对朝鲜实施制裁。\n", gazetteer, verbs)
    assert _roles(result) == [(["CHN"], ["PRK"])]
    assert result.proposed == ()


def test_the_organ_makes_every_our_state_of_the_text_china(
    gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    text = (
        "2031年1月5日，美国对我国发起调查。\n\n"
        "2031年1月6日，我国国家主席会见了法国外长。\n\n"
        "2031年1月8日，我国谴责朝鲜进行核试验。\n"
    )
    assert _roles(_run(text, gazetteer, verbs)) == [
        (["USA"], ["CHN"]),
        (["CHN"], ["FRA"]),
        (["CHN"], ["PRK"]),
    ]


def test_a_foreign_ministry_spokesman_does_not_say_which_state(
    gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    result = _run("2031年1月5日，我国外交部发言人表示，反对朝鲜进行核试验。\n", gazetteer, verbs)
    assert _roles(result) == [(["new-actor-ec01b01c"], ["PRK"])]
    assert [(p.id, p.name, p.kind) for p in result.proposed] == [("new-actor-ec01b01c", "我国", "state")]


def test_traditional_characters_say_it_too(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    assert _roles(_run("2031年1月5日，我國國務院宣布對朝鮮實施制裁。\n", gazetteer, verbs)) == [
        (["CHN"], ["PRK"])
    ]


def test_which_organs_say_it() -> None:
    assert own_state("我国全国人大常委会通过了决定。") == "CHN"
    assert own_state("我国商务部发布公告。") == "CHN"
    assert own_state("我国外交部发言人表示欢迎。") is None
    assert own_state("我国政府和总理表示欢迎。") is None
    assert own_state("美国国务院表示欢迎。") is None
