"""Grouping help on a real vault: suggestions from the waiting list by routine and kecamatan,
the size checked, the kept groups created with their members, who may ask."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import select
from support.programme import accepted

from kdrt_desk.domain.enums import Role, RoutineKind
from kdrt_desk.domain.routine import Routine, RoutineBlock
from kdrt_desk.domain.training import EnrolmentStatus
from kdrt_desk.errors import PermissionDeniedError, UserError
from kdrt_desk.models import AuditEntry
from kdrt_desk.security.tiers import KeyName
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.grouping import GroupingService, GroupTemplate
from kdrt_desk.services.groups import GroupService
from kdrt_desk.wiring import Services

MORNINGS = Routine(tuple(RoutineBlock(d, time(8), time(12), RoutineKind.WORK) for d in range(6)))
AFTERNOONS = Routine(tuple(RoutineBlock(d, time(12), time(16), RoutineKind.WORK)
                           for d in range(6)))


def _waiting(admin: Services) -> tuple[list[int], list[int]]:
    """Six busy in the mornings (Plaju), six in the afternoons (Sako)."""
    mornings = accepted(admin, 6, kecamatan="Plaju")
    afternoons = accepted(admin, 6, start=6, kecamatan="Sako")
    for pid in mornings:
        admin.routines.save(pid, MORNINGS)
    for pid in afternoons:
        admin.routines.save(pid, AFTERNOONS)
    return mornings, afternoons


def test_people_free_at_the_same_times_are_suggested_together(admin: Services) -> None:
    mornings, afternoons = _waiting(admin)
    found = admin.grouping.suggest(6)
    assert not found.kecamatan_only
    groups = [{c.participant_id for c in g.members} for g in found.groups]
    assert sorted(groups, key=min) == [set(mornings), set(afternoons)]
    by_kecamatan = {g.kecamatan: g for g in found.groups}
    assert all(s.start >= time(12) for s in by_kecamatan["Plaju"].slots)
    assert all(s.end <= time(12) for s in by_kecamatan["Sako"].slots)
    assert all(g.free_share == 1.0 for g in found.groups)
    only_sako = admin.grouping.suggest(5, kecamatan_filter="Sako")
    assert {c.kecamatan for g in only_sako.groups for c in g.members} == {"Sako"}
    limited = admin.grouping.suggest(6, limit_groups=1)
    assert (len(limited.groups), limited.left_out) == (1, 6)


@pytest.mark.parametrize("size", [4, 41])
def test_a_size_outside_5_to_40_is_refused(admin: Services, size: int) -> None:
    _waiting(admin)
    with pytest.raises(UserError) as exc:
        admin.grouping.suggest(size)
    assert exc.value.key == "error.grouping.size"
    assert "5" in exc.value.message and "40" in exc.value.message


def test_the_kept_groups_are_created_with_their_members(admin: Services) -> None:
    mornings, afternoons = _waiting(admin)
    modules = [m.id for m in admin.catalogue.modules()][:2]
    template = GroupTemplate("Angkatan Saran", date(2026, 12, 1), date(2027, 3, 31), modules)
    outcome = admin.grouping.accept([mornings, afternoons[:5]], template, ["Plaju", "Sako"])
    assert outcome.problems == ()
    assert [(g.name, g.kecamatan, g.member_count) for g in outcome.created] == [
        ("Angkatan Saran 1", "Plaju", 6), ("Angkatan Saran 2", "Sako", 5)]
    members = admin.groups.members(outcome.created[1].id)
    assert {m.participant_id for m in members} == set(afternoons[:5])
    assert all(m.status is EnrolmentStatus.ACTIVE for m in members)
    assert [c.participant_id for c in admin.groups.candidates()] == [afternoons[5]]
    with admin.vault.db.reading() as session:
        actions = list(session.scalars(select(AuditEntry.action)))
    assert actions.count("group_added") == 2 and actions.count("participant_enrolled") == 11


def test_a_group_that_cannot_take_its_members_is_not_left_behind(admin: Services) -> None:
    mornings, afternoons = _waiting(admin)
    template = GroupTemplate("Angkatan Saran", date(2026, 12, 1), date(2027, 3, 31),
                             [m.id for m in admin.catalogue.modules()][:1])
    first = admin.grouping.accept([mornings], template)
    assert len(first.created) == 1
    # the same people again: already in a group, so the second group is not kept either
    again = admin.grouping.accept([mornings[:2]], GroupTemplate(
        "Angkatan Lain", template.start_date, template.end_date, template.module_ids))
    assert again.created == () and len(again.problems) == 1
    assert [g.name for g in admin.groups.groups()] == ["Angkatan Saran 1"]
    with pytest.raises(UserError) as exc:
        admin.grouping.accept([afternoons], GroupTemplate("  ", template.start_date,
                                                         template.end_date))
    assert exc.value.key == "error.grouping.name_prefix"


def test_who_may_not_plan_groups_is_refused(admin: Services) -> None:
    _waiting(admin)
    db = admin.vault.db
    facilitator = Actor(99, "fasilitator9", Role.FASILITATOR)
    with pytest.raises(PermissionDeniedError):
        GroupingService(db, facilitator, GroupService(db, facilitator)).suggest(10)
    # a Staf account still waiting for the contact key (the routines' tier) may not either
    waiting = Actor(98, "staf9", Role.STAF, keys=frozenset({KeyName.MASTER}))
    with pytest.raises(UserError) as exc:
        GroupingService(db, waiting, GroupService(db, waiting)).suggest(10)
    assert exc.value.key == "error.keys_pending"


def test_numbers_already_taken_are_skipped(admin: Services) -> None:
    mornings, afternoons = _waiting(admin)
    modules = [m.id for m in admin.catalogue.modules()][:1]
    template = GroupTemplate("Angkatan", date(2026, 12, 1), date(2027, 3, 31), modules)
    admin.grouping.accept([mornings], template)
    outcome = admin.grouping.accept([afternoons[:3], afternoons[3:]], template)
    assert [g.name for g in outcome.created] == ["Angkatan 2", "Angkatan 3"]
    assert outcome.kept == (0, 1)


def test_the_enrol_dialog_reads_candidates_with_their_routines(admin: Services) -> None:
    first, second = accepted(admin, 2)
    market = Routine((RoutineBlock(0, time(5), time(11), RoutineKind.WORK),))
    admin.routines.save(first, market)
    people, routines = admin.grouping.candidates_with_routines()
    assert {p.participant_id for p in people} == {first, second}
    assert routines[first] == market and routines.get(second, Routine()) == Routine()
    db = admin.vault.db
    facilitator = Actor(99, "fasilitator9", Role.FASILITATOR)
    with pytest.raises(PermissionDeniedError):
        GroupingService(db, facilitator, GroupService(db, facilitator)) \
            .candidates_with_routines()
