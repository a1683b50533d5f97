"""Printing her progress report (laporan perkembangan), for her file or for her to take home.

Who may print it: anyone who sees the programme and her in it, the same rule as her training tab
(``AttendanceService.participant_progress``): staff for everyone, a facilitator for the members
of her own groups only (she runs the modules and may hand the report over at the end of one).
The parts that need more are asked for explicitly and refused with a clear message otherwise:
the questionnaire scores need the restricted key (``VIEW_RESTRICTED``: Konselor, Admin), her
income the contact key (``VIEW_CONTACT``). Her work status is read only by a role holding the
contact key; for the others that section is left out rather than shown empty.

Nothing about her case goes in (no background, risk, alerts, screening or notes); a module title
naming the centre's case work prints as its code only. The file goes through the
``OutputWriter`` (atomic, never into the data folder, replacing only when asked) and is audited
as ``progress_report_printed`` with her code and which parts were included, never a value.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.progress_report import (
    ModuleLine,
    ProgressReportData,
    ScorePoint,
    ScoreSeries,
    SkillLine,
    WorkStatus,
    improvements,
)
from kdrt_desk.domain.revealing_words import revealing
from kdrt_desk.domain.skills import SkillRubric, levels_from_json
from kdrt_desk.errors import UserError
from kdrt_desk.models import Enrolment, Module, Participant, Setting, SkillAssessment
from kdrt_desk.reports.texts import language
from kdrt_desk.security.atomic_file import OutputWriter
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.assessments import AssessmentService
from kdrt_desk.services.attendance import AttendanceService
from kdrt_desk.services.clock import local_today
from kdrt_desk.services.instruments import load_instrument
from kdrt_desk.services.livelihoods import LivelihoodService


def printable(value: str) -> str:
    """``value``, or "" when it names the centre's case work (``domain.revealing_words``)."""
    return "" if revealing(value) else value


