"""Livelihood follow-ups and business capital on a real vault: every refusal with its message,
the plausibility confirmation, permissions, repayments, and the indicators' plain data."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from support.participant_samples import TODAY, sample

from kdrt_desk.domain.enums import Role
from kdrt_desk.domain.livelihood import (
    BusinessKind,
    CapitalInput,
    CapitalKind,
    CapitalTotals,
    LivelihoodInput,
    LivelihoodStatus,
    SalesChannel,
)
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.models import AuditEntry, Setting
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.livelihood_validation import ConfirmationNeededError
from kdrt_desk.services.livelihoods import INCOME_BOUND_KEY, LivelihoodService
from kdrt_desk.wiring import Services

REGISTERED = date(2026, 11, 20)  # sample()'s registration
LBH = 3


@pytest.fixture
def pid(admin: Services) -> int:
    return admin.participants.register(sample(), today=TODAY).id


def _record(**changes: object) -> LivelihoodInput:
    data = LivelihoodInput(recorded_on=date(2026, 11, 25), status=LivelihoodStatus.BUSINESS,
                           business_kind=BusinessKind.FOOD, monthly_income=1_500_000,
                           savings=200_000, covers_basic_needs=False, depends_on_abuser=True,
                           channels=(SalesChannel.SOCIAL_MEDIA, SalesChannel.ORDERS),
                           note="  Jualan   pempek  ")
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def _capital(**changes: object) -> CapitalInput:
    data = CapitalInput(given_on=date(2026, 11, 22), amount=2_000_000, source=LBH,
                        purpose="Gerobak", kind=CapitalKind.LOAN,
                        repayments=((date(2026, 11, 26), 500_000),))
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def _refusal(call: object) -> dict[str, str]:
    """The keys of the messages by field (each key has a text in both languages)."""
    assert callable(call)
    with pytest.raises(ValidationError) as exc:
        call()
    for error in exc.value.errors:
        assert error.key in MESSAGES and error.message and error.message != error.key
    return {e.field or "": e.key for e in exc.value.errors}


def _audit(services: Services) -> list[tuple[str, str]]:
    with services.vault.db.reading() as session:
        return [(a, d) for a, d in session.execute(
            select(AuditEntry.action, AuditEntry.details).order_by(AuditEntry.id))]


def test_a_record_is_stored_cleaned_and_audited_without_values(admin: Services,
                                                               pid: int) -> None:
    service = admin.livelihoods
    view = service.add_record(pid, _record(), today=TODAY)
    assert (view.status, view.business_kind, view.monthly_income, view.savings,
            view.channels, view.note) == (
        LivelihoodStatus.BUSINESS, BusinessKind.FOOD, 1_500_000, 200_000,
        (SalesChannel.SOCIAL_MEDIA, SalesChannel.ORDERS), "Jualan pempek")
    assert service.records(pid) == [view]
    changed = service.update_record(view.id, _record(monthly_income=2_000_000,
                                                     depends_on_abuser=False), today=TODAY)
    assert changed.monthly_income == 2_000_000 and changed.depends_on_abuser is False
    entries = [e for e in _audit(admin) if e[0].startswith("livelihood_")]
    assert [e[0] for e in entries] == ["livelihood_recorded", "livelihood_updated"]
    assert '"monthly_income"' in entries[1][1] and '"depends_on_abuser"' in entries[1][1]
    assert '"savings"' not in entries[1][1]  # only what changed
    for _action, details in entries:
        assert "1500000" not in details and "2000000" not in details and "pempek" not in details
    service.delete_record(view.id)
    assert service.records(pid) == []
    assert _audit(admin)[-1][0] == "livelihood_deleted"


def test_every_bad_livelihood_input_has_its_message(admin: Services, pid: int) -> None:
    service = admin.livelihoods

    def add(**changes: object) -> object:
        return lambda: service.add_record(pid, _record(**changes), today=TODAY)

    assert _refusal(add(recorded_on=None)) == {"recorded_on": "error.required"}
    assert _refusal(add(recorded_on=date(2026, 11, 28))) == {"recorded_on": "error.date_future"}
    assert _refusal(add(recorded_on=date(2026, 11, 19))) == {
        "recorded_on": "error.livelihood.before_registration"}
    assert _refusal(add(monthly_income=-1, savings=-5)) == {
        "monthly_income": "error.livelihood.negative", "savings": "error.livelihood.negative"}
    assert _refusal(add(monthly_income=1.5)) == {
        "monthly_income": "error.livelihood.whole_rupiah"}
    assert _refusal(add(status=LivelihoodStatus.EMPLOYED)) == {
        "business_kind": "error.livelihood.kind_without_business"}
    assert _refusal(add(status="rich", business_kind="mining")) == {
        "status": "error.choice_unknown", "business_kind": "error.choice_unknown"}
    assert _refusal(add(channels=("tv",))) == {"channels": "error.choice_unknown"}
    assert _refusal(add(note="x" * 201)) == {"note": "error.too_long"}
    assert _refusal(add(note="baris\x00dua")) == {"note": "error.control_character"}
    assert service.records(pid) == []


def test_an_implausible_income_asks_for_confirmation(admin: Services, pid: int) -> None:
    service = admin.livelihoods
    with pytest.raises(ConfirmationNeededError) as exc:
        service.add_record(pid, _record(monthly_income=60_000_000), today=TODAY)
    assert exc.value.field == "monthly_income"
    assert "Rp 60.000.000" in exc.value.message and "Rp 50.000.000" in exc.value.message
    assert service.records(pid) == []
    saved = service.add_record(pid, _record(monthly_income=60_000_000, confirmed=True),
                               today=TODAY)
    assert saved.monthly_income == 60_000_000
    with admin.vault.db.transaction() as session:  # the bound is a setting
        session.add(Setting(key=INCOME_BOUND_KEY, value="70000000"))
    assert service.bounds()[0] == 70_000_000
    assert service.add_record(pid, _record(monthly_income=65_000_000),
                              today=TODAY).monthly_income == 65_000_000
    with pytest.raises(ConfirmationNeededError) as capital:
        service.add_capital(pid, _capital(amount=150_000_000, repayments=()), today=TODAY)
    assert capital.value.field == "amount"
    assert service.add_capital(pid, _capital(amount=150_000_000, repayments=(),
                                             confirmed=True), today=TODAY).amount == 150_000_000


def test_capital_and_its_repayment_rules(admin: Services, pid: int) -> None:
    service = admin.livelihoods

    def add(**changes: object) -> object:
        return lambda: service.add_capital(pid, _capital(**changes), today=TODAY)

    assert _refusal(add(amount=None)) == {"amount": "error.required"}
    assert _refusal(add(amount=-100)) == {"amount": "error.livelihood.negative"}
    assert _refusal(add(amount=0, repayments=())) == {"amount": "error.livelihood.amount_zero"}
    assert _refusal(add(given_on=date(2026, 11, 1))) == {
        "given_on": "error.livelihood.before_registration"}
    assert _refusal(add(source=999)) == {"source": "error.partner_unknown"}
    assert _refusal(add(kind=CapitalKind.GRANT)) == {"repayments": "error.livelihood.grant_repaid"}
    assert _refusal(add(repayments=((date(2026, 11, 21), 100_000),))) == {
        "repayments": "error.livelihood.repaid_before_given"}
    assert _refusal(add(repayments=((date(2026, 11, 23), 1_500_000),
                                    (date(2026, 11, 26), 600_000)))) == {
        "repayments": "error.livelihood.repaid_too_much"}
    assert _refusal(add(repayments=((date(2026, 11, 23), 0),))) == {
        "repayments": "error.livelihood.repayment_amount"}
    assert _refusal(add(repayments=((date(2026, 11, 30), 100),))) == {
        "repayments": "error.date_future"}
    assert service.capital(pid) == []
    loan = service.add_capital(pid, _capital(repayments=((date(2026, 11, 23), 1_500_000),
                                                         (date(2026, 11, 26), 500_000))),
                               today=TODAY)
    assert (loan.repaid, loan.outstanding, loan.source_name) == (2_000_000, 0, "LBH Palembang")
    grant = service.add_capital(pid, _capital(kind=CapitalKind.GRANT, repayments=(),
                                              source=None), today=TODAY)
    assert (grant.repaid, grant.outstanding, grant.source_name) == (0, 0, "")
    edited = service.update_capital(loan.id, _capital(), today=TODAY)
    assert edited.outstanding == 1_500_000
    entry = [d for a, d in _audit(admin) if a == "capital_updated"][-1]
    assert '"repayments"' in entry and "500000" not in entry
    service.delete_capital(grant.id)
    assert [c.id for c in service.capital(pid)] == [loan.id]


@pytest.mark.parametrize("role", [Role.FASILITATOR])
def test_a_facilitator_may_neither_read_nor_write(admin: Services, pid: int, role: Role) -> None:
    record = admin.livelihoods.add_record(pid, _record(), today=TODAY)
    other = LivelihoodService(admin.vault.db, Actor(99, "fasilitator1", role))
    for call in (lambda: other.records(pid), lambda: other.capital(pid),
                 lambda: other.add_record(pid, _record(), today=TODAY),
                 lambda: other.update_record(record.id, _record(), today=TODAY),
                 lambda: other.delete_record(record.id),
                 lambda: other.add_capital(pid, _capital(), today=TODAY),
                 lambda: other.for_indicators(TODAY, TODAY),
                 lambda: other.capital_totals(TODAY, TODAY)):
        with pytest.raises(PermissionDeniedError):
            call()
    staff = LivelihoodService(admin.vault.db, Actor(98, "staf1", Role.STAF))
    assert [r.id for r in staff.records(pid)] == [record.id]


def test_unknown_and_anonymised_participants_are_refused(admin: Services, pid: int) -> None:
    service = admin.livelihoods
    with pytest.raises(UserError) as exc:
        service.add_record(999, _record(), today=TODAY)
    assert exc.value.key == "error.participant_unknown"
    record = service.add_record(pid, _record(), today=TODAY)
    admin.consent.withdraw_data_use(pid, TODAY, confirm=True, today=TODAY)
    for call in (lambda: service.add_record(pid, _record(), today=TODAY),
                 lambda: service.add_capital(pid, _capital(), today=TODAY),
                 lambda: service.update_record(record.id, _record(), today=TODAY)):
        with pytest.raises(UserError) as refused:
            call()
        assert refused.value.key in ("error.participant_anonymised", "error.livelihood.unknown")
    with pytest.raises(UserError) as gone:
        service.update_record(987654, _record(), today=TODAY)
    assert gone.value.key == "error.livelihood.unknown"


def test_for_indicators_and_capital_totals_on_a_small_fixture(admin: Services) -> None:
    service = admin.livelihoods
    a = admin.participants.register(sample(full_name="Ani Rahma", nik=""), today=TODAY).id
    b = admin.participants.register(sample(full_name="Butet Sari", nik=""), today=TODAY).id
    c = admin.participants.register(sample(full_name="Cici Wulan", nik=""), today=TODAY).id
    plain = {"business_kind": None, "status": LivelihoodStatus.NONE}
    service.add_record(a, _record(recorded_on=date(2026, 11, 24), monthly_income=1_000_000),
                       today=TODAY)
    service.add_record(a, _record(recorded_on=date(2026, 11, 21), monthly_income=None,
                                  **plain), today=TODAY)
    service.add_record(b, _record(recorded_on=date(2026, 11, 21), monthly_income=300_000),
                       today=TODAY)
    service.add_record(c, _record(recorded_on=date(2026, 11, 27), monthly_income=900_000,
                                  depends_on_abuser=False), today=TODAY)
    found = service.for_indicators(date(2026, 11, 23), date(2026, 11, 25))
    assert list(found) == [a]  # b has nothing in the period; c's is after it
    assert [(p.recorded_on, p.status, p.monthly_income) for p in found[a]] == [
        (date(2026, 11, 21), LivelihoodStatus.NONE, None),  # her baseline, before the period
        (date(2026, 11, 24), LivelihoodStatus.BUSINESS, 1_000_000)]
    everything = service.for_indicators(date(2026, 11, 20), TODAY)
    assert sorted(everything) == sorted([a, b, c])
    assert everything[c][0].depends_on_abuser is False

    service.add_capital(a, _capital(given_on=date(2026, 11, 21), amount=1_000_000,
                                    repayments=((date(2026, 11, 22), 100_000),
                                                (date(2026, 11, 24), 200_000))), today=TODAY)
    service.add_capital(b, _capital(given_on=date(2026, 11, 24), amount=3_000_000,
                                    kind=CapitalKind.GRANT, repayments=()), today=TODAY)
    service.add_capital(c, _capital(given_on=date(2026, 11, 27), amount=5_000_000,
                                    repayments=((date(2026, 11, 27), 50_000),)), today=TODAY)
    assert service.capital_totals(date(2026, 11, 23), date(2026, 11, 25)) == CapitalTotals(
        count=1, disbursed=3_000_000, repaid=200_000)
    assert service.capital_totals(date(2026, 11, 20), TODAY) == CapitalTotals(
        count=3, disbursed=9_000_000, repaid=350_000)
    assert service.capital_totals(date(2026, 12, 1), date(2026, 12, 31)) == CapitalTotals(0, 0, 0)
