"""Texts of the access screens."""

from __future__ import annotations

UI_ACCESS: dict[str, tuple[str, str]] = {}
