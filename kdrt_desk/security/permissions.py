"""What each staff role may do; the services check these, the screens only hide what is refused."""

from __future__ import annotations

from enum import StrEnum

from kdrt_desk.domain.enums import Role


class Permission(StrEnum):
    VIEW_REGISTER = "view_register"
    VIEW_ALL_PARTICIPANTS = "view_all_participants"  # facilitators see only their groups' members
    VIEW_CONTACT = "view_contact"  # NIK, phone, address, trusted contact
    EDIT_PARTICIPANT = "edit_participant"
    VIEW_RESTRICTED = "view_restricted"  # case background
    EDIT_RESTRICTED = "edit_restricted"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    EXPORT = "export"
    SETTINGS = "settings"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.KONSELOR: frozenset({
        Permission.VIEW_REGISTER, Permission.VIEW_ALL_PARTICIPANTS, Permission.VIEW_CONTACT,
        Permission.EDIT_PARTICIPANT, Permission.VIEW_RESTRICTED, Permission.EDIT_RESTRICTED,
        Permission.EXPORT,
    }),
    Role.STAF: frozenset({
        Permission.VIEW_REGISTER, Permission.VIEW_ALL_PARTICIPANTS, Permission.VIEW_CONTACT,
        Permission.EDIT_PARTICIPANT, Permission.EXPORT,
    }),
    Role.FASILITATOR: frozenset({Permission.VIEW_REGISTER}),
}


def allows(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]
