"""Participant queries and the mapping between ORM rows and the domain's data objects.

Her NIK, phone and risk level are sealed: list rows carry them as ``SealedBlob`` and are opened
here with the session's keys (for the roles that hold them); search by NIK or phone goes
through the blind index (``search_tokens``), never a substring of a sealed value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import Select, String, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from kdrt_desk.db.values import DayCache
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
    RegisterQuery,
)
from kdrt_desk.models import Participant, ParticipantCase, ParticipantConsent
from kdrt_desk.models.sealed import field_keys, open_blob
from kdrt_desk.repositories.names import anonymised_names, shown_name
from kdrt_desk.repositories.search_tokens import (
    ids_with_tokens,
    participant_tokens,
    query_tokens,
    replace_tokens,
)
from kdrt_desk.security.field_crypto import FieldKeys
from kdrt_desk.security.tiers import Tier

PLAIN_FIELDS = (
    "full_name", "preferred_name", "birth_date", "estimated_age", "birth_place",
    "safe_call_times", "trusted_contact_name", "never_contact_at_home", "kecamatan", "kelurahan",
    "children_count", "dependants", "occupation", "monthly_income", "registered_on",
)
SORT_COLUMNS = {
    "code": Participant.code, "full_name": Participant.full_name,
    "preferred_name": Participant.preferred_name, "status": Participant.status,
    "kecamatan": Participant.kecamatan, "registered_on": Participant.registered_on,
}
SEALED_SORTS = ("nik", "phone")  # sorted after opening, by the roles that may see them
SEARCH_LIMIT = 200
# Dates come back as ISO text: parsing it (once a day) is far cheaper than the ORM's parser.
ROW_COLUMNS = (Participant.id, Participant.code, Participant.full_name,
               Participant.preferred_name, Participant.seal_id, Participant.nik,
               Participant.phone, Participant.status, Participant.kecamatan,
               type_coerce(Participant.registered_on, String), Participant.risk_level)
STATUS_BY_VALUE = {s.value: s for s in ParticipantStatus}
_CONTACT = Tier.CONTACT
RISK_BY_VALUE: dict[str | None, RiskLevel] = {r.value: r for r in RiskLevel}


def search_text(data: ParticipantInput, code: str) -> str:
    """What a search matches in clear: her names and code (NIK and phone: the blind index)."""
    parts = [data.full_name, data.preferred_name, code]
    return " ".join(p for p in parts if p).lower()


def normalise_query(text: str) -> str:
    """What the user typed, as it is matched against ``search_text``."""
    return " ".join(text.lower().split())


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


SelectT = TypeVar("SelectT", bound=Select)  # type: ignore[type-arg]


def apply_filters(query: SelectT, q: RegisterQuery, keys: FieldKeys) -> SelectT:
    """The query's filters; a NIK or phone in the search text matches only through the blind
    index, and only for a session holding the contact key (no signal for anyone else)."""
    needle = normalise_query(q.text)
    if needle:
        by_text = Participant.search_text.like(f"%{_escape_like(needle)}%", escape="\\")
        tokens = query_tokens(keys, q.text) if keys.holds(_CONTACT) else []
        query = query.where(or_(by_text, Participant.id.in_(ids_with_tokens(tokens)))
                            if tokens else by_text)
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


def _to_rows(result: Iterable[Sequence[Any]], keys: FieldKeys) -> list[ParticipantRow]:
    status = STATUS_BY_VALUE
    day = DayCache()
    names = anonymised_names()

    def opened(blob: object, seal_id: bytes) -> Any:
        return open_blob(keys, blob, seal_id) if blob is not None else None

    risk = RISK_BY_VALUE
    return [ParticipantRow(r[0], r[1], names.get(r[2], r[2]), r[3], opened(r[5], r[4]) or "",
                           opened(r[6], r[4]) or "", status[r[7]], r[8], day(r[9]),
                           risk.get(opened(r[10], r[4])))
            for r in result]


def list_rows(session: Session, q: RegisterQuery) -> list[ParticipantRow]:
    keys = field_keys(session)
    if q.sort in SEALED_SORTS:
        rows = rows_by_ids(session, list_ids(session, q))
        return rows[:q.limit] if q.limit is not None else rows
    query = apply_filters(select(*ROW_COLUMNS), q, keys).order_by(*_order(q))
    if q.limit is not None:
        query = query.limit(q.limit)
    return _to_rows(session.execute(query), keys)


def list_ids(session: Session, q: RegisterQuery) -> list[int]:
    """The ids of every matching participant in display order (cheap even for 50,000; a sort
    by NIK or phone opens them first, for a role holding the contact key)."""
    keys = field_keys(session)
    if q.sort in SEALED_SORTS and keys.holds(_CONTACT):
        column = Participant.nik if q.sort == "nik" else Participant.phone
        hidden = q.withheld_ids
        found = [("" if pid in hidden else open_blob(keys, blob, seal_id) or "", pid)
                 for pid, seal_id, blob in session.execute(apply_filters(
                     select(Participant.id, Participant.seal_id, column), q, keys))]
        found.sort(reverse=q.descending)
        return [pid for _, pid in found]
    query = apply_filters(select(Participant.id), q, keys).order_by(*_order(q))
    # plain ids through Core: the ORM's row loading would cost more than the query itself
    return list(session.connection().execute(query).scalars())


def rows_by_ids(session: Session, ids: Sequence[int]) -> list[ParticipantRow]:
    """The rows for ``ids``, in the order given."""
    keys = field_keys(session)
    found: dict[int, ParticipantRow] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for row in _to_rows(session.execute(select(*ROW_COLUMNS)
                                            .where(Participant.id.in_(chunk))), keys):
            found[row.id] = row
    return [found[i] for i in ids if i in found]


def count_rows(session: Session, q: RegisterQuery) -> int:
    return int(session.scalar(apply_filters(select(func.count(Participant.id)), q,
                                            field_keys(session))) or 0)


def next_code(session: Session, year: int) -> str:
    """``KD-<year>-0001`` upwards; past 9999 the number simply grows a digit."""
    prefix = f"KD-{year}-"
    last = session.scalar(select(Participant.code).where(Participant.code.like(f"{prefix}%"))
                          .order_by(func.length(Participant.code).desc(),
                                    Participant.code.desc()).limit(1))
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:04d}"


def participant_values(data: ParticipantInput, code: str) -> dict[str, Any]:
    """Her register row's columns from a validated input, sealed ones in clear: what
    ``apply_input`` writes, and what the demo inserts in bulk (sealing them itself)."""
    d = data  # written out (not a loop over the field names): the demo maps 50,000 of these
    return {
        "full_name": d.full_name, "preferred_name": d.preferred_name, "nik": d.nik or None,
        "birth_date": d.birth_date, "estimated_age": d.estimated_age,
        "birth_place": d.birth_place, "phone": d.phone or None,
        "safe_to_call": d.safe_to_call.value, "safe_call_times": d.safe_call_times,
        "trusted_contact_name": d.trusted_contact_name,
        "trusted_contact_phone": d.trusted_contact_phone or None,
        "never_contact_at_home": d.never_contact_at_home,
        "living_situation": d.living_situation.value, "kecamatan": d.kecamatan,
        "kelurahan": d.kelurahan, "marital_status": d.marital_status.value,
        "children_count": d.children_count,
        "children_ages": ",".join(str(a) for a in d.children_ages),
        "dependants": d.dependants, "education": d.education.value,
        "occupation": d.occupation, "monthly_income": d.monthly_income,
        "economic_dependence": d.economic_dependence.value, "status": d.status.value,
        "registered_on": d.registered_on, "search_text": search_text(d, code),
    }


def consent_values(consent: Consent) -> dict[str, Any]:
    """Her consent row's columns (the scopes sealed when written)."""
    return {"consent_date": consent.consent_date,
            "scopes": ",".join(sorted(s.value for s in consent.scopes)),
            "recorded_by": consent.recorded_by, "withdrawn_on": consent.withdrawn_on}


