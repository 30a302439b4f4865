"""Inverse analysis against enumeration of rankings; sensitivity variants."""

from __future__ import annotations

import itertools
from dataclasses import replace

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from hexatable.conflict import ConflictModel, Ranking, analyse, build_graph
from hexatable.conflict.inverse import inverse_stability
from hexatable.conflict.sensitivity import sensitivity
from tests.conflict.strategies import conflict_models
from tests.oracles.gmcr_models import as_published_elmira, elmira


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(conflict_models(max_dms=3, max_options=3), st.data())
def test_inverse_counts_match_enumeration(model: ConflictModel, data: st.DataObject) -> None:
    graph = build_graph(model)
    count = graph.states.count
    assume(count <= 6)  # every ranking is analysed: at most 720
    state = data.draw(st.integers(1, count))
    expected = {c: inverse_stability(graph, 0, state, c).count for c in ("nash", "gmr", "seq")}
    counted = dict.fromkeys(expected, 0)
    for order in itertools.permutations(range(1, count + 1)):
        first = replace(model.decision_makers[0], preference=Ranking(tuple((n,) for n in order)))
        result = analyse(replace(model, decision_makers=(first, *model.decision_makers[1:])))
        for concept in counted:
            counted[concept] += state in result.stable_for(concept, 0)
    assert counted == expected


def test_sensitivity_of_elmira_to_irreversible_modification() -> None:
    """If the Ministry could withdraw a modification, state 8 would lose its Nash stability: the
    Ministry (ranking 7 3 4 8 …) would move back from 8 to 7."""
    changes = {v.change: v for v in sensitivity(elmira())}
    variant = changes["option 'Modify' made reversible"]
    assert 8 not in as_published_elmira(variant.equilibria["nash"])
    assert len([c for c in changes if c.startswith("Uniroyal: ranking groups")]) == 8
