"""Messages of the enrol dialog (filters, the lazy list): key -> (Indonesian, English)."""

from __future__ import annotations

UI_ENROL: dict[str, tuple[str, str]] = {
    "ui.enrol.all_kecamatan": ("Semua kecamatan", "All kecamatan"),
    "ui.enrol.any_day": ("Hari apa saja", "Any day"),
    "ui.enrol.free_on": ("Bebas pada", "Free on"),
    "ui.enrol.select_shown": ("Pilih semua yang tampil", "Choose all shown"),
    "ui.enrol.clear": ("Hapus pilihan", "Clear choice"),
    "ui.enrol.loading": ("Memuat peserta…", "Loading participants…"),
    "ui.enrol.count": ("{shown} dari {total} ditampilkan, {chosen} dipilih",
                       "{shown} of {total} shown, {chosen} chosen"),
    "ui.enrol.prefers_not": ("{text}  (lebih suka tidak pada jam itu)",
                             "{text}  (would rather not at that time)"),
    "ui.enrol.no_routines": ("Rutinitas peserta hanya terbaca oleh peran yang memegang kunci "
                             "kontak.",
                             "Participants' routines are readable only by roles holding the "
                             "contact key."),
}
