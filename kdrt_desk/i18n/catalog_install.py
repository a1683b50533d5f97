"""Texts of the installation's own checks and of the About box."""

from __future__ import annotations

INSTALL: dict[str, tuple[str, str]] = {
    "cli.self_check.begin": ("Pemeriksaan KDRT Desk {version} (Python {python}): brankas "
                             "sementara, tidak menyentuh data Anda.",
                             "KDRT Desk {version} self-check (Python {python}): a temporary "
                             "vault, your data is not touched."),
    "cli.self_check.passed": ("  OK     {step} ({ms} ms): {detail}",
                              "  OK     {step} ({ms} ms): {detail}"),
    "cli.self_check.failed": ("  GAGAL  {step} ({ms} ms): {detail}",
                              "  FAILED {step} ({ms} ms): {detail}"),
    "cli.self_check.all_passed": ("Semua pemeriksaan lulus dalam {seconds} detik.",
                                  "Every check passed in {seconds} s."),
    "cli.self_check.some_failed": ("Ada pemeriksaan yang gagal (lihat GAGAL di atas; "
                                   "{seconds} detik). Pasang ulang KDRT Desk.",
                                   "A check failed (see FAILED above; {seconds} s). "
                                   "Reinstall KDRT Desk."),
    "cli.self_check.step_languages": ("bahasa", "languages"),
    "cli.self_check.step_vault": ("brankas terenkripsi", "encrypted vault"),
    "cli.self_check.step_xlsx": ("ekspor Excel", "Excel export"),
    "cli.self_check.step_schedule": ("penyusun jadwal", "scheduler"),
    "cli.self_check.step_pdf": ("PDF dan Excel jadwal", "schedule PDF and Excel"),
    "cli.self_check.step_ics": ("kalender .ics", ".ics calendar"),
    "cli.self_check.step_prayer": ("waktu salat", "prayer times"),
    "cli.self_check.step_holidays": ("hari libur nasional", "public holidays"),
    "cli.self_check.step_chart": ("grafik", "chart"),
    "cli.self_check.step_keyring": ("penyimpanan kunci OS", "OS keyring"),
    "cli.help_self_check": ("periksa instalasi ini (brankas sementara) lalu keluar",
                            "check this installation (a temporary vault) and exit"),
}
