"""The sealed tiers of a record and the keys a key slot can hold, by role.

*Restricted* (Admin, Konselor): what describes the violence, the risk or her mental health.
*Contact* (Admin, Konselor, Staf): where she can be found, how to reach her, her circumstances.
Everything else (names, codes, kecamatan, programme data) is under the master key alone, which is
what a facilitator's password opens. The vault's signing key (roles and public keys are signed
with it) is held by admins only.
"""

from __future__ import annotations

from enum import StrEnum

from kdrt_desk.domain.enums import Role


class Tier(StrEnum):
    RESTRICTED = "restricted"
    CONTACT = "contact"


class KeyName(StrEnum):
    """What a key slot may have sealed to it."""

    MASTER = "master"  # the SQLCipher key: every account
    RESTRICTED = "restricted"
    CONTACT = "contact"
    SIGNING = "signing"  # the vault's signing key: admins (and the recovery slot)


ROLE_TIERS: dict[Role, frozenset[Tier]] = {
    Role.ADMIN: frozenset(Tier),
    Role.KONSELOR: frozenset(Tier),
    Role.STAF: frozenset({Tier.CONTACT}),
    Role.FASILITATOR: frozenset(),
    Role.BACKUP: frozenset(),  # the master key alone: it can read no sealed field
}


def keys_for_role(role: Role | None) -> frozenset[KeyName]:
    """The keys a slot of ``role`` holds; ``None`` is the recovery slot, which holds them all."""
    if role is None:
        return frozenset(KeyName)
    names = {KeyName.MASTER, *(KeyName(t.value) for t in ROLE_TIERS[role])}
    if role == Role.ADMIN:
        names.add(KeyName.SIGNING)
    return frozenset(names)
