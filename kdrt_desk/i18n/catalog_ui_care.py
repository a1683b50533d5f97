"""Texts of the services, consent, timeline, dashboard and partner screens."""

from __future__ import annotations

_SERVICES: dict[str, tuple[str, str]] = {
    "ui.care.services.title": ("Layanan dan rujukan", "Services and referrals"),
    "ui.care.services.intro": (
        "Setiap layanan yang ia terima dari pusat atau rujukan ke mitra. Klik dua kali pada "
        "satu baris untuk mengubahnya.",
        "Every service she received from the centre or a referral to a partner. Double-click "
        "a row to change it."),
    "ui.care.services.intro_readonly": (
        "Setiap layanan yang ia terima dari pusat atau rujukan ke mitra.",
        "Every service she received from the centre or a referral to a partner."),
    "ui.care.services.record": ("Catat layanan/rujukan…", "Record service/referral…"),
    "ui.care.services.edit": ("Ubah…", "Edit…"),
    "ui.care.services.open_note": ("Buka catatan hasil", "Open outcome note"),
    "ui.care.services.open_note_hint": (
        "Catatan hasil bersifat rahasia. Setiap kali dibuka, tercatat di log audit.",
        "Outcome notes are restricted. Every opening is recorded in the audit log."),
    "ui.care.services.note_title": ("Catatan hasil — {kind}, {date}",
                                    "Outcome note — {kind}, {date}"),
    "ui.care.services.note_empty": ("(Belum ada catatan hasil.)", "(No outcome note yet.)"),
    "ui.care.services.select_hint": (
        "Pilih satu layanan di daftar untuk membuka catatan hasilnya.",
        "Select a service in the list to open its outcome note."),
    "ui.care.services.col_date": ("Tanggal", "Date"),
    "ui.care.services.col_kind": ("Jenis layanan", "Kind of service"),
    "ui.care.services.col_partner": ("Pemberi layanan", "Provider"),
    "ui.care.services.col_status": ("Status", "Status"),
    "ui.care.services.count": ("{count} layanan/rujukan", "{count} {count:service/referral|services/referrals}"),
    "ui.care.services.none": ("Belum ada layanan atau rujukan yang dicatat.",
                              "No services or referrals recorded yet."),
    "ui.care.services.internal": ("Pusat (internal)", "Centre (in-house)"),
}

_DIALOG: dict[str, tuple[str, str]] = {
    "ui.care.dialog.title_new": ("Catat layanan atau rujukan", "Record a service or referral"),
    "ui.care.dialog.title_edit": ("Ubah layanan atau rujukan", "Change a service or referral"),
    "ui.care.dialog.kind": ("Jenis layanan", "Kind of service"),
    "ui.care.dialog.date": ("Tanggal", "Date"),
    "ui.care.dialog.date_hint": (
        "Tanggal layanan diberikan atau rujukan dibuat; tidak boleh sebelum pendaftaran atau "
        "di masa depan.",
        "The day the service was given or the referral made; not before registration nor in "
        "the future."),
    "ui.care.dialog.partner": ("Pemberi layanan", "Provider"),
    "ui.care.dialog.partner_hint": (
        "Mitra yang menerima rujukan, atau \"Pusat (internal)\" bila pusat sendiri yang "
        "memberikan layanan.",
        "The partner receiving the referral, or \"Centre (in-house)\" when the centre gives "
        "the service itself."),
    "ui.care.dialog.loading_partners": ("Memuat daftar mitra…", "Loading partners…"),
    "ui.care.dialog.provider_note": ("Keterangan pemberi layanan", "Provider details"),
    "ui.care.dialog.provider_note_hint": (
        "Mis. nama psikolog atau pendamping hukum. Jangan tulis isi sesi di sini.",
        "E.g. the psychologist's or legal companion's name. Do not write what was said here."),
    "ui.care.dialog.status": ("Status", "Status"),
    "ui.care.dialog.outcome_note": ("Catatan hasil (rahasia)", "Outcome note (restricted)"),
    "ui.care.dialog.outcome_hint": (
        "Hanya Admin dan Konselor yang dapat membaca catatan ini.",
        "Only admins and counsellors can read this note."),
    "ui.care.dialog.outcome_closed": (
        "Catatan hasil belum dibuka. Buka dulu lewat \"Buka catatan hasil\" untuk mengubahnya; "
        "catatan yang ada tetap tersimpan.",
        "The outcome note is not open. Open it with \"Open outcome note\" to change it; the "
        "existing note is kept."),
    "ui.care.dialog.save": ("Simpan", "Save"),
}

