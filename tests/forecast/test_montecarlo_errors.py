"""A run that fails fails the batch with a message naming the run, its chunk and the seed.

:class:`FragileInput` is a forecast input whose perturbed copy cannot be made when actor 0's
capability is drawn above a bound: a deterministic failure of one chosen run, which travels to
worker processes and Dask workers (the class is importable there) like any engine error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

import hexatable.forecast.montecarlo as montecarlo
from hexatable.cli.app import app
from hexatable.execution.chunks import describe_part
from hexatable.forecast.inputs import FloatArray, ForecastInput
from hexatable.forecast.montecarlo import MonteCarloError, Perturbation, batch_chunks, draw, run_monte_carlo
from tests.forecast.ec_emissions import ec_emissions

SHAKE = Perturbation(position=0.1, salience=0.1, capability=0.3)


@dataclass(frozen=True, eq=False)
class FragileInput(ForecastInput):
    """Refuses a perturbed capability of actor 0 above ``bound``."""

    bound: float = np.inf

    def replace(
        self,
        *,
        capability: FloatArray | None = None,
        position: FloatArray | None = None,
        salience: FloatArray | None = None,
    ) -> ForecastInput:
        if capability is not None and capability[0] > self.bound:
            drawn = f"capability {capability[0]:.6g} of {self.actors[0]}"
            raise ArithmeticError(f"{drawn} is over {self.bound:g}")
        return super().replace(capability=capability, position=position, salience=salience)


def fragile(runs: int, seed: int) -> tuple[FragileInput, int]:
    """The EC input made to fail in exactly one of ``runs`` runs (the one drawing the largest
    capability for actor 0), and that run's number."""
    data = ec_emissions()
    drawn = [data.capability[0] * np.exp(draw(data, SHAKE, seed, i).capability[0]) for i in range(runs)]
    doomed = int(np.argmax(drawn))
    bound = float(np.sort(drawn)[-2] + drawn[doomed]) / 2
    fields = {name: getattr(data, name) for name in ("actors", "capability", "position", "salience")}
    return FragileInput(**fields, dimensions=data.dimensions, scale=data.scale, bound=bound), doomed


def chunk_of(run: int, runs: int) -> str:
    """What the execution layer calls the chunk holding ``run``."""
    return next(describe_part(i, c) for i, c in enumerate(batch_chunks(runs)) if run in c)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failed_run_is_named_with_its_seed_and_chunk_on_local_processes(workers: int) -> None:
    data, doomed = fragile(200, seed=5)
    with pytest.raises(MonteCarloError) as caught:
        run_monte_carlo(data, "mean", runs=200, seed=5, perturbation=SHAKE, workers=workers)
    message = str(caught.value)
    assert message.startswith(f"Monte Carlo run {doomed} (seed 5, model mean) failed: ArithmeticError:")
    assert "not retried" in message
    where = "in this process" if workers == 1 else "in a local worker process"
    assert caught.value.__notes__ == [f"in {chunk_of(doomed, 200)} of the batch, {where}"]


def test_the_command_reports_a_failed_run_without_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's input is a file, so the failure is planted in this process (``--workers 1``)."""
    case = ["forecast", "six-party-talks", "--forecast", "six-party-2019-02", "--model", "mean"]
    shaken = montecarlo.perturbed

    def planted(data: ForecastInput, shake: Any) -> ForecastInput:
        if shake.capability[0] > 0.25:  # run 3 of seed 3 is the first to draw this (checked below)
            raise FloatingPointError("overflow in a planted test")
        return shaken(data, shake)

    monkeypatch.setattr(montecarlo, "perturbed", planted)
    runner = CliRunner()
    result = runner.invoke(app, [*case, "--monte-carlo", "40", "--seed", "3", "--workers", "1", "--json"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Traceback" not in result.output
    first = next(i for i in range(40) if draw_of_case(i).capability[0] > 0.25)
    assert first == 3
    said = " ".join(result.stderr.split())
    failed = "failed: FloatingPointError: overflow in a planted test"
    assert f"error: Monte Carlo run {first} (seed 3, model mean) {failed}" in said
    assert f"in {chunk_of(first, 40)} of the batch, in this process" in said


def draw_of_case(run: int) -> Any:
    """Run ``run``'s draw on the six-party 2019 input with the command's default perturbation."""
    from hexatable.case import open_case
    from hexatable.forecast.case_input import input_from_case

    data = input_from_case(open_case("six-party-talks"), "six-party-2019-02")
    return draw(data, Perturbation(), 3, run)
