"""The schedule's outputs: a group's term (PDF grid and list, Excel), a facilitator's sessions
(PDF, iCalendar) and a participant's card (PDF, discreet by default).

Sessions come through ``SessionService.sessions`` (so a facilitator reads only the sessions
she leads); every file goes through the ``OutputWriter`` (atomic, never into the data folder,
replacing a file only when asked) and is audited as ``schedule_exported`` with its kind and
format, never a name.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.training import SessionQuery, SessionStatus, SessionView
from kdrt_desk.errors import PermissionDeniedError, UserError
from kdrt_desk.models import Enrolment, Facilitator, Participant, Setting, TrainingGroup, Venue
from kdrt_desk.reports.schedule_data import Schedule, ScheduleCard, ScheduleRow
from kdrt_desk.security.atomic_file import OutputWriter
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.programme_access import own_facilitator_id, own_group_ids, sees_all
from kdrt_desk.services.programme_validation import one_line
from kdrt_desk.services.sessions import SessionService

GROUP_FORMATS = ("pdf", "xlsx")
FACILITATOR_FORMATS = ("pdf", "ics")


class ScheduleExportService:
    def __init__(self, db: Database, actor: Actor, outputs: OutputWriter | None = None) -> None:
        self.db = db
        self.actor = actor
        self._outputs = outputs
        self._sessions = SessionService(db, actor)

    @property
    def outputs(self) -> OutputWriter:
        if self._outputs is None:
            raise RuntimeError("ScheduleExportService built without an OutputWriter")
        return self._outputs

    # -- finding what to export ----------------------------------------------------------------
    def group_id_named(self, name: str) -> int:
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            found = session.scalar(select(TrainingGroup.id).where(
                func.lower(TrainingGroup.name) == one_line(name).lower()))
        if found is None:
            raise UserError("error.group_unknown")
        return int(found)

    def facilitator_id_named(self, name: str) -> int:
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            found = list(session.scalars(select(Facilitator.id).where(
                func.lower(Facilitator.name) == one_line(name).lower())))
        if len(found) != 1:
            raise UserError("error.facilitator_unknown")
        return int(found[0])

    def participant_id_coded(self, code: str) -> int:
        self.actor.require(Permission.VIEW_CONTACT)
        with self.db.reading() as session:
            found = session.scalar(select(Participant.id).where(
                func.upper(Participant.code) == code.strip().upper()))
        if found is None:
            raise UserError("error.participant_unknown")
        return int(found)

    # -- the data ------------------------------------------------------------------------------
    def group_schedule(self, group_id: int, start: date | None = None,
                       end: date | None = None) -> Schedule:
        """The group's sessions from ``start`` to ``end`` (default: the group's period); a
        facilitator reads only her own groups, and in them only the sessions she leads."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            group = session.get(TrainingGroup, group_id)
            if group is None:
                raise UserError("error.group_unknown")
            if not sees_all(self.actor) and group_id not in own_group_ids(session, self.actor):
                raise PermissionDeniedError()
            name, first, last = group.name, group.start_date, group.end_date
        start = start or first
        end = end or last
        views = self._sessions.sessions(SessionQuery(group_id=group_id, start=start, end=end))
        return self._schedule("group", name, start, end, views)

    def facilitator_schedule(self, facilitator_id: int | None = None, start: date | None = None,
                             end: date | None = None) -> Schedule:
        """Her sessions (``None``: the logged-in facilitator's own); a facilitator may read
        only her own schedule."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            mine = own_facilitator_id(session, self.actor)
            chosen = facilitator_id if facilitator_id is not None else mine
            if chosen is None:
                raise UserError("error.facilitator_unknown")
            if not sees_all(self.actor) and chosen != mine:
                raise PermissionDeniedError()
            row = session.get(Facilitator, chosen)
            if row is None:
                raise UserError("error.facilitator_unknown")
            name = row.name
        views = self._sessions.sessions(SessionQuery(facilitator_id=chosen, start=start,
                                                     end=end))
        return self._schedule("facilitator", name, start, end, views)

    def participant_card(self, participant_id: int, start: date | None = None,
                         end: date | None = None, discreet: bool = True,
                         preferred_name: bool = False) -> ScheduleCard:
        """Her own sessions (of the groups she is a member of on each session's day, none
        cancelled); refused for an anonymised participant."""
        self.actor.require(Permission.VIEW_CONTACT)
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            person = session.get(Participant, participant_id)
            if person is None:
                raise UserError("error.participant_unknown")
            if person.anonymised_on is not None:
                raise UserError("error.schedule_card_anonymised")
            name = (person.preferred_name if preferred_name and person.preferred_name.strip()
                    else person.full_name)
            memberships = list(session.execute(
                select(Enrolment.group_id, Enrolment.enrolled_on, Enrolment.ended_on)
                .where(Enrolment.participant_id == participant_id)))
        views: list[SessionView] = []
        for group_id in sorted({m[0] for m in memberships}):
            spans = [(on, off) for g, on, off in memberships if g == group_id]
            views += [v for v in self._sessions.sessions(SessionQuery(
                group_id=group_id, start=start, end=end))
                if v.status is not SessionStatus.CANCELLED and v.session_date is not None
                and any(on <= v.session_date and (off is None or v.session_date <= off)
                        for on, off in spans)]
        views.sort(key=lambda v: (v.session_date, v.start_time, v.id))
        schedule = self._schedule("participant", "", start, end, views)
        return ScheduleCard(name=name, rows=schedule.rows, discreet=discreet,
                            centre_name="" if discreet else schedule.centre_name,
                            centre_address="" if discreet else schedule.centre_address)

    # -- writing -------------------------------------------------------------------------------
    def export_group(self, group_id: int, path: Path, fmt: str = "pdf",
                     start: date | None = None, end: date | None = None,
                     lang: str | None = None, overwrite: bool = False) -> int:
        """Write the group's schedule as ``pdf`` or ``xlsx``; returns how many sessions."""
        if fmt not in GROUP_FORMATS:
            raise ValueError(f"unsupported format for a group: {fmt}")
        self.outputs.check(path, overwrite=overwrite)
        schedule = self.group_schedule(group_id, start, end)
        if fmt == "pdf":
            from kdrt_desk.reports.schedule_pdf import build_schedule_pdf

            data = build_schedule_pdf(schedule, lang)
        else:
            from kdrt_desk.reports.schedule_xlsx import build_schedule_xlsx

            data = build_schedule_xlsx(schedule, lang)
        return self._write(path, data, overwrite, "group", fmt, f"group:{group_id}",
                           len(schedule.rows))

    def export_facilitator(self, facilitator_id: int | None, path: Path, fmt: str = "pdf",
                           start: date | None = None, end: date | None = None,
                           lang: str | None = None, overwrite: bool = False,
                           now: datetime | None = None) -> int:
        """Write her schedule as ``pdf`` or ``ics``; returns how many sessions."""
        if fmt not in FACILITATOR_FORMATS:
            raise ValueError(f"unsupported format for a facilitator: {fmt}")
        self.outputs.check(path, overwrite=overwrite)
        schedule = self.facilitator_schedule(facilitator_id, start, end)
        if fmt == "pdf":
            from kdrt_desk.reports.schedule_pdf import build_schedule_pdf

            data = build_schedule_pdf(schedule, lang)
        else:
            from kdrt_desk.reports.schedule_ics import build_schedule_ics

            data = build_schedule_ics(schedule, self.uid_domain(), lang, now)
        with self.db.reading() as session:
            target = facilitator_id if facilitator_id is not None else own_facilitator_id(
                session, self.actor)
        return self._write(path, data, overwrite, "facilitator", fmt, f"facilitator:{target}",
                           len(schedule.rows))

    def export_participant_card(self, participant_id: int, path: Path,
                                start: date | None = None, end: date | None = None,
                                discreet: bool = True, preferred_name: bool = False,
                                lang: str | None = None, overwrite: bool = False) -> int:
        """Write her one-page card (PDF); returns how many sessions it lists."""
        from kdrt_desk.reports.schedule_card import build_schedule_card

        self.outputs.check(path, overwrite=overwrite)
        card = self.participant_card(participant_id, start, end, discreet, preferred_name)
        return self._write(path, build_schedule_card(card, lang), overwrite, "participant",
                           "pdf", f"participant:{participant_id}", len(card.rows),
                           discreet=discreet)

    def uid_domain(self) -> str:
        """The calendar UIDs' right-hand side: this vault's id prefix, no name."""
        with self.db.reading() as session:
            vault_id = session.scalar(select(Setting.value).where(Setting.key == "vault_id"))
        prefix = "".join(c for c in (vault_id or "") if c.isalnum())[:8].lower() or "vault"
        return f"{prefix}.kdrt-desk"

    # -- preview and printer ---------------------------------------------------------------
    def group_pdf(self, group_id: int, start: date | None = None, end: date | None = None,
                  lang: str | None = None) -> bytes:
        """The group's PDF ``export_group`` saves, as bytes for the preview (not audited:
        it stays on the screen; ``record_group_printed`` audits a printout)."""
        from kdrt_desk.reports.schedule_pdf import build_schedule_pdf

        return build_schedule_pdf(self.group_schedule(group_id, start, end), lang)

    def facilitator_pdf(self, facilitator_id: int | None, start: date | None = None,
                        end: date | None = None, lang: str | None = None) -> bytes:
        """Her schedule's PDF as ``export_facilitator`` saves it, as bytes for the preview."""
        from kdrt_desk.reports.schedule_pdf import build_schedule_pdf

        return build_schedule_pdf(self.facilitator_schedule(facilitator_id, start, end), lang)

    def participant_card_pdf(self, participant_id: int, start: date | None = None,
                             end: date | None = None, discreet: bool = True,
                             preferred_name: bool = False, lang: str | None = None) -> bytes:
        """Her card as ``export_participant_card`` saves it, as bytes for the preview."""
        from kdrt_desk.reports.schedule_card import build_schedule_card

        return build_schedule_card(self.participant_card(
            participant_id, start, end, discreet, preferred_name), lang)

    def record_group_printed(self, group_id: int, start: date | None = None,
                             end: date | None = None) -> None:
        """Audit a printout as a saved file is, with ``{"via": "printer"}``."""
        rows = len(self.group_schedule(group_id, start, end).rows)
        self._audit(f"group:{group_id}", "group", "pdf", rows, via="printer")

    def record_facilitator_printed(self, facilitator_id: int | None, start: date | None = None,
                                   end: date | None = None) -> None:
        rows = len(self.facilitator_schedule(facilitator_id, start, end).rows)
        with self.db.reading() as session:
            target = facilitator_id if facilitator_id is not None else own_facilitator_id(
                session, self.actor)
        self._audit(f"facilitator:{target}", "facilitator", "pdf", rows, via="printer")

    def record_participant_card_printed(self, participant_id: int, start: date | None = None,
                                        end: date | None = None, discreet: bool = True,
                                        preferred_name: bool = False) -> None:
        rows = len(self.participant_card(participant_id, start, end, discreet,
                                         preferred_name).rows)
        self._audit(f"participant:{participant_id}", "participant", "pdf", rows,
                    discreet=discreet, via="printer")

    # -- helpers -------------------------------------------------------------------------------
    def _write(self, path: Path, data: bytes, overwrite: bool, kind: str, fmt: str,
               target: str, rows: int, **extra: object) -> int:
        self.outputs.write(path, data, overwrite=overwrite)
        self._audit(target, kind, fmt, rows, **extra)
        return rows

    def _audit(self, target: str, kind: str, fmt: str, rows: int, **extra: object) -> None:
        with self.db.transaction() as session:
            audit_log.append(session, self.actor.username, "schedule_exported", target,
                             {"kind": kind, "format": fmt, "rows": rows, **extra})

    def _schedule(self, kind: str, subject: str, start: date | None, end: date | None,
                  views: list[SessionView]) -> Schedule:
        with self.db.reading() as session:
            centre = self._centre(session)
            venue_ids = {v.venue_id for v in views if v.venue_id is not None}
            addresses = dict(session.execute(select(Venue.id, Venue.address).where(
                Venue.id.in_(venue_ids))).all()) if venue_ids else {}
        rows = [ScheduleRow(
            session_id=v.id, day=v.session_date, start=v.start_time, end=v.end_time,
            group=v.group_name, module_code=v.module_code, module_title=v.module_title,
            venue=v.venue_name, venue_address=addresses.get(v.venue_id or 0, "") or "",
            facilitator=v.facilitator_name, topic=v.topic, status=v.status,
            moved_from=v.moved_from)
            for v in views
            if v.session_date is not None and v.start_time is not None
            and v.end_time is not None]
        return Schedule(kind=kind, subject=subject, centre_name=centre.get("centre_name", ""),
                        centre_address=centre.get("centre_address", ""), start=start, end=end,
                        rows=rows)

    @staticmethod
    def _centre(session: Session) -> dict[str, str]:
        return dict(session.execute(select(Setting.key, Setting.value).where(
            Setting.key.in_(("centre_name", "centre_address")))).all())
