"""Texts of the shared PDF preview and print dialog (every PDF the app makes: sign-in sheets,
consent form, recovery sheet, schedules, progress report, paper forms, certificates) and of the
"Pratinjau / Cetak…" entries that open it."""

from __future__ import annotations

UI_PRINT: dict[str, tuple[str, str]] = {
    # -- the entry on each screen ---------------------------------------------------------
    "ui.print.preview": ("Pratinjau / Cetak…", "Preview / Print…"),
    "ui.print.preview_many": ("Pratinjau / Cetak ({count})…", "Preview / Print ({count})…"),
    "ui.print.preparing": ("Menyiapkan pratinjau…", "Preparing the preview…"),
    # -- the dialog -----------------------------------------------------------------------
    "ui.print.title": ("Pratinjau: {title}", "Preview: {title}"),
    "ui.print.page_of": ("Halaman {page} dari {count}", "Page {page} of {count}"),
    "ui.print.zoom_in": ("Perbesar", "Zoom in"),
    "ui.print.zoom_out": ("Perkecil", "Zoom out"),
    "ui.print.fit_width": ("Selebar jendela", "Fit width"),
    "ui.print.zoom_level": ("{percent}%", "{percent}%"),
    "ui.print.print": ("Cetak…", "Print…"),
    "ui.print.save": ("Simpan PDF…", "Save PDF…"),
    "ui.print.open": ("Buka di penampil sistem", "Open in the system viewer"),
    "ui.print.open_hint": (
        "Simpan PDF dulu: yang dibuka penampil sistem hanya berkas yang sudah Anda simpan.",
        "Save the PDF first: the system viewer opens only a file you have saved."),
    "ui.print.close": ("Tutup", "Close"),
    "ui.print.save_title": ("Simpan PDF", "Save PDF"),
    "ui.print.pdf_filter": ("Berkas PDF (*.pdf)", "PDF files (*.pdf)"),
    "ui.print.saved": ("Tersimpan di {path}", "Saved to {path}"),
    "ui.print.printing": ("Mencetak halaman {page} dari {count}…",
                          "Printing page {page} of {count}…"),
    "ui.print.cancel": ("Batal", "Cancel"),
    "ui.print.printed": ("Terkirim ke pencetak {printer} ({count} halaman).",
                         "Sent to the printer {printer} ({count} {count:page|pages})."),
    "ui.print.printed_file": ("Dicetak ke berkas {path} ({count} halaman).",
                              "Printed to the file {path} ({count} {count:page|pages})."),
    "ui.print.print_cancelled": ("Pencetakan dibatalkan.", "Printing cancelled."),
    "ui.print.error_title": ("Tidak dapat mencetak", "Cannot print"),
    "ui.print.no_printer": (
        "Pencetak tidak tersedia atau tidak siap. Periksa apakah pencetak menyala dan "
        "terpasang, lalu coba lagi; atau simpan PDF dan cetak dari penampil sistem.",
        "The printer is not available or not ready. Check that it is switched on and "
        "installed, then try again; or save the PDF and print it from the system viewer."),
    "ui.print.failed": (
        "Pencetakan gagal di tengah jalan ({reason}). Periksa pencetak lalu coba lagi.",
        "Printing failed part-way ({reason}). Check the printer and try again."),
    "ui.print.unreadable": (
        "PDF ini tidak dapat ditampilkan ({reason}).",
        "This PDF cannot be shown ({reason})."),
    "ui.print.open_failed": (
        "Penampil sistem tidak dapat dibuka. Berkasnya tersimpan di {path}.",
        "The system viewer could not be opened. The file is saved at {path}."),
    "ui.print.rendering": ("Memuat halaman {page}…", "Loading page {page}…"),
    # -- a new recovery sheet, previewed ------------------------------------------------
    "ui.print.new_recovery": ("Buat lembar pemulihan baru (pratinjau / cetak)…",
                              "Make a new recovery sheet (preview / print)…"),
    "ui.print.new_recovery_explain": (
        "Kode pemulihan baru akan dibuat dan ditampilkan. Kode itu baru berlaku setelah "
        "lembarnya Anda cetak atau simpan; sejak itu kode lama TIDAK berlaku lagi: hancurkan "
        "lembar lama. Menutup pratinjau tanpa mencetak atau menyimpan tidak mengubah apa pun. "
        "Lanjutkan?",
        "A new recovery code will be made and shown. It comes into force once you print or "
        "save its sheet; from then on the old code NO longer works: destroy the old sheet. "
        "Closing the preview without printing or saving changes nothing. Continue?"),
    "ui.print.sheet_printed": ("Lembar pemulihan sudah dicetak.",
                               "The recovery sheet was printed."),
    "ui.print.recovery_in_force": (
        "Kode pemulihan baru sudah berlaku; kode lama tidak berlaku lagi. Simpan lembarnya di "
        "tempat terkunci dan hancurkan lembar lama.",
        "The new recovery code is in force; the old code no longer works. Lock the sheet away "
        "and destroy the old one."),
    # -- what is shown (the window title) -----------------------------------------------
    "ui.print.doc.sign_in_sheets": ("Daftar hadir", "Sign-in sheets"),
    "ui.print.doc.progress_report": ("Laporan perkembangan", "Progress report"),
    "ui.print.doc.consent_form": ("Formulir persetujuan", "Consent form"),
    "ui.print.doc.recovery_sheet": ("Lembar pemulihan", "Recovery sheet"),
    "ui.print.doc.instrument_form": ("Formulir {name}", "Form: {name}"),
}
