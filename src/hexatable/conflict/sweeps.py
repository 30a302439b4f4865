"""Inverse analysis as a map over concepts, so that it runs on any executor.

Each concept's count of rankings is independent, so :func:`inverse_sweep` hands one concept to each
part of an :class:`~hexatable.execution.Executor` (here, local processes or a Dask cluster); the
counts come back in the concepts' order, the same wherever they ran.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from hexatable.conflict.graph import GraphModel
from hexatable.conflict.inverse import InverseResult, inverse_stability
from hexatable.conflict.inverse_ties import count_with_ties
from hexatable.conflict.inverse_window import Window, WindowCount, count_in_window
from hexatable.execution import Executor
from hexatable.execution.local import ProcessExecutor

InverseMethod = Literal["closed", "window", "ties"]
"""How rankings are counted: the closed forms (any size), a rank window (small models), weak orders."""


def _one(part: object) -> int:
    return 1


@dataclass(frozen=True)
class InverseQuery:
    """Whose ranking is free (``dm``), for which state, and how rankings are counted."""

    graph: GraphModel
    dm: int
    state: int
    method: InverseMethod = "closed"
    window: Window | None = None


def _counted(query: InverseQuery, concept: str) -> InverseResult | WindowCount:
    if query.method == "ties":
        return count_with_ties(query.graph, query.dm, query.state, concept)
    if query.method == "window":
        return count_in_window(query.graph, query.dm, query.state, concept, query.window)
    return inverse_stability(query.graph, query.dm, query.state, concept)


def inverse_sweep(
    query: InverseQuery, concepts: Sequence[str], executor: Executor | None = None
) -> list[InverseResult | WindowCount]:
    """The count of ``query`` for each concept, in the concepts' order, one concept a part."""
    runner = executor if executor is not None else ProcessExecutor(1)
    return list(runner.map_ordered(_counted, query, concepts, weight=_one))