_CONSENT: dict[str, tuple[str, str]] = {
    "ui.care.consent.title": ("Persetujuan peserta", "Participant's consent"),
    "ui.care.consent.scopes": ("Ia menyetujui", "She agreed to"),
    "ui.care.consent.given": ("Ya", "Yes"),
    "ui.care.consent.not_given": ("Tidak", "No"),
    "ui.care.consent.scope_withdrawn": ("Ditarik", "Withdrawn"),
    "ui.care.consent.consent_date": ("Tanggal persetujuan", "Date of consent"),
    "ui.care.consent.form_signed": ("Formulir ditandatangani", "Form signed"),
    "ui.care.consent.not_signed": ("Belum dicatat", "Not recorded yet"),
    "ui.care.consent.withdrawn": ("Persetujuan ditarik", "Consent withdrawn"),
    "ui.care.consent.anonymised": (
        "Data peserta ini sudah dianonimkan pada {date}. Identitas, kontak dan latar kasusnya "
        "telah dihapus; hanya hitungan anonim yang tersisa.",
        "This participant's data was anonymised on {date}. Her identity, contact and case "
        "details were erased; only anonymous counts remain."),
    "ui.care.consent.no_contact": (
        "Ia TIDAK setuju dihubungi lewat telepon/WhatsApp. Jangan menghubunginya dengan cara itu.",
        "She did NOT agree to be contacted by phone/WhatsApp. Do not contact her that way."),
    "ui.care.consent.print": ("Cetak formulir persetujuan…", "Print consent form…"),
    "ui.care.consent.record_signed": ("Catat tanggal tanda tangan…", "Record date signed…"),
    "ui.care.consent.withdraw": ("Tarik persetujuan penggunaan data…",
                                 "Withdraw consent to data use…"),
    "ui.care.consent.save_title": ("Simpan formulir persetujuan", "Save consent form"),
    "ui.care.consent.pdf_filter": ("Dokumen PDF (*.pdf)", "PDF documents (*.pdf)"),
    "ui.care.consent.file_name": ("formulir-persetujuan-{code}.pdf", "consent-form-{code}.pdf"),
    "ui.care.consent.saved_title": ("Formulir tersimpan", "Form saved"),
    "ui.care.consent.saved_open": (
        "Formulir persetujuan disimpan di:\n{path}\n\nBuka sekarang untuk dicetak?",
        "The consent form was saved to:\n{path}\n\nOpen it now to print?"),
    "ui.care.consent.open": ("Buka", "Open"),
    "ui.care.consent.not_now": ("Nanti saja", "Not now"),
    "ui.care.consent.open_failed": (
        "Berkas tidak dapat dibuka otomatis. Buka sendiri dari:\n{path}",
        "The file could not be opened automatically. Open it yourself from:\n{path}"),
    "ui.care.consent.signed_title": ("Tanggal tanda tangan formulir", "Date the form was signed"),
    "ui.care.consent.signed_intro": (
        "Catat tanggal peserta menandatangani formulir persetujuan. Simpan formulir kertasnya "
        "di lemari terkunci.",
        "Record the day the participant signed the consent form. Keep the paper form in a "
        "locked cabinet."),
    "ui.care.consent.signed_on": ("Ditandatangani pada", "Signed on"),
    "ui.care.consent.signed_ok": ("Simpan tanggal", "Save date"),
    "ui.care.consent.signed_saved": ("Tanggal tanda tangan tersimpan.", "Date signed saved."),
}

