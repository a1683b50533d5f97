"""reminders told: what each woman was told about each of her sessions (the session's date,
hours, venue and status as she heard it, when and by whom), how sealed under the contact key

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 21:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('reminder_told',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seal_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=True),
    sa.Column('session_ref', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('session_date', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('end_time', sa.Time(), nullable=False),
    sa.Column('venue_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('told_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('told_by', sa.String(length=40), nullable=False),
    sa.Column('channel', sa.LargeBinary(), nullable=True),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_reminder_told_participant_id_participant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['training_session.id'], name=op.f('fk_reminder_told_session_id_training_session'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['group_id'], ['training_group.id'], name=op.f('fk_reminder_told_group_id_training_group'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder_told'))
    )
    op.create_index('ix_reminder_told_participant_session', 'reminder_told',
                    ['participant_id', 'session_id'])
    op.create_index(op.f('ix_reminder_told_session_id'), 'reminder_told', ['session_id'])
    op.create_index('ix_reminder_told_date', 'reminder_told', ['session_date'])


def downgrade() -> None:
    op.drop_index('ix_reminder_told_date', table_name='reminder_told')
    op.drop_index(op.f('ix_reminder_told_session_id'), table_name='reminder_told')
    op.drop_index('ix_reminder_told_participant_session', table_name='reminder_told')
    op.drop_table('reminder_told')
