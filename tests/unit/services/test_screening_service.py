"""Screenings on a real encrypted vault: rules, edit history, restricted notes, roles, the list."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

import pytest
from sqlalchemy import func, select
from support.participant_samples import TODAY, sample
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain import enums
from kdrt_desk.domain.enums import (
    Barrier,
    DecisionOutcome,
    Need,
    NotEligibleReason,
    ParticipantStatus,
    RiskLevel,
    RiskReason,
    Skill,
)
from kdrt_desk.domain.screening import DecisionInput, ScreeningInput
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.models import AuditEntry, Participant, Screening, ScreeningChange
from kdrt_desk.services.screening import LIST_COLUMNS_LIMITED, LIST_COLUMNS_RISK
from kdrt_desk.wiring import Services

REQUIRED = {"adult_woman", "kdrt_survivor", "lives_in_palembang", "consent_given",
            "not_acute_crisis", "can_attend"}
NOTES = "Ibu bercerita suaminya mengancam lewat pesan suara."
PLAN = "Menyimpan nomor SAPA 129; tas darurat di rumah kakak."


class AuditRow(NamedTuple):
    actor: str
    action: str
    target: str
    details: dict[str, object]


def _audit(services: Services, action: str) -> list[AuditRow]:
    with services.vault.db.reading() as session:
        return [AuditRow(r[0], r[1], r[2], json.loads(r[3])) for r in session.execute(
            select(AuditEntry.actor, AuditEntry.action, AuditEntry.target, AuditEntry.details)
            .where(AuditEntry.action == action).order_by(AuditEntry.id))]


def _all_audit_text(services: Services) -> str:
    with services.vault.db.reading() as session:
        return " ".join(f"{t} {d}" for t, d in session.execute(
            select(AuditEntry.target, AuditEntry.details)))


def _screening(participant_id: int, **changes: object) -> ScreeningInput:
    data = ScreeningInput(
        participant_id=participant_id, screened_on=date(2026, 11, 24), interview_notes=NOTES,
        needs={Need.PSYCHOSOCIAL, Need.ECONOMIC}, skills={Skill.SEWING},
        experience="Pernah menjahit di konveksi.", risk_level=RiskLevel.MEDIUM,
        risk_reasons={RiskReason.THREATS}, safety_plan=PLAN, barriers={Barrier.CHILDCARE},
        criteria_met=REQUIRED | {"economic_dependence", "cares_for_children"})
    for name, value in changes.items():
        setattr(data, name, value)
    return data


@pytest.fixture
def team(vault: VaultFixture) -> Iterator[Team]:
    members = Team.hired(vault)
    yield members
    members.close()


def _register(services: Services, **changes: object) -> int:
    return services.participants.register(sample(**changes), today=TODAY).id


class Stored(NamedTuple):
    code: str
    status: str
    risk_level: str | None


def _participant(services: Services, pid: int) -> Stored:
    with services.vault.db.reading() as session:
        row = session.get(Participant, pid)
        assert row is not None
        return Stored(row.code, row.status, row.risk_level)


# -- criteria and evaluation ---------------------------------------------------------------------
def test_default_criteria_and_the_score(admin: Services) -> None:
    criteria = admin.screening.criteria()
    assert [c.code for c in criteria][:2] == ["adult_woman", "kdrt_survivor"]
    assert [c.position for c in criteria] == sorted(c.position for c in criteria)
    result = admin.screening.evaluate({"adult_woman", "economic_dependence", "low_income"})
    assert (result.score, result.max_score) == (5, 10)
    assert result.unmet_required == ["kdrt_survivor", "lives_in_palembang", "consent_given",
                                     "not_acute_crisis", "can_attend"]
    assert not result.eligible
    assert admin.screening.evaluate(REQUIRED).eligible


# -- creating ------------------------------------------------------------------------------------
def test_create_scores_moves_her_to_screening_and_audits_without_values(
        team: Team) -> None:
    konselor = team("konselor1")
    pid = _register(team("admin"))
    record = konselor.screening.create(_screening(pid), today=TODAY)
    assert record.assessor == "konselor1"
    assert (record.score, record.unmet_required) == (5, [])
    assert record.interview_notes == NOTES and not record.restricted_hidden
    person = _participant(konselor, pid)
    assert person.status == ParticipantStatus.SCREENING.value
    assert person.risk_level == "medium"
    entry = _audit(konselor, "screening_created")[-1]
    assert (entry.actor, entry.target, entry.details) == ("konselor1", person.code,
                                                          {"screening": record.id})
    text = _all_audit_text(konselor)
    assert "mengancam" not in text and "SAPA" not in text and "medium" not in text


def test_unmet_required_criteria_are_kept(admin: Services) -> None:
    pid = _register(admin)
    record = admin.screening.create(_screening(pid, criteria_met={"adult_woman", "wants_skills"}),
                                    today=TODAY)
    assert record.score == 1
    assert record.unmet_required == ["kdrt_survivor", "lives_in_palembang", "consent_given",
                                     "not_acute_crisis", "can_attend"]


@pytest.mark.parametrize(("changes", "field", "key"), [
    ({"screened_on": date(2026, 11, 28)}, "screened_on", "error.date_future"),
    ({"screened_on": date(2026, 11, 19)}, "screened_on", "error.screening_before_registration"),
    ({"criteria_met": {"adult_woman", "likes_cats"}}, "criteria_met", "error.criterion_unknown"),
    ({"needs": {"psychosocial", "money"}}, "needs", "error.choice_unknown"),
    ({"risk_level": "extreme"}, "risk_level", "error.choice_unknown"),
    ({"interview_notes": "x" * 8001}, "interview_notes", "error.too_long"),
    ({"skills": {Skill.OTHER}, "skills_other": "  "}, "skills_other",
     "error.skills_other_required"),
    ({"risk_level": RiskLevel.HIGH, "risk_reasons": set()}, "risk_reasons",
     "error.risk_reasons_required"),
])
def test_invalid_screenings_are_refused_and_nothing_saved(
        admin: Services, changes: dict[str, object], field: str, key: str) -> None:
    pid = _register(admin)
    with pytest.raises(ValidationError) as exc:
        admin.screening.create(_screening(pid, **changes), today=TODAY)
    assert {(e.field, e.key) for e in exc.value.errors} == {(field, key)}
    assert field in exc.value.by_field()
    with admin.vault.db.reading() as session:
        assert session.scalar(select(func.count(Screening.id))) == 0
    assert _participant(admin, pid).status == ParticipantStatus.REGISTERED.value


def test_plain_codes_are_coerced_to_enums(admin: Services) -> None:
    pid = _register(admin)
    record = admin.screening.create(_screening(
        pid, needs={"legal_aid"}, skills={"cooking", "other"}, skills_other=" Merias  pengantin ",
        risk_level="high", risk_reasons={"stalking"}, barriers={"transport"}), today=TODAY)
    opened = admin.screening.open_restricted(record.id)
    assert opened.needs == {Need.LEGAL_AID} and opened.skills == {Skill.COOKING, Skill.OTHER}
    assert opened.skills_other == "Merias pengantin"
    assert opened.risk_level is RiskLevel.HIGH and opened.risk_reasons == {RiskReason.STALKING}


def test_unknown_or_anonymised_participant_is_refused(admin: Services) -> None:
    with pytest.raises(UserError) as exc:
        admin.screening.create(_screening(999), today=TODAY)
    assert exc.value.key == "error.participant_unknown"
    pid = _register(admin)
    with admin.vault.db.transaction() as session:
        person = session.get(Participant, pid)
        assert person is not None
        person.anonymised_on = TODAY
    with pytest.raises(UserError) as exc:
        admin.screening.create(_screening(pid), today=TODAY)
    assert exc.value.key == "error.participant_anonymised"


def test_the_latest_screening_by_date_sets_her_risk_level(admin: Services) -> None:
    pid = _register(admin)
    later = admin.screening.create(_screening(pid, screened_on=date(2026, 11, 26),
                                              risk_level=RiskLevel.HIGH), today=TODAY)
    admin.screening.create(_screening(pid, screened_on=date(2026, 11, 21),
                                      risk_level=RiskLevel.LOW, risk_reasons=set()), today=TODAY)
    assert _participant(admin, pid).risk_level == "high"  # the earlier-dated one does not win
    edit = admin.screening.open_restricted(later.id)
    edit.risk_level = RiskLevel.MEDIUM
    admin.screening.update(later.id, edit, edit.version, today=TODAY)
    assert _participant(admin, pid).risk_level == "medium"


def test_roles_without_screen_cannot_create(team: Team) -> None:
    pid = _register(team("admin"))
    for name in ("staf1", "fasilitator1"):
        with pytest.raises(PermissionDeniedError):
            team(name).screening.create(_screening(pid), today=TODAY)


# -- editing -------------------------------------------------------------------------------------
def test_before_the_decision_only_the_author_or_an_admin_may_edit(
        team: Team) -> None:
    pid = _register(team("admin"))
    record = team("konselor1").screening.create(_screening(pid), today=TODAY)
    other = team("konselor2").screening.open_restricted(record.id)
    other.experience = "Diubah konselor lain"
    with pytest.raises(PermissionDeniedError) as exc:
        team("konselor2").screening.update(record.id, other, other.version, today=TODAY)
    assert exc.value.key == "error.screening_author_only"

    mine = team("konselor1").screening.open_restricted(record.id)
    mine.experience = "Berjualan pempek"
    saved = team("konselor1").screening.update(record.id, mine, mine.version, today=TODAY)
    assert saved.experience == "Berjualan pempek" and saved.version == mine.version + 1
    by_admin = team("admin").screening.open_restricted(record.id)
    by_admin.needs = {Need.HEALTH}
    team("admin").screening.update(record.id, by_admin, by_admin.version, today=TODAY)
    assert team("admin").screening.history(record.id) == []  # no history before a decision
    entries = _audit(team("admin"), "screening_updated")
    assert [e.details["fields"] for e in entries] == [["experience"], ["needs"]]
    assert all(e.details["after_decision"] is False for e in entries)
    with team("admin").vault.db.reading() as session:
        assert session.scalar(select(func.count(ScreeningChange.id))) == 0


def test_after_the_decision_changes_need_a_reason_and_keep_history(
        team: Team) -> None:
    pid = _register(team("admin"))
    record = team("konselor1").screening.create(_screening(pid), today=TODAY)
    team("konselor1").decisions.decide(DecisionInput(record.id, DecisionOutcome.ACCEPTED),
                                        today=TODAY)
    edit = team("konselor2").screening.open_restricted(record.id)
    assert edit.decided
    edit.interview_notes = "Catatan baru yang rahasia"
    edit.risk_level = RiskLevel.HIGH
    edit.risk_reasons = {RiskReason.WEAPONS}
    with pytest.raises(ValidationError) as exc:
        team("konselor2").screening.update(record.id, edit, edit.version, today=TODAY)
    assert exc.value.by_field().keys() == {"reason"}
    assert exc.value.errors[0].key == "error.change_reason_required"

    saved = team("konselor2").screening.update(record.id, edit, edit.version,
                                                reason="Ibu menghubungi lagi: ada senjata",
                                                today=TODAY)
    assert saved.risk_level is RiskLevel.HIGH
    history = team("admin").screening.history(record.id)
    assert len(history) == 1
    change = history[0]
    assert change.changed_by == "konselor2"
    assert change.reason == "Ibu menghubungi lagi: ada senjata"
    assert change.fields == ["interview_notes", "risk_level", "risk_reasons"]
    assert change.previous == {"risk_level": "medium"}  # notes only when opened
    assert change.restricted_hidden
    assert not _audit(team("admin"), "screening_restricted_opened")[-1].details.get("history")

    opened = team("admin").screening.history(record.id, include_restricted=True)
    assert opened[0].previous == {"interview_notes": NOTES, "risk_level": "medium",
                                  "risk_reasons": ["threats"]}
    assert _audit(team("admin"), "screening_restricted_opened")[-1].details == {
        "screening": record.id, "history": True}

    staf_view = team("staf1").screening.history(record.id)
    assert staf_view[0].previous == {} and staf_view[0].fields == change.fields
    with pytest.raises(PermissionDeniedError):
        team("staf1").screening.history(record.id, include_restricted=True)
    with pytest.raises(PermissionDeniedError):
        team("fasilitator1").screening.history(record.id)
    with pytest.raises(PermissionDeniedError):
        team("fasilitator1").screening.history(record.id, include_restricted=True)
    refused = _audit(team("admin"), "screening_restricted_refused")
    assert [(e.actor, e.details) for e in refused] == [
        ("staf1", {"screening": record.id, "history": True}),
        ("fasilitator1", {"screening": record.id, "history": True})]

    entry = _audit(team("admin"), "screening_updated")[-1]
    assert entry.details == {"screening": record.id, "after_decision": True,
                             "fields": ["interview_notes", "risk_level", "risk_reasons"]}
    assert "rahasia" not in _all_audit_text(team("admin"))
    assert "senjata" not in _all_audit_text(team("admin"))


def test_a_stale_edit_is_refused(admin: Services) -> None:
    pid = _register(admin)
    record = admin.screening.create(_screening(pid), today=TODAY)
    first = admin.screening.open_restricted(record.id)
    second = admin.screening.open_restricted(record.id)
    first.experience = "Penjahit"
    admin.screening.update(record.id, first, first.version, today=TODAY)
    second.experience = "Penjual pempek"
    with pytest.raises(UserError) as exc:
        admin.screening.update(record.id, second, second.version, today=TODAY)
    assert exc.value.key == "error.edited_elsewhere"
    assert admin.screening.get(record.id).experience == "Penjahit"


def test_an_edit_without_changes_writes_nothing(admin: Services) -> None:
    pid = _register(admin)
    record = admin.screening.create(_screening(pid), today=TODAY)
    same = admin.screening.update(record.id, admin.screening.open_restricted(record.id),
                                  record.version, today=TODAY)
    assert same.version == record.version
    assert _audit(admin, "screening_updated") == []


def test_an_edit_made_without_opening_the_notes_keeps_them(admin: Services) -> None:
    pid = _register(admin)
    record = admin.screening.create(_screening(pid), today=TODAY)
    closed = admin.screening.get(record.id)
    assert closed.restricted_hidden and closed.interview_notes == ""
    closed.experience = "Pernah berjualan kue."
    admin.screening.update(record.id, closed, closed.version, today=TODAY)
    reopened = admin.screening.open_restricted(record.id)
    assert (reopened.interview_notes, reopened.safety_plan) == (NOTES, PLAN)
    assert reopened.risk_reasons == {RiskReason.THREATS}
    assert reopened.experience == "Pernah berjualan kue."


# -- reading and the restricted part -------------------------------------------------------------
def test_get_leaves_out_the_notes_and_hides_risk_from_office_staff(
        team: Team) -> None:
    pid = _register(team("admin"))
    record = team("konselor1").screening.create(_screening(pid, risk_level=RiskLevel.HIGH),
                                                 today=TODAY)
    seen = team("konselor2").screening.get(record.id)
    assert seen.restricted_hidden and seen.risk_visible
    assert seen.visible_risk is RiskLevel.HIGH
    assert (seen.interview_notes, seen.safety_plan, seen.risk_reasons) == ("", "", set())
    assert seen.needs == {Need.PSYCHOSOCIAL, Need.ECONOMIC} and seen.score == 5

    staf = team("staf1").screening.get(record.id)
    assert staf.restricted_hidden and not staf.risk_visible and staf.visible_risk is None
    assert staf.risk_level is RiskLevel.LOW  # a placeholder, never her real level
    assert (staf.interview_notes, staf.safety_plan, staf.risk_reasons) == ("", "", set())
    assert [s.visible_risk for s in team("staf1").screening.for_participant(pid)] == [None]
    with pytest.raises(PermissionDeniedError):
        team("fasilitator1").screening.get(record.id)
    with pytest.raises(PermissionDeniedError):
        team("fasilitator1").screening.for_participant(pid)


def test_opening_the_notes_is_audited_and_refused_for_staff_and_facilitators(
        team: Team) -> None:
    pid = _register(team("admin"))
    record = team("konselor1").screening.create(_screening(pid), today=TODAY)
    code = _participant(team("admin"), pid).code
    opened = team("konselor2").screening.open_restricted(record.id)
    assert opened.interview_notes == NOTES and opened.safety_plan == PLAN
    assert opened.risk_reasons == {RiskReason.THREATS} and not opened.restricted_hidden
    for name in ("staf1", "fasilitator1"):
        with pytest.raises(PermissionDeniedError):
            team(name).screening.open_restricted(record.id)
    assert [(e.actor, e.target) for e in _audit(team("admin"), "screening_restricted_opened")] \
        == [("konselor2", code)]
    assert [(e.actor, e.target) for e in _audit(team("admin"), "screening_restricted_refused")] \
        == [("staf1", code), ("fasilitator1", code)]


def test_for_participant_lists_her_screenings_oldest_first(admin: Services) -> None:
    pid = _register(admin)
    admin.screening.create(_screening(pid, screened_on=date(2026, 11, 26)), today=TODAY)
    admin.screening.create(_screening(pid, screened_on=date(2026, 11, 22)), today=TODAY)
    dates = [s.screened_on for s in admin.screening.for_participant(pid)]
    assert dates == [date(2026, 11, 22), date(2026, 11, 26)]
    with pytest.raises(UserError):
        admin.screening.for_participant(999)


# -- the list ------------------------------------------------------------------------------------
def test_list_rows_newest_first_with_the_current_decision(team: Team) -> None:
    first = _register(team("admin"))
    second = _register(team("admin"), full_name="Rina Wulandari", nik="",
                       birth_date=date(1990, 1, 1))
    third = _register(team("admin"), full_name="Dewi Anggraini", nik="",
                      birth_date=date(1992, 3, 3))
    konselor = team("konselor1")
    s1 = konselor.screening.create(_screening(first, screened_on=date(2026, 11, 21),
                                              risk_level=RiskLevel.HIGH), today=TODAY)
    s2 = konselor.screening.create(_screening(second, screened_on=date(2026, 11, 25)),
                                   today=TODAY)
    s3 = konselor.screening.create(_screening(third, screened_on=date(2026, 11, 23)),
                                   today=TODAY)
    konselor.decisions.decide(DecisionInput(s1.id, DecisionOutcome.WAITLISTED, priority=2),
                              today=TODAY)
    konselor.decisions.decide(DecisionInput(s3.id, DecisionOutcome.NOT_ELIGIBLE,
                                            reason_code=NotEligibleReason.CANNOT_ATTEND),
                              today=TODAY)

    admin = team("admin")
    rows = admin.screening.list_rows()
    assert [r.screening_id for r in rows] == [s2.id, s3.id, s1.id]
    by_id = {r.screening_id: r for r in rows}
    assert by_id[s1.id].outcome is DecisionOutcome.WAITLISTED
    assert by_id[s1.id].risk_level is RiskLevel.HIGH and not by_id[s1.id].awaiting_confirmation
    assert by_id[s2.id].outcome is None and not by_id[s2.id].awaiting_confirmation
    assert by_id[s3.id].outcome is DecisionOutcome.NOT_ELIGIBLE
    assert by_id[s3.id].awaiting_confirmation
    assert (by_id[s2.id].full_name, by_id[s2.id].assessor) == ("Rina Wulandari", "konselor1")
    assert by_id[s2.id].screened_on == date(2026, 11, 25)

    assert [r.screening_id for r in admin.screening.list_rows(ParticipantStatus.WAITLISTED)] \
        == [s1.id]
    assert len(admin.screening.list_rows(limit=2)) == 2
    assert admin.screening.visible_columns() == LIST_COLUMNS_RISK

    staf = team("staf1").screening
    assert staf.visible_columns() == LIST_COLUMNS_LIMITED
    assert "risk_level" not in staf.visible_columns()
    assert {r.risk_level for r in staf.list_rows()} == {None}
    assert {r.risk_level for r in staf.rows_by_ids([s1.id, s2.id])} == {None}
    for call in (lambda s: s.list_rows(), lambda s: s.list_page(), lambda s: s.rows_by_ids([1])):
        with pytest.raises(PermissionDeniedError):
            call(team("fasilitator1").screening)


def test_a_lazy_page_returns_every_id_and_the_first_rows_in_list_order(
        admin: Services) -> None:
    ids = []
    for n in range(5):
        pid = _register(admin, full_name=f"Peserta {chr(65 + n)}", nik="", phone="",
                        birth_date=date(1990, 1, 1))
        ids.append(admin.screening.create(
            _screening(pid, screened_on=date(2026, 11, 21 + n)), today=TODAY).id)
    page = admin.screening.list_page(first=2)
    assert page.ids == ids[::-1]
    assert [r.screening_id for r in page.rows] == ids[:2:-1] == page.ids[:2]
    rest = admin.screening.rows_by_ids(page.ids[2:])
    assert page.rows + rest == admin.screening.list_rows()
    assert admin.screening.list_page(ParticipantStatus.WAITLISTED).ids == []


def test_anonymised_participants_leave_the_list(admin: Services) -> None:
    pid = _register(admin)
    admin.screening.create(_screening(pid), today=TODAY)
    with admin.vault.db.transaction() as session:
        person = session.get(Participant, pid)
        assert person is not None
        person.anonymised_on = TODAY
    assert admin.screening.list_rows() == []
    assert admin.screening.list_page().ids == []


def test_a_listing_that_leaves_the_app_is_audited(admin: Services) -> None:
    admin.screening.record_listing(12, "csv")
    assert _audit(admin, "screenings_exported")[-1].details == {"rows": 12, "format": "csv"}


def test_every_screening_enum_has_a_label_in_both_languages() -> None:
    for enum in (enums.Need, enums.Skill, enums.RiskLevel, enums.RiskReason, enums.Barrier,
                 enums.DecisionOutcome, enums.NotEligibleReason, enums.CriterionKind):
        for member in enum:
            indonesian, english = MESSAGES[f"enum.{enum.__name__}.{member.value}"]
            assert indonesian.strip() and english.strip()
    for action in ("screening_created", "screening_updated", "screening_restricted_opened",
                   "screening_restricted_refused", "screenings_exported", "screenings_imported",
                   "criteria_changed", "decision_made", "decision_confirmed"):
        assert f"ui.admin.audit.action.{action}" in MESSAGES
