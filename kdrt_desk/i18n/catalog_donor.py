"""Texts of the quarterly donor report: the quarter asked for, and what is wrong with it."""

from __future__ import annotations

DONOR: dict[str, tuple[str, str]] = {
    "error.donor_quarter_format": (
        "Triwulan \u201c{value}\u201d tidak dikenali. Tulis tahun dan triwulannya, misalnya "
        "2026Q3.",
        "Quarter \u201c{value}\u201d is not understood. Write the year and the quarter, for "
        "example 2026Q3."),
    "error.donor_quarter_future": (
        "Triwulan {quarter} belum dimulai. Pilih triwulan yang sudah berjalan atau selesai.",
        "Quarter {quarter} has not begun. Choose a quarter that is under way or over."),
    "error.donor_quarter_before_centre": (
        "Triwulan {quarter} sebelum pendaftaran pertama di brankas ini ({first}). Pilih "
        "triwulan sejak itu.",
        "Quarter {quarter} is before the first registration in this vault ({first}). Choose a "
        "quarter since then."),
}
