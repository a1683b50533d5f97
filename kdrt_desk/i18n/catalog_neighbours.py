"""Messages of the kecamatan neighbours (the travel fact table and its editor)."""

from __future__ import annotations

NEIGHBOURS: dict[str, tuple[str, str]] = {
}
