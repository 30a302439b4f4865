"""Database set-up: SQLite in WAL mode by default, PostgreSQL when ``HEXATABLE_DATABASE_URL`` names
one; the schema is brought up to date with Alembic on start."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event

MIGRATIONS = Path(__file__).parent / "migrations"
ENV_URL = "HEXATABLE_DATABASE_URL"


def default_url() -> str:
    """``HEXATABLE_DATABASE_URL``, or a SQLite file under the user's data directory."""
    if url := os.environ.get(ENV_URL):
        return url
    folder = Path(user_data_dir("hexatable", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'hexatable.sqlite3'}"


def make_engine(url: str | None = None) -> Engine:
    """An engine for ``url`` (default: :func:`default_url`); SQLite gets WAL and foreign keys."""
    url = url or default_url()
    # The web app runs blocking work on a threadpool of 8 (create_app), and only a move checks a
    # connection out (views come from the fold in memory): the pool never runs dry; connections open
    # on demand, so the sizes are a ceiling, not what is held.
    pool = {"pool_size": 20, "max_overflow": 30}
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, **pool)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(connection: Any, _record: Any) -> None:
            cursor = connection.cursor()
            # WAL lets readers go on while one writer appends; synchronous=NORMAL is the setting
            # meant for WAL: a committed event survives the process being killed (only a power
            # failure can lose the last transactions), without an fsync on every commit.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()

        return engine
    # No ping before every checkout (a round trip per query); connections are recycled instead.
    # synchronous_commit=off is PostgreSQL's counterpart of SQLite's synchronous=NORMAL above: a commit
    # returns once it is in the server's WAL buffers (flushed within a fraction of a second), so a
    # killed app loses nothing it was told was stored; only a crash of PostgreSQL or of the machine can
    # lose the last transactions. It spares an fsync wait on every event appended.
    args = {"options": "-c synchronous_commit=off"} if url.startswith("postgresql") else {}
    return create_engine(url, pool_recycle=1800, connect_args=args, **pool)


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest revision (creates it on first run)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
