"""sealed fields: contact and restricted values under their tier's key, search tokens, signed audit

Every value of a sealed column is encrypted in this one transaction (with the field keys the
upgrading admin's login holds; without them the migration refuses and nothing changes), the
tables are rebuilt with the sealed columns as BLOBs and without indexes on them, the blind index
of NIKs and phones is built, and the audit log gains a signature per transaction.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 22:00:00
"""

from __future__ import annotations

import os
from typing import Any

import sqlalchemy as sa
from alembic import context, op

from kdrt_desk.security.field_crypto import FieldKeys, identity
from kdrt_desk.security.tiers import Tier

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

R, C = Tier.RESTRICTED, Tier.CONTACT
BOOL = "bool"
# table: (primary key, identity columns, {column: (tier, kind, old type)})
SEALED: dict[str, tuple[tuple[str, ...], tuple[str, ...], dict[str, tuple[Tier, str, Any]]]] = {
    "participant": (("id",), ("seal_id",), {
        "nik": (C, "text", sa.String(16)), "birth_place": (C, "text", sa.String(80)),
        "phone": (C, "text", sa.String(20)), "safe_to_call": (C, "text", sa.String(12)),
        "safe_call_times": (C, "text", sa.String(200)),
        "trusted_contact_name": (C, "text", sa.String(120)),
        "trusted_contact_phone": (C, "text", sa.String(20)),
        "never_contact_at_home": (C, BOOL, sa.Boolean()),
        "living_situation": (C, "text", sa.String(20)), "kelurahan": (C, "text", sa.String(60)),
        "monthly_income": (C, "int", sa.Integer()),
        "economic_dependence": (C, "text", sa.String(20)),
        "risk_level": (R, "text", sa.String(10))}),
    "participant_case": (("participant_id",), ("participant_id",), {
        "violence_forms": (R, "text", sa.String(120)),
        "perpetrator_relation": (R, "text", sa.String(20)),
        "duration_months": (R, "int", sa.Integer()),
        "reported_to_police": (R, BOOL, sa.Boolean()),
        "legal_proceedings": (R, "text", sa.String(20)),
        "referral_source": (R, "text", sa.String(20)),
        "referral_other": (R, "text", sa.String(120)), "safety_notes": (R, "text", sa.Text())}),
    "participant_consent": (("participant_id",), ("participant_id",), {
        "scopes": (C, "text", sa.String(120))}),
    "screening": (("id",), ("seal_id", "participant_id"), {
        "interview_notes": (R, "text", sa.Text()), "needs": (C, "text", sa.String(200)),
        "experience": (C, "text", sa.Text()), "risk_level": (R, "text", sa.String(10)),
        "risk_reasons": (R, "text", sa.String(200)), "safety_plan": (R, "text", sa.Text()),
        "barriers": (C, "text", sa.String(200)), "criteria_met": (C, "text", sa.Text()),
        "score": (C, "int", sa.Integer()), "unmet_required": (C, "text", sa.Text())}),
    "screening_change": (("id",), ("seal_id", "screening_id"), {
        "reason": (R, "text", sa.Text()), "previous": (R, "text", sa.Text())}),
    "screening_decision": (("id",), ("seal_id", "participant_id"), {
        "reason_text": (R, "text", sa.Text())}),
    "service_record": (("id",), ("seal_id", "participant_id"), {
        "outcome_note": (R, "text", sa.Text())}),
    "enrolment": (("id",), ("seal_id", "participant_id"), {
        "end_reason": (C, "text", sa.Text())}),
}
DROPPED_INDEXES = {"participant": ["ix_participant_nik", "ix_participant_risk_level"],
                   "screening": ["ix_screening_risk_level"]}
