"""The register on a real encrypted vault: saving, searching, roles, duplicates, audit."""

from __future__ import annotations

import json
from datetime import date
from typing import NamedTuple

import pytest
from sqlalchemy import func, select
from support.constants import PASSWORD
from support.participant_samples import TODAY, sample
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.enums import ParticipantStatus, RiskLevel, Role
from kdrt_desk.domain.participant import RegisterQuery
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.models import AuditEntry, Participant, ParticipantCase
from kdrt_desk.wiring import Services


class AuditRow(NamedTuple):
    action: str
    target: str
    details: str


def _login_as(vault: VaultFixture, admin: Services, role: Role) -> Services:
    admin.accounts.add_account(f"{role.value}1", role, PASSWORD)
    admin.close()
    return vault.services(f"{role.value}1")


def _audit(services: Services) -> list[AuditRow]:
    with services.vault.db.reading() as session:
        return [AuditRow(*row) for row in session.execute(
            select(AuditEntry.action, AuditEntry.target, AuditEntry.details)
            .order_by(AuditEntry.id))]


def test_register_assigns_codes_per_year_and_saves_everything(admin: Services) -> None:
    first = admin.participants.register(sample(), today=TODAY)
    second = admin.participants.register(
        sample(full_name="Rina Wulandari", nik="", birth_date=date(1990, 1, 1)), today=TODAY)
    assert (first.code, second.code) == ("KD-2026-0001", "KD-2026-0002")
    opened = admin.participants.open_restricted(first.id)
    assert opened.case is not None and opened.case.duration_months == 36
    assert opened.consent.recorded_by == "admin"
    assert opened.phone == "+6281234567890"
    assert opened.children_ages == [4, 9]


def test_invalid_input_saves_nothing(admin: Services) -> None:
    with pytest.raises(ValidationError):
        admin.participants.register(sample(kecamatan=""), today=TODAY)
    with admin.vault.db.reading() as session:
        assert session.scalar(select(func.count(Participant.id))) == 0
        assert session.scalar(select(func.count(ParticipantCase.participant_id))) == 0


def _two_women(admin: Services) -> None:
    admin.participants.register(sample(), today=TODAY)
    admin.participants.register(sample(full_name="Dewi Anggraini", preferred_name="Dewi", nik="",
                                       phone="0857-1111-2222", birth_date=date(1992, 3, 3)),
                                today=TODAY)


@pytest.mark.parametrize("typed", ["siti", "AMI", "kd-2026-0001", "1671044506850001",
                                   "1671 0445 0685 0001", "850001", "0812-3456-7890",
                                   "+62 812 3456 7890", "6281234567890", "7890"])
def test_search_by_name_preferred_name_code_nik_or_phone(admin: Services, typed: str) -> None:
    """A NIK in full or by its last 6 digits, a phone in full (however written) or by its
    last 4 digits: through the blind index, since both are sealed."""
    _two_women(admin)
    page = admin.participants.register_page(RegisterQuery(text=typed))
    assert [r.full_name for r in page.rows] == ["Siti Aminah Lestari"]


@pytest.mark.parametrize("typed", ["+62 812 3456", "081234", "16710445", "44506850001",
                                   "345678", "567"])
def test_a_nik_or_phone_no_longer_matches_by_any_part(admin: Services, typed: str) -> None:
    """Changed on purpose with sealing: no substring of a sealed field finds anyone."""
    _two_women(admin)
    assert admin.participants.register_page(RegisterQuery(text=typed)).rows == []


def test_filters_and_sorting(admin: Services) -> None:
    for name, kecamatan in (("Yuli", "Plaju"), ("Ani", "Kertapati"), ("Maya", "Plaju")):
        admin.participants.register(sample(full_name=name, nik="", phone="",
                                           birth_date=date(1990, 1, 1), kecamatan=kecamatan),
                                    today=TODAY)
    rows = admin.participants.list_rows(RegisterQuery(kecamatan="Plaju", sort="full_name"))
    assert [r.full_name for r in rows] == ["Maya", "Yuli"]
    rows = admin.participants.list_rows(RegisterQuery(sort="full_name", descending=True))
    assert [r.full_name for r in rows] == ["Yuli", "Maya", "Ani"]
    assert admin.participants.list_rows(RegisterQuery(status=ParticipantStatus.ENROLLED)) == []


def test_lazy_pages_return_rows_in_the_order_asked(admin: Services) -> None:
    for i in range(5):
        admin.participants.register(sample(full_name=f"Peserta {chr(65 + i)}", nik="", phone="",
                                           birth_date=date(1990, 1, 1)), today=TODAY)
    page = admin.participants.register_page(RegisterQuery(sort="full_name", descending=True),
                                            first=2)
    assert len(page.ids) == 5 and len(page.rows) == 2
    rest = admin.participants.rows_by_ids(page.ids[2:])
    assert [r.full_name for r in page.rows + rest] == [f"Peserta {c}" for c in "EDCBA"]


