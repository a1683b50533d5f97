"""Who is calling a service: the logged-in staff member and the permission check."""

from __future__ import annotations

from dataclasses import dataclass

from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import PermissionDeniedError
from kdrt_desk.security.permissions import Permission, allows


@dataclass(frozen=True)
class Actor:
    user_id: int
    username: str
    role: Role
    display_name: str = ""

    def may(self, permission: Permission) -> bool:
        return allows(self.role, permission)

    def require(self, permission: Permission) -> None:
        if not self.may(permission):
            raise PermissionDeniedError()


SYSTEM = Actor(user_id=0, username="system", role=Role.ADMIN, display_name="KDRT Desk")
