"""The JSON API under ``/api`` (OpenAPI at ``/docs``): thin routes over the room service.

Every input is bounded and typed before it reaches the service: request bodies are read up to
:data:`~hexatable.services.room.moves.MAX_BODY` bytes, moves are checked against their schema
(:mod:`hexatable.services.room.moves`, the same for REST, the form and the WebSocket), and every route
a seat can call draws on the seat's one rate limiter (:mod:`hexatable.web.limits`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Query, Request, WebSocket, WebSocketDisconnect
from fastapi.responses import JSONResponse
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from starlette.concurrency import run_in_threadpool

from hexatable.services.room.moves import (
    MAX_BODY,
    MAX_CASE,
    MAX_TITLE,
    MOVES,
    Id,
    no_control_characters,
)
from hexatable.services.room.service import (
    DEFAULT_CHAIR,
    Created,
    Identity,
    RoomError,
    RoomService,
    SeatPlan,
)
from hexatable.web.hub import Connection, Hub
from hexatable.web.i18n import pick_language
from hexatable.web.limits import RateLimiter, seat_key

router = APIRouter(prefix="/api")
Name = Annotated[str, StringConstraints(min_length=1, max_length=40), AfterValidator(no_control_characters)]


class SeatPlanBody(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    kind: Literal["person", "ai"] = "person"
    strategy: Name = "boulware"


class CreateSessionBody(BaseModel):
    """A session to create: the scenario, who takes each seat, and the rules (types are strict:
    ``"max_drafts": true`` is refused, not read as 1)."""

    model_config = ConfigDict(extra="forbid", strict=True)
    case: Annotated[
        str, StringConstraints(min_length=1, max_length=MAX_CASE), AfterValidator(no_control_characters)
    ] = Field(
        "six-party-talks",
        description="A built-in case id, or a case folder under a folder the server was started with "
        "(`hexatable serve --cases DIR`), by name or path.",
    )
    scenario: Id = "six-party-2007"
    seats: dict[Id, SeatPlanBody] = Field(
        default_factory=dict, max_length=32, description="Seats not named get an AI delegate."
    )
    mechanism: Name = "single-text"
    max_drafts: int = Field(20, ge=1, le=200)
    walk_out: Literal["vote", "continue", "fail"] = "vote"
    chair_strategy: Name = DEFAULT_CHAIR
    title: Annotated[str, StringConstraints(max_length=MAX_TITLE), AfterValidator(no_control_characters)] = ""
    minutes: float | None = Field(
        None, gt=0, le=24 * 60, description="The clock: the talks end without agreement after this long."
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
    token: Annotated[str | None, Query(max_length=200)] = None,
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
Language = Annotated[str, Query(max_length=16, description="en or zh (others fall back to English)")]


def view_language(lang: str) -> str:
    """``lang`` if the app speaks it, else English, as documented: views are built and kept per
    language at each position of a session's log, so ``?lang=xx``, ``?lang=xy``, ... must not each
    build and keep a copy of the English view."""
    return pick_language(lang, None, None)


def limit(request: Request, key: str, limiter_name: str) -> None:
    limiter: RateLimiter = getattr(request.app.state, limiter_name)
    if not limiter.allow(key):
        raise RoomError(429, "too many requests; slow down")


def limit_seat(request: Request | WebSocket, caller: Identity) -> None:
    """Draw on the caller's one bucket (every route a seat uses shares it); 429 when it is empty."""
    key = seat_key(caller, request.client.host if request.client else None)
    limiter: RateLimiter = request.app.state.act_limiter
    if key is not None and not limiter.allow(key):
        raise RoomError(429, "too many requests; slow down")


def parse_json(data: bytes | str, what: str) -> Any:
    """JSON of at most :data:`MAX_BODY` bytes; 413 or 400 naming ``what`` otherwise."""
    if len(data) > MAX_BODY:
        raise RoomError(413, f"{what}: at most {MAX_BODY} bytes")
    try:
        return json.loads(data)
    except (ValueError, RecursionError):
        raise RoomError(400, f"{what}: not JSON") from None


