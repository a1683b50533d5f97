"""Texts of the training programme's services: errors, group warnings and enum labels."""

from __future__ import annotations

_ERRORS: dict[str, tuple[str, str]] = {
    "error.already_in_group": (
        "{name} sudah menjadi anggota kelompok \"{group}\". Gunakan \"Pindahkan\" di kelompok "
        "itu bila ia perlu pindah.",
        "{name} is already a member of group \"{group}\". Use \"Transfer\" in that group if "
        "she needs to move."),
    "error.assessment_not_in_module": (
        "Peserta ini tidak mengikuti modul tersebut di kelompok mana pun.",
        "This participant does not follow that module in any group."),
    "error.attendance_cancelled_session": (
        "Sesi ini dibatalkan, jadi kehadirannya tidak dapat dicatat.",
        "This session was cancelled, so attendance cannot be taken for it."),
    "error.attendance_future_session": (
        "Sesi ini belum berlangsung. Kehadiran dicatat pada hari sesi atau sesudahnya.",
        "This session has not taken place yet. Take attendance on the day or later."),
    "error.cancel_reason_required": (
        "Tulis alasan pembatalan, misalnya \"fasilitator sakit\".",
        "Give the reason for cancelling, e.g. \"facilitator ill\"."),
    "error.date_outside_group_period": (
        "Tanggal harus di dalam periode kelompok ({start} sampai {end}). Pilih tanggal lain "
        "atau ubah periode kelompok.",
        "The date must be within the group's period ({start} to {end}). Choose another date "
        "or change the group's period."),
    "error.email_invalid": (
        "Alamat email tidak sah. Contoh: nama@contoh.org",
        "The email address is not valid. E.g. name@example.org"),
    "error.end_before_enrolment": (
        "Tanggal ini sebelum tanggal ia bergabung dengan kelompok.",
        "This date is before she joined the group."),
    "error.end_reason_required": (
        "Tulis alasannya (misalnya pindah kota, mulai bekerja, tidak dapat dihubungi).",
        "Give the reason (e.g. moved away, started work, cannot be reached)."),
    "error.enrol_before_registration": (
        "{name}: tanggal bergabung tidak boleh sebelum tanggal pendaftarannya.",
        "{name}: the joining date cannot be before her registration date."),
    "error.enrol_nobody": (
        "Pilih setidaknya satu peserta untuk dimasukkan ke kelompok.",
        "Choose at least one participant to enrol."),
    "error.enrol_not_accepted": (
        "{name} belum diterima dalam program (lihat keputusan seleksinya), jadi belum dapat "
        "dimasukkan ke kelompok.",
        "{name} has not been accepted into the programme (see her screening decision), so she "
        "cannot be enrolled yet."),
    "error.excuse_reason_required": (
        "Izin perlu alasan (misalnya anak sakit). Tulis alasannya lalu simpan lagi.",
        "An excused absence needs a reason (e.g. child ill). Write it and save again."),
    "error.facilitator_account_unusable": (
        "Akun ini tidak dapat dipakai: bukan akun fasilitator yang aktif, atau sudah terhubung "
        "ke fasilitator lain.",
        "This account cannot be used: it is not an active facilitator account, or it is "
        "already linked to another facilitator."),
    "error.facilitator_archived": (
        "Fasilitator ini sudah diarsipkan. Pilih fasilitator lain.",
        "This facilitator is archived. Choose another facilitator."),
    "error.facilitator_double_booked": (
        "Fasilitator ini sudah mengajar pada jam itu ({start}–{end}, kelompok {group}). Pilih "
        "jam atau fasilitator lain.",
        "This facilitator already teaches at that time ({start}–{end}, group {group}). Choose "
        "another time or facilitator."),
    "error.facilitator_has_history": (
        "Fasilitator ini sudah punya riwayat (kelompok atau sesi), jadi tidak dapat dihapus. "
        "Arsipkan saja.",
        "This facilitator has history (groups or sessions), so it cannot be deleted. Archive "
        "it instead."),
    "error.facilitator_not_qualified": (
        "Fasilitator ini tidak tercatat boleh mengajar modul ini. Pilih fasilitator lain atau "
        "tambahkan modul ini pada data fasilitatornya.",
        "This facilitator is not recorded as teaching this module. Choose another facilitator "
        "or add the module to her record."),
    "error.facilitator_unknown": (
        "Fasilitator ini tidak dikenal. Pilih dari daftar.",
        "This facilitator is not known. Choose one from the list."),
    "error.group_archived": (
        "Kelompok ini sudah diarsipkan. Pulihkan dulu bila masih dipakai.",
        "This group is archived. Restore it first if it is still in use."),
    "error.group_double_booked": (
        "Kelompok ini sudah punya sesi pada jam itu ({start}–{end}). Pilih jam lain.",
        "This group already has a session at that time ({start}–{end}). Choose another time."),
    "error.group_has_history": (
        "Kelompok ini sudah punya anggota atau sesi, jadi tidak dapat dihapus. Arsipkan saja.",
        "This group has members or sessions, so it cannot be deleted. Archive it instead."),
    "error.group_module_has_sessions": (
        "Modul yang dihapus dari kelompok ini sudah punya sesi. Batalkan atau hapus sesinya "
        "dulu.",
        "A module you removed from this group already has sessions. Cancel or delete them "
        "first."),
    "error.group_name_taken": (
        "Nama kelompok ini sudah dipakai. Pilih nama lain, misalnya dengan angkatan/tahun.",
        "This group name is already in use. Choose another, e.g. with the intake or year."),
    "error.group_needs_module": (
        "Pilih setidaknya satu modul untuk kelompok ini.",
        "Choose at least one module for this group."),
    "error.group_period_strands_sessions": (
        "{count} sesi kelompok ini berada di luar periode baru. Pindahkan atau hapus sesi itu "
        "dulu.",
        "{count} of this group's sessions fall outside the new period. Move or delete them "
        "first."),
    "error.group_unknown": (
        "Kelompok ini tidak dikenal. Periksa namanya atau pilih dari daftar.",
        "This group is not known. Check the name or choose one from the list."),
    "error.membership_not_active": (
        "Keanggotaan ini sudah berakhir (keluar, pindah atau selesai).",
        "This membership has already ended (left, transferred or completed)."),
    "error.module_code_taken": (
        "Kode modul ini sudah dipakai modul lain.",
        "This module code is already used by another module."),
    "error.module_has_history": (
        "Modul ini sudah dipakai kelompok atau sesi, jadi tidak dapat dihapus. Arsipkan saja.",
        "This module is used by groups or sessions, so it cannot be deleted. Archive it "
        "instead."),
    "error.module_not_in_group": (
        "Modul ini tidak termasuk modul kelompok. Pilih salah satu modul kelompok.",
        "This module is not one of the group's modules. Choose one of them."),
    "error.module_unknown": (
        "Modul ini tidak dikenal. Pilih dari daftar.",
        "This module is not known. Choose one from the list."),
    "error.mou_end_before_start": (
        "Tanggal akhir MoU tidak boleh sebelum tanggal mulainya.",
        "The MoU's end date cannot be before its start date."),
    "error.not_a_member_that_day": (
        "Peserta ini bukan anggota kelompok pada tanggal sesi.",
        "This participant was not a member of the group on the session's date."),
    "error.partner_has_history": (
        "Mitra ini sudah dipakai (rujukan, keputusan atau modul), jadi tidak dapat dihapus. "
        "Nonaktifkan saja.",
        "This partner is in use (referrals, decisions or modules), so it cannot be deleted. "
        "Deactivate it instead."),
    "error.period_end_before_start": (
        "Tanggal selesai tidak boleh sebelum tanggal mulai.",
        "The end date cannot be before the start date."),
    "error.period_too_long": (
        "Periode kelompok paling lama dua tahun.",
        "A group's period can be at most two years."),
    "error.plan_row": ("Baris {row}: {problem}", "Row {row}: {problem}"),
    "error.session_cancelled": (
        "Sesi ini sudah dibatalkan.",
        "This session has been cancelled."),
    "error.session_ends_before_start": (
        "Jam selesai harus sesudah jam mulai.",
        "The end time must be after the start time."),
    "error.session_has_attendance": (
        "Kehadiran sesi ini sudah dicatat, jadi sesi tidak dapat diubah, dibatalkan atau "
        "dihapus.",
        "Attendance has been taken for this session, so it cannot be changed, cancelled or "
        "deleted."),
    "error.session_unknown": (
        "Sesi ini tidak dikenal. Periksa nomornya atau pilih dari daftar.",
        "This session is not known. Check its number or choose it from the list."),
    "error.transfer_same_group": (
        "Pilih kelompok lain: ia sudah berada di kelompok ini.",
        "Choose another group: she is already in this one."),
    "error.venue_archived": (
        "Tempat ini sudah diarsipkan. Pilih tempat lain.",
        "This venue is archived. Choose another venue."),
    "error.venue_double_booked": (
        "Tempat ini sudah dipakai pada jam itu ({start}–{end}, kelompok {group}). Pilih jam "
        "atau tempat lain.",
        "This venue is already booked at that time ({start}–{end}, group {group}). Choose "
        "another time or venue."),
    "error.venue_has_history": (
        "Tempat ini sudah dipakai kelompok atau sesi, jadi tidak dapat dihapus. Arsipkan saja.",
        "This venue is used by groups or sessions, so it cannot be deleted. Archive it "
        "instead."),
    "error.venue_lacks_features": (
        "Tempat ini tidak punya yang dibutuhkan modul: {features}. Pilih tempat lain.",
        "This venue lacks what the module needs: {features}. Choose another venue."),
    "error.venue_name_taken": (
        "Nama tempat ini sudah dipakai.",
        "This venue name is already in use."),
    "error.venue_required": (
        "Pilih tempat sesi (atau isi tempat tetap kelompok).",
        "Choose the session's venue (or set the group's usual venue)."),
    "error.cancelled": (
        "Dibatalkan. Tidak ada yang disimpan.",
        "Cancelled. Nothing was saved."),
    "error.no_session_chosen": (
        "Pilih setidaknya satu sesi dulu.",
        "Choose at least one session first."),
    "error.venue_unknown": (
        "Tempat ini tidak dikenal. Pilih dari daftar.",
        "This venue is not known. Choose one from the list."),
}

