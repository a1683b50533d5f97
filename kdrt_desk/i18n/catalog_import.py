"""Messages of the participant import (services/participant_import.py, the spreadsheet reader
and ``kdrt-desk import participants``): key -> (Indonesian, English)."""

from __future__ import annotations

IMPORT: dict[str, tuple[str, str]] = {
    # -- files refused ---------------------------------------------------------------------
    "error.import_file_missing": (
        "Berkas {path} tidak ada atau tidak dapat dibaca.",
        "The file {path} does not exist or cannot be read."),
    "error.import_too_big": (
        "Berkas ini lebih besar dari {limit} MB. Bagi daftarnya menjadi beberapa berkas.",
        "This file is larger than {limit} MB. Split the list into several files."),
    "error.import_too_many_rows": (
        "Berkas ini berisi lebih dari {limit} baris. Bagi daftarnya menjadi beberapa berkas.",
        "This file has more than {limit} rows. Split the list into several files."),
    "error.import_protected": (
        "Buku kerja ini dilindungi kata sandi (atau berformat .xls lama). Buka di Excel, hapus "
        "kata sandinya, lalu simpan sebagai .xlsx atau .csv.",
        "This workbook is password-protected (or an old .xls). Open it in Excel, remove the "
        "password, then save it as .xlsx or .csv."),
    "error.import_bomb": (
        "Berkas .xlsx ini akan membengkak jauh melebihi ukurannya saat dibuka (bom "
        "dekompresi) dan tidak dibuka. Simpan ulang daftarnya di Excel.",
        "This .xlsx file would inflate far beyond its size when opened (a decompression bomb) "
        "and was not opened. Save the list again from Excel."),
    "error.import_not_spreadsheet": (
        "Berkas ini bukan lembar kerja .xlsx atau .csv. Simpan daftarnya dari Excel sebagai "
        ".xlsx atau CSV.",
        "This file is not an .xlsx or .csv spreadsheet. Save the list from Excel as .xlsx or "
        "CSV."),
    "error.import_damaged": (
        "Berkas .xlsx ini rusak dan tidak dapat dibaca. Buka di Excel dan simpan ulang.",
        "This .xlsx file is damaged and cannot be read. Open it in Excel and save it again."),
    "error.import_empty": (
        "Berkas ini kosong.",
        "This file is empty."),
    "error.import_no_header": (
        "Baris pertama berisi data, bukan nama kolom. Tambahkan baris judul (mis. Nama, NIK, "
        "Tanggal lahir, Kecamatan) di atas data.",
        "The first row holds data, not column names. Add a header row (e.g. Nama, NIK, "
        "Tanggal lahir, Kecamatan) above the data."),
    "error.import_no_rows": (
        "Berkas ini hanya berisi baris judul, tanpa peserta.",
        "This file holds only the header row, no participants."),
    # -- the mapping -----------------------------------------------------------------------
    "error.import_mapping_unknown_column": (
        "Kolom \u201c{column}\u201d tidak ada di berkas ini.",
        "The column \u201c{column}\u201d is not in this file."),
    "error.import_mapping_unknown_field": (
        "Kolom \u201c{column}\u201d dipetakan ke \u201c{name}\u201d, yang tidak dikenal. Pilih "
        "salah satu: {fields}.",
        "The column \u201c{column}\u201d is mapped to \u201c{name}\u201d, which is unknown. "
        "Choose one of: {fields}."),
    "error.import_mapping_twice": (
        "{name} dipetakan dari dua kolom: \u201c{first}\u201d dan \u201c{column}\u201d. Pilih "
        "satu saja.",
        "{name} is mapped from two columns: \u201c{first}\u201d and \u201c{column}\u201d. Choose "
        "one."),
    "error.import_mapping_missing": (
        "Petakan kolom untuk: {fields}.",
        "Map a column to: {fields}."),
    "error.import_mapping_no_birth": (
        "Petakan kolom NIK, tanggal lahir atau usia: tanpa salah satunya tanggal lahir tidak "
        "diketahui.",
        "Map the NIK, date of birth or age column: without one of them the date of birth is "
        "unknown."),
    "error.import_mapping_file": (
        "Berkas pemetaan {path} tidak dapat dibaca. Isinya harus JSON: {{\"Nama kolom\": "
        "\"full_name\", \"Kolom lain\": null}}.",
        "The mapping file {path} cannot be read. It must be JSON: {{\"Column name\": "
        "\"full_name\", \"Other column\": null}}."),
    "error.import_report_format": (
        "Laporan dapat disimpan sebagai .csv atau .xlsx.",
        "The report can be saved as .csv or .xlsx."),
    # -- the fields, as messages name them ---------------------------------------------------
    "import.field.full_name": ("Nama lengkap", "Full name"),
    "import.field.preferred_name": ("Nama panggilan", "Preferred name"),
    "import.field.nik": ("NIK", "NIK"),
    "import.field.birth_date": ("Tanggal lahir", "Date of birth"),
    "import.field.estimated_age": ("Perkiraan usia", "Estimated age"),
    "import.field.birth_place": ("Tempat lahir", "Place of birth"),
    "import.field.phone": ("No. HP", "Phone"),
    "import.field.kecamatan": ("Kecamatan", "Kecamatan"),
    "import.field.kelurahan": ("Kelurahan", "Kelurahan"),
    "import.field.occupation": ("Pekerjaan", "Occupation"),
    "import.field.registered_on": ("Tanggal daftar", "Registration date"),
    # -- problems in a row -----------------------------------------------------------------
    "import.date_invalid": (
        "Tanggal tidak terbaca. Tulis sebagai hh/bb/tttt (mis. 05/06/1985) atau tttt-bb-hh.",
        "The date cannot be read. Write it as dd/mm/yyyy (e.g. 05/06/1985) or yyyy-mm-dd."),
    "import.date_impossible": (
        "Tanggal ini tidak ada di kalender. Periksa hari dan bulannya (hh/bb/tttt).",
        "This date does not exist. Check its day and month (dd/mm/yyyy)."),
    "import.age_invalid": (
        "Usia harus berupa angka tahun (mis. 37).",
        "The age must be a number of years (e.g. 37)."),
    "import.nik_as_number": (
        "NIK tersimpan sebagai angka dan Excel menghapus digit terakhirnya. Format kolom NIK "
        "sebagai Teks dan ketik ulang NIK-nya.",
        "The NIK is stored as a number and Excel dropped its last digit. Format the NIK "
        "column as Text and type the NIK again."),
    "import.duplicate_in_file_nik": (
        "NIK yang sama sudah ada di baris {first} berkas ini. Hapus salah satu baris.",
        "The same NIK is already in row {first} of this file. Remove one of the rows."),
    "import.duplicate_in_file_name": (
        "Kemungkinan orang yang sama dengan baris {first} (nama mirip, tanggal lahir sama). "
        "Hapus salah satu baris atau perbaiki datanya.",
        "Possibly the same woman as row {first} (a similar name, the same date of birth). "
        "Remove one of the rows or correct them."),
    "import.duplicate_nik": (
        "Sudah terdaftar sebagai {code} (NIK sama). Lewati baris ini atau periksa NIK-nya.",
        "Already registered as {code} (the same NIK). Skip this row or check the NIK."),
    "import.duplicate_name_birth_date": (
        "Kemungkinan sudah terdaftar sebagai {code} (nama mirip, tanggal lahir sama). Periksa "
        "di register; lewati baris ini bila orangnya sama.",
        "Possibly already registered as {code} (a similar name, the same date of birth). "
        "Check the register; skip this row if she is the same woman."),
    # -- the report of skipped rows ----------------------------------------------------------
    "import.report.sheet": ("Baris dilewati", "Skipped rows"),
    "import.report.row": ("Baris", "Row"),
    "import.report.column": ("Kolom", "Column"),
    "import.report.reason": ("Masalah dan cara memperbaiki", "Problem and how to fix it"),
    "import.not_asked": ("belum ditanyakan", "not yet asked"),
    "import.to_complete": ("Perlu dilengkapi", "To complete"),
    # -- the audit log -----------------------------------------------------------------------
    "ui.admin.audit.action.participant_imported": (
        "Peserta diimpor dari daftar", "Participant imported from a list"),
    "ui.admin.audit.action.participants_imported": (
        "Daftar peserta diimpor", "Participant list imported"),
    "ui.admin.audit.action.participants_import_checked": (
        "Daftar peserta diperiksa (tanpa impor)", "Participant list checked (not imported)"),
    "ui.admin.audit.action.participants_import_refused": (
        "Impor daftar peserta ditolak (ada baris bermasalah)",
        "Participant list import refused (rows with problems)"),
    "ui.admin.audit.action.import_report_exported": (
        "Laporan baris yang dilewati disimpan", "Skipped-rows report saved"),
    # -- the command line ------------------------------------------------------------------
    "cli.import.help": ("mengimpor data dari berkas", "import data from a file"),
    "cli.import.help_participants": (
        "impor peserta dari .xlsx atau .csv", "import participants from .xlsx or .csv"),
    "cli.import.help_file": ("berkas .xlsx atau .csv", "the .xlsx or .csv file"),
    "cli.import.help_mapping": (
        "berkas JSON (nama kolom -> field, atau null) yang mengganti pemetaan otomatis",
        "a JSON file (column name -> field, or null) overriding the automatic mapping"),
    "cli.import.help_skip_invalid": (
        "impor baris yang valid dan lewati yang bermasalah",
        "import the valid rows and skip those with problems"),
    "cli.import.help_dry_run": (
        "hanya periksa, jangan impor apa pun", "only check, import nothing"),
    "cli.import.help_report": (
        "simpan laporan baris bermasalah ke berkas .csv atau .xlsx",
        "save the report of rows with problems to a .csv or .xlsx file"),
    "cli.import.problem": ("Baris {row}, kolom \u201c{column}\u201d: {message}",
                           "Row {row}, column \u201c{column}\u201d: {message}"),
    "cli.import.checked": (
        "Diperiksa: {total} baris, {valid} valid, {invalid} bermasalah. Tidak ada yang "
        "diimpor.",
        "Checked: {total} {total:row|rows}, {valid} valid, {invalid} with problems. Nothing imported."),
    "cli.import.refused": (
        "Tidak ada yang diimpor: {invalid} dari {total} baris bermasalah. Perbaiki berkasnya "
        "atau pakai --skip-invalid untuk melewati baris tersebut.",
        "Nothing imported: {invalid} of {total} {total:row|rows} {invalid:has|have} problems. Correct the file or use "
        "--skip-invalid to skip those rows."),
    "cli.import.imported": (
        "Diimpor: {imported} dari {total} baris ({skipped} dilewati). {to_complete} peserta "
        "perlu dilengkapi (persetujuan dan pertanyaan keselamatan belum ditanyakan).",
        "Imported: {imported} of {total} {total:row|rows} ({skipped} skipped). {to_complete} {to_complete:participant|participants} "
        "to complete (consent and safety questions not yet asked)."),
    "cli.import.report_written": ("Laporan disimpan: {path}", "Report saved: {path}"),
}
