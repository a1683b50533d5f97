"""Finding 3: the audit log catches truncation and rewrites done with a facilitator's password.

The facilitator unlocks her slot, drops the append-only triggers with raw SQL and removes what
others did: the newest entry, the newest 50, the whole table, or rows in the middle with every
later entry hashed again (``entry_hash``), finally signing her forgery with her own key and
moving her own mark in the key file. Each time an admin's ``audit verify`` exits 3 and names
an entry in one line.
"""

from __future__ import annotations

import base64
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import pytest
from attackers import edit_key_file, raw_sql, says
from cli_harness import CliVault, DemoTemplate
from sqlalchemy import Connection, text
from support.fake_os_keyring import MemoryKeyring

from kdrt_desk.security.crypto import fingerprint
from kdrt_desk.security.keyfile import entry_signature_payload, mark_payload
from kdrt_desk.security.vault_keys import Unlocked
from kdrt_desk.services.audit_log import GENESIS, entry_hash

AUDIT_MESSAGES = ("cli.audit_broken", "cli.audit_truncated", "cli.audit_signature",
                  "cli.audit_actor")


def _day_of_work(vault: CliVault, users: tuple[str, ...]) -> None:
    """Each user logs in and leaves entries signed with her own key."""
    for user in users:
        services = vault.services(user)
        try:
            if user == "konselor":
                first = services.participants.list_rows()[0].id
                services.participants.open_restricted(first)  # restricted_opened
            services.participants.record_listing(3, "csv")
        finally:
            services.close()


@pytest.fixture(scope="module")
def busy_template(demo_template: DemoTemplate, tmp_path_factory: pytest.TempPathFactory
                  ) -> CliVault:
    """The demo after a day's work: konselor opened a record, staf and then admin listed."""
    root = tmp_path_factory.mktemp("busy")
    source = demo_template.vault
    shutil.copytree(source.data_dir, root / "vault",
                    ignore=shutil.ignore_patterns("kdrt.lock", "logs"))
    shutil.copy2(source.keyring_file, root / "keyring.json")
    memory = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(memory)
    try:
        busy = CliVault(root / "vault", root / "keyring.json", source.password, root,
                        source.recovery_code, memory)
        _day_of_work(busy, ("konselor", "staf", "admin"))
        services = busy.services("admin")
        try:
            assert services.audit.verify().ok  # the log is whole before the attack
        finally:
            services.close()
    finally:
        keyring.set_keyring(previous)
    return CliVault(root / "vault", root / "keyring.json", source.password, root,
                    source.recovery_code)


@pytest.fixture
def busy(busy_template: CliVault, tmp_path: Path, _test_keyring: MemoryKeyring) -> CliVault:
    """A private copy of the busy vault, bound to this test's keyring."""
    shutil.copytree(busy_template.data_dir, tmp_path / "vault",
                    ignore=shutil.ignore_patterns("kdrt.lock", "logs"))
    shutil.copy2(busy_template.keyring_file, tmp_path / "keyring.json")
    copy = CliVault(tmp_path / "vault", tmp_path / "keyring.json", busy_template.password,
                    tmp_path, busy_template.recovery_code, _test_keyring)
    copy.sync_keyring()
    return copy


class Forger:
    """The facilitator at the audit table, triggers dropped."""

    def __init__(self, conn: Connection, holder: Unlocked) -> None:
        self.conn = conn
        self.holder = holder
        conn.execute(text("DROP TRIGGER IF EXISTS audit_entry_append_only_update"))
        conn.execute(text("DROP TRIGGER IF EXISTS audit_entry_append_only_delete"))

    def scalar(self, sql: str, **params: object) -> Any:
        return self.conn.execute(text(sql), params).scalar()

    def delete(self, where: str, **params: object) -> int:
        result = self.conn.execute(text(f"DELETE FROM audit_entry WHERE {where}"), params)
        return int(result.rowcount)  # type: ignore[attr-defined]

    def rehash_after(self, cut: int, actor: Callable[[str], str] = lambda a: a
                     ) -> tuple[int, str]:
        """Every entry after ``cut`` hashed again onto what precedes it; returns the last."""
        prev = self.scalar("SELECT hash FROM audit_entry WHERE id <= :id ORDER BY id DESC "
                           "LIMIT 1", id=cut) or GENESIS
        last = (cut, str(prev))
        rows = self.conn.execute(text(
            "SELECT id, at, actor, action, target, details FROM audit_entry WHERE id > :id "
            "ORDER BY id"), {"id": cut}).all()
        for row in rows:
            who = actor(row.actor)
            when = datetime.fromisoformat(row.at).replace(tzinfo=UTC)
            digest = entry_hash(str(prev), when, who, row.action, row.target, row.details)
            self.conn.execute(text("UPDATE audit_entry SET actor = :a, prev_hash = :p, "
                                   "hash = :h WHERE id = :id"),
                              {"a": who, "p": prev, "h": digest, "id": row.id})
            prev = digest
            last = (row.id, digest)
        return last

    def sign_as_herself(self, cut: int, entry_id: int, digest: str, vault_id: str) -> bytes:
        """Her own signature over the forged head; earlier signatures after the cut removed."""
        assert self.holder.pair is not None
        signature = self.holder.pair.sign(entry_signature_payload(vault_id, entry_id, digest))
        self.conn.execute(text("UPDATE audit_entry SET signer = NULL, signature = NULL "
                               "WHERE id > :id"), {"id": cut})
        self.conn.execute(text("UPDATE audit_entry SET signer = :s, signature = :sig "
                               "WHERE id = :id"),
                          {"s": fingerprint(self.holder.pair.sign_public), "sig": signature,
                           "id": entry_id})
        return signature


