"""What the room asks of its database, in-process, on SQLite or PostgreSQL (issue 13, Stop 16).

Two measurements over one room service (no web server, no load generator):

1. **Commands per request**: every command psycopg sends to PostgreSQL (``BEGIN``, ``SELECT``, ``INSERT``,
   ``COMMIT``, ``ROLLBACK``: each one network round trip) while the service builds a view, stores a
   plenary message, and stores the chair's draft with the AI seats' answers. Counted by wrapping
   psycopg's pure-Python libpq layer (``PSYCOPG_IMPL=python``); SQLite is counted in statements.
2. **Beside busy threads** (``--busy N``): the wall time of a view and of a plenary message while ``N``
   other threads run Python, as the thread pool's panel renders do; one table, one caller at a time.
3. **The class's server side**: a pool of 8 threads (``create_app``'s) serving, at the arrival rates the
   50-table class produced (Stop 15: ~210 panel fetches and ~57 moves a second, times ``--scale``),
   panel fetches (a view plus ``--render-ms`` of Python standing for the panel's Jinja render) and
   plenary messages over 50 tables; latency includes the wait for a thread. This isolates what the
   database costs the server's threads: with other threads running Python, every round trip gives up
   the interpreter lock and waits its turn to take it back.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/room_db_round_trips.py [--database URL] --commands``
for the first, ``--busy 3`` for the second, ``[--scale 0.5] [--seconds 20]`` for the third (PostgreSQL:
a database this script may reset: its room tables are dropped first).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

if "--commands" in sys.argv:
    # Before psycopg is imported: its pure-Python libpq layer is the one that can be wrapped (slower,
    # so the load part runs with the compiled one, without ``--commands``).
    os.environ["PSYCOPG_IMPL"] = "python"

from sqlalchemy import Engine, event, text

from hexatable.services.room.classes import Classes
from hexatable.services.room.db import make_engine, migrate
from hexatable.services.room.service import Identity, RoomService, SeatPlan

PEOPLE = ("CHN", "USA", "PRK", "KOR")
RATES = {"panel": 210.0, "move": 57.0}
"""Arrivals per second in the 50-table class of Stop 15 (12,584 panel fetches and ~3,440 moves in 60 s)."""


@contextmanager
def commands(engine: Engine) -> Iterator[list[str]]:
    """The commands sent to the database inside the block: psycopg's wire commands on PostgreSQL,
    SQLAlchemy's statements on SQLite (where nothing crosses a process)."""
    sent: list[str] = []
    if engine.dialect.name == "postgresql":
        from psycopg.pq import pq_ctypes

        names = ("send_query", "send_query_params", "send_query_prepared", "exec_", "exec_params")
        originals = {name: getattr(pq_ctypes.PGconn, name) for name in names}

        def wrapped(original: Callable[..., Any]) -> Callable[..., Any]:
            def send(self: Any, command: bytes, *args: Any, **kwargs: Any) -> Any:
                sent.append(bytes(command).split()[0].decode().upper())
                return original(self, command, *args, **kwargs)

            return send

        for name, original in originals.items():
            setattr(pq_ctypes.PGconn, name, wrapped(original))
        try:
            yield sent
        finally:
            for name, original in originals.items():
                setattr(pq_ctypes.PGconn, name, original)
        return

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        sent.append(statement.split()[0].upper())

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", record)


def fresh_engine(url: str) -> Engine:
    engine = make_engine(url)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(
                text(
                    "DROP TABLE IF EXISTS room_class_table, room_class, room_event, room_seat, room_session,"
                    " alembic_version CASCADE"
                )
            )
    migrate(engine)
    return engine


def count_commands(engine: Engine) -> None:
    service = RoomService(engine, "bench")
    instructor = service.identify("bench")
    plan = {seat: SeatPlan("person") for seat in PEOPLE}
    created = service.create(instructor, case="six-party-talks", scenario="six-party-2007", seats=plan)
    usa = service.identify(created.seat_tokens["USA"], created.id)
    chair = service.identify(created.seat_tokens["CHN"], created.id)
    agenda = service.view(usa, created.id)["agenda"]
    draft = {"type": "table_draft", "options": [item["options"][0]["id"] for item in agenda]}
    requests: list[tuple[str, Callable[[], object]]] = [
        ("a view (room already folded)", lambda: service.view(usa, created.id)),
        ("a plenary message", lambda: service.act(usa, created.id, {"type": "message", "text": "hello"})),
        ("the chair's draft + 2 AI answers", lambda: service.act(chair, created.id, draft)),
    ]
    for name, request in requests:
        with commands(engine) as sent:
            request()
        print(f"  {name:34s} {len(sent)} command(s): {' '.join(sent) or '-'}")


