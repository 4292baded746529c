"""Make users.email required and unique.

Revision ID: 0002
Revises: 0001

SQLite 3.40 cannot ALTER a column's nullability or add a constraint to an
existing table, so the changes go through a batch: on SQLite, Alembic builds
a new table, copies the rows and swaps the names; on PostgreSQL and MariaDB
the same block runs plain ALTER TABLE statements.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

EMAIL = sa.String(255)


def upgrade() -> None:
    """Require an email on every user, at most one user per email."""
    with op.batch_alter_table("users") as batch:
        batch.alter_column("email", existing_type=EMAIL, nullable=False)
        batch.create_unique_constraint("uq_users_email", ["email"])


def downgrade() -> None:
    """Make the email optional again and allow duplicates."""
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint("uq_users_email", type_="unique")
        batch.alter_column("email", existing_type=EMAIL, nullable=True)
