"""The demo's next intake: a group starting next Monday with accepted women enrolled and no
session planned yet, so a newcomer can press "Buat jadwal" and see the scheduler plan a term
around their weeks."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

from sqlalchemy import select

from kdrt_desk.db.session import Database
from kdrt_desk.domain.enums import ParticipantStatus
from kdrt_desk.domain.training import GroupInput, Track, VenueFeature
from kdrt_desk.models import Participant
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.catalogue import CatalogueService
from kdrt_desk.services.groups import GroupService

SIZE = 15
WEEKS = 12


def insert_next_intake(db: Database, actor: Actor, today: date) -> int | None:
    """The group's id, or None when too few accepted women wait for a group."""
    with db.reading() as session:
        waiting = session.execute(
            select(Participant.id, Participant.kecamatan)
            .where(Participant.status == ParticipantStatus.ACCEPTED.value,
                   Participant.anonymised_on.is_(None))
            .order_by(Participant.registered_on, Participant.id)).all()
    if len(waiting) < 5:
        return None
    area = Counter(k for _, k in waiting).most_common(1)[0][0]
    chosen = ([pid for pid, k in waiting if k == area]
              + [pid for pid, k in waiting if k != area])[:SIZE]
    catalogue, groups = CatalogueService(db, actor), GroupService(db, actor)
    modules = catalogue.modules()
    social = [m for m in modules if m.track is Track.SOCIAL][:2]
    economic = [m for m in modules if m.track is Track.ECONOMIC
                and VenueFeature.KITCHEN not in m.venue_features][:2]
    chosen_modules = social + economic
    teachers = {f.id for f in catalogue.facilitators()
                if f.module_ids & {m.id for m in chosen_modules}}
    venue = next((v.id for v in catalogue.venues()
                  if v.capacity >= len(chosen) and VenueFeature.PRIVATE_ROOM in v.features),
                 None)
    numbers = [int(n) for g in groups.groups(include_archived=True)
               for n in re.findall(r"Angkatan (\d+)", g.name)]
    start = today + timedelta(days=7 - today.weekday())  # next Monday
    group = groups.save(GroupInput(
        name=f"Angkatan {max(numbers, default=0) + 1} {area} {start.year}", kecamatan=area,
        start_date=start, end_date=start + timedelta(weeks=WEEKS, days=-3), venue_id=venue,
        module_ids=[m.id for m in chosen_modules], facilitator_ids=teachers))
    groups.enrol(group.id, chosen, on=start)
    return group.id
