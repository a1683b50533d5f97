"""Messages of sealed fields, signed roles, the key file's checks and input the vault refuses."""

from __future__ import annotations

SECURITY: dict[str, tuple[str, str]] = {
    # the key file
    "error.keyfile_damaged": (
        "Berkas kunci (kdrt.keys) rusak ({what}) dan tidak ada salinan sebelumnya yang utuh. "
        "Kembalikan kdrt.keys dari cadangan. Tidak ada yang diubah.",
        "The key file (kdrt.keys) is damaged ({what}) and there is no intact previous copy. "
        "Restore kdrt.keys from a backup. Nothing was changed."),
    "error.keyfile_damaged_previous_ok": (
        "Berkas kunci (kdrt.keys) rusak ({what}). Salinan sebelumnya (kdrt.keys.prev) utuh: "
        "pakai salinan itu (tombol \"Pakai salinan sebelumnya\" atau perintah "
        "kdrt-desk keys restore-previous). Perubahan kunci terakhir mungkin perlu diulang.",
        "The key file (kdrt.keys) is damaged ({what}). The previous copy (kdrt.keys.prev) is "
        "intact: use it (the \"Use the previous copy\" button or the command "
        "kdrt-desk keys restore-previous). The last key change may need to be made again."),
    "error.slot_keys_invalid": (
        "Kunci akun ini di berkas kunci tidak cocok (diubah di luar aplikasi?). Minta Admin "
        "mengatur ulang kata sandi Anda; tidak ada data yang dibuka.",
        "This account's keys in the key file do not match (changed outside the app?). Ask an "
        "Admin to reset your password; no data was opened."),
    "error.account_keys_outdated": (
        "Kunci brankas sudah diganti sejak akun ini terakhir masuk. Minta Admin mengatur ulang "
        "kata sandi Anda.",
        "The vault's keys were replaced since this account last logged in. Ask an Admin to "
        "reset your password."),
    "error.keys_pending": (
        "Akun Anda masih menunggu kunci dari Admin, jadi bagian ini belum dapat dibuka. Kunci "
        "diberikan otomatis saat seorang Admin masuk.",
        "Your account is still waiting for its keys from an Admin, so this cannot be opened "
        "yet. They are handed over automatically when an Admin logs in."),
    "warning.keys_pending": (
        "Menunggu kunci dari Admin: data kontak dan data terbatas belum dapat dibuka dengan "
        "akun ini. Minta Admin membuka Akun staf > Serahkan kunci, lalu ketik kata sandi Anda "
        "di sana (atau minta Admin mengatur ulang kata sandi Anda).",
        "Waiting for keys from an Admin: contact and restricted data cannot be opened with "
        "this account yet. Ask an Admin to open Staff accounts > Hand over keys, then type "
        "your password there (or ask the Admin to reset your password)."),
    # roles
    "error.role_unsigned": (
        "Peran akun ini tidak ditandatangani Admin, jadi akun tidak dapat masuk. Minta Admin "
        "mengatur ulang kata sandi Anda. Percobaan ini dicatat.",
        "This account's role is not signed by an Admin, so it cannot log in. Ask an Admin to "
        "reset your password. This attempt was recorded."),
    "error.role_signature_invalid": (
        "Tanda tangan peran atau kunci akun ini tidak sah (diubah di luar aplikasi?). Akun "
        "tidak dapat masuk dan tidak menerima kunci. Percobaan ini dicatat.",
        "The signature on this account's role or key is not valid (changed outside the app?). "
        "The account cannot log in and receives no keys. This attempt was recorded."),
    "error.role_mismatch": (
        "Peran akun ini di basis data berbeda dari yang ditandatangani Admin (diubah di luar "
        "aplikasi?). Akun tidak dapat masuk. Percobaan ini dicatat.",
        "This account's role in the database differs from the one an Admin signed (changed "
        "outside the app?). The account cannot log in. This attempt was recorded."),
    "error.cannot_change_own_role": ("Anda tidak dapat mengubah peran akun Anda sendiri.",
                                     "You cannot change the role of your own account."),
    # upgrading a vault made before sealed fields
    "error.upgrade_needs_admin": (
        "Brankas ini perlu ditingkatkan keamanannya oleh Admin lebih dulu. Minta Admin masuk "
        "sekali; setelah itu akun Anda dapat dipakai lagi.",
        "This vault must first be upgraded by an Admin. Ask an Admin to log in once; after "
        "that your account works again."),
    "error.upgrade_not_needed": ("Brankas ini sudah ditingkatkan.",
                                 "This vault is upgraded already."),
    "error.upgrade_not_verified": (
        "Peningkatan brankas tidak dapat diperiksa ulang dengan lengkap. Salinan sebelum "
        "peningkatan (kdrt.db.before-upgrade) disimpan; hubungi dukungan teknis.",
        "The upgraded vault could not be read back in full. The copy from before the upgrade "
        "(kdrt.db.before-upgrade) is kept; contact technical support."),
    # the database file
    "error.database_missing": (
        "Berkas data (kdrt.db) tidak ditemukan di samping berkas kunci. Kembalikan kdrt.db dari "
        "cadangan; KDRT Desk tidak membuat brankas kosong baru di sini.",
        "The data file (kdrt.db) is missing beside the key file. Restore kdrt.db from a backup; "
        "KDRT Desk does not make a new empty vault here."),
    "error.wal_damaged": (
        "Berkas catatan perubahan (kdrt.db-wal) rusak: perubahan yang disimpan terakhir tidak "
        "dapat dibaca kembali. Tidak ada yang ditimpa. Pulihkan dari cadangan terakhir; berkas "
        "yang rusak disimpan di sampingnya.",
        "The change journal (kdrt.db-wal) is damaged: the changes saved last cannot be read "
        "back. Nothing was written over. Restore the newest backup; the damaged files are kept "
        "beside it."),
    "error.database_empty": (
        "Berkas data (kdrt.db) kosong (0 byte). Kembalikan kdrt.db dari cadangan; KDRT Desk "
        "tidak membuat brankas kosong baru di atasnya.",
        "The data file (kdrt.db) is empty (0 bytes). Restore kdrt.db from a backup; KDRT Desk "
        "does not make a new empty vault over it."),
    "error.disk_io": (
        "Disk gagal membaca atau menulis. Periksa disk atau flashdisk, lalu coba lagi; data "
        "yang sudah tersimpan tidak diubah.",
        "The disk failed to read or write. Check the disk or USB stick, then try again; what "
        "was already saved was not changed."),
    "error.value_too_big": (
        "Isian terlalu besar untuk disimpan. Persingkat teksnya lalu simpan lagi.",
        "An entry is too large to save. Shorten the text and save again."),
    "error.number_too_large": (
        "Angka yang diisi terlalu besar. Periksa lagi angkanya.",
        "A number is too large. Check it again."),
    # input
    "error.control_character": (
        "Berisi karakter kendali {character} yang tidak boleh ada di sini. Hapus karakter itu "
        "(biasanya ikut tersalin dari program lain).",
        "Contains the control character {character}, which is not allowed here. Remove it "
        "(it usually comes along when copying from another program)."),
    "error.search_too_long": (
        "Teks pencarian terlalu panjang (paling banyak {limit} karakter). Persingkat lalu cari "
        "lagi.",
        "The search text is too long (at most {limit} characters). Shorten it and search "
        "again."),
    # withdrawal with a second person
    "error.withdrawal_already_requested": (
        "Penarikan persetujuan peserta ini sudah dicatat dan menunggu konfirmasi Admin atau "
        "Konselor.",
        "This participant's withdrawal of consent is recorded already and waits for an Admin "
        "or Case worker to confirm it."),
    "error.withdrawal_not_requested": (
        "Tidak ada penarikan persetujuan yang menunggu konfirmasi untuk peserta ini.",
        "No withdrawal of consent waits for confirmation for this participant."),
    # output files
    "error.output_in_data_folder": (
        "Berkas tidak boleh disimpan di folder data brankas ({folder}): di sana berkas dapat "
        "menimpa data. Pilih folder lain, mis. Dokumen.",
        "The file may not be saved in the vault's data folder ({folder}): there it could "
        "replace the data. Choose another folder, e.g. Documents."),
    "error.output_exists": (
        "Berkas {path} sudah ada. Pilih nama lain, atau tulis di atasnya (di baris perintah: "
        "--overwrite).",
        "The file {path} exists already. Choose another name, or replace it (on the command "
        "line: --overwrite)."),
    "error.output_is_folder": ("{path} adalah folder. Beri nama berkas.",
                               "{path} is a folder. Give a file name."),
    "error.output_folder_missing": ("Folder {folder} tidak ada. Pilih folder yang ada.",
                                    "The folder {folder} does not exist. Choose an existing "
                                    "one."),
    "error.previous_keyfile_unusable": (
        "Salinan sebelumnya (kdrt.keys.prev) tidak ada atau juga rusak. Kembalikan kdrt.keys "
        "dari cadangan.",
        "The previous copy (kdrt.keys.prev) is missing or damaged too. Restore kdrt.keys from "
        "a backup."),
    "ui.common.replace_title": ("Ganti berkas?", "Replace the file?"),
    "ui.common.replace_text": ("Berkas {path} sudah ada. Ganti dengan yang baru?",
                               "The file {path} exists already. Replace it with the new one?"),
    # the headless commands
    "cli.help_overwrite": ("tulis di atas berkas yang sudah ada",
                           "replace a file that exists already"),
    "cli.help_upgrade": ("tingkatkan brankas lama (kunci per peran; lembar pemulihan baru)",
                         "upgrade an older vault (keys per role; a new recovery sheet)"),
    "cli.help_keys": ("berkas kunci", "the key file"),
    "cli.help_keys_restore": ("pakai kembali salinan sebelumnya (kdrt.keys.prev)",
                              "put the previous copy (kdrt.keys.prev) back"),
    "cli.help_deactivate": ("nonaktifkan akun (kuncinya dapat diputar)",
                            "deactivate an account (its keys can be rotated)"),
    "cli.help_set_role": ("ubah peran akun", "change an account's role"),
    "cli.help_rotate": ("putar kunci yang dipegang akun itu, agar salinan lama tidak membuka "
                        "apa pun yang baru",
                        "rotate the keys the account held, so old copies open nothing new"),
    "cli.demo_removed": ("Brankas demo yang belum selesai di {folder} dihapus; tidak ada yang "
                         "tertinggal.",
                         "The unfinished demo vault in {folder} was removed; nothing is left "
                         "behind."),
    "cli.upgrade_required": (
        "brankas ini dibuat sebelum data disegel per peran. Admin menjalankan sekali: "
        "kdrt-desk upgrade --user ADMIN --recovery-sheet BERKAS.pdf",
        "this vault was made before data was sealed per role. An Admin runs once: "
        "kdrt-desk upgrade --user ADMIN --recovery-sheet FILE.pdf"),
    "cli.upgraded": ("Brankas ditingkatkan. Cetak lembar pemulihan baru {sheet}, simpan di "
                     "tempat terkunci; lembar lama tidak berlaku lagi.",
                     "Vault upgraded. Print the new recovery sheet {sheet} and lock it away; "
                     "the old sheet no longer works."),
    "cli.number_invalid": ("{option}: \"{value}\" bukan bilangan bulat.",
                           "{option}: \"{value}\" is not a whole number."),
    "cli.number_out_of_range": ("{option}: isi {low} sampai {high}.",
                                "{option}: enter {low} to {high}."),
    "cli.check_slots": ("Berkas kunci: {count} slot, semuanya utuh",
                        "Key file: {count} {count:slot|slots}, all intact"),
    "cli.check_signatures_ok": ("Tanda tangan peran dan kunci: semuanya sah",
                                "Role and key signatures: all valid"),
    "cli.check_signatures_bad": (
        "Tanda tangan tidak sah (berkas kunci diubah di luar aplikasi): {parts}. Akun ini tidak "
        "diberi kunci; Admin dapat mengatur ulang kata sandinya, lalu memutar kunci.",
        "Signatures not valid (the key file was changed outside the app): {parts}. These "
        "accounts are given no keys; an Admin can reset their password, then rotate the keys."),
    "cli.check_sealed_ok": ("Nilai tersegel: semua terbuka dengan barisnya sendiri",
                            "Sealed values: every one opens with its own row"),
    "cli.check_unreadable": ("Nilai tersegel yang tidak terbaca (diubah atau dipindah di luar "
                             "aplikasi): {values}",
                             "Sealed values that do not open (changed or moved outside the "
                             "app): {values}"),
    "cli.check_sealed_none": ("Nilai tersegel: akun ini tidak memegang kunci data kontak atau "
                              "data terbatas, jadi tidak ada yang dibuka",
                              "Sealed values: this account holds no contact or restricted key, "
                              "so none were opened"),
    "cli.part_file": ("isi berkas", "the file's contents"),
    "cli.part_recovery": ("slot pemulihan", "the recovery slot"),
    "cli.part_account": ("slot akun {name}", "the slot of account {name}"),
    "cli.part_other_account": ("slot akun lain", "another account's slot"),
    "cli.keys_restored": ("Salinan sebelumnya dipakai kembali. Berkas yang rusak disimpan di "
                          "{kept}.",
                          "The previous copy is back in use. The damaged file was kept as "
                          "{kept}."),
    "cli.user_deactivated": ("Akun {name} dinonaktifkan.", "Account {name} deactivated."),
    "cli.user_role_changed": ("Peran akun {name} sekarang {role}.",
                              "Account {name} now has the role {role}."),
    "cli.keys_rotated": ("Kunci diputar: salinan lama berkas tidak membuka apa pun yang baru.",
                         "Keys rotated: old copies of the files open nothing new."),
    "cli.audit_truncated": ("Log audit terpotong: catatan sesudah #{entry} dihapus.",
                            "Audit log truncated: entries after #{entry} were deleted."),
    "cli.audit_signature": ("Log audit rusak: tanda tangan tidak cocok pada catatan #{entry}.",
                            "Audit log broken: a signature does not match at entry #{entry}."),
    "cli.audit_actor": ("Log audit rusak: catatan #{entry} ditandatangani akun lain daripada "
                        "pelakunya.",
                        "Audit log broken: entry #{entry} is signed by another account than "
                        "its actor."),
    # the accounts screen: keys, roles, rotation
    "ui.admin.accounts.col_keys": ("Kunci", "Keys"),
    "ui.admin.keys.complete": ("lengkap", "complete"),
    "ui.admin.keys.awaiting_keys": ("menunggu kunci dari Admin", "waiting for keys from an Admin"),
    "ui.admin.keys.awaiting_login": ("belum masuk sejak peningkatan",
                                     "not logged in since the upgrade"),
    "ui.admin.keys.awaiting_confirmation": ("menunggu Serahkan kunci",
                                            "waiting for Hand over keys"),
    "ui.admin.accounts.hand_over": ("Serahkan kunci…", "Hand over keys…"),
    "ui.admin.handover.title": ("Serahkan kunci", "Hand over keys"),
    "ui.admin.handover.intro": (
        "Akun {who} dibuat sebelum peningkatan keamanan. Minta pemiliknya mengetik kata "
        "sandinya sendiri di sini, di depan Anda: itu membuktikan bahwa kunci di akun itu "
        "miliknya, lalu kunci perannya diserahkan. Jangan ketik kata sandinya untuknya.",
        "The account {who} was made before the security upgrade. Ask its owner to type her "
        "own password here, in front of you: that proves the key in the account is hers, and "
        "then her role's keys are handed over. Do not type her password for her."),
    "ui.admin.handover.password": ("Kata sandi {who}", "Password of {who}"),
    "ui.admin.handover.ok": ("Serahkan kunci", "Hand over keys"),
    "error.keys_own_account": ("Akun Anda sendiri tidak perlu ini.",
                               "Your own account does not need this."),
    "cli.help_hand_over": (
        "serahkan kunci peran ke akun yang dibuat sebelum peningkatan; pemiliknya mengetik "
        "kata sandinya (KDRT_ACCOUNT_PASSWORD atau ditanya)",
        "hand its role's keys to an account made before the upgrade; its owner types her "
        "password (KDRT_ACCOUNT_PASSWORD or asked)"),
    "cli.prompt_account_password": ("Kata sandi akun itu (diketik pemiliknya): ",
                                    "That account's password (typed by its owner): "),
    "cli.keys_handed_over": ("Kunci diserahkan ke {name}: {keys}.",
                             "Keys handed to {name}: {keys}."),
    "ui.admin.keys.refused": ("tanda tangan tidak sah", "signature not valid"),
    "ui.admin.keys.none": ("—", "—"),
    "ui.admin.accounts.change_role": ("Ubah peran…", "Change role…"),
    "ui.admin.role.title": ("Ubah peran akun", "Change an account's role"),
    "ui.admin.role.intro": (
        "Peran baru untuk {who}. Kunci yang dibutuhkan peran baru diberikan sekarang; kunci "
        "yang tidak lagi dibutuhkan ditarik.",
        "A new role for {who}. The keys the new role needs are handed over now; keys it no "
        "longer needs are taken back."),
    "ui.admin.role.ok": ("Simpan peran", "Save role"),
    "ui.admin.rotate.title": ("Putar kunci?", "Rotate keys?"),
    "ui.admin.rotate.question": (
        "{username} tidak lagi memegang sebagian kunci brankas, tetapi salinan berkas yang "
        "mungkin ia simpan masih terbuka dengan kunci lama. Putar kunci sekarang agar salinan "
        "itu tidak membuka apa pun yang ditulis sesudah ini? (Beberapa menit untuk brankas "
        "besar; akun lain tidak perlu apa-apa.)",
        "{username} no longer holds some of the vault's keys, but a copy of the files she may "
        "have kept still opens with the old ones. Rotate the keys now, so such a copy opens "
        "nothing written from now on? (A few minutes for a large vault; other accounts need "
        "do nothing.)"),
    "ui.admin.rotate.ok": ("Putar kunci", "Rotate keys"),
    "ui.admin.rotate.busy": ("Memutar kunci brankas…", "Rotating the vault's keys…"),
    # the login and the upgrade
    "ui.access.use_previous_keys": ("Pakai salinan sebelumnya (kdrt.keys.prev)",
                                    "Use the previous copy (kdrt.keys.prev)"),
    "ui.access.previous_keys_restored": (
        "Salinan sebelumnya dipakai kembali; berkas yang rusak disimpan di sampingnya. "
        "Masuk lagi.",
        "The previous copy is back in use; the damaged file was kept beside it. Log in again."),
    "ui.access.restore_backup": ("Pulihkan dari cadangan\u2026", "Restore from a backup\u2026"),
    "ui.access.newest_backup": (
        "Cadangan otomatis terakhir di PC ini dibuat {when}. Tombol di bawah memeriksanya dulu, "
        "lalu memulihkannya; berkas yang rusak disimpan di subfolder \u201cdiganti-\u2026\u201d, "
        "tidak ditimpa.",
        "The newest automatic backup on this PC was made {when}. The button below checks it "
        "first, then restores it; the damaged files are kept in a \u201cdiganti-\u2026\u201d "
        "subfolder, not written over."),
    "ui.access.no_automatic_backup": (
        "Tidak ada cadangan otomatis di PC ini. Pilih berkas cadangan dari flashdisk atau folder "
        "lain dengan tombol di bawah; berkas yang rusak tidak ditimpa.",
        "There is no automatic backup on this PC. Choose a backup file from a USB stick or "
        "another folder with the button below; the damaged files are not written over."),
    "ui.access.backup_restored": (
        "Brankas sudah dipulihkan dari cadangan. Masuk dengan kata sandi Anda.",
        "The vault was restored from the backup. Log in with your password."),
    "ui.access.upgrade_declined": (
        "Brankas belum ditingkatkan, jadi belum dapat dibuka. Masuk lagi untuk meningkatkannya.",
        "The vault is not upgraded yet, so it cannot be opened. Log in again to upgrade it."),
    "ui.upgrade.title": ("Tingkatkan keamanan brankas", "Upgrade the vault's protection"),
    "ui.upgrade.intro": (
        "Versi KDRT Desk ini mengunci data kontak dan data terbatas dengan kunci per peran: "
        "kata sandi fasilitator tidak lagi membuka NIK, telepon atau latar belakang kasus, "
        "bahkan dengan salinan berkas. Brankas ini dibuat sebelumnya dan perlu ditingkatkan "
        "sekali. Akun lain mendapat kuncinya sendiri saat mereka masuk berikutnya dan seorang "
        "Admin masuk sesudahnya.",
        "This version of KDRT Desk locks contact and restricted data with keys per role: a "
        "facilitator's password no longer opens NIKs, phone numbers or case backgrounds, not "
        "even with a copy of the files. This vault was made before and needs upgrading once. "
        "Other accounts get their keys when they next log in and an Admin logs in after them."),
    "ui.upgrade.sheet": (
        "Lembar pemulihan baru dibuat sekarang: simpan, cetak dan kunci di tempat aman. Lembar "
        "lama tidak berlaku lagi.",
        "A new recovery sheet is made now: save it, print it and lock it away. The old sheet "
        "no longer works."),
    "ui.upgrade.ok": ("Simpan lembar pemulihan baru dan tingkatkan…",
                      "Save the new recovery sheet and upgrade…"),
    "ui.upgrade.later": ("Nanti", "Later"),
    # withdrawal with a second person
    "ui.care.withdraw.explain_request": (
        "Peserta {code} menarik persetujuannya atas penggunaan data. Anda mencatat penarikan "
        "ini sekarang: data kontaknya tidak dipakai lagi dan ia keluar dari statistik. "
        "Penghapusan identitasnya untuk selamanya dilakukan setelah seorang Admin atau Konselor "
        "mengonfirmasi.",
        "Participant {code} withdraws her consent to the use of her data. You record the "
        "withdrawal now: her contact details are no longer used and she leaves the statistics. "
        "Her identity is erased for good once an Admin or a Case worker confirms."),
    "ui.care.withdraw.ok_request": ("Catat penarikan", "Record the withdrawal"),
    "ui.care.withdraw.heading_request": (
        "Penghapusan datanya menunggu konfirmasi Admin atau Konselor.",
        "Erasing her data waits for an Admin or a Case worker to confirm."),
    "ui.care.withdraw.requested": (
        "Penarikan dicatat. Seorang Admin atau Konselor akan mengonfirmasi penghapusan datanya.",
        "The withdrawal is recorded. An Admin or a Case worker will confirm erasing her data."),
    "error.keyfile_not_damaged": (
        "Berkas kunci brankas ini utuh, jadi salinan sebelumnya tidak dipasang kembali (itu "
        "akan mengembalikan akun dan kunci yang sudah diganti). Jika tidak bisa masuk, periksa "
        "kata sandi atau gunakan kode pemulihan.",
        "This vault's key file is intact, so the previous copy is not put back (that would "
        "bring back accounts and keys already replaced). If you cannot log in, check the "
        "password or use the recovery code."),
    "error.withdrawal_reason_required": (
        "Tulis alasan mengapa penarikan persetujuan ini dibatalkan (misalnya: dicatat pada "
        "peserta yang salah).",
        "Write why this withdrawal of consent is taken back (for example: recorded for the "
        "wrong participant)."),
    "ui.care.withdraw.rejected_note": (
        "Penarikan persetujuan yang pernah dicatat telah dibatalkan. Alasan: {reason}",
        "A withdrawal of consent recorded earlier was taken back. Reason: {reason}"),
    "ui.care.withdraw.pending": (
        "Penarikan persetujuan dicatat oleh {by} (tanggal {date}) dan menunggu konfirmasi Admin "
        "atau Konselor untuk menghapus identitasnya.",
        "A withdrawal of consent was recorded by {by} (dated {date}) and waits for an Admin or "
        "Case worker to confirm erasing her identity."),
    "ui.care.withdraw.confirm": ("Konfirmasi dan anonimkan…", "Confirm and anonymise…"),
    "ui.care.withdraw.reject": ("Batalkan penarikan…", "Take the withdrawal back…"),
    "ui.care.withdraw.reject_reason": (
        "Mengapa penarikan ini dibatalkan (mis. salah peserta)? Persetujuannya berlaku lagi.",
        "Why is this withdrawal taken back (e.g. the wrong participant)? Her consent counts "
        "again."),
    "ui.care.withdraw.reject_ok": ("Batalkan penarikan", "Take it back"),
    "ui.screening.waitlist.withdrawals_title": ("Penarikan persetujuan menunggu konfirmasi",
                                                "Withdrawals of consent awaiting confirmation"),
    "ui.screening.waitlist.withdrawals_intro": (
        "Dicatat oleh staf; seorang Admin atau Konselor membuka datanya (klik dua kali) lalu "
        "mengonfirmasi atau membatalkan.",
        "Recorded by staff; an Admin or a Case worker opens her record (double-click), then "
        "confirms or takes it back."),
    "ui.screening.waitlist.withdrawal_col_code": ("Kode", "Code"),
    "ui.screening.waitlist.withdrawal_col_name": ("Nama", "Name"),
    "ui.screening.waitlist.withdrawal_col_date": ("Tanggal penarikan", "Date withdrawn"),
    "ui.screening.waitlist.withdrawal_col_by": ("Dicatat oleh", "Recorded by"),
    "ui.screening.waitlist.withdrawals_none": ("Tidak ada penarikan yang menunggu.",
                                               "No withdrawal is waiting."),
}
