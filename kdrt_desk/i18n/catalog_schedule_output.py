"""Texts of the schedule outputs: the group, facilitator and participant PDFs, the workbook, the
calendar file and the ``schedule export`` command."""

from __future__ import annotations

_REPORT: dict[str, tuple[str, str]] = {
    "error.schedule_card_anonymised": (
        "Data peserta ini sudah dianonimkan: tidak ada kartu jadwal untuknya.",
        "This participant's data was anonymised: there is no schedule card for her."),
    "schedule.out.doc_title.group": ("Jadwal kelompok", "Group schedule"),
    "schedule.out.doc_title.facilitator": ("Jadwal fasilitator", "Facilitator's schedule"),
    "schedule.out.title.group": ("JADWAL KELOMPOK", "GROUP SCHEDULE"),
    "schedule.out.title.facilitator": ("JADWAL FASILITATOR", "FACILITATOR'S SCHEDULE"),
    "schedule.out.grid_heading": ("Jadwal per minggu", "Week by week"),
    "schedule.out.list_heading": ("Daftar sesi per tanggal", "Sessions by date"),
    # "Pekan", not "Minggu": that is also Sunday, a column of the same grid
    "schedule.out.week": ("Pekan", "Week"),
    "schedule.out.week_of": ("{start} – {end}", "{start} – {end}"),
    "schedule.out.period": ("Periode: {start} – {end}", "Period: {start} – {end}"),
    "schedule.out.period_open": ("Periode: semua tanggal", "Period: all dates"),
    "schedule.out.sessions": ("{count} sesi", "{count} {count:session|sessions}"),
    "schedule.out.none": ("Belum ada sesi pada periode ini.", "No sessions in this period."),
    "schedule.out.time_range": ("{start}–{end}", "{start}–{end}"),
    "schedule.out.col_date": ("Tanggal", "Date"),
    "schedule.out.col_day": ("Hari", "Day"),
    "schedule.out.col_time": ("Jam", "Time"),
    "schedule.out.col_start": ("Mulai", "Start"),
    "schedule.out.col_end": ("Selesai", "End"),
    "schedule.out.col_group": ("Kelompok", "Group"),
    "schedule.out.col_module": ("Modul", "Module"),
    "schedule.out.col_module_code": ("Kode modul", "Module code"),
    "schedule.out.col_module_title": ("Judul modul", "Module title"),
    "schedule.out.col_venue": ("Tempat", "Venue"),
    "schedule.out.col_address": ("Alamat", "Address"),
    "schedule.out.col_facilitator": ("Fasilitator", "Facilitator"),
    "schedule.out.col_topic": ("Topik", "Topic"),
    "schedule.out.col_status": ("Status", "Status"),
    # after the status "Dipindah jadwal": "Dipindah jadwal (dari 20 November 2026)"
    "schedule.out.moved_from": ("dari {date}", "from {date}"),
    "schedule.out.page": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
    "schedule.out.sheet_name": ("Jadwal", "Schedule"),
    "schedule.out.printed": ("Dicetak {date}", "Printed {date}"),
    # the participant's card: neutral unless the admin chooses otherwise
    "schedule.out.card.title": ("Jadwal kegiatan", "Activity schedule"),
    "schedule.out.card.title_full": ("Jadwal pelatihan", "Training schedule"),
    "schedule.out.card.for": ("Untuk", "For"),
    "schedule.out.card.activity": ("Kegiatan {number}", "Activity {number}"),
    "schedule.out.card.col_what": ("Kegiatan", "Activity"),
    "schedule.out.card.places": ("Alamat tempat", "Where to go"),
    "schedule.out.card.none": ("Tidak ada kegiatan terjadwal.", "No activities scheduled."),
    "schedule.out.card.note": ("Mohon datang 10 menit sebelum jam mulai.",
                               "Please come 10 minutes before the start."),
    # the calendar file
    "schedule.out.ics.name": ("Jadwal {name}", "Schedule of {name}"),
    "schedule.out.ics.group": ("Kelompok: {group}", "Group: {group}"),
    "schedule.out.ics.topic": ("Topik: {topic}", "Topic: {topic}"),
    "schedule.out.ics.moved": ("Dipindah dari {date}", "Moved from {date}"),
}

_CLI: dict[str, tuple[str, str]] = {
    "cli.schedule.help": ("jadwal pelatihan", "training schedule"),
    "cli.schedule.help_export": (
        "ekspor jadwal kelompok, fasilitator atau kartu peserta ke PDF, iCalendar atau Excel",
        "export a group's, a facilitator's or a participant's schedule to PDF, iCalendar or "
        "Excel"),
    "cli.schedule.help_group": ("jadwal kelompok ini (nama kelompok)",
                                "this group's schedule (the group's name)"),
    "cli.schedule.help_facilitator": ("jadwal fasilitator ini (nama fasilitator)",
                                      "this facilitator's schedule (her name)"),
    "cli.schedule.help_participant": ("kartu jadwal peserta ini (kode peserta)",
                                      "this participant's schedule card (her code)"),
    "cli.schedule.help_out": (
        "berkas yang ditulis: .pdf, .ics (fasilitator) atau .xlsx (kelompok)",
        "the file to write: .pdf, .ics (facilitator) or .xlsx (group)"),
    "cli.schedule.help_not_discreet": (
        "kartu peserta: tampilkan judul modul dan nama lembaga (bawaan: kartu netral)",
        "participant card: show module titles and the centre's name (default: a neutral "
        "card)"),
    "cli.schedule.help_preferred_name": ("kartu peserta: pakai nama panggilannya bila ada",
                                         "participant card: use her preferred name if any"),
    "cli.schedule.suffix_unknown": (
        "berkas {path} harus berakhiran .pdf, .ics atau .xlsx.",
        "the file {path} must end in .pdf, .ics or .xlsx."),
    "cli.schedule.ics_only_facilitator": (
        "berkas .ics hanya untuk jadwal fasilitator (--facilitator); pakai .pdf.",
        "a .ics file is only for a facilitator's schedule (--facilitator); use .pdf."),
    "cli.schedule.xlsx_only_group": (
        "berkas .xlsx hanya untuk jadwal kelompok (--group); pakai .pdf.",
        "a .xlsx file is only for a group's schedule (--group); use .pdf."),
    "cli.schedule.card_options_only_participant": (
        "--not-discreet dan --preferred-name hanya untuk kartu peserta (--participant).",
        "--not-discreet and --preferred-name are only for a participant card (--participant)."),
    "cli.schedule.written": ("{count} sesi ditulis ke {path}",
                             "{count} {count:session|sessions} written to {path}"),
}

SCHEDULE_OUTPUT: dict[str, tuple[str, str]] = {**_REPORT, **_CLI}
