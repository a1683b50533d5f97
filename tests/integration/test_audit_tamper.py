"""Tamper evidence: an audit entry changed directly in the SQLCipher file breaks the hash chain.

The attacker here holds the master key (unwrapped from the key file with a stolen password) and
drops the append-only triggers first; ``audit verify`` must still notice and name the entry.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from cli_harness import CliVault, assert_clean_failure, message
from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError

from kdrt_desk.db.engine import encrypted_engine
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.security.vault_keys import VaultKeys
from kdrt_desk.services.audit_log import entry_hash

TARGET_ID = 3


@contextmanager
def raw_engine(vault: CliVault) -> Iterator[Engine]:
    vault.sync_keyring()
    master = VaultKeys(vault.data_dir / "kdrt.keys", SecretStore()).unlock(
        "admin", vault.password).master
    engine = encrypted_engine(vault.data_dir / "kdrt.db", master)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.mark.parametrize(("attack", "broken_at"), [
    ("edit_details", TARGET_ID),
    ("edit_and_rehash", TARGET_ID + 1),
    ("delete", TARGET_ID + 1),
])
def test_audit_verify_names_the_first_broken_entry(demo_copy: CliVault, attack: str,
                                                   broken_at: int) -> None:
    # Some activity after the demo import, then a chain that verifies.
    assert demo_copy.run("participants", "list", "--search", "sari", user="staf").returncode == 0
    assert demo_copy.run("audit", "verify").returncode == 0

    with raw_engine(demo_copy) as engine:
        with pytest.raises(DatabaseError, match="append-only"), engine.begin() as conn:
            conn.execute(text("UPDATE audit_entry SET details = '{}' WHERE id = :id"),
                         {"id": TARGET_ID})
        with pytest.raises(DatabaseError, match="append-only"), engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_entry WHERE id = :id"), {"id": TARGET_ID})
        with engine.begin() as conn:
            conn.execute(text("DROP TRIGGER audit_entry_append_only_update"))
            conn.execute(text("DROP TRIGGER audit_entry_append_only_delete"))
            row = conn.execute(text("SELECT prev_hash, at, actor, action, target, details "
                                    "FROM audit_entry WHERE id = :id"), {"id": TARGET_ID}).one()
            forged = '{"rows": 0}' if row.details != '{"rows": 0}' else '{"rows": 1}'
            if attack == "delete":
                conn.execute(text("DELETE FROM audit_entry WHERE id = :id"), {"id": TARGET_ID})
            else:
                conn.execute(text("UPDATE audit_entry SET details = :d WHERE id = :id"),
                             {"d": forged, "id": TARGET_ID})
            if attack == "edit_and_rehash":  # a careful attacker recomputes the entry's hash
                when = datetime.fromisoformat(row.at).replace(tzinfo=UTC)
                digest = entry_hash(row.prev_hash, when, row.actor, row.action, row.target,
                                    forged)
                conn.execute(text("UPDATE audit_entry SET hash = :h WHERE id = :id"),
                             {"h": digest, "id": TARGET_ID})

    for lang in ("id", "en"):
        result = demo_copy.run("audit", "verify", lang=lang)
        assert result.returncode == 3
        assert_clean_failure(result, message("cli.audit_broken", lang, entry=broken_at))
        assert result.stdout == ""
