"""Her case worker (konselor pendamping): the Admin or Konselor who follows her, set at screening.

An assessment alert goes to her case worker (``assessments``), or to every Konselor and Admin
when none is set. Only an active Admin or Konselor account can be chosen; an anonymised record
takes none. A change is audited (the staff username only, nothing about her).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import UserError
from kdrt_desk.models import Participant, StaffAccount
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.screening import participant_for_change

CASE_WORKER_ROLES = (Role.ADMIN.value, Role.KONSELOR.value)
FIELD = "case_worker"


@dataclass(frozen=True)
class CaseWorkerChoice:
    username: str
    display_name: str  # "" when the account has none


def normalise(username: str) -> str:
    return username.strip().lower()


def check_case_worker(session: Session, username: str) -> None:
    """Refuse an account that does not exist, is inactive, or is not an Admin or Konselor."""
    account = session.scalar(select(StaffAccount).where(StaffAccount.username == username))
    if account is None:
        raise UserError("error.case_worker.unknown", field=FIELD, username=username)
    if not account.active:
        raise UserError("error.case_worker.inactive", field=FIELD, username=username)
    if account.role not in CASE_WORKER_ROLES:
        raise UserError("error.case_worker.role", field=FIELD, username=username)


class CaseWorkerService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def choices(self) -> list[CaseWorkerChoice]:
        """The active Admin and Konselor accounts, by display name then username."""
        self.actor.require(Permission.VIEW_SCREENING)
        with self.db.reading() as session:
            rows = session.execute(
                select(StaffAccount.username, StaffAccount.display_name)
                .where(StaffAccount.active.is_(True), StaffAccount.role.in_(CASE_WORKER_ROLES))
                ).all()
        choices = [CaseWorkerChoice(name, display or "") for name, display in rows]
        return sorted(choices, key=lambda c: ((c.display_name or c.username).casefold(),
                                              c.username))

    def get(self, participant_id: int) -> str:
        """Her case worker's username, or "" when none is set."""
        self.actor.require(Permission.VIEW_SCREENING)
        with self.db.reading() as session:
            person = session.get(Participant, participant_id) if participant_id else None
            if person is None:
                raise UserError("error.participant_unknown", field="participant_id")
            return person.case_worker or ""

    def assign(self, participant_id: int, username: str) -> str:
        """Set her case worker ("" clears it); audited only when it changes. Returns it."""
        self.actor.require(Permission.SCREEN)
        name = normalise(username)
        with self.db.transaction() as session:
            person = participant_for_change(session, participant_id)
            if name:
                check_case_worker(session, name)
            if (person.case_worker or "") == name:
                return name
            person.case_worker = name
            person.updated_at = datetime.now(UTC)
            audit_log.append(session, self.actor.username, "case_worker_assigned", person.code,
                             {"case_worker": name})
            return name
