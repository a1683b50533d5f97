"""A test vault made as if in the PC's shared folder (its setting, as the wizard writes it)."""

from __future__ import annotations

from collections.abc import Sequence

from kdrt_desk.services.windows_accounts import shared_setting
from support.vault_fixture import VaultFixture


def mark_shared(vault: VaultFixture, users: Sequence[str]) -> None:
    opened = vault.open()
    try:
        with opened.db.transaction() as session:
            session.add(shared_setting(users))
    finally:
        opened.close()
