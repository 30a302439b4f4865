"""The fast engine agrees with the brute-force reference (tests/conflict/reference.py) on random models."""

from __future__ import annotations

from unittest.mock import patch

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hexatable.conflict import analyse, build_graph, reach
from hexatable.conflict.coalitions import COALITION_CONCEPTS, coalition_stable
from hexatable.conflict.model import ConflictModel
from hexatable.conflict.reach import reachable_pairs
from tests.conflict.reference import Reference
from tests.conflict.strategies import conflict_models

CONCEPTS = ("nash", "gmr", "smr", "seq", "sim")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(conflict_models())
def test_engine_matches_reference(model: ConflictModel) -> None:
    result = analyse(model)
    reference = Reference(model)
    assert result.graph.states.codes.tolist() == reference.codes
    for concept in CONCEPTS:
        for dm in range(len(model.decision_makers)):
            assert result.stable_for(concept, dm) == reference.stable(concept, dm), (concept, dm)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(conflict_models(min_dms=3, max_dms=3, max_options=8))
def test_three_dm_models_of_up_to_256_states_match(model: ConflictModel) -> None:
    result = analyse(model)
    reference = Reference(model)
    for concept in ("gmr", "seq"):
        for dm in range(3):
            assert result.stable_for(concept, dm) == reference.stable(concept, dm), (concept, dm)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(conflict_models(min_dms=3, max_dms=4, max_options=8), st.data())
def test_coalition_stability_matches_reference(model: ConflictModel, data: st.DataObject) -> None:
    """The vectorised coalition analysis agrees with the definitions, for any coalition of 2+ DMs."""
    dms = len(model.decision_makers)
    members = sorted(data.draw(st.sets(st.integers(0, dms - 1), min_size=2, max_size=dms)))
    graph = build_graph(model)
    reference = Reference(model)
    for concept in COALITION_CONCEPTS:
        fast = (np.flatnonzero(coalition_stable(graph, members, concept)) + 1).tolist()
        assert fast == reference.coalition_stable(concept, members), (concept, members)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(conflict_models(min_dms=2, max_dms=4, max_options=8), st.data())
def test_group_reach_of_every_state_at_once_matches_the_search_from_each(
    model: ConflictModel, data: st.DataObject
) -> None:
    dms = len(model.decision_makers)
    group = sorted(data.draw(st.sets(st.integers(0, dms - 1), min_size=1, max_size=dms)))
    graph = build_graph(model)
    reference = Reference(model)
    movers = [graph.moves[i] for i in group]
    own = sum(model.option_mask(i) for i in group)
    blocks = graph.states.codes & ~own
    # Small chunks and batches, so that several are used: by layers, and as matrices per block.
    with (
        patch.object(reach, "PAIRS_CHUNK", data.draw(st.integers(1, 9))),
        patch.object(reach, "DENSE_CELLS", data.draw(st.integers(1, 200))),
    ):
        by_layers = reachable_pairs(movers, graph.states.count)
        by_blocks = reachable_pairs(movers, graph.states.count, blocks)
    for s, code in enumerate(reference.codes):
        expected = {reference.codes.index(t) for t in reference.group_reach(group, code, reference.moves)}
        assert set(by_layers.targets_of(s).tolist()) == expected - {s}
        assert set(by_blocks.targets_of(s).tolist()) == expected - {s}
