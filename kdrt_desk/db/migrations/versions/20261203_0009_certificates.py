"""certificates: the register (serials never reused, the name as printed with its salted hash),
the serial counter per year, and the templates they print with

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 08:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('certificate_template',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('design', sa.Text(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('updated_by', sa.String(length=40), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate_template')),
    sa.UniqueConstraint('name', name=op.f('uq_certificate_template_name'))
    )
    op.create_table('certificate_serial',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_certificate_serial'))
    )
    op.create_table('certificate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('serial', sa.String(length=32), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=True),
    sa.Column('participant_code', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('module_id', sa.Integer(), nullable=True),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('template_id', sa.Integer(), nullable=True),
    sa.Column('printed_name', sa.String(length=120), nullable=True),
    sa.Column('name_salt', sa.LargeBinary(length=16), nullable=False),
    sa.Column('name_hash', sa.LargeBinary(length=32), nullable=False),
    sa.Column('module_code', sa.String(length=20), nullable=False),
    sa.Column('course', sa.String(length=200), nullable=False),
    sa.Column('hours', sa.Integer(), nullable=False),
    sa.Column('first_date', sa.Date(), nullable=False),
    sa.Column('last_date', sa.Date(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('replaced_by_id', sa.Integer(), nullable=True),
    sa.Column('issued_by', sa.String(length=40), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by', sa.String(length=40), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('signer', sa.String(length=64), nullable=False),
    sa.Column('signature', sa.LargeBinary(), nullable=True),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'],
                            name=op.f('fk_certificate_participant_id_participant'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['module_id'], ['module.id'],
                            name=op.f('fk_certificate_module_id_module'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['group_id'], ['training_group.id'],
                            name=op.f('fk_certificate_group_id_training_group'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['template_id'], ['certificate_template.id'],
                            name=op.f('fk_certificate_template_id_certificate_template'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['replaced_by_id'], ['certificate.id'],
                            name=op.f('fk_certificate_replaced_by_id_certificate'),
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate')),
    sa.UniqueConstraint('serial', name=op.f('uq_certificate_serial')),
    sa.UniqueConstraint('code', name=op.f('uq_certificate_code'))
    )
    op.create_index(op.f('ix_certificate_participant_id'), 'certificate', ['participant_id'])
    op.create_index(op.f('ix_certificate_status'), 'certificate', ['status'])


def downgrade() -> None:
    op.drop_index(op.f('ix_certificate_status'), table_name='certificate')
    op.drop_index(op.f('ix_certificate_participant_id'), table_name='certificate')
    op.drop_table('certificate')
    op.drop_table('certificate_serial')
    op.drop_table('certificate_template')
