"""Score a given schedule: its temptation profile and the constraints it breaks.

This is how an analyst scores a historical sequence or a proposal on the table; the solver reports
its schedules through the same :class:`Evaluation`.

>>> import numpy as np
>>> from hexatable.sequence.model import Action, Party, Roadmap
>>> roadmap = Roadmap(
...     parties=(Party("A"), Party("B", tolerance=1.0)),
...     actions=(Action("pay", "A", 1, {"A": -5.0, "B": 10.0}),
...              Action("ship", "B", 1, {"A": 10.0, "B": -5.0})),
...     phases=2,
... )
>>> result = evaluate(roadmap, np.array([[1, 0], [0, 1]]))
>>> result.worst_excess, result.worst_party, result.worst_phase, result.self_enforcing
(4.0, 'B', 1, False)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from hexatable.sequence.feasibility import violations
from hexatable.sequence.model import Roadmap
from hexatable.sequence.temptation import temptation


@dataclass(frozen=True)
class Evaluation:
    """A schedule with its temptation profile.

    Attributes
    ----------
    parties, actions
        Ids, in the order of the arrays' rows.
    schedule
        ``tranches[action, phase]``.
    temptation
        ``temptation[party, decision point]``; decision point ``t`` is the start of phase ``t``, the
        last one is after the final phase.
    excess
        ``temptation - tolerance`` per party: positive where the party would defect.
    violations
        Names of the constraints the schedule breaks (empty when it is feasible).
    can_defect
        Per party, whether it takes an action of the roadmap. A party that takes none cannot defect:
        its temptation is not applicable (0 in the arrays) and it is never the worst party.
    """

    parties: tuple[str, ...]
    actions: tuple[str, ...]
    schedule: NDArray[np.int64]
    temptation: NDArray[np.float64]
    excess: NDArray[np.float64]
    violations: tuple[str, ...]
    can_defect: tuple[bool, ...]

    def _counted_excess(self) -> NDArray[np.float64]:
        """The excess of the parties that can defect; ``-inf`` for the others."""
        mask = np.array(self.can_defect, dtype=np.bool_)[:, None]
        return np.where(mask, self.excess, -np.inf)

    @property
    def worst_excess(self) -> float:
        """The largest temptation above tolerance, over the parties that can defect and decision points."""
        return float(self._counted_excess().max())

    @property
    def worst_party(self) -> str:
        counted = self._counted_excess()
        q, _ = np.unravel_index(int(np.argmax(counted)), counted.shape)
        return self.parties[int(q)]

    @property
    def worst_phase(self) -> int:
        counted = self._counted_excess()
        _, t = np.unravel_index(int(np.argmax(counted)), counted.shape)
        return int(t)

    @property
    def without_actions(self) -> tuple[str, ...]:
        """The parties that take no action, so cannot defect (their temptation is not applicable)."""
        return tuple(q for q, can in zip(self.parties, self.can_defect, strict=True) if not can)

    @property
    def self_enforcing(self) -> bool:
        """No party's temptation exceeds its tolerance at any decision point."""
        return bool(self.worst_excess <= 1e-9)

    @property
    def feasible(self) -> bool:
        return not self.violations

    @property
    def phases_used(self) -> int:
        """One past the last phase in which anything is delivered (0 for an empty schedule)."""
        active = np.flatnonzero(self.schedule.sum(axis=0) > 0)
        return int(active[-1]) + 1 if active.size else 0

    def _per_party(self, array: NDArray[np.float64]) -> dict[str, list[float] | None]:
        """Rows by party id; ``None`` for a party that cannot defect (not applicable)."""
        return {q: _rounded(array[i]) if self.can_defect[i] else None for i, q in enumerate(self.parties)}

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: tranches per phase, temptation per party and decision point.

        The temptation and excess of a party without actions are ``null`` (not applicable), and the
        party is listed in ``without_actions``.
        """
        return {
            "parties": list(self.parties),
            "actions": list(self.actions),
            "tranches": {a: self.schedule[i].tolist() for i, a in enumerate(self.actions)},
            "temptation": self._per_party(self.temptation),
            "excess": self._per_party(self.excess),
            "without_actions": list(self.without_actions),
            "worst_excess": round(self.worst_excess, 6),
            "worst_party": self.worst_party,
            "worst_phase": self.worst_phase,
            "self_enforcing": self.self_enforcing,
            "phases_used": self.phases_used,
            "violations": list(self.violations),
        }


def _rounded(row: NDArray[np.float64]) -> list[float]:
    return [round(float(v), 6) for v in row]


def _refuse_overfull(roadmap: Roadmap, x: NDArray[np.int64]) -> None:
    """A schedule that delivers more of an action than there is has no meaning: refuse it."""
    if x.shape != (len(roadmap.actions), roadmap.phases):
        return  # the temptation map names the shape
    totals = np.cumsum(x, axis=1)
    for a, action in enumerate(roadmap.actions):
        over = np.flatnonzero(totals[a] > action.tranches)
        if over.size:
            raise ValueError(
                f"action {action.id!r}: {int(totals[a, over[0]])} tranches delivered by phase "
                f"{int(over[0])}, but it has only {action.tranches}"
            )


def evaluate(roadmap: Roadmap, schedule: ArrayLike) -> Evaluation:
    """Score ``schedule`` (``tranches[action, phase]``) against ``roadmap``.

    The temptation is that of :func:`hexatable.sequence.temptation.temptation`; a schedule that
    breaks constraints is still scored, and its violations listed. A schedule that delivers more
    tranches of an action than the action has is not a schedule of the roadmap: :class:`ValueError`.
    """
    x = np.asarray(schedule).astype(np.int64)
    _refuse_overfull(roadmap, x)
    profile = temptation(roadmap, x)
    tolerance = np.array([p.tolerance for p in roadmap.parties])[:, None]
    return Evaluation(
        parties=roadmap.party_ids,
        actions=roadmap.action_ids,
        schedule=x,
        temptation=profile,
        excess=profile - tolerance,
        violations=tuple(violations(roadmap, x)),
        can_defect=tuple(bool(c) for c in roadmap.can_defect()),
    )
