"""The quarterly donor report's figures, from the vault: only women who consented to anonymised
statistics (``statistics_population``) count, and nothing that names or locates one leaves here
(no name, code, NIK, phone, address below kecamatan, date of birth or free text: kecamatan, age
band, status, track, module and service kind are the only keys).

"Served" in a period: registered by its end, in the statistics population, and registered in it,
a member of a group during it, or given a service in it. Her status is the one she has when the
report is made; her age is her age at registration, in the report's bands. Outcomes, income,
independence and capital come from the indicator chain over the same women (``IndicatorService``
with the population), each with the number of women behind it.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select, true
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.certificates import CertificateKind
from kdrt_desk.domain.donor_report import (
    QUARTER_COLUMN,
    UNKNOWN,
    YTD_COLUMN,
    AmountRow,
    AmountTable,
    CountTable,
    DonorReportData,
    Quarter,
    ScopeTables,
    age_band,
)
from kdrt_desk.domain.enums import ParticipantStatus, ServiceKind
from kdrt_desk.domain.indicators import IndicatorTable
from kdrt_desk.domain.training import SessionStatus, Track
from kdrt_desk.errors import UserError
from kdrt_desk.models import (
    Attendance,
    Certificate,
    Enrolment,
    GroupModule,
    IndicatorTarget,
    Module,
    Participant,
    ServiceRecord,
    Setting,
    TrainingGroup,
    TrainingSession,
)
from kdrt_desk.reports.texts import language
from kdrt_desk.repositories.attendance import ATTENDED_VALUES
from kdrt_desk.security.atomic_file import OutputWriter
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.clock import local_today
from kdrt_desk.services.indicators import IndicatorService
from kdrt_desk.services.settings import SettingsService
from kdrt_desk.services.statistics_consent import statistics_population

COLUMNS = (QUARTER_COLUMN, YTD_COLUMN)
PUBLISHED = "donor.published."  # setting key prefix: a quarter's published cell statuses
FUNDER_KEY = ".f."  # then a programme's or donor's: a hash of its name (the value names it)
SERVED = "served"
TRACK_ROWS = (Track.SOCIAL.value, Track.ECONOMIC.value, "both", "none")
Period = tuple[date, date]


def _age(row: Any) -> int | None:
    """Her age when she registered (the exact one where the date of birth is known)."""
    if row.birth_date is not None:
        born, day = row.birth_date, row.registered_on
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    return row.estimated_age


def _served(session: Session, allowed: set[int], start: date, end: date,
            groups: frozenset[int] | None = None) -> set[int]:
    """The women served in ``start``..``end`` (see the module's docstring); for a donor's
    programme (``groups``), those who were members of its groups then."""
    if not allowed:
        return set()
    on_time = set(session.scalars(select(Participant.id).where(Participant.registered_on <= end)))
    if groups is not None:
        return set(session.scalars(select(Enrolment.participant_id).where(
            Enrolment.group_id.in_(groups), Enrolment.enrolled_on <= end,
            or_(Enrolment.ended_on.is_(None), Enrolment.ended_on >= start)))) & on_time & allowed
    registered = set(session.scalars(select(Participant.id).where(
        Participant.registered_on.between(start, end))))
    members = set(session.scalars(select(Enrolment.participant_id).where(
        Enrolment.enrolled_on <= end,
        or_(Enrolment.ended_on.is_(None), Enrolment.ended_on >= start))))
    served = set(session.scalars(select(ServiceRecord.participant_id).where(
        ServiceRecord.service_date.between(start, end))))
    return (registered | members | served) & on_time & allowed


def _tracks(session: Session, people: set[int], start: date, end: date) -> dict[int, set[str]]:
    found: dict[int, set[str]] = defaultdict(set)
    if not people:
        return found
    for pid, track in session.execute(
            select(Enrolment.participant_id, Module.track)
            .join(GroupModule, GroupModule.group_id == Enrolment.group_id)
            .join(Module, Module.id == GroupModule.module_id)
            .where(Enrolment.enrolled_on <= end,
                   or_(Enrolment.ended_on.is_(None), Enrolment.ended_on >= start))):
        if pid in people:
            found[pid].add(track)
    return found


def _track(tracks: set[str]) -> str:
    if len(tracks) > 1:
        return "both"
    return next(iter(tracks)) if tracks else "none"


@dataclass(frozen=True)
class DonorWritten:
    path: Path
    primary: int  # counts shown as "<5"
    complementary: int  # more cells hidden so that none of those can be worked out
    unprotected: int = 0  # small counts no suppression can make ambiguous (merge categories)


class DonorReportService:
    def __init__(self, db: Database, actor: Actor, outputs: OutputWriter | None = None) -> None:
        self.db = db
        self.actor = actor
        self._outputs = outputs

    @property
    def outputs(self) -> OutputWriter:
        if self._outputs is None:
            raise RuntimeError("DonorReportService built without an OutputWriter")
        return self._outputs

    def write(self, quarter: Quarter, path: Path, *, lang: str | None = None,
              overwrite: bool = False, report: Callable[[int, int], bool] | None = None,
              today: date | None = None, funder: str = "") -> DonorWritten:
        """The workbook for ``quarter`` (the whole centre, or one programme's or donor's
        groups: ``funder``) at ``path``: checked before the work, written to a temporary file
        and moved into place (a cancelled or failed run leaves nothing), then audited (who,
        which quarter and programme, how many cells were hidden; never a figure)."""
        from kdrt_desk.reports.donor_workbook import donor_workbook, statuses_to_keep
        from kdrt_desk.reports.suppression import Status

        self.actor.require(Permission.EXPORT)
        chosen = language(lang)
        self.outputs.check(path, overwrite=overwrite)
        data = self.data(quarter, today, funder=funder)
        book, hidden = donor_workbook(data, lang=chosen, report=report)
        primary = hidden.count(Status.PRIMARY)
        complementary = hidden.count(Status.COMPLEMENTARY)
        with self.db.transaction() as session:
            # which cells this report shows and hides, kept so that a later report (or this
            # quarter made again, or another programme's) cannot publish what this one hid:
            # no figure, only statuses
            key = published_key(quarter, data.funder)
            cells = statuses_to_keep(data, hidden)
            kept = json.dumps({"funder": data.funder, "cells": cells} if data.funder else cells,
                              sort_keys=True)
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=kept))
            else:
                row.value = kept
            audit_log.append(session, self.actor.username, "donor_report_exported",
                             str(quarter), {"lang": chosen, "funder": data.funder,
                                            "primary": primary,
                                            "complementary": complementary,
                                            "unprotected": len(hidden.unprotected)})
            session.flush()
            written = self.outputs.write(path, book, overwrite=overwrite)
        return DonorWritten(written, primary, complementary, len(hidden.unprotected))

    def funders(self) -> list[str]:
        """The programmes and donors that fund groups (a report can cover one of them)."""
        self.actor.require(Permission.EXPORT)
        with self.db.reading() as session:
            return _funders(session)

    def check_funder(self, funder: str) -> str:
        """The funder as the groups spell it ("" = the whole centre); a ``UserError`` naming
        the ones on file when no group has it."""
        wanted = " ".join(str(funder or "").split())
        if not wanted:
            return ""
        known = self.funders()
        for name in known:
            if name.casefold() == wanted.casefold():
                return name
        raise UserError("error.donor_funder_unknown", field="funder", funder=wanted,
                        known=", ".join(known) if known else "\u2013")

    def quarters(self, today: date | None = None) -> list[Quarter]:
        """The quarters a report can be made for, newest first (from the first registration
        to the one under way)."""
        self.actor.require(Permission.EXPORT)
        today = today or local_today()
        with self.db.reading() as session:
            first = session.scalar(select(func.min(Participant.registered_on)))
        if first is None or first > today:
            return []
        return list(reversed(list(quarters_between(first, today))))

    def check_quarter(self, quarter: Quarter, today: date | None = None) -> None:
        """A quarter that has begun, and not before the centre's first registration."""
        today = today or local_today()
        if quarter.start > today:
            raise UserError("error.donor_quarter_future", field="quarter", quarter=str(quarter))
        with self.db.reading() as session:
            first = session.scalar(select(func.min(Participant.registered_on)))
        if first is None or quarter.end < first:
            raise UserError("error.donor_quarter_before_centre", field="quarter",
                            quarter=str(quarter),
                            first=str(Quarter.of(first)) if first else "")

    def data(self, quarter: Quarter, today: date | None = None, *,
             funder: str = "") -> DonorReportData:
        """Every figure of the report for ``quarter`` and the year to date, for the whole
        centre or one programme's or donor's groups (``funder``), with the quarter's other
        reports beside it (the centre's, and every other programme's already made) and what
        the earlier reports published."""
        self.actor.require(Permission.EXPORT)
        today = today or local_today()
        self.check_quarter(quarter, today)
        funder = self.check_funder(funder)
        centre = SettingsService(self.db, self.actor).current().centre_name
        periods = {QUARTER_COLUMN: (quarter.start, min(quarter.end, today)),
                   YTD_COLUMN: (quarter.year_start, min(quarter.end, today))}
        with self.db.reading() as session:
            allowed = statistics_population(session)
            groups = _groups_of(session, funder)
            published = _published(session, quarter)
            earlier = {str(q): _additive_tables(session, allowed, {
                QUARTER_COLUMN: (q.start, q.end), YTD_COLUMN: (q.year_start, q.end)}, groups)
                for q in quarter.earlier_this_year()}
            others = [name for name in published.get(str(quarter), {}) if name != funder]
            if funder and "" not in others:
                others.insert(0, "")  # a donor's report always stands beside the centre's
            scopes = {name: _groups_of(session, name) for name in others}
        tables, amounts, withheld = self._figures(allowed, periods, groups)
        siblings = []
        for name in others:
            their_tables, their_amounts, _w = self._figures(allowed, periods, scopes[name])
            siblings.append(ScopeTables(name, tuple(their_tables), their_amounts,
                                        published.get(str(quarter), {}).get(name, {})))
        with self.db.reading() as session:
            titles = dict(session.execute(select(Module.code, Module.title)).all())
            targets = {code: value for code, value in session.execute(
                select(IndicatorTarget.indicator, IndicatorTarget.target).where(
                    IndicatorTarget.period_start == quarter.year_start,
                    IndicatorTarget.period_end == date(quarter.year, 12, 31)))}
        own = {q: by_scope[funder] for q, by_scope in published.items() if funder in by_scope}
        return DonorReportData(centre, quarter, today, tuple(tables), amounts, earlier,
                               withheld, titles, {} if funder else targets, own,
                               funder=funder, others=tuple(siblings))

    def _figures(self, allowed: set[int], periods: dict[str, Period],
                 groups: frozenset[int] | None
                 ) -> tuple[list[CountTable], tuple[AmountTable, AmountTable], tuple[str, ...]]:
        """One report's count tables and indicator chains (quarter, year to date)."""
        with self.db.reading() as session:
            served = {column: _served(session, allowed, *period, groups)
                      for column, period in periods.items()}
            tables = _tables(session, allowed, periods, served, groups)
        indicators = IndicatorService(self.db, self.actor)
        chains = [indicators.compute(*periods[column],
                                     population=allowed if groups is None else served[column],
                                     groups=groups) for column in COLUMNS]
        withheld = tuple(sorted({r.code for r in chains[0].results if r.withheld}))
        return tables, (_amounts("indicators_quarter", chains[0]),
                        _amounts("indicators_ytd", chains[1])), withheld


def published_key(quarter: Quarter, funder: str = "") -> str:
    """The setting that keeps what a quarter's report published (one per programme/donor)."""
    if not funder:
        return f"{PUBLISHED}{quarter}"
    return f"{PUBLISHED}{quarter}{FUNDER_KEY}{hashlib.sha256(funder.encode()).hexdigest()[:16]}"


def _published(session: Session, quarter: Quarter
               ) -> dict[str, dict[str, dict[tuple[str, str, str], str]]]:
    """What the reports of ``quarter`` and the earlier quarters of its year published:
    quarter -> funder ("" = the centre) -> {(table, row, column): status}."""
    found: dict[str, dict[str, dict[tuple[str, str, str], str]]] = {}
    for q in (*quarter.earlier_this_year(), quarter):
        prefix = f"{PUBLISHED}{q}"
        for row in session.scalars(select(Setting).where(or_(
                Setting.key == prefix, Setting.key.startswith(prefix + FUNDER_KEY)))):
            if not row.value:
                continue
            stored = json.loads(row.value)
            funder = ""
            if row.key != prefix:
                funder, stored = str(stored.get("funder", "")), stored.get("cells", {})
                if not funder:
                    continue
            cells: dict[tuple[str, str, str], str] = {}
            for name, status in stored.items():
                table, cell_row, column = name.split("|")
                cells[(table, cell_row, column)] = status
            found.setdefault(str(q), {})[funder] = cells
    return found


def _funders(session: Session) -> list[str]:
    names = {n for n in session.scalars(select(TrainingGroup.funder).distinct()) if n}
    return sorted(names, key=lambda n: (n.casefold(), n))


def _groups_of(session: Session, funder: str) -> frozenset[int] | None:
    """The groups a programme or donor funds (None: the whole centre)."""
    if not funder:
        return None
    return frozenset(session.scalars(select(TrainingGroup.id).where(
        TrainingGroup.funder == funder)))


def _amounts(key: str, table: IndicatorTable) -> AmountTable:
    return AmountTable(key, tuple(AmountRow(r.code, r.n, None if r.withheld else r.value,
                                            r.definition.unit.value) for r in table.results))


def _tables(session: Session, allowed: set[int], periods: dict[str, Period],
            served: dict[str, set[int]], groups: frozenset[int] | None) -> list[CountTable]:
    """The count tables over the women ``served`` in each column's period (for a donor's
    programme, ``groups``: its sessions and certificates; her kecamatan, age, status and track
    are the centre's, so each of its cells counts some of the centre's cell's women)."""
    everyone = set().union(*served.values())
    # only the plain columns the tables need (loading whole rows would open every sealed one)
    rows = {r.id: r for r in session.execute(select(
        Participant.id, Participant.kecamatan, Participant.birth_date,
        Participant.estimated_age, Participant.status, Participant.registered_on))
        if r.id in everyone} if everyone else {}
    by: dict[str, dict[tuple[str, str], int]] = defaultdict(Counter)  # type: ignore[arg-type]
    kecamatan: set[str] = set()
    for column, people in served.items():
        tracks = _tracks(session, people, *periods[column])
        start, end = periods[column]
        for pid in people:
            row = rows[pid]
            place = row.kecamatan or UNKNOWN
            kecamatan.add(place)
            by["participants_by_kecamatan"][(place, column)] += 1
            by["participants_by_age"][(age_band(_age(row)), column)] += 1
            by["participants_by_status"][(row.status, column)] += 1
            by["participants_by_track"][(_track(tracks.get(pid, set())), column)] += 1
            new = start <= row.registered_on <= end
            by["new_and_continuing"][("new" if new else "continuing", column)] += 1
    ages = ("18-24", "25-44", "45-59", "60+", UNKNOWN)
    known = [s.value for s in ParticipantStatus]
    seen = {r for (r, _c) in by["participants_by_status"]}
    statuses = (*known, *sorted(seen - set(known)))  # every woman in a row: the totals agree
    tables = [
        CountTable("participants_by_kecamatan", tuple(sorted(
            kecamatan, key=lambda k: (k == UNKNOWN, k.casefold()))), COLUMNS,
            dict(by["participants_by_kecamatan"]), population=SERVED, labelled_rows=False),
        CountTable("participants_by_age", ages, COLUMNS, dict(by["participants_by_age"]),
                   population=SERVED),
        CountTable("participants_by_status", statuses, COLUMNS,
                   dict(by["participants_by_status"]), population=SERVED),
        CountTable("participants_by_track", TRACK_ROWS, COLUMNS,
                   dict(by["participants_by_track"]), population=SERVED),
        CountTable("new_and_continuing", ("new", "continuing"), COLUMNS,
                   dict(by["new_and_continuing"]), population=SERVED),
    ]
    if groups is None:  # only the centre's "new" adds up over the quarters (registered then)
        tables.append(CountTable("new_participants", ("new",), COLUMNS,
                                 {("new", c): v for (r, c), v in by["new_and_continuing"].items()
                                  if r == "new"}, additive=True))
    tables += _programme_tables(session, allowed, periods, served, groups)
    return tables


def _additive_tables(session: Session, allowed: set[int], periods: dict[str, Period],
                     groups: frozenset[int] | None = None) -> tuple[CountTable, ...]:
    """An earlier quarter's tables whose year to date adds up over the quarters: new
    registrations (the centre's) and certificates (as that quarter's report publishes them)."""
    new = {("new", column): len(allowed & set(session.scalars(select(Participant.id).where(
        Participant.registered_on.between(start, end))))) for column, (start, end)
        in periods.items()}
    codes = dict(_modules(session))
    certificates: Counter[tuple[str, str]] = Counter()
    for column, (start, end) in periods.items():
        for kind, module, holder in session.execute(
                select(Certificate.kind, Certificate.module_id, Certificate.participant_id)
                .where(Certificate.issued_on.between(start, end), _of_groups(groups))):
            key = "programme" if kind == CertificateKind.PROGRAMME.value else codes.get(
                module or 0, "")
            if holder in allowed and key:
                certificates[(key, column)] += 1
    issued = CountTable("certificates_by_module", (*codes.values(), "programme"), COLUMNS,
                        dict(certificates), additive=True, labelled_rows=False)
    if groups is not None:
        return (issued,)
    return (CountTable("new_participants", ("new",), COLUMNS, new, additive=True), issued)


def _of_groups(groups: frozenset[int] | None) -> Any:
    """A certificate of one of ``groups`` (every one when None)."""
    return true() if groups is None else Certificate.group_id.in_(groups)


def _modules(session: Session) -> list[tuple[int, str]]:
    return [(m, code) for m, code in session.execute(
        select(Module.id, Module.code).order_by(Module.position, Module.code))]


def _programme_tables(session: Session, allowed: set[int], periods: dict[str, Period],
                      served: dict[str, set[int]], groups: frozenset[int] | None
                      ) -> list[CountTable]:
    modules = _modules(session)
    codes = {m: code for m, code in modules}
    sessions: Counter[tuple[str, str]] = Counter()
    women: dict[tuple[str, str], set[int]] = defaultdict(set)
    certificates: Counter[tuple[str, str]] = Counter()
    services: dict[tuple[str, str], set[int]] = defaultdict(set)
    in_groups = true() if groups is None else TrainingSession.group_id.in_(groups)
    for column, (start, end) in periods.items():
        # a service counts for a donor's programme when its women had it then
        helped = allowed if groups is None else served[column]
        for mid, count in session.execute(
                select(TrainingSession.module_id, func.count(TrainingSession.id))
                .where(TrainingSession.status == SessionStatus.HELD.value,
                       TrainingSession.session_date.between(start, end), in_groups)
                .group_by(TrainingSession.module_id)):
            sessions[(codes[mid], column)] = int(count)
        for mid, pid in session.execute(
                select(TrainingSession.module_id, Attendance.participant_id).distinct()
                .join(Attendance, Attendance.session_id == TrainingSession.id)
                .where(TrainingSession.status == SessionStatus.HELD.value,
                       TrainingSession.session_date.between(start, end), in_groups,
                       Attendance.mark.in_(ATTENDED_VALUES))):
            if pid in allowed:
                women[(codes[mid], column)].add(pid)
        for kind, module, holder in session.execute(
                select(Certificate.kind, Certificate.module_id, Certificate.participant_id)
                .where(Certificate.issued_on.between(start, end), _of_groups(groups))):
            if holder in allowed:
                key = "programme" if kind == CertificateKind.PROGRAMME.value else codes.get(
                    module or 0, "")
                if key:
                    certificates[(key, column)] += 1
        for kind, pid in session.execute(
                select(ServiceRecord.kind, ServiceRecord.participant_id)
                .where(ServiceRecord.service_date.between(start, end))):
            if pid in helped:
                services[(kind, column)].add(pid)
    module_rows = tuple(code for _m, code in modules)
    return [
        CountTable("sessions_by_module", module_rows, COLUMNS, dict(sessions), people=False,
                   labelled_rows=False),
        CountTable("women_by_module", module_rows, COLUMNS,
                   {k: len(v) for k, v in women.items()}, labelled_rows=False),
        CountTable("certificates_by_module", (*module_rows, "programme"), COLUMNS,
                   dict(certificates), additive=True, labelled_rows=False),
        CountTable("services_by_kind", tuple(k.value for k in ServiceKind), COLUMNS,
                   {k: len(v) for k, v in services.items()}),
    ]


def quarters_between(first: date, last: date) -> Iterable[Quarter]:
    quarter = Quarter.of(first)
    while quarter.start <= last:
        yield quarter
        quarter = Quarter(quarter.year + (quarter.number == 4), quarter.number % 4 + 1)


__all__ = ["DonorReportService", "published_key", "quarters_between"]
