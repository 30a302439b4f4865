"""``hexatable roadmap`` and the ``roadmaps`` collection of the case format, on a small case folder.

The roadmap is the hand-worked "disarm for reward" case of test_solver.py, in YAML: PRK disables
(cost 1, worth 3 to the USA), the USA rewards (cost 1, worth 3 to PRK); PRK's shirking is noticed one
phase late; the reward is gated on the disablement, verified in the same phase.
"""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from hexatable.case import CaseError, load_case
from hexatable.cli.app import app

EXAMPLE = Path(__file__).parents[2] / "docs" / "examples" / "minimal-case"
runner = CliRunner()

ROADMAP = """\
roadmaps:
  - id: disarm-for-reward
    title: {en: Disablement for a reward}
    phases: 2
    provenance: &cite [{source: wiki, locator: "line 1", quote: 中华人民共和国}]
    parties:
      - {actor: PRK, detection_lag: 1, provenance: *cite}
      - {actor: USA, provenance: *cite}
    actions:
      - id: disable
        actor: PRK
        title: {en: Disable the reactor}
        tranches: 1
        values: {PRK: -1, USA: 3}
        provenance: *cite
      - id: reward
        actor: USA
        title: {en: Reward}
        tranches: 1
        values: {PRK: 3, USA: -1}
        provenance: *cite
    constraints:
      - {kind: gating, trigger: disable, reward: reward, provenance: *cite}
    schedules:
      - id: historical
        title: {en: Disable first and reward a phase later}
        provenance: *cite
        phases:
          - {label: {en: spring}, tranches: {disable: 1}}
          - {label: {en: autumn}, tranches: {reward: 1}}
"""


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    target = tmp_path / "case"
    shutil.copytree(EXAMPLE, target)
    (target / "roadmap.yaml").write_text(ROADMAP, encoding="utf-8")
    return target


def run_json(*args: str) -> dict[str, object]:
    result = runner.invoke(app, ["roadmap", *args, "--json"])
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_the_roadmap_loads_into_the_case(case_dir: Path) -> None:
    case = load_case(case_dir)
    assert [r.id for r in case.roadmaps] == ["disarm-for-reward"]
    assert case.roadmaps[0].actions[1].values == {"PRK": 3.0, "USA": -1.0}


def test_solve_prints_the_optimal_schedule_as_json(case_dir: Path) -> None:
    data = run_json(str(case_dir))
    # By hand (test_solver.py): with prompt verification both move in phase 0 and nobody is tempted.
    assert data["status"] == "optimal"
    assert data["objective"] == 0.0
    assert data["tranches"] == {"disable": [1, 0], "reward": [1, 0]}
    assert data["temptation"] == {"PRK": [-2.0, 0.0, 0.0], "USA": [-2.0, 0.0, 0.0]}
    assert data["self_enforcing"] is True


def test_evaluate_the_historical_schedule(case_dir: Path) -> None:
    data = run_json(str(case_dir), "--evaluate", "historical")
    # The USA, at the start of the second phase, has the disablement and only its cost to come: +1.
    assert data["status"] == "evaluated"
    assert data["temptation"] == {"PRK": [-2.0, -3.0, 0.0], "USA": [-2.0, 1.0, 0.0]}
    assert (data["worst_party"], data["worst_phase"], data["objective"]) == ("USA", 1, 1.0)
    assert data["violations"] == []


def test_evaluate_a_schedule_file(case_dir: Path, tmp_path: Path) -> None:
    proposal = tmp_path / "proposal.yaml"
    proposal.write_text("phases:\n  - tranches: {reward: 1}\n  - tranches: {disable: 1}\n", encoding="utf-8")
    data = run_json(str(case_dir), "--evaluate", str(proposal))
    assert data["violations"] == ["gating disable -> reward (phase 0)"]


