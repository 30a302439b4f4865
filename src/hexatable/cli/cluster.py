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

from hexatable.execution import SCHEDULER_ENV, Backend, ClusterError, Executor, open_executor

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
