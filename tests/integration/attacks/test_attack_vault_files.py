"""Findings 7 and 13: an emptied database, the keyring's name, the data folder's file modes.

A 0-byte ``kdrt.db`` beside its key file is an error with an offer to restore, never a new empty
vault (nor a ``kdrt.db.before-upgrade``). The message about a missing keyring secret names the
credential store of the OS it runs on. After a command every file in the data folder is the
user's alone (0600, folders 0700 on Linux), whatever the modes were before.
"""

from __future__ import annotations

import os
import stat
import sys

from cli_harness import CliVault, assert_clean_failure, message

from kdrt_desk.security.secret_store import store_name


def test_an_empty_database_is_not_rebuilt(demo_copy: CliVault) -> None:
    db = demo_copy.data_dir / "kdrt.db"
    db.write_bytes(b"")
    names_before = {p.name for p in demo_copy.data_dir.iterdir()}
    keys_before = (demo_copy.data_dir / "kdrt.keys").read_bytes()

    for user, command in (("admin", ["check"]), ("staf", ["participants", "list"])):
        result = demo_copy.run(*command, user=user)
        assert result.returncode == 2
        assert_clean_failure(result, message("error.database_empty"))
        assert result.stdout == ""
        assert db.stat().st_size == 0, "an empty vault was made over it"
    assert not (demo_copy.data_dir / "kdrt.db.before-upgrade").exists()
    new = {p.name for p in demo_copy.data_dir.iterdir()} - names_before - {"kdrt.lock", "logs"}
    assert new == set(), new
    assert (demo_copy.data_dir / "kdrt.keys").read_bytes() == keys_before


def test_keyring_message_names_this_os_store(demo_copy: CliVault) -> None:
    demo_copy.keyring_file.write_text("{}")
    result = demo_copy.run("check")
    line = assert_clean_failure(result, message("error.keyring_secret_missing",
                                                store=store_name()))
    assert store_name() in line
    if sys.platform != "win32":
        assert "Windows Credential Manager" not in result.stderr + result.stdout


def test_the_data_folder_is_private_after_a_command(demo_copy: CliVault) -> None:
    data = demo_copy.data_dir
    data.chmod(0o755)  # as a copy, an unzip or an old version may have left them
    for name in ("kdrt.db", "kdrt.keys", "kdrt.keys.prev"):
        (data / name).chmod(0o644)
    (data / "logs").mkdir(mode=0o755, exist_ok=True)
    (data / "logs").chmod(0o755)
    old_umask = os.umask(0o022)
    try:
        result = demo_copy.run("check")
    finally:
        os.umask(old_umask)
    assert result.returncode == 0, result.stderr
    assert (data / "kdrt.lock").exists()
    modes = {str(p.relative_to(data)): stat.S_IMODE(p.stat().st_mode)
             for p in [data, *data.rglob("*")]}
    expected = {name: 0o700 if (data / name).is_dir() else 0o600 for name in modes}
    assert modes == expected
