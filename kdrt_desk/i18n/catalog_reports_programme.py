"""Texts of the training programme: reports programme."""

from __future__ import annotations

REPORTS_PROGRAMME: dict[str, tuple[str, str]] = {
}
