"""Create the users table.

Revision ID: 0001
Revises: (none, the first revision)
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create `users` with an optional email and a required full name."""
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email", sa.String(255), nullable=True),
        sa.Column("fullname", sa.String(100), nullable=False),
    )


def downgrade() -> None:
    """Drop `users`, and its data with it."""
    op.drop_table("users")
