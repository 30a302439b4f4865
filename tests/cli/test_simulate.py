"""``hexatable simulate`` through Typer's test runner."""

from __future__ import annotations

import json
import math

from typer.testing import CliRunner

from hexatable.cli.app import app

runner = CliRunner()


def test_simulate_json_compares_configurations() -> None:
    result = runner.invoke(
        app,
        [
            "simulate",
            "six-party-talks",
            "--scenario",
            "six-party-2007",
            "--runs",
            "20",
            "--workers",
            "1",
            "--chair",
            "nash",
            "--chair",
            "hill-climb",
            "--strategies",
            "boulware",
            "--strategies",
            "PRK=hardheaded,linear",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["scenario"] == "six-party-2007" and data["runs"] == 20
    assert [c["label"] for c in data["configurations"]] == [
        "nash · boulware",
        "nash · PRK=hardheaded, linear",
        "hill-climb · boulware",
        "hill-climb · PRK=hardheaded, linear",
    ]
    for config in data["configurations"]:
        assert config["runs"] == 20 and 0 <= config["agreement_rate"] <= 1
        assert set(config["mean_gains"]) == {"CHN", "PRK", "USA", "KOR", "JPN", "RUS"}
    assert data["analysis"]["outcomes"] == 20736
    assert data["analysis"]["nash"]["prk-step"] in {"disable", "dismantle"}


def test_same_seed_same_numbers() -> None:
    args = [
        "simulate",
        "six-party-talks",
        "--scenario",
        "six-party-2007",
        "--runs",
        "15",
        "--workers",
        "1",
        "--chair",
        "hill-climb",
        "--json",
        "--seed",
        "9",
    ]
    first, second = runner.invoke(app, args), runner.invoke(app, args)
    assert first.exit_code == 0 and first.stdout == second.stdout


def test_table_and_transcript() -> None:
    table = runner.invoke(
        app, ["simulate", "six-party-talks", "--scenario", "six-party-2007", "--runs", "10", "--workers", "1"]
    )
    assert table.exit_code == 0 and "boulware" in table.stdout and "six-party-2007" in table.stdout
    transcript = runner.invoke(
        app,
        [
            "simulate",
            "six-party-talks",
            "--scenario",
            "six-party-2007",
            "--transcript",
            "--chair",
            "hill-climb",
            "--seed",
            "2",
        ],
    )
    assert transcript.exit_code == 0
    assert "Draft 1 (China)" in transcript.stdout and "cannot accept" in transcript.stdout
    assert "over BATNA" in transcript.stdout
    zh = runner.invoke(
        app, ["simulate", "six-party-talks", "--scenario", "six-party-2007", "--transcript", "--lang", "zh"]
    )
    assert zh.exit_code == 0 and "朝鲜核步骤" in zh.stdout
    data = json.loads(
        runner.invoke(
            app, ["simulate", "six-party-talks", "--scenario", "six-party-2007", "--transcript", "--json"]
        ).stdout
    )
    assert data["run"]["events"][0]["type"] == "table_draft"


def test_bad_options_are_usage_errors() -> None:
    for args, message in [
        (["--scenario", "seven-party"], "no scenario 'seven-party'"),
        (["--chair", "dictator"], "unknown chair 'dictator'"),
        (["--strategies", "JPN=stubborn"], "unknown strategy 'stubborn'"),
    ]:
        result = runner.invoke(
            app, ["simulate", "six-party-talks", "--scenario", "six-party-2007", "--runs", "1", *args]
        )
        assert result.exit_code == 2, args
        assert message in result.stderr
    no_scenario = runner.invoke(app, ["simulate", "p5-process", "--runs", "1"])
    assert no_scenario.exit_code == 2 and "has no scenarios" in no_scenario.stderr


def test_mechanisms_side_by_side() -> None:
    result = runner.invoke(
        app,
        [
            "simulate",
            "six-party-talks",
            "--scenario",
            "six-party-2007",
            "--runs",
            "10",
            "--workers",
            "1",
            "--chair",
            "hill-climb",
            "--json",
            "--mechanism",
            "single-text",
            "--mechanism",
            "alternating-offers",
            "--mechanism",
            "bilateral-track",
            "--side-room",
            "USA,PRK",
            "--side-issues",
            "terrorism-list,normalisation-usa",
            "--mechanism",
            "top-down",
            "--headline",
            "prk-step,sanctions",
            "--mechanism",
            "bottom-up",
        ],
    )
    assert result.exit_code == 0, result.stderr
    labels = [c["label"] for c in json.loads(result.stdout)["configurations"]]
    assert labels == [
        "hill-climb · boulware",
        "alternating-offers · boulware",
        "bilateral-track · hill-climb · boulware",
        "top-down · hill-climb · boulware",
        "bottom-up · hill-climb · boulware",
    ]
    transcript = runner.invoke(
        app,
        [
            "simulate",
            "six-party-talks",
            "--scenario",
            "six-party-2007",
            "--transcript",
            "--mechanism",
            "top-down",
            "--headline",
            "prk-step",
        ],
    )
    assert (
        transcript.exit_code == 0
        and "leaders (" in transcript.stdout
        and "working groups (" in transcript.stdout
    )
    offers = runner.invoke(
        app,
        [
            "simulate",
            "six-party-talks",
            "--scenario",
            "six-party-2007",
            "--transcript",
            "--mechanism",
            "alternating-offers",
        ],
    )
    assert offers.exit_code == 0 and "Offer 1" in offers.stdout


def test_bad_mechanism_options() -> None:
    for args, message in [
        (["--mechanism", "auction"], "unknown mechanism 'auction'"),
        (["--mechanism", "bilateral-track", "--side-room", "USA"], "name two different seats"),
        (["--mechanism", "bilateral-track", "--side-room", "USA,USA"], "name two different seats"),
        (["--mechanism", "top-down", "--headline", "unicorns"], "unicorns not in this scenario"),
    ]:
        result = runner.invoke(
            app, ["simulate", "six-party-talks", "--scenario", "six-party-2007", "--runs", "1", *args]
        )
        assert result.exit_code == 2, args
        assert message in result.stderr, result.stderr


def test_per_run_results_in_json() -> None:
    result = runner.invoke(
        app,
        [
            "simulate",
            "six-party-talks",
            "--scenario",
            "six-party-2007",
            "--runs",
            "5",
            "--workers",
            "1",
            "--json",
            "--per-run",
            "--seed",
            "3",
        ],
    )
    assert result.exit_code == 0, result.stderr
    runs = json.loads(result.stdout)["configurations"][0]["runs_detail"]
    assert len(runs) == 5 and len({r["seed"] for r in runs}) == 5
    for run in runs:
        assert set(run["gains"]) == {"CHN", "PRK", "USA", "KOR", "JPN", "RUS"}
        assert run["status"] in {"agreed", "failed"} and run["events"] is None


def test_json_reports_distributions_per_configuration() -> None:
    args = ["simulate", "six-party-talks", "--runs", "40", "--seed", "5", "--chair", "hill-climb", "--json"]
    result = runner.invoke(app, [*args, "--patience", "2", "--walk-out", "continue", "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    config = json.loads(result.stdout)["configurations"][0]
    assert config["label"] == "hill-climb · boulware" and config["runs"] == 40
    low, high = config["agreement_ci95"]
    assert 0 <= low <= config["agreement_rate"] <= high <= 1
    low, high = config["agreed_without_ci95"]
    assert 0 <= low <= config["agreed_without_rate"] <= high <= 1
    agreements = round(40 * (config["agreement_rate"] + config["agreed_without_rate"]))
    assert agreements == 40 - round(40 * config["no_agreement_rate"])
    assert 1 <= config["distinct_outcomes"] <= agreements
    assert sum(t["count"] for t in config["top_outcomes"]) <= agreements
    assert [t["count"] for t in config["top_outcomes"]] == sorted(
        (t["count"] for t in config["top_outcomes"]), reverse=True
    )
    for issue, counts in config["settlements"].items():
        assert sum(counts["options"].values()) + counts["none"] == 40, issue
    for seat, p in config["score_percentiles"].items():
        assert p["p5"] <= p["p25"] <= p["p50"] <= p["p75"] <= p["p95"], seat
        assert p["mean"] == config["mean_scores"][seat]
    absent = config["absent_from_agreements"]
    assert set(absent) == {"CHN", "PRK", "USA", "KOR", "JPN", "RUS"}
    assert (sum(absent.values()) > 0) == (config["agreed_without_rate"] > 0)
    two = runner.invoke(app, [*args, "--patience", "2", "--walk-out", "continue", "--workers", "2"])
    assert two.exit_code == 0 and two.stdout == result.stdout


def test_table_shows_the_interval_and_distinct_outcomes() -> None:
    args = ["simulate", "six-party-talks", "--runs", "30", "--workers", "1", "--chair", "hill-climb"]
    table = runner.invoke(app, args, env={"COLUMNS": "160"})
    assert table.exit_code == 0, table.stderr
    header = next(line for line in table.stdout.splitlines() if "agreed" in line and "outc." in line)
    assert "w/o" in header
    row = next(line for line in table.stdout.splitlines() if line.strip().startswith("hill-climb"))
    config = json.loads(runner.invoke(app, [*args, "--json"]).stdout)["configurations"][0]
    low, high = config["agreement_ci95"]
    # the bounds are rounded outwards to whole percent
    cell = f"{round(100 * config['agreement_rate'])}% ({math.floor(100 * low)}–{math.ceil(100 * high)})"
    assert cell in row
    assert f"{round(100 * config['agreed_without_rate'])}%" in row.split(")")[1].split()[0]
    assert str(config["distinct_outcomes"]) == row.split(")")[1].split()[1]


def test_bad_numbers_are_usage_errors_without_traceback() -> None:
    for args, message in [
        (["--seed", "-1"], "the seed must be between 0 and"),
        (["--seed", str(2**63)], "64-bit integer"),
        (["--runs", "0"], "runs must be between 1 and 1,000,000,000"),
        (["--runs", "1000000000000"], "a month or more on two cores"),
        (["--json", "--per-run", "--runs", "100001"], "at most 100,000 runs with --per-run"),
        (["--strategies", "inf"], "an exponent is a number above 0 and at most 1000, not inf"),
        (["--strategies", "PRK=nan"], "not nan"),
        (["--transcript", "--seed", "-3"], "the seed must be between 0 and"),
    ]:
        result = runner.invoke(app, ["simulate", "six-party-talks", *args])
        assert result.exit_code == 2, (args, result.output)
        assert message in " ".join(result.stderr.replace("│", " ").split()), (args, result.stderr)
        assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output