@contextmanager
def forger(vault: CliVault) -> Iterator[Forger]:
    with raw_sql(vault, "fasilitator") as (engine, holder), engine.begin() as conn:
        yield Forger(conn, holder)


def _newest_by(forge: Forger, actor: str) -> int:
    return int(forge.scalar("SELECT max(id) FROM audit_entry WHERE actor = :a", a=actor) or 0)


def delete_newest(forge: Forger, vault: CliVault) -> None:
    assert forge.delete("id = (SELECT max(id) FROM audit_entry)") == 1


def delete_newest_50(forge: Forger, vault: CliVault) -> None:
    assert forge.delete("id > (SELECT max(id) - 50 FROM audit_entry)") == 50


def delete_everything(forge: Forger, vault: CliVault) -> None:
    assert forge.delete("1 = 1") > 200


def delete_middle_and_rehash(forge: Forger, vault: CliVault) -> None:
    """The konselor's opening of a restricted record removed, the chain made whole again."""
    opened = int(forge.scalar("SELECT max(id) FROM audit_entry WHERE action = "
                              "'restricted_opened' AND actor = 'konselor'") or 0)
    assert opened
    assert forge.delete("id BETWEEN :a AND :b", a=opened - 1, b=opened) == 2
    forge.rehash_after(opened - 2)


def resign_after(forge: Forger, vault: CliVault, cut: int,
                 actor: Callable[[str], str] = lambda a: a) -> None:
    """Every entry after ``cut`` hashed again, signed with her key, her mark moved on."""
    entry_id, digest = forge.rehash_after(cut, actor)
    vault_id = str(forge.scalar("SELECT value FROM setting WHERE key = 'vault_id'"))
    forge.sign_as_herself(cut, entry_id, digest, vault_id)
    assert forge.holder.pair is not None
    mine = fingerprint(forge.holder.pair.sign_public)
    signature = forge.holder.pair.sign(mark_payload(vault_id, mine, entry_id, digest))

    def move_my_mark(data: dict) -> None:  # type: ignore[type-arg]
        data["marks"][mine] = {"id": entry_id, "hash": digest,
                               "sig": base64.b64encode(signature).decode("ascii")}

    edit_key_file(vault, move_my_mark)


def forge_and_sign_as_herself(forge: Forger, vault: CliVault) -> None:
    """The same, and then everything after the cut made hers: other accounts' entries turned
    into "system" ones (which any key may sign), signed with her key, her mark moved on."""
    opened = int(forge.scalar("SELECT max(id) FROM audit_entry WHERE action = "
                              "'restricted_opened' AND actor = 'konselor'") or 0)
    assert forge.delete("id BETWEEN :a AND :b", a=opened - 1, b=opened) == 2
    resign_after(forge, vault, opened - 2,
                 actor=lambda a: a if a in ("system", "fasilitator") else "system")


ATTACKS = {
    "newest entry": delete_newest,
    "newest 50 entries": delete_newest_50,
    "the whole table": delete_everything,
    "rows in the middle, the rest re-hashed": delete_middle_and_rehash,
    "re-hashed and signed with her own key": forge_and_sign_as_herself,
}


def assert_verify_names_an_entry(vault: CliVault) -> None:
    result = vault.run("audit", "verify")
    lines = result.stderr.splitlines()
    assert result.returncode == 3, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert len(lines) == 1 and "Traceback" not in result.stderr, lines
    assert any(says(lines[0], key) for key in AUDIT_MESSAGES), lines[0]


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_audit_verify_catches_what_the_facilitator_removed(busy: CliVault, attack: str) -> None:
    """The newest entries are the admin's own (she exported the register last)."""
    with forger(busy) as forge:
        assert forge.scalar("SELECT actor FROM audit_entry ORDER BY id DESC LIMIT 1") == "admin"
        ATTACKS[attack](forge, busy)
    assert_verify_names_an_entry(busy)


def test_deleting_the_konselors_newest_entry_is_caught(busy: CliVault) -> None:
    _day_of_work(busy, ("konselor",))
    with forger(busy) as forge:
        assert forge.scalar("SELECT actor FROM audit_entry ORDER BY id DESC LIMIT 1") \
            == "konselor"
        delete_newest(forge, busy)
    assert_verify_names_an_entry(busy)


def test_control_her_own_entries_are_all_she_can_rewrite(busy: CliVault) -> None:
    """The limit the issue accepts (her own newest entries are hers to rewrite), shown here to
    prove the forger's hashes and signatures are right: the attacks above are caught because
    they touch other accounts' entries, not because the forgery was clumsy."""
    _day_of_work(busy, ("fasilitator",))
    with forger(busy) as forge:
        login = _newest_by(forge, "fasilitator") - 1
        assert forge.scalar("SELECT action FROM audit_entry WHERE id = :id", id=login) == "login"
        assert forge.delete("id = :id", id=login) == 1
        resign_after(forge, busy, login - 1)
    result = busy.run("audit", "verify")
    assert result.returncode == 0, result.stderr
