"""A person named by title alone after the full name was given (rule 4 of
``hexatable.ingest.reference``): 国务卿 after 国务卿蓬佩奥, "the secretary" after "Secretary of State
Mike Pompeo".

The texts are written for these tests; each expected actor list is worked out by hand from the rule:
a title standing alone stands for the last person of the paragraph named with that title right
before the name; not a title right before or after a name, not one whose state (written just before
it) is another, never across a paragraph.
"""

from __future__ import annotations

from hexatable.ingest.extract import Extraction, extract
from hexatable.ingest.read import document_from_text
from hexatable.ingest.types import Lang
from tests.ingest.fakes import FakeFinder, FakeGazetteer, FakeVerbs

NAMES = {
    "蓬佩奥": ("mike-pompeo", "USA"),
    "王毅": ("wang-yi", "CHN"),
    "李勇浩": ("ri-yong-ho", "PRK"),
    "美国": ("USA", None),
    "朝鲜": ("PRK", None),
    "平壤": ("PRK", None),
    "Mike Pompeo": ("mike-pompeo", "USA"),
    "Wang Yi": ("wang-yi", "CHN"),
    "Pyongyang": ("PRK", None),
}
CUES = {"访问": 4, "表示": 1, "会见": 4, "visited": 4, "said": 1, "met": 4}


def _events(text: str, lang: Lang = "zh") -> tuple[list[list[str]], Extraction]:
    result = extract(
        document_from_text(text, name="t.txt"),
        lang=lang,
        gazetteer=FakeGazetteer(NAMES),
        verbs=FakeVerbs(CUES),
        source_id="t",
        finder=FakeFinder(lang, year=2018),
    )
    return [[a.actor for a in e.actors] for e in result.events], result


def test_a_title_alone_is_the_person_named_with_it() -> None:
    rows, result = _events("3月31日，美国国务卿蓬佩奥访问平壤。国务卿表示满意。\n")
    assert rows == [["mike-pompeo"], ["mike-pompeo"]]
    second = result.events[1]
    assert "'国务卿' is read as 蓬佩奥 (the last person named before it)" in [str(n) for n in second.inferred]
    assert result.document.text[second.actors[0].start : second.actors[0].end] == "蓬佩奥"
    # 外交部长 and 外长 are one title
    rows, _ = _events("3月31日，外交部长王毅会见蓬佩奥。外长表示满意。\n")
    assert rows == [["wang-yi"], ["wang-yi"]]


def test_a_title_of_another_state_or_before_a_name_is_not_a_reference() -> None:
    # 朝鲜外长 is not the Chinese foreign minister named before; 外长李勇浩 names its own person
    rows, _ = _events("3月31日，外长王毅会见蓬佩奥。朝鲜外长表示欢迎。\n")
    assert rows == [["wang-yi"], ["PRK"]]
    rows, _ = _events("3月31日，外长王毅会见蓬佩奥。外长李勇浩表示欢迎。\n")
    assert rows == [["wang-yi"], ["ri-yong-ho"]]


def test_a_title_never_seen_with_a_name_or_in_another_paragraph_stands_for_nobody() -> None:
    rows, _ = _events("3月31日，蓬佩奥访问平壤。国务卿表示满意。\n")
    assert rows == [["mike-pompeo"]]
    rows, _ = _events("3月31日，国务卿蓬佩奥访问平壤。\n\n4月1日，国务卿表示满意。\n")
    assert rows == [["mike-pompeo"]]


def test_english_the_secretary() -> None:
    text = "On March 31 Secretary of State Mike Pompeo visited Pyongyang. The secretary said it went well.\n"
    rows, result = _events(text, "en")
    assert rows == [["mike-pompeo"], ["mike-pompeo"]]
    assert "'The secretary' is read as Mike Pompeo (the last person named before it)" in [
        str(n) for n in result.events[1].inferred
    ]
    # a nationality that is not the person's: "the North Korean foreign minister" is not Wang Yi
    other = (
        "On March 31 Foreign Minister Wang Yi met Mike Pompeo. The North Korean foreign minister said no.\n"
    )
    rows, _ = _events(other, "en")
    assert rows == [["wang-yi"]]
