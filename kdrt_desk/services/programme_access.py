"""Which groups, sessions and participants a facilitator may see: only her own.

Staff with ``view_all_groups`` see everything; a facilitator account sees the groups she is a
facilitator of, the sessions she leads and the active members of her groups.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from kdrt_desk.domain.training import EnrolmentStatus
from kdrt_desk.models import Enrolment, Facilitator, group_facilitator
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services.actor import Actor


def own_facilitator_id(session: Session, actor: Actor) -> int | None:
    """The facilitator record linked to this login, if any."""
    return session.scalar(select(Facilitator.id).where(
        Facilitator.staff_account_id == actor.user_id))


def sees_all(actor: Actor) -> bool:
    return actor.may(Permission.VIEW_ALL_GROUPS)


def own_group_ids(session: Session, actor: Actor) -> set[int]:
    """The groups a facilitator works with (empty when her login is linked to no facilitator)."""
    mine = own_facilitator_id(session, actor)
    if mine is None:
        return set()
    return set(session.scalars(select(group_facilitator.c.group_id).where(
        group_facilitator.c.facilitator_id == mine)))


def member_ids_query(group_ids: set[int]) -> Select[Any]:
    """Participants actively enrolled in any of ``group_ids``."""
    return select(Enrolment.participant_id).where(
        Enrolment.group_id.in_(group_ids), Enrolment.status == EnrolmentStatus.ACTIVE.value)


def visible_participant_ids(session: Session, actor: Actor) -> set[int] | None:
    """None: every participant; otherwise the members of her own groups."""
    if actor.may(Permission.VIEW_ALL_PARTICIPANTS):
        return None
    groups = own_group_ids(session, actor)
    return set(session.scalars(member_ids_query(groups))) if groups else set()