def test_a_bad_schedule_file_gets_a_located_message(case_dir: Path, tmp_path: Path) -> None:
    proposal = tmp_path / "proposal.yaml"
    proposal.write_text(
        "phases:\n  - tranches: {reward: 1}\n  - tranches: {dismantle: 1}\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["roadmap", str(case_dir), "--evaluate", str(proposal)])
    assert result.exit_code == 1
    assert f"{proposal}:3:" in result.stderr
    assert "phases[1].tranches.dismantle: unknown action 'dismantle' in this roadmap" in result.stderr
    assert "Traceback" not in result.output


def test_the_table_names_the_tempted_party(case_dir: Path) -> None:
    result = runner.invoke(app, ["roadmap", str(case_dir), "--evaluate", "historical"])
    assert result.exit_code == 0
    assert "USA is tempted 1.00 above its tolerance at phase autumn" in " ".join(result.stdout.split())


def test_an_unknown_package_is_a_usage_error(case_dir: Path) -> None:
    result = runner.invoke(app, ["roadmap", str(case_dir), "--package", "hanoi"])
    assert result.exit_code == 2
    assert "no roadmap 'hanoi'" in result.stderr


def test_an_unknown_action_in_a_constraint_is_located(case_dir: Path) -> None:
    path = case_dir / "roadmap.yaml"
    text = ROADMAP.replace("trigger: disable, reward: reward", "trigger: dismantle, reward: reward")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CaseError) as caught:
        load_case(case_dir)
    # the column of the key "trigger"
    line = text.splitlines().index(
        "      - {kind: gating, trigger: dismantle, reward: reward, provenance: *cite}"
    )
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:{line + 1}:24: roadmaps[0].constraints[0].trigger: "
        "unknown action 'dismantle' in this roadmap"
    ]


def test_a_positive_own_value_is_rejected(case_dir: Path) -> None:
    path = case_dir / "roadmap.yaml"
    path.write_text(
        ROADMAP.replace("values: {PRK: -1, USA: 3}", "values: {PRK: 1, USA: 3}"), encoding="utf-8"
    )
    with pytest.raises(CaseError) as caught:
        load_case(case_dir)
    assert "the actor's own value is its cost: zero or negative" in str(caught.value.problems[0])


def test_too_many_tranches_in_a_schedule(case_dir: Path) -> None:
    path = case_dir / "roadmap.yaml"
    path.write_text(
        textwrap.dedent(ROADMAP).replace("tranches: {reward: 1}", "tranches: {reward: 2}"), encoding="utf-8"
    )
    with pytest.raises(CaseError) as caught:
        load_case(case_dir)
    assert "delivers 2 tranches of 'reward', which has only 1" in str(caught.value.problems[0])


def test_a_schedule_longer_than_its_roadmap_is_located(case_dir: Path) -> None:
    # The roadmap allows 2 phases; a third phase in its schedule could never be scored against it.
    path = case_dir / "roadmap.yaml"
    text = ROADMAP.replace(
        "          - {label: {en: autumn}, tranches: {reward: 1}}\n",
        "          - {label: {en: autumn}, tranches: {reward: 1}}\n          - {label: {en: winter}}\n",
    )
    assert text != ROADMAP
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CaseError) as caught:
        load_case(case_dir)
    line = text.splitlines().index("        phases:") + 1
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:{line}:9: roadmaps[0].schedules[0].phases: "
        "has 3 phases but the roadmap has 2: raise the roadmap's phases or shorten the schedule"
    ]


def test_an_infeasible_package_names_the_conflict(case_dir: Path) -> None:
    # A deadline of one phase for the reward, which may not start before the disablement is verified
    # a phase later.
    path = case_dir / "roadmap.yaml"
    text = ROADMAP.replace(
        "        values: {PRK: -1, USA: 3}\n",
        "        values: {PRK: -1, USA: 3}\n        verification_delay: 1\n",
    )
    text = text.replace(
        "      - {kind: gating, trigger: disable, reward: reward, provenance: *cite}\n",
        "      - {kind: gating, trigger: disable, reward: reward, provenance: *cite}\n"
        "      - {kind: deadline, action: reward, phases: 1, provenance: *cite}\n",
    )
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["roadmap", str(case_dir)])
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert (
        "these conflict: - complete reward - deadline reward within 1 phases - gating disable -> reward"
        in out
    )
    data = run_json(str(case_dir))
    assert data["status"] == "infeasible"
    assert data["conflict"] == [
        "complete reward",
        "deadline reward within 1 phases",
        "gating disable -> reward",
    ]


