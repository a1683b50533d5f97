"""Texts of the participant import screens (ui/import_dialog.py) and of the "perlu dilengkapi"
list (ui/to_complete_dialog.py): key -> (Indonesian, English)."""

from __future__ import annotations

UI_IMPORT: dict[str, tuple[str, str]] = {
    "ui.import.menu": ("Impor daftar peserta…", "Import participant list…"),
    "ui.import.title": ("Impor daftar peserta", "Import participant list"),
    "ui.import.step": ("Langkah {n} dari 4: {name}", "Step {n} of 4: {name}"),
    "ui.import.step.file": ("Pilih berkas", "Choose the file"),
    "ui.import.step.mapping": ("Cocokkan kolom", "Match the columns"),
    "ui.import.step.check": ("Periksa data", "Check the data"),
    "ui.import.step.done": ("Selesai", "Done"),
    "ui.import.back": ("Kembali", "Back"),
    "ui.import.next": ("Lanjut", "Next"),
    "ui.import.check": ("Periksa", "Check"),
    "ui.import.import": ("Impor", "Import"),
    "ui.import.cancel": ("Batal", "Cancel"),
    "ui.import.close": ("Tutup", "Close"),
    # -- the file -----------------------------------------------------------------------------
    "ui.import.file_intro": (
        "Pilih daftar peserta lama dalam bentuk .xlsx (Excel) atau .csv. Hanya lembar kerja "
        "pertama yang dibaca; baris pertama harus berisi nama kolom. Tidak ada yang diimpor "
        "sebelum Anda memeriksa datanya dan menekan \u201cImpor\u201d.",
        "Choose an old participant list as .xlsx (Excel) or .csv. Only the first worksheet is "
        "read; its first row must hold the column names. Nothing is imported until you have "
        "checked the data and pressed \u201cImport\u201d."),
    "ui.import.choose": ("Pilih berkas…", "Choose file…"),
    "ui.import.choose_title": ("Pilih daftar peserta", "Choose the participant list"),
    "ui.import.file_filter": (
        "Lembar kerja (*.xlsx *.csv);;Semua berkas (*)",
        "Spreadsheets (*.xlsx *.csv);;All files (*)"),
    "ui.import.no_file": ("Belum ada berkas yang dipilih.", "No file chosen yet."),
    "ui.import.reading": ("Membaca berkas…", "Reading the file…"),
    "ui.import.file_xlsx": (
        "{rows} baris peserta, berkas Excel (.xlsx), {columns} kolom.",
        "{rows} participant rows, an Excel file (.xlsx), {columns} {columns:column|columns}."),
    "ui.import.file_csv": (
        "{rows} baris peserta, berkas CSV ({encoding}, pemisah {delimiter}), {columns} kolom.",
        "{rows} participant rows, a CSV file ({encoding}, separator {delimiter}), {columns} "
        "columns."),
    "ui.import.encoding.cp1252": ("Windows-1252", "Windows-1252"),
    "ui.import.encoding.utf-8-sig": ("UTF-8", "UTF-8"),
    "ui.import.delimiter.tab": ("tab", "tab"),
    # -- the mapping --------------------------------------------------------------------------
    "ui.import.mapping_intro": (
        "Pilih untuk setiap kolom berkas Anda data apa isinya, atau \u201c(abaikan)\u201d. "
        "Wajib: Nama lengkap, Kecamatan, dan NIK, Tanggal lahir atau Perkiraan usia. Kolom "
        "keselamatan dan persetujuan tidak diimpor: pertanyaan itu ditanyakan petugas pada "
        "kontak berikutnya.",
        "Choose for each column of your file what it holds, or \u201c(ignore)\u201d. "
        "Required: Full name, Kecamatan, and NIK, Date of birth or Estimated age. Safety and "
        "consent columns are not imported: staff ask those questions at the next contact."),
    "ui.import.remembered": (
        "Pemetaan kolom diingat dari impor sebelumnya.",
        "Column mapping remembered from a previous import."),
    "ui.import.matched": (
        "Kolom dicocokkan menurut namanya. Periksa dan ubah bila perlu.",
        "Columns matched by their names. Check them and change them if needed."),
    "ui.import.column.header": ("Kolom di berkas", "Column in the file"),
    "ui.import.column.samples": ("Contoh isi", "Sample values"),
    "ui.import.column.field": ("Diimpor sebagai", "Imported as"),
    "ui.import.ignore": ("(abaikan)", "(ignore)"),
    "ui.import.required_mark": ("{name} *", "{name} *"),
    "ui.import.checking": ("Memeriksa {rows} baris…", "Checking {rows} {rows:row|rows}…"),
    "ui.import.check_cancelled": (
        "Pemeriksaan dibatalkan.", "The check was cancelled."),
    # -- the check ----------------------------------------------------------------------------
    "ui.import.summary": (
        "{total} baris: {valid} valid, {invalid} bermasalah.",
        "{total} {total:row|rows}: {valid} valid, {invalid} with problems."),
    "ui.import.all_valid": (
        "Semua baris valid. Tekan \u201cImpor\u201d untuk mendaftarkan {valid} peserta.",
        "Every row is valid. Press \u201cImport\u201d to register {valid} {valid:participant|participants}."),
    "ui.import.fix_or_skip": (
        "Perbaiki baris bermasalah di berkas Anda lalu pilih berkasnya lagi, atau centang "
        "\u201cLewati baris yang bermasalah\u201d untuk mengimpor {valid} baris yang valid saja.",
        "Correct the rows with problems in your file and choose it again, or tick \u201cSkip "
        "the rows with problems\u201d to import only the {valid} valid rows."),
    "ui.import.problem.row": ("Baris", "Row"),
    "ui.import.problem.column": ("Kolom", "Column"),
    "ui.import.problem.message": ("Masalah dan cara memperbaiki", "Problem and how to fix it"),
    "ui.import.whole_row": ("(seluruh baris)", "(whole row)"),
    "ui.import.save_report": (
        "Simpan laporan baris bermasalah…", "Save report of rows with problems…"),
    "ui.import.report_title": ("Simpan laporan baris bermasalah", "Save report of rows"),
    "ui.import.report_name": ("baris-bermasalah", "rows-with-problems"),
    "ui.import.report_filter": (
        "Buku kerja Excel (*.xlsx);;CSV (*.csv)", "Excel workbook (*.xlsx);;CSV (*.csv)"),
    "ui.import.report_saved": ("Laporan disimpan: {path}", "Report saved: {path}"),
    "ui.import.skip": ("Lewati baris yang bermasalah", "Skip the rows with problems"),
    "ui.import.importing": ("Mengimpor {rows} baris…", "Importing {rows} {rows:row|rows}…"),
    "ui.import.import_cancelled": (
        "Impor dibatalkan. Tidak ada peserta yang diimpor.",
        "The import was cancelled. No participant was imported."),
    "ui.import.refused": (
        "Tidak ada yang diimpor: ada baris bermasalah (register berubah sejak pemeriksaan). "
        "Lihat daftar di atas.",
        "Nothing was imported: some rows have problems (the register changed since the "
        "check). See the list above."),
    # -- the result ---------------------------------------------------------------------------
    "ui.import.done": (
        "{imported} peserta diimpor dan terdaftar.", "{imported} {imported:participant|participants} imported and "
        "registered."),
    "ui.import.done_skipped": (
        "{skipped} baris bermasalah dilewati (tidak diimpor).",
        "{skipped} {skipped:row|rows} with problems {skipped:was|were} skipped (not imported)."),
    "ui.import.done_note": (
        "Persetujuan dan pertanyaan keselamatan peserta yang diimpor belum ditanyakan. Mereka "
        "muncul di daftar \u201cPerlu dilengkapi\u201d sampai petugas melengkapi datanya pada "
        "kontak berikutnya, dan tidak dihitung dalam statistik sebelum persetujuannya dicatat.",
        "The imported participants' consent and safety questions have not been asked yet. "
        "They appear in the \u201cTo complete\u201d list until staff complete their records "
        "at the next contact, and are not counted in statistics before their consent is "
        "recorded."),
    "ui.import.show_to_complete": (
        "Lihat daftar perlu dilengkapi…", "Show the to-complete list…"),
    # -- the perlu dilengkapi list ------------------------------------------------------------
    "ui.to_complete.menu": ("Peserta perlu dilengkapi…", "Participants to complete…"),
    "ui.to_complete.title": ("Peserta perlu dilengkapi", "Participants to complete"),
    "ui.to_complete.intro": (
        "Peserta yang diimpor dari daftar lama: persetujuan atau pertanyaan keselamatannya "
        "belum ditanyakan. Tanyakan pada kontak berikutnya dan simpan datanya lewat formulir. "
        "Klik dua kali sebuah baris untuk membuka datanya.",
        "Participants imported from an old list: their consent or safety questions have not "
        "been asked yet. Ask at the next contact and save the record through the form. "
        "Double-click a row to open the record."),
    "ui.to_complete.code": ("Kode", "Code"),
    "ui.to_complete.name": ("Nama", "Name"),
    "ui.to_complete.kecamatan": ("Kecamatan", "Kecamatan"),
    "ui.to_complete.imported_on": ("Diimpor", "Imported"),
    "ui.to_complete.missing": ("Yang perlu dilengkapi", "What is missing"),
    "ui.to_complete.consent": ("persetujuan", "consent"),
    "ui.to_complete.safety": ("pertanyaan keselamatan", "safety questions"),
    "ui.to_complete.count": ("{count} peserta perlu dilengkapi.",
                             "{count} {count:participant|participants} to complete."),
    "ui.to_complete.none": ("Tidak ada peserta yang perlu dilengkapi.",
                            "No participant to complete."),
    "ui.to_complete.open": ("Buka data peserta", "Open record"),
}
