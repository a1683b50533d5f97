"""Encrypted backups on a real vault: made and verified, remembered with its warnings, opened by
a staff password (with this PC's installation secret) or the recovery code (a new PC), refused
when wrong, damaged, cut short or not a backup; a cancel leaves no file; restore keeps the vault it
replaces aside and a new PC restores with the recovery code only. What a finder of the file learns:
not the centre's name, not a participant's, and not (beyond a 4 MB step) how big the vault is."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from support.constants import ADMIN, CENTRE, PASSWORD
from support.fake_os_keyring import MemoryKeyring
from support.participant_samples import sample
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.errors import PermissionDeniedError, UserError, VaultError
from kdrt_desk.security.backup_file import SIZE_STEP, SLOT_STEP, read_header
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.services.backups import check_backup, restore_backup
from kdrt_desk.wiring import Services

NAMES = ("Rahmawati Kusumaningrum", "Yuliana Puspitasari", "Sri Wahyuningsih")


def _registered(services: Services) -> list[int]:
    return [services.participants.register(sample(full_name=name, nik="", phone="")).id
            for name in NAMES]


def test_a_backup_is_verified_remembered_and_says_nothing(admin: Services,
                                                          tmp_path: Path) -> None:
    _registered(admin)
    target = tmp_path / "usb" / "cadangan.bak"
    target.parent.mkdir()
    record, check = admin.backups.make(target)
    assert check.ok, check.problem
    assert check.summary()["participants"] == 3 and check.audit_ok and check.audit_entries > 0
    assert record.ok and Path(record.path) == target.resolve()
    blob = target.read_bytes()
    assert len(blob) % SIZE_STEP == 0
    for secret in (CENTRE, *NAMES, "KDRT", "kdrt.db", "Plaju", ADMIN):
        assert secret.encode() not in blob, secret
    with target.open("rb") as handle:
        header, _digest = read_header(handle)
    assert len(header.slots) % SLOT_STEP == 0  # the number of accounts is not told
    assert sorted(p.name for p in target.parent.iterdir()) == ["cadangan.bak"]  # no temp file
    status = admin.backups.status()
    assert status.last_good is not None and status.last_good.path == record.path
    # the same drive as the vault: not a copy outside this PC
    assert "backup.warning.none_outside_30_days" in status.warnings
    assert "backup.warning.none_7_days" not in status.warnings
    later = admin.backups
    later.clock = lambda: datetime.now(UTC) + timedelta(days=8)
    assert "backup.warning.none_7_days" in later.status().warnings


def test_opening_it_with_a_password_or_the_recovery_code(vault: VaultFixture, admin: Services,
                                                         tmp_path: Path,
                                                         _test_keyring: MemoryKeyring) -> None:
    _registered(admin)
    target = tmp_path / "cadangan.bak"
    admin.backups.make(target)
    found = check_backup(target, username=ADMIN, password=PASSWORD, store=SecretStore())
    assert found.ok and found.summary()["participants"] == 3 and found.made_at
    with pytest.raises(VaultError) as caught:
        check_backup(target, username=ADMIN, password="salah-sandi-99", store=SecretStore())
    assert caught.value.key == "error.backup_wrong_login"
    with pytest.raises(VaultError) as caught:
        check_backup(target, username="tidakada", password=PASSWORD, store=SecretStore())
    assert caught.value.key == "error.backup_wrong_login"
    _test_keyring.entries.clear()  # a new PC: no installation secret
    with pytest.raises(VaultError) as caught:
        check_backup(target, username=ADMIN, password=PASSWORD, store=SecretStore())
    assert caught.value.key == "error.backup_needs_recovery_code"
    assert check_backup(target, recovery_code=vault.recovery_code).ok
    with pytest.raises(VaultError) as caught:
        check_backup(target, recovery_code="ABCD-EFGH-JKLM-NPQR-STUV-WXYZ")
    assert caught.value.key in ("error.backup_recovery_wrong", "error.recovery_code_format")


@pytest.mark.parametrize("damage", ["flipped", "cut", "foreign"])
def test_damaged_or_foreign_files_are_refused(vault: VaultFixture, admin: Services,
                                              tmp_path: Path, damage: str) -> None:
    target = tmp_path / "cadangan.bak"
    admin.backups.make(target)
    blob = bytearray(target.read_bytes())
    if damage == "flipped":
        blob[9000] ^= 0x40  # inside the first chunk
        target.write_bytes(bytes(blob))
    elif damage == "cut":
        target.write_bytes(bytes(blob[:20000]))
    else:
        target.write_bytes(os.urandom(len(blob)))
    with pytest.raises(UserError) as caught:
        check_backup(target, recovery_code=vault.recovery_code)
    assert caught.value.key == ("error.backup_not_a_backup" if damage == "foreign"
                                else "error.backup_damaged")


def test_a_cancelled_backup_leaves_no_file(admin: Services, tmp_path: Path) -> None:
    (tmp_path / "usb").mkdir()
    target = tmp_path / "usb" / "batal.bak"
    with pytest.raises(UserError) as caught:
        admin.backups.make(target, report=lambda done, total: False)
    assert caught.value.key == "error.cancelled"
    assert list(target.parent.iterdir()) == []
    assert not [p for p in admin.vault.paths.data_dir.iterdir() if "backup" in p.name]


def test_only_roles_allowed_make_backups_and_never_into_the_vault(vault: VaultFixture,
                                                                  tmp_path: Path) -> None:
    team = Team.hired(vault)
    try:
        with pytest.raises(PermissionDeniedError):
            team("fasilitator1").backups.make(tmp_path / "f.bak")
        admin = team("admin")
        with pytest.raises(UserError) as caught:
            admin.backups.make(vault.data_dir / "kdrt.db", overwrite=True)
        assert caught.value.key == "error.output_in_data_folder"
    finally:
        team.close()
    assert not (tmp_path / "f.bak").exists()


def test_restore_keeps_the_replaced_vault_aside(vault: VaultFixture, tmp_path: Path) -> None:
    services = vault.services()
    _registered(services)
    target = tmp_path / "cadangan.bak"
    services.backups.make(target)
    services.participants.register(sample(full_name="Dewi Sartika Lestari", nik="", phone=""))
    services.close()
    done = restore_backup(target, vault.data_dir, username=ADMIN, password=PASSWORD,
                          store=SecretStore())
    assert done.check.ok and done.kept_aside is not None
    assert (done.kept_aside / "kdrt.db").exists() and (done.kept_aside / "kdrt.keys").exists()
    restored = vault.services()
    try:
        assert len(restored.participants.list_rows()) == 3  # as backed up
    finally:
        restored.close()
    assert not [p for p in vault.data_dir.iterdir() if p.name.startswith(".kdrt-backup")]


def test_a_new_pc_restores_with_the_recovery_code_only(vault: VaultFixture, tmp_path: Path,
                                                       _test_keyring: MemoryKeyring) -> None:
    services = vault.services()
    _registered(services)
    target = tmp_path / "cadangan.bak"
    services.backups.make(target)
    services.close()
    _test_keyring.entries.clear()  # another PC: an empty keyring, an empty folder
    fresh = tmp_path / "pc-baru"
    done = restore_backup(target, fresh, recovery_code=vault.recovery_code, store=SecretStore())
    assert done.check.ok and done.kept_aside is None
    again = VaultFixture(fresh, vault.recovery_code, _test_keyring).services()
    try:  # the recovery slot put the installation secret back: staff passwords work here
        assert len(again.participants.list_rows()) == 3
    finally:
        again.close()


def test_the_rotation_keeps_7_days_4_weeks_and_12_months() -> None:
    from kdrt_desk.services.backups import rotation_keep

    start = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)
    stamps = [start - timedelta(hours=12 * n) for n in range(2 * 400)]  # twice a day, 400 days
    keep = rotation_keep(stamps)
    days = {s.date() for s in keep}
    assert all(max(s for s in stamps if s.date() == d) in keep for d in days)  # newest of each
    assert {start.date() - timedelta(days=n) for n in range(7)} <= days
    assert len({(s.year, s.month) for s in keep}) == 12
    assert len(keep) <= 7 + 4 + 12 and min(keep) > start - timedelta(days=366)


def test_automatic_backups_go_to_the_data_folder_and_rotate(admin: Services) -> None:
    from kdrt_desk.services.backups import AutoSettings

    backups = admin.backups
    assert not backups.automatic_due("daily")  # the test vaults have them off
    backups.set_auto_settings(AutoSettings(daily=True, on_close=True))
    assert backups.automatic_due("daily") and backups.automatic_due("close")
    moments = iter([datetime(2026, 1, 1, 9, tzinfo=UTC) + timedelta(days=3 * n)
                    for n in range(12)])
    for _n in range(12):
        at = next(moments)
        backups.clock = lambda at=at: at  # type: ignore[misc]
        record, check = backups.make_automatic()
        assert check.ok and Path(record.path).parent == backups.auto_folder
    kept = backups.status().automatic
    assert 0 < len(kept) < 12  # 36 days: the oldest weekly ones went
    assert oct(backups.auto_folder.stat().st_mode & 0o777) == "0o700"
    assert not backups.automatic_due("daily")  # one made "today"
    backups.set_auto_settings(AutoSettings(daily=False, on_close=False))
    assert backups.auto_settings() == AutoSettings(False, False)
    backups.clock = lambda: datetime(2026, 3, 1, tzinfo=UTC)
    assert not backups.automatic_due("daily") and not backups.automatic_due("close")


def test_a_restore_anonymises_again_who_withdrew_after_the_backup(vault: VaultFixture,
                                                                  tmp_path: Path) -> None:
    from datetime import date

    services = vault.services()
    ids = _registered(services)
    target = tmp_path / "cadangan.bak"
    services.backups.make(target)
    services.consent.withdraw_data_use(ids[1], date.today(), confirm=True)
    services.close()
    done = restore_backup(target, vault.data_dir, username=ADMIN, password=PASSWORD,
                          store=SecretStore())
    assert done.reapplied == 1
    restored = vault.services()
    try:
        names = {r.id: r.full_name for r in restored.participants.list_rows()}
        assert NAMES[1] not in names.values() and names[ids[0]] == NAMES[0]
    finally:
        restored.close()


def test_the_newest_backup_ledger_counts_on_a_new_pc(vault: VaultFixture, tmp_path: Path,
                                                     _test_keyring: MemoryKeyring) -> None:
    """The PC is gone; the USB stick has an old backup and the automatic folder was copied
    too: what the newest backup's ledger says is erased is erased again."""
    import shutil
    from datetime import date

    from kdrt_desk.services.backups import AutoSettings

    services = vault.services()
    ids = _registered(services)
    old = tmp_path / "lama.bak"
    services.backups.make(old)
    services.consent.withdraw_data_use(ids[2], date.today(), confirm=True)
    services.backups.set_auto_settings(AutoSettings(True, True))
    services.backups.make_automatic()
    folder = services.backups.auto_folder
    services.close()
    fresh = tmp_path / "pc-baru"
    fresh.mkdir()
    shutil.copytree(folder, fresh / folder.name)
    _test_keyring.entries.clear()
    done = restore_backup(old, fresh, recovery_code=vault.recovery_code, store=SecretStore())
    assert done.reapplied == 1


def test_remembering_a_backup_waits_for_a_writer_meanwhile(admin: Services,
                                                           tmp_path: Path) -> None:
    """The backup runs beside the vault worker: a roll-call committed while the result is
    being kept must make it wait, not fail (a read first, then a write, would fail on the
    stale snapshot with "database is locked")."""
    import threading

    from kdrt_desk.db.engine import _connect_sqlcipher, engine_key
    from kdrt_desk.services.backups import BackupRecord

    admin.backups.make(tmp_path / "a.bak")  # the rows exist: the second result updates them
    writer = _connect_sqlcipher(admin.vault.paths.database, engine_key(admin.vault.db.engine))
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO setting (key, value) VALUES ('uji.penulis', 'x')")
    timer = threading.Timer(0.4, lambda: writer.execute("COMMIT"))
    timer.start()
    try:
        admin.backups._remember(BackupRecord(  # noqa: SLF001 - the step that raced
            datetime.now(UTC).isoformat(), str(tmp_path / "b.bak"), 1, True, False))
    finally:
        timer.join()
        writer.close()
    assert admin.backups.status().last_good.path == str(tmp_path / "b.bak")
