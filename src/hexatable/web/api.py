"""The JSON API under ``/api`` (OpenAPI at ``/docs``): thin routes over the room service."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Query, Request, WebSocket, WebSocketDisconnect
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from hexatable.services.room.service import Created, Identity, RoomError, RoomService, SeatPlan
from hexatable.web.hub import Connection, Hub
from hexatable.web.limits import RateLimiter

router = APIRouter(prefix="/api")


class SeatPlanBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["person", "ai"] = "person"
    strategy: str = "boulware"


class CreateSessionBody(BaseModel):
    """A session to create: the scenario, who takes each seat, and the rules."""

    model_config = ConfigDict(extra="forbid")
    case: str = Field("six-party-talks", description="A built-in case id or a case folder on the server.")
    scenario: str = "six-party-2007"
    seats: dict[str, SeatPlanBody] = Field(
        default_factory=dict, description="Seats not named get an AI delegate."
    )
    mechanism: str = "single-text"
    max_drafts: int = 20
    walk_out: Literal["continue", "fail"] = "continue"
    chair_strategy: str = "hill-climb"
    title: str = ""
    minutes: float | None = Field(
        None, description="The clock: the talks end without agreement after this long."
    )


class CreatedSession(BaseModel):
    id: str
    seat_tokens: dict[str, str]
    observer_token: str
    links: dict[str, str]


def join_links(base_url: str, created: Created) -> dict[str, str]:
    """One link per person's seat and one for observers (the tokens are shown only once)."""
    base = base_url.rstrip("/")
    links = {seat: f"{base}/room/{created.id}?token={token}" for seat, token in created.seat_tokens.items()}
    links["observer"] = f"{base}/room/{created.id}?token={created.observer_token}"
    return links


def service_of(request: Request) -> RoomService:
    service: RoomService = request.app.state.service
    return service


def token_of(authorization: str | None, token: str | None) -> str | None:
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return token


async def identity(
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
    token: Annotated[str | None, Query()] = None,
) -> Identity:
    """The caller's identity, from ``Authorization: Bearer TOKEN``, ``?token=`` or the room's cookie.

    Async on purpose: after a token's first use its identity is answered from memory, so a thread hop
    would cost more than the lookup."""
    session_id = request.path_params.get("session_id")
    found = token_of(authorization, token) or cookie_token(request.cookies, session_id)
    return service_of(request).identify(found, session_id)


def cookie_token(cookies: Mapping[str, str], session_id: str | None) -> str | None:
    """The seat token the room page left in a cookie, or the instructor's."""
    seat = cookies.get(f"hx_seat_{session_id}") if session_id else None
    return seat or cookies.get("hx_instructor")


Caller = Annotated[Identity, Depends(identity)]


def limit(request: Request, key: str, limiter_name: str) -> None:
    limiter: RateLimiter = getattr(request.app.state, limiter_name)
    if not limiter.allow(key):
        raise RoomError(429, "too many requests; slow down")


@router.post("/sessions", response_model=CreatedSession, status_code=201)
def create_session(body: CreateSessionBody, request: Request, caller: Caller) -> CreatedSession:
    """Create a session (instructor only); returns one join token per person's seat and an observer token."""
    seats = {seat: SeatPlan(plan.kind, plan.strategy) for seat, plan in body.seats.items()}
    created = service_of(request).create(
        caller,
        case=body.case,
        scenario=body.scenario,
        seats=seats,
        mechanism=body.mechanism,
        max_drafts=body.max_drafts,
        walk_out=body.walk_out,
        chair_strategy=body.chair_strategy,
        title=body.title,
        minutes=body.minutes,
    )
    links = join_links(str(request.base_url), created)
    return CreatedSession(
        id=created.id, seat_tokens=created.seat_tokens, observer_token=created.observer_token, links=links
    )


@router.get("/sessions")
def list_sessions(request: Request, caller: Caller) -> list[dict[str, Any]]:
    """Every session (instructor only)."""
    return service_of(request).list_sessions(caller)


@router.get("/sessions/{session_id}/view")
def session_view(session_id: str, request: Request, caller: Caller, lang: str = "en") -> dict[str, Any]:
    """What the caller may see: its own brief and sheet, the public table, its side rooms."""
    limit(request, f"join:{request.client.host if request.client else '?'}", "join_limiter")
    return service_of(request).view(caller, session_id, lang)


@router.post("/sessions/{session_id}/events")
async def post_event(
    session_id: str, event: dict[str, Any], request: Request, caller: Caller
) -> dict[str, Any]:
    """Act: ``{"type": "support", "version": 3}``, ``{"type": "object", "version": 3, "issue": "hfo"}``,
    ``{"type": "table_draft", "options": [...]}``, ``{"type": "side_room", "members": ["USA"]}``, …
    The seat is the caller's; an event the rules refuse answers 409 with the reason and changes nothing."""
    limit(request, f"act:{caller.seat}:{session_id}", "act_limiter")
    appended = await run_in_threadpool(service_of(request).act, caller, session_id, event)
    hub: Hub = request.app.state.hub
    hub.notify(session_id)
    return {"appended": appended}


@router.get("/sessions/{session_id}/log")
def session_log(session_id: str, request: Request, caller: Caller) -> JSONResponse:
    """The whole event log (instructor only), for download and replay."""
    if caller.role != "instructor":
        raise RoomError(403, "only the instructor may download the log")
    service = service_of(request)
    service.room(session_id)
    headers = {"Content-Disposition": f'attachment; filename="session-{session_id}.json"'}
    return JSONResponse(service.log(session_id), headers=headers)


@router.websocket("/sessions/{session_id}/ws")
async def session_socket(
    websocket: WebSocket, session_id: str, token: str | None = None, lang: str = "en"
) -> None:
    """Live view: the server pushes ``{"type": "view", ...}`` after every change; the client may send
    ``{"type": "event", "event": {...}}`` to act (answers ``{"type": "error", ...}`` when refused)."""
    service: RoomService = websocket.app.state.service
    hub: Hub = websocket.app.state.hub
    try:
        caller = service.identify(token or cookie_token(websocket.cookies, session_id), session_id)
        service.room(session_id)
    except RoomError as error:
        await websocket.close(code=4000 + error.status, reason=error.message)
        return
    await websocket.accept()
    connection = Connection(websocket, caller, lang)
    hub.add(session_id, connection)
    try:
        await hub.send_view(session_id, connection)
        while True:
            message = await websocket.receive_json()
            if (
                not isinstance(message, dict)
                or message.get("type") != "event"
                or not isinstance(message.get("event"), dict)
            ):
                await websocket.send_json(
                    {"type": "error", "status": 422, "detail": 'send {"type": "event", "event": {...}}'}
                )
                continue
            try:
                await run_in_threadpool(service.act, caller, session_id, message["event"])
            except RoomError as error:
                await websocket.send_json({"type": "error", "status": error.status, "detail": error.message})
                continue
            hub.notify(session_id)
    except WebSocketDisconnect:
        pass
    finally:
        hub.remove(session_id, connection)
