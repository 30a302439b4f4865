"""Classes: N tables of one scenario, created in one step and run from the instructor's console.

A class is a list of ordinary sessions (its *tables*) that share a scenario and the same mix of people
and AI seats; every table keeps its own log, tokens and clock. This module creates a class (checking
every input before the first table is made), lists its tables, summarises each table for the console,
and applies the instructor's hand to all of them: pause, resume, close, and a notice broadcast to every
table. Only the instructor may do any of it.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from hexatable.case import pick
from hexatable.services.room.service import Created, Identity, RoomError, RoomService, SeatPlan
from hexatable.services.room.tables import ClassRow, ClassTableRow

MAX_TABLES = 60
"""The most tables a class may have (a class of 40 people in tables of 4 to 6 needs 10)."""
MAX_TITLE = 200
KNOWN_CLASSES = 256
"""How many classes :meth:`Classes.get` keeps in memory (the most recently used)."""


@dataclass(frozen=True)
class CreatedClass:
    """A new class: its id, title and tables, each with the tokens to hand out (shown once)."""

    id: str
    title: str
    tables: tuple[Created, ...]


@dataclass(frozen=True)
class ClassInfo:
    """A class as stored: its scenario and its tables' session ids, in table order."""

    id: str
    title: str
    case: str
    scenario: str
    sessions: tuple[str, ...]


class Classes:
    """The class registry over a room service (which holds the sessions themselves)."""

    def __init__(self, service: RoomService) -> None:
        self.service = service
        self._db = sessionmaker(service.engine, expire_on_commit=False)
        # A class's tables never change once it is made, so a class read whole is kept: the console
        # asks for it at every refresh, and on PostgreSQL each query is a round trip that waits for the
        # interpreter lock behind the threads rendering panels (benchmarks/RESULTS.md, Stop 16).
        self._known: OrderedDict[str, ClassInfo] = OrderedDict()
        self._making: set[str] = set()  # classes whose tables are still being added: never kept
        self._lock = threading.Lock()

    def create(
        self,
        identity: Identity,
        *,
        tables: int,
        title: str = "",
        case: str = "six-party-talks",
        scenario: str = "six-party-2007",
        seats: Mapping[str, SeatPlan] | None = None,
        **rules: Any,
    ) -> CreatedClass:
        """``tables`` sessions of ``scenario``, each with the same ``seats`` plan and ``rules`` (those of
        :meth:`RoomService.create`: mechanism, max_drafts, walk_out, chair_strategy, minutes)."""
        _require_instructor(identity)
        if isinstance(tables, bool) or not isinstance(tables, int) or not 1 <= tables <= MAX_TABLES:
            raise RoomError(422, f"tables: a whole number between 1 and {MAX_TABLES}")
        if not isinstance(title, str) or len(title) > MAX_TITLE or "\x00" in title:
            raise RoomError(422, f"title: at most {MAX_TITLE} characters")
        case = self.service.resolve_case(case)  # built-in, or under the folders of ``serve --cases``
        loaded = self.service.scenario(case, scenario)  # 422 naming the scenario if it does not exist
        title = title.strip() or pick(loaded.case.scenario_index[scenario].title, "en")
        class_id = secrets.token_hex(8)
        with self._lock:
            self._making.add(class_id)
        try:
            return self._make(identity, class_id, title, case, scenario, tables, seats, rules)
        finally:
            with self._lock:
                self._making.discard(class_id)

    def _make(
        self,
        identity: Identity,
        class_id: str,
        title: str,
        case: str,
        scenario: str,
        tables: int,
        seats: Mapping[str, SeatPlan] | None,
        rules: Mapping[str, Any],
    ) -> CreatedClass:
        """The tables of a new class, one after another (see :meth:`create`)."""
        created: list[Created] = []
        for number in range(1, tables + 1):
            # The first table checks the seats and rules (nothing is stored if they are refused); the
            # others cannot fail where it passed.
            made = self.service.create(
                identity,
                case=case,
                scenario=scenario,
                seats=seats or {},
                title=f"{title} · {number}",
                **rules,
            )
            with self._db.begin() as db:
                if number == 1:
                    db.add(ClassRow(id=class_id, title=title, case=case, scenario=scenario))
                    db.flush()
                db.add(ClassTableRow(class_id=class_id, number=number, session_id=made.id))
            created.append(made)
        return CreatedClass(class_id, title, tuple(created))

    def list_classes(self, identity: Identity) -> list[dict[str, Any]]:
        """Every class, oldest first: id, title, scenario and how many tables."""
        _require_instructor(identity)
        with self._db() as db:
            rows = db.scalars(select(ClassRow).order_by(ClassRow.created_at)).all()
            return [
                {"id": r.id, "title": r.title, "scenario": r.scenario, "tables": len(r.tables)} for r in rows
            ]

    def get(self, identity: Identity, class_id: str) -> ClassInfo:
        """A class and its tables (404 if there is none)."""
        _require_instructor(identity)
        with self._lock:
            known = self._known.get(class_id)
            if known is not None:
                self._known.move_to_end(class_id)
                return known
        with self._db() as db:
            row = db.get(ClassRow, class_id)
            if row is None:
                raise RoomError(404, f"no class '{class_id}'")
            sessions = tuple(t.session_id for t in row.tables)
            info = ClassInfo(row.id, row.title, row.case, row.scenario, sessions)
        with self._lock:
            if class_id not in self._making:
                self._known[class_id] = info
                while len(self._known) > KNOWN_CLASSES:
                    self._known.popitem(last=False)
        return info

    def table(self, identity: Identity, class_id: str, number: int) -> str:
        """The session id of table ``number`` of a class (404 if the class has no such table)."""
        sessions = self.get(identity, class_id).sessions
        if not 1 <= number <= len(sessions):
            raise RoomError(404, f"class '{class_id}' has no table {number}")
        return sessions[number - 1]

    def summaries(
        self, identity: Identity, class_id: str, lang: str = "en", info: ClassInfo | None = None
    ) -> list[dict[str, Any]]:
        """Every table at a glance, for the console (see :func:`summary`); ``info``: the class, when the
        caller has already read it with :meth:`get`."""
        if info is None or info.id != class_id:
            info = self.get(identity, class_id)
        views = [self.service.view(identity, session_id, lang) for session_id in info.sessions]
        return [summary(number, view) for number, view in enumerate(views, start=1)]

    def pause(self, identity: Identity, class_id: str, number: int, paused: bool) -> str:
        """Pause or resume table ``number``; returns its session id."""
        session_id = self.table(identity, class_id, number)
        self.service.pause(identity, session_id, paused)
        return session_id

    def close(self, identity: Identity, class_id: str, number: int) -> str:
        """End table ``number``'s talks without agreement (as the instructor's ``close``)."""
        session_id = self.table(identity, class_id, number)
        self.service.act(identity, session_id, {"type": "close"})
        return session_id

    def broadcast(self, identity: Identity, class_id: str, text: object) -> list[str]:
        """A notice to every table of the class; returns the sessions it reached."""
        sessions = self.get(identity, class_id).sessions
        for session_id in sessions:
            self.service.notice(identity, session_id, text)
        return list(sessions)


