"""The conflict model from the case format and from .gmcr files, and the stability command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hexatable.cli.app import app
from hexatable.conflict.gmcr_file import GmcrFileError, parse_gmcr

DATA = Path(__file__).parent / "data"
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_yaml_prisoners_dilemma_from_statements() -> None:
    """Statements B cooperates > A defects give A: DC > CC > DD > CD, the Prisoner's Dilemma."""
    code, out, _ = run("stability", str(DATA / "prisoners.yaml"), "--json")
    assert code == 0
    view = json.loads(out)
    assert view["equilibria"]["nash"] == [1]
    assert view["equilibria"]["gmr"] == [1, 4]
    assert view["states"][3] == {"number": 4, "code": 3, "options": ["Y", "Y"]}
    assert view["stable"]["seq"]["prisoner-a"] == [1, 3, 4]  # 3: A's best state
    assert view["status_quo"] == {"status_quo": 1, "paths": {"1": []}}


def test_limited_move_stability_from_the_command_line() -> None:
    """The Prisoner's Dilemma at horizon 2: DD and CC, by hand (tests/conflict/test_limited_move.py)."""
    code, out, _ = run(
        "stability", str(DATA / "prisoners.yaml"), "--horizon", "2", "--horizon", "1", "--json"
    )
    assert code == 0
    view = json.loads(out)
    assert view["equilibria"]["l2"] == [1, 4]
    assert view["equilibria"]["l1"] == view["equilibria"]["nash"] == [1]
    code, out, _ = run("stability", str(DATA / "prisoners.yaml"), "--horizon", "2", "--concept", "nash")
    assert code == 0 and "L2" in out
    # Inverse analysis covers the classic concepts; a horizon beside it is reported, not inverted.
    args = ("stability", str(DATA / "syria_iraq.gmcr"), "--dm", "Syria", "--inverse", "2", "--horizon", "2")
    for extra in ((), ("--ties",)):
        code, out, _ = run(*args, *extra, "--json")
        assert code == 0
        view = json.loads(out)
        assert [i["concept"] for i in view["inverse"]] == ["nash", "gmr", "smr", "seq", "sim"]
        assert "l2" in view["equilibria"]
    code, _, err = run("stability", "six-party-talks", "--horizon", "2")
    assert code == 1 and "limited-move stability is defined for two decision makers" in err


def test_gmcr_file_syria_iraq(tmp_path: Path) -> None:
    code, out, _ = run(
        "stability", str(DATA / "syria_iraq.gmcr"), "--concept", "seq", "--json", "--dm", "Iraq"
    )
    assert code == 0
    view = json.loads(out)
    assert view["equilibria"] == {"seq": [6]}
    assert view["stable"]["seq"]["Iraq"] == [2, 4, 5, 6]


def test_table_and_explanation() -> None:
    code, out, _ = run("stability", str(DATA / "syria_iraq.gmcr"), "--explain", "2", "--dm", "Syria")
    assert code == 0
    # State 6 = Syria escalates and Iraq attacks: options 1 and 2 taken, in GMCR's Y/N grid.
    assert re.search(r"│\s+6 │ · │ Y │ Y │\s+✓", out)
    assert re.search(r"1\s+Syria\s+Escalate", out) and re.search(r"2\s+Iraq\s+Attack", out)
    assert "Syria can move to state 3" in out.replace("\n", " ")


def test_coalition_and_status_quo_on_elmira() -> None:
    """Elmira in .gmcr form (options grouped by DM, as GMCR+ numbers them), with the coalition
    Ministry + Uniroyal: published state 5 (here 7) falls, the path 1 -> 5 -> 8 (here 1 -> 7 -> 10)."""
    code, out, _ = run(
        "stability",
        str(DATA / "elmira.gmcr"),
        "--json",
        "--coalition",
        "MoE+Uniroyal",
        "--status-quo",
        "1",
        "--concept",
        "nash",
    )
    assert code == 0, out
    view = json.loads(out)
    assert 7 in view["equilibria"]["nash"]
    assert 7 not in view["coalition_analysis"]["equilibria"]["nash"]
    assert [step["state"] for step in view["status_quo"]["paths"]["10"]] == [7, 10]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "line 1: not valid JSON"),
        ('{"options": []}', "decisionMakers: missing"),
        (
            '{"options": [{"name": "a", "permittedDirection": "up"}], "decisionMakers": []}',
            "options[0].permittedDirection: 'up' is not one of both, fwd, back",
        ),
        (
            '{"options": [{"name": "a"}], "decisionMakers": [{"name": "A", "options": [0], '
            '"preferences": [[[3, "Y"]]]}]}',
            "decisionMakers[0].preferences[0][0]: expected [option index 0-0",
        ),
    ],
)
def test_bad_gmcr_files_are_located(text: str, message: str) -> None:
    with pytest.raises(GmcrFileError) as error:
        parse_gmcr(text)
    assert message in str(error.value)


