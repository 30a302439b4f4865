"""Feasible states of a conflict model, numbered as GMCR+ numbers them.

Option ``k`` contributes ``2**k`` to a state's *code*; the feasible codes, sorted, are numbered from 1
(Fang, Hipel & Kilgour 1993, ch. 2, "decimalization"). All rules are applied to whole arrays of codes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from hexatable.conflict.model import ConflictModel, Conjunction, Disjunction, ModelError

CHUNK_BITS = 20
"""Codes are scanned in chunks of ``2**CHUNK_BITS`` so memory stays bounded."""

Codes = NDArray[np.int64]


def conjunction_holds(codes: Codes, conjunction: Conjunction) -> NDArray[np.bool_]:
    """Whether each code satisfies every condition of ``conjunction`` (an empty one always holds).

    >>> from hexatable.conflict.model import Condition
    >>> conjunction_holds(np.arange(4), (Condition(0, True), Condition(1, False))).tolist()
    [False, True, False, False]
    """
    taken = sum(1 << c.option for c in conjunction if c.taken)
    not_taken = sum(1 << c.option for c in conjunction if not c.taken)
    result: NDArray[np.bool_] = ((codes & taken) == taken) & ((codes & not_taken) == 0)
    return result


def disjunction_holds(codes: Codes, disjunction: Disjunction) -> NDArray[np.bool_]:
    """Whether each code satisfies at least one conjunction of ``disjunction``."""
    held = np.zeros(codes.shape, dtype=bool)
    for conjunction in disjunction:
        held |= conjunction_holds(codes, conjunction)
    return held


def feasible_mask(model: ConflictModel, codes: Codes) -> NDArray[np.bool_]:
    """Which codes pass every feasibility rule of ``model``."""
    ok = np.ones(codes.shape, dtype=bool)
    for conjunction in model.feasibility.infeasible:
        ok &= ~conjunction_holds(codes, conjunction)
    for group in model.feasibility.mutually_exclusive:
        count = sum(((codes >> k) & 1) for k in group)
        ok &= np.asarray(count) <= 1
    for group in model.feasibility.at_least_one:
        bits = sum(1 << k for k in group)
        ok &= (codes & bits) != 0
    return ok


@dataclass(frozen=True)
class FeasibleStates:
    """The feasible states: ``codes[i]`` is the code of state number ``i + 1``."""

    codes: Codes
    option_count: int

    @property
    def count(self) -> int:
        return int(self.codes.size)

    def index_of(self, targets: Codes) -> NDArray[np.int64]:
        """The index of each code in ``codes``, or -1 where it is not a feasible state."""
        position = np.searchsorted(self.codes, targets)
        position = np.minimum(position, self.codes.size - 1)
        found = self.codes[position] == targets
        return np.where(found, position, -1).astype(np.int64)

    def vectors(self) -> NDArray[np.bool_]:
        """``vectors[i, k]``: whether state ``i + 1`` takes option ``k``."""
        bits = np.arange(self.option_count, dtype=np.int64)
        result: NDArray[np.bool_] = ((self.codes[:, None] >> bits) & 1).astype(bool)
        return result

    def number_of(self, code: int) -> int:
        """The state number (from 1) of a feasible code."""
        index = int(self.index_of(np.array([code], dtype=np.int64))[0])
        if index < 0:
            raise ModelError(f"code {code} is not a feasible state")
        return index + 1


def feasible_states(model: ConflictModel) -> FeasibleStates:
    """Enumerate the feasible states of ``model`` in GMCR+ order.

    >>> from hexatable.conflict.model import (ConflictModel, Option, DecisionMaker, Feasibility,
    ...     Condition, Payoffs)
    >>> model = ConflictModel(
    ...     options=(Option("a"), Option("b")),
    ...     decision_makers=(DecisionMaker("A", (0,), Payoffs(())), DecisionMaker("B", (1,), Payoffs(()))),
    ...     feasibility=Feasibility(infeasible=((Condition(0, True), Condition(1, True)),)),
    ... )
    >>> feasible_states(model).codes.tolist()
    [0, 1, 2]
    """
    n = len(model.options)
    total = 1 << n
    step = 1 << CHUNK_BITS
    parts = []
    for start in range(0, total, step):
        codes = np.arange(start, min(total, start + step), dtype=np.int64)
        parts.append(codes[feasible_mask(model, codes)])
    codes = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    if codes.size == 0:
        raise ModelError("no state is feasible: the feasibility rules exclude every state")
    return FeasibleStates(codes=codes, option_count=n)
