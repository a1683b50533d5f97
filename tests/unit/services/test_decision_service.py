"""Decisions on a real encrypted vault: outcomes, two-person rejection, status, the waitlist."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

import pytest
from sqlalchemy import select
from support.participant_samples import TODAY, sample
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.enums import (
    DecisionOutcome,
    NotEligibleReason,
    ParticipantStatus,
    RiskLevel,
    RiskReason,
)
from kdrt_desk.domain.screening import DecisionInput, ScreeningInput
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.models import AuditEntry, Participant, Partner, Screening
from kdrt_desk.wiring import Services

REQUIRED = {"adult_woman", "kdrt_survivor", "lives_in_palembang", "consent_given",
            "not_acute_crisis", "can_attend"}


@pytest.fixture
def team(vault: VaultFixture) -> Iterator[Team]:
    members = Team.hired(vault)
    yield members
    members.close()


class Stored(NamedTuple):
    status: str
    decided: bool


def _state(services: Services, screening_id: int) -> Stored:
    with services.vault.db.reading() as session:
        screening = session.get(Screening, screening_id)
        assert screening is not None
        person = session.get(Participant, screening.participant_id)
        assert person is not None
        return Stored(person.status, screening.decided)


def _audit(services: Services, action: str) -> list[tuple[str, str, dict[str, object]]]:
    with services.vault.db.reading() as session:
        return [(r[0], r[1], json.loads(r[2])) for r in session.execute(
            select(AuditEntry.actor, AuditEntry.target, AuditEntry.details)
            .where(AuditEntry.action == action).order_by(AuditEntry.id))]


def _screened(services: Services, screened_on: date = date(2026, 11, 22),
              risk: RiskLevel = RiskLevel.LOW, **participant: object) -> int:
    """Register a participant and screen her; returns the screening id."""
    pid = services.participants.register(sample(**participant), today=TODAY).id
    return services.screening.create(ScreeningInput(
        participant_id=pid, screened_on=screened_on, risk_level=risk,
        risk_reasons={RiskReason.THREATS} if risk is RiskLevel.HIGH else set(),
        criteria_met=REQUIRED), today=TODAY).id


def _other(n: int, **changes: object) -> dict[str, object]:
    return {"full_name": f"Peserta Nomor {n}", "nik": "", "phone": "",
            "birth_date": date(1980 + n, 1, 1), **changes}


# -- no decision without a screening -------------------------------------------------------------
def test_a_decision_needs_a_saved_screening(admin: Services) -> None:
    for screening_id in (0, 999):
        with pytest.raises(UserError) as exc:
            admin.decisions.decide(DecisionInput(screening_id, DecisionOutcome.ACCEPTED),
                                   today=TODAY)
        assert exc.value.key == "error.decision_needs_screening"


def test_accepting_takes_effect_at_once(admin: Services) -> None:
    sid = _screened(admin)
    assert _state(admin, sid) == Stored("screening", False)
    record = admin.decisions.decide(DecisionInput(sid, DecisionOutcome.ACCEPTED), today=TODAY)
    assert (record.confirmed_by, record.confirmed_on) == ("admin", TODAY)
    assert record.decided_on == TODAY and not record.awaiting_confirmation and record.current
    assert _state(admin, sid) == Stored("accepted", True)
    actor, target, details = _audit(admin, "decision_made")[-1]
    assert (actor, target) == ("admin", record.participant_code)
    assert details == {"decision": record.id, "screening": sid, "outcome": "accepted",
                       "awaiting_confirmation": False}


@pytest.mark.parametrize(("data", "field", "key"), [
    (DecisionInput(outcome=DecisionOutcome.WAITLISTED), "priority", "error.priority_required"),
    (DecisionInput(outcome=DecisionOutcome.WAITLISTED, priority=6), "priority",
     "error.priority_range"),
    (DecisionInput(outcome=DecisionOutcome.WAITLISTED, priority=0), "priority",
     "error.priority_range"),
    (DecisionInput(outcome=DecisionOutcome.NOT_ELIGIBLE), "reason_code", "error.reason_required"),
    (DecisionInput(outcome=DecisionOutcome.NOT_ELIGIBLE, reason_code=NotEligibleReason.OTHER,
                   reason_text="  "), "reason_text", "error.reason_text_required"),
    (DecisionInput(outcome=DecisionOutcome.REFERRED), "referred_partner_id",
     "error.partner_unknown"),
    (DecisionInput(outcome=DecisionOutcome.REFERRED, referred_partner_id=99),
     "referred_partner_id", "error.partner_unknown"),
    (DecisionInput(outcome=DecisionOutcome.ACCEPTED, decided_on=date(2026, 11, 28)),
     "decided_on", "error.date_future"),
    (DecisionInput(outcome=DecisionOutcome.ACCEPTED, decided_on=date(2026, 11, 21)),
     "decided_on", "error.decision_before_screening"),
    (DecisionInput(outcome="maybe"), "outcome", "error.choice_unknown"),  # type: ignore[arg-type]
])
def test_bad_decisions_are_refused_with_the_field_named(
        admin: Services, data: DecisionInput, field: str, key: str) -> None:
    data.screening_id = _screened(admin)
    with pytest.raises(ValidationError) as exc:
        admin.decisions.decide(data, today=TODAY)
    assert [(e.field, e.key) for e in exc.value.errors] == [(field, key)]
    assert _state(admin, data.screening_id) == Stored("screening", False)
    assert admin.decisions.for_participant(1) == []


def test_a_referral_to_an_inactive_partner_is_refused(admin: Services) -> None:
    sid = _screened(admin)
    with admin.vault.db.transaction() as session:
        partner = session.scalar(select(Partner).where(Partner.name == "LBH Palembang"))
        assert partner is not None
        partner.active = False
        partner_id = partner.id
    with pytest.raises(ValidationError) as exc:
        admin.decisions.decide(DecisionInput(sid, DecisionOutcome.REFERRED,
                                             referred_partner_id=partner_id), today=TODAY)
    assert exc.value.errors[0].key == "error.partner_unknown"


def test_a_referral_counts_as_not_eligible_with_reason_referred(admin: Services) -> None:
    sid = _screened(admin)
    with admin.vault.db.reading() as session:
        partner_id = session.scalar(select(Partner.id).where(Partner.name == "UPTD PPA Kota "
                                                                          "Palembang"))
    record = admin.decisions.decide(DecisionInput(
        sid, DecisionOutcome.REFERRED, referred_partner_id=partner_id, priority=3,
        reason_code=NotEligibleReason.ACUTE_CRISIS, reason_text="Perlu rumah aman dulu"),
        today=TODAY)
    assert record.partner_name == "UPTD PPA Kota Palembang"
    assert record.priority is None and record.reason_code is None  # not this outcome's fields
    assert record.status_reason == "referred" and not record.awaiting_confirmation
    assert _state(admin, sid) == Stored("not_eligible", True)


# -- the two-person rejection --------------------------------------------------------------------
def test_a_rejection_waits_for_a_second_admin_or_case_worker(team: Team) -> None:
    sid = _screened(team("admin"))
    decided = team("konselor1").decisions.decide(DecisionInput(
        sid, DecisionOutcome.NOT_ELIGIBLE, reason_code=NotEligibleReason.OTHER,
        reason_text="Sudah ikut program serupa dari dinas."), today=TODAY)
    assert decided.awaiting_confirmation and decided.status_reason == "other"
    assert _state(team("konselor1"), sid) == Stored("screening", False)  # not yet in effect
    assert [d.id for d in team("staf1").decisions.pending_confirmations()] == [decided.id]

    with pytest.raises(UserError) as exc:
        team("konselor1").decisions.confirm(decided.id, today=TODAY)
    assert exc.value.key == "error.same_person_confirm"
    for name in ("staf1", "fasilitator1"):
        with pytest.raises(PermissionDeniedError):
            team(name).decisions.confirm(decided.id, today=TODAY)
    assert _state(team("konselor2"), sid) == Stored("screening", False)

    confirmed = team("konselor2").decisions.confirm(decided.id, today=TODAY)
    assert (confirmed.decided_by, confirmed.confirmed_by) == ("konselor1", "konselor2")
    assert confirmed.confirmed_on == TODAY
    assert _state(team("konselor2"), sid) == Stored("not_eligible", True)
    assert team("konselor2").decisions.pending_confirmations() == []
    actor, _, details = _audit(team("admin"), "decision_confirmed")[-1]
    assert actor == "konselor2"
    assert details == {"decision": decided.id, "screening": sid, "outcome": "not_eligible"}
    made = _audit(team("admin"), "decision_made")[-1][2]
    assert made["awaiting_confirmation"] is True
    with pytest.raises(UserError) as exc:
        team("admin").decisions.confirm(decided.id, today=TODAY)
    assert exc.value.key == "error.decision_already_confirmed"


def test_a_new_decision_replaces_the_previous_one(team: Team) -> None:
    sid = _screened(team("admin"))
    rejected = team("konselor1").decisions.decide(DecisionInput(
        sid, DecisionOutcome.NOT_ELIGIBLE, reason_code=NotEligibleReason.CANNOT_ATTEND),
        today=TODAY)
    waitlisted = team("admin").decisions.decide(
        DecisionInput(sid, DecisionOutcome.WAITLISTED, priority=2), today=TODAY)
    assert _state(team("admin"), sid) == Stored("waitlisted", True)
    history = team("admin").decisions.for_participant(waitlisted.participant_id)
    assert [(d.id, d.current) for d in history] == [(rejected.id, False), (waitlisted.id, True)]
    assert team("admin").decisions.pending_confirmations() == []
    with pytest.raises(UserError) as exc:
        team("konselor2").decisions.confirm(rejected.id, today=TODAY)
    assert exc.value.key == "error.decision_superseded"
    assert _state(team("konselor2"), sid) == Stored("waitlisted", True)


def test_no_decision_once_she_is_enrolled(admin: Services) -> None:
    sid = _screened(admin)
    admin.decisions.decide(DecisionInput(sid, DecisionOutcome.ACCEPTED), today=TODAY)
    with admin.vault.db.transaction() as session:
        person = session.scalar(select(Participant))
        assert person is not None
        person.status = ParticipantStatus.ENROLLED.value
    with pytest.raises(UserError) as exc:
        admin.decisions.decide(DecisionInput(sid, DecisionOutcome.WAITLISTED, priority=1),
                               today=TODAY)
    assert exc.value.key == "error.decision_after_enrolment"


def test_office_staff_and_facilitators_cannot_decide(team: Team) -> None:
    sid = _screened(team("admin"))
    for name in ("staf1", "fasilitator1"):
        with pytest.raises(PermissionDeniedError):
            team(name).decisions.decide(DecisionInput(sid, DecisionOutcome.ACCEPTED),
                                        today=TODAY)
    with pytest.raises(PermissionDeniedError):
        team("fasilitator1").decisions.waitlist(today=TODAY)
    with pytest.raises(PermissionDeniedError):
        team("fasilitator1").decisions.pending_confirmations()


# -- the waitlist --------------------------------------------------------------------------------
def test_waitlist_by_priority_then_longest_waiting(team: Team) -> None:
    admin = team("admin")
    plan = [  # (priority, decided on, risk)
        (3, date(2026, 11, 24), RiskLevel.LOW), (1, date(2026, 11, 26), RiskLevel.HIGH),
        (3, date(2026, 11, 21), RiskLevel.MEDIUM), (1, date(2026, 11, 25), RiskLevel.LOW),
    ]
    ids = []
    for n, (priority, decided_on, risk) in enumerate(plan):
        sid = _screened(admin, screened_on=date(2026, 11, 21), risk=risk, **_other(n))
        record = admin.decisions.decide(DecisionInput(
            sid, DecisionOutcome.WAITLISTED, priority=priority, decided_on=decided_on),
            today=TODAY)
        ids.append(record.participant_id)
    accepted = _screened(admin, **_other(9))
    admin.decisions.decide(DecisionInput(accepted, DecisionOutcome.ACCEPTED), today=TODAY)

    entries = admin.decisions.waitlist(today=TODAY)
    assert [e.participant_id for e in entries] == [ids[3], ids[1], ids[2], ids[0]]
    first = entries[0]
    assert (first.priority, first.waiting_since, first.days_waiting) == (1, date(2026, 11, 25),
                                                                         2)
    assert first.full_name == "Peserta Nomor 3" and first.kecamatan == "Plaju"
    assert entries[1].risk_level is RiskLevel.HIGH
    assert {e.risk_level for e in team("staf1").decisions.waitlist(today=TODAY)} == {None}


def test_accept_from_the_waitlist(team: Team) -> None:
    admin = team("admin")
    sid = _screened(admin)
    waiting = admin.decisions.decide(DecisionInput(sid, DecisionOutcome.WAITLISTED, priority=2,
                                                   decided_on=date(2026, 11, 23)), today=TODAY)
    konselor = team("konselor1")
    accepted = konselor.decisions.accept_from_waitlist(waiting.participant_id, today=TODAY)
    assert (accepted.outcome, accepted.screening_id, accepted.decided_by) == (
        DecisionOutcome.ACCEPTED, sid, "konselor1")
    assert _state(konselor, sid) == Stored("accepted", True)
    assert konselor.decisions.waitlist(today=TODAY) == []
    assert [d.current for d in konselor.decisions.for_participant(waiting.participant_id)] == [
        False, True]
    assert _audit(konselor, "decision_made")[-1][2]["from_waitlist"] is True
    with pytest.raises(UserError) as exc:
        konselor.decisions.accept_from_waitlist(waiting.participant_id, today=TODAY)
    assert exc.value.key == "error.not_on_waitlist"
    with pytest.raises(PermissionDeniedError):
        team("staf1").decisions.accept_from_waitlist(waiting.participant_id, today=TODAY)


def test_the_latest_waitlisting_counts_when_screened_twice(admin: Services) -> None:
    first = _screened(admin, screened_on=date(2026, 11, 21))
    admin.decisions.decide(DecisionInput(first, DecisionOutcome.WAITLISTED, priority=4,
                                         decided_on=date(2026, 11, 21)), today=TODAY)
    pid = admin.decisions.for_participant(1)[0].participant_id
    second = admin.screening.create(ScreeningInput(participant_id=pid,
                                                   screened_on=date(2026, 11, 25),
                                                   criteria_met=REQUIRED), today=TODAY)
    admin.decisions.decide(DecisionInput(second.id, DecisionOutcome.WAITLISTED, priority=1),
                           today=TODAY)
    entries = admin.decisions.waitlist(today=TODAY)
    assert [(e.participant_id, e.priority, e.waiting_since) for e in entries] == [
        (pid, 1, TODAY)]


def test_get_and_for_participant(admin: Services) -> None:
    sid = _screened(admin)
    record = admin.decisions.decide(DecisionInput(sid, DecisionOutcome.WAITLISTED, priority=5,
                                                  reason_text=" Menunggu kelas berikutnya "),
                                    today=TODAY)
    again = admin.decisions.get(record.id)
    assert again == record
    assert again.reason_text == "Menunggu kelas berikutnya"
    assert again.participant_name == "Siti Aminah Lestari"
    with pytest.raises(UserError):
        admin.decisions.get(999)
    with pytest.raises(UserError):
        admin.decisions.for_participant(999)
