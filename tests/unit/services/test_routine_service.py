"""Her weekly routine on a real vault: who may read and change it, checks before anything is
stored, an audit entry without her times, sealed on disk, and gone when she is anonymised."""

from __future__ import annotations

import json
from datetime import date, time

import pytest
from sqlalchemy import select, text, update
from support.participant_samples import TODAY, sample
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.enums import BlockStrength, Role, RoutineKind
from kdrt_desk.domain.routine import OneOffBlock, Routine, RoutineBlock
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.models import AuditEntry, ParticipantRoutine
from kdrt_desk.repositories.routines import UNREADABLE, parse_routine, routine_text
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.routines import RoutineService
from kdrt_desk.wiring import Services

ROUTINE = Routine(
    (RoutineBlock(0, time(4, 30), time(11), RoutineKind.WORK),
     RoutineBlock(2, time(11, 30), time(12, 30), RoutineKind.CHILDCARE, BlockStrength.PREFERS_NOT,
                  date(2026, 12, 1), date(2027, 6, 30))),
    (OneOffBlock(date(2026, 12, 9), time(8), time(12), RoutineKind.APPOINTMENT),))


def _as(services: Services, role: Role) -> RoutineService:
    return RoutineService(services.vault.db, Actor(99, f"{role.value}9", role))


def test_the_stored_format_reads_back_exactly() -> None:
    assert parse_routine(routine_text(ROUTINE)) == ROUTINE
    assert parse_routine(routine_text(Routine())) == Routine()


def test_an_admin_saves_her_routine_and_it_reads_back(admin: Services) -> None:
    pid = admin.participants.register(sample(), today=TODAY).id
    assert admin.routines.get(pid) is None
    admin.routines.save(pid, ROUTINE)
    assert admin.routines.get(pid) == ROUTINE
    assert admin.routines.for_participants([pid, pid + 999]) == {pid: ROUTINE}
    stored = admin.routines.get(pid)
    assert stored is not None and stored.can_attend(date(2026, 11, 30), time(9), time(11)) == 0.0


def test_the_change_is_audited_without_her_times(admin: Services) -> None:
    person = admin.participants.register(sample(), today=TODAY)
    admin.routines.save(person.id, ROUTINE)
    admin.routines.save(person.id, ROUTINE)  # unchanged: no second entry
    with admin.vault.db.reading() as session:
        entries = session.execute(select(AuditEntry.target, AuditEntry.details).where(
            AuditEntry.action == "routine_changed")).all()
    assert [target for target, _ in entries] == [person.code]
    details = json.loads(entries[0][1])
    assert details == {"weekly_blocks": 2, "one_off_blocks": 1}
    assert "04:30" not in entries[0][1] and "11:30" not in entries[0][1]


@pytest.mark.parametrize("role", [Role.KONSELOR, Role.STAF])
def test_case_workers_and_office_staff_read_and_change_it(admin: Services, role: Role) -> None:
    pid = admin.participants.register(sample(), today=TODAY).id
    service = _as(admin, role)
    service.save(pid, ROUTINE)
    assert service.get(pid) == ROUTINE


def test_a_facilitator_neither_reads_nor_changes_it(admin: Services) -> None:
    pid = admin.participants.register(sample(), today=TODAY).id
    admin.routines.save(pid, ROUTINE)
    facilitator = _as(admin, Role.FASILITATOR)
    for call in (lambda: facilitator.get(pid), lambda: facilitator.for_participants([pid]),
                 lambda: facilitator.save(pid, Routine())):
        with pytest.raises(PermissionDeniedError):
            call()
    assert admin.routines.get(pid) == ROUTINE


def test_a_wrong_routine_is_refused_and_the_stored_one_kept(admin: Services) -> None:
    pid = admin.participants.register(sample(), today=TODAY).id
    admin.routines.save(pid, ROUTINE)
    wrong = Routine((RoutineBlock(1, time(10), time(9), RoutineKind.WORK),))
    with pytest.raises(ValidationError) as caught:
        admin.routines.save(pid, wrong)
    assert [e.key for e in caught.value.errors] == ["error.routine.end_before_start"]
    assert admin.routines.get(pid) == ROUTINE
    with pytest.raises(UserError) as unknown:
        admin.routines.save(pid + 999, ROUTINE)
    assert unknown.value.key == "error.participant_unknown"


def test_on_disk_it_is_one_sealed_value(admin: Services, vault: VaultFixture) -> None:
    pid = admin.participants.register(sample(), today=TODAY).id
    admin.routines.save(pid, ROUTINE)
    with admin.vault.db.engine.connect() as conn:
        raw = conn.execute(text("SELECT blocks FROM participant_routine")).scalar_one()
    assert isinstance(raw, bytes)
    assert b"04:30" not in raw and b"childcare" not in raw and b"weekly" not in raw


def test_a_value_changed_outside_the_app_reads_as_cannot_all_week(admin: Services) -> None:
    first = admin.participants.register(sample(), today=TODAY).id
    second = admin.participants.register(sample(full_name="Rahmawati Kedua"), today=TODAY).id
    admin.routines.save(first, ROUTINE)
    admin.routines.save(second, Routine())
    with admin.vault.db.engine.begin() as conn:  # her sealed value copied onto another row
        blob = conn.execute(text("SELECT blocks FROM participant_routine WHERE participant_id "
                                 "= :p"), {"p": first}).scalar_one()
        conn.execute(update(ParticipantRoutine).where(
            ParticipantRoutine.participant_id == second).values(blocks=None))
        conn.execute(text("UPDATE participant_routine SET blocks = :b WHERE participant_id "
                          "= :p"), {"b": blob, "p": second})
    assert admin.routines.get(second) == UNREADABLE
    assert admin.routines.get(first) == ROUTINE


def test_anonymising_her_deletes_her_routine(admin: Services) -> None:
    pid = admin.participants.register(sample(), today=TODAY).id
    admin.routines.save(pid, ROUTINE)
    admin.consent.withdraw_data_use(pid, TODAY, confirm=True, today=TODAY)
    assert admin.routines.get(pid) is None
    with admin.vault.db.reading() as session:
        assert session.scalar(select(ParticipantRoutine)) is None
        details = json.loads(session.scalar(select(AuditEntry.details).where(
            AuditEntry.action == "participant_anonymised")) or "{}")
    assert details["routine_deleted"] is True
    with pytest.raises(UserError) as caught:
        admin.routines.save(pid, ROUTINE)
    assert caught.value.key == "error.participant_anonymised"
