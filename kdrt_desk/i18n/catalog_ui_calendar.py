"""Texts of the calendar screens: the Kalender tab, its settings dialog and availability fields."""

from __future__ import annotations

UI_CALENDAR: dict[str, tuple[str, str]] = {
    "ui.main.tab_calendar": ("Kalender", "Calendar"),
    # the tab
    "ui.calendar.previous_month": ("Bulan sebelumnya", "Previous month"),
    "ui.calendar.next_month": ("Bulan berikutnya", "Next month"),
    "ui.calendar.previous_week": ("Minggu sebelumnya", "Previous week"),
    "ui.calendar.next_week": ("Minggu berikutnya", "Next week"),
    "ui.calendar.today": ("Hari ini", "Today"),
    "ui.calendar.month": ("Bulan", "Month"),
    "ui.calendar.week": ("Minggu", "Week"),
    "ui.calendar.group_filter": ("Kelompok:", "Group:"),
    "ui.calendar.all_groups": ("Semua kelompok", "All groups"),
    "ui.calendar.settings": ("Atur kalender…", "Calendar settings…"),
    "ui.calendar.week_title": ("{start} – {end}", "{start} – {end}"),
    "ui.calendar.all_day": ("Sepanjang hari", "All day"),
    "ui.calendar.estimated_mark": ("(perkiraan)", "(estimated)"),
    "ui.calendar.closure": ("Tutup: {reason}", "Closed: {reason}"),
    "ui.calendar.ramadan": ("Ramadan", "Ramadan"),
    "ui.calendar.ramadan_tip": (
        "Bulan puasa {start} – {end}{estimated}: kegiatan selesai pukul {end_time}, tanpa sesi "
        "memasak {cook_start}–{cook_end}.",
        "Fasting month {start} – {end}{estimated}: the day ends at {end_time}, no cooking "
        "session {cook_start}–{cook_end}."),
    "ui.calendar.ramadan_estimated": (" (perkiraan)", " (estimated)"),
    "ui.calendar.one_session": ("1 sesi", "1 session"),
    "ui.calendar.sessions_count": ("{count} sesi", "{count} {count:session|sessions}"),
    "ui.calendar.session_line": ("{time} {module} · {group}", "{time} {module} · {group}"),
    "ui.calendar.more": ("+{count} lagi", "+{count} more"),
    "ui.calendar.session_block": ("{time}\n{group}\n{module}\n{venue}",
                                  "{time}\n{group}\n{module}\n{venue}"),
    "ui.calendar.session_tip": (
        "{time} · {group}\nModul: {module} {title}\nTempat: {venue}\nFasilitator: "
        "{facilitator}\nStatus: {status}",
        "{time} · {group}\nModule: {module} {title}\nVenue: {venue}\nFacilitator: "
        "{facilitator}\nStatus: {status}"),
    "ui.calendar.friday_window": ("Jumat", "Friday"),
    "ui.calendar.no_cooking": ("Tanpa memasak", "No cooking"),
    "ui.calendar.window": ("{name} {start}–{end}", "{name} {start}–{end}"),
    "ui.calendar.window_tip": ("{reason}: {start}–{end}, tidak ada sesi.",
                               "{reason}: {start}–{end}, no session."),
    "ui.calendar.off_hours_tip": ("Di luar jam kegiatan ({opens}–{closes}).",
                                  "Outside the day's hours ({opens}–{closes})."),
    "ui.calendar.count": ("{count} sesi pada {period}. Klik dua kali sebuah tanggal untuk "
                          "melihat minggunya.",
                          "{count} {count:session|sessions} in {period}. Double-click a date to see its week."),
    "ui.calendar.week_count": ("{count} sesi pada {period}.", "{count} {count:session|sessions} in {period}."),
    "ui.calendar.legend": (
        "Warna: merah muda = libur nasional, jingga = cuti bersama, ungu = pusat tutup, "
        "hijau = bulan puasa, biru muda = waktu salat, abu-abu = di luar jam kegiatan.",
        "Colours: pink = public holiday, orange = joint leave day, violet = centre closed, "
        "green = fasting month, light blue = prayer time, grey = outside the day's hours."),
    # the settings dialog
    "ui.calendar.settings_title": ("Pengaturan kalender", "Calendar settings"),
    "ui.calendar.settings_intro": (
        "Jam kegiatan, bulan puasa, penutupan pusat dan waktu salat. Penjadwal dan tab "
        "Kalender memakai pengaturan ini.",
        "The day's hours, the fasting month, the centre's closures and prayer times. The "
        "scheduler and the Calendar tab use these settings."),
    "ui.calendar.save": ("Simpan", "Save"),
    "ui.calendar.section_day": ("Jam kegiatan", "The day's hours"),
    "ui.calendar.day_hours": ("Hari biasa", "Ordinary day"),
    "ui.calendar.from_to": ("sampai", "to"),
    "ui.calendar.ramadan_end": ("Bulan puasa: selesai pukul", "Fasting month: ends at"),
    "ui.calendar.ramadan_end_hint": ("Hari kegiatan lebih pendek selama Ramadan.",
                                     "A shorter day during Ramadan."),
    "ui.calendar.cooking_free": ("Bulan puasa: tanpa sesi memasak", "Fasting month: no cooking"),
    "ui.calendar.cooking_free_hint": ("Sesi memasak tidak dijadwalkan pada jam ini.",
                                      "No cooking session is planned in these hours."),
    "ui.calendar.section_closures": ("Penutupan pusat", "The centre's closures"),
    "ui.calendar.closures": ("Penutupan", "Closures"),
    "ui.calendar.closure_item": ("{start} – {end}: {reason}", "{start} – {end}: {reason}"),
    "ui.calendar.closure_from": ("Dari", "From"),
    "ui.calendar.closure_reason_example": ("mis. banjir, rapat staf",
                                           "e.g. flood, staff retreat"),
    "ui.calendar.add_closure": ("Tambah penutupan", "Add closure"),
    "ui.calendar.remove_closure": ("Hapus penutupan", "Remove closure"),
    "ui.calendar.closure_reason_missing": ("tulis alasan penutupan.",
                                           "write why the centre is closed."),
    "ui.calendar.section_islamic": ("Ramadan dan Idul Fitri", "Ramadan and Idul Fitri"),
    "ui.calendar.islamic": ("Tanggal per tahun", "Dates per year"),
    "ui.calendar.islamic_hint": (
        "Centang untuk menetapkan tanggal hasil sidang isbat Kemenag; tanpa centang dipakai "
        "perkiraannya.",
        "Tick to set the date announced after the Kemenag sidang isbat; unticked, the "
        "estimate is used."),
    "ui.calendar.estimate": ("Perkiraan: Idul Fitri {fitri}, Ramadan mulai {start}",
                             "Estimate: Idul Fitri {fitri}, Ramadan from {start}"),
    "ui.calendar.decreed": ("Ditetapkan pemerintah: Idul Fitri {fitri}",
                            "Set by the government: Idul Fitri {fitri}"),
    "ui.calendar.no_estimate": ("Tidak ada perkiraan", "No estimate"),
    "ui.calendar.confirm_fitri": ("Idul Fitri", "Idul Fitri"),
    "ui.calendar.confirm_ramadan": ("1 Ramadan", "1 Ramadan"),
    "ui.calendar.section_prayer": ("Waktu salat (Palembang)", "Prayer times (Palembang)"),
    "ui.calendar.adjustments": ("Koreksi menit", "Minute adjustments"),
    "ui.calendar.adjustments_hint": (
        "Menit yang ditambahkan ke hasil hitungan (Kemenag: +2 menit ihtiyat).",
        "Minutes added to the computed time (Kemenag: +2 minutes of ihtiyat)."),
    "ui.calendar.windows": ("Waktu bebas sesi", "Kept free"),
    "ui.calendar.zuhur_after": ("Zuhur + ", "Zuhur + "),
    "ui.calendar.asar_after": ("Asar + ", "Asar + "),
    "ui.calendar.magrib_before": ("sebelum Magrib ", "before Magrib "),
    "ui.calendar.magrib_after": ("sesudah Magrib ", "after Magrib "),
    "ui.calendar.minutes": (" menit", " min"),
    "ui.calendar.friday": ("Salat Jumat", "Friday prayers"),
    "ui.calendar.friday_order": ("jam selesai salat Jumat harus setelah jam mulai.",
                                 "the end of Friday prayers must be after the start."),
    "ui.calendar.cooking_order": ("jam selesai harus setelah jam mulai.",
                                  "the end must be after the start."),
    "ui.calendar.preview": ("Hari ini ({date}): {times}", "Today ({date}): {times}"),
    # facilitator and venue availability
    "ui.availability.hours": ("Hari dan jam bisa datang", "Days and hours she can come"),
    "ui.availability.hours_hint": (
        "Centang hari yang bisa; tanpa centang sama sekali: bisa setiap hari.",
        "Tick the days she can come; none ticked: any day."),
    "ui.availability.venue_hours": ("Jam buka", "Opening hours"),
    "ui.availability.venue_hours_hint": (
        "Centang hari buka; tanpa centang sama sekali: mengikuti jam kegiatan pusat.",
        "Tick the days it is open; none ticked: the centre's day hours."),
    "ui.availability.to": ("–", "–"),
    "ui.availability.away": ("Tanggal tidak bisa", "Dates she cannot come"),
    "ui.availability.closed": ("Tanggal tutup", "Dates closed"),
    "ui.availability.add_date": ("Tambah tanggal", "Add date"),
    "ui.availability.remove_date": ("Hapus tanggal", "Remove date"),
    "ui.availability.limits": ("Sesi paling banyak", "Sessions at most"),
    "ui.availability.per_day": ("per hari", "a day"),
    "ui.availability.per_week": ("per minggu", "a week"),
    "ui.availability.no_limit": ("tanpa batas", "no limit"),
    "ui.availability.sessions_suffix": (" sesi", " sessions"),
}
