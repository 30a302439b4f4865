"""``hexatable serve``: the web app on the embedded SQLite database (or ``HEXATABLE_DATABASE_URL``)."""

from __future__ import annotations

import gc
import ipaddress
import os
import re
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

if TYPE_CHECKING:
    from hexatable.services.room.service import RoomService

stderr = Console(stderr=True, emoji=False)
TOKEN_ENV = "HEXATABLE_INSTRUCTOR_TOKEN"
DATABASE_ENV = "HEXATABLE_DATABASE_URL"

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST_NAME = re.compile(rf"(?=.{{1,253}}$){_LABEL}(?:\.{_LABEL})*\.?")


def check_host(host: str) -> str:
    """An IP address or a host name (ASCII labels of letters, digits and inner hyphens; an
    internationalised name in its ``xn--`` form), checked before anything starts."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        numeric = all(label.isdigit() for label in host.rstrip(".").split("."))
        if numeric or not _HOST_NAME.fullmatch(host):
            raise typer.BadParameter(f"{host!r} is not an IP address or a host name") from None
    return host


def serve_command(
    host: Annotated[
        str, typer.Option(help="Address (IP or host name) to listen on.", callback=check_host)
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on (1-65535).")] = 8000,
    database: Annotated[
        str | None, typer.Option(help="SQLAlchemy URL (default: HEXATABLE_DATABASE_URL or a SQLite file).")
    ] = None,
    cases: Annotated[
        list[Path] | None,
        typer.Option(
            "--cases",
            help="A folder of case folders sessions may play besides the built-in cases (repeatable). "
            "No other path on the server can be named in a request.",
            exists=True,
            file_okay=False,
            dir_okay=True,
            resolve_path=True,
        ),
    ] = None,
) -> None:
    """Start the web app: case explorer, negotiation room and JSON API (OpenAPI at /docs)."""
    # The web stack (FastAPI, SQLAlchemy, Alembic, uvicorn) loads here, not at every command's start.
    import uvicorn
    from sqlalchemy.exc import SQLAlchemyError

    from hexatable.negotiate.beliefs import compiled
    from hexatable.services.room.db import default_url, make_engine, migrate
    from hexatable.services.room.service import RoomService
    from hexatable.web.app import create_app

    if database is not None and not database.strip():
        raise typer.BadParameter("an empty URL", param_hint="--database")
    url = database or default_url()
    try:
        engine = make_engine(url)
        migrate(engine)
    except (SQLAlchemyError, ImportError, ValueError) as error:
        where = "--database" if database else DATABASE_ENV if os.environ.get(DATABASE_ENV) else "the database"
        first = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise typer.BadParameter(f"cannot open {url!r}: {first}", param_hint=where) from None
    compiled()  # the AI seats' compiled belief loops (seconds on a fresh install), before the first move
    token = os.environ.get(TOKEN_ENV) or secrets.token_urlsafe(24)
    service = RoomService(engine, token)
    app = create_app(service, cases=cases or ())
    load_builtin_cases(service)  # before the address is printed: it answers at once when shown
    shown = host if host not in ("0.0.0.0", "::") else "127.0.0.1"
    base = f"http://{shown}:{port}"
    stderr.print(f"hexatable is running at [bold]{base}/[/] (database: {engine.url.render_as_string()})")
    stderr.print(f"Instructor link (keep it private): [bold]{base}/?token={token}[/]", soft_wrap=True)
    stderr.print(f"JSON API: {base}/docs · set {TOKEN_ENV} to keep the same instructor token across restarts")
    # Views are small JSON; compressing every push costs more CPU than it saves on loopback/LAN.
    # Frames over 256 KiB are cut off by uvicorn (close code 1009); the app answers frames over 32 KiB
    # with an error message and keeps the connection.
    freeze_startup_objects()
    uvicorn.run(
        app, host=host, port=port, log_level="warning", ws_per_message_deflate=False, ws_max_size=256 * 1024
    )


def load_builtin_cases(service: RoomService) -> None:
    """Load every built-in case and analyse its scenarios before the server listens.

    The first class or session would load them anyway (about 1.6 s); loading them here lets
    :func:`freeze_startup_objects` exempt them from the collector too. Left to the first request, the
    case was walked by every full collection of a running class: in ``benchmarks/room_gc_pause.py``
    (50 tables) 30,000 objects and 5.5 ms per collection, against 15,000 and 1.8 ms preloaded.
    """
    from hexatable.case.builtin import builtin_case_ids
    from hexatable.web.pages import builtin_case

    for case_id in builtin_case_ids():
        for scenario_id in builtin_case(case_id).scenario_index:
            service.scenario(case_id, scenario_id)


def freeze_startup_objects() -> None:
    """Exempt what the server loaded before its first request from the cyclic garbage collector.

    Modules, compiled loops and templates are never freed, yet every full collection walked all of
    them: in a 50-table class a full collection paused every thread for 100-220 ms, eleven times a
    minute, and those pauses were the room's p99 (benchmarks/RESULTS.md, Stop 16). ``gc.freeze``
    moves them to a generation the collector skips (objects still die by reference counting); full
    collections then took 25-40 ms, and with the built-in cases loaded first
    (:func:`load_builtin_cases`) the case is not walked either.
    """
    gc.collect()
    gc.freeze()
