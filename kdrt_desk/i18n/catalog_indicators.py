"""Names and definitions of the indicators, the targets, and the dashboard's words."""

from __future__ import annotations

INDICATORS: dict[str, tuple[str, str]] = {
    "indicator.stage.output": ("Keluaran", "Outputs"),
    "indicator.stage.outcome": ("Hasil", "Outcomes"),
    "indicator.stage.follow_up": ("Tindak lanjut", "Follow-up"),
    "indicator.groups_formed": ("Kelompok dukungan dibentuk", "Support groups formed"),
    "indicator.groups_formed.about": (
        "Kelompok yang mulai dalam periode ini.", "Groups whose term starts in the period."),
    "indicator.groups_active": ("Kelompok aktif", "Groups active"),
    "indicator.groups_active.about": (
        "Kelompok yang masa kegiatannya jatuh dalam periode ini.",
        "Groups whose term overlaps the period."),
    "indicator.sessions_held": ("Sesi terlaksana", "Sessions held"),
    "indicator.sessions_held.about": (
        "Sesi berstatus terlaksana yang bertanggal dalam periode ini.",
        "Sessions marked held and dated in the period."),
    "indicator.attendance_rate": ("Tingkat kehadiran", "Attendance rate"),
    "indicator.attendance_rate.about": (
        "Hadir atau terlambat dibagi semua tanda hadir pada sesi terlaksana dalam periode ini.",
        "Present or late, out of every roll-call mark of the sessions held in the period."),
    "indicator.modules_completed": ("Peserta menyelesaikan modul", "Participants completing "
                                    "modules"),
    "indicator.modules_completed.about": (
        "Peserta yang memenuhi syarat kehadiran modul (dan lulus uji keterampilannya bila "
        "diwajibkan atau bila modul punya rubrik), dengan sesi terakhirnya dalam periode ini.",
        "Participants meeting a module's attendance minimum (and passing its skill "
        "assessment where required or where the module has a rubric), their last session of "
        "it in the period."),
    "indicator.skills_passed": ("Peserta lulus uji keterampilan", "Participants passing skill "
                                "assessments"),
    "indicator.skills_passed.about": (
        "Peserta dengan uji keterampilan lulus bertanggal dalam periode ini.",
        "Participants with a passed skill assessment dated in the period."),
    "indicator.psychosocial_services": ("Peserta menerima layanan psikososial",
                                        "Participants receiving psychosocial services"),
    "indicator.psychosocial_services.about": (
        "Peserta dengan layanan konseling bertanggal dalam periode ini.",
        "Participants with a counselling service dated in the period."),
    "indicator.score_change": ("Perubahan skor {instrument} (awal → akhir)",
                               "{instrument} change (baseline → endline)"),
    "indicator.score_change.about": (
        "Rata-rata selisih skor akhir dan skor awal, bagi peserta yang asesmen akhirnya "
        "bertanggal dalam periode ini dan punya asesmen awal. Asesmen dengan terlalu banyak "
        "butir kosong tidak dihitung.",
        "Mean of endline minus baseline, for participants whose endline is dated in the "
        "period and who have a baseline. An assessment with too many items left out is not "
        "counted."),
    "indicator.score_improved": ("Membaik bermakna: {instrument}",
                                 "Meaningfully improved: {instrument}"),
    "indicator.score_improved.about": (
        "Bagian peserta yang skornya naik sedikitnya sebesar perubahan bermakna instrumen "
        "({threshold} poin).",
        "Share of participants whose score rose by at least the instrument's meaningful "
        "change ({threshold} points)."),
    "indicator.income_change": ("Perubahan pendapatan (median)", "Income change (median)"),
    "indicator.income_change.about": (
        "Median selisih pendapatan bulanan terakhir dalam periode dan pendapatan pertama yang "
        "tercatat, bagi peserta dengan catatan penghidupan dalam periode ini.",
        "Median of her latest monthly income in the period minus her first recorded income, "
        "for participants with a livelihood record in the period."),
    "indicator.independent_of_abuser": ("Tidak lagi bergantung secara ekonomi pada pelaku",
                                        "No longer economically dependent on the abuser"),
    "indicator.independent_of_abuser.about": (
        "Bagian peserta yang catatan terakhirnya dalam periode menyatakan tidak bergantung, "
        "dari yang ditanyakan.",
        "Share of those asked whose latest record in the period says she does not depend "
        "on him."),
    "indicator.capital_disbursed": ("Modal usaha disalurkan", "Business capital disbursed"),
    "indicator.capital_disbursed.about": (
        "Jumlah modal usaha yang diberikan dalam periode ini (hibah dan pinjaman).",
        "Total business capital given in the period (grants and loans)."),
    "indicator.business_running_3m": ("Usaha masih berjalan setelah 3 bulan",
                                      "Businesses still running at 3 months"),
    "indicator.business_running_3m.about": (
        "Dari peserta yang usahanya genap 3 bulan dalam periode ini dan punya catatan sejak "
        "itu: bagian yang catatan terakhirnya masih menjalankan usaha.",
        "Of the participants whose business reached 3 months in the period and who have a "
        "record since: the share whose latest record still shows the business."),
    "indicator.business_running_6m": ("Usaha masih berjalan setelah 6 bulan",
                                      "Businesses still running at 6 months"),
    "indicator.business_running_6m.about": (
        "Seperti di atas, untuk 6 bulan.", "As above, at 6 months."),
    "ui.admin.audit.action.indicator_target_set": ("Target indikator diatur",
                                                   "Indicator target set"),
    "ui.admin.audit.action.indicator_targets_imported": ("Target indikator contoh dibuat",
                                                         "Demo indicator targets created"),
    "error.indicator_unknown": ("Indikator {code} tidak dikenal.",
                                "Indicator {code} is not known."),
    "error.target_range": ("Target harus angka 0 atau lebih.", "A target must be 0 or more."),
    "error.target_percent": ("Target persentase paling tinggi 100.",
                             "A percentage target is at most 100."),
    "cli.indicators.help": ("rantai indikator untuk suatu periode, dengan target",
                            "the indicator chain for a period, with its targets"),
    "cli.indicators.help_from": ("hari pertama periode (YYYY-MM-DD)",
                                 "first day of the period (YYYY-MM-DD)"),
    "cli.indicators.help_to": ("hari terakhir periode (YYYY-MM-DD)",
                               "last day of the period (YYYY-MM-DD)"),
    "cli.indicators.help_format": ("bentuk keluaran: text, json atau csv",
                                   "output format: text, json or csv"),
    "cli.indicators.period_required": ("Sebutkan periode dengan --from dan --to.",
                                       "Give the period with --from and --to."),
    "cli.indicators.title": ("Indikator {start} s.d. {end}", "Indicators {start} to {end}"),
    "cli.indicators.column.name": ("Indikator", "Indicator"),
    "cli.indicators.column.value": ("Nilai", "Value"),
    "cli.indicators.column.n": ("n", "n"),
    "cli.indicators.column.target": ("Target", "Target"),
    "cli.indicators.column.met": ("Tercapai", "Met"),
    "cli.indicators.withheld": ("tidak tersedia untuk peran Anda", "not available to your role"),
}
