"""The Backup operator's row of the permission table: backups and nothing else, the master key
alone, and a label and an explanation in both languages."""

from __future__ import annotations

import pytest

from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import PermissionDeniedError
from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.security.permissions import ROLE_PERMISSIONS, Permission, allows, keys_needed
from kdrt_desk.security.tiers import ROLE_TIERS, KeyName, keys_for_role
from kdrt_desk.services.actor import Actor


def test_the_backup_role_may_only_make_and_check_backups() -> None:
    assert ROLE_PERMISSIONS[Role.BACKUP] == frozenset({Permission.BACKUP})
    assert [p for p in Permission if allows(Role.BACKUP, p)] == [Permission.BACKUP]
    assert not allows(Role.BACKUP, Permission.RESTORE)  # replacing the vault is the admin's
    assert keys_needed(Permission.BACKUP) == frozenset()  # the master key is enough


def test_the_backup_role_holds_the_master_key_and_no_field_key() -> None:
    assert ROLE_TIERS[Role.BACKUP] == frozenset()
    assert keys_for_role(Role.BACKUP) == frozenset({KeyName.MASTER})
    assert set(ROLE_TIERS) == set(Role) == set(ROLE_PERMISSIONS)  # every role has a row


@pytest.mark.parametrize("keys", [None, frozenset({KeyName.MASTER}), frozenset(KeyName)])
def test_an_actor_in_the_backup_role_is_refused_everything_else(
        keys: frozenset[KeyName] | None) -> None:
    # even holding every key (a key file edited to seal more to her) the role refuses
    actor = Actor(7, "cadangan", Role.BACKUP, "Tugas cadangan", keys)
    actor.require(Permission.BACKUP)
    for permission in Permission:
        if permission is Permission.BACKUP:
            continue
        assert not actor.may(permission), permission
        with pytest.raises(PermissionDeniedError):
            actor.require(permission)
    assert actor.awaiting_keys == frozenset()


def test_the_role_has_a_label_and_an_explanation_in_both_languages() -> None:
    for key in ("enum.Role.backup", "ui.admin.role_hint.backup"):
        indonesian, english = MESSAGES[key]
        assert indonesian and english and indonesian != english
    assert MESSAGES["enum.Role.backup"] == ("Operator cadangan", "Backup operator")
