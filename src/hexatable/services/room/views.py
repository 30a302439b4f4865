"""What each participant of a room may see: the pure function from state to view.

A seat sees the agenda, the drafts, everyone's public answers and plenary messages, its own brief and
score sheet (with its score of every draft), and the side rooms it belongs to. An observer sees the
public part only. The instructor sees everything. When the talks end, the debrief shows every party's
score and where the agreement sits relative to the Pareto frontier.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from hexatable.case import pick
from hexatable.negotiate.protocol import Event, Message, Object, Reserve, Support
from hexatable.negotiate.talks import TalksState, expected_utility

if TYPE_CHECKING:
    from hexatable.services.room.service import Identity, Room


def public_view(room: Room, talks: TalksState, history: Sequence[Event], lang: str = "en") -> dict[str, Any]:
    """What every participant sees: the table, the drafts, public answers, plenary, the debrief.

    Drafts are of the current phase, shown as whole packages: what earlier phases fixed plus the
    draft's own options (issues of later phases are absent). Each agenda item says whether it is
    ``settled``, ``open`` in this phase, or ``later``."""
    scenario = room.scenario
    case = scenario.case
    space = scenario.analysis.space
    definition = case.scenario_index[scenario.scenario_id]
    state = talks.phase
    open_issues = set(state.rules.issues)

    def standing(issue: str) -> str:
        if issue in open_issues and talks.status == "open":
            return "open"
        return "settled" if issue in talks.fixed else "later"

    view: dict[str, Any] = {
        "session": {
            "id": room.id,
            "title": pick(definition.title, lang),
            "scenario": scenario.scenario_id,
            "mechanism": room.mechanism,
            "chair": state.rules.chair,
            "status": talks.status,
            "reason": talks.reason,
            "version": state.version,
            "round": state.round,
            "in_recess": state.in_recess,
            "max_drafts": state.rules.max_drafts,
            "agreement": talks.agreement,
            "phase": {
                "number": talks.number + 1,
                "count": len(talks.talks.phases),
                "name": talks.phase_name,
                "issues": list(state.rules.issues),
                "seats": list(state.rules.seats),
            },
            "phases": [
                {"name": o.name, "issues": list(o.issues), "status": o.status, "reason": o.reason}
                for o in talks.done
            ],
            "seats": [
                {
                    "seat": seat,
                    "name": pick(case.actor_index[seat].short, lang)
                    or pick(case.actor_index[seat].names, lang),
                    "kind": room.seats[seat].kind,
                    "seated": seat in state.seated or seat not in state.rules.seats,
                }
                for seat in room.rules.seats
            ],
        },
        "agenda": [
            {
                "issue": issue,
                "standing": standing(issue),
                "title": pick(case.issue_index[issue].title, lang),
                "options": [
                    {"id": o.id, "label": pick(o.label, lang)} for o in case.issue_index[issue].options
                ],
            }
            for issue in space.issues
        ],
        "settled": dict(talks.fixed),
        "drafts": [
            {"version": n, "options": talks.draft_options(d)} for n, d in enumerate(state.drafts, start=1)
        ],
        "responses": {seat: _answer(r) for seat, r in state.responses.items()},
        "awaiting": state.awaiting(),
        "amendments": {seat: dict(changes) for seat, changes in state.amendments.items()},
        "messages": [{"seat": e.seat, "text": e.text} for e in history if isinstance(e, Message)],
    }
    if talks.status != "open":
        view["debrief"] = _debrief(room, talks)
    return view


def personal_view(
    room: Room,
    talks: TalksState,
    room_events: Sequence[dict[str, Any]],
    identity: Identity,
    public: dict[str, Any],
    lang: str = "en",
) -> dict[str, Any]:
    """The public view plus what only ``identity`` may see: its brief and sheet, its side rooms."""
    scenario = room.scenario
    space = scenario.analysis.space
    definition = scenario.case.scenario_index[scenario.scenario_id]
    view = {**public, "you": {"role": identity.role, "seat": identity.seat}}
    if identity.role == "seat" and identity.seat is not None:
        sheet = next(s for s in definition.sheets if s.seat == identity.seat)
        utility = space.utility_of(identity.seat)
        view["own"] = {
            "brief": pick(sheet.brief, lang),
            "reservation": sheet.reservation,
            "points": sheet.points,
            "interactions": [i.model_dump(mode="json") for i in sheet.interactions],
            "best": space.memo(("best", identity.seat), lambda: float(utility.max())),
            # A draft of a phase leaves later issues open: its score is the expected one over them.
            "scores": [
                expected_utility(space, identity.seat, talks.draft_options(d)) for d in talks.phase.drafts
            ],
        }
    visible_rooms = [
        e
        for e in room_events
        if e["type"] == "side_room" and (identity.role == "instructor" or identity.seat in e["members"])
    ]
    numbers = {e["room"] for e in visible_rooms}
    view["side_rooms"] = [
        {
            "room": e["room"],
            "members": e["members"],
            "messages": [
                {"seat": m["seat"], "text": m["text"]}
                for m in room_events
                if m["type"] == "side_message" and m["room"] == e["room"] and m["room"] in numbers
            ],
        }
        for e in visible_rooms
    ]
    return view


def _answer(response: Support | Object | Reserve) -> dict[str, Any]:
    if isinstance(response, Object):
        return {"answer": "object", "issue": response.issue}
    return {"answer": "support" if isinstance(response, Support) else "reserve"}


def _debrief(room: Room, talks: TalksState) -> dict[str, Any]:
    analysis = room.scenario.analysis
    space = analysis.space
    index = talks.agreement
    if index is None:
        scores = dict(zip(space.seats, space.reservations.tolist(), strict=True))
        return {"agreement": None, "scores": scores, "gains": dict.fromkeys(space.seats, 0.0)}
    values = space.utilities[:, index]
    return {
        "agreement": space.describe(index),
        "scores": {s: float(v) for s, v in zip(space.seats, values, strict=True)},
        "gains": {s: float(v - r) for s, v, r in zip(space.seats, values, space.reservations, strict=True)},
        "distance_to_frontier": analysis.distance_to_frontier(index),
        "nash": space.describe(analysis.nash) if analysis.nash is not None else None,
    }