def case_values(case: CaseBackground) -> dict[str, Any]:
    """Her case row's columns (all sealed when written)."""
    return {"violence_forms": ",".join(sorted(f.value for f in case.violence_forms)),
            "perpetrator_relation": (case.perpetrator_relation.value
                                     if case.perpetrator_relation else None),
            "duration_months": case.duration_months,
            "reported_to_police": case.reported_to_police,
            "legal_proceedings": case.legal_proceedings.value,
            "referral_source": case.referral_source.value if case.referral_source else None,
            "referral_other": case.referral_other, "safety_notes": case.safety_notes}


def apply_input(row: Participant, data: ParticipantInput, code: str, now: datetime) -> None:
    """Copy a validated input onto an ORM row (the case only when ``data.case`` is given);
    ``refresh_tokens`` afterwards (the row needs its id)."""
    for name, value in participant_values(data, code).items():
        setattr(row, name, value)
    row.updated_at = now
    consent = row.consent or ParticipantConsent()
    for name, value in consent_values(data.consent).items():
        setattr(consent, name, value)
    row.consent = consent
    if data.case is not None:
        case = row.case or ParticipantCase()
        for name, value in case_values(data.case).items():
            setattr(case, name, value)
        row.case = case


def contact_allowed(row: Participant) -> bool:
    """She consents to being contacted (and has not withdrawn, nor been anonymised)."""
    consent = row.consent
    return (row.anonymised_on is None and consent is not None and consent.withdrawn_on is None
            and "contact" in _split(consent.scopes))


