"""The realised schedule of a roadmap: what the ledger says was delivered, phase by phase.

A roadmap's actions name the commitments they carry out; the ledger says how far each commitment went
and when. Read on the phase dates of one of the roadmap's dated schedules (its ``historical`` one when
it has dates), that gives a schedule the sequencing engine can score like any other
(``hexatable roadmap CASE --package ID --evaluate ledger``): the temptation profile of what actually
happened, beside the agreed and the optimal one.

How many of an action's tranches were delivered by the end of a phase:

- for a commitment with a quantity and recorded deliveries, the amount delivered divided by the amount
  of one tranche, rounded down. When several actions share the commitment (each supplier's share of
  the 950,000 t), each counts its own actor's deliveries and one tranche is the quantity divided by the
  sharing actions' tranches together; a lone action counts every delivery;
- otherwise, the share of its tranches given by the best PAM score reached so far (minimal a third,
  intermediate two thirds, complete all), rounded down.

Entries count in the phase by whose last day they had certainly started, and a delivery dated by a
range once the range is over (as in the ledger's queries); entries before the first phase count in the
first, entries after the last are outside the schedule.
A schedule has no negative tranches, so reversals do not take tranches back (the engine's
``reversibility`` models what a reversal is worth); they are reported by the ledger itself.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from hexatable.case.models import Case, Commitment, Implementation
from hexatable.case.roadmap_models import Roadmap, RoadmapAction, RoadmapSchedule, SchedulePhase
from hexatable.ledger.pam import pam_score
from hexatable.ledger.report import LedgerQueryError, entries_by_commitment
from hexatable.ledger.status import delivery_known_by, known_entries

EPSILON = 1e-9
"""Slack for rounding down a share that is whole up to floating-point error."""


@dataclass(frozen=True)
class RealisedSchedule:
    """A roadmap's actions as the ledger records them, on the phases of one of its dated schedules.

    ``unrecorded`` lists the actions the ledger cannot place (no commitment, or no entry of it):
    they deliver nothing in this schedule, which may say more about the sources than about events.
    """

    roadmap: str
    grid: str
    phases: tuple[SchedulePhase, ...]
    unrecorded: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "roadmap": self.roadmap,
            "grid": self.grid,
            "phases": [p.model_dump(mode="json", exclude_none=True) for p in self.phases],
            "unrecorded": list(self.unrecorded),
        }


def dated_grid(roadmap: Roadmap, grid: str | None = None) -> RoadmapSchedule:
    """The schedule whose phase dates are used: ``grid``, else ``historical``, else the first dated one."""
    dated = [s for s in roadmap.schedules if all(p.date is not None for p in s.phases)]
    if grid is not None:
        found = next((s for s in dated if s.id == grid), None)
        if found is None:
            raise LedgerQueryError("--evaluate", f"roadmap '{roadmap.id}' has no dated schedule '{grid}'")
        return found
    if not dated:
        raise LedgerQueryError(
            "--evaluate",
            f"roadmap '{roadmap.id}' has no schedule with a date on every phase to read the ledger on",
        )
    return next((s for s in dated if s.id == "historical"), dated[0])


def realised_schedule(case: Case, roadmap: Roadmap, *, grid: str | None = None) -> RealisedSchedule:
    """The tranches of each action of ``roadmap`` delivered per phase, according to ``case``'s ledger."""
    chosen = dated_grid(roadmap, grid)
    ledger = entries_by_commitment(case)
    commitments = {c.id: c for c in case.commitments()}
    ends = [phase.date.latest() for phase in chosen.phases if phase.date is not None]
    cumulative: dict[str, list[int]] = {}
    unrecorded: list[str] = []
    for action in roadmap.actions:
        commitment = commitments.get(action.commitment) if action.commitment else None
        entries = ledger.get(action.commitment, []) if action.commitment else []
        if commitment is None or not entries:
            unrecorded.append(action.id)
            cumulative[action.id] = [0] * len(ends)
            continue
        sharing = [a for a in roadmap.actions if a.commitment == action.commitment]
        by_amount = commitment.quantity is not None and any(e.delivered is not None for e in entries)
        cumulative[action.id] = [
            _tranches_by(action, sharing, commitment, known_entries(entries, end), by_amount, end)
            for end in ends
        ]
    phases = []
    for t, phase in enumerate(chosen.phases):
        tranches = {
            action_id: done[t] - (done[t - 1] if t else 0)
            for action_id, done in cumulative.items()
            if done[t] - (done[t - 1] if t else 0) > 0
        }
        phases.append(SchedulePhase(label=phase.label, date=phase.date, tranches=tranches))
    return RealisedSchedule(roadmap.id, chosen.id, tuple(phases), tuple(unrecorded))


def _tranches_by(
    action: RoadmapAction,
    sharing: Sequence[RoadmapAction],
    commitment: Commitment,
    entries: Sequence[Implementation],
    by_amount: bool,
    end: dt.date,
) -> int:
    """Tranches of ``action`` delivered by the entries: by the amounts delivered when ``by_amount``
    (the commitment has a quantity and recorded deliveries), else by the best PAM score reached."""
    if by_amount and commitment.quantity is not None:
        deliveries = [e.delivered for e in entries if e.delivered is not None and delivery_known_by(e, end)]
        own = [d for d in deliveries if len(sharing) == 1 or d.by == action.actor]
        per_tranche = commitment.quantity.amount / sum(a.tranches for a in sharing)
        if per_tranche <= 0:
            return 0
        return min(action.tranches, math.floor(sum(d.amount for d in own) / per_tranche + EPSILON))
    best = score = 0
    for entry in entries:
        score = pam_score(entry.status, score)
        best = max(best, score)
    return math.floor(action.tranches * best / 3 + EPSILON)
