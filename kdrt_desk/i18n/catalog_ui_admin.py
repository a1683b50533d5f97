"""Texts of the admin screens."""

from __future__ import annotations

_COMMON: dict[str, tuple[str, str]] = {
    "ui.admin.yes": ("Ya", "Yes"),
    "ui.admin.no": ("Tidak", "No"),
    "ui.admin.cancel": ("Batal", "Cancel"),
    "ui.admin.close": ("Tutup", "Close"),
    "ui.admin.save": ("Simpan", "Save"),
    "ui.admin.required_hint": ("Isian bertanda * wajib diisi.", "Fields marked * are required."),
    "ui.admin.pw.show": ("Tampilkan kata sandi", "Show passwords"),
    "ui.admin.field.username": ("Nama pengguna", "Username"),
    "ui.admin.field.display_name": ("Nama lengkap", "Full name"),
    "ui.admin.field.role": ("Peran", "Role"),
    "ui.admin.field.password": ("Kata sandi", "Password"),
    "ui.admin.field.password_repeat": ("Ulangi kata sandi", "Repeat password"),
    "ui.admin.field.new_password": ("Kata sandi baru", "New password"),
    "ui.admin.field.old_password": ("Kata sandi lama", "Current password"),
    "ui.admin.field.old_password_forced": ("Kata sandi dari Admin", "Password from the admin"),
}

