"""Texts of the Penjadwalan tab: choosing groups, term and sliders, solving, and the review
(summary, explanations, the week grid, the term list, conflicts, locking and applying)."""

from __future__ import annotations

UI_SCHEDULE: dict[str, tuple[str, str]] = {
    "ui.main.tab_schedule": ("Penjadwalan", "Scheduling"),
    # setting up
    "ui.schedule.setup": ("Apa yang dijadwalkan", "What to schedule"),
    "ui.schedule.groups": ("Kelompok", "Groups"),
    "ui.schedule.group_item": ("{name} ({members} anggota)", "{name} ({members} {members:member|members})"),
    "ui.schedule.no_groups": ("Belum ada kelompok yang berjalan.", "No group is running yet."),
    "ui.schedule.term_from": ("Dari", "From"),
    "ui.schedule.term_to": ("Sampai", "To"),
    "ui.schedule.replan": ("Jadwalkan ulang sesi mendatang", "Re-plan upcoming sessions"),
    "ui.schedule.replan_hint": (
        "Sesi yang sudah berlangsung, sudah diabsen atau dikunci tidak dipindah.",
        "Sessions already held, with attendance taken or locked, stay where they are."),
    "ui.schedule.goals": ("Yang paling penting", "What matters most"),
    "ui.schedule.weight.attendance": ("Sebanyak mungkin anggota bisa hadir",
                                      "As many members as possible can attend"),
    "ui.schedule.weight.minimum": ("Setiap anggota mencapai kehadiran minimal",
                                   "Every member reaches the minimum attendance"),
    "ui.schedule.weight.same_slot": ("Hari dan jam yang sama setiap minggu",
                                     "The same day and time every week"),
    "ui.schedule.weight.same_venue": ("Tempat yang sama", "The same venue"),
    "ui.schedule.weight.near": ("Tempat dekat rumah anggota", "A venue near members' homes"),
    "ui.schedule.weight.childcare": ("Ada penitipan anak bila perlu",
                                     "Childcare when it is needed"),
    "ui.schedule.weight.no_gaps": ("Tanpa jeda kosong", "No idle gaps"),
    "ui.schedule.not_important": ("tidak penting", "not important"),
    "ui.schedule.very_important": ("sangat penting", "very important"),
    "ui.schedule.level.0": ("tidak penting", "not important"),
    "ui.schedule.level.1": ("sedikit penting", "slightly important"),
    "ui.schedule.level.2": ("agak penting", "fairly important"),
    "ui.schedule.level.3": ("penting", "important"),
    "ui.schedule.level.4": ("sangat penting", "very important"),
    "ui.schedule.level.5": ("paling penting", "most important"),
    "ui.schedule.make": ("Buat jadwal", "Make schedule"),
    "ui.schedule.reading": ("Membaca data kelompok…", "Reading the groups…"),
    "ui.schedule.solving": ("Menyusun jadwal…", "Building the schedule…"),
    "ui.schedule.solving_best": (
        "Menyusun jadwal… Terbaik sejauh ini: {placed} sesi, kehadiran perkiraan {percent}%.\n"
        "\"Berhenti\" memakai jadwal terbaik yang sudah ditemukan.",
        "Building the schedule… Best so far: {placed} {placed:session|sessions}, expected attendance "
        "{percent}%.\n\"Stop\" keeps the best schedule found so far."),
    "ui.schedule.stop": ("Berhenti", "Stop"),
    "ui.schedule.start_hint": (
        "Pilih kelompok dan periode, atur apa yang paling penting, lalu tekan \"Buat jadwal\". "
        "Tidak ada yang disimpan sebelum Anda menerapkan jadwal.",
        "Choose the groups and the term, set what matters most, then press \"Make schedule\". "
        "Nothing is saved until you apply the schedule."),
    # the review
    "ui.schedule.proposal": ("Usulan jadwal (belum disimpan)", "Proposed schedule (not saved)"),
    "ui.schedule.summary": (
        "{placed} sesi dijadwalkan · kehadiran perkiraan {percent}% · pelanggaran aturan: "
        "{violations} · anggota di bawah minimal modul: {short}",
        "{placed} {placed:session|sessions} placed · expected attendance {percent}% · rule violations: "
        "{violations} · members below a module's minimum: {short}"),
    "ui.schedule.cancelled_note": ("Dihentikan: ini jadwal terbaik yang ditemukan sejauh itu.",
                                   "Stopped: this is the best schedule found until then."),
    "ui.schedule.unplaced": ("{group}: {count} sesi modul {module} belum mendapat waktu.",
                             "{group}: {count} {count:session|sessions} of module {module} have no slot."),
    "ui.schedule.shortfall": (
        "{name} ({group}) hanya bisa hadir {can} dari {sessions} sesi {module}, minimal {needed}.",
        "{name} ({group}) can attend only {can} of {sessions} {module} {module:session|sessions}, at least "
        "{needed}."),
    "ui.schedule.all_met": ("Semua sesi mendapat waktu dan setiap anggota bisa mencapai "
                            "kehadiran minimal.",
                            "Every session has a slot and every member can reach the minimum "
                            "attendance."),
    "ui.schedule.explanations": ("Yang tidak bisa dipenuhi", "What could not be met"),
    "ui.schedule.show": ("Tampilkan:", "Show:"),
    "ui.schedule.per_group": ("Per kelompok", "Per group"),
    "ui.schedule.per_venue": ("Per tempat", "Per venue"),
    "ui.schedule.per_facilitator": ("Per fasilitator", "Per facilitator"),
    "ui.schedule.previous_week": ("Minggu sebelumnya", "Previous week"),
    "ui.schedule.next_week": ("Minggu berikutnya", "Next week"),
    "ui.schedule.week_title": ("Pekan {number} dari {weeks}: {start} – {end}",
                               "Week {number} of {weeks}: {start} – {end}"),
    "ui.schedule.block": ("{module} · {percent}%", "{module} · {percent}%"),
    "ui.schedule.block_tip": (
        "{group} · {module} {title}\n{date} {time}\nTempat: {venue}\nFasilitator: {facilitator}"
        "\nPerkiraan hadir: {percent}%{state}",
        "{group} · {module} {title}\n{date} {time}\nVenue: {venue}\nFacilitator: {facilitator}"
        "\nExpected attendance: {percent}%{state}"),
    "ui.schedule.state_fixed": ("\nSudah ada (tidak dipindah)", "\nAlready there (not moved)"),
    "ui.schedule.state_locked": ("\nDikunci", "\nLocked"),
    "ui.schedule.drag_hint": (
        "Seret sesi ke hari atau jam lain (per 30 menit); ke pekan lain lewat \"Pindahkan "
        "ke…\" (klik kanan atau Ctrl+M). Sesi yang sudah ada atau dikunci tidak bisa "
        "dipindah.",
        "Drag a session to another day or time (in 30-minute steps); to another week with "
        "\"Move to…\" (right-click or Ctrl+M). Sessions already there or locked cannot be "
        "moved."),
    "ui.schedule.day.0": ("Sen", "Mon"),
    "ui.schedule.day.1": ("Sel", "Tue"),
    "ui.schedule.day.2": ("Rab", "Wed"),
    "ui.schedule.day.3": ("Kam", "Thu"),
    "ui.schedule.day.4": ("Jum", "Fri"),
    "ui.schedule.day.5": ("Sab", "Sat"),
    "ui.schedule.day.6": ("Min", "Sun"),
    "ui.schedule.col_date": ("Tanggal", "Date"),
    "ui.schedule.col_time": ("Jam", "Time"),
    "ui.schedule.col_group": ("Kelompok", "Group"),
    "ui.schedule.col_module": ("Modul", "Module"),
    "ui.schedule.col_venue": ("Tempat", "Venue"),
    "ui.schedule.col_facilitator": ("Fasilitator", "Facilitator"),
    "ui.schedule.col_attendance": ("Perkiraan hadir", "Expected attendance"),
    "ui.schedule.col_state": ("Keterangan", "Note"),
    "ui.schedule.state.new": ("Usulan", "Proposed"),
    "ui.schedule.state.fixed": ("Sudah ada", "Already there"),
    "ui.schedule.state.locked": ("Dikunci", "Locked"),
    "ui.schedule.state.conflict": ("Bentrok", "Conflict"),
    "ui.schedule.lock": ("Kunci", "Lock"),
    "ui.schedule.lock_hint": ("Kunci sesi terpilih: tetap di tempatnya saat jadwal dibuat ulang "
                              "(Ctrl+K).",
                              "Lock the selected session: it stays put when re-running "
                              "(Ctrl+K)."),
    "ui.schedule.rerun": ("Buat ulang", "Re-run"),
    "ui.schedule.apply": ("Terapkan jadwal", "Apply schedule"),
    "ui.schedule.apply_title": ("Terapkan jadwal", "Apply schedule"),
    "ui.schedule.apply_question": (
        "Simpan {count} sesi baru ke jadwal kelompok?{replaced}",
        "Save {count} new sessions to the groups' schedules?{replaced}"),
    "ui.schedule.apply_replaces": ("\n{count} sesi mendatang yang lama dibatalkan "
                                   "(dijadwalkan ulang).",
                                   "\n{count} old upcoming sessions are cancelled (re-planned)."),
    "ui.schedule.applied": ("{count} sesi disimpan.", "{count} {count:session|sessions} saved."),
    "ui.schedule.moved": ("Sesi {module} dipindah ke {date} {time}.",
                          "Session {module} moved to {date} {time}."),
    # conflicts, said plainly
    "ui.schedule.conflicts": ("{count} bentrok: perbaiki dulu sebelum menerapkan jadwal.",
                              "{count} conflicts: fix them before applying the schedule."),
    # moving to another week, locking and unlocking
    "ui.schedule.move": ("Pindahkan ke…", "Move to…"),
    "ui.schedule.move_hint": ("Pindahkan sesi terpilih ke tanggal dan jam lain, juga di pekan "
                              "lain (Ctrl+M).",
                              "Move the selected session to another date and time, in another "
                              "week too (Ctrl+M)."),
    "ui.schedule.move_title": ("Pindahkan sesi", "Move session"),
    "ui.schedule.move_date": ("Tanggal", "Date"),
    "ui.schedule.move_start": ("Mulai", "Start"),
    "ui.schedule.move_ok": ("Pindahkan", "Move"),
    "ui.schedule.move_same": ("Pilih tanggal atau jam lain.", "Choose another date or time."),
    "ui.schedule.move_free": ("Tidak ada bentrok di waktu ini.", "No conflict at this time."),
    "ui.schedule.move_conflicts": ("{count} bentrok di waktu ini:",
                                   "{count} conflicts at this time:"),
    "ui.schedule.move_more": ("… dan {count} lagi", "… and {count} more"),
    "ui.schedule.unlock": ("Buka kunci", "Unlock"),
    "ui.schedule.unlock_hint": ("Buka kunci sesi terpilih: boleh dipindah lagi dan dijadwalkan "
                                "ulang (Ctrl+K).",
                                "Unlock the selected session: it may be moved and re-planned "
                                "again (Ctrl+K)."),
    "ui.schedule.kept_fixed": (
        "Sesi ini sudah ada di jadwal (sudah berlangsung, sudah diabsen, atau direncanakan "
        "sebelumnya): tidak bisa dipindah atau dibuka kuncinya di sini.",
        "This session is already in the schedule (held, with attendance taken, or planned "
        "earlier): it cannot be moved or unlocked here."),
    "ui.schedule.kept_locked": ("Sesi ini dikunci: buka kuncinya dulu untuk memindahkannya.",
                                "This session is locked: unlock it first to move it."),
    "ui.schedule.lock_conflict": ("Sesi ini bentrok: pindahkan dulu sebelum menguncinya.",
                                  "This session has a conflict: move it before locking it."),
    "ui.schedule.choose_session": ("Pilih dulu satu sesi di kisi atau daftar.",
                                   "Choose a session in the grid or the list first."),
}
