"""Texts of monitoring and evaluation: the printed paper form of an assessment instrument.

The form is handed to a participant: nothing here names the centre's work with violence, and the
reverse-scored items are never marked on it.
"""

from __future__ import annotations

REPORTS_MONITORING: dict[str, tuple[str, str]] = {
    "ui.instrument_form.doc_title": ("Formulir kuesioner", "Questionnaire form"),
    "ui.instrument_form.version": ("Versi {version}", "Version {version}"),
    "ui.instrument_form.working_translation": (
        "Terjemahan kerja — belum versi tervalidasi",
        "Working translation — not yet a validated version"),
    "ui.instrument_form.code": ("Kode peserta", "Participant code"),
    "ui.instrument_form.date": ("Tanggal", "Date"),
    "ui.instrument_form.date_blank": ("____ / ____ / ________", "____ / ____ / ________"),
    "ui.instrument_form.date_hint": ("tgl / bln / tahun", "day / month / year"),
    "ui.instrument_form.assessor": ("Petugas", "Assessor"),
    "ui.instrument_form.round": ("Putaran", "Round"),
    "ui.instrument_form.round.baseline": ("Awal (baseline)", "Baseline"),
    "ui.instrument_form.round.midline": ("Tengah (midline)", "Midline"),
    "ui.instrument_form.round.endline": ("Akhir (endline)", "Endline"),
    "ui.instrument_form.round.follow_up_3": ("Tindak lanjut 3 bulan", "Follow-up 3 months"),
    "ui.instrument_form.round.follow_up_6": ("Tindak lanjut 6 bulan", "Follow-up 6 months"),
    "ui.instrument_form.how_to": (
        "Beri tanda centang (✓) pada satu kotak di setiap baris.",
        "Tick (✓) one box on each line."),
    "ui.instrument_form.col_no": ("No.", "No."),
    "ui.instrument_form.col_item": ("Pernyataan", "Statement"),
    "ui.instrument_form.entered_by": ("Diketik oleh", "Typed in by"),
    "ui.instrument_form.entered_on": ("Tanggal diketik", "Typed in on"),
    "ui.instrument_form.page": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
    # the audit screen's label of the action InstrumentFormService writes
    "ui.admin.audit.action.form_printed": ("Formulir kuesioner dicetak",
                                           "Questionnaire form printed"),
}