# --- --evaluate files and options: refused, with a location, rather than read loosely (issue 14) ---------


def plain(text: str) -> str:
    """A usage error's message without the box Rich draws around it, on one line."""
    return " ".join(text.translate(str.maketrans("", "", "│╭╮╰╯─")).split())


def evaluate_file(case_dir: Path, tmp_path: Path, text: str, *options: str) -> tuple[Path, Result]:
    proposal = tmp_path / "proposal.yaml"
    proposal.write_text(text, encoding="utf-8")
    return proposal, runner.invoke(app, ["roadmap", str(case_dir), "--evaluate", str(proposal), *options])


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("true", "Input should be a valid integer: a tranche count is a whole number, not true"),
        ("1.0", "Input should be a valid integer"),
        ('"1"', "Input should be a valid integer"),
        ("-1", "Input should be greater than or equal to 0"),
    ],
)
def test_a_tranche_count_is_a_strict_whole_number(
    case_dir: Path, tmp_path: Path, value: str, message: str
) -> None:
    # YAML's `true` used to be read as 1 tranche.
    proposal, result = evaluate_file(case_dir, tmp_path, f"phases:\n  - tranches: {{disable: {value}}}\n")
    assert result.exit_code == 1
    assert f"{proposal}:2:16: phases[0].tranches.disable: {message}" in result.stderr


def test_a_twenty_digit_tranche_count_is_bounded(case_dir: Path, tmp_path: Path) -> None:
    # It used to end in an OverflowError traceback when put into the int64 schedule.
    proposal, result = evaluate_file(
        case_dir, tmp_path, "phases:\n  - tranches: {disable: 12345678901234567890}\n"
    )
    assert result.exit_code == 1
    assert (
        f"{proposal}:2:16: phases[0].tranches.disable: Input should be less than or equal to 1000000"
        in result.stderr
    )
    assert "Traceback" not in result.output


def test_an_overfull_action_is_refused_where_its_total_passes_the_count(
    case_dir: Path, tmp_path: Path
) -> None:
    # The reward has 1 tranche; the file delivers one in each phase. It used to be scored.
    proposal, result = evaluate_file(
        case_dir, tmp_path, "phases:\n  - tranches: {reward: 1}\n  - tranches: {disable: 1, reward: 1}\n"
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{proposal}:3:28: phases[1].tranches.reward: 2 tranches of 'reward' delivered by phase 2, "
        "but the action has only 1"
    )


def test_a_longer_schedule_is_refused_naming_the_action_and_tranche(case_dir: Path, tmp_path: Path) -> None:
    # The roadmap has 2 phases; the disablement comes in a third. It used to extend the roadmap silently.
    text = "phases:\n  - tranches: {reward: 0}\n  - tranches: {}\n  - tranches: {disable: 1}\n"
    proposal, result = evaluate_file(case_dir, tmp_path, text)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{proposal}:4:16: phases[2].tranches.disable: tranche 1 of 'disable' in phase 3, beyond the "
        "roadmap's 2 phases (score over more phases with --phases 3)"
    )
    # --phases 3 makes it a schedule to score.
    _, result = evaluate_file(case_dir, tmp_path, text, "--phases", "3", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["tranches"] == {"disable": [0, 0, 1], "reward": [0, 0, 0]}


def test_an_empty_extra_phase_is_refused_too(case_dir: Path, tmp_path: Path) -> None:
    text = "phases:\n  - tranches: {disable: 1, reward: 1}\n  - tranches: {}\n  - tranches: {}\n"
    proposal, result = evaluate_file(case_dir, tmp_path, text)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{proposal}:4:5: phases[2]: phase 3 is beyond the roadmap's 2 phases (drop the empty phases or "
        "score over more phases with --phases 3)"
    )


