"""Exports for work: the participant list, attendance per group and session, assessment results,
and the admin's full data export. Each is an Excel file (the full export also a zip of CSV
files), written through the ``OutputWriter`` (atomic, never into the data folder, replacing a
file only when told) and audited: who, which export, how many rows, never a value.

- ``participants``: the register as this role sees it, every row: the register's own columns and
  masking (``ParticipantService.visible_columns`` and ``list_rows``: no NIK or phone without the
  contact key, the phone blanked without her contact consent, the risk flag only with the
  restricted key, an anonymised woman under the placeholder name, a facilitator only her groups'
  members). Needs ``view_register``, as the register and ``participants list`` do.
- ``attendance``: every session of the groups this role may see (a facilitator: the groups she
  facilitates) with each mark, members named as the register names them.
- ``assessments``: the psychosocial assessments' scores; only for roles holding the restricted
  key (``view_restricted``), refused otherwise with a message saying so.
- ``full``: one sheet per record type, every column, sealed fields opened (contact and
  restricted ones included): only for the admin (``manage_users``: the one permission that
  already lets her give any key to anyone, so the file holds nothing she could not read anyway;
  ``settings`` is about the centre's configuration and need not stay admin-only). The file is
  outside the vault's encryption: ``password`` makes it a workbook in Office's own encryption
  that Excel opens by asking for it; without one the result carries ``UNPROTECTED_WARNING``.
  A ``.zip`` target is a plain zip of one CSV per sheet (no row limit, for other tools); it
  cannot carry a password (an AES zip does not open in Windows Explorer), so a password with a
  ``.zip`` is refused with the advice to choose ``.xlsx``.

Every method takes ``report(done, total) -> bool``: progress, and False cancels
(``UserError("error.cancelled")``: nothing is written and nothing audited).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Column, LargeBinary, Table, func, select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.errors import UserError
from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.models import (
    Assessment,
    Attendance,
    AuditEntry,
    BusinessCapital,
    Certificate,
    Enrolment,
    Facilitator,
    GroupModule,
    LivelihoodRecord,
    Module,
    Participant,
    ParticipantCase,
    ParticipantConsent,
    Partner,
    Screening,
    ScreeningDecision,
    ServiceRecord,
    SkillAssessment,
    TrainingGroup,
    TrainingSession,
    Venue,
)
from kdrt_desk.models.sealed import Sealed, field_keys, open_blob
from kdrt_desk.models.training_group import group_facilitator
from kdrt_desk.reports.texts import language, text
from kdrt_desk.repositories.names import shown_name
from kdrt_desk.security.atomic_file import OutputWriter
from kdrt_desk.security.permissions import Permission, allows
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.participants import ParticipantService
from kdrt_desk.services.programme_access import own_group_ids, sees_all
from kdrt_desk.services.work_export_files import (
    Progress,
    Report,
    Sheet,
    check_password,
    encrypted,
    workbook_bytes,
    zip_bytes,
)

XLSX, ZIP = ".xlsx", ".zip"
UNPROTECTED_WARNING = "export.full.unprotected_warning"
# what the full export holds, one sheet each, in this order (the ids link them)
FULL_TABLES: tuple[tuple[str, Any], ...] = (
    ("participants", Participant), ("cases", ParticipantCase), ("consent", ParticipantConsent),
    ("screenings", Screening), ("decisions", ScreeningDecision),
    ("services", ServiceRecord), ("partners", Partner), ("modules", Module),
    ("facilitators", Facilitator), ("venues", Venue), ("groups", TrainingGroup),
    ("group_modules", GroupModule), ("group_facilitators", group_facilitator),
    ("enrolments", Enrolment), ("sessions", TrainingSession), ("attendance", Attendance),
    ("skill_assessments", SkillAssessment), ("assessments", Assessment),
    ("livelihoods", LivelihoodRecord), ("capital", BusinessCapital),
    ("certificates", Certificate), ("audit_log", AuditEntry),
)
SKIPPED_COLUMNS = frozenset({"search_text"})  # derived from the name and code (search index)
ATTENDANCE_COLUMNS = ("group", "module", "module_title", "session_date", "start_time",
                      "end_time", "session_status", "code", "full_name", "preferred_name",
                      "mark", "reason", "marked_by")
ASSESSMENT_COLUMNS = ("code", "full_name", "instrument", "version", "round", "assessed_on",
                      "raw", "score", "band", "missing", "recorded_by")


@dataclass(frozen=True)
class ExportWritten:
    path: Path
    rows: int  # data rows written (all sheets)
    sheets: int = 1
    protected: bool = False  # a password-protected workbook
    warnings: tuple[str, ...] = ()  # catalogue keys to show (e.g. ``UNPROTECTED_WARNING``)


def _label(lang: str, value: object) -> str:
    """An enum value's label in ``lang`` (its value where the catalogue has none)."""
    if value is None:
        return ""
    raw = getattr(value, "value", value)
    key = f"enum.{type(value).__name__}.{raw}"
    return text(lang, key) if key in MESSAGES else str(raw)


