"""Chinese scripts (``hexatable.ingest.script``): Traditional text matched as Simplified, quoted as written.

The conversion's expected outputs are written out by hand; the fallback (a conversion that changes a
piece's length) is driven by a fake converter whose table is given here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hexatable.case import open_case
from hexatable.case.quotes import SourceText
from hexatable.ingest.extract import Extraction, extract
from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.read import document_from_text
from hexatable.ingest.script import Converter, Scripts, aligned, by_character, opencc_converter, to_simplified
from hexatable.ingest.types import DraftEvent
from hexatable.ingest.verbs import VerbDictionary


def _fake(table: dict[str, str]) -> Converter:
    """A converter that applies ``table`` (longest key first), as OpenCC applies phrases then characters."""

    keys = sorted(table, key=len, reverse=True)

    def convert(text: str) -> str:
        out: list[str] = []
        i = 0
        while i < len(text):
            for key in keys:
                if text.startswith(key, i):
                    out.append(table[key])
                    i += len(key)
                    break
            else:
                out.append(text[i])
                i += 1
        return "".join(out)

    return convert


def test_traditional_sentence_becomes_simplified_character_for_character() -> None:
    text = "2018年6月12日，川普與金正恩在新加坡舉行會晤；美國國務卿龐培歐隨行。"
    assert to_simplified(text) == "2018年6月12日，川普与金正恩在新加坡举行会晤；美国国务卿庞培欧随行。"


def test_simplified_and_english_texts_come_back_as_the_same_string() -> None:
    simplified = "7月14日，韩国向朝鲜运送首批重油。"
    english = "On July 14, South Korea shipped heavy fuel oil."
    assert to_simplified(simplified) is simplified
    assert to_simplified(english) is english
    assert not Scripts.of(simplified).converted


def test_aligned_needs_same_length_and_non_ideographs_in_place() -> None:
    assert aligned("會晤。", "会晤。")
    assert not aligned("會晤。", "会晤")  # shorter
    assert not aligned("會，晤", "会晤，")  # the comma moved
    assert not aligned("A國", "B国")  # a Latin letter changed


def test_a_piece_whose_conversion_changes_length_is_converted_per_character() -> None:
    # the fake maps the phrase 電腦 to three characters (as a regional vocabulary table might), and
    # the characters 電, 腦, 會, 國 to one each
    convert = _fake({"電腦": "计算机", "電": "电", "腦": "脑", "會": "会", "國": "国"})
    text = "美國買電腦。\n會議在韓國。"
    result = to_simplified(text, convert)
    # first sentence: the phrase would add a character, so it goes per character; the line after is
    # converted as a whole (買, 議, 韓 are not in the fake's table and stay)
    assert result == "美国買电脑。\n会議在韓国。"
    assert len(result) == len(text)


def test_per_character_keeps_a_character_that_would_become_two() -> None:
    convert = _fake({"乾": "干干", "國": "国"})
    assert by_character("乾國", convert) == "乾国"


def test_shown_gives_the_original_characters_at_the_same_offsets() -> None:
    text = "川普與金\n正恩會晤。"
    scripts = Scripts.of(text)
    assert scripts.matching == "川普与金\n正恩会晤。"
    # a flat piece (line break dropped) with its document offsets
    flat, offsets = "川普与金正恩会晤", [0, 1, 2, 3, 5, 6, 7, 8]
    assert scripts.shown(flat, offsets) == "川普與金正恩會晤"
    assert scripts.shown_at("与金正恩会晤", 2, 9) == "與金正恩會晤"


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("臺灣", "台湾"),  # Taiwan variant character
        ("峯會", "峰会"),
        ("綫", "线"),  # Hong Kong variant character
        ("北韓", "北韩"),  # a name the gazetteer lists in Simplified (北韩 -> PRK)
        ("國際原子能總署", "国际原子能总署"),
    ],
)
def test_regional_variant_characters_convert(traditional: str, simplified: str) -> None:
    assert to_simplified(traditional) == simplified


# --- extraction: a Traditional text gives the Simplified text's events, quoted as written ------------

ENTRIES = (  # our own chronology entries, in Simplified characters
    "2007年2月13日，朝鲜同意关闭宁边核设施。",
    "3月19日，中国外交部发言人表示，朝美双方已达成谅解。",
    "7月14日，韩国向朝鲜运送首批重油。",
    "次日，美国国务卿赖斯访问北京，与中方会谈。",
    "8月2日，日本政府批评朝鲜的导弹试射。",
    "10月3日，六方会谈各方通过共同文件。",
    "11月5日，俄罗斯代表团抵达平壤，与朝方举行磋商。",
    "12月6日，美国总统布什致信金正日。",
)


Dictionaries = tuple[Gazetteer, VerbDictionary]


@pytest.fixture(scope="module")
def dictionaries() -> Dictionaries:
    return Gazetteer.builtin().with_case(open_case("six-party-talks")), VerbDictionary.builtin()


def _extract(text: str, dictionaries: Dictionaries) -> Extraction:
    gazetteer, verbs = dictionaries
    return extract(
        document_from_text(text, name="chronology.txt"),
        lang="zh",
        gazetteer=gazetteer,
        verbs=verbs,
        source_id="chronology",
        year=2007,
    )


def _parts(e: DraftEvent) -> tuple[object, ...]:
    """What must agree between the two scripts: lines, offsets, date, actors, targets, code."""
    return (
        e.line,
        e.end_line,
        e.start,
        e.end,
        str(e.date.date),
        tuple((a.actor, a.start, a.end) for a in e.actors),
        tuple((t.actor, t.start, t.end) for t in e.targets),
        e.cameo,
        len(e.quote),
    )


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sets(st.sampled_from(range(len(ENTRIES))), min_size=1, max_size=5).map(sorted))
def test_traditional_text_gives_the_simplified_texts_events(
    dictionaries: Dictionaries, chosen: list[int]
) -> None:
    simplified = "2007年大事记\n\n" + "\n\n".join(ENTRIES[i] for i in chosen) + "\n"
    traditional = opencc_converter("s2t")(simplified)
    assert len(traditional) == len(simplified)  # s2t keeps one character for one on these entries
    assert traditional != simplified
    plain = _extract(simplified, dictionaries)
    converted = _extract(traditional, dictionaries)
    # the entries, in the chronology's order, are dated acts on lines 3, 5, 7, ...; each gives an
    # event (so an empty extraction fails) except the 六方 one (各方 … 通过, read as no act in either
    # script) and 次日 opening the text (the day after nothing: no date)
    wanted = {
        3 + 2 * k
        for k, i in enumerate(chosen)
        if not ENTRIES[i].startswith("10月3日") and not (k == 0 and ENTRIES[i].startswith("次日"))
    }
    assert wanted <= {e.line for e in converted.events}
    assert [_parts(e) for e in converted.events] == [_parts(e) for e in plain.events]
    lines = SourceText(tuple(traditional.splitlines()))
    for event, same in zip(converted.events, plain.events, strict=True):
        assert event.line in lines.find_lines(event.quote)  # verbatim in the Traditional source
        assert event.text["zh"] in traditional
        for mention in (*event.actors, *event.targets):
            assert mention.text == traditional[mention.start : mention.end]
        # the cue and the event's own date are shown as written too, and are the Simplified text's
        if event.cue is not None:
            assert same.cue is not None and event.cue.text == traditional[event.cue.start : event.cue.end]
            assert to_simplified(event.cue.text) == same.cue.text
        if ":" not in event.date.rule:  # a date of its own, not inherited
            assert event.date.text == traditional[event.date.start : event.date.end]
            assert to_simplified(event.date.text) == same.date.text


TAIWAN_CHRONOLOGY = """朝美關係大事記（示例）