def test_a_bad_value_deep_in_an_indented_file_names_its_line() -> None:
    """GMCR+ writes indented JSON; the error names the line of the faulty condition."""
    model = json.loads((DATA / "syria_iraq.gmcr").read_text(encoding="utf-8"))
    model["infeasibles"].append([[1, "N"], [7, "Y"]])
    text = json.dumps(model, indent=2)
    with pytest.raises(GmcrFileError) as error:
        parse_gmcr(text)
    where = "infeasibles[1][1]"
    assert error.value.where == where
    line = error.value.line
    assert line is not None and text.splitlines()[line - 1].strip().startswith("[")
    assert text.splitlines()[line].strip() == "7,"
    assert str(error.value).startswith(f"line {line}: {where}: expected [option index 0-2")


def test_a_file_yaml_cannot_compose_keeps_its_path_without_a_line() -> None:
    """A duplicate key is legal JSON (the last wins) but stops the positions: the path still says where."""
    text = (
        '{"options": [{"name": "a"}], "options": [{"name": "b", "permittedDirection": "up"}],'
        ' "decisionMakers": []}'
    )
    with pytest.raises(GmcrFileError) as error:
        parse_gmcr(text)
    assert error.value.line is None
    assert str(error.value) == "options[0].permittedDirection: 'up' is not one of both, fwd, back"


def test_bad_files_exit_with_a_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gmcr"
    bad.write_text('{"options": [{"name": "a"}],\n "decisionMakers": 3}', encoding="utf-8")
    code, _, err = run("stability", str(bad))
    assert code == 1
    assert "bad.gmcr: line 2: decisionMakers: should be a list, not int" in err
    bad.write_text('{"options": [{"name": "a"}],\n "decisionMakers": [],\n "infeasibles": [[[3, "Y"]]]}')
    code, _, err = run("stability", str(bad))
    assert code == 1  # the brackets of the message are printed, not taken for markup
    assert 'bad.gmcr: line 3: infeasibles[0][0]: expected [option index 0-0, "Y"|"N"], got [3, \'Y\']' in err
    yaml_file = tmp_path / "bad.yaml"
    yaml_file.write_text(
        (DATA / "prisoners.yaml")
        .read_text(encoding="utf-8")
        .replace("when: [b-cooperates]", "when: [b-coop]")
    )
    code, _, err = run("stability", str(yaml_file))
    assert code == 1
    assert (
        "bad.yaml:14:47: conflicts[0].decision_makers[0].statements[0].when[0]: unknown option 'b-coop'"
        in err
    )
    code, _, err = run("stability", str(DATA / "syria_iraq.gmcr"), "--explain", "9")
    assert code == 1 and "states are numbered 1-6" in err
    code, _, err = run("stability", str(DATA / "syria_iraq.gmcr"), "--dm", "Egypt")
    assert code == 1 and "no decision maker named 'Egypt'" in err


def test_inverse_and_sensitivity_options() -> None:
    code, out, _ = run(
        "stability",
        str(DATA / "syria_iraq.gmcr"),
        "--dm",
        "Syria",
        "--inverse",
        "2",
        "--sensitivity",
        "--json",
    )
    assert code == 0
    view = json.loads(out)
    counts = {i["concept"]: i["count"] for i in view["inverse"]}
    assert counts == {"nash": 240, "gmr": 384, "smr": 300, "seq": 384, "sim": 240}
    assert {i["total"] for i in view["inverse"]} == {720}
    # Syria ranks 1 3 6 2 4 5. Swapping groups 3 and 4 puts 2 above 6: Syria's moves from 2 to 1 and 3
    # are then answered by Iraq's attacks (to 4 and 6), both below 2, and 2 is Iraq's best state, so 2
    # joins the GMR equilibria {1, 6} (Hipel, Kilgour & Kinsara 2014, for the original ranking).
    changes = {v["change"]: v["equilibria"] for v in view["sensitivity"]}
    assert changes["Syria: ranking groups 3 and 4 swapped"]["gmr"] == [1, 2, 6]
    assert changes["Syria: ranking groups 1 and 2 swapped"]["gmr"] == [1, 6]


