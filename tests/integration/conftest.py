"""Integration fixtures: one demo vault made by the real CLI per session, and private copies of it.

``demo --participants 200 --seed 7`` runs once; tests that only read use that vault directly
(``demo``), tests that change or break something get a copy with its own keyring file
(``demo_copy``). The helpers themselves live in ``cli_harness.py``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cli_harness import (
    DEMO_PARTICIPANTS,
    DEMO_SEED,
    RECOVERY_CODE,
    ROLES,
    CliVault,
    DemoTemplate,
    demo_logins,
    make_env,
    run_cli,
)
from support.fake_os_keyring import MemoryKeyring


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> DemoTemplate:
    """``kdrt-desk demo --participants 200 --seed 7`` with a generated password, made once."""
    root = tmp_path_factory.mktemp("demo")
    keyring_file = root / "keyring.json"
    data_dir = root / "vault"
    result = run_cli("demo", "--data-dir", str(data_dir), "--participants",
                     str(DEMO_PARTICIPANTS), "--seed", str(DEMO_SEED),
                     env=make_env(keyring_file, root))
    assert result.returncode == 0, result.stderr
    logins = demo_logins(result.stdout)
    assert set(logins) == set(ROLES), result.stdout
    code = RECOVERY_CODE.search(result.stdout)
    assert code is not None, result.stdout
    vault = CliVault(data_dir, keyring_file, logins["admin"], root, code.group(0))
    return DemoTemplate(vault, result, logins)


@pytest.fixture
def demo(demo_template: DemoTemplate) -> CliVault:
    """The shared demo vault, for tests that only read (their logins are audited, nothing more)."""
    return demo_template.vault


@pytest.fixture
def demo_copy(tmp_path: Path, demo_template: DemoTemplate,
              _test_keyring: MemoryKeyring) -> CliVault:
    """A private copy of the demo vault and its keyring file, bound to the in-process keyring."""
    source = demo_template.vault
    data_dir = tmp_path / "vault"
    shutil.copytree(source.data_dir, data_dir, ignore=shutil.ignore_patterns("kdrt.lock", "logs"))
    keyring_file = tmp_path / "keyring.json"
    shutil.copy2(source.keyring_file, keyring_file)
    copy = CliVault(data_dir, keyring_file, source.password, tmp_path, source.recovery_code,
                    _test_keyring)
    copy.sync_keyring()
    return copy
