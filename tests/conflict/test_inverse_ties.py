"""Inverse analysis over rankings with ties, against analysing the model once per weak order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import combinations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from hexatable.conflict import ConflictModel, Ranking, analyse, build_graph
from hexatable.conflict.inverse_ties import count_with_ties, fubini
from tests.conflict.strategies import conflict_models
from tests.oracles.gmcr_models import syria_iraq

CONCEPTS = ("nash", "gmr", "smr", "seq", "sim")


def weak_orders(items: tuple[int, ...]) -> Iterator[tuple[tuple[int, ...], ...]]:
    """Every ranking with ties of ``items``, as tie groups from the most preferred."""
    if not items:
        yield ()
        return
    for size in range(1, len(items) + 1):
        for first in combinations(items, size):
            rest = tuple(x for x in items if x not in first)
            for tail in weak_orders(rest):
                yield (first, *tail)


def counted_by_enumeration(model: ConflictModel, state: int) -> dict[str, int]:
    n = build_graph(model).states.count
    counted = dict.fromkeys(CONCEPTS, 0)
    for groups in weak_orders(tuple(range(1, n + 1))):
        first = replace(model.decision_makers[0], preference=Ranking(groups))
        result = analyse(replace(model, decision_makers=(first, *model.decision_makers[1:])))
        for concept in CONCEPTS:
            counted[concept] += state in result.stable_for(concept, 0)
    return counted


def test_weak_orders_are_counted_by_the_fubini_numbers() -> None:
    assert [sum(1 for _ in weak_orders(tuple(range(k)))) for k in range(6)] == [fubini(k) for k in range(6)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(conflict_models(max_dms=3, max_options=3), st.data())
def test_counts_with_ties_match_analysing_every_weak_order(model: ConflictModel, data: st.DataObject) -> None:
    graph = build_graph(model)
    n = graph.states.count
    assume(n <= 5)
    state = data.draw(st.integers(1, n))
    expected = counted_by_enumeration(model, state)
    found = {c: count_with_ties(graph, 0, state, c) for c in CONCEPTS}
    assert {c: f.count for c, f in found.items()} == expected
    assert {f.total for f in found.values()} == {fubini(n)}


def test_syria_iraq_with_ties() -> None:
    """Syria's ranking free with ties (4,683 weak orders of six states), Iraq's fixed.

    By hand for Nash: state 2 is stable when neither 1 nor 3 is above it. Of the three other states
    (4, 5, 6), j join 1 and 3 at or below 2 and 3 − j go above: the states above form a weak order
    (Fub(3 − j)), and the 2 + j not above either tie with 2 or form a weak order below it (G(2 + j),
    G = 6, 26, 150, 1082). Sum over j of C(3, j) Fub(3 − j) G(2 + j) = 78 + 234 + 450 + 1082 = 1844.
    """
    model = syria_iraq()
    graph = build_graph(model)
    found = {c: count_with_ties(graph, 0, 2, c) for c in CONCEPTS}
    assert found["nash"].count == 1844
    assert {c: f.count for c, f in found.items()} == counted_by_enumeration(model, 2)
    assert found["seq"].minimal_below_sets == ((1, 3), (1, 6), (3, 4), (4, 6))
    assert found["nash"].total == 4683
