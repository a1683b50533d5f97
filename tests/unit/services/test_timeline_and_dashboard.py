"""Her timeline (order, translations, what each role sees) and the dashboard counts, also on
50,000 participants."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from support.participant_samples import TODAY, sample

from kdrt_desk import i18n
from kdrt_desk.domain.care import ServiceInput
from kdrt_desk.domain.enums import NotEligibleReason, Role, ServiceKind, ServiceStatus
from kdrt_desk.errors import PermissionDeniedError
from kdrt_desk.models import Screening, ScreeningDecision, ServiceRecord
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.dashboard import DashboardService, quarter_start
from kdrt_desk.services.timeline import TimelineService
from kdrt_desk.wiring import Services

NOW = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)
WCC, LBH, UPTD = 5, 3, 1


def _screening(pid: int, on: date, risk: str = "low", sid: int | None = None) -> dict[str, Any]:
    row = {"participant_id": pid, "screened_on": on, "assessor": "konselor",
           "interview_notes": "Catatan wawancara rahasia", "needs": "psychosocial", "skills": "",
           "skills_other": "", "experience": "", "risk_level": risk, "risk_reasons": "threats",
           "safety_plan": "Rencana rahasia", "barriers": "", "criteria_met": "", "score": 0,
           "unmet_required": "", "decided": True, "created_by": "konselor", "created_at": NOW,
           "updated_at": NOW, "version": 1}
    if sid is not None:
        row["id"] = sid
    return row


def _decision(sid: int, pid: int, outcome: str, on: date, *, current: bool = True,
              confirmed_by: str | None = "konselor", **extra: object) -> dict[str, Any]:
    return {"screening_id": sid, "participant_id": pid, "outcome": outcome, "priority": None,
            "reason_code": None, "reason_text": "Alasan rahasia", "referred_partner_id": None,
            "decided_by": "konselor", "decided_on": on, "confirmed_by": confirmed_by,
            "confirmed_on": on if confirmed_by else None, "current": current, **extra}


def _service(pid: int, kind: str, on: date, status: str, partner: int | None) -> dict[str, Any]:
    return {"participant_id": pid, "kind": kind, "service_date": on, "partner_id": partner,
            "provider_note": "", "status": status, "outcome_note": "Catatan hasil rahasia",
            "created_by": "konselor", "created_at": NOW, "updated_at": NOW}


def _insert(services: Services, model: type, rows: list[dict[str, Any]]) -> None:
    """Rows straight into the tables (as ORM rows: sealed columns are sealed on the way)."""
    with services.vault.db.transaction() as session:
        session.add_all([model(**row) for row in rows])


def _timeline_as(services: Services, role: Role) -> TimelineService:
    return TimelineService(services.vault.db, Actor(99, f"{role.value}1", role))


# -- the timeline ---------------------------------------------------------------------------------
@pytest.fixture
def history(admin: Services) -> int:
    """One participant's path: registration, consent, form, screening, two decisions, services."""
    pid = admin.participants.register(sample(), today=TODAY).id  # registered and consented 20 Nov
    admin.consent.record_form_signed(pid, date(2026, 11, 21), today=TODAY)
    _insert(admin, Screening, [_screening(pid, date(2026, 11, 22), risk="high", sid=1)])
    _insert(admin, ScreeningDecision, [
        _decision(1, pid, "not_eligible", date(2026, 11, 23), confirmed_by=None,
                  reason_code="acute_crisis", current=False),
        _decision(1, pid, "waitlisted", date(2026, 11, 24), priority=2),
        _decision(1, pid, "not_eligible", date(2026, 11, 25), reason_code="cannot_attend",
                  confirmed_by="admin")])
    admin.care.record(ServiceInput(pid, ServiceKind.SAFE_HOUSE, date(2026, 11, 22), UPTD, "",
                                   ServiceStatus.DONE, "Catatan hasil rahasia"), today=TODAY)
    admin.care.record(ServiceInput(pid, ServiceKind.COUNSELLING, date(2026, 11, 26), None,
                                   "Psikolog pusat", ServiceStatus.IN_PROGRESS), today=TODAY)
    return pid


def test_the_timeline_runs_in_date_order_with_every_kind_of_event(admin: Services,
                                                                  history: int) -> None:
    events = admin.timeline.timeline(history)
    assert [(e.on.day, e.kind) for e in events] == [
        (20, "registration"), (20, "consent"), (21, "consent"), (22, "screening"),
        (22, "referral"), (23, "decision"), (24, "decision"), (25, "decision"), (26, "service")]
    titles = [e.title for e in events]
    assert titles[0] == "Terdaftar" and titles[2] == "Formulir persetujuan ditandatangani"
    assert titles[4] == "Rujukan: Rumah aman" and titles[8] == "Layanan: Konseling psikososial"
    assert "KD-2026-0001" in events[0].detail
    assert "Dihubungi lewat telepon/WhatsApp" in events[1].detail
    assert "UPTD PPA Kota Palembang" in events[4].detail and "Selesai" in events[4].detail
    first, waitlisted, rejected = events[5:8]
    assert "Menunggu konfirmasi" in first.detail and "diganti" in first.detail
    assert "Prioritas 2" in waitlisted.detail
    assert "Dikonfirmasi oleh admin pada 25 November 2026" in rejected.detail
    assert "Tingkat risiko" in events[3].detail
    every_text = " ".join(f"{e.title} {e.detail}" for e in events)
    assert "rahasia" not in every_text  # no outcome note, screening note or reason text