_WARNINGS: dict[str, tuple[str, str]] = {
    "warning.group_over_capacity": (
        "Anggota aktif ({members}) melebihi kapasitas {venue} ({capacity} orang).",
        "Active members ({members}) exceed the capacity of {venue} ({capacity} {capacity:person|people})."),
    "warning.high_risk_near_venue": (
        "{name} ({code}) berisiko tinggi dan tinggal di Kecamatan {kecamatan}, dekat {venue} "
        "(Kecamatan {venue_kecamatan}). Pertimbangkan tempat atau kelompok lain.",
        "{name} ({code}) is high risk and lives in Kecamatan {kecamatan}, near {venue} "
        "(Kecamatan {venue_kecamatan}). Consider another venue or group."),
    "warning.module_without_facilitator": (
        "Modul {module} belum punya fasilitator kelompok yang boleh mengajarnya.",
        "Module {module} has no group facilitator qualified to teach it."),
    "warning.venue_lacks_features": (
        "Modul {module} membutuhkan {features}, tetapi {venue} tidak memilikinya.",
        "Module {module} needs {features}, but {venue} does not have it."),
}

_TIMELINE: dict[str, tuple[str, str]] = {
    "ui.care.event.joined_group": ("Bergabung dengan kelompok {group}",
                                   "Joined group {group}"),
    "ui.care.event.left_group": ("Keanggotaan kelompok {group} berakhir",
                                 "Membership of group {group} ended"),
}