2018年5月9日，美國國務卿龐培歐訪問平壤。

6月12日，川普與金正恩在新加坡舉行會晤。

7月7日，北韓外務省發言人批評美方。

9月19日，南韓總統文在寅訪問平壤，與金正恩舉行會談。
"""
"""Our own sentences, with Taiwan usages: 北韓, 南韓, 川普, 龐培歐, 美方, 國務卿."""


def test_taiwan_chronology_by_hand(dictionaries: Dictionaries) -> None:
    extraction = _extract(TAIWAN_CHRONOLOGY, dictionaries)
    found = [
        (e.line, str(e.date.date), [a.actor for a in e.actors], [t.actor for t in e.targets], e.cameo)
        for e in extraction.events
    ]
    assert found == [
        (3, "2018-05-09", ["mike-pompeo"], ["PRK"], 4),  # 訪問 (visit, 04); 平壤 the DPRK's capital
        # 與 …會晤: a meeting with Kim (the target); 在新加坡 is a place
        (5, "2018-06-12", ["donald-trump"], ["kim-jong-un"], 4),
        (7, "2018-07-07", ["PRK"], ["USA"], 11),  # 批評 (criticise, 11)
        # 平壤 is left out as the venue of the 會談 after it (rule 3c: a capital before a meeting
        # word), as it is in the Simplified sentence: a limit of that rule, not of the script
        (9, "2018-09-19", ["moon-jae-in"], ["kim-jong-un"], 4),
    ]
    quotes = [e.quote for e in extraction.events]
    assert quotes[1] == "6月12日，川普與金正恩在新加坡舉行會晤。"  # as written, Traditional
    # the cues, and the names, as written (the matching text has 访问, 会晤, 批评, 庞培欧, 北韩)
    assert [e.cue.text if e.cue else None for e in extraction.events] == ["訪問", "會晤", "批評", "訪問"]
    assert [[a.text for a in e.actors] for e in extraction.events][:3] == [["龐培歐"], ["川普"], ["北韓"]]


def test_a_name_written_in_traditional_is_matched_in_both_scripts(tmp_path: Path) -> None:
    # a user's gazetteer (as a case may) spells a name in Traditional characters
    path = tmp_path / "names.yaml"
    path.write_text(
        "actors:\n  - {id: muammar-gaddafi, kind: person, names: {zh: 卡扎菲}, aliases: {zh: [格達費]}}\n",
        encoding="utf-8",
    )
    gazetteer = Gazetteer.builtin().with_file(path)
    assert [m.actor for m in gazetteer.find("格达费发表讲话", "zh")] == ["muammar-gaddafi"]
    assert [m.actor for m in gazetteer.find("格達費发表讲话", "zh")] == ["muammar-gaddafi"]


@pytest.mark.parametrize(
    ("written", "actor"),
    [
        ("北韓", "PRK"),
        ("南韓", "KOR"),
        ("澳洲", "AUS"),
        ("紐西蘭", "NZL"),
        ("國際原子能總署", "IAEA"),
        ("川普", "donald-trump"),
        ("龐培歐", "mike-pompeo"),
        ("歐巴馬", "barack-obama"),
        ("習近平", "xi-jinping"),
    ],
)
def test_taiwan_and_hong_kong_names_are_known_without_a_case(written: str, actor: str) -> None:
    # the names as a Taiwan text writes them, found in the text's Simplified form
    text = to_simplified(f"昨天{written}表示欢迎。")
    assert [m.actor for m in Gazetteer.builtin().find(text, "zh")] == [actor]


def test_draft_of_a_traditional_text_keeps_its_script_and_its_quotes_check(
    dictionaries: Dictionaries, tmp_path: Path
) -> None:
    from hexatable.case.loader import check_case
    from hexatable.ingest.draft import draft_case, write_draft

    gazetteer, _ = dictionaries
    draft = draft_case([_extract(TAIWAN_CHRONOLOGY, dictionaries)], gazetteer=gazetteer, case_id="taiwan")
    folder = tmp_path / "draft"
    write_draft(draft, folder)
    checked = check_case(folder)  # the loader's quote check, verbatim against sources/chronology.txt
    assert checked.quotes.unchecked == 0 and checked.quotes.checked >= 4
    events = {e.id: e for e in checked.case.events}
    trump = events["chronology-5-1"]
    assert trump.text["zh"] == "6月12日，川普與金正恩在新加坡舉行會晤。"  # the sentence as written
    assert trump.provenance[0].quote == "6月12日，川普與金正恩在新加坡舉行會晤。"
    assert trump.text["en"].startswith("[draft] Jun 12, 2018: Donald Trump")  # templated from labels
