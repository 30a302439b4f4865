"""A session may have a clock: the moment (seconds since the epoch, UTC) its talks end.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("room_session") as table:
        table.add_column(sa.Column("deadline_at", sa.Float, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("room_session") as table:
        table.drop_column("deadline_at")
