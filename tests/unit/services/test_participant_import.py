"""Importing participants from real .xlsx and .csv files into a real vault: the form's rules per
row with row and column, duplicates in the file and against the register, skip-invalid, dry run,
all-or-nothing with cancel, the remembered mapping, files refused (protected, not a
spreadsheet, a zip bomb, too many rows), the ``participants list --format csv`` round trip, and
imported women in the "perlu dilengkapi" list but not in the statistics population."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import Counter
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select
from support.constants import ADMIN, CENTRE, FAST_KDF, PASSWORD
from support.participant_samples import TODAY, sample
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk import i18n
from kdrt_desk.cli.output import fields, write_rows
from kdrt_desk.domain.enums import ParticipantStatus
from kdrt_desk.domain.participant import Consent, ParticipantInput
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.models import AuditEntry, Participant, Setting
from kdrt_desk.repositories.sealed_values import unreadable_values
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.services.participant_import import (
    automatic_mapping,
    load_mapping_file,
    mapping_setting_key,
)
from kdrt_desk.services.spreadsheet_reader import CFB_MAGIC, ReadLimits, read_spreadsheet
from kdrt_desk.services.statistics_consent import statistics_population
from kdrt_desk.services.vault_access import create_vault, open_vault
from kdrt_desk.synthetic.participants import generate_participants
from kdrt_desk.wiring import Services, build_services

HEADERS = ["No.", "Nama Lengkap", "NIK", "Tgl. Lahir", "Usia", "No. HP", "Kecamatan",
           "Kelurahan", "Alamat"]


def people(count: int, seed: int = 11) -> list[ParticipantInput]:
    return list(generate_participants(count, seed=seed, today=TODAY))


def row_of(n: int, p: ParticipantInput, dates_as: str = "cell") -> list[object]:
    born: object = p.birth_date
    if p.birth_date is not None and dates_as == "dmy":
        born = p.birth_date.strftime("%d/%m/%Y")
    elif p.birth_date is not None and dates_as == "iso":
        born = p.birth_date.isoformat()
    return [n, p.full_name, p.nik, born, p.estimated_age if p.birth_date is None else None,
            p.phone, p.kecamatan, p.kelurahan, "Jl. Contoh No. 1"]


def write_xlsx(path: Path, rows: list[list[object]], headers: list[str] = HEADERS) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_csv(path: Path, rows: list[list[object]], encoding: str, delimiter: str = ";",
              headers: list[str] = HEADERS) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def count(services: Services) -> int:
    with services.vault.db.reading() as session:
        return int(session.scalar(select(func.count(Participant.id))) or 0)


def test_a_valid_xlsx_imports_every_row_in_one_go(admin: Services, tmp_path: Path) -> None:
    women = people(30)
    path = write_xlsx(tmp_path / "daftar.xlsx", [row_of(n, p) for n, p in enumerate(women, 1)])
    steps: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        steps.append((done, total))
        return True

    result = admin.participant_import.import_file(path, progress=progress, today=TODAY)
    assert result.status == "imported" and result.problems == []
    assert result.imported == result.total == 30 and count(admin) == 30
    assert result.mapping["Alamat"] is None and result.mapping["No."] is None
    assert result.mapping["Nama Lengkap"] == "full_name" and result.mapping["Tgl. Lahir"] == (
        "birth_date")
    assert steps[-1] == (60, 60) and all(d <= t for d, t in steps)
    record = admin.participants.get(result.ids[0])
    first = women[0]
    assert record.full_name == first.full_name and record.nik == first.nik
    assert record.birth_date == first.birth_date and record.kecamatan == first.kecamatan
    assert record.status is ParticipantStatus.REGISTERED and record.consent == Consent()
    assert record.contact_withheld  # no consent to be contacted: her phone is not shown
    with admin.vault.db.reading() as session:
        row = session.scalar(select(Participant).where(Participant.id == result.ids[0]))
        assert row is not None and row.phone is not None  # kept, only withheld
        assert row.safe_to_call == "no" and row.never_contact_at_home is True
        assert row.living_situation is None
        # what ``vault check`` counts: nothing unreadable, no column the app always writes empty
        assert unreadable_values(session, admin.vault.db.keys) == Counter()
        actions = list(session.scalars(select(AuditEntry.action).where(
            AuditEntry.action.in_(("participant_imported", "participants_imported")))))
        details = session.scalar(select(AuditEntry.details).where(
            AuditEntry.action == "participants_imported"))
    assert actions.count("participant_imported") == 30
    assert details is not None and first.full_name not in details
    assert json.loads(details)["imported"] == 30
    assert admin.audit.verify().ok


def test_invalid_rows_are_reported_with_row_and_column_and_nothing_is_imported(
        admin: Services, tmp_path: Path) -> None:
    women = people(6)
    rows = [row_of(n, p, "dmy") for n, p in enumerate(women, 1)]
    rows[1][2] = "1671044506850000"  # serial 0000
    rows[2][3], rows[2][2] = "31/02/1980", ""  # no such day
    rows[3][5] = "0812-ABC"
    rows[4][6] = "Jakarta Selatan"
    rows[5][1] = ""
    path = write_csv(tmp_path / "daftar.csv", rows, "utf-8-sig")
    result = admin.participant_import.import_file(path, today=TODAY)
    assert result.status == "refused" and result.imported == 0 and count(admin) == 0
    found = {(p.row, p.column, p.key) for p in result.problems}
    assert (3, "NIK", "error.nik_serial") in found
    assert (4, "Tgl. Lahir", "import.date_impossible") in found
    assert (5, "No. HP", "error.phone_characters") in found
    assert (6, "Kecamatan", "error.kecamatan_required") in found
    assert (7, "Nama Lengkap", "error.full_name_required") in found
    assert result.invalid_rows == [3, 4, 5, 6, 7] and result.valid == 1
    i18n.set_language("en")
    assert "dd/mm/yyyy" in next(p.message for p in result.problems if p.row == 4)


def test_skip_invalid_imports_the_rest_and_reports_the_skipped_rows(
        admin: Services, tmp_path: Path) -> None:
    women = people(8)
    rows = [row_of(n, p, "iso") for n, p in enumerate(women, 1)]
    rows[0][6] = "Bogor"
    rows[4][3] = "kemarin"
    path = write_xlsx(tmp_path / "daftar.xlsx", rows)
    result = admin.participant_import.import_file(path, skip_invalid=True, today=TODAY)
    assert result.status == "imported" and result.imported == 6 and count(admin) == 6
    assert result.invalid_rows == [2, 6]
    report = admin.participant_import.export_report(result, tmp_path / "dilewati.csv")
    text = report.read_bytes().decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert lines[0] == ["Baris", "Kolom", "Masalah dan cara memperbaiki"]
    assert [line[:2] for line in lines[1:]] == [["2", "Kecamatan"], ["6", "Tgl. Lahir"]]
    for woman in women:  # the report holds no value from the file
        assert woman.full_name not in text and (not woman.nik or woman.nik not in text)
    book = openpyxl.load_workbook(admin.participant_import.export_report(
        result, tmp_path / "dilewati.xlsx"), read_only=True)
    values = [tuple(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    assert [v[:2] for v in values[1:]] == [(2, "Kecamatan"), (6, "Tgl. Lahir")]


def test_a_dry_run_checks_but_imports_nothing(admin: Services, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "daftar.xlsx", [row_of(n, p) for n, p in
                                                 enumerate(people(10), 1)])
    result = admin.participant_import.import_file(path, dry_run=True, today=TODAY)
    assert result.status == "checked" and result.valid == 10 and result.imported == 0
    assert count(admin) == 0
    with admin.vault.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Setting).where(
            Setting.key.like("import.mapping.%"))) == 0
        assert session.scalar(select(func.count(AuditEntry.id)).where(
            AuditEntry.action == "participants_import_checked")) == 1


def test_duplicates_within_the_file_and_against_the_register(
        admin: Services, tmp_path: Path) -> None:
    registered = admin.participants.register(sample(), today=TODAY)
    again = sample()
    women = [p for p in people(12, seed=3) if p.nik and p.birth_date][:4]
    rows = [row_of(n, p, "dmy") for n, p in enumerate(women, 1)]
    rows.append([5, again.full_name, again.nik, "05/06/1985", None, "", "Plaju", "", ""])
    rows.append([6, "Siti Aminah Lestary", "", "05/06/1985", None, "", "Plaju", "", ""])
    rows.append([7, "Nama Lain Sekali", women[0].nik, "", None, "", women[0].kecamatan, "",
                 ""])
    twin = women[1]
    assert twin.birth_date is not None
    rows.append([8, twin.full_name.upper(), "", twin.birth_date.strftime("%d/%m/%Y"), None,
                 "", twin.kecamatan, "", ""])
    path = write_csv(tmp_path / "dupe.csv", rows, "cp1252")
    result = admin.participant_import.import_file(path, today=TODAY)
    keys = {p.row: (p.key, dict(p.params), p.column) for p in result.problems}
    assert keys == {
        6: ("import.duplicate_nik", {"code": registered.code}, "NIK"),
        7: ("import.duplicate_name_birth_date", {"code": registered.code}, "Tgl. Lahir"),
        8: ("import.duplicate_in_file_nik", {"first": 2}, "NIK"),
        9: ("import.duplicate_in_file_name", {"first": 3}, "Nama Lengkap"),
    }
    assert result.valid == 4
    # the same rule as the form's "possible duplicates"
    found = admin.participants.find_duplicates(ParticipantInput(
        full_name="Siti Aminah Lestary", birth_date=date(1985, 6, 5)))
    assert [d.code for d in found] == [registered.code]


def test_a_cp1252_semicolon_csv_with_names_in_latin_letters(
        admin: Services, tmp_path: Path) -> None:
    women = people(3, seed=9)
    rows = [row_of(n, p, "dmy") for n, p in enumerate(women, 1)]
    rows[0][1] = "Désirée Müller Ñañez"
    path = write_csv(tmp_path / "excel.csv", rows, "cp1252")
    sheet = read_spreadsheet(path)
    assert (sheet.encoding, sheet.delimiter, sheet.kind) == ("cp1252", ";", "csv")
    result = admin.participant_import.import_file(path, today=TODAY)
    assert result.imported == 3, [p.message for p in result.problems]
    assert admin.participants.get(result.ids[0]).full_name == "Désirée Müller Ñañez"
    utf8 = read_spreadsheet(write_csv(tmp_path / "utf8.csv", rows, "utf-8-sig", ","))
    assert (utf8.encoding, utf8.delimiter) == ("utf-8-sig", ",")
    assert utf8.headers[1] == "Nama Lengkap" and utf8.rows[0].cells[1] == "Désirée Müller Ñañez"


def test_the_register_list_csv_imports_into_a_fresh_vault_with_no_mapping(
        admin: Services, tmp_path: Path) -> None:
    for woman in people(25, seed=21):
        if woman.nik:  # the list has no date of birth: her NIK carries it
            admin.participants.register(woman, today=TODAY)
    rows = admin.participants.list_rows()
    columns = admin.participants.visible_columns()
    out = io.StringIO()
    write_rows(out, fields(rows, columns), columns, "csv")
    path = tmp_path / "register.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    fresh_dir = tmp_path / "fresh"
    create_vault(fresh_dir, centre_name=CENTRE, centre_address="Jl. Uji 2",
                 admin_username=ADMIN, admin_password=PASSWORD, store=SecretStore(),
                 kdf=FAST_KDF)
    fresh = build_services(open_vault(fresh_dir, ADMIN, PASSWORD, store=SecretStore(),
                                      kdf=FAST_KDF))
    try:
        sheet = fresh.participant_import.read(path)
        mapping = fresh.participant_import.suggest_mapping(sheet.headers)
        assert mapping["code"] is None and mapping["status"] is None
        assert mapping["risk_level"] is None
        result = fresh.participant_import.import_file(path, today=TODAY)
        assert result.problems == [] and result.imported == len(rows)
        again = {(r.full_name, r.nik, r.kecamatan, r.registered_on)
                 for r in fresh.participants.list_rows()}
        assert again == {(r.full_name, r.nik, r.kecamatan, r.registered_on) for r in rows}
        with fresh.vault.db.reading() as session:  # phones kept (withheld without consent)
            phones = {row.code: row.phone for row in session.scalars(select(Participant))}
        assert sum(1 for v in phones.values() if v) == sum(1 for r in rows if r.phone)
    finally:
        fresh.close()


def test_the_mapping_is_remembered_by_header_names(admin: Services, tmp_path: Path) -> None:
    headers = ["Peserta", "Nomor Identitas", "Lahir Tgl", "Wilayah"]
    women = [p for p in people(12, seed=5) if p.nik and p.birth_date][:4]
    rows: list[list[object]] = [[p.full_name, p.nik, p.birth_date, p.kecamatan] for p in women]
    path = write_xlsx(tmp_path / "a.xlsx", rows[:2], headers)
    assert set(automatic_mapping(headers).values()) == {None}
    with pytest.raises(ValidationError):
        admin.participant_import.import_file(path, today=TODAY)
    chosen = {"Peserta": "full_name", "Nomor Identitas": "nik", "Lahir Tgl": "birth_date",
              "Wilayah": "kecamatan"}
    mapping_file = tmp_path / "pemetaan.json"
    mapping_file.write_text(json.dumps(chosen), encoding="utf-8")
    first = admin.participant_import.import_file(path, load_mapping_file(mapping_file),
                                                 today=TODAY)
    assert first.imported == 2
    with admin.vault.db.reading() as session:
        stored = session.get(Setting, mapping_setting_key(headers))
        assert stored is not None and json.loads(stored.value)["mapping"] == chosen
    later = write_xlsx(tmp_path / "b.xlsx", rows[2:], headers)
    assert admin.participant_import.suggest_mapping(headers) == chosen
    second = admin.participant_import.import_file(later, today=TODAY)
    assert second.imported == 2 and count(admin) == 4


def test_a_bad_mapping_is_refused_naming_each_problem(admin: Services, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [row_of(1, people(1)[0])])
    with pytest.raises(ValidationError) as caught:
        admin.participant_import.import_file(
            path, {"Nama Lengkap": "nik", "Tidak Ada": "phone", "Kecamatan": "alamat"},
            today=TODAY)
    keys = {e.key for e in caught.value.errors}
    assert {"error.import_mapping_unknown_column"} <= keys
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    with pytest.raises(UserError) as file_error:
        load_mapping_file(bad)
    assert file_error.value.key == "error.import_mapping_file"
    with pytest.raises(ValidationError) as twice:
        admin.participant_import.import_file(path, {"Nama Lengkap": "nik"}, today=TODAY)
    assert {e.key for e in twice.value.errors} >= {"error.import_mapping_twice",
                                                   "error.import_mapping_missing"}
    assert count(admin) == 0


@pytest.mark.parametrize(("name", "content", "key"), [
    ("rahasia.xlsx", CFB_MAGIC + b"\x00" * 504 + b"junk" * 300, "error.import_protected"),
    ("lama.xls", CFB_MAGIC + b"\x01" * 2000, "error.import_protected"),
    ("foto.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "error.import_not_spreadsheet"),
    ("foto.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "error.import_not_spreadsheet"),
    ("laporan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "error.import_not_spreadsheet"),
    ("kosong.csv", b"", "error.import_empty"),
    ("spasi.csv", b" ; ;\r\n;;\r\n", "error.import_empty"),
    ("judul.csv", b"Nama;NIK;Kecamatan\r\n", "error.import_no_rows"),
    ("tanpa_judul.csv", b"Siti;1671044506850001;05/06/1985;Plaju\r\n",
     "error.import_no_header"),
])
def test_files_that_are_refused(admin: Services, tmp_path: Path, name: str, content: bytes,
                                key: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError) as caught:
        admin.participant_import.import_file(path, today=TODAY)
    assert caught.value.key == key
    assert caught.value.message != key
    assert count(admin) == 0


def test_a_zip_bomb_is_refused_before_openpyxl_opens_it(admin: Services,
                                                        tmp_path: Path) -> None:
    path = tmp_path / "bom.xlsx"
    good = write_xlsx(tmp_path / "good.xlsx", [row_of(1, people(1)[0])])
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(
            path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(item, source.read(item))
        with bomb.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            chunk = b"<row>" + b"<c><v>0</v></c>" * 4000 + b"</row>"
            for _ in range(9000):  # ~540 MB inflated, a few hundred kB packed
                sheet.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(UserError) as caught:
        admin.participant_import.import_file(path, today=TODAY)
    assert caught.value.key == "error.import_bomb"
    tight = ReadLimits(max_unpacked=10 * 1024 * 1024, ratio_floor=1024, max_ratio=5)
    with pytest.raises(UserError):
        read_spreadsheet(path, tight)


def test_too_many_rows_and_too_big_are_refused(admin: Services, tmp_path: Path) -> None:
    women = people(12)
    path = write_csv(tmp_path / "banyak.csv", [row_of(n, p, "dmy") for n, p in
                                               enumerate(women, 1)], "utf-8-sig")
    with pytest.raises(UserError) as rows:
        read_spreadsheet(path, ReadLimits(max_rows=10))
    assert rows.value.key == "error.import_too_many_rows"
    with pytest.raises(UserError) as big:
        read_spreadsheet(path, ReadLimits(max_bytes=200))
    assert big.value.key == "error.import_too_big"
    assert len(read_spreadsheet(path, ReadLimits(max_rows=12)).rows) == 12


def test_a_cancel_before_the_commit_imports_nothing(admin: Services, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "daftar.xlsx", [row_of(n, p) for n, p in
                                                 enumerate(people(40), 1)])
    seen: list[tuple[int, int]] = []

    def cancel_at_the_end(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < total  # everything written, then the last call says no

    with pytest.raises(UserError) as caught:
        admin.participant_import.import_file(path, progress=cancel_at_the_end, today=TODAY)
    assert caught.value.key == "error.cancelled"
    assert seen[-1] == (80, 80) and any(n < 80 for n, _ in seen)
    assert count(admin) == 0 and admin.participant_import.to_complete() == []
    with admin.vault.db.reading() as session:
        assert session.scalar(select(func.count(AuditEntry.id)).where(
            AuditEntry.action.like("participant%_imported"))) == 0
    assert admin.audit.verify().ok
    result = admin.participant_import.import_file(path, today=TODAY)  # then it still works
    assert result.imported == 40


def test_imported_women_are_to_complete_and_not_in_the_statistics(
        admin: Services, tmp_path: Path) -> None:
    from kdrt_desk.domain.enums import ConsentScope

    registered = admin.participants.register(sample(consent=Consent(
        date(2026, 11, 20), {ConsentScope.DATA_USE, ConsentScope.STATISTICS})), today=TODAY)
    path = write_xlsx(tmp_path / "daftar.xlsx", [row_of(n, p) for n, p in
                                                 enumerate(people(5, seed=8), 1)])
    result = admin.participant_import.import_file(path, today=TODAY)
    listed = admin.participant_import.to_complete()
    assert [r.code for r in listed] == sorted(result.codes)
    assert all(r.consent_missing and r.safety_not_asked for r in listed)
    with admin.vault.db.reading() as session:
        population = statistics_population(session)
    assert population == {registered.id}
    # staff complete her record through the form at the next contact: she leaves the list
    first = admin.participants.get(result.ids[0])
    first.consent = Consent(TODAY, {ConsentScope.DATA_USE, ConsentScope.STATISTICS})
    first.safe_to_call = first.safe_to_call  # asked: "no" is her answer now
    admin.participants.update(first.id, first, first.version, today=TODAY)
    assert [r.id for r in admin.participant_import.to_complete()] == result.ids[1:]
    with admin.vault.db.reading() as session:
        assert statistics_population(session) == {registered.id, result.ids[0]}


def test_a_participant_registered_with_no_consent_is_not_counted(admin: Services) -> None:
    """The rule of ``statistics_population`` for a consent record that gives nothing, and for
    no consent record at all (what an import leaves, and what an old row may have)."""
    from kdrt_desk.domain.enums import ConsentScope

    given = admin.participants.register(sample(consent=Consent(
        date(2026, 11, 20), {ConsentScope.DATA_USE, ConsentScope.STATISTICS})), today=TODAY)
    without = admin.participants.register(sample(full_name="Rina Wati", nik="", consent=Consent(
        date(2026, 11, 20), {ConsentScope.DATA_USE})), today=TODAY)
    with admin.vault.db.transaction() as session:
        row = session.get(Participant, without.id)
        assert row is not None and row.consent is not None
        session.delete(row.consent)  # no consent record at all
    with admin.vault.db.reading() as session:
        assert statistics_population(session) == {given.id}


def test_the_import_needs_an_admin(vault: VaultFixture, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "daftar.xlsx", [row_of(1, people(1)[0])])
    team = Team.hired(vault)
    try:
        with pytest.raises(PermissionDeniedError):
            team("staf1").participant_import.import_file(path, today=TODAY)
        with pytest.raises(PermissionDeniedError):
            team("konselor1").participant_import.read(path)
    finally:
        team.close()
    admin = vault.services()
    try:
        assert count(admin) == 0
    finally:
        admin.close()


@pytest.mark.parametrize(("cell", "typed", "expected"), [
    ("05/06/1985", False, date(1985, 6, 5)), ("5-6-1985", False, date(1985, 6, 5)),
    ("05.06.1985", False, date(1985, 6, 5)), ("1985-06-05", False, date(1985, 6, 5)),
    ("1985-06-05 00:00:00", False, date(1985, 6, 5)), (31203, True, date(1985, 6, 5)),
    ("", False, None),
])
def test_dates_as_the_form_and_excel_write_them(cell: object, typed: bool,
                                                expected: date | None) -> None:
    from kdrt_desk.services.participant_import import cell_date

    assert cell_date(cell, typed) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("cell", ["05/06/85", "June 5th", "31203", "1985/13/40"])
def test_dates_it_cannot_read(cell: str) -> None:
    from kdrt_desk.services.participant_import import _CellError, cell_date

    with pytest.raises(_CellError):
        cell_date(cell, False)


def test_kecamatan_spellings_and_numbers_stored_by_excel() -> None:
    from kdrt_desk.services.participant_import import _CellError, cell_nik, match_kecamatan

    assert match_kecamatan("kec. plaju") == "Plaju"
    assert match_kecamatan("ILIR BARAT 1") == "Ilir Barat I"
    assert match_kecamatan("Kecamatan Seberang Ulu 2") == "Seberang Ulu II"
    assert match_kecamatan("Bogor") == "Bogor"
    assert cell_nik(1671044506850001, True) == "1671044506850001"
    with pytest.raises(_CellError):  # Excel kept 15 digits: the 16th became 0
        cell_nik(1671044506850000, True)
    with pytest.raises(_CellError):
        cell_nik("1.67104E+15", False)


def test_an_excel_sep_line_and_repeated_or_blank_headers(tmp_path: Path) -> None:
    path = tmp_path / "sep.csv"
    path.write_bytes(b"sep=,\r\nNama,Nama,,Kecamatan\r\nSiti Aminah,Ami,x,Plaju\r\n")
    sheet = read_spreadsheet(path)
    assert sheet.delimiter == "," and sheet.headers == ("Nama", "Nama (2)", "#C", "Kecamatan")
    assert sheet.rows[0].number == 2 and sheet.rows[0].cells[0] == "Siti Aminah"
    assert automatic_mapping(sheet.headers)["Nama (2)"] is None
    dated = tmp_path / "tahun.csv"
    dated.write_bytes(b"Nama;Status 2019-2020;Kecamatan\r\nSiti Aminah;lama;Plaju\r\n")
    assert read_spreadsheet(dated).headers[1] == "Status 2019-2020"  # a header, not data


def test_skip_invalid_with_no_valid_row_imports_nothing_and_says_so(
        admin: Services, tmp_path: Path) -> None:
    rows = [row_of(1, people(1)[0])]
    rows[0][6] = "Bogor"
    path = write_xlsx(tmp_path / "a.xlsx", rows)
    result = admin.participant_import.import_file(path, skip_invalid=True, today=TODAY)
    assert result.status == "imported" and result.imported == 0 and count(admin) == 0
    # a remembered mapping is found again when the headers differ only in case and spacing
    assert admin.participant_import.remembered_mapping(
        [h.upper() + " " for h in HEADERS]) is not None
