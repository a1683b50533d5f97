"""Texts of the screening form, decision dialog, waitlist, screening tab and criteria dialog."""

from __future__ import annotations

_FORM: dict[str, tuple[str, str]] = {
    "ui.screening.title_new": ("Asesmen awal baru", "New screening assessment"),
    "ui.screening.title_edit": ("Asesmen awal", "Screening assessment"),
    "ui.screening.title_edit_date": ("Asesmen awal — {date}", "Screening assessment — {date}"),
    "ui.screening.participant": ("Peserta: {code} — {name}", "Participant: {code} — {name}"),
    "ui.screening.loading": ("Memuat…", "Loading…"),
    "ui.screening.read_only": (
        "Anda hanya dapat melihat asesmen ini. Perubahan dilakukan oleh Konselor atau Admin.",
        "You can only view this assessment. A case worker or Admin makes changes."),
    "ui.screening.save": ("Simpan asesmen", "Save assessment"),
    "ui.screening.close": ("Tutup", "Close"),
    "ui.screening.tab_general": ("Kebutuhan dan keterampilan", "Needs and skills"),
    "ui.screening.tab_eligibility": ("Kelayakan", "Eligibility"),
    "ui.screening.tab_safety": ("Keamanan dan catatan (rahasia)",
                                "Safety and notes (restricted)"),
    "ui.screening.screened_on": ("Tanggal asesmen", "Date of assessment"),
    "ui.screening.assessor": ("Petugas asesmen", "Assessor"),
    "ui.screening.needs": ("Kebutuhan", "Needs"),
    "ui.screening.skills": ("Keterampilan dan minat", "Skills and interests"),
    "ui.screening.skills_other": ("Keterampilan lain", "Other skills"),
    "ui.screening.skills_other_hint": ("mis. menjahit payet, membuat kue basah",
                                       "e.g. bead embroidery, traditional cakes"),
    "ui.screening.experience": ("Pengalaman kerja/usaha", "Work or business experience"),
    "ui.screening.experience_hint": ("mis. berjualan pempek di Pasar 16 Ilir selama 3 tahun",
                                     "e.g. sold pempek at Pasar 16 Ilir for 3 years"),
    "ui.screening.barriers": ("Hambatan untuk hadir", "Barriers to attending"),
    "ui.screening.criteria_intro": (
        "Centang setiap syarat yang terpenuhi. Syarat wajib harus terpenuhi semua; syarat "
        "lain menambah skor.",
        "Tick each criterion she meets. Every required criterion must be met; the others "
        "add to the score."),
    "ui.screening.criterion_required": ("wajib", "required"),
    "ui.screening.criterion_points": ("+{weight} poin", "+{weight} to the score"),
    "ui.screening.criterion_inactive": ("[tidak dipakai lagi]", "[no longer used]"),
    "ui.screening.no_criteria": (
        "Belum ada syarat kelayakan. Admin dapat menambahkannya di menu Syarat kelayakan.",
        "There are no eligibility criteria yet. An Admin can add them under Eligibility "
        "criteria."),
    "ui.screening.score": ("Skor: {score} dari {max}", "Score: {score} of {max}"),
    "ui.screening.all_required_met": ("Semua syarat wajib terpenuhi.",
                                      "Every required criterion is met."),
    "ui.screening.unmet_required": ("Syarat wajib yang belum terpenuhi:\n{lines}",
                                    "Required criteria not met:\n{lines}"),
    "ui.screening.restricted_closed": (
        "Tingkat risiko, alasannya, rencana keselamatan dan catatan wawancara bersifat "
        "rahasia. Buka hanya bila perlu; pembukaan dicatat di log audit atas nama Anda.",
        "The risk level, its reasons, the safety plan and the interview notes are restricted. "
        "Open them only when needed; the opening is recorded in the audit log under your "
        "name."),
    "ui.screening.restricted_open": ("Buka bagian rahasia", "Open restricted part"),
    "ui.screening.restricted_notice": (
        "Bagian rahasia: hanya Admin dan Konselor yang dapat melihat. Setiap pembukaan dicatat "
        "di log audit.",
        "Restricted: only Admins and case workers can see this. Every opening is recorded in "
        "the audit log."),
    "ui.screening.risk_level": ("Tingkat risiko", "Risk level"),
    "ui.screening.risk_reasons": ("Alasan risiko", "Reasons for the risk"),
    "ui.screening.safety_plan": ("Rencana keselamatan", "Safety plan"),
    "ui.screening.safety_plan_hint": (
        "mis. tas darurat di rumah tetangga, nomor UPTD PPA dihafal",
        "e.g. emergency bag at a neighbour's, UPTD PPA number memorised"),
    "ui.screening.interview_notes": ("Catatan wawancara", "Interview notes"),
    "ui.screening.high_risk_banner": (
        "⚠ RISIKO TINGGI. Pertimbangkan rujukan darurat hari ini: UPTD PPA Kota Palembang, "
        "rumah aman, atau Unit PPA Polrestabes. Catat rujukannya di tab Layanan.",
        "⚠ HIGH RISK. Consider an urgent referral today: UPTD PPA Palembang, a safe house, or "
        "the Polrestabes PPA unit. Record the referral on the Services tab."),
    "ui.screening.reason": ("Alasan perubahan", "Reason for the change"),
    "ui.screening.reason_explain": (
        "Keputusan untuk asesmen ini sudah dikonfirmasi. Perubahan disimpan sebagai riwayat "
        "dan perlu alasan.",
        "The decision on this assessment is confirmed. Changes are kept as history and need "
        "a reason."),
    "ui.screening.reason_placeholder": ("mis. salah centang kebutuhan saat wawancara",
                                        "e.g. a need was ticked by mistake in the interview"),
    "ui.screening.reason_required": ("Tulis alasan perubahan.", "Give a reason for the change."),
    "ui.screening.stored_risk": ("Tingkat risiko tersimpan: {level}", "Stored risk level: {level}"),
    "ui.screening.open_to_save_title": ("Buka bagian rahasia", "Open the restricted part"),
    "ui.screening.open_to_save": (
        "Untuk menyimpan, bagian rahasia asesmen ini perlu dibuka dulu (tercatat di log audit "
        "atas nama Anda). Buka lalu simpan?",
        "To save, this assessment's restricted part has to be opened first (recorded in the "
        "audit log under your name). Open it and save?"),
    "ui.screening.open_to_save_refused": (
        "Belum disimpan. Buka bagian rahasia di tab Keamanan dan catatan, lalu simpan lagi.",
        "Not saved. Open the restricted part on the Safety and notes tab, then save again."),
    "ui.screening.tab_history": ("Riwayat perubahan ({count})", "Change history ({count})"),
    "ui.screening.history_intro": (
        "Perubahan setelah keputusan dikonfirmasi, dengan alasannya. Nilai lama tersimpan di "
        "arsip asesmen.",
        "Changes made after the decision was confirmed, with their reasons. The old values "
        "are kept in the assessment's archive."),
    "ui.screening.history_line": ("{when} — {who}\nAlasan: {reason}\nYang diubah: {fields}",
                                  "{when} — {who}\nReason: {reason}\nChanged: {fields}"),
}