_TAB: dict[str, tuple[str, str]] = {
    "ui.form.tab_training": ("Pelatihan", "Training"),
    "ui.training.intro": (
        "Kelompok yang ia ikuti dan kehadirannya per modul (dari sesi yang sudah terlaksana). "
        "Syarat kelulusan modul: kehadiran mencapai batas minimal dan, bila diwajibkan, lulus "
        "uji keterampilan.",
        "The groups she is in and her attendance per module (of the sessions held so far). A "
        "module's completion rule: attendance at its minimum and, where required, a passed "
        "skill assessment."),
    "ui.training.groups": ("Kelompok", "Groups"),
    "ui.training.progress": ("Kemajuan per modul", "Progress per module"),
    "ui.training.none": ("Ia belum masuk kelompok pelatihan mana pun.",
                         "She is not in any training group yet."),
    "ui.training.col_group": ("Kelompok", "Group"),
    "ui.training.col_joined": ("Bergabung", "Joined"),
    "ui.training.col_status": ("Status", "Status"),
    "ui.training.col_module": ("Modul", "Module"),
    "ui.training.col_attended": ("Hadir", "Attended"),
    "ui.training.col_percent": ("Persen", "Percent"),
    "ui.training.col_minimum": ("Minimal", "Minimum"),
    "ui.training.col_assessment": ("Uji keterampilan", "Skill assessment"),
    "ui.training.col_result": ("Hasil", "Result"),
    "ui.training.ended": ("{status} ({date})", "{status} ({date})"),
    "ui.training.attended": ("{attended} dari {held} sesi", "{attended} of {held} {held:session|sessions}"),
    "ui.training.not_assessed": ("Belum diuji", "Not assessed yet"),
    "ui.training.passed": ("Lulus", "Passed"),
    "ui.training.not_passed": ("Belum lulus", "Not passed"),
    "ui.training.no_assessment": ("Tidak diwajibkan", "Not required"),
    "ui.training.completed": ("✓ Memenuhi syarat", "✓ Meets the rule"),
    "ui.training.awaiting_assessment": ("Menunggu uji keterampilan", "Awaiting the assessment"),
    "ui.training.no_sessions": ("Belum ada sesi terlaksana", "No session held yet"),
    "ui.training.below": ("Di bawah batas minimal", "Below the minimum"),
    "ui.training.assess": ("Catat uji keterampilan…", "Record skill assessment…"),
    "ui.training.assess_title": ("Uji keterampilan", "Skill assessment"),
    "ui.training.assess_intro": (
        "Hasil uji terbaru menggantikan hasil sebelumnya untuk modul ini.",
        "The latest result replaces the previous one for this module."),
    "ui.training.result_label": ("Hasil", "Result"),
    "ui.training.date_label": ("Tanggal uji", "Date assessed"),
    "ui.training.score_label": ("Nilai (0–100)", "Score (0–100)"),
    "ui.training.no_score": ("tidak ada nilai", "no score"),
    "ui.training.save": ("Simpan hasil", "Save result"),
}

