"""Texts of the work exports (participant list, attendance, assessment results) and the admin's
full data export: sheet names, column headers, warnings, errors and the CLI's words."""

from __future__ import annotations

_COLUMNS: dict[str, tuple[str, str]] = {
    "code": ("Kode", "Code"),
    "full_name": ("Nama lengkap", "Full name"),
    "preferred_name": ("Nama panggilan", "Preferred name"),
    "nik": ("NIK", "NIK"),
    "phone": ("Telepon", "Phone"),
    "status": ("Status", "Status"),
    "kecamatan": ("Kecamatan", "Kecamatan"),
    "registered_on": ("Tanggal daftar", "Registered on"),
    "risk_level": ("Tingkat risiko", "Risk level"),
    "group": ("Kelompok", "Group"),
    "module": ("Modul", "Module"),
    "module_title": ("Judul modul", "Module title"),
    "session_date": ("Tanggal sesi", "Session date"),
    "start_time": ("Mulai", "Start"),
    "end_time": ("Selesai", "End"),
    "session_status": ("Status sesi", "Session status"),
    "mark": ("Kehadiran", "Attendance"),
    "reason": ("Alasan", "Reason"),
    "marked_by": ("Dicatat oleh", "Marked by"),
    "instrument": ("Instrumen", "Instrument"),
    "version": ("Versi", "Version"),
    "round": ("Putaran", "Round"),
    "assessed_on": ("Tanggal asesmen", "Assessed on"),
    "raw": ("Skor mentah", "Raw score"),
    "score": ("Skor", "Score"),
    "band": ("Kategori", "Band"),
    "missing": ("Jawaban kosong", "Missing answers"),
    "recorded_by": ("Dicatat oleh", "Recorded by"),
}

_SHEETS: dict[str, tuple[str, str]] = {
    "participant_list": ("Daftar peserta", "Participant list"),
    "attendance": ("Kehadiran", "Attendance"),
    "assessments": ("Asesmen", "Assessments"),
    "about": ("Tentang berkas ini", "About this file"),
    "participants": ("Peserta", "Participants"),
    "cases": ("Latar kasus", "Cases"),
    "consent": ("Persetujuan", "Consent"),
    "screenings": ("Asesmen awal", "Screenings"),
    "decisions": ("Keputusan", "Decisions"),
    "services": ("Layanan", "Services"),
    "partners": ("Mitra", "Partners"),
    "modules": ("Modul", "Modules"),
    "facilitators": ("Fasilitator", "Facilitators"),
    "venues": ("Tempat", "Venues"),
    "groups": ("Kelompok", "Groups"),
    "group_modules": ("Modul kelompok", "Group modules"),
    "group_facilitators": ("Fasilitator kelompok", "Group facilitators"),
    "enrolments": ("Keanggotaan", "Enrolments"),
    "sessions": ("Sesi", "Sessions"),
    "skill_assessments": ("Penilaian keterampilan", "Skill assessments"),
    "livelihoods": ("Penghidupan", "Livelihoods"),
    "capital": ("Modal usaha", "Business capital"),
    "certificates": ("Register sertifikat", "Certificate register"),
    "audit_log": ("Log audit", "Audit log"),
}

