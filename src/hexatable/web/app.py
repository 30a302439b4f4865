"""The FastAPI application: JSON API, WebSocket, room and case explorer pages."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from hexatable import __version__
from hexatable.cli.views import actor_name
from hexatable.services.room.service import RoomError, RoomService
from hexatable.web import analyses, api, console, docs, ingest_review, ledger, pages
from hexatable.web.handoff import Handoffs
from hexatable.web.hub import Hub
from hexatable.web.limits import SEAT_BURST, SEAT_RATE, RateLimiter
from hexatable.web.panel_parts import PanelParts
from hexatable.web.reasons import translate_refusal
from hexatable.web.security import SecurityHeaders


async def tick(app: FastAPI) -> list[str]:
    """End the talks of every session whose clock has run out, and push the news to its seats."""
    service: RoomService = app.state.service
    hub: Hub = app.state.hub
    ended = []
    for session_id in await run_in_threadpool(service.overdue):
        if await run_in_threadpool(service.enforce_clock, session_id):
            ended.append(session_id)
            hub.notify(session_id)
    return ended


async def watch_clocks(app: FastAPI, every: float = 1.0) -> None:
    """Check the clocks once a second while the app runs."""
    while True:
        await asyncio.sleep(every)
        await tick(app)


SESSION_PATH = re.compile(r"/(?:room|api/sessions)/(?P<session>[^/]+)")
"""Where a request names its session (whose seat names a translated refusal uses)."""


def refusal_in(request: Request, message: str, lang: str) -> str:
    """A refusal's ``message`` in ``lang``: the engine's reasons translated, seats named in that language."""
    if lang == "en":
        return message
    names: dict[str, str] = {}
    found = SESSION_PATH.match(request.url.path)
    if found is not None:
        try:
            room = request.app.state.service.room(found["session"])
        except RoomError:
            pass
        else:
            names = {s: actor_name(room.scenario.case, s, lang) for s in room.rules.seats}
    return translate_refusal(message, lang, names)


def create_app(
    service: RoomService,
    *,
    act_limit: int = SEAT_BURST,
    act_rate: float = SEAT_RATE,
    limiter: RateLimiter | None = None,
    join_limit: int = 120,
    threads: int = 8,
    cases: Iterable[str | Path] = (),
) -> FastAPI:
    """The app over a room service. Each seat has one rate limiter for every route and its WebSocket
    (``limiter``, or a burst of ``act_limit`` requests refilled at ``act_rate`` a second); view requests
    are also limited to ``join_limit`` per client address per 10 seconds. Sessions may play the
    built-in cases and case folders under ``cases``. Blocking work (database, views) runs on at most
    ``threads`` threads: more only makes them fight over the interpreter lock."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        watcher = asyncio.get_running_loop().create_task(watch_clocks(app))
        yield
        watcher.cancel()

    app = FastAPI(
        lifespan=lifespan,
        title="hexatable",
        version=__version__,
        description="Negotiation room and case explorer. Seats act with their tokens; see /docs.",
        docs_url=None,  # served by ``docs.router`` from the package's own assets, not a CDN
        redoc_url=None,
    )
    app.add_middleware(SecurityHeaders)
    app.state.service = service
    app.state.hub = Hub(service)
    app.state.handoffs = Handoffs()
    app.state.panel_parts = PanelParts()
    app.state.act_limiter = limiter or RateLimiter(act_limit, act_rate)
    app.state.join_limiter = RateLimiter(join_limit, join_limit / 10.0)
    if cases:
        service.allow_cases(cases)

    @app.exception_handler(RoomError)
    async def room_error(request: Request, error: RoomError) -> Response:
        if request.url.path.startswith("/api"):
            lang = request.query_params.get("lang")  # the API speaks English unless asked otherwise
            detail = await run_in_threadpool(refusal_in, request, error.message, lang or "en")
            return JSONResponse({"detail": detail}, status_code=error.status)
        message = await run_in_threadpool(refusal_in, request, error.message, pages.language(request))
        return pages.render(request, "error.html", {"status": error.status, "message": message}, error.status)

    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(analyses.router)
    app.include_router(ledger.router)
    app.include_router(console.router)
    app.include_router(docs.router)
    app.include_router(ingest_review.router)
    app.state.tick = lambda: tick(app)
    return app
