"""Texts of the screening, criteria, decision and waitlist screens and services."""

from __future__ import annotations

_ERRORS: dict[str, tuple[str, str]] = {
    "error.screening_unknown": (
        "Asesmen ini tidak ditemukan. Tutup jendela lalu buka lagi dari daftar.",
        "This screening was not found. Close the window and open it again from the list."),
    "error.screening_author_only": (
        "Sebelum keputusannya dikonfirmasi, asesmen ini hanya boleh diubah oleh pembuatnya atau "
        "Admin.",
        "Until its decision is confirmed, only the person who wrote this screening or an Admin "
        "can change it."),
    "error.change_reason_required": (
        "Keputusan untuk asesmen ini sudah dikonfirmasi. Tuliskan alasan perubahan.",
        "The decision on this screening is already confirmed. Write the reason for the change."),
    "error.screening_before_registration": (
        "Tanggal asesmen tidak boleh sebelum tanggal pendaftaran ({date}).",
        "The screening date cannot be before the registration date ({date})."),
    "error.skills_other_required": (
        "Anda memilih \"Lainnya\": tuliskan keterampilan atau minatnya.",
        "You chose \"Other\": write which skill or interest."),
    "error.risk_reasons_required": (
        "Risiko tinggi: centang paling sedikit satu alasan.",
        "High risk: tick at least one reason."),
    "error.criterion_unknown": (
        "Kriteria tidak dikenal: {codes}. Muat ulang daftar kriteria lalu coba lagi.",
        "Unknown criterion: {codes}. Reload the list of criteria and try again."),
    "error.decision_needs_screening": (
        "Keputusan hanya dapat dibuat untuk asesmen yang sudah disimpan. Simpan asesmen dulu.",
        "A decision can only be made on a saved screening. Save the screening first."),
    "error.decision_before_screening": (
        "Tanggal keputusan tidak boleh sebelum tanggal asesmen ({date}).",
        "The decision date cannot be before the screening date ({date})."),
    "error.decision_after_enrolment": (
        "Peserta ini sudah melewati tahap seleksi (mengikuti program, selesai atau berhenti). "
        "Keputusan seleksi tidak dapat diubah lagi.",
        "This participant is past selection (enrolled, completed or dropped out). The selection "
        "decision can no longer be changed."),
    "error.priority_required": (
        "Daftar tunggu: pilih prioritas dari {low} (paling mendesak) sampai {high}.",
        "Waitlist: choose a priority from {low} (most urgent) to {high}."),
    "error.priority_range": (
        "Prioritas harus antara {low} (paling mendesak) dan {high}.",
        "The priority must be between {low} (most urgent) and {high}."),
    "error.reason_required": (
        "Pilih alasan mengapa peserta tidak memenuhi syarat.",
        "Choose the reason why she is not eligible."),
    "error.reason_text_required": (
        "Alasan \"Lainnya\": tuliskan alasannya.",
        "Reason \"Other\": write the reason."),
    "error.decision_unknown": (
        "Keputusan ini tidak ditemukan. Muat ulang daftar lalu coba lagi.",
        "This decision was not found. Reload the list and try again."),
    "error.decision_already_confirmed": (
        "Keputusan ini sudah dikonfirmasi.",
        "This decision is already confirmed."),
    "error.decision_superseded": (
        "Keputusan ini sudah diganti dengan keputusan yang lebih baru. Muat ulang daftar.",
        "This decision has been replaced by a newer one. Reload the list."),
    "error.same_person_confirm": (
        "Penolakan harus dikonfirmasi oleh orang kedua (Admin atau konselor lain), bukan oleh "
        "yang memutuskan.",
        "A rejection must be confirmed by a second person (an Admin or another case worker), "
        "not by the person who decided."),
    "error.not_on_waitlist": (
        "Peserta ini tidak ada di daftar tunggu.",
        "This participant is not on the waitlist."),
    "error.criterion_code_invalid": (
        "Kode: 2 sampai 40 huruf kecil, angka atau garis bawah, diawali huruf "
        "(contoh: punya_anak).",
        "Code: 2 to 40 lower-case letters, digits or underscores, starting with a letter "
        "(e.g. has_children)."),
    "error.criterion_code_duplicate": (
        "Kode \"{code}\" sudah dipakai kriteria lain.",
        "The code \"{code}\" is already used by another criterion."),
    "error.criterion_code_fixed": (
        "Kode kriteria yang sudah ada tidak dapat diubah (tetap \"{code}\"). Buat kriteria baru "
        "bila perlu.",
        "The code of an existing criterion cannot change (it stays \"{code}\"). Add a new "
        "criterion if needed."),
    "error.criterion_weight_range": (
        "Bobot harus angka bulat dari {low} sampai {high}.",
        "The weight must be a whole number from {low} to {high}."),
    "error.criterion_required_weight": (
        "Kriteria wajib tidak punya bobot: isi 0.",
        "A required criterion has no weight: enter 0."),
}

