"""Shared set-up of the training-programme benchmarks: a real vault with participants, venues,
facilitators and groups, and bulk data (sessions, attendance) written quickly in one transaction.

Only the set-up is bulk; every measured figure is a service call. The vault uses the default
Argon2id and the in-memory test keyring (``_common.install_memory_keyring``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from _common import ADMIN, PASSWORD, install_memory_keyring, make_vault

MARK_CYCLE = ("present",) * 15 + ("late", "late", "excused", "absent")  # about 80 % present


@dataclass
class Programme:
    """An open vault with its services and the catalogue the benchmarks use."""

    vault: Any  # OpenVault
    services: Any  # wiring.Services
    modules: dict[str, int]  # code -> id
    venue_id: int  # a venue with every feature
    facilitator_ids: list[int]  # each may teach every module

    def close(self) -> None:
        self.vault.close()


def open_programme(folder: Path, extra_modules: int = 0, facilitators: int = 2) -> Programme:
    """A new vault (default Argon2id) with a venue that has every feature and facilitators who
    may teach every module; ``extra_modules`` adds modules next to the nine default ones."""
    from kdrt_desk.domain.training import (
        FacilitatorInput,
        FacilitatorType,
        ModuleInput,
        Track,
        VenueFeature,
        VenueInput,
    )
    from kdrt_desk.services.vault_access import open_vault
    from kdrt_desk.wiring import build_services

    install_memory_keyring()
    make_vault(folder)
    vault = open_vault(folder, ADMIN, PASSWORD)
    services = build_services(vault)
    catalogue = services.catalogue
    for n in range(extra_modules):
        catalogue.save_module(ModuleInput(
            code=f"BEN-{n + 1:02d}", title=f"Modul tambahan {n + 1}", track=Track.ECONOMIC,
            session_count=10, minutes_per_session=120))
    modules = {m.code: m.id for m in catalogue.modules()}
    venue = catalogue.save_venue(VenueInput(
        name="Aula Benchmark", kecamatan="Plaju", capacity=60, features=set(VenueFeature),
        childcare=True))
    ids = [catalogue.save_facilitator(FacilitatorInput(
        name=f"Fasilitator Benchmark {n + 1}", type=FacilitatorType.TRAINER,
        module_ids=set(modules.values()))).id for n in range(facilitators)]
    return Programme(vault, services, modules, venue.id, ids)


def add_participants(programme: Programme, count: int, status: str, registered_on: date,
                     today: date, seed: int = 2026) -> list[int]:
    """``count`` synthetic participants (``insert_participants``), then set to ``status`` and
    registered on ``registered_on`` (set-up only: a screening would take far longer)."""
    from sqlalchemy import func, select, update

    from kdrt_desk.demo.participants import insert_participants
    from kdrt_desk.models import Participant
    from kdrt_desk.synthetic.participants import generate_participants

    db = programme.vault.db
    with db.reading() as session:
        first = (session.scalar(select(func.max(Participant.id))) or 0) + 1
    insert_participants(db, programme.vault.actor,
                        generate_participants(count, seed=seed, today=today), today)
    with db.transaction() as session:
        ids = list(session.scalars(select(Participant.id).where(Participant.id >= first)
                                   .order_by(Participant.id)))
        session.execute(update(Participant).where(Participant.id.in_(ids))
                        .values(status=status, registered_on=registered_on))
    return ids


def bulk_groups(programme: Programme, groups: int, members: int, sessions_per_group: int,
                first_start: date, stagger_days: int, today: date,
                modules: list[int] | None = None,
                facilitators: list[int] | None = None) -> tuple[int, int]:
    """``groups`` groups of ``members`` (new participants, enrolled) with ``sessions_per_group``
    sessions each (four a week, on weekdays, morning and afternoon), every session before
    ``today`` held and marked for every member; all in one transaction. Returns (sessions,
    marks) written. Each group starts ``stagger_days`` after the one before."""
    from sqlalchemy import insert

    from kdrt_desk.models import (
        Attendance,
        Enrolment,
        GroupModule,
        TrainingGroup,
        TrainingSession,
        group_facilitator,
    )
    from kdrt_desk.models.sealed import new_seal_id

    module_ids = modules or sorted(programme.modules.values())
    leaders = facilitators or programme.facilitator_ids
    people = add_participants(programme, groups * members, "enrolled", first_start, today,
                              seed=4242)
    now = datetime.now(UTC)
    slots = ((0, time(9, 0), time(11, 0)), (0, time(13, 30), time(15, 30)),
             (2, time(9, 0), time(11, 0)), (3, time(13, 30), time(15, 30)))
    session_rows: list[dict[str, Any]] = []
    mark_rows: list[dict[str, Any]] = []
    with programme.vault.db.transaction() as session:
        for g in range(groups):
            start = first_start + timedelta(days=g * stagger_days)
            start -= timedelta(days=start.weekday())
            weeks = -(-sessions_per_group // len(slots))
            end = start + timedelta(weeks=weeks, days=4)
            group = TrainingGroup(name=f"Angkatan Benchmark {g + 1:03d}", kecamatan="Plaju",
                                  kelurahan="", start_date=start, end_date=end,
                                  venue_id=programme.venue_id, archived=False, created_at=now)
            session.add(group)
            session.flush()
            session.execute(insert(GroupModule), [
                {"group_id": group.id, "module_id": m, "position": i}
                for i, m in enumerate(module_ids)])
            facilitator = leaders[g % len(leaders)]
            session.execute(insert(group_facilitator),
                            [{"group_id": group.id, "facilitator_id": facilitator}])
            mine = people[g * members:(g + 1) * members]
            session.execute(insert(Enrolment), [
                {"group_id": group.id, "participant_id": pid, "enrolled_on": start,
                 "status": "active", "end_reason": None, "seal_id": new_seal_id(),
                 "created_by": ADMIN} for pid in mine])
            for n in range(sessions_per_group):
                week, (weekday, begin, finish) = divmod(n, len(slots))[0], slots[n % len(slots)]
                day = start + timedelta(weeks=week, days=weekday)
                session_rows.append({
                    "group_id": group.id, "module_id": module_ids[n % len(module_ids)],
                    "session_date": day, "start_time": begin, "end_time": finish,
                    "venue_id": programme.venue_id, "facilitator_id": facilitator,
                    "topic": f"Pertemuan {n + 1}", "status": "held" if day < today else "planned",
                    "cancel_reason": "", "moved_from": None, "created_by": ADMIN,
                    "created_at": now, "_members": mine})
        members_of = [row.pop("_members") for row in session_rows]
        ids = list(session.scalars(insert(TrainingSession).returning(
                                       TrainingSession.id, sort_by_parameter_order=True),
                                   session_rows))
        for sid, row, mine in zip(ids, session_rows, members_of, strict=True):
            if row["status"] != "held":
                continue
            for k, pid in enumerate(mine):
                mark = MARK_CYCLE[(sid + k) % len(MARK_CYCLE)]
                mark_rows.append({"session_id": sid, "participant_id": pid, "mark": mark,
                                  "reason": "anak sakit" if mark == "excused" else "",
                                  "marked_by": ADMIN, "marked_at": now})
        for chunk in range(0, len(mark_rows), 20_000):
            session.execute(insert(Attendance), mark_rows[chunk:chunk + 20_000])
    return len(session_rows), len(mark_rows)
