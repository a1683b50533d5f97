"""Texts of consent, services and referrals, timeline and dashboard."""

from __future__ import annotations

CARE: dict[str, tuple[str, str]] = {}
