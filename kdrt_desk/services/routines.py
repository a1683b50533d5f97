"""Her weekly routine: read and changed by the roles that hold the contact key (Admin,
Konselor, Staf), checked before it is stored, audited without its times (the audit log is not
the place for where she is on a Tuesday morning)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.routine import Routine
from kdrt_desk.errors import UserError
from kdrt_desk.models import Participant
from kdrt_desk.repositories import routines as repo
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.routine_validation import check_routine


class RoutineService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def get(self, participant_id: int) -> Routine | None:
        """Her routine (None: none entered yet)."""
        self.actor.require(Permission.VIEW_CONTACT)
        with self.db.reading() as session:
            _participant(session, participant_id)
            return repo.load(session, participant_id)

    def for_participants(self, participant_ids: Iterable[int]) -> dict[int, Routine]:
        """The routines of those who have one (what the scheduler reads for a group)."""
        self.actor.require(Permission.VIEW_CONTACT)
        with self.db.reading() as session:
            return repo.load_many(session, participant_ids)

    def save(self, participant_id: int, routine: Routine) -> Routine:
        """Check and store her routine; an anonymised participant has none to store."""
        self.actor.require(Permission.VIEW_CONTACT)
        self.actor.require(Permission.EDIT_PARTICIPANT)
        check_routine(routine)
        with self.db.transaction() as session:
            person = _participant(session, participant_id)
            if person.anonymised_on is not None:
                raise UserError("error.participant_anonymised")
            if repo.save(session, participant_id, routine, self.actor.username,
                         datetime.now(UTC)):
                audit_log.append(session, self.actor.username, "routine_changed", person.code,
                                 {"weekly_blocks": len(routine.weekly),
                                  "one_off_blocks": len(routine.one_off)})
        return routine


def _participant(session: Session, participant_id: int) -> Participant:
    person = session.get(Participant, participant_id)
    if person is None:
        raise UserError("error.participant_unknown")
    return person