_ACCOUNTS: dict[str, tuple[str, str]] = {
    "ui.admin.accounts.title": ("Akun staf", "Staff accounts"),
    "ui.admin.accounts.intro": (
        "Setiap staf memakai akunnya sendiri. Akun yang dinonaktifkan tidak dapat masuk lagi, "
        "tetapi catatannya tetap tersimpan.",
        "Every staff member uses her own account. A deactivated account can no longer log in, "
        "but its records are kept."),
    "ui.admin.accounts.not_allowed": ("Hanya Admin yang dapat mengelola akun staf.",
                                      "Only an admin can manage staff accounts."),
    "ui.admin.accounts.col_username": ("Nama pengguna", "Username"),
    "ui.admin.accounts.col_display_name": ("Nama", "Name"),
    "ui.admin.accounts.col_role": ("Peran", "Role"),
    "ui.admin.accounts.col_active": ("Aktif", "Active"),
    "ui.admin.accounts.col_must_change": ("Wajib ganti sandi", "Must change password"),
    "ui.admin.accounts.col_last_login": ("Terakhir masuk", "Last login"),
    "ui.admin.accounts.never": ("belum pernah", "never"),
    "ui.admin.accounts.count": ("{count} akun", "{count} {count:account|accounts}"),
    "ui.admin.accounts.add": ("Tambah akun…", "Add account…"),
    "ui.admin.accounts.reset": ("Atur ulang kata sandi…", "Reset password…"),
    "ui.admin.accounts.deactivate": ("Nonaktifkan", "Deactivate"),
    "ui.admin.accounts.activate": ("Aktifkan", "Activate"),
    "ui.admin.accounts.select_hint": (
        "Pilih satu akun di daftar untuk mengatur ulang kata sandi atau menonaktifkannya.",
        "Select an account in the list to reset its password or deactivate it."),
    "ui.admin.accounts.own_account": (
        "Ini akun Anda sendiri. Untuk mengganti kata sandi Anda, gunakan "
        "\"Ganti kata sandi\".",
        "This is your own account. To change your password, use \"Change password\"."),
    "ui.admin.accounts.inactive_hint": (
        "Akun ini tidak aktif. \"Aktifkan\" meminta kata sandi baru untuknya.",
        "This account is inactive. \"Activate\" asks for a new password for it."),
    "ui.admin.deactivate.title": ("Nonaktifkan akun?", "Deactivate the account?"),
    "ui.admin.deactivate.question": (
        "Nonaktifkan akun {who} ({username})?\n\nIa tidak dapat masuk lagi. Catatannya tetap "
        "tersimpan. Untuk mengaktifkannya kembali nanti, Anda perlu membuat kata sandi baru "
        "untuknya.",
        "Deactivate the account of {who} ({username})?\n\nShe will no longer be able to log in. "
        "Her records are kept. To reactivate it later you will set a new password for her."),
    # adding an account
    "ui.admin.add.title": ("Tambah akun staf", "Add a staff account"),
    "ui.admin.add.ok": ("Buat akun", "Create account"),
    "ui.admin.add.username_example": ("contoh: sari.admin", "e.g. sari.admin"),
    "ui.admin.add.username_hint": (
        "Dipakai untuk masuk. Huruf kecil tanpa spasi; boleh angka, titik, minus atau garis "
        "bawah.",
        "Used to log in. Lower-case letters without spaces; digits, dot, minus or underscore "
        "are allowed."),
    "ui.admin.add.password_hint": (
        "Minimal 10 karakter. Kalimat pendek yang mudah diingat paling baik, misalnya "
        "\"pempek enak di plaju\".",
        "At least 10 characters. A short sentence that is easy to remember works best, e.g. "
        "\"pempek tastes good\"."),
    "ui.admin.role_hint.admin": (
        "Semua hal: peserta, latar belakang kasus, akun staf, catatan aktivitas, pengaturan.",
        "Everything: participants, case background, staff accounts, activity log, settings."),
    "ui.admin.role_hint.konselor": (
        "Data peserta termasuk kontak dan latar belakang kasus; boleh ekspor.",
        "Participant data including contacts and case background; may export."),
    "ui.admin.role_hint.staf": (
        "Data peserta dan kontak, tanpa latar belakang kasus; boleh ekspor.",
        "Participant data and contacts, without case background; may export."),
    "ui.admin.role_hint.fasilitator": (
        "Hanya daftar peserta kelompoknya sendiri, tanpa data kontak.",
        "Only the list of her own groups' participants, without contact details."),
    # resetting a password, reactivating
    "ui.admin.reset.title": ("Atur ulang kata sandi", "Reset password"),
    "ui.admin.reset.ok": ("Atur ulang", "Reset"),
    "ui.admin.reset.intro": (
        "Buat kata sandi baru untuk {who}, misalnya bila ia lupa kata sandinya. Sampaikan "
        "kepadanya secara langsung, jangan lewat pesan WhatsApp atau SMS.",
        "Set a new password for {who}, e.g. when she forgot hers. Tell it to her in person, "
        "not by WhatsApp or text message."),
    "ui.admin.reset.next_login": (
        "Saat masuk berikutnya, ia wajib mengganti kata sandi ini dengan kata sandi pilihannya "
        "sendiri.",
        "At her next login she must replace this password with one of her own."),
    "ui.admin.reactivate.title": ("Aktifkan kembali akun", "Reactivate account"),
    "ui.admin.reactivate.ok": ("Aktifkan", "Activate"),
    "ui.admin.reactivate.intro": (
        "Akun {who} akan aktif kembali. Kata sandi lamanya sudah tidak berlaku: buat kata "
        "sandi baru untuknya dan sampaikan secara langsung.",
        "The account of {who} will be active again. Her old password no longer works: set a "
        "new one for her and tell it to her in person."),
}

_CHANGE_PASSWORD: dict[str, tuple[str, str]] = {
    "ui.admin.change.title": ("Ganti kata sandi", "Change password"),
    "ui.admin.change.ok": ("Ganti kata sandi", "Change password"),
    "ui.admin.change.log_out": ("Keluar", "Log out"),
    "ui.admin.change.intro": (
        "Ketik kata sandi Anda sekarang, lalu kata sandi baru dua kali.",
        "Type your current password, then the new one twice."),
    "ui.admin.change.forced": (
        "Halo {who}. Admin telah mengatur ulang kata sandi Anda. Sebelum melanjutkan, buat "
        "kata sandi baru yang hanya Anda ketahui.",
        "Hello {who}. An admin reset your password. Before you continue, choose a new "
        "password that only you know."),
    "ui.admin.change.same_as_old": ("Kata sandi baru harus berbeda dari yang lama.",
                                    "The new password must differ from the old one."),
}

