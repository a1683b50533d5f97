"""The donor report's figures from a real vault: only women who consented to anonymised
statistics count; served, new and continuing in the quarter and the year to date; kecamatan and
age bands; sessions, women and certificates by module; the quarter checked (not in the future,
not before the centre's first registration); a role without export refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from support.programme import build, session_on
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.donor_report import QUARTER_COLUMN, YTD_COLUMN, Quarter, age_band
from kdrt_desk.domain.enums import ConsentScope
from kdrt_desk.domain.training import AttendanceMark
from kdrt_desk.errors import PermissionDeniedError, UserError
from kdrt_desk.services.donor_report import DonorReportService
from kdrt_desk.wiring import Services

TODAY = date(2026, 11, 27)
Q4 = Quarter(2026, 4)


def _consenting(services: Services, pid: int) -> None:
    record = services.participants.get(pid)
    edit = replace(record, consent=replace(record.consent, scopes={
        *record.consent.scopes, ConsentScope.STATISTICS}))
    services.participants.update(pid, edit, edit.version, today=TODAY)


def _report(services: Services, quarter: Quarter = Q4) -> dict[str, dict[tuple[str, str], int]]:
    data = DonorReportService(services.vault.db, services.vault.actor).data(quarter, TODAY)
    return {t.key: {(r, c): t.value(r, c) for r in t.rows for c in t.columns}
            for t in data.tables}


def test_only_consenting_women_count(admin: Services) -> None:
    programme = build(admin, members=4)
    for pid in programme.participants[:3]:
        _consenting(admin, pid)
    made = admin.sessions.create(session_on(programme, date(2026, 11, 23)))
    for pid in programme.participants:
        admin.attendance.mark(made.id, pid, AttendanceMark.PRESENT, today=TODAY)
    tables = _report(admin)
    assert tables["participants_by_kecamatan"][("Plaju", QUARTER_COLUMN)] == 3
    assert sum(v for (_r, c), v in tables["participants_by_status"].items()
               if c == QUARTER_COLUMN) == 3
    assert tables["new_and_continuing"][("new", QUARTER_COLUMN)] == 3
    assert tables["women_by_module"][("SOS-01", QUARTER_COLUMN)] == 3
    assert tables["sessions_by_module"][("SOS-01", QUARTER_COLUMN)] == 1  # sessions: all
    assert tables["participants_by_track"][("social", YTD_COLUMN)] == 3
    # the same women behind every participant table
    for key in ("participants_by_kecamatan", "participants_by_age", "participants_by_status",
                "participants_by_track", "new_and_continuing"):
        assert sum(v for (_r, c), v in tables[key].items() if c == QUARTER_COLUMN) == 3


def test_the_quarter_is_checked(team: Team) -> None:
    admin = team("admin")
    build(admin, members=1)
    service = DonorReportService(admin.vault.db, admin.vault.actor)
    with pytest.raises(UserError) as caught:
        service.data(Quarter(2027, 1), TODAY)
    assert caught.value.key == "error.donor_quarter_future"
    with pytest.raises(UserError) as caught:
        service.data(Quarter(2025, 4), TODAY)
    assert caught.value.key == "error.donor_quarter_before_centre"
    with pytest.raises(UserError) as caught:
        Quarter.parse("2026-13")
    assert caught.value.key == "error.donor_quarter_format"
    assert Quarter.parse(" 2026 q3 ") == Quarter(2026, 3)
    assert (Quarter(2026, 3).start, Quarter(2026, 3).end) == (date(2026, 7, 1),
                                                               date(2026, 9, 30))
    facilitator = team("fasilitator1")
    with pytest.raises(PermissionDeniedError):
        DonorReportService(facilitator.vault.db, facilitator.vault.actor).data(Q4, TODAY)


def test_age_bands() -> None:
    assert [age_band(a) for a in (17, 18, 24, 25, 44, 45, 59, 60, 83, None)] == [
        "unknown", "18-24", "18-24", "25-44", "25-44", "45-59", "45-59", "60+", "60+",
        "unknown"]


@pytest.fixture
def team(vault: VaultFixture) -> Team:
    made = Team.hired(vault)
    yield made  # type: ignore[misc]
    made.close()


def test_the_workbook_holds_no_name_code_nik_or_phone_and_a_cancel_leaves_nothing(
        admin: Services, tmp_path: Path) -> None:
    import json
    import zipfile

    from sqlalchemy import select

    from kdrt_desk.models import AuditEntry

    programme = build(admin, members=6)
    for pid in programme.participants:
        _consenting(admin, pid)
    people = [admin.participants.get(p) for p in programme.participants]
    target = tmp_path / "donor.xlsx"
    with pytest.raises(UserError) as caught:
        admin.donor_report.write(Q4, target, today=TODAY, report=lambda d, t: d < 2)
    assert caught.value.key == "error.cancelled" and not target.exists()
    done = admin.donor_report.write(Q4, target, today=TODAY)
    assert done.path == target.resolve()
    with zipfile.ZipFile(target) as archive:
        blob = b"\n".join(archive.read(n) for n in archive.namelist()).decode("utf-8")
    for person in people:
        for secret in (person.full_name, person.preferred_name, person.code):
            assert secret and secret not in blob
    with admin.vault.db.reading() as session:
        target_name, details = session.execute(select(AuditEntry.target, AuditEntry.details)
                                               .where(AuditEntry.action ==
                                                      "donor_report_exported")).one()
    assert target_name == "2026Q4"
    assert set(json.loads(details)) == {"lang", "funder", "primary", "complementary",
                                        "unprotected"}


def test_a_quarter_made_again_hides_at_least_what_it_hid(admin: Services,
                                                         tmp_path: Path) -> None:
    """Two runs could pick different (equally few) cells: together they would show every
    figure. What a report published is kept (statuses only) and the next run keeps it."""
    import json

    from kdrt_desk.domain.care import ServiceInput
    from kdrt_desk.domain.enums import ServiceKind
    from kdrt_desk.models import Setting

    programme = build(admin, members=7)
    for pid in programme.participants:
        _consenting(admin, pid)
    for pid in programme.participants[:2]:  # two women counselled: a count to hide
        admin.care.record(ServiceInput(participant_id=pid, kind=ServiceKind.COUNSELLING,
                                       service_date=date(2026, 11, 24)), today=TODAY)
    first = admin.donor_report.write(Q4, tmp_path / "a.xlsx", today=TODAY)
    with admin.vault.db.reading() as session:
        kept = json.loads(session.get(Setting, "donor.published.2026Q4").value)
    hidden = {k for k, v in kept.items() if v != "shown"}
    assert first.primary > 0 and hidden
    assert not any(str(v).isdigit() for v in kept.values())  # statuses, never figures
    admin.donor_report.write(Q4, tmp_path / "b.xlsx", today=TODAY)
    with admin.vault.db.reading() as session:
        again = json.loads(session.get(Setting, "donor.published.2026Q4").value)
    assert hidden <= {k for k, v in again.items() if v != "shown"}
