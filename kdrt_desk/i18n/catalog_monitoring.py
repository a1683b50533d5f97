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
        "Paste the text of all {count} items, one per line, in their original order."),
    "error.assessment_before_registration": (
        "Tanggal asesmen sebelum ia terdaftar ({registered}). Periksa tanggalnya.",
        "The assessment date is before she registered ({registered}). Check the "
        "date."),
    "error.answers_count": (
        "Jawaban harus untuk {count} butir.", "Answers must cover {count} items."),
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
