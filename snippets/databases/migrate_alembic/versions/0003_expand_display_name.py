"""Expand: add users.display_name next to users.fullname.

Revision ID: 0003
Revises: 0002

The first half of renaming fullname to display_name without downtime. The
new column is nullable, so code that does not know it keeps inserting rows;
fullname becomes nullable, so code that stops writing it can insert too.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

NAME = sa.String(100)


def upgrade() -> None:
    """Add the new column; relax the old one."""
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("display_name", NAME, nullable=True))
        batch.alter_column("fullname", existing_type=NAME, nullable=True)


def downgrade() -> None:
    """Drop the new column; require the old one (fails if a row lacks it)."""
    with op.batch_alter_table("users") as batch:
        batch.alter_column("fullname", existing_type=NAME, nullable=False)
        batch.drop_column("display_name")
