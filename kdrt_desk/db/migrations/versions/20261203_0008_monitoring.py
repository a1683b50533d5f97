"""monitoring and evaluation: assessments (answers and scores sealed restricted), the sealed
score ledger the indicators read, their alerts
(everything but open/closed sealed), the centre's instrument versions, livelihood records and
business capital (sealed contact), indicator targets, skill rubrics and the levels reached, and
her case worker

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 05:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def _participant_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(['participant_id'], ['participant.id'],
                                   name=op.f(f'fk_{table}_participant_id_participant'),
                                   ondelete='CASCADE')


def upgrade() -> None:
    op.create_table('instrument_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('definition', sa.Text(), nullable=False),
    sa.Column('created_by', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('retired', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_instrument_version'))
    )
    op.create_index('ix_instrument_version_code', 'instrument_version', ['code', 'version'],
                    unique=True)
    op.create_table('assessment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seal_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('instrument_code', sa.String(length=20), nullable=False),
    sa.Column('instrument_version', sa.Integer(), nullable=False),
    sa.Column('round', sa.String(length=16), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('recorded_by', sa.String(length=40), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('answers', sa.LargeBinary(), nullable=True),
    sa.Column('score', sa.LargeBinary(), nullable=True),
    _participant_fk('assessment'),
    sa.ForeignKeyConstraint(['group_id'], ['training_group.id'],
                            name=op.f('fk_assessment_group_id_training_group'),
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment'))
    )
    op.create_index('ix_assessment_participant', 'assessment',
                    ['participant_id', 'instrument_code', 'round'])
    op.create_index('ix_assessment_round', 'assessment', ['round', 'instrument_code'])
    op.create_table('assessment_alert',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seal_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('is_open', sa.Boolean(), nullable=False),
    sa.Column('raised', sa.LargeBinary(), nullable=True),
    sa.Column('handled', sa.LargeBinary(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment_alert'))
    )
    op.create_index(op.f('ix_assessment_alert_is_open'), 'assessment_alert', ['is_open'])
    op.create_table('score_ledger',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('instrument_code', sa.String(length=20), nullable=False),
    sa.Column('round', sa.String(length=16), nullable=False),
    sa.Column('bucket', sa.Integer(), nullable=False),
    sa.Column('entries', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_score_ledger'))
    )
    op.create_index('ix_score_ledger_key', 'score_ledger', ['instrument_code', 'round', 'bucket'],
                    unique=True)
    for table, day in (('livelihood_record', 'recorded_on'), ('business_capital', 'given_on')):
        op.create_table(table,
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('seal_id', sa.LargeBinary(length=16), nullable=False),
        sa.Column('participant_id', sa.Integer(), nullable=False),
        sa.Column(day, sa.Date(), nullable=False),
        sa.Column('recorded_by', sa.String(length=40), nullable=False),
        sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('details', sa.LargeBinary(), nullable=True),
        _participant_fk(table),
        sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{table}'))
        )
    op.create_table('livelihood_ledger',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bucket', sa.Integer(), nullable=False),
    sa.Column('entries', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_livelihood_ledger')),
    sa.UniqueConstraint('bucket', name=op.f('uq_livelihood_ledger_bucket'))
    )
    op.create_index('ix_livelihood_participant', 'livelihood_record',
                    ['participant_id', 'recorded_on'])
    op.create_index('ix_business_capital_participant', 'business_capital',
                    ['participant_id', 'given_on'])
    op.create_table('indicator_target',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('indicator', sa.String(length=40), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('target', sa.Float(), nullable=False),
    sa.Column('set_by', sa.String(length=40), nullable=False),
    sa.Column('set_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_target'))
    )
    op.create_index('ix_indicator_target', 'indicator_target',
                    ['indicator', 'period_start', 'period_end'], unique=True)
    with op.batch_alter_table('module') as batch:
        batch.add_column(sa.Column('skill_rubric', sa.Text(), nullable=False,
                                   server_default=''))
    with op.batch_alter_table('skill_assessment') as batch:
        batch.add_column(sa.Column('levels', sa.Text(), nullable=False, server_default=''))
    with op.batch_alter_table('participant') as batch:
        batch.add_column(sa.Column('case_worker', sa.String(length=40), nullable=False,
                                   server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('participant') as batch:
        batch.drop_column('case_worker')
    with op.batch_alter_table('skill_assessment') as batch:
        batch.drop_column('levels')
    with op.batch_alter_table('module') as batch:
        batch.drop_column('skill_rubric')
    op.drop_index('ix_indicator_target', table_name='indicator_target')
    op.drop_table('indicator_target')
    op.drop_index('ix_business_capital_participant', table_name='business_capital')
    op.drop_index('ix_livelihood_participant', table_name='livelihood_record')
    op.drop_table('livelihood_ledger')
    op.drop_table('business_capital')
    op.drop_table('livelihood_record')
    op.drop_index('ix_score_ledger_key', table_name='score_ledger')
    op.drop_table('score_ledger')
    op.drop_index(op.f('ix_assessment_alert_is_open'), table_name='assessment_alert')
    op.drop_table('assessment_alert')
    op.drop_index('ix_assessment_round', table_name='assessment')
    op.drop_index('ix_assessment_participant', table_name='assessment')
    op.drop_table('assessment')
    op.drop_index('ix_instrument_version_code', table_name='instrument_version')
    op.drop_table('instrument_version')