def test_possible_duplicates_same_nik_or_similar_name_and_birth_date(admin: Services) -> None:
    saved = admin.participants.register(sample(), today=TODAY)
    same_nik = admin.participants.find_duplicates(sample(full_name="Orang Lain"))
    assert [(d.code, d.reason) for d in same_nik] == [(saved.code, "nik")]
    similar = admin.participants.find_duplicates(sample(full_name="Siti Aminah Lestary", nik=""))
    assert [(d.code, d.reason) for d in similar] == [(saved.code, "name_birth_date")]
    assert admin.participants.find_duplicates(sample(full_name="Rahmawati", nik="")) == []
    assert admin.participants.find_duplicates(sample(), exclude_id=saved.id) == []


def test_update_audits_field_names_not_values(admin: Services) -> None:
    saved = admin.participants.register(sample(), today=TODAY)
    edit = admin.participants.open_restricted(saved.id)
    edit.phone = "0813-2222-3333"
    assert edit.case is not None
    edit.case.safety_notes = "Catatan baru yang rahasia"
    updated = admin.participants.update(saved.id, edit, edit.version, today=TODAY)
    assert updated.phone == "+6281322223333"
    entry = [e for e in _audit(admin) if e.action == "participant_updated"][-1]
    assert json.loads(entry.details) == {"fields": ["case", "phone"]}
    assert "3333" not in entry.details and "rahasia" not in entry.details


def test_a_stale_edit_is_refused(admin: Services) -> None:
    saved = admin.participants.register(sample(), today=TODAY)
    first = admin.participants.get(saved.id)
    second = admin.participants.get(saved.id)
    first.occupation = "Penjahit"
    admin.participants.update(saved.id, first, first.version, today=TODAY)
    second.occupation = "Penjual pempek"
    with pytest.raises(UserError) as exc:
        admin.participants.update(saved.id, second, second.version, today=TODAY)
    assert exc.value.key == "error.edited_elsewhere"
    assert admin.participants.get(saved.id).occupation == "Penjahit"


def test_every_opening_of_the_restricted_section_is_audited(admin: Services) -> None:
    saved = admin.participants.register(sample(), today=TODAY)
    admin.participants.open_restricted(saved.id)
    assert [e.target for e in _audit(admin) if e.action == "restricted_opened"] == [saved.code]
    assert admin.participants.get(saved.id).case is None


def test_office_staff_cannot_read_the_case_even_through_the_service(
        vault: VaultFixture, admin: Services) -> None:
    saved = admin.participants.register(sample(), today=TODAY)
    staf = _login_as(vault, admin, Role.STAF)
    try:
        with pytest.raises(PermissionDeniedError):
            staf.participants.open_restricted(saved.id)
        assert [e.target for e in _audit(staf) if e.action == "restricted_refused"] == [saved.code]
        with pytest.raises(PermissionDeniedError):
            staf.participants.register(sample(nik=""), today=TODAY)  # carries a case
        edit = staf.participants.get(saved.id)
        assert edit.case is None and edit.phone
        edit.occupation = "Penjahit"
        staf.participants.update(saved.id, edit, edit.version, today=TODAY)
    finally:
        staf.close()
    again = vault.services()
    try:
        kept = again.participants.open_restricted(saved.id)
        assert kept.case is not None and kept.case.duration_months == 36  # case untouched
    finally:
        again.close()


def test_facilitators_see_no_one_and_no_contact_columns(
        vault: VaultFixture, admin: Services) -> None:
    admin.participants.register(sample(), today=TODAY)
    fasilitator = _login_as(vault, admin, Role.FASILITATOR)
    try:
        assert fasilitator.participants.list_rows() == []
        assert "nik" not in fasilitator.participants.visible_columns()
        assert "phone" not in fasilitator.participants.visible_columns()
        with pytest.raises(PermissionDeniedError):
            fasilitator.participants.get(1)
        with pytest.raises(PermissionDeniedError):
            fasilitator.participants.register(sample(case=None), today=TODAY)
    finally:
        fasilitator.close()


def test_the_high_risk_flag_reaches_only_roles_that_may_see_risk(
        vault: VaultFixture, admin: Services) -> None:
    saved = admin.participants.register(sample(), today=TODAY)
    with admin.vault.db.transaction() as session:
        session.get(Participant, saved.id).risk_level = "high"  # as the latest screening set it
    rows = admin.participants.list_rows()
    assert rows[0].risk_level == RiskLevel.HIGH
    assert "risk_level" in admin.participants.visible_columns()
    staf = _login_as(vault, admin, Role.STAF)
    try:
        assert staf.participants.list_rows()[0].risk_level is None
        assert "risk_level" not in staf.participants.visible_columns()
        assert staf.participants.register_page().rows[0].risk_level is None
    finally:
        staf.close()