def _header(lang: str, columns: Sequence[str]) -> list[str]:
    return [text(lang, f"export.column.{c}") for c in columns]


class WorkExportService:
    def __init__(self, db: Database, actor: Actor, outputs: OutputWriter | None = None) -> None:
        self.db = db
        self.actor = actor
        self._outputs = outputs

    @property
    def outputs(self) -> OutputWriter:
        if self._outputs is None:
            raise RuntimeError("WorkExportService built without an OutputWriter")
        return self._outputs

    # -- the participant list -----------------------------------------------------------------
    def participants(self, path: Path, *, lang: str | None = None, overwrite: bool = False,
                     report: Report | None = None) -> ExportWritten:
        """The register as this role sees it, every row, to an .xlsx."""
        self.actor.require(Permission.VIEW_REGISTER)
        chosen = language(lang)
        self._check(path, (XLSX,), overwrite)
        register = ParticipantService(self.db, self.actor)
        columns = register.visible_columns()
        rows = register.list_rows()
        progress = Progress(report, len(rows))
        withheld = text(chosen, "export.contact_withheld")

        def values() -> Iterator[list[object]]:
            for row in rows:
                out: list[object] = []
                for column in columns:
                    value = getattr(row, column)
                    if column in ("status", "risk_level"):
                        value = _label(chosen, value)
                    elif column == "phone" and row.contact_withheld:
                        value = withheld
                    out.append(value)
                yield out

        book = workbook_bytes([Sheet(text(chosen, "export.sheet.participant_list"),
                                     _header(chosen, columns), values(),
                                     _widths(columns))], progress)
        progress.finish()
        return self._write(path, book, overwrite, "participants_exported",
                           {"rows": len(rows), "format": "xlsx",
                            "columns": len(columns)}, len(rows))

    # -- attendance ---------------------------------------------------------------------------
    def attendance(self, path: Path, *, lang: str | None = None, overwrite: bool = False,
                   report: Report | None = None) -> ExportWritten:
        """Each session of the groups this role may see, with every mark (a session not yet
        marked is one row without a member)."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        chosen = language(lang)
        self._check(path, (XLSX,), overwrite)
        with self.db.reading() as session:
            groups = None if sees_all(self.actor) else own_group_ids(session, self.actor)
            query = (select(TrainingGroup.name, Module.code, Module.title,
                            TrainingSession.session_date, TrainingSession.start_time,
                            TrainingSession.end_time, TrainingSession.status, Participant.code,
                            Participant.full_name, Participant.preferred_name, Attendance.mark,
                            Attendance.reason, Attendance.marked_by)
                     .join(TrainingGroup, TrainingGroup.id == TrainingSession.group_id)
                     .join(Module, Module.id == TrainingSession.module_id)
                     .outerjoin(Attendance, Attendance.session_id == TrainingSession.id)
                     .outerjoin(Participant, Participant.id == Attendance.participant_id)
                     .order_by(TrainingGroup.name, TrainingGroup.id,
                               TrainingSession.session_date, TrainingSession.start_time,
                               TrainingSession.id, Participant.code))
            if groups is not None:
                query = query.where(TrainingSession.group_id.in_(sorted(groups)))
            found = list(session.execute(query))
        progress = Progress(report, len(found))
        statuses = {v: _label(chosen, _enum("SessionStatus", v)) for v in {r[6] for r in found}}
        marks = {v: _label(chosen, _enum("AttendanceMark", v)) for v in {r[10] for r in found}
                 if v is not None}

        def values() -> Iterator[list[object]]:
            for (group, code, title, day, start, end, status, pcode, name, preferred, mark,
                 reason, marked_by) in found:
                yield [group, code, title, day, start, end, statuses[status], pcode or "",
                       shown_name(name) if pcode else "", preferred or "",
                       marks.get(mark, "") if mark else "", reason or "", marked_by or ""]

        marked = sum(1 for r in found if r[10] is not None)
        book = workbook_bytes([Sheet(text(chosen, "export.sheet.attendance"),
                                     _header(chosen, ATTENDANCE_COLUMNS), values(),
                                     _widths(ATTENDANCE_COLUMNS))], progress)
        progress.finish()
        return self._write(path, book, overwrite, "attendance_exported",
                           {"rows": len(found), "marks": marked, "format": "xlsx",
                            "groups": "all" if groups is None else len(groups)}, len(found))

    # -- assessment results -------------------------------------------------------------------
    def assessments(self, path: Path, *, lang: str | None = None, overwrite: bool = False,
                    report: Report | None = None) -> ExportWritten:
        """Every psychosocial assessment with its score (the restricted key's roles only)."""
        if not allows(self.actor.role, Permission.VIEW_RESTRICTED):
            raise UserError("error.export_assessments_restricted")
        self.actor.require(Permission.VIEW_RESTRICTED)  # her keys handed over, too
        self.actor.require(Permission.VIEW_REGISTER)
        chosen = language(lang)
        self._check(path, (XLSX,), overwrite)
        with self.db.reading() as session:
            keys = field_keys(session)
            people = {pid: (code, shown_name(name)) for pid, code, name in session.execute(
                select(Participant.id, Participant.code, Participant.full_name))}
            found = []
            for (seal_id, pid, instrument, version, round_, day, recorded_by,
                 blob) in session.execute(
                    select(Assessment.seal_id, Assessment.participant_id,
                           Assessment.instrument_code, Assessment.instrument_version,
                           Assessment.round, Assessment.assessed_on, Assessment.recorded_by,
                           Assessment.score)
                    .order_by(Assessment.instrument_code, Assessment.assessed_on,
                              Assessment.id)):
                result = open_blob(keys, blob, seal_id, pid)
                result = result if isinstance(result, dict) else {}
                code, name = people.get(pid, ("", ""))
                found.append([code, name, instrument, version,
                              _label(chosen, _enum("Round", round_)), day, result.get("raw"),
                              result.get("value"), result.get("band") or "",
                              result.get("missing"), recorded_by])
        progress = Progress(report, len(found))
        book = workbook_bytes([Sheet(text(chosen, "export.sheet.assessments"),
                                     _header(chosen, ASSESSMENT_COLUMNS), found,
                                     _widths(ASSESSMENT_COLUMNS))], progress)
        progress.finish()
        return self._write(path, book, overwrite, "assessments_exported",
                           {"rows": len(found), "format": "xlsx"}, len(found))

    # -- the admin's full data export ---------------------------------------------------------
    def full(self, path: Path, *, password: str | None = None, lang: str | None = None,
             overwrite: bool = False, report: Report | None = None) -> ExportWritten:
        """Every record type, one sheet each (a CSV each in a ``.zip``), every column with the
        sealed fields opened; a password-protected workbook when ``password`` is given."""
        if not allows(self.actor.role, Permission.MANAGE_USERS):
            raise UserError("error.export_full_admin_only")
        self.actor.require(Permission.MANAGE_USERS)
        chosen = language(lang)
        target = self._check(path, (XLSX, ZIP), overwrite)
        as_zip = target.suffix.lower() == ZIP
        if password is not None:
            if as_zip:
                raise UserError("error.export_zip_password", field="password")
            check_password(password)
        with self.db.reading() as session:
            counts = {key: session.scalar(select(func.count()).select_from(_table(model))) or 0
                      for key, model in FULL_TABLES}
            progress = Progress(report, sum(counts.values()) + 1)
            progress.tell()
            sheets = [_about(chosen, self.actor, counts)]
            sheets += [Sheet(text(chosen, f"export.sheet.{key}"), *_dump(session, model))
                       for key, model in FULL_TABLES]
            book = zip_bytes(sheets, progress) if as_zip else workbook_bytes(sheets, progress)
        if password is not None:
            book = encrypted(book, password)
        progress.finish()
        rows = sum(counts.values())
        written = self._write(path, book, overwrite, "full_export_written",
                              {"rows": rows, "sheets": len(sheets),
                               "format": "zip" if as_zip else "xlsx",
                               "protected": password is not None}, rows)
        warnings = () if password is not None else (UNPROTECTED_WARNING,)
        return ExportWritten(written.path, rows, len(sheets), password is not None, warnings)

    # -- shared ------------------------------------------------------------------------------
    def _check(self, path: Path, suffixes: tuple[str, ...], overwrite: bool) -> Path:
        target = self.outputs.check(path, overwrite=overwrite)
        if target.suffix.lower() not in suffixes:
            raise UserError("error.export_file_type", field="path", path=str(path),
                            types=" / ".join(suffixes))
        return target

    def _write(self, path: Path, data: bytes, overwrite: bool, action: str,
               details: dict[str, object], rows: int) -> ExportWritten:
        """Audited in the transaction that writes the file: a failed write leaves no entry."""
        with self.db.transaction() as session:
            audit_log.append(session, self.actor.username, action, "", details)
            session.flush()
            written = self.outputs.write(path, data, overwrite=overwrite)
        return ExportWritten(written, rows)


def _enum(kind: str, value: object) -> object:
    from kdrt_desk.domain.assessment import Round
    from kdrt_desk.domain.training import AttendanceMark, SessionStatus

    enums: dict[str, Any] = {"Round": Round, "SessionStatus": SessionStatus,
                             "AttendanceMark": AttendanceMark}
    try:
        return enums[kind](value)
    except ValueError:
        return value


def _widths(columns: Sequence[str]) -> list[int]:
    wide = {"full_name": 28, "preferred_name": 18, "module_title": 28, "group": 22,
            "reason": 24, "kecamatan": 16, "nik": 19, "phone": 16, "status": 18,
            "instrument": 14, "round": 16}
    return [wide.get(c, 13) for c in columns]


def _table(model: Any) -> Table:
    return model if isinstance(model, Table) else model.__table__


def _kept(column: Column[Any]) -> bool:
    """Every column but plain binary ones (seal ids, hashes, signatures) and the search index."""
    if isinstance(column.type, Sealed):
        return True
    return not isinstance(column.type, LargeBinary) and column.name not in SKIPPED_COLUMNS


def _dump(session: Session, model: Any) -> tuple[list[str], Iterator[list[object]]]:
    """A table's header (its column names) and rows, sealed values opened."""
    table = _table(model)
    columns = [c for c in table.columns if _kept(c)]
    identity = [table.c[name] for name in getattr(model, "__seal_identity__", ())]
    sealed = [i for i, c in enumerate(columns) if isinstance(c.type, Sealed)]
    keys = field_keys(session)
    query = select(*columns, *identity).order_by(*table.primary_key.columns)
    width = len(columns)

    def rows() -> Iterator[list[object]]:
        for raw in session.execute(query):
            row = list(raw[:width])
            ident = raw[width:]
            for i in sealed:
                row[i] = open_blob(keys, row[i], *ident)
            yield row

    return [c.name for c in columns], rows()


def _about(lang: str, actor: Actor, counts: dict[str, int]) -> Sheet:
    """The first sheet: what the file is, who made it when, and each sheet's rows."""
    made = datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    rows: list[list[object]] = [
        [text(lang, "export.about.what"), text(lang, "export.about.full")],
        [text(lang, "export.about.made_by"), actor.username],
        [text(lang, "export.about.made_at"), made],
        [text(lang, "export.about.warning"), text(lang, "export.about.keep_safe")],
        [text(lang, "export.about.ids"), text(lang, "export.about.ids_note")],
    ]
    rows += [[text(lang, f"export.sheet.{key}"), count] for key, count in counts.items()]
    return Sheet(text(lang, "export.sheet.about"),
                 [text(lang, "export.about.item"), text(lang, "export.about.value")], rows,
                 (28, 90))


__all__ = ["FULL_TABLES", "UNPROTECTED_WARNING", "ExportWritten", "WorkExportService"]
