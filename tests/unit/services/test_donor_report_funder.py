"""The donor report for one programme or donor (the groups it funds): only its groups' women,
sessions and certificates count; an unknown funder is refused naming those on file; and the
difference of the centre's report and a donor's cannot point at the women outside the donor's
groups, whichever of the two is made first (the attacker holds both workbooks)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update
from support.programme import accepted, build, session_on

from kdrt_desk.domain.donor_report import QUARTER_COLUMN, YTD_COLUMN, Quarter
from kdrt_desk.domain.enums import ConsentScope
from kdrt_desk.domain.training import AttendanceMark, GroupInput
from kdrt_desk.errors import UserError
from kdrt_desk.models import TrainingGroup
from kdrt_desk.reports.donor_workbook import REST, donor_workbook, suppression_problem
from kdrt_desk.reports.suppression import Status, attack
from kdrt_desk.services.donor_report import DonorReportService
from kdrt_desk.wiring import Services

TODAY = date(2026, 11, 27)
Q4 = Quarter(2026, 4)
FUNDER = "Program Perempuan Berdaya \u2013 Yayasan Sriwijaya Peduli"


def _consenting(services: Services, pid: int) -> None:
    record = services.participants.get(pid)
    edit = replace(record, consent=replace(record.consent, scopes={
        *record.consent.scopes, ConsentScope.STATISTICS}))
    services.participants.update(pid, edit, edit.version, today=TODAY)


def _two_groups(admin: Services) -> tuple[int, int]:
    """The centre's own group: 2 women of Plaju and 8 of Kemuning; the donor's: 9 of Plaju and
    6 of Gandus. The centre would show Plaju 11, the donor Plaju 9: their difference is the 2
    outside the donor's groups."""
    programme = build(admin, members=0)
    own = accepted(admin, 2) + accepted(admin, 8, start=2, kecamatan="Kemuning")
    admin.groups.enrol(programme.group_id, own, on=date(2026, 11, 20))
    funded = admin.groups.save(GroupInput(
        name="Angkatan Donor Plaju", kecamatan="Plaju", start_date=date(2026, 11, 1),
        end_date=date(2027, 1, 31), venue_id=programme.venue_id,
        module_ids=[programme.modules["SOS-01"]],
        facilitator_ids={programme.facilitators["psychologist"]}))
    with admin.vault.db.transaction() as session:
        session.execute(update(TrainingGroup).where(TrainingGroup.id == funded.id)
                        .values(funder=FUNDER))
    theirs = accepted(admin, 9, start=10) + accepted(admin, 6, start=19, kecamatan="Gandus")
    admin.groups.enrol(funded.id, theirs, on=date(2026, 11, 20))
    for pid in own + theirs:
        _consenting(admin, pid)
    made = admin.sessions.create(replace(session_on(programme, date(2026, 11, 24)),
                                         group_id=funded.id))
    for pid in theirs:
        admin.attendance.mark(made.id, pid, AttendanceMark.PRESENT, today=TODAY)
    other = admin.sessions.create(session_on(programme, date(2026, 11, 25)))
    for pid in own:
        admin.attendance.mark(other.id, pid, AttendanceMark.PRESENT, today=TODAY)
    return programme.group_id, funded.id


def _plaju(path: Path) -> list[object]:
    """The kecamatan table's Plaju row as the workbook shows it (quarter, year to date)."""
    sheet = load_workbook(path)["Peserta"]
    for row in sheet.iter_rows(values_only=True):
        if row[0] == "Plaju":
            return [row[1], row[2]]
    raise AssertionError("no Plaju row")


def test_a_donors_report_counts_only_its_groups(admin: Services) -> None:
    _two_groups(admin)
    service = DonorReportService(admin.vault.db, admin.vault.actor)
    assert service.funders() == [FUNDER]
    data = service.data(Q4, TODAY, funder=FUNDER.upper())  # the groups' spelling is kept
    assert data.funder == FUNDER
    tables = {t.key: t for t in data.tables}
    kecamatan = tables["participants_by_kecamatan"]
    assert kecamatan.rows == ("Gandus", "Plaju")
    assert kecamatan.value("Plaju", QUARTER_COLUMN) == 9
    assert tables["sessions_by_module"].value("SOS-01", QUARTER_COLUMN) == 1  # not the other
    assert tables["women_by_module"].value("SOS-01", YTD_COLUMN) == 15
    assert "new_participants" not in tables  # a donor's "new" does not add up over quarters
    chain = {r.key: r for r in data.amounts[0].rows}
    assert chain["groups_active"].value == 1 and chain["sessions_held"].value == 1
    assert chain["attendance_rate"].value == 100.0
    centre = service.data(Q4, TODAY)
    assert {t.key: t for t in centre.tables}["participants_by_kecamatan"].value(
        "Plaju", QUARTER_COLUMN) == 11
    assert {r.key: r for r in centre.amounts[0].rows}["sessions_held"].value == 2
    assert [o.funder for o in data.others] == [""]  # the centre's report stands beside it


def test_an_unknown_funder_is_refused_naming_those_on_file(admin: Services) -> None:
    _two_groups(admin)
    service = DonorReportService(admin.vault.db, admin.vault.actor)
    with pytest.raises(UserError) as caught:
        service.data(Q4, TODAY, funder="Yayasan Lain")
    assert caught.value.key == "error.donor_funder_unknown"
    assert FUNDER in caught.value.params["known"]
    assert service.check_funder("   ") == ""


@pytest.mark.parametrize("centre_first", [True, False], ids=["centre-first", "donor-first"])
def test_the_two_reports_together_do_not_give_the_women_outside_the_donor(
        admin: Services, tmp_path: Path, centre_first: bool) -> None:
    _two_groups(admin)
    service = admin.donor_report
    order = [("", tmp_path / "centre.xlsx"), (FUNDER, tmp_path / "donor.xlsx")]
    for funder, path in order if centre_first else order[::-1]:
        service.write(Q4, path, today=TODAY, funder=funder)
    centre, donor = _plaju(order[0][1]), _plaju(order[1][1])
    for column in range(2):
        shown = [isinstance(v, int) for v in (centre[column], donor[column])]
        assert not all(shown), (centre, donor)  # 11 - 9 would be the 2 outside
    # the exact attacker, told even the class of every cell outside the donor's groups,
    # cannot pin one of them: each small one keeps at least three values
    data = DonorReportService(admin.vault.db, admin.vault.actor).data(Q4, TODAY, funder=FUNDER)
    _book, hidden = donor_workbook(data, lang="id")
    problem = suppression_problem(data)
    ranges = attack(problem.tables, problem.relations, hidden)
    outside = {c: v for t in problem.tables if t.name.startswith(REST)
               for c, v in t.values().items()}
    small = [c for c, v in outside.items() if 1 <= v < 5]
    assert small, "the scenario must leave a small count outside the donor's groups"
    assert not hidden.unprotected
    for cell in small:
        assert hidden.status[cell] is Status.PRIMARY
        assert ranges[cell].spans(2), (cell, ranges[cell])
