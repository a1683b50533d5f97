"""A Windows user name is often long, has spaces and letters outside ASCII ("C:\\Users\\Siti
Nurhaliza binti Abdul Raḥman\\AppData\\Local\\KDRT Desk"): a vault in such a folder is created,
reopened, written, backed up, checked and restored, and an export is written beside it, with
'#', '%', '&' and "'" in the names as well (characters that break a file URI written by hand)."""

from __future__ import annotations

from pathlib import Path

import keyring
from openpyxl import load_workbook
from support.constants import ADMIN, FAST_KDF, PASSWORD
from support.fake_os_keyring import MemoryKeyring
from support.participant_samples import sample

from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.services.backups import check_backup, restore_backup
from kdrt_desk.services.vault_access import create_vault, open_vault
from kdrt_desk.wiring import build_services

USER = "Siti Nurhaliza binti Abdul Raḥman – Pusat Pemberdayaan Perempuan Sriwijaya (ruang ke-2) ñé"
ODD = "Cadangan #1 100% & 'USB' ü"


def test_long_non_ascii_folders(tmp_path: Path, _test_keyring: MemoryKeyring) -> None:
    assert keyring.get_keyring() is _test_keyring
    home = tmp_path / USER / "AppData" / "Local" / "KDRT Desk" / "KDRT Desk"
    assert len(str(home)) > 150
    create_vault(home, centre_name="Pusat Uji", centre_address="Palembang",
                 admin_username=ADMIN, admin_password=PASSWORD, store=SecretStore(),
                 kdf=FAST_KDF)
    services = build_services(open_vault(home, ADMIN, PASSWORD, store=SecretStore(),
                                         kdf=FAST_KDF))
    try:
        saved = services.participants.register(sample())
        outside = tmp_path / ODD
        outside.mkdir()
        written = services.work_exports.participants(outside / "Daftar peserta – Ñ #2.xlsx")
        backup = outside / "kdrt cadangan ü #3.kdrtbak"
        services.backups.make(backup)
    finally:
        services.close()
    rows = list(load_workbook(written.path, read_only=True).worksheets[0].values)
    assert any(saved.code in row for row in rows)
    checked = check_backup(backup, username=ADMIN, password=PASSWORD, store=SecretStore())
    assert checked.ok and checked.audit_ok and checked.summary()["participants"] == 1
    elsewhere = tmp_path / ODD / USER / "pulih"
    restore_backup(backup, elsewhere, username=ADMIN, password=PASSWORD, store=SecretStore())
    again = build_services(open_vault(elsewhere, ADMIN, PASSWORD, store=SecretStore(),
                                      kdf=FAST_KDF))
    try:
        assert again.participants.get(saved.id).full_name == saved.full_name
    finally:
        again.close()
