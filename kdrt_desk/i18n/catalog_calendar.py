"""Texts of the calendar: holidays, Ramadan, prayer windows, their errors and CLI commands."""

from __future__ import annotations

CALENDAR: dict[str, tuple[str, str]] = {
    "calendar.kind.public": ("libur nasional", "public holiday"),
    "calendar.kind.government": ("cuti bersama", "joint leave day"),
    "calendar.kind.ramadan": ("bulan puasa", "fasting month"),
    "calendar.ramadan": ("Ramadan", "Ramadan"),
    "calendar.estimated": ("perkiraan", "estimated"),
    "calendar.window.holiday": ("hari libur", "a holiday"),
    "calendar.window.closure": ("pusat tutup", "the centre is closed"),
    "calendar.window.day_hours": ("di luar jam kegiatan", "outside the day's hours"),
    "calendar.window.ramadan_hours": ("di luar jam kegiatan bulan puasa",
                                      "outside the Ramadan day's hours"),
    "calendar.window.zuhur": ("waktu salat Zuhur", "Zuhur prayer time"),
    "calendar.window.asar": ("waktu salat Asar", "Asar prayer time"),
    "calendar.window.magrib": ("waktu salat Magrib", "Magrib prayer time"),
    "calendar.window.jumat": ("waktu salat Jumat", "Friday prayers"),
    "calendar.window.ramadan_cooking": ("tidak ada sesi memasak di siang hari bulan puasa",
                                        "no cooking session at midday in Ramadan"),
    "calendar.prayer.subuh": ("Subuh", "Subuh"),
    "calendar.prayer.terbit": ("Terbit", "Sunrise"),
    "calendar.prayer.zuhur": ("Zuhur", "Zuhur"),
    "calendar.prayer.asar": ("Asar", "Asar"),
    "calendar.prayer.magrib": ("Magrib", "Magrib"),
    "calendar.prayer.isya": ("Isya", "Isya"),
    "error.calendar.term_order": (
        "tanggal akhir periode ({end}) jatuh sebelum tanggal mulai ({start}). Periksa kedua "
        "tanggal itu.",
        "the period's end ({end}) is before its start ({start}). Check both dates."),
    "error.calendar.term_too_long": (
        "periode lebih dari tiga tahun. Periksa tahun pada tanggal akhir.",
        "the period is longer than three years. Check the year of the end date."),
    "error.calendar.day_hours": (
        "jam selesai kegiatan harus setelah jam mulai.",
        "the day's end must be after its start."),
    "error.calendar.ramadan_end": (
        "jam selesai bulan puasa harus setelah jam mulai kegiatan dan tidak lebih lambat dari "
        "jam selesai biasa.",
        "the Ramadan end time must be after the day's start and no later than its usual end."),
    "error.calendar.closure_order": (
        "penutupan dari {start} sampai {end}: tanggal akhir jatuh sebelum tanggal mulai.",
        "closure from {start} to {end}: the end is before the start."),
    "error.calendar.ramadan_length": (
        "Ramadan dari {start} sampai Idul Fitri {end} tidak 29 atau 30 hari. Periksa kedua "
        "tanggal itu.",
        "Ramadan from {start} to Idul Fitri on {end} is not 29 or 30 days. Check both dates."),
    "cli.calendar.help_prayer_times": (
        "jadwal salat Palembang (Kemenag, tanpa internet)",
        "prayer times for Palembang (Kemenag, offline)"),
    "cli.calendar.help_holidays": (
        "hari libur nasional, cuti bersama dan Ramadan dalam suatu periode",
        "public holidays, joint leave days and Ramadan in a period"),
    "cli.calendar.help_date": ("tanggal pertama (TTTT-BB-HH; bawaan: hari ini)",
                               "first date (YYYY-MM-DD; default: today)"),
    "cli.calendar.help_days": ("jumlah hari (1 sampai 366)", "number of days (1 to 366)"),
    "cli.calendar.help_format": ("format keluaran: text, csv atau json",
                                 "output format: text, csv or json"),
    "cli.calendar.period_missing": (
        "sebutkan periodenya dengan --from TTTT-BB-HH dan --to TTTT-BB-HH.",
        "give the period with --from YYYY-MM-DD and --to YYYY-MM-DD."),
    "cli.calendar.column.date": ("tanggal", "date"),
    "cli.calendar.column.subuh": ("Subuh", "Subuh"),
    "cli.calendar.column.terbit": ("Terbit", "Sunrise"),
    "cli.calendar.column.zuhur": ("Zuhur", "Zuhur"),
    "cli.calendar.column.asar": ("Asar", "Asar"),
    "cli.calendar.column.magrib": ("Magrib", "Magrib"),
    "cli.calendar.column.isya": ("Isya", "Isya"),
    "cli.calendar.column.name": ("nama", "name"),
    "cli.calendar.column.kind": ("jenis", "kind"),
    "cli.calendar.column.estimated": ("perkiraan", "estimated"),
    "calendar.weekday.0": ("Senin", "Monday"),
    "calendar.weekday.1": ("Selasa", "Tuesday"),
    "calendar.weekday.2": ("Rabu", "Wednesday"),
    "calendar.weekday.3": ("Kamis", "Thursday"),
    "calendar.weekday.4": ("Jumat", "Friday"),
    "calendar.weekday.5": ("Sabtu", "Saturday"),
    "calendar.weekday.6": ("Minggu", "Sunday"),
    "routine.template.market_morning": ("Pedagang pasar, pagi (Senin–Sabtu 04.30–11.00)",
                                        "Market trader, mornings (Mon–Sat 04.30–11.00)"),
    "routine.template.school_run": ("Antar-jemput sekolah 11.30–12.30 (Senin–Jumat)",
                                    "School run 11.30–12.30 (Mon–Fri)"),
    "routine.template.school_run_morning": ("Antar sekolah pagi 06.30–07.30 (Senin–Jumat)",
                                            "Morning school run 06.30–07.30 (Mon–Fri)"),
    "routine.template.office_hours": ("Bekerja kantoran 08.00–16.00 (Senin–Jumat)",
                                      "Office job 08.00–16.00 (Mon–Fri)"),
    "routine.template.evening_stall": ("Warung sore 16.00–21.00 (setiap hari)",
                                       "Evening stall 16.00–21.00 (every day)"),
    "error.routine.too_many": (
        "rutinitas berisi lebih dari {limit} blok. Gabungkan blok yang berurutan.",
        "the routine has more than {limit} blocks. Merge blocks that follow each other."),
    "error.routine.weekday": ("hari tidak dikenali: pilih Senin sampai Minggu.",
                              "unknown weekday: choose Monday to Sunday."),
    "error.routine.end_before_start": (
        "blok {block}: jam selesai harus setelah jam mulai.",
        "block {block}: the end must be after the start."),
    "error.routine.validity_order": (
        "blok {block}: tanggal \"berlaku sampai\" jatuh sebelum \"berlaku sejak\".",
        "block {block}: the \"valid until\" date is before \"valid from\"."),
    "error.routine.overlap": (
        "blok {block} bertumpuk dengan blok {other}. Ubah jamnya atau gabungkan keduanya.",
        "block {block} overlaps block {other}. Change the hours or merge the two."),
    "error.availability.weekday": ("hari tidak dikenali: pilih Senin sampai Minggu.",
                                   "unknown weekday: choose Monday to Sunday."),
    "error.availability.hours_order": (
        "{day}: jam selesai harus setelah jam mulai.",
        "{day}: the end must be after the start."),
    "error.availability.too_many_dates": (
        "lebih dari {limit} tanggal. Hapus tanggal yang sudah lewat.",
        "more than {limit} dates. Remove the dates that have passed."),
    "error.availability.week_below_day": (
        "batas sesi per minggu lebih kecil dari batas per hari. Naikkan batas per minggu.",
        "the limit per week is below the limit per day. Raise the limit per week."),
    "error.calendar.too_many_closures": (
        "lebih dari {limit} penutupan. Hapus penutupan yang sudah lewat.",
        "more than {limit} closures. Remove the closures that have passed."),
    "error.calendar.islamic_twice": (
        "tanggal Idul Fitri untuk satu tahun dicatat dua kali. Simpan satu saja.",
        "Idul Fitri is recorded twice for one year. Keep one."),
    "error.schedule.no_group": ("pilih paling sedikit satu kelompok untuk dijadwalkan.",
                                "choose at least one group to schedule."),
    "error.schedule.too_many_groups": (
        "paling banyak {limit} kelompok sekaligus. Jadwalkan sebagian dulu.",
        "at most {limit} groups at once. Schedule some of them first."),
    "error.schedule.has_violations": (
        "jadwal ini melanggar {count} aturan dan tidak disimpan. Buat jadwal lagi.",
        "this schedule breaks {count} {count:rule|rules} and was not saved. Make the schedule again."),
    "error.session_locked": (
        "sesi ini dikunci di tempatnya. Buka kuncinya dulu bila memang harus dijadwal ulang.",
        "this session is locked in place. Unlock it first if it really must be re-planned."),
    "error.reminder.placeholder": (
        "teks memakai {{{found}}}; yang bisa dipakai hanya {{jam}}, {{hari}} dan {{tanggal}}.",
        "the text uses {{{found}}}; only {{jam}}, {{hari}} and {{tanggal}} can be used."),
    "error.reminder.revealing": (
        "teks menyebut \"{word}\". Pengingat tidak boleh menyebut pusat, program atau "
        "topiknya: orang lain bisa membaca ponselnya.",
        "the text says \"{word}\". A reminder must not name the centre, the programme or its "
        "topic: someone else may read her phone."),
    "error.reminder.not_callable": (
        "ia tidak boleh dihubungi lewat telepon: sampaikan langsung atau lewat kontak "
        "tepercayanya.",
        "she may not be contacted by phone: tell her in person or through her trusted contact."),
    "ui.admin.audit.action.reminder_sent": ("Pengingat disampaikan (tanpa isi dan caranya)",
                                            "Reminder given (without its text or how)"),
    "ui.admin.audit.action.reminder_templates_changed": ("Teks pengingat diubah",
                                                         "Reminder texts changed"),
    "cli.calendar.help_reminders": (
        "daftar pengingat aman untuk suatu tanggal: siapa, lewat apa, teks yang netral",
        "the safe reminder list for a date: who, how, and the neutral text"),
    "cli.calendar.help_day": ("tanggal sesi (TTTT-BB-HH)", "the sessions' date (YYYY-MM-DD)"),
    "cli.calendar.date_missing": ("sebutkan tanggalnya dengan --date TTTT-BB-HH.",
                                  "give the date with --date YYYY-MM-DD."),
    "cli.schedule.help_solve": (
        "usulkan jadwal satu periode untuk kelompok (disimpan hanya dengan --apply)",
        "propose a term schedule for groups (saved only with --apply)"),
    "cli.schedule.help_solve_group": ("nama kelompok (boleh diulang)",
                                      "a group's name (may be repeated)"),
    "cli.schedule.help_time_limit": ("batas waktu mencari jadwal, detik (bawaan 30)",
                                     "time limit for the search, seconds (default 30)"),
    "cli.schedule.help_apply": ("simpan jadwal yang diusulkan", "save the proposed schedule"),
    "cli.schedule.help_replan": (
        "jadwalkan ulang sesi mendatang yang belum dikunci (yang sudah berlangsung tetap)",
        "re-plan the future sessions that are not locked (those held stay)"),
    "cli.schedule.group_unknown": (
        "kelompok \"{name}\" tidak dikenali. Lihat namanya dengan 'groups list'.",
        "the group \"{name}\" is not known. See the names with 'groups list'."),
    "cli.schedule.solved": (
        "Jadwal {status} dalam {seconds} detik: {placed} sesi baru, {fixed} tetap, "
        "{unplaced} tidak tertempatkan.",
        "Schedule {status} in {seconds} s: {placed} new sessions, {fixed} fixed, "
        "{unplaced} not placed."),
    "cli.schedule.quality": (
        "Pelanggaran aturan: {violations}. Perkiraan kehadiran: {attendance}%. Peserta di "
        "bawah batas minimal modul: {below}.",
        "Rule violations: {violations}. Expected attendance: {attendance}%. Participants "
        "below a module's minimum: {below}."),
    "cli.schedule.status.optimal": ("optimal", "optimal"),
    "cli.schedule.status.feasible": ("layak", "feasible"),
    "cli.schedule.status.partial": ("sebagian", "partial"),
    "cli.schedule.status.cancelled": ("dihentikan", "stopped"),
    "cli.schedule.applied": ("{count} sesi disimpan.", "{count} {count:session|sessions} saved."),
    "cli.schedule.not_applied": ("Belum disimpan: jalankan lagi dengan --apply untuk menyimpan.",
                                 "Not saved: run again with --apply to save it."),
    "calendar.window.closed_weekday": ("pusat tidak buka hari itu",
                                       "the centre is not open that weekday"),
    "error.calendar.weekdays": ("pilih paling sedikit satu hari buka, Senin sampai Minggu.",
                                "choose at least one open day, Monday to Sunday."),
}
