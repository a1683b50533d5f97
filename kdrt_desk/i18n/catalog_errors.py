"""Error messages raised by the services: what is wrong and how to fix it."""

from __future__ import annotations

ERRORS: dict[str, tuple[str, str]] = {
    "error.validation": ("Ada {count} isian yang perlu diperbaiki (lihat pesan di samping isian).",
                         "{count} {count:field needs|fields need} fixing (see the message beside each field)."),
    "error.permission_denied": ("Peran Anda tidak diizinkan melakukan ini. Minta bantuan Admin.",
                                "Your role is not allowed to do this. Ask an Admin."),
    "error.required": ("Wajib diisi.", "Required."),
    "error.too_long": ("Terlalu panjang: paling banyak {limit} karakter.",
                       "Too long: at most {limit} characters."),
    "error.number_range": ("Isi angka dari {low} sampai {high}.",
                           "Enter a number from {low} to {high}."),
    "error.date_future": ("Tanggal tidak boleh di masa depan.",
                          "The date cannot be in the future."),
    # accounts and login
    "error.wrong_login": ("Nama pengguna atau kata sandi salah. Periksa Caps Lock lalu coba lagi.",
                          "Wrong username or password. Check Caps Lock and try again."),
    "error.account_locked": (
        "Akun ini dikunci karena 5 kali salah kata sandi. Coba lagi dalam {minutes} menit.",
        "This account is locked after 5 wrong passwords. Try again in {minutes} {minutes:minute|minutes}."),
    "error.account_inactive": ("Akun ini tidak aktif. Minta Admin mengaktifkannya kembali.",
                               "This account is inactive. Ask an Admin to reactivate it."),
    "error.account_unknown": ("Akun '{name}' tidak ada.", "There is no account '{name}'."),
    "error.username_format": (
        "Nama pengguna 3–30 karakter: huruf kecil, angka, titik, minus atau garis bawah, "
        "diawali huruf (contoh: sari.admin).",
        "Usernames are 3–30 characters: lower-case letters, digits, dot, minus or underscore, "
        "starting with a letter (e.g. sari.admin)."),
    "error.username_taken": ("Nama pengguna ini sudah dipakai. Pilih nama lain.",
                             "This username is taken. Choose another one."),
    "error.password_short": ("Kata sandi minimal {minimum} karakter. Gunakan kalimat pendek "
                             "yang mudah Anda ingat.",
                             "Passwords need at least {minimum} characters. A short sentence "
                             "you remember works well."),
    "error.password_is_username": ("Kata sandi tidak boleh sama dengan nama pengguna.",
                                   "The password must differ from the username."),
    "error.password_mismatch": ("Kedua kata sandi tidak sama. Ketik ulang.",
                                "The two passwords differ. Type them again."),
    "error.old_password_wrong": ("Kata sandi lama salah.", "The old password is wrong."),
    "error.role_unknown": ("Pilih peran: admin, konselor, fasilitator atau staf.",
                           "Choose a role: admin, konselor, fasilitator or staf."),
    "error.cannot_deactivate_self": ("Anda tidak dapat menonaktifkan akun Anda sendiri.",
                                     "You cannot deactivate your own account."),
    "error.reactivate_needs_password": ("Untuk mengaktifkan kembali, atur ulang kata sandinya.",
                                        "To reactivate the account, reset its password."),
    "error.last_admin": ("Harus ada minimal satu Admin aktif.",
                         "At least one active Admin is needed."),
    # vault and files
    "error.vault_exists": ("Folder ini sudah berisi brankas KDRT Desk. Pilih folder kosong, "
                           "atau buka brankas yang ada.",
                           "This folder already holds a KDRT Desk vault. Choose an empty "
                           "folder or open the existing vault."),
    "error.vault_missing": ("Belum ada brankas di folder ini. Buat brankas baru dulu atau "
                            "pilih folder data yang benar.",
                            "There is no vault in this folder yet. Create one first or "
                            "choose the right data folder."),
    "error.vault_in_use": ("Brankas ini sedang dibuka oleh KDRT Desk lain. Tutup jendela itu "
                           "dulu, lalu coba lagi.",
                           "This vault is open in another KDRT Desk window. Close that one "
                           "first, then try again."),
    "error.keyfile_missing": ("Berkas kunci (kdrt.keys) tidak ditemukan di folder data. "
                              "Kembalikan dari cadangan; tanpa berkas itu data tidak dapat dibuka.",
                              "The key file (kdrt.keys) is missing from the data folder. Restore "
                              "it from a backup; without it the data cannot be opened."),
    "error.keyfile_too_new": ("Berkas kunci dibuat oleh versi KDRT Desk yang lebih baru. "
                              "Perbarui aplikasi ini.",
                              "The key file was made by a newer KDRT Desk. Update this app."),
    "error.keyfile_foreign": ("Berkas kunci ini milik brankas lain. Letakkan kdrt.keys yang "
                              "benar di samping kdrt.db.",
                              "This key file belongs to another vault. Put the matching "
                              "kdrt.keys beside kdrt.db."),
    "error.database_damaged": ("Berkas data (kdrt.db) rusak atau tidak cocok dengan berkas kunci. "
                               "Kembalikan dari cadangan; tidak ada yang ditimpa.",
                               "The data file (kdrt.db) is damaged or does not match the key "
                               "file. Restore it from a backup; nothing was overwritten."),
    "error.database_foreign": ("kdrt.db bukan brankas KDRT Desk (berkas SQLite biasa). "
                               "Pilih folder data yang benar.",
                               "kdrt.db is not a KDRT Desk vault (a plain SQLite file). "
                               "Choose the right data folder."),
    "error.file_unreadable": ("Berkas di folder data tidak dapat dibaca. Periksa izin folder.",
                              "A file in the data folder cannot be read. Check the folder's "
                              "permissions."),
    "error.file_unwritable": ("Berkas di folder data tidak dapat ditulis. Tidak ada yang hilang; "
                              "periksa folder lalu coba lagi.",
                              "A file in the data folder cannot be written. Nothing was lost; "
                              "check the folder and try again."),
    "error.output_locked": (
        "Berkas {path} tidak dapat ditulis: mungkin sedang dibuka program lain (misalnya "
        "pembaca PDF atau Excel), atau foldernya hanya-baca. Tutup berkas itu atau pilih folder "
        "lain, lalu coba lagi. Tidak ada yang berubah.",
        "{path} cannot be written: it may be open in another program (a PDF reader or Excel, "
        "say), or the folder is read-only. Close the file or choose another folder, then try "
        "again. Nothing was changed."),
    "error.folder_read_only": ("Folder data hanya-baca atau tidak diizinkan. Pilih folder lain "
                               "atau minta izin tulis. Tidak ada yang hilang.",
                               "The data folder is read-only or not allowed. Choose another "
                               "folder or get write access. Nothing was lost."),
    "error.disk_full": ("Disk penuh. Kosongkan ruang disk lalu simpan lagi; data yang sudah "
                        "tersimpan aman.",
                        "The disk is full. Free some space and save again; what was already "
                        "saved is safe."),
    "error.keyring_secret_missing": (
        "Rahasia instalasi tidak ada di {store} komputer/akun ini (komputer baru?). Buka "
        "dengan kode pemulihan dari lembar pemulihan.",
        "The installation secret is not in {store} of this computer/account (a new PC?). Open "
        "the vault with the recovery code from the recovery sheet."),
    "error.keyring_unwritable": ("Rahasia tidak dapat disimpan di {store}.",
                                 "The secret could not be stored in {store}."),
    "error.keyring_unavailable_for_restore": (
        "Komputer ini tidak punya penyimpanan kredensial yang aman ({store} tidak tersedia), "
        "jadi brankas ini tidak dapat dipulihkan di sini. Gunakan komputer yang punya.",
        "This computer has no secure credential store ({store} is not available), so this "
        "vault cannot be restored here. Use a computer that has one."),
    "error.recovery_code_format": ("Kode pemulihan terdiri dari 7 kelompok 4 karakter "
                                   "(contoh ABCD-EFGH-…). Periksa lagi.",
                                   "A recovery code has 7 groups of 4 characters "
                                   "(e.g. ABCD-EFGH-…). Check it again."),
    "error.recovery_code_wrong": ("Kode pemulihan tidak cocok dengan brankas ini.",
                                  "The recovery code does not match this vault."),
    "warning.password_only": (
        "Peringatan: komputer ini tidak punya penyimpanan kredensial OS. Brankas hanya "
        "dilindungi kata sandi; gunakan kata sandi yang panjang.",
        "Warning: this computer has no OS credential store. The vault is protected by "
        "passwords only; use long passwords."),
    # settings
    "error.idle_minutes_range": ("Kunci otomatis: isi 1 sampai 120 menit.",
                                 "Auto-lock: enter 1 to 120 minutes."),
    "error.panic_key_unknown": ("Pilih tombol panik dari daftar.",
                                "Choose a panic key from the list."),
    "error.language_unknown": ("Bahasa: pilih Indonesia atau English.",
                               "Language: choose Indonesia or English."),
    # participants
    "error.participant_unknown": ("Peserta ini tidak ditemukan (mungkin sudah dihapus).",
                                  "This participant was not found."),
    "error.edited_elsewhere": ("Data ini baru saja diubah orang lain. Tutup lalu buka lagi untuk "
                               "melihat versi terbaru; perubahan Anda belum disimpan.",
                               "Someone else changed this record meanwhile. Close and reopen it "
                               "to see the latest version; your changes were not saved."),
    "error.full_name_required": ("Nama lengkap wajib diisi.", "Full name is required."),
    "error.full_name_invalid": ("Nama lengkap minimal 2 huruf.",
                                "The full name needs at least 2 letters."),
    "error.birth_date_future": ("Tanggal lahir tidak boleh di masa depan.",
                                "The date of birth cannot be in the future."),
    "error.age_range": ("Usia harus {low}–{high} tahun. Periksa tanggal lahir atau perkiraan usia.",
                        "Age must be {low}–{high} years. Check the date of birth or estimated "
                        "age."),
    "error.birth_or_age_required": ("Isi tanggal lahir atau, bila tidak tahu, perkiraan usia.",
                                    "Enter the date of birth or, if unknown, an estimated age."),
    "error.nik_length": ("NIK harus 16 angka (tanpa huruf). Kosongkan bila tidak punya.",
                         "The NIK must be 16 digits. Leave it empty if she has none."),
    "error.nik_date": ("Angka ke-7 s.d. 12 NIK bukan tanggal lahir yang mungkin. Periksa lagi.",
                       "Digits 7–12 of the NIK are not a possible date of birth. Check it."),
    "error.nik_serial": ("Empat angka terakhir NIK tidak boleh 0000.",
                         "The last four NIK digits cannot be 0000."),
    "error.nik_province": ("Dua angka pertama NIK bukan kode provinsi. Periksa lagi.",
                           "The first two NIK digits are not a province code. Check it."),
    "error.nik_not_female": ("Tanggal pada NIK perempuan ditambah 40 (mis. 45 untuk tanggal 5). "
                             "NIK ini tercatat laki-laki; periksa lagi.",
                             "For women the NIK day has 40 added (e.g. 45 for the 5th). This "
                             "NIK is a man's; check it."),
    "error.nik_birth_mismatch": ("Tanggal lahir pada NIK tidak sama dengan tanggal lahir yang "
                                 "diisi. Periksa salah satunya.",
                                 "The date of birth in the NIK differs from the date of birth "
                                 "entered. Check one of them."),
    "error.phone_characters": ("Nomor telepon hanya boleh berisi angka, spasi, +, - dan ( ).",
                               "A phone number may only hold digits, spaces, +, - and ( )."),
    "error.phone_length": ("Panjang nomor telepon tidak wajar. Contoh: 0812-3456-7890 atau "
                           "(0711) 354321.",
                           "The phone number has an unusual length. E.g. 0812-3456-7890 or "
                           "(0711) 354321."),
    "error.phone_prefix": ("Nomor harus diawali 08, +62 atau kode area (0711). "
                           "Contoh: 0812-3456-7890.",
                           "The number must start with 08, +62 or an area code (0711). "
                           "E.g. 0812-3456-7890."),
    "error.safe_call_times_required": ("Tulis kapan aman menelepon (mis. Senin–Jumat 09.00–11.00).",
                                       "Say when it is safe to call (e.g. Mon–Fri 09.00–11.00)."),
    "error.kecamatan_required": ("Pilih salah satu dari 18 kecamatan di Palembang.",
                                 "Choose one of Palembang's 18 kecamatan."),
    "error.children_ages_count": ("Isi usia untuk setiap anak ({count} anak), dipisah koma.",
                                  "Give an age for each child ({count}), separated by commas."),
    "error.children_ages_range": ("Usia anak harus 0–60 tahun.",
                                  "Children's ages must be 0–60 years."),
    "error.income_range": ("Penghasilan harus angka Rupiah 0 atau lebih (contoh 1.500.000).",
                           "Income must be a Rupiah amount of 0 or more (e.g. 1.500.000)."),
    "error.consent_required": (
        "Catat dulu persetujuan penggunaan data (tanggal dan centang 'Penggunaan data untuk "
        "program'); tanpa itu data tidak boleh disimpan.",
        "Record consent to data use first (date and the 'Data use for the programme' box); "
        "without it the data may not be stored."),
    "error.withdrawal_date": ("Tanggal penarikan harus sesudah tanggal persetujuan dan tidak di "
                              "masa depan.",
                              "The withdrawal date must follow the consent date and not be in "
                              "the future."),
    "error.referral_other_required": ("Tulis sumber rujukan lainnya.",
                                      "Say which other referral source."),
    "error.choice_unknown": ("Pilihan tidak dikenal. Pilih salah satu dari daftar.",
                             "Unknown choice. Pick one from the list."),
    "error.withdraw_via_consent": (
        "Penarikan persetujuan penggunaan data dicatat lewat tombol 'Tarik persetujuan "
        "penggunaan data…' (datanya akan dianonimkan), bukan dengan mengubah tanggal ini.",
        "Withdrawal of consent to data use is recorded with the 'Withdraw consent to data "
        "use…' button (her record is anonymised), not by changing this date."),
    "error.not_a_number": ("Isi angka saja.", "Enter a number."),
    "error.date_format": ("Tanggal tidak dikenali. Contoh: 27-11-2026.",
                          "The date is not recognised. E.g. 27-11-2026."),
    "error.typed_date_format": ("Tulis tanggal sebagai hari/bulan/tahun, mis. 15/03/1990.",
                                "Write the date as day/month/year, e.g. 15/03/1990."),
    "error.date_impossible": ("Tanggal {text} tidak ada di kalender. Periksa hari dan bulannya "
                              "(hari/bulan/tahun).",
                              "There is no date {text} in the calendar. Check the day and the "
                              "month (day/month/year)."),
    "error.safety_unset": ("Pilih salah satu: cara menghubunginya dengan aman bergantung pada "
                           "jawaban ini.",
                           "Choose one: how to reach her safely depends on this answer."),
}
