"""What each staff role may do; the services check these, the screens only hide what is refused."""

from __future__ import annotations

from enum import StrEnum

from kdrt_desk.domain.enums import Role
from kdrt_desk.security.tiers import KeyName


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
    VIEW_SCREENING = "view_screening"  # needs, skills, barriers, score, decisions
    SCREEN = "screen"  # record and edit screenings, their restricted notes and risk reasons
    DECIDE = "decide"  # decide and confirm (a rejection needs a second Admin/Konselor)
    MANAGE_CRITERIA = "manage_criteria"
    RECORD_SERVICE = "record_service"  # services and referrals (outcome notes are restricted)
    MANAGE_PARTNERS = "manage_partners"
    MANAGE_CONSENT = "manage_consent"  # record signed forms and withdrawals
    ANONYMISE = "anonymise"  # anonymise at once, or confirm another's withdrawal
    VIEW_PROGRAMME = "view_programme"  # modules, groups, sessions (facilitators: their own)
    VIEW_ALL_GROUPS = "view_all_groups"  # every group and session, not only one's own
    MANAGE_PROGRAMME = "manage_programme"  # the catalogue: modules, facilitators, venues
    MANAGE_GROUPS = "manage_groups"  # groups, enrolment, sessions
    TAKE_ATTENDANCE = "take_attendance"  # roll-call and skill assessments (facilitators: own)
    ISSUE_CERTIFICATES = "issue_certificates"  # eligibility, issue, the register
    REVOKE_CERTIFICATES = "revoke_certificates"  # revoke and reissue (the admin)
    BACKUP = "backup"  # make and verify backups (the admin; a backup account does only this)
    RESTORE = "restore"  # replace the vault with a backup (the admin)


PROGRAMME_STAFF = (Permission.VIEW_PROGRAMME, Permission.VIEW_ALL_GROUPS, Permission.MANAGE_GROUPS,
                   Permission.TAKE_ATTENDANCE)
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.KONSELOR: frozenset({
        Permission.VIEW_REGISTER, Permission.VIEW_ALL_PARTICIPANTS, Permission.VIEW_CONTACT,
        Permission.EDIT_PARTICIPANT, Permission.VIEW_RESTRICTED, Permission.EDIT_RESTRICTED,
        Permission.EXPORT, Permission.VIEW_SCREENING, Permission.SCREEN, Permission.DECIDE,
        Permission.RECORD_SERVICE, Permission.MANAGE_CONSENT, Permission.ANONYMISE,
        Permission.ISSUE_CERTIFICATES, *PROGRAMME_STAFF,
    }),
    Role.STAF: frozenset({
        Permission.VIEW_REGISTER, Permission.VIEW_ALL_PARTICIPANTS, Permission.VIEW_CONTACT,
        Permission.EDIT_PARTICIPANT, Permission.EXPORT, Permission.VIEW_SCREENING,
        Permission.RECORD_SERVICE, Permission.MANAGE_CONSENT, Permission.ISSUE_CERTIFICATES,
        *PROGRAMME_STAFF,
    }),
    Role.FASILITATOR: frozenset({Permission.VIEW_REGISTER, Permission.VIEW_PROGRAMME,
                                 Permission.TAKE_ATTENDANCE}),
    # the scheduled backup (Task Scheduler): the snapshot and its check, with the master key only
    Role.BACKUP: frozenset({Permission.BACKUP}),
}


# The keys a permission needs besides the master key: a role that may do something but whose
# field keys an admin has not handed over yet ("menunggu kunci dari Admin") may not do it yet.
_R, _C, _S = KeyName.RESTRICTED, KeyName.CONTACT, KeyName.SIGNING
PERMISSION_KEYS: dict[Permission, frozenset[KeyName]] = {
    Permission.VIEW_CONTACT: frozenset({_C}),
    Permission.EDIT_PARTICIPANT: frozenset({_C}),
    Permission.VIEW_RESTRICTED: frozenset({_R}),
    Permission.EDIT_RESTRICTED: frozenset({_R}),
    Permission.VIEW_SCREENING: frozenset({_C}),
    Permission.SCREEN: frozenset({_R, _C}),
    Permission.DECIDE: frozenset({_R, _C}),
    Permission.MANAGE_CONSENT: frozenset({_C}),
    Permission.ANONYMISE: frozenset({_R, _C}),
    Permission.MANAGE_GROUPS: frozenset({_C}),
    Permission.MANAGE_USERS: frozenset({_S}),
    # beyond her own groups' members and sessions: only once her keys are hers (an account whose
    # key pair is not yet confirmed works like a facilitator, whatever role it was given)
    Permission.VIEW_ALL_PARTICIPANTS: frozenset({_C}),
    Permission.VIEW_ALL_GROUPS: frozenset({_C}),
    Permission.EXPORT: frozenset({_C}),
    Permission.RECORD_SERVICE: frozenset({_C}),
    # an admin's own work: with the vault signing key
    Permission.VIEW_AUDIT: frozenset({_S}),
    Permission.SETTINGS: frozenset({_S}),
    Permission.MANAGE_CRITERIA: frozenset({_S}),
    Permission.MANAGE_PARTNERS: frozenset({_S}),
    Permission.MANAGE_PROGRAMME: frozenset({_S}),
    Permission.REVOKE_CERTIFICATES: frozenset({_S}),
}


def allows(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


def keys_needed(permission: Permission) -> frozenset[KeyName]:
    return PERMISSION_KEYS.get(permission, frozenset())
