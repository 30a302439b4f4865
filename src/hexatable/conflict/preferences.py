"""Preferences of each DM as an array of values over the feasible states (higher is preferred).

Option prioritisation (Fang, Hipel, Kilgour & Peng 2003, IEEE SMC-C 33(1), sec. III): statement ``k``
of ``n`` (from 1, most important first) is worth ``2**(n-k)``; a state scores the sum over the statements
it satisfies, so one statement outweighs all those below it. A direct ranking gives each tie group the
value ``groups - position``. Payoffs are taken as given.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from hexatable.conflict.model import (
    ConflictModel,
    ModelError,
    OptionPrioritisation,
    Payoffs,
    Preference,
    Ranking,
    Statement,
    StatementKind,
)
from hexatable.conflict.states import Codes, FeasibleStates, disjunction_holds

MAX_STATEMENTS = 62
"""Scores are exact int64 sums of powers of two, so a DM may have at most 62 statements."""

Values = NDArray[np.float64]


def statement_holds(codes: Codes, statement: Statement) -> NDArray[np.bool_]:
    """Whether each state satisfies ``statement`` (``if``: premise implies condition; ``iff``: equal)."""
    condition = disjunction_holds(codes, statement.condition)
    if statement.kind is StatementKind.PLAIN:
        return condition
    premise = disjunction_holds(codes, statement.premise)
    if statement.kind is StatementKind.IF:
        result: NDArray[np.bool_] = ~premise | condition
        return result
    same: NDArray[np.bool_] = premise == condition
    return same


def prioritisation_scores(codes: Codes, preference: OptionPrioritisation) -> NDArray[np.int64]:
    """The option-prioritisation score of each state: sum of ``2**(n-k)`` over satisfied statements.

    >>> from hexatable.conflict.model import Condition, Statement
    >>> first = Statement(((Condition(0, True),),))
    >>> second = Statement(((Condition(1, False),),))
    >>> prioritisation_scores(np.arange(4), OptionPrioritisation((first, second))).tolist()
    [1, 3, 0, 2]
    """
    n = len(preference.statements)
    if n > MAX_STATEMENTS:
        raise ModelError(f"{n} preference statements: at most {MAX_STATEMENTS} are supported")
    score = np.zeros(codes.shape, dtype=np.int64)
    for k, statement in enumerate(preference.statements, start=1):
        score += statement_holds(codes, statement).astype(np.int64) << (n - k)
    return score


def ranking_values(states: FeasibleStates, ranking: Ranking, dm: str) -> NDArray[np.int64]:
    """Values from a ranking with ties: the first group gets ``len(groups)``, the last 1."""
    values = np.zeros(states.count, dtype=np.int64)
    seen: set[int] = set()
    for position, group in enumerate(ranking.groups):
        for number in group:
            if not 1 <= number <= states.count:
                raise ModelError(f"{dm}: the ranking names state {number}, but states are 1-{states.count}")
            if number in seen:
                raise ModelError(f"{dm}: the ranking names state {number} twice")
            seen.add(number)
            values[number - 1] = len(ranking.groups) - position
    if len(seen) != states.count:
        missing = sorted(set(range(1, states.count + 1)) - seen)
        raise ModelError(f"{dm}: the ranking leaves out state(s) {missing[:10]}")
    return values


def payoff_values(states: FeasibleStates, payoffs: Payoffs, dm: str) -> Values:
    """Values from a payoff per state number."""
    values = np.full(states.count, np.nan)
    for number, value in payoffs.values:
        if not 1 <= number <= states.count:
            raise ModelError(f"{dm}: a payoff is given for state {number}, but states are 1-{states.count}")
        values[number - 1] = value
    if np.isnan(values).any():
        missing = (np.flatnonzero(np.isnan(values)) + 1).tolist()
        raise ModelError(f"{dm}: no payoff for state(s) {missing[:10]}")
    return values


def preference_values(states: FeasibleStates, preference: Preference, dm: str) -> NDArray[np.generic]:
    """The values of one DM's preference over the feasible states."""
    if isinstance(preference, OptionPrioritisation):
        return prioritisation_scores(states.codes, preference)
    if isinstance(preference, Ranking):
        return ranking_values(states, preference, dm)
    return payoff_values(states, preference, dm)


def all_preference_values(model: ConflictModel, states: FeasibleStates) -> Values:
    """``values[dm, state]`` for every DM, as dense ranks (0 = least preferred) so one dtype fits all.

    Dense ranks keep every comparison exact (scores up to ``2**62`` do not survive float64).
    """
    rows = []
    for dm in model.decision_makers:
        raw = preference_values(states, dm.preference, dm.name)
        rows.append(np.unique(raw, return_inverse=True)[1].reshape(-1).astype(np.float64))
    return np.vstack(rows)
