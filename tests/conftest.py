"""Shared fixtures: offscreen Qt, a test keyring, fast key derivation, vaults from a template."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

import keyring  # noqa: E402
import pytest  # noqa: E402
from support.constants import ADMIN, CENTRE, FAST_KDF, PASSWORD  # noqa: E402
from support.fake_machine_seal import MachineKeySeal  # noqa: E402
from support.fake_os_keyring import MemoryKeyring  # noqa: E402
from support.vault_fixture import VaultFixture  # noqa: E402

from kdrt_desk import i18n  # noqa: E402
from kdrt_desk.security import machine_seal  # noqa: E402
from kdrt_desk.security.secret_store import SecretStore  # noqa: E402
from kdrt_desk.services.backups import AutoSettings  # noqa: E402
from kdrt_desk.services.vault_access import create_vault  # noqa: E402
from kdrt_desk.wiring import Services  # noqa: E402


@pytest.fixture(autouse=True)
def _test_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    i18n.set_language("id")
    yield backend
    keyring.set_keyring(previous)
    i18n.set_language("id")  # a session fixture made after this test reads the default


@pytest.fixture
def this_pc() -> Iterator[MachineKeySeal]:
    """This PC's machine seal (Windows DPAPI there), installed like the test keyring."""
    seal = MachineKeySeal()
    previous = machine_seal.install(seal)
    yield seal
    machine_seal.install(previous)


@pytest.fixture(scope="session")
def _vault_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict]:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        folder = tmp_path_factory.mktemp("template") / "vault"
        code = create_vault(folder, centre_name=CENTRE, centre_address="Jl. Uji 1, Plaju",
                            admin_username=ADMIN, admin_password=PASSWORD, store=SecretStore(),
                            kdf=FAST_KDF)
        # the admin turned automatic backups off (as she can in Berkas > Cadangan): every test
        # window would otherwise back up at login and at close; the backup tests turn them on
        admin = VaultFixture(folder, code, backend).services()
        try:
            admin.backups.set_auto_settings(AutoSettings(daily=False, on_close=False))
        finally:
            admin.close()
    finally:
        keyring.set_keyring(previous)
    return folder, code, dict(backend.entries)


@pytest.fixture
def vault(tmp_path: Path, _vault_template: tuple[Path, str, dict],
          _test_keyring: MemoryKeyring) -> VaultFixture:
    """A fresh, migrated vault in ``tmp_path/vault`` with one admin account."""
    template, code, entries = _vault_template
    target = tmp_path / "vault"
    shutil.copytree(template, target)
    _test_keyring.entries.update(entries)
    return VaultFixture(target, code, _test_keyring)


@pytest.fixture
def admin(vault: VaultFixture) -> Iterator[Services]:
    services = vault.services()
    yield services
    services.close()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "crash_expected: the test makes an unexpected error on purpose (it checks the "
        "crash dialog), so a crash shown is not a failure")


@pytest.fixture(autouse=True)
def _unexpected_errors_fail(request: pytest.FixtureRequest) -> Iterator[None]:
    """An unexpected error that the app would show in its crash dialog fails the test.

    GUI tests record the crash dialog instead of opening it (``modal_boxes``, tests/gui);
    errors in Qt slots fail through pytest-qt, those in threads through pytest's warning.
    """
    boxes = (request.getfixturevalue("modal_boxes") if "modal_boxes" in request.fixturenames
             else None)
    yield
    if boxes is None or request.node.get_closest_marker("crash_expected"):
        return
    crashes = [f"{title}: {text}" for kind, title, text in boxes.shown if kind == "crash"]
    if crashes:
        pytest.fail("unexpected error shown in the crash dialog:\n" + "\n".join(crashes),
                    pytrace=False)