_CLI: dict[str, tuple[str, str]] = {
    "cli.screening.help": ("asesmen awal dan keputusan seleksi", "screenings and decisions"),
    "cli.screening.help_list": (
        "daftar asesmen (CSV atau JSON), kolom sesuai peran",
        "list screenings (CSV or JSON), columns by role"),
    "cli.screening.help_status": (
        "hanya peserta dengan status ini", "only participants with this status"),
}

_ENUMS: dict[str, tuple[str, str]] = {
    "enum.Need.psychosocial": ("Dukungan psikososial", "Psychosocial support"),
    "enum.Need.legal_aid": ("Bantuan hukum", "Legal aid"),
    "enum.Need.economic": ("Ekonomi/keterampilan kerja", "Economic/work skills"),
    "enum.Need.housing": ("Tempat tinggal atau rumah aman", "Housing or safe house"),
    "enum.Need.health": ("Kesehatan", "Health"),
    "enum.Need.childcare": ("Penitipan anak selama pelatihan", "Childcare during training"),
    "enum.Skill.sewing": ("Menjahit", "Sewing"),
    "enum.Skill.cooking": ("Memasak/tata boga", "Cooking"),
    "enum.Skill.crafts": ("Kerajinan tangan", "Crafts"),
    "enum.Skill.trading": ("Berdagang", "Trading"),
    "enum.Skill.digital_marketing": ("Pemasaran digital", "Digital marketing"),
    "enum.Skill.other": ("Lainnya", "Other"),
    "enum.RiskLevel.low": ("Rendah", "Low"),
    "enum.RiskLevel.medium": ("Sedang", "Medium"),
    "enum.RiskLevel.high": ("Tinggi", "High"),
    "enum.RiskReason.threats": ("Ada ancaman", "Threats"),
    "enum.RiskReason.weapons": ("Pelaku memakai atau punya senjata", "Weapons"),
    "enum.RiskReason.escalation": ("Kekerasan makin parah akhir-akhir ini", "Recent escalation"),
    "enum.RiskReason.stalking": ("Dibuntuti atau diawasi", "Stalking"),
    "enum.RiskReason.knows_address": ("Pelaku tahu tempat tinggalnya",
                                      "Abuser knows where she lives"),
    "enum.RiskReason.children_at_risk": ("Anak-anak ikut terancam", "Children at risk"),
    "enum.Barrier.transport": ("Transportasi", "Transport"),
    "enum.Barrier.childcare": ("Tidak ada yang menjaga anak", "Childcare"),
    "enum.Barrier.working_hours": ("Jam kerja", "Working hours"),
    "enum.Barrier.movement_controlled": ("Gerak-geriknya dikontrol pelaku",
                                         "Abuser controls her movements"),
    "enum.Barrier.health": ("Kesehatan", "Health"),
    "enum.DecisionOutcome.accepted": ("Diterima", "Accepted"),
    "enum.DecisionOutcome.waitlisted": ("Daftar tunggu", "Waitlisted"),
    "enum.DecisionOutcome.not_eligible": ("Tidak memenuhi syarat", "Not eligible"),
    "enum.DecisionOutcome.referred": ("Dirujuk ke lembaga lain", "Referred elsewhere"),
    "enum.NotEligibleReason.not_survivor": ("Bukan penyintas KDRT", "Not a survivor of KDRT"),
    "enum.NotEligibleReason.outside_palembang": ("Tinggal di luar Palembang",
                                                 "Lives outside Palembang"),
    "enum.NotEligibleReason.under_age": ("Belum dewasa (di bawah 18 tahun)", "Under 18"),
    "enum.NotEligibleReason.no_consent": ("Belum memberi persetujuan", "No consent"),
    "enum.NotEligibleReason.acute_crisis": ("Krisis akut, perlu rumah aman lebih dulu",
                                            "Acute crisis: needs a safe house first"),
    "enum.NotEligibleReason.cannot_attend": ("Tidak dapat hadir di sesi mana pun",
                                             "Cannot attend any session"),
    "enum.NotEligibleReason.other": ("Lainnya", "Other"),
    "enum.CriterionKind.required": ("Wajib", "Required"),
    "enum.CriterionKind.weighted": ("Berbobot (menambah skor)", "Weighted (adds to the score)"),
}

