"""Messages of the enrol dialog (filters, the lazy list): key -> (Indonesian, English)."""

from __future__ import annotations

UI_ENROL: dict[str, tuple[str, str]] = {
}
