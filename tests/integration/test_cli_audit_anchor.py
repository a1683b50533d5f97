"""``audit verify`` against the audit head anchor of backups, on a copy of the demo vault, as an
admin would run it: a clean vault passes (against a backup file, with a staff password or the
recovery code); ``restore --check`` names the backup's head; after ``kdrt.db`` and ``kdrt.keys``
are rolled back together to copies older than a backup, ``audit verify`` on the PC alone passes
once the keyring's remembered anchor is gone too, but ``--against BACKUP`` fails in one line
naming the entry and saying newer entries are missing (both languages)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from cli_harness import CliVault, assert_clean_failure, message, vault_id

from kdrt_desk.services.backups import ANCHOR_SUFFIX, VAULT_FILES

HEAD = re.compile(r"#(\d+)")


def _change(vault: CliVault, name: str) -> None:
    """An audited change (a participant registered) through the real services."""
    from support.participant_samples import sample

    services = vault.services()
    try:
        services.participants.register(sample(full_name=name, nik="", phone=""))
    finally:
        services.close()


def test_a_clean_vault_passes_and_the_check_names_the_head(demo_copy: CliVault,
                                                          tmp_path: Path) -> None:
    target = tmp_path / "usb" / "cadangan.bak"
    target.parent.mkdir()
    assert demo_copy.run("backup", "--out", str(target)).returncode == 0
    checked = demo_copy.run("restore", "--check", str(target), "--user", "admin", user=None)
    assert checked.returncode == 0, checked.stderr
    head = HEAD.search(checked.stdout.splitlines()[-1])
    assert head is not None and "berakhir tepat di sana" in checked.stdout
    _change(demo_copy, "Yuliana Puspitasari")
    plain = demo_copy.run("audit", "verify")
    assert plain.returncode == 0, plain.stderr
    assert f"#{head.group(1)} " in plain.stdout  # compared with the keyring's anchor
    against = demo_copy.run("audit", "verify", "--against", str(target), lang="en")
    assert against.returncode == 0, against.stderr
    assert f"entry #{head.group(1)} " in against.stdout and str(target) in against.stdout
    by_code = demo_copy.run("audit", "verify", "--against", str(target), "--password-stdin",
                            "--recovery-code-stdin", env=demo_copy.env(KDRT_PASSWORD=""),
                            input=f"{demo_copy.password}\n{demo_copy.recovery_code}\n")
    assert by_code.returncode == 0, by_code.stderr


def test_a_rolled_back_vault_is_caught_against_the_backup(demo_copy: CliVault,
                                                          tmp_path: Path) -> None:
    old = tmp_path / "lama"
    old.mkdir()
    for name in VAULT_FILES:  # the attacker's copies, before the changes
        if (demo_copy.data_dir / name).exists():
            shutil.copy2(demo_copy.data_dir / name, old / name)
    _change(demo_copy, "Rahmawati Kusumaningrum")
    target = tmp_path / "usb" / "cadangan.bak"
    target.parent.mkdir()
    assert demo_copy.run("backup", "--out", str(target)).returncode == 0
    checked = demo_copy.run("restore", "--check", str(target), "--user", "admin", user=None)
    head = HEAD.search(checked.stdout.splitlines()[-1])
    assert head is not None
    _change(demo_copy, "Sri Wahyuningsih")
    for name in VAULT_FILES:  # both files rolled back together
        (demo_copy.data_dir / name).unlink(missing_ok=True)
        if (old / name).exists():
            shutil.copy2(old / name, demo_copy.data_dir / name)

    remembered = assert_clean_failure(demo_copy.run("audit", "verify"))
    assert f"#{head.group(1)} " in remembered
    assert message("cli.audit_anchor_keyring") in remembered
    # the attacker also removes the keyring's anchor: on this PC alone all looks well
    entries = json.loads(demo_copy.keyring_file.read_text())
    del entries[f"KDRT Desk/{vault_id(demo_copy.data_dir)}{ANCHOR_SUFFIX}"]
    demo_copy.keyring_file.write_text(json.dumps(entries))
    alone = demo_copy.run("audit", "verify")
    assert alone.returncode == 0, alone.stderr
    for lang, words in (("id", "catatan yang lebih baru dari cadangan itu hilang"),
                        ("en", "entries newer than that backup are missing")):
        line = assert_clean_failure(demo_copy.run("audit", "verify", "--against", str(target),
                                                  lang=lang))
        assert f"#{head.group(1)} " in line and str(target) in line and words in line, line
