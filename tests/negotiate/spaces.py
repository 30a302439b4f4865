"""Synthetic outcome spaces for behaviour tests that must not depend on the built-in case's numbers."""

from __future__ import annotations

import numpy as np

from hexatable.negotiate.space import OutcomeSpace, enumerate_outcomes


def easy_space(seed: int = 0, seats: int = 3, radices: tuple[int, ...] = (3, 3, 3, 3)) -> OutcomeSpace:
    """Additive utilities with random issue weights that pull the seats apart, and reservation values at
    each seat's 20th percentile: a wide zone of agreement, so sensible delegates should nearly always
    find a deal."""
    rng = np.random.default_rng(seed)
    outcomes = enumerate_outcomes(radices)
    rows = []
    for _ in range(seats):
        weights = rng.uniform(1.0, 10.0, len(radices))
        values = [rng.permutation(np.linspace(0.0, 1.0, r)) for r in radices]
        rows.append(sum(w * v[outcomes[:, i]] for i, (w, v) in enumerate(zip(weights, values, strict=True))))
    utilities = np.vstack(rows)
    names = tuple(f"S{k}" for k in range(seats))
    return OutcomeSpace(
        seats=names,
        issues=tuple(f"i{k}" for k in range(len(radices))),
        options=tuple(tuple(f"o{j}" for j in range(r)) for r in radices),
        outcomes=outcomes,
        utilities=utilities,
        reservations=np.quantile(utilities, 0.2, axis=1),
    )
