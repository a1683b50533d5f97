"""The demo's training programme: groups with members, a term of sessions without double-booking,
attendance only where a roll-call could have been taken, the facilitator login's own view, and
the same programme for the same seed.

The demo vault is made in this process the way ``kdrt-desk demo`` makes it (``cmd_demo``: the
demo accounts, participants, screenings, care, then the training programme) but with the fast
test key derivation; the CLI itself runs the demo in ``tests/integration``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import keyring
import pytest
from sqlalchemy import text
from support.constants import FAST_KDF, PASSWORD
from support.fake_os_keyring import MemoryKeyring

from kdrt_desk.demo.care import insert_demo_care
from kdrt_desk.demo.participants import insert_participants
from kdrt_desk.demo.screenings import insert_demo_screenings
from kdrt_desk.demo.training import (
    DemoTraining,
    insert_demo_training,
    training_candidates,
)
from kdrt_desk.domain.enums import ParticipantStatus, Role
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.services.vault_access import create_vault, open_vault
from kdrt_desk.synthetic.participants import generate_participants
from kdrt_desk.synthetic.training import ModuleSpec, generate_training
from kdrt_desk.wiring import Services, build_services

PARTICIPANTS = 600  # small, but enough accepted participants for several groups and a transfer
SEED = 7
TODAY = date.today()  # as ``cmd_demo``


@dataclass
class DemoVault:
    data_dir: Path
    entries: dict[tuple[str, str], str]
    made: DemoTraining


def _make_demo(folder: Path, seed: int) -> DemoVault:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        create_vault(folder, centre_name="Pusat Demo", centre_address="Palembang",
                     admin_username="admin", admin_password=PASSWORD, store=SecretStore(),
                     kdf=FAST_KDF)
        vault = open_vault(folder, "admin", PASSWORD, store=SecretStore(), kdf=FAST_KDF)
        try:
            services = build_services(vault)
            for role, name in ((Role.KONSELOR, "Konselor Demo"),
                               (Role.FASILITATOR, "Fasilitator Demo"), (Role.STAF, "Staf Demo")):
                services.accounts.add_account(role.value, role, PASSWORD, name)
            people = sorted(generate_participants(PARTICIPANTS, seed=seed, today=TODAY),
                            key=lambda p: p.registered_on or TODAY)
            insert_participants(vault.db, vault.actor, people, TODAY)
            insert_demo_screenings(vault.db, vault.actor, seed=seed, today=TODAY)
            insert_demo_care(vault.db, vault.actor, seed=seed, today=TODAY)
            made = insert_demo_training(vault.db, vault.actor, seed=seed, today=TODAY)
        finally:
            vault.close()
    finally:
        keyring.set_keyring(previous)
    return DemoVault(folder, dict(backend.entries), made)


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> DemoVault:
    return _make_demo(tmp_path_factory.mktemp("training-demo") / "vault", SEED)


def _open(demo: DemoVault, memory: MemoryKeyring, user: str = "admin") -> Services:
    memory.entries.update(demo.entries)
    return build_services(open_vault(demo.data_dir, user, PASSWORD, store=SecretStore(),
                                     kdf=FAST_KDF))


@pytest.fixture
def admin(demo_vault: DemoVault, _test_keyring: MemoryKeyring) -> Iterator[Services]:
    services = _open(demo_vault, _test_keyring)
    yield services
    services.close()


def _rows(services: Services, sql: str, **params: object) -> list[tuple]:
    with services.vault.db.reading() as session:
        return [tuple(r) for r in session.execute(text(sql), params)]


def test_the_demo_makes_a_programme(demo_vault: DemoVault) -> None:
    made = demo_vault.made
    assert made.partners == 6 and made.venues >= 4 and 6 <= made.facilitators <= 16
    assert made.groups >= 2 and made.sessions > 40 and made.marks > 200
    assert made.cancelled >= 1 and made.drop_outs >= 1 and made.transfers == 1
    assert made.assessments > 0


def test_groups_have_enrolled_members_and_candidates_remain(admin: Services) -> None:
    groups = admin.groups.groups()
    assert len(groups) >= 2
    assert sum(g.member_count for g in groups if g.end_date >= TODAY) > 0
    for group in groups:
        members = admin.groups.members(group.id)
        assert members, group.name
        assert group.member_count <= max(v.capacity for v in admin.catalogue.venues())
    active = _rows(admin, "SELECT p.status FROM enrolment e JOIN participant p "
                          "ON p.id = e.participant_id WHERE e.status = 'active'")
    assert active and {s for (s,) in active} == {ParticipantStatus.ENROLLED.value}
    assert admin.groups.candidates(), "some accepted participants stay unenrolled"
    ended = dict(_rows(admin, "SELECT status, count(*) FROM enrolment GROUP BY status"))
    assert ended.get("dropped_out", 0) >= 1 and ended.get("transferred", 0) == 1


def test_every_programme_status_is_explained_by_a_membership(admin: Services) -> None:
    """Enrolled: exactly one active membership; completed or dropped out: her latest membership
    ended that way (with a date, and a reason for a drop-out); nobody has such a status without
    a membership (the participant generator gives only statuses before a group)."""
    people = dict(_rows(admin, "SELECT id, status FROM participant"))
    memberships: dict[int, list[tuple]] = {}
    for pid, status, enrolled_on, ended_on, reason in _rows(
            admin, "SELECT participant_id, status, enrolled_on, ended_on, end_reason "
                   "FROM enrolment ORDER BY enrolled_on, id"):
        memberships.setdefault(pid, []).append((status, enrolled_on, ended_on, reason))
    counts = Counter(people.values())
    assert counts["enrolled"] > 0 and counts["completed"] > 0 and counts["dropped_out"] > 0
    for pid, status in people.items():
        mine = memberships.get(pid, [])
        active = [m for m in mine if m[0] == "active"]
        if status == ParticipantStatus.ENROLLED.value:
            assert len(active) == 1, pid
        elif status in (ParticipantStatus.COMPLETED.value, ParticipantStatus.DROPPED_OUT.value):
            assert mine and not active, pid
            outcome, enrolled_on, ended_on, reason = mine[-1]
            assert outcome == status and ended_on is not None and ended_on >= enrolled_on
            assert reason if outcome == "dropped_out" else True
        else:
            assert not active, pid
    assert set(memberships) <= {pid for pid, s in people.items() if s in (
        "enrolled", "completed", "dropped_out")}


def test_intakes_across_the_year_and_realistic_shares(admin: Services) -> None:
    """Past angkatan whose members completed (some dropped out, with reasons), running ones, and
    recently accepted women left as candidates."""
    groups = admin.groups.groups()
    ended = [g for g in groups if g.end_date < TODAY]
    running = [g for g in groups if g.start_date <= TODAY <= g.end_date]
    assert len(ended) >= 2 and len(running) >= 2
    assert len({g.start_date for g in groups}) >= 4  # several intakes
    assert (TODAY - min(g.start_date for g in groups)).days > 240
    outcomes = dict(_rows(admin, """
        SELECT e.status, count(*) FROM enrolment e JOIN training_group g ON g.id = e.group_id
         WHERE g.end_date < :today GROUP BY e.status""", today=TODAY.isoformat()))
    past = sum(outcomes.values())
    assert 0.04 <= outcomes.get("dropped_out", 0) / past <= 0.25
    assert outcomes.get("active", 0) == 0
    reasons = {r for (r,) in _rows(admin, "SELECT end_reason FROM enrolment "
                                          "WHERE status = 'dropped_out'")}
    assert len(reasons) >= 2 and all(reasons)
    statuses = Counter(s for (s,) in _rows(admin, "SELECT status FROM participant"))
    in_programme = statuses["enrolled"] + statuses["completed"] + statuses["dropped_out"]
    accepted = in_programme + statuses["accepted"]
    assert 0.3 <= in_programme / accepted <= 0.7
    newest = max(g.start_date for g in groups)
    waiting = admin.groups.candidates()
    assert waiting and any(c.status is ParticipantStatus.ACCEPTED for c in waiting)
    joined_late = _rows(admin, """
        SELECT count(*) FROM participant p WHERE p.status = 'accepted'
           AND p.registered_on > :newest""", newest=newest.isoformat())
    assert joined_late[0][0] > 0  # accepted after the newest intake began: candidates


def test_sessions_are_inside_their_period_on_weekdays(admin: Services) -> None:
    rows = _rows(admin, "SELECT s.session_date, g.start_date, g.end_date FROM training_session s "
                        "JOIN training_group g ON g.id = s.group_id")
    assert len(rows) > 40
    for day, start, end in rows:
        assert start <= day <= end
        assert date.fromisoformat(day).weekday() < 5


@pytest.mark.parametrize("column", ["venue_id", "facilitator_id", "group_id"])
def test_nothing_is_booked_twice(admin: Services, column: str) -> None:
    clashes = _rows(admin, f"""
        SELECT a.id, b.id FROM training_session a JOIN training_session b
          ON a.{column} = b.{column} AND a.id < b.id AND a.session_date = b.session_date
         AND a.start_time < b.end_time AND b.start_time < a.end_time
         WHERE a.status != 'cancelled' AND b.status != 'cancelled'""")
    assert clashes == []


def test_attendance_only_on_held_sessions_in_the_past(admin: Services) -> None:
    wrong = _rows(admin, """
        SELECT a.id FROM attendance a JOIN training_session s ON s.id = a.session_id
         WHERE s.status != 'held' OR s.session_date >= :today""", today=TODAY.isoformat())
    assert wrong == []
    outside = _rows(admin, """
        SELECT a.id FROM attendance a JOIN training_session s ON s.id = a.session_id
         WHERE NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.group_id = s.group_id
           AND e.participant_id = a.participant_id AND e.enrolled_on <= s.session_date
           AND (e.ended_on IS NULL OR e.ended_on >= s.session_date))""")
    assert outside == []
    marks = dict(_rows(admin, "SELECT mark, count(*) FROM attendance GROUP BY mark"))
    assert marks["present"] > marks.get("late", 0) > 0
    assert marks.get("excused", 0) > 0 and marks.get("absent", 0) > 0
    no_reason = _rows(admin, "SELECT id FROM attendance WHERE mark = 'excused' AND reason = ''")
    assert no_reason == []
    future_held = _rows(admin, "SELECT id FROM training_session WHERE status = 'held' "
                               "AND session_date >= :today", today=TODAY.isoformat())
    assert future_held == []
    cancelled = _rows(admin, "SELECT cancel_reason FROM training_session "
                             "WHERE status = 'cancelled'")
    assert cancelled and all(reason for (reason,) in cancelled)
    planned = _rows(admin, "SELECT count(*) FROM training_session WHERE status = 'planned' "
                           "AND session_date > :today", today=TODAY.isoformat())
    assert planned[0][0] > 0


def test_facilitator_login_sees_only_her_own_sessions(
        demo_vault: DemoVault, _test_keyring: MemoryKeyring) -> None:
    services = _open(demo_vault, _test_keyring, "fasilitator")
    try:
        mine = services.sessions.sessions()
        groups = services.groups.groups()
        with services.vault.db.reading() as session:
            me, every = session.execute(text(
                "SELECT f.id, (SELECT count(*) FROM training_session) FROM facilitator f "
                "JOIN staff_account a ON a.id = f.staff_account_id "
                "WHERE a.username = 'fasilitator'")).one()
            led = session.execute(text("SELECT count(*) FROM training_session "
                                       "WHERE facilitator_id = :me"), {"me": me}).scalar()
    finally:
        services.close()
    assert mine and len(mine) == led < every
    assert {s.facilitator_id for s in mine} == {me}
    assert {s.group_id for s in mine} <= {g.id for g in groups}
    assert any(s.marked for s in mine) and any(s.session_date >= TODAY for s in mine)


def test_same_seed_same_programme(admin: Services) -> None:
    modules = [ModuleSpec(m.code, m.session_count, m.minutes_per_session,
                          frozenset(f.value for f in m.venue_features), m.assessment_required)
               for m in admin.catalogue.modules()]
    candidates = training_candidates(admin.vault.db)
    first = generate_training(candidates, modules, seed=SEED, today=TODAY)
    again = generate_training(candidates, modules, seed=SEED, today=TODAY)
    other = generate_training(candidates, modules, seed=SEED + 1, today=TODAY)
    assert first == again
    assert first.marks != other.marks


def test_same_seed_same_vault(demo_vault: DemoVault, admin: Services,
                              tmp_path: Path, _test_keyring: MemoryKeyring) -> None:
    query = ("SELECT g.name, s.session_date, s.start_time, s.status, p.code, a.mark, a.reason "
             "FROM attendance a JOIN training_session s ON s.id = a.session_id "
             "JOIN training_group g ON g.id = s.group_id "
             "JOIN participant p ON p.id = a.participant_id ORDER BY 1, 2, 3, 5")
    first = _rows(admin, query)
    second = _make_demo(tmp_path / "again", SEED)
    assert second.made == demo_vault.made
    again = _open(second, _test_keyring)
    try:
        assert _rows(again, query) == first
    finally:
        again.close()
