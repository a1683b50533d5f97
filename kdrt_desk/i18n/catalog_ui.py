"""Texts of the screens: titles, labels, buttons, hints."""

from __future__ import annotations

UI: dict[str, tuple[str, str]] = {}
