"""Consent with teeth on a real vault: contact and photo checks, the signed form, withdrawal with
anonymisation that leaves no erased value anywhere, and the statistics population."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import NamedTuple

import pytest
from sqlalchemy import Date, String, Text, select
from support.constants import PASSWORD
from support.participant_samples import TODAY, sample
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.care import ServiceInput
from kdrt_desk.domain.enums import ConsentScope, Role, SafeToCall, ServiceKind, ServiceStatus
from kdrt_desk.domain.participant import CaseBackground, Consent, RegisterQuery
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.models import (
    AuditEntry,
    Base,
    Participant,
    ParticipantCase,
    ParticipantConsent,
    Screening,
    ScreeningChange,
    ScreeningDecision,
    ServiceRecord,
)
from kdrt_desk.models.sealed import field_keys
from kdrt_desk.repositories.names import ANONYMISED_MARKER, shown_name
from kdrt_desk.repositories.sealed_values import sealed_tables
from kdrt_desk.security.tiers import Tier
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.consent import ConsentService
from kdrt_desk.services.statistics_consent import statistics_population
from kdrt_desk.wiring import Services

NO_CONTACT = Consent(date(2026, 11, 20), {ConsentScope.DATA_USE, ConsentScope.STATISTICS})


class AuditRow(NamedTuple):
    action: str
    target: str
    details: str


def _audit(services: Services) -> list[AuditRow]:
    with services.vault.db.reading() as session:
        return [AuditRow(*row) for row in session.execute(
            select(AuditEntry.action, AuditEntry.target, AuditEntry.details)
            .order_by(AuditEntry.id))]


def _consent_as(services: Services, role: Role) -> ConsentService:
    return ConsentService(services.vault.db, Actor(99, f"{role.value}1", role))


def _no_contact(**changes: object) -> object:
    return sample(consent=Consent(NO_CONTACT.consent_date, set(NO_CONTACT.scopes)),
                  trusted_contact_name="Kak Rohmah", trusted_contact_phone="0813-9999-8888",
                  safe_to_call=SafeToCall.AT_TIMES, safe_call_times="Sore pukul 16-17",
                  **changes)


# -- contact and photo consent --------------------------------------------------------------------
def test_may_contact_and_photos_follow_the_scopes_and_a_withdrawal(admin: Services) -> None:
    yes = admin.participants.register(sample(), today=TODAY)
    no = admin.participants.register(_no_contact(nik="", full_name="Rina Wulandari"),
                                     today=TODAY)
    assert admin.consent.may_contact(yes.id) and not admin.consent.may_contact(no.id)
    assert not admin.consent.may_attach_photo(yes.id)
    edit = admin.participants.get(yes.id)
    edit.consent.scopes.add(ConsentScope.PHOTOS)
    admin.participants.update(yes.id, edit, edit.version, today=TODAY)
    assert admin.consent.may_attach_photo(yes.id)
    edit = admin.participants.get(yes.id)
    edit.consent.withdrawn_on = TODAY
    with pytest.raises(ValidationError) as refused:  # a withdrawal anonymises: not an edit
        admin.participants.update(yes.id, edit, edit.version, today=TODAY)
    assert refused.value.errors[0].key == "error.withdraw_via_consent"
    admin.consent.withdraw_data_use(yes.id, TODAY, confirm=True, today=TODAY)
    assert not admin.consent.may_contact(yes.id) and not admin.consent.may_attach_photo(yes.id)
    with pytest.raises(UserError) as exc:
        admin.consent.may_contact(999)
    assert exc.value.key == "error.participant_unknown"


def test_without_contact_consent_no_phone_is_shown_anywhere(admin: Services) -> None:
    admin.participants.register(sample(), today=TODAY)
    hidden = admin.participants.register(_no_contact(nik="", full_name="Rina Wulandari",
                                                     phone="0857-1111-2222"), today=TODAY)
    rows = {r.full_name: r for r in admin.participants.list_rows()}
    assert rows["Siti Aminah Lestari"].phone and not rows["Siti Aminah Lestari"].contact_withheld
    assert rows["Rina Wulandari"].phone == "" and rows["Rina Wulandari"].contact_withheld
    page = admin.participants.register_page(RegisterQuery(sort="full_name"))
    assert [(r.phone, r.contact_withheld) for r in page.rows][0] == ("", True)
    assert admin.participants.rows_by_ids([hidden.id])[0].phone == ""
    for record in (admin.participants.get(hidden.id),
                   admin.participants.open_restricted(hidden.id)):
        assert record.contact_withheld
        assert (record.phone, record.trusted_contact_phone, record.safe_call_times) == ("", "", "")
        assert record.trusted_contact_name == "Kak Rohmah"  # a name is not a way to reach her
    assert hidden.contact_withheld and hidden.phone == ""  # what register() returned


def test_an_edit_of_a_withheld_record_keeps_the_stored_contact_details(admin: Services) -> None:
    saved = admin.participants.register(_no_contact(), today=TODAY)
    edit = admin.participants.get(saved.id)
    edit.occupation = "Penjahit"  # phone, trusted phone and safe-call times arrive blank
    admin.participants.update(saved.id, edit, edit.version, today=TODAY)
    with admin.vault.db.reading() as session:
        row = session.get(Participant, saved.id)
        assert row is not None
        assert (row.phone, row.trusted_contact_phone, row.safe_call_times) == (
            "+6281234567890", "+6281399998888", "Sore pukul 16-17")
    entry = [e for e in _audit(admin) if e.action == "participant_updated"][-1]
    assert json.loads(entry.details) == {"fields": ["occupation"]}
    # once she agrees to be contacted, the kept details are shown again
    edit = admin.participants.get(saved.id)
    edit.consent.scopes.add(ConsentScope.CONTACT)
    shown = admin.participants.update(saved.id, edit, edit.version, today=TODAY)
    assert not shown.contact_withheld and shown.phone == "+6281234567890"


# -- the signed form ------------------------------------------------------------------------------
def test_the_signed_date_is_recorded_checked_and_audited(admin: Services) -> None:
    saved = admin.participants.register(sample(), today=TODAY)
    admin.consent.record_form_signed(saved.id, date(2026, 11, 21), today=TODAY)
    assert admin.participants.get(saved.id).consent.form_signed_on == date(2026, 11, 21)
    for day, key in ((date(2026, 11, 28), "error.date_future"),
                     (date(2026, 11, 19), "error.form_signed_before_registration")):
        with pytest.raises(UserError) as exc:
            admin.consent.record_form_signed(saved.id, day, today=TODAY)
        assert (exc.value.key, exc.value.field) == (key, "signed_on")
    assert [e.target for e in _audit(admin) if e.action == "consent_form_signed"] == [saved.code]
    # an ordinary edit of the record leaves the signed date alone
    edit = admin.participants.get(saved.id)
    edit.occupation = "Penjahit"
    admin.participants.update(saved.id, edit, edit.version, today=TODAY)
    assert admin.participants.get(saved.id).consent.form_signed_on == date(2026, 11, 21)


@pytest.mark.parametrize("role", [Role.KONSELOR, Role.STAF])
def test_case_workers_and_office_staff_manage_consent(admin: Services, role: Role) -> None:
    saved = admin.participants.register(sample(), today=TODAY)
    _consent_as(admin, role).record_form_signed(saved.id, TODAY, today=TODAY)
    assert admin.participants.get(saved.id).consent.form_signed_on == TODAY


def test_a_facilitator_manages_no_consent(vault: VaultFixture, admin: Services) -> None:
    saved = admin.participants.register(sample(), today=TODAY)
    admin.accounts.add_account("fasilitator1", Role.FASILITATOR, PASSWORD)
    admin.close()
    facilitator = vault.services("fasilitator1")
    try:
        with pytest.raises(PermissionDeniedError):
            facilitator.consent.record_form_signed(saved.id, TODAY, today=TODAY)
        with pytest.raises(PermissionDeniedError):
            facilitator.consent.withdraw_data_use(saved.id, TODAY, confirm=True, today=TODAY)
    finally:
        facilitator.close()


# -- withdrawal and anonymisation -----------------------------------------------------------------
# Every value the withdrawal must erase, as stored (normalised) in the vault.
SECRETS = {
    "full_name": "Zulaikha Markerina", "preferred_name": "Zuzuk", "nik": "1671044506850001",
    "birth_date": "1985-06-05", "birth_place": "Lubuklinggau", "phone": "6281234567890",
    "trusted_contact_name": "Rohmah Penolongku", "trusted_contact_phone": "6281399998888",
    "kelurahan": "Plaju Ulu", "occupation": "Pedagang pempek keliling",
    "safe_call_times": "Sore pukul 16-17", "safety_notes": "Suami menyita dompetnya",
    "referral_other": "Ustazah kampung", "interview_notes": "Catatan wawancara rahasia",
    "safety_plan": "Rencana keselamatan rahasia", "experience": "Pengalaman menjahit rahasia",
    "skills_other": "Merias pengantin rahasia", "reason_text": "Alasan keputusan rahasia",
    "change_reason": "Alasan perubahan rahasia", "outcome_note": "Catatan hasil rahasia",
}


def _secret_participant(services: Services, statistics: bool) -> int:
    scopes = {ConsentScope.DATA_USE, ConsentScope.CONTACT}
    if statistics:
        scopes.add(ConsentScope.STATISTICS)
    saved = services.participants.register(sample(
        full_name=SECRETS["full_name"], preferred_name=SECRETS["preferred_name"],
        birth_place=SECRETS["birth_place"], trusted_contact_name=SECRETS["trusted_contact_name"],
        trusted_contact_phone="0813-9999-8888", kelurahan=SECRETS["kelurahan"],
        occupation=SECRETS["occupation"], safe_to_call=SafeToCall.AT_TIMES,
        safe_call_times=SECRETS["safe_call_times"],
        consent=Consent(date(2026, 11, 20), scopes),
        case=CaseBackground(safety_notes=SECRETS["safety_notes"],
                            referral_other=SECRETS["referral_other"])), today=TODAY)
    now = datetime.now(UTC)
    with services.vault.db.transaction() as session:
        screening = Screening(
            participant_id=saved.id, screened_on=date(2026, 11, 21), assessor="admin",
            interview_notes=SECRETS["interview_notes"], needs="legal_aid,psychosocial",
            skills="other", skills_other=SECRETS["skills_other"],
            experience=SECRETS["experience"], risk_level="high", risk_reasons="threats",
            safety_plan=SECRETS["safety_plan"], barriers="childcare", criteria_met="",
            score=3, unmet_required="", decided=True, created_by="admin", created_at=now,
            updated_at=now)
        session.add(screening)
        session.flush()
        session.add(ScreeningChange(
            screening_id=screening.id, changed_at=now, changed_by="admin",
            reason=SECRETS["change_reason"], fields="interview_notes",
            previous=json.dumps({"interview_notes": SECRETS["interview_notes"] + " lama"})))
        session.add(ScreeningDecision(
            screening_id=screening.id, participant_id=saved.id, outcome="accepted",
            reason_text=SECRETS["reason_text"], decided_by="admin",
            decided_on=date(2026, 11, 22), confirmed_by="admin",
            confirmed_on=date(2026, 11, 22), current=True))
    services.care.record(ServiceInput(
        participant_id=saved.id, kind=ServiceKind.COUNSELLING, service_date=date(2026, 11, 23),
        provider_note="Psikolog pusat", status=ServiceStatus.DONE,
        outcome_note=SECRETS["outcome_note"]), today=TODAY)
    return saved.id


def _every_text_value(services: Services) -> list[tuple[str, str, str]]:
    """(table, column, value) of every text and date cell in the vault, sealed cells opened
    (the admin's keys open every one)."""
    found: list[tuple[str, str, str]] = []
    with services.vault.db.reading() as session:
        keys = field_keys(session)
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String | Text | Date)]
            for row in session.execute(select(*columns)) if columns else []:
                found.extend((table.name, c.name, str(v)) for c, v in zip(columns, row,
                                                                          strict=True) if v)
        for sealed in sealed_tables(frozenset(Tier)):
            for _, row_identity, blobs in sealed.rows(session):
                for name, blob in blobs.items():
                    if blob is not None:
                        value = keys.open(blob.column_key, row_identity, blob.data)
                        if value not in (None, ""):
                            found.append((sealed.table.name, name, str(value)))
    return found


