"""A party that takes no action in a roadmap cannot defect: its temptation is not applicable.

Defecting is stopping one's own deliveries (docs/sequence.md). An observer with no action has nothing to
stop, so the others have nothing to notice or answer; counting their retaliation as its gain made an
observer that dislikes a reversible step look "tempted" to see it taken back (Japan +40 above its
tolerance in the DPRK's Hanoi offer, issue 14).
"""

from __future__ import annotations

import dataclasses
import json

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.sequence.strategies import EXACT_SCALE, tiny_roadmaps
from typer.testing import CliRunner

from hexatable.cli.app import app
from hexatable.sequence import Action, Party, Roadmap, evaluate, temptation
from hexatable.sequence.solver import SolverOptions, solve

EXACT = SolverOptions(scale=EXACT_SCALE, workers=1, seed=0, time_limit=20.0)


def exchange_watched() -> Roadmap:
    """A pays (cost 5, worth 10 to B), B ships (cost 5, worth 10 to A), both half reversible; C, which
    takes no action, dislikes the shipment (-8 a tranche)."""
    return Roadmap(
        parties=(Party("A"), Party("B"), Party("C")),
        actions=(
            Action("pay", "A", 1, {"A": -5.0, "B": 10.0}, reversibility=0.5),
            Action("ship", "B", 1, {"A": 10.0, "B": -5.0, "C": -8.0}, reversibility=0.5),
        ),
        phases=2,
    )


def test_an_observer_is_not_tempted_to_see_a_step_taken_back() -> None:
    # Both deliver in phase 0. By hand (test_temptation.py): A and B are at -5 at phase 0 and -2.5
    # after (each takes back 2.5 of its own cost and loses 5 of the other's step). C has nothing to
    # stop: the old reading gave it -(0.5 x -8) = +4 after the last phase, "tempted" by the others'
    # retaliation against a move it cannot make.
    roadmap = exchange_watched()
    schedule = np.array([[1, 0], [1, 0]])
    assert temptation(roadmap, schedule).tolist() == [[-5.0, -2.5, -2.5], [-5.0, -2.5, -2.5], [0.0, 0.0, 0.0]]
    result = evaluate(roadmap, schedule)
    assert result.can_defect == (True, True, False)
    assert result.without_actions == ("C",)
    assert (result.worst_excess, result.self_enforcing) == (-2.5, True)
    assert result.worst_party in {"A", "B"}
    data = result.to_json()
    assert data["temptation"]["C"] is None and data["excess"]["C"] is None
    assert data["without_actions"] == ["C"]


def test_an_observer_is_never_the_worst_even_with_a_negative_tolerance() -> None:
    # A negative tolerance would make 0 - tolerance positive; a party that cannot defect still is
    # not counted.
    roadmap = exchange_watched()
    roadmap = dataclasses.replace(roadmap, parties=(Party("A"), Party("B"), Party("C", tolerance=-100.0)))
    assert evaluate(roadmap, np.array([[1, 0], [1, 0]])).worst_excess == -2.5


@st.composite
def with_an_observer(draw: st.DrawFn) -> tuple[Roadmap, Roadmap]:
    """A tiny roadmap, and the same roadmap with one more party that takes no action but values each
    action arbitrarily (and has an arbitrary tolerance)."""
    roadmap = draw(tiny_roadmaps())
    values = [float(draw(st.integers(-5, 5))) for _ in roadmap.actions]
    watched = dataclasses.replace(
        roadmap,
        parties=(*roadmap.parties, Party("W", tolerance=float(draw(st.integers(-3, 3))))),
        actions=tuple(
            dataclasses.replace(action, values={**action.values, "W": value})
            for action, value in zip(roadmap.actions, values, strict=True)
        ),
    )
    return roadmap, watched


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(with_an_observer())
def test_an_observer_changes_neither_the_score_nor_the_optimum(pair: tuple[Roadmap, Roadmap]) -> None:
    roadmap, watched = pair
    plain, seen = solve(roadmap, EXACT), solve(watched, EXACT)
    assert plain.status == seen.status
    if plain.evaluation is None or seen.evaluation is None:
        return
    assert seen.evaluation.worst_excess == plain.evaluation.worst_excess
    # The observer's presence changes nobody's temptation, on the same schedule.
    schedule = plain.evaluation.schedule
    again = evaluate(watched, schedule)
    np.testing.assert_allclose(again.temptation[:-1], plain.evaluation.temptation, atol=1e-9)
    assert again.worst_excess == plain.evaluation.worst_excess
    assert again.can_defect[-1] is False


def test_the_hanoi_offer_reports_the_idle_parties_as_not_applicable() -> None:
    # hanoi-2019-prk-offer (roadmap-2019.yaml): only the DPRK and the US take actions; Japan values
    # the relief below zero and showed +40 above its tolerance after the swap.
    runner = CliRunner()
    args = ["roadmap", "six-party-talks", "--package", "hanoi-2019-prk-offer", "--evaluate", "offer"]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["without_actions"] == ["CHN", "JPN", "KOR", "RUS"]
    idle = data["without_actions"]
    assert [data["temptation"][q] for q in idle] == [None] * 4
    assert [data["excess"][q] for q in idle] == [None] * 4
    assert (data["worst_party"], data["worst_excess"]) == ("USA", 2650.0)
    table = runner.invoke(app, args)
    text = " ".join(table.stdout.split())
    assert "│ JPN │ 0.0 │ n/a │ n/a │" in text
    assert "n/a: CHN, JPN, KOR, RUS take no action in this package" in text
