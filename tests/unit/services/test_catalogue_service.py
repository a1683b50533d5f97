"""The programme's catalogue on a real vault: Table 1 defaults, modules, facilitators, venues and
partners, with their rules, refusals and the archive-instead-of-delete rule."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from support.programme import build
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.enums import PartnerKind
from kdrt_desk.domain.training import (
    FacilitatorInput,
    FacilitatorType,
    ModuleInput,
    PartnerInput,
    Track,
    VenueFeature,
    VenueInput,
)
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.models import StaffAccount
from kdrt_desk.wiring import Services


@pytest.fixture
def team(vault: VaultFixture) -> Iterator[Team]:
    members = Team.hired(vault)
    yield members
    members.close()


def _fields(exc: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return set(exc.value.by_field())


def test_a_new_vault_ships_table_1_as_its_catalogue(admin: Services) -> None:
    modules = admin.catalogue.modules()
    titles = {m.title for m in modules}
    assert {"Kelompok dukungan sebaya", "Literasi hukum dan advokasi", "Penguatan psikososial",
            "Kesadaran dan melawan stigma", "Menjahit", "Memasak dan usaha makanan",
            "Kerajinan tangan", "Kewirausahaan dan pemasaran", "Literasi keuangan"} == titles
    by_code = {m.code: m for m in modules}
    assert {m.track for m in modules} == {Track.SOCIAL, Track.ECONOMIC}
    assert by_code["SOS-01"].venue_features == {VenueFeature.PRIVATE_ROOM}
    assert by_code["EKO-01"].venue_features == {VenueFeature.SEWING_MACHINES}
    assert by_code["EKO-01"].assessment_required is True
    assert by_code["SOS-02"].partner_name == "LBH Palembang"
    assert all(m.session_count > 0 and 0 < m.min_attendance_pct <= 100 for m in modules)


def test_a_module_is_added_changed_and_validated(admin: Services) -> None:
    added = admin.catalogue.save_module(ModuleInput(
        code="eko-06", title="Salon dan tata rias", track=Track.ECONOMIC, session_count=8,
        minutes_per_session=150, facilitator_type=FacilitatorType.TRAINER,
        venue_features={VenueFeature.PRIVATE_ROOM}, min_attendance_pct=80,
        assessment_required=True))
    assert added.code == "EKO-06" and added.id
    changed = admin.catalogue.save_module(replace(added, title="Tata rias pengantin"))
    assert changed.id == added.id and changed.title == "Tata rias pengantin"
    with pytest.raises(ValidationError) as bad:
        admin.catalogue.save_module(ModuleInput(code="", title=" ", session_count=0,
                                                minutes_per_session=5, min_attendance_pct=101,
                                                partner_id=999))
    assert _fields(bad) == {"code", "title", "session_count", "minutes_per_session",
                            "min_attendance_pct", "partner_id"}
    assert "Wajib diisi" in bad.value.by_field()["title"]
    with pytest.raises(UserError) as taken:
        admin.catalogue.save_module(ModuleInput(code="sos-01", title="Salinan"))
    assert taken.value.key == "error.module_code_taken"
    assert len(admin.catalogue.modules()) == 10
    wcc = next(p for p in admin.partners.partners() if p.name == "WCC Palembang")
    with_wcc = admin.catalogue.save_module(replace(changed, partner_id=wcc.id))
    admin.partners.set_active(wcc.id, False)
    kept = admin.catalogue.save_module(replace(with_wcc, title="Tata rias"))  # may keep it
    assert kept.partner_id == wcc.id
    with pytest.raises(ValidationError) as inactive:
        admin.catalogue.save_module(ModuleInput(code="EKO-07", title="Baru", partner_id=wcc.id))
    assert inactive.value.errors[0].key == "error.partner_inactive"


def test_a_module_with_history_is_archived_not_deleted(admin: Services) -> None:
    programme = build(admin, members=0)
    used = programme.modules["SOS-01"]
    with pytest.raises(UserError) as refused:
        admin.catalogue.delete_module(used)
    assert refused.value.key == "error.module_has_history"
    assert used in {m.id for m in admin.catalogue.modules()}
    admin.catalogue.set_module_archived(used, True)
    assert used not in {m.id for m in admin.catalogue.modules()}
    assert used in {m.id for m in admin.catalogue.modules(include_archived=True)}
    unused = programme.modules["EKO-05"]
    admin.catalogue.delete_module(unused)
    assert unused not in {m.id for m in admin.catalogue.modules(include_archived=True)}


def test_facilitators_teach_modules_and_may_log_in(team: Team) -> None:
    admin = team("admin")
    modules = {m.code: m.id for m in admin.catalogue.modules()}
    accounts = dict((name, i) for i, name in admin.catalogue.facilitator_accounts())
    assert set(accounts) == {"fasilitator1"}  # only facilitator logins can be linked
    saved = admin.catalogue.save_facilitator(FacilitatorInput(
        name="Ibu Yuliana, S.Psi.", type=FacilitatorType.PSYCHOLOGIST, organisation="WCC",
        phone="0812 7788 9900", email="yuliana@contoh.org",
        module_ids={modules["SOS-01"], modules["SOS-03"]},
        staff_account_id=accounts["fasilitator1"]))
    assert saved.staff_username == "fasilitator1" and saved.phone == "+6281277889900"
    listed = admin.catalogue.facilitators()
    assert listed[0].module_ids == {modules["SOS-01"], modules["SOS-03"]}
    assert admin.catalogue.facilitator_accounts() == []  # now taken
    with pytest.raises(ValidationError) as bad:
        admin.catalogue.save_facilitator(FacilitatorInput(
            name="", phone="abc", email="tanpa-at", module_ids={999},
            staff_account_id=accounts["fasilitator1"]))
    assert _fields(bad) == {"name", "phone", "email", "module_ids", "staff_account_id"}


def test_venues_have_capacity_features_and_unique_names(admin: Services) -> None:
    venue = admin.catalogue.save_venue(VenueInput(
        name="Balai RW 05 Sako", address="Jl. Sako Baru", kecamatan="Sako", capacity=30,
        features={VenueFeature.KITCHEN}, childcare=True))
    assert admin.catalogue.venues() == [venue]
    with pytest.raises(ValidationError) as bad:
        admin.catalogue.save_venue(VenueInput(name="X", kecamatan="Jakarta", capacity=0))
    assert _fields(bad) == {"kecamatan", "capacity"}
    with pytest.raises(UserError) as taken:
        admin.catalogue.save_venue(VenueInput(name="balai rw 05 sako", capacity=10))
    assert taken.value.key == "error.venue_name_taken"


def test_partners_keep_mou_dates_and_history(admin: Services) -> None:
    saved = admin.partners.save(PartnerInput(
        name="UMKM Songket Rumah Limas", kind=PartnerKind.UMKM_PRIVATE,
        contact_person="Pak Hendra", phone="0711 352 111", contribution="Tempat magang",
        mou_start=date(2026, 1, 1), mou_end=date(2027, 12, 31)))
    assert saved.mou_end == date(2027, 12, 31) and saved.phone == "+62711352111"
    with pytest.raises(ValidationError) as bad:
        admin.partners.save(replace(saved, mou_end=date(2025, 1, 1)))
    assert _fields(bad) == {"mou_end"}
    lbh = next(p for p in admin.partners.partners() if p.name == "LBH Palembang")
    with pytest.raises(UserError) as used:
        admin.partners.delete(lbh.id)  # the legal-literacy module is delivered by LBH
    assert used.value.key == "error.partner_has_history"
    admin.partners.set_active(saved.id, False)
    assert saved.id not in {p.id for p in admin.partners.partners(active_only=True)}
    admin.partners.delete(saved.id)
    assert saved.id not in {p.id for p in admin.partners.partners()}


def test_only_admins_change_the_catalogue(team: Team) -> None:
    for name in ("staf1", "konselor1", "fasilitator1"):
        member = team(name)
        assert member.catalogue.modules()  # everyone may look
        with pytest.raises(PermissionDeniedError):
            member.catalogue.save_venue(VenueInput(name="Tidak boleh", capacity=5))
        with pytest.raises(PermissionDeniedError):
            member.catalogue.save_module(ModuleInput(code="X-1", title="Tidak boleh"))
    with team("staf1").vault.db.reading() as session:
        assert session.query(StaffAccount).count() == 5