@pytest.mark.parametrize("statistics", [True, False])
def test_withdrawal_erases_every_identifying_value_for_good(admin: Services,
                                                            statistics: bool) -> None:
    other = admin.participants.register(sample(
        full_name="Dewi Anggraini", nik="", phone="0857-1111-2222", birth_date=date(1990, 1, 1),
        kelurahan="Talang Putri"), today=TODAY)
    pid = _secret_participant(admin, statistics)
    texts = _every_text_value(admin)
    assert all(any(s in v for _, _, v in texts) for s in SECRETS.values())  # the test sees them

    admin.consent.withdraw_data_use(pid, date(2026, 11, 26), confirm=True, today=TODAY)

    leftovers = [(table, column, secret) for table, column, value in _every_text_value(admin)
                 for secret in SECRETS.values() if secret in value]
    assert leftovers == []
    with admin.vault.db.reading() as session:
        row = session.get(Participant, pid)
        assert row is not None
        assert row.full_name == ANONYMISED_MARKER and row.birth_date is None and row.nik is None
        assert row.phone is None and row.trusted_contact_phone is None
        assert row.anonymised_on == TODAY
        assert (row.kecamatan, row.status, row.registered_on, row.children_count) == (
            "Plaju", "registered", date(2026, 11, 20), 2)
        assert row.estimated_age == (40 if statistics else None)  # 41 at registration
        assert row.monthly_income == (1_500_000 if statistics else None)
        assert session.get(ParticipantCase, pid) is None
        consent = session.get(ParticipantConsent, pid)
        assert consent is not None and consent.withdrawn_on == date(2026, 11, 26)
        screening = session.scalars(select(Screening)).one()
        assert (screening.risk_level, screening.needs, screening.interview_notes) == (
            "high", "legal_aid,psychosocial", None)  # erased: no value at all, not even sealed
        assert session.scalars(select(ServiceRecord.kind)).all() == ["counselling"]
        kept = session.get(Participant, other.id)
        assert kept is not None and kept.full_name == "Dewi Anggraini"
    actions = [(e.action, e.target) for e in _audit(admin)]
    code = admin.participants.get(pid).code
    assert ("consent_withdrawn", code) in actions and ("participant_anonymised", code) in actions
    details = json.loads([e for e in _audit(admin) if e.action == "participant_anonymised"][0]
                         .details)
    assert "full_name" in details["fields"] and details["case_deleted"] is True
    assert (details["screenings"], details["decisions"], details["services"]) == (1, 1, 1)
    wal = admin.vault.paths.data_dir / "kdrt.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0  # no old page left in the WAL


