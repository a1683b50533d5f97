"""The neighbouring-kecamatan table on a real vault: shipped until the admin edits it, edits
saved whole and audited, reset to the shipped table, bad pairs and other roles refused; and the
two users of "near": the scheduler's venue preference and the high-risk warning."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from support.programme import accepted, build
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.enums import RiskLevel
from kdrt_desk.domain.kecamatan_neighbours import SHIPPED_PAIRS, normalised
from kdrt_desk.domain.training import VenueInput
from kdrt_desk.errors import PermissionDeniedError, ValidationError
from kdrt_desk.i18n import t
from kdrt_desk.scheduling.slots import near_share
from kdrt_desk.wiring import Services

TODAY = date(2026, 11, 27)
TERM = (date(2026, 11, 30), date(2026, 12, 31))
PLAJU_JAKABARING = frozenset(("Plaju", "Jakabaring"))


@pytest.fixture
def team(vault: VaultFixture) -> Iterator[Team]:
    members = Team.hired(vault)
    yield members
    members.close()


def _without(pair: frozenset[str]) -> list[tuple[str, str]]:
    return [(p.a, p.b) for p in SHIPPED_PAIRS if p.key != pair]


def test_shipped_until_edited_then_saved_audited_and_reset(admin: Services,
                                                           vault: VaultFixture) -> None:
    assert admin.neighbours.is_shipped()
    assert admin.neighbours.pairs() == normalised(SHIPPED_PAIRS)
    assert "Jakabaring" in admin.neighbours.current()["Plaju"]
    edited = [*_without(PLAJU_JAKABARING), ("Plaju", "Kertapati")]
    admin.neighbours.save(edited)
    admin.close()
    fresh = vault.services()
    try:
        near = fresh.neighbours.current()
        assert "Jakabaring" not in near["Plaju"] and "Plaju" not in near["Jakabaring"]
        assert "Kertapati" in near["Plaju"] and "Plaju" in near["Kertapati"]
        assert not fresh.neighbours.is_shipped()
        [entry] = fresh.audit.entries(action="kecamatan_neighbours_changed")
        assert entry.details == {"added": 1, "removed": 1, "pairs": 40}
        fresh.neighbours.save(edited)  # no change, no second entry
        assert len(fresh.audit.entries(action="kecamatan_neighbours_changed")) == 1
        fresh.neighbours.reset_to_shipped()
        assert fresh.neighbours.is_shipped()
        assert fresh.neighbours.pairs() == normalised(SHIPPED_PAIRS)
        assert len(fresh.audit.entries(action="kecamatan_neighbours_reset")) == 1
    finally:
        fresh.close()


def test_bad_pairs_are_refused_with_a_message_and_nothing_is_stored(admin: Services) -> None:
    with pytest.raises(ValidationError) as bad:
        admin.neighbours.save([("Plaju", "Jakabaring"), ("Jakabaring", "Plaju"),
                               ("Sako", "Sako"), ("Plaju", "Bandung")])
    assert [e.key for e in bad.value.errors] == [
        "error.neighbours.duplicate", "error.neighbours.self", "error.neighbours.unknown"]
    messages = [e.message for e in bad.value.errors]
    assert messages == ["Pasangan Jakabaring – Plaju tercantum lebih dari sekali.",
                        "Kecamatan Sako tidak bisa bertetangga dengan dirinya sendiri.",
                        "Kecamatan tidak dikenal dalam pasangan Plaju – Bandung."]
    assert admin.neighbours.is_shipped()


def test_only_the_admin_changes_the_table(team: Team) -> None:
    konselor = team("konselor1")
    assert "Jakabaring" in konselor.neighbours.current()["Plaju"]  # everyone reads it
    with pytest.raises(PermissionDeniedError):
        konselor.neighbours.save(_without(PLAJU_JAKABARING))
    with pytest.raises(PermissionDeniedError):
        konselor.neighbours.reset_to_shipped()
    assert team("admin").neighbours.is_shipped()


def test_the_scheduler_counts_a_venue_in_a_neighbouring_kecamatan_as_near(
        admin: Services) -> None:
    programme = build(admin, members=3)  # members live in Plaju
    admin.catalogue.save_venue(VenueInput(name="Balai Jakabaring", kecamatan="Jakabaring",
                                          capacity=20))
    admin.catalogue.save_venue(VenueInput(name="Balai Sukarami", kecamatan="Sukarami",
                                          capacity=20))

    def shares() -> dict[str, float]:
        problem = admin.schedule.problem([programme.group_id], *TERM, today=TODAY)
        (group,) = problem.groups
        return {v.name: near_share(problem, v, group) for v in problem.venues}

    before = shares()
    assert before["Balai Jakabaring"] == 1.0
    assert before["Balai Sukarami"] == 0.0
    assert before["Aula Kelurahan Plaju Ulu"] == 1.0
    admin.neighbours.save(_without(PLAJU_JAKABARING))
    assert shares()["Balai Jakabaring"] == 0.0  # the centre's table is what counts


def test_high_risk_warning_for_a_member_living_in_a_neighbouring_kecamatan(team: Team) -> None:
    admin = team("admin")
    programme = build(admin, members=1)  # the group's venue is in Plaju
    near = accepted(admin, 1, start=10, risk=RiskLevel.HIGH, kecamatan="Jakabaring")
    far = accepted(admin, 1, start=11, risk=RiskLevel.HIGH, kecamatan="Alang-Alang Lebar")
    admin.groups.enrol(programme.group_id, [*near, *far], on=date(2026, 11, 24))

    def risk(services: Services) -> list[dict[str, object]]:
        return [w.params for w in services.groups.warnings(programme.group_id)
                if w.key == "warning.high_risk_near_venue"]

    [warning] = risk(admin)
    assert warning["kecamatan"] == "Jakabaring" and warning["venue_kecamatan"] == "Plaju"
    assert str(warning["name"]).endswith("Uji 010")
    assert t("warning.high_risk_near_venue", **warning).endswith(
        "berisiko tinggi dan tinggal di Kecamatan Jakabaring, dekat Aula Kelurahan Plaju Ulu "
        "(Kecamatan Plaju). Pertimbangkan tempat atau kelompok lain.")
    [konselor_warning] = risk(team("konselor1"))
    assert konselor_warning["kecamatan"] == "Jakabaring"
    assert risk(team("staf1")) == []  # staff may not see risk
    admin = team("admin")
    admin.neighbours.save(_without(PLAJU_JAKABARING))
    assert risk(admin) == []