def test_inverse_inside_a_window_from_the_command_line() -> None:
    args = ("stability", str(DATA / "syria_iraq.gmcr"), "--dm", "Syria", "--inverse", "2", "--concept", "seq")
    code, out, _ = run(*args, "--window", "6:6-6", "--json")
    assert code == 0
    (found,) = json.loads(out)["inverse"]
    assert (found["count"], found["total"]) == (80, 120)
    code, out, _ = run(*args, "--prefer", "1>2", "--prefer", "3>2", "--json")
    (found,) = json.loads(out)["inverse"]
    # With 1 and 3 above 2, both of Syria's moves are improvements, so Iraq's answers 4 and 6 must both
    # be below 2: of the orders of {1, 2, 3, 4, 6}, 2! x 2! = 4 of 120, so 720 / 30 = 24 rankings.
    assert (found["count"], found["total"]) == (24, 240)
    code, _, err = run(*args, "--prefer", "1-2")
    assert code == 1 and "--prefer '1-2': write A>B" in err


def test_inverse_names_the_smallest_sets_of_states_that_must_rank_below() -> None:
    """SEQ at 2: each of Syria's moves to 1 and 3 must be below 2 or answered by an Iraqi attack (to 4
    and 6) below 2, so the minimal conditions are one of {1, 4} and one of {3, 6} below 2."""
    args = ("stability", str(DATA / "syria_iraq.gmcr"), "--dm", "Syria", "--inverse", "2", "--concept", "seq")
    code, out, _ = run(*args, "--json")
    assert code == 0
    (found,) = json.loads(out)["inverse"]
    assert found["minimal_below_sets"] == [[1, 3], [1, 6], [3, 4], [4, 6]]
    code, out, _ = run(*args)
    assert code == 0
    assert (
        "SEQ: 384 of 720 rankings of Syria make state 2 stable, exactly those that rank below it all of "
        "{1, 3}, or all of {1, 6}, or all of {3, 4}, or all of {4, 6}" in " ".join(out.split())
    )
    # With ties, level with 2 counts as below: the same conditions, out of the 4,683 weak orders.
    code, out, _ = run(*args, "--ties")
    assert code == 0
    assert (
        "SEQ: 2768 of 4683 rankings with ties of Syria make state 2 stable, exactly those that rank "
        "below or level with it all of {1, 3}" in " ".join(out.split())
    )
    code, _, err = run(*args, "--ties", "--window", "6:6-6")
    assert code == 1 and "--ties counts every ranking with ties" in err
    code, _, err = run("stability", str(DATA / "syria_iraq.gmcr"), "--ties")
    assert code == 1 and "go with --inverse STATE" in err
    # Inside a window the sets are whole below-sets: with 6 last, one of 1 and 4 must join it.
    code, out, _ = run(*args, "--window", "6:6-6", "--json")
    (found,) = json.loads(out)["inverse"]
    assert found["minimal_below_sets"] == [[1, 6], [4, 6]]


def test_builtin_case_conflict_and_its_status_quo() -> None:
    code, out, _ = run("stability", "six-party-talks", "--concept", "seq", "--json")
    assert code == 0
    view = json.loads(out)
    assert 204 in view["equilibria"]["seq"]
    assert view["status_quo"]["status_quo"] == 204  # taken from the case's status_quo
    assert "PRK+USA" in view["coalition_analysis"]["stable"]["seq"]  # the case's coalition


def test_case_without_conflicts() -> None:
    code, _, err = run("stability", "p5-process")
    assert code == 1
    assert "holds no conflict model" in err


def test_an_unknown_option_in_a_case_folder_is_located_at_its_own_line(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "case"
    shutil.copytree(Path(__file__).parents[2] / "docs" / "examples" / "minimal-case", folder)
    source = (DATA / "prisoners.yaml").read_text(encoding="utf-8")
    text = (
        source.replace("[prisoner-a]", "[PRK]")
        .replace("[prisoner-b]", "[USA]")
        .replace("source: textbook", "source: wiki-six-party-talks")
        .replace("when: [a-cooperates]", "when: [a-coop]")
    )
    (folder / "conflict.yaml").write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if "a-coop]" in row)
    code, _, err = run("validate", str(folder))
    assert code == 1
    assert f"conflict.yaml:{line}:" in err
    assert "conflicts[0].decision_makers[1].statements[0].when[0]: unknown option 'a-coop'" in err


def test_inverse_and_sensitivity_give_the_same_json_over_two_processes() -> None:
    args = ("stability", str(DATA / "syria_iraq.gmcr"), "--dm", "Syria", "--inverse", "2", "--sensitivity")
    one, two = run(*args, "--json"), run(*args, "--json", "--workers", "2")
    assert one[0] == two[0] == 0
    assert one[1] == two[1] and json.loads(two[1])["sensitivity"]