def test_an_anonymised_record_cannot_be_given_an_identity_again(admin: Services) -> None:
    saved = admin.participants.register(sample(), today=TODAY)
    admin.consent.withdraw_data_use(saved.id, TODAY, confirm=True, today=TODAY)
    record = admin.participants.get(saved.id)
    assert record.anonymised_on == TODAY and record.contact_withheld
    record.full_name = "Siti Aminah Lestari"
    record.nik = "1671044506850001"
    with pytest.raises(UserError) as exc:
        admin.participants.update(saved.id, record, record.version, today=TODAY)
    assert exc.value.key == "error.participant_anonymised"
    assert "dianonimkan" in exc.value.message
    for action in (lambda: admin.consent.record_form_signed(saved.id, TODAY, today=TODAY),
                   lambda: admin.consent.withdraw_data_use(saved.id, TODAY, confirm=True,
                                                           today=TODAY)):
        with pytest.raises(UserError) as exc:
            action()
        assert exc.value.key == "error.participant_anonymised"
    assert admin.participants.get(saved.id).full_name == shown_name(ANONYMISED_MARKER)


def test_a_withdrawal_needs_confirmation_a_sensible_date_and_the_permission(
        admin: Services) -> None:
    saved = admin.participants.register(sample(), today=TODAY)
    refusals = ((dict(confirm=False), "error.withdraw_unconfirmed", "confirm"),
                (dict(confirm=True, withdrawn_on=date(2026, 11, 28)), "error.date_future",
                 "withdrawn_on"),
                (dict(confirm=True, withdrawn_on=date(2026, 11, 19)), "error.withdrawal_date",
                 "withdrawn_on"))
    for params, key, field in refusals:
        when = params.pop("withdrawn_on", TODAY)
        with pytest.raises(UserError) as exc:
            admin.consent.withdraw_data_use(saved.id, when, today=TODAY, **params)
        assert (exc.value.key, exc.value.field) == (key, field)
    with pytest.raises(PermissionDeniedError):
        ConsentService(admin.vault.db, Actor(9, "f", Role.FASILITATOR)).withdraw_data_use(
            saved.id, TODAY, confirm=True, today=TODAY)
    assert admin.participants.get(saved.id).full_name == "Siti Aminah Lestari"
    assert not [e for e in _audit(admin) if e.action == "participant_anonymised"]


