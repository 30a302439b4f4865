"""``hexatable serve``: the web app on the embedded SQLite database (or ``HEXATABLE_DATABASE_URL``)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

stderr = Console(stderr=True)
TOKEN_ENV = "HEXATABLE_INSTRUCTOR_TOKEN"


def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
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

    from hexatable.negotiate.beliefs import compiled
    from hexatable.services.room.db import default_url, make_engine, migrate
    from hexatable.services.room.service import RoomService
    from hexatable.web.app import create_app

    compiled()  # the AI seats' compiled belief loops (seconds on a fresh install), before the first move
    url = database or default_url()
    engine = make_engine(url)
    migrate(engine)
    token = os.environ.get(TOKEN_ENV) or secrets.token_urlsafe(24)
    app = create_app(RoomService(engine, token), cases=cases or ())
    shown = host if host not in ("0.0.0.0", "::") else "127.0.0.1"
    base = f"http://{shown}:{port}"
    stderr.print(f"hexatable is running at [bold]{base}/[/] (database: {engine.url.render_as_string()})")
    stderr.print(f"Instructor link (keep it private): [bold]{base}/?token={token}[/]", soft_wrap=True)
    stderr.print(f"JSON API: {base}/docs · set {TOKEN_ENV} to keep the same instructor token across restarts")
    # Views are small JSON; compressing every push costs more CPU than it saves on loopback/LAN.
    # Frames over 256 KiB are cut off by uvicorn (close code 1009); the app answers frames over 32 KiB
    # with an error message and keeps the connection.
    uvicorn.run(
        app, host=host, port=port, log_level="warning", ws_per_message_deflate=False, ws_max_size=256 * 1024
    )
