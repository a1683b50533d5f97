"""Services and referrals on a real vault: partners, every refusal, restricted outcome notes."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import NamedTuple

import pytest
from sqlalchemy import select
from support.constants import PASSWORD
from support.participant_samples import TODAY, sample
from support.vault_fixture import VaultFixture

from kdrt_desk.demo.care import care_candidates, insert_demo_care
from kdrt_desk.demo.participants import insert_participants
from kdrt_desk.demo.screenings import insert_demo_screenings
from kdrt_desk.domain.care import ServiceInput
from kdrt_desk.domain.enums import PartnerKind, Role, ServiceKind, ServiceStatus
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.i18n import label
from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.models import AuditEntry, Participant, Partner, ServiceRecord
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.care import CareService
from kdrt_desk.synthetic.participants import generate_participants
from kdrt_desk.synthetic.services import generate_services
from kdrt_desk.wiring import Services

LBH = 3  # the partners the migration seeds: 1 UPTD PPA, 2 Unit PPA, 3 LBH, 4 YP3I, 5 WCC
NOTE = "Ia memutuskan melapor; didampingi ke Unit PPA."


class AuditRow(NamedTuple):
    action: str
    target: str
    details: str


def _audit(services: Services) -> list[AuditRow]:
    with services.vault.db.reading() as session:
        return [AuditRow(*row) for row in session.execute(
            select(AuditEntry.action, AuditEntry.target, AuditEntry.details)
            .order_by(AuditEntry.id))]


def _care_as(services: Services, role: Role) -> CareService:
    return CareService(services.vault.db, Actor(99, f"{role.value}1", role))


def _service(pid: int, **changes: object) -> ServiceInput:
    data = ServiceInput(participant_id=pid, kind=ServiceKind.LEGAL_CONSULTATION,
                        service_date=date(2026, 11, 24), partner_id=LBH,
                        provider_note="  Advokat   LBH ", status=ServiceStatus.DONE,
                        outcome_note=NOTE)
    for name, value in changes.items():
        setattr(data, name, value)
    return data


@pytest.fixture
def pid(admin: Services) -> int:
    return admin.participants.register(sample(), today=TODAY).id


# -- partners -------------------------------------------------------------------------------------
def test_the_seeded_partners_and_adding_one(admin: Services) -> None:
    names = [p.name for p in admin.care.partners()]
    assert "LBH Palembang" in names and "UPTD PPA Kota Palembang" in names and len(names) == 5
    added = admin.care.add_partner("  Puskesmas   Plaju ", PartnerKind.HEALTH, "dr. Rina")
    assert (added.name, added.kind, added.contact_person, added.active) == (
        "Puskesmas Plaju", PartnerKind.HEALTH, "dr. Rina", True)
    assert "Puskesmas Plaju" in [p.name for p in admin.care.partners()]
    entry = [e for e in _audit(admin) if e.action == "partner_added"][-1]
    assert "dr. Rina" not in entry.details


def test_a_partner_name_is_required_unique_and_the_kind_known(admin: Services) -> None:
    with pytest.raises(UserError) as exc:
        admin.care.add_partner("lbh palembang", PartnerKind.NGO_LEGAL_AID)
    assert (exc.value.key, exc.value.field) == ("error.partner_exists", "name")
    with pytest.raises(ValidationError) as invalid:
        admin.care.add_partner("  ", "unknown", "x" * 121)
    assert set(invalid.value.by_field()) == {"name", "kind", "contact_person"}
    assert len(admin.care.partners(active_only=False)) == 5


@pytest.mark.parametrize("role", [Role.KONSELOR, Role.STAF, Role.FASILITATOR])
def test_only_an_admin_adds_partners(admin: Services, role: Role) -> None:
    with pytest.raises(PermissionDeniedError):
        _care_as(admin, role).add_partner("Puskesmas Plaju", PartnerKind.HEALTH)


def test_inactive_partners_are_listed_only_when_asked(admin: Services) -> None:
    with admin.vault.db.transaction() as session:
        partner = session.get(Partner, 4)
        assert partner is not None
        partner.active = False
    assert "YP3I" not in [p.name for p in admin.care.partners()]
    assert "YP3I" in [p.name for p in admin.care.partners(active_only=False)]


# -- recording and refusals -----------------------------------------------------------------------
def test_a_service_is_recorded_cleaned_and_audited_without_values(admin: Services,
                                                                  pid: int) -> None:
    view = admin.care.record(_service(pid), today=TODAY)
    assert (view.partner_name, view.provider_note, view.outcome_note, view.created_by) == (
        "LBH Palembang", "Advokat LBH", None, "admin")
    assert view.restricted_hidden  # notes are read only through the audited opening
    assert admin.care.open_outcome_note(view.id) == NOTE
    in_house = admin.care.record(_service(pid, partner_id=None, kind=ServiceKind.COUNSELLING,
                                          outcome_note=""), today=TODAY)
    assert in_house.partner_name == "" and in_house.partner_id is None
    assert [v.id for v in admin.care.for_participant(pid)] == [view.id, in_house.id]
    entries = [e for e in _audit(admin) if e.action == "service_recorded"]
    assert len(entries) == 2 and all("LBH" not in e.details and "Ia " not in e.details
                                     for e in entries)


@pytest.mark.parametrize(("changes", "field", "key"), [
    ({"service_date": date(2026, 11, 19)}, "service_date", "error.service_before_registration"),
    ({"service_date": date(2026, 11, 28)}, "service_date", "error.date_future"),
    ({"service_date": None}, "service_date", "error.required"),
    ({"partner_id": 999}, "partner_id", "error.partner_unknown"),
    ({"kind": "massage"}, "kind", "error.choice_unknown"),
    ({"status": "lost"}, "status", "error.choice_unknown"),
    ({"provider_note": "x" * 201}, "provider_note", "error.too_long"),
    ({"outcome_note": "x" * 4001}, "outcome_note", "error.too_long"),
])
def test_each_bad_input_is_refused_with_a_clear_message(admin: Services, pid: int,
                                                        changes: dict[str, object], field: str,
                                                        key: str) -> None:
    with pytest.raises(ValidationError) as exc:
        admin.care.record(_service(pid, **changes), today=TODAY)
    assert [(e.field, e.key) for e in exc.value.errors] == [(field, key)]
    message = exc.value.by_field()[field]
    assert message and not message.startswith("error.")  # translated, ready to show
    assert admin.care.for_participant(pid) == []


def test_an_inactive_partner_is_refused_for_new_services_but_kept_on_old_ones(
        admin: Services, pid: int) -> None:
    view = admin.care.record(_service(pid), today=TODAY)
    with admin.vault.db.transaction() as session:
        partner = session.get(Partner, LBH)
        assert partner is not None
        partner.active = False
    with pytest.raises(ValidationError) as exc:
        admin.care.record(_service(pid), today=TODAY)
    assert exc.value.errors[0].key == "error.partner_inactive"
    changed = admin.care.update(view.id, replace(view, status=ServiceStatus.IN_PROGRESS),
                                today=TODAY)
    assert changed.status == ServiceStatus.IN_PROGRESS and changed.partner_id == LBH
    with pytest.raises(ValidationError):
        admin.care.update(view.id, replace(view, partner_id=999), today=TODAY)


def test_unknown_or_anonymised_participants_get_no_services(admin: Services, pid: int) -> None:
    with pytest.raises(UserError) as exc:
        admin.care.record(_service(999), today=TODAY)
    assert exc.value.key == "error.participant_unknown"
    view = admin.care.record(_service(pid), today=TODAY)
    admin.consent.withdraw_data_use(pid, TODAY, confirm=True, today=TODAY)
    for action in (lambda: admin.care.record(_service(pid), today=TODAY),
                   lambda: admin.care.update(view.id, view, today=TODAY)):
        with pytest.raises(UserError) as exc:
            action()
        assert exc.value.key == "error.participant_anonymised"
    assert [v.outcome_note for v in admin.care.for_participant(pid)] == [""]  # erased
    with pytest.raises(UserError) as exc:
        admin.care.update(999, view, today=TODAY)
    assert exc.value.key == "error.service_unknown"


def test_update_audits_changed_field_names(admin: Services, pid: int) -> None:
    view = admin.care.record(_service(pid), today=TODAY)
    admin.care.update(view.id, replace(view, status=ServiceStatus.IN_PROGRESS,
                                       outcome_note="Catatan baru yang rahasia"), today=TODAY)
    admin.care.update(view.id, admin.care.for_participant(pid)[0], today=TODAY)  # no change
    entries = [e for e in _audit(admin) if e.action == "service_updated"]
    assert [json.loads(e.details)["fields"] for e in entries] == [["status", "outcome_note"]]
    assert "rahasia" not in entries[0].details


# -- roles and restricted outcome notes -----------------------------------------------------------
def test_a_counsellor_reads_and_writes_outcome_notes(admin: Services, pid: int) -> None:
    konselor = _care_as(admin, Role.KONSELOR)
    view = konselor.record(_service(pid), today=TODAY)
    assert konselor.for_participant(pid)[0].outcome_note is None  # hidden until opened
    assert konselor.open_outcome_note(view.id) == NOTE
    assert [e.target for e in _audit(admin)
            if e.action == "service_note_opened"] == ["KD-2026-0001"]


@pytest.mark.parametrize("role", [Role.STAF, Role.FASILITATOR])
def test_office_staff_and_facilitators_cannot_open_outcome_notes(admin: Services, pid: int,
                                                                 role: Role) -> None:
    view = admin.care.record(_service(pid), today=TODAY)
    with pytest.raises(PermissionDeniedError):
        _care_as(admin, role).open_outcome_note(view.id)
    refused = [e for e in _audit(admin) if e.action == "service_note_refused"]
    assert [(e.target, json.loads(e.details)) for e in refused] == [
        ("KD-2026-0001", {"service_id": view.id})]


def test_office_staff_record_services_without_seeing_or_writing_notes(
        vault: VaultFixture, admin: Services, pid: int) -> None:
    view = admin.care.record(_service(pid), today=TODAY)
    admin.accounts.add_account("staf1", Role.STAF, PASSWORD)
    admin.close()
    staf = vault.services("staf1")
    try:
        listed = staf.care.for_participant(pid)
        assert [(v.outcome_note, v.restricted_hidden) for v in listed] == [(None, True)]
        with pytest.raises(PermissionDeniedError):
            staf.care.record(_service(pid), today=TODAY)  # a note: refused and audited
        own = staf.care.record(_service(pid, outcome_note=""), today=TODAY)
        assert own.restricted_hidden and own.created_by == "staf1"
        # editing with the blank note she was shown keeps the stored note
        staf.care.update(view.id, replace(listed[0], status=ServiceStatus.IN_PROGRESS),
                         today=TODAY)
        with pytest.raises(PermissionDeniedError):
            staf.care.update(view.id, replace(listed[0], outcome_note="Ditimpa"), today=TODAY)
        actions = [e.action for e in _audit(staf)]
        assert actions.count("service_note_refused") == 2
    finally:
        staf.close()
    again = vault.services()
    try:
        with again.vault.db.reading() as session:
            stored = session.get(ServiceRecord, view.id)
            assert stored is not None
            assert (stored.outcome_note, stored.status) == (NOTE, "in_progress")
    finally:
        again.close()


def test_a_facilitator_sees_no_services_and_records_none(admin: Services, pid: int) -> None:
    facilitator = _care_as(admin, Role.FASILITATOR)
    with pytest.raises(PermissionDeniedError):
        facilitator.for_participant(pid)
    with pytest.raises(PermissionDeniedError):
        facilitator.record(_service(pid, outcome_note=""), today=TODAY)


def test_every_service_partner_and_status_has_a_label() -> None:
    for enum in (ServiceKind, ServiceStatus, PartnerKind):
        for member in enum:
            assert f"enum.{enum.__name__}.{member.value}" in MESSAGES
            assert label(member) != f"enum.{enum.__name__}.{member.value}"


# -- the demo -------------------------------------------------------------------------------------
def test_the_demo_adds_plausible_services_forms_and_a_withdrawal(admin: Services) -> None:
    db, actor = admin.vault.db, admin.vault.actor
    people = sorted(generate_participants(300, seed=7, today=TODAY),
                    key=lambda p: p.registered_on or TODAY)
    insert_participants(db, actor, people, TODAY)
    insert_demo_screenings(db, actor, seed=7, today=TODAY)
    candidates = care_candidates(db)
    partners = {p.name: p.id for p in admin.care.partners()}
    assert generate_services(candidates, partners, 7, TODAY) == \
        generate_services(candidates, partners, 7, TODAY)  # reproducible

    made = insert_demo_care(db, actor, seed=7, today=TODAY)

    assert made.services > 100 and made.signed_forms > 200 and made.withdrawn >= 1
    assert "RSUD Palembang BARI" in [p.name for p in admin.care.partners()]
    with db.reading() as session:
        rows = session.execute(select(ServiceRecord.service_date, Participant.registered_on,
                                      Participant.status, ServiceRecord.partner_id)
                               .join(Participant)).all()
        anonymised = session.scalars(select(Participant.id).where(
            Participant.anonymised_on.is_not(None))).all()
    assert all(registered <= day <= TODAY for day, registered, _, _ in rows)
    assert {status for _, _, status, _ in rows} <= {
        "accepted", "enrolled", "completed", "dropped_out", "waitlisted"}
    assert any(partner is None for *_, partner in rows) and any(p for *_, p in rows)
    assert len(anonymised) == made.withdrawn
    assert all(admin.participants.get(pid).full_name == "Peserta dianonimkan"
               for pid in anonymised)
    counts = admin.dashboard.counts(TODAY)
    assert counts.with_psychosocial_service > 0 and counts.referral_total > 0
