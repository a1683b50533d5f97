"""Her name as lists, records and reports show it: an anonymised name through the catalogue."""

from __future__ import annotations

from kdrt_desk.i18n import t

# What anonymising leaves as her name (a neutral marker, no text of any language) ...
ANONYMISED_MARKER = ""
# ... and what vaults anonymised before it was introduced hold instead.
LEGACY_ANONYMISED_NAME = "Peserta dianonimkan"


def anonymised_names() -> dict[str, str]:
    """{stored name: what is shown} for the stored names that mean "anonymised": a lookup for
    long lists, ``names.get(stored, stored)``."""
    shown = t("participant.anonymised_name")
    return {ANONYMISED_MARKER: shown, LEGACY_ANONYMISED_NAME: shown}


def shown_name(stored: str | None) -> str:
    """Her name, or the placeholder in the UI language when her record was anonymised."""
    name = stored or ANONYMISED_MARKER
    return anonymised_names().get(name, name)
