"""The ``--scheduler`` option shared by the batch commands, and the executor it opens.

``--scheduler ADDRESS`` (or ``HEXATABLE_SCHEDULER``) runs a command's batch on that Dask scheduler's
cluster, ``--scheduler local`` on a Dask ``LocalCluster`` of ``--workers`` processes; without either,
on local processes as before. A cluster that cannot be used is a usage error naming ``--scheduler``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console

from hexatable.execution import SCHEDULER_ENV, Backend, ClusterError, Executor, open_executor

LOST_WORK = {"KilledWorker", "CommClosedError", "FutureCancelledError"}
"""Dask's errors for work the cluster lost rather than work that failed: a chunk whose workers kept
dying (``KilledWorker``, after Dask's own retries), a scheduler that went away mid-batch. Matched by
name so that this module does not import Dask when it is not installed."""

SchedulerOption = Annotated[
    str | None,
    typer.Option(
        help="Run the batch on a Dask cluster: the scheduler's address (tcp://host:8786), or 'local' for "
        f"a LocalCluster of --workers processes; default ${SCHEDULER_ENV}, else local processes "
        "(needs the cluster extra; docs/cluster.md).",
        show_default=False,
    ),
]


@contextmanager
def executor_for(scheduler: str | None, workers: int) -> Iterator[Executor]:
    """The executor for ``--scheduler`` and ``--workers`` (processes), open for the ``with`` block."""
    backend = Backend.choose(scheduler, max(workers, 1))
    try:
        with open_executor(backend) as executor:
            yield executor
    except ClusterError as error:
        raise typer.BadParameter(str(error), param_hint="--scheduler") from None
    except Exception as error:
        if type(error).__name__ not in LOST_WORK:
            raise
        raise typer.Exit(_report_lost_work(error)) from None


def _report_lost_work(error: Exception) -> int:
    """Says on stderr which chunk the cluster lost and why; the exit code (1)."""
    notes = " ".join(getattr(error, "__notes__", ()))  # the chunk, from the execution layer
    message = (
        f"error: the Dask cluster lost the batch's work ({type(error).__name__}: {error})"
        + (f"; {notes}" if notes else "")
        + ". Nothing was reported. Workers that die while running a chunk are often out of memory: "
        "give them more, or use smaller chunks (fewer runs per command)."
    )
    Console(stderr=True).print(message, style="red", markup=False, highlight=False, soft_wrap=True)
    return 1