async def read_body(request: Request) -> bytes:
    """The request's body, refused (413) as soon as it passes :data:`MAX_BODY` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise RoomError(413, f"body: at most {MAX_BODY} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise RoomError(413, f"body: at most {MAX_BODY} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _inlined(schema: Any, definitions: Mapping[str, Any]) -> Any:
    """``schema`` with its local ``$ref``s replaced by the definitions (OpenAPI resolves refs against
    its own document, not the schema's ``$defs``)."""
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            return _inlined(definitions[ref.removeprefix("#/$defs/")], definitions)
        return {k: _inlined(v, definitions) for k, v in schema.items() if k != "mapping"}
    if isinstance(schema, list):
        return [_inlined(v, definitions) for v in schema]
    return schema


def _move_schema() -> dict[str, Any]:
    schema = MOVES.json_schema()
    definitions = schema.pop("$defs", {})
    inlined: dict[str, Any] = _inlined(schema, definitions)
    return inlined


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
def session_view(session_id: str, request: Request, caller: Caller, lang: Language = "en") -> dict[str, Any]:
    """What the caller may see: its own brief and sheet, the public table, its side rooms."""
    limit(request, f"join:{request.client.host if request.client else '?'}", "join_limiter")
    limit_seat(request, caller)
    return service_of(request).view(caller, session_id, view_language(lang))


@router.post(
    "/sessions/{session_id}/events",
    openapi_extra={
        "requestBody": {"required": True, "content": {"application/json": {"schema": _move_schema()}}}
    },
)
async def post_event(session_id: str, request: Request, caller: Caller) -> dict[str, Any]:
    """Act: ``{"type": "support", "version": 3}``, ``{"type": "object", "version": 3, "issue": "hfo"}``,
    ``{"type": "table_draft", "options": [...]}``, ``{"type": "side_room", "members": ["USA"]}``, …
    The seat is the caller's. A body that is not JSON answers 400, one over 32 KiB 413, a move that
    does not fit its schema 422 naming the field (``{"detail": "text: ..."}``), a move the rules refuse
    409 with the reason; none of them changes anything. Returns the events appended as the caller sees
    them (none when the move repeats the seat's standing answer)."""
    limit_seat(request, caller)
    event = parse_json(await read_body(request), "body")
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
    websocket: WebSocket,
    session_id: str,
    token: Annotated[str | None, Query(max_length=200)] = None,
    lang: Language = "en",
) -> None:
    """Live view: the server pushes ``{"type": "view", ...}`` after every change that changes the
    caller's view; the client may send ``{"type": "event", "event": {...}}`` to act. A frame that is
    binary, not JSON, over 32 KiB, not of that shape, over the seat's rate limit, or refused by the
    schema or the rules answers ``{"type": "error", "status", "detail"}`` and the connection stays open."""
    service: RoomService = websocket.app.state.service
    hub: Hub = websocket.app.state.hub
    try:
        # A token not seen since start-up and a session not yet opened are database queries: in the
        # thread pool, not on the event loop every other socket's pushes run on.
        caller = await run_in_threadpool(
            open_socket, service, token or cookie_token(websocket.cookies, session_id), session_id
        )
    except RoomError as error:
        await websocket.close(code=4000 + error.status, reason=error.message)
        return
    await websocket.accept()
    connection = Connection(websocket, caller, view_language(lang))
    hub.add(session_id, connection)
    try:
        await hub.send_view(session_id, connection)
        while True:
            frame = await websocket.receive()
            if frame["type"] == "websocket.disconnect":
                break
            try:
                limit_seat(websocket, caller)
                await run_in_threadpool(service.act, caller, session_id, event_of_frame(frame))
            except RoomError as error:
                await websocket.send_json({"type": "error", "status": error.status, "detail": error.message})
                continue
            hub.notify(session_id)
    except WebSocketDisconnect:
        pass
    finally:
        hub.remove(session_id, connection)


def open_socket(service: RoomService, token: str | None, session_id: str) -> Identity:
    """Who a new socket is, once its session is known to exist (a :class:`RoomError` otherwise)."""
    caller = service.identify(token, session_id)
    service.room(session_id)
    return caller


def event_of_frame(frame: Mapping[str, Any]) -> Any:
    """The event a WebSocket frame carries: ``{"type": "event", "event": {...}}`` as text; a
    :class:`RoomError` (for an error message, not a dropped connection) otherwise."""
    text = frame.get("text")
    if text is None:
        raise RoomError(422, "frame: send text frames of JSON, not binary ones")
    message = parse_json(text, "frame")
    if (
        not isinstance(message, dict)
        or message.get("type") != "event"
        or not isinstance(message.get("event"), dict)
    ):
        raise RoomError(422, 'frame: send {"type": "event", "event": {...}}')
    return message["event"]
