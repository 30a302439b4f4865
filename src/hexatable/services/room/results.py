"""Results to take away: a table's outcome, and a class's, as plain data for JSON and CSV.

Pure functions over a session's log (:meth:`RoomService.log`) and its fixed rules (:class:`Room`): the
log is folded again through the engine's protocol, recording on the way what the live state forgets
(every draft's answers, every walk-out). The web layer only serialises what these return.

A table's result holds its status and reason, the agreed text (issue by issue, in English and Chinese),
each seat's score, reservation value and gain over it (a table without agreement scores every seat at
its reservation value, a gain of 0), whether the seat is party to the agreement (a seat away when the
talks agreed is not), its walk-outs, and the path of drafts: every version of every phase with who
supported, objected (and on which issue) and reserved. Under alternating offers the drafts are the
offers, and *supported* lists who accepted each.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from hexatable.case import Case, pick
from hexatable.negotiate.alternating import (
    Accept,
    OfferRules,
    OfferState,
    Propose,
    apply_offer,
    offer_event_from_dict,
)
from hexatable.negotiate.protocol import (
    Object,
    Reserve,
    Return,
    Support,
    TableDraft,
    WalkOut,
    event_from_dict,
)
from hexatable.negotiate.talks import TalksState, advance, begin
from hexatable.services.room.service import INSTRUCTOR_EVENTS, ROOM_EVENTS
from hexatable.services.room.views import OFFERS_PHASE

if TYPE_CHECKING:
    from hexatable.services.room.service import Room

SEAT_COLUMNS = (
    "record",
    "table",
    "session",
    "status",
    "reason",
    "agreement",
    "seat",
    "kind",
    "strategy",
    "score",
    "reservation",
    "gain",
    "party",
    "walk_outs",
)
DRAFT_COLUMNS = ("phase", "version", "by", "text", "supported", "objected", "reserved")
CSV_COLUMNS = (*SEAT_COLUMNS, *DRAFT_COLUMNS)
"""The CSV's columns: ``record`` is ``seat`` (one row per seat and table: the outcome) or ``draft`` (one
row per version: the path of drafts); each kind fills its own columns."""


def table_results(room: Room, log: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The outcome of one table (session) from its whole log."""
    space = room.scenario.analysis.space
    case = room.scenario.case
    state: TalksState | OfferState = (
        OfferState(room.talks) if isinstance(room.talks, OfferRules) else begin(room.talks)
    )
    drafts: list[dict[str, Any]] = []
    current: dict[tuple[int, int], dict[str, Any]] = {}  # (phase number, version) -> its draft record
    walk_outs: list[dict[str, Any]] = []
    for record in log:
        if record["type"] in ROOM_EVENTS or record["type"] in INSTRUCTOR_EVENTS:
            continue
        data = {k: v for k, v in record.items() if k != "seq"}
        if isinstance(state, OfferState):
            offer_event = offer_event_from_dict(data)
            state = apply_offer(state, offer_event)
            if isinstance(offer_event, Propose):
                package = dict(zip(space.issues, offer_event.options, strict=True))
                drafts.append(_draft(OFFERS_PHASE, len(state.offers), offer_event.seat, package))
                drafts[-1]["supported"].append(offer_event.seat)
            elif isinstance(offer_event, Accept):
                drafts[offer_event.offer - 1]["supported"].append(offer_event.seat)
            continue
        event = event_from_dict(data)
        phase, name, version = state.number, state.phase_name, state.phase.version
        state = advance(state, event)
        if isinstance(event, TableDraft):
            package = {**state.fixed, **dict(zip(state.rules.issues, event.options, strict=True))}
            drafts.append(_draft(name, state.phase.version, event.seat, package))
            current[(phase, state.phase.version)] = drafts[-1]
        elif isinstance(event, Support | Object | Reserve):
            answered = current[(phase, event.version)]
            _forget(answered, event.seat)  # a seat may change its answer: the last one stands
            if isinstance(event, Object):
                answered["objected"][event.seat] = event.issue
            else:
                answered["supported" if isinstance(event, Support) else "reserved"].append(event.seat)
        elif isinstance(event, WalkOut | Return):
            if isinstance(event, WalkOut) and (phase, version) in current:
                _forget(current[(phase, version)], event.seat)  # leaving the table withdraws its answer
            walk_outs.append({"seat": event.seat, "phase": name, "version": version, "type": event.type})
    agreement = _agreement(state, room)
    absent = state.absent if isinstance(state, TalksState) else frozenset()
    seats = []
    for row, seat in enumerate(space.seats):
        reservation = float(space.reservations[row])
        score = float(space.utilities[row, agreement]) if agreement is not None else reservation
        plan = room.seats[seat]
        seats.append(
            {
                "seat": seat,
                "kind": plan.kind,
                "strategy": plan.strategy,
                "score": score,
                "reservation": reservation,
                "gain": score - reservation,
                "party": agreement is not None and seat not in absent,
                "walk_outs": sum(1 for w in walk_outs if w["seat"] == seat and w["type"] == "walk_out"),
            }
        )
    described = space.describe(agreement) if agreement is not None else None
    return {
        "session": room.id,
        "scenario": room.scenario.scenario_id,
        "mechanism": room.mechanism,
        "status": state.status,
        "reason": state.reason,
        "agreement": described,
        "agreed_text": {lang: agreed_text(case, described, lang) for lang in ("en", "zh")}
        if described
        else None,
        "seats": seats,
        "walk_outs": walk_outs,
        "drafts": drafts,
    }