# Read by the audit screen (``ui/audit_model.py``): actions, detail names, field names.
_AUDIT: dict[str, tuple[str, str]] = {
    "ui.admin.audit.action.screening_created": ("Asesmen dicatat", "Screening recorded"),
    "ui.admin.audit.action.screening_updated": ("Asesmen diubah", "Screening changed"),
    "ui.admin.audit.action.screening_restricted_opened": (
        "Catatan rahasia asesmen dibuka", "Screening notes opened"),
    "ui.admin.audit.action.screening_restricted_refused": (
        "Akses catatan rahasia asesmen ditolak", "Screening notes refused"),
    "ui.admin.audit.action.screenings_exported": ("Daftar asesmen diekspor",
                                                  "Screening list exported"),
    "ui.admin.audit.action.screenings_imported": ("Asesmen diimpor", "Screenings imported"),
    "ui.admin.audit.action.criteria_changed": ("Kriteria kelayakan diubah",
                                               "Eligibility criteria changed"),
    "ui.admin.audit.action.decision_made": ("Keputusan seleksi dibuat", "Selection decision made"),
    "ui.admin.audit.action.decision_confirmed": ("Penolakan dikonfirmasi orang kedua",
                                                 "Rejection confirmed by a second person"),
    "ui.admin.audit.detail.screening": ("asesmen no.", "screening no."),
    "ui.admin.audit.detail.decision": ("keputusan no.", "decision no."),
    "ui.admin.audit.detail.decisions": ("jumlah keputusan", "decisions"),
    "ui.admin.audit.detail.outcome": ("hasil", "outcome"),
    "ui.admin.audit.detail.awaiting_confirmation": ("menunggu konfirmasi",
                                                    "awaiting confirmation"),
    "ui.admin.audit.detail.after_decision": ("setelah keputusan", "after the decision"),
    "ui.admin.audit.detail.from_waitlist": ("dari daftar tunggu", "from the waitlist"),
    "ui.admin.audit.detail.history": ("riwayat perubahan", "change history"),
    "ui.admin.audit.detail.added": ("ditambah", "added"),
    "ui.admin.audit.detail.changed": ("diubah", "changed"),
    "ui.admin.audit.detail.deactivated": ("dinonaktifkan", "deactivated"),
    "ui.admin.audit.detail.reordered": ("urutan diubah", "reordered"),
    "ui.admin.audit.field.screened_on": ("tanggal asesmen", "screening date"),
    "ui.admin.audit.field.interview_notes": ("catatan wawancara", "interview notes"),
    "ui.admin.audit.field.needs": ("kebutuhan", "needs"),
    "ui.admin.audit.field.skills": ("keterampilan dan minat", "skills and interests"),
    "ui.admin.audit.field.skills_other": ("keterampilan lainnya", "other skills"),
    "ui.admin.audit.field.experience": ("pengalaman", "experience"),
    "ui.admin.audit.field.risk_level": ("tingkat risiko", "risk level"),
    "ui.admin.audit.field.risk_reasons": ("alasan risiko", "risk reasons"),
    "ui.admin.audit.field.safety_plan": ("rencana keselamatan", "safety plan"),
    "ui.admin.audit.field.barriers": ("hambatan hadir", "barriers to attending"),
    "ui.admin.audit.field.criteria_met": ("kriteria terpenuhi", "criteria met"),
}

SCREENING: dict[str, tuple[str, str]] = {**_ERRORS, **_CLI, **_ENUMS, **_AUDIT}
