"""Participant queries and the mapping between ORM rows and the domain's data objects."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import Select, String, func, select, type_coerce
from sqlalchemy.orm import Session

from kdrt_desk.domain.enums import (
    ConsentScope,
    LegalProceedings,
    ParticipantStatus,
    PerpetratorRelation,
    ReferralSource,
    RiskLevel,
    ViolenceForm,
)
from kdrt_desk.domain.participant import (
    ENUM_FIELDS,
    CaseBackground,
    Consent,
    ParticipantInput,
    ParticipantRecord,
    ParticipantRow,
)
from kdrt_desk.domain.phone import phone_search_keys
from kdrt_desk.models import Participant, ParticipantCase, ParticipantConsent

PLAIN_FIELDS = (
    "full_name", "preferred_name", "birth_date", "estimated_age", "birth_place",
    "safe_call_times", "trusted_contact_name", "never_contact_at_home", "kecamatan", "kelurahan",
    "children_count", "dependants", "occupation", "monthly_income", "registered_on",
)
SORT_COLUMNS = {
    "code": Participant.code, "full_name": Participant.full_name,
    "preferred_name": Participant.preferred_name, "nik": Participant.nik,
    "phone": Participant.phone, "status": Participant.status,
    "kecamatan": Participant.kecamatan, "registered_on": Participant.registered_on,
}
# Dates come back as ISO text: ``date.fromisoformat`` is far cheaper than the ORM's parser.
ROW_COLUMNS = (Participant.id, Participant.code, Participant.full_name,
               Participant.preferred_name, func.coalesce(Participant.nik, ""),
               func.coalesce(Participant.phone, ""), Participant.status, Participant.kecamatan,
               type_coerce(Participant.registered_on, String), Participant.risk_level)
STATUS_BY_VALUE = {s.value: s for s in ParticipantStatus}
RISK_BY_VALUE: dict[str | None, RiskLevel] = {r.value: r for r in RiskLevel}


@dataclass(frozen=True)
class RegisterQuery:
    text: str = ""
    status: ParticipantStatus | None = None
    kecamatan: str = ""
    sort: str = "code"
    descending: bool = False
    limit: int | None = None
    only_ids: frozenset[int] | None = None  # None: everyone (a facilitator: her members only)


def search_text(data: ParticipantInput, code: str) -> str:
    parts = [data.full_name, data.preferred_name, code, data.nik]
    if data.phone:
        parts.extend(phone_search_keys(data.phone))
    return " ".join(p for p in parts if p).lower()


def normalise_query(text: str) -> str:
    """What the user typed, as it is matched against ``search_text``; phones match by digits."""
    cleaned = " ".join(text.lower().split())
    digits = "".join(c for c in cleaned if c.isdigit())
    if digits and len(digits) >= 4 and all(c.isdigit() or c in " +-()." for c in cleaned):
        return digits
    return cleaned


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


SelectT = TypeVar("SelectT", bound=Select)  # type: ignore[type-arg]


def apply_filters(query: SelectT, q: RegisterQuery) -> SelectT:
    needle = normalise_query(q.text)
    if needle:
        query = query.where(Participant.search_text.like(f"%{_escape_like(needle)}%", escape="\\"))
    if q.status is not None:
        query = query.where(Participant.status == q.status.value)
    if q.kecamatan:
        query = query.where(Participant.kecamatan == q.kecamatan)
    if q.only_ids is not None:
        query = query.where(Participant.id.in_(sorted(q.only_ids)))
    return query


def _order(q: RegisterQuery) -> list[Any]:
    column = SORT_COLUMNS.get(q.sort, Participant.code)
    return [column.desc() if q.descending else column.asc(), Participant.id]


def _to_rows(result: Iterable[Sequence[Any]]) -> list[ParticipantRow]:
    status = STATUS_BY_VALUE

    def day(value: str | date) -> date:  # SQLite hands back text, PostgreSQL a date
        return value if isinstance(value, date) else date.fromisoformat(value)

    risk = RISK_BY_VALUE
    return [ParticipantRow(r[0], r[1], r[2], r[3], r[4], r[5], status[r[6]], r[7], day(r[8]),
                           risk.get(r[9]))
            for r in result]


def list_rows(session: Session, q: RegisterQuery) -> list[ParticipantRow]:
    query = apply_filters(select(*ROW_COLUMNS), q).order_by(*_order(q))
    if q.limit is not None:
        query = query.limit(q.limit)
    return _to_rows(session.execute(query))


def list_ids(session: Session, q: RegisterQuery) -> list[int]:
    """The ids of every matching participant in display order (cheap even for 50,000)."""
    query = apply_filters(select(Participant.id), q).order_by(*_order(q))
    return list(session.scalars(query))


def rows_by_ids(session: Session, ids: Sequence[int]) -> list[ParticipantRow]:
    """The rows for ``ids``, in the order given."""
    found: dict[int, ParticipantRow] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for row in _to_rows(session.execute(select(*ROW_COLUMNS)
                                            .where(Participant.id.in_(chunk)))):
            found[row.id] = row
    return [found[i] for i in ids if i in found]


def count_rows(session: Session, q: RegisterQuery) -> int:
    return int(session.scalar(apply_filters(select(func.count(Participant.id)), q)) or 0)


def next_code(session: Session, year: int) -> str:
    """``KD-<year>-0001`` upwards; past 9999 the number simply grows a digit."""
    prefix = f"KD-{year}-"
    last = session.scalar(select(Participant.code).where(Participant.code.like(f"{prefix}%"))
                          .order_by(func.length(Participant.code).desc(),
                                    Participant.code.desc()).limit(1))
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:04d}"


def apply_input(row: Participant, data: ParticipantInput, code: str, now: datetime) -> None:
    """Copy a validated input onto an ORM row (the case only when ``data.case`` is given)."""
    for name in PLAIN_FIELDS:
        setattr(row, name, getattr(data, name))
    for name in ENUM_FIELDS:
        setattr(row, name, getattr(data, name).value)
    row.nik = data.nik or None
    row.phone = data.phone or None
    row.trusted_contact_phone = data.trusted_contact_phone or None
    row.children_ages = ",".join(str(a) for a in data.children_ages)
    row.search_text = search_text(data, code)
    row.updated_at = now
    consent = row.consent or ParticipantConsent()
    consent.consent_date = data.consent.consent_date
    consent.scopes = ",".join(sorted(s.value for s in data.consent.scopes))
    consent.recorded_by = data.consent.recorded_by
    consent.withdrawn_on = data.consent.withdrawn_on
    row.consent = consent
    if data.case is not None:
        case = row.case or ParticipantCase()
        case.violence_forms = ",".join(sorted(f.value for f in data.case.violence_forms))
        case.perpetrator_relation = (data.case.perpetrator_relation.value
                                     if data.case.perpetrator_relation else None)
        case.duration_months = data.case.duration_months
        case.reported_to_police = data.case.reported_to_police
        case.legal_proceedings = data.case.legal_proceedings.value
        case.referral_source = (data.case.referral_source.value
                                if data.case.referral_source else None)
        case.referral_other = data.case.referral_other
        case.safety_notes = data.case.safety_notes
        row.case = case


def _split(text: str) -> list[str]:
    return [p for p in text.split(",") if p]


def to_record(row: Participant, with_case: bool, with_contact: bool = True) -> ParticipantRecord:
    record = ParticipantRecord(id=row.id, code=row.code, version=row.version)
    for name in PLAIN_FIELDS:
        setattr(record, name, getattr(row, name))
    for name, enum in ENUM_FIELDS.items():
        setattr(record, name, enum(getattr(row, name)))
    record.children_ages = [int(a) for a in _split(row.children_ages)]
    if with_contact:
        record.nik = row.nik or ""
        record.phone = row.phone or ""
        record.trusted_contact_phone = row.trusted_contact_phone or ""
    else:
        record.trusted_contact_name = ""
        record.safe_call_times = ""
        record.kelurahan = ""
    if row.consent is not None:
        record.consent = Consent(
            row.consent.consent_date, {ConsentScope(s) for s in _split(row.consent.scopes)},
            row.consent.recorded_by, row.consent.withdrawn_on)
    if with_case and row.case is not None:
        case = row.case
        record.case = CaseBackground(
            violence_forms={ViolenceForm(f) for f in _split(case.violence_forms)},
            perpetrator_relation=(PerpetratorRelation(case.perpetrator_relation)
                                  if case.perpetrator_relation else None),
            duration_months=case.duration_months, reported_to_police=case.reported_to_police,
            legal_proceedings=LegalProceedings(case.legal_proceedings),
            referral_source=ReferralSource(case.referral_source) if case.referral_source else None,
            referral_other=case.referral_other, safety_notes=case.safety_notes)
    return record


def rows_born_on(session: Session, born: date) -> list[tuple[int, str, str]]:
    return [(r[0], r[1], r[2]) for r in session.execute(
        select(Participant.id, Participant.code, Participant.full_name)
        .where(Participant.birth_date == born))]


def rows_with_nik(session: Session, nik: str) -> list[tuple[int, str, str]]:
    return [(r[0], r[1], r[2]) for r in session.execute(
        select(Participant.id, Participant.code, Participant.full_name)
        .where(Participant.nik == nik))]
