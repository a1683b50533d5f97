"""group funder: the programme or donor that funds a training group, so that a donor report can
cover only the groups that donor paid for

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('training_group') as batch:
        batch.add_column(sa.Column('funder', sa.String(length=120), nullable=False,
                                   server_default=''))
        batch.create_index(batch.f('ix_training_group_funder'), ['funder'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('training_group') as batch:
        batch.drop_index(batch.f('ix_training_group_funder'))
        batch.drop_column('funder')
