"""Texts of the screening, criteria, decision and waitlist screens and services."""

from __future__ import annotations

SCREENING: dict[str, tuple[str, str]] = {}
