"""Load benchmark of a class: N tables of six seats (4 people, 2 AI), people doing what a class does.

Starts ``hexatable serve`` on loopback (SQLite by default, ``--database URL`` for PostgreSQL), creates a
class in one step (``POST /api/classes``: ``--tables`` tables of the 2007 scenario, CHN (the chair), USA,
PRK and KOR people, JPN and RUS AI seats), and lets every person act as the browser's ``room.js``
does, at a human pace (one move every 2–5 s per person):

- the chair tables a draft when everyone has answered the last one (or there is none yet);
- the others support, object or reserve when the draft awaits their answer, and otherwise post a
  plenary message or a message in their side room (USA–KOR and PRK–CHN, opened at the start);
- the instructor's console is open (``--console``, the default): it holds the class's console socket
  (``/api/classes/{id}/ws``) and after every ``changed`` message fetches ``GET /console/{id}/tables``,
  one fetch at a time, as ``console.js`` does (``--no-console`` leaves it out, as runs before it had);
- every seat holds the room's WebSocket open, and after every push it fetches ``GET /room/{id}/panel``
  (room.js re-renders the panel that way), one fetch at a time: pushes that arrive during a fetch ask
  for one more after it, as room.js coalesces them; with the socket open the sender does not fetch
  after its own move (the push it causes refreshes the panel).

A move goes over the WebSocket (``--via ws``: a ``{"type": "event"}`` frame), over HTTP as room.js
sends it (``--via http``: ``POST /api/sessions/{id}/events``), or as the no-JavaScript form does
(``--via form``: ``POST /room/{id}/act`` and the 303 to the room page it answers).

Latency is measured from the moment a move is sent to the moment each other seat that can see it has
its updated panel (the push carrying it received and the panel fetched after it). Prints p50/p95/p99,
throughput, refusals by status (429 means the seat's rate limiter, which a human pace should never
reach), errors, and the machine's 1-minute load average before, during and after. Every loop is bounded
in count and time; traffic goes to 127.0.0.1 only.

Run: ``.venv/bin/python benchmarks/room_class_load.py [--tables 50] [--duration 60] [--via ws|http|form]
[--database URL] [--no-console]``
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import websockets

sys.path.insert(0, str(Path(__file__).parent))
from room_load import TOKEN, free_port, start_server, wait_ready

PEOPLE = ("CHN", "USA", "PRK", "KOR")
AI = ("JPN", "RUS")
SIDE_ROOMS = (("USA", "KOR"), ("PRK", "CHN"))
ANSWERS = ("support", "object", "reserve")
ANSWER_WEIGHTS = (0.3, 0.5, 0.2)
"""People object more often than they support, so that tables keep negotiating for the whole run."""
EXPIRY = 15.0
"""Seconds after which a delivery that has not arrived counts as missed."""

View = dict[str, Any]


@dataclass
class Expectation:
    """A move sent at ``sent``: the seats still waiting for it and how to recognise it in a view."""

    sent: float
    sees: Callable[[View], bool]
    waiting: set[str]
    kind: str = ""


@dataclass
class Table:
    id: str
    tokens: dict[str, str]
    views: dict[str, View] = field(default_factory=dict)
    expected: list[Expectation] = field(default_factory=list)


@dataclass
class Figures:
    latencies: list[float] = field(default_factory=list)
    by_kind: dict[str, list[float]] = field(default_factory=dict)
    moves: Counter[str] = field(default_factory=Counter)
    refused: Counter[int] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    move_round_trips: list[float] = field(default_factory=list)
    panels: list[float] = field(default_factory=list)
    lags: list[float] = field(default_factory=list)
    loads: list[float] = field(default_factory=list)
    missed: int = 0
    console_messages: int = 0
    console_fetches: list[float] = field(default_factory=list)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))] if ordered else float("nan")


def texts(view: View) -> set[str]:
    found = {m["text"] for m in view.get("messages", [])}
    for room in view.get("side_rooms", []):
        found |= {m["text"] for m in room.get("messages", [])}
    return found


def version(view: View) -> int:
    return int(view.get("session", {}).get("version", 0))


def next_move(seat: str, view: View, serial: str) -> tuple[dict[str, Any], Callable[[View], bool], set[str]]:
    """What this person does now, how the move shows in another seat's view, and who sees it."""
    others = {s for s in PEOPLE if s != seat}
    at = version(view)
    awaiting = view.get("awaiting", [])
    chair = view.get("session", {}).get("chair")
    if seat == chair and at > 0 and seat in awaiting:  # the chair answers its own text first
        move = {"type": "support", "version": at}
        return move, lambda v: version(v) > at or seat not in v["awaiting"], others
    if seat == chair and (at == 0 or not awaiting):
        options = [random.choice(item["options"])["id"] for item in view["agenda"]]
        return {"type": "table_draft", "options": options}, lambda v: version(v) > at, others
    if seat in awaiting and at > 0 and seat != chair:
        answer = random.choices(ANSWERS, ANSWER_WEIGHTS)[0]
        move: dict[str, Any] = {"type": answer, "version": at}
        if answer == "object":
            move["issue"] = random.choice(view["agenda"])["issue"]

        def answered(v: View) -> bool:
            given = v.get("responses", {}).get(seat, {})
            return version(v) > at or (version(v) == at and given.get("answer") == answer)

        return move, answered, others
    text = f"{serial} from {seat}"
    rooms = [r for r in view.get("side_rooms", []) if seat in r["members"]]
    if rooms and random.random() < 0.5:
        room = rooms[0]
        members = set(room["members"]) - {seat}
        move = {"type": "side_message", "room": room["room"], "text": text}
        return move, lambda v: text in texts(v), members & others
    return {"type": "message", "text": text}, lambda v: text in texts(v), others


