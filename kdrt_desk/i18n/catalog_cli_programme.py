"""Texts of the training programme: cli programme."""

from __future__ import annotations

CLI_PROGRAMME: dict[str, tuple[str, str]] = {
    "cli.programme.help_modules": ("modul pelatihan", "training modules"),
    "cli.programme.help_groups": ("kelompok pelatihan", "training groups"),
    "cli.programme.help_sessions": ("jadwal sesi", "session schedule"),
    "cli.programme.help_attendance": ("kehadiran", "attendance"),
    "cli.programme.help_list": ("tampilkan daftar sebagai CSV atau JSON",
                                "print the list as CSV or JSON"),
    "cli.programme.help_format": ("format keluaran: csv atau json", "output format: csv or json"),
    "cli.programme.help_group": ("hanya sesi kelompok ini (nama kelompok)",
                                 "only this group's sessions (the group's name)"),
    "cli.programme.help_from": ("sejak tanggal ini (TTTT-BB-HH)", "from this date (YYYY-MM-DD)"),
    "cli.programme.help_to": ("sampai tanggal ini (TTTT-BB-HH)", "up to this date (YYYY-MM-DD)"),
    "cli.programme.help_sheet": ("cetak daftar hadir sesi ke berkas PDF",
                                 "print a session's sign-in sheet to a PDF file"),
    "cli.programme.help_session": ("nomor sesi (kolom id dari 'sessions list')",
                                   "session number (the id column of 'sessions list')"),
    "cli.programme.help_out": ("berkas PDF yang ditulis", "the PDF file to write"),
    "cli.programme.help_preferred_names": ("cetak nama panggilan bila ada",
                                           "print preferred names where there are any"),
    "cli.programme.date_invalid": (
        "tanggal {value} untuk {option} tidak dikenali. Pakai format TTTT-BB-HH, misalnya "
        "2026-11-27.",
        "the date {value} for {option} is not recognised. Use YYYY-MM-DD, for example "
        "2026-11-27."),
    "cli.programme.date_order": (
        "tanggal --from ({start}) jatuh setelah tanggal --to ({end}). Tukar kedua tanggal itu.",
        "the --from date ({start}) is after the --to date ({end}). Swap the two dates."),
    "cli.programme.session_invalid": (
        "nomor sesi {value} tidak dikenali: pakai angka dari kolom id 'sessions list'.",
        "the session number {value} is not recognised: use a number from the id column of "
        "'sessions list'."),
    "cli.programme.out_folder_missing": (
        "folder {folder} tidak ada. Pilih folder yang ada untuk berkas PDF.",
        "the folder {folder} does not exist. Choose an existing folder for the PDF file."),
    "cli.programme.out_is_folder": (
        "{path} adalah folder. Beri nama berkas, misalnya daftar-hadir.pdf.",
        "{path} is a folder. Give a file name, for example sign-in-sheet.pdf."),
    "cli.programme.sheet_written": (
        "Daftar hadir ({count} peserta) ditulis ke {path}.",
        "Sign-in sheet ({count} {count:participant|participants}) written to {path}."),
}
