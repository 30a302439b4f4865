"""WebSocket connections per session; after every change each connection gets its own view.

Consoles (the instructor's page of a class) watch several sessions at once: they are told *which*
tables changed, not sent views, and fetch the table list themselves (:class:`Watcher`).
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from fastapi import WebSocket
from starlette.concurrency import run_in_threadpool

from hexatable.services.room.service import Identity, RoomService


@dataclass(eq=False)
class Connection:
    socket: WebSocket
    identity: Identity
    lang: str
    last: dict[str, Any] | None = None
    """The last view sent, without its clock: a view that has not changed is not sent again."""

    async def send_view(self, view: dict[str, Any]) -> None:
        """Send ``view`` unless it is the one last sent: a change this participant cannot see (a
        message in a side room it is not in) sends it nothing, so pushes reveal nothing either. The
        time left does not count as a change (the deadline it counts down to does not move).

        Views are compared as values (``==``), not as JSON text: this runs on the event loop for every
        connection after every move, and serialising each view twice (to compare, then to send) was
        the loop's largest cost per push. Views are never changed after they are built (the service
        keeps and shares them), so keeping the last one is safe."""
        clockless = {**view, "session": {**view.get("session", {}), "seconds_left": None}}
        if clockless != self.last:
            self.last = clockless
            await self.socket.send_json({"type": "view", "view": view})


@dataclass(eq=False)
class Watcher:
    """A console following the sessions ``tables`` (session id -> table number).

    :meth:`mark` records a change and wakes whoever waits in :meth:`changes`; changes that arrive
    before the waiter runs again are merged into one answer, so a burst of moves at many tables
    costs the console one message (and one fetch), not one per move."""

    tables: dict[str, int]
    _changed: set[int] = field(default_factory=set)
    _wake: asyncio.Event = field(default_factory=asyncio.Event)

    def mark(self, session_id: str) -> None:
        number = self.tables.get(session_id)
        if number is not None:
            self._changed.add(number)
            self._wake.set()

    async def changes(self) -> list[int]:
        """The numbers of the tables that changed since the last call (waits for at least one)."""
        await self._wake.wait()
        self._wake.clear()
        changed, self._changed = sorted(self._changed), set()
        return changed


class Hub:
    """Pushes views to the WebSocket connections of each session.

    A change marks the session dirty and wakes its one pump task, which sends every connection the
    view of the newest state and repeats while changes keep arriving: bursts collapse into one push,
    pushes of a session never overtake each other, and the request that made the change does not
    wait for the deliveries. A connection whose view did not change is sent nothing.
    """

    def __init__(self, service: RoomService) -> None:
        self.service = service
        self.connections: dict[str, set[Connection]] = defaultdict(set)
        self._dirty: set[str] = set()
        self._pumps: dict[str, asyncio.Task[None]] = {}
        self.watchers: dict[str, set[Watcher]] = defaultdict(set)

    def watch(self, watcher: Watcher) -> None:
        """Tell ``watcher`` of every change to one of its sessions from now on."""
        for session_id in watcher.tables:
            self.watchers[session_id].add(watcher)

    def unwatch(self, watcher: Watcher) -> None:
        for session_id in watcher.tables:
            watchers = self.watchers.get(session_id)
            if watchers is not None:
                watchers.discard(watcher)
                if not watchers:
                    del self.watchers[session_id]

    def watching(self, sessions: Iterable[str]) -> int:
        """How many consoles watch any of ``sessions`` (a console that closed must watch nothing)."""
        return len({w for s in sessions for w in self.watchers.get(s, ())})

    def add(self, session_id: str, connection: Connection) -> None:
        self.connections[session_id].add(connection)

    def remove(self, session_id: str, connection: Connection) -> None:
        self.connections[session_id].discard(connection)

    async def send_view(self, session_id: str, connection: Connection) -> None:
        view = await run_in_threadpool(self.service.view, connection.identity, session_id, connection.lang)
        await connection.send_view(view)

    def notify(self, session_id: str) -> None:
        """The session changed: make sure its connections get the new views soon, and tell the
        consoles that watch it."""
        for watcher in self.watchers.get(session_id, ()):
            watcher.mark(session_id)
        self._dirty.add(session_id)
        pump = self._pumps.get(session_id)
        if pump is None or pump.done():
            self._pumps[session_id] = asyncio.get_running_loop().create_task(self._pump(session_id))

    async def _pump(self, session_id: str) -> None:
        while session_id in self._dirty:
            self._dirty.discard(session_id)
            await self.broadcast(session_id)

    async def broadcast(self, session_id: str) -> None:
        """Push every connection of the session its own view of the newest state (built together,
        see :meth:`RoomService.views`); drop the connections that closed."""
        connections = list(self.connections.get(session_id, ()))
        if not connections:
            return
        audience = [(c.identity, c.lang) for c in connections]
        views = await run_in_threadpool(self.service.views, session_id, audience)
        results = await asyncio.gather(
            *(c.send_view(v) for c, v in zip(connections, views, strict=True)),
            return_exceptions=True,
        )
        for connection, result in zip(connections, results, strict=True):
            if isinstance(result, Exception):
                self.remove(session_id, connection)
