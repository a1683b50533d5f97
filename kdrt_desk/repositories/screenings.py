"""Screening queries and the mapping between ORM rows and the screening data objects.

The screening list reads Core rows (no ORM loading) and opens the sealed risk level and score
with the screening's identity; its dates come back as text and are parsed once a day.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC

from sqlalchemy import Select, String, and_, case, select, true, type_coerce
from sqlalchemy.orm import Session

from kdrt_desk.db.values import DayCache
from kdrt_desk.domain.enums import (
    Barrier,
    CriterionKind,
    DecisionOutcome,
    Need,
    ParticipantStatus,
    RiskLevel,
    RiskReason,
    Skill,
)
from kdrt_desk.domain.screening import (
    Criterion,
    Eligibility,
    ScreeningChangeRecord,
    ScreeningInput,
    ScreeningListRow,
    ScreeningRecord,
)
from kdrt_desk.models import (
    EligibilityCriterion,
    Participant,
    Screening,
    ScreeningChange,
    ScreeningDecision,
)
from kdrt_desk.models.sealed import field_keys, open_blob
from kdrt_desk.security.tiers import Tier

ID_CHUNK = 500
RISK_BY_VALUE: dict[str | None, RiskLevel] = {r.value: r for r in RiskLevel}
OUTCOME_BY_VALUE: dict[str | None, DecisionOutcome] = {o.value: o for o in DecisionOutcome}


def split_codes(text: str | None) -> list[str]:
    return [p for p in (text or "").split(",") if p]


def join_codes(values: Iterable[str]) -> str:
    return ",".join(sorted(str(v) for v in values))


# -- criteria ------------------------------------------------------------------------------------
def to_criterion(row: EligibilityCriterion) -> Criterion:
    return Criterion(row.id, row.code, row.label_id, row.label_en, CriterionKind(row.kind),
                     row.weight, row.active, row.position)


def load_criteria(session: Session, active_only: bool = True) -> list[Criterion]:
    query = select(EligibilityCriterion).order_by(EligibilityCriterion.position,
                                                  EligibilityCriterion.id)
    if active_only:
        query = query.where(EligibilityCriterion.active.is_(True))
    return [to_criterion(row) for row in session.scalars(query)]


# -- one screening -------------------------------------------------------------------------------
def apply_input(row: Screening, data: ScreeningInput, result: Eligibility) -> None:
    """Copy a validated input and its evaluation onto an ORM row."""
    assert data.screened_on is not None
    row.screened_on = data.screened_on
    row.interview_notes = data.interview_notes
    row.needs = join_codes(data.needs)
    row.skills = join_codes(data.skills)
    row.skills_other = data.skills_other
    row.experience = data.experience
    row.risk_level = data.risk_level.value
    row.risk_reasons = join_codes(data.risk_reasons)
    row.safety_plan = data.safety_plan
    row.barriers = join_codes(data.barriers)
    row.criteria_met = join_codes(data.criteria_met)
    row.score = result.score
    row.unmet_required = ",".join(result.unmet_required)


def to_record(row: Screening, *, with_restricted: bool, risk_visible: bool,
              code: str = "") -> ScreeningRecord:
    record = ScreeningRecord(
        participant_id=row.participant_id, screened_on=row.screened_on,
        needs={Need(v) for v in split_codes(row.needs)},
        skills={Skill(v) for v in split_codes(row.skills)}, skills_other=row.skills_other,
        experience=row.experience or "",
        # an emptied risk (the app always writes one) reads as the careful answer
        risk_level=(RiskLevel(row.risk_level or RiskLevel.HIGH) if risk_visible
                    else RiskLevel.LOW),
        barriers={Barrier(v) for v in split_codes(row.barriers)},
        criteria_met=set(split_codes(row.criteria_met)), id=row.id, assessor=row.assessor,
        score=row.score or 0, unmet_required=split_codes(row.unmet_required),
        decided=row.decided,
        version=row.version, restricted_hidden=not with_restricted, risk_visible=risk_visible,
        participant_code=code)
    if with_restricted:
        record.interview_notes = row.interview_notes or ""
        record.risk_reasons = {RiskReason(v) for v in split_codes(row.risk_reasons)}
        record.safety_plan = row.safety_plan or ""
    return record


def participant_code(session: Session, participant_id: int) -> str | None:
    return session.scalar(select(Participant.code).where(Participant.id == participant_id))


def latest_risk(session: Session, participant_id: int) -> str | None:
    """The risk level of her latest screening (by date, then by entry); None if unscreened."""
    newest = session.scalar(select(Screening)
                            .where(Screening.participant_id == participant_id)
                            .order_by(Screening.screened_on.desc(), Screening.id.desc()).limit(1))
    return newest.risk_level if newest is not None else None


def has_confirmed_decision(session: Session, screening_id: int) -> bool:
    return session.scalar(select(ScreeningDecision.id).where(
        ScreeningDecision.screening_id == screening_id,
        ScreeningDecision.confirmed_by.is_not(None)).limit(1)) is not None


def records_for_participant(session: Session, participant_id: int, code: str,
                            risk_visible: bool) -> list[ScreeningRecord]:
    """Her screenings, oldest first, without their restricted part."""
    rows = session.scalars(select(Screening)
                           .where(Screening.participant_id == participant_id)
                           .order_by(Screening.screened_on, Screening.id))
    return [to_record(r, with_restricted=False, risk_visible=risk_visible, code=code)
            for r in rows]


def changes(session: Session, screening_id: int,
            hidden: set[str]) -> list[ScreeningChangeRecord]:
    """Changes made after the decision, oldest first, without the previous values of
    ``hidden`` fields (all of them withheld without the restricted key)."""
    rows = session.scalars(select(ScreeningChange)
                           .where(ScreeningChange.screening_id == screening_id)
                           .order_by(ScreeningChange.changed_at, ScreeningChange.id))
    withheld = not field_keys(session).holds(Tier.RESTRICTED)
    result = []
    for change in rows:
        fields = split_codes(change.fields)
        previous = json.loads(change.previous) if change.previous else {}
        shown = {k: v for k, v in previous.items() if k not in hidden}
        result.append(ScreeningChangeRecord(
            change.id, change.screening_id, change.changed_at.replace(tzinfo=UTC),
            change.changed_by, change.reason or "", fields, shown,
            restricted_hidden=withheld or len(shown) < len(previous)))
    return result


# -- the list ------------------------------------------------------------------------------------
@contextmanager
def collector_paused() -> Iterator[None]:
    """Build a long list of rows without the cyclic garbage collector: its passes over the
    growing list cost more than the query (tuples of plain values form no cycles)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_DECISION = ScreeningDecision
