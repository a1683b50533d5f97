"""Sessions on a real vault: the one creation path and its refusals (period, times, double
bookings, qualifications, features), moving, cancelling, listing, facilitators' own sessions."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time

import pytest
from support.programme import build, session_on
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.training import (
    AttendanceMark,
    GroupInput,
    SessionQuery,
    SessionStatus,
)
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.models import TrainingSession
from kdrt_desk.wiring import Services

DAY = date(2026, 11, 23)


@pytest.fixture
def team(vault: VaultFixture) -> Iterator[Team]:
    members = Team.hired(vault)
    yield members
    members.close()


def _count(services: Services) -> int:
    with services.vault.db.reading() as session:
        return session.query(TrainingSession).count()


def _keys(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {e.field or "": e.key for e in exc.value.errors}


def test_a_session_is_created_with_its_details(admin: Services) -> None:
    programme = build(admin, members=0)
    made = admin.sessions.create(session_on(programme, DAY, topic="Mengenal diri"))
    assert (made.status, made.group_name, made.module_code, made.topic) == (
        SessionStatus.PLANNED, "Angkatan 1 Plaju", "SOS-01", "Mengenal diri")
    assert (made.start_time, made.end_time) == (time(9), time(11))
    # no venue given: the group's usual venue
    usual = admin.sessions.create(replace(session_on(programme, DAY, 13, 15), venue_id=None))
    assert usual.venue_id == programme.venue_id


@pytest.mark.parametrize(("change", "field", "key"), [
    ({"session_date": date(2027, 1, 5)}, "session_date", "error.date_outside_group_period"),
    ({"end_time": time(8)}, "end_time", "error.session_ends_before_start"),
    ({"end_time": time(9)}, "end_time", "error.session_ends_before_start"),
    ({"session_date": None}, "session_date", "error.required"),
    ({"module_id": 5}, "module_id", "error.module_not_in_group"),
    ({"facilitator_id": None}, "facilitator_id", "error.required"),
    ({"topic": "x" * 201}, "topic", "error.too_long"),
])
def test_bad_sessions_are_refused_and_nothing_is_saved(admin: Services, change: dict[str, object],
                                                       field: str, key: str) -> None:
    programme = build(admin, members=0)
    with pytest.raises(ValidationError) as bad:
        admin.sessions.create(replace(session_on(programme, DAY), **change))
    assert _keys(bad)[field] == key
    assert _count(admin) == 0


def test_qualification_and_venue_features_are_checked(admin: Services) -> None:
    programme = build(admin, members=0)
    with pytest.raises(ValidationError) as unqualified:
        admin.sessions.create(session_on(programme, DAY, facilitator="trainer"))
    assert _keys(unqualified) == {"facilitator_id": "error.facilitator_not_qualified"}
    with pytest.raises(ValidationError) as no_room:
        admin.sessions.create(session_on(programme, DAY, venue_id=programme.kitchen_id))
    assert _keys(no_room) == {"venue_id": "error.venue_lacks_features"}
    assert "Ruang tertutup" in no_room.value.errors[0].message  # the feature, by its label


def test_double_bookings_of_venue_facilitator_or_group_are_refused(admin: Services) -> None:
    programme = build(admin, members=0)
    admin.sessions.create(session_on(programme, DAY, 9, 11))
    with pytest.raises(ValidationError) as clash:
        admin.sessions.create(session_on(programme, DAY, 10, 12))
    assert _keys(clash) == {"venue_id": "error.venue_double_booked",
                            "facilitator_id": "error.facilitator_double_booked",
                            "group_id": "error.group_double_booked"}
    assert "(09.00–11.00, kelompok Angkatan 1 Plaju)" in clash.value.errors[0].message
    # back to back is fine
    admin.sessions.create(session_on(programme, DAY, 11, 13))
    # another group, same venue, overlapping: the venue clash alone
    other = admin.groups.save(GroupInput(name="Angkatan 2", start_date=DAY, end_date=DAY,
                                         venue_id=programme.venue_id,
                                         module_ids=[programme.modules["SOS-02"]],
                                         facilitator_ids={programme.facilitators["trainer"]}))
    with pytest.raises(ValidationError) as venue_only:
        admin.sessions.create(replace(session_on(programme, DAY, 12, 14, module="SOS-02",
                                                 facilitator="trainer"), group_id=other.id))
    assert _keys(venue_only) == {"venue_id": "error.venue_double_booked"}
    assert _count(admin) == 2


def test_a_cancelled_session_frees_its_slot(admin: Services) -> None:
    programme = build(admin, members=0)
    first = admin.sessions.create(session_on(programme, DAY))
    with pytest.raises(ValidationError) as no_reason:
        admin.sessions.cancel(first.id, "  ")
    assert _keys(no_reason) == {"reason": "error.cancel_reason_required"}
    cancelled = admin.sessions.cancel(first.id, "Banjir di Plaju")
    assert (cancelled.status, cancelled.cancel_reason) == (SessionStatus.CANCELLED,
                                                           "Banjir di Plaju")
    admin.sessions.create(session_on(programme, DAY))


def test_a_plan_is_saved_whole_or_not_at_all(admin: Services) -> None:
    programme = build(admin, members=0)
    plan = [session_on(programme, date(2026, 11, d)) for d in (2, 9, 16)]
    plan.append(session_on(programme, date(2026, 11, 9)))  # the same slot twice
    with pytest.raises(ValidationError) as bad:
        admin.sessions.create_many(plan)
    assert {e.field for e in bad.value.errors} == {"row 4"}
    assert bad.value.errors[0].message.startswith("Baris 4:")
    assert _count(admin) == 0
    assert len(admin.sessions.create_many(plan[:3])) == 3


def test_moving_a_session_keeps_the_old_date(admin: Services) -> None:
    programme = build(admin, members=1)
    made = admin.sessions.create(session_on(programme, DAY))
    moved = admin.sessions.update(replace(made, session_date=date(2026, 11, 24)))
    assert (moved.status, moved.moved_from, moved.session_date) == (
        SessionStatus.MOVED, DAY, date(2026, 11, 24))
    admin.attendance.mark(moved.id, programme.participants[0], AttendanceMark.PRESENT,
                          today=date(2026, 11, 27))
    with pytest.raises(UserError) as taken:
        admin.sessions.update(replace(moved, topic="Ganti"))
    assert taken.value.key == "error.session_has_attendance"
    with pytest.raises(UserError):
        admin.sessions.cancel(moved.id, "Terlambat dibatalkan")
    with pytest.raises(UserError):
        admin.sessions.delete(moved.id)


def test_the_list_filters_by_month_and_group(admin: Services) -> None:
    programme = build(admin, members=0)
    admin.sessions.create_many([session_on(programme, date(2026, m, d))
                                for m, d in ((10, 5), (11, 2), (11, 30), (12, 1))])
    november = admin.sessions.sessions(SessionQuery(start=date(2026, 11, 1),
                                                    end=date(2026, 11, 30)))
    assert [s.session_date for s in november] == [date(2026, 11, 2), date(2026, 11, 30)]
    by_name = admin.sessions.sessions(SessionQuery(group_name="  ANGKATAN 1 plaju "))
    assert len(by_name) == 4
    with pytest.raises(UserError) as unknown:
        admin.sessions.sessions(SessionQuery(group_name="Tidak Ada"))
    assert unknown.value.key == "error.group_unknown"


def test_facilitators_see_and_touch_only_their_own_sessions(team: Team) -> None:
    admin = team("admin")
    programme = build(admin, members=1, link_login="fasilitator1")
    mine = admin.sessions.create(session_on(programme, DAY))
    theirs = admin.sessions.create(session_on(programme, DAY, 13, 15, module="SOS-02",
                                              facilitator="trainer"))
    facilitator = team("fasilitator1")
    assert [s.id for s in facilitator.sessions.sessions()] == [mine.id]
    with pytest.raises(PermissionDeniedError):
        facilitator.sessions.get(theirs.id)
    with pytest.raises(PermissionDeniedError):
        facilitator.sessions.create(session_on(programme, date(2026, 11, 24)))
    facilitator.attendance.mark(mine.id, programme.participants[0], AttendanceMark.LATE,
                                today=date(2026, 11, 27))
    with pytest.raises(PermissionDeniedError):
        facilitator.attendance.mark(theirs.id, programme.participants[0],
                                    AttendanceMark.PRESENT, today=date(2026, 11, 27))
    assert team("staf1").sessions.sessions(SessionQuery())[0].attended == 1
