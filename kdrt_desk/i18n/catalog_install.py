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
    "cli.self_check.step_machine_seal": ("segel PC (DPAPI)", "PC seal (DPAPI)"),
    "cli.self_check.no_machine_seal": ("hanya ada di Windows; di sini akun Windows lain "
                                       "didaftarkan dengan kode pemulihan",
                                       "Windows only; here other accounts are linked with the "
                                       "recovery code"),
    "cli.help_self_check": ("periksa instalasi ini (brankas sementara) lalu keluar",
                            "check this installation (a temporary vault) and exit"),
    "ui.about.heading": ("KDRT Desk {version}", "KDRT Desk {version}"),
    "ui.about.purpose": ("Administrasi program pemberdayaan perempuan penyintas KDRT: "
                         "pendaftaran, penapisan, pelatihan, kehadiran, evaluasi, sertifikat "
                         "dan laporan donor.",
                         "Administration for an empowerment programme for women who survived "
                         "domestic violence: registration, screening, training, attendance, "
                         "evaluation, certificates and donor reports."),
    "ui.about.data_folder": ("Folder data:", "Data folder:"),
    "ui.about.backup_folder": ("Cadangan otomatis:", "Automatic backups:"),
    "ui.about.open_folder": ("Buka folder", "Open folder"),
    "ui.about.open_folder_tip": ("Buka folder data di Explorer. Berkas di dalamnya "
                                 "terenkripsi; jangan dipindah atau diganti namanya.",
                                 "Open the data folder in Explorer. Its files are encrypted; "
                                 "do not move or rename them."),
    "ui.about.data_note": ("Semua data peserta tersimpan terenkripsi di folder ini, tidak di "
                           "internet. Menghapus program tidak menghapus folder ini.",
                           "All participant data is stored encrypted in this folder, never on "
                           "the internet. Uninstalling the program does not remove it."),
    "ui.about.licences": ("Komponen yang disertakan dan lisensinya",
                          "Bundled components and their licences"),
    "ui.about.component": ("Komponen", "Component"),
    "ui.about.version": ("Versi", "Version"),
    "ui.about.licence": ("Lisensi", "Licence"),
    "ui.about.licence_note": ("KDRT Desk memakai pustaka sumber terbuka ini sesuai lisensinya. "
                              "Arahkan tetikus ke sebuah baris untuk melihat alamat proyeknya.",
                              "KDRT Desk uses these open-source libraries under their "
                              "licences. Point at a row to see the project's address."),
    "ui.guide.title": ("Panduan pengguna KDRT Desk", "KDRT Desk user guide"),
    "ui.guide.menu": ("Panduan pengguna", "User guide"),
    "ui.guide.find": ("Cari:", "Find:"),
    "ui.guide.find_hint": ("kata yang dicari, lalu Enter", "words to find, then Enter"),
    "ui.guide.find_next": ("Cari berikutnya", "Find next"),
    "ui.guide.not_found": ("Tidak ditemukan.", "Not found."),
    "ui.guide.contents": ("Daftar isi", "Contents"),
}