def form_fields(move: dict[str, Any]) -> list[tuple[str, str]]:
    """The move as the room page's form posts it."""
    fields: list[tuple[str, str]] = []
    for key, value in move.items():
        if key == "options":
            fields += [(f"option_{i}", str(option)) for i, option in enumerate(value)]
        else:
            fields.append((key, str(value)))
    return fields


async def run(args: argparse.Namespace, base: str, server_pid: int) -> tuple[Figures, float]:
    figures = Figures()
    instructor = {"Authorization": f"Bearer {TOKEN}"}
    # Every person is a browser of their own, with a panel fetch and (over HTTP) a move in flight at
    # once: two connections each, so no request waits in this client's pool for a connection (with one
    # each, HTTP moves queued here behind panel fetches and the tail measured the client).
    connections = args.tables * len(PEOPLE) * 2 + 20
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        body = {"tables": args.tables, "seats": {seat: {"kind": "person"} for seat in PEOPLE}}
        response = await client.post("/api/classes", json=body, headers=instructor)
        response.raise_for_status()
        class_id = response.json()["id"]
        tables = [
            Table(t["id"], {s: link.split("token=")[1] for s, link in t["links"].items() if s in PEOPLE})
            for t in response.json()["tables"]
        ]
        for table in tables:  # the side rooms, opened before the clock starts
            for opener, guest in SIDE_ROOMS:
                opened = await client.post(
                    f"/api/sessions/{table.id}/events",
                    json={"type": "side_room", "members": [guest]},
                    headers={"Authorization": f"Bearer {table.tokens[opener]}"},
                )
                opened.raise_for_status()
        stop = time.monotonic() + args.duration
        sockets: dict[tuple[str, str], Any] = {}

        async def fetch_panel(table: Table, seat: str) -> bool:
            before = time.monotonic()
            try:
                panel = await client.get(f"/room/{table.id}/panel?lang=en&token={table.tokens[seat]}")
            except httpx.HTTPError as error:
                figures.errors[type(error).__name__] += 1
                return False
            if panel.status_code != 200:
                figures.refused[panel.status_code] += 1
                return False
            figures.panels.append(time.monotonic() - before)
            return True

        loading: set[tuple[str, str]] = set()
        stale: set[tuple[str, str]] = set()

        async def on_push(table: Table, seat: str, view: View) -> None:
            """room.js: a push re-renders the panel (one fetch at a time, bursts coalesced); the seat
            then has every move the newest view carries."""
            table.views[seat] = view
            key = (table.id, seat)
            if key in loading:
                stale.add(key)
                return
            loading.add(key)
            try:
                while True:
                    stale.discard(key)
                    seen = table.views[seat]
                    if not await fetch_panel(table, seat):
                        return
                    delivered(table, seat, seen)
                    if key not in stale:
                        return
            finally:
                loading.discard(key)

        def delivered(table: Table, seat: str, view: View) -> None:
            now = time.monotonic()
            for expectation in table.expected:
                if seat in expectation.waiting and expectation.sees(view):
                    expectation.waiting.discard(seat)
                    figures.latencies.append(now - expectation.sent)
                    figures.by_kind.setdefault(expectation.kind, []).append(now - expectation.sent)
            figures.missed += sum(len(e.waiting) for e in table.expected if now - e.sent >= EXPIRY)
            table.expected = [e for e in table.expected if e.waiting and now - e.sent < EXPIRY]

        async def listen(table: Table, seat: str, connection: Any) -> None:
            pending: set[asyncio.Task[None]] = set()
            async for raw in connection:
                data = json.loads(raw)
                if data.get("type") == "view":
                    task = asyncio.create_task(on_push(table, seat, data["view"]))
                    pending.add(task)
                    task.add_done_callback(pending.discard)
                elif data.get("type") == "error":
                    figures.refused[int(data.get("status", 0))] += 1
                    figures.reasons[str(data.get("detail"))[:70]] += 1

        async def act(table: Table, seat: str) -> None:
            await asyncio.sleep(random.uniform(0, 3))
            for serial in range(int(args.duration) + 1):  # bounded: at most one move a second
                if time.monotonic() >= stop:
                    return
                view = table.views.get(seat)
                if view is None or view["session"]["status"] != "open":
                    await asyncio.sleep(1)
                    continue
                move, sees, audience = next_move(seat, view, f"{table.id}-{seat}-{serial}")
                before = time.monotonic()
                table.expected.append(Expectation(before, sees, set(audience), move["type"]))
                figures.moves[move["type"]] += 1
                token = table.tokens[seat]
                try:
                    if args.via == "ws":
                        await sockets[(table.id, seat)].send(json.dumps({"type": "event", "event": move}))
                    elif args.via == "http":
                        answer = await client.post(
                            f"/api/sessions/{table.id}/events?lang=en",
                            json=move,
                            headers={"Authorization": f"Bearer {token}"},
                        )
                        figures.move_round_trips.append(time.monotonic() - before)
                        if answer.status_code != 200:
                            figures.refused[answer.status_code] += 1
                            figures.reasons[str(answer.json().get("detail"))[:70]] += 1
                    else:
                        answer = await client.post(
                            f"/room/{table.id}/act?lang=en&token={token}",
                            content=urlencode(form_fields(move)),
                            headers={"Content-Type": "application/x-www-form-urlencoded"},
                        )
                        if answer.status_code == 303:  # back to the room page, as a browser follows it
                            answer = await client.get(f"{answer.headers['location']}&token={token}")
                        figures.move_round_trips.append(time.monotonic() - before)
                        if answer.status_code != 200:
                            figures.refused[answer.status_code] += 1
                except (httpx.HTTPError, websockets.WebSocketException) as error:
                    figures.errors[type(error).__name__] += 1
                await asyncio.sleep(random.uniform(2, 5))

        async def watch() -> None:
            """The client's own event-loop lag (it inflates every latency) and the machine's load."""
            ticks = 0
            while time.monotonic() < stop + 3:
                before = time.monotonic()
                await asyncio.sleep(0.05)
                figures.lags.append(time.monotonic() - before - 0.05)
                ticks += 1
                if ticks % 100 == 0:
                    figures.loads.append(os.getloadavg()[0])

        console_busy = False
        console_stale = False

        async def console_fetch() -> None:
            """console.js: one list fetch at a time; messages during one ask for one more after it."""
            nonlocal console_busy, console_stale
            if console_busy:
                console_stale = True
                return
            console_busy = True
            try:
                while True:
                    console_stale = False
                    before = time.monotonic()
                    try:
                        listed = await client.get(f"/console/{class_id}/tables?lang=en&token={TOKEN}")
                    except httpx.HTTPError as error:
                        figures.errors[type(error).__name__] += 1
                        return
                    if listed.status_code != 200:
                        figures.refused[listed.status_code] += 1
                        return
                    figures.console_fetches.append(time.monotonic() - before)
                    if not console_stale:
                        return
            finally:
                console_busy = False

        async def follow_console(connection: Any) -> None:
            pending: set[asyncio.Task[None]] = set()
            async for raw in connection:
                if json.loads(raw).get("type") == "changed":
                    figures.console_messages += 1
                    task = asyncio.create_task(console_fetch())
                    pending.add(task)
                    task.add_done_callback(pending.discard)

        ws_base = base.replace("http", "ws", 1)
        listeners = []
        for table in tables:
            for seat, token in table.tokens.items():
                connection = await websockets.connect(
                    f"{ws_base}/api/sessions/{table.id}/ws?lang=en&token={token}", max_size=None
                )
                sockets[(table.id, seat)] = connection
                listeners.append(asyncio.create_task(listen(table, seat, connection)))
        if args.console:
            console = await websockets.connect(f"{ws_base}/api/classes/{class_id}/ws?token={TOKEN}")
            sockets[("console", "")] = console
            listeners.append(asyncio.create_task(follow_console(console)))
        cpu_before = server_cpu(server_pid)
        started = time.monotonic()
        stop = started + args.duration
        await asyncio.gather(watch(), *(act(table, seat) for table in tables for seat in table.tokens))
        elapsed = time.monotonic() - started
        cpu = server_cpu(server_pid) - cpu_before
        for connection in sockets.values():
            await connection.close()
        for listener in listeners:
            listener.cancel()
        figures.missed += sum(len(e.waiting) for table in tables for e in table.expected)
    return figures, cpu / elapsed if elapsed else float("nan")


