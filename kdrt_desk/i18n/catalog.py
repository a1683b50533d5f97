"""The message catalogue: key -> (Indonesian, English). Enum labels are ``enum.<Class>.<value>``."""

from __future__ import annotations

from kdrt_desk.i18n.catalog_cli import CLI
from kdrt_desk.i18n.catalog_enums import ENUM_LABELS
from kdrt_desk.i18n.catalog_errors import ERRORS
from kdrt_desk.i18n.catalog_ui import UI

MESSAGES: dict[str, tuple[str, str]] = {**ENUM_LABELS, **ERRORS, **UI, **CLI}
