"""Load benchmark of the room: many concurrent sessions, every seat acting every few seconds.

Starts ``hexatable serve`` on loopback (SQLite by default, or ``--database URL``), creates
``--sessions`` sessions of six people, connects every seat's WebSocket, and lets every seat post a
plenary message every 2–5 s for ``--duration`` seconds. Latency is measured from the moment a message
is sent to the moment the pushed view carrying it reaches each of the other seats. Prints throughput
and p50/p99 latency. Traffic goes to 127.0.0.1 only; every loop is bounded in count and time.

Run: ``.venv/bin/python benchmarks/room_load.py [--sessions 50] [--duration 30] [--database URL]``
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import websockets

TOKEN = "load-test-instructor"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(database: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "HEXATABLE_INSTRUCTOR_TOKEN": TOKEN}
    command = [
        str(Path(sys.executable).with_name("hexatable")),
        "serve",
        "--port",
        str(port),
        "--database",
        database,
    ]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log.open("wb"))


async def wait_ready(base: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient() as client:
        while time.monotonic() < deadline:
            try:
                if (await client.get(f"{base}/openapi.json")).status_code == 200:
                    return
            except httpx.TransportError:
                await asyncio.sleep(0.2)
    raise RuntimeError("the server did not start")


async def run(args: argparse.Namespace, base: str) -> dict[str, float]:
    seats = ("PRK", "USA", "CHN", "KOR", "JPN", "RUS")
    async with httpx.AsyncClient(
        base_url=base, timeout=30, limits=httpx.Limits(max_connections=400)
    ) as client:
        sessions = []
        for _ in range(args.sessions):
            body = {"seats": {seat: {"kind": "person"} for seat in seats}}
            response = await client.post(
                "/api/sessions", json=body, headers={"Authorization": f"Bearer {TOKEN}"}
            )
            response.raise_for_status()
            sessions.append(response.json())
        sent: dict[str, float] = {}
        latencies: list[float] = []
        actions = failures = 0
        posts: list[float] = []
        timed: list[tuple[float, float]] = []
        started = time.monotonic()
        lags: list[float] = []
        stop = time.monotonic() + args.duration
        ws_base = base.replace("http", "ws")

        async def listen(session: dict[str, object], seat: str, socket_: websockets.ClientConnection) -> None:
            seen: set[str] = set()
            async for raw in socket_:
                data = json.loads(raw)
                if data.get("type") != "view":
                    continue
                now = time.monotonic()
                for message in data["view"]["messages"][-12:]:
                    key = message["text"]
                    if key not in seen and message["seat"] != seat and key in sent:
                        seen.add(key)
                        latencies.append(now - sent[key])
                    seen.add(key)

        async def act(session: dict[str, object], seat: str) -> None:
            nonlocal actions, failures
            token = session["seat_tokens"][seat]  # type: ignore[index]
            headers = {"Authorization": f"Bearer {token}"}
            await asyncio.sleep(random.uniform(0, 3))
            while time.monotonic() < stop:
                key = f"{session['id']}-{seat}-{actions}-{random.random():.6f}"
                sent[key] = before = time.monotonic()
                try:
                    response = await client.post(
                        f"/api/sessions/{session['id']}/events",
                        json={"type": "message", "text": key},
                        headers=headers,
                    )
                except httpx.HTTPError:
                    failures += 1
                else:
                    posts.append(time.monotonic() - before)
                    timed.append((before - started, time.monotonic() - before))
                    actions += 1 if response.status_code == 200 else 0
                    failures += 0 if response.status_code == 200 else 1
                await asyncio.sleep(random.uniform(2, 5))

        connections = []
        listeners = []
        for session in sessions:
            for seat in seats:
                token = session["seat_tokens"][seat]
                connection = await websockets.connect(
                    f"{ws_base}/api/sessions/{session['id']}/ws?token={token}", max_size=None
                )
                connections.append(connection)
                listeners.append(asyncio.create_task(listen(session, seat, connection)))

        async def watch_loop() -> None:
            """How late the client's own event loop runs (it inflates every latency measured)."""
            while time.monotonic() < stop:
                before = time.monotonic()
                await asyncio.sleep(0.05)
                lags.append(time.monotonic() - before - 0.05)

        started = time.monotonic()
        await asyncio.gather(watch_loop(), *(act(session, seat) for session in sessions for seat in seats))
        await asyncio.sleep(3)  # let the last broadcasts arrive (bounded)
        elapsed = time.monotonic() - started
        for connection in connections:
            await connection.close()
        for listener in listeners:
            listener.cancel()
    if os.environ.get("HEXATABLE_LOAD_DEBUG"):
        slow = sorted((round(t, 1), round(d, 2)) for t, d in timed if d > 0.2)
        print("slow requests (start s, duration s):", slow[:40], "of", len(slow))
    ordered = sorted(latencies)
    return {
        "actions": actions,
        "failures": failures,
        "actions_per_s": actions / elapsed,
        "deliveries": len(ordered),
        "p50_ms": 1000 * statistics.median(ordered) if ordered else float("nan"),
        "p99_ms": 1000 * ordered[int(0.99 * (len(ordered) - 1))] if ordered else float("nan"),
        "max_ms": 1000 * ordered[-1] if ordered else float("nan"),
        "post_p50_ms": 1000 * statistics.median(posts) if posts else float("nan"),
        "post_p99_ms": 1000 * sorted(posts)[int(0.99 * (len(posts) - 1))] if posts else float("nan"),
        "client_lag_p99_ms": 1000 * sorted(lags)[int(0.99 * (len(lags) - 1))] if lags else float("nan"),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of acting")
    parser.add_argument("--database", default=None, help="SQLAlchemy URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = args.database or f"sqlite:///{Path(folder) / 'load.sqlite3'}"
        port = free_port()
        server_log = Path(folder) / "server.log"
        server = start_server(database, port, server_log)
        try:
            base = f"http://127.0.0.1:{port}"
            asyncio.run(wait_ready(base))
            figures = asyncio.run(run(args, base))
        finally:
            server.terminate()
            server.wait(timeout=30)
            errors = server_log.read_text(errors="replace").strip().splitlines()
            problems = [line for line in errors if "Error" in line or "Traceback" in line]
            if problems:
                print(f"server reported {len(problems)} error line(s), e.g.: {problems[:3]}")
    kind = database.split(":", 1)[0]
    f = figures
    verdict = "meets" if f["p99_ms"] < 200 else "misses"
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(
        f"{kind}: {args.sessions} sessions × 6 seats, {args.duration:.0f} s: {f['actions']:.0f} actions "
        f"({f['actions_per_s']:.1f}/s, {f['failures']:.0f} failed), {f['deliveries']:.0f} deliveries; "
        f"latency p50 {f['p50_ms']:.0f} ms, p99 {f['p99_ms']:.0f} ms, max {f['max_ms']:.0f} ms "
        f"({verdict} p99 < 200 ms)"
    )
    print(
        f"  request round trip p50 {f['post_p50_ms']:.0f} ms, p99 {f['post_p99_ms']:.0f} ms; "
        f"load generator's own event-loop lag p99 {f['client_lag_p99_ms']:.0f} ms"
    )


if __name__ == "__main__":
    main()