_DECISION: dict[str, tuple[str, str]] = {
    "ui.screening.decision.title": ("Keputusan seleksi", "Selection decision"),
    "ui.screening.decision.screening_summary": (
        "Asesmen {date} oleh {assessor} — skor {score}",
        "Assessment of {date} by {assessor} — score {score}"),
    "ui.screening.decision.unmet": ("Syarat wajib belum terpenuhi: {names}",
                                    "Required criteria not met: {names}"),
    "ui.screening.decision.outcome": ("Keputusan", "Decision"),
    "ui.screening.decision.accepted_hint": (
        "Ia dapat langsung didaftarkan ke kelompok dan pelatihan.",
        "She can be enrolled in a group and training straight away."),
    "ui.screening.decision.priority": ("Prioritas", "Priority"),
    "ui.screening.decision.priority_hint": (
        "1 = paling mendesak, 5 = dapat menunggu. Daftar tunggu diurutkan menurut prioritas, "
        "lalu lama menunggu.",
        "1 = most urgent, 5 = can wait. The waitlist is ordered by priority, then by "
        "time waited."),
    "ui.screening.decision.reason_code": ("Alasan", "Reason"),
    "ui.screening.decision.reason_text": ("Keterangan", "Details"),
    "ui.screening.decision.reason_text_hint": ("Jelaskan singkat, mis. tinggal di Banyuasin",
                                               "Explain briefly, e.g. lives in Banyuasin"),
    "ui.screening.decision.reason_required": ("Pilih alasan dari daftar.",
                                              "Choose a reason from the list."),
    "ui.screening.decision.second_person": (
        "Penolakan belum berlaku sampai staf kedua (Admin atau Konselor lain) "
        "mengonfirmasinya di layar Daftar tunggu.",
        "A rejection does not take effect until a second staff member (an Admin or another "
        "case worker) confirms it on the Waitlist screen."),
    "ui.screening.decision.partner": ("Dirujuk ke", "Referred to"),
    "ui.screening.decision.partner_hint": (
        "Lembaga mitra yang akan menerimanya, mis. LBH Palembang atau UPTD PPA.",
        "The partner organisation that will take her on, e.g. LBH Palembang or UPTD PPA."),
    "ui.screening.decision.partner_required": ("Pilih lembaga mitra.",
                                               "Choose a partner organisation."),
    "ui.screening.decision.loading_partners": ("Memuat daftar mitra…", "Loading partners…"),
    "ui.screening.decision.no_partners": ("Belum ada mitra terdaftar",
                                          "No partners registered yet"),
    "ui.screening.decision.decided_on": ("Tanggal keputusan", "Date of decision"),
    "ui.screening.decision.audit_note": (
        "Setiap keputusan dicatat di log audit dan tampil di riwayat peserta.",
        "Every decision is recorded in the audit log and shown on her timeline."),
    "ui.screening.decision.save": ("Simpan keputusan", "Save decision"),
    "ui.screening.decision.save_pending": ("Simpan, tunggu konfirmasi",
                                           "Save, await confirmation"),
}