_SETTINGS: dict[str, tuple[str, str]] = {
    "ui.admin.settings.title": ("Pengaturan", "Settings"),
    "ui.admin.settings.read_only": ("Hanya Admin yang dapat mengubah pengaturan.",
                                    "Only an admin can change the settings."),
    "ui.admin.settings.centre_name": ("Nama pusat", "Centre name"),
    "ui.admin.settings.centre_address": ("Alamat pusat", "Centre address"),
    "ui.admin.settings.centre_hint": ("Dicetak pada sertifikat, jadwal dan daftar hadir.",
                                      "Printed on certificates, schedules and sign-in sheets."),
    "ui.admin.settings.idle_minutes": ("Kunci otomatis setelah", "Auto-lock after"),
    "ui.admin.settings.minutes_suffix": (" menit", " minutes"),
    "ui.admin.settings.idle_hint": (
        "Bila komputer tidak dipakai selama itu, KDRT Desk terkunci dan meminta kata sandi lagi.",
        "When the computer is not used for that long, KDRT Desk locks and asks for the password "
        "again."),
    "ui.admin.settings.panic_key": ("Tombol panik", "Panic key"),
    "ui.admin.settings.panic_hint": (
        "Satu tekan menyembunyikan KDRT Desk seketika dan menguncinya, misalnya bila ada orang "
        "yang tidak boleh melihat layar.",
        "One press hides and locks KDRT Desk at once, e.g. when someone who must not see the "
        "screen comes in."),
    "ui.admin.settings.language": ("Bahasa", "Language"),
    "ui.admin.settings.language_hint": (
        "Semua layar langsung memakai bahasa baru begitu disimpan.",
        "Every screen uses the new language as soon as it is saved."),
}

_AUDIT: dict[str, tuple[str, str]] = {
    "ui.admin.audit.title": ("Catatan aktivitas", "Activity log"),
    "ui.admin.audit.intro": (
        "Siapa melakukan apa dan kapan. Catatan ini tidak dapat diubah; isi data peserta tidak "
        "pernah dicatat di sini, hanya nama isiannya.",
        "Who did what, and when. These records cannot be changed; participants' data is never "
        "recorded here, only the names of the fields."),
    "ui.admin.audit.not_allowed": ("Hanya Admin yang dapat melihat catatan aktivitas.",
                                   "Only an admin can view the activity log."),
    "ui.admin.audit.user": ("Pengguna", "User"),
    "ui.admin.audit.action": ("Tindakan", "Action"),
    "ui.admin.audit.all_users": ("Semua pengguna", "All users"),
    "ui.admin.audit.all_actions": ("Semua tindakan", "All actions"),
    "ui.admin.audit.search_hint": ("Cari kode peserta, nama pengguna, isian…",
                                   "Search participant code, username, field…"),
    "ui.admin.audit.from": ("Dari tanggal", "From"),
    "ui.admin.audit.until": ("Sampai tanggal", "Until"),
    "ui.admin.audit.reset_filters": ("Hapus filter", "Clear filters"),
    "ui.admin.audit.check_chain": ("Periksa rantai", "Check chain"),
    "ui.admin.audit.check_chain_tip": (
        "Memeriksa bahwa tidak ada catatan yang diubah atau dihapus di luar KDRT Desk.",
        "Checks that no record was changed or removed outside KDRT Desk."),
    "ui.admin.audit.chain_checking": ("Sedang memeriksa rantai catatan…",
                                      "Checking the chain of records…"),
    "ui.admin.audit.chain_ok": (
        "✔ Rantai utuh: {count} catatan diperiksa, tidak ada yang diubah atau dihapus.",
        "✔ Chain intact: {count} {count:entry|entries} checked, none changed or removed."),
    "ui.admin.audit.chain_broken": (
        "✖ Rantai rusak pada catatan #{id}: catatan itu atau yang sebelumnya telah diubah atau "
        "dihapus di luar KDRT Desk. Jangan hapus apa pun; simpan cadangan dan laporkan ke "
        "pengelola aplikasi.",
        "✖ Chain broken at entry #{id}: that entry or an earlier one was changed or removed "
        "outside KDRT Desk. Delete nothing; keep a backup and tell whoever maintains the app."),
    "ui.admin.audit.count": ("{count} catatan", "{count} {count:entry|entries}"),
    "ui.admin.audit.count_limited": (
        "{count} catatan terbaru ditampilkan. Persempit filter untuk melihat yang lebih lama.",
        "The latest {count} {count:entry is|entries are} shown. Narrow the filters to see older ones."),
    "ui.admin.audit.col_id": ("No.", "No."),
    "ui.admin.audit.col_at": ("Waktu", "Time"),
    "ui.admin.audit.col_actor": ("Oleh", "By"),
    "ui.admin.audit.col_action": ("Tindakan", "Action"),
    "ui.admin.audit.col_target": ("Sasaran", "Target"),
    "ui.admin.audit.col_details": ("Keterangan", "Details"),
    "ui.admin.audit.system": ("Sistem (KDRT Desk)", "System (KDRT Desk)"),
    "ui.admin.audit.target_unknown": ("(nama tidak dikenal)", "(unknown name)"),
    "ui.admin.audit.target_recovery": ("kode pemulihan", "recovery code"),
}

