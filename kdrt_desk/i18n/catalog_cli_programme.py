"""Texts of the training programme: cli programme."""

from __future__ import annotations

CLI_PROGRAMME: dict[str, tuple[str, str]] = {
}
