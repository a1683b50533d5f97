"""What an indicator is called and how it is defined, in the current language (the dashboard,
the CLI and the reports say the same)."""

from __future__ import annotations

from kdrt_desk.i18n import format_count, format_rupiah, t


def indicator_name(code: str) -> str:
    kind, _, instrument = code.partition(".")
    if kind in ("score_change", "score_improved") and instrument:
        return t(f"indicator.{kind}", instrument=instrument)
    return t(f"indicator.{code}")


def indicator_about(code: str, threshold: float | None = None) -> str:
    kind, _, instrument = code.partition(".")
    if kind == "score_improved" and instrument:
        return t("indicator.score_improved.about", threshold=format_count(threshold or 0))
    if kind == "score_change" and instrument:
        return t("indicator.score_change.about")
    return t(f"indicator.{code}.about")


def indicator_value(value: float | None, unit: str) -> str:
    """A figure as shown: "62,5 %", "Rp 300.000", "+14" points, "12" (empty: none)."""
    if value is None:
        return ""
    if unit == "percent":
        return f"{format_count(value)} %"
    if unit == "rupiah":
        return format_rupiah(int(round(value)))
    if unit == "points":
        return ("+" if value > 0 else "") + format_count(value)
    return format_count(value)
