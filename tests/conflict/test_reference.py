"""The fast engine agrees with the brute-force reference (tests/conflict/reference.py) on random models."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from hexatable.conflict import analyse
from hexatable.conflict.model import ConflictModel
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
