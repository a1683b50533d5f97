"""foundation: staff, participants, audit, settings

Revision ID: 0001
Revises:
Create Date: 2026-11-27 18:14:39.628850
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=40), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('target', sa.String(length=60), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_actor'), ['actor'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_at'), ['at'], unique=False)

    op.create_table('participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('full_name', sa.String(length=120), nullable=False),
    sa.Column('preferred_name', sa.String(length=60), nullable=False),
    sa.Column('nik', sa.String(length=16), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('estimated_age', sa.Integer(), nullable=True),
    sa.Column('birth_place', sa.String(length=80), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('safe_to_call', sa.String(length=12), nullable=False),
    sa.Column('safe_call_times', sa.String(length=200), nullable=False),
    sa.Column('trusted_contact_name', sa.String(length=120), nullable=False),
    sa.Column('trusted_contact_phone', sa.String(length=20), nullable=True),
    sa.Column('never_contact_at_home', sa.Boolean(), nullable=False),
    sa.Column('living_situation', sa.String(length=20), nullable=False),
    sa.Column('kecamatan', sa.String(length=40), nullable=False),
    sa.Column('kelurahan', sa.String(length=60), nullable=False),
    sa.Column('marital_status', sa.String(length=20), nullable=False),
    sa.Column('children_count', sa.Integer(), nullable=False),
    sa.Column('children_ages', sa.String(length=60), nullable=False),
    sa.Column('dependants', sa.Integer(), nullable=False),
    sa.Column('education', sa.String(length=20), nullable=False),
    sa.Column('occupation', sa.String(length=120), nullable=False),
    sa.Column('monthly_income', sa.Integer(), nullable=True),
    sa.Column('economic_dependence', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participant')),
    sa.UniqueConstraint('code', name=op.f('uq_participant_code'))
    )
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participant_kecamatan'), ['kecamatan'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_nik'), ['nik'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_registered_on'), ['registered_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_status'), ['status'], unique=False)

    op.create_table('setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('staff_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('display_name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('must_change_password', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_account')),
    sa.UniqueConstraint('username', name=op.f('uq_staff_account_username'))
    )
    op.create_table('participant_case',
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('violence_forms', sa.String(length=120), nullable=False),
    sa.Column('perpetrator_relation', sa.String(length=20), nullable=True),
    sa.Column('duration_months', sa.Integer(), nullable=True),
    sa.Column('reported_to_police', sa.Boolean(), nullable=False),
    sa.Column('legal_proceedings', sa.String(length=20), nullable=False),
    sa.Column('referral_source', sa.String(length=20), nullable=True),
    sa.Column('referral_other', sa.String(length=120), nullable=False),
    sa.Column('safety_notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_participant_case_participant_id_participant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('participant_id', name=op.f('pk_participant_case'))
    )
    op.create_table('participant_consent',
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('consent_date', sa.Date(), nullable=True),
    sa.Column('scopes', sa.String(length=120), nullable=False),
    sa.Column('recorded_by', sa.String(length=40), nullable=False),
    sa.Column('withdrawn_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_participant_consent_participant_id_participant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('participant_id', name=op.f('pk_participant_consent'))
    )
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_entry_append_only_{verb.lower()} BEFORE {verb} ON audit_entry "
                "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_append_only_update")
        op.execute("DROP TRIGGER IF EXISTS audit_entry_append_only_delete")
    op.drop_table('participant_consent')
    op.drop_table('participant_case')
    op.drop_table('staff_account')
    op.drop_table('setting')
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_status'))
        batch_op.drop_index(batch_op.f('ix_participant_registered_on'))
        batch_op.drop_index(batch_op.f('ix_participant_nik'))
        batch_op.drop_index(batch_op.f('ix_participant_kecamatan'))

    op.drop_table('participant')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_at'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_actor'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_action'))

    op.drop_table('audit_entry')
