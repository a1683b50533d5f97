"""Texts of the access screens: the first-run wizard, the login and the recovery dialog."""

from __future__ import annotations

UI_ACCESS: dict[str, tuple[str, str]] = {
    # shared
    "ui.access.username": ("Nama pengguna", "Username"),
    "ui.access.password": ("Kata sandi", "Password"),
    "ui.access.password_repeat": ("Ulangi kata sandi", "Repeat password"),
    "ui.access.password_rules": (
        "Kata sandi minimal {minimum} karakter dan tidak boleh sama dengan nama pengguna. "
        "Kalimat pendek yang mudah Anda ingat paling baik, misalnya: kopi pagi di Plaju 7.",
        "A password needs at least {minimum} characters and must differ from the username. "
        "A short sentence you remember works best, e.g.: morning coffee in Plaju 7."),
    "ui.access.cancel": ("Batal", "Cancel"),
    "ui.access.back": ("< Kembali", "< Back"),
    "ui.access.next": ("Lanjut >", "Next >"),
    "ui.access.finish": ("Selesai", "Finish"),
    # setup wizard, page 1
    "ui.access.setup_window_title": ("KDRT Desk — Persiapan pertama", "KDRT Desk — First setup"),
    "ui.access.welcome_title": ("Selamat datang di KDRT Desk", "Welcome to KDRT Desk"),
    "ui.access.welcome_intro": (
        "KDRT Desk membantu pusat Anda mencatat peserta program pemberdayaan, menyusun "
        "jadwal kegiatan, mengisi daftar hadir, mencetak sertifikat dan membuat laporan untuk "
        "mitra dan donor.",
        "KDRT Desk helps your centre keep its register of programme participants, plan the "
        "activity schedule, take attendance, print certificates and write reports for partners "
        "and donors."),
    "ui.access.welcome_encrypted": (
        "Semua data disimpan hanya di komputer ini dan selalu terkunci (dienkripsi). Tanpa "
        "kata sandi atau kode pemulihan, tidak ada orang yang dapat membacanya — juga bila "
        "komputer ini hilang atau dicuri.",
        "All data stays on this computer only and is always locked (encrypted). Without a "
        "password or the recovery code nobody can read it — even if this computer is lost or "
        "stolen."),
    "ui.access.centre_name": ("Nama pusat", "Centre name"),
    "ui.access.centre_name_hint": ("mis. Rumah Aman Perempuan Palembang",
                                   "e.g. Rumah Aman Perempuan Palembang"),
    "ui.access.centre_address": ("Alamat pusat", "Centre address"),
    "ui.access.centre_address_hint": ("mis. Jl. Merdeka No. 1, Bukit Kecil, Palembang",
                                      "e.g. Jl. Merdeka No. 1, Bukit Kecil, Palembang"),
    "ui.access.required_note": ("Isian bertanda * wajib diisi. Nama dan alamat pusat dicetak "
                                "pada lembar pemulihan dan laporan; dapat diubah nanti.",
                                "Fields marked * are required. The centre's name and address "
                                "are printed on the recovery sheet and reports; you can change "
                                "them later."),
    # setup wizard, page 2
    "ui.access.admin_title": ("Akun Admin pertama", "The first Admin account"),
    "ui.access.admin_intro": (
        "Buat akun untuk orang yang mengelola aplikasi ini. Admin dapat menambah akun untuk "
        "staf lain nanti. Setiap orang sebaiknya punya akun sendiri.",
        "Create the account of the person who looks after this app. The Admin can add "
        "accounts for other staff later. Everyone should have an account of their own."),
    "ui.access.no_keyring_setup": (
        "Perhatian: komputer ini tidak punya penyimpanan kredensial sistem ({store}). Data "
        "hanya dilindungi oleh kata sandi, jadi pilih kata sandi yang panjang.",
        "Please note: this computer has no system credential store ({store}). The data is "
        "protected by passwords only, so choose a long password."),
    "ui.access.username_hint": ("mis. sari.admin", "e.g. sari.admin"),
    "ui.access.display_name": ("Nama tampilan", "Display name"),
    "ui.access.display_name_hint": ("mis. Ibu Sari", "e.g. Ibu Sari"),
    "ui.access.create_vault": ("Buat brankas", "Create vault"),
    "ui.access.creating_vault": ("Sedang membuat brankas data yang terenkripsi. Mohon tunggu "
                                 "sebentar…",
                                 "Creating the encrypted data vault. Please wait a moment…"),
    # setup wizard, page 3
    "ui.access.recovery_title": ("Lembar pemulihan", "The recovery sheet"),
    "ui.access.recovery_intro": (
        "Brankas sudah dibuat. Langkah terakhir sangat penting: simpan lembar pemulihan. "
        "Lembar ini berisi kode pemulihan — kunci cadangan untuk membuka data bila semua "
        "kata sandi Admin terlupa, atau bila data dipindahkan ke komputer baru.",
        "The vault is ready. The last step matters a lot: save the recovery sheet. It holds "
        "the recovery code — a spare key that opens the data when every Admin password is "
        "forgotten, or when the data moves to a new computer."),
    "ui.access.recovery_keep_safe": (
        "Cetak lembar ini dan simpan di tempat terkunci, misalnya lemari arsip pimpinan. Siapa "
        "pun yang memegang kode ini dapat membuka semua data, jadi jangan difoto, jangan "
        "dikirim lewat WhatsApp atau email, dan hapus berkas PDF-nya setelah dicetak. Kode ini "
        "hanya ditampilkan sekarang.",
        "Print the sheet and keep it locked away, for example in the director's filing "
        "cabinet. Whoever holds this code can open all the data, so do not photograph it, do "
        "not send it by WhatsApp or e-mail, and delete the PDF once it is printed. The code is "
        "shown only now."),
    "ui.access.save_sheet": ("Simpan lembar pemulihan (PDF)…", "Save the recovery sheet (PDF)…"),
    "ui.access.save_sheet_title": ("Simpan lembar pemulihan", "Save the recovery sheet"),
    "ui.access.pdf_filter": ("Dokumen PDF (*.pdf)", "PDF documents (*.pdf)"),
    "ui.access.open_pdf": ("Buka PDF", "Open PDF"),
    "ui.access.sheet_saved": ("Lembar pemulihan tersimpan di: {path}",
                              "The recovery sheet was saved to: {path}"),
    "ui.access.sheet_save_failed": (
        "Lembar pemulihan tidak dapat disimpan di sana. Mungkin berkas itu sedang terbuka di "
        "program lain, atau folder itu tidak boleh ditulisi. Pilih tempat lain.",
        "The recovery sheet could not be saved there. The file may be open in another "
        "program, or the folder may not be writable. Choose another place."),
    "ui.access.show_code": ("Tampilkan kode pemulihan di layar (untuk dicatat tangan)",
                            "Show the recovery code on screen (to copy by hand)"),
    "ui.access.sheet_confirm": ("Saya sudah mencetak atau menyimpan lembar pemulihan di tempat "
                                "aman",
                                "I have printed or stored the recovery sheet in a safe place"),
    "ui.access.sheet_confirm_hint": ("Simpan lembar pemulihan dulu; setelah itu Anda dapat "
                                     "mencentang kotak di atas lalu menekan Selesai.",
                                     "Save the recovery sheet first; then you can tick the box "
                                     "above and press Finish."),
    "ui.access.leave_without_sheet": (
        "Lembar pemulihan belum disimpan. Tanpa lembar itu, data tidak dapat dibuka bila "
        "semua kata sandi Admin terlupa. Simpan lembar pemulihan dulu — atau tutup jendela "
        "ini sekali lagi bila Anda tetap ingin keluar.",
        "The recovery sheet has not been saved. Without it the data cannot be opened if "
        "every Admin password is forgotten. Save the recovery sheet first — or close this "
        "window once more if you really want to leave."),
    # login
    "ui.access.login_title": ("KDRT Desk — Masuk", "KDRT Desk — Sign in"),
    "ui.access.login_heading": ("Masuk ke KDRT Desk", "Sign in to KDRT Desk"),
    "ui.access.login_intro": ("Masukkan nama pengguna dan kata sandi Anda.",
                              "Enter your username and password."),
    "ui.access.language": ("Bahasa:", "Language:"),
    "ui.access.login_username_hint": ("mis. sari.admin", "e.g. sari.admin"),
    "ui.access.login_button": ("Masuk", "Sign in"),
    "ui.access.tries_left": ("Sisa {count} kali percobaan; setelah itu akun ini dikunci "
                             "selama {minutes} menit.",
                             "{count} {count:try|tries} left; after that this account is locked for "
                             "{minutes} {minutes:minute|minutes}."),
    "ui.access.now_locked": ("Akun ini sekarang dikunci selama {minutes} menit karena terlalu "
                             "sering salah kata sandi.",
                             "This account is now locked for {minutes} {minutes:minute|minutes} after too many "
                             "wrong passwords."),
    "ui.access.quit": ("Keluar", "Quit"),
    "ui.access.use_recovery_code": ("Lupa kata sandi / komputer baru? Pakai kode pemulihan",
                                    "Forgot the password / new computer? Use the recovery code"),
    "ui.access.checking": ("Sedang memeriksa…", "Checking…"),
    "ui.access.enter_username": ("Isi nama pengguna Anda.", "Enter your username."),
    "ui.access.enter_password": ("Isi kata sandi Anda.", "Enter your password."),
    "ui.access.recovered_note": ("Kata sandi baru sudah disimpan. Silakan masuk dengan kata "
                                 "sandi baru itu.",
                                 "The new password is saved. Please sign in with it."),
    # recovery dialog
    "ui.access.recovery_window_title": ("KDRT Desk — Kode pemulihan",
                                        "KDRT Desk — Recovery code"),
    "ui.access.recovery_heading": ("Buka dengan kode pemulihan", "Open with the recovery code"),
    "ui.access.recovery_code_intro": (
        "Ambil lembar pemulihan yang dicetak saat KDRT Desk pertama kali dipasang, lalu ketik "
        "kodenya di bawah. Setelah itu Anda dapat membuat kata sandi baru untuk satu akun.",
        "Take the recovery sheet printed when KDRT Desk was first set up and type its code "
        "below. Then you can set a new password for one account."),
    "ui.access.recovery_code": ("Kode pemulihan", "Recovery code"),
    "ui.access.recovery_code_hint": (
        "Kode terdiri dari 7 kelompok 4 huruf/angka. Huruf kecil, spasi atau tanda minus "
        "tidak masalah.",
        "The code has 7 groups of 4 letters/digits. Lower case, spaces or dashes do not "
        "matter."),
    "ui.access.open_with_code": ("Buka", "Open"),
    "ui.access.recovery_opened": ("Kode pemulihan benar. Pilih akun, lalu buat kata sandi "
                                  "barunya.",
                                  "The recovery code is correct. Choose the account and set "
                                  "its new password."),
    "ui.access.account": ("Akun", "Account"),
    "ui.access.account_inactive_mark": ("(tidak aktif — akan diaktifkan lagi)",
                                        "(inactive — will be reactivated)"),
    "ui.access.new_password": ("Kata sandi baru", "New password"),
    "ui.access.reset_change_later": (
        "Simpan lembar pemulihan kembali di tempat yang aman setelah selesai.",
        "Put the recovery sheet back in its safe place when you are done."),
    "ui.access.save_new_password": ("Simpan kata sandi baru", "Save the new password"),
}
