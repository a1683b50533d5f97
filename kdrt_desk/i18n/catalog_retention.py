"""Retention: how long records are kept after a woman's last activity, and the anonymisation of
those past it (the service's errors, the audit labels and the screen)."""

from __future__ import annotations

RETENTION: dict[str, tuple[str, str]] = {
    "error.retention_years_range": (
        "Masa simpan harus 1 sampai {limit} tahun, atau 0 untuk mematikannya.",
        "The retention period must be 1 to {limit} years, or 0 to turn it off."),
    "error.retention_none_chosen": (
        "Pilih dulu data yang akan dianonimkan.",
        "Choose the records to anonymise first."),
    "error.retention_off": (
        "Masa simpan dimatikan, jadi tidak ada data yang diusulkan untuk dianonimkan.",
        "Retention is turned off, so no records are proposed for anonymisation."),
    "error.retention_not_due": (
        "{count} data yang dipilih belum melewati masa simpan atau sudah dianonimkan. Muat "
        "ulang daftarnya; tidak ada yang dianonimkan.",
        "{count} of the chosen records are not past the retention period or are already "
        "anonymised. Reload the list; nothing was anonymised."),
    "error.retention_unconfirmed": (
        "Anonimisasi menghapus data untuk selamanya. Untuk mengonfirmasi, ketik kode setiap "
        "peserta yang dipilih.",
        "Anonymising erases data for good. To confirm, type the code of every participant "
        "chosen."),
    "ui.admin.audit.action.retention_anonymised": (
        "Dianonimkan: melewati masa simpan", "Anonymised: past the retention period"),
    "ui.admin.audit.action.retention_years_changed": (
        "Masa simpan data diubah", "Data retention period changed"),
    "ui.retention.menu": ("Masa simpan data\u2026", "Data retention\u2026"),
    "ui.retention.title": ("Masa simpan data", "Data retention"),
    "ui.retention.intro": (
        "Data perempuan yang tidak ada kegiatan selama {years} tahun akan diusulkan untuk "
        "dianonimkan; tidak ada yang dihapus tanpa konfirmasi Anda. Cadangan lama terhapus "
        "sendiri oleh rotasi setelah paling lama 12 bulan.",
        "Records of women with no activity for {years} {years:year|years} are proposed for anonymisation; "
        "nothing is erased without your confirmation. Old backups are deleted by the rotation "
        "after 12 months at most."),
    "ui.retention.intro_off": (
        "Masa simpan dimatikan: tidak ada data yang diusulkan untuk dianonimkan. Cadangan lama "
        "terhapus sendiri oleh rotasi setelah paling lama 12 bulan.",
        "Retention is turned off: no records are proposed for anonymisation. Old backups are "
        "deleted by the rotation after 12 months at most."),
    "ui.retention.activity_hint": (
        "Kegiatan terakhir: yang terbaru dari pendaftaran, asesmen awal dan keputusannya, "
        "kehadiran, keanggotaan kelompok, penilaian keterampilan, layanan dan rujukan, asesmen, "
        "tindak lanjut penghidupan, modal usaha, dan perubahan persetujuan.",
        "Last activity: the newest of registration, screening and its decision, attendance, "
        "group membership, skill assessment, services and referrals, assessments, livelihood "
        "follow-ups, business capital, and consent changes."),
    "ui.retention.years": ("Masa simpan", "Retention period"),
    "ui.retention.years_suffix": (" tahun", " years"),
    "ui.retention.years_off": ("Mati (tanpa batas)", "Off (no limit)"),
    "ui.retention.save": ("Simpan masa simpan", "Save the retention period"),
    "ui.retention.saved": ("Masa simpan disimpan.", "Retention period saved."),
    "ui.retention.due_heading": (
        "Melewati masa simpan per {day}: {count} data",
        "Past the retention period on {day}: {count} {count:record|records}"),
    "ui.retention.none_due": (
        "Tidak ada data yang melewati masa simpan.",
        "No records are past the retention period."),
    "ui.retention.column_code": ("Kode peserta", "Participant code"),
    "ui.retention.column_last": ("Kegiatan terakhir", "Last activity"),
    "ui.retention.column_years": ("Tanpa kegiatan", "Without activity"),
    "ui.retention.years_value": ("{years} tahun", "{years} {years:year|years}"),
    "ui.retention.select_all": ("Pilih semua", "Choose all"),
    "ui.retention.anonymise": ("Anonimkan yang dipilih\u2026", "Anonymise the chosen\u2026"),
    "ui.retention.close": ("Tutup", "Close"),
    "ui.retention.done": (
        "{count} data dianonimkan dan dicatat di daftar penghapusan (juga berlaku saat "
        "cadangan lama dipulihkan).",
        "{count} {count:record|records} anonymised and entered in the erasure ledger (it also applies when an "
        "old backup is restored)."),
    "ui.retention.confirm.title": ("Anonimkan data yang melewati masa simpan",
                                   "Anonymise records past the retention period"),
    "ui.retention.confirm.heading": ("Tindakan ini tidak dapat dibatalkan.",
                                     "This cannot be undone."),
    "ui.retention.confirm.explain": (
        "{count} data peserta tidak ada kegiatan selama lebih dari {years} tahun: {codes}. "
        "Setelah Anda mengonfirmasi, datanya dianonimkan seperti pada penarikan persetujuan:\n"
        "\u2022 nama, NIK, tanggal lahir, tempat lahir, nomor telepon, kelurahan, pekerjaan dan "
        "kontak tepercayanya dihapus untuk selamanya;\n"
        "\u2022 latar kasus, catatan asesmen, rencana keselamatan dan catatan hasil layanan juga "
        "dihapus;\n"
        "\u2022 yang tersisa hanya kode peserta, kecamatan, tanggal-tanggal dan hitungan "
        "anonim.\n\n"
        "Data yang sudah dihapus tidak dapat dikembalikan, juga tidak oleh Admin. Log audit "
        "mencatat anonimisasi ini tanpa menyimpan data yang dihapus.",
        "{count} {count:participant has|participants have} had no activity for more than {years} {years:year|years}: {codes}. Once "
        "you confirm, their data is anonymised as for a consent withdrawal:\n"
        "\u2022 name, NIK, date and place of birth, phone number, kelurahan, occupation and "
        "trusted contact are erased for good;\n"
        "\u2022 case background, screening notes, safety plan and service outcome notes are "
        "erased too;\n"
        "\u2022 only the participant code, kecamatan, dates and anonymous counts remain.\n\n"
        "Erased data cannot be brought back, not even by an admin. The audit log records the "
        "anonymisation without keeping the erased data."),
    "ui.retention.confirm.type_codes": (
        "Untuk mengonfirmasi, ketik kode setiap peserta di atas (dipisah spasi atau koma):",
        "To confirm, type the code of every participant above (separated by spaces or "
        "commas):"),
    "ui.retention.confirm.mismatch": (
        "Kode yang diketik tidak sama dengan kode-kode yang dipilih.",
        "The codes typed do not match the codes chosen."),
    "ui.retention.confirm.ok": ("Hapus data dan anonimkan", "Erase data and anonymise"),
}
