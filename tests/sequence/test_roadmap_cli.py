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
from typer.testing import CliRunner

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
