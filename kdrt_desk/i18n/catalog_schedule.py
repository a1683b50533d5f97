"""Texts of the scheduler: why a schedule cannot meet every rule (``schedule.explain.*``), the
weekdays they name and the result's status."""

from __future__ import annotations

SCHEDULE: dict[str, tuple[str, str]] = {
    "schedule.explain.no_open_days": (
        "Tidak ada hari buka dari {start} sampai {end} (libur, penutupan, atau di luar periode)"
        ": tidak ada sesi yang bisa dijadwalkan.",
        "There is no open day from {start} to {end} (holidays, closures, or outside the term): "
        "no session can be scheduled."),
    "schedule.explain.no_kitchen": (
        "Modul {module} ({groups} kelompok) butuh dapur, tetapi tidak ada tempat dengan {features}"
        ": tambahkan tempat berdapur atau ubah kebutuhan modul.",
        "Module {module} ({groups} {groups:group|groups}) needs a kitchen, but no venue has {features}: add a "
        "venue with a kitchen or change what the module needs."),
    "schedule.explain.no_venue_features": (
        "Modul {module} ({groups} kelompok) butuh {features}, tetapi tidak ada tempat yang "
        "memilikinya.",
        "Module {module} ({groups} {groups:group|groups}) needs {features}, but no venue has it."),
    "schedule.explain.module_too_long": (
        "Sesi modul {module} berlangsung {minutes} menit, tetapi waktu kosong terpanjang dalam "
        "sehari hanya {longest} menit (jam kegiatan dan waktu salat): perpendek sesinya.",
        "Sessions of module {module} last {minutes} {minutes:minute|minutes}, but the longest free stretch of a "
        "day is {longest} {longest:minute|minutes} (opening hours and prayer times): shorten them."),
    "schedule.explain.facilitator_load": (
        "Modul {module} butuh {needed} sesi, tetapi {facilitators} fasilitator yang bisa "
        "mengajarnya hanya punya {slots} sesi dalam batas mingguan mereka.",
        "Module {module} needs {needed} {needed:session|sessions}, but the {facilitators} {facilitators:facilitator|facilitators} who may "
        "teach it {facilitators:has|have} only {slots} {slots:session|sessions} within their weekly limits."),
    "schedule.explain.group_too_large": (
        "Kelompok {group} beranggota {members} orang, tetapi tempat terbesar untuk modul "
        "{module} hanya muat {capacity}: bagi kelompoknya atau cari tempat yang lebih besar.",
        "Group {group} has {members} {members:member|members}, but the largest venue for module {module} holds "
        "{capacity}: split the group or find a larger venue."),
    "schedule.explain.no_facilitator": (
        "Tidak ada fasilitator yang boleh mengajar modul {module} untuk kelompok {group}.",
        "No facilitator may teach module {module} to group {group}."),
    "schedule.explain.kitchen_slots": (
        "{groups} kelompok butuh {needed} sesi dapur; dapur hanya punya {slots} slot kosong "
        "dalam periode ini.",
        "{groups} {groups:group needs|groups need} {needed} kitchen sessions; the kitchens have only {slots} free "
        "slots in this term."),
    "schedule.explain.group_days": (
        "Kelompok {group} butuh {needed} sesi, tetapi hari buka dalam periode ini hanya memuat "
        "{slots} sesi (paling banyak dua sehari).",
        "Group {group} needs {needed} {needed:session|sessions}, but the open days of this term hold only "
        "{slots} (at most two a day)."),
    "schedule.explain.member_blocked": (
        "{name} bisa hadir di {free} dari {slots} slot; modul {module} butuh {needed} dari "
        "{sessions} sesi: pertimbangkan kelompok lain atau tinjau jadwal rutinnya.",
        "{name} can attend {free} of {slots} {slots:slot|slots}; module {module} needs {needed} of "
        "{sessions} {sessions:session|sessions}: consider another group or review her routine."),
    "schedule.explain.shortfall": (
        "{name} bisa hadir di {can} dari {sessions} sesi {module} dalam jadwal ini (hari "
        "{days}); minimal {needed}.",
        "{name} can attend {can} of the {sessions} {sessions:session|sessions} of {module} in this schedule "
        "({days}); the minimum is {needed}."),
    "schedule.explain.shortfall_other_group": (
        "{name} bisa hadir di {can} dari {sessions} sesi {module} dalam jadwal ini (hari "
        "{days}); minimal {needed}: pertimbangkan kelompok {group}.",
        "{name} can attend {can} of the {sessions} {sessions:session|sessions} of {module} in this schedule "
        "({days}); the minimum is {needed}: consider group {group}."),
    "schedule.explain.unplaced_calendar": (
        "{count} sesi {module} kelompok {group} belum terjadwal: hari libur, penutupan dan "
        "waktu salat tidak menyisakan slot.",
        "{count} {count:session|sessions} of {module} for group {group} are not scheduled: holidays, closures "
        "and prayer times leave no slot."),
    "schedule.explain.unplaced_group": (
        "{count} sesi {module} kelompok {group} belum terjadwal: jadwal kelompok sudah penuh "
        "(paling banyak dua sesi sehari).",
        "{count} {count:session|sessions} of {module} for group {group} are not scheduled: the group's days "
        "are full (at most two sessions a day)."),
    "schedule.explain.unplaced_venue": (
        "{count} sesi {module} kelompok {group} belum terjadwal: tempat yang cocok sudah "
        "terpakai kelompok lain.",
        "{count} {count:session|sessions} of {module} for group {group} are not scheduled: the suitable "
        "venues are taken by other groups."),
    "schedule.explain.unplaced_facilitator": (
        "{count} sesi {module} kelompok {group} belum terjadwal: fasilitatornya sudah "
        "mengajar di waktu itu atau mencapai batas harian/mingguan.",
        "{count} {count:session|sessions} of {module} for group {group} are not scheduled: the facilitator is "
        "teaching elsewhere then or has reached her daily or weekly limit."),
    "schedule.explain.unplaced_facilitator_away": (
        "{count} sesi {module} kelompok {group} belum terjadwal: fasilitatornya tidak "
        "tersedia di waktu yang tersisa.",
        "{count} {count:session|sessions} of {module} for group {group} are not scheduled: the facilitator is "
        "not available at the times left."),
    "schedule.explain.unplaced_combination": (
        "{count} sesi {module} kelompok {group} belum terjadwal: setiap waktu yang tersisa "
        "terhalang oleh gabungan aturan ini: {rules}.",
        "{count} {count:session|sessions} of {module} for group {group} are not scheduled: every time left is "
        "blocked by these rules together: {rules}."),
    "schedule.explain.unplaced_time": (
        "{count} sesi {module} kelompok {group} belum terjadwal dalam batas waktu hitung; "
        "masih ada slot kosong: jalankan penjadwalan lebih lama.",
        "{count} {count:session|sessions} of {module} for group {group} were not scheduled within the time "
        "limit though free slots remain: run the scheduler longer."),
    "schedule.rule.group_busy": ("kelompok sudah ada sesi di jam itu",
                                 "the group already has a session then"),
    "schedule.rule.group_day": ("kelompok sudah dua sesi hari itu",
                                "the group already has two sessions that day"),
    "schedule.rule.venue": ("tempat sudah terpakai atau tutup", "the venue is taken or shut"),
    "schedule.rule.facilitator": ("fasilitator sedang mengajar atau mencapai batasnya",
                                  "the facilitator is teaching or at her limit"),
    "schedule.rule.facilitator_away": ("fasilitator tidak tersedia",
                                       "the facilitator is not available"),
    "schedule.explain.unplaced_venue_missing": (
        "{count} sesi {module} kelompok {group} belum terjadwal: tidak ada tempat yang cocok.",
        "{count} {count:session|sessions} of {module} for group {group} are not scheduled: no venue suits "
        "it."),
    "schedule.explain.unplaced_no_facilitator": (
        "{count} sesi {module} kelompok {group} belum terjadwal: tidak ada fasilitator yang "
        "boleh mengajarnya.",
        "{count} {count:session|sessions} of {module} for group {group} are not scheduled: no facilitator may "
        "teach it."),
    "schedule.weekday.0": ("Senin", "Monday"),
    "schedule.weekday.1": ("Selasa", "Tuesday"),
    "schedule.weekday.2": ("Rabu", "Wednesday"),
    "schedule.weekday.3": ("Kamis", "Thursday"),
    "schedule.weekday.4": ("Jumat", "Friday"),
    "schedule.weekday.5": ("Sabtu", "Saturday"),
    "schedule.weekday.6": ("Minggu", "Sunday"),
    "schedule.status.optimal": ("optimal", "optimal"),
    "schedule.status.feasible": ("layak", "feasible"),
    "schedule.status.partial": ("sebagian (ada sesi belum terjadwal)",
                                "partial (some sessions unplaced)"),
    "schedule.status.cancelled": ("dibatalkan (jadwal terbaik sejauh ini)",
                                  "cancelled (the best schedule so far)"),
    # hard rules a schedule breaks (``verify.Violation``): the session, then the rule
    "schedule.violation.line": ("{session}: {reason}", "{session}: {reason}"),
    "schedule.violation.session": ("{group} · {module} {date} {start}–{end}",
                                   "{group} · {module} {date} {start}–{end}"),
    "schedule.violation.unknown_group": ("kelompoknya tidak dikenal", "unknown group"),
    "schedule.violation.unknown_module": ("kelompok ini tidak punya modul itu",
                                          "the group has no such module"),
    "schedule.violation.ends_before_start": ("selesai sebelum mulai", "ends before it starts"),
    "schedule.violation.wrong_length": (
        "berlangsung {minutes} menit, sesi modul ini {expected} menit",
        "lasts {minutes} {minutes:minute|minutes}, the module's sessions last {expected}"),
    "schedule.violation.outside_term": ("di luar periode kelompok atau periode yang dijadwalkan",
                                        "outside its group's period or the planned term"),
    "schedule.violation.before_plan_from": ("sebelum {plan_from}, awal penjadwalan ulang",
                                            "before {plan_from}, where re-planning starts"),
    "schedule.violation.holiday": ("pada hari libur", "on a holiday"),
    "schedule.violation.closure": ("pada hari pusat tutup", "on a day the centre is closed"),
    "schedule.violation.opening_hours": ("di luar jam kegiatan {opens}–{closes}",
                                         "outside the day's hours {opens}–{closes}"),
    "schedule.violation.prayer_window": ("bertabrakan dengan {window}", "over the {window}"),
    "schedule.violation.ramadan_cooking": (
        "sesi memasak di siang hari bulan puasa",
        "a cooking session at midday in Ramadan"),
    "schedule.violation.unknown_venue": ("tempatnya tidak dikenal (nomor {venue_id})",
                                         "unknown venue (number {venue_id})"),
    "schedule.violation.capacity": ("kelompoknya {members} orang, tempat {venue} hanya muat "
                                    "{capacity}",
                                    "the group has {members} {members:member|members}, venue {venue} holds "
                                    "{capacity}"),
    "schedule.violation.venue_features": ("tempat {venue} tidak punya {features}",
                                          "venue {venue} has no {features}"),
    "schedule.violation.venue_closed": ("tempat {venue} tutup hari itu",
                                        "venue {venue} is closed that day"),
    "schedule.violation.venue_hours": ("di luar jam buka tempat {venue}",
                                       "outside venue {venue}'s hours"),
    "schedule.violation.unknown_facilitator": (
        "fasilitatornya tidak dikenal (nomor {facilitator_id})",
        "unknown facilitator (number {facilitator_id})"),
    "schedule.violation.facilitator_not_qualified": (
        "{facilitator} tidak boleh mengajar modul ini",
        "{facilitator} may not teach this module"),
    "schedule.violation.facilitator_not_group": (
        "{facilitator} bukan fasilitator kelompok ini",
        "{facilitator} is not this group's facilitator"),
    "schedule.violation.facilitator_away": ("{facilitator} tidak tersedia hari itu",
                                            "{facilitator} is away that day"),
    "schedule.violation.facilitator_hours": ("di luar jam {facilitator} bisa datang",
                                             "outside the hours {facilitator} can come"),
    "schedule.violation.fixed_moved": (
        "sesi yang sudah ada atau dikunci ini hilang atau dipindah",
        "this session, already there or locked, is missing or moved"),
    "schedule.violation.fixed_unknown": (
        "ditandai tetap, tetapi bukan sesi yang sudah ada atau dikunci",
        "marked fixed but not a session already there or locked"),
    "schedule.violation.group_overlap": (
        "kelompok sudah punya sesi {other_module} pada jam itu ({other_start}–{other_end})",
        "the group already has a session of {other_module} then ({other_start}–{other_end})"),
    "schedule.violation.venue_overlap": (
        "tempat {venue} sudah dipakai {other_group} ({other_module} {other_start}–{other_end})",
        "venue {venue} is taken by {other_group} ({other_module} {other_start}–{other_end})"),
    "schedule.violation.facilitator_overlap": (
        "{facilitator} sudah mengajar {other_group} pada jam itu ({other_module} "
        "{other_start}–{other_end})",
        "{facilitator} is teaching {other_group} then ({other_module} "
        "{other_start}–{other_end})"),
    "schedule.violation.group_day_count": (
        "Kelompok {group} punya {count} sesi pada {date}; paling banyak {most} sehari.",
        "Group {group} has {count} {count:session|sessions} on {date}; at most {most} a day."),
    "schedule.violation.facilitator_day_max": (
        "{facilitator} mengajar {count} sesi pada {date}; batasnya {most} sehari.",
        "{facilitator} teaches {count} {count:session|sessions} on {date}; her limit is {most} a day."),
    "schedule.violation.facilitator_week_max": (
        "{facilitator} mengajar {count} sesi pada pekan mulai {week}; batasnya {most} "
        "sepekan.",
        "{facilitator} teaches {count} {count:session|sessions} in the week from {week}; her limit is {most} "
        "a week."),
    "schedule.violation.module_too_many": (
        "Kelompok {group} punya {count} sesi modul {module}; modul ini hanya {sessions} sesi.",
        "Group {group} has {count} {count:session|sessions} of module {module}; the module has {sessions}."),
    "schedule.violation.module_facilitators": (
        "Modul {module} kelompok {group} diajar oleh {facilitators}: satu fasilitator untuk "
        "satu modul per kelompok.",
        "Module {module} of group {group} is taught by {facilitators}: one facilitator per "
        "group and module."),
}
