"""Batches on a real Dask cluster on loopback: a scheduler and two single-threaded worker processes.

The results must be the local ones, byte for byte, for the same seed, even when a worker is killed
in the middle of a batch (its chunks run again elsewhere; none is counted twice).
"""

from __future__ import annotations

import logging
import operator
import os
import re
import signal
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.forecast.ec_emissions import ec_emissions
from tests.forecast.test_montecarlo_errors import chunk_of, fragile
from typer.testing import CliRunner

import hexatable
from hexatable.case import open_case
from hexatable.cli.app import app
from hexatable.execution import Backend, ClusterError, open_executor
from hexatable.execution.cluster import IN_FLIGHT_PER_SLOT, DaskExecutor
from hexatable.forecast.montecarlo import MonteCarloError, Perturbation, batch_chunks, run_monte_carlo
from hexatable.negotiate.analysis import Analysis, analyse
from hexatable.negotiate.batch import simulate, simulate_runs
from hexatable.negotiate.runner import RunConfig
from hexatable.negotiate.space import build_space

distributed = pytest.importorskip("distributed")

AGENT = Path(__file__).parents[2] / "docs" / "examples" / "my_agent.py"
CONFIG = RunConfig(chair="mediator", default="linear", patience=3)


ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    # The worker processes are spawned with this process's sys.path. Inputs defined in the tests
    # (tests.forecast's fragile input) unpickle there only if the repository's root is on it, which
    # `python -m pytest` gives and the `pytest` script (make test) does not; without it a worker cannot
    # read its task and the batch waits for ever.
    added = str(ROOT) not in sys.path
    if added:
        sys.path.insert(0, str(ROOT))
    try:
        with (
            distributed.LocalCluster(
                n_workers=2,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            yield client
    finally:
        if added:
            sys.path.remove(str(ROOT))


WORKERS_BACK = 120
"""Seconds to wait for both workers before a test. A test that killed a worker left its nanny
restarting it; once, on a loaded machine, the nanny never brought it back and the suite waited for
ever in this fixture. Bounded, a missing worker gets one restart of the workers, and a cluster that
still lacks one fails the test with distributed's message instead of hanging CI."""


@pytest.fixture
def executor(client: Any) -> Iterator[DaskExecutor]:
    try:
        client.wait_for_workers(2, timeout=WORKERS_BACK)
    except TimeoutError:
        client.restart(timeout=WORKERS_BACK, wait_for_workers=True)
    executor = DaskExecutor(client)
    yield executor
    executor.close()


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyse(build_space(open_case("six-party-talks"), "six-party-2007"))


def _one(part: int) -> int:
    return 1


def test_products_come_in_part_order_with_bounded_read_ahead(executor: DaskExecutor) -> None:
    pulled: list[int] = []

    def parts() -> Iterator[int]:
        for n in range(60):
            pulled.append(n)
            yield n

    seen: list[int] = []
    got: list[int] = []
    for product in executor.map_ordered(operator.mul, 3, parts(), weight=_one, progress=seen.append):
        got.append(product)
        assert len(pulled) - len(got) < IN_FLIGHT_PER_SLOT * executor.slots
    assert executor.slots == 2
    assert got == [3 * n for n in range(60)]
    assert seen == [1] * 60


def test_a_batch_on_the_cluster_equals_the_local_one(analysis: Analysis, executor: DaskExecutor) -> None:
    local = simulate(analysis, CONFIG, runs=24, seed=5, workers=1, chair_seat="CHN")
    seen: list[int] = []
    remote = simulate(
        analysis, CONFIG, runs=24, seed=5, chair_seat="CHN", executor=executor, progress=seen.append
    )
    assert remote == local and sum(seen) == 24
    listed = simulate_runs(analysis, CONFIG, runs=10, seed=5, chair_seat="CHN", executor=executor)
    assert listed == simulate_runs(analysis, CONFIG, runs=10, seed=5, workers=1, chair_seat="CHN")


def test_a_worker_killed_mid_batch_costs_nothing_but_time(analysis: Analysis, executor: DaskExecutor) -> None:
    client = executor.client
    doomed, pid = sorted(client.run(os.getpid).items())[0]
    earlier = {key for key, *_ in client.cluster.scheduler.transition_log}
    arrivals: list[int] = []

    def kill_after_the_first_chunk(runs: int) -> None:
        arrivals.append(runs)
        if len(arrivals) == 1:  # 15 of 16 chunks still to come, two per worker at work or queued
            os.kill(pid, signal.SIGKILL)

    remote = simulate(
        analysis,
        CONFIG,
        runs=64,
        seed=9,
        chair_seat="CHN",
        executor=executor,
        progress=kill_after_the_first_chunk,
    )
    assert doomed not in client.scheduler_info()["workers"]  # the worker did die during the batch
    starts = Counter(  # the scheduler's log (it runs in this process): chunks sent to a worker twice
        key
        for key, _, finish, *_ in client.cluster.scheduler.transition_log
        if finish == "processing" and str(key).startswith("tally_chunk-") and key not in earlier
    )
    assert max(starts.values()) == 2  # the dead worker's chunk ran again elsewhere ...
    assert len(arrivals) == 16 and sum(arrivals) == 64  # ... and each chunk was counted once
    assert remote == simulate(analysis, CONFIG, runs=64, seed=9, workers=1, chair_seat="CHN")


def test_simulate_json_is_byte_identical_on_the_cluster(client: Any) -> None:
    client.wait_for_workers(2)
    args = [
        "simulate",
        "six-party-talks",
        "--runs",
        "12",
        "--seed",
        "2",
        "--strategies",
        "conceder",
        "--json",
    ]
    runner = CliRunner()
    local = runner.invoke(app, [*args, "--workers", "1"])
    remote = runner.invoke(app, [*args, "--scheduler", client.scheduler.address])
    assert local.exit_code == 0 and remote.exit_code == 0, remote.output
    assert remote.stdout == local.stdout


def test_tournament_json_is_byte_identical_on_the_cluster_with_an_agent_from_a_file(client: Any) -> None:
    client.wait_for_workers(2)
    args = [
        "tournament",
        "six-party-talks",
        "--agent",
        f"{AGENT}:SteadyConceder",
        "--runs",
        "2",
        "--steps",
        "8",
    ]
    runner = CliRunner()
    local = runner.invoke(app, [*args, "--json"])
    remote = runner.invoke(app, [*args, "--json", "--scheduler", client.scheduler.address])
    assert local.exit_code == 0 and remote.exit_code == 0, remote.output
    assert remote.stdout == local.stdout


def test_stability_sweeps_are_byte_identical_on_the_cluster(client: Any) -> None:
    client.wait_for_workers(2)
    model = Path(__file__).parents[1] / "conflict" / "data" / "syria_iraq.gmcr"
    args = ["stability", str(model), "--dm", "Syria", "--inverse", "2", "--sensitivity", "--json"]
    runner = CliRunner()
    local = runner.invoke(app, args)
    remote = runner.invoke(app, [*args, "--scheduler", client.scheduler.address])
    assert local.exit_code == 0 and remote.exit_code == 0, remote.output
    assert remote.stdout == local.stdout and '"sensitivity"' in remote.stdout


def test_forecast_monte_carlo_is_byte_identical_on_the_cluster(client: Any) -> None:
    client.wait_for_workers(2)
    args = ["forecast", "six-party-talks", "--forecast", "six-party-2019-02", "--model", "smp"]
    args += ["--rounds", "3", "--monte-carlo", "24", "--seed", "7", "--json"]
    runner = CliRunner()
    local = runner.invoke(app, [*args, "--workers", "1"])
    remote = runner.invoke(app, [*args, "--scheduler", client.scheduler.address])
    assert local.exit_code == 0 and remote.exit_code == 0, remote.output
    assert remote.stdout == local.stdout and '"monte_carlo": {' in remote.stdout


def test_monte_carlo_with_a_worker_killed_mid_batch_equals_the_local_one(executor: DaskExecutor) -> None:
    """The streamed summary (moments and histogram, 5,000 runs: past the exact quantiles) of a batch
    whose worker died is the local one, bit for bit: the lost chunks ran again and merged once."""
    client = executor.client
    doomed, pid = sorted(client.run(os.getpid).items())[0]
    shake = Perturbation(position=0.3, salience=0.1, capability=0.3)
    arrivals: list[int] = []

    def kill_after_the_first_chunk(runs: int) -> None:
        arrivals.append(runs)
        if len(arrivals) == 1:
            os.kill(pid, signal.SIGKILL)

    remote = run_monte_carlo(
        ec_emissions(),
        "mean",
        runs=5000,
        seed=3,
        perturbation=shake,
        executor=executor,
        progress=kill_after_the_first_chunk,
    )
    assert doomed not in client.scheduler_info()["workers"]
    assert len(arrivals) == len(batch_chunks(5000)) and sum(arrivals) == 5000
    local = run_monte_carlo(ec_emissions(), "mean", runs=5000, seed=3, perturbation=shake, workers=1)
    assert not remote.sketch.exact and remote.to_json() == local.to_json()


def test_a_failed_monte_carlo_run_on_the_cluster_is_named_and_not_retried(executor: DaskExecutor) -> None:
    data, doomed = fragile(200, seed=5)
    shake = Perturbation(position=0.1, salience=0.1, capability=0.3)
    client = executor.client
    earlier = {key for key, *_ in client.cluster.scheduler.transition_log}
    with pytest.raises(MonteCarloError) as caught:
        run_monte_carlo(data, "mean", runs=200, seed=5, perturbation=shake, executor=executor)
    assert str(caught.value).startswith(
        f"Monte Carlo run {doomed} (seed 5, model mean) failed: ArithmeticError"
    )
    assert caught.value.__notes__ == [f"in {chunk_of(doomed, 200)} of the batch, on a Dask worker"]
    erred = [
        key
        for key, _, finish, *_ in client.cluster.scheduler.transition_log
        if finish == "erred" and str(key).startswith("summarise_chunk-") and key not in earlier
    ]
    assert len(erred) == 1  # the chunk's task erred once; Dask does not rerun a task that raised


def test_workers_on_another_hexatable_version_are_refused(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    theirs = re.escape(hexatable.__version__)  # what the worker processes import
    monkeypatch.setattr(hexatable, "__version__", "0.0.1-client")
    with (
        pytest.raises(ClusterError, match=rf"workers run hexatable {theirs}, this client 0\.0\.1-client"),
        open_executor(Backend(client.scheduler.address, 1)),
    ):
        pass


def test_a_scheduler_that_cannot_be_used_is_a_usage_error_naming_the_option() -> None:
    result = CliRunner().invoke(
        app, ["simulate", "six-party-talks", "--runs", "2", "--scheduler", "nope://x"]
    )
    assert result.exit_code == 2
    assert "--scheduler" in result.output and "cannot reach a Dask scheduler at 'nope://x'" in result.output
    with pytest.raises(ClusterError, match="unknown address scheme"), open_executor(Backend("nope://x", 1)):
        pass
