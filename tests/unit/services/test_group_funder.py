"""A group's programme or donor (``funder``) on a real vault: cleaned and checked like every
one-line text, stored with the spelling the other groups already use (so the donor report
finds one programme, not two), offered back by ``GroupService.funders()``, and given to about
half and a third of the demo's groups."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

import pytest
from support.programme import PERIOD
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.demo.training import DEMO_FUNDERS, demo_funder
from kdrt_desk.domain.training import GroupInput
from kdrt_desk.errors import PermissionDeniedError, ValidationError
from kdrt_desk.services.donor_report import DonorReportService
from kdrt_desk.wiring import Services

GRANT = "Hibah Dinas PPPA Kota Palembang 2026"


@pytest.fixture
def team(vault: VaultFixture) -> Iterator[Team]:
    members = Team.hired(vault)
    yield members
    members.close()


def _group(admin: Services, name: str, funder: str) -> GroupInput:
    module = next(iter(admin.catalogue.modules())).id
    return GroupInput(name=name, kecamatan="Plaju", start_date=PERIOD[0], end_date=PERIOD[1],
                      module_ids=[module], funder=funder)


def test_the_funder_is_cleaned_stored_and_shown(admin: Services) -> None:
    saved = admin.groups.save(_group(admin, "Angkatan Hibah", "  Hibah  Dinas PPPA\u00a0Kota "
                                     "Palembang 2026 "))
    assert saved.funder == GRANT
    assert admin.groups.get(saved.id).funder == GRANT
    assert [g.funder for g in admin.groups.groups()] == [GRANT]
    emptied = admin.groups.save(replace(admin.groups.get(saved.id), funder="   "))
    assert emptied.funder == ""
    assert admin.groups.funders() == []


def test_too_long_or_control_characters_are_refused_beside_the_field(admin: Services) -> None:
    with pytest.raises(ValidationError) as long:
        admin.groups.save(_group(admin, "Angkatan Panjang", "P" * 121))
    assert [(e.key, e.field) for e in long.value.errors] == [("error.too_long", "funder")]
    assert "120" in long.value.errors[0].message
    assert admin.groups.save(_group(admin, "Angkatan Pas", "P" * 120)).funder == "P" * 120
    with pytest.raises(ValidationError) as control:
        admin.groups.save(_group(admin, "Angkatan Kendali", "Hibah\x1b[31m"))
    assert [(e.key, e.field) for e in control.value.errors] == [
        ("error.control_character", "funder")]
    assert "U+001B" in control.value.errors[0].message
    assert {g.name for g in admin.groups.groups()} == {"Angkatan Pas"}


def test_a_known_funder_keeps_its_spelling_and_the_donor_report_sees_one(
        admin: Services) -> None:
    first = admin.groups.save(_group(admin, "Angkatan A", GRANT))
    second = admin.groups.save(_group(admin, "Angkatan B", "hibah dinas pppa  KOTA palembang "
                                      "2026"))
    assert second.funder == GRANT
    other = admin.groups.save(_group(admin, "Angkatan C", "program perempuan berdaya"))
    assert admin.groups.funders() == ["Hibah Dinas PPPA Kota Palembang 2026",
                                      "program perempuan berdaya"]
    report = DonorReportService(admin.vault.db, admin.vault.actor)
    assert report.funders() == admin.groups.funders()
    # the only group with a spelling may correct it; one that shares it may not fork it
    fixed = admin.groups.save(replace(admin.groups.get(other.id),
                                      funder="Program Perempuan Berdaya"))
    assert fixed.funder == "Program Perempuan Berdaya"
    shared = admin.groups.save(replace(admin.groups.get(first.id), funder=GRANT.upper()))
    assert shared.funder == GRANT
    assert admin.groups.funders() == ["Hibah Dinas PPPA Kota Palembang 2026",
                                      "Program Perempuan Berdaya"]


def test_funders_are_for_those_who_manage_groups(team: Team) -> None:
    admin = team("admin")
    admin.groups.save(_group(admin, "Angkatan Z", GRANT))
    assert admin.groups.funders() == [GRANT]
    with pytest.raises(PermissionDeniedError):
        team("fasilitator1").groups.funders()


def test_the_demo_funds_about_half_and_a_third_of_its_groups() -> None:
    turns = Counter(demo_funder(i) for i in range(60))
    assert turns == {DEMO_FUNDERS[0]: 30, DEMO_FUNDERS[1]: 20, "": 10}
    assert DEMO_FUNDERS == ("Program Perempuan Berdaya \u2013 Yayasan Sriwijaya Peduli", GRANT)
    assert [demo_funder(i) for i in range(6)] == [demo_funder(i) for i in range(6, 12)]
