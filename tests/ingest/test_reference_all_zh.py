"""各方 ("all parties") as a clause's subject (round 7, rule 5 of ``hexatable.ingest.reference``).

A chronology entry or a report names three or more parties once ("法国、德国和意大利举行会谈") and goes
on with 各方 ("the parties agreed …"). Before round 7 the word named nobody, so the clause made no
event. The sentences are written for the tests.
"""

from __future__ import annotations

from pathlib import Path

from hexatable.ingest.reference import ReferenceMemory, opens_with_reference
from hexatable.ingest.types import ActorMention
from tests.ingest.fakes import cli_full_rows, cli_rows


def _events(tmp_path: Path, text: str) -> list[tuple[str, list[str], list[str], int]]:
    """(date, actor ids, target ids, CAMEO root) of each event the CLI writes for ``text``."""
    return cli_full_rows(tmp_path, text, "zh")


def _named(flat: str, *names: tuple[str, str]) -> list[ActorMention]:
    return [
        ActorMention(flat.index(text), flat.index(text) + len(text), text, actor, "gazetteer")
        for text, actor in names
    ]


def test_the_parties_of_the_last_clause_that_named_three_or_more(tmp_path: Path) -> None:
    text = "2031年4月10日，法国、德国和意大利举行会谈。各方同意成立工作组。\n"
    assert cli_rows(tmp_path, text, "zh") == [
        ("2031-04-10", ["FRA", "DEU", "ITA"], 4),
        ("2031-04-10", ["FRA", "DEU", "ITA"], 3),
    ]


def test_a_date_before_the_word_keeps_it_the_subject() -> None:
    memory = ReferenceMemory()
    memory.sentence(0)
    first = "法国、德国和意大利举行会谈。"
    memory.note(_named(first, ("法国", "FRA"), ("德国", "DEU"), ("意大利", "ITA")), [])
    flat = "11日与会各方发表公报。"
    (reference,) = memory.resolve(flat, "zh", 0, len(flat), [])
    assert (reference.text, reference.rule, [m.actor for m in reference.referents]) == (
        "与会各方",
        "all",
        ["FRA", "DEU", "ITA"],
    )
    # after a clause with a subject of its own, 各方 is not rule 5's: "…会议闭幕，各方通过…" is one act
    closing = "会议闭幕，各方通过文件。"
    assert memory.resolve(closing, "zh", 0, len(closing), []) == []
    # 各方 opens no clause of its own either
    assert not opens_with_reference("各方通过文件。", 0, "zh")


def test_a_target_is_not_one_of_the_parties(tmp_path: Path) -> None:
    text = "2031年4月10日，法国、德国和意大利谴责西班牙。各方呼吁西班牙重返谈判。\n"
    # review R8b: before, 各方 was read as the four, Spain appealing to itself
    assert _events(tmp_path, text)[1] == ("2031-04-10", ["FRA", "DEU", "ITA"], ["ESP"], 2)
    text = "2031年4月10日，法国、德国和意大利谴责西班牙。各方同意加强合作。\n"
    assert _events(tmp_path, text)[1] == ("2031-04-10", ["FRA", "DEU", "ITA"], [], 3)


def test_the_targets_of_a_meeting_are_parties(tmp_path: Path) -> None:
    text = "2031年4月10日，法国与德国、意大利举行会谈。各方同意加强合作。\n"
    assert _events(tmp_path, text)[1] == ("2031-04-10", ["FRA", "DEU", "ITA"], [], 3)


def test_every_quarter_is_not_all_the_parties(tmp_path: Path) -> None:
    text = "2031年4月10日，法国、德国和意大利举行会谈。各方面都对此表示欢迎。\n"
    assert _events(tmp_path, text) == [("2031-04-10", ["FRA", "DEU", "ITA"], [], 4)]


def test_a_date_or_time_word_with_its_comma_before_the_word_keeps_it_the_subject(tmp_path: Path) -> None:
    text = "2031年4月10日，法国、德国和意大利举行会谈。11日，各方同意加强合作。会后，与会各方发表联合声明。\n"
    assert _events(tmp_path, text)[1:] == [
        ("2031-04-11", ["FRA", "DEU", "ITA"], [], 3),
        ("2031-04-11", ["FRA", "DEU", "ITA"], [], 5),
    ]


def test_not_the_other_parties_nor_a_statement_s_content_nor_after_two_parties() -> None:
    memory = ReferenceMemory()
    memory.sentence(0)
    first = "法国、德国和意大利举行会谈。"
    memory.note(_named(first, ("法国", "FRA"), ("德国", "DEU"), ("意大利", "ITA")), [])
    for flat in ("法国希望其他各方支持。", "法国重申各方将履行协定。", "各方面表示欢迎。"):
        named = _named(flat, ("法国", "FRA")) if "法国" in flat else []
        assert memory.resolve(flat, "zh", 0, len(flat), named) == []
    # while 各方 as the subject is the three (the same memory: what is left out is left out by the rule)
    (subject,) = memory.resolve("各方同意。", "zh", 0, 5, [])
    assert [m.actor for m in subject.referents] == ["FRA", "DEU", "ITA"]
    two = ReferenceMemory()
    two.sentence(0)
    two.note(_named("法国与德国举行会谈。", ("法国", "FRA")), _named("法国与德国举行会谈。", ("德国", "DEU")))
    assert two.resolve("各方同意。", "zh", 0, 5, []) == []


def test_a_new_paragraph_forgets_the_parties() -> None:
    memory = ReferenceMemory()
    memory.sentence(0)
    first = "法国、德国和意大利举行会谈。"
    memory.note(_named(first, ("法国", "FRA"), ("德国", "DEU"), ("意大利", "ITA")), [])
    memory.sentence(0)  # the next sentence of the same paragraph still reads 各方 as the three
    (same,) = memory.resolve("各方同意。", "zh", 0, 5, [])
    assert [m.actor for m in same.referents] == ["FRA", "DEU", "ITA"]
    memory.sentence(1)
    assert memory.resolve("各方同意。", "zh", 0, 5, []) == []


def test_the_states_a_visit_goes_to_are_not_all_the_parties(tmp_path: Path) -> None:
    # review 9: a visit (042) was taken for a meeting of the visitor and the states visited, so 各方
    # named all four
    text = "2031年3月14日，法国总统访问了日本、韩国和中国。15日，各方同意加强合作。\n"
    assert _events(tmp_path, text) == [("2031-03-14", ["FRA"], ["JPN", "KOR", "CHN"], 4)]


def test_a_meeting_s_targets_are_still_parties_and_a_visit_s_are_not() -> None:
    flat = "法国与德国、意大利举行会谈。"
    actors = _named(flat, ("法国", "FRA"))
    targets = _named(flat, ("德国", "DEU"), ("意大利", "ITA"))
    memory = ReferenceMemory()
    memory.sentence(0)
    memory.note(actors, targets, cameo=4, cue_text="会谈")
    (reference,) = memory.resolve("各方同意。", "zh", 0, 5, [])
    assert [m.actor for m in reference.referents] == ["FRA", "DEU", "ITA"]
    visit = ReferenceMemory()
    visit.sentence(0)
    visit.note(actors, targets, cameo=4, cue_text="访问")
    assert visit.resolve("各方同意。", "zh", 0, 5, []) == []