_WAITLIST: dict[str, tuple[str, str]] = {
    "ui.screening.waitlist.title": ("Daftar tunggu", "Waitlist"),
    "ui.screening.waitlist.intro": (
        "Urut menurut prioritas (1 paling mendesak), lalu yang paling lama menunggu. Klik dua "
        "kali untuk membuka data peserta.",
        "Ordered by priority (1 most urgent), then by who has waited longest. Double-click to "
        "open her record."),
    "ui.screening.waitlist.col_code": ("Kode", "Code"),
    "ui.screening.waitlist.col_name": ("Nama", "Name"),
    "ui.screening.waitlist.col_kecamatan": ("Kecamatan", "Kecamatan"),
    "ui.screening.waitlist.col_priority": ("Prioritas", "Priority"),
    "ui.screening.waitlist.col_waiting_since": ("Menunggu sejak", "Waiting since"),
    "ui.screening.waitlist.col_days": ("Lama", "Waited"),
    "ui.screening.waitlist.col_risk": ("Risiko", "Risk"),
    "ui.screening.waitlist.days_value": ("{days} hari", "{days} {days:day|days}"),
    "ui.screening.waitlist.count": ("{count} orang di daftar tunggu",
                                    "{count} on the waitlist"),
    "ui.screening.waitlist.empty": ("Daftar tunggu kosong.", "The waitlist is empty."),
    "ui.screening.waitlist.accept": ("Terima ke program", "Accept into the programme"),
    "ui.screening.waitlist.accept_title": ("Terima ke program", "Accept into the programme"),
    "ui.screening.waitlist.accept_question": (
        "Terima {who} ke program? Ia keluar dari daftar tunggu dan dapat didaftarkan ke "
        "kelompok.",
        "Accept {who} into the programme? She leaves the waitlist and can be enrolled in a "
        "group."),
    "ui.screening.waitlist.accepted": ("{who} diterima ke program.",
                                       "{who} was accepted into the programme."),
    "ui.screening.waitlist.pending_title": ("Menunggu konfirmasi", "Awaiting confirmation"),
    "ui.screening.waitlist.pending_intro": (
        "Keputusan \"tidak memenuhi syarat\" baru berlaku setelah staf kedua "
        "mengonfirmasinya. Yang memutuskan tidak dapat mengonfirmasi sendiri.",
        "A \"not eligible\" decision takes effect only after a second staff member confirms "
        "it. Whoever decided cannot confirm it."),
    "ui.screening.waitlist.pending_col_code": ("Kode", "Code"),
    "ui.screening.waitlist.pending_col_name": ("Nama", "Name"),
    "ui.screening.waitlist.pending_col_reason": ("Alasan", "Reason"),
    "ui.screening.waitlist.pending_col_decided_by": ("Diputuskan oleh", "Decided by"),
    "ui.screening.waitlist.pending_col_decided_on": ("Tanggal", "Date"),
    "ui.screening.waitlist.pending_count": ("{count} keputusan menunggu konfirmasi",
                                            "{count} {count:decision|decisions} awaiting confirmation"),
    "ui.screening.waitlist.pending_empty": ("Tidak ada keputusan yang menunggu konfirmasi.",
                                            "No decisions are awaiting confirmation."),
    "ui.screening.waitlist.confirm": ("Konfirmasi", "Confirm"),
    "ui.screening.waitlist.confirm_title": ("Konfirmasi penolakan", "Confirm rejection"),
    "ui.screening.waitlist.confirm_question": (
        "Konfirmasi bahwa {who} tidak memenuhi syarat (diputuskan oleh {by})?",
        "Confirm that {who} is not eligible (decided by {by})?"),
    "ui.screening.waitlist.confirm_own": (
        "Anda sendiri yang memutuskan penolakan ini. Konfirmasi harus dilakukan oleh staf "
        "lain (Admin atau Konselor).",
        "You made this rejection yourself. Another staff member (an Admin or case worker) "
        "must confirm it."),
    "ui.screening.waitlist.confirmed": ("Penolakan untuk {who} sudah dikonfirmasi.",
                                        "The rejection of {who} is confirmed."),
}

