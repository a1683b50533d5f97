"""Texts of the certificate service: eligibility reasons and what is wrong with a request, a
template or an image, and how to fix it."""

from __future__ import annotations

CERTIFICATE_SERVICE: dict[str, tuple[str, str]] = {
    "certificate.reason.attendance": (
        "Hadir {attended} dari {held} sesi ({percent}%, minimal {minimum}%)",
        "Attended {attended} of {held} {held:session|sessions} ({percent}%, minimum {minimum}%)"),
    "certificate.reason.short": ("kurang {count} sesi", "{count} {count:session|sessions} short"),
    "certificate.reason.assessment_passed": ("asesmen keterampilan lulus",
                                             "skill assessment passed"),
    "certificate.reason.assessment_failed": ("asesmen keterampilan belum lulus",
                                             "skill assessment not passed yet"),
    "certificate.reason.assessment_missing": ("asesmen keterampilan belum dinilai",
                                              "skill assessment not recorded yet"),
    "certificate.reason.programme": ("Menyelesaikan seluruh program kelompok",
                                     "Completed the group's whole programme"),
    "certificate.name_not_kept": ("nama tidak disimpan", "name not kept"),
    "ui.admin.audit.action.certificates_issued": ("Sertifikat diterbitkan",
                                                  "Certificates issued"),
    "ui.admin.audit.action.certificate_reissued": ("Sertifikat diterbitkan ulang",
                                                   "Certificate reissued"),
    "ui.admin.audit.action.certificate_reprinted": ("Sertifikat dicetak ulang",
                                                    "Certificate printed again"),
    "ui.admin.audit.action.certificate_revoked": ("Sertifikat dicabut", "Certificate revoked"),
    "ui.admin.audit.action.certificate_verified": ("Sertifikat diperiksa keasliannya",
                                                   "Certificate verified"),
    "ui.admin.audit.action.certificate_settings_changed": (
        "Pengaturan sertifikat diubah", "Certificate settings changed"),
    "ui.admin.audit.action.certificate_template_archived": (
        "Templat sertifikat diarsipkan/dipulihkan", "Certificate template archived/restored"),
    "ui.admin.audit.action.certificate_template_saved": ("Templat sertifikat disimpan",
                                                         "Certificate template saved"),
    "error.certificate_none_chosen": (
        "Belum ada peserta yang dipilih. Centang peserta di daftar yang memenuhi syarat.",
        "No participant chosen. Tick participants in the eligible list."),
    "error.certificate_no_output": (
        "Pilih berkas PDF untuk dicetak atau folder untuk satu berkas per peserta.",
        "Choose a PDF file for the printer or a folder for one file per participant."),
    "error.certificate_files_not_placed": (
        "Sertifikat sudah diterbitkan dan tercatat, tetapi berkas {path} tidak dapat disimpan: "
        "{why} Cetak ulang dari Daftar Sertifikat; nomor seri dan kodenya tetap sama.",
        "The certificates were issued and recorded, but the file {path} could not be saved: "
        "{why} Print them again from the Certificate Register; the serials and codes stay the "
        "same."),
    "error.certificate_needs_keys": (
        "Akun Anda belum punya kunci tanda tangan, jadi belum dapat menerbitkan atau mengubah "
        "sertifikat. Minta Admin menyerahkan kunci Anda, lalu masuk lagi.",
        "Your account has no signing key yet, so it cannot issue or change certificates. Ask an "
        "Admin to hand over your keys, then log in again."),
    "error.certificate_issued_in_future": (
        "Tanggal terbit tidak boleh di masa depan.", "The issue date cannot be in the future."),
    "error.certificate_printed_today": (
        "Sertifikat yang dicetak sekarang bertanggal hari ini; tanggal lampau hanya untuk "
        "register kertas yang dipindahkan.",
        "A certificate printed now is dated today; a past date is only for a paper register "
        "brought in."),
    "error.certificate_serial_typed": (
        "Itu nomor sertifikat. Ketik kode verifikasinya (12 huruf dan angka, misalnya "
        "7KQ2-MX4P-9D3B, di dekat kode QR), atau pindai kode QR-nya.",
        "That is the certificate number. Type its verification code (12 letters and digits, "
        "e.g. 7KQ2-MX4P-9D3B, next to the QR code), or scan the QR code."),
    "error.certificate_duplicate_request": (
        "Peserta yang sama dipilih dua kali untuk sertifikat yang sama. Pilih sekali saja.",
        "The same participant is chosen twice for the same certificate. Choose her once."),
    "error.certificate_not_eligible": (
        "Belum memenuhi syarat sertifikat (kehadiran atau asesmen keterampilan). Lihat "
        "alasannya di daftar yang memenuhi syarat.",
        "Not eligible for this certificate yet (attendance or skill assessment). See the "
        "reason in the eligible list."),
    "error.certificate_exists": (
        "Sudah memiliki sertifikat yang berlaku untuk ini ({serial}). Gunakan \u201cTerbitkan "
        "ulang\u201d di register bila perlu diganti.",
        "Already holds a valid certificate for this ({serial}). Use \u201cReissue\u201d in the "
        "register if it must be replaced."),
    "error.certificate_no_signatory": (
        "Templat ini belum punya penandatangan. Tambahkan minimal satu di Berkas \u203a "
        "Templat sertifikat\u2026",
        "This template has no signatory yet. Add at least one in File \u203a Certificate "
        "templates\u2026"),
    "error.certificate_not_valid": (
        "Sertifikat {serial} sudah tidak berlaku (dicabut atau diterbitkan ulang).",
        "Certificate {serial} is no longer valid (revoked or reissued)."),
    "error.certificate_unknown": ("Sertifikat itu tidak ada di register. Periksa nomornya.",
                                  "That certificate is not in the register. Check the number."),
    "error.certificate_name_removed": (
        "Nama peserta ini sudah dihapus (penarikan persetujuan); sertifikatnya tetap berlaku "
        "tetapi tidak dapat dicetak ulang.",
        "This participant's name was removed (consent withdrawn); her certificate stays valid "
        "but cannot be printed again."),
    "error.certificate_revealing_word": (
        "Sertifikat dapat dilihat pemberi kerja: jangan tulis kata seperti KDRT, kekerasan, "
        "korban, penyintas atau rumah aman. Gunakan nama yang netral.",
        "Employers may see a certificate: do not write words such as KDRT, violence, victim, "
        "survivor or shelter. Use a neutral name."),
    "error.certificate_course_revealing": (
        "Judul modul {module} memuat kata yang tidak boleh tercetak di sertifikat (misalnya "
        "KDRT atau kekerasan). Ubah judul modul di Katalog menjadi judul yang netral.",
        "The title of module {module} holds a word that must not print on a certificate (such "
        "as KDRT or violence). Give the module a neutral title in the Catalogue."),
    "error.certificate_colour": ("Warna ditulis #RRGGBB, misalnya #1F4E79.",
                                 "Write a colour as #RRGGBB, for example #1F4E79."),
    "error.certificate_signatories_max": ("Paling banyak {limit} penandatangan.",
                                          "At most {limit} signatories."),
    "error.certificate_partner_logos_max": ("Paling banyak {limit} logo mitra.",
                                            "At most {limit} partner logos."),
    "error.certificate_signatory_incomplete": (
        "Penandatangan {number}: isi nama dan jabatannya.",
        "Signatory {number}: fill in the name and the title."),
    "error.certificate_template_name_taken": ("Sudah ada templat dengan nama ini.",
                                              "A template with this name already exists."),
    "error.certificate_template_unknown": (
        "Templat itu tidak ada lagi (dihapus atau diarsipkan). Pilih templat lain.",
        "That template no longer exists (deleted or archived). Choose another template."),
    "error.certificate_verify_url": (
        "Alamat verifikasi harus diawali https:// dan hanya berisi huruf tanpa aksen, "
        "misalnya https://contoh.org/cek?kode={code}.",
        "The verification address must start with https:// and hold plain letters only, for "
        "example https://example.org/check?code={code}."),
    "error.image_empty": ("Berkas gambar kosong. Pilih berkas PNG atau JPEG.",
                          "The image file is empty. Choose a PNG or JPEG file."),
    "error.image_not_image": (
        "Berkas ini bukan gambar PNG atau JPEG yang dapat dibaca. Pindai ulang atau simpan "
        "sebagai PNG.",
        "This file is not a readable PNG or JPEG image. Scan it again or save it as PNG."),
    "error.image_too_big": ("Gambar terlalu besar (lebih dari {limit} MB). Perkecil dulu.",
                            "The image is too big (over {limit} MB). Make it smaller first."),
    "error.image_too_many_pixels": (
        "Ukuran gambar terlalu besar (piksel). Perkecil menjadi di bawah 5000 \u00d7 5000.",
        "The image has too many pixels. Scale it below 5000 \u00d7 5000."),
}
