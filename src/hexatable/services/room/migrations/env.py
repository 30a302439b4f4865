"""Alembic environment: runs the room's migrations on the connection the room hands it."""

from __future__ import annotations

from alembic import context

from hexatable.services.room.tables import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
