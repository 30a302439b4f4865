"""WebSocket connections per session; after every change each connection gets its own view."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from dataclasses import dataclass

from fastapi import WebSocket
from starlette.concurrency import run_in_threadpool

from hexatable.services.room.service import Identity, RoomError, RoomService


@dataclass(eq=False)
class Connection:
    socket: WebSocket
    identity: Identity
    lang: str


class Hub:
    def __init__(self, service: RoomService) -> None:
        self.service = service
        self.connections: dict[str, set[Connection]] = defaultdict(set)

    def add(self, session_id: str, connection: Connection) -> None:
        self.connections[session_id].add(connection)

    def remove(self, session_id: str, connection: Connection) -> None:
        self.connections[session_id].discard(connection)

    async def send_view(self, session_id: str, connection: Connection) -> None:
        view = await run_in_threadpool(self.service.view, connection.identity, session_id, connection.lang)
        await connection.socket.send_json({"type": "view", "view": view})

    async def broadcast(self, session_id: str) -> None:
        """Push every connection of the session its own fresh view; drop the ones that closed."""
        connections = list(self.connections.get(session_id, ()))
        results = await asyncio.gather(
            *(self.send_view(session_id, c) for c in connections), return_exceptions=True
        )
        for connection, result in zip(connections, results, strict=True):
            if isinstance(result, Exception) and not isinstance(result, RoomError):
                self.remove(session_id, connection)
