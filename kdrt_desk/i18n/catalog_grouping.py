"""Messages of the grouping help (groups suggested from the waiting list)."""

from __future__ import annotations

GROUPING: dict[str, tuple[str, str]] = {
}
