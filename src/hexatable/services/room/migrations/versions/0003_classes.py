"""Classes: several tables (sessions) of one scenario grouped for the instructor's console.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "room_class",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False, server_default=""),
        sa.Column("case", sa.String(500), nullable=False),
        sa.Column("scenario", sa.String(120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    )
    op.create_table(
        "room_class_table",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "class_id", sa.String(32), sa.ForeignKey("room_class.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column(
            "session_id",
            sa.String(32),
            sa.ForeignKey("room_session.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.UniqueConstraint("class_id", "number"),
    )
    op.create_index("ix_room_class_table_class_id", "room_class_table", ["class_id"])


def downgrade() -> None:
    op.drop_table("room_class_table")
    op.drop_table("room_class")
