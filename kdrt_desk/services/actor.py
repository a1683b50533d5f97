"""Who is calling a service: the logged-in staff member and the permission check.

A permission needs the role (as an admin signed it) and the keys it works with: an account whose
field keys are still on their way from an admin may not yet do what reads or writes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import PermissionDeniedError, UserError
from kdrt_desk.security.permissions import Permission, allows, keys_needed
from kdrt_desk.security.tiers import KeyName, keys_for_role


@dataclass(frozen=True)
class Actor:
    user_id: int
    username: str
    role: Role
    display_name: str = ""
    keys: frozenset[KeyName] | None = None  # what this login holds; None: all its role's

    @property
    def held(self) -> frozenset[KeyName]:
        return keys_for_role(self.role) if self.keys is None else self.keys

    @property
    def awaiting_keys(self) -> frozenset[KeyName]:
        """Keys the role should hold that an admin has not handed to this account yet."""
        return keys_for_role(self.role) - self.held

    def may(self, permission: Permission) -> bool:
        return allows(self.role, permission) and keys_needed(permission) <= self.held

    def require(self, permission: Permission) -> None:
        if self.may(permission):
            return
        if allows(self.role, permission):
            raise UserError("error.keys_pending")
        raise PermissionDeniedError()


SYSTEM = Actor(user_id=0, username="system", role=Role.ADMIN, display_name="KDRT Desk")