def _require_instructor(identity: Identity) -> None:
    if identity.role != "instructor":
        raise RoomError(403, "only the instructor may do this")


def summary(number: int, view: Mapping[str, Any]) -> dict[str, Any]:
    """One table's line on the console, from the instructor's view of it: phase, draft, each seat's
    stance on the current draft (``support``, ``object`` with the issue, ``reserve``, ``awaiting``,
    ``away`` after a walk-out, or ``""``), time left, paused, status and agreement."""
    session = view["session"]
    accepted = set(view.get("accepted", ()))
    stances = []
    for seat in session["seats"]:
        answer = view["responses"].get(seat["seat"])
        if not seat["seated"]:
            stance, issue = "away", None
        elif answer is not None:
            stance, issue = answer["answer"], answer.get("issue")
        elif seat["seat"] in accepted:
            stance, issue = "support", None
        elif seat["seat"] in view["awaiting"]:
            stance, issue = "awaiting", None
        else:
            stance, issue = "", None
        stances.append({**{k: seat[k] for k in ("seat", "name", "kind")}, "stance": stance, "issue": issue})
    phase = session["phase"]
    return {
        "number": number,
        "id": session["id"],
        "status": session["status"],
        "reason": session["reason"],
        "paused": session.get("paused", False),
        "in_recess": session["in_recess"],
        "phase": {"number": phase["number"], "count": phase["count"], "name": phase["name"]},
        "version": session["version"],
        "max_drafts": session["max_drafts"],
        "round": session["round"],
        "seconds_left": session["seconds_left"],
        "seats": stances,
        "agreement": view.get("debrief", {}).get("agreement"),
        "messages": len(view["messages"]),
        "issue_titles": {item["issue"]: item["title"] for item in view["agenda"]},
    }
