"""Screen texts of the certificates (sertifikat) screens: the "Sertifikat" tab (who is eligible,
issuing, the register), the verification dialog and the template dialog; and the labels of the
certificate enums (status, kind, border)."""

from __future__ import annotations

UI_CERTIFICATES: dict[str, tuple[str, str]] = {
    # enum labels (label(...) reads "enum.<Class>.<value>")
    "enum.CertificateStatus.valid": ("Berlaku", "Valid"),
    "enum.CertificateStatus.revoked": ("Dicabut", "Revoked"),
    "enum.CertificateStatus.reissued": ("Diganti", "Replaced"),
    "enum.CertificateKind.module": ("Modul", "Module"),
    "enum.CertificateKind.programme": ("Program lengkap", "Whole programme"),
    "enum.BorderStyle.none": ("Tanpa bingkai", "No border"),
    "enum.BorderStyle.line": ("Garis", "Line"),
    "enum.BorderStyle.double": ("Garis ganda", "Double line"),
    "enum.BorderStyle.corners": ("Bingkai dengan hiasan sudut", "Frame with ornamented corners"),
    # the main tab and the menu
    "ui.cert.tab": ("Sertifikat", "Certificates"),
    "ui.cert.menu_verify": ("Periksa sertifikat…", "Check a certificate…"),
    "ui.cert.menu_templates": ("Templat sertifikat…", "Certificate templates…"),
    "ui.cert.page_eligible": ("Memenuhi syarat", "Eligible"),
    "ui.cert.page_register": ("Register", "Register"),
    # eligible page
    "ui.cert.filter_module": ("Modul:", "Module:"),
    "ui.cert.filter_group": ("Kelompok:", "Group:"),
    "ui.cert.all": ("Semua", "All"),
    "ui.cert.show_close": ("Tampilkan yang hampir memenuhi syarat",
                           "Show those close to eligible"),
    "ui.cert.col_pick": ("Pilih", "Pick"),
    "ui.cert.col_name": ("Nama", "Name"),
    "ui.cert.col_code": ("Kode", "Code"),
    "ui.cert.col_course": ("Modul / program", "Module / programme"),
    "ui.cert.col_group": ("Kelompok", "Group"),
    "ui.cert.col_reason": ("Alasan", "Reason"),
    "ui.cert.col_hours": ("Jam", "Hours"),
    "ui.cert.col_dates": ("Tanggal", "Dates"),
    "ui.cert.col_held": ("Sudah punya", "Already holds"),
    "ui.cert.name_preferred": ("{name} (dipanggil {preferred})", "{name} (known as {preferred})"),
    "ui.cert.course_code": ("{course} ({code})", "{course} ({code})"),
    "ui.cert.close_reason": ("Belum: {reason}", "Not yet: {reason}"),
    "ui.cert.pick_all": ("Pilih semua yang memenuhi syarat", "Pick everyone eligible"),
    "ui.cert.template": ("Templat:", "Template:"),
    "ui.cert.use_preferred": ("Cetak nama panggilan", "Print the preferred name"),
    "ui.cert.use_preferred_hint": (
        "Dipakai untuk peserta yang mencatat nama panggilan; yang lain tetap nama lengkap.",
        "Used for participants with a preferred name; the others keep their full name."),
    "ui.cert.per_participant": ("Juga satu berkas per peserta", "Also one file per participant"),
    "ui.cert.preview": ("Pratinjau…", "Preview…"),
    "ui.cert.issue": ("Terbitkan…", "Issue…"),
    "ui.cert.count": (
        "{eligible} memenuhi syarat ({waiting} belum bersertifikat), {close} hampir; "
        "{picked} dipilih.",
        "{eligible} eligible ({waiting} without a certificate yet), {close} close; "
        "{picked} picked."),
    "ui.cert.none_eligible": (
        "Belum ada peserta yang memenuhi syarat untuk pilihan ini.",
        "Nobody is eligible for this choice yet."),
    "ui.cert.preview_title": ("Pratinjau sertifikat {name}", "Certificate preview: {name}"),
    "ui.cert.issue_title": ("Terbitkan sertifikat", "Issue certificates"),
    "ui.cert.save_batch": ("Simpan sertifikat untuk dicetak", "Save the certificates to print"),
    "ui.cert.choose_folder": ("Folder untuk satu berkas per peserta",
                              "Folder for one file per participant"),
    "ui.cert.confirm": (
        "Terbitkan {count} sertifikat?\n\n{count} nomor seri akan dipakai dan tidak pernah "
        "dipakai lagi. Berkas untuk dicetak: {path}",
        "Issue {count} {count:certificate|certificates}?\n\n{count} serial numbers will be taken and never used "
        "again. File to print: {path}"),
    "ui.cert.confirm_folder": ("Satu berkas per peserta di: {folder}",
                               "One file per participant in: {folder}"),
    "ui.cert.issuing": ("Menerbitkan {count} sertifikat…", "Issuing {count} {count:certificate|certificates}…"),
    "ui.cert.cancel": ("Batal", "Cancel"),
    "ui.cert.issued_one": ("Sertifikat {first} diterbitkan.", "Certificate {first} issued."),
    "ui.cert.issued_many": ("{count} sertifikat diterbitkan: {first} s.d. {last}.",
                            "{count} {count:certificate|certificates} issued: {first} to {last}."),
    "ui.cert.issued_where": ("Tersimpan di {path}.", "Saved to {path}."),
    "ui.cert.issued_open": ("Buka pratinjau untuk mencetak sekarang?",
                            "Open the preview to print now?"),
    "ui.cert.cancelled": ("Penerbitan dibatalkan: tidak ada sertifikat yang diterbitkan.",
                          "Issuing cancelled: no certificate was issued."),
    "ui.cert.batch_title": ("Sertifikat {first} s.d. {last}", "Certificates {first} to {last}"),
    # register page
    "ui.cert.search": ("Cari nomor, kode, nama, modul…", "Find a serial, code, name, module…"),
    "ui.cert.filter_status": ("Status:", "Status:"),
    "ui.cert.col_serial": ("Nomor seri", "Serial"),
    "ui.cert.tpl_unsaved_title": ("Perubahan belum disimpan", "Changes not saved"),
    "ui.cert.tpl_unsaved": ("Templat ini punya perubahan yang belum disimpan. Tutup dan buang "
                            "perubahannya?",
                            "This template has changes not saved. Close and throw them away?"),
    "ui.cert.col_vcode": ("Kode verifikasi", "Verification code"),
    "ui.cert.col_participant": ("Kode peserta", "Participant code"),
    "ui.cert.col_printed": ("Nama tercetak", "Name as printed"),
    "ui.cert.col_module": ("Modul", "Module"),
    "ui.cert.col_issued": ("Terbit", "Issued"),
    "ui.cert.col_status": ("Status", "Status"),
    "ui.cert.col_why": ("Alasan", "Reason"),
    "ui.cert.col_link": ("Diganti / mengganti", "Replaced by / replaces"),
    "ui.cert.name_not_kept": ("nama tidak disimpan", "name not kept"),
    "ui.cert.replaced_by": ("diganti {serial}", "replaced by {serial}"),
    "ui.cert.replaces": ("mengganti {serial}", "replaces {serial}"),
    "ui.cert.register_count": ("{shown} dari {total} sertifikat.",
                               "{shown} of {total} {total:certificate|certificates}."),
    "ui.cert.reprint": ("Cetak ulang…", "Reprint…"),
    "ui.cert.reissue": ("Terbitkan ulang…", "Reissue…"),
    "ui.cert.revoke": ("Cabut…", "Revoke…"),
    "ui.cert.verify": ("Periksa kode…", "Check a code…"),
    "ui.cert.reprint_title": ("Cetak ulang {serial}", "Reprint {serial}"),
    "ui.cert.revoke_title": ("Cabut sertifikat {serial}", "Revoke certificate {serial}"),
    "ui.cert.revoke_question": (
        "Mengapa sertifikat ini dicabut? Alasan ini disimpan di register; pemeriksa hanya "
        "diberi tahu bahwa sertifikat tidak berlaku.",
        "Why is this certificate revoked? The reason stays in the register; a verifier is only "
        "told that it is not valid."),
    "ui.cert.revoke_ok": ("Cabut", "Revoke"),
    "ui.cert.revoked": ("Sertifikat {serial} dicabut.", "Certificate {serial} revoked."),
    "ui.cert.reason_required": ("Tulis alasannya.", "Write the reason."),
    "ui.cert.reissue_title": ("Terbitkan ulang {serial}", "Reissue {serial}"),
    "ui.cert.reissue_intro": (
        "Sertifikat baru dengan nomor seri baru menggantikan {serial}; yang lama tercatat "
        "\"diganti\".",
        "A new certificate with a new serial replaces {serial}; the old one is marked "
        "\"replaced\"."),
    "ui.cert.reissue_reason": ("Alasan", "Reason"),
    "ui.cert.reissue_name": ("Nama yang dicetak", "Name to print"),
    "ui.cert.reissue_name_hint": (
        "Kosongkan untuk memakai nama yang sama; isi untuk membetulkan ejaan.",
        "Leave empty to keep the same name; fill in to correct the spelling."),
    "ui.cert.reissue_ok": ("Lanjut: pilih tempat simpan…", "Next: choose where to save…"),
    "ui.cert.reissued": ("Sertifikat {serial} menggantikan {old}.",
                         "Certificate {serial} replaces {old}."),
    # verify dialog
    "ui.cert.verify_title": ("Periksa sertifikat", "Check a certificate"),
    "ui.cert.verify_intro": (
        "Ketik kode verifikasi dari sertifikat, atau tempel teks hasil pindai kode QR. Nama di "
        "kertas boleh diisi untuk dicocokkan.",
        "Type the verification code from the certificate, or paste the text a QR scanner read. "
        "The name on the paper may be filled in to compare."),
    "ui.cert.verify_code": ("Kode atau teks QR", "Code or QR text"),
    "ui.cert.verify_code_example": ("misalnya 7KQ2-MX4P-9D3B", "for example 7KQ2-MX4P-9D3B"),
    "ui.cert.verify_name": ("Nama di kertas (boleh kosong)", "Name on the paper (optional)"),
    "ui.cert.verify_check": ("Periksa", "Check"),
    "ui.cert.verify_close": ("Tutup", "Close"),
    "ui.cert.verify_valid": ("ASLI DAN BERLAKU", "GENUINE AND VALID"),
    "ui.cert.verify_revoked": ("ASLI, TETAPI DICABUT: tidak berlaku lagi",
                               "GENUINE, BUT REVOKED: no longer valid"),
    "ui.cert.verify_reissued": ("ASLI, TETAPI SUDAH DIGANTI oleh {serial}: yang ini tidak "
                                "berlaku lagi",
                                "GENUINE, BUT REPLACED by {serial}: this one is no longer valid"),
    "ui.cert.verify_unknown": ("TIDAK DIKENAL: kode ini bukan sertifikat dari kami",
                               "UNKNOWN: this code is not one of our certificates"),
    "ui.cert.verify_tampered": (
        "TIDAK DAPAT DIPERCAYA: catatannya diubah di luar aplikasi. Jangan terima sertifikat "
        "ini; beri tahu Admin.",
        "NOT TO BE TRUSTED: its record was changed outside the app. Do not accept this "
        "certificate; tell an Admin."),
    "ui.cert.verify_valid_name_differs": (
        "ASLI, TETAPI NAMA DI KERTAS TIDAK COCOK: jangan terima kertas ini",
        "GENUINE, BUT THE NAME ON THE PAPER DOES NOT MATCH: do not accept this paper"),
    "ui.cert.verify_empty": ("Ketik kodenya dulu.", "Type the code first."),
    "ui.cert.verify_name_matches": ("Nama di kertas cocok dengan nama yang dicetak.",
                                    "The name on the paper matches the name printed."),
    "ui.cert.verify_name_differs": ("Nama di kertas TIDAK cocok dengan nama yang dicetak.",
                                    "The name on the paper does NOT match the name printed."),
    "ui.cert.verify_printed_name": ("Nama tercetak", "Name as printed"),
    "ui.cert.verify_course": ("Modul / program", "Module / programme"),
    "ui.cert.verify_date": ("Tanggal terbit", "Date issued"),
    # template dialog
    "ui.cert.tpl_title": ("Templat sertifikat", "Certificate templates"),
    "ui.cert.tpl_list": ("Templat", "Templates"),
    "ui.cert.tpl_show_archived": ("Tampilkan yang diarsipkan", "Show archived"),
    "ui.cert.tpl_new": ("Templat baru", "New template"),
    "ui.cert.tpl_archive": ("Arsipkan", "Archive"),
    "ui.cert.tpl_restore": ("Pulihkan", "Restore"),
    "ui.cert.tpl_archived_mark": ("{name} (diarsipkan)", "{name} (archived)"),
    "ui.cert.tpl_default_mark": ("{name} (bawaan, belum disimpan)", "{name} (default, not saved)"),
    "ui.cert.tpl_new_name": ("Templat baru", "New template"),
    "ui.cert.tpl_page_look": ("Tampilan", "Look"),
    "ui.cert.tpl_page_words": ("Kata-kata", "Wording"),
    "ui.cert.tpl_page_signatories": ("Penandatangan", "Signatories"),
    "ui.cert.tpl_page_partners": ("Logo mitra", "Partner logos"),
    "ui.cert.tpl_page_settings": ("Pengaturan", "Settings"),
    "ui.cert.tpl_name": ("Nama templat", "Template name"),
    "ui.cert.tpl_issuer": ("Nama penerbit", "Issuer name"),
    "ui.cert.tpl_issuer_hint": (
        "Nama yang netral (mitra pelatihan atau nama umum program). Sertifikat dapat dilihat "
        "pemberi kerja: jangan menyebut lembaga layanan.",
        "A neutral name (the training partner or the programme's public name). Employers may "
        "see the certificate: do not name the service."),
    "ui.cert.tpl_language": ("Bahasa", "Language"),
    "ui.cert.tpl_lang_id": ("Indonesia", "Indonesian"),
    "ui.cert.tpl_lang_en": ("English", "English"),
    "ui.cert.tpl_lang_both": ("Keduanya (Indonesia dengan bahasa Inggris di bawahnya)",
                              "Both (Indonesian with English below it)"),
    "ui.cert.tpl_primary": ("Warna utama", "Main colour"),
    "ui.cert.tpl_accent": ("Warna aksen", "Accent colour"),
    "ui.cert.tpl_pick_colour": ("Pilih warna", "Choose a colour"),
    "ui.cert.tpl_border": ("Bingkai", "Border"),
    "ui.cert.tpl_place": ("Tempat terbit", "Place of issue"),
    "ui.cert.tpl_logo": ("Logo", "Logo"),
    "ui.cert.tpl_choose_image": ("Pilih gambar…", "Choose an image…"),
    "ui.cert.tpl_remove_image": ("Hapus gambar", "Remove the image"),
    "ui.cert.tpl_no_image": ("(tanpa gambar)", "(no image)"),
    "ui.cert.tpl_image_filter": ("Gambar PNG atau JPEG (*.png *.jpg *.jpeg)",
                                 "PNG or JPEG images (*.png *.jpg *.jpeg)"),
    "ui.cert.tpl_image_unreadable": ("Berkas itu tidak dapat dibaca.", "That file cannot be read."),
    "ui.cert.tpl_title_id": ("Judul (Indonesia)", "Title (Indonesian)"),
    "ui.cert.tpl_title_en": ("Judul (bahasa Inggris)", "Title (English)"),
    "ui.cert.tpl_before_id": ("Sebelum nama (Indonesia)", "Before the name (Indonesian)"),
    "ui.cert.tpl_before_en": ("Sebelum nama (bahasa Inggris)", "Before the name (English)"),
    "ui.cert.tpl_after_id": ("Sesudah nama (Indonesia)", "After the name (Indonesian)"),
    "ui.cert.tpl_after_en": ("Sesudah nama (bahasa Inggris)", "After the name (English)"),
    "ui.cert.tpl_words_hint": (
        "{module}, {hours} dan {dates} diisi otomatis dengan modul, jam dan tanggal.",
        "{module}, {hours} and {dates} are filled in with the module, hours and dates."),
    "ui.cert.tpl_signatory": ("Penandatangan {number}", "Signatory {number}"),
    "ui.cert.tpl_sig_name": ("Nama", "Name"),
    "ui.cert.tpl_sig_title": ("Jabatan", "Title"),
    "ui.cert.tpl_sig_image": ("Tanda tangan", "Signature"),
    "ui.cert.tpl_signatories_hint": (
        "Paling banyak tiga. Penandatangan tanpa nama tidak dicetak. Gambar tanda tangan hasil "
        "pindai (PNG atau JPEG).",
        "Up to three. A signatory without a name is not printed. A scanned signature (PNG or "
        "JPEG)."),
    "ui.cert.tpl_partner": ("Mitra {number}", "Partner {number}"),
    "ui.cert.tpl_partner_name": ("Nama mitra", "Partner name"),
    "ui.cert.tpl_partners_hint": (
        "Paling banyak empat logo mitra, dicetak di bagian atas. Mitra tanpa gambar tidak "
        "dicetak.",
        "Up to four partner logos, printed at the top. A partner without an image is not "
        "printed."),
    "ui.cert.tpl_verify_url": ("Alamat verifikasi (URL)", "Verification address (URL)"),
    "ui.cert.tpl_verify_url_hint": (
        "Kode QR berisi alamat ini dengan kode sertifikat ({code} diganti kodenya). Kosongkan: "
        "kode QR berisi kodenya saja. Berlaku untuk semua templat.",
        "The QR code holds this address with the certificate's code ({code} is replaced by "
        "it). Empty: the QR code holds the code alone. For every template."),
    "ui.cert.tpl_programme": ("Nama umum program", "The programme's public name"),
    "ui.cert.tpl_programme_hint": (
        "Dicetak pada sertifikat program lengkap. Berlaku untuk semua templat.",
        "Printed on a whole-programme certificate. For every template."),
    "ui.cert.tpl_preview_with": ("Pratinjau dengan nama:", "Preview with the name of:"),
    "ui.cert.tpl_preview": ("Pratinjau dengan nama asli", "Preview with a real name"),
    "ui.cert.tpl_no_eligible": (
        "Belum ada peserta yang memenuhi syarat, jadi belum ada nama asli untuk pratinjau.",
        "Nobody is eligible yet, so there is no real name to preview with."),
    "ui.cert.tpl_save": ("Simpan", "Save"),
    "ui.cert.tpl_close": ("Tutup", "Close"),
    "ui.cert.tpl_saved": ("Templat {name} disimpan.", "Template {name} saved."),
    "ui.cert.tpl_archived": ("Templat {name} diarsipkan.", "Template {name} archived."),
    "ui.cert.tpl_restored": ("Templat {name} dipulihkan.", "Template {name} restored."),
}
