"""Texts of the training programme: reports programme."""

from __future__ import annotations

REPORTS_PROGRAMME: dict[str, tuple[str, str]] = {
    # the printed sign-in sheet (daftar hadir); the document title holds no personal data
    "ui.signin.title": ("DAFTAR HADIR", "ATTENDANCE SHEET"),
    "ui.signin.doc_title": ("Daftar hadir peserta pelatihan", "Training attendance sheet"),
    "ui.signin.module": ("Modul", "Module"),
    "ui.signin.group": ("Kelompok", "Group"),
    "ui.signin.date": ("Tanggal", "Date"),
    "ui.signin.time": ("Waktu", "Time"),
    "ui.signin.time_range": ("{start}–{end} WIB", "{start}–{end} WIB"),
    "ui.signin.venue": ("Tempat", "Venue"),
    "ui.signin.facilitator": ("Fasilitator", "Facilitator"),
    "ui.signin.topic": ("Topik", "Topic"),
    "ui.signin.col_no": ("No.", "No."),
    "ui.signin.col_name": ("Nama peserta", "Participant's name"),
    "ui.signin.col_signature": ("Tanda tangan", "Signature"),
    "ui.signin.col_note": ("Keterangan", "Remarks"),
    "ui.signin.nobody": ("Belum ada peserta pada tanggal ini.",
                         "No members on this date yet."),
    "ui.signin.total": ("Jumlah hadir: ........ dari {count} peserta",
                        "Present: ........ of {count} {count:participant|participants}"),
    "ui.signin.facilitator_sign": ("Fasilitator,", "Facilitator,"),
    "ui.signin.page": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
}
