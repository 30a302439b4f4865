"""The local executor: products in part order, progress once per part, a bounded number in flight."""

from __future__ import annotations

import operator
import sys
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from hexatable.cli.app import app
from hexatable.execution import Backend, ClusterError, open_executor
from hexatable.execution.local import IN_FLIGHT_PER_SLOT, ProcessExecutor


def _one(part: int) -> int:
    return 1


@pytest.mark.parametrize("processes", [1, 2])
def test_products_come_in_part_order_with_bounded_read_ahead(processes: int) -> None:
    pulled: list[int] = []

    def parts() -> Iterator[int]:
        for n in range(40):
            pulled.append(n)
            yield n

    seen: list[int] = []
    executor = ProcessExecutor(processes)
    got = []
    for product in executor.map_ordered(operator.mul, 7, parts(), weight=_one, progress=seen.append):
        got.append(product)
        assert len(pulled) - len(got) < IN_FLIGHT_PER_SLOT * processes
    assert got == [7 * n for n in range(40)]
    assert seen == [1] * 40


def test_without_dask_a_scheduler_is_refused_with_the_extra_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ClusterError, match=r"hexatable\[cluster\]"), open_executor(Backend("local", 1)):
        pass


def test_the_environment_names_the_scheduler_when_the_option_does_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HEXATABLE_SCHEDULER", "nope://x")
    result = CliRunner().invoke(app, ["tournament", "six-party-talks", "--agent", "hexatable:linear"])
    assert result.exit_code == 2
    assert "--scheduler" in result.output and "cannot reach a Dask scheduler at 'nope://x'" in result.output
    monkeypatch.setenv("HEXATABLE_SCHEDULER", "")  # empty: local processes, as without it
    result = CliRunner().invoke(
        app, ["tournament", "six-party-talks", "--agent", "hexatable:linear", "--runs", "1", "--steps", "4"]
    )
    assert result.exit_code == 0, result.output


class RefusedError(ValueError):
    """An engine's own error type, which its command catches by type."""


def _refuse_seven(shared: int, part: range) -> int:
    if 7 in part:
        raise RefusedError(f"run 7 refused (shared {shared})")
    return len(part)


@pytest.mark.parametrize(("processes", "where"), [(1, "in this process"), (2, "in a local worker process")])
def test_an_error_in_a_part_keeps_its_type_and_is_noted_with_the_part(processes: int, where: str) -> None:
    """Not retried (a deterministic part fails again), not wrapped (callers catch engine errors by
    type), but noted with the part, so that a message can say which chunk failed."""
    parts = [range(0, 4), range(4, 8), range(8, 12)]
    with pytest.raises(RefusedError, match=r"run 7 refused \(shared 3\)") as caught:
        list(ProcessExecutor(processes).map_ordered(_refuse_seven, 3, parts))
    assert caught.value.__notes__ == [f"in chunk 2 (runs 4–7) of the batch, {where}"]
