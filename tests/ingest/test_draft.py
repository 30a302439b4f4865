"""The draft case folder: it loads and its quotes check as written, new or added to a case.

The extractions come from the fakes of ``tests/ingest/fakes.py`` (the rules are tested in
``test_extract.py``); what is tested here is the writer: files, ids, provenance, no overwriting.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml

from hexatable.case.builtin import builtin_cases_dir
from hexatable.case.loader import check_case, load_case
from hexatable.ingest.draft import DraftError, draft_case, existing_paths, slug, write_draft
from hexatable.ingest.extract import Extraction, extract
from hexatable.ingest.read import document_from_text
from tests.ingest.fakes import FakeFinder, FakeGazetteer, FakeVerbs
from tests.ingest.test_extract import ZH_CUES, ZH_NAMES, ZH_TEXT

LABELS = {
    "CHN": {"en": "China", "zh": "中国"},
    "PRK": {"en": "DPRK", "zh": "朝鲜"},
    "USA": {"en": "United States", "zh": "美国"},
    "JPN": {"en": "Japan", "zh": "日本"},
    "KOR": {"en": "ROK", "zh": "韩国"},
    "shinzo-abe": {"en": "Abe Shinzo", "zh": "安倍晋三"},
}


def _gazetteer() -> FakeGazetteer:
    return FakeGazetteer(ZH_NAMES, proposals={"张三": "zhang-san"}, labels=LABELS)


def _extraction(text: str = ZH_TEXT, name: str = "chron.txt", source_id: str = "chron") -> Extraction:
    return extract(
        document_from_text(text, name=name),
        lang="zh",
        gazetteer=_gazetteer(),
        verbs=FakeVerbs(ZH_CUES),
        source_id=source_id,
        finder=FakeFinder("zh"),
    )


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_new_draft_case_loads_and_every_quote_checks(tmp_path: Path) -> None:
    extra = "\n\n2007年3月20日，张三访问中国。\n"  # ZH_TEXT has 9 lines and ends with one: line 12
    draft = draft_case([_extraction(ZH_TEXT + extra)], gazetteer=_gazetteer(), case_id="test-draft")
    folder = tmp_path / "draft"
    written = write_draft(draft, folder)
    assert sorted(p.relative_to(folder).as_posix() for p in written) == [
        "actors-proposed.yaml",
        "case.yaml",
        "events-chron.yaml",
        "sources.yaml",
        "sources/chron.txt",
    ]
    checked = check_case(folder)
    case = checked.case
    assert case.id == "test-draft"
    assert [e.id for e in case.events] == [
        "chron-1-1",
        "chron-1-2",
        "chron-5-1",
        "chron-5-2",
        "chron-9-1",
        "chron-12-1",
    ]
    # every citation's quote was checked against sources/chron.txt, none left unchecked
    citations = sum(len(r.provenance) for r in [*case.events, *case.actors])
    assert checked.quotes.checked == citations and checked.quotes.unchecked == 0
    # the actors the events use, each with its first mention; the proposed one is inferred
    actors = {a.id: a for a in case.actors}
    assert sorted(actors) == ["CHN", "JPN", "KOR", "PRK", "USA", "shinzo-abe", "zhang-san"]
    assert actors["shinzo-abe"].names == {"en": "Abe Shinzo", "zh": "安倍晋三"}
    assert actors["shinzo-abe"].affiliation == "JPN"
    assert actors["shinzo-abe"].kind.value == "person"
    assert actors["zhang-san"].provenance[0].basis.value == "inferred"
    assert actors["zhang-san"].provenance[0].locator == "line 12"
    assert (case.sources[0].id, case.sources[0].file, case.sources[0].kind.value) == (
        "chron",
        "chron.txt",
        "other",
    )


def test_event_records_carry_their_provenance(tmp_path: Path) -> None:
    draft = draft_case([_extraction()], gazetteer=_gazetteer())
    records = yaml.safe_load(draft.files["events-chron.yaml"])["events"]
    first, inherited = records[0], records[1]
    assert first == {
        "id": "chron-1-1",
        "date": "2007-02-13",
        "actors": ["CHN", "PRK"],
        "targets": [],
        "cameo": 4,
        "text": {
            "en": "[draft] Feb 13, 2007: China and DPRK — consult.",
            "zh": "2007年2月13日，中国和朝鲜在北京举行会谈。",
        },
        "provenance": [
            {
                "source": "chron",
                "locator": "line 1",
                "quote": "2007年2月13日，中国和朝鲜在北京举行会谈。",
                "basis": "stated",
            }
        ],
    }
    assert inherited["provenance"] == [
        {
            "source": "chron",
            "locator": "lines 1-3",
            "quote": "美国表示欢迎。",
            "basis": "inferred",
            "reason": "the date (2007年2月13日) is inherited from an earlier sentence of the paragraph",
        }
    ]


def test_adding_to_a_copy_of_the_builtin_case(tmp_path: Path) -> None:
    folder = tmp_path / "six"
    shutil.copytree(builtin_cases_dir() / "six-party-talks", folder)
    before = _hashes(folder)
    case = load_case(folder)
    # a source id and an event id that the case already uses
    taken_source = case.sources[0].id
    extraction = _extraction(source_id=taken_source)
    draft = draft_case(
        [extraction], gazetteer=_gazetteer(), existing=case, existing_files=existing_paths(folder)
    )
    written = write_draft(draft, folder)
    after = _hashes(folder)
    assert all(after[name] == digest for name, digest in before.items())  # nothing overwritten
    assert len(after) == len(before) + len(written)
    assert "case.yaml" not in draft.files  # the case has one
    new_id = draft.source_ids[taken_source]
    assert new_id == f"{taken_source}-2"
    checked = check_case(folder)
    merged = checked.case
    assert len(merged.events) == len(case.events) + len(extraction.events)
    assert {s.id for s in merged.sources} == {s.id for s in case.sources} | {new_id}
    # only the actors the case lacks are written
    # (the built-in case defines the five states but not Abe Shinzo)
    assert draft.actors == ("shinzo-abe",)


def test_adding_twice_never_overwrites(tmp_path: Path) -> None:
    folder = tmp_path / "draft"
    write_draft(draft_case([_extraction()], gazetteer=_gazetteer()), folder)
    case = load_case(folder)
    second = draft_case(
        [_extraction()], gazetteer=_gazetteer(), existing=case, existing_files=existing_paths(folder)
    )
    assert "events-chron-2.yaml" in second.files and "sources/chron-2.txt" in second.files
    assert set(second.event_ids.values()).isdisjoint(e.id for e in case.events)
    write_draft(second, folder)
    assert len(load_case(folder).events) == 2 * len(case.events)


def test_a_file_in_the_way_stops_the_write(tmp_path: Path) -> None:
    folder = tmp_path / "draft"
    folder.mkdir()
    (folder / "events-chron.yaml").write_text("keep me", encoding="utf-8")
    draft = draft_case([_extraction()], gazetteer=_gazetteer())  # not told about the file
    with pytest.raises(DraftError, match=r"events-chron\.yaml: exists already"):
        write_draft(draft, folder)
    assert (folder / "events-chron.yaml").read_text(encoding="utf-8") == "keep me"
    assert not (folder / "case.yaml").exists()  # nothing written


def test_slug_makes_ids_the_case_accepts() -> None:
    assert slug("002_6a619cd3fbb93b98") == "002-6a619cd3fbb93b98"
    assert slug("Hanoi Summit (2019)") == "hanoi-summit-2019"
    assert slug("大事记") == "source"
