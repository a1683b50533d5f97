"""Texts of the headless commands."""

from __future__ import annotations

CLI: dict[str, tuple[str, str]] = {
    "cli.description": ("KDRT Desk: tanpa perintah membuka aplikasi; dengan perintah berjalan "
                        "tanpa jendela.",
                        "KDRT Desk: without a command it opens the app; with one it runs "
                        "headless."),
    "cli.help_data_dir": ("folder brankas (bawaan: folder data pengguna)",
                          "vault folder (default: the per-user data folder)"),
    "cli.help_lang": ("bahasa pesan: id atau en", "message language: id or en"),
    "cli.help_password_stdin": ("baca kata sandi dari baris pertama stdin",
                                "read the password from the first line of stdin"),
    "cli.help_user": ("nama pengguna staf", "staff username"),
    "cli.help_init": ("buat brankas baru dan lembar pemulihan", "create a vault and its recovery "
                      "sheet"),
    "cli.help_demo": ("buat brankas demo berisi data sintetis", "create a demo vault with "
                      "synthetic data"),
    "cli.help_users": ("kelola akun staf", "manage staff accounts"),
    "cli.help_participants": ("daftar peserta", "participant register"),
    "cli.help_audit": ("log audit", "audit log"),
    "cli.help_check": ("periksa brankas", "check the vault"),
    "cli.help_commands": ("perintah", "commands"),
    "cli.help_admin": ("nama pengguna admin pertama", "the first admin's username"),
    "cli.help_centre": ("nama pusat", "the centre's name"),
    "cli.help_address": ("alamat pusat", "the centre's address"),
    "cli.help_recovery_sheet": ("berkas PDF lembar pemulihan (di luar folder brankas)",
                                "the recovery sheet's PDF file (outside the vault folder)"),
    "cli.help_audit_verify": ("periksa rantai hash dan tanda tangan log audit",
                              "check the audit log's hash chain and signatures"),
    "cli.help_users_add": ("buat akun staf (kata sandinya dari KDRT_NEW_PASSWORD)",
                           "create a staff account (its password from KDRT_NEW_PASSWORD)"),
    "cli.help_new_user": ("nama pengguna akun baru", "the new account's username"),
    "cli.help_role": ("peran akun", "the account's role"),
    "cli.help_display_name": ("nama tampilan", "display name"),
    "cli.help_account": ("nama pengguna akun itu", "that account's username"),
    "cli.help_participants_list": ("daftar peserta sebagai CSV atau JSON",
                                   "the register as CSV or JSON"),
    "cli.help_search": ("cari nama, kode, NIK atau nomor telepon",
                        "search a name, code, NIK or phone number"),
    "cli.help_kecamatan": ("hanya peserta dari kecamatan ini",
                           "only participants from this kecamatan"),
    "cli.help_demo_participants": ("jumlah peserta sintetis (paling banyak {maximum})",
                                   "number of synthetic participants (at most {maximum})"),
    "cli.help_demo_seed": ("benih acak (data yang sama untuk benih yang sama)",
                           "random seed (the same data for the same seed)"),
    "cli.prompt_password": ("Kata sandi: ", "Password: "),
    "cli.prompt_new_password": ("Kata sandi akun baru: ", "New account's password: "),
    "cli.password_missing": ("kata sandi belum diberikan: isi variabel {variable} atau pakai "
                             "--password-stdin.",
                             "no password given: set {variable} or use --password-stdin."),
    "cli.sheet_folder_missing": ("folder untuk lembar pemulihan tidak ada. Pilih folder yang ada.",
                                 "the recovery sheet's folder does not exist. Choose an existing "
                                 "folder."),
    "cli.sheet_path_unusable": ("lembar pemulihan tidak dapat ditulis di situ (folder, atau "
                                "folder tanpa izin tulis). Pilih nama berkas PDF lain.",
                                "the recovery sheet cannot be written there (a folder, or a "
                                "folder without write access). Choose another PDF file name."),
    "cli.sheet_write_failed": ("lembar pemulihan gagal ditulis, jadi brankas baru dibatalkan "
                               "(tanpa lembar itu kode pemulihan hilang). Periksa disk lalu "
                               "ulangi init.",
                               "the recovery sheet could not be written, so the new vault was "
                               "discarded (without it the recovery code is lost). Check the "
                               "disk and run init again."),
    "cli.participants_negative": ("jumlah peserta tidak boleh negatif.",
                                  "the number of participants cannot be negative."),
    "cli.init_done": ("Brankas dibuat di {folder}. Cetak lembar pemulihan {sheet}, simpan di "
                      "tempat terkunci, lalu hapus berkasnya.",
                      "Vault created in {folder}. Print the recovery sheet {sheet}, keep it "
                      "locked away, then delete the file."),
    "cli.demo_done": ("Brankas demo dengan {count} peserta sintetis dibuat di {folder}.",
                      "Demo vault with {count} synthetic participants created in {folder}."),
    "cli.demo_login": ("Login: nama pengguna {users}, kata sandi: {password}",
                       "Login: username {users}, password: {password}"),
    "cli.demo_recovery": ("Kode pemulihan demo: {code}", "Demo recovery code: {code}"),
    "cli.user_added": ("Akun {name} ({role}) dibuat.", "Account {name} ({role}) created."),
    "cli.audit_ok": ("Log audit utuh: {count} catatan, rantai hash cocok.",
                     "Audit log intact: {count} {count:entry|entries}, hash chain matches."),
    "cli.audit_broken": ("Log audit rusak: rantai putus pada catatan #{entry}.",
                         "Audit log broken: the chain breaks at entry #{entry}."),
    "cli.keyring_os": ("keyring OS ({backend})", "OS keyring ({backend})"),
    "cli.keyring_password_only": ("hanya kata sandi (tidak ada keyring OS)",
                                  "password only (no OS keyring)"),
    "cli.check_integrity": ("Pemeriksaan integritas: {result}", "Integrity check: {result}"),
    "cli.check_cipher": ("SQLCipher: {version}", "SQLCipher: {version}"),
    "cli.check_keyring": ("Mode kunci: {mode}", "Key mode: {mode}"),
    "cli.check_participants": ("Peserta: {count}", "Participants: {count}"),
    "cli.check_wal_left": (
        "PERINGATAN: berkas {wal} ada dan tidak kosong, padahal tidak ada aplikasi yang "
        "membuka brankas ini. Perubahan yang sudah disimpan mungkin hanya ada di berkas itu, "
        "belum di kdrt.db. Buka aplikasi lalu tutup sekali agar perubahan itu ditulis ke "
        "kdrt.db. Jangan pernah menyalin kdrt.db tanpa berkas {wal} (jangan hapus berkas itu).",
        "WARNING: the file {wal} is present and not empty while no app has this vault open. "
        "Saved changes may be only in that file, not yet in kdrt.db. Open the app and close "
        "it once so they are written into kdrt.db. Never copy kdrt.db without {wal} (and do "
        "not delete that file)."),
    "cli.check_wal_moved": (
        "Pemeriksaan ini sudah membuka dan menutup brankas: perubahan itu kini ada di kdrt.db "
        "dan berkas {wal} sudah kosong.",
        "This check opened and closed the vault: those changes are now in kdrt.db and {wal} "
        "is empty."),
    "cli.check_wal_still": (
        "Berkas {wal} masih belum kosong setelah pemeriksaan; jangan salin kdrt.db tanpa "
        "berkas itu.",
        "{wal} is still not empty after the check; do not copy kdrt.db without it."),
    "cli.error": ("Galat", "Error"),
    "cli.restore_hint": (
        "Cadangan otomatis terakhir: {path} (dibuat {when}). Periksa dengan: kdrt-desk restore "
        "--check \"{path}\" --user NAMA; lalu pulihkan dengan: kdrt-desk restore \"{path}\" "
        "--data-dir \"{folder}\" --user NAMA (berkas yang rusak disimpan di subfolder "
        "diganti-\u2026, tidak ditimpa).",
        "Newest automatic backup: {path} (made {when}). Check it with: kdrt-desk restore --check "
        "\"{path}\" --user NAME; then restore it with: kdrt-desk restore \"{path}\" --data-dir "
        "\"{folder}\" --user NAME (the damaged files are kept in a diganti-\u2026 subfolder, "
        "not written over)."),
    "cli.restore_hint_none": (
        "Tidak ada cadangan otomatis di folder ini. Pulihkan dari berkas cadangan di flashdisk "
        "atau folder lain dengan: kdrt-desk restore BERKAS --data-dir \"{folder}\" --user NAMA.",
        "There is no automatic backup in this folder. Restore from a backup file on a USB stick "
        "or in another folder with: kdrt-desk restore FILE --data-dir \"{folder}\" --user NAME."),
    "cli.internal_error": ("Terjadi kesalahan internal; rinciannya ada di log folder data. "
                           "Data yang tersimpan aman.",
                           "An internal error occurred; details are in the data folder's log. "
                           "Saved data is safe."),
}
