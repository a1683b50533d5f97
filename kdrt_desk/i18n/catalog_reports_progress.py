"""Messages of her progress report (laporan perkembangan): the PDF, the dialog that prints it,
the service's refusals and the audit action. Warm words, never the centre's case work."""

from __future__ import annotations

REPORTS_PROGRESS: dict[str, tuple[str, str]] = {
    # the PDF
    "report.progress.doc_title": ("Laporan perkembangan", "Progress report"),
    "report.progress.title": ("Laporan Perkembangan", "Progress Report"),
    "report.progress.for_her": ("Untuk peserta", "For the participant"),
    "report.progress.for_file": ("Untuk arsip", "For the file"),
    "report.progress.name": ("Nama", "Name"),
    "report.progress.code": ("Kode", "Code"),
    "report.progress.period": ("Periode", "Period"),
    "report.progress.period_range": ("{start} – {end}", "{start} – {end}"),
    "report.progress.period_none": ("Sampai {end}", "Up to {end}"),
    "report.progress.greeting": (
        "Laporan ini merangkum langkah-langkah yang sudah {name} tempuh selama mengikuti "
        "program.",
        "This report sums up the steps {name} has taken during the programme."),
    "report.progress.modules": ("Modul dan kehadiran", "Modules and attendance"),
    "report.progress.col_module": ("Modul", "Module"),
    "report.progress.col_attended": ("Hadir", "Sessions attended"),
    "report.progress.col_completed": ("Selesai", "Completed"),
    "report.progress.attended": ("{attended} dari {held} sesi", "{attended} of {held}"),
    "report.progress.no_sessions": ("Belum ada sesi", "No sessions yet"),
    "report.progress.yes": ("Ya", "Yes"),
    "report.progress.not_yet": ("Belum", "Not yet"),
    "report.progress.no_modules": ("Belum ada modul yang diikuti.", "No modules yet."),
    "report.progress.skills": ("Keterampilan yang dikuasai", "Skills mastered"),
    "report.progress.skill_passed": ("{module} — lulus uji keterampilan, {date}",
                                     "{module} — skill assessment passed, {date}"),
    "report.progress.skill_level": ("{criterion}: {level}", "{criterion}: {level}"),
    "report.progress.no_skills": ("Belum ada uji keterampilan yang lulus.",
                                  "No skill assessment passed yet."),
    "report.progress.scores": ("Skor dari waktu ke waktu", "Scores over time"),
    "report.progress.scores_note": (
        "Setiap titik adalah satu kali pengisian kuesioner; skor lebih tinggi berarti lebih "
        "baik.",
        "Each point is one questionnaire filled in; a higher score is better."),
    "report.progress.no_scores": ("Belum ada skor.", "No scores yet."),
    "report.progress.status": ("Usaha dan pekerjaan", "Business and work"),
    "report.progress.status_line": ("{status} (dicatat {date})", "{status} (recorded {date})"),
    "report.progress.status.none": ("Belum ada kegiatan usaha atau pekerjaan",
                                    "No business or work yet"),
    "report.progress.status.planning": ("Sedang merencanakan usaha", "Planning a business"),
    "report.progress.status.business": ("Menjalankan usaha sendiri",
                                        "Running a business of her own"),
    "report.progress.status.business_kind": ("Menjalankan usaha sendiri: {kind}",
                                             "Running a business of her own: {kind}"),
    "report.progress.status.employed": ("Bekerja", "Employed"),
    "report.progress.income": ("Pendapatan per bulan: {amount}", "Monthly income: {amount}"),
    "report.progress.no_status": ("Belum ada catatan usaha atau pekerjaan.",
                                  "No business or work recorded yet."),
    "report.progress.closing": ("Kata penyemangat", "Words of encouragement"),
    "report.progress.closing.attendance": (
        "Kehadiran Anda di setiap pertemuan menunjukkan tekad yang kuat.",
        "Your presence at the meetings shows real determination."),
    "report.progress.closing.skills": (
        "Keterampilan yang sudah Anda kuasai adalah bekal berharga untuk masa depan.",
        "The skills you have mastered are a valuable foundation for the future."),
    "report.progress.closing.wellbeing": (
        "Anda terus bertumbuh, dan itu terlihat dari perjalanan Anda.",
        "You keep growing, and it shows in your journey."),
    "report.progress.closing.start": (
        "Setiap perjalanan dimulai dengan satu langkah, dan Anda sudah memulainya.",
        "Every journey begins with one step, and you have taken it."),
    "report.progress.closing.end": (
        "Teruslah melangkah — kami bangga berjalan bersama Anda.",
        "Keep going — we are proud to walk alongside you."),
    "report.progress.made_on": ("Dibuat {date}", "Made on {date}"),
    "report.progress.page": ("Halaman {page}", "Page {page}"),
    # the dialog
    "ui.progress.print": ("Cetak laporan perkembangan…", "Print progress report…"),
    "ui.progress.title": ("Cetak laporan perkembangan", "Print progress report"),
    "ui.progress.intro": (
        "Laporan ini berisi modul, kehadiran, keterampilan dan status usaha, tanpa latar "
        "belakang kasus.",
        "The report holds modules, attendance, skills and work status, never the case "
        "background."),
    "ui.progress.for_file": ("Untuk arsip", "For her file"),
    "ui.progress.for_her": ("Untuk peserta (dibawa pulang)", "For her (to take home)"),
    "ui.progress.include_scores": ("Sertakan grafik skor kuesioner",
                                   "Include the questionnaire scores chart"),
    "ui.progress.include_income": ("Sertakan pendapatan", "Include income"),
    "ui.progress.save_title": ("Simpan laporan perkembangan", "Save progress report"),
    "ui.progress.file_filter": ("Dokumen PDF (*.pdf)", "PDF documents (*.pdf)"),
    "ui.progress.default_name": ("laporan-perkembangan.pdf", "progress-report.pdf"),
    "ui.progress.language": ("Bahasa laporan", "Report language"),
    "ui.progress.lang_id": ("Bahasa Indonesia", "Indonesian"),
    "ui.progress.lang_en": ("Bahasa Inggris", "English"),
    "ui.progress.print_button": ("Simpan PDF…", "Save PDF…"),
    "ui.progress.printing": ("Mencetak…", "Printing…"),
    "ui.progress.written": ("Laporan disimpan: {path}", "Report saved: {path}"),
    # the service
    "error.progress_scores_refused": (
        "Skor kuesioner hanya dapat dicetak oleh Konselor atau Admin.",
        "Questionnaire scores can only be printed by a counsellor or an admin."),
    "error.progress_income_refused": (
        "Pendapatan hanya dapat dicetak oleh peran yang boleh melihat data kontak.",
        "Income can only be printed by a role that may see contact details."),
    "ui.admin.audit.action.progress_report_printed": ("Laporan perkembangan dicetak",
                                                      "Progress report printed"),
}