_LIST: dict[str, tuple[str, str]] = {
    "ui.screening.list.title": ("Asesmen dan keputusan", "Screening and decisions"),
    "ui.screening.list.intro": (
        "Asesmen awal peserta ini dan keputusan seleksinya, yang terbaru di atas. Klik dua "
        "kali untuk membuka asesmen.",
        "Her screening assessments and selection decisions, newest first. Double-click to "
        "open an assessment."),
    "ui.screening.list.new": ("Asesmen baru…", "New assessment…"),
    "ui.screening.list.open": ("Buka asesmen…", "Open assessment…"),
    "ui.screening.list.decide": ("Keputusan…", "Decision…"),
    "ui.screening.list.decide_again_hint": (
        "Asesmen ini sudah punya keputusan; keputusan baru menggantikannya.",
        "This assessment already has a decision; a new one replaces it."),
    "ui.screening.list.col_date": ("Tanggal", "Date"),
    "ui.screening.list.col_assessor": ("Petugas", "Assessor"),
    "ui.screening.list.col_score": ("Skor", "Score"),
    "ui.screening.list.col_risk": ("Risiko", "Risk"),
    "ui.screening.list.col_decision": ("Keputusan", "Decision"),
    "ui.screening.list.undecided": ("Belum diputuskan", "Not decided yet"),
    "ui.screening.list.awaiting": ("menunggu konfirmasi", "awaiting confirmation"),
    "ui.screening.list.waitlisted_priority": ("{outcome} (prioritas {priority})",
                                              "{outcome} (priority {priority})"),
    "ui.screening.list.count": ("{count} asesmen", "{count} {count:assessment|assessments}"),
    "ui.screening.list.none": ("Belum ada asesmen untuk peserta ini.",
                               "No assessments for her yet."),
}

_CRITERIA: dict[str, tuple[str, str]] = {
    "ui.screening.criteria.title": ("Syarat kelayakan", "Eligibility criteria"),
    "ui.screening.criteria.intro": (
        "Syarat yang dicentang petugas saat asesmen awal. Syarat wajib harus terpenuhi; "
        "syarat berbobot menambah skor. Syarat tidak dihapus, tetapi dinonaktifkan, karena "
        "asesmen lama masih memakainya.",
        "The criteria case workers tick in a screening. Required ones must be met; weighted "
        "ones add to the score. Criteria are switched off rather than deleted, because old "
        "assessments still refer to them."),
    "ui.screening.criteria.col_code": ("Kode", "Code"),
    "ui.screening.criteria.col_label_id": ("Teks (Indonesia)", "Text (Indonesian)"),
    "ui.screening.criteria.col_label_en": ("Teks (Inggris)", "Text (English)"),
    "ui.screening.criteria.col_kind": ("Jenis", "Kind"),
    "ui.screening.criteria.col_weight": ("Bobot", "Weight"),
    "ui.screening.criteria.col_active": ("Aktif", "Active"),
    "ui.screening.criteria.yes": ("Ya", "Yes"),
    "ui.screening.criteria.no": ("Tidak", "No"),
    "ui.screening.criteria.add": ("Tambah syarat", "Add criterion"),
    "ui.screening.criteria.up": ("Naikkan", "Move up"),
    "ui.screening.criteria.down": ("Turunkan", "Move down"),
    "ui.screening.criteria.editor": ("Syarat yang dipilih", "Selected criterion"),
    "ui.screening.criteria.code_hint": ("huruf kecil, mis. punya_anak_balita",
                                        "lower case, e.g. has_young_children"),
    "ui.screening.criteria.code_fixed": (
        "Kode syarat yang sudah disimpan tidak dapat diubah.",
        "A saved criterion's code cannot be changed."),
    "ui.screening.criteria.active_box": ("Dipakai dalam asesmen baru",
                                         "Used in new assessments"),
    "ui.screening.criteria.required_hint": (
        "Wajib: bila tidak terpenuhi, asesmen menunjukkan bahwa ia belum memenuhi syarat.",
        "Required: when it is not met, the assessment shows she is not yet eligible."),
    "ui.screening.criteria.weighted_hint": (
        "Berbobot: bila terpenuhi, bobotnya (0–10) ditambahkan ke skor.",
        "Weighted: when met, its weight (0–10) is added to the score."),
    "ui.screening.criteria.new_row": ("syarat baru", "new criterion"),
    "ui.screening.criteria.row_problem": ("Baris {row} ({code}): {problems}",
                                          "Row {row} ({code}): {problems}"),
    "ui.screening.criteria.save": ("Simpan syarat", "Save criteria"),
}

UI_SCREENING: dict[str, tuple[str, str]] = {**_FORM, **_DECISION, **_WAITLIST, **_LIST,
                                            **_CRITERIA}
