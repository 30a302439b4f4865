"""``hexatable tournament`` through Typer's test runner: agents from modules, files and names; errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hexatable.cli.app import app

runner = CliRunner()
EXAMPLE = Path(__file__).parents[2] / "docs" / "examples" / "my_agent.py"
SMALL = ["--runs", "2", "--steps", "8"]


def invoke(*args: str) -> tuple[int, str, str]:
    if "--scenario" not in args:
        args = ("--scenario", "six-party-2007", *args)
    result = runner.invoke(app, ["tournament", "six-party-talks", *args])
    return result.exit_code, result.stdout, result.stderr


def flat(text: str) -> str:
    """Standard error without Rich's error panel and its line wrapping."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


def test_json_shape_with_a_file_a_negmas_and_a_hexatable_agent() -> None:
    code, out, err = invoke(
        "--agent",
        f"{EXAMPLE}:SteadyConceder",
        "--agent",
        "negmas.sao:AspirationNegotiator",
        "--agent",
        "hexatable:linear",
        *SMALL,
        "--json",
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["case"] == "six-party-talks" and data["scenario"] == "six-party-2007"
    assert data["agents"] == ["SteadyConceder", "AspirationNegotiator", "hexatable:linear"]
    assert data["specs"]["AspirationNegotiator"] == "negmas.sao:AspirationNegotiator"
    assert (data["runs"], data["steps"], data["seed"], data["opponents"]) == (2, 8, 0, "boulware")
    assert len(data["results"]) == 3 * 6
    for row in data["results"]:
        assert row["runs"] == 2 and 0 <= row["agreement"]["rate"] <= 1
        assert row["score"]["low"] <= row["score"]["mean"] <= row["score"]["high"]
    ranks = data["ranking"]
    assert [r["rank"] for r in ranks] == [1, 2, 3]
    assert [r["normalised"]["mean"] for r in ranks] == sorted(
        (r["normalised"]["mean"] for r in ranks), reverse=True
    )


def test_same_seed_same_json() -> None:
    args = ("--agent", "negmas.sao:NaiveTitForTatNegotiator", *SMALL, "--seed", "3", "--json")
    first, second = invoke(*args), invoke(*args)
    assert first[0] == 0 and first[1] == second[1]


def test_tables() -> None:
    code, out, err = invoke("--agent", "hexatable:boulware", *SMALL)
    assert code == 0, err
    assert "six-party-2007" in out and "Ranking" in out and "hexatable:boulware" in out and "PRK" in out


def test_two_classes_of_one_name_are_told_apart_by_their_spec(tmp_path: Path) -> None:
    other = tmp_path / "agent_twin.py"
    other.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = invoke(
        "--agent",
        f"{EXAMPLE}:SteadyConceder",
        "--agent",
        f"{other}:SteadyConceder",
        "--runs",
        "1",
        "--steps",
        "3",
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)["agents"] == [f"{EXAMPLE}:SteadyConceder", f"{other}:SteadyConceder"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--agent", "no_such_package.agents:Agent"], "cannot find module 'no_such_package.agents'"),
        (["--agent", "negmas.sao:NoSuchNegotiator"], "module 'negmas.sao' has no 'NoSuchNegotiator'"),
        (["--agent", "json:JSONDecoder"], "is not a NegMAS negotiator class"),
        (["--agent", "negmas.sao:SAONegotiator"], "is abstract"),
        (["--agent", "AspirationNegotiator"], "use package.module:Class"),
        (["--agent", "hexatable:stubborn"], "unknown hexatable agent 'hexatable:stubborn'"),
        (["--agent", "hexatable:linear", "--agent", "hexatable:linear"], "given twice"),
        (["--agent", "missing/file.py:Agent"], "no file 'missing/file.py'"),
        (["--agent", "hexatable:linear", "--runs", "0"], "--runs"),
        (["--agent", "hexatable:linear", "--runs", "1000000"], "--runs"),
        (["--agent", "hexatable:linear", "--steps", "0"], "--steps"),
        (["--agent", "hexatable:linear", "--seed", "-1"], "the seed must be 0 or more"),
        (["--agent", "hexatable:linear", "--opponents", "stubborn"], "unknown strategy 'stubborn'"),
        (["--agent", "hexatable:linear", "--scenario", "seven-party"], "no scenario 'seven-party'"),
        ([], "Missing option '--agent'"),
    ],
)
def test_bad_input_is_a_usage_error(args: list[str], message: str) -> None:
    code, _, err = invoke(*args)
    assert code == 2, err
    assert message in flat(err) and "Traceback" not in err


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("raise RuntimeError('no licence file')\n", "RuntimeError: no licence file"),
        ("import no_such_dependency\n", "ModuleNotFoundError: No module named 'no_such_dependency'"),
        ("def broken(:\n", "SyntaxError"),
    ],
)
def test_import_errors_in_an_agent_module_are_one_line(tmp_path: Path, source: str, message: str) -> None:
    module = tmp_path / "bad_agent.py"
    module.write_text(source, encoding="utf-8")
    code, _, err = invoke("--agent", f"{module}:Agent")
    assert code == 2
    # without any spaces: Rich wraps a long temporary path wherever the panel's width falls
    unspaced = "".join(flat(err).split())
    assert "".join(f"importing module '{module}' failed: {message}".split()) in unspaced
    assert "Traceback" not in err


def test_an_agent_that_crashes_mid_negotiation_is_named(tmp_path: Path) -> None:
    module = tmp_path / "crashing_agent.py"
    module.write_text(
        "from negmas.sao import SAONegotiator\n\n"
        "class Crashing(SAONegotiator):\n"
        "    def propose(self, state, dest=None):\n"
        "        raise ValueError('oops')\n",
        encoding="utf-8",
    )
    code, _, err = invoke("--agent", f"{module}:Crashing", "--runs", "1")
    assert code == 1
    assert "agent 'Crashing' in seat" in err and "ValueError: oops" in err and "Traceback" not in err


def test_two_processes_give_the_same_json_as_one() -> None:
    args = ("--agent", f"{EXAMPLE}:SteadyConceder", "--agent", "hexatable:conceder", *SMALL, "--json")
    one, two = invoke(*args, "--workers", "1"), invoke(*args, "--workers", "2")
    assert one[0] == two[0] == 0, two[2]
    assert one[1] == two[1]


def test_an_agent_crashing_in_a_worker_process_is_named(tmp_path: Path) -> None:
    module = tmp_path / "crashing_agent.py"
    module.write_text(
        "from negmas.sao import SAONegotiator\n\n"
        "class Crashing(SAONegotiator):\n"
        "    def propose(self, state, dest=None):\n"
        "        raise ValueError('oops')\n",
        encoding="utf-8",
    )
    code, _, err = invoke("--agent", f"{module}:Crashing", "--runs", "1", "--workers", "2")
    assert code == 1
    assert "agent 'Crashing' in seat" in err and "ValueError: oops" in err and "Traceback" not in err
