"""Contract: drop users.fullname, now that no code reads or writes it.

Revision ID: 0004
Revises: 0003

The second half of the rename. Run it only once every running copy of the
application reads and writes display_name alone, and the backfill has
filled display_name in every row.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

NAME = sa.String(100)


def upgrade() -> None:
    """Drop the old column; require the new one."""
    with op.batch_alter_table("users") as batch:
        batch.drop_column("fullname")
        batch.alter_column("display_name", existing_type=NAME, nullable=False)


def downgrade() -> None:
    """Bring fullname back, filled from display_name; relax display_name."""
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("fullname", NAME, nullable=True))
        batch.alter_column("display_name", existing_type=NAME, nullable=True)
    op.execute("UPDATE users SET fullname = display_name")
