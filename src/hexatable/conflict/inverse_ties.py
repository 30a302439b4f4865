"""Inverse analysis over rankings with ties (weak orders) of one DM.

With ties, each other state ranks above ``s``, level with it, or below it. Every stability concept
compares the end of a move, a sanction or a counter-move with ``s`` only: a move is an improvement when
it ends above ``s``, and an answer deters when it ends *not above* ``s`` (level counts, as "not
preferred"). So what decides stability is the set ``N`` of states not above ``s`` — the below-set of
the strict case, with the states level with ``s`` counted in it — and the strict analysis already says
which ``N`` make ``s`` stable (:mod:`hexatable.conflict.inverse`, :mod:`hexatable.conflict.inverse_window`).

The weak orders with exactly the states ``N`` not above ``s`` number ``Fub(n-1-|N|) * G(|N|)``: the
states above form any weak order (``Fub(k)``, the ordered Bell or Fubini number, counts the weak orders
of ``k`` items), and of ``N`` some ``j`` form a weak order below ``s`` while the rest tie with it,
``G(m) = sum_j C(m, j) Fub(j)``. With ``f`` states that no condition mentions, a condition on ``b`` of
``m`` relevant states stands for ``sum_j C(f, j) Fub(f-j + m-b) G(b+j)`` weak orders.
"""

from __future__ import annotations

from functools import cache
from math import comb

from hexatable.conflict.graph import GraphModel
from hexatable.conflict.inverse import INVERSE_CONCEPTS, InverseResult, inverse_stability
from hexatable.conflict.inverse_window import MAX_STATES, count_in_window
from hexatable.conflict.model import ModelError


@cache
def fubini(k: int) -> int:
    """Weak orders (rankings with ties) of ``k`` items: 1, 1, 3, 13, 75, 541, 4683, …

    >>> [fubini(k) for k in range(7)]
    [1, 1, 3, 13, 75, 541, 4683]
    """
    return 1 if k == 0 else sum(comb(k, first) * fubini(k - first) for first in range(1, k + 1))


@cache
def level_or_below(m: int) -> int:
    """Ways for ``m`` states to sit level with a given state or in any weak order below it."""
    return sum(comb(m, j) * fubini(j) for j in range(m + 1))


def count_with_ties(graph: GraphModel, dm: int, state: int, concept: str) -> InverseResult:
    """Count the rankings with ties of ``dm`` that make ``state`` stable under ``concept``.

    The result's ``below_sets`` hold the states *not above* the state (below or level with it); the
    state is stable exactly when every state of one of ``minimal_below_sets`` is ranked so.

    The Prisoner's Dilemma, A at state 1 (both defect): Nash-stable unless A ranks state 2 (A
    cooperates alone) above it. Of the 75 weak orders of four states, 13 put 1 and 2 level (a weak
    order of three items) and the other 62 split evenly, so 13 + 31 = 44.

    >>> from hexatable.conflict import ConflictModel, DecisionMaker, Option, Ranking, build_graph
    >>> pd = build_graph(ConflictModel((Option("A cooperates"), Option("B cooperates")), (
    ...     DecisionMaker("A", (0,), Ranking(((3,), (4,), (1,), (2,)))),
    ...     DecisionMaker("B", (1,), Ranking(((2,), (4,), (1,), (3,)))))))
    >>> found = count_with_ties(pd, 0, 1, "nash")
    >>> found.count, found.total, found.minimal_below_sets
    (44, 75, ((2,),))
    """
    n = graph.states.count
    if concept in INVERSE_CONCEPTS:
        closed = inverse_stability(graph, dm, state, concept)
        relevant, below_sets = closed.relevant, closed.below_sets
    elif n <= MAX_STATES:
        relevant = tuple(x for x in range(1, n + 1) if x != state)
        below_sets = count_in_window(graph, dm, state, concept).below_sets
    else:
        raise ModelError(f"{concept.upper()} with ties is counted on models of at most {MAX_STATES} states")
    m = len(relevant)
    free = n - 1 - m
    weight = [
        sum(comb(free, j) * fubini(free - j + m - b) * level_or_below(b + j) for j in range(free + 1))
        for b in range(m + 1)
    ]
    return InverseResult(
        dm=graph.model.decision_makers[dm].name,
        state=state,
        concept=concept,
        count=sum(weight[len(b)] for b in below_sets),
        total=fubini(n),
        relevant=relevant,
        below_sets=below_sets,
        ties=True,
    )
