"""Texts of the admin screens."""

from __future__ import annotations

UI_ADMIN: dict[str, tuple[str, str]] = {}