_WITHDRAW: dict[str, tuple[str, str]] = {
    "ui.care.withdraw.title": ("Tarik persetujuan penggunaan data",
                               "Withdraw consent to data use"),
    "ui.care.withdraw.heading": ("Tindakan ini tidak dapat dibatalkan.",
                                 "This cannot be undone."),
    "ui.care.withdraw.explain": (
        "Peserta {code} menarik persetujuannya atas penggunaan data. Setelah Anda "
        "mengonfirmasi:\n"
        "• nama, NIK, tanggal lahir, tempat lahir, nomor telepon, kelurahan, pekerjaan dan "
        "kontak tepercayanya dihapus untuk selamanya;\n"
        "• latar kasus, catatan asesmen, rencana keselamatan dan catatan hasil layanan juga "
        "dihapus;\n"
        "• yang tersisa hanya kode peserta, kecamatan, tanggal-tanggal dan hitungan anonim "
        "untuk statistik yang ia setujui, tanpa apa pun yang dapat mengenalinya.\n\n"
        "Data yang sudah dihapus tidak dapat dikembalikan, juga tidak oleh Admin. Log audit "
        "mencatat penarikan ini tanpa menyimpan data yang dihapus.",
        "Participant {code} withdraws her consent to the use of her data. Once you confirm:\n"
        "• her name, NIK, date and place of birth, phone number, kelurahan, occupation and "
        "trusted contact are erased for good;\n"
        "• her case background, screening notes, safety plan and service outcome notes are "
        "erased too;\n"
        "• only her participant code, kecamatan, dates and anonymous counts remain, for the "
        "statistics she agreed to, with nothing that could identify her.\n\n"
        "Erased data cannot be brought back, not even by an admin. The audit log records the "
        "withdrawal without keeping the erased data."),
    "ui.care.withdraw.date": ("Tanggal penarikan", "Date withdrawn"),
    "ui.care.withdraw.type_code": (
        "Untuk mengonfirmasi, ketik kode peserta ({code}):",
        "To confirm, type the participant code ({code}):"),
    "ui.care.withdraw.code_mismatch": (
        "Kode yang diketik tidak sama dengan {code}.",
        "The code typed does not match {code}."),
    "ui.care.withdraw.ok": ("Hapus data dan anonimkan", "Erase data and anonymise"),
    "ui.care.withdraw.done": (
        "Data peserta telah dianonimkan. Hanya hitungan anonim yang tersisa.",
        "The participant's data has been anonymised. Only anonymous counts remain."),
}

_TIMELINE: dict[str, tuple[str, str]] = {
    "ui.care.timeline.title": ("Riwayat peserta", "Participant timeline"),
    "ui.care.timeline.col_date": ("Tanggal", "Date"),
    "ui.care.timeline.col_kind": ("Jenis", "Kind"),
    "ui.care.timeline.col_title": ("Peristiwa", "Event"),
    "ui.care.timeline.col_detail": ("Keterangan", "Details"),
    "ui.care.timeline.none": ("Belum ada peristiwa.", "No events yet."),
    "ui.care.timeline.count": ("{count} peristiwa", "{count} {count:event|events}"),
    "ui.care.timeline.refresh": ("Muat ulang", "Reload"),
    "ui.care.timeline.kind.registration": ("Pendaftaran", "Registration"),
    "ui.care.timeline.kind.consent": ("Persetujuan", "Consent"),
    "ui.care.timeline.kind.screening": ("Asesmen awal", "Screening"),
    "ui.care.timeline.kind.decision": ("Keputusan", "Decision"),
    "ui.care.timeline.kind.service": ("Layanan", "Service"),
    "ui.care.timeline.kind.referral": ("Rujukan", "Referral"),
    "ui.care.timeline.kind.withdrawal": ("Penarikan persetujuan", "Consent withdrawn"),
    "ui.care.timeline.kind.training": ("Pelatihan", "Training"),
    "ui.care.timeline.kind.evaluation": ("Evaluasi", "Evaluation"),
    "ui.care.timeline.kind.other": ("Lainnya", "Other"),
}

