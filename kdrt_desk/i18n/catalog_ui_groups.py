"""Texts of the training programme: ui groups."""

from __future__ import annotations

UI_GROUPS: dict[str, tuple[str, str]] = {
}