def test_phases_sets_the_horizon_of_an_evaluated_schedule(case_dir: Path) -> None:
    # --phases used to be ignored with --evaluate. The historical schedule (2 phases) over 3: the third
    # is empty, and its temptation is that after the end (nothing is left to deliver or take back).
    data = run_json(str(case_dir), "--evaluate", "historical", "--phases", "3")
    assert data["phases"] == 3
    assert data["tranches"] == {"disable": [1, 0, 0], "reward": [0, 1, 0]}
    assert data["temptation"] == {"PRK": [-2.0, -3.0, 0.0, 0.0], "USA": [-2.0, 1.0, 0.0, 0.0]}
    # Fewer phases than the schedule has: refused, naming the option.
    result = runner.invoke(app, ["roadmap", str(case_dir), "--evaluate", "historical", "--phases", "1"])
    assert result.exit_code == 2
    assert "schedule 'historical' has 2 phases, more than the 1 to score it over" in plain(result.stderr)
    assert "--phases" in result.stderr


@pytest.mark.parametrize(
    "option",
    [
        ["--alternatives", "2"],
        ["--self-enforcing"],
        ["--time-limit", "5"],
        ["--seed", "3"],
        ["--workers", "2"],
    ],
)
def test_solver_options_are_refused_with_evaluate(case_dir: Path, option: list[str]) -> None:
    result = runner.invoke(app, ["roadmap", str(case_dir), "--evaluate", "historical", *option])
    assert result.exit_code == 2
    assert option[0] in result.stderr
    assert "does not apply to --evaluate" in plain(result.stderr)


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--phases", "12345678901234567890"),
        ("--phases", "201"),
        ("--alternatives", "101"),
        ("--seed", "2147483648"),
        ("--workers", "65"),
        ("--time-limit", "nan"),
        ("--time-limit", "inf"),
    ],
)
def test_solver_options_are_bounded(case_dir: Path, option: str, value: str) -> None:
    result = runner.invoke(app, ["roadmap", str(case_dir), option, value])
    assert result.exit_code == 2
    assert option in result.stderr
    assert "Traceback" not in result.output


def test_a_json_schedule_file_is_read_and_located(case_dir: Path, tmp_path: Path) -> None:
    proposal = tmp_path / "proposal.json"
    proposal.write_text('{"phases": [\n  {"tranches": {"disable": 1, "reward": 1}},\n  {"tranches": {}}]}\n')
    data = run_json(str(case_dir), "--evaluate", str(proposal))
    assert data["tranches"] == {"disable": [1, 0], "reward": [1, 0]}
    proposal.write_text('{"phases": [\n  {"tranches": {"disable": true}}]}\n')
    result = runner.invoke(app, ["roadmap", str(case_dir), "--evaluate", str(proposal)])
    assert result.exit_code == 1
    assert f"{proposal}:2:17: phases[0].tranches.disable: Input should be a valid integer" in result.stderr


def test_a_binary_or_deeply_nested_file_is_a_message(case_dir: Path, tmp_path: Path) -> None:
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"phases:\n  - \xff\xfe\x00\x01")
    result = runner.invoke(app, ["roadmap", str(case_dir), "--evaluate", str(binary)])
    assert result.exit_code == 1
    assert f"{binary}: not UTF-8 text" in result.stderr
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    result = runner.invoke(app, ["roadmap", str(case_dir), "--evaluate", str(deep)])
    assert result.exit_code == 1
    assert str(deep) in result.stderr
    assert "Traceback" not in result.output


def test_a_roadmap_the_engine_cannot_hold_is_a_message(case_dir: Path) -> None:
    # A nan tolerance in the case file (the case format accepts any float) used to be a traceback when
    # solving and NaN in the JSON when scoring.
    path = case_dir / "roadmap.yaml"
    path.write_text(
        ROADMAP.replace(
            "{actor: USA, provenance: *cite}", "{actor: USA, tolerance: .nan, provenance: *cite}"
        ),
        encoding="utf-8",
    )
    for extra in ([], ["--evaluate", "historical"]):
        result = runner.invoke(app, ["roadmap", str(case_dir), *extra], catch_exceptions=False)
        assert result.exit_code == 1
        assert (
            "roadmap 'disarm-for-reward': party 'USA': tolerance nan is not a finite number" in result.stderr
        )