EXPORTS: dict[str, tuple[str, str]] = {
    **{f"export.column.{k}": v for k, v in _COLUMNS.items()},
    **{f"export.sheet.{k}": v for k, v in _SHEETS.items()},
    "export.contact_withheld": ("(tanpa izin kontak)", "(no contact consent)"),
    "export.full.unprotected_warning": (
        "PERINGATAN: berkas ekspor ini TIDAK terenkripsi. Semua data peserta, termasuk data "
        "kontak dan data terbatas, keluar dari brankas dan dapat dibaca siapa pun yang "
        "memegang berkasnya. Sebaiknya buat buku kerja berkata sandi (Excel meminta kata "
        "sandinya saat dibuka), simpan di tempat aman dan hapus bila tidak diperlukan lagi.",
        "WARNING: this export file is NOT encrypted. All participant data, contact and "
        "restricted fields included, leaves the vault and can be read by anyone who holds the "
        "file. Prefer a password-protected workbook (Excel asks for the password when opening "
        "it), keep it somewhere safe and delete it when it is no longer needed."),
    "export.about.item": ("Hal", "Item"),
    "export.about.value": ("Keterangan", "Details"),
    "export.about.what": ("Berkas", "File"),
    "export.about.full": ("Ekspor data lengkap KDRT Desk (satu lembar per jenis catatan)",
                          "KDRT Desk full data export (one sheet per record type)"),
    "export.about.made_by": ("Dibuat oleh", "Made by"),
    "export.about.made_at": ("Dibuat pada", "Made at"),
    "export.about.warning": ("Penting", "Important"),
    "export.about.keep_safe": (
        "Berisi data kontak dan data terbatas di luar enkripsi brankas. Simpan di tempat aman, "
        "jangan dibagikan, hapus bila tidak diperlukan lagi.",
        "Holds contact and restricted data outside the vault's encryption. Keep it somewhere "
        "safe, do not share it, delete it when no longer needed."),
    "export.about.ids": ("Nomor id", "Ids"),
    "export.about.ids_note": (
        "Kolom id dan *_id menghubungkan lembar-lembar ini (misalnya participant_id = id di "
        "lembar Peserta). Nama kolom dan nilai pilihan ditulis dengan kode aslinya.",
        "The id and *_id columns link these sheets (e.g. participant_id = id on the "
        "Participants sheet). Column names and choice values are written as their codes."),
    "error.export_assessments_restricted": (
        "Hasil asesmen hanya dapat diekspor oleh Admin dan Konselor (yang memegang kunci data "
        "terbatas).",
        "Assessment results can only be exported by the Admin and Case workers (who hold the "
        "restricted data key)."),
    "error.export_full_admin_only": (
        "Ekspor data lengkap hanya untuk Admin.",
        "The full data export is for the Admin only."),
    "error.export_zip_password": (
        "Berkas .zip tidak dapat diberi kata sandi yang bisa dibuka Windows Explorer. Untuk "
        "berkas berkata sandi, pilih nama berkas yang diakhiri .xlsx.",
        "A .zip cannot be given a password that Windows Explorer opens. For a "
        "password-protected file, choose a file name ending in .xlsx."),
    "error.export_password_short": (
        "Kata sandi berkas terlalu pendek: paling sedikit {minimum} karakter.",
        "The file password is too short: at least {minimum} characters."),
    "error.export_file_type": (
        "{path}: jenis berkas ini tidak dapat ditulis; pilih {types}.",
        "{path}: this kind of file cannot be written; choose {types}."),
    "error.export_too_many_rows": (
        "Lembar \u201c{sheet}\u201d melebihi batas Excel ({limit} baris). Pilih berkas .zip "
        "(berkas CSV, tanpa batas baris).",
        "The sheet \u201c{sheet}\u201d exceeds Excel's limit ({limit} rows). Choose a .zip "
        "file (CSV files, no row limit)."),
    "ui.admin.audit.action.attendance_exported": ("Kehadiran diekspor", "Attendance exported"),
    "ui.admin.audit.action.assessments_exported": ("Hasil asesmen diekspor",
                                                   "Assessment results exported"),
    "ui.admin.audit.action.full_export_written": ("Ekspor data lengkap dibuat",
                                                  "Full data export made"),
    "cli.export.help_participants": (
        "daftar peserta (.xlsx): kolom yang boleh dilihat peran Anda",
        "the participant list (.xlsx): the columns your role may see"),
    "cli.export.help_attendance": (
        "kehadiran per kelompok dan sesi (.xlsx)",
        "attendance per group and session (.xlsx)"),
    "cli.export.help_assessments": (
        "hasil asesmen (.xlsx; Admin dan Konselor)",
        "assessment results (.xlsx; Admin and Case workers)"),
    "cli.export.help_full": (
        "ekspor data lengkap untuk Admin (.xlsx, atau .zip berisi CSV)",
        "the admin's full data export (.xlsx, or a .zip of CSV files)"),
    "cli.export.help_out_work": ("berkas .xlsx yang ditulis", "the .xlsx file to write"),
    "cli.export.help_out_full": ("berkas .xlsx atau .zip yang ditulis",
                                 "the .xlsx or .zip file to write"),
    "cli.export.help_protect": (
        "buku kerja berkata sandi: kata sandinya dari KDRT_EXPORT_PASSWORD atau ditanyakan "
        "(tidak pernah di baris perintah)",
        "a password-protected workbook: its password from KDRT_EXPORT_PASSWORD or asked for "
        "(never on the command line)"),
    "cli.export.out_full": ("{path}: tulis nama berkas yang diakhiri .xlsx atau .zip.",
                            "{path}: give a file name ending in .xlsx or .zip."),
    "cli.export.prompt_password": ("Kata sandi berkas ekspor: ", "Export file password: "),
    "cli.export.prompt_password_again": ("Ulangi kata sandi berkas: ",
                                         "Repeat the file password: "),
    "cli.export.password_mismatch": ("Kedua kata sandi berbeda. Tidak ada yang ditulis.",
                                     "The two passwords differ. Nothing was written."),
    "cli.export.password_missing": (
        "--protect: beri kata sandi berkas di variabel {variable} (atau jalankan di terminal "
        "untuk ditanyakan).",
        "--protect: give the file password in the variable {variable} (or run in a terminal "
        "to be asked)."),
    "cli.export.written": ("{rows} baris ditulis ke {path}.", "{rows} {rows:row|rows} written to {path}."),
    "cli.export.full_written": (
        "Ekspor data lengkap ditulis ke {path}: {sheets} lembar, {rows} baris.",
        "Full data export written to {path}: {sheets} {sheets:sheet|sheets}, {rows} {rows:row|rows}."),
    "cli.export.full_protected": (
        "Berkas dilindungi kata sandi: Excel memintanya saat membuka.",
        "The file is password-protected: Excel asks for the password when opening it."),
}
