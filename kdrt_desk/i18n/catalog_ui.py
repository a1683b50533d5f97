"""Texts of the main window, the register, the intake form and the lock screen."""

from __future__ import annotations

UI: dict[str, tuple[str, str]] = {
    "ui.app_title": ("KDRT Desk", "KDRT Desk"),
    "ui.error_title": ("Perlu diperbaiki", "Needs fixing"),
    "ui.crash_title": ("Terjadi kesalahan", "Something went wrong"),
    "ui.crash_intro": ("KDRT Desk menemui kesalahan yang tidak terduga. Data yang sudah "
                       "tersimpan aman. Simpan laporan ini dan kirimkan ke pengelola aplikasi; "
                       "laporan tidak memuat data peserta.",
                       "KDRT Desk hit an unexpected error. Saved data is safe. Save this report "
                       "and send it to whoever maintains the app; it holds no participant data."),
    "ui.crash_save": ("Simpan laporan…", "Save report…"),
}
