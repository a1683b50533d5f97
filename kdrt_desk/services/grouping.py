"""Grouping help: groups suggested from the accepted participants who are in no group, by their
free times of a normal week and their kecamatan (``scheduling/grouping.py``), and the groups the
admin keeps created through ``GroupService.save`` and ``enrol`` (audited there).

Needs programme management; the free times are routines, contact data, read only with the
contact key as the scheduler reads them (``services/schedule.py``). Without it the suggestion
goes by kecamatan alone and says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from kdrt_desk.db.session import Database
from kdrt_desk.domain.routine import Routine
from kdrt_desk.domain.training import Candidate, GroupInput, GroupView
from kdrt_desk.errors import UserError
from kdrt_desk.repositories import routines as routine_rows
from kdrt_desk.scheduling.grouping import (
    Person,
    WeekSlot,
    attend_values,
    check_size,
    normal_week_slots,
    suggest_groups,
)
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.clock import local_today
from kdrt_desk.services.groups import GroupService
from kdrt_desk.services.neighbours import read_map

NAME_TRIES = 1000


@dataclass(frozen=True)
class GroupSuggestion:
    """One suggested group: its members (as the waiting list shows them) and usual times."""

    members: tuple[Candidate, ...]
    slots: tuple[WeekSlot, ...]
    free_share: float | None
    kecamatan: str


@dataclass(frozen=True)
class GroupingSuggestion:
    groups: tuple[GroupSuggestion, ...]
    kecamatan_only: bool  # the routines could not be read: by kecamatan alone
    left_out: int = 0  # candidates in groups beyond ``limit_groups``
    # her can-attend (1, 0.5, 0) at each slot of ``week``, to recount a changed group
    can_attend: Mapping[int, Mapping[WeekSlot, float]] = field(default_factory=dict)

    def share(self, member_ids: Sequence[int], slots: Sequence[WeekSlot]) -> float | None:
        """Mean can-attend of ``member_ids`` at ``slots`` (None: not known)."""
        known = [self.can_attend[m] for m in member_ids if m in self.can_attend]
        if not known or not slots:
            return None
        return sum(k[s] for k in known for s in slots) / (len(known) * len(slots))


@dataclass
class GroupTemplate:
    """What every created group shares; each is named "<prefix> <n>"."""

    name_prefix: str = ""
    start_date: date | None = None
    end_date: date | None = None
    module_ids: list[int] = field(default_factory=list)
    venue_id: int | None = None
    facilitator_ids: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class GroupingOutcome:
    created: tuple[GroupView, ...]
    problems: tuple[tuple[str, UserError], ...]  # (group name, why it was not created)
    kept: tuple[int, ...] = ()  # which of the groups asked for were created


class GroupingService:
    def __init__(self, db: Database, actor: Actor, groups: GroupService) -> None:
        self.db = db
        self.actor = actor
        self.groups = groups

    def candidates_with_routines(self) -> tuple[list[Candidate], dict[int, Routine]]:
        """Everyone who may be enrolled and, for roles that may read routines (the contact
        tier), each one's weekly routine: the enrol dialog filters by free time with them."""
        self.actor.require(Permission.MANAGE_GROUPS)
        people = self.groups.candidates()
        if not self.actor.may(Permission.VIEW_CONTACT):
            return people, {}
        with self.db.reading() as session:
            return people, routine_rows.load_many(session, [c.participant_id for c in people])

    def suggest(self, size: int, kecamatan_filter: str | None = None,
                limit_groups: int | None = None) -> GroupingSuggestion:
        """Groups of about ``size`` from the candidates (of one kecamatan when asked)."""
        self.actor.require(Permission.MANAGE_GROUPS)
        check_size(size)
        people = [c for c in self.groups.candidates()
                  if not kecamatan_filter or c.kecamatan == kecamatan_filter]
        if not people:
            raise UserError("error.grouping.no_candidates")
        by_id = {c.participant_id: c for c in people}
        readable = self.actor.may(Permission.VIEW_CONTACT)
        routines: dict[int, Routine] = {}
        with self.db.reading() as session:
            near = read_map(session)  # as the admin last edited it
            if readable:
                routines = routine_rows.load_many(session, list(by_id))
        week = normal_week_slots()
        found = suggest_groups(
            [Person(c.participant_id, c.kecamatan,
                    routines.get(c.participant_id, Routine()) if readable else None)
             for c in people], size, week, near)
        kept = found if limit_groups is None else found[:max(0, limit_groups)]
        return GroupingSuggestion(
            tuple(GroupSuggestion(tuple(by_id[i] for i in g.member_ids), g.slots, g.free_share,
                                  g.kecamatan) for g in kept),
            not readable, sum(len(g.member_ids) for g in found[len(kept):]),
            {pid: dict(zip(week, attend_values(routines.get(pid, Routine()), week),
                           strict=True))
             for g in kept for pid in g.member_ids} if readable else {})

    def accept(self, groups: Sequence[Sequence[int]], template: GroupTemplate,
               kecamatan: Sequence[str] = ()) -> GroupingOutcome:
        """Create each group of participant ids, named ``<prefix> 1``, ``<prefix> 2``… (numbers
        already taken are skipped); each wholly (the group and all its members) or not at all.
        A set-up the group service refuses is raised before any group is made."""
        self.actor.require(Permission.MANAGE_GROUPS)
        prefix = " ".join(template.name_prefix.split())
        if not prefix:
            raise UserError("error.grouping.name_prefix", field="name_prefix")
        wanted = [list(g) for g in groups]
        if not wanted or not all(wanted):
            raise UserError("error.grouping.nothing_ticked")
        today = local_today()
        created: list[GroupView] = []
        kept: list[int] = []
        problems: list[tuple[str, UserError]] = []
        number = 0
        for index, members in enumerate(wanted):
            view = None
            while view is None:  # the next free number: "Angkatan 3" may be there already
                number += 1
                name = f"{prefix} {number}"
                try:
                    view = self.groups.save(GroupInput(
                        name=name, kecamatan=kecamatan[index] if index < len(kecamatan) else "",
                        start_date=template.start_date, end_date=template.end_date,
                        venue_id=template.venue_id, module_ids=list(template.module_ids),
                        facilitator_ids=set(template.facilitator_ids)))
                except UserError as exc:
                    if exc.key == "error.group_name_taken" and number < NAME_TRIES:
                        continue
                    raise
            start = template.start_date or today
            try:
                self.groups.enrol(view.id, members, on=max(start, today))
            except UserError as exc:
                self.groups.delete(view.id)  # no members, no sessions: it goes without trace
                number -= 1
                problems.append((name, exc))
                continue
            created.append(self.groups.get(view.id))
            kept.append(index)
        return GroupingOutcome(tuple(created), tuple(problems), tuple(kept))