_AUDIT_ACTIONS: dict[str, tuple[str, str]] = {
    "ui.admin.audit.action.login": ("Masuk", "Logged in"),
    "ui.admin.audit.action.login_failed": ("Gagal masuk (kata sandi salah)",
                                           "Failed login (wrong password)"),
    "ui.admin.audit.action.login_refused": ("Masuk ditolak (akun tidak aktif)",
                                            "Login refused (inactive account)"),
    "ui.admin.audit.action.account_locked": ("Akun dikunci (terlalu sering salah)",
                                             "Account locked (too many failures)"),
    "ui.admin.audit.action.logout": ("Keluar", "Logged out"),
    "ui.admin.audit.action.locked": ("Layar dikunci", "Screen locked"),
    "ui.admin.audit.action.unlocked": ("Layar dibuka kembali", "Screen unlocked"),
    "ui.admin.audit.action.unlock_failed": ("Gagal membuka layar (kata sandi salah)",
                                            "Failed unlock (wrong password)"),
    "ui.admin.audit.action.participant_created": ("Peserta didaftarkan", "Participant registered"),
    "ui.admin.audit.action.participant_updated": ("Data peserta diubah", "Participant updated"),
    "ui.admin.audit.action.restricted_opened": ("Latar belakang kasus dibuka",
                                                "Case background opened"),
    "ui.admin.audit.action.restricted_refused": ("Akses latar belakang kasus ditolak",
                                                 "Case background refused"),
    "ui.admin.audit.action.participants_exported": ("Data peserta diekspor",
                                                    "Participants exported"),
    "ui.admin.audit.action.participants_imported": ("Data peserta diimpor",
                                                    "Participants imported"),
    "ui.admin.audit.action.account_created": ("Akun dibuat", "Account created"),
    "ui.admin.audit.action.account_deactivated": ("Akun dinonaktifkan", "Account deactivated"),
    "ui.admin.audit.action.account_activated": ("Akun diaktifkan kembali", "Account reactivated"),
    "ui.admin.audit.action.password_reset": ("Kata sandi diatur ulang oleh Admin",
                                             "Password reset by an admin"),
    "ui.admin.audit.action.password_changed": ("Kata sandi diganti pemiliknya",
                                               "Password changed by its owner"),
    "ui.admin.audit.action.settings_changed": ("Pengaturan diubah", "Settings changed"),
    "ui.admin.audit.action.vault_created": ("Brankas data dibuat", "Vault created"),
    "ui.admin.audit.action.recovery_code_used": ("Dibuka dengan kode pemulihan",
                                                 "Opened with the recovery code"),
    "ui.admin.audit.action.recovery_failed": ("Kode pemulihan salah", "Wrong recovery code"),
    "ui.admin.audit.action.attendance_corrected": ("Kehadiran dikoreksi", "Attendance corrected"),
    "ui.admin.audit.action.attendance_imported": ("Kehadiran diimpor", "Attendance imported"),
    "ui.admin.audit.action.attendance_taken": ("Kehadiran dicatat", "Attendance taken"),
    "ui.admin.audit.action.consent_form_exported": (
        "Formulir persetujuan dicetak", "Consent form printed"),
    "ui.admin.audit.action.consent_form_signed": (
        "Formulir persetujuan ditandatangani", "Consent form signed"),
    "ui.admin.audit.action.consent_forms_imported": (
        "Formulir persetujuan diimpor", "Consent forms imported"),
    "ui.admin.audit.action.consent_withdrawal_rejected": (
        "Penarikan persetujuan dibatalkan", "Consent withdrawal taken back"),
    "ui.admin.audit.action.consent_withdrawn": ("Persetujuan ditarik", "Consent withdrawn"),
    "ui.admin.audit.action.facilitator_added": ("Fasilitator ditambahkan", "Facilitator added"),
    "ui.admin.audit.action.facilitator_archived": (
        "Fasilitator diarsipkan", "Facilitator archived"),
    "ui.admin.audit.action.facilitator_changed": ("Data fasilitator diubah", "Facilitator changed"),
    "ui.admin.audit.action.facilitator_deleted": ("Fasilitator dihapus", "Facilitator deleted"),
    "ui.admin.audit.action.facilitator_restored": (
        "Fasilitator diaktifkan lagi", "Facilitator restored"),
    "ui.admin.audit.action.group_added": ("Kelompok dibuat", "Group created"),
    "ui.admin.audit.action.group_archived": ("Kelompok diarsipkan", "Group archived"),
    "ui.admin.audit.action.group_changed": ("Data kelompok diubah", "Group changed"),
    "ui.admin.audit.action.group_deleted": ("Kelompok dihapus", "Group deleted"),
    "ui.admin.audit.action.group_restored": ("Kelompok diaktifkan lagi", "Group restored"),
    "ui.admin.audit.action.keys_handed_over": (
        "Kunci data diserahkan ke akun", "Data keys handed over to an account"),
    "ui.admin.audit.action.keys_refused": ("Penyerahan kunci ditolak", "Key hand-over refused"),
    "ui.admin.audit.action.keys_rotated": ("Kunci data diganti", "Data keys rotated"),
    "ui.admin.audit.action.membership_ended": (
        "Keanggotaan kelompok berakhir", "Group membership ended"),
    "ui.admin.audit.action.module_added": ("Modul ditambahkan", "Module added"),
    "ui.admin.audit.action.module_archived": ("Modul diarsipkan", "Module archived"),
    "ui.admin.audit.action.module_changed": ("Modul diubah", "Module changed"),
    "ui.admin.audit.action.module_deleted": ("Modul dihapus", "Module deleted"),
    "ui.admin.audit.action.module_restored": ("Modul diaktifkan lagi", "Module restored"),
    "ui.admin.audit.action.participant_anonymised": (
        "Data peserta dianonimkan", "Participant anonymised"),
    "ui.admin.audit.action.participant_enrolled": (
        "Peserta masuk kelompok", "Participant enrolled"),
    "ui.admin.audit.action.participant_transferred": (
        "Peserta pindah kelompok", "Participant transferred"),
    "ui.admin.audit.action.partner_added": ("Mitra ditambahkan", "Partner added"),
    "ui.admin.audit.action.partner_archived": ("Mitra diarsipkan", "Partner archived"),
    "ui.admin.audit.action.partner_changed": ("Data mitra diubah", "Partner changed"),
    "ui.admin.audit.action.partner_deleted": ("Mitra dihapus", "Partner deleted"),
    "ui.admin.audit.action.partner_restored": ("Mitra diaktifkan lagi", "Partner restored"),
    "ui.admin.audit.action.recovery_code_replaced": (
        "Kode pemulihan diganti", "Recovery code replaced"),
    "ui.admin.audit.action.role_changed": ("Peran akun diubah", "Account role changed"),
    "ui.admin.audit.action.service_note_opened": (
        "Catatan hasil layanan dibuka", "Service outcome note opened"),
    "ui.admin.audit.action.service_note_refused": (
        "Pembukaan catatan layanan ditolak", "Service note opening refused"),
    "ui.admin.audit.action.service_recorded": ("Layanan dicatat", "Service recorded"),
    "ui.admin.audit.action.service_updated": ("Layanan diubah", "Service changed"),
    "ui.admin.audit.action.services_imported": ("Layanan diimpor", "Services imported"),
    "ui.admin.audit.action.session_cancelled": ("Sesi dibatalkan", "Session cancelled"),
    "ui.admin.audit.action.session_changed": ("Sesi diubah", "Session changed"),
    "ui.admin.audit.action.session_deleted": ("Sesi dihapus", "Session deleted"),
    "ui.admin.audit.action.sessions_created": ("Sesi dijadwalkan", "Sessions planned"),
    "ui.admin.audit.action.sign_in_sheet_printed": (
        "Daftar hadir dicetak", "Sign-in sheet printed"),
    "ui.admin.audit.action.skill_assessed": ("Keterampilan dinilai", "Skill assessed"),
    "ui.admin.audit.action.vault_upgraded": ("Brankas data diperbarui", "Vault upgraded"),
    "ui.admin.audit.action.venue_added": ("Tempat ditambahkan", "Venue added"),
    "ui.admin.audit.action.venue_archived": ("Tempat diarsipkan", "Venue archived"),
    "ui.admin.audit.action.venue_changed": ("Data tempat diubah", "Venue changed"),
    "ui.admin.audit.action.venue_deleted": ("Tempat dihapus", "Venue deleted"),
    "ui.admin.audit.action.venue_restored": ("Tempat diaktifkan lagi", "Venue restored"),
    "ui.admin.audit.action.routines_imported": ("Rutinitas diimpor", "Routines imported"),
    "ui.admin.audit.action.routine_changed": ("Rutinitas mingguan diubah",
                                              "Weekly routine changed"),
    "ui.admin.audit.action.session_locked": ("Sesi dikunci di tempatnya",
                                             "Session locked in place"),
    "ui.admin.audit.action.session_unlocked": ("Kunci sesi dibuka", "Session unlocked"),
    "ui.admin.audit.action.schedule_applied": ("Jadwal dari penjadwal diterapkan",
                                               "Schedule from the scheduler applied"),
    "ui.admin.audit.action.calendar_changed": ("Kalender pusat diubah",
                                               "Centre calendar changed"),
    "ui.admin.audit.action.schedule_exported": ("Jadwal diekspor", "Schedule exported"),
}

