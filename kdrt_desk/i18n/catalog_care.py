"""Texts of consent, services and referrals, timeline and dashboard."""

from __future__ import annotations

_ERRORS: dict[str, tuple[str, str]] = {
    "error.participant_anonymised": (
        "Data peserta ini sudah dianonimkan (persetujuan ditarik atau masa simpan data lewat). "
        "Data ini tidak dapat diubah lagi dan identitasnya tidak dapat diisi kembali.",
        "This participant's data was anonymised (consent withdrawn or the retention period "
        "passed). It can no longer be changed and her identity cannot be filled in again."),
    "error.withdraw_unconfirmed": (
        "Penarikan persetujuan menghapus data untuk selamanya. Konfirmasi dulu untuk "
        "melanjutkan.",
        "Withdrawing consent erases data for good. Confirm first to go ahead."),
    "error.form_signed_before_registration": (
        "Tanggal tanda tangan tidak boleh sebelum tanggal pendaftaran.",
        "The date signed cannot be before the registration date."),
    "error.export_unwritable": (
        "Berkas tidak dapat disimpan di sana (folder tidak ada, hanya-baca, atau disk penuh). "
        "Pilih folder lain lalu coba lagi.",
        "The file cannot be saved there (the folder is missing or read-only, or the disk is "
        "full). Choose another folder and try again."),
    "error.partner_exists": (
        "Mitra dengan nama ini sudah ada.",
        "A partner with this name already exists."),
    "error.partner_unknown": (
        "Mitra ini tidak dikenal. Pilih mitra dari daftar.",
        "This partner is not known. Choose a partner from the list."),
    "error.partner_inactive": (
        "Mitra ini tidak aktif lagi. Pilih mitra lain atau \"Pusat (internal)\".",
        "This partner is no longer active. Choose another partner or \"Centre (in-house)\"."),
    "error.service_before_registration": (
        "Tanggal layanan tidak boleh sebelum tanggal pendaftaran peserta.",
        "The service date cannot be before the participant's registration date."),
    "error.service_unknown": (
        "Layanan ini tidak ditemukan (mungkin sudah dihapus).",
        "This service was not found (it may have been deleted)."),
}

_TIMELINE: dict[str, tuple[str, str]] = {
    "ui.care.event.registered": ("Terdaftar", "Registered"),
    "ui.care.event.registered_detail": ("Kode {code}; Kecamatan {kecamatan}",
                                        "Code {code}; kecamatan {kecamatan}"),
    "ui.care.event.consent_given": ("Persetujuan diberikan", "Consent given"),
    "ui.care.event.form_signed": ("Formulir persetujuan ditandatangani",
                                  "Consent form signed"),
    "ui.care.event.consent_withdrawn": ("Persetujuan penggunaan data ditarik",
                                        "Consent to data use withdrawn"),
    "ui.care.event.anonymised": ("Data dianonimkan", "Data anonymised"),
    "participant.anonymised_name": ("Peserta dianonimkan", "Anonymised participant"),
    "ui.care.event.anonymised_detail": (
        "Identitas, kontak dan latar kasus dihapus; hanya hitungan anonim yang tersisa.",
        "Identity, contact and case details erased; only anonymous counts remain."),
    "ui.care.event.screened": ("Asesmen awal", "Screening assessment"),
    "ui.care.event.assessor": ("Asesor: {name}", "Assessor: {name}"),
    "ui.care.event.risk": ("Tingkat risiko: {level}", "Risk level: {level}"),
    "ui.care.event.decision": ("Keputusan: {outcome}", "Decision: {outcome}"),
    "ui.care.event.priority": ("Prioritas {priority}", "Priority {priority}"),
    "ui.care.event.reason": ("Alasan: {reason}", "Reason: {reason}"),
    "ui.care.event.referred_to": ("Dirujuk ke {partner}", "Referred to {partner}"),
    "ui.care.event.decided_by": ("Diputuskan oleh {name}", "Decided by {name}"),
    "ui.care.event.confirmed_by": ("Dikonfirmasi oleh {name} pada {date}",
                                   "Confirmed by {name} on {date}"),
    "ui.care.event.awaiting_confirmation": ("Menunggu konfirmasi staf kedua",
                                            "Awaiting a second staff member's confirmation"),
    "ui.care.event.superseded": ("Sudah diganti keputusan yang lebih baru",
                                 "Replaced by a later decision"),
    "ui.care.event.service": ("Layanan: {kind}", "Service: {kind}"),
    "ui.care.event.referral": ("Rujukan: {kind}", "Referral: {kind}"),
    "ui.care.event.in_house": ("Oleh pusat sendiri", "By the centre itself"),
    "ui.care.event.status": ("Status: {status}", "Status: {status}"),
}

_ENUMS: dict[str, tuple[str, str]] = {
    "enum.ServiceKind.counselling": ("Konseling psikososial", "Psychosocial counselling"),
    "enum.ServiceKind.legal_consultation": ("Konsultasi hukum", "Legal consultation"),
    "enum.ServiceKind.legal_accompaniment": ("Pendampingan hukum", "Legal accompaniment"),
    "enum.ServiceKind.health": ("Layanan kesehatan", "Health care"),
    "enum.ServiceKind.safe_house": ("Rumah aman", "Safe house"),
    "enum.ServiceKind.economic_aid": ("Program bantuan ekonomi", "Economic aid programme"),
    "enum.ServiceKind.other": ("Lainnya", "Other"),
    "enum.ServiceStatus.referred": ("Dirujuk", "Referred"),
    "enum.ServiceStatus.in_progress": ("Sedang berjalan", "In progress"),
    "enum.ServiceStatus.done": ("Selesai", "Done"),
    "enum.ServiceStatus.declined": ("Ditolak/tidak dilanjutkan", "Declined"),
    "enum.PartnerKind.government": ("Pemerintah", "Government"),
    "enum.PartnerKind.ngo_legal_aid": ("LSM / bantuan hukum", "NGO / legal aid"),
    "enum.PartnerKind.umkm_private": ("UMKM / swasta", "Small business / private"),
    "enum.PartnerKind.training_institution": ("Lembaga pelatihan (LPK)",
                                              "Training institution (LPK)"),
    "enum.PartnerKind.donor": ("Donor", "Donor"),
    "enum.PartnerKind.health": ("Layanan kesehatan", "Health service"),
    "enum.PartnerKind.psychologist": ("Psikolog", "Psychologist"),
}

CARE: dict[str, tuple[str, str]] = {**_ERRORS, **_TIMELINE, **_ENUMS}
