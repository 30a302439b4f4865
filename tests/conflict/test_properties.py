"""Invariants of the stability concepts on random models (hypothesis)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hexatable.conflict import analyse
from hexatable.conflict.model import (
    Condition,
    ConflictModel,
    Conjunction,
    Feasibility,
    OptionPrioritisation,
    Statement,
)
from tests.conflict.strategies import conflict_models

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _subset(small: np.ndarray, large: np.ndarray) -> bool:
    return bool(np.all(~small | large))


@SETTINGS
@given(conflict_models())
def test_concepts_nest_per_dm(model: ConflictModel) -> None:
    """Nash ⊆ SEQ ⊆ GMR and Nash ⊆ SMR ⊆ GMR for every DM (Fang, Hipel & Kilgour 1993, ch. 3)."""
    stable = analyse(model).stable
    assert _subset(stable["nash"], stable["seq"])
    assert _subset(stable["seq"], stable["gmr"])
    assert _subset(stable["nash"], stable["smr"])
    assert _subset(stable["smr"], stable["gmr"])
    assert _subset(stable["nash"], stable["sim"])


@SETTINGS
@given(conflict_models(infeasibility=False))
def test_simultaneous_stability_lies_between_nash_and_gmr(model: ConflictModel) -> None:
    """Nash ⊆ SIM ⊆ GMR when every state is feasible.

    A simultaneous response is one state reached from the improvement by the responding opponents'
    changes; in sequence those changes pass through intermediate states, which are feasible when
    every state is (with infeasible states, SIM can find a sanction GMR cannot: docs/conflict.md).
    """
    stable = analyse(model).stable
    assert _subset(stable["nash"], stable["sim"])
    assert _subset(stable["sim"], stable["gmr"])


def _permute_options(model: ConflictModel, order: list[int]) -> ConflictModel:
    """The same model with option ``order[k]`` moved to position ``k``."""
    new_index = {old: new for new, old in enumerate(order)}

    def conj(conjunction: Conjunction) -> Conjunction:
        return tuple(Condition(new_index[c.option], c.taken) for c in conjunction)

    def statement(st_: Statement) -> Statement:
        return replace(
            st_,
            condition=tuple(conj(c) for c in st_.condition),
            premise=tuple(conj(c) for c in st_.premise),
        )

    dms = []
    for dm in model.decision_makers:
        assert isinstance(dm.preference, OptionPrioritisation)
        preference = OptionPrioritisation(tuple(statement(s) for s in dm.preference.statements))
        dms.append(replace(dm, options=tuple(new_index[k] for k in dm.options), preference=preference))
    rules = model.feasibility
    feasibility = Feasibility(
        infeasible=tuple(conj(c) for c in rules.infeasible),
        mutually_exclusive=tuple(tuple(new_index[k] for k in g) for g in rules.mutually_exclusive),
        at_least_one=tuple(tuple(new_index[k] for k in g) for g in rules.at_least_one),
    )
    return ConflictModel(tuple(model.options[k] for k in order), tuple(dms), feasibility)


def _as_vectors(model: ConflictModel, numbers: list[int], codes: list[int]) -> set[frozenset[str]]:
    return {
        frozenset(model.options[k].name for k in range(len(model.options)) if codes[n - 1] >> k & 1)
        for n in numbers
    }


@SETTINGS
@given(conflict_models(payoffs=False), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_option_or_dm_order(model: ConflictModel, rng: object) -> None:
    import random

    assert isinstance(rng, random.Random)
    order = list(range(len(model.options)))
    rng.shuffle(order)
    shuffled = _permute_options(model, order)
    dm_order = list(range(len(model.decision_makers)))
    rng.shuffle(dm_order)
    shuffled = replace(shuffled, decision_makers=tuple(shuffled.decision_makers[i] for i in dm_order))
    before, after = analyse(model), analyse(shuffled)
    codes_before = before.graph.states.codes.tolist()
    codes_after = after.graph.states.codes.tolist()
    for concept in before.concepts:
        assert _as_vectors(model, before.equilibria(concept), codes_before) == _as_vectors(
            shuffled, after.equilibria(concept), codes_after
        )
        for new_position, old_position in enumerate(dm_order):
            assert _as_vectors(model, before.stable_for(concept, old_position), codes_before) == _as_vectors(
                shuffled, after.stable_for(concept, new_position), codes_after
            )