def beside_busy_threads(engine: Engine, busy: int) -> None:
    service = RoomService(engine, "bench")
    plan = {seat: SeatPlan("person") for seat in PEOPLE}
    created = service.create(
        service.identify("bench"), case="six-party-talks", scenario="six-party-2007", seats=plan
    )
    usa = service.identify(created.seat_tokens["USA"], created.id)
    service.view(usa, created.id)
    stop = threading.Event()

    def spin() -> None:
        while not stop.is_set():
            sum(i * i for i in range(1000))

    spinners = [threading.Thread(target=spin) for _ in range(busy)]
    for spinner in spinners:
        spinner.start()
    try:
        times: dict[str, list[float]] = {"view": [], "message": []}
        for n in range(300):
            kind = "view" if n % 3 else "message"
            before = time.perf_counter()
            if kind == "view":
                service.view(usa, created.id)
            else:
                service.act(usa, created.id, {"type": "message", "text": f"m{n}"})
            times[kind].append(time.perf_counter() - before)
    finally:
        stop.set()
        for spinner in spinners:
            spinner.join()
    for kind, values in times.items():
        print(
            f"  {kind}: {len(values)}, p50 {percentile(values, 0.5):.2f} ms,"
            f" p99 {percentile(values, 0.99):.2f} ms"
        )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[int(share * (len(ordered) - 1))] if ordered else float("nan")


def class_server_side(engine: Engine, seconds: float, scale: float, render_ms: float) -> None:
    service = RoomService(engine, "bench")
    plan = {seat: SeatPlan("person") for seat in PEOPLE}
    made = Classes(service).create(service.identify("bench"), tables=50, seats=plan)
    tables = [
        (t.id, [service.identify(token, t.id) for token in t.seat_tokens.values()]) for t in made.tables
    ]
    for session_id, seats in tables:  # every room folded once, as after the class's first pushes
        service.view(seats[0], session_id)
    latencies: dict[str, list[float]] = {"panel": [], "move": []}

    def render() -> None:
        """Python work standing for the panel's render: ``render_ms`` of this thread's CPU time."""
        end, total = time.thread_time() + render_ms / 1000, 0
        while time.thread_time() < end:
            total += sum(range(200))

    def panel(sent: float, session_id: str, who: Identity) -> None:
        service.view(who, session_id)
        render()
        latencies["panel"].append(time.perf_counter() - sent)

    def move(sent: float, session_id: str, who: Identity, n: int) -> None:
        service.act(who, session_id, {"type": "message", "text": f"m{n}"})
        latencies["move"].append(time.perf_counter() - sent)

    rng = random.Random(1)
    arrivals: list[tuple[float, str]] = []
    for kind, rate in RATES.items():
        at = rng.expovariate(rate * scale)
        while at < seconds:
            arrivals.append((at, kind))
            at += rng.expovariate(rate * scale)
    arrivals.sort()
    cpu, start = time.process_time(), time.perf_counter()
    with ThreadPoolExecutor(8) as pool:
        for n, (at, kind) in enumerate(arrivals):
            wait = start + at - time.perf_counter()
            if wait > 0:
                time.sleep(wait)  # open-loop arrivals: requests come whether or not the server keeps up
            session_id, seats = rng.choice(tables)
            who = rng.choice(seats)
            if kind == "panel":
                pool.submit(panel, time.perf_counter(), session_id, who)
            else:
                pool.submit(move, time.perf_counter(), session_id, who, n)
    share = (time.process_time() - cpu) / (time.perf_counter() - start)
    for kind, values in latencies.items():
        print(
            f"  {kind}: {len(values)}, p50 {percentile(values, 0.5):.0f} ms,"
            f" p95 {percentile(values, 0.95):.0f} ms, p99 {percentile(values, 0.99):.0f} ms"
        )
    print(f"  process CPU {100 * share:.0f}% of one core")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default=None, help="SQLAlchemy URL (default: a fresh SQLite file)")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument(
        "--scale", type=float, default=0.5, help="share of the 50-table class's arrival rates"
    )
    parser.add_argument("--render-ms", type=float, default=3.0)
    parser.add_argument("--commands", action="store_true", help="count the commands per request only")
    parser.add_argument("--busy", type=int, default=None, help="time requests beside N busy threads only")
    args = parser.parse_args()
    if not 1 <= args.seconds <= 120 or not 0 < args.scale <= 2:
        parser.error("--seconds: 1 to 120; --scale: above 0, at most 2")
    with tempfile.TemporaryDirectory() as folder:
        url = args.database or f"sqlite:///{Path(folder) / 'room.sqlite3'}"
        load = os.getloadavg()[0]
        engine = fresh_engine(url)
        if args.commands:
            print(f"{engine.dialect.name}: commands per request")
            count_commands(engine)
            engine.dispose()
            return
        if args.busy is not None:
            print(f"{engine.dialect.name}: one caller beside {args.busy} thread(s) running Python")
            beside_busy_threads(engine, args.busy)
            print(f"  load average (1 min) before {load:.2f}, after {os.getloadavg()[0]:.2f}")
            engine.dispose()
            return
        print(
            f"{engine.dialect.name}: 50 tables' panels and moves at {args.scale:g} × the class's rates, "
            f"{args.seconds:.0f} s, 8 threads, {args.render_ms:g} ms render"
        )
        class_server_side(engine, args.seconds, args.scale, args.render_ms)
        print(f"  load average (1 min) before {load:.2f}, after {os.getloadavg()[0]:.2f}")
        engine.dispose()


if __name__ == "__main__":
    main()