def class_results(class_id: str, title: str, tables: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """A class's results: its tables' results in table order, numbered from 1, and how many agreed."""
    numbered = [{"table": n, **t} for n, t in enumerate(tables, start=1)]
    agreed = sum(1 for t in tables if t["status"] in ("agreed", "agreed-without"))
    return {"class": class_id, "title": title, "tables": numbered, "agreed": agreed}


def agreed_text(case: Case, agreement: Mapping[str, str], lang: str) -> str:
    """The agreed package as text: ``Issue: option; …`` in ``lang``."""
    separator, colon = ("；", "：") if lang == "zh" else ("; ", ": ")
    parts = []
    for issue_id, option_id in agreement.items():
        issue = case.issue_index[issue_id]
        label = next(pick(o.label, lang) for o in issue.options if o.id == option_id)
        parts.append(f"{pick(issue.title, lang)}{colon}{label}")
    return separator.join(parts)


def csv_rows(results: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Tables' results as CSV rows (:data:`CSV_COLUMNS`): each table's seats, then its drafts."""
    rows: list[dict[str, Any]] = []
    for number, result in enumerate(results, start=1):
        table = result.get("table", number)
        agreement = "; ".join(f"{k}={v}" for k, v in (result["agreement"] or {}).items())
        common = {"table": table, "session": result["session"]}
        for seat in result["seats"]:
            rows.append(
                {
                    "record": "seat",
                    **common,
                    "status": result["status"],
                    "reason": result["reason"],
                    "agreement": agreement,
                    **{k: seat[k] for k in SEAT_COLUMNS[6:]},
                }
            )
        for draft in result["drafts"]:
            rows.append(
                {
                    "record": "draft",
                    **common,
                    "phase": draft["phase"],
                    "version": draft["version"],
                    "by": draft["by"],
                    "text": "; ".join(f"{k}={v}" for k, v in draft["options"].items()),
                    "supported": " ".join(draft["supported"]),
                    "objected": " ".join(f"{s}:{i}" for s, i in draft["objected"].items()),
                    "reserved": " ".join(draft["reserved"]),
                }
            )
    return rows


def _draft(phase: str, version: int, by: str, options: Mapping[str, str]) -> dict[str, Any]:
    return {
        "phase": phase,
        "version": version,
        "by": by,
        "options": dict(options),
        "supported": [],
        "objected": {},
        "reserved": [],
    }


def _forget(draft: dict[str, Any], seat: str) -> None:
    """Remove ``seat``'s answer to ``draft``."""
    draft["supported"] = [s for s in draft["supported"] if s != seat]
    draft["reserved"] = [s for s in draft["reserved"] if s != seat]
    draft["objected"].pop(seat, None)


def _agreement(state: TalksState | OfferState, room: Room) -> int | None:
    """The agreed outcome's index in the scenario's space, if the talks agreed."""
    if isinstance(state, TalksState):
        return state.agreement
    if state.agreement is None:
        return None
    return room.scenario.analysis.space.index_of_options(state.offers[state.agreement - 1][1])
