"""The audit head anchor every backup carries, on a real vault: it is the newest entry of the
snapshot the backup copies, sealed inside the encrypted manifest (the file, header included, holds
neither its hash in hex nor its raw digest); the restore check proves the backup's chain ends at
it and refuses a backup whose chain does not; a backup made before anchors still opens. Then the
attacks: the newest entries deleted with raw SQL on the SQLCipher file, and ``kdrt.db`` and
``kdrt.keys`` rolled back together to copies older than the backup (which the chain and marks on
this PC cannot see): both are caught against the backup and against the anchor this PC's keyring
remembers, which a later backup of the rolled-back vault does not overwrite."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text
from support.constants import ADMIN, PASSWORD
from support.fake_os_keyring import MemoryKeyring
from support.participant_samples import sample
from support.vault_fixture import VaultFixture

from kdrt_desk.db.engine import encrypted_engine
from kdrt_desk.security.backup_file import extract, open_slot, read_header, write_backup
from kdrt_desk.security.keyfile import RECOVERY_SLOT_ID
from kdrt_desk.security.recovery_code import normalise_recovery_code
from kdrt_desk.security.secret_store import SERVICE, SecretStore
from kdrt_desk.services.audit_log import AuditAnchor
from kdrt_desk.services.backups import (
    ANCHOR_SUFFIX,
    VAULT_FILES,
    anchors_to_compare,
    check_backup,
    keyring_anchor,
    private_folder,
)
from kdrt_desk.wiring import Services


def _register(services: Services, *names: str) -> None:
    for name in names:
        services.participants.register(sample(full_name=name, nik="", phone=""))


def _head(services: Services) -> tuple[int, str]:
    with services.vault.db.reading() as session:
        row = session.execute(text("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1")
                              ).one()
    return int(row[0]), str(row[1])


def _problems(services: Services, against: Path | None = None) -> list[tuple[str, str]]:
    seen = anchors_to_compare(services.vault, username=ADMIN, password=PASSWORD,
                              store=SecretStore(), against=against)
    return [(found.source, services.audit.check_anchor(found.anchor)) for found in seen]


def test_a_backup_carries_its_snapshots_head_sealed(admin: Services, tmp_path: Path,
                                                    _test_keyring: MemoryKeyring) -> None:
    _register(admin, "Rahmawati Kusumaningrum", "Yuliana Puspitasari")
    before = _head(admin)
    target = tmp_path / "usb" / "cadangan.bak"
    target.parent.mkdir()
    record, check = admin.backups.make(target)
    assert check.ok, check.problem
    assert check.anchor is not None
    # the snapshot's newest entry: the "backup_made" entry comes after it
    assert (check.anchor.entry_id, check.anchor.entry_hash) == before
    assert _head(admin)[0] == before[0] + 1
    assert record.anchor == check.anchor
    status = admin.backups.status()
    assert status.last_good is not None and status.last_good.anchor == check.anchor
    assert keyring_anchor(SecretStore(), admin.vault.keys.vault_id) == check.anchor
    drill = check_backup(target, username=ADMIN, password=PASSWORD, store=SecretStore())
    assert drill.ok and drill.anchor == check.anchor
    # nothing of it in clear: not the hash in hex (either case), not its raw digest
    blob = target.read_bytes()
    digest = check.anchor.entry_hash
    for needle in (digest.encode(), digest.upper().encode(), bytes.fromhex(digest),
                   b"anchor"):
        assert needle not in blob, needle
    with target.open("rb") as handle:
        header, _digest = read_header(handle)
    assert "anchor" not in header.to_bytes().decode()
    assert _problems(admin) == [("keyring", ""), (record.path, "")]  # a clean vault passes
    assert _problems(admin, against=target) == [(str(target), "")]


def _rewrite_manifest(target: Path, code: str, change: dict[str, object] | None) -> None:
    """The backup written again with the same key and header, its manifest's anchor replaced
    (``None``: removed, as in a backup made before anchors)."""
    with target.open("rb") as handle:
        header, _digest = read_header(handle)
    normalised = normalise_recovery_code(code)
    assert normalised is not None
    opened = open_slot(header, RECOVERY_SLOT_ID, normalised, None)
    with private_folder(target.parent) as work:
        files = extract(target, opened.key, work)
        manifest = json.loads(files["manifest.json"].read_text())
        if change is None:
            del manifest["anchor"]
        else:
            manifest["anchor"].update(change)
        files["manifest.json"].write_text(json.dumps(manifest))
        with target.open("wb") as out:
            write_backup(out, opened.key, header, [(name, files[name]) for name in
                                                   ("manifest.json", "kdrt.keys", "kdrt.db")])


def test_the_restore_check_proves_the_chain_ends_at_the_anchor(vault: VaultFixture,
                                                               admin: Services,
                                                               tmp_path: Path) -> None:
    _register(admin, "Sri Wahyuningsih")
    target = tmp_path / "cadangan.bak"
    _record, made = admin.backups.make(target)
    assert made.anchor is not None
    _rewrite_manifest(target, vault.recovery_code, {"hash": "f" * 64})
    forged = check_backup(target, recovery_code=vault.recovery_code)
    assert not forged.ok and forged.problem == "error.backup_anchor_mismatch"
    _rewrite_manifest(target, vault.recovery_code, {"hash": made.anchor.entry_hash,
                                                    "id": made.anchor.entry_id - 1})
    assert check_backup(target, recovery_code=vault.recovery_code).problem == \
        "error.backup_anchor_mismatch"
    _rewrite_manifest(target, vault.recovery_code, None)  # a backup made before anchors
    old = check_backup(target, recovery_code=vault.recovery_code)
    assert old.ok and old.anchor is None and old.audit_ok
    assert _problems(admin, against=target) == []  # nothing to compare with: no anchor


def test_newest_entries_deleted_with_raw_sql_are_caught(vault: VaultFixture, tmp_path: Path
                                                         ) -> None:
    services = vault.services()
    _register(services, "Rahmawati Kusumaningrum")
    target = tmp_path / "cadangan.bak"
    _record, check = services.backups.make(target)
    anchor = check.anchor
    assert anchor is not None
    _register(services, "Yuliana Puspitasari", "Sri Wahyuningsih")
    master = services.vault.master
    services.close()
    engine = encrypted_engine(vault.data_dir / "kdrt.db", master)  # the attacker's own SQL
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP TRIGGER IF EXISTS audit_entry_append_only_delete"))
            deleted = conn.execute(text("DELETE FROM audit_entry WHERE id >= :id"),
                                   {"id": anchor.entry_id}).rowcount
    finally:
        engine.dispose()
    assert deleted >= 4  # the anchor itself, "backup_made" and the later changes
    services = vault.services()
    try:
        assert not services.audit.verify().ok  # the marks on this PC see it too
        # the login just now may take the freed id: then that entry differs ("changed")
        [(source, problem)] = _problems(services, against=target)
        assert source == str(target) and problem in ("missing", "changed")
        assert dict(_problems(services))["keyring"] in ("missing", "changed")
    finally:
        services.close()


def _copy_vault(folder: Path, into: Path) -> None:
    into.mkdir()
    for name in VAULT_FILES:
        if (folder / name).exists():
            shutil.copy2(folder / name, into / name)


def _roll_back(folder: Path, copies: Path) -> None:
    for name in VAULT_FILES:
        (folder / name).unlink(missing_ok=True)
        if (copies / name).exists():
            shutil.copy2(copies / name, folder / name)


def test_rolling_back_both_files_is_caught_only_against_an_anchor(
        vault: VaultFixture, tmp_path: Path, _test_keyring: MemoryKeyring) -> None:
    old = tmp_path / "lama"
    _copy_vault(vault.data_dir, old)  # what the attacker keeps, taken before the changes
    services = vault.services()
    _register(services, "Rahmawati Kusumaningrum", "Yuliana Puspitasari")
    target = tmp_path / "cadangan.bak"
    _record, check = services.backups.make(target)
    anchor = check.anchor
    assert anchor is not None
    _register(services, "Sri Wahyuningsih")
    services.close()
    _roll_back(vault.data_dir, old)
    services = vault.services()
    try:
        assert services.participants.count() == 0  # really the old vault
        assert services.audit.verify().ok  # the chain and marks on this PC see nothing
        assert _problems(services, against=target) == [(str(target), "missing")]
        assert _problems(services) == [("keyring", "missing")]  # the record was rolled back
        # a backup of the rolled-back vault does not launder the keyring's anchor
        services.backups.make(tmp_path / "sesudah.bak")
        assert keyring_anchor(SecretStore(), services.vault.keys.vault_id) == anchor
        assert ("keyring", "missing") in _problems(services)
        # without the keyring entry (the attacker removed it too) only a backup catches it
        del _test_keyring.entries[(SERVICE, services.vault.keys.vault_id + ANCHOR_SUFFIX)]
        assert all(problem == "" for _source, problem in _problems(services))
        assert _problems(services, against=target) == [(str(target), "missing")]
    finally:
        services.close()


def test_a_restore_makes_the_restored_head_the_one_to_hold(vault: VaultFixture,
                                                           tmp_path: Path) -> None:
    from kdrt_desk.services.backups import restore_backup

    services = vault.services()
    target = tmp_path / "cadangan.bak"
    _record, check = services.backups.make(target)
    _register(services, "Rahmawati Kusumaningrum")
    services.backups.make(tmp_path / "baru.bak")
    vault_id = services.vault.keys.vault_id
    newer = keyring_anchor(SecretStore(), vault_id)
    assert newer is not None and check.anchor is not None
    assert newer.entry_id > check.anchor.entry_id
    services.close()
    restore_backup(target, vault.data_dir, username=ADMIN, password=PASSWORD,
                   store=SecretStore())
    held = keyring_anchor(SecretStore(), vault_id)
    assert held is not None and held.entry_id < newer.entry_id
    restored = vault.services()
    try:
        assert restored.audit.check_anchor(check.anchor) == ""
        assert restored.audit.check_anchor(held) == ""
        assert restored.audit.check_anchor(newer) != ""  # the newer entries are gone indeed
        assert all(problem == "" for _source, problem in _problems(restored))
    finally:
        restored.close()


@pytest.mark.parametrize("data", [None, {}, {"id": 0, "hash": "0" * 64}, {"id": 3},
                                  {"id": "x", "hash": "a" * 64}, {"id": 3, "hash": "ab"}])
def test_a_malformed_anchor_reads_as_none(data: object) -> None:
    assert AuditAnchor.from_json(data) is None