APPEND_ONLY_UPDATE = (
    "CREATE TRIGGER audit_entry_append_only_update BEFORE UPDATE ON audit_entry "
    "WHEN NOT (OLD.signature IS NULL AND NEW.signature IS NOT NULL AND NEW.id = OLD.id "
    "AND NEW.at IS OLD.at AND NEW.actor IS OLD.actor AND NEW.action IS OLD.action "
    "AND NEW.target IS OLD.target AND NEW.details IS OLD.details "
    "AND NEW.prev_hash IS OLD.prev_hash AND NEW.hash IS OLD.hash) "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")
APPEND_ONLY_UPDATE_V1 = (
    "CREATE TRIGGER audit_entry_append_only_update BEFORE UPDATE ON audit_entry "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")


class UpgradeNeedsKeysError(RuntimeError):
    """Values to seal, and no field keys: an admin's login must run this migration."""


def _plain(kind: str, value: Any) -> Any:
    if kind == BOOL:
        return bool(value)
    if kind == "int":
        return int(value)
    return str(value)


def _seal_table(conn: Any, keys: FieldKeys, table: str) -> None:
    primary, ident_columns, columns = SEALED[table]
    names = list(columns)
    rows = conn.execute(sa.text(
        f"SELECT {', '.join(primary + ident_columns + tuple(names))} FROM {table}")).all()
    if not rows:
        return
    if not (keys.holds(R) and keys.holds(C)):
        raise UpgradeNeedsKeysError(table)
    updates = []
    for row in rows:
        values = dict(zip(primary + ident_columns + tuple(names), row, strict=True))
        ident = identity(*(values[c] for c in ident_columns))
        sealed = {}
        for name, (tier, kind, _) in columns.items():
            value = values[name]
            sealed[f"v_{name}"] = None if value is None else keys.seal(
                tier, f"{table}.{name}", ident, _plain(kind, value))
        updates.append({**{f"k_{c}": values[c] for c in primary}, **sealed})
    assignments = ", ".join(f"{n} = :v_{n}" for n in names)
    where = " AND ".join(f"{c} = :k_{c}" for c in primary)
    conn.execute(sa.text(f"UPDATE {table} SET {assignments} WHERE {where}"), updates)


def _search_text_and_tokens(conn: Any, keys: FieldKeys) -> None:
    from kdrt_desk.repositories.search_tokens import participant_tokens

    people = conn.execute(sa.text(
        "SELECT p.id, p.code, p.full_name, p.preferred_name, p.nik, p.phone, "
        "p.anonymised_on, c.scopes, c.withdrawn_on FROM participant p "
        "LEFT JOIN participant_consent c ON c.participant_id = p.id")).all()
    texts, tokens = [], []
    for pid, code, name, preferred, nik, phone, anonymised, scopes, withdrawn in people:
        texts.append({"pid": pid, "text": " ".join(
            p for p in (name, preferred, code) if p).lower()})
        contact = (anonymised is None and withdrawn is None
                   and "contact" in str(scopes or "").split(","))
        for token in participant_tokens(keys, nik, phone, contact):
            tokens.append({"pid": pid, "token": token})
    if texts:
        conn.execute(sa.text("UPDATE participant SET search_text = :text WHERE id = :pid"), texts)
    if tokens:
        conn.execute(sa.text("INSERT INTO participant_search_token (participant_id, token) "
                             "VALUES (:pid, :token)"), tokens)


def upgrade() -> None:
    conn = op.get_bind()
    keys = context.config.attributes.get("field_keys") or FieldKeys.none()
    op.create_table(
        'participant_search_token',
        sa.Column('participant_id', sa.Integer(), nullable=False),
        sa.Column('token', sa.LargeBinary(length=16), nullable=False),
        sa.ForeignKeyConstraint(['participant_id'], ['participant.id'],
                                name=op.f('fk_participant_search_token_participant_id_participant'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('participant_id', 'token', name=op.f('pk_participant_search_token')))
    with op.batch_alter_table('participant_search_token', schema=None) as batch_op:
        batch_op.create_index('ix_participant_search_token_token', ['token'], unique=False)

    for table, (_, ident_columns, _) in SEALED.items():
        if "seal_id" in ident_columns:
            op.add_column(table, sa.Column('seal_id', sa.LargeBinary(length=16), nullable=True))
            ids = conn.execute(sa.text(f"SELECT id FROM {table}")).scalars().all()
            if ids:
                conn.execute(sa.text(f"UPDATE {table} SET seal_id = :sid WHERE id = :id"),
                             [{"sid": os.urandom(16), "id": i} for i in ids])
    _search_text_and_tokens(conn, keys)  # from the plain NIKs and phones, before sealing
    for table in SEALED:
        _seal_table(conn, keys, table)
    for table, (_, ident_columns, columns) in SEALED.items():
        with op.batch_alter_table(table, schema=None, recreate="always") as batch_op:
            for index in DROPPED_INDEXES.get(table, []):
                batch_op.drop_index(index)
            if "seal_id" in ident_columns:
                batch_op.alter_column('seal_id', existing_type=sa.LargeBinary(length=16),
                                      nullable=False)
            for name, (_, _, old_type) in columns.items():
                batch_op.alter_column(name, existing_type=old_type, type_=sa.LargeBinary(),
                                      nullable=True)

    with op.batch_alter_table('participant_consent', schema=None) as batch_op:
        batch_op.add_column(sa.Column('withdrawal_requested_by', sa.String(length=40),
                                      nullable=True))
        batch_op.add_column(sa.Column('withdrawal_rejection', sa.LargeBinary(), nullable=True))
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('signer', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('signature', sa.LargeBinary(), nullable=True))
    if conn.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_append_only_update")
        op.execute(APPEND_ONLY_UPDATE)


def downgrade() -> None:
    """Schema only: sealed values stay ciphertext (there are no keys here to open them)."""
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_append_only_update")
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_column('signature')
        batch_op.drop_column('signer')
    if conn.dialect.name == "sqlite":
        op.execute(APPEND_ONLY_UPDATE_V1)
    with op.batch_alter_table('participant_consent', schema=None) as batch_op:
        batch_op.drop_column('withdrawal_rejection')
        batch_op.drop_column('withdrawal_requested_by')
    for table, (_, ident_columns, columns) in SEALED.items():
        with op.batch_alter_table(table, schema=None, recreate="always") as batch_op:
            for name, (_, _, old_type) in columns.items():
                batch_op.alter_column(name, existing_type=sa.LargeBinary(), type_=old_type)
            if "seal_id" in ident_columns:
                batch_op.drop_column('seal_id')
            for index in DROPPED_INDEXES.get(table, []):
                column = index.removeprefix(f"ix_{table}_")
                batch_op.create_index(index, [column], unique=False)
    with op.batch_alter_table('participant_search_token', schema=None) as batch_op:
        batch_op.drop_index('ix_participant_search_token_token')
    op.drop_table('participant_search_token')
