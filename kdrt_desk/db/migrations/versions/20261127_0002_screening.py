"""screening, decisions, criteria, partners, services

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 19:14:06.395952
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# The programme's default selection criteria (an admin edits them later).
DEFAULT_CRITERIA = [
    ("adult_woman", "Perempuan dewasa (18 tahun ke atas)", "Adult woman (18 or older)",
     "required", 0),
    ("kdrt_survivor", "Penyintas kekerasan dalam rumah tangga",
     "Survivor of domestic violence", "required", 0),
    ("lives_in_palembang", "Tinggal di Kota Palembang", "Lives in Palembang", "required", 0),
    ("consent_given", "Memberi persetujuan mengikuti program", "Consents to the programme",
     "required", 0),
    ("not_acute_crisis", "Tidak dalam krisis akut yang perlu rumah aman lebih dulu",
     "Not in an acute crisis that needs a safe house first", "required", 0),
    ("can_attend", "Dapat hadir setidaknya di sebagian sesi", "Can attend at least some sessions",
     "required", 0),
    ("economic_dependence", "Bergantung secara ekonomi pada pelaku",
     "Economically dependent on the abuser", "weighted", 3),
    ("cares_for_children", "Menanggung anak", "Cares for children", "weighted", 2),
    ("low_income", "Penghasilan di bawah Rp 1.500.000 per bulan",
     "Income below Rp 1,500,000 a month", "weighted", 2),
    ("no_other_support", "Belum mendapat dukungan program lain",
     "Gets no support from other programmes", "weighted", 2),
    ("wants_skills", "Berminat mengikuti pelatihan keterampilan",
     "Wants skills training", "weighted", 1),
]
# Public bodies and organisations the programme refers to (see the domain page).
DEFAULT_PARTNERS = [
    ("UPTD PPA Kota Palembang", "government", "Pengaduan, pendampingan, rumah aman"),
    ("Unit PPA Polrestabes Palembang", "government", "Laporan polisi dan perlindungan"),
    ("LBH Palembang", "ngo_legal_aid", "Konsultasi dan pendampingan hukum"),
    ("YP3I", "ngo_legal_aid", "Pendampingan dan kelompok dukungan"),
    ("WCC Palembang", "ngo_legal_aid", "Konseling dan pendampingan perempuan"),
]


def upgrade() -> None:
    op.create_table('eligibility_criterion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('label_id', sa.String(length=200), nullable=False),
    sa.Column('label_en', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('weight', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_eligibility_criterion')),
    sa.UniqueConstraint('code', name=op.f('uq_eligibility_criterion_code'))
    )
    op.create_table('partner',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('contact_person', sa.String(length=120), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('contribution', sa.Text(), nullable=False),
    sa.Column('mou_start', sa.Date(), nullable=True),
    sa.Column('mou_end', sa.Date(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner')),
    sa.UniqueConstraint('name', name=op.f('uq_partner_name'))
    )
    op.create_table('screening',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('screened_on', sa.Date(), nullable=False),
    sa.Column('assessor', sa.String(length=40), nullable=False),
    sa.Column('interview_notes', sa.Text(), nullable=False),
    sa.Column('needs', sa.String(length=200), nullable=False),
    sa.Column('skills', sa.String(length=200), nullable=False),
    sa.Column('skills_other', sa.String(length=200), nullable=False),
    sa.Column('experience', sa.Text(), nullable=False),
    sa.Column('risk_level', sa.String(length=10), nullable=False),
    sa.Column('risk_reasons', sa.String(length=200), nullable=False),
    sa.Column('safety_plan', sa.Text(), nullable=False),
    sa.Column('barriers', sa.String(length=200), nullable=False),
    sa.Column('criteria_met', sa.Text(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('unmet_required', sa.Text(), nullable=False),
    sa.Column('decided', sa.Boolean(), nullable=False),
    sa.Column('created_by', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_screening_participant_id_participant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening'))
    )
    with op.batch_alter_table('screening', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_screening_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_screening_risk_level'), ['risk_level'], unique=False)
        batch_op.create_index(batch_op.f('ix_screening_screened_on'), ['screened_on'], unique=False)

    op.create_table('service_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('service_date', sa.Date(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=True),
    sa.Column('provider_note', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('outcome_note', sa.Text(), nullable=False),
    sa.Column('created_by', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_service_record_participant_id_participant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_service_record_partner_id_partner')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_record'))
    )
    with op.batch_alter_table('service_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_record_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_record_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_record_service_date'), ['service_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_record_status'), ['status'], unique=False)

    op.create_table('screening_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('screening_id', sa.Integer(), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by', sa.String(length=40), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.Column('previous', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['screening_id'], ['screening.id'], name=op.f('fk_screening_change_screening_id_screening'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening_change'))
    )
    with op.batch_alter_table('screening_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_screening_change_screening_id'), ['screening_id'], unique=False)

    op.create_table('screening_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('screening_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=True),
    sa.Column('reason_code', sa.String(length=24), nullable=True),
    sa.Column('reason_text', sa.Text(), nullable=False),
    sa.Column('referred_partner_id', sa.Integer(), nullable=True),
    sa.Column('decided_by', sa.String(length=40), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('confirmed_by', sa.String(length=40), nullable=True),
    sa.Column('confirmed_on', sa.Date(), nullable=True),
    sa.Column('current', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_screening_decision_participant_id_participant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['referred_partner_id'], ['partner.id'], name=op.f('fk_screening_decision_referred_partner_id_partner')),
    sa.ForeignKeyConstraint(['screening_id'], ['screening.id'], name=op.f('fk_screening_decision_screening_id_screening'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening_decision'))
    )
    with op.batch_alter_table('screening_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_screening_decision_current'), ['current'], unique=False)
        batch_op.create_index(batch_op.f('ix_screening_decision_decided_on'), ['decided_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_screening_decision_outcome'), ['outcome'], unique=False)
        batch_op.create_index(batch_op.f('ix_screening_decision_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_screening_decision_screening_id'), ['screening_id'], unique=False)

    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('anonymised_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('risk_level', sa.String(length=10), nullable=True))
        batch_op.create_index(batch_op.f('ix_participant_risk_level'), ['risk_level'], unique=False)

    with op.batch_alter_table('participant_consent', schema=None) as batch_op:
        batch_op.add_column(sa.Column('form_signed_on', sa.Date(), nullable=True))

    criteria = sa.table(
        "eligibility_criterion", sa.column("code", sa.String), sa.column("label_id", sa.String),
        sa.column("label_en", sa.String), sa.column("kind", sa.String),
        sa.column("weight", sa.Integer), sa.column("active", sa.Boolean),
        sa.column("position", sa.Integer))
    op.bulk_insert(criteria, [
        {"code": code, "label_id": label_id, "label_en": label_en, "kind": kind,
         "weight": weight, "active": True, "position": position}
        for position, (code, label_id, label_en, kind, weight) in enumerate(DEFAULT_CRITERIA)
    ])
    partners = sa.table(
        "partner", sa.column("name", sa.String), sa.column("kind", sa.String),
        sa.column("contact_person", sa.String), sa.column("contribution", sa.Text),
        sa.column("active", sa.Boolean))
    op.bulk_insert(partners, [
        {"name": name, "kind": kind, "contact_person": "", "contribution": contribution,
         "active": True}
        for name, kind, contribution in DEFAULT_PARTNERS
    ])


def downgrade() -> None:
    with op.batch_alter_table('participant_consent', schema=None) as batch_op:
        batch_op.drop_column('form_signed_on')

    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_risk_level'))
        batch_op.drop_column('risk_level')
        batch_op.drop_column('anonymised_on')

    with op.batch_alter_table('screening_decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_screening_decision_screening_id'))
        batch_op.drop_index(batch_op.f('ix_screening_decision_participant_id'))
        batch_op.drop_index(batch_op.f('ix_screening_decision_outcome'))
        batch_op.drop_index(batch_op.f('ix_screening_decision_decided_on'))
        batch_op.drop_index(batch_op.f('ix_screening_decision_current'))

    op.drop_table('screening_decision')
    with op.batch_alter_table('screening_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_screening_change_screening_id'))

    op.drop_table('screening_change')
    with op.batch_alter_table('service_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_record_status'))
        batch_op.drop_index(batch_op.f('ix_service_record_service_date'))
        batch_op.drop_index(batch_op.f('ix_service_record_participant_id'))
        batch_op.drop_index(batch_op.f('ix_service_record_kind'))

    op.drop_table('service_record')
    with op.batch_alter_table('screening', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_screening_screened_on'))
        batch_op.drop_index(batch_op.f('ix_screening_risk_level'))
        batch_op.drop_index(batch_op.f('ix_screening_participant_id'))

    op.drop_table('screening')
    op.drop_table('partner')
    op.drop_table('eligibility_criterion')