def test_risk_is_shown_only_to_roles_that_may_see_it(admin: Services, history: int) -> None:
    staf = _timeline_as(admin, Role.STAF).timeline(history)
    screening = [e for e in staf if e.kind == "screening"][0]
    assert "risiko" not in screening.detail and "konselor" in screening.detail
    assert len(staf) == len(admin.timeline.timeline(history))
    with pytest.raises(PermissionDeniedError):
        _timeline_as(admin, Role.FASILITATOR).timeline(history)


def test_the_timeline_speaks_english_too(admin: Services, history: int) -> None:
    i18n.set_language("en")
    events = admin.timeline.timeline(history)
    assert events[0].title == "Registered"
    assert events[-1].title == "Service: Psychosocial counselling"
    assert "In progress" in events[-1].detail and "By the centre itself" in events[-1].detail


def test_withdrawal_and_anonymisation_appear_on_the_timeline(admin: Services,
                                                             history: int) -> None:
    admin.consent.withdraw_data_use(history, TODAY, confirm=True, today=TODAY)
    events = admin.timeline.timeline(history)
    assert [e.kind for e in events[-2:]] == ["withdrawal", "withdrawal"]
    assert events[-1].title == "Data dianonimkan"


# -- the dashboard --------------------------------------------------------------------------------
def test_dashboard_counts_each_figure(admin: Services) -> None:
    pids = [admin.participants.register(sample(full_name=f"Peserta {i}", nik=""),
                                        today=date(2026, 11, 20)).id for i in range(6)]
    p1, p2, p3, p4, p5, p6 = pids
    _insert(admin, Screening, [
        _screening(p1, date(2026, 11, 5), sid=1), _screening(p2, date(2026, 10, 10), sid=2),
        _screening(p3, date(2026, 9, 30), sid=3), _screening(p4, date(2026, 11, 20), sid=4),
        _screening(p4, date(2026, 11, 21), sid=5), _screening(p5, date(2026, 8, 1), sid=6),
        _screening(p5, date(2026, 8, 20), sid=7), _screening(p6, date(2026, 11, 28), sid=8)])
    _insert(admin, ScreeningDecision, [
        _decision(1, p1, "accepted", date(2026, 11, 6)),
        _decision(2, p2, "accepted", date(2026, 10, 11), current=False),
        _decision(2, p2, "waitlisted", date(2026, 10, 12), priority=3),
        _decision(3, p3, "not_eligible", date(2026, 10, 1), reason_code="acute_crisis",
                  confirmed_by="admin"),
        _decision(5, p4, "not_eligible", date(2026, 11, 22), reason_code="other",
                  confirmed_by=None),
        _decision(6, p5, "accepted", date(2026, 8, 2)),
        _decision(7, p5, "referred", date(2026, 8, 21), referred_partner_id=UPTD)])
    _insert(admin, ServiceRecord, [
        _service(p1, "counselling", date(2026, 11, 21), "done", WCC),
        _service(p1, "counselling", date(2026, 11, 22), "in_progress", WCC),
        _service(p2, "counselling", date(2026, 11, 21), "referred", WCC),
        _service(p3, "counselling", date(2026, 11, 21), "declined", None),
        _service(p4, "legal_consultation", date(2026, 11, 21), "done", LBH),
        _service(p4, "health", date(2026, 11, 21), "referred", UPTD),
        _service(p5, "counselling", date(2026, 11, 21), "done", None)])

    counts = admin.dashboard.counts(TODAY)
    assert (counts.screened_this_month, counts.screened_this_quarter) == (2, 3)
    assert (counts.accepted, counts.waitlisted, counts.not_eligible, counts.referred,
            counts.awaiting_confirmation) == (1, 1, 1, 1, 1)
    assert counts.not_eligible_by_reason == {NotEligibleReason.ACUTE_CRISIS: 1}
    assert counts.with_psychosocial_service == 2
    zero = dict.fromkeys(ServiceStatus, 0)
    assert counts.referrals == {
        ServiceKind.COUNSELLING: {**zero, ServiceStatus.REFERRED: 1,
                                  ServiceStatus.IN_PROGRESS: 1, ServiceStatus.DONE: 1},
        ServiceKind.LEGAL_CONSULTATION: {**zero, ServiceStatus.DONE: 1},
        ServiceKind.HEALTH: {**zero, ServiceStatus.REFERRED: 1}}
    assert list(counts.referrals) == [ServiceKind.COUNSELLING, ServiceKind.LEGAL_CONSULTATION,
                                      ServiceKind.HEALTH]
    assert counts.referral_total == 5
    assert admin.dashboard.counts(date(2026, 11, 30)).screened_this_month == 3


def test_an_empty_vault_counts_zero_and_a_facilitator_sees_no_figures(admin: Services) -> None:
    counts = admin.dashboard.counts(TODAY)
    assert (counts.screened_this_month, counts.accepted, counts.with_psychosocial_service,
            counts.referrals, counts.not_eligible_by_reason) == (0, 0, 0, {}, {})
    DashboardService(admin.vault.db, Actor(9, "staf1", Role.STAF)).counts(TODAY)
    with pytest.raises(PermissionDeniedError):
        DashboardService(admin.vault.db, Actor(9, "f1", Role.FASILITATOR)).counts(TODAY)


@pytest.mark.parametrize(("day", "first"), [(date(2026, 1, 1), date(2026, 1, 1)),
                                            (date(2026, 6, 30), date(2026, 4, 1)),
                                            (date(2026, 11, 27), date(2026, 10, 1))])
def test_quarters_start_in_january_april_july_and_october(day: date, first: date) -> None:
    assert quarter_start(day) == first
