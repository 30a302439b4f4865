"""What each participant of a room may see: the pure function from state to view.

A seat sees the agenda, the drafts, everyone's public answers and plenary messages, its own brief and
score sheet (with its score of every draft), and the side rooms it belongs to. An observer sees the
public part only. The instructor sees everything. When the talks end, the debrief shows every party's
score and where the agreement sits relative to the Pareto frontier.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from hexatable.case import pick
from hexatable.negotiate.alternating import OfferEvent, OfferState
from hexatable.negotiate.analysis import Analysis
from hexatable.negotiate.protocol import Event, Message, Object, Reserve, Support
from hexatable.negotiate.talks import TalksState, expected_utility

if TYPE_CHECKING:
    from hexatable.services.room.service import Identity, Room


OFFERS_PHASE = "alternating offers"
"""The one phase of a session under stacked alternating offers, as views name it."""


def public_view(
    room: Room, talks: TalksState | OfferState, history: Sequence[Event | OfferEvent], lang: str = "en"
) -> dict[str, Any]:
    """What every participant sees: the table, the drafts, public answers, plenary, the debrief.

    Drafts are of the current phase, shown as whole packages: what earlier phases fixed plus the
    draft's own options (issues of later phases are absent). Each agenda item says whether it is
    ``settled``, ``open`` in this phase, or ``later``."""
    if isinstance(talks, OfferState):
        return _offers_view(room, talks, history, lang)
    scenario = room.scenario
    case = scenario.case
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
            "walk_out": room.rules.walk_out,
            "vote": [seat for seat in state.rules.seats if seat in state.vote],
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
            "seats": _seats(room, lambda seat: seat in state.seated or seat not in state.rules.seats, lang),
        },
        "agenda": _agenda(room, standing, lang),
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
        view["debrief"] = _debrief(room, talks.agreement)
        view["debrief"]["path"] = [
            {"phase": o.name, "version": n, "options": dict(package)}
            for o in talks.done
            for n, package in enumerate(o.packages, start=1)
        ]
    return view


def _offers_view(
    room: Room, state: OfferState, history: Sequence[Event | OfferEvent], lang: str
) -> dict[str, Any]:
    """The public view of stacked alternating offers: the offers so far (as ``drafts``, so a seat's
    scores line up with them), who accepted the standing one, and whose turn it is."""
    scenario = room.scenario
    space = scenario.analysis.space
    definition = scenario.case.scenario_index[scenario.scenario_id]
    agreement = space.index_of_options(state.offers[state.agreement - 1][1]) if state.agreement else None
    view: dict[str, Any] = {
        "session": {
            "id": room.id,
            "title": pick(definition.title, lang),
            "scenario": scenario.scenario_id,
            "mechanism": room.mechanism,
            "chair": None,
            "turn": state.turn_seat if state.status == "open" else None,
            "status": state.status,
            "reason": state.reason,
            "version": len(state.offers),
            "round": state.round,
            "in_recess": False,
            "max_drafts": state.rules.max_rounds,
            "agreement": agreement,
            "phase": {
                "number": 1,
                "count": 1,
                "name": OFFERS_PHASE,
                "issues": list(space.issues),
                "seats": list(state.rules.seats),
            },
            "phases": [],
            "seats": _seats(room, lambda _: True, lang),
        },
        "agenda": _agenda(room, lambda _: "open", lang),
        "settled": {},
        "drafts": [
            {"version": n, "seat": who, "options": dict(zip(space.issues, options, strict=True))}
            for n, (who, options) in enumerate(state.offers, start=1)
        ],
        "accepted": [s for s in state.rules.seats if s in state.accepted],
        "responses": {},
        "awaiting": [state.turn_seat] if state.status == "open" else [],
        "amendments": {},
        "messages": [{"seat": e.seat, "text": e.text} for e in history if isinstance(e, Message)],
    }
    if state.status != "open":
        view["debrief"] = _debrief(room, agreement)
        view["debrief"]["path"] = [
            {"phase": OFFERS_PHASE, "version": d["version"], "options": d["options"]} for d in view["drafts"]
        ]
    return view


def _seats(room: Room, seated: Callable[[str], bool], lang: str) -> list[dict[str, Any]]:
    case = room.scenario.case
    return [
        {
            "seat": seat,
            "name": pick(case.actor_index[seat].short, lang) or pick(case.actor_index[seat].names, lang),
            "kind": room.seats[seat].kind,
            "seated": seated(seat),
        }
        for seat in room.rules.seats
    ]


def _agenda(room: Room, standing: Callable[[str], str], lang: str) -> list[dict[str, Any]]:
    case = room.scenario.case
    return [
        {
            "issue": issue,
            "standing": standing(issue),
            "title": pick(case.issue_index[issue].title, lang),
            "options": [{"id": o.id, "label": pick(o.label, lang)} for o in case.issue_index[issue].options],
        }
        for issue in room.scenario.analysis.space.issues
    ]


def personal_view(
    room: Room,
    talks: TalksState | OfferState,
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
            "scores": [expected_utility(space, identity.seat, d["options"]) for d in public["drafts"]],
        }
    visible_rooms = [
        e
        for e in room_events
        if e["type"] == "side_room" and (identity.role == "instructor" or identity.seat in e["members"])
    ]
    # Numbered among the rooms this participant is in (1..k), so the numbers say nothing about others'.
    view["side_rooms"] = [
        {
            "room": number,
            "members": e["members"],
            "messages": [
                {"seat": m["seat"], "text": m["text"]}
                for m in room_events
                if m["type"] == "side_message" and m["room"] == e["room"]
            ],
        }
        for number, e in enumerate(visible_rooms, start=1)
    ]
    return view


def _answer(response: Support | Object | Reserve) -> dict[str, Any]:
    if isinstance(response, Object):
        return {"answer": "object", "issue": response.issue}
    return {"answer": "support" if isinstance(response, Support) else "reserve"}


def _debrief(room: Room, index: int | None) -> dict[str, Any]:
    """Every party's score, reservation value and gain; the Nash and Kalai–Smorodinsky solutions of the
    scenario (packages and every party's score there) to set the result against."""
    analysis = room.scenario.analysis
    space = analysis.space
    reservations = dict(zip(space.seats, space.reservations.tolist(), strict=True))
    solutions = {"nash": analysis.nash, "kalai_smorodinsky": analysis.kalai_smorodinsky}
    benchmarks: dict[str, Any] = {}
    for name, solution in solutions.items():
        benchmarks[name] = space.describe(solution) if solution is not None else None
        benchmarks[f"{name}_scores"] = (
            {s: float(v) for s, v in zip(space.seats, space.utilities[:, solution], strict=True)}
            if solution is not None
            else None
        )
    if index is None:
        return {
            "agreement": None,
            "scores": dict(reservations),
            "reservations": reservations,
            "gains": dict.fromkeys(space.seats, 0.0),
            **benchmarks,
        }
    values = space.utilities[:, index]
    return {
        "agreement": space.describe(index),
        "scores": {s: float(v) for s, v in zip(space.seats, values, strict=True)},
        "reservations": reservations,
        "gains": {s: float(v - r) for s, v, r in zip(space.seats, values, space.reservations, strict=True)},
        "distance_to_frontier": analysis.distance_to_frontier(index),
        **benchmarks,
    }


def frontier_chart(analysis: Analysis, seat: str | None, agreement: dict[str, str] | None) -> dict[str, Any]:
    """The debrief's frontier chart in gains over each party's reservation value, seen by ``seat`` (the
    first seat for the instructor and observers): its own gain across, the sum of the others' up; the
    Pareto frontier, the Nash and Kalai–Smorodinsky solutions and the agreement, if any, as points."""
    space = analysis.space
    mine = seat if seat in space.seats else space.seats[0]
    row = space.seat_index(mine)
    others = [i for i in range(len(space.seats)) if i != row]
    gains = space.utilities - space.reservations[:, None]

    def point(index: int | None) -> dict[str, float] | None:
        if index is None:
            return None
        return {"x": float(gains[row, index]), "y": float(gains[others, index].sum())}

    return {
        "seat": mine,
        "x": gains[row, analysis.frontier].tolist(),
        "y": gains[others][:, analysis.frontier].sum(axis=0).tolist(),
        "agreement": point(space.index_of(agreement) if agreement else None),
        "nash": point(analysis.nash),
        "kalai_smorodinsky": point(analysis.kalai_smorodinsky),
    }
