"""Skill rubrics on a real vault: the admin defines one per economic module (audited by field
names only), the facilitator records a level per criterion, a level that does not exist is
refused by the service, passed is worked out from the rubric (never as typed), a facilitator
assesses only members of her own groups, and the module's completion rule follows the result."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select
from support.programme import PERIOD, Programme, accepted, build, session_on
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.skills import DEFAULT_LEVELS, SkillCriterion, SkillRubric
from kdrt_desk.domain.training import GroupInput
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.models import AuditEntry, Module, SkillAssessment
from kdrt_desk.wiring import Services

TODAY = date(2026, 11, 27)
COOKING = SkillRubric(tuple(SkillCriterion(n, DEFAULT_LEVELS)
                            for n in ("Kebersihan", "Resep & takaran", "Hitung biaya")), 3)


@pytest.fixture
def team(vault: VaultFixture) -> Iterator[Team]:
    members = Team.hired(vault)
    yield members
    members.close()


def _audit(services: Services, action: str) -> list[dict[str, object]]:
    with services.vault.db.reading() as session:
        return [json.loads(d) for d in session.scalars(
            select(AuditEntry.details).where(AuditEntry.action == action))]


def _stored(services: Services, pid: int, module_id: int) -> tuple[bool, str] | None:
    with services.vault.db.reading() as session:
        row = session.scalar(select(SkillAssessment).where(
            SkillAssessment.participant_id == pid, SkillAssessment.module_id == module_id))
        return None if row is None else (row.passed, row.levels)


def _with_cooking(admin: Services, programme: Programme) -> int:
    """The group also follows EKO-02 (cooking); one session held, everyone present."""
    group = admin.groups.get(programme.group_id)
    cooking = programme.modules["EKO-02"]
    admin.groups.save(replace(group, module_ids=[*group.module_ids, cooking]))
    made = admin.sessions.create(session_on(programme, date(2026, 11, 23), module="EKO-02",
                                            facilitator="trainer",
                                            venue_id=programme.kitchen_id))
    admin.attendance.mark_rest_present(made.id, today=TODAY)
    return cooking


def test_the_admin_defines_changes_and_removes_a_rubric(admin: Services) -> None:
    modules = {m.code: m.id for m in admin.catalogue.modules()}
    cooking = modules["EKO-02"]
    assert admin.catalogue.skill_rubric(cooking) is None
    saved = admin.catalogue.set_skill_rubric(cooking, replace(COOKING, criteria=(
        SkillCriterion("  Kebersihan ", DEFAULT_LEVELS), *COOKING.criteria[1:])))
    assert saved == COOKING and admin.catalogue.skill_rubric(cooking) == COOKING
    admin.catalogue.set_skill_rubric(cooking, replace(COOKING, pass_level=4))
    admin.catalogue.set_skill_rubric(cooking, replace(COOKING, pass_level=4))  # no change
    audited = _audit(admin, "skill_rubric_set")
    assert audited == [{"code": "EKO-02", "fields": ["skill_rubric"]},
                       {"code": "EKO-02", "fields": ["pass_level"]}]
    assert "Kebersihan" not in json.dumps(audited)  # field names, never the texts
    assert admin.catalogue.set_skill_rubric(cooking, None) is None
    assert admin.catalogue.skill_rubric(cooking) is None
    assert _audit(admin, "skill_rubric_removed") == [{"code": "EKO-02",
                                                      "fields": ["skill_rubric"]}]


def test_bad_rubrics_and_social_modules_are_refused(admin: Services) -> None:
    modules = {m.code: m.id for m in admin.catalogue.modules()}
    with pytest.raises(ValidationError) as bad:
        admin.catalogue.set_skill_rubric(modules["EKO-02"], replace(COOKING, pass_level=9))
    assert [e.field for e in bad.value.errors] == ["pass_level"]
    with pytest.raises(UserError) as social:
        admin.catalogue.set_skill_rubric(modules["SOS-01"], COOKING)
    assert social.value.key == "error.rubric_economic_only"
    with pytest.raises(UserError) as unknown:
        admin.catalogue.set_skill_rubric(999_999, COOKING)
    assert unknown.value.key == "error.module_unknown"
    assert admin.catalogue.skill_rubric(modules["EKO-02"]) is None
    assert _audit(admin, "skill_rubric_set") == []


def test_only_the_admin_may_define_a_rubric(team: Team) -> None:
    cooking = {m.code: m.id for m in team("admin").catalogue.modules()}["EKO-02"]
    for name in ("fasilitator1", "staf1"):
        with pytest.raises(PermissionDeniedError):
            team(name).catalogue.set_skill_rubric(cooking, COOKING)
    assert team("fasilitator1").catalogue.skill_rubric(cooking) is None  # may read it


def test_levels_decide_passed_and_the_completion_rule(admin: Services) -> None:
    programme = build(admin, members=1)
    pid = programme.participants[0]
    cooking = _with_cooking(admin, programme)
    admin.catalogue.set_skill_rubric(cooking, COOKING)
    # passed=True as typed is ignored: one criterion below the pass level fails
    assert admin.attendance.record_assessment(pid, cooking, passed=True, on=date(2026, 11, 26),
                                              levels=[4, 4, 2]) is False
    assert _stored(admin, pid, cooking) == (False, "[4, 4, 2]")
    progress = {p.module_id: p for p in admin.attendance.participant_progress(pid)}
    assert progress[cooking].meets_attendance and not progress[cooking].completed
    assert admin.attendance.assessment_levels(pid, cooking) == (4, 4, 2)
    assert admin.attendance.record_assessment(pid, cooking, passed=False, on=date(2026, 11, 27),
                                              levels=[3, 4, 3]) is True
    assert _stored(admin, pid, cooking) == (True, "[3, 4, 3]")
    progress = {p.module_id: p for p in admin.attendance.participant_progress(pid)}
    assert progress[cooking].assessment_passed is True and progress[cooking].completed


def test_a_level_that_does_not_exist_is_refused_by_the_service(admin: Services) -> None:
    programme = build(admin, members=1)
    pid = programme.participants[0]
    cooking = _with_cooking(admin, programme)
    admin.catalogue.set_skill_rubric(cooking, COOKING)
    with pytest.raises(ValidationError) as refused:
        admin.attendance.record_assessment(pid, cooking, on=date(2026, 11, 26),
                                           levels=[3, 5, 0])
    messages = refused.value.by_field()
    assert set(messages) == {"levels.1", "levels.2"}
    assert messages["levels.1"] == (
        "Level 5 tidak ada pada kriteria \"Resep & takaran\": pilih level 1 sampai 4.")
    with pytest.raises(ValidationError) as short:
        admin.attendance.record_assessment(pid, cooking, levels=[3, 3])
    assert short.value.errors[0].key == "error.skill_levels_count"
    with pytest.raises(UserError) as missing:
        admin.attendance.record_assessment(pid, cooking, passed=True)
    assert missing.value.key == "error.skill_levels_required"
    assert _stored(admin, pid, cooking) is None  # nothing was recorded
    sewing_free = programme.modules["SOS-01"]  # no rubric: levels have no place
    with pytest.raises(UserError) as stray:
        admin.attendance.record_assessment(pid, sewing_free, levels=[3])
    assert stray.value.key == "error.skill_levels_without_rubric"


def test_without_a_rubric_pass_or_fail_is_recorded_as_before(admin: Services) -> None:
    programme = build(admin, members=1)
    pid = programme.participants[0]
    cooking = _with_cooking(admin, programme)
    assert admin.attendance.record_assessment(pid, cooking, passed=True,
                                              on=date(2026, 11, 26), score=80) is True
    assert _stored(admin, pid, cooking) == (True, "")
    assert admin.attendance.assessment_levels(pid, cooking) == ()


def test_a_facilitator_assesses_only_members_of_her_own_groups(team: Team) -> None:
    admin = team("admin")
    programme = build(admin, members=1, link_login="fasilitator1")  # she leads this group
    mine = programme.participants[0]
    cooking = _with_cooking(admin, programme)
    admin.catalogue.set_skill_rubric(cooking, COOKING)
    other_group = admin.groups.save(GroupInput(
        name="Angkatan 2 Kemuning", kecamatan="Kemuning", start_date=PERIOD[0],
        end_date=PERIOD[1], venue_id=programme.kitchen_id, module_ids=[cooking],
        facilitator_ids={programme.facilitators["trainer"]}))
    (theirs,) = accepted(admin, 1, start=7)
    admin.groups.enrol(other_group.id, [theirs], on=date(2026, 11, 20))
    facilitator = team("fasilitator1")
    assert facilitator.attendance.record_assessment(mine, cooking, on=date(2026, 11, 26),
                                                    levels=[3, 3, 3]) is True
    with pytest.raises(UserError) as refused:
        facilitator.attendance.record_assessment(theirs, cooking, on=date(2026, 11, 26),
                                                 levels=[4, 4, 4])
    assert refused.value.key == "error.assessment_not_in_module"
    with pytest.raises(PermissionDeniedError):
        facilitator.attendance.assessment_levels(theirs, cooking)
    admin = team("admin")
    assert _stored(admin, theirs, cooking) is None
    assert _stored(admin, mine, cooking) == (True, "[3, 3, 3]")


def test_a_refused_assessment_keeps_the_last_good_one(admin: Services) -> None:
    programme = build(admin, members=2)
    cooking = _with_cooking(admin, programme)
    admin.catalogue.set_skill_rubric(cooking, COOKING)
    first, second = programme.participants
    admin.attendance.record_assessment(first, cooking, on=date(2026, 11, 26), levels=[4, 4, 4])
    with pytest.raises(ValidationError):
        admin.attendance.record_assessment(first, cooking, on=date(2026, 11, 27),
                                           levels=[4, 4, 7])
    assert _stored(admin, first, cooking) == (True, "[4, 4, 4]")  # the last good one stays
    assert _stored(admin, second, cooking) is None


def test_a_damaged_stored_rubric_is_named_and_can_be_defined_again(admin: Services) -> None:
    programme = build(admin, members=1)
    pid = programme.participants[0]
    cooking = _with_cooking(admin, programme)
    with admin.vault.db.transaction() as session:
        module = session.get(Module, cooking)
        assert module is not None
        module.skill_rubric = '{"criteria": [{"nama": "Kebersihan"}]}'
    for call in (lambda: admin.catalogue.skill_rubric(cooking),
                 lambda: admin.attendance.record_assessment(pid, cooking, levels=[3])):
        with pytest.raises(UserError) as damaged:
            call()
        assert damaged.value.key == "error.rubric_unreadable"
    assert admin.catalogue.set_skill_rubric(cooking, COOKING) == COOKING
    assert admin.catalogue.skill_rubric(cooking) == COOKING
    assert _audit(admin, "skill_rubric_set") == [{"code": "EKO-02", "fields": ["skill_rubric"]}]
