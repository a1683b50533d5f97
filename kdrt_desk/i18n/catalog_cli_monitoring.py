"""Texts of monitoring and evaluation on the command line (``assessments due``) and the audit
label of the demo's assessment import."""

from __future__ import annotations

CLI_MONITORING: dict[str, tuple[str, str]] = {
    "cli.monitoring.help_assessments": ("asesmen psikososial", "psychosocial assessments"),
    "cli.monitoring.help_due": (
        "tampilkan asesmen yang jatuh tempo minggu ini atau sudah terlambat",
        "print the assessments due this week or overdue"),
    "cli.monitoring.help_format": ("format keluaran: text (tabel), csv atau json",
                                   "output format: text (a table), csv or json"),
    "cli.monitoring.help_mine": ("hanya perempuan yang pendampingnya saya",
                                 "only the women whose case worker I am"),
    "cli.monitoring.column.code": ("Kode", "Code"),
    "cli.monitoring.column.name": ("Nama", "Name"),
    "cli.monitoring.column.group": ("Kelompok", "Group"),
    "cli.monitoring.column.instrument": ("Instrumen", "Instrument"),
    "cli.monitoring.column.round": ("Putaran", "Round"),
    "cli.monitoring.column.due_on": ("Jatuh tempo", "Due"),
    "cli.monitoring.column.overdue": ("Terlambat", "Overdue"),
    "cli.monitoring.yes": ("ya", "yes"),
    "cli.monitoring.no": ("tidak", "no"),
    "cli.monitoring.none_due": ("Tidak ada asesmen yang jatuh tempo minggu ini atau terlambat.",
                                "No assessments are due this week or overdue."),
    "ui.admin.audit.action.assessments_imported": ("Data asesmen dimuat",
                                                   "Assessments imported"),
}