class ProgressReportService:
    def __init__(self, db: Database, actor: Actor, outputs: OutputWriter | None = None) -> None:
        self.db = db
        self.actor = actor
        self._outputs = outputs

    @property
    def outputs(self) -> OutputWriter:
        if self._outputs is None:
            raise RuntimeError("ProgressReportService built without an OutputWriter")
        return self._outputs

    @property
    def may_include_scores(self) -> bool:
        return self.actor.may(Permission.VIEW_RESTRICTED)

    @property
    def may_include_income(self) -> bool:
        return self.actor.may(Permission.VIEW_CONTACT)

    def data(self, participant_id: int, *, include_scores: bool = False,
             include_income: bool = False, for_her: bool = False) -> ProgressReportData:
        """What her report holds; a part the role may not print is refused (``UserError``)."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        if include_scores and not self.may_include_scores:
            raise UserError("error.progress_scores_refused", field="include_scores")
        if include_income and not self.may_include_income:
            raise UserError("error.progress_income_refused", field="include_income")
        # her modules first: it refuses a facilitator a woman outside her groups
        progress = AttendanceService(self.db, self.actor).participant_progress(participant_id)
        with self.db.reading() as session:
            person = session.get(Participant, participant_id)
            if person is None:
                raise UserError("error.participant_unknown")
            if person.anonymised_on is not None:
                raise UserError("error.participant_anonymised")
            name = " ".join((person.preferred_name or "").split()) or person.full_name
            code = person.code
            start = session.scalar(select(func.min(Enrolment.enrolled_on)).where(
                Enrolment.participant_id == participant_id))
            module_ids = [p.module_id for p in progress]
            titles = {m: (c, printable(t)) for m, c, t in session.execute(
                select(Module.id, Module.code, Module.title).where(Module.id.in_(module_ids)))}
            rubrics = dict(session.execute(select(Module.id, Module.skill_rubric).where(
                Module.id.in_(module_ids))).all())
            passed = session.scalars(select(SkillAssessment).where(
                SkillAssessment.participant_id == participant_id,
                SkillAssessment.module_id.in_(module_ids),
                SkillAssessment.passed.is_(True)).order_by(
                SkillAssessment.assessed_on, SkillAssessment.id)).all()
            skills = tuple(SkillLine(" ".join(x for x in titles[row.module_id] if x),
                                     row.assessed_on, _levels(rubrics.get(row.module_id, ""),
                                                              row.levels))
                           for row in passed)
        modules = tuple(ModuleLine(p.module_code, titles.get(p.module_id, ("", ""))[1],
                                   p.attended, p.held, p.completed) for p in progress)
        scores = self._scores(participant_id) if include_scores else ()
        status: WorkStatus | None = None
        if self.may_include_income:
            records = LivelihoodService(self.db, self.actor).records(participant_id)
            if records:
                last = records[-1]
                status = WorkStatus(last.recorded_on, last.status, last.business_kind,
                                    last.monthly_income if include_income else None)
        return ProgressReportData(
            name=name, code=code, period_start=start, period_end=local_today(),
            modules=modules, skills=skills, scores=scores, scores_shown=include_scores,
            status=status,
            status_shown=self.may_include_income, for_her=for_her,
            improvements=improvements(modules, skills, scores))

    def write(self, participant_id: int, path: Path, *, lang: str, include_scores: bool,
              include_income: bool, for_her: bool = False, overwrite: bool = False) -> Path:
        """Write her report in ``lang`` to ``path`` (atomically, audited); returns the path
        written. Nothing is written or audited when a part or the path is refused."""
        chosen = language(lang)
        report = self.data(participant_id, include_scores=include_scores,
                           include_income=include_income, for_her=for_her)
        self.outputs.check(Path(path), overwrite=overwrite)
        data = self._pdf(report, chosen)
        with self.db.transaction() as session:
            # the entry commits only if the file was written (a failed write rolls it back)
            self._audit(session, report, chosen, include_scores, include_income, for_her, {})
            return self.outputs.write(Path(path), data, overwrite=overwrite)

    def pdf(self, participant_id: int, *, lang: str, include_scores: bool,
            include_income: bool, for_her: bool = False) -> bytes:
        """The report ``write`` saves, as bytes for the preview (not audited: it stays on the
        screen; ``record_printed`` audits a printout)."""
        report = self.data(participant_id, include_scores=include_scores,
                           include_income=include_income, for_her=for_her)
        return self._pdf(report, language(lang))

    def record_printed(self, participant_id: int, *, lang: str, include_scores: bool,
                       include_income: bool, for_her: bool = False) -> None:
        """Audit that her report went to a printer: the entry a saved file gets, plus
        ``{"via": "printer"}``."""
        report = self.data(participant_id, include_scores=include_scores,
                           include_income=include_income, for_her=for_her)
        with self.db.transaction() as session:
            self._audit(session, report, language(lang), include_scores, include_income,
                        for_her, {"via": "printer"})

    def _pdf(self, report: ProgressReportData, chosen: str) -> bytes:
        from kdrt_desk.reports.progress_report import progress_report_pdf  # reportlab on use

        with self.db.reading() as session:
            centre = dict(session.execute(select(Setting.key, Setting.value).where(
                Setting.key.in_(("centre_name", "centre_address")))).all())
        return progress_report_pdf(report, lang=chosen,
                                   centre_name=printable(centre.get("centre_name", "") or ""),
                                   centre_address=centre.get("centre_address", "") or "")

    def _audit(self, session: Session, report: ProgressReportData, chosen: str,
               include_scores: bool, include_income: bool, for_her: bool,
               extra: dict[str, object]) -> None:
        audit_log.append(session, self.actor.username, "progress_report_printed",
                         report.code, {"for_her": for_her, "lang": chosen,
                                       "scores": include_scores, "income": include_income,
                                       "status": report.status_shown, **extra})

    def _scores(self, participant_id: int) -> tuple[ScoreSeries, ...]:
        views = AssessmentService(self.db, self.actor).for_participant(participant_id)
        points: dict[str, list[ScorePoint]] = defaultdict(list)
        newest: dict[str, int] = {}
        for view in views:  # oldest first
            if view.score is None or view.score.value is None:
                continue  # too many items missing: no score to draw
            points[view.instrument_code].append(ScorePoint(view.assessed_on,
                                                           float(view.score.value)))
            newest[view.instrument_code] = max(newest.get(view.instrument_code, 0),
                                               view.instrument_version)
        found: list[ScoreSeries] = []
        with self.db.reading() as session:
            for code in sorted(points):
                instrument = load_instrument(session, code, newest[code])
                low, high = instrument.value_range
                found.append(ScoreSeries(instrument.name_id, instrument.name_en, low, high,
                                         instrument.value_unit, tuple(points[code])))
        return tuple(found)


def _levels(rubric_json: str, levels_json: str) -> tuple[tuple[str, str], ...]:
    """(criterion, level in words) of an assessment, when the module's rubric still fits it."""
    try:
        rubric = SkillRubric.from_json(rubric_json or "")
    except UserError:
        return ()
    levels = levels_from_json(levels_json)
    if rubric is None or len(levels) != len(rubric.criteria):
        return ()
    return tuple((c.name, c.label(level)) for c, level in zip(rubric.criteria, levels,
                                                              strict=True) if c.label(level))
