"""Build the engine's :class:`~hexatable.sequence.model.Roadmap` from a case's ``roadmaps`` record.

>>> from hexatable.case.roadmap_models import Roadmap as RoadmapRecord
>>> cite = [{"source": "s", "locator": "line 1", "quote": "q"}]
>>> record = RoadmapRecord.model_validate({
...     "id": "swap", "title": {"en": "Swap"}, "phases": 2, "provenance": cite,
...     "parties": [{"actor": "USA", "provenance": cite}, {"actor": "PRK", "provenance": cite}],
...     "actions": [{"id": "give", "actor": "USA", "title": {"en": "Give"}, "tranches": 2,
...                  "values": {"USA": -1, "PRK": 2}, "provenance": cite}],
...     "schedules": [{"id": "late", "title": {"en": "Late"}, "provenance": cite,
...                    "phases": [{"tranches": {}}, {"tranches": {}}, {"tranches": {"give": 2}}]}]})
>>> engine_roadmap(record).action_ids, engine_roadmap(record, phases=4).phases
(('give',), 4)
>>> roadmap, schedule = schedule_of(record, "late")
>>> roadmap.phases, schedule.tolist()
(3, [[0, 0, 2]])
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from hexatable.case.roadmap_models import (
    BundleConstraint,
    CapacityConstraint,
    DeadlineConstraint,
    GatingConstraint,
    PrecedenceConstraint,
)
from hexatable.case.roadmap_models import Roadmap as RoadmapRecord
from hexatable.sequence.model import (
    Action,
    Bundle,
    Capacity,
    Constraint,
    Deadline,
    Gating,
    Party,
    Precedence,
    Roadmap,
)


def engine_roadmap(record: RoadmapRecord, phases: int | None = None) -> Roadmap:
    """The engine's roadmap for a case record, over ``phases`` phases (default: the record's)."""
    parties = tuple(
        Party(p.actor, discount=p.discount, detection_lag=p.detection_lag, tolerance=p.tolerance)
        for p in record.parties
    )
    actions = tuple(
        Action(
            a.id,
            actor=a.actor,
            tranches=a.tranches,
            values=dict(a.values),
            reversibility=a.reversibility,
            verification_delay=a.verification_delay,
            optional=a.optional,
            max_per_phase=a.max_per_phase,
        )
        for a in record.actions
    )
    constraints: list[Constraint] = []
    for c in record.constraints:
        if isinstance(c, PrecedenceConstraint):
            constraints.append(Precedence(c.before, c.after))
        elif isinstance(c, GatingConstraint):
            constraints.append(Gating(c.trigger, c.reward))
        elif isinstance(c, BundleConstraint):
            constraints.append(Bundle(tuple(c.actions)))
        elif isinstance(c, CapacityConstraint):
            constraints.append(Capacity(tuple(c.actions), c.limit))
        elif isinstance(c, DeadlineConstraint):
            constraints.append(Deadline(c.action, c.phases))
    return Roadmap(
        parties=parties,
        actions=actions,
        phases=phases or record.phases,
        constraints=tuple(constraints),
    )


def schedule_of(record: RoadmapRecord, schedule_id: str) -> tuple[Roadmap, NDArray[np.int64]]:
    """The engine roadmap over the schedule's own number of phases, and the schedule as an array.

    Raises
    ------
    KeyError
        If the roadmap has no schedule ``schedule_id``.
    """
    found = {s.id: s for s in record.schedules}
    if schedule_id not in found:
        known = ", ".join(found) or "none"
        raise KeyError(f"no schedule '{schedule_id}' in roadmap '{record.id}' (schedules: {known})")
    schedule = found[schedule_id]
    roadmap = engine_roadmap(record, phases=len(schedule.phases))
    array = roadmap.empty_schedule()
    for t, phase in enumerate(schedule.phases):
        for action_id, tranches in phase.tranches.items():
            array[roadmap.action_index(action_id), t] = tranches
    return roadmap, array
