"""Property tests of screening and decisions (issue 14) with generated values.

A valid screening (or decision) has one field replaced by a hostile value. The call either
stores what the service's own validator returns, read back equal, or is refused with a
catalogued user error and nothing is added: no screening, no decision, her status unchanged.
"""

from __future__ import annotations

from datetime import date

from hostile_inputs import (
    PROPERTY_SETTINGS,
    assert_known_refusal,
    count_saved,
    hostile_dates,
    hostile_ints,
    hostile_text,
)
from hypothesis import given
from hypothesis import strategies as st
from support.participant_samples import TODAY, sample
from support.programme import REQUIRED

from kdrt_desk.domain.enums import (
    Barrier,
    DecisionOutcome,
    Need,
    NotEligibleReason,
    PartnerKind,
    RiskLevel,
    RiskReason,
    Skill,
)
from kdrt_desk.domain.screening import DecisionInput, ScreeningInput
from kdrt_desk.errors import UserError
from kdrt_desk.services.decisions import validate_decision
from kdrt_desk.services.screening import EDITABLE_FIELDS, validate_screening
from kdrt_desk.wiring import Services

SCREENED_ON = date(2026, 11, 22)
DECISION_FIELDS = ("screening_id", "outcome", "priority", "reason_code", "reason_text",
                   "referred_partner_id", "decided_on")


def _enum_or_text(values: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(values) | hostile_text(max_size=12)


@st.composite
def screening_change(draw: st.DrawFn) -> ScreeningInput:
    data = ScreeningInput(participant_id=1, screened_on=SCREENED_ON, criteria_met=set(REQUIRED),
                          needs={list(Need)[0]}, skills={Skill.SEWING})
    kind = draw(st.sampled_from(("text", "date", "sets", "risk", "criteria", "participant")))
    if kind == "text":
        name = draw(st.sampled_from(("interview_notes", "safety_plan", "experience",
                                     "skills_other")))
        setattr(data, name, draw(hostile_text()))
        if name == "skills_other" and draw(st.booleans()):
            data.skills = {Skill.OTHER}
    elif kind == "date":
        data.screened_on = draw(hostile_dates())
    elif kind == "sets":
        name, enum = draw(st.sampled_from((("needs", Need), ("skills", Skill),
                                           ("risk_reasons", RiskReason),
                                           ("barriers", Barrier))))
        setattr(data, name, draw(st.sets(_enum_or_text([e.value for e in enum]), max_size=3)))
    elif kind == "risk":
        data.risk_level = draw(_enum_or_text([r.value for r in RiskLevel]))  # type: ignore[assignment]
        data.risk_reasons = draw(st.sets(st.sampled_from(list(RiskReason)), max_size=2))
    elif kind == "criteria":
        data.criteria_met = draw(st.sets(_enum_or_text(sorted(REQUIRED)), max_size=8))
    else:
        data.participant_id = draw(hostile_ints())
    return data


def _participant(admin: Services) -> int:
    rows = admin.participants.list_rows()
    if rows:
        return rows[0].id
    return admin.participants.register(sample(nik=""), today=TODAY).id


@PROPERTY_SETTINGS
@given(data=screening_change())
def test_a_screening_is_stored_as_validated_or_refused_without_a_trace(
        admin: Services, data: ScreeningInput) -> None:
    pid = _participant(admin)
    if data.participant_id == 1:
        data.participant_id = pid
    before = admin.screening.for_participant(pid)
    status = admin.participants.get(pid).status
    try:
        saved = admin.screening.create(data, today=TODAY)
    except UserError as error:
        assert_known_refusal(error)
        assert admin.screening.for_participant(pid) == before
        assert admin.participants.get(pid).status == status
        return
    count_saved()
    codes = {c.code for c in admin.screening.criteria()}
    clean = validate_screening(data, registered_on=date(2026, 11, 20), today=TODAY,
                               known_codes=codes)
    stored = admin.screening.open_restricted(saved.id)
    for name in ("participant_id", *EDITABLE_FIELDS):
        assert getattr(stored, name) == getattr(clean, name), name
    assert len(admin.screening.for_participant(pid)) == len(before) + 1


@st.composite
def decision_change(draw: st.DrawFn) -> DecisionInput:
    data = DecisionInput(screening_id=-1, outcome=draw(st.sampled_from(list(DecisionOutcome))),
                         priority=3, reason_code=NotEligibleReason.OTHER,
                         reason_text="Alasan uji", referred_partner_id=-1,
                         decided_on=date(2026, 11, 23))
    kind = draw(st.sampled_from(("outcome", "priority", "reason_code", "reason_text",
                                 "partner", "date", "screening")))
    if kind == "outcome":
        data.outcome = draw(hostile_text(max_size=12))  # type: ignore[assignment]
    elif kind == "priority":
        data.outcome, data.priority = DecisionOutcome.WAITLISTED, draw(st.none() | hostile_ints())
    elif kind == "reason_code":
        data.outcome = DecisionOutcome.NOT_ELIGIBLE
        data.reason_code = draw(st.none() | _enum_or_text(  # type: ignore[assignment]
            [r.value for r in NotEligibleReason]))
    elif kind == "reason_text":
        data.reason_text = draw(hostile_text())
    elif kind == "partner":
        data.outcome = DecisionOutcome.REFERRED
        data.referred_partner_id = draw(st.none() | hostile_ints())
    elif kind == "date":
        data.decided_on = draw(hostile_dates())
    else:
        data.screening_id = draw(hostile_ints())
    return data


@PROPERTY_SETTINGS
@given(data=decision_change())
def test_a_decision_is_stored_as_validated_or_refused_without_a_trace(
        admin: Services, data: DecisionInput) -> None:
    pid = _participant(admin)
    screenings = admin.screening.for_participant(pid)
    if not screenings:
        screenings = [admin.screening.create(ScreeningInput(
            participant_id=pid, screened_on=SCREENED_ON, criteria_met=set(REQUIRED)),
            today=TODAY)]
    if not admin.care.partners():
        admin.care.add_partner("LBH Palembang", PartnerKind.NGO_LEGAL_AID)
    partner = admin.care.partners()[0].id
    if data.screening_id == -1:
        data.screening_id = screenings[0].id
    if data.referred_partner_id == -1:
        data.referred_partner_id = partner
    before = admin.decisions.for_participant(pid)
    status = admin.participants.get(pid).status
    try:
        saved = admin.decisions.decide(data, today=TODAY)
    except UserError as error:
        assert_known_refusal(error)
        assert admin.decisions.for_participant(pid) == before
        assert admin.participants.get(pid).status == status
        return
    count_saved()
    clean = validate_decision(data, screened_on=SCREENED_ON, today=TODAY,
                              active_partner_ids={p.id for p in admin.care.partners()})
    stored = admin.decisions.get(saved.id)
    for name in DECISION_FIELDS:
        assert getattr(stored, name) == getattr(clean, name), name
    assert stored.current and len(admin.decisions.for_participant(pid)) == len(before) + 1
