"""Consistency of a roadmap: its actions, constraints and schedules name each other correctly.

Action ids are local to their roadmap, so the reference walk cannot check them; the loader runs these
checks in its link pass and locates each problem (``roadmaps[0].constraints[1].reward``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from hexatable.case.roadmap_models import (
    BundleConstraint,
    CapacityConstraint,
    DeadlineConstraint,
    GatingConstraint,
    PrecedenceConstraint,
    Roadmap,
)

Path = tuple[str | int, ...]


def roadmap_problems(roadmap: Roadmap) -> Iterator[tuple[Path, str]]:
    """Yield ``(path inside the roadmap, message)`` for each inconsistency."""
    parties = [p.actor for p in roadmap.parties]
    for actor, count in Counter(parties).items():
        if count > 1:
            yield ("parties",), f"party '{actor}' is listed {count} times"
    actions = {a.id: a for a in roadmap.actions}
    seen: set[str] = set()
    for index, action in enumerate(roadmap.actions):
        here: Path = ("actions", index)
        if action.id in seen:
            yield (*here, "id"), f"duplicate action id '{action.id}' in this roadmap"
        seen.add(action.id)
        if action.actor not in parties:
            yield (*here, "actor"), f"'{action.actor}' is not a party of this roadmap"
        for actor, value in action.values.items():
            if actor not in parties:
                yield (*here, "values", actor), f"'{actor}' is not a party of this roadmap"
            elif actor == action.actor and value > 0:
                yield (*here, "values", actor), "the actor's own value is its cost: zero or negative"
    for index, constraint in enumerate(roadmap.constraints):
        for field, action_id in _named_actions(constraint):
            if action_id not in actions:
                yield ("constraints", index, *field), f"unknown action '{action_id}' in this roadmap"
    schedule_ids: set[str] = set()
    for index, schedule in enumerate(roadmap.schedules):
        here = ("schedules", index)
        if schedule.id in schedule_ids:
            yield (*here, "id"), f"duplicate schedule id '{schedule.id}' in this roadmap"
        schedule_ids.add(schedule.id)
        if len(schedule.phases) > roadmap.phases:
            yield (
                (*here, "phases"),
                (
                    f"has {len(schedule.phases)} phases but the roadmap has {roadmap.phases}: "
                    "raise the roadmap's phases or shorten the schedule"
                ),
            )
        totals: Counter[str] = Counter()
        for number, phase in enumerate(schedule.phases):
            for action_id, tranches in phase.tranches.items():
                if action_id not in actions:
                    where = (*here, "phases", number, "tranches", action_id)
                    yield where, f"unknown action '{action_id}' in this roadmap"
                totals[action_id] += tranches
        for action_id, total in totals.items():
            if action_id in actions and total > actions[action_id].tranches:
                yield (
                    here,
                    (
                        f"delivers {total} tranches of '{action_id}', which has only "
                        f"{actions[action_id].tranches}"
                    ),
                )


def _named_actions(
    constraint: PrecedenceConstraint
    | GatingConstraint
    | BundleConstraint
    | CapacityConstraint
    | DeadlineConstraint,
) -> Iterator[tuple[Path, str]]:
    if isinstance(constraint, PrecedenceConstraint):
        yield ("before",), constraint.before
        yield ("after",), constraint.after
    elif isinstance(constraint, GatingConstraint):
        yield ("trigger",), constraint.trigger
        yield ("reward",), constraint.reward
    elif isinstance(constraint, DeadlineConstraint):
        yield ("action",), constraint.action
    else:
        for number, action_id in enumerate(constraint.actions):
            yield ("actions", number), action_id
