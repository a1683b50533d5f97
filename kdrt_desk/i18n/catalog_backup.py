"""Backups and restore: the service's errors and warnings, the commands and the screens."""

from __future__ import annotations

BACKUP: dict[str, tuple[str, str]] = {
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
        "{count} anonymisations recorded after this backup were applied again before the data "
        "was opened."),
    # the commands
    "cli.backup.help": ("buat cadangan terenkripsi dan periksa", "make an encrypted backup and "
                        "check it"),
    "cli.backup.help_out": ("berkas cadangan yang ditulis (di luar folder data)",
                            "the backup file to write (outside the data folder)"),
    "cli.backup.written": (
        "Cadangan ditulis ke {path} ({size} MB) dan lolos pemeriksaan: {participants} peserta, "
        "{audit} entri audit.",
        "Backup written to {path} ({size} MB) and checked: {participants} participants, {audit} "
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
        "Backup {path} is sound. Made {made}. It holds {participants} participants, {groups} "
        "groups, {sessions} sessions, {attendance} attendance marks, {certificates} certificates, "
        "{accounts} accounts. Audit log: {audit} entries, whole."),
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
        "Backup saved in {path} ({size} MB) and checked: {participants} participants, {groups} "
        "groups, {sessions} sessions, {audit} audit entries."),
    "ui.backup.check_failed": (
        "Cadangan ditulis ke {path}, tetapi GAGAL diperiksa: {problem}",
        "The backup was written to {path}, but it FAILED its check: {problem}"),
    "ui.backup.cancelled": ("Dibatalkan. Tidak ada berkas yang ditulis.",
                            "Cancelled. No file was written."),
    "ui.backup.closing": ("Mencadangkan sebelum ditutup\u2026", "Backing up before closing\u2026"),
    "ui.backup.skip": ("Lewati", "Skip"),
    "ui.backup.auto_failed": ("Cadangan otomatis gagal: {problem}",
                              "The automatic backup failed: {problem}"),
}
