"""Status-quo analysis: how the conflict can evolve from the status quo to each equilibrium.

Following Li, Hipel, Kilgour & Noakes (2004), "Integrating uncertain preferences into status quo
analysis", and the status-quo analysis of Fang, Hipel & Kilgour (1993, ch. 6): a path is a sequence of
unilateral improvements (and, when coalitions are given, coalition improvements). For each equilibrium
reachable from the status quo, we give one shortest path (breadth-first search over the states).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from hexatable.conflict.coalitions import coalition_improvement_edges
from hexatable.conflict.graph import GraphModel


@dataclass(frozen=True)
class PathStep:
    """One move of a path: who moves (a DM or a coalition, by name) and the state number reached."""

    mover: str
    state: int


@dataclass(frozen=True)
class StatusQuoPaths:
    """For each reachable equilibrium (state number), a shortest path of improvements."""

    status_quo: int
    paths: dict[int, list[PathStep]]

    def to_json(self) -> dict[str, object]:
        return {
            "status_quo": self.status_quo,
            "paths": {
                str(target): [{"mover": s.mover, "state": s.state} for s in steps]
                for target, steps in self.paths.items()
            },
        }


def status_quo_paths(
    graph: GraphModel,
    status_quo: int,
    equilibria: Sequence[int],
    coalitions: Sequence[Sequence[int]] = (),
) -> StatusQuoPaths:
    """Shortest improvement paths from ``status_quo`` (a state number) to each equilibrium it reaches.

    Moves are every DM's unilateral improvements and every coalition's coalition improvements.
    """
    names = [dm.name for dm in graph.model.decision_makers]
    movers = [(names[dm], graph.improvements[dm]) for dm in range(graph.dm_count)]
    movers += [
        ("+".join(names[i] for i in members), coalition_improvement_edges(graph, members))
        for members in coalitions
    ]
    start = status_quo - 1
    parent: dict[int, tuple[int, str] | None] = {start: None}
    queue = deque([start])
    while queue:
        state = queue.popleft()
        for mover, edges in movers:
            for target in edges.targets_of(state).tolist():
                if target not in parent:
                    parent[target] = (state, mover)
                    queue.append(target)
    paths: dict[int, list[PathStep]] = {}
    for number in equilibria:
        node = number - 1
        if node not in parent:
            continue
        path: list[PathStep] = []
        while (link := parent[node]) is not None:
            path.append(PathStep(mover=link[1], state=node + 1))
            node = link[0]
        paths[number] = path[::-1]
    return StatusQuoPaths(status_quo=status_quo, paths=paths)
