"""Backups and restore: the service's errors and warnings, the commands and the screens."""

from __future__ import annotations

BACKUP: dict[str, tuple[str, str]] = {
    "ui.access.backup_account_no_screens": (
        "Akun operator cadangan hanya untuk cadangan terjadwal (kdrt-desk backup) dan tidak "
        "dapat membuka layar aplikasi. Masuk dengan akun staf Anda sendiri.",
        "A backup operator account is only for scheduled backups (kdrt-desk backup) and cannot "
        "open the app's screens. Log in with your own staff account."),
    "error.backup_not_a_backup": (
        "Berkas ini bukan berkas cadangan KDRT Desk. Pilih berkas cadangan yang dibuat dengan "
        "\u201cCadangkan sekarang\u201d atau perintah backup.",
        "This file is not a KDRT Desk backup. Choose a backup made with \u201cBack up now\u201d "
        "or the backup command."),
    "error.backup_damaged": (
        "Berkas cadangan ini rusak atau terpotong (isinya tidak cocok dengan kuncinya). Coba "
        "cadangan lain; berkas ini tidak dipakai.",
        "This backup file is damaged or cut short (its content does not match its key). Try "
        "another backup; this one was not used."),
    "error.backup_missing": ("Berkas cadangan {path} tidak ada.",
                             "The backup file {path} does not exist."),
    "error.backup_wrong_login": (
        "Nama pengguna atau kata sandi tidak cocok untuk cadangan ini. Pakai akun staf yang "
        "sudah ada saat cadangan dibuat, atau kode pemulihan.",
        "The user name or password does not fit this backup. Use a staff account that existed "
        "when the backup was made, or the recovery code."),
    "error.backup_recovery_wrong": (
        "Kode pemulihan tidak cocok untuk cadangan ini. Periksa lembar pemulihan yang berlaku "
        "saat cadangan dibuat.",
        "The recovery code does not fit this backup. Check the recovery sheet that was in force "
        "when the backup was made."),
    "error.backup_needs_recovery_code": (
        "Cadangan ini memerlukan rahasia instalasi dari PC asalnya, yang tidak ada di PC ini. "
        "Pakai kode pemulihan dari lembar pemulihan.",
        "This backup needs the installation secret of the PC it came from, which this PC does "
        "not have. Use the recovery code from the recovery sheet."),
    "error.backup_needs_upgrade": (
        "Brankas ini belum ditingkatkan ke kunci per akun; tingkatkan dulu (Admin), lalu buat "
        "cadangan.",
        "This vault has not been upgraded to per-account keys yet; upgrade it first (Admin), then "
        "back it up."),
    "error.backup_integrity": (
        "Salinan data di dalam cadangan gagal diperiksa halaman demi halaman. Jangan pakai "
        "cadangan ini; buat cadangan baru.",
        "The data copy inside the backup failed its page-by-page check. Do not rely on this "
        "backup; make a new one."),
    "error.backup_counts_differ": (
        "Jumlah baris di dalam cadangan tidak sama dengan brankas saat dicadangkan. Jangan pakai "
        "cadangan ini; buat cadangan baru.",
        "The row counts inside the backup differ from the vault at the moment it was backed up. "
        "Do not rely on this backup; make a new one."),
    "error.backup_audit_broken": (
        "Log audit di dalam cadangan tidak utuh (diubah atau terpotong). Laporkan kepada Admin; "
        "simpan cadangan yang lebih lama.",
        "The audit log inside the backup is not whole (changed or cut short). Tell the admin; "
        "keep the older backups."),
    "error.backup_anchor_mismatch": (
        "Log audit di dalam cadangan tidak berakhir pada catatan terbaru yang tercatat saat "
        "cadangan dibuat. Jangan pakai cadangan ini; laporkan kepada Admin.",
        "The audit log inside the backup does not end at the newest entry recorded when the "
        "backup was made. Do not rely on this backup; tell the admin."),
    "cli.audit_anchor_missing": (
        "Log audit tidak memuat catatan #{entry} ({at}) yang tercatat di cadangan {source} "
        "(dibuat {made}): catatan yang lebih baru dari cadangan itu hilang (dihapus, atau "
        "brankas dikembalikan ke salinan lama).",
        "The audit log does not hold entry #{entry} ({at}) recorded in the backup {source} "
        "(made {made}): entries newer than that backup are missing (deleted, or the vault was "
        "rolled back to an older copy)."),
    "cli.audit_anchor_changed": (
        "Catatan audit #{entry} ({at}) berbeda dengan yang tercatat di cadangan {source} "
        "(dibuat {made}): log audit ditulis ulang, atau brankas dikembalikan ke salinan lama "
        "lalu dipakai lagi; catatan yang lebih baru dari cadangan itu hilang.",
        "Audit entry #{entry} ({at}) differs from the one recorded in the backup {source} "
        "(made {made}): the audit log was rewritten, or the vault was rolled back to an older "
        "copy and used again; entries newer than that backup are missing."),
    "cli.audit_anchor_ok": (
        "Cocok dengan kepala log audit dari {count} cadangan; yang terbaru: catatan #{entry} "
        "({at}), dari {source}.",
        "Matches the audit head of {count} {count:backup|backups}; the newest: entry #{entry} ({at}), from "
        "{source}."),
    "cli.audit_anchor_none": (
        "Belum ada kepala log audit dari cadangan untuk dibandingkan. Simpan cadangan di luar "
        "PC ini dan periksa dengan --against BERKAS.",
        "No audit head from a backup to compare with yet. Keep a backup outside this PC and "
        "check with --against FILE."),
    "cli.audit_anchor_absent": (
        "Cadangan {source} dibuat sebelum kepala log audit disimpan di dalam cadangan; tidak "
        "dapat dibandingkan.",
        "The backup {source} was made before backups carried the audit head; it cannot be "
        "compared."),
    "cli.audit_anchor_keyring": ("keyring PC ini", "this PC's keyring"),
    "cli.audit_anchor_unknown": ("tidak diketahui", "unknown"),
    "cli.help_audit_against": (
        "bandingkan juga dengan kepala log audit di berkas cadangan ini (disimpan di luar PC)",
        "also compare with the audit head in this backup file (one kept outside this PC)"),
    "cli.restore.anchor": (
        "Kepala log audit cadangan: catatan #{entry} ({at}); rantai di dalam cadangan berakhir "
        "tepat di sana.",
        "The backup's audit head: entry #{entry} ({at}); the chain inside the backup ends "
        "exactly there."),
    "cli.restore.no_anchor": (
        "Cadangan ini dibuat sebelum kepala log audit disimpan di dalam cadangan.",
        "This backup was made before backups carried the audit head."),
    "error.backup_snapshot_failed": (
        "Salinan brankas tidak dapat dibuat. Periksa ruang disk, lalu coba lagi; brankas tidak "
        "diubah.",
        "The vault could not be copied. Check the disk space and try again; the vault was not "
        "changed."),
    "backup.warning.failed": (
        "Pemeriksaan cadangan terakhir gagal. Buat cadangan baru sekarang.",
        "The last backup failed its check. Make a new backup now."),
    "backup.warning.none_7_days": (
        "Belum ada cadangan yang baik dalam 7 hari terakhir.",
        "There has been no good backup in the last 7 days."),
    "backup.warning.none_outside_30_days": (
        "Belum ada cadangan di luar PC ini (flashdisk atau drive lain) dalam 30 hari terakhir. "
        "Bila PC ini hilang atau rusak, data ikut hilang.",
        "There has been no backup outside this PC (a USB stick or another drive) in the last 30 "
        "days. If this PC is lost or breaks, the data goes with it."),
    "ui.admin.audit.action.backup_made": ("Cadangan dibuat dan diperiksa",
                                          "Backup made and checked"),
    "ui.admin.audit.action.backup_failed": ("Cadangan gagal diperiksa", "Backup failed its check"),
    "ui.admin.audit.action.backup_settings_changed": ("Pengaturan cadangan otomatis diubah",
                                                      "Automatic backup settings changed"),
    "ui.admin.audit.action.participant_anonymised_again": (
        "Anonimisasi diterapkan lagi setelah pemulihan", "Anonymisation applied again after a "
        "restore"),
    "cli.restore.reapplied": (
        "{count} anonimisasi yang tercatat sesudah cadangan ini diterapkan lagi sebelum data "
        "dibuka.",
        "{count} {count:anonymisation|anonymisations} recorded after this backup {count:was|were} applied again before the data "
        "was opened."),
    # the commands
    "cli.backup.help": ("buat cadangan terenkripsi dan periksa", "make an encrypted backup and "
                        "check it"),
    "cli.backup.help_out": ("berkas cadangan yang ditulis (di luar folder data)",
                            "the backup file to write (outside the data folder)"),
    "cli.backup.written": (
        "Cadangan ditulis ke {path} ({size} MB) dan lolos pemeriksaan: {participants} peserta, "
        "{audit} entri audit.",
        "Backup written to {path} ({size} MB) and checked: {participants} {participants:participant|participants}, {audit} "
        "audit entries."),
    "cli.backup.failed_check": (
        "Cadangan ditulis ke {path}, tetapi GAGAL diperiksa: {problem}",
        "Backup written to {path}, but it FAILED its check: {problem}"),
    "cli.restore.help": ("periksa atau pulihkan dari berkas cadangan",
                         "check or restore from a backup file"),
    "cli.restore.help_file": ("berkas cadangan", "the backup file"),
    "cli.restore.help_check": ("hanya periksa isinya; brankas tidak disentuh",
                               "only check what it holds; no vault is touched"),
    "cli.restore.help_recovery": ("baca kode pemulihan dari masukan standar (PC baru)",
                                  "read the recovery code from standard input (a new PC)"),
    "cli.restore.help_user": ("akun staf yang membuka cadangan", "the staff account that opens "
                              "the backup"),
    "cli.restore.need_user": ("Sebutkan --user (dengan kata sandinya) atau "
                              "--recovery-code-stdin.",
                              "Give --user (with its password) or --recovery-code-stdin."),
    "cli.restore.checked": (
        "Cadangan {path} utuh. Dibuat {made}. Isi: {participants} peserta, {groups} kelompok, "
        "{sessions} sesi, {attendance} catatan kehadiran, {certificates} sertifikat, {accounts} "
        "akun. Log audit: {audit} entri, utuh.",
        "Backup {path} is sound. Made {made}. It holds {participants} {participants:participant|participants}, {groups} "
        "groups, {sessions} {sessions:session|sessions}, {attendance} attendance marks, {certificates} {certificates:certificate|certificates}, "
        "{accounts} {accounts:account|accounts}. Audit log: {audit} {audit:entry|entries}, whole."),
    "cli.restore.restored": (
        "Brankas di {folder} dipulihkan dan sudah dibuka untuk diperiksa. Brankas yang diganti "
        "(bila ada) disimpan utuh di subfolder \u201cdiganti-\u2026\u201d.",
        "The vault in {folder} is restored and was opened to check it. The vault it replaced "
        "(if any) is kept whole in the \u201cdiganti-\u2026\u201d subfolder."),
    "cli.restore.check_failed": ("Cadangan {path} tidak lolos pemeriksaan: {problem}",
                                 "Backup {path} failed its check: {problem}"),
    # the screen
    "ui.backup.menu": ("Cadangan\u2026", "Backups\u2026"),
    "ui.backup.title": ("Cadangan", "Backups"),
    "ui.backup.intro": (
        "Cadangan adalah satu berkas terenkripsi berisi seluruh brankas. Tanpa kata sandi staf "
        "atau kode pemulihan, berkas itu tidak mengungkap apa pun, juga tidak nama pusat. "
        "Simpan satu salinan di luar PC ini (flashdisk atau drive lain) dan simpan flashdisk "
        "itu di tempat aman.",
        "A backup is one encrypted file holding the whole vault. Without a staff password or "
        "the recovery code it reveals nothing, not even the centre's name. Keep one copy "
        "outside this PC (a USB stick or another drive) and keep that stick somewhere safe."),
    "ui.backup.never": ("belum pernah", "never"),
    "ui.backup.when": ("{day} pukul {time}, di {path}", "{day} at {time}, in {path}"),
    "ui.backup.last_good": ("Cadangan baik terakhir: {when}", "Last good backup: {when}"),
    "ui.backup.last_outside": ("Cadangan baik terakhir di luar PC ini: {when}",
                               "Last good backup outside this PC: {when}"),
    "ui.backup.daily": ("Cadangkan otomatis sekali sehari (saat masuk)",
                        "Back up automatically once a day (at login)"),
    "ui.backup.on_close": ("Cadangkan otomatis saat aplikasi ditutup",
                           "Back up automatically when the app closes"),
    "ui.backup.rotation": (
        "Cadangan otomatis disimpan di folder data, subfolder \u201ccadangan\u201d: yang "
        "terbaru dari 7 hari terakhir, 4 minggu terakhir dan 12 bulan terakhir; yang lebih lama "
        "dihapus sendiri. Artinya, data yang dihapus karena penarikan persetujuan masih ada di "
        "cadangan lama paling lama sekitar 12 bulan, lalu hilang juga. Cadangan di flashdisk "
        "tidak dihapus otomatis: hapus sendiri yang sudah tidak diperlukan.",
        "Automatic backups are kept in the data folder, subfolder \u201ccadangan\u201d: the "
        "newest of the last 7 days, the last 4 weeks and the last 12 months; older ones are "
        "removed by themselves. So data erased after a withdrawn consent stays in old backups "
        "for about 12 months at most, then it is gone there too. Backups on a USB stick are "
        "not removed automatically: delete the ones no longer needed yourself."),
    "ui.backup.now": ("Cadangkan sekarang\u2026", "Back up now\u2026"),
    "ui.backup.save": ("Simpan cadangan", "Save the backup"),
    "ui.backup.filter": ("Berkas cadangan (*.bak)", "Backup files (*.bak)"),
    "ui.backup.making": ("Membuat dan memeriksa cadangan\u2026",
                         "Making and checking the backup\u2026"),
    "ui.backup.made": (
        "Cadangan disimpan di {path} ({size} MB) dan sudah diperiksa: {participants} peserta, "
        "{groups} kelompok, {sessions} sesi, {audit} entri audit.",
        "Backup saved in {path} ({size} MB) and checked: {participants} {participants:participant|participants}, {groups} "
        "groups, {sessions} {sessions:session|sessions}, {audit} audit entries."),
    "ui.backup.check_failed": (
        "Cadangan ditulis ke {path}, tetapi GAGAL diperiksa: {problem}",
        "The backup was written to {path}, but it FAILED its check: {problem}"),
    "ui.backup.cancelled": ("Dibatalkan. Tidak ada berkas yang ditulis.",
                            "Cancelled. No file was written."),
    "ui.backup.closing": ("Mencadangkan sebelum ditutup\u2026", "Backing up before closing\u2026"),
    "ui.backup.skip": ("Lewati", "Skip"),
    "ui.backup.auto_failed": ("Cadangan otomatis gagal: {problem}",
                              "The automatic backup failed: {problem}"),
    # restoring from a backup (Berkas > Pulihkan dari cadangan, and the first-run screen)
    "ui.restore.menu": ("Pulihkan dari cadangan\u2026", "Restore from a backup\u2026"),
    "ui.restore.title": ("Pulihkan dari cadangan", "Restore from a backup"),
    "ui.restore.first_run": ("Pulihkan pusat yang sudah ada\u2026",
                             "Restore an existing centre\u2026"),
    "ui.restore.first_run_hint": (
        "Pusat ini sudah memakai KDRT Desk di PC lain? Pulihkan brankasnya dari berkas "
        "cadangan dengan kode pemulihan, alih-alih membuat brankas baru.",
        "Does this centre already use KDRT Desk on another PC? Restore its vault from a backup "
        "file with the recovery code instead of making a new vault."),
    "ui.restore.intro": (
        "Pilih berkas cadangan dan cara membukanya, lalu periksa dulu isinya. Pemulihan "
        "mengganti brankas di folder data dengan isi cadangan; brankas yang sekarang tidak "
        "dihapus, tetapi disimpan utuh di subfolder \u201cdiganti-\u2026\u201d.",
        "Choose the backup file and how to open it, then check what it holds first. A restore "
        "replaces the vault in the data folder with the backup; the current vault is not "
        "deleted but kept whole in a \u201cdiganti-\u2026\u201d subfolder."),
    "ui.restore.file": ("Berkas cadangan", "Backup file"),
    "ui.restore.choose": ("Pilih\u2026", "Choose\u2026"),
    "ui.restore.open_title": ("Pilih berkas cadangan", "Choose the backup file"),
    "ui.restore.filter": ("Berkas cadangan (*.bak);;Semua berkas (*)",
                          "Backup files (*.bak);;All files (*)"),
    "ui.restore.open_with": ("Buka dengan", "Open with"),
    "ui.restore.by_password": ("Kata sandi staf", "Staff password"),
    "ui.restore.by_code": ("Kode pemulihan", "Recovery code"),
    "ui.restore.password_hint": (
        "Akun staf yang sudah ada saat cadangan dibuat, di PC asal cadangan.",
        "A staff account that existed when the backup was made, on the PC it came from."),
    "ui.restore.code_hint": (
        "Kode dari lembar pemulihan yang berlaku saat cadangan dibuat (untuk PC baru).",
        "The code from the recovery sheet in force when the backup was made (for a new PC)."),
    "ui.restore.check": ("Periksa cadangan", "Check the backup"),
    "ui.restore.checking": ("Membuka dan memeriksa cadangan\u2026",
                            "Opening and checking the backup\u2026"),
    "ui.restore.need_file": ("Pilih berkas cadangan dulu.", "Choose the backup file first."),
    "ui.restore.need_login": ("Isi nama pengguna dan kata sandi.",
                              "Enter the user name and password."),
    "ui.restore.need_code": ("Isi kode pemulihan.", "Enter the recovery code."),
    "ui.restore.when": ("{day} pukul {time}", "{day} at {time}"),
    "ui.restore.checked": (
        "Cadangan utuh. Dibuat {made}. Isi: {participants} peserta, {groups} kelompok, "
        "{sessions} sesi, {attendance} catatan kehadiran, {certificates} sertifikat, {accounts} "
        "akun. Log audit: {audit} entri, utuh.",
        "The backup is sound. Made {made}. It holds {participants} {participants:participant|participants}, {groups} "
        "groups, {sessions} {sessions:session|sessions}, {attendance} attendance marks, {certificates} "
        "certificates, {accounts} {accounts:account|accounts}. Audit log: {audit} {audit:entry|entries}, whole."),
    "ui.restore.check_failed": ("Cadangan ini tidak lolos pemeriksaan: {problem}",
                                "This backup failed its check: {problem}"),
    "ui.restore.unchanged": ("Brankas tidak diubah.", "The vault was not changed."),
    "ui.restore.restore": ("Pulihkan\u2026", "Restore\u2026"),
    "ui.restore.confirm": (
        "Brankas di {folder} akan diganti dengan isi cadangan yang dibuat {made}.\n\n"
        "Brankas yang sekarang TIDAK dihapus: disimpan utuh di folder {aside} (tanggal dan jam "
        "pemulihan). Sesudahnya Anda masuk ke brankas yang dipulihkan.\n\nLanjutkan?",
        "The vault in {folder} will be replaced with the backup made {made}.\n\n"
        "The current vault is NOT deleted: it is kept whole in the folder {aside} (the date and "
        "time of the restore). Afterwards you log in to the restored vault.\n\nGo ahead?"),
    "ui.restore.confirm_empty": (
        "Isi cadangan yang dibuat {made} akan dipulihkan ke {folder}. Lanjutkan?",
        "The backup made {made} will be restored into {folder}. Go ahead?"),
    "ui.restore.restoring": ("Memulihkan brankas\u2026", "Restoring the vault\u2026"),
    "ui.restore.done": ("Brankas dipulihkan dari cadangan yang dibuat {made}.",
                        "The vault is restored from the backup made {made}."),
    "ui.restore.kept_aside": ("Brankas yang diganti disimpan utuh di {aside}.",
                              "The vault it replaced is kept whole in {aside}."),
    "ui.restore.reapplied": (
        "{count} anonimisasi yang tercatat sesudah cadangan ini diterapkan lagi sebelum data "
        "dibuka.",
        "{count} {count:anonymisation|anonymisations} recorded after this backup {count:was|were} applied again before the data "
        "was opened."),
    "ui.restore.to_login": ("Masuk ke brankas yang dipulihkan",
                            "Log in to the restored vault"),
    "ui.restore.login_again": (
        "Brankas lama tetap di tempatnya. Anda akan diminta masuk lagi.",
        "The old vault stays where it was. You will be asked to log in again."),
    "ui.restore.cancelled": ("Dibatalkan. Brankas tidak diubah.",
                             "Cancelled. The vault was not changed."),
    # the backup account (Task Scheduler) and its password in the OS credential store
    "enum.Role.backup": ("Operator cadangan", "Backup operator"),
    "ui.admin.role_hint.backup": (
        "Hanya membuat dan memeriksa cadangan (untuk cadangan terjadwal di Task Scheduler). "
        "Tidak memegang kunci data tertutup: tidak dapat membuka daftar peserta, kontak, latar "
        "belakang kasus, ekspor, atau akun.",
        "Only makes and checks backups (for scheduled backups in Task Scheduler). Holds no key "
        "to sealed data: cannot open the register, contacts, case background, exports or "
        "accounts."),
    "cli.backup.help_keyring": (
        "baca kata sandi akun dari {store} (disimpan dengan backup-account remember)",
        "read the account's password from {store} (stored with backup-account remember)"),
    "cli.backup.task_scheduler": (
        "Cadangan terjadwal (Windows Task Scheduler), dengan akun berperan Operator cadangan:\n"
        "  1. Sekali, masuk Windows sebagai akun yang akan menjalankan tugas, lalu:\n"
        "     kdrt-desk backup-account remember --data-dir FOLDER --user cadangan\n"
        "     (kata sandi diketik sekali dan disimpan di Windows Credential Manager)\n"
        "  2. Tugas terjadwal, jalankan sebagai akun Windows yang sama:\n"
        "     Program: \"C:\\Program Files\\KDRT Desk\\kdrt-desk.exe\"\n"
        "     Argumen: backup --data-dir FOLDER --out E:\\cadangan\\kdrt.bak --overwrite "
        "--user cadangan --password-from-keyring\n"
        "  Tidak ada kata sandi di berkas. Kode keluar 0: cadangan ditulis dan lolos "
        "pemeriksaan; 3: gagal diperiksa; 2: kesalahan lain (pesan di stderr).",
        "Scheduled backups (Windows Task Scheduler), with an account in the Backup operator "
        "role:\n"
        "  1. Once, logged in to Windows as the account that will run the task:\n"
        "     kdrt-desk backup-account remember --data-dir FOLDER --user cadangan\n"
        "     (the password is typed once and kept in Windows Credential Manager)\n"
        "  2. The scheduled task, run as that same Windows account:\n"
        "     Program: \"C:\\Program Files\\KDRT Desk\\kdrt-desk.exe\"\n"
        "     Arguments: backup --data-dir FOLDER --out E:\\cadangan\\kdrt.bak --overwrite "
        "--user cadangan --password-from-keyring\n"
        "  No password in any file. Exit code 0: written and checked; 3: it failed its check; "
        "2: any other error (the message on stderr)."),
    "cli.backup.keyring_missing": (
        "Tidak ada kata sandi untuk akun {user} di {store}. Jalankan sekali: kdrt-desk "
        "backup-account remember --user {user}",
        "No password for account {user} in {store}. Run once: kdrt-desk backup-account "
        "remember --user {user}"),
    "cli.backup.keyring_wrong": (
        "Kata sandi akun {user} yang tersimpan di {store} tidak berlaku lagi (salah atau sudah "
        "diganti). Simpan lagi: kdrt-desk backup-account remember --user {user}",
        "The password of account {user} kept in {store} no longer works (wrong or changed). "
        "Store it again: kdrt-desk backup-account remember --user {user}"),
    "cli.backup.keyring_not_backup_role": (
        "Akun {user} bukan Operator cadangan. Hanya kata sandi akun Operator cadangan yang boleh "
        "disimpan di {store}.",
        "Account {user} is not a Backup operator. Only a Backup operator's password may be "
        "kept in {store}."),
    "cli.backup_account.help": (
        "kata sandi akun Operator cadangan di penyimpanan kredensial sistem (untuk Task "
        "Scheduler)",
        "the Backup operator account's password in the system credential store (for Task "
        "Scheduler)"),
    "cli.backup_account.help_remember": (
        "periksa kata sandi akun lalu simpan di {store}",
        "check the account's password, then keep it in {store}"),
    "cli.backup_account.help_forget": ("hapus kata sandi akun dari {store}",
                                       "remove the account's password from {store}"),
    "cli.backup_account.keyring_unavailable": (
        "{store} tidak tersedia di komputer ini; kata sandi tidak disimpan (tidak pernah di "
        "berkas biasa).",
        "{store} is not available on this computer; the password was not stored (never in a "
        "plain file)."),
    "cli.backup_account.remembered": (
        "Kata sandi akun {user} disimpan di {store}. Tugas terjadwal dapat memakai "
        "--password-from-keyring.",
        "The password of account {user} is kept in {store}. The scheduled task can use "
        "--password-from-keyring."),
    "cli.backup_account.forgotten": ("Kata sandi akun {user} dihapus dari {store}.",
                                     "The password of account {user} was removed from {store}."),
    "cli.backup_account.nothing_to_forget": ("Tidak ada kata sandi akun {user} di {store}.",
                                             "No password of account {user} in {store}."),
}
