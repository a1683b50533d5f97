"""Her livelihood follow-ups and the business capital she received: read by the roles holding
the contact key, written by those who may edit her record, checked before they are stored
(``livelihood_validation``), audited by the fields that changed and never their values (her
income is not the audit log's business). Also the plain data the indicators read."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.livelihood import (
    CAPITAL_FIELDS,
    LIVELIHOOD_FIELDS,
    CapitalInput,
    CapitalTotals,
    CapitalView,
    LivelihoodInput,
    LivelihoodPoint,
    LivelihoodView,
    capital_from_dict,
    capital_to_dict,
    livelihood_from_dict,
    livelihood_to_dict,
)
from kdrt_desk.errors import UserError
from kdrt_desk.models import BusinessCapital, LivelihoodRecord, Participant, Partner, Setting
from kdrt_desk.repositories import livelihood_ledger
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.clock import local_today
from kdrt_desk.services.livelihood_validation import (
    DEFAULT_CAPITAL_BOUND,
    DEFAULT_INCOME_BOUND,
    CleanCapital,
    CleanLivelihood,
    validate_capital,
    validate_livelihood,
)

INCOME_BOUND_KEY = "livelihood_income_bound"  # a settings row: Rupiah a month
CAPITAL_BOUND_KEY = "livelihood_capital_bound"


def _bound(session: Session, key: str, default: int) -> int:
    row = session.get(Setting, key)
    if row is None:
        return default
    try:
        value = int(row.value)
    except ValueError:
        return default
    return value if value > 0 else default


def _clean_livelihood_dict(clean: CleanLivelihood) -> dict[str, object]:
    return livelihood_to_dict(clean.status, clean.business_kind, clean.monthly_income,
                              clean.savings, clean.covers_basic_needs, clean.depends_on_abuser,
                              clean.channels, clean.note)


def _clean_capital_dict(clean: CleanCapital) -> dict[str, object]:
    return capital_to_dict(clean.amount, clean.source, clean.purpose, clean.kind,
                           clean.repayments)


def _changed(before: dict[str, object], after: dict[str, object],
             names: tuple[str, ...]) -> list[str]:
    return [name for name in names if before.get(name) != after.get(name)]


class LivelihoodService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    # -- bounds --------------------------------------------------------------------------------
    def bounds(self) -> tuple[int, int]:
        """The plausibility bounds: monthly income and capital, in Rupiah."""
        with self.db.reading() as session:
            return (_bound(session, INCOME_BOUND_KEY, DEFAULT_INCOME_BOUND),
                    _bound(session, CAPITAL_BOUND_KEY, DEFAULT_CAPITAL_BOUND))

    # -- livelihood follow-ups -----------------------------------------------------------------
    def records(self, participant_id: int) -> list[LivelihoodView]:
        """Her follow-ups, oldest first."""
        self.actor.require(Permission.VIEW_CONTACT)
        with self.db.reading() as session:
            _participant(session, participant_id, editable=False)
            rows = session.scalars(select(LivelihoodRecord)
                                   .where(LivelihoodRecord.participant_id == participant_id)
                                   .order_by(LivelihoodRecord.recorded_on,
                                             LivelihoodRecord.id)).all()
            return [_livelihood_view(row) for row in rows]

    def add_record(self, participant_id: int, data: LivelihoodInput,
                   today: date | None = None) -> LivelihoodView:
        self._require_write()
        with self.db.transaction() as session:
            person = _participant(session, participant_id)
            clean = validate_livelihood(
                data, registered_on=person.registered_on, today=today or local_today(),
                income_bound=_bound(session, INCOME_BOUND_KEY, DEFAULT_INCOME_BOUND))
            details = _clean_livelihood_dict(clean)
            row = LivelihoodRecord(participant_id=person.id, recorded_on=clean.recorded_on,
                                   recorded_by=self.actor.username,
                                   recorded_at=datetime.now(UTC), details=details)
            session.add(row)
            session.flush()
            livelihood_ledger.put(session, row)
            audit_log.append(session, self.actor.username, "livelihood_recorded", person.code,
                             {"record_id": row.id,
                              "fields": [f for f in LIVELIHOOD_FIELDS
                                         if f == "recorded_on" or details.get(f) not in
                                         (None, "", [])]})
            return _livelihood_view(row, details)

    def update_record(self, record_id: int, data: LivelihoodInput,
                      today: date | None = None) -> LivelihoodView:
        self._require_write()
        with self.db.transaction() as session:
            row = _record(session, record_id)
            person = _participant(session, row.participant_id)
            clean = validate_livelihood(
                data, registered_on=person.registered_on, today=today or local_today(),
                income_bound=_bound(session, INCOME_BOUND_KEY, DEFAULT_INCOME_BOUND))
            details = _clean_livelihood_dict(clean)
            before = {**dict(row.details or {}), "recorded_on": row.recorded_on}
            changed = _changed(before, {**details, "recorded_on": clean.recorded_on},
                               LIVELIHOOD_FIELDS)
            if changed:
                row.recorded_on = clean.recorded_on
                row.details = details
                row.recorded_by = self.actor.username
                row.recorded_at = datetime.now(UTC)
                audit_log.append(session, self.actor.username, "livelihood_updated",
                                 person.code, {"record_id": row.id, "fields": changed})
                session.flush()
                livelihood_ledger.put(session, row)
            return _livelihood_view(row, details)

    def delete_record(self, record_id: int) -> None:
        self._require_write()
        with self.db.transaction() as session:
            row = _record(session, record_id)
            person = _participant(session, row.participant_id)
            livelihood_ledger.remove(session, [(row.id, row.participant_id)])
            session.execute(delete(LivelihoodRecord).where(LivelihoodRecord.id == record_id))
            audit_log.append(session, self.actor.username, "livelihood_deleted", person.code,
                             {"record_id": record_id})

    # -- business capital ----------------------------------------------------------------------
    def capital(self, participant_id: int) -> list[CapitalView]:
        """The capital she received, oldest first."""
        self.actor.require(Permission.VIEW_CONTACT)
        with self.db.reading() as session:
            _participant(session, participant_id, editable=False)
            rows = session.scalars(select(BusinessCapital)
                                   .where(BusinessCapital.participant_id == participant_id)
                                   .order_by(BusinessCapital.given_on,
                                             BusinessCapital.id)).all()
            names = _partner_names(session)
            return [_capital_view(row, names) for row in rows]

    def add_capital(self, participant_id: int, data: CapitalInput,
                    today: date | None = None) -> CapitalView:
        self._require_write()
        with self.db.transaction() as session:
            person = _participant(session, participant_id)
            names = _partner_names(session)
            clean = validate_capital(
                data, registered_on=person.registered_on, today=today or local_today(),
                partners=names.keys(),
                capital_bound=_bound(session, CAPITAL_BOUND_KEY, DEFAULT_CAPITAL_BOUND))
            details = _clean_capital_dict(clean)
            row = BusinessCapital(participant_id=person.id, given_on=clean.given_on,
                                  recorded_by=self.actor.username,
                                  recorded_at=datetime.now(UTC), details=details)
            session.add(row)
            session.flush()
            audit_log.append(session, self.actor.username, "capital_recorded", person.code,
                             {"capital_id": row.id,
                              "fields": [f for f in CAPITAL_FIELDS
                                         if f == "given_on" or details.get(f) not in
                                         (None, "", [])]})
            return _capital_view(row, names, details)

    def update_capital(self, capital_id: int, data: CapitalInput,
                       today: date | None = None) -> CapitalView:
        self._require_write()
        with self.db.transaction() as session:
            row = _capital(session, capital_id)
            person = _participant(session, row.participant_id)
            names = _partner_names(session)
            clean = validate_capital(
                data, registered_on=person.registered_on, today=today or local_today(),
                partners=names.keys(),
                capital_bound=_bound(session, CAPITAL_BOUND_KEY, DEFAULT_CAPITAL_BOUND))
            details = _clean_capital_dict(clean)
            before = {**dict(row.details or {}), "given_on": row.given_on}
            changed = _changed(before, {**details, "given_on": clean.given_on},
                               CAPITAL_FIELDS)
            if changed:
                row.given_on = clean.given_on
                row.details = details
                row.recorded_by = self.actor.username
                row.recorded_at = datetime.now(UTC)
                audit_log.append(session, self.actor.username, "capital_updated", person.code,
                                 {"capital_id": row.id, "fields": changed})
                session.flush()
            return _capital_view(row, names, details)

    def delete_capital(self, capital_id: int) -> None:
        self._require_write()
        with self.db.transaction() as session:
            row = _capital(session, capital_id)
            person = _participant(session, row.participant_id)
            session.execute(delete(BusinessCapital).where(BusinessCapital.id == capital_id))
            audit_log.append(session, self.actor.username, "capital_deleted", person.code,
                             {"capital_id": capital_id})

    # -- for the indicators (Qt-free, plain data) ----------------------------------------------
    def for_indicators(self, period_start: date, period_end: date
                       ) -> dict[int, list[LivelihoodPoint]]:
        """Per participant with at least one follow-up in the period: all her follow-ups up to
        ``period_end`` (an earlier one is her baseline), in date order."""
        self.actor.require(Permission.VIEW_CONTACT)
        with self.db.reading() as session:
            inside = (select(LivelihoodRecord.participant_id)
                      .where(LivelihoodRecord.recorded_on >= period_start,
                             LivelihoodRecord.recorded_on <= period_end))
            rows = session.scalars(
                select(LivelihoodRecord)
                .where(LivelihoodRecord.participant_id.in_(inside),
                       LivelihoodRecord.recorded_on <= period_end)
                .order_by(LivelihoodRecord.participant_id, LivelihoodRecord.recorded_on,
                          LivelihoodRecord.id)).all()
            result: dict[int, list[LivelihoodPoint]] = defaultdict(list)
            for row in rows:
                view = _livelihood_view(row)
                result[row.participant_id].append(LivelihoodPoint(
                    view.recorded_on, view.status, view.business_kind, view.monthly_income,
                    view.covers_basic_needs, view.depends_on_abuser))
            return dict(result)

    def capital_totals(self, period_start: date, period_end: date) -> CapitalTotals:
        """Capital given in the period (how many, how much) and the repayments dated in it
        (on any loan, given before the period too)."""
        self.actor.require(Permission.VIEW_CONTACT)
        count = disbursed = repaid = 0
        with self.db.reading() as session:
            rows = session.scalars(select(BusinessCapital)
                                   .where(BusinessCapital.given_on <= period_end)).all()
            for row in rows:
                view = _capital_view(row, {})
                if view.given_on >= period_start:
                    count += 1
                    disbursed += view.amount
                repaid += sum(amount for day, amount in view.repayments
                              if period_start <= day <= period_end)
        return CapitalTotals(count, disbursed, repaid)

    # -- helpers -------------------------------------------------------------------------------
    def _require_write(self) -> None:
        self.actor.require(Permission.VIEW_CONTACT)
        self.actor.require(Permission.EDIT_PARTICIPANT)


def _participant(session: Session, participant_id: int, editable: bool = True) -> Participant:
    person = session.get(Participant, participant_id)
    if person is None:
        raise UserError("error.participant_unknown")
    if editable and person.anonymised_on is not None:
        raise UserError("error.participant_anonymised")
    return person


def _record(session: Session, record_id: int) -> LivelihoodRecord:
    row = session.get(LivelihoodRecord, record_id)
    if row is None:
        raise UserError("error.livelihood.unknown")
    return row


def _capital(session: Session, capital_id: int) -> BusinessCapital:
    row = session.get(BusinessCapital, capital_id)
    if row is None:
        raise UserError("error.livelihood.capital_unknown")
    return row


def _partner_names(session: Session) -> dict[int, str]:
    return {pid: name for pid, name in session.execute(select(Partner.id, Partner.name))}


def _livelihood_view(row: LivelihoodRecord,
                     details: dict[str, object] | None = None) -> LivelihoodView:
    return livelihood_from_dict(dict(details if details is not None else row.details or {}),
                                id=row.id, participant_id=row.participant_id,
                                recorded_on=row.recorded_on, recorded_by=row.recorded_by)


def _capital_view(row: BusinessCapital, names: dict[int, str],
                  details: dict[str, object] | None = None) -> CapitalView:
    data = dict(details if details is not None else row.details or {})
    source = data.get("source")
    name = names.get(int(str(source)), "") if source is not None else ""
    return capital_from_dict(data, id=row.id, participant_id=row.participant_id,
                             given_on=row.given_on, source_name=name,
                             recorded_by=row.recorded_by)
