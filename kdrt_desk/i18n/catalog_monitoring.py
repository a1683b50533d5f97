"""Messages of the psychosocial assessments: instruments, rounds, entry, alerts, the due list."""

from __future__ import annotations

MONITORING: dict[str, tuple[str, str]] = {
    "enum.Round.baseline": ("Awal (baseline)", "Baseline"),
    "enum.Round.midline": ("Tengah (midline)", "Midline"),
    "enum.Round.endline": ("Akhir (endline)", "Endline"),
    "enum.Round.follow_up_3": ("Tindak lanjut 3 bulan", "Follow-up at 3 months"),
    "enum.Round.follow_up_6": ("Tindak lanjut 6 bulan", "Follow-up at 6 months"),
    "enum.Round.other": ("Tambahan", "Extra"),
    # -- errors ----------------------------------------------------------------------------
    "error.instrument_unknown": (
        "Instrumen {code} tidak dikenal. Pilih instrumen dari daftar.",
        "Instrument {code} is not known. Choose an instrument from the list."),
    "error.instrument_code_taken": (
        "Kode {code} dipakai instrumen bawaan. Pilih kode lain.",
        "Code {code} belongs to a shipped instrument. Choose another code."),
    "error.instrument_code": (
        "Kode instrumen: 2–20 huruf besar, angka, - atau _, diawali huruf (mis. SKRINING-1).",
        "Instrument code: 2–20 capital letters, digits, - or _, starting with a letter "
        "(e.g. SCREEN-1)."),
    "error.instrument_items": (
        "Instrumen perlu 1 sampai {limit} butir pertanyaan.",
        "An instrument needs 1 to {limit} items."),
    "error.instrument_scale": (
        "Skala jawaban perlu 2 sampai {limit} pilihan.",
        "The answer scale needs 2 to {limit} choices."),
    "error.instrument_labels": (
        "Isi label untuk setiap pilihan jawaban ({count} label), dalam kedua bahasa.",
        "Give a label for every answer choice ({count} labels), in both languages."),
    "error.instrument_item_text": (
        "Butir {item} belum ada teksnya (bahasa Indonesia dan Inggris).",
        "Item {item} has no text (Indonesian and English)."),
    "error.instrument_alert_level": (
        "Tingkat peringatan butir {item} harus salah satu pilihan jawaban.",
        "The alert level of item {item} must be one of the answer choices."),
    "error.instrument_missing_rule": (
        "Jumlah butir yang boleh kosong harus kurang dari jumlah butir.",
        "The number of items that may be left out must be below the number of items."),
    "error.instrument_multiplier": (
        "Pengali skor harus lebih besar dari 0.", "The score multiplier must be above 0."),
    "error.instrument_bands": (
        "Batas kategori harus naik berurutan, dan kategori terakhir tanpa batas atas.",
        "Band cut-offs must rise in order, and the last band has no upper cut-off."),
    "error.wording_items": (
        "Tempel teks untuk ke-{count} butir, satu per baris, dalam urutan aslinya.",
        "Paste the text of all {count} {count:item|items}, one per line, in their original order."),
    "error.assessment_before_registration": (
        "Tanggal asesmen sebelum ia terdaftar ({registered}). Periksa tanggalnya.",
        "The assessment date is before she registered ({registered}). Check the "
        "date."),
    "error.answers_count": (
        "Jawaban harus untuk {count} butir.", "Answers must cover {count} {count:item|items}."),
    "error.answer_out_of_scale": (
        "Jawaban butir {item} harus antara {low} dan {high}, atau dikosongkan.",
        "The answer to item {item} must be between {low} and {high}, or left out."),
    "error.answers_empty": (
        "Belum ada jawaban. Isi minimal satu butir, atau batalkan.",
        "No answers yet. Answer at least one item, or cancel."),
    "error.assessment_unknown": (
        "Asesmen ini tidak ada lagi. Muat ulang daftarnya.",
        "This assessment no longer exists. Reload the list."),
    "error.alert_unknown": (
        "Peringatan ini tidak ada lagi. Muat ulang daftarnya.",
        "This alert no longer exists. Reload the list."),
    "error.alert_closed": (
        "Peringatan ini sudah ditutup oleh orang lain.",
        "This alert has already been closed by someone else."),
}

