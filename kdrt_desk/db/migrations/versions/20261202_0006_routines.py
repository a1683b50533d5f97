"""routines and availability: each participant's weekly routine, sealed under the contact key;
when facilitators can come and venues are open; sessions the admin locked against re-planning

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('participant_routine',
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('blocks', sa.LargeBinary(), nullable=True),
    sa.Column('updated_by', sa.String(length=40), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_participant_routine_participant_id_participant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('participant_id', name=op.f('pk_participant_routine'))
    )
    with op.batch_alter_table('facilitator') as batch:
        batch.add_column(sa.Column('hours', sa.Text(), nullable=False, server_default=''))
        batch.add_column(sa.Column('away_dates', sa.Text(), nullable=False, server_default=''))
        batch.add_column(sa.Column('max_per_day', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('max_per_week', sa.Integer(), nullable=True))
    with op.batch_alter_table('training_session') as batch:
        batch.add_column(sa.Column('locked', sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    with op.batch_alter_table('venue') as batch:
        batch.add_column(sa.Column('hours', sa.Text(), nullable=False, server_default=''))
        batch.add_column(sa.Column('closed_dates', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('training_session') as batch:
        batch.drop_column('locked')
    with op.batch_alter_table('venue') as batch:
        batch.drop_column('closed_dates')
        batch.drop_column('hours')
    with op.batch_alter_table('facilitator') as batch:
        batch.drop_column('max_per_week')
        batch.drop_column('max_per_day')
        batch.drop_column('away_dates')
        batch.drop_column('hours')
    op.drop_table('participant_routine')
