"""Texts of the ``certificates`` commands."""

from __future__ import annotations

CLI_CERTIFICATES: dict[str, tuple[str, str]] = {
    "cli.certificates.help": ("sertifikat: yang memenuhi syarat, terbitkan, register, periksa, "
                              "cabut",
                              "certificates: eligible, issue, register, verify, revoke"),
    "cli.certificates.help_eligible": (
        "siapa yang memenuhi syarat sertifikat (dan yang hampir), dengan alasannya",
        "who is eligible for a certificate (and who is close), with the reason"),
    "cli.certificates.help_issue": (
        "terbitkan sertifikat modul untuk semua yang memenuhi syarat dan belum memilikinya",
        "issue a module's certificates to everyone eligible who does not hold one yet"),
    "cli.certificates.help_list": ("register sertifikat", "the certificate register"),
    "cli.certificates.help_verify": (
        "periksa kode verifikasi (keluar 0 hanya bila asli dan berlaku)",
        "check a verification code (exit 0 only when genuine and valid)"),
    "cli.certificates.help_revoke": ("cabut sertifikat dengan alasan",
                                     "revoke a certificate with a reason"),
    "cli.certificates.help_module": (
        "kode modul, misalnya EKO-01 (untuk sertifikat seluruh program: program)",
        "module code, e.g. EKO-01 (for the whole programme's certificate: program)"),
    "cli.certificates.help_group": ("nama kelompok", "group name"),
    "cli.certificates.help_out": (
        "berkas PDF (satu berkas untuk dicetak) atau folder (satu berkas per peserta)",
        "a PDF file (one file for the printer) or a folder (one file per participant)"),
    "cli.certificates.help_preferred": ("cetak nama panggilan bila ada",
                                        "print the preferred name where there is one"),
    "cli.certificates.help_code": ("kode verifikasi di sertifikat, atau isi kode QR",
                                   "the verification code on the certificate, or the QR text"),
    "cli.certificates.help_name": ("nama seperti tertulis di kertas (dicocokkan)",
                                   "the name as written on the paper (compared)"),
    "cli.certificates.help_serial": ("nomor sertifikat, misalnya KD/SERT/2026/0001",
                                     "certificate number, e.g. KD/SERT/2026/0001"),
    "cli.certificates.help_reason": ("alasan pencabutan", "why it is revoked"),
    "cli.certificates.module_unknown": (
        "Modul {code} tidak ada. Lihat kodenya dengan: kdrt-desk modules list",
        "There is no module {code}. See the codes with: kdrt-desk modules list"),
    "cli.certificates.group_unknown": (
        "Kelompok \u201c{name}\u201d tidak ada. Lihat namanya dengan: kdrt-desk groups list",
        "There is no group \u201c{name}\u201d. See the names with: kdrt-desk groups list"),
    "cli.certificates.out_pdf_or_folder": (
        "{path}: tulis nama berkas yang diakhiri .pdf, atau folder yang sudah ada.",
        "{path}: give a file name ending in .pdf, or a folder that exists."),
    "cli.certificates.none_eligible": (
        "Tidak ada peserta yang memenuhi syarat dan belum memiliki sertifikat ini.",
        "Nobody is eligible who does not hold this certificate yet."),
    "cli.certificates.issued": ("{count} sertifikat diterbitkan: {first} sampai {last}.",
                                "{count} {count:certificate|certificates} issued: {first} to {last}."),
    "cli.certificates.not_genuine": (
        "TIDAK DIKENAL: kode ini tidak ada di register. Sertifikat ini tidak asli atau kodenya "
        "salah ketik.",
        "UNKNOWN: this code is not in the register. The certificate is not genuine or the code "
        "was mistyped."),
    "cli.certificates.tampered": (
        "TIDAK DAPAT DIPERCAYA: catatan sertifikat ini di register diubah di luar aplikasi. "
        "Jangan terima sertifikat ini dan beri tahu Admin.",
        "NOT TO BE TRUSTED: this certificate's register record was changed outside the app. Do "
        "not accept it and tell an Admin."),
    "cli.certificates.status.valid": ("ASLI DAN BERLAKU", "GENUINE AND VALID"),
    "cli.certificates.status.revoked": ("ASLI TETAPI DICABUT", "GENUINE BUT REVOKED"),
    "cli.certificates.status.reissued": ("ASLI TETAPI SUDAH DIGANTI",
                                         "GENUINE BUT REPLACED"),
    "cli.certificates.verified_name": ("Nama tercetak: {name}", "Name as printed: {name}"),
    "cli.certificates.verified_course": ("Pelatihan: {course}", "Training: {course}"),
    "cli.certificates.verified_date": ("Tanggal terbit: {date}", "Issued on: {date}"),
    "cli.certificates.replaced_by": ("Diganti dengan: {serial}", "Replaced by: {serial}"),
    "cli.certificates.name_matches": ("Nama yang diketik cocok.", "The name typed matches."),
    "cli.certificates.name_differs": ("Nama yang diketik TIDAK cocok.",
                                      "The name typed does NOT match."),
    "cli.certificates.revoked": ("Sertifikat {serial} dicabut.", "Certificate {serial} revoked."),
}
