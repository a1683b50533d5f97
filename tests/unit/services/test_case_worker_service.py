"""Her case worker on a real vault: chosen among active Admin and Konselor accounts only, cleared,
every bad choice refused with its message, who may set and read it, audited only when it
changes, and the demo gives most screened participants one."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select
from support.constants import PASSWORD
from support.participant_samples import TODAY, sample

from kdrt_desk.demo.participants import insert_participants
from kdrt_desk.demo.screenings import insert_demo_screenings
from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import PermissionDeniedError, UserError
from kdrt_desk.i18n import set_language
from kdrt_desk.models import AuditEntry, Participant, Screening
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.case_workers import CaseWorkerChoice, CaseWorkerService
from kdrt_desk.synthetic.participants import generate_participants
from kdrt_desk.wiring import Services


def _staff(admin: Services) -> None:
    admin.accounts.add_account("konselor1", Role.KONSELOR, PASSWORD, "Rina Konselor")
    admin.accounts.add_account("konselor2", Role.KONSELOR, PASSWORD, "Dewi Pendamping")
    admin.accounts.add_account("staf1", Role.STAF, PASSWORD, "Sari Staf")
    admin.accounts.add_account("fasil1", Role.FASILITATOR, PASSWORD)
    admin.accounts.add_account("pergi1", Role.KONSELOR, PASSWORD, "Sudah Pergi")
    admin.accounts.set_active("pergi1", False)


def _register(admin: Services) -> int:
    return admin.participants.register(sample(registered_on=TODAY - timedelta(days=30)),
                                       today=TODAY).id


def _as(admin: Services, role: Role) -> CaseWorkerService:
    return CaseWorkerService(admin.vault.db, Actor(99, "x", role))


def _entries(admin: Services) -> list[tuple[str, str, dict[str, object]]]:
    """(actor, target, details) of each "case_worker_assigned" entry, oldest first."""
    with admin.vault.db.reading() as session:
        rows = session.execute(select(AuditEntry.actor, AuditEntry.target, AuditEntry.details)
                               .where(AuditEntry.action == "case_worker_assigned")
                               .order_by(AuditEntry.id)).all()
    return [(actor, target, json.loads(details)) for actor, target, details in rows]


def test_choices_are_the_active_admins_and_konselors(admin: Services) -> None:
    _staff(admin)
    choices = admin.case_workers.choices()
    assert [c.username for c in choices] == ["admin", "konselor2", "konselor1"]
    assert CaseWorkerChoice("konselor1", "Rina Konselor") in choices  # by display name


def test_assign_read_clear_and_audit_only_on_change(admin: Services) -> None:
    _staff(admin)
    pid = _register(admin)
    assert admin.case_workers.get(pid) == ""
    assert admin.case_workers.assign(pid, " Konselor1 ") == "konselor1"
    assert admin.case_workers.get(pid) == "konselor1"
    assert _as(admin, Role.STAF).get(pid) == "konselor1"  # office staff read it
    admin.case_workers.assign(pid, "konselor1")  # the same again: nothing to record
    assert len(_entries(admin)) == 1
    _as(admin, Role.KONSELOR).assign(pid, "admin")  # a konselor may change it
    admin.case_workers.assign(pid, "")
    assert admin.case_workers.get(pid) == ""
    admin.case_workers.assign(pid, "")
    entries = _entries(admin)
    code = admin.participants.get(pid).code
    assert entries == [
        ("admin", code, {"case_worker": "konselor1"}),
        ("x", code, {"case_worker": "admin"}),
        ("admin", code, {"case_worker": ""})]
    with admin.vault.db.reading() as session:
        person = session.get(Participant, pid)
        assert person is not None and person.case_worker == ""


@pytest.mark.parametrize(("username", "key"), [
    ("tidakada", "error.case_worker.unknown"),
    ("pergi1", "error.case_worker.inactive"),
    ("staf1", "error.case_worker.role"),
    ("fasil1", "error.case_worker.role"),
])
def test_a_bad_choice_is_refused_with_its_message(admin: Services, username: str,
                                                  key: str) -> None:
    _staff(admin)
    pid = _register(admin)
    admin.case_workers.assign(pid, "konselor2")
    with pytest.raises(UserError) as caught:
        admin.case_workers.assign(pid, username)
    assert caught.value.key == key and caught.value.field == "case_worker"
    assert username in caught.value.message
    set_language("en")
    assert username in caught.value.message and "case worker" in caught.value.message
    assert admin.case_workers.get(pid) == "konselor2"
    assert len(_entries(admin)) == 1


def test_unknown_or_anonymised_participants_are_refused(admin: Services) -> None:
    _staff(admin)
    with pytest.raises(UserError) as caught:
        admin.case_workers.assign(987654, "konselor1")
    assert caught.value.key == "error.participant_unknown"
    with pytest.raises(UserError) as caught:
        admin.case_workers.get(987654)
    assert caught.value.key == "error.participant_unknown"
    pid = _register(admin)
    admin.consent.withdraw_data_use(pid, TODAY, confirm=True, today=TODAY)
    with pytest.raises(UserError) as caught:
        admin.case_workers.assign(pid, "konselor1")
    assert caught.value.key == "error.participant_anonymised"
    assert _entries(admin) == []


@pytest.mark.parametrize("role", [Role.STAF, Role.FASILITATOR])
def test_only_admins_and_konselors_assign(admin: Services, role: Role) -> None:
    _staff(admin)
    pid = _register(admin)
    with pytest.raises(PermissionDeniedError):
        _as(admin, role).assign(pid, "konselor1")
    assert admin.case_workers.get(pid) == ""
    if role == Role.FASILITATOR:  # facilitators do not even read screenings
        with pytest.raises(PermissionDeniedError):
            _as(admin, role).get(pid)
        with pytest.raises(PermissionDeniedError):
            _as(admin, role).choices()


def test_the_demo_gives_most_screened_participants_a_konselor(admin: Services) -> None:
    admin.accounts.add_account("konselor", Role.KONSELOR, PASSWORD, "Konselor Demo")
    db, actor = admin.vault.db, admin.vault.actor
    today = date(2026, 11, 27)
    people = sorted(generate_participants(150, seed=5, today=today),
                    key=lambda p: p.registered_on or today)
    insert_participants(db, actor, people, today)
    insert_demo_screenings(db, actor, seed=5, today=today)
    with db.reading() as session:
        rows = session.execute(select(Participant.id, Participant.case_worker)).all()
        screened = set(session.scalars(select(Screening.participant_id)))
    assigned = {pid for pid, worker in rows if worker}
    assert {worker for _, worker in rows if worker} == {"konselor"}
    assert assigned <= screened
    assert 0.7 * len(screened) < len(assigned) < len(screened)
    with db.reading() as session:
        imported = session.scalars(select(AuditEntry.details).where(
            AuditEntry.action == "case_workers_imported")).all()
    assert [json.loads(d)["count"] for d in imported] == [len(assigned)]