def refresh_tokens(session: Session, row: Participant) -> None:
    """Her blind-index tokens, from her NIK and phone as they are now (after a flush)."""
    keys = field_keys(session)
    replace_tokens(session, row.id, participant_tokens(keys, row.nik, row.phone,
                                                       contact_allowed(row)))


def rebuild_search_tokens(session: Session) -> None:
    """Every participant's tokens again (after the contact key was rotated)."""
    for row in session.scalars(select(Participant)):
        refresh_tokens(session, row)


def _split(text: str | None) -> list[str]:
    return [p for p in (text or "").split(",") if p]


# What a field reads as when it is absent or withheld from this role (the careful answer where
# it matters: never call her at home).
_ABSENT: dict[str, Any] = {"birth_place": "", "safe_call_times": "", "trusted_contact_name": "",
                           "never_contact_at_home": True, "kelurahan": ""}


def to_record(row: Participant, with_case: bool, with_contact: bool = True) -> ParticipantRecord:
    record = ParticipantRecord(id=row.id, code=row.code, version=row.version)
    for name in PLAIN_FIELDS:
        value = getattr(row, name)
        setattr(record, name, _ABSENT.get(name) if value is None and name in _ABSENT else value)
    if row.anonymised_on is not None:
        record.full_name = shown_name(row.full_name)
    for name, enum in ENUM_FIELDS.items():
        value = getattr(row, name)
        if value is not None:
            setattr(record, name, enum(value))
    record.children_ages = [int(a) for a in _split(row.children_ages)]
    if with_contact:
        record.nik = row.nik or ""
        record.phone = row.phone or ""
        record.trusted_contact_phone = row.trusted_contact_phone or ""
    else:
        record.trusted_contact_name = ""
        record.safe_call_times = ""
        record.kelurahan = ""
        record.birth_place = ""
        record.monthly_income = None
        record.never_contact_at_home = True
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
            duration_months=case.duration_months,
            reported_to_police=bool(case.reported_to_police),
            legal_proceedings=LegalProceedings(case.legal_proceedings or LegalProceedings.NONE),
            referral_source=ReferralSource(case.referral_source) if case.referral_source else None,
            referral_other=case.referral_other or "", safety_notes=case.safety_notes or "")
    return record


def rows_born_on(session: Session, born: date) -> list[tuple[int, str, str]]:
    return [(r[0], r[1], r[2]) for r in session.execute(
        select(Participant.id, Participant.code, Participant.full_name)
        .where(Participant.birth_date == born))]


def rows_with_nik(session: Session, nik: str) -> list[tuple[int, str, str]]:
    """Who has this NIK (through the blind index: a token of it in full)."""
    keys = field_keys(session)
    if not keys.holds(_CONTACT):
        return []
    return [(r[0], r[1], r[2]) for r in session.execute(
        select(Participant.id, Participant.code, Participant.full_name)
        .where(Participant.id.in_(ids_with_tokens([keys.token("nik", nik)]))))]
