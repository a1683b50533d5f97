"""Texts of the training programme: ui catalogue."""

from __future__ import annotations

UI_CATALOGUE: dict[str, tuple[str, str]] = {
}
