"""``hexatable ledger`` on the hand-made case: the table, --json, --format pam, --reciprocity, errors.

The expected values are those worked out by hand in ``test_queries.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from hexatable.cli.app import app

TOY = str(Path(__file__).parent / "data" / "toy")
runner = CliRunner()
WIDE = {"COLUMNS": "200"}


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["ledger", *args], env=WIDE)
    assert "Traceback" not in result.output + result.stderr
    return result.exit_code, result.stdout, result.stderr


def test_the_table() -> None:
    code, out, _ = run(TOY)
    assert code == 0
    lines = {line.split("│")[1].strip(): line for line in out.splitlines() if line.count("│") > 2}
    assert set(lines) == {"shutdown", "fuel", "declare", "delist"}  # the body rows; the header uses ┃
    assert "70 / 100 t (70%)" in lines["fuel"]
    assert "IAEA 2007-07-18" in lines["shutdown"]
    assert "reversed" in lines["shutdown"]
    assert "complete, claimed" in lines["declare"]
    assert "1 selected commitments have no ledger entry: talk" in out
    assert "2 rewards before verification: see --reciprocity" in out


def test_the_table_as_of_a_date() -> None:
    code, out, _ = run(TOY, "--as-of", "2007-07-15")
    assert code == 0
    assert "as of 2007-07-15" in out
    assert "40 / 100 t (40%)" in out
    assert "declare, delist, talk" in out


def test_reciprocity_lists_lags_and_findings_with_citations() -> None:
    code, out, _ = run(TOY, "--reciprocity")
    assert code == 0
    assert "133" in out and "107" in out
    assert "2007-07-12 fuel (f1) for shutdown, 6 days before its completion was verified on 2007-07-18" in out
    assert "2008-10-11 delist (l1) for declare, whose completion was never verified" in out
    assert "[s2] toy, line 11: “IAEA inspectors confirmed the shutdown”" in out


def test_json_and_format_json_are_the_same() -> None:
    code, out, _ = run(TOY, "--json", "--party", "PRK")
    assert code == 0
    data = json.loads(out)
    assert [c["commitment"] for c in data["commitments"]] == ["shutdown", "declare"]
    assert data["filters"] == {"document": None, "party": "PRK"}
    assert json.loads(run(TOY, "--format", "json", "--party", "PRK")[1]) == data


def test_format_pam() -> None:
    code, out, _ = run(TOY, "--format", "pam", "--as-of", "2008", "--document", "deal")
    assert code == 0
    assert out.splitlines() == [
        "case,document,commitment,year,score",
        "toy-ledger,deal,shutdown,2007,3",
        "toy-ledger,deal,shutdown,2008,3",
        "toy-ledger,deal,fuel,2007,2",
        "toy-ledger,deal,fuel,2008,2",
        "toy-ledger,deal,declare,2007,0",
        "toy-ledger,deal,declare,2008,3",
        "toy-ledger,deal,delist,2007,0",
        "toy-ledger,deal,delist,2008,3",
    ]


def test_an_empty_ledger_says_so_and_succeeds() -> None:
    code, out, _ = run(TOY, "--as-of", "2006")
    assert code == 0
    assert "has no entry for the selected commitments (as of 2006-12-31); 5 commitments untracked" in out
    code, out, err = run(TOY, "--as-of", "2006", "--format", "pam")
    assert code == 0
    assert out == "case,document,commitment,year,score\n"
    assert "has no entry" in err


def test_errors_name_the_option_and_exit_2() -> None:
    for args, option, message in [
        (("--document", "nope"), "--document", "no document 'nope' in case 'toy-ledger' (documents: deal)"),
        (("--party", "FRA"), "--party", "no actor 'FRA' in case 'toy-ledger'"),
        (("--as-of", "2007-13"), "--as-of", "month 13 is not between 1 and 12"),
        (("--as-of", "soon"), "--as-of", "'soon' is not an ISO 8601 date"),
        (("--json", "--format", "pam"), "--json", "--json and --format pam exclude each other"),
    ]:
        code, _, err = run(TOY, *args)
        assert code == 2, args
        assert f"Invalid value for {option}" in err, args
        assert message in " ".join(err.split()), args


def test_an_unknown_case_exits_1_with_a_located_message() -> None:
    code, _, err = run("no-such-case")
    assert code == 1
    assert "no-such-case: no such case folder or built-in case" in err
