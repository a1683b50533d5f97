"""Alerts raised by an assessment's alert items (an answer on self-harm at or above its level):
who must act, the banner at login, acknowledging one ("saya tangani") and recording what was
done, which closes it; and the alerts nobody acknowledged within one working day, which the
admin's dashboard shows. Everything about an alert is sealed under the restricted key: only
Admin and Konselor read them. Acknowledging and closing are audited without naming her."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.assessment import AlertView, add_working_days
from kdrt_desk.domain.enums import Role
from kdrt_desk.domain.text import reject_control_characters
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import language
from kdrt_desk.models import AssessmentAlert, Participant
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.instruments import load_instrument

ACTION_LIMIT = 2000
ACK_WORKING_DAYS = 1


def _moment(value: object) -> datetime | None:
    return datetime.fromisoformat(str(value)) if value else None


def _names(value: object) -> tuple[str, ...]:
    return tuple(str(u) for u in value) if isinstance(value, list) else ()


def _views(session: Session, rows: list[AssessmentAlert]) -> list[AlertView]:
    raised = [(r, r.raised) for r in rows if isinstance(r.raised, dict)]
    ids = {int(str(d["participant_id"])) for _, d in raised}
    people = {p.id: p for p in session.scalars(select(Participant).where(
        Participant.id.in_(ids)))} if ids else {}
    lang = language()
    views: list[AlertView] = []
    for row, data in raised:
        person = people.get(int(str(data["participant_id"])))
        if person is None:
            continue
        item = int(str(data["item"]))
        try:
            instrument = load_instrument(session, str(data["instrument"]),
                                         int(str(data.get("version", 1))))
            text = instrument.items[item - 1]
            item_text = text.text_id if lang == "id" else text.text_en
        except (UserError, IndexError):
            item_text = ""
        handled = row.handled if isinstance(row.handled, dict) else {}
        views.append(AlertView(
            id=row.id, participant_id=person.id, code=person.code,
            name=person.preferred_name or person.full_name,
            instrument_code=str(data["instrument"]), item=item, item_text=item_text,
            answer=int(str(data["answer"])), raised_at=_moment(data["raised_at"]) or
            datetime.now(UTC), raised_by=str(data.get("raised_by", "")),
            assigned_to=_names(data.get("assigned_to")),
            acknowledged_by=str(handled.get("acknowledged_by", "")),
            acknowledged_at=_moment(handled.get("acknowledged_at")),
            done_by=str(handled.get("done_by", "")), done_at=_moment(handled.get("done_at")),
            action=str(handled.get("action", ""))))
    views.sort(key=lambda v: v.raised_at)
    return views


def _open_views(session: Session) -> list[AlertView]:
    """Every alert whose sealed record says nobody closed it. ``is_open`` is not trusted for
    this: with a facilitator's password anyone can set it, so every row is read (alerts are
    few), and one whose record of what was done does not open counts as still open."""
    return [v for v in _views(session, list(session.scalars(select(AssessmentAlert))))
            if v.is_open]


class AlertService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def _mine(self, view: AlertView) -> bool:
        if view.assigned_to:
            return self.actor.username in view.assigned_to or self.actor.role == Role.ADMIN
        return self.actor.role in (Role.ADMIN, Role.KONSELOR)

    def open_for_me(self) -> list[AlertView]:
        """The open alerts I must act on (the login banner and my list); an admin sees all."""
        if not self.actor.may(Permission.VIEW_RESTRICTED):
            return []
        with self.db.reading() as session:
            return [v for v in _open_views(session) if self._mine(v)]

    def for_participant(self, participant_id: int) -> list[AlertView]:
        """Her alerts, open and closed (her record)."""
        self.actor.require(Permission.VIEW_RESTRICTED)
        with self.db.reading() as session:
            rows = list(session.scalars(select(AssessmentAlert)))
            return [v for v in _views(session, rows) if v.participant_id == participant_id]

    def unacknowledged(self, now: datetime | None = None) -> list[AlertView]:
        """Open alerts nobody acknowledged within one working day (the admin's dashboard)."""
        self.actor.require(Permission.VIEW_RESTRICTED)
        now = now or datetime.now(UTC)
        with self.db.reading() as session:
            return [v for v in _open_views(session) if v.acknowledged_at is None
                    and add_working_days(v.raised_at, ACK_WORKING_DAYS) <= now]

    def acknowledge(self, alert_id: int) -> AlertView:
        """"I am on it": stops it showing as unacknowledged; it stays open."""
        return self._update(alert_id, "alert_acknowledged", action=None)

    def record_action(self, alert_id: int, action: str) -> AlertView:
        """What was done (a call, a visit, a referral): closes the alert."""
        text = action.strip()
        errors = reject_control_characters("action", text, multiline=True)
        if not text:
            errors.append(UserError("error.required", field="action"))
        elif len(text) > ACTION_LIMIT:
            errors.append(UserError("error.too_long", field="action", limit=ACTION_LIMIT))
        if errors:
            raise ValidationError(errors)
        return self._update(alert_id, "alert_closed", action=text)

    def _update(self, alert_id: int, event: str, action: str | None) -> AlertView:
        self.actor.require(Permission.EDIT_RESTRICTED)
        now = datetime.now(UTC).isoformat()
        with self.db.transaction() as session:
            row = session.get(AssessmentAlert, alert_id)
            if row is None or not isinstance(row.raised, dict):
                raise UserError("error.alert_unknown")
            if isinstance(row.handled, dict) and row.handled.get("done_at"):
                raise UserError("error.alert_closed")
            handled = dict(row.handled) if isinstance(row.handled, dict) else {}
            if not handled.get("acknowledged_at"):
                handled.update(acknowledged_at=now, acknowledged_by=self.actor.username)
            if action is not None:
                handled.update(done_at=now, done_by=self.actor.username, action=action)
                row.is_open = False
            row.handled = handled
            audit_log.append(session, self.actor.username, event, "", {"alert": row.id})
            session.flush()
            return _views(session, [row])[0]
