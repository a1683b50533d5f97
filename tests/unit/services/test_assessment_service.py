"""Assessments on a real vault: scored by the service (never typed), every bad input refused
with its message, who may enter and read them, sealed on disk, the rounds due from the group's
term, and alerts: raised at once for her case worker, acknowledged, closed with what was done,
listed for the admin when nobody acknowledged within a working day, never in the plain audit."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, text
from support.participant_samples import TODAY
from support.programme import PERIOD, build

from kdrt_desk.domain.assessment import AssessmentInput, Round, add_working_days
from kdrt_desk.domain.enums import Role
from kdrt_desk.domain.instruments import WHO5, Instrument, Item
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.models import Assessment, AssessmentAlert, AuditEntry, Participant
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.alerts import AlertService
from kdrt_desk.services.assessments import AssessmentService
from kdrt_desk.wiring import Services

DAY = date(2026, 11, 25)


def _as(services: Services, role: Role, name: str = "") -> AssessmentService:
    return AssessmentService(services.vault.db, Actor(99, name or f"{role.value}9", role))


def _alerts_as(services: Services, role: Role, name: str) -> AlertService:
    return AlertService(services.vault.db, Actor(98, name, role))


def _who5(pid: int, answers: tuple[int | None, ...], round_: str = "baseline",
          day: date | None = DAY) -> AssessmentInput:
    return AssessmentInput(pid, "WHO5", round_, day, answers)


def _checker() -> Instrument:
    return replace(WHO5, code="CEK-1", name_en="Check-in", name_id="Cek singkat",
                   standard=False, items=(*WHO5.items[:4], Item(
                       "I have thought of hurting myself", "Saya berpikir menyakiti diri",
                       alert_at=2)))


def test_the_service_scores_and_stores_the_answers(admin: Services) -> None:
    pid = build(admin, members=1).participants[0]
    view = admin.assessments.record(_who5(pid, (3, 3, 3, 2, 1)))
    assert view.score is not None and (view.score.raw, view.score.value) == (12, 48)
    assert view.score.band == "poor" and view.answers == (3, 3, 3, 2, 1)
    again = admin.assessments.for_participant(pid)
    assert [(a.round, a.score.value if a.score else None) for a in again] == [
        (Round.BASELINE, 48)]


def test_missing_items_follow_the_rule_and_show_as_missing(admin: Services) -> None:
    pid = build(admin, members=1).participants[0]
    view = admin.assessments.record(_who5(pid, (3, None, 3, 2, 1)))
    assert view.score is not None and view.score.value is None and view.score.missing == 1


@pytest.mark.parametrize(("data", "key"), [
    (lambda p: _who5(p, (3, 3, 3, 2, 6)), "error.answer_out_of_scale"),
    (lambda p: _who5(p, (3, 3, 3, 2, -1)), "error.answer_out_of_scale"),
    (lambda p: _who5(p, (3, 3, 3, 2)), "error.answers_count"),
    (lambda p: _who5(p, (None,) * 5), "error.answers_empty"),
    (lambda p: _who5(p, (3,) * 5, round_="sometime"), "error.choice_unknown"),
    (lambda p: _who5(p, (3,) * 5, day=None), "error.required"),
    (lambda p: _who5(p, (3,) * 5, day=date(2099, 1, 1)), "error.date_future"),
    (lambda p: _who5(p, (3,) * 5, day=date(2026, 11, 1)),
     "error.assessment_before_registration"),
])
def test_bad_input_is_refused_by_the_service(admin: Services, data: object, key: str) -> None:
    pid = build(admin, members=1).participants[0]
    with pytest.raises(ValidationError) as caught:
        admin.assessments.record(data(pid))  # type: ignore[operator]
    assert key in [e.key for e in caught.value.errors]
    assert all(e.message and not e.message.startswith("error.") for e in caught.value.errors)
    assert admin.assessments.for_participant(pid) == []


def test_an_unknown_instrument_and_participant_are_refused(admin: Services) -> None:
    pid = build(admin, members=1).participants[0]
    with pytest.raises(UserError, match="NOPE"):
        admin.assessments.record(AssessmentInput(pid, "NOPE", "baseline", DAY, (1,)))
    with pytest.raises(UserError) as caught:
        admin.assessments.record(_who5(pid + 999, (3,) * 5))
    assert caught.value.key == "error.participant_unknown"


@pytest.mark.parametrize("role", [Role.STAF, Role.FASILITATOR])
def test_only_case_workers_and_admins_enter_and_read_scores(admin: Services,
                                                             role: Role) -> None:
    pid = build(admin, members=1).participants[0]
    admin.assessments.record(_who5(pid, (3,) * 5))
    with pytest.raises(PermissionDeniedError):
        _as(admin, role).record(_who5(pid, (3,) * 5))
    with pytest.raises(PermissionDeniedError):
        _as(admin, role).for_participant(pid)
    assert _as(admin, Role.KONSELOR).for_participant(pid)[0].score is not None


def test_answers_and_score_are_sealed_and_the_audit_names_no_score(admin: Services) -> None:
    pid = build(admin, members=1).participants[0]
    admin.assessments.record(_who5(pid, (4, 4, 4, 4, 1)))
    with admin.vault.db.reading() as session:
        raw = session.execute(text("SELECT answers, score FROM assessment")).one()
        details = session.scalars(select(AuditEntry.details).where(
            AuditEntry.action == "assessment_recorded")).one()
    assert all(isinstance(v, bytes) and b"68" not in v and b"[4" not in v for v in raw)
    assert json.loads(details) == {"instrument": "WHO5", "round": "baseline"}


def test_an_edited_instrument_never_changes_a_recorded_score(admin: Services) -> None:
    pid = build(admin, members=1).participants[0]
    first = admin.instruments.save_custom(_checker())
    admin.assessments.record(AssessmentInput(pid, "CEK-1", "baseline", DAY, (1, 1, 1, 1, 0)))
    second = admin.instruments.save_custom(replace(_checker(), multiplier=1.0))
    assert (first.version, second.version) == (1, 2)
    stored = admin.assessments.for_participant(pid)[0]
    assert stored.instrument_version == 1 and stored.score is not None
    assert stored.score.value == 16  # scored with version 1's multiplier of 4
    assert admin.instruments.get("CEK-1", 1).multiplier == 4.0


def test_a_validated_wording_is_a_new_version_without_the_working_mark(admin: Services
                                                                        ) -> None:
    items = tuple(f"Butir tervalidasi {n}" for n in range(1, 6))
    stored = admin.instruments.set_wording("WHO5", items, "Petunjuk tervalidasi",
                                           WHO5.labels_id)
    assert stored.version == 2 and stored.id_validated
    assert admin.instruments.get("WHO5").items[0].text_id == "Butir tervalidasi 1"
    assert admin.instruments.get("WHO5", 1) == WHO5
    with pytest.raises(ValidationError):
        admin.instruments.set_wording("WHO5", items[:4], "x", WHO5.labels_id)


def test_rounds_fall_due_from_the_group_term(admin: Services) -> None:
    programme = build(admin, members=2)
    admin.instruments.set_in_use(["WHO5"])
    first, second = programme.participants
    start, end = PERIOD
    due = admin.assessments.due(today=date(2026, 11, 27))
    # baseline at enrolment (20 November); they joined after the term's midpoint, so their
    # midline falls halfway through their own time in it (10 December), not yet due
    assert {(d.participant_id, d.round) for d in due} == {
        (first, Round.BASELINE), (second, Round.BASELINE)}
    assert due[0].due_on == date(2026, 11, 20) and due[0].overdue(date(2026, 11, 27))
    midline = admin.assessments.due(today=date(2026, 12, 10), horizon_days=0)
    assert {d.round for d in midline} == {Round.BASELINE, Round.MIDLINE}
    assert next(d for d in midline if d.round == Round.MIDLINE).due_on == date(2026, 11, 20) \
        + (end - date(2026, 11, 20)) / 2
    assert start < date(2026, 11, 20)
    admin.assessments.record(_who5(first, (3,) * 5))
    left = admin.assessments.due(today=date(2026, 11, 27))
    assert (first, Round.BASELINE) not in {(d.participant_id, d.round) for d in left}
    # after the term: the endline, then the follow-ups three and six months on
    late = admin.assessments.due(today=end + timedelta(days=95))
    rounds = {d.round for d in late if d.participant_id == second}
    assert {Round.ENDLINE, Round.FOLLOW_UP_3} <= rounds and Round.FOLLOW_UP_6 not in rounds


def test_a_member_who_left_is_not_due(admin: Services) -> None:
    programme = build(admin, members=2)
    admin.instruments.set_in_use(["WHO5"])
    gone = programme.participants[0]
    enrolment = next(m.enrolment_id for m in admin.groups.members(programme.group_id)
                     if m.participant_id == gone)
    admin.groups.end_membership(enrolment, "withdrawn", TODAY, "pindah kota")
    due = admin.assessments.due(today=date(2026, 11, 27))
    assert gone not in {d.participant_id for d in due}


def _assign(services: Services, pid: int, worker: str) -> None:
    with services.vault.db.transaction() as session:
        person = session.get(Participant, pid)
        assert person is not None
        person.case_worker = worker


def test_an_alert_goes_to_her_case_worker_and_closes_with_what_was_done(admin: Services
                                                                         ) -> None:
    pid = build(admin, members=1).participants[0]
    admin.instruments.save_custom(_checker())
    _assign(admin, pid, "konselor1")
    admin.assessments.record(AssessmentInput(pid, "CEK-1", "other", DAY, (3, 3, 3, 3, 2)))
    hers = _alerts_as(admin, Role.KONSELOR, "konselor1").open_for_me()
    assert [(a.participant_id, a.item, a.answer) for a in hers] == [(pid, 5, 2)]
    assert hers[0].item_text == "Saya berpikir menyakiti diri"
    assert _alerts_as(admin, Role.KONSELOR, "konselor2").open_for_me() == []
    assert len(admin.alerts.open_for_me()) == 1  # the admin sees every alert
    assert _alerts_as(admin, Role.STAF, "staf1").open_for_me() == []
    worker = _alerts_as(admin, Role.KONSELOR, "konselor1")
    worker.acknowledge(hers[0].id)
    with pytest.raises(ValidationError):
        worker.record_action(hers[0].id, "   ")
    closed = worker.record_action(hers[0].id, "Ditelepon, janji temu besok pagi.")
    assert not closed.is_open and closed.done_by == "konselor1"
    assert worker.open_for_me() == []
    assert admin.alerts.for_participant(pid)[0].action == "Ditelepon, janji temu besok pagi."
    with pytest.raises(UserError) as caught:
        worker.record_action(hers[0].id, "lagi")
    assert caught.value.key == "error.alert_closed"


def test_without_a_case_worker_every_konselor_and_admin_is_alerted(admin: Services) -> None:
    pid = build(admin, members=1).participants[0]
    admin.instruments.save_custom(_checker())
    admin.assessments.record(AssessmentInput(pid, "CEK-1", "other", DAY, (3, 3, 3, 3, 4)))
    for name in ("konselor1", "konselor2"):
        assert len(_alerts_as(admin, Role.KONSELOR, name).open_for_me()) == 1
    assert len(admin.alerts.open_for_me()) == 1


def test_an_alert_nobody_acknowledged_in_a_working_day_reaches_the_dashboard(admin: Services
                                                                            ) -> None:
    pid = build(admin, members=1).participants[0]
    admin.instruments.save_custom(_checker())
    admin.assessments.record(AssessmentInput(pid, "CEK-1", "other", DAY, (3, 3, 3, 3, 4)))
    raised = admin.alerts.open_for_me()[0].raised_at
    assert admin.alerts.unacknowledged(now=raised + timedelta(hours=3)) == []
    later = add_working_days(raised, 1) + timedelta(minutes=1)
    assert [a.participant_id for a in admin.alerts.unacknowledged(now=later)] == [pid]
    friday = datetime(2026, 11, 27, 15, tzinfo=UTC)
    assert add_working_days(friday, 1) == datetime(2026, 11, 30, 15, tzinfo=UTC)
    admin.alerts.acknowledge(admin.alerts.open_for_me()[0].id)
    assert admin.alerts.unacknowledged(now=later) == []
    assert len(admin.alerts.open_for_me()) == 1  # acknowledged is not closed


def test_an_alert_tells_nobody_with_the_master_key_who_it_is_about(admin: Services) -> None:
    pid = build(admin, members=1).participants[0]
    admin.instruments.save_custom(_checker())
    admin.assessments.record(AssessmentInput(pid, "CEK-1", "other", DAY, (3, 3, 3, 3, 4)))
    admin.alerts.record_action(admin.alerts.open_for_me()[0].id, "Dikunjungi")
    with admin.vault.db.reading() as session:
        code = session.get(Participant, pid).code  # type: ignore[union-attr]
        columns = session.execute(text("SELECT * FROM assessment_alert")).mappings().one()
        alert_audit = session.execute(select(AuditEntry.target, AuditEntry.details).where(
            AuditEntry.action.like("alert%"))).all()
        assert session.scalar(select(AssessmentAlert.is_open)) is False
        assert session.scalar(select(Assessment.id)) is not None
    assert set(columns) == {"id", "seal_id", "is_open", "raised", "handled"}
    assert all(isinstance(columns[c], bytes) and str(pid).encode() not in columns[c][:4]
               for c in ("raised", "handled"))
    assert alert_audit and all(target == "" and code not in details
                               for target, details in alert_audit)


@pytest.mark.parametrize("statistics", [False, True])
def test_withdrawal_erases_her_alerts_answers_and_without_statistics_consent_her_scores(
        admin: Services, statistics: bool) -> None:
    from support.participant_samples import sample

    from kdrt_desk.domain.enums import ConsentScope
    from kdrt_desk.domain.participant import Consent

    scopes = {ConsentScope.DATA_USE, ConsentScope.CONTACT}
    if statistics:
        scopes.add(ConsentScope.STATISTICS)
    pid = admin.participants.register(sample(
        consent=Consent(date(2026, 11, 20), scopes)), today=TODAY).id
    other = build(admin, members=1).participants[0]
    admin.instruments.save_custom(_checker())
    for person in (pid, other):
        admin.assessments.record(AssessmentInput(person, "CEK-1", "other", DAY,
                                                 (3, 3, 3, 3, 4)))
    admin.consent.withdraw_data_use(pid, TODAY, confirm=True, today=TODAY)
    assert [a.participant_id for a in admin.alerts.open_for_me()] == [other]
    with admin.vault.db.reading() as session:
        details = json.loads(session.scalar(select(AuditEntry.details).where(
            AuditEntry.action == "participant_anonymised")) or "{}")
    assert details["alerts_deleted"] == 1
    hers = admin.assessments.for_participant(pid)
    if statistics:  # her score still counts, which answer she gave does not stay
        assert len(hers) == 1 and hers[0].answers == () and hers[0].score is not None
    else:
        assert hers == [] and details["assessments_deleted"] == 1
    assert len(admin.assessments.for_participant(other)) == 1


def test_closing_an_alert_in_raw_sql_hides_it_from_nobody(admin: Services) -> None:
    """With the master key anyone can set ``is_open`` or copy another row's sealed record of
    what was done: the alert still shows as open to her case worker."""
    pid, other = build(admin, members=2).participants
    admin.instruments.save_custom(_checker())
    for person in (pid, other):
        admin.assessments.record(AssessmentInput(person, "CEK-1", "other", DAY,
                                                 (3, 3, 3, 3, 4)))
    first, second = admin.alerts.open_for_me()
    admin.alerts.record_action(second.id, "Ditelepon")
    with admin.vault.db.transaction() as session:
        session.execute(text("UPDATE assessment_alert SET is_open = 0, handled = "
                             "(SELECT handled FROM assessment_alert WHERE id = :b) "
                             "WHERE id = :a"), {"a": first.id, "b": second.id})
    still = admin.alerts.open_for_me()
    assert [a.id for a in still] == [first.id]
    assert admin.alerts.unacknowledged(now=datetime(2030, 1, 1, tzinfo=UTC))[0].id == first.id