_DASHBOARD: dict[str, tuple[str, str]] = {
    "ui.care.dash.training": ("Pelatihan", "Training"),
    "ui.care.dash.groups_running": ("Kelompok berjalan", "Groups running"),
    "ui.care.dash.in_training": ("Peserta dalam pelatihan", "Women in training"),
    "ui.care.dash.completed_training": ("Menyelesaikan pelatihan", "Completed training"),
    "ui.care.dash.left_training": ("Keluar sebelum selesai", "Left before the end"),
    "ui.care.dash.sessions_held": ("Sesi terlaksana bulan ini", "Sessions held this month"),
    "ui.care.dash.sessions_planned": ("Sesi akan datang bulan ini",
                                      "Sessions still to come this month"),
    "ui.care.dash.sessions_cancelled": ("Sesi dibatalkan bulan ini",
                                        "Sessions cancelled this month"),
    "ui.care.dash.attendance_rate": ("Kehadiran bulan ini (hadir atau terlambat)",
                                     "Attendance this month (present or late)"),
    "ui.care.dash.training_hint": (
        "Kelompok berjalan: periodenya mencakup hari ini. Selesai dan keluar dihitung sejak "
        "awal program; sesi dan kehadiran untuk bulan kalender ini.",
        "Groups running: their period includes today. Completed and left are counted since "
        "the programme began; sessions and attendance for this calendar month."),
}

_ENUMS: dict[str, tuple[str, str]] = {
    "enum.Track.social": ("Sosial", "Social"),
    "enum.Track.economic": ("Ekonomi", "Economic"),
    "enum.FacilitatorType.psychologist": ("Psikolog", "Psychologist"),
    "enum.FacilitatorType.social_worker": ("Pekerja sosial", "Social worker"),
    "enum.FacilitatorType.trainer": ("Pelatih", "Trainer"),
    "enum.FacilitatorType.community_leader": ("Tokoh masyarakat", "Community leader"),
    "enum.VenueFeature.kitchen": ("Dapur", "Kitchen"),
    "enum.VenueFeature.sewing_machines": ("Mesin jahit", "Sewing machines"),
    "enum.VenueFeature.projector": ("Proyektor", "Projector"),
    "enum.VenueFeature.private_room": ("Ruang tertutup", "Private room"),
    "enum.EnrolmentStatus.active": ("Aktif", "Active"),
    "enum.EnrolmentStatus.withdrawn": ("Mengundurkan diri", "Withdrawn"),
    "enum.EnrolmentStatus.dropped_out": ("Putus di tengah jalan", "Dropped out"),
    "enum.EnrolmentStatus.transferred": ("Pindah kelompok", "Transferred"),
    "enum.EnrolmentStatus.completed": ("Selesai", "Completed"),
    "enum.SessionStatus.planned": ("Direncanakan", "Planned"),
    "enum.SessionStatus.held": ("Terlaksana", "Held"),
    "enum.SessionStatus.cancelled": ("Dibatalkan", "Cancelled"),
    "enum.SessionStatus.moved": ("Dipindah jadwal", "Moved"),
    "enum.AttendanceMark.present": ("Hadir", "Present"),
    "enum.AttendanceMark.late": ("Terlambat", "Late"),
    "enum.AttendanceMark.excused": ("Izin", "Excused"),
    "enum.AttendanceMark.absent": ("Tidak hadir", "Absent"),
}

TRAINING: dict[str, tuple[str, str]] = {**_ERRORS, **_WARNINGS, **_TIMELINE, **_TAB, **_DASHBOARD,
                                        **_ENUMS}
