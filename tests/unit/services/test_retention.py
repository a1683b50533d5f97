"""Retention on a real vault: the years setting (admin only, validated), which women are due
(last activity older than the period, not anonymised), and their anonymisation: refused without
the typed codes or for a non-admin, all or none, into the erasure ledger, audited."""

from __future__ import annotations

from datetime import date

import pytest
from support.constants import PASSWORD
from support.participant_samples import sample
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.care import ServiceInput
from kdrt_desk.domain.enums import ConsentScope, Role, ServiceKind, ServiceStatus
from kdrt_desk.domain.participant import Consent
from kdrt_desk.errors import PermissionDeniedError, UserError
from kdrt_desk.repositories.names import ANONYMISED_MARKER
from kdrt_desk.services.backups import ledger_of
from kdrt_desk.services.retention import DEFAULT_YEARS, codes_match
from kdrt_desk.wiring import Services

TODAY = date(2026, 11, 27)
OLD = date(2019, 3, 4)  # more than 5 years before TODAY
RECENT = date(2024, 6, 10)


def _register(services: Services, on: date, name: str) -> tuple[int, str]:
    record = services.participants.register(sample(
        full_name=name, nik="", registered_on=on,
        consent=Consent(on, {ConsentScope.DATA_USE, ConsentScope.CONTACT})), today=on)
    return record.id, record.code


@pytest.fixture
def women(admin: Services) -> dict[str, tuple[int, str]]:
    found = {"old": _register(admin, OLD, "Siti Lama"),
             "served": _register(admin, OLD, "Rina Layanan"),
             "signed": _register(admin, OLD, "Dewi Tanda Tangan"),
             "new": _register(admin, RECENT, "Ayu Baru")}
    admin.care.record(ServiceInput(participant_id=found["served"][0],
                                   kind=ServiceKind.COUNSELLING, service_date=RECENT,
                                   status=ServiceStatus.DONE), today=TODAY)
    admin.consent.record_form_signed(found["signed"][0], RECENT, today=TODAY)
    return found


def test_years_default_and_validation(admin: Services) -> None:
    assert admin.retention.years() == DEFAULT_YEARS == 5
    for bad in (-1, 51, 1000):
        with pytest.raises(UserError) as refused:
            admin.retention.set_years(bad)
        assert refused.value.key == "error.retention_years_range"
        assert "0" in refused.value.message and "50" in refused.value.message
    admin.retention.set_years(0)
    assert admin.retention.years() == 0
    admin.retention.set_years(7)
    assert admin.retention.years() == 7
    [entry, *_] = admin.audit.entries(action="retention_years_changed")
    assert entry.details == {"before": 0, "years": 7}


def test_due_lists_only_the_quiet_and_not_anonymised(
        admin: Services, women: dict[str, tuple[int, str]]) -> None:
    [due] = admin.retention.due(TODAY)
    assert (due.participant_id, due.code) == women["old"]
    assert due.last_activity == OLD and due.years_since == 7
    assert "Siti" not in repr(due)  # no sealed field, no name
    admin.retention.set_years(2)  # RECENT is 2 years 5 months back: now they are all due
    assert {d.code for d in admin.retention.due(TODAY)} == {c for _i, c in women.values()}
    admin.retention.set_years(0)
    assert admin.retention.due(TODAY) == []


def test_anonymise_needs_the_typed_codes_and_writes_the_ledger(
        admin: Services, women: dict[str, tuple[int, str]]) -> None:
    pid, code = women["old"]
    for wrong in ("", "KDRT-0000", f"{code} {women['new'][1]}"):
        with pytest.raises(UserError) as refused:
            admin.retention.anonymise([pid], wrong, TODAY)
        assert refused.value.key == "error.retention_unconfirmed"
    assert admin.participants.get(pid).anonymised_on is None
    # one not due in the batch: nothing at all is anonymised
    with pytest.raises(UserError) as refused:
        admin.retention.anonymise([pid, women["new"][0]], f"{code}, {women['new'][1]}", TODAY)
    assert refused.value.key == "error.retention_not_due"
    assert admin.participants.get(pid).anonymised_on is None
    with pytest.raises(UserError):
        admin.retention.anonymise([], "", TODAY)

    assert admin.retention.anonymise([pid], f"  {code.lower()} ", TODAY) == [code]
    record = admin.participants.get(pid)
    assert record.anonymised_on == TODAY and record.full_name != "Siti Lama"
    with admin.vault.db.reading() as session:
        from kdrt_desk.models import Participant

        row = session.get(Participant, pid)
        assert row is not None and row.full_name == ANONYMISED_MARKER and row.phone is None
    assert ledger_of(admin.vault.db.engine) == {pid: TODAY}
    assert admin.retention.due(TODAY) == []  # anonymised: no longer proposed
    [entry] = admin.audit.entries(action="retention_anonymised")
    assert entry.target == code and entry.details["years"] == 5
    assert "Siti" not in str(entry.details)


def test_a_non_admin_may_neither_set_years_nor_anonymise(
        vault: VaultFixture, women: dict[str, tuple[int, str]], admin: Services) -> None:
    admin.accounts.add_account("konselor1", Role.KONSELOR, PASSWORD)
    admin.close()
    konselor = vault.services("konselor1")
    try:
        pid, code = women["old"]
        with pytest.raises(PermissionDeniedError):
            konselor.retention.set_years(3)
        with pytest.raises(PermissionDeniedError):
            konselor.retention.due(TODAY)
        with pytest.raises(PermissionDeniedError):
            konselor.retention.anonymise([pid], code, TODAY)
        assert konselor.retention.years() == 5
        assert ledger_of(konselor.vault.db.engine) == {}
    finally:
        konselor.close()


def test_codes_match_is_the_typed_code_rule() -> None:
    assert codes_match("KDRT-1 kdrt-2", ["KDRT-2", "KDRT-1"])
    assert codes_match("KDRT-1;KDRT-2,", ["KDRT-1", "KDRT-2"])
    assert not codes_match("KDRT-1", ["KDRT-1", "KDRT-2"])
    assert not codes_match("KDRT-1 KDRT-2 KDRT-3", ["KDRT-1", "KDRT-2"])
    assert not codes_match("", [])
