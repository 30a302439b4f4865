"""CPU cost of the room's panel and of a move, in-process (issue 13: the p99 of a 50-table class).

``room_class_load.py`` showed the one server process busy 71 % of a core at 50 tables, most of it
rendering ``GET /room/{id}/panel``, which every seat fetches after every push. This script measures that
cost without a network or a second process, so it can be compared before and after a change:

- one session of the built-in 2007 scenario with the class's seat mix (CHN, USA, PRK and KOR people,
  JPN and RUS AI seats), brought to a mid-talks state: two side rooms (USA–KOR, PRK–CHN), several
  drafts tabled by the chair and answered (supports, objections, reservations; the AI seats answer
  themselves), plenary and side-room messages, and a draft awaiting some answers;
- CPU ms (``time.process_time``: every thread of this process, the app's and the client's) per
  ``GET /room/{id}/panel`` for each person's seat, the observer and the instructor, through FastAPI's
  ``TestClient`` (the middleware, the identity lookup and the rate limiter included), each round after
  a move and its pushes (as under load), or for the same state (``--same-state``);
- the floor every request pays in this harness (a route that does nothing, same middleware);
- CPU ms per plenary message over the API with the four people's WebSockets open, the move and its
  four pushes (each socket receives its view before anyone fetches, as room.js fetches after a push);
- the panel route's own function called in this thread (no transport, no middleware): the server's code
  alone, and what ``--profile`` shows as a cProfile top list.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/room_panel_cost.py [--fetches 100] [--profile]
[--same-state]``. Print the load average beside the figures (``/proc/loadavg``): the
machine is shared and ``process_time`` counts only this process, but caches and frequency do not.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import platform
import pstats
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from starlette.requests import Request

from hexatable.services.room.db import make_engine, migrate
from hexatable.services.room.service import RoomService
from hexatable.web.app import create_app
from hexatable.web.pages import room_panel

TOKEN = "bench-instructor"
PEOPLE = ("CHN", "USA", "PRK", "KOR")
SIDE_ROOMS = (("USA", "KOR"), ("PRK", "CHN"))
ANSWERS = ("support", "object", "reserve")


def load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


class Table:
    """One session seen through the API, with its tokens."""

    def __init__(self, client: TestClient, rng: random.Random) -> None:
        self.client, self.rng = client, rng
        body = {"seats": {seat: {"kind": "person"} for seat in PEOPLE}}
        created = client.post("/api/sessions", json=body, headers=bearer(TOKEN))
        created.raise_for_status()
        data = created.json()
        self.id: str = data["id"]
        self.tokens: dict[str, str] = {**data["seat_tokens"], "observer": data["observer_token"]}
        self.tokens["instructor"] = TOKEN
        self.serial = 0

    def act(self, seat: str, move: dict[str, Any]) -> None:
        answer = self.client.post(
            f"/api/sessions/{self.id}/events", json=move, headers=bearer(self.tokens[seat])
        )
        if answer.status_code != 200:
            raise RuntimeError(f"{seat} {move}: {answer.status_code} {answer.text}")

    def view(self, seat: str) -> dict[str, Any]:
        answer = self.client.get(f"/api/sessions/{self.id}/view", headers=bearer(self.tokens[seat]))
        answer.raise_for_status()
        result: dict[str, Any] = answer.json()
        return result

    def message(self, seat: str) -> None:
        self.serial += 1
        self.act(
            seat, {"type": "message", "text": f"Plenary remark {self.serial} from {seat}: " + "words " * 12}
        )

    def side_message(self, seat: str) -> None:
        self.serial += 1
        self.act(seat, {"type": "side_message", "room": 1, "text": f"Aside {self.serial} from {seat}."})

    def table_draft(self) -> None:
        agenda = self.view("CHN")["agenda"]
        options = [self.rng.choice(item["options"])["id"] for item in agenda]
        self.act("CHN", {"type": "table_draft", "options": options})

    def answer(self, seat: str, kind: str) -> None:
        current = self.view(seat)
        move: dict[str, Any] = {"type": kind, "version": current["session"]["version"]}
        if kind == "object":
            move["issue"] = self.rng.choice(current["agenda"])["issue"]
        self.act(seat, move)


def mid_talks(table: Table, drafts: int) -> None:
    """Bring ``table`` to the middle of the talks: side rooms, ``drafts`` drafts answered by every
    person (the AI seats answer themselves), messages, and a last draft only half answered."""
    for opener, guest in SIDE_ROOMS:
        table.act(opener, {"type": "side_room", "members": [guest]})
    for number in range(drafts):
        table.table_draft()
        last = number == drafts - 1
        for i, seat in enumerate(PEOPLE):
            table.message(seat)
            table.side_message(seat)
            if seat in table.view(seat)["awaiting"] and not (last and i >= 2):
                table.answer(seat, "support" if seat == "CHN" else ANSWERS[(number + i) % 3])


def noop_route(client: TestClient) -> None:
    """A route that does nothing (the harness's and the middleware's floor)."""

    async def noop() -> dict[str, str]:
        return {}

    client.app.add_api_route("/_bench/noop", noop)  # type: ignore[attr-defined]


def direct_request(app: Any, path: str, query: str) -> Request:
    """A request as the ASGI server would hand it to a route (for calling the route's function in this
    thread: no transport, no middleware; what the server's own code costs, and what cProfile sees)."""
    scope = {
        "type": "http",
        "app": app,
        "method": "GET",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "headers": [(b"host", b"testserver"), (b"accept-language", b"en")],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
        "scheme": "http",
        "root_path": "",
    }
    return Request(scope)


def cpu_per_call(calls: int, call: Callable[[int], None]) -> list[float]:
    """CPU ms of each of ``calls`` calls of ``call(i)``."""
    found = []
    for i in range(calls):
        before = time.process_time()
        call(i)
        found.append(1000 * (time.process_time() - before))
    return found


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    return f"mean {statistics.fmean(values):6.2f}  median {statistics.median(values):6.2f}  p90 {p90:6.2f}"


def print_profile(profile: cProfile.Profile, top: int) -> None:
    stats = pstats.Stats(profile, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fetches", type=int, default=100, help="panel fetches per viewer and way")
    parser.add_argument("--drafts", type=int, default=5, help="drafts tabled before measuring")
    parser.add_argument("--same-state", action="store_true", help="fetch without a move in between")
    parser.add_argument("--profile", action="store_true", help="cProfile the panel fetches")
    parser.add_argument("--top", type=int, default=35)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; load {load()}"
    )
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/room.sqlite3")
        migrate(engine)
        service = RoomService(engine, TOKEN)
        app = create_app(service, act_limit=1_000_000, act_rate=1e6, join_limit=1_000_000)
        with TestClient(app) as client:
            noop_route(client)
            table = Table(client, rng)
            mid_talks(table, args.drafts)
            seen = table.view("USA")
            print(
                f"session {table.id}: draft {seen['session']['version']}, {len(seen['messages'])} plenary "
                f"messages, {sum(len(r['messages']) for r in seen['side_rooms'])} in USA's side room, "
                f"awaiting {seen['awaiting']}"
            )
            viewers = (*PEOPLE, "observer", "instructor")
            for seat in viewers:  # warm: templates compiled, scenario loaded, identities known
                client.get(f"/room/{table.id}/panel?lang=en&token={table.tokens[seat]}").raise_for_status()
            floor = cpu_per_call(args.fetches, lambda _: client.get("/_bench/noop").raise_for_status())
            results: dict[str, list[float]] = {seat: [] for seat in viewers}
            direct: dict[str, list[float]] = {seat: [] for seat in viewers}
            moves: list[float] = []
            profile = cProfile.Profile() if args.profile else None
            with ExitStack() as stack:
                sockets = []
                for seat in PEOPLE:  # the four people's pages hold the room's WebSocket open
                    socket = stack.enter_context(
                        client.websocket_connect(f"/api/sessions/{table.id}/ws?token={table.tokens[seat]}")
                    )
                    socket.receive_json()  # the view it gets on joining
                    sockets.append(socket)
                for i in range(2 * args.fetches):  # even rounds: the route alone; odd: through the client
                    if not args.same_state:  # a move, and its pushes received before anyone fetches
                        before = time.process_time()
                        table.message(PEOPLE[i % len(PEOPLE)])
                        for socket in sockets:
                            socket.receive_json()
                        moves.append(1000 * (time.process_time() - before))
                    for seat in viewers:
                        path, query = f"/room/{table.id}/panel", f"lang=en&token={table.tokens[seat]}"
                        if i % 2 == 0:
                            request = direct_request(app, path, query)
                            if profile is not None:
                                profile.enable()
                            before = time.process_time()
                            body = room_panel(table.id, request).body
                            direct[seat].append(1000 * (time.process_time() - before))
                            if profile is not None:
                                profile.disable()
                            assert b"Plenary remark" in body
                        else:
                            before = time.process_time()
                            client.get(f"{path}?{query}").raise_for_status()
                            results[seat].append(1000 * (time.process_time() - before))
            print(f"\nCPU ms (process_time; {2 * args.fetches} rounds: a message, its pushes, the fetches)")
            print(f"  floor (empty route, same middleware)    {summary(floor)}")
            for seat in viewers:
                print(f"  GET panel, {seat:<10} (TestClient)      {summary(results[seat])}")
            everyone = [v for seat in PEOPLE for v in results[seat]]
            print(f"  GET panel, the four people (TestClient) {summary(everyone)}")
            for seat in viewers:
                print(f"  panel route only, {seat:<10}            {summary(direct[seat])}")
            people = [v for s in PEOPLE for v in direct[s]]
            print(f"  panel route only, the four people       {summary(people)}")
            if moves:
                print(f"  move (plenary message) + its 4 pushes   {summary(moves)}")
                whole = statistics.fmean(moves) + len(PEOPLE) * statistics.fmean(people)
                print(f"  a move all told: + the four people's panels (route only): mean {whole:6.2f}")
            if profile is not None:
                print_profile(profile, args.top)
            final = table.view("USA")
            print(f"after: {len(final['messages'])} plenary messages; load {load()}")
        engine.dispose()


if __name__ == "__main__":
    main()
