"""``kdrt-desk backup`` and ``restore`` on the demo, as Task Scheduler and a restore drill would
run them: a verified backup file; ``restore --check`` with a staff password and with the recovery
code on stdin (no keyring: a new PC) reports the counts without touching any vault; ``restore``
into an empty folder gives a vault that opens; bad files, wrong passwords and a target in the
data folder are refused in one translated line."""

from __future__ import annotations

from pathlib import Path

from cli_harness import CliVault, assert_clean_failure, make_env, message, run_cli


def test_backup_check_and_restore(demo_copy: CliVault, tmp_path: Path) -> None:
    target = tmp_path / "cadangan.bak"
    made = demo_copy.run("backup", "--out", str(target))
    assert made.returncode == 0, made.stderr
    assert str(target) in made.stdout and "200" in made.stdout  # the demo's participants
    checked = demo_copy.run("restore", "--check", str(target), "--user", "admin", user=None)
    assert checked.returncode == 0, checked.stderr
    assert "200 peserta" in checked.stdout
    # a new PC: no keyring entry, only the recovery code on stdin
    bare = make_env(tmp_path / "kosong.json", tmp_path)
    fresh = tmp_path / "pc-baru"
    drill = demo_copy.run("restore", "--check", str(target), "--recovery-code-stdin",
                          user=None, env=bare, input=demo_copy.recovery_code + "\n")
    assert drill.returncode == 0, drill.stderr
    assert not fresh.exists()
    restored = run_cli("restore", str(target), "--recovery-code-stdin", "--data-dir",
                       str(fresh), env=bare, input=demo_copy.recovery_code + "\n")
    assert restored.returncode == 0, restored.stderr
    assert (fresh / "kdrt.db").exists() and (fresh / "kdrt.keys").exists()
    assert "200 peserta" in restored.stdout
    assert not [p for p in demo_copy.data_dir.iterdir() if p.name.startswith("diganti-")]


def test_bad_backups_and_targets_are_refused(demo_copy: CliVault, tmp_path: Path) -> None:
    inside = demo_copy.run("backup", "--out", str(demo_copy.data_dir / "c.bak"))
    assert_clean_failure(inside)
    junk = tmp_path / "bukan.bak"
    junk.write_bytes(b"PK\x03\x04 not a backup" * 100)
    refused = demo_copy.run("restore", "--check", str(junk), "--user", "admin", user=None)
    assert_clean_failure(refused, message("error.backup_not_a_backup"))
    target = tmp_path / "cadangan.bak"
    assert demo_copy.run("backup", "--out", str(target)).returncode == 0
    wrong = demo_copy.run("restore", "--check", str(target), "--user", "admin", user=None,
                          env=demo_copy.env(KDRT_PASSWORD="salah-sandi-12"))
    assert_clean_failure(wrong, message("error.backup_wrong_login"))
    nobody = demo_copy.run("restore", "--check", str(target), user=None)
    assert_clean_failure(nobody, message("cli.restore.need_user"))
