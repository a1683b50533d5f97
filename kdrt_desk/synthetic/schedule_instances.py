"""Seeded synthetic scheduling problems for tests, benchmarks and the demo: groups of women with
Palembang routines (market traders 04:30-11:00, the school run 11:30-12:30, evening stalls, some
"prefers not" afternoons and one-off appointments), modules from sewing to peer support, venues
with their features and facilitators with their modules, over a term with an optional closed
week. Names are synthetic (``synthetic/names.py``); no real person's data."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, time, timedelta

from kdrt_desk.domain.enums import BlockStrength, RoutineKind
from kdrt_desk.domain.places import KECAMATAN
from kdrt_desk.domain.routine import OneOffBlock, Routine, RoutineBlock
from kdrt_desk.scheduling.calendar import CalendarSettings, Closure, TermCalendar
from kdrt_desk.scheduling.problem import (
    FacilitatorInfo,
    GroupNeed,
    Hours,
    Member,
    ModuleNeed,
    Problem,
    VenueInfo,
)
from kdrt_desk.synthetic import names

# code, title, minutes, features, cooking
MODULES: tuple[tuple[str, str, int, frozenset[str], bool], ...] = (
    ("JHT", "Menjahit dasar", 120, frozenset({"sewing_machines"}), False),
    ("BOG", "Memasak dan pangan olahan", 120, frozenset({"kitchen"}), True),
    ("KEU", "Literasi keuangan", 90, frozenset({"projector"}), False),
    ("DKS", "Dukungan sebaya", 90, frozenset({"private_room"}), False),
    ("USH", "Rintisan usaha", 120, frozenset(), False),
    ("DIG", "Pemasaran digital", 90, frozenset({"projector"}), False),
    ("HKM", "Hak hukum perempuan", 90, frozenset({"private_room"}), False),
    ("KRJ", "Kerajinan tangan", 120, frozenset(), False),
)
VENUE_FEATURES: tuple[frozenset[str], ...] = (
    frozenset({"kitchen", "projector", "private_room"}),
    frozenset({"sewing_machines", "projector", "private_room"}),
    frozenset({"kitchen", "sewing_machines", "private_room"}),
    frozenset({"projector", "private_room", "sewing_machines"}),
)
VENUE_NAMES = ("Balai Pemberdayaan", "Rumah Belajar", "Aula Kelurahan", "Posyandu Melati",
               "Sanggar Kerja", "Gedung Serbaguna", "Rumah Singgah", "Balai Warga")
DAY = Hours(time(8, 0), time(17, 0))


@dataclass(frozen=True)
class InstanceSpec:
    groups: int = 4
    members: int = 15
    modules: int = 6
    sessions: int = 8
    weeks: int = 8
    venues: int = 2
    facilitators: int = 5
    holiday_week: int | None = 3  # a week (0-based) the centre is closed, None: none
    start: date = date(2026, 7, 6)  # a Monday
    seed: int = 2026
    capacity: int = 25


def _plus(clock: time, minutes: int) -> time:
    total = clock.hour * 60 + clock.minute + minutes
    return time(total // 60, total % 60)


def _routine(rng: random.Random, start: date, days: int) -> tuple[Routine, bool]:
    weekly: list[RoutineBlock] = []
    young = rng.random() < 0.35
    if rng.random() < 0.3:  # sells at the market in the morning
        weekly += [RoutineBlock(d, time(4, 30), time(11, 0), RoutineKind.WORK)
                   for d in range(6)]
    if young or rng.random() < 0.25:  # the school run
        weekly += [RoutineBlock(d, time(11, 30), time(12, 30), RoutineKind.CHILDCARE)
                   for d in range(5)]
    if rng.random() < 0.12:  # an evening stall from four
        weekly += [RoutineBlock(d, time(16, 0), time(21, 0), RoutineKind.WORK) for d in range(7)]
    if rng.random() < 0.35:  # would rather not come on one or two afternoons
        for d in rng.sample(range(6), rng.choice((1, 2))):
            weekly.append(RoutineBlock(d, time(13, 0), time(15, 30), RoutineKind.HOUSEHOLD,
                                       BlockStrength.PREFERS_NOT))
    if rng.random() < 0.15:  # a weekday she cannot come at all (a cleaning job)
        d = rng.randrange(6)
        weekly = [b for b in weekly if b.weekday != d]
        weekly.append(RoutineBlock(d, time(6, 0), time(18, 0), RoutineKind.WORK))
    one_off = []
    if rng.random() < 0.2:  # a court hearing or a clinic visit
        day = start + timedelta(days=rng.randrange(days))
        begin = time(rng.choice((8, 9, 10, 13)), 0)
        one_off.append(OneOffBlock(day, begin, _plus(begin, 180), RoutineKind.APPOINTMENT))
    return Routine(tuple(sorted(weekly, key=lambda b: (b.weekday, b.start))),
                   tuple(one_off)), young


def _name(rng: random.Random) -> str:
    return f"{rng.choice(names.WOMEN_GIVEN_NAMES)} {rng.choice(names.FAMILY_NAMES)}"


def neighbours() -> dict[str, frozenset[str]]:
    """A synthetic nearness: each kecamatan and the two next to it in the list."""
    k = KECAMATAN
    return {name: frozenset({k[i - 1], k[(i + 1) % len(k)]}) for i, name in enumerate(k)}


def generate_problem(spec: InstanceSpec | None = None) -> Problem:
    """A reproducible ``Problem`` for ``spec`` (same seed, same problem)."""
    s = spec or InstanceSpec()
    rng = random.Random(s.seed)
    end = s.start + timedelta(days=7 * s.weeks - 1)
    closures: tuple[Closure, ...] = ()
    if s.holiday_week is not None:
        first = s.start + timedelta(days=7 * s.holiday_week)
        closures = (Closure(first, first + timedelta(days=6), "libur pusat (sintetis)"),)
    calendar = TermCalendar(s.start, end, CalendarSettings(closures=closures))
    modules = [ModuleNeed(i + 1, code, title, s.sessions, minutes, features,
                          75, cooking)
               for i, (code, title, minutes, features, cooking)
               in enumerate(MODULES[i % len(MODULES)] for i in range(s.modules))]
    places = rng.sample(KECAMATAN, min(len(KECAMATAN), max(s.groups, s.venues)))
    venues = []
    for i in range(s.venues):
        opening = {d: DAY for d in range(5 if i % 3 == 2 else 6)}
        venues.append(VenueInfo(i + 1, f"{VENUE_NAMES[i % len(VENUE_NAMES)]} {i + 1}",
                                places[i % len(places)], s.capacity + 5 * (i % 2),
                                VENUE_FEATURES[i % len(VENUE_FEATURES)], i % 2 == 0, opening))
    facilitators = []
    m = len(modules)
    for i in range(s.facilitators):
        teaches = frozenset(modules[j % m].module_id for j in (i, i + 1, i + 3))
        hours: dict[int, Hours] | None = None if i % 4 else {d: DAY for d in range(1, 6)}
        facilitators.append(FacilitatorInfo(100 + i, f"Fasilitator {_name(rng)}", teaches,
                                            hours, max_per_day=3, max_per_week=10))
    groups = []
    pid = 1
    for g in range(s.groups):
        home = places[g % len(places)]
        members = []
        for _ in range(s.members):
            routine, young = _routine(rng, s.start, 7 * s.weeks)
            where = home if rng.random() < 0.75 else rng.choice(KECAMATAN)
            members.append(Member(pid, _name(rng), routine, where, young))
            pid += 1
        groups.append(GroupNeed(g + 1, f"Angkatan {g + 1} {home}", tuple(members),
                                tuple(modules), home, venues[g % len(venues)].venue_id
                                if venues else None))
    return Problem(tuple(groups), tuple(venues), tuple(facilitators), calendar,
                   neighbours=neighbours())


SMALL = InstanceSpec()
LARGE = InstanceSpec(groups=16, venues=8, facilitators=20)
