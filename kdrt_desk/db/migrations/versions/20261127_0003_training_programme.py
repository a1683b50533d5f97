"""training programme

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 20:42:21.461643
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


# Table 1 of the paper as a starting catalogue (an admin edits it): code, title, track,
# description, objectives, sessions, minutes each, facilitator type, venue features, partner,
# minimum attendance %, skill assessment required.
DEFAULT_MODULES = [
    ("SOS-01", "Kelompok dukungan sebaya", "social",
     "Pertemuan rutin sesama penyintas untuk saling menguatkan, dipandu psikolog.",
     "Peserta merasa tidak sendirian, mengenal tanda kekerasan, dan punya jejaring dukungan.",
     8, 120, "psychologist", "private_room", None, 75, False),
    ("SOS-02", "Literasi hukum dan advokasi", "social",
     "Hak-hak korban menurut UU PKDRT, cara melapor, dan pendampingan hukum.",
     "Peserta tahu hak-haknya, jalur pelaporan, dan lembaga yang dapat membantu.",
     4, 120, "trainer", "projector", "LBH Palembang", 75, False),
    ("SOS-03", "Penguatan psikososial", "social",
     "Sesi pemulihan trauma, pengelolaan stres, dan harga diri.",
     "Peserta punya cara mengelola stres dan rencana pemulihan diri.",
     6, 90, "psychologist", "private_room", None, 75, False),
    ("SOS-04", "Kesadaran dan melawan stigma", "social",
     "Diskusi dan kampanye untuk melawan stigma terhadap penyintas di lingkungan.",
     "Peserta dapat menghadapi stigma dan berbicara tentang pengalamannya dengan aman.",
     3, 120, "community_leader", "projector", None, 66, False),
    ("EKO-01", "Menjahit", "economic",
     "Keterampilan menjahit dasar sampai membuat produk yang dapat dijual.",
     "Peserta dapat menjahit pakaian sederhana dan menghitung harga jual.",
     12, 180, "trainer", "sewing_machines", None, 80, True),
    ("EKO-02", "Memasak dan usaha makanan", "economic",
     "Memasak makanan khas Palembang untuk dijual, kebersihan pangan, dan izin PIRT.",
     "Peserta dapat membuat produk makanan layak jual dan memahami izin usaha pangan.",
     10, 180, "trainer", "kitchen", None, 80, True),
    ("EKO-03", "Kerajinan tangan", "economic",
     "Kerajinan dari kain songket perca, anyaman, dan manik-manik.",
     "Peserta dapat membuat produk kerajinan dengan mutu yang dapat dijual.",
     8, 150, "trainer", "", None, 75, True),
    ("EKO-04", "Kewirausahaan dan pemasaran", "economic",
     "Memulai usaha kecil, pemasaran lewat media sosial, dan berjualan di bazar.",
     "Peserta punya rencana usaha sederhana dan dapat memasarkan produknya.",
     6, 120, "trainer", "projector", None, 75, False),
    ("EKO-05", "Literasi keuangan", "economic",
     "Mengelola uang rumah tangga dan usaha, menabung, dan akses bantuan modal.",
     "Peserta dapat mencatat keuangan, menabung, dan mengenal program bantuan ekonomi.",
     4, 120, "social_worker", "projector", None, 75, False),
]


def upgrade() -> None:
    op.create_table('venue',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('kecamatan', sa.String(length=40), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('features', sa.String(length=120), nullable=False),
    sa.Column('childcare', sa.Boolean(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_venue')),
    sa.UniqueConstraint('name', name=op.f('uq_venue_name'))
    )
    op.create_table('facilitator',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('organisation', sa.String(length=160), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('email', sa.String(length=120), nullable=False),
    sa.Column('staff_account_id', sa.Integer(), nullable=True),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['staff_account_id'], ['staff_account.id'], name=op.f('fk_facilitator_staff_account_id_staff_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_facilitator')),
    sa.UniqueConstraint('staff_account_id', name=op.f('uq_facilitator_staff_account_id'))
    )
    op.create_table('module',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=160), nullable=False),
    sa.Column('track', sa.String(length=12), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('objectives', sa.Text(), nullable=False),
    sa.Column('session_count', sa.Integer(), nullable=False),
    sa.Column('minutes_per_session', sa.Integer(), nullable=False),
    sa.Column('facilitator_type', sa.String(length=20), nullable=False),
    sa.Column('venue_features', sa.String(length=120), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=True),
    sa.Column('min_attendance_pct', sa.Integer(), nullable=False),
    sa.Column('assessment_required', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_module_partner_id_partner')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_module')),
    sa.UniqueConstraint('code', name=op.f('uq_module_code'))
    )
    op.create_table('training_group',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('kecamatan', sa.String(length=40), nullable=False),
    sa.Column('kelurahan', sa.String(length=60), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('venue_id', sa.Integer(), nullable=True),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['venue_id'], ['venue.id'], name=op.f('fk_training_group_venue_id_venue')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_group')),
    sa.UniqueConstraint('name', name=op.f('uq_training_group_name'))
    )
    op.create_table('enrolment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('enrolled_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('end_reason', sa.Text(), nullable=False),
    sa.Column('created_by', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['training_group.id'], name=op.f('fk_enrolment_group_id_training_group')),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_enrolment_participant_id_participant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enrolment'))
    )
    with op.batch_alter_table('enrolment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enrolment_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_enrolment_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_enrolment_status'), ['status'], unique=False)

    op.create_table('facilitator_module',
    sa.Column('facilitator_id', sa.Integer(), nullable=False),
    sa.Column('module_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['facilitator_id'], ['facilitator.id'], name=op.f('fk_facilitator_module_facilitator_id_facilitator'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['module_id'], ['module.id'], name=op.f('fk_facilitator_module_module_id_module'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('facilitator_id', 'module_id', name=op.f('pk_facilitator_module'))
    )
    with op.batch_alter_table('facilitator_module', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_facilitator_module_module_id'), ['module_id'], unique=False)

    op.create_table('group_facilitator',
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('facilitator_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['facilitator_id'], ['facilitator.id'], name=op.f('fk_group_facilitator_facilitator_id_facilitator')),
    sa.ForeignKeyConstraint(['group_id'], ['training_group.id'], name=op.f('fk_group_facilitator_group_id_training_group'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('group_id', 'facilitator_id', name=op.f('pk_group_facilitator'))
    )
    with op.batch_alter_table('group_facilitator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_facilitator_facilitator_id'), ['facilitator_id'], unique=False)

    op.create_table('group_module',
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('module_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['training_group.id'], name=op.f('fk_group_module_group_id_training_group'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['module_id'], ['module.id'], name=op.f('fk_group_module_module_id_module')),
    sa.PrimaryKeyConstraint('group_id', 'module_id', name=op.f('pk_group_module'))
    )
    with op.batch_alter_table('group_module', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_module_module_id'), ['module_id'], unique=False)

    op.create_table('skill_assessment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('module_id', sa.Integer(), nullable=False),
    sa.Column('passed', sa.Boolean(), nullable=False),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('recorded_by', sa.String(length=40), nullable=False),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['module_id'], ['module.id'], name=op.f('fk_skill_assessment_module_id_module')),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_skill_assessment_participant_id_participant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_skill_assessment')),
    sa.UniqueConstraint('participant_id', 'module_id', name=op.f('uq_skill_assessment_participant_id'))
    )
    with op.batch_alter_table('skill_assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_skill_assessment_participant_id'), ['participant_id'], unique=False)

    op.create_table('training_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('module_id', sa.Integer(), nullable=False),
    sa.Column('session_date', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('end_time', sa.Time(), nullable=False),
    sa.Column('venue_id', sa.Integer(), nullable=False),
    sa.Column('facilitator_id', sa.Integer(), nullable=False),
    sa.Column('topic', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('cancel_reason', sa.Text(), nullable=False),
    sa.Column('moved_from', sa.Date(), nullable=True),
    sa.Column('created_by', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['facilitator_id'], ['facilitator.id'], name=op.f('fk_training_session_facilitator_id_facilitator')),
    sa.ForeignKeyConstraint(['group_id'], ['training_group.id'], name=op.f('fk_training_session_group_id_training_group')),
    sa.ForeignKeyConstraint(['module_id'], ['module.id'], name=op.f('fk_training_session_module_id_module')),
    sa.ForeignKeyConstraint(['venue_id'], ['venue.id'], name=op.f('fk_training_session_venue_id_venue')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_session'))
    )
    with op.batch_alter_table('training_session', schema=None) as batch_op:
        batch_op.create_index('ix_training_session_facilitator_day', ['facilitator_id', 'session_date'], unique=False)
        batch_op.create_index('ix_training_session_group_day', ['group_id', 'session_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_session_module_id'), ['module_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_session_session_date'), ['session_date'], unique=False)
        batch_op.create_index('ix_training_session_venue_day', ['venue_id', 'session_date'], unique=False)

    op.create_table('attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('mark', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('marked_by', sa.String(length=40), nullable=False),
    sa.Column('marked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_attendance_participant_id_participant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['training_session.id'], name=op.f('fk_attendance_session_id_training_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance')),
    sa.UniqueConstraint('session_id', 'participant_id', name=op.f('uq_attendance_session_id'))
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_participant_id'), ['participant_id'], unique=False)

    _seed_modules()


def _seed_modules() -> None:
    conn = op.get_bind()
    partners: dict[str, int] = dict(conn.execute(sa.text("SELECT name, id FROM partner")).all())
    module = sa.table(
        "module", sa.column("code", sa.String), sa.column("title", sa.String),
        sa.column("track", sa.String), sa.column("description", sa.Text),
        sa.column("objectives", sa.Text), sa.column("session_count", sa.Integer),
        sa.column("minutes_per_session", sa.Integer), sa.column("facilitator_type", sa.String),
        sa.column("venue_features", sa.String), sa.column("partner_id", sa.Integer),
        sa.column("min_attendance_pct", sa.Integer), sa.column("assessment_required", sa.Boolean),
        sa.column("position", sa.Integer), sa.column("archived", sa.Boolean))
    op.bulk_insert(module, [
        {"code": code, "title": title, "track": track, "description": description,
         "objectives": objectives, "session_count": sessions, "minutes_per_session": minutes,
         "facilitator_type": kind, "venue_features": features,
         "partner_id": partners.get(partner) if partner else None,
         "min_attendance_pct": pct, "assessment_required": assessed, "position": position,
         "archived": False}
        for position, (code, title, track, description, objectives, sessions, minutes, kind,
                       features, partner, pct, assessed) in enumerate(DEFAULT_MODULES)
    ])


def downgrade() -> None:
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_participant_id'))

    op.drop_table('attendance')
    with op.batch_alter_table('training_session', schema=None) as batch_op:
        batch_op.drop_index('ix_training_session_venue_day')
        batch_op.drop_index(batch_op.f('ix_training_session_session_date'))
        batch_op.drop_index(batch_op.f('ix_training_session_module_id'))
        batch_op.drop_index('ix_training_session_group_day')
        batch_op.drop_index('ix_training_session_facilitator_day')

    op.drop_table('training_session')
    with op.batch_alter_table('skill_assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_skill_assessment_participant_id'))

    op.drop_table('skill_assessment')
    with op.batch_alter_table('group_module', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_group_module_module_id'))

    op.drop_table('group_module')
    with op.batch_alter_table('group_facilitator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_group_facilitator_facilitator_id'))

    op.drop_table('group_facilitator')
    with op.batch_alter_table('facilitator_module', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_facilitator_module_module_id'))

    op.drop_table('facilitator_module')
    with op.batch_alter_table('enrolment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enrolment_status'))
        batch_op.drop_index(batch_op.f('ix_enrolment_participant_id'))
        batch_op.drop_index(batch_op.f('ix_enrolment_group_id'))

    op.drop_table('enrolment')
    op.drop_table('training_group')
    op.drop_table('module')
    op.drop_table('facilitator')
    op.drop_table('venue')