# One row of the screening list: her current decision joined in, dates as text (parsed once each);
# the risk level and score are sealed and opened with the screening's identity.
LIST_QUERY = (
    select(Screening.id, Screening.participant_id, Participant.code, Participant.full_name,
           type_coerce(Screening.screened_on, String), Screening.assessor, Screening.seal_id,
           Screening.risk_level, Screening.score, _DECISION.outcome,
           case((and_(_DECISION.id.is_not(None), _DECISION.confirmed_by.is_(None)), 1), else_=0))
    .select_from(Screening)
    .join(Participant, Participant.id == Screening.participant_id)
    .outerjoin(_DECISION, and_(_DECISION.screening_id == Screening.id,
                               _DECISION.current == true())))
LIST_ORDER = (Screening.screened_on.desc(), Screening.id.desc())


def filtered(query: Select, status: ParticipantStatus | None) -> Select:
    """Anonymised participants leave the list; ``status`` is hers (e.g. waitlisted)."""
    query = query.where(Participant.anonymised_on.is_(None))
    if status is not None:
        query = query.where(Participant.status == ParticipantStatus(status).value)
    return query


def list_rows(session: Session, status: ParticipantStatus | None, limit: int | None,
              show_risk: bool) -> list[ScreeningListRow]:
    """Every screening, newest first, with her current decision."""
    query = filtered(LIST_QUERY, status).order_by(*LIST_ORDER)
    if limit is not None:
        query = query.limit(limit)
    return to_list_rows(session, query, show_risk)


def list_ids(session: Session, status: ParticipantStatus | None) -> list[int]:
    """Every matching screening id in list order."""
    if status is None:  # the few anonymised women left out by a list of their ids: the
        # screening index alone gives the order (no row of either table is read)
        ids_query = select(Screening.id).where(Screening.participant_id.not_in(
            select(Participant.id).where(Participant.anonymised_on.is_not(None))))
    else:
        ids_query = filtered(select(Screening.id).select_from(Screening).join(
            Participant, Participant.id == Screening.participant_id), status)
    return list(session.scalars(ids_query.order_by(*LIST_ORDER)))


def rows_by_ids(session: Session, ids: list[int], show_risk: bool) -> list[ScreeningListRow]:
    """The list rows of ``ids``, in the order given."""
    found: dict[int, ScreeningListRow] = {}
    for start in range(0, len(ids), ID_CHUNK):
        query = filtered(LIST_QUERY, None).where(Screening.id.in_(ids[start:start + ID_CHUNK]))
        found.update((row.screening_id, row) for row in to_list_rows(session, query, show_risk))
    return [found[i] for i in ids if i in found]


def to_list_rows(session: Session, query: Select, show_risk: bool) -> list[ScreeningListRow]:
    keys = field_keys(session)
    risk = RISK_BY_VALUE.get
    outcome = OUTCOME_BY_VALUE.get
    day = DayCache()
    row = ScreeningListRow
    with collector_paused():
        return [row(sid, pid, code, name, day(on), assessor,
                    (risk(open_blob(keys, level, seal, pid)) or RiskLevel.HIGH) if show_risk
                    else None,
                    open_blob(keys, score, seal, pid) or 0, outcome(result), awaiting == 1)
                for sid, pid, code, name, on, assessor, seal, level, score, result, awaiting
                in session.connection().execute(query).all()]  # Core rows: no ORM loading