def server_cpu(pid: int) -> float:
    """CPU seconds the server process has used (user + system), from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tables", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of acting")
    parser.add_argument("--via", choices=("ws", "http", "form"), default="ws", help="how moves are sent")
    parser.add_argument("--database", default=None, help="SQLAlchemy URL (default: a fresh SQLite file)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--console",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="the instructor's console open, following the class over its socket (default: yes)",
    )
    args = parser.parse_args()
    if not 1 <= args.tables <= 200 or not 1 <= args.duration <= 600:
        parser.error("--tables: 1 to 200; --duration: 1 to 600 seconds")
    random.seed(args.seed)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        database = args.database or f"sqlite:///{Path(folder) / 'class.sqlite3'}"
        port = free_port()
        server_log = Path(folder) / "server.log"
        server = start_server(database, port, server_log)
        try:
            base = f"http://127.0.0.1:{port}"
            asyncio.run(wait_ready(base))
            figures, cpu_share = asyncio.run(run(args, base, server.pid))
        finally:
            server.terminate()
            server.wait(timeout=30)
            lines = server_log.read_text(errors="replace").splitlines()
            problems = [line for line in lines if "Error" in line or "Traceback" in line]
            if problems:
                print(f"server reported {len(problems)} error line(s), e.g.: {problems[:3]}")
    time.sleep(5)
    load_after = os.getloadavg()[0]
    report(args, database, figures, cpu_share, load_before, load_after)


def report(
    args: argparse.Namespace,
    database: str,
    f: Figures,
    cpu_share: float,
    load_before: float,
    load_after: float,
) -> None:
    kind = database.split(":", 1)[0].split("+")[0]
    moves = sum(f.moves.values())
    p99 = 1000 * percentile(f.latencies, 0.99)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(
        f"{kind}, moves via {args.via}: {args.tables} tables × 6 seats (4 people, 2 AI), "
        f"{args.duration:.0f} s: {moves} moves ({moves / args.duration:.1f}/s; "
        + ", ".join(f"{k} {v}" for k, v in sorted(f.moves.items()))
        + ")"
    )
    print(
        f"  action → every other seat's updated panel: {len(f.latencies)} deliveries, "
        f"p50 {1000 * statistics.median(f.latencies) if f.latencies else float('nan'):.0f} ms, "
        f"p95 {1000 * percentile(f.latencies, 0.95):.0f} ms, p99 {p99:.0f} ms, "
        f"max {1000 * max(f.latencies, default=float('nan')):.0f} ms "
        f"({'meets' if p99 < 200 else 'misses'} p99 < 200 ms); {f.missed} missed (> {EXPIRY:.0f} s or never)"
    )
    print(
        "  p99 by move: "
        + ", ".join(f"{kind} {1000 * percentile(v, 0.99):.0f} ms" for kind, v in sorted(f.by_kind.items()))
    )
    if f.move_round_trips:
        print(
            f"  move request round trip p50 {1000 * statistics.median(f.move_round_trips):.0f} ms, "
            f"p99 {1000 * percentile(f.move_round_trips, 0.99):.0f} ms"
        )
    print(
        f"  panel fetches: {len(f.panels)}, p50 {1000 * percentile(f.panels, 0.5):.0f} ms,"
        f" p99 {1000 * percentile(f.panels, 0.99):.0f} ms; server CPU {100 * cpu_share:.0f}% of one core"
    )
    if args.console:
        print(
            f"  console: {f.console_messages} change messages, {len(f.console_fetches)} list fetches "
            f"({args.tables} tables each), p50 {1000 * percentile(f.console_fetches, 0.5):.0f} ms, "
            f"p99 {1000 * percentile(f.console_fetches, 0.99):.0f} ms"
        )
    else:
        print("  console: not open (--no-console)")
    refused = ", ".join(f"{status}: {n}" for status, n in sorted(f.refused.items())) or "none"
    errors = ", ".join(f"{name}: {n}" for name, n in sorted(f.errors.items())) or "none"
    limited = "; 429 (rate limiter) seen" if 429 in f.refused else "; no 429 (the rate limiter never refused)"
    print(f"  refused: {refused}{limited}; transport errors: {errors}")
    if f.reasons:
        print("  refusals, most common:", "; ".join(f"{n}× {r}" for r, n in f.reasons.most_common(3)))
    during = f"{statistics.mean(f.loads):.2f} mean, {max(f.loads):.2f} max" if f.loads else "n/a"
    print(
        f"  load average (1 min): before {load_before:.2f}, during {during}, after {load_after:.2f}; "
        f"load generator's own event-loop lag p99 {1000 * percentile(f.lags, 0.99):.0f} ms"
    )


if __name__ == "__main__":
    main()
