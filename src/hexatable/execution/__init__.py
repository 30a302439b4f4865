"""The execution layer: where a batch's chunks run, below the engines and above nothing.

Every batch in hexatable (simulate, tournament, GMCR sweeps, forecast Monte Carlo) is a map over small
*parts* (a range of run numbers, a list of variants) of one pure function that also reads a large
*shared* input (the analysis of a scenario, a conflict model), followed by a reduction in part order.
This package only chunks, ships and reduces; it knows nothing of negotiations or conflicts:

- :mod:`~hexatable.execution.chunks`: consecutive ranges of run numbers, sized from the number of slots;
- :mod:`~hexatable.execution.backend`: the choice (local processes, a Dask scheduler's address, or a
  ``LocalCluster``), from ``--scheduler`` or ``HEXATABLE_SCHEDULER``, opened as an :class:`Executor`;
- :mod:`~hexatable.execution.local`: the local processes (a ``ProcessPoolExecutor``, the default);
- :mod:`~hexatable.execution.cluster`: Dask distributed (imported only when asked for).

Both executors yield the parts' products in part order, with a bounded number of parts submitted
ahead, so memory is flat in the number of parts; the engines seed each run from the batch seed and the
run's number, so where a part ran never changes what it returns (docs/cluster.md). A part whose work
raises stops the batch with that error, not retried (the engines are deterministic), with a note
naming the part and where it ran (:func:`~hexatable.execution.chunks.note_failure`).
"""

from hexatable.execution.backend import (
    SCHEDULER_ENV,
    Backend,
    ClusterError,
    Executor,
    open_executor,
)
from hexatable.execution.chunks import chunk_size, run_chunks

__all__ = [
    "SCHEDULER_ENV",
    "Backend",
    "ClusterError",
    "Executor",
    "chunk_size",
    "open_executor",
    "run_chunks",
]
