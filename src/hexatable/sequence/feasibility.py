"""Which constraints of a roadmap a schedule breaks, each named as the solver names it.

>>> import numpy as np
>>> from hexatable.sequence.model import Action, Gating, Party, Roadmap
>>> roadmap = Roadmap(
...     parties=(Party("A"), Party("B")),
...     actions=(Action("disable", "A", 2, verification_delay=1), Action("fuel", "B", 2)),
...     phases=3,
...     constraints=(Gating("disable", "fuel"),),
... )
>>> violations(roadmap, np.array([[1, 1, 0], [0, 1, 1]]))
[]
>>> violations(roadmap, np.array([[1, 1, 0], [1, 1, 0]]))
['gating disable -> fuel (phase 0)']
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from hexatable.sequence.model import Bundle, Capacity, Deadline, Gating, Precedence, Roadmap


def completion_name(action_id: str) -> str:
    """The name of the constraint that a required action is delivered in full."""
    return f"complete {action_id}"


def max_per_phase_name(action_id: str, limit: int) -> str:
    return f"at most {limit} tranches of {action_id} per phase"


def verified_totals(roadmap: Roadmap, totals: NDArray[np.int64]) -> NDArray[np.int64]:
    """``verified[action, phase]``: tranches delivered at least ``verification_delay`` phases before."""
    verified = np.zeros_like(totals)
    for a, action in enumerate(roadmap.actions):
        delay = action.verification_delay
        if delay < roadmap.phases:
            verified[a, delay:] = totals[a, : roadmap.phases - delay]
    return verified


def violations(roadmap: Roadmap, schedule: ArrayLike) -> list[str]:
    """Every constraint ``schedule`` breaks, by name, with the first phase where it does.

    Parameters
    ----------
    roadmap
        The roadmap.
    schedule
        Integer tranches ``[action, phase]``.

    Returns
    -------
    list of str
        Empty when the schedule is feasible.
    """
    x = np.asarray(schedule)
    if x.shape != (len(roadmap.actions), roadmap.phases):
        raise ValueError(f"a schedule has shape {(len(roadmap.actions), roadmap.phases)}, not {x.shape}")
    x = x.astype(np.int64)
    found: list[str] = []
    totals = np.cumsum(x, axis=1)
    counts = roadmap.tranche_counts()
    final = totals[:, -1]
    for a, action in enumerate(roadmap.actions):
        if (x[a] < 0).any():
            found.append(f"negative tranches of {action.id} (phase {int(np.argmax(x[a] < 0))})")
        if action.optional:
            if final[a] not in (0, action.tranches):
                found.append(f"{action.id} is optional: deliver all of it or none")
        elif final[a] != action.tranches:
            found.append(completion_name(action.id))
        if action.max_per_phase is not None and (x[a] > action.max_per_phase).any():
            first = int(np.argmax(x[a] > action.max_per_phase))
            found.append(f"{max_per_phase_name(action.id, action.max_per_phase)} (phase {first})")
    verified = verified_totals(roadmap, totals)
    for constraint in roadmap.constraints:
        broken = _broken_phases(roadmap, constraint, x, totals, verified, counts)
        if broken.size:
            found.append(f"{constraint.name} (phase {int(broken[0])})")
    return found


def _broken_phases(
    roadmap: Roadmap,
    constraint: Precedence | Gating | Bundle | Capacity | Deadline,
    x: NDArray[np.int64],
    totals: NDArray[np.int64],
    verified: NDArray[np.int64],
    counts: NDArray[np.int64],
) -> NDArray[np.intp]:
    index = roadmap.action_index
    if isinstance(constraint, Precedence):
        a, b = index(constraint.before), index(constraint.after)
        complete_before = np.concatenate([[False], totals[a, :-1] >= counts[a]])
        bad = (totals[b] > 0) & ~complete_before
    elif isinstance(constraint, Gating):
        a, b = index(constraint.trigger), index(constraint.reward)
        bad = counts[a] * totals[b] > counts[b] * verified[a]
    elif isinstance(constraint, Bundle):
        members = [index(i) for i in constraint.actions]
        first = members[0]
        bad = np.zeros(roadmap.phases, dtype=bool)
        for other in members[1:]:
            bad |= counts[other] * totals[first] != counts[first] * totals[other]
    elif isinstance(constraint, Capacity):
        members = [index(i) for i in constraint.actions]
        bad = x[members].sum(axis=0) > constraint.limit
    else:
        a = index(constraint.action)
        phase = min(constraint.phases, roadmap.phases) - 1
        bad = np.zeros(roadmap.phases, dtype=bool)
        bad[phase] = totals[a, phase] != totals[a, -1]
    return np.flatnonzero(bad)
