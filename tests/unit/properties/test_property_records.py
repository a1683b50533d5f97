"""Property tests of what is recorded about a participant (issue 14): services and referrals,
livelihood follow-ups and business capital (negative and huge amounts), and assessments
(answers out of range).

Each call either stores what the service's validator returns, read back equal, or is refused
with a catalogued user error and adds nothing.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date

import pytest
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

from kdrt_desk.domain.assessment import AssessmentInput, Round
from kdrt_desk.domain.care import ServiceInput
from kdrt_desk.domain.enums import PartnerKind, ServiceKind, ServiceStatus
from kdrt_desk.domain.instruments import WHO5
from kdrt_desk.domain.livelihood import (
    BusinessKind,
    CapitalInput,
    CapitalKind,
    LivelihoodInput,
    LivelihoodStatus,
    SalesChannel,
)
from kdrt_desk.errors import UserError
from kdrt_desk.services.care import validate_service
from kdrt_desk.services.livelihood_validation import (
    MAX_AMOUNT,
    validate_capital,
    validate_livelihood,
)
from kdrt_desk.wiring import Services

REGISTERED = date(2026, 11, 20)
DAY = date(2026, 11, 25)


@pytest.fixture
def her(admin: Services) -> int:
    """One registered participant (registered on 20 November) and one partner organisation."""
    admin.care.add_partner("Puskesmas Plaju", PartnerKind.GOVERNMENT)
    return admin.participants.register(sample(nik=""), today=TODAY).id


def _enum_or_text(values: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(values) | hostile_text(max_size=12)


@st.composite
def service_change(draw: st.DrawFn) -> ServiceInput:
    data = ServiceInput(participant_id=0, kind=ServiceKind.COUNSELLING, service_date=DAY,
                        partner_id=None, provider_note="Psikolog Puskesmas",
                        status=ServiceStatus.REFERRED, outcome_note="")
    kind = draw(st.sampled_from(("kind", "status", "date", "partner", "provider", "outcome",
                                 "participant")))
    if kind == "kind":
        data.kind = draw(_enum_or_text([k.value for k in ServiceKind]))  # type: ignore[assignment]
    elif kind == "status":
        data.status = draw(_enum_or_text(  # type: ignore[assignment]
            [s.value for s in ServiceStatus]))
    elif kind == "date":
        data.service_date = draw(st.none() | hostile_dates())
    elif kind == "partner":
        data.partner_id = draw(st.just(-1) | hostile_ints())
    elif kind == "provider":
        data.provider_note = draw(hostile_text())
    elif kind == "outcome":
        data.outcome_note = draw(hostile_text())
    else:
        data.participant_id = draw(hostile_ints())
    return data


@PROPERTY_SETTINGS
@given(data=service_change())
def test_a_service_is_recorded_as_validated_or_refused_and_none_is_added(
        admin: Services, her: int, data: ServiceInput) -> None:
    partner = admin.care.partners()[0].id
    data.participant_id = data.participant_id or her
    data.partner_id = partner if data.partner_id == -1 else data.partner_id
    before = admin.care.for_participant(her)
    try:
        saved = admin.care.record(data, today=TODAY)
    except UserError as error:
        assert_known_refusal(error)
        assert admin.care.for_participant(her) == before
        return
    count_saved()
    clean = validate_service(data, registered_on=REGISTERED, today=TODAY, partners={
        p.id: p.active for p in admin.care.partners(active_only=False)})
    after = admin.care.for_participant(her)
    stored = next(s for s in after if s.id == saved.id)
    assert len(after) == len(before) + 1
    for name in ("kind", "service_date", "partner_id", "provider_note", "status"):
        assert getattr(stored, name) == getattr(clean, name), name
    assert admin.care.open_outcome_note(saved.id) == clean.outcome_note


@st.composite
def livelihood_change(draw: st.DrawFn) -> LivelihoodInput:
    data = LivelihoodInput(recorded_on=DAY, status=LivelihoodStatus.BUSINESS,
                           business_kind=BusinessKind.FOOD, monthly_income=750_000,
                           savings=100_000, covers_basic_needs=True, depends_on_abuser=False,
                           channels=(SalesChannel.BAZAAR,), note="Jualan pempek",
                           confirmed=draw(st.booleans()))
    kind = draw(st.sampled_from(("income", "savings", "date", "status", "kind", "channels",
                                 "note")))
    if kind == "income":
        data.monthly_income = draw(st.none() | hostile_ints())
    elif kind == "savings":
        data.savings = draw(st.none() | hostile_ints())
    elif kind == "date":
        data.recorded_on = draw(st.none() | hostile_dates())
    elif kind == "status":
        data.status = draw(_enum_or_text([s.value for s in LivelihoodStatus]))
    elif kind == "kind":
        data.business_kind = draw(st.none() | _enum_or_text([k.value for k in BusinessKind]))
    elif kind == "channels":
        data.channels = tuple(draw(st.lists(_enum_or_text([c.value for c in SalesChannel]),
                                            max_size=4)))
    else:
        data.note = draw(hostile_text())
    return data


@PROPERTY_SETTINGS
@given(data=livelihood_change())
def test_a_livelihood_follow_up_is_stored_as_validated_or_refused(
        admin: Services, her: int, data: LivelihoodInput) -> None:
    before = admin.livelihoods.records(her)
    try:
        saved = admin.livelihoods.add_record(her, data, today=TODAY)
    except UserError as error:
        assert_known_refusal(error)
        assert admin.livelihoods.records(her) == before
        return
    count_saved()
    clean = validate_livelihood(data, registered_on=REGISTERED, today=TODAY,
                                income_bound=admin.livelihoods.bounds()[0])
    # a confirmation admits an amount above the plausibility bound, never an absurd one
    assert all(v is None or 0 <= v <= MAX_AMOUNT for v in (data.monthly_income, data.savings))
    stored = [r for r in admin.livelihoods.records(her) if r.id == saved.id]
    assert len(stored) == 1 and len(admin.livelihoods.records(her)) == len(before) + 1
    for field in fields(clean):
        assert getattr(stored[0], field.name) == getattr(clean, field.name), field.name


@st.composite
def capital_change(draw: st.DrawFn) -> CapitalInput:
    data = CapitalInput(given_on=DAY, amount=2_000_000, source=None, purpose="Modal gerobak",
                        kind=CapitalKind.LOAN, repayments=((date(2026, 11, 26), 100_000),),
                        confirmed=draw(st.booleans()))
    kind = draw(st.sampled_from(("amount", "date", "source", "purpose", "kind", "repayments")))
    if kind == "amount":
        data.amount = draw(st.none() | hostile_ints())
    elif kind == "date":
        data.given_on = draw(st.none() | hostile_dates())
    elif kind == "source":
        data.source = draw(st.just(-1) | hostile_ints())
    elif kind == "purpose":
        data.purpose = draw(hostile_text())
    elif kind == "kind":
        data.kind = draw(_enum_or_text([k.value for k in CapitalKind]))
    else:
        data.repayments = tuple(draw(st.lists(st.tuples(hostile_dates(), hostile_ints()),
                                              max_size=4)))
    return data


@PROPERTY_SETTINGS
@given(data=capital_change())
def test_business_capital_is_stored_as_validated_or_refused(
        admin: Services, her: int, data: CapitalInput) -> None:
    partner = admin.care.partners()[0].id
    data.source = partner if data.source == -1 else data.source
    before = admin.livelihoods.capital(her)
    try:
        saved = admin.livelihoods.add_capital(her, data, today=TODAY)
    except UserError as error:
        assert_known_refusal(error)
        assert admin.livelihoods.capital(her) == before
        return
    count_saved()
    clean = validate_capital(data, registered_on=REGISTERED, today=TODAY,
                             partners=[p.id for p in admin.care.partners(active_only=False)],
                             capital_bound=admin.livelihoods.bounds()[1])
    assert isinstance(data.amount, int) and 0 < data.amount <= MAX_AMOUNT
    assert all(0 < value <= MAX_AMOUNT for _day, value in data.repayments)
    stored = [c for c in admin.livelihoods.capital(her) if c.id == saved.id]
    assert len(stored) == 1 and len(admin.livelihoods.capital(her)) == len(before) + 1
    for field in fields(clean):
        assert getattr(stored[0], field.name) == getattr(clean, field.name), field.name


ITEMS = len(WHO5.items)


@st.composite
def assessment_change(draw: st.DrawFn) -> dict[str, object]:
    """The parts of a valid WHO-5 assessment with one of them hostile."""
    values: dict[str, object] = {
        "answers": draw(st.lists(st.integers(0, 5), min_size=ITEMS, max_size=ITEMS)),
        "round_": draw(st.sampled_from(list(Round))).value, "assessed_on": DAY, "code": "WHO5",
        "group": None}
    name = draw(st.sampled_from(sorted(values)))
    values[name] = draw({
        "answers": st.lists(st.none() | st.integers(-2, 7) | hostile_ints(), min_size=ITEMS,
                            max_size=ITEMS) | st.lists(st.integers(0, 5), max_size=ITEMS + 2)
        | st.lists(st.none() | st.integers(0, 5), min_size=ITEMS, max_size=ITEMS),
        "round_": hostile_text(max_size=12) | st.sampled_from(list(Round)).map(str),
        "assessed_on": st.none() | hostile_dates() | st.dates(REGISTERED, date.today()),
        "code": hostile_text(max_size=8) | st.just("WHO5"),
        "group": hostile_ints() | st.none()}[name])
    return values


@PROPERTY_SETTINGS
@given(values=assessment_change())
def test_an_assessment_is_stored_as_answered_or_refused(
        admin: Services, her: int, values: dict[str, object]) -> None:
    answers: list[int | None] = values["answers"]  # type: ignore[assignment]
    round_, code = str(values["round_"]), str(values["code"])
    assessed_on: date | None = values["assessed_on"]  # type: ignore[assignment]
    group: int | None = values["group"]  # type: ignore[assignment]
    data = AssessmentInput(her, code, round_, assessed_on, tuple(answers), group)
    before = admin.assessments.for_participant(her)
    try:
        saved = admin.assessments.record(data)
    except UserError as error:
        assert_known_refusal(error)
        assert admin.assessments.for_participant(her) == before
        return
    count_saved()
    assert code == "WHO5" and all(a is None or WHO5.scale_min <= a <= WHO5.scale_max
                                  for a in answers)
    stored = [a for a in admin.assessments.for_participant(her) if a.id == saved.id]
    assert len(stored) == 1 and len(admin.assessments.for_participant(her)) == len(before) + 1
    assert stored[0].answers == tuple(answers)
    assert (stored[0].round, stored[0].assessed_on) == (Round(round_), assessed_on)
