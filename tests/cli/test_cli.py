"""The CLI through Typer's test runner: commands, filters, both languages, JSON shapes, exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from hexatable.case import PartialDate, open_case, timeline
from hexatable.cli.app import app

ROOT = Path(__file__).parents[2]
runner = CliRunner()


def run_json(*args: str) -> Any:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_cases_lists_both_built_in_cases() -> None:
    data = run_json("cases")
    assert [c["id"] for c in data["cases"]] == ["p5-process", "six-party-talks"]
    six = data["cases"][1]
    assert six["parties"] == ["CHN", "PRK", "USA", "KOR", "JPN", "RUS"]
    assert six["counts"]["events"] >= 100


def test_cases_table_is_readable() -> None:
    result = runner.invoke(app, ["cases"])
    assert result.exit_code == 0
    assert "six-party-talks" in result.stdout and "六方会谈" in result.stdout


def test_show_overview_in_both_languages() -> None:
    en = run_json("show", "six-party-talks")
    assert [p["id"] for p in en["parties"]] == ["CHN", "PRK", "USA", "KOR", "JPN", "RUS"]
    round_1 = next(s for s in en["sessions"] if s["id"] == "round-1")
    assert round_1["date"] == "2003-08-27/2003-08-29"
    assert round_1["date_text"] == "Aug 27 – 29, 2003"
    assert len(round_1["delegations"]) == 6
    # Tree order: every phase follows its round.
    order = [s["id"] for s in en["sessions"]]
    assert order.index("round-4") < order.index("round-4-phase-1") < order.index("round-4-phase-2")
    zh = run_json("show", "six-party-talks", "--lang", "zh")
    assert zh["title"] == "六方会谈与朝美首脑会晤"
    assert next(s for s in zh["sessions"] if s["id"] == "round-1")["date_text"] == ("2003年8月27日至29日")
    table = runner.invoke(app, ["show", "six-party-talks", "--lang", "zh"])
    assert table.exit_code == 0 and "参与方" in table.stdout


def test_show_accepts_a_case_folder() -> None:
    data = run_json("show", str(ROOT / "docs" / "examples" / "minimal-case"))
    assert data["case"] == "minimal-case"
    assert data["counts"]["events"] == 2


def test_timeline_is_in_date_order_and_matches_the_python_api() -> None:
    data = run_json("timeline", "six-party-talks")
    dates = [PartialDate.parse(e["date"].split("/")[0]) for e in data["events"]]
    assert dates == sorted(dates)
    case = open_case("six-party-talks")
    assert [e["id"] for e in data["events"]] == [e.id for e in timeline(case)]


def test_timeline_date_filter() -> None:
    data = run_json("timeline", "six-party-talks", "--from", "2007-02", "--to", "2007-03-22")
    assert data["filters"]["from"] == "2007-02" and data["filters"]["to"] == "2007-03-22"
    assert data["events"]
    for event in data["events"]:
        start, _, end = event["date"].partition("/")
        assert (end or start) >= "2007-02" and start <= "2007-03-22"


def test_timeline_actor_filter_by_id_or_any_name() -> None:
    by_id = run_json("timeline", "six-party-talks", "--actor", "PRK")
    by_alias = run_json("timeline", "six-party-talks", "--actor", "朝方")
    by_name = run_json("timeline", "six-party-talks", "--actor", "north korea")
    ids = [e["id"] for e in by_id["events"]]
    assert ids and ids == [e["id"] for e in by_alias["events"]] == [e["id"] for e in by_name["events"]]
    case = open_case("six-party-talks")
    for event in by_id["events"]:
        people = set(event["actors"]) | set(event["targets"])
        belongs = {case.actor_index[p].affiliation for p in people}
        assert "PRK" in people | belongs
    everyone = run_json("timeline", "six-party-talks")
    missed = [e for e in everyone["events"] if "PRK" in e["actors"] and e["id"] not in ids]
    assert not missed


def test_timeline_type_filter_repeats() -> None:
    data = run_json("timeline", "six-party-talks", "--type", "15", "--type", "17")
    assert data["events"]
    assert {e["cameo"] for e in data["events"]} <= {15, 17}
    assert data["events"][0]["cameo_label"] in {"exhibit military posture", "coerce"}


def test_timeline_in_chinese() -> None:
    en = run_json("timeline", "six-party-talks", "--from", "2005-09-19", "--to", "2005-09-19")
    zh = run_json("timeline", "six-party-talks", "--from", "2005-09-19", "--to", "2005-09-19", "--lang", "zh")
    assert [e["id"] for e in en["events"]] == [e["id"] for e in zh["events"]]
    assert en["events"] and all("年" in e["date_text"] for e in zh["events"])
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in e["text"]) for e in zh["events"])
    table = runner.invoke(app, ["timeline", "six-party-talks", "--lang", "zh", "--from", "2019"])
    assert table.exit_code == 0 and "2019年" in table.stdout
    assert "…" not in table.stdout  # long Chinese texts fold onto more lines, never cut


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2003-13"], "month 13 is not between 1 and 12"),
        (["--from", "2005", "--to", "2004"], "--to 2004 is before --from 2005"),
        (["--actor", "Atlantis"], "no actor 'Atlantis' in this case"),
        (["--type", "21"], "less than or equal to 20"),
    ],
)
def test_timeline_bad_options_are_usage_errors(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["timeline", "six-party-talks", *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_case_is_a_user_error() -> None:
    result = runner.invoke(app, ["show", "seven-party-talks"])
    assert result.exit_code == 1
    assert "seven-party-talks: no such case folder or built-in case" in result.stderr


def test_validate_ok_and_json() -> None:
    folder = str(ROOT / "docs" / "examples" / "minimal-case")
    result = runner.invoke(app, ["validate", folder])
    assert result.exit_code == 0 and "is valid" in result.stdout
    data = run_json("validate", folder)
    assert data == {
        "valid": True,
        "case": "minimal-case",
        "counts": data["counts"],
        "quotes": data["quotes"],
        "problems": [],
    }
    assert data["counts"]["sessions"] == 1
    # the example's source text is not shipped with it: none of its quotes can be checked
    assert (data["quotes"]["checked"], data["quotes"]["unchecked"]) == (0, data["counts"]["citations"])


def test_validate_json_lists_problems(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text("case: {id: x, title: {en: X}, parties: [ZZZ]}\n")
    result = runner.invoke(app, ["validate", str(tmp_path), "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["valid"] is False
    assert data["problems"] == [
        {
            "path": str(tmp_path / "case.yaml"),
            "line": 1,
            "column": 41,
            "field": "case.parties[0]",
            "message": "unknown actor 'ZZZ'",
        }
    ]


def test_published_schema_is_current_and_accepts_every_built_in_file() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    published = json.loads((ROOT / "docs" / "case.schema.json").read_text(encoding="utf-8"))
    assert schema == published, "run: hexatable schema -o docs/case.schema.json"
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted((ROOT / "src" / "hexatable" / "data" / "cases").glob("*/*.yaml"))
    files += sorted((ROOT / "docs" / "examples").glob("*/*.yaml"))
    assert len(files) > 10
    for file in files:
        errors = list(validator.iter_errors(yaml.safe_load(file.read_text(encoding="utf-8"))))
        assert not errors, f"{file}: {errors[0].message}"


def test_schema_rejects_what_the_loader_rejects() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(runner.invoke(app, ["schema"]).stdout))
    bad = {
        "events": [
            {"id": "Bad Id", "date": "2003-8", "actors": [], "cameo": 0, "text": {}},
            {"id": "b", "date": "2003", "actors": ["PRK"], "cameo": 21, "text": {"en": "x"}},
        ]
    }
    messages = " ".join(e.message for e in validator.iter_errors(bad))
    for expected in [
        "does not match",
        "should be non-empty",
        "less than the minimum",
        "greater than the maximum",
        "'en'",
    ]:
        assert expected in messages


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("hexatable ")


def test_schema_to_an_unwritable_place_is_a_user_error(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "schema.json"
    result = runner.invoke(app, ["schema", "-o", str(target)])
    assert result.exit_code == 1
    assert f"{target}: cannot write (No such file or directory)" in result.stderr


def test_sources_folder_must_exist(tmp_path: Path) -> None:
    folder = str(ROOT / "docs" / "examples" / "minimal-case")
    result = runner.invoke(app, ["validate", folder, "--sources", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "Invalid value for '--sources'" in result.stderr
