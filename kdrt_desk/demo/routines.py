"""Fill a vault with synthetic routines for every participant not anonymised, and the days and
hours of facilitators and venues, so that "Buat jadwal" on the demo has real weeks to plan
around."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert, select

from kdrt_desk.db.session import Database
from kdrt_desk.domain.availability import hours_text
from kdrt_desk.models import Facilitator, Participant, ParticipantRoutine, Venue
from kdrt_desk.models.sealed import bind
from kdrt_desk.repositories.routines import routine_text
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.routine_validation import check_routine
from kdrt_desk.synthetic.routines import facilitator_hours, routine_for, venue_hours

CHUNK = 5000


def insert_demo_routines(db: Database, actor: Actor, seed: int, today: date) -> int:
    """Routines for everyone (checked like any routine), then facilitators' and venues' hours;
    the number of routines written."""
    actor.require(Permission.EDIT_PARTICIPANT)
    now = datetime.now(UTC)
    with db.reading() as session:
        people = session.execute(
            select(Participant.id, Participant.occupation, Participant.children_ages)
            .where(Participant.anonymised_on.is_(None)).order_by(Participant.id)).all()
    done = 0
    for start in range(0, len(people), CHUNK):
        rows: list[dict[str, Any]] = []
        for pid, occupation, ages in people[start:start + CHUNK]:
            routine = check_routine(routine_for(seed, pid, occupation or "", ages or "", today))
            rows.append({"participant_id": pid,
                         "blocks": bind(db.keys, routine_text(routine), pid),
                         "updated_by": actor.username, "updated_at": now})
        with db.transaction() as session:
            session.execute(insert(ParticipantRoutine), rows)
            audit_log.append(session, actor.username, "routines_imported",
                             details={"count": len(rows), "source": "synthetic demo"})
        done += len(rows)
    with db.transaction() as session:
        for facilitator in session.scalars(select(Facilitator)):
            facilitator.hours = hours_text(facilitator_hours(seed, facilitator.id))
            facilitator.max_per_day = 2
        for venue in session.scalars(select(Venue)):
            venue.hours = hours_text(venue_hours(seed, venue.id))
    return done
