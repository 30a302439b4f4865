"""The instructor's console: classes of N tables, every table at once, and results to take away.

Routes only parse input, call :mod:`hexatable.services.room.classes` and
:mod:`hexatable.services.room.results`, and serialise or render what they return. Every route is the
instructor's: a seat's or an observer's token is refused (403) wherever it is presented. The console
page works without JavaScript (forms post and redirect; closing a table asks on a page of its own
first); ``console.js`` keeps the table list live over the console's WebSocket (the server says which
tables changed, the page fetches the list again) and sends the forms to the JSON API.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Request, WebSocket, WebSocketDisconnect
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field, StrictInt
from starlette.concurrency import run_in_threadpool
from starlette.requests import HTTPConnection

from hexatable.case import builtin_case_ids, pick
from hexatable.cli.views import actor_name
from hexatable.negotiate.chair import CHAIRS
from hexatable.negotiate.delegates import STRATEGIES
from hexatable.services.room.classes import MAX_TABLES, MAX_TITLE, Classes, CreatedClass
from hexatable.services.room.results import CSV_COLUMNS, class_results, csv_rows, table_results
from hexatable.services.room.service import ROOM_MECHANISMS, Identity, RoomError, RoomService, SeatPlan
from hexatable.web.api import Caller, CreateSessionBody, SeatPlanBody, join_links, service_of
from hexatable.web.hub import Hub, Watcher
from hexatable.web.i18n import N_, translations
from hexatable.web.limits import RateLimiter
from hexatable.web.pages import (
    INSTRUCTOR_COOKIE,
    builtin_case,
    confirmation_page,
    confirmed,
    form_number,
    hand_off,
    instructor_of,
    language,
    mechanism_names,
    render,
)

router = APIRouter()
CLOSE_TABLE = N_("Close table %(number)s? Its talks end without agreement, for good.")
"""The question before a table is closed (the console's dialog and its no-JavaScript page)."""
DEFAULT_CHAIR = str(CreateSessionBody.model_fields["chair_strategy"].default)
"""The AI chair's strategy when none is chosen: the same as for one session through the API."""


class CreateClassBody(BaseModel):
    """A class to create: ``tables`` sessions of one scenario, each with the same seats and rules."""

    model_config = ConfigDict(extra="forbid")
    tables: StrictInt = Field(..., ge=1, le=MAX_TABLES, description="How many tables (sessions).")
    title: str = Field("", max_length=MAX_TITLE)
    case: str = Field("six-party-talks", max_length=120, description="A built-in case id.")
    scenario: str = Field("six-party-2007", max_length=120)
    seats: dict[str, SeatPlanBody] = Field(
        default_factory=dict, description="Seats not named get an AI delegate, at every table."
    )
    mechanism: str = Field("single-text", max_length=40)
    max_drafts: StrictInt = 20
    walk_out: Literal["vote", "continue", "fail"] = "vote"
    chair_strategy: str = Field(DEFAULT_CHAIR, max_length=40)
    minutes: float | None = Field(None, description="Each table's clock, in minutes.")


class NoticeBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(..., min_length=1, max_length=500)


def classes_of(request: HTTPConnection) -> Classes:
    """The class registry over the app's room service (made on first use)."""
    found: Classes | None = getattr(request.app.state, "classes", None)
    if found is None:
        found = request.app.state.classes = Classes(request.app.state.service)
    return found


def notify(request: Request, sessions: Sequence[str]) -> None:
    """Push the tables' new views to their seats."""
    hub: Hub = request.app.state.hub
    for session_id in sessions:
        hub.notify(session_id)


def class_links(base_url: str, created: CreatedClass) -> list[dict[str, Any]]:
    """Every table's join links: one per person's seat and one for observers."""
    return [
        {"number": number, "id": table.id, "links": join_links(base_url, table)}
        for number, table in enumerate(created.tables, start=1)
    ]


def links_csv(tables: Sequence[Mapping[str, Any]]) -> str:
    """The join links as CSV: table, session, seat (``observer`` for the observers' link), link."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["table", "session", "seat", "link"])
    for table in tables:
        for seat, link in table["links"].items():
            writer.writerow([table["number"], table["id"], seat, link])
    return buffer.getvalue()


def results_csv(results: Sequence[Mapping[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_rows(results))
    return buffer.getvalue()


def attachment(body: str, name: str, media: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"}
    return Response(body, media_type=media, headers=headers)


def json_attachment(content: Any, name: str) -> Response:
    """``content`` as a JSON file to save (``attachment``), never cached."""
    headers = {"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"}
    return JSONResponse(content, headers=headers)


def require_instructor(caller: Identity) -> None:
    if caller.role != "instructor":
        raise RoomError(403, "only the instructor may do this")


# --- JSON API -----------------------------------------------------------------------------------


@router.post("/api/classes", status_code=201)
def create_class(
    body: CreateClassBody,
    request: Request,
    caller: Caller,
    as_: Annotated[Literal["json", "csv"], Query(alias="format")] = "json",
) -> Response:
    """Create a class (instructor only): ``tables`` sessions with the same seats; answers every table's
    join links (shown only now), as JSON or, with ``?format=csv``, as CSV."""
    seats = {seat: SeatPlan(plan.kind, plan.strategy) for seat, plan in body.seats.items()}
    created = classes_of(request).create(
        caller,
        tables=body.tables,
        title=body.title,
        case=body.case,
        scenario=body.scenario,
        seats=seats,
        mechanism=body.mechanism,
        max_drafts=body.max_drafts,
        walk_out=body.walk_out,
        chair_strategy=body.chair_strategy,
        minutes=body.minutes,
    )
    tables = class_links(str(request.base_url), created)
    if as_ == "csv":
        response = attachment(links_csv(tables), f"class-{created.id}-links.csv", "text/csv")
        response.status_code = 201
        return response
    console = f"{str(request.base_url).rstrip('/')}/console/{created.id}"
    body_out = {"id": created.id, "title": created.title, "console": console, "tables": tables}
    return JSONResponse(body_out, status_code=201, headers={"Cache-Control": "no-store"})


@router.get("/api/classes")
def list_classes(request: Request, caller: Caller) -> list[dict[str, Any]]:
    """Every class (instructor only)."""
    return classes_of(request).list_classes(caller)


@router.get("/api/classes/{class_id}")
def class_tables(class_id: str, request: Request, caller: Caller, lang: str = "en") -> dict[str, Any]:
    """The console as JSON: every table's phase, draft, each seat's stance, time left, status."""
    classes = classes_of(request)
    info = classes.get(caller, class_id)
    return {"id": info.id, "title": info.title, "tables": classes.summaries(caller, class_id, lang)}


@router.post("/api/classes/{class_id}/tables/{number}/{action}")
async def table_action(
    class_id: str, number: int, action: Literal["pause", "resume", "close"], request: Request, caller: Caller
) -> dict[str, Any]:
    """Pause, resume or close table ``number`` of the class."""
    classes = classes_of(request)
    if action == "close":
        session_id = await run_in_threadpool(classes.close, caller, class_id, number)
    else:
        session_id = await run_in_threadpool(classes.pause, caller, class_id, number, action == "pause")
    notify(request, [session_id])
    return {"table": number, "session": session_id, "done": action}


@router.post("/api/classes/{class_id}/notices")
async def class_notice(class_id: str, body: NoticeBody, request: Request, caller: Caller) -> dict[str, Any]:
    """A notice to every seat of every table of the class."""
    sessions = await run_in_threadpool(classes_of(request).broadcast, caller, class_id, body.text)
    notify(request, sessions)
    return {"sessions": sessions}


MAX_CONSOLE_FRAME = 1024
"""The longest frame the console's socket reads: the page sends nothing but ``{"type": "ping"}``."""
MAX_TOKEN = 200
CLASS_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""What a class id can look like (they are made by the server); anything else is no class."""


def socket_instructor(connection: HTTPConnection) -> Identity:
    """The instructor, from ``?token=`` or the instructor's cookie (the console pages' credential);
    a :class:`RoomError` (401 without a token, 403 for anyone else's) otherwise."""
    token = connection.query_params.get("token") or connection.cookies.get(INSTRUCTOR_COOKIE)
    if token and len(token) > MAX_TOKEN:
        raise RoomError(403, "this token opens nothing here")
    service: RoomService = connection.app.state.service
    found = service.identify(token)
    require_instructor(found)
    return found


def console_key(class_id: str, client: str | None) -> str:
    """The rate-limit bucket of a console socket: per class and client address. The instructor's own
    routes are not limited, but a socket that answers every frame must not be a way to load the
    server, whoever holds it."""
    return f"console:{class_id[:MAX_TOKEN]}:{client or '?'}"


def console_answer(frame: Mapping[str, Any], allowed: bool) -> dict[str, Any]:
    """The answer to a frame the console's page sent: ``pong`` to ``{"type": "ping"}``, a short
    ``error`` (never the frame echoed back) to anything else, or to any frame over the rate limit."""
    if not allowed:
        return {"type": "error", "status": 429, "detail": "too many frames; slow down"}
    text = frame.get("text")
    if text is None:
        return {"type": "error", "status": 422, "detail": "frame: send text frames of JSON, not binary ones"}
    if len(text) > MAX_CONSOLE_FRAME:
        return {"type": "error", "status": 413, "detail": f"frame: at most {MAX_CONSOLE_FRAME} characters"}
    try:
        message = json.loads(text)
    except (ValueError, RecursionError):
        return {"type": "error", "status": 400, "detail": "frame: not JSON"}
    if message != {"type": "ping"}:
        return {"type": "error", "status": 422, "detail": 'frame: this socket only takes {"type": "ping"}'}
    return {"type": "pong"}


CONSOLE_INTERVAL = 1.0
"""Seconds at least between two messages to a console. The first change after a quiet spell goes out
at once; changes during the next second are merged into one message. Each message costs a fetch of
every table's line (about 3 ms a table), so in a busy class of 50 tables the console costs at most
that once a second, as the 2-second poll it replaces did, instead of once per move."""


async def push_changes(websocket: WebSocket, watcher: Watcher, interval: float = CONSOLE_INTERVAL) -> None:
    """Tell the console which tables changed, as soon as any did, then at most once per ``interval``;
    changes that come meanwhile are merged into the next message."""
    while True:
        tables = await watcher.changes()
        await websocket.send_json({"type": "changed", "tables": tables})
        await asyncio.sleep(interval)


@router.websocket("/api/classes/{class_id}/ws")
async def console_socket(websocket: WebSocket, class_id: str) -> None:
    """The console, live (instructor only, with the console pages' credential: ``?token=`` or the
    instructor's cookie). The server sends ``{"type": "changed", "tables": [1, 3]}`` whenever tables
    of the class change (moves, messages, the clock, pauses, notices; a burst is merged into one
    message), and the page fetches ``/console/{class}/tables`` again. The page may send
    ``{"type": "ping"}`` (answered ``{"type": "pong"}``); any other frame, a binary one, one over
    1 KiB or one over the rate limit answers a short ``{"type": "error", "status", "detail"}`` and the
    connection stays open. Anyone but the instructor, or an unknown class, is closed with code 4000 +
    the HTTP status (4401, 4403, 4404) before the connection opens."""
    try:
        instructor = await run_in_threadpool(socket_instructor, websocket)
        if not CLASS_ID.fullmatch(class_id):  # never a query the database would refuse (NUL, length)
            raise RoomError(404, "no such class")
        info = await run_in_threadpool(classes_of(websocket).get, instructor, class_id)
    except RoomError as error:
        reason = error.message.encode()[:120].decode(errors="ignore")  # a close reason is <= 123 bytes
        await websocket.close(code=4000 + error.status, reason=reason)
        return
    hub: Hub = websocket.app.state.hub
    limiter: RateLimiter = websocket.app.state.act_limiter
    key = console_key(class_id, websocket.client.host if websocket.client else None)
    watcher = Watcher({session_id: number for number, session_id in enumerate(info.sessions, start=1)})
    hub.watch(watcher)  # before the page learns the socket is open: no change falls between the two
    await websocket.accept()
    pushing = asyncio.get_running_loop().create_task(push_changes(websocket, watcher))
    try:
        while True:
            frame = await websocket.receive()
            if frame["type"] == "websocket.disconnect":
                break
            await websocket.send_json(console_answer(frame, limiter.allow(key)))
    except WebSocketDisconnect:
        pass
    finally:
        hub.unwatch(watcher)
        pushing.cancel()


def _class_results(request: Request, caller: Identity, class_id: str) -> dict[str, Any]:
    info = classes_of(request).get(caller, class_id)
    service = service_of(request)
    tables = [table_results(service.room(s), service.log(s)) for s in info.sessions]
    return class_results(info.id, info.title, tables)


def _session_results(request: Request, caller: Identity, session_id: str) -> dict[str, Any]:
    require_instructor(caller)
    service = service_of(request)
    return table_results(service.room(session_id), service.log(session_id))


@router.get("/api/classes/{class_id}/results.json")
def class_results_json(class_id: str, request: Request, caller: Caller) -> Response:
    """Every table's outcome, scores, gains, walk-outs and path of drafts (instructor only)."""
    results = _class_results(request, caller, class_id)
    return json_attachment(results, f"class-{class_id}-results.json")


@router.get("/api/classes/{class_id}/results.csv")
def class_results_csv(class_id: str, request: Request, caller: Caller) -> Response:
    """The same as CSV: one ``seat`` row per seat and table, one ``draft`` row per version."""
    results = _class_results(request, caller, class_id)
    return attachment(results_csv(results["tables"]), f"class-{class_id}-results.csv", "text/csv")


@router.get("/api/sessions/{session_id}/results.json")
def session_results_json(session_id: str, request: Request, caller: Caller) -> Response:
    """One table's outcome (instructor only)."""
    results = _session_results(request, caller, session_id)
    return json_attachment(results, f"session-{session_id}-results.json")


@router.get("/api/sessions/{session_id}/results.csv")
def session_results_csv(session_id: str, request: Request, caller: Caller) -> Response:
    """One table's outcome as CSV."""
    results = _session_results(request, caller, session_id)
    return attachment(results_csv([results]), f"session-{session_id}-results.csv", "text/csv")


# --- pages --------------------------------------------------------------------------------------


def page_instructor(request: Request) -> Identity:
    """The instructor, from ``?token=`` or the instructor's cookie; 403 for anyone else."""
    instructor, _ = instructor_of(request)
    if instructor is None:
        raise RoomError(403, "only the instructor may open the console")
    return instructor


def with_cookie(request: Request, response: Response) -> Response:
    """Keep the instructor's token (given once as ``?token=``) in the instructor's cookie."""
    token = request.query_params.get("token")
    if token:
        response.set_cookie(INSTRUCTOR_COOKIE, token, httponly=True, samesite="strict")
    return response


def form_choices(lang: str) -> dict[str, Any]:
    """What the class form offers: scenarios with their seats (and who chairs), mechanisms, strategies."""
    scenarios = []
    for case_id in builtin_case_ids():
        case = builtin_case(case_id)
        for s in case.scenarios:
            chair = s.chair or s.seats[0]
            scenarios.append(
                {
                    "key": f"{case_id}/{s.id}",
                    "title": pick(s.title, lang),
                    "case": case_id,
                    "chair": chair,
                    "seats": [
                        {"id": x, "name": actor_name(case, x, lang), "chair": x == chair} for x in s.seats
                    ],
                }
            )
    return {
        "scenarios": scenarios,
        "chairs": CHAIRS,
        "default_chair": DEFAULT_CHAIR,
        "mechanisms": ROOM_MECHANISMS,
        "mechanism_names": mechanism_names(lang),
        "strategies": STRATEGIES,
        "max_tables": MAX_TABLES,
        "max_title": MAX_TITLE,
    }


def classes_page(
    request: Request, instructor: Identity, form: Mapping[str, str], message: str | None, status: int
) -> HTMLResponse:
    context = {
        **form_choices(language(request)),
        "classes": classes_of(request).list_classes(instructor),
        "form": form,
        "message": message,
    }
    return render(request, "classes.html", context, status)


@router.get("/console", response_class=HTMLResponse)
def console_home(request: Request) -> Response:
    """The instructor's classes and the form that creates one."""
    instructor = page_instructor(request)
    return with_cookie(request, classes_page(request, instructor, {}, None, 200))


@router.post("/console", response_class=HTMLResponse)
async def create_class_from_form(request: Request) -> Response:
    """Create a class from the form; bad input shows the form again with the message (422). The form
    posts to the page's own address, so the language switch on the answer leads back to the form."""
    instructor = page_instructor(request)
    form = {k: str(v) for k, v in (await request.form()).items()}
    chosen = form.get("scenario", "")
    case_id, _, scenario_id = chosen.partition("/")
    seats: dict[str, SeatPlan] = {}
    for key, value in form.items():
        if key.startswith("seat_"):  # seat_{case}/{scenario}/{seat}: the form lists every scenario's seats
            scope, _, seat = key[5:].rpartition("/")
            if scope == chosen:
                person = value == "person"
                seats[seat] = SeatPlan("person") if person else SeatPlan("ai", value.partition(":")[2])
    try:
        tables = form_number(form.get("tables"), "tables", int)
        if tables is None:
            raise RoomError(422, f"tables: a whole number between 1 and {MAX_TABLES}")
        max_drafts = form_number(form.get("max_drafts"), "max_drafts", int)
        created = await run_in_threadpool(
            classes_of(request).create,
            instructor,
            tables=tables,
            title=form.get("title", ""),
            case=case_id,
            scenario=scenario_id,
            seats=seats,
            mechanism=form.get("mechanism", "single-text"),
            walk_out=form.get("walk_out", "vote"),
            max_drafts=20 if max_drafts is None else max_drafts,
            chair_strategy=form.get("chair_strategy", DEFAULT_CHAIR),
            minutes=form_number(form.get("minutes"), "minutes", float),
        )
    except RoomError as error:
        return classes_page(request, instructor, form, error.message, error.status)
    tables_links = class_links(str(request.base_url), created)
    scenario = next(o for o in form_choices(language(request))["scenarios"] if o["key"] == chosen)
    names = {s["id"]: s["name"] for s in scenario["seats"]}
    context = {
        "created": created,
        "tables": tables_links,
        "seat_names": names,
        "csv_href": "data:text/csv;charset=utf-8," + quote(links_csv(tables_links)),
    }
    return hand_off(request, "class_created.html", context)


def console_context(request: Request, instructor: Identity, class_id: str) -> dict[str, Any]:
    classes = classes_of(request)
    info = classes.get(instructor, class_id)
    return {"class_": info, "tables": classes.summaries(instructor, class_id, language(request), info)}


@router.get("/console/{class_id}", response_class=HTMLResponse)
def console_page(class_id: str, request: Request) -> Response:
    """Every table of the class at once; the table list refreshes in place (console.js)."""
    instructor = page_instructor(request)
    page = render(request, "console.html", console_context(request, instructor, class_id))
    return with_cookie(request, page)


@router.get("/console/{class_id}/tables", response_class=HTMLResponse)
def console_tables(class_id: str, request: Request) -> Response:
    """The table list alone: the fragment console.js fetches to stay live."""
    instructor = page_instructor(request)
    return render(request, "_console_tables.html", console_context(request, instructor, class_id))


@router.post("/console/{class_id}/tables/{number}")
async def console_table_action(class_id: str, number: int, request: Request) -> Response:
    """The no-JavaScript path of the console's pause, resume and close buttons. Closing first answers
    a page that asks for confirmation and changes nothing; its form posts again with ``confirmed=yes``."""
    instructor = page_instructor(request)
    form = await request.form(max_files=0, max_fields=20, max_part_size=1024)
    action = str(form.get("action", ""))
    classes = classes_of(request)
    if action == "close" and not confirmed(form):
        await run_in_threadpool(classes.table, instructor, class_id, number)  # 404 for no such table
        lang = language(request)
        question = translations(lang).gettext(CLOSE_TABLE) % {"number": number}
        return confirmation_page(
            request,
            question,
            N_("Close"),
            f"/console/{class_id}/tables/{number}?lang={lang}",
            [("action", "close")],
            f"/console/{class_id}?lang={lang}",
        )
    if action == "close":
        session_id = await run_in_threadpool(classes.close, instructor, class_id, number)
    elif action in ("pause", "resume"):
        session_id = await run_in_threadpool(classes.pause, instructor, class_id, number, action == "pause")
    else:
        raise RoomError(422, "action: use pause, resume or close")
    notify(request, [session_id])
    return RedirectResponse(f"/console/{class_id}?lang={language(request)}", status_code=303)


@router.post("/console/{class_id}/notice")
async def console_notice(class_id: str, request: Request) -> Response:
    """The no-JavaScript path of the console's notice form."""
    instructor = page_instructor(request)
    said = (await request.form()).get("text")
    sessions = await run_in_threadpool(classes_of(request).broadcast, instructor, class_id, said)
    notify(request, sessions)
    return RedirectResponse(f"/console/{class_id}?lang={language(request)}", status_code=303)
