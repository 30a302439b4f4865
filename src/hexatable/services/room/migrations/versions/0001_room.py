"""The room: sessions, seats and the append-only event log.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "room_session",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("case", sa.String(500), nullable=False),
        sa.Column("scenario", sa.String(120), nullable=False),
        sa.Column("mechanism", sa.String(40), nullable=False),
        sa.Column("chair", sa.String(120), nullable=False),
        sa.Column("max_drafts", sa.Integer, nullable=False),
        sa.Column("walk_out", sa.String(20), nullable=False),
        sa.Column("chair_strategy", sa.String(40), nullable=False, server_default="hill-climb"),
        sa.Column("title", sa.String(300), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    )
    op.create_table(
        "room_seat",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "session_id", sa.String(32), sa.ForeignKey("room_session.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("seat", sa.String(120), nullable=True),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("strategy", sa.String(40), nullable=True),
        sa.Column("token_hash", sa.String(64), nullable=True, unique=True),
        sa.UniqueConstraint("session_id", "seat"),
    )
    op.create_index("ix_room_seat_session_id", "room_seat", ["session_id"])
    op.create_table(
        "room_event",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "session_id", sa.String(32), sa.ForeignKey("room_session.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.UniqueConstraint("session_id", "seq"),
    )
    op.create_index("ix_room_event_session_id", "room_event", ["session_id"])


def downgrade() -> None:
    op.drop_table("room_event")
    op.drop_table("room_seat")
    op.drop_table("room_session")
