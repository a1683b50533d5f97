"""Texts of the admin's assessment instruments screen: the list of instruments and what each
one is, pasting a validated Indonesian wording, and the editor of the centre's own instruments."""

from __future__ import annotations

UI_INSTRUMENTS: dict[str, tuple[str, str]] = {
    "ui.main.instruments": ("Instrumen asesmen…", "Assessment instruments…"),
    # -- the list -------------------------------------------------------------------------
    "ui.instruments.title": ("Instrumen asesmen", "Assessment instruments"),
    "ui.instruments.intro": (
        "Centang instrumen yang dipakai program. Pilih satu untuk melihat isinya. Instrumen "
        "bawaan hanya dapat diganti teks Indonesianya; instrumen buatan sendiri dapat diubah. "
        "Setiap perubahan menjadi versi baru: skor yang sudah tercatat tetap memakai versi "
        "lamanya.",
        "Tick the instruments the programme uses. Choose one to see what it is. Of a shipped "
        "instrument only the Indonesian wording can be replaced; the centre's own can be "
        "edited. Every change becomes a new version: scores already recorded keep their old "
        "version."),
    "ui.instruments.loading": ("Memuat…", "Loading…"),
    "ui.instruments.list_item": ("{name} ({code}) · versi {version}",
                                 "{name} ({code}) · version {version}"),
    "ui.instruments.in_use": ("Dipakai program", "Used by the programme"),
    "ui.instruments.details": ("Instrumen terpilih", "Selected instrument"),
    "ui.instruments.name": ("Nama", "Name"),
    "ui.instruments.code": ("Kode", "Code"),
    "ui.instruments.version": ("Versi", "Version"),
    "ui.instruments.kind": ("Jenis", "Kind"),
    "ui.instruments.kind_standard": ("Bawaan aplikasi", "Shipped with the application"),
    "ui.instruments.kind_custom": ("Buatan lembaga sendiri", "The centre's own"),
    "ui.instruments.credit": ("Kredit", "Credit"),
    "ui.instruments.items": ("Jumlah butir", "Number of items"),
    "ui.instruments.items_count": ("{count} butir", "{count} {count:item|items}"),
    "ui.instruments.reverse_items": ("butir skor terbalik: {numbers}",
                                     "reverse-scored items: {numbers}"),
    "ui.instruments.alert_items": ("butir peringatan: {items}", "alert items: {items}"),
    "ui.instruments.alert_item": ("{number} (jawaban {level} ke atas)",
                                  "{number} (answer {level} or above)"),
    "ui.instruments.scale": ("Skala jawaban", "Answer scale"),
    "ui.instruments.scale_text": ("{low} sampai {high}: {labels}", "{low} to {high}: {labels}"),
    "ui.instruments.scoring": ("Cara menghitung skor", "Scoring"),
    "ui.instruments.scoring_sum": ("Jumlah skor semua butir ({low}–{high})",
                                   "The item scores added up ({low}–{high})"),
    "ui.instruments.scoring_mean": ("Rata-rata skor butir ({low}–{high})",
                                    "The mean of the item scores ({low}–{high})"),
    "ui.instruments.scoring_multiplied": ("{scoring}, dikali {multiplier}: {low}–{high}{unit}",
                                          "{scoring}, times {multiplier}: {low}–{high}{unit}"),
    "ui.instruments.missing": ("Butir kosong", "Missing items"),
    "ui.instruments.missing_none": (
        "Tidak boleh ada yang kosong: bila satu butir kosong, tidak ada skor.",
        "None allowed: with one item left out there is no score."),
    "ui.instruments.missing_prorate": (
        "Boleh kosong sampai {count} butir: rata-rata butir lain menggantikannya; lebih dari "
        "itu tidak ada skor.",
        "Up to {count} {count:item|items} may be left out: the mean of the others stands in; with more "
        "there is no score."),
    "ui.instruments.bands": ("Kategori", "Bands"),
    "ui.instruments.bands_none": ("Tidak ada kategori", "No bands"),
    "ui.instruments.band_below": ("{label}: di bawah {below}", "{label}: below {below}"),
    "ui.instruments.band_rest": ("{label}: selebihnya", "{label}: every other score"),
    "ui.instruments.band_flag": ("{band} (perlu perhatian)", "{band} (needs attention)"),
    "ui.instruments.change": ("Perubahan bermakna", "Meaningful change"),
    "ui.instruments.change_none": ("Belum ditentukan", "Not set"),
    "ui.instruments.wording": ("Teks bahasa Indonesia", "Indonesian wording"),
    "ui.instruments.validated": ("Versi tervalidasi", "A validated version"),
    "ui.instruments.own_wording": ("Teks asli lembaga", "The centre's own wording"),
    "ui.instruments.working": (
        "Terjemahan kerja — belum versi bahasa Indonesia yang tervalidasi. Tanda ini muncul "
        "di formulir kertas dan di laporan sampai teks tervalidasi ditempelkan.",
        "Working translation — not yet a validated Indonesian version. This mark shows on the "
        "paper form and in reports until a validated wording is pasted in."),
    "ui.instruments.where": ("Tempat mendapatkan versi tervalidasi:",
                             "Where to find the validated version:"),
    "ui.instruments.paste": ("Tempel teks Indonesia tervalidasi…",
                             "Paste the validated Indonesian wording…"),
    "ui.instruments.new": ("Instrumen baru…", "New instrument…"),
    "ui.instruments.edit": ("Ubah…", "Edit…"),
    "ui.instruments.edit_standard": (
        "Instrumen bawaan tidak dapat diubah, kecuali teks Indonesianya.",
        "A shipped instrument cannot be edited, except for its Indonesian wording."),
    "ui.instruments.save": ("Simpan pilihan", "Save the choice"),
    "ui.instruments.close": ("Tutup", "Close"),
    "ui.instruments.saved_wording": (
        "Teks tervalidasi {code} disimpan sebagai versi {version}.",
        "The validated wording of {code} was saved as version {version}."),
    "ui.instruments.saved_instrument": ("{code} disimpan sebagai versi {version}.",
                                        "{code} was saved as version {version}."),
    # -- pasting a validated wording ------------------------------------------------------
    "ui.wording.title": ("Teks Indonesia tervalidasi: {code}",
                         "Validated Indonesian wording: {code}"),
    "ui.wording.intro": (
        "Salin teks persis dari terbitan yang tervalidasi. Penghitungan skor tidak berubah. "
        "Teks ini disimpan sebagai versi baru; skor yang sudah tercatat tetap memakai versi "
        "lamanya.",
        "Copy the text exactly from the validated publication. Scoring does not change. It is "
        "saved as a new version; scores already recorded keep their old version."),
    "ui.wording.items": ("Butir", "Items"),
    "ui.wording.items_hint": (
        "Satu butir per baris, dalam urutan aslinya. Baris kosong dilewati; nomor di awal "
        "baris (\"1.\") dibuang.",
        "One item per line, in the original order. Empty lines are skipped; a number at the "
        "start of a line (\"1.\") is dropped."),
    "ui.wording.count": ("{count} dari {total} butir", "{count} of {total} {total:item|items}"),
    "ui.wording.instructions": ("Petunjuk", "Instructions"),
    "ui.wording.labels": ("Pilihan jawaban", "Answer choices"),
    "ui.wording.label_row": ("Jawaban {value}", "Answer {value}"),
    "ui.wording.save": ("Simpan versi tervalidasi", "Save the validated version"),
    # -- the editor -----------------------------------------------------------------------
    "ui.instrument_editor.title_new": ("Instrumen baru", "New instrument"),
    "ui.instrument_editor.title_edit": ("Ubah instrumen {code}", "Edit instrument {code}"),
    "ui.instrument_editor.new_version": (
        "Menyimpan membuat versi {version}. Skor yang sudah tercatat tetap memakai versi "
        "lamanya.",
        "Saving makes version {version}. Scores already recorded keep their old version."),
    "ui.instrument_editor.first_version": (
        "Disimpan sebagai versi 1; setiap perubahan nanti menjadi versi baru. Skor yang "
        "sudah tercatat tetap memakai versi lamanya.",
        "Saved as version 1; every later change becomes a new version. Scores already "
        "recorded keep their old version."),
    "ui.instrument_editor.tab_general": ("Umum", "General"),
    "ui.instrument_editor.tab_items": ("Jawaban dan butir", "Answers and items"),
    "ui.instrument_editor.tab_scoring": ("Skor dan kategori", "Scores and bands"),
    "ui.instrument_editor.code": ("Kode", "Code"),
    "ui.instrument_editor.code_hint": (
        "Huruf besar, angka, - atau _ (mis. SKRINING-1). Tidak dapat diubah setelah disimpan.",
        "Capital letters, digits, - or _ (e.g. SCREEN-1). Fixed once saved."),
    "ui.instrument_editor.name_id": ("Nama (Indonesia)", "Name (Indonesian)"),
    "ui.instrument_editor.name_en": ("Nama (Inggris)", "Name (English)"),
    "ui.instrument_editor.credit": ("Kredit / sumber", "Credit / source"),
    "ui.instrument_editor.instructions_id": ("Petunjuk (Indonesia)", "Instructions (Indonesian)"),
    "ui.instrument_editor.instructions_en": ("Petunjuk (Inggris)", "Instructions (English)"),
    "ui.instrument_editor.scale": ("Skala jawaban", "Answer scale"),
    "ui.instrument_editor.scale_until": ("sampai", "to"),
    "ui.instrument_editor.labels": ("Label jawaban", "Answer labels"),
    "ui.instrument_editor.col_value": ("Nilai", "Value"),
    "ui.instrument_editor.col_label_id": ("Label (Indonesia)", "Label (Indonesian)"),
    "ui.instrument_editor.col_label_en": ("Label (Inggris)", "Label (English)"),
    "ui.instrument_editor.items": ("Butir", "Items"),
    "ui.instrument_editor.col_text_id": ("Teks (Indonesia)", "Text (Indonesian)"),
    "ui.instrument_editor.col_text_en": ("Teks (Inggris)", "Text (English)"),
    "ui.instrument_editor.col_reverse": ("Skor terbalik", "Reverse-scored"),
    "ui.instrument_editor.col_alert": ("Peringatan pada", "Alert at"),
    "ui.instrument_editor.alert_none": ("Tidak ada", "None"),
    "ui.instrument_editor.alert_hint": (
        "Jawaban pada tingkat peringatan atau lebih langsung memberi peringatan kepada "
        "pendamping kasusnya (mis. butir tentang menyakiti diri).",
        "An answer at or above the alert level alerts her case worker at once (e.g. an item "
        "on self-harm)."),
    "ui.instrument_editor.add_item": ("Tambah butir", "Add item"),
    "ui.instrument_editor.remove_item": ("Hapus butir", "Remove item"),
    "ui.instrument_editor.scoring": ("Cara menghitung", "Scoring"),
    "ui.instrument_editor.scoring_sum": ("Jumlah", "Sum"),
    "ui.instrument_editor.scoring_mean": ("Rata-rata", "Mean"),
    "ui.instrument_editor.multiplier": ("Pengali", "Multiplier"),
    "ui.instrument_editor.multiplier_hint": (
        "Nilai yang dilaporkan = skor × pengali (mis. 4 untuk persen pada WHO-5).",
        "The reported value = the score × the multiplier (e.g. 4 for WHO-5's percent)."),
    "ui.instrument_editor.unit": ("Satuan", "Unit"),
    "ui.instrument_editor.missing": ("Butir kosong", "Missing items"),
    "ui.instrument_editor.missing_none": ("Tidak boleh ada yang kosong", "None allowed"),
    "ui.instrument_editor.missing_prorate": ("Boleh kosong sampai", "Prorate up to"),
    "ui.instrument_editor.missing_items": (" butir", " items"),
    "ui.instrument_editor.bands": ("Kategori", "Bands"),
    "ui.instrument_editor.bands_hint": (
        "Dari skor terendah ke tertinggi. \"Di bawah\" adalah batas atas kategori; kategori "
        "terakhir tanpa batas.",
        "From the lowest score to the highest. \"Below\" is a band's upper cut-off; the last "
        "band has none."),
    "ui.instrument_editor.col_band_code": ("Kode", "Code"),
    "ui.instrument_editor.col_band_id": ("Label (Indonesia)", "Label (Indonesian)"),
    "ui.instrument_editor.col_band_en": ("Label (Inggris)", "Label (English)"),
    "ui.instrument_editor.col_band_below": ("Di bawah", "Below"),
    "ui.instrument_editor.col_band_flag": ("Perlu perhatian", "Needs attention"),
    "ui.instrument_editor.add_band": ("Tambah kategori", "Add band"),
    "ui.instrument_editor.remove_band": ("Hapus kategori", "Remove band"),
    "ui.instrument_editor.change": ("Perubahan bermakna", "Meaningful change"),
    "ui.instrument_editor.change_hint": (
        "Selisih nilai yang dianggap berarti (kosongkan bila belum ada).",
        "The difference in value that counts as meaningful (leave empty when none)."),
    "ui.instrument_editor.not_a_number": (
        "Tulis angka, mis. 15 atau 2,5.", "Write a number, e.g. 15 or 2.5."),
    "ui.instrument_editor.band_not_a_number": (
        "Kategori {number}: batas \"di bawah\" harus angka, atau kosong.",
        "Band {number}: the \"below\" cut-off must be a number, or empty."),
    "ui.instrument_editor.save": ("Simpan sebagai versi baru", "Save as a new version"),
}
