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
from hexatable.negotiate.protocol import Event, Message, Object, Reserve, State, Support

if TYPE_CHECKING:
    from hexatable.services.room.service import Identity, Room


def public_view(room: Room, state: State, history: Sequence[Event], lang: str = "en") -> dict[str, Any]:
    """What every participant sees: the table, the drafts, public answers, plenary, the debrief."""
    scenario = room.scenario
    case = scenario.case
    space = scenario.analysis.space
    definition = case.scenario_index[scenario.scenario_id]

    def drafted(options: Sequence[str]) -> dict[str, str]:
        return dict(zip(space.issues, options, strict=True))

    view: dict[str, Any] = {
        "session": {
            "id": room.id,
            "title": pick(definition.title, lang),
            "scenario": scenario.scenario_id,
            "chair": room.rules.chair,
            "status": state.status,
            "reason": state.reason,
            "version": state.version,
            "round": state.round,
            "in_recess": state.in_recess,
            "max_drafts": room.rules.max_drafts,
            "agreement": state.agreement,
            "seats": [
                {
                    "seat": seat,
                    "name": pick(case.actor_index[seat].short, lang)
                    or pick(case.actor_index[seat].names, lang),
                    "kind": room.seats[seat].kind,
                    "seated": seat in state.seated,
                }
                for seat in room.rules.seats
            ],
        },
        "agenda": [
            {
                "issue": issue,
                "title": pick(case.issue_index[issue].title, lang),
                "options": [
                    {"id": o.id, "label": pick(o.label, lang)} for o in case.issue_index[issue].options
                ],
            }
            for issue in space.issues
        ],
        "drafts": [{"version": n, "options": drafted(d)} for n, d in enumerate(state.drafts, start=1)],
        "responses": {seat: _answer(r) for seat, r in state.responses.items()},
        "awaiting": state.awaiting(),
        "amendments": {seat: dict(changes) for seat, changes in state.amendments.items()},
        "messages": [{"seat": e.seat, "text": e.text} for e in history if isinstance(e, Message)],
    }
    if state.status != "open":
        view["debrief"] = _debrief(room, state)
    return view


def personal_view(
    room: Room,
    state: State,
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
            "scores": [float(utility[space.index_of_options(d)]) for d in state.drafts],
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


def _debrief(room: Room, state: State) -> dict[str, Any]:
    analysis = room.scenario.analysis
    space = analysis.space
    if state.agreement is None:
        scores = dict(zip(space.seats, space.reservations.tolist(), strict=True))
        return {"agreement": None, "scores": scores, "gains": dict.fromkeys(space.seats, 0.0)}
    index = space.index_of_options(state.drafts[state.agreement - 1])
    values = space.utilities[:, index]
    return {
        "agreement": space.describe(index),
        "scores": {s: float(v) for s, v in zip(space.seats, values, strict=True)},
        "gains": {s: float(v - r) for s, v, r in zip(space.seats, values, space.reservations, strict=True)},
        "distance_to_frontier": analysis.distance_to_frontier(index),
        "nash": space.describe(analysis.nash) if analysis.nash is not None else None,
    }
