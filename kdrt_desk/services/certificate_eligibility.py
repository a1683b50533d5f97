"""Who may have a certificate, and why: the module's completion rule (attendance and, where the
module asks for one, a passed skill assessment) or the whole programme of a group completed.

Also who is close but not yet eligible (attendance within ``CLOSE_POINTS`` of the minimum, or the
attendance met and the assessment still missing), so the admin can see whom to follow up. Each row
carries the reason in words, her attended hours and the first and last day she attended: what the
certificate prints. Anonymised women are never listed (there is no name to print).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from kdrt_desk import i18n
from kdrt_desk.domain.certificates import CertificateKind, CertificateStatus, EligibleRow
from kdrt_desk.domain.training import EnrolmentStatus, ModuleProgress, SessionStatus
from kdrt_desk.models import (
    Attendance,
    Certificate,
    Enrolment,
    GroupModule,
    Module,
    Participant,
    TrainingGroup,
    TrainingSession,
)
from kdrt_desk.repositories import attendance as attendance_rows
from kdrt_desk.repositories.attendance import ATTENDED_VALUES

CLOSE_POINTS = 15  # "close": attendance at most this many points under the minimum


def _minutes(start: object, end: object) -> int:
    day = date(2000, 1, 1)
    return max(0, int((datetime.combine(day, end) - datetime.combine(day, start))  # type: ignore[arg-type]
                      .total_seconds() // 60))


def attended_spans(session: Session, people: Iterable[int], group_ids: Iterable[int] | None = None
                   ) -> dict[tuple[int, int, int], tuple[int, date, date]]:
    """Per (participant, group, module): minutes attended, first and last day attended."""
    people = list(people)
    if not people:
        return {}
    query = (select(Attendance.participant_id, TrainingSession.group_id,
                    TrainingSession.module_id, TrainingSession.session_date,
                    TrainingSession.start_time, TrainingSession.end_time)
             .join(TrainingSession, TrainingSession.id == Attendance.session_id)
             .where(Attendance.participant_id.in_(people),
                    Attendance.mark.in_(ATTENDED_VALUES),
                    TrainingSession.status == SessionStatus.HELD.value))
    if group_ids is not None:
        query = query.where(TrainingSession.group_id.in_(list(group_ids)))
    spans: dict[tuple[int, int, int], tuple[int, date, date]] = {}
    for person, group, module, day, start, end in session.execute(query):
        minutes, first, last = spans.get((person, group, module), (0, day, day))
        spans[(person, group, module)] = (minutes + _minutes(start, end), min(first, day),
                                          max(last, day))
    return spans


def _short_by(progress: ModuleProgress) -> int:
    """How many more of the sessions held she would have needed to attend (0: enough)."""
    for more in range(progress.held - progress.attended + 1):
        if round(100 * (progress.attended + more) / progress.held) >= progress.min_pct:
            return more
    return progress.held - progress.attended


def _reason(progress: ModuleProgress) -> str:
    parts = [i18n.t("certificate.reason.attendance", attended=progress.attended,
                    held=progress.held, percent=progress.percent, minimum=progress.min_pct)]
    if progress.held and not progress.meets_attendance:
        parts.append(i18n.t("certificate.reason.short", count=_short_by(progress)))
    if progress.assessment_required:
        key = {True: "certificate.reason.assessment_passed",
               False: "certificate.reason.assessment_failed",
               None: "certificate.reason.assessment_missing"}[progress.assessment_passed]
        parts.append(i18n.t(key))
    return "; ".join(parts)


def _close(progress: ModuleProgress) -> bool:
    if progress.completed or not progress.held:
        return False
    if progress.meets_attendance:
        return True  # only the skill assessment is missing
    return progress.percent >= progress.min_pct - CLOSE_POINTS


def eligibility(session: Session, *, programme_name: str,
                module_id: int | None = None, group_id: int | None = None,
                include_close: bool = True) -> list[EligibleRow]:
    """Eligible rows first, then those close to it; by group, module and name."""
    query = (select(Enrolment.participant_id, Enrolment.group_id, Enrolment.status,
                    TrainingGroup.name, Participant.code, Participant.full_name,
                    Participant.preferred_name)
             .join(TrainingGroup, TrainingGroup.id == Enrolment.group_id)
             .join(Participant, Participant.id == Enrolment.participant_id)
             .where(Participant.anonymised_on.is_(None)))
    if group_id is not None:
        query = query.where(Enrolment.group_id == group_id)
    enrolments = session.execute(query).all()
    if not enrolments:
        return []
    people = sorted({row[0] for row in enrolments})
    groups = sorted({row[1] for row in enrolments})
    group_modules: dict[int, list[int]] = defaultdict(list)
    for gid, mid in session.execute(select(GroupModule.group_id, GroupModule.module_id)
                                    .where(GroupModule.group_id.in_(groups))
                                    .order_by(GroupModule.group_id, GroupModule.position)):
        group_modules[gid].append(mid)
    modules = {m: (code, title) for m, code, title in session.execute(
        select(Module.id, Module.code, Module.title)
        .where(Module.id.in_({m for ms in group_modules.values() for m in ms})))}
    wanted = [m for m in modules if module_id is None or m == module_id]
    progress = attendance_rows.progress(session, people, wanted) if wanted else {}
    spans = attended_spans(session, people, groups)
    held = _valid_held(session, people)
    rows: list[EligibleRow] = []
    seen: set[tuple[int, int]] = set()  # a module's progress counts all her groups: list it once
    for pid, gid, status, gname, code, full_name, preferred in enrolments:
        for mid in group_modules.get(gid, []):
            if mid not in wanted or (pid, mid) in seen:
                continue
            mine = progress.get(pid, {}).get(mid)
            if mine is None or not (mine.completed or (include_close and _close(mine))):
                continue
            seen.add((pid, mid))
            minutes, first, last = _span(spans, pid, mid)
            mcode, title = modules[mid]
            rows.append(EligibleRow(
                pid, code, full_name, preferred or "", CertificateKind.MODULE, mid, mcode,
                title, gid, gname, mine.completed, _reason(mine), mine.attended,
                mine.held, mine.percent, round(minutes / 60), first, last,
                held.get((pid, mid, None), "")))
        if module_id is None and status == EnrolmentStatus.COMPLETED.value:
            minutes, first, last = _group_span(spans, pid, gid)
            rows.append(EligibleRow(
                pid, code, full_name, preferred or "", CertificateKind.PROGRAMME, None, "",
                programme_name, gid, gname, True, i18n.t("certificate.reason.programme"),
                hours=round(minutes / 60), first_date=first, last_date=last,
                existing_serial=held.get((pid, None, gid), "")))
    rows.sort(key=lambda r: (not r.eligible, r.group_name.casefold(), r.module_code,
                             r.name.casefold()))
    return rows


def _span(spans: dict[tuple[int, int, int], tuple[int, date, date]], pid: int, mid: int
          ) -> tuple[int, date | None, date | None]:
    found = [v for (p, _g, m), v in spans.items() if p == pid and m == mid]
    if not found:
        return 0, None, None
    return (sum(v[0] for v in found), min(v[1] for v in found), max(v[2] for v in found))


def _group_span(spans: dict[tuple[int, int, int], tuple[int, date, date]], pid: int, gid: int
                ) -> tuple[int, date | None, date | None]:
    found = [v for (p, g, _m), v in spans.items() if p == pid and g == gid]
    if not found:
        return 0, None, None
    return (sum(v[0] for v in found), min(v[1] for v in found), max(v[2] for v in found))


def _valid_held(session: Session, people: list[int]
                ) -> dict[tuple[int | None, int | None, int | None], str]:
    """Her valid certificates: (participant, module, None) for a module's, (participant, None,
    group) for a programme's, to its serial."""
    held: dict[tuple[int | None, int | None, int | None], str] = {}
    for pid, kind, mid, gid, serial in session.execute(
            select(Certificate.participant_id, Certificate.kind, Certificate.module_id,
                   Certificate.group_id, Certificate.serial)
            .where(Certificate.participant_id.in_(people),
                   Certificate.status == CertificateStatus.VALID.value)):
        if kind == CertificateKind.MODULE.value:
            held[(pid, mid, None)] = serial
        else:
            held[(pid, None, gid)] = serial
    return held


def valid_certificate(session: Session, participant_id: int, module_id: int | None,
                      group_id: int) -> Certificate | None:
    """Her valid certificate for this module (or this group's programme), if she has one."""
    same = (and_(Certificate.kind == CertificateKind.MODULE.value,
                 Certificate.module_id == module_id) if module_id is not None
            else and_(Certificate.kind == CertificateKind.PROGRAMME.value,
                      Certificate.group_id == group_id))
    return session.scalar(select(Certificate).where(
        Certificate.participant_id == participant_id,
        Certificate.status == CertificateStatus.VALID.value, same).limit(1))
