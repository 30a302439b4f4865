"""Every kind of bad input gets an exact, located message and a non-zero exit, and changes nothing.

Each test copies the example case (docs/examples/minimal-case), writes one bad file whose line and
column we know, and checks the message through the Python API and through ``hexatable validate``.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hexatable.case import CaseError, load_case
from hexatable.cli.app import app

EXAMPLE = Path(__file__).parents[2] / "docs" / "examples" / "minimal-case"
runner = CliRunner()

PROVENANCE = '[{source: wiki, locator: "line 1", quote: 中华人民共和国}]'


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    target = tmp_path / "case"
    shutil.copytree(EXAMPLE, target)
    return target


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(CaseError) as caught:
        load_case(folder)
    return [str(p) for p in caught.value.problems]


def assert_cli_reports(folder: Path, expected: str) -> None:
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 1
    assert expected in result.stderr
    assert "Traceback" not in result.output + result.stderr


def event_file(folder: Path, body: str) -> str:
    """Write bad.yaml with one event whose fields are ``body``; return its display path."""
    write(folder, "bad.yaml", "events:\n  - id: e1\n" + textwrap.indent(textwrap.dedent(body), "    "))
    return str(folder / "bad.yaml")


def test_unknown_actor_id(case_dir: Path) -> None:
    path = event_file(
        case_dir,
        f"""\
        date: "2003-08-27"
        actors: [PRK, XYZ]
        cameo: 4
        text: {{en: x}}
        provenance: {PROVENANCE}
        """,
    )
    expected = f"{path}:4:19: events[0].actors[1]: unknown actor 'XYZ'"
    assert problems_of(case_dir) == [expected]
    assert_cli_reports(case_dir, expected)


def test_bad_date(case_dir: Path) -> None:
    path = event_file(
        case_dir,
        f"""\
        date: "2003-02-30"
        actors: [PRK]
        cameo: 4
        text: {{en: x}}
        provenance: {PROVENANCE}
        """,
    )
    expected = f"{path}:3:5: events[0].date: day 30 is not in 2003-02"
    assert problems_of(case_dir) == [expected]
    assert_cli_reports(case_dir, expected)


def test_date_in_wrong_format(case_dir: Path) -> None:
    path = event_file(
        case_dir,
        f"""\
        date: "27 August 2003"
        actors: [PRK]
        cameo: 4
        text: {{en: x}}
        provenance: {PROVENANCE}
        """,
    )
    expected = (
        f"{path}:3:5: events[0].date: '27 August 2003' is not an ISO 8601 date; "
        "write 2003, 2003-08 or 2003-08-27"
    )
    assert problems_of(case_dir) == [expected]


def test_end_before_start(case_dir: Path) -> None:
    path = event_file(
        case_dir,
        f"""\
        date: "2003-08-29/2003-08-27"
        actors: [PRK]
        cameo: 4
        text: {{en: x}}
        provenance: {PROVENANCE}
        """,
    )
    expected = f"{path}:3:5: events[0].date: end 2003-08-27 is before start 2003-08-29"
    assert problems_of(case_dir) == [expected]
    assert_cli_reports(case_dir, expected)


def test_duplicate_id(case_dir: Path) -> None:
    event = (
        "  - id: prk-npt-withdrawal\n    date: '2003'\n    actors: [PRK]\n    cameo: 4\n"
        f"    text: {{en: x}}\n    provenance: {PROVENANCE}\n"
    )
    path = write(case_dir, "zz-bad.yaml", "events:\n" + event)
    first_line = (case_dir / "talks.yaml").read_text().splitlines().index("  - id: prk-npt-withdrawal")
    expected = (
        f"{path}:2:5: events[0].id: duplicate event id 'prk-npt-withdrawal' "
        f"(first at {case_dir / 'talks.yaml'}:{first_line + 1})"
    )
    assert problems_of(case_dir) == [expected]
    assert_cli_reports(case_dir, expected)


def test_unknown_source(case_dir: Path) -> None:
    path = event_file(
        case_dir,
        """\
        date: "2003"
        actors: [PRK]
        cameo: 4
        text: {en: x}
        provenance: [{source: nowhere, locator: "line 1", quote: q}]
        """,
    )
    expected = f"{path}:7:19: events[0].provenance[0].source: unknown source 'nowhere'"
    assert problems_of(case_dir) == [expected]
    assert_cli_reports(case_dir, expected)


def test_wrong_type(case_dir: Path) -> None:
    path = event_file(
        case_dir,
        f"""\
        date: "2003"
        actors: PRK
        cameo: 4
        text: {{en: x}}
        provenance: {PROVENANCE}
        """,
    )
    expected = f"{path}:4:5: events[0].actors: Input should be a valid list (got 'PRK')"
    assert problems_of(case_dir) == [expected]
    assert_cli_reports(case_dir, expected)


def test_unknown_field(case_dir: Path) -> None:
    path = event_file(
        case_dir,
        f"""\
        date: "2003"
        actors: [PRK]
        cameo: 4
        colour: blue
        text: {{en: x}}
        provenance: {PROVENANCE}
        """,
    )
    expected = f"{path}:6:5: events[0].colour: unknown field"
    assert problems_of(case_dir) == [expected]
    assert_cli_reports(case_dir, expected)


def test_missing_field_is_located_at_its_record(case_dir: Path) -> None:
    path = event_file(
        case_dir,
        f"""\
        date: "2003"
        actors: [PRK]
        text: {{en: x}}
        provenance: {PROVENANCE}
        """,
    )
    assert problems_of(case_dir) == [f"{path}:2:5: events[0].cameo: missing required field"]


def test_fact_without_source_does_not_validate(case_dir: Path) -> None:
    path = event_file(
        case_dir,
        """\
        date: "2003"
        actors: [PRK]
        cameo: 4
        text: {en: x}
        provenance: []
        """,
    )
    assert problems_of(case_dir) == [
        f"{path}:7:5: events[0].provenance: List should have at least 1 item after validation, not 0"
    ]


def test_inferred_needs_a_reason(case_dir: Path) -> None:
    path = event_file(
        case_dir,
        """\
        date: "2003"
        actors: [PRK]
        cameo: 4
        text: {en: x}
        provenance: [{source: wiki, locator: "line 1", quote: q, basis: inferred}]
        """,
    )
    assert problems_of(case_dir) == [f"{path}:7:18: events[0].provenance[0]: an inferred fact needs a reason"]


def test_yaml_syntax(case_dir: Path) -> None:
    path = write(case_dir, "bad.yaml", "events:\n  - id: e1\n    actors: [PRK\n    cameo: 4\n")
    problems = problems_of(case_dir)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:4:10: YAML syntax:")
    assert_cli_reports(case_dir, f"{path}:4:10: YAML syntax:")


def test_duplicate_key(case_dir: Path) -> None:
    path = write(case_dir, "bad.yaml", "events:\n  - id: e1\n    id: e2\n")
    assert problems_of(case_dir) == [f"{path}:3:5: duplicate key 'id'"]


def test_unknown_collection(case_dir: Path) -> None:
    path = write(case_dir, "bad.yaml", "treaties: []\n")
    assert problems_of(case_dir) == [
        f"{path}:1:1: treaties: unknown collection 'treaties'; use one of case, sources, actors, "
        "issues, sessions, documents, events, scenarios, roadmaps, forecasts, conflicts, implementation"
    ]


def test_every_problem_is_reported_at_once(case_dir: Path) -> None:
    path = event_file(
        case_dir,
        """\
        date: "2003-13"
        actors: [XYZ]
        cameo: 21
        text: {en: x}
        provenance: [{source: nowhere, locator: "line 1", quote: q}]
        """,
    )
    problems = problems_of(case_dir)
    # Record validation stops reference checks for that record; both field errors are reported.
    assert problems == [
        f"{path}:3:5: events[0].date: month 13 is not between 1 and 12",
        f"{path}:5:5: events[0].cameo: Input should be less than or equal to 20 (got 21)",
    ]


def test_missing_case_and_bad_folder(tmp_path: Path) -> None:
    write(tmp_path, "x.yaml", "events: []\n")
    assert problems_of(tmp_path) == [f"{tmp_path}: case: no file of the case defines 'case'"]
    result = runner.invoke(app, ["validate", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert f"{tmp_path / 'nope'}: no such case folder" in result.stderr


def test_bad_input_changes_nothing(case_dir: Path) -> None:
    before = {p.name: p.read_bytes() for p in case_dir.iterdir()}
    write(case_dir, "bad.yaml", "events: [1, 2\n")
    before["bad.yaml"] = (case_dir / "bad.yaml").read_bytes()
    runner.invoke(app, ["validate", str(case_dir)])
    assert {p.name: p.read_bytes() for p in case_dir.iterdir()} == before


def test_quote_not_in_source_or_not_on_its_line(case_dir: Path, tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "000_5f424cf8921dc924.txt").write_text(
        "中华人民共和国、朝鲜民主主义人民共和国、美利坚合众国\n" * 2, encoding="utf-8"
    )
    with pytest.raises(CaseError) as caught:
        load_case(case_dir, sources_dir=sources)
    messages = [p.message for p in caught.value.problems]
    assert "quote '傅莹，中国外交部亚洲司司长' is not in the source text" in messages
    write(
        case_dir,
        "talks.yaml",
        "events:\n  - id: e1\n    date: '2003'\n    actors: [PRK]\n    cameo: 4\n"
        "    text: {en: x}\n    provenance: [{source: wiki, locator: 'line 9', quote: 美利坚}]\n",
    )
    with pytest.raises(CaseError) as caught:
        load_case(case_dir, sources_dir=sources)
    assert [str(p) for p in caught.value.problems] == [
        f"{case_dir / 'talks.yaml'}:7:52: events[0].provenance[0].quote: "
        "quote is not on line 9 of the source; it starts on line 1, 2"
    ]


def test_a_record_that_fails_is_not_reported_again_through_its_references(case_dir: Path) -> None:
    path = write(
        case_dir,
        "bad.yaml",
        """
        sessions:
          - id: round-1
            kind: round
            title: {en: First round}
            date: "2003-08-32"
            provenance: [{source: wiki, locator: "line 1", quote: q}]
        events:
          - id: e1
            date: "2003-08-27"
            actors: [PRK]
            cameo: 4
            text: {en: x}
            session: round-1
            provenance: [{source: wiki, locator: "line 1", quote: q}]
        """,
    )
    assert problems_of(case_dir) == [f"{path}:5:5: sessions[0].date: day 32 is not in 2003-08"]


def test_bad_id_is_explained(case_dir: Path) -> None:
    path = event_file(
        case_dir,
        f"""\
        date: "2003"
        actors: [North Korea]
        cameo: 4
        text: {{en: x}}
        provenance: {PROVENANCE}
        """,
    )
    assert problems_of(case_dir) == [
        f"{path}:4:14: events[0].actors[0]: 'North Korea' is not valid: an actor id is ISO 3166 "
        "alpha-3 (PRK), an acronym (IAEA) or lower-case words joined by '-' (kim-jong-un)"
    ]


def test_aliases_that_would_expand_past_the_limit_are_refused(case_dir: Path) -> None:
    # Nine levels of nine aliases would expand to 9^9 (387 million) strings: a "billion laughs" file.
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 9):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]")
    path = write(case_dir, "laughs.yaml", "\n".join(lines) + "\n")
    [problem] = problems_of(case_dir)
    assert problem.startswith(f"{path}:") and "YAML expands to more than 1,000,000 values" in problem
    assert_cli_reports(case_dir, "YAML expands to more than 1,000,000 values")


def test_aliases_that_reuse_a_citation_are_read(case_dir: Path) -> None:
    write(
        case_dir,
        "aliases.yaml",
        f"""
        events:
          - {{id: e1, date: "2003-08-27", actors: [PRK], cameo: 4, text: {{en: x}},
             provenance: &cite {PROVENANCE}}}
          - {{id: e2, date: "2003-08-28", actors: [PRK], cameo: 4, text: {{en: y}}, provenance: *cite}}
        """,
    )
    events = {e.id: e for e in load_case(case_dir).events}
    assert events["e1"].provenance == events["e2"].provenance