_AUDIT_DETAILS: dict[str, tuple[str, str]] = {
    "ui.admin.audit.detail.fields": ("isian", "fields"),
    "ui.admin.audit.detail.role": ("peran", "role"),
    "ui.admin.audit.detail.rows": ("jumlah baris", "rows"),
    "ui.admin.audit.detail.format": ("format", "format"),
    "ui.admin.audit.detail.kind": ("jenis", "kind"),
    "ui.admin.audit.detail.discreet": ("kartu netral", "neutral card"),
    "ui.admin.audit.detail.case": ("dengan latar belakang kasus", "with case background"),
    "ui.admin.audit.detail.count": ("jumlah", "count"),
    "ui.admin.audit.detail.source": ("sumber", "source"),
    "ui.admin.audit.detail.reason": ("alasan", "reason"),
    "ui.admin.audit.detail.when": ("waktu", "when"),
    "ui.admin.audit.detail.alert": ("peringatan", "alert"),
    "ui.admin.audit.detail.alerts_deleted": ("peringatan dihapus", "alerts deleted"),
    "ui.admin.audit.detail.assessment_answers_erased": ("jawaban asesmen dihapus", "assessment answers erased"),
    "ui.admin.audit.detail.assessments": ("asesmen", "assessments"),
    "ui.admin.audit.detail.assessments_deleted": ("asesmen dihapus", "assessments deleted"),
    "ui.admin.audit.detail.capital": ("modal", "capital"),
    "ui.admin.audit.detail.capital_deleted": ("catatan modal dihapus", "capital records deleted"),
    "ui.admin.audit.detail.case_deleted": ("latar kasus dihapus", "case background deleted"),
    "ui.admin.audit.detail.certificate_names_removed": ("nama dihapus dari sertifikat", "names removed from certificates"),
    "ui.admin.audit.detail.code": ("kode", "code"),
    "ui.admin.audit.detail.codes": ("kode", "codes"),
    "ui.admin.audit.detail.from": ("dari", "from"),
    "ui.admin.audit.detail.to": ("ke", "to"),
    "ui.admin.audit.detail.group_id": ("kelompok (nomor)", "group (number)"),
    "ui.admin.audit.detail.items": ("butir", "items"),
    "ui.admin.audit.detail.left_groups": ("keluar dari kelompok", "left groups"),
    "ui.admin.audit.detail.livelihood_deleted": ("catatan penghidupan dihapus", "livelihood records deleted"),
    "ui.admin.audit.detail.logo": ("logo", "logo"),
    "ui.admin.audit.detail.marks": ("tanda kehadiran", "attendance marks"),
    "ui.admin.audit.detail.participant": ("peserta", "participant"),
    "ui.admin.audit.detail.participants": ("peserta", "participants"),
    "ui.admin.audit.detail.partner_logos": ("logo mitra", "partner logos"),
    "ui.admin.audit.detail.records": ("catatan", "records"),
    "ui.admin.audit.detail.reminders_told_deleted": ("catatan pengingat dihapus", "reminder notes deleted"),
    "ui.admin.audit.detail.replaces": ("menggantikan", "replaces"),
    "ui.admin.audit.detail.routine_deleted": ("rutinitas dihapus", "routine deleted"),
    "ui.admin.audit.detail.scope": ("cakupan persetujuan", "consent scope"),
    "ui.admin.audit.detail.screenings": ("asesmen awal", "screenings"),
    "ui.admin.audit.detail.serials": ("nomor seri", "serial numbers"),
    "ui.admin.audit.detail.services": ("layanan", "services"),
    "ui.admin.audit.detail.sessions": ("sesi", "sessions"),
    "ui.admin.audit.detail.signatories": ("penanda tangan", "signatories"),
    "ui.admin.audit.detail.statistics_kept": ("tetap dihitung dalam statistik", "kept in statistics"),
    "ui.admin.audit.detail.status": ("status", "status"),
    "ui.admin.audit.detail.targets": ("target", "targets"),
    "ui.admin.audit.detail.template": ("templat", "template"),
    "ui.admin.audit.detail.verify_url": ("alamat verifikasi", "verification address"),
    "ui.admin.audit.detail.version": ("versi", "version"),
    "ui.admin.audit.detail.outside": ("di drive lain (mis. flashdisk)", "on another drive (e.g. a USB stick)"),
    "ui.admin.audit.detail.problem": ("masalah", "problem"),
    "ui.admin.audit.target_backup.manual": ("cadangan manual", "manual backup"),
    "ui.admin.audit.target_backup.automatic": ("cadangan otomatis", "automatic backup"),
    "ui.admin.audit.target_backup.scheduled": ("cadangan terjadwal", "scheduled backup"),
    "ui.admin.audit.detail.keyring": ("kunci tersimpan di penyimpanan kredensial sistem",
                                      "key kept in the OS credential store"),
    "ui.admin.audit.reason.inactive": ("akun tidak aktif", "inactive account"),
    "ui.admin.audit.reason.no_account": ("akun tidak ada", "no such account"),
    # settings and participant fields named in "fields"
    "ui.admin.audit.field.centre_name": ("nama pusat", "centre name"),
    "ui.admin.audit.field.centre_address": ("alamat pusat", "centre address"),
    "ui.admin.audit.field.idle_minutes": ("kunci otomatis", "auto-lock"),
    "ui.admin.audit.field.panic_key": ("tombol panik", "panic key"),
    "ui.admin.audit.field.language": ("bahasa", "language"),
    "ui.admin.audit.field.full_name": ("nama lengkap", "full name"),
    "ui.admin.audit.field.preferred_name": ("nama panggilan", "preferred name"),
    "ui.admin.audit.field.nik": ("NIK", "NIK"),
    "ui.admin.audit.field.birth_date": ("tanggal lahir", "date of birth"),
    "ui.admin.audit.field.estimated_age": ("perkiraan usia", "estimated age"),
    "ui.admin.audit.field.birth_place": ("tempat lahir", "place of birth"),
    "ui.admin.audit.field.phone": ("telepon", "phone"),
    "ui.admin.audit.field.safe_to_call": ("aman ditelepon", "safe to call"),
    "ui.admin.audit.field.safe_call_times": ("waktu aman menelepon", "safe times to call"),
    "ui.admin.audit.field.trusted_contact_name": ("nama kontak tepercaya",
                                                  "trusted contact's name"),
    "ui.admin.audit.field.trusted_contact_phone": ("telepon kontak tepercaya",
                                                   "trusted contact's phone"),
    "ui.admin.audit.field.never_contact_at_home": ("jangan dihubungi di rumah",
                                                   "never contact at home"),
    "ui.admin.audit.field.living_situation": ("tempat tinggal", "living situation"),
    "ui.admin.audit.field.kecamatan": ("kecamatan", "kecamatan"),
    "ui.admin.audit.field.kelurahan": ("kelurahan", "kelurahan"),
    "ui.admin.audit.field.marital_status": ("status perkawinan", "marital status"),
    "ui.admin.audit.field.children_count": ("jumlah anak", "number of children"),
    "ui.admin.audit.field.children_ages": ("usia anak", "children's ages"),
    "ui.admin.audit.field.dependants": ("tanggungan", "dependants"),
    "ui.admin.audit.field.education": ("pendidikan", "education"),
    "ui.admin.audit.field.occupation": ("pekerjaan", "occupation"),
    "ui.admin.audit.field.monthly_income": ("penghasilan per bulan", "monthly income"),
    "ui.admin.audit.field.economic_dependence": ("ketergantungan ekonomi",
                                                 "economic dependence"),
    "ui.admin.audit.field.status": ("status", "status"),
    "ui.admin.audit.field.registered_on": ("tanggal daftar", "registration date"),
    "ui.admin.audit.field.consent": ("persetujuan", "consent"),
    "ui.admin.audit.field.case": ("latar belakang kasus", "case background"),
}

UI_ADMIN: dict[str, tuple[str, str]] = {**_COMMON, **_ACCOUNTS, **_CHANGE_PASSWORD, **_SETTINGS,
                                        **_AUDIT, **_AUDIT_ACTIONS, **_AUDIT_DETAILS}
