"""Texts of the main window, the register, the intake form and the lock screen."""

from __future__ import annotations

UI: dict[str, tuple[str, str]] = {
    "ui.app_title": ("KDRT Desk", "KDRT Desk"),
    "ui.error_title": ("Perlu diperbaiki", "Needs fixing"),
    "ui.crash_title": ("Terjadi kesalahan", "Something went wrong"),
    "ui.crash_intro": ("Terjadi kesalahan; data Anda aman. KDRT Desk menemui kesalahan yang "
                       "tidak terduga, dan yang sudah tersimpan tidak hilang. Simpan laporan ini "
                       "dan kirimkan ke pengelola aplikasi; laporan tidak memuat nama atau data "
                       "peserta.",
                       "Something went wrong; your data is safe. KDRT Desk hit an unexpected "
                       "error, and what was saved is not lost. Save this report and send it to "
                       "whoever maintains the app; it holds no names or participant data."),
    "ui.crash_save": ("Simpan laporan…", "Save report…"),
    "ui.crash_close": ("Tutup", "Close"),
}

UI.update({
    # main window
    "ui.main.tab_register": ("Peserta", "Participants"),
    "ui.main.tab_waitlist": ("Daftar tunggu", "Waitlist"),
    "ui.main.tab_dashboard": ("Dasbor", "Dashboard"),
    "ui.main.tab_groups": ("Kelompok", "Groups"),
    "ui.main.tab_sessions": ("Sesi dan kehadiran", "Sessions and attendance"),
    "ui.main.tab_catalogue": ("Katalog program", "Programme catalogue"),
    "ui.main.criteria": ("Kriteria kelayakan…", "Eligibility criteria…"),
    "ui.main.partners": ("Mitra…", "Partners…"),
    "ui.main.tab_accounts": ("Akun staf", "Staff accounts"),
    "ui.main.tab_audit": ("Log audit", "Audit log"),
    "ui.main.signed_in": ("Masuk sebagai {user} ({role})", "Signed in as {user} ({role})"),
    "ui.main.lock_button": ("Kunci layar ({key})", "Lock screen ({key})"),
    "ui.main.menu_file": ("&Berkas", "&File"),
    "ui.main.menu_language": ("Ba&hasa", "&Language"),
    "ui.main.menu_help": ("Ba&ntuan", "&Help"),
    "ui.main.change_password": ("Ganti kata sandi saya…", "Change my password…"),
    "ui.main.settings": ("Pengaturan…", "Settings…"),
    "ui.main.new_recovery_sheet": ("Buat lembar pemulihan baru…", "Make a new recovery sheet…"),
    "ui.main.new_recovery_explain": (
        "Kode pemulihan baru akan dibuat dan disimpan sebagai PDF. Setelah itu kode lama TIDAK "
        "berlaku lagi: hancurkan lembar lama. Lanjutkan?",
        "A new recovery code will be made and saved as a PDF. After that the old code NO "
        "longer works: destroy the old sheet. Continue?"),
    "ui.main.new_recovery_done": (
        "Lembar pemulihan baru disimpan di {path}. Cetak, simpan di tempat terkunci, lalu "
        "hapus berkas PDF-nya.",
        "The new recovery sheet was saved to {path}. Print it, lock it away, then delete the "
        "PDF file."),
    "ui.main.find": ("Cari…", "Find…"),
    "ui.main.lock_now": ("Kunci sekarang", "Lock now"),
    "ui.main.logout": ("Keluar akun", "Log out"),
    "ui.main.quit": ("Tutup aplikasi", "Quit"),
    "ui.main.about": ("Tentang KDRT Desk", "About KDRT Desk"),
    "ui.main.saved": ("Data {code} tersimpan.", "{code} saved."),
    "ui.main.unsaved_forms": ("Ada formulir yang belum disimpan. Tetap keluar dan buang "
                              "perubahannya?",
                              "Some forms have unsaved changes. Leave anyway and discard them?"),
    # register
    "ui.register.search_hint": ("Cari nama, kode, NIK (lengkap/6 digit akhir) atau telepon "
                                "(lengkap/4 digit akhir)…",
                                "Search name, code, NIK (whole/last 6 digits) or phone "
                                "(whole/last 4 digits)…"),
    "ui.register.search_hint_limited": ("Cari nama atau kode…", "Search name or code…"),
    "ui.register.all_statuses": ("Semua status", "All statuses"),
    "ui.register.all_kecamatan": ("Semua kecamatan", "All kecamatan"),
    "ui.register.new": ("Daftarkan peserta baru…", "Register a participant…"),
    "ui.register.count": ("{count} peserta ditampilkan", "{count} {count:participant|participants} shown"),
    "ui.register.facilitator_note": (
        "Fasilitator hanya melihat peserta aktif di kelompok yang ia dampingi, tanpa data "
        "kontak.",
        "Facilitators see only the active members of their own groups, without contact "
        "details."),
    "ui.register.col_code": ("Kode", "Code"),
    "ui.register.col_full_name": ("Nama lengkap", "Full name"),
    "ui.register.col_preferred_name": ("Nama panggilan", "Preferred name"),
    "ui.register.col_nik": ("NIK", "NIK"),
    "ui.register.col_phone": ("Telepon", "Phone"),
    "ui.register.col_status": ("Status", "Status"),
    "ui.register.col_kecamatan": ("Kecamatan", "Kecamatan"),
    "ui.register.col_registered_on": ("Tanggal daftar", "Registered on"),
    "ui.register.col_risk_level": ("Risiko", "Risk"),
    # lock screen
    "ui.lock.title": ("KDRT Desk terkunci", "KDRT Desk is locked"),
    "ui.lock.info": ("Masukkan kata sandi {user} untuk membuka kembali.",
                     "Enter {user}'s password to unlock."),
    "ui.lock.password": ("Kata sandi", "Password"),
    "ui.lock.unlock": ("Buka kunci", "Unlock"),
    "ui.lock.logout": ("Keluar akun / ganti pengguna", "Log out / switch user"),
    # participant form
    "ui.form.title_new": ("Peserta baru", "New participant"),
    "ui.form.title_edit": ("Data peserta", "Participant"),
    "ui.form.title_edit_code": ("Data peserta {code}", "Participant {code}"),
    "ui.form.required_hint": ("Isian bertanda * wajib diisi. Ctrl+S untuk menyimpan.",
                              "Fields marked * are required. Ctrl+S saves."),
    "ui.form.tab_identity": ("Identitas", "Identity"),
    "ui.form.tab_contact": ("Kontak && keamanan", "Contact && safety"),
    "ui.form.tab_household": ("Keluarga && ekonomi", "Household && income"),
    "ui.form.tab_consent": ("Persetujuan", "Consent"),
    "ui.form.tab_screening": ("Asesmen awal", "Screening"),
    "ui.form.tab_services": ("Layanan", "Services"),
    "ui.form.tab_timeline": ("Riwayat", "Timeline"),
    "ui.form.high_risk": ("⚠ RISIKO TINGGI menurut asesmen terakhir. Perhatikan rencana "
                          "keselamatannya dan pertimbangkan rujukan segera.",
                          "⚠ HIGH RISK according to the latest screening. Mind her safety "
                          "plan and consider an urgent referral."),
    "ui.form.tab_case": ("Latar kasus (rahasia)", "Case background (restricted)"),
    "ui.form.save": ("Simpan", "Save"),
    "ui.form.cancel": ("Batal", "Cancel"),
    "ui.form.close": ("Tutup", "Close"),
    "ui.form.read_only_hint": ("Hanya baca: peran Anda dapat melihat catatan ini tetapi tidak "
                               "mengubahnya.",
                               "Read-only: your role may see this record but not change it."),
    "ui.form.date_hint": ("hh/bb/tttt, mis. 15/03/1990", "dd/mm/yyyy, e.g. 15/03/1990"),
    "ui.form.abuser_suggestion": ("Karena ia tinggal bersama pelaku, \"tidak aman ditelepon\" "
                                  "dan \"jangan pernah hubungi di rumah\" sudah dipilih. Ubah "
                                  "bila ia berkata lain.",
                                  "Because she lives with the abuser, \"not safe to call\" and "
                                  "\"never contact at home\" are chosen. Change them if she "
                                  "says otherwise."),
    "ui.form.choose": ("— pilih —", "— choose —"),
    "ui.form.unknown": ("tidak diketahui", "unknown"),
    "ui.form.code": ("Kode peserta", "Participant code"),
    "ui.form.code_new": ("(dibuat otomatis saat disimpan)", "(made when saved)"),
    "ui.form.full_name": ("Nama lengkap", "Full name"),
    "ui.form.preferred_name": ("Nama panggilan", "Preferred name"),
    "ui.form.nik": ("NIK", "NIK"),
    "ui.form.nik_hint": ("16 angka; kosongkan bila tidak punya KTP",
                         "16 digits; leave empty if she has no ID"),
    "ui.form.birth_date": ("Tanggal lahir", "Date of birth"),
    "ui.form.birth_date_known": ("diketahui", "known"),
    "ui.form.estimated_age": ("Perkiraan usia (tahun)", "Estimated age (years)"),
    "ui.form.birth_place": ("Tempat lahir", "Place of birth"),
    "ui.form.phone": ("Nomor HP/telepon", "Phone"),
    "ui.form.safe_to_call": ("Aman ditelepon?", "Safe to call?"),
    "ui.form.safe_call_times": ("Waktu aman menelepon", "Safe times to call"),
    "ui.form.safe_call_times_hint": ("mis. Senin–Jumat 09.00–11.00 saat suami bekerja",
                                     "e.g. Mon–Fri 09.00–11.00 while he is at work"),
    "ui.form.trusted_contact_name": ("Kontak tepercaya", "Trusted contact"),
    "ui.form.trusted_contact_phone": ("Telepon kontak tepercaya", "Trusted contact's phone"),
    "ui.form.never_contact_at_home": ("Jangan pernah menghubungi/mendatangi di rumah",
                                      "Never contact or visit at home"),
    "ui.form.living_situation": ("Tempat tinggal sekarang", "Current living situation"),
    "ui.form.kecamatan": ("Kecamatan", "Kecamatan"),
    "ui.form.kelurahan": ("Kelurahan", "Kelurahan"),
    "ui.form.marital_status": ("Status perkawinan", "Marital status"),
    "ui.form.children_count": ("Jumlah anak", "Number of children"),
    "ui.form.children_ages": ("Usia anak-anak", "Children's ages"),
    "ui.form.children_ages_hint": ("pisahkan dengan koma, mis. 3, 7, 12",
                                   "separate with commas, e.g. 3, 7, 12"),
    "ui.form.dependants": ("Jumlah tanggungan", "Dependants"),
    "ui.form.education": ("Pendidikan terakhir", "Education"),
    "ui.form.occupation": ("Pekerjaan", "Occupation"),
    "ui.form.monthly_income": ("Penghasilan per bulan", "Monthly income"),
    "ui.form.economic_dependence": ("Ketergantungan ekonomi pada pelaku",
                                    "Economic dependence on the abuser"),
    "ui.form.restricted_notice": ("Bagian rahasia: hanya Admin dan Konselor yang dapat melihat. "
                                  "Setiap pembukaan dicatat di log audit.",
                                  "Restricted: only Admins and case workers can see this. Every "
                                  "opening is recorded in the audit log."),
    "ui.form.restricted_closed": ("Latar kasus bersifat rahasia. Buka hanya bila perlu untuk "
                                  "pendampingan; pembukaan akan dicatat atas nama Anda.",
                                  "The case background is restricted. Open it only when needed "
                                  "for her support; the opening is recorded under your name."),
    "ui.form.restricted_open": ("Buka latar kasus", "Open case background"),
    "ui.form.violence_forms": ("Bentuk kekerasan", "Forms of violence"),
    "ui.form.perpetrator_relation": ("Hubungan dengan pelaku", "Relation to the perpetrator"),
    "ui.form.duration_months": ("Lama kekerasan", "Duration"),
    "ui.form.months_suffix": (" bulan", " months"),
    "ui.form.reported_to_police": ("Sudah dilaporkan ke polisi", "Reported to the police"),
    "ui.form.legal_proceedings": ("Proses hukum", "Legal proceedings"),
    "ui.form.referral_source": ("Sumber rujukan", "Referral source"),
    "ui.form.referral_other": ("Sumber rujukan lainnya", "Other referral source"),
    "ui.form.safety_notes": ("Catatan keamanan", "Safety notes"),
    "ui.form.consent_date": ("Tanggal persetujuan", "Consent date"),
    "ui.form.consent_scopes": ("Yang disetujui", "Consented to"),
    "ui.form.recorded_by": ("Dicatat oleh", "Recorded by"),
    "ui.form.withdrawn": ("ditarik", "withdrawn"),
    "ui.form.consent_withdrawn": ("Persetujuan ditarik", "Consent withdrawn"),
    "ui.form.status": ("Status", "Status"),
    "ui.form.registered_on": ("Tanggal pendaftaran", "Registration date"),
    "ui.form.duplicates_title": ("Kemungkinan data ganda", "Possible duplicates"),
    "ui.form.duplicates_text": ("Peserta berikut mungkin orang yang sama:\n\n{lines}\n\n"
                                "Tetap simpan sebagai data terpisah?",
                                "These participants may be the same person:\n\n{lines}\n\n"
                                "Save as a separate record anyway?"),
    "ui.form.duplicate_nik": ("NIK sama", "same NIK"),
    "ui.form.duplicate_name_birth_date": ("nama mirip, tanggal lahir sama",
                                          "similar name, same date of birth"),
    "ui.form.discard_title": ("Buang perubahan?", "Discard changes?"),
    "ui.form.discard_text": ("Perubahan pada formulir ini belum disimpan. Tutup dan buang?",
                             "This form has unsaved changes. Close and discard them?"),
})
