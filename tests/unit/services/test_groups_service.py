"""Groups on a real vault: set-up rules, enrolment of accepted participants only, withdrawal,
transfer, the warnings, and archive-instead-of-delete."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest
from support.participant_samples import TODAY, sample
from support.programme import PERIOD, accepted, build, session_on
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.enums import ParticipantStatus, RiskLevel
from kdrt_desk.domain.training import (
    AttendanceMark,
    EnrolmentStatus,
    GroupInput,
    GroupWarning,
    VenueFeature,
    VenueInput,
)
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.models import Participant
from kdrt_desk.wiring import Services

MARK_DAY = date(2026, 11, 27)


@pytest.fixture
def team(vault: VaultFixture) -> Iterator[Team]:
    members = Team.hired(vault)
    yield members
    members.close()


def _status(services: Services, pid: int) -> str:
    with services.vault.db.reading() as session:
        person = session.get(Participant, pid)
        assert person is not None
        return person.status


def test_a_group_needs_a_name_a_period_and_modules(admin: Services) -> None:
    with pytest.raises(ValidationError) as bad:
        admin.groups.save(GroupInput(name="", kecamatan="Bandung", start_date=date(2026, 12, 1),
                                     end_date=date(2026, 11, 1), module_ids=[]))
    assert set(bad.value.by_field()) == {"name", "kecamatan", "end_date", "module_ids"}
    build(admin, members=0)
    with pytest.raises(UserError) as taken:
        admin.groups.save(GroupInput(name="angkatan 1 plaju", start_date=PERIOD[0],
                                     end_date=PERIOD[1], module_ids=[1]))
    assert taken.value.key == "error.group_name_taken"


def test_enrolling_accepted_participants_makes_them_enrolled(admin: Services) -> None:
    programme = build(admin, members=0)
    ids = accepted(admin, 3)
    assert {c.participant_id for c in admin.groups.candidates()} == set(ids)
    assert admin.groups.enrol(programme.group_id, ids, on=date(2026, 11, 24)) == 3
    assert {_status(admin, pid) for pid in ids} == {ParticipantStatus.ENROLLED.value}
    members = admin.groups.members(programme.group_id)
    assert [m.participant_id for m in members] == sorted(
        ids, key=lambda pid: next(m.full_name for m in members if m.participant_id == pid))
    assert admin.groups.get(programme.group_id).member_count == 3
    assert admin.groups.candidates() == []


def test_enrolment_refuses_anyone_not_accepted_and_saves_nobody(admin: Services) -> None:
    programme = build(admin, members=0)
    ok = accepted(admin, 1)[0]
    waiting = admin.participants.register(sample(full_name="Belum Diseleksi", nik="",
                                                 phone=""), today=TODAY).id
    with pytest.raises(ValidationError) as refused:
        admin.groups.enrol(programme.group_id, [ok, waiting], on=date(2026, 11, 24))
    assert [e.key for e in refused.value.errors] == ["error.enrol_not_accepted"]
    assert "Belum Diseleksi" in refused.value.errors[0].message
    assert admin.groups.members(programme.group_id) == []  # all or nothing
    assert _status(admin, ok) == ParticipantStatus.ACCEPTED.value
    with pytest.raises(UserError) as outside:
        admin.groups.enrol(programme.group_id, [ok], on=date(2027, 2, 1))
    assert outside.value.key == "error.date_outside_group_period"


def test_one_group_at_a_time_and_transfer_keeps_attendance(admin: Services) -> None:
    programme = build(admin, members=2)
    first, second = programme.participants
    held = admin.sessions.create(session_on(programme, date(2026, 11, 23)))
    admin.attendance.mark(held.id, first, AttendanceMark.PRESENT, today=MARK_DAY)
    other = admin.groups.save(GroupInput(name="Angkatan 2 Kertapati", start_date=PERIOD[0],
                                         end_date=PERIOD[1], venue_id=programme.venue_id,
                                         module_ids=[programme.modules["SOS-01"]],
                                         facilitator_ids=set(programme.facilitators.values())))
    with pytest.raises(ValidationError) as busy:
        admin.groups.enrol(other.id, [first], on=date(2026, 11, 24))
    assert busy.value.errors[0].key == "error.already_in_group"
    membership = next(m for m in admin.groups.members(programme.group_id)
                      if m.participant_id == first)
    admin.groups.transfer(membership.enrolment_id, other.id, on=date(2026, 11, 25),
                          reason="Lebih dekat rumah")
    old = next(m for m in admin.groups.members(programme.group_id) if m.participant_id == first)
    assert old.status == EnrolmentStatus.TRANSFERRED and old.ended_on == date(2026, 11, 25)
    assert [m.participant_id for m in admin.groups.members(other.id)] == [first]
    assert _status(admin, first) == ParticipantStatus.ENROLLED.value
    story = [(e.on, e.title, e.detail) for e in admin.timeline.timeline(first)
             if e.kind == "training"]
    assert story == [
        (date(2026, 11, 20), "Bergabung dengan kelompok Angkatan 1 Plaju", ""),
        (date(2026, 11, 25), "Keanggotaan kelompok Angkatan 1 Plaju berakhir",
         "Pindah kelompok"),
        (date(2026, 11, 25), "Bergabung dengan kelompok Angkatan 2 Kertapati", "")]
    progress = {p.module_code: p for p in admin.attendance.participant_progress(first)}
    assert (progress["SOS-01"].held, progress["SOS-01"].attended) == (1, 1)
    assert admin.attendance.roll_call(held.id)[0].participant_id in {first, second}
    assert first in {r.participant_id for r in admin.attendance.roll_call(held.id)}


def test_withdrawal_and_drop_out_need_a_reason_and_a_date(admin: Services) -> None:
    programme = build(admin, members=2)
    membership = admin.groups.members(programme.group_id)[0]
    with pytest.raises(ValidationError) as bad:
        admin.groups.end_membership(membership.enrolment_id, EnrolmentStatus.WITHDRAWN,
                                    on=date(2026, 11, 1), reason=" ")
    assert set(bad.value.by_field()) == {"reason", "on"}
    with pytest.raises(ValidationError) as ahead:
        admin.groups.end_membership(membership.enrolment_id, EnrolmentStatus.DROPPED_OUT,
                                    on=date.today() + timedelta(days=3), reason="Pindah")
    assert [e.key for e in ahead.value.errors] == ["error.date_future"]
    admin.groups.end_membership(membership.enrolment_id, EnrolmentStatus.DROPPED_OUT,
                                on=date(2026, 11, 26), reason="Pindah ke Prabumulih")
    ended = next(m for m in admin.groups.members(programme.group_id)
                 if m.enrolment_id == membership.enrolment_id)
    assert (ended.status, ended.end_reason) == (EnrolmentStatus.DROPPED_OUT,
                                                "Pindah ke Prabumulih")
    assert _status(admin, membership.participant_id) == ParticipantStatus.DROPPED_OUT.value
    assert len(admin.groups.members(programme.group_id, include_ended=False)) == 1
    with pytest.raises(UserError) as again:
        admin.groups.end_membership(membership.enrolment_id, EnrolmentStatus.COMPLETED)
    assert again.value.key == "error.membership_not_active"
    # she may come back later: a dropped-out participant is a candidate again
    assert membership.participant_id in {c.participant_id for c in admin.groups.candidates()}


def test_warnings_capacity_facilitators_features_and_risk(team: Team) -> None:
    admin = team("admin")
    programme = build(admin, members=3)
    small = admin.catalogue.save_venue(VenueInput(name="Ruang Konseling Plaju",
                                                  kecamatan="Plaju", capacity=2))
    risky = accepted(admin, 1, start=10, risk=RiskLevel.HIGH, kecamatan="Plaju")
    admin.groups.enrol(programme.group_id, risky, on=date(2026, 11, 24))
    group = admin.groups.get(programme.group_id)
    admin.groups.save(replace(group, venue_id=small.id,
                              module_ids=[*group.module_ids, programme.modules["EKO-01"]]))
    keys = [w.key for w in admin.groups.warnings(programme.group_id)]
    assert keys.count("warning.group_over_capacity") == 1
    assert "warning.high_risk_near_venue" in keys
    assert "warning.module_without_facilitator" in keys  # nobody may teach sewing
    assert "warning.venue_lacks_features" in keys
    konselor_keys = [w.key for w in team("konselor1").groups.warnings(programme.group_id)]
    assert "warning.high_risk_near_venue" in konselor_keys
    staf_keys = [w.key for w in team("staf1").groups.warnings(programme.group_id)]
    assert "warning.high_risk_near_venue" not in staf_keys  # staff may not see risk
    assert "warning.group_over_capacity" in staf_keys
    # once sewing is planned at a venue with machines, the usual venue's lack is moot
    admin = team("admin")
    sewing = admin.catalogue.save_venue(VenueInput(name="Rumah Jahit", capacity=20,
                                                   features={VenueFeature.SEWING_MACHINES}))
    trainer = admin.catalogue.facilitators()[1]
    admin.catalogue.save_facilitator(replace(trainer, module_ids={
        *trainer.module_ids, programme.modules["EKO-01"]}))

    def about_sewing(key: str) -> list[GroupWarning]:
        return [w for w in admin.groups.warnings(programme.group_id)
                if w.key == key and str(w.params["module"]).startswith("EKO-01")]

    assert about_sewing("warning.venue_lacks_features")
    admin.sessions.create(session_on(programme, date(2026, 11, 23), module="EKO-01",
                                     facilitator="trainer", venue_id=sewing.id))
    assert about_sewing("warning.venue_lacks_features") == []
    assert about_sewing("warning.module_without_facilitator") == []


def test_a_group_with_history_is_archived_not_deleted(admin: Services) -> None:
    programme = build(admin, members=1)
    with pytest.raises(UserError) as refused:
        admin.groups.delete(programme.group_id)
    assert refused.value.key == "error.group_has_history"
    admin.groups.set_archived(programme.group_id, True)
    assert admin.groups.groups() == []
    assert len(admin.groups.groups(include_archived=True)) == 1
    with pytest.raises(UserError):
        admin.sessions.create(session_on(programme, date(2026, 11, 23)))
    empty = admin.groups.save(GroupInput(name="Kosong", start_date=PERIOD[0],
                                         end_date=PERIOD[1], module_ids=[1]))
    admin.groups.delete(empty.id)
    assert empty.id not in {g.id for g in admin.groups.groups(include_archived=True)}


def test_shrinking_the_period_may_not_strand_sessions(admin: Services) -> None:
    programme = build(admin, members=0)
    admin.sessions.create(session_on(programme, date(2026, 12, 15)))
    group = admin.groups.get(programme.group_id)
    with pytest.raises(UserError) as stranded:
        admin.groups.save(replace(group, end_date=date(2026, 12, 10)))
    assert stranded.value.key == "error.group_period_strands_sessions"
    assert admin.groups.get(programme.group_id).end_date == PERIOD[1]


def test_facilitators_see_only_their_groups_and_their_members(team: Team) -> None:
    admin = team("admin")
    programme = build(admin, members=2, link_login="fasilitator1")
    other = admin.groups.save(GroupInput(name="Kelompok Lain", start_date=PERIOD[0],
                                         end_date=PERIOD[1], module_ids=[1]))
    outsider = accepted(admin, 1, start=20)
    admin.groups.enrol(other.id, outsider, on=date(2026, 11, 24))
    leaving = admin.groups.members(programme.group_id)[0]
    admin.groups.end_membership(leaving.enrolment_id, EnrolmentStatus.WITHDRAWN,
                                on=date(2026, 11, 26), reason="Tidak diizinkan suami")
    facilitator = team("fasilitator1")
    assert [g.id for g in facilitator.groups.groups()] == [programme.group_id]
    ended = [m for m in facilitator.groups.members(programme.group_id)
             if m.status == EnrolmentStatus.WITHDRAWN]
    assert [(m.participant_id, m.end_reason) for m in ended] == [(leaving.participant_id, "")]
    with pytest.raises(PermissionDeniedError):
        facilitator.groups.members(other.id)
    rows = facilitator.participants.list_rows()
    staying = set(programme.participants) - {leaving.participant_id}
    assert {r.id for r in rows} == staying  # active members only
    assert all(r.phone == "" and r.nik == "" for r in rows)
    assert facilitator.participants.count() == 1
    assert facilitator.participants.get(min(staying)).id == min(staying)
    with pytest.raises(PermissionDeniedError):
        facilitator.participants.get(leaving.participant_id)
    with pytest.raises(PermissionDeniedError):
        facilitator.participants.get(outsider[0])
    with pytest.raises(PermissionDeniedError):
        facilitator.groups.enrol(programme.group_id, outsider)


def test_withdrawing_consent_takes_her_out_of_her_group_and_erases_reasons(
        admin: Services) -> None:
    programme = build(admin, members=2)
    pid = programme.participants[0]
    held = admin.sessions.create(session_on(programme, date(2026, 11, 23)))
    admin.attendance.mark(held.id, pid, AttendanceMark.EXCUSED, reason="Ke Rumah Sakit Siloam",
                          today=MARK_DAY)
    other = admin.groups.save(GroupInput(name="Angkatan Lain", start_date=PERIOD[0],
                                         end_date=PERIOD[1], module_ids=[1]))
    membership = next(m for m in admin.groups.members(programme.group_id)
                      if m.participant_id == pid)
    admin.groups.transfer(membership.enrolment_id, other.id, on=date(2026, 11, 24),
                          reason="Ikut suami pindah ke Sako")
    admin.consent.withdraw_data_use(pid, date(2026, 11, 26), confirm=True, today=MARK_DAY)
    assert admin.groups.members(other.id, include_ended=False) == []
    ended = admin.groups.members(other.id)[0]
    assert (ended.status, ended.ended_on) == (EnrolmentStatus.WITHDRAWN, MARK_DAY)
    assert _status(admin, pid) == ParticipantStatus.DROPPED_OUT.value
    assert all(m.end_reason == "" for g in (programme.group_id, other.id)
               for m in admin.groups.members(g))
    mark = next(r for r in admin.attendance.roll_call(held.id) if r.participant_id == pid)
    assert (mark.mark, mark.reason) == (AttendanceMark.EXCUSED, "")  # the mark stays for counts