# -- the statistics population --------------------------------------------------------------------
def test_statistics_population_keeps_only_consenting_participants_who_did_not_withdraw(
        admin: Services) -> None:
    def person(name: str, statistics: bool) -> int:
        scopes = {ConsentScope.DATA_USE} | ({ConsentScope.STATISTICS} if statistics else set())
        return admin.participants.register(sample(
            full_name=name, nik="", consent=Consent(date(2026, 11, 20), scopes)),
            today=TODAY).id

    counted = person("Ani", True)
    refused = person("Budi", False)
    withdrew = person("Citra", True)
    anonymised_counted = person("Dina", True)
    anonymised_refused = person("Eka", False)
    with admin.vault.db.transaction() as session:  # a withdrawal recorded before anonymising
        session.get(ParticipantConsent, withdrew).withdrawn_on = TODAY
    for pid in (anonymised_counted, anonymised_refused):
        admin.consent.withdraw_data_use(pid, TODAY, confirm=True, today=TODAY)
    with admin.vault.db.reading() as session:
        ids = statistics_population(session)
        names = set(session.scalars(select(Participant.full_name).where(
            Participant.id.in_(ids))))
    assert ids == {counted, anonymised_counted}
    assert refused not in ids and withdrew not in ids and anonymised_refused not in ids
    assert names == {"Ani", ANONYMISED_MARKER}


def test_a_scope_code_matches_whole_codes_only(admin: Services) -> None:
    saved = admin.participants.register(sample(nik=""), today=TODAY)
    with admin.vault.db.transaction() as session:
        consent = session.get(ParticipantConsent, saved.id)
        assert consent is not None
        consent.scopes = "data_use,no_statistics,statisticsx"  # never written, but be exact
    with admin.vault.db.reading() as session:
        assert statistics_population(session) == set()


def test_validation_still_applies_to_a_withheld_record(admin: Services) -> None:
    saved = admin.participants.register(_no_contact(), today=TODAY)
    edit = admin.participants.get(saved.id)
    edit.phone = "12"  # typed by the user: checked like any phone
    with pytest.raises(ValidationError) as exc:
        admin.participants.update(saved.id, edit, edit.version, today=TODAY)
    assert "phone" in exc.value.by_field()
