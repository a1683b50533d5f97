"""Roll-call (daftar hadir), progress per participant and module, and skill assessments.

Each mark is saved on its own as it is given, so a roll-call interrupted half-way keeps what was
taken. The first mark of a session makes it "held". A facilitator marks only her own sessions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.skills import SkillRubric, levels_from_json, levels_to_json
from kdrt_desk.domain.text import reject_control_characters
from kdrt_desk.domain.training import (
    AttendanceMark,
    GroupProgress,
    MemberProgress,
    ModuleProgress,
    RollCallRow,
    SessionStatus,
    SignInSheet,
)
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.models import (
    Attendance,
    Enrolment,
    GroupModule,
    Module,
    Participant,
    SkillAssessment,
    TrainingGroup,
    TrainingSession,
)
from kdrt_desk.repositories import attendance
from kdrt_desk.repositories.attendance import members_on
from kdrt_desk.security.atomic_file import OutputWriter
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.clock import local_today
from kdrt_desk.services.programme_access import own_facilitator_id, own_group_ids, sees_all
from kdrt_desk.services.programme_validation import one_line

REASON_LIMIT = 200


class AttendanceService:
    def __init__(self, db: Database, actor: Actor, outputs: OutputWriter | None = None) -> None:
        self.db = db
        self.actor = actor
        self._outputs = outputs

    @property
    def outputs(self) -> OutputWriter:
        if self._outputs is None:
            raise RuntimeError("AttendanceService built without an OutputWriter")
        return self._outputs

    # -- roll-call -----------------------------------------------------------------------------
    def roll_call(self, session_id: int, preferred_names: bool = False) -> list[RollCallRow]:
        """The members on the session's day (and anyone already marked), by name."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            row = self._session(session, session_id)
            return attendance.roll_call(session, session_id, row.group_id, row.session_date,
                                        preferred_names)

    def mark(self, session_id: int, participant_id: int, mark: AttendanceMark | str,
             reason: str = "", today: date | None = None) -> None:
        """Save one mark now (present, late, excused with a reason, absent)."""
        self.actor.require(Permission.TAKE_ATTENDANCE)
        try:
            value = AttendanceMark(mark)
        except ValueError:
            raise ValidationError([UserError("error.choice_unknown", field="mark")]) from None
        bad = reject_control_characters("reason", reason or "")
        if bad:
            raise ValidationError(bad)
        clean_reason = one_line(reason)
        if value == AttendanceMark.EXCUSED and not clean_reason:
            raise ValidationError([UserError("error.excuse_reason_required", field="reason")])
        if len(clean_reason) > REASON_LIMIT:
            raise ValidationError([UserError("error.too_long", field="reason",
                                             limit=REASON_LIMIT)])
        with self.db.transaction() as session:
            row = self._markable(session, session_id, today or local_today())
            member = session.scalar(select(Enrolment.id).where(
                members_on(row.group_id, row.session_date),
                Enrolment.participant_id == participant_id).limit(1))
            existing = session.scalar(select(Attendance).where(
                Attendance.session_id == session_id,
                Attendance.participant_id == participant_id))
            if member is None and existing is None:
                raise UserError("error.not_a_member_that_day")
            now = datetime.now(UTC)
            if existing is None:
                session.add(Attendance(session_id=session_id, participant_id=participant_id,
                                       mark=value.value, reason=clean_reason,
                                       marked_by=self.actor.username, marked_at=now))
            elif existing.mark != value.value or existing.reason != clean_reason:
                audit_log.append(session, self.actor.username, "attendance_corrected",
                                 f"session:{session_id}",
                                 {"participant_id": participant_id, "from": existing.mark,
                                  "to": value.value})
                existing.mark, existing.reason = value.value, clean_reason
                existing.marked_by, existing.marked_at = self.actor.username, now
            if row.status != SessionStatus.HELD.value:
                row.status = SessionStatus.HELD.value
                audit_log.append(session, self.actor.username, "attendance_taken",
                                 f"session:{session_id}")

    def mark_rest_present(self, session_id: int, today: date | None = None) -> int:
        """Mark everyone not yet marked as present; returns how many were marked."""
        self.actor.require(Permission.TAKE_ATTENDANCE)
        with self.db.transaction() as session:
            row = self._markable(session, session_id, today or local_today())
            marked = select(Attendance.participant_id).where(
                Attendance.session_id == session_id)
            missing = list(session.scalars(select(Enrolment.participant_id).where(
                members_on(row.group_id, row.session_date),
                Enrolment.participant_id.not_in(marked)).distinct()))
            now = datetime.now(UTC)
            session.add_all(Attendance(session_id=session_id, participant_id=pid,
                                       mark=AttendanceMark.PRESENT.value, reason="",
                                       marked_by=self.actor.username, marked_at=now)
                            for pid in missing)
            if missing and row.status != SessionStatus.HELD.value:
                row.status = SessionStatus.HELD.value
                audit_log.append(session, self.actor.username, "attendance_taken",
                                 f"session:{session_id}")
            return len(missing)

    def sign_in_sheet(self, session_id: int, preferred_names: bool = False) -> SignInSheet:
        """The data of a session's sign-in sheet (daftar hadir)."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        rows = self.roll_call(session_id, preferred_names)
        with self.db.reading() as session:
            row = self._session(session, session_id)
            found = attendance.sheet_names(session, session_id)
            centre = attendance.centre(session)
            return SignInSheet(
                centre_name=centre.get("centre_name", ""),
                centre_address=centre.get("centre_address", ""), session_id=session_id,
                module=f"{found[1]} {found[2]}", group=found[0], session_date=row.session_date,
                start_time=row.start_time, end_time=row.end_time, venue=found[3],
                facilitator=found[4], topic=row.topic, names=[r.name for r in rows])

    def print_sign_in_sheet(self, session_id: int, path: Path, preferred_names: bool = False,
                            lang: str | None = None, overwrite: bool = False) -> int:
        """Write one session's sheet to ``path``; returns how many names it lists."""
        return self.print_sign_in_sheets([session_id], path, preferred_names, lang,
                                         overwrite=overwrite)

    def print_sign_in_sheets(self, session_ids: Sequence[int], path: Path,
                             preferred_names: bool = False, lang: str | None = None,
                             report: Callable[[int, int], bool] | None = None,
                             overwrite: bool = False) -> int:
        """Write the sheets of several sessions into one PDF at ``path`` (atomically), then
        audit that their names left the vault. Returns how many names they list in all.

        ``report(done, total)`` hears of each sheet read; when it returns False (the user
        cancelled) nothing is written and ``error.cancelled`` is raised. A file that cannot be
        written is a user error.
        """
        if not list(dict.fromkeys(session_ids)):
            raise UserError("error.no_session_chosen")
        self.outputs.check(path, overwrite=overwrite)  # told before the work, not after
        data, sheets = self._sign_in_sheets(session_ids, preferred_names, lang, report)
        self.outputs.write(path, data, overwrite=overwrite)
        self._audit_sheets(sheets, {})
        if report is not None:
            report(len(sheets) + 1, len(sheets) + 1)
        return sum(len(sheet.names) for sheet in sheets)

    def sign_in_sheets_pdf(self, session_ids: Sequence[int], preferred_names: bool = False,
                           lang: str | None = None,
                           report: Callable[[int, int], bool] | None = None) -> bytes:
        """The same PDF as ``print_sign_in_sheets`` as bytes, for the preview (not audited: it
        stays on the screen; ``record_sign_in_sheets_printed`` audits a printout)."""
        return self._sign_in_sheets(session_ids, preferred_names, lang, report)[0]

    def record_sign_in_sheets_printed(self, session_ids: Sequence[int],
                                      preferred_names: bool = False) -> None:
        """Audit that the sheets went to a printer (``{"via": "printer"}``), one entry a
        session as for a saved file."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        sheets = [self.sign_in_sheet(i, preferred_names) for i in dict.fromkeys(session_ids)]
        self._audit_sheets(sheets, {"via": "printer"})

    def _sign_in_sheets(self, session_ids: Sequence[int], preferred_names: bool,
                        lang: str | None, report: Callable[[int, int], bool] | None
                        ) -> tuple[bytes, list[SignInSheet]]:
        from kdrt_desk.reports.sign_in_sheet import build_sign_in_sheets

        ids = list(dict.fromkeys(session_ids))
        if not ids:
            raise UserError("error.no_session_chosen")
        sheets = []
        for done, session_id in enumerate(ids, start=1):
            sheets.append(self.sign_in_sheet(session_id, preferred_names))
            if report is not None and not report(done, len(ids) + 1):
                raise UserError("error.cancelled")
        return build_sign_in_sheets(sheets, lang), sheets

    def _audit_sheets(self, sheets: Sequence[SignInSheet], extra: dict[str, object]) -> None:
        with self.db.transaction() as session:
            for sheet in sheets:
                audit_log.append(session, self.actor.username, "sign_in_sheet_printed",
                                 f"session:{sheet.session_id}",
                                 {"rows": len(sheet.names), **extra})

    # -- progress -----------------------------------------------------------------------------
    def group_progress(self, group_id: int) -> GroupProgress:
        """Everyone in the group (active or completed) across the group's modules."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            group = session.get(TrainingGroup, group_id)
            if group is None:
                raise UserError("error.group_unknown")
            if not sees_all(self.actor) and group_id not in own_group_ids(session, self.actor):
                raise PermissionDeniedError()
            modules = attendance.group_modules(session, group_id)
            people = attendance.group_people(session, group_id)
            progress = attendance.progress(session, [p[0] for p in people],
                                           [m[0] for m in modules])
        members = [MemberProgress(pid, code, name, progress.get(pid, {}))
                   for pid, code, name in people]
        return GroupProgress(group_id, modules, members)

    def participant_progress(self, participant_id: int) -> list[ModuleProgress]:
        """Her progress in every module of every group she was in."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            if not self.actor.may(Permission.VIEW_ALL_PARTICIPANTS):
                groups = own_group_ids(session, self.actor)
                if not session.scalar(select(Enrolment.id).where(
                        Enrolment.participant_id == participant_id,
                        Enrolment.group_id.in_(groups)).limit(1)):
                    raise PermissionDeniedError()
            modules = attendance.participant_modules(session, participant_id)
            found = attendance.progress(session, [participant_id], modules).get(participant_id,
                                                                                 {})
        return sorted(found.values(), key=lambda p: p.module_code)

    def record_assessment(self, participant_id: int, module_id: int, passed: bool = False,
                          on: date | None = None, score: int | None = None,
                          levels: Sequence[int | None] | None = None) -> bool:
        """Her skill assessment for a module (a new one replaces the last); returns whether
        she passed.

        When the module has a skill rubric, ``levels`` gives the level reached on each of its
        criteria (each must exist) and ``passed`` is computed from them, never taken as typed;
        without a rubric ``passed`` is recorded as given and ``levels`` must be left out.
        """
        self.actor.require(Permission.TAKE_ATTENDANCE)
        day = on or local_today()
        errors: list[UserError] = []
        if day > local_today():
            errors.append(UserError("error.date_future", field="on"))
        if score is not None and not 0 <= score <= 100:
            errors.append(UserError("error.number_range", field="score", low=0, high=100))
        if errors:
            raise ValidationError(errors)
        with self.db.transaction() as session:
            groups = select(GroupModule.group_id).where(GroupModule.module_id == module_id)
            enrolled = select(Enrolment.id).where(Enrolment.participant_id == participant_id,
                                                  Enrolment.group_id.in_(groups))
            if not sees_all(self.actor):
                enrolled = enrolled.where(Enrolment.group_id.in_(
                    own_group_ids(session, self.actor)))
            if session.scalar(enrolled.limit(1)) is None:
                raise UserError("error.assessment_not_in_module")
            rubric = SkillRubric.from_json(session.scalar(
                select(Module.skill_rubric).where(Module.id == module_id)) or "")
            reached: tuple[int, ...] = ()
            if rubric is not None:
                if levels is None:
                    raise UserError("error.skill_levels_required")
                reached = rubric.check_levels(list(levels))
                passed = rubric.passed(reached)
            elif levels is not None:
                raise UserError("error.skill_levels_without_rubric")
            row = session.scalar(select(SkillAssessment).where(
                SkillAssessment.participant_id == participant_id,
                SkillAssessment.module_id == module_id))
            if row is None:
                row = SkillAssessment(participant_id=participant_id, module_id=module_id)
                session.add(row)
            row.passed, row.assessed_on, row.score = bool(passed), day, score
            row.recorded_by = self.actor.username
            row.levels = levels_to_json(reached) if rubric is not None else ""
            code = session.scalar(select(Participant.code).where(
                Participant.id == participant_id)) or ""
            audit_log.append(session, self.actor.username, "skill_assessed", code,
                             {"module_id": module_id, "passed": bool(passed)})
            return bool(passed)

    def assessment_levels(self, participant_id: int, module_id: int) -> tuple[int, ...]:
        """The levels her last assessment of the module recorded (empty: none, or no rubric)."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            if not sees_all(self.actor) and not session.scalar(select(Enrolment.id).where(
                    Enrolment.participant_id == participant_id,
                    Enrolment.group_id.in_(own_group_ids(session, self.actor))).limit(1)):
                raise PermissionDeniedError()
            return levels_from_json(session.scalar(select(SkillAssessment.levels).where(
                SkillAssessment.participant_id == participant_id,
                SkillAssessment.module_id == module_id)) or "")

    # -- helpers -------------------------------------------------------------------------------
    def _session(self, session: Session, session_id: int) -> TrainingSession:
        row = session.get(TrainingSession, session_id)
        if row is None:
            raise UserError("error.session_unknown")
        if not sees_all(self.actor) and row.facilitator_id != own_facilitator_id(
                session, self.actor):
            raise PermissionDeniedError()
        return row

    def _markable(self, session: Session, session_id: int, today: date) -> TrainingSession:
        row = self._session(session, session_id)
        if row.status == SessionStatus.CANCELLED.value:
            raise UserError("error.attendance_cancelled_session")
        if row.session_date > today:
            raise UserError("error.attendance_future_session")
        return row
