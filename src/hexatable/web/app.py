"""The FastAPI application: JSON API, WebSocket, room and case explorer pages."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from hexatable import __version__
from hexatable.services.room.service import RoomError, RoomService
from hexatable.web import analyses, api, docs, pages
from hexatable.web.hub import Hub
from hexatable.web.limits import RateLimiter
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


def create_app(
    service: RoomService, *, act_limit: int = 30, join_limit: int = 120, threads: int = 8
) -> FastAPI:
    """The app over a room service; ``act_limit`` actions per seat and ``join_limit`` view requests
    per client address are allowed per 10 seconds. Blocking work (database, views) runs on at most
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
    app.state.act_limiter = RateLimiter(act_limit, 10.0)
    app.state.join_limiter = RateLimiter(join_limit, 10.0)

    @app.exception_handler(RoomError)
    async def room_error(request: Request, error: RoomError) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": error.message}, status_code=error.status)
        return pages.render(
            request, "error.html", {"status": error.status, "message": error.message}, error.status
        )

    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(analyses.router)
    app.include_router(docs.router)
    app.state.tick = lambda: tick(app)
    return app
