"""Counts in texts follow the language's digit grouping (Babel); other numbers stay as typed."""

from __future__ import annotations

from kdrt_desk.i18n import format_count, text_in


def test_counts_are_grouped_in_each_language() -> None:
    assert format_count(1234, "id") == "1.234" and format_count(1234, "en") == "1,234"
    assert format_count(2.5, "id") == "2,5" and format_count(2.5, "en") == "2.5"
    assert format_count(3.0, "en") == "3" and format_count(1_000_000, "id") == "1.000.000"
    assert text_in("id", "error.validation", count=1234).startswith("Ada 1.234 isian")
    assert text_in("en", "error.validation", count=1234).startswith("1,234 fields need")
    assert text_in("en", "error.validation", count=1).startswith("1 field needs")


def test_years_and_other_numbers_are_not_grouped() -> None:
    assert text_in("id", "ui.indicators.quarter", number=3, year=2026) == "Triwulan 3 2026"
    assert text_in("en", "ui.indicators.this_year", year=2026) == "This year (2026)"
    assert text_in("id", "error.too_long", field="nama", limit=1000).count("1.000") == 1
