"""A damaged vault, as a headless command meets it: its one line names the damage, the newest
automatic backup in the data folder and the commands that check, then restore it; following that
line gives a vault that opens, with the damaged file kept in diganti-*. With no automatic backup
the line says how to restore one from elsewhere; a wrong password is no damage and offers none."""

from __future__ import annotations

from cli_harness import CliVault, assert_clean_failure, assert_vault_intact, message

from kdrt_desk.services.backup_offer import newest_automatic_backup


def damage_pages(vault: CliVault) -> bytes:
    db = vault.data_dir / "kdrt.db"
    damaged = bytearray(db.read_bytes())
    for number in range(1, len(damaged) // 4096):
        damaged[number * 4096 + 64: number * 4096 + 192] = bytes(128)
    db.write_bytes(bytes(damaged))
    return bytes(damaged)


def test_the_line_names_the_newest_backup_and_its_commands_work(demo_copy: CliVault) -> None:
    services = demo_copy.services("admin")
    try:
        record, check = services.backups.make_automatic()
        assert check.ok
    finally:
        services.close()
    offer = newest_automatic_backup(demo_copy.data_dir)
    assert offer is not None and str(offer.path) == record.path
    damaged = damage_pages(demo_copy)

    for lang in ("id", "en"):
        line = assert_clean_failure(demo_copy.run("check", lang=lang),
                                    message("error.database_damaged", lang))
        assert message("cli.restore_hint", lang, path=record.path, when=offer.made_text(),
                       folder=str(demo_copy.data_dir)).split(" (")[0] in line, line
        assert f'kdrt-desk restore --check "{record.path}"' in line
    assert (demo_copy.data_dir / "kdrt.db").read_bytes() == damaged  # nothing written over

    checked = demo_copy.run("restore", "--check", record.path, "--user", "admin", user=None)
    assert checked.returncode == 0 and "200 peserta" in checked.stdout, checked.stderr
    restored = demo_copy.run("restore", record.path, "--user", "admin", user=None)
    assert restored.returncode == 0, restored.stderr
    [aside] = list(demo_copy.data_dir.glob("diganti-*"))
    assert (aside / "kdrt.db").read_bytes() == damaged
    assert_vault_intact(demo_copy)


def test_no_backup_here_and_a_wrong_password(demo_copy: CliVault) -> None:
    wrong = demo_copy.run("check", env=demo_copy.env(KDRT_PASSWORD="bukan kata sandinya"))
    assert "kdrt-desk restore" not in assert_clean_failure(wrong, message("error.wrong_login"))
    damage_pages(demo_copy)
    line = assert_clean_failure(demo_copy.run("check"), message("error.database_damaged"))
    assert message("cli.restore_hint_none", folder=str(demo_copy.data_dir)) in line
