"""On Windows the Credential Manager is chosen first (named directly: a frozen build may lose
keyring's entry points, and a plain-file backend another program installed must not win);
keyring's own PYTHON_KEYRING_BACKEND still wins; elsewhere keyring's choice stands."""

from __future__ import annotations

import keyring
from keyring.backends.Windows import WinVaultKeyring
from support.fake_os_keyring import MemoryKeyring

from kdrt_desk.security.keyring_choice import choose_os_keyring
from kdrt_desk.security.secret_store import SecretStore, is_real_keyring


def test_windows_gets_the_credential_manager(_test_keyring: MemoryKeyring) -> None:
    assert choose_os_keyring(platform="win32", environ={}) is True
    chosen = keyring.get_keyring()
    assert isinstance(chosen, WinVaultKeyring) and is_real_keyring(chosen)
    assert SecretStore().backend_name() == "keyring.backends.Windows.WinVaultKeyring"


def test_keyrings_own_setting_wins(_test_keyring: MemoryKeyring) -> None:
    environ = {"PYTHON_KEYRING_BACKEND": "support.fake_os_keyring.FileKeyring"}
    assert choose_os_keyring(platform="win32", environ=environ) is False
    assert keyring.get_keyring() is _test_keyring


def test_other_systems_keep_keyrings_choice(_test_keyring: MemoryKeyring) -> None:
    for platform in ("linux", "darwin"):
        assert choose_os_keyring(platform=platform, environ={}) is False
        assert keyring.get_keyring() is _test_keyring