UI_MONITORING: dict[str, tuple[str, str]] = {
    "ui.admin.audit.action.assessment_recorded": ("Asesmen dicatat", "Assessment recorded"),
    "ui.admin.audit.action.assessment_deleted": ("Asesmen dihapus", "Assessment deleted"),
    "ui.admin.audit.action.instrument_saved": ("Instrumen disimpan", "Instrument saved"),
    "ui.admin.audit.action.instrument_wording": (
        "Teks Indonesia tervalidasi dipasang", "Validated Indonesian wording set"),
    "ui.admin.audit.action.instruments_in_use": (
        "Instrumen yang dipakai diubah", "Instruments in use changed"),
    "ui.admin.audit.action.alert_acknowledged": (
        "Peringatan asesmen diterima", "Assessment alert acknowledged"),
    "ui.admin.audit.action.alert_closed": (
        "Peringatan asesmen ditutup", "Assessment alert closed"),
    "ui.form.tab_assessments": ("Psikososial", "Wellbeing"),
    "ui.assessment.tab_note": (
        "Skor asesmen menggambarkan kesehatan jiwanya: hanya konselor dan admin yang "
        "melihatnya. Skor dihitung oleh aplikasi dari jawaban, tidak pernah diketik.",
        "Assessment scores describe her mental health: only case workers and admins see "
        "them. The app computes each score from the answers; it is never typed."),
    "ui.assessment.new": ("Asesmen baru…", "New assessment…"),
    "ui.assessment.col_date": ("Tanggal", "Date"),
    "ui.assessment.col_instrument": ("Instrumen", "Instrument"),
    "ui.assessment.col_round": ("Putaran", "Round"),
    "ui.assessment.col_score": ("Skor", "Score"),
    "ui.assessment.col_band": ("Kategori", "Band"),
    "ui.assessment.col_missing": ("Butir kosong", "Items left out"),
    "ui.assessment.col_by": ("Dicatat oleh", "Recorded by"),
    "ui.assessment.no_score": ("— (terlalu banyak butir kosong)", "— (too many items left out)"),
    "ui.assessment.missing": ("{count} kosong", "{count} left out"),
    "ui.assessment.title": ("Asesmen baru", "New assessment"),
    "ui.assessment.instrument": ("Instrumen", "Instrument"),
    "ui.assessment.round": ("Putaran", "Round"),
    "ui.assessment.date": ("Tanggal asesmen", "Date of the assessment"),
    "ui.assessment.save": ("Simpan dan hitung skor", "Save and score"),
    "ui.assessment.skip": ("Kosongkan butir ini (-)", "Leave this item out (-)"),
    "ui.assessment.back": ("‹ Butir sebelumnya", "‹ Previous item"),
    "ui.assessment.keys": (
        "Tekan angka {low}–{high} untuk menjawab; butir berikutnya muncul sendiri. "
        "Tanda minus (-) mengosongkan butir, Backspace kembali.",
        "Press {low}–{high} to answer; the next item follows. Minus (-) leaves an item out, "
        "Backspace goes back."),
    "ui.assessment.position": ("Butir {number} dari {count}", "Item {number} of {count}"),
    "ui.assessment.so_far": ("Jawaban: {answers}   (kosong: {missing})",
                             "Answers: {answers}   (left out: {missing})"),
    "ui.assessment.not_complete": (
        "Jawab atau kosongkan setiap butir dulu.", "Answer or leave out every item first."),
    "ui.assessment.working_translation": (
        "Terjemahan kerja — belum versi bahasa Indonesia yang tervalidasi. Admin dapat "
        "menempelkan versi tervalidasi lewat Berkas → Instrumen asesmen…",
        "Working translation — not yet a validated Indonesian version. The admin can paste "
        "in a validated one under File → Assessment instruments…"),
    "ui.alert.her_alerts": ("Peringatan dari asesmen", "Alerts from assessments"),
    "ui.alert.line": ("{name} ({code}) · {instrument} butir {item}: jawaban {answer} · {when}",
                      "{name} ({code}) · {instrument} item {item}: answer {answer} · {when}"),
    "ui.alert.state_open": ("TERBUKA: belum ada tindakan", "OPEN: nothing recorded yet"),
    "ui.alert.state_done": ("ditangani oleh {by}: {action}", "handled by {by}: {action}"),
    "ui.alert.handle": ("Catat tindakan…", "Record what was done…"),
    "ui.alert.action_title": ("Tindakan atas peringatan", "What was done about the alert"),
    "ui.alert.item": ("Butir", "Item"),
    "ui.alert.action": ("Yang dilakukan", "What was done"),
    "ui.alert.action_hint": (
        "Misalnya: ditelepon, dikunjungi, dirujuk ke psikolog. Peringatan ditutup setelah "
        "disimpan.",
        "For example: called, visited, referred to a psychologist. Saving closes the alert."),
    "ui.alert.close": ("Simpan dan tutup peringatan", "Save and close the alert"),
    "ui.main.tab_monitoring": ("Pemantauan", "Monitoring"),
    "ui.main.alert_banner": (
        "Ada {count} peringatan asesmen yang perlu Anda tangani. Buka tab Pemantauan.",
        "There are {count} assessment alerts for you to act on. Open the Monitoring tab."),
    "ui.main.alert_banner_open": ("Buka peringatan", "Open the alerts"),
    "ui.monitoring.alerts": ("Peringatan asesmen", "Assessment alerts"),
    "ui.monitoring.alerts_count": ("Peringatan asesmen terbuka: {count}",
                                   "Open assessment alerts: {count}"),
    "ui.monitoring.no_alerts": ("Tidak ada peringatan terbuka untuk Anda.",
                                "No open alerts for you."),
    "ui.monitoring.acknowledge": ("Saya tangani", "I am on it"),
    "ui.monitoring.acknowledge_hint": (
        "Menandai bahwa Anda sudah melihat dan sedang menangani; peringatan tetap terbuka "
        "sampai tindakannya dicatat.",
        "Marks that you have seen it and are on it; the alert stays open until what was done "
        "is recorded."),
    "ui.monitoring.acknowledged_by": ("diterima {by}, belum ditutup",
                                      "acknowledged by {by}, not closed yet"),
    "ui.monitoring.due": ("Asesmen jatuh tempo minggu ini dan yang terlambat",
                          "Assessments due this week and overdue"),
    "ui.monitoring.mine_only": ("Hanya dampingan saya", "Only the women I follow"),
    "ui.monitoring.col_due": ("Jatuh tempo", "Due"),
    "ui.monitoring.col_state": ("Keadaan", "State"),
    "ui.monitoring.col_participant": ("Peserta", "Participant"),
    "ui.monitoring.col_group": ("Kelompok", "Group"),
    "ui.monitoring.col_instrument": ("Instrumen", "Instrument"),
    "ui.monitoring.col_round": ("Putaran", "Round"),
    "ui.monitoring.overdue": ("Terlambat", "Overdue"),
    "ui.monitoring.this_week": ("Minggu ini", "This week"),
    "ui.monitoring.due_count": ("{count} asesmen jatuh tempo, {overdue} terlambat. Klik dua "
                                "kali untuk membuka datanya.",
                                "{count} {count:assessment|assessments} due, {overdue} overdue. Double-click to "
                                "open her record."),
    "ui.monitoring.paper_form": ("Formulir kertas:", "Paper form:"),
    "ui.monitoring.print_form": ("Simpan formulir PDF…", "Save the PDF form…"),
    "ui.monitoring.form_saved": ("Formulir disimpan: {path}", "Form saved: {path}"),
    "ui.dash.alerts_title": ("Peringatan asesmen", "Assessment alerts"),
    "ui.dash.alerts_count": (
        "Peringatan asesmen yang belum diterima siapa pun setelah 1 hari kerja: {count}",
        "Assessment alerts nobody acknowledged within 1 working day: {count}"),
    "ui.dash.alerts_hint": (
        "Minta konselor pendampingnya menanganinya di tab Pemantauan, atau tangani sendiri.",
        "Ask her case worker to act on it in the Monitoring tab, or act on it yourself."),
}
