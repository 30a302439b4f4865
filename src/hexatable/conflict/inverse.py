"""Inverse analysis: which preference rankings of one DM make a chosen state stable.

With the other DMs' preferences fixed, whether state ``s`` is Nash, GMR or SEQ stable for DM ``i``
depends only on *which states i ranks below s*: every move ``t`` in ``R_i(s)`` must be ranked below
``s`` or be answered by a sanction ``u`` ranked below ``s``, and the sanction sets — the opponents'
legal sequences of moves (GMR) or of their own improvements (SEQ) from ``t`` — do not depend on
``i``'s preferences (Kinsara, Petersons, Hipel & Kilgour 2015, "Advanced decision support for the graph
model for conflict resolution", J. Decision Systems 24(2), on inverse GMCR). So instead of the ``n!``
strict rankings we enumerate the subsets ``B`` of the *relevant* states (moves and their sanctions)
placed below ``s``, and count the rankings compatible with each: a ranking with ``b`` states below
``s`` is one of ``b! (n-1-b)!``. The other ``f`` states are free: a relevant subset of size ``b``
counts ``sum_j C(f, j) (b+j)! (n-1-b-j)!`` rankings. The whole ranking is the window here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from math import comb, factorial

import numpy as np

from hexatable.conflict.graph import GraphModel
from hexatable.conflict.model import ModelError
from hexatable.conflict.reach import reachable_set

INVERSE_CONCEPTS = ("nash", "gmr", "seq")
MAX_RELEVANT = 24
"""Relevant states enumerated as subsets; beyond this the question is refused as too large."""


@dataclass(frozen=True)
class InverseResult:
    """How many strict rankings of the DM make the state stable, and the conditions that do.

    ``below_sets`` lists each admissible choice of the relevant states ranked below the state (state
    numbers); ``relevant`` are the states that matter, all others may go anywhere. Putting more states
    below never makes a state less stable, so the minimal ones say it all: the state is stable exactly
    when the DM ranks below it every state of one of ``minimal_below_sets``.
    """

    dm: str
    state: int
    concept: str
    count: int
    total: int
    relevant: tuple[int, ...]
    below_sets: tuple[tuple[int, ...], ...]
    ties: bool = False
    """Whether rankings with ties are counted (then a below-set holds the states not above the state)."""

    def to_json(self) -> dict[str, object]:
        return {
            "dm": self.dm,
            "state": self.state,
            "concept": self.concept,
            "ties": self.ties,
            "count": self.count,
            "total": self.total,
            "relevant": list(self.relevant),
            "below_sets": [list(b) for b in self.below_sets],
            "minimal_below_sets": [list(b) for b in self.minimal_below_sets],
        }

    @property
    def minimal_below_sets(self) -> tuple[tuple[int, ...], ...]:
        return minimal_sets(self.below_sets)


def minimal_sets(sets: Sequence[Sequence[int]]) -> tuple[tuple[int, ...], ...]:
    """The sets of ``sets`` that contain no other of them, smallest first.

    >>> minimal_sets([(1, 3), (1, 3, 4), (1, 6), (1, 4, 6), (3, 4)])
    ((1, 3), (1, 6), (3, 4))
    """
    ordered = sorted({tuple(sorted(x)) for x in sets}, key=lambda x: (len(x), x))
    kept: list[tuple[int, ...]] = []
    for candidate in ordered:
        if not any(set(k) <= set(candidate) for k in kept):
            kept.append(candidate)
    return tuple(kept)


def inverse_stability(graph: GraphModel, dm: int, state_number: int, concept: str) -> InverseResult:
    """Count (and characterise) the strict rankings of ``dm`` under which the state is stable.

    >>> from hexatable.conflict import ConflictModel, DecisionMaker, Option, Ranking, build_graph
    >>> pd = ConflictModel((Option("A cooperates"), Option("B cooperates")), (
    ...     DecisionMaker("A", (0,), Ranking(((3,), (4,), (1,), (2,)))),
    ...     DecisionMaker("B", (1,), Ranking(((2,), (4,), (1,), (3,))))))
    >>> inverse_stability(build_graph(pd), 0, 1, "nash").count   # 1 above 2 in half of the 24
    12
    """
    if concept not in INVERSE_CONCEPTS:
        raise ModelError(f"inverse analysis covers {', '.join(INVERSE_CONCEPTS)}")
    n = graph.states.count
    s = state_number - 1
    moves = graph.moves[dm].targets_of(s).tolist()
    sanctions: list[set[int]] = []
    for t in moves:
        if concept == "nash":
            sanctions.append(set())
        else:
            movers = [
                graph.improvements[j] if concept == "seq" else graph.moves[j] for j in graph.opponents(dm)
            ]
            sanctions.append(set(reachable_set(t, movers)))
    relevant = sorted(({*moves} | set().union(*sanctions)) - {s})
    if len(relevant) > MAX_RELEVANT:
        raise ModelError(f"{len(relevant)} relevant states: inverse analysis handles at most {MAX_RELEVANT}")
    position = {state: k for k, state in enumerate(relevant)}
    m = len(relevant)
    subsets = np.arange(1 << m, dtype=np.int64)
    ok = np.ones(subsets.size, dtype=bool)
    for t, answers in zip(moves, sanctions, strict=True):
        bit = 1 << position[t]
        answer_bits = sum(1 << position[u] for u in answers if u != s)
        sanctioned_by_s = s in answers
        ok &= ((subsets & bit) != 0) | ((subsets & answer_bits) != 0) | sanctioned_by_s
    sizes = np.array([bin(int(b)).count("1") for b in subsets[ok]], dtype=np.int64)
    free = n - 1 - m
    weight = [
        sum(comb(free, j) * factorial(b + j) * factorial(n - 1 - b - j) for j in range(free + 1))
        for b in range(m + 1)
    ]
    count = sum(weight[int(b)] for b in sizes)
    below = tuple(
        tuple(relevant[k] + 1 for k in range(m) if int(code) >> k & 1) for code in subsets[ok].tolist()
    )
    return InverseResult(
        dm=graph.model.decision_makers[dm].name,
        state=state_number,
        concept=concept,
        count=count,
        total=factorial(n),
        relevant=tuple(r + 1 for r in relevant),
        below_sets=below,
    )