_DASHBOARD: dict[str, tuple[str, str]] = {
    "ui.care.dash.title": ("Ringkasan program", "Programme overview"),
    "ui.care.dash.as_of": ("Per {date}", "As of {date}"),
    "ui.care.dash.refresh": ("Muat ulang", "Reload"),
    "ui.care.dash.loading": ("Memuat angka…", "Loading figures…"),
    "ui.care.dash.screening": ("Asesmen dan seleksi", "Screening and selection"),
    "ui.care.dash.screened_month": ("Diases bulan ini", "Screened this month"),
    "ui.care.dash.screened_quarter": ("Diases kuartal ini", "Screened this quarter"),
    "ui.care.dash.accepted": ("Diterima", "Accepted"),
    "ui.care.dash.waitlisted": ("Daftar tunggu", "Waitlisted"),
    "ui.care.dash.not_eligible": ("Tidak memenuhi syarat", "Not eligible"),
    "ui.care.dash.referred": ("Dirujuk ke tempat lain", "Referred elsewhere"),
    "ui.care.dash.not_eligible_by_reason": ("Tidak memenuhi syarat, menurut alasan",
                                            "Not eligible, by reason"),
    "ui.care.dash.psychosocial": ("Mendapat layanan psikososial (minimal satu)",
                                  "With at least one psychosocial service"),
    "ui.care.dash.services": ("Layanan dan rujukan", "Services and referrals"),
    "ui.care.dash.referrals": ("Rujukan menurut jenis dan status",
                               "Referrals by kind and status"),
    "ui.care.dash.kind": ("Jenis layanan", "Kind of service"),
    "ui.care.dash.total": ("Jumlah", "Total"),
    "ui.care.dash.awaiting": ("Penolakan menunggu konfirmasi",
                              "Rejections awaiting confirmation"),
    "ui.care.dash.decisions_hint": (
        "Menurut keputusan terakhir setiap peserta. Penolakan baru dihitung setelah "
        "dikonfirmasi staf kedua.",
        "By each participant's latest decision. A rejection counts once a second staff "
        "member confirmed it."),
    "ui.care.dash.psychosocial_hint": (
        "Peserta dengan sedikitnya satu sesi konseling yang sedang berjalan atau selesai.",
        "Participants with at least one counselling session in progress or done."),
    "ui.care.dash.referrals_hint": (
        "Rujukan ke mitra. Layanan yang diberikan pusat sendiri tidak dihitung di sini.",
        "Referrals to partners. Services the centre gives itself are not counted here."),
    "ui.care.dash.not_allowed": (
        "Ringkasan ini hanya untuk staf yang dapat melihat hasil asesmen.",
        "This overview is only for staff who may see screening results."),
}

_PARTNERS: dict[str, tuple[str, str]] = {
    "ui.care.partners.title": ("Mitra", "Partners"),
    "ui.care.partners.intro": (
        "Lembaga mitra yang dapat menerima rujukan: pemerintah, LBH, LSM, UMKM, lembaga "
        "pelatihan, psikolog dan donor.",
        "Partner organisations that can receive referrals: government, legal aid, NGOs, "
        "small businesses, training institutions, psychologists and donors."),
    "ui.care.partners.not_allowed": ("Hanya Admin yang dapat menambah mitra.",
                                     "Only an admin can add partners."),
    "ui.care.partners.col_name": ("Nama", "Name"),
    "ui.care.partners.col_kind": ("Jenis", "Kind"),
    "ui.care.partners.col_contact": ("Narahubung", "Contact person"),
    "ui.care.partners.col_active": ("Aktif", "Active"),
    "ui.care.partners.count": ("{count} mitra", "{count} {count:partner|partners}"),
    "ui.care.partners.add_heading": ("Tambah mitra", "Add a partner"),
    "ui.care.partners.name": ("Nama lembaga", "Organisation name"),
    "ui.care.partners.name_example": ("mis. LBH Palembang", "e.g. LBH Palembang"),
    "ui.care.partners.kind": ("Jenis", "Kind"),
    "ui.care.partners.contact_person": ("Narahubung", "Contact person"),
    "ui.care.partners.add": ("Tambah", "Add"),
    "ui.care.partners.added": ("{name} ditambahkan.", "{name} added."),
    "ui.care.partners.close": ("Tutup", "Close"),
}

UI_CARE: dict[str, tuple[str, str]] = {
    **_SERVICES, **_DIALOG, **_CONSENT, **_WITHDRAW, **_TIMELINE, **_DASHBOARD, **_PARTNERS,
}
