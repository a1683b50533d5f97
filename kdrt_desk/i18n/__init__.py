"""User-visible text in Indonesian (default) and English, and locale formatting of dates and money.

One catalogue serves the Qt-free core (error messages) and the screens, so a message raised by a
service reads the same in the GUI and the CLI. Keys are stable English identifiers.
"""

from __future__ import annotations

from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.i18n.formatting import (
    format_count,
    format_date,
    format_datetime,
    format_rupiah,
    format_time,
)

LANGUAGES = ("id", "en")
_current = "id"


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang}")
    _current = lang


def language() -> str:
    return _current


def t(key: str, /, **params: object) -> str:
    """Translate ``key`` into the current language, filling ``{name}`` placeholders."""
    pair = MESSAGES.get(key)
    text = key if pair is None else pair[0] if _current == "id" else pair[1]
    return text.format(**params) if params else text


def label(value: object) -> str:
    """The label of an enum member, e.g. ``label(Role.ADMIN)``."""
    return t(f"enum.{type(value).__name__}.{value}")


__all__ = ["LANGUAGES", "format_count", "format_date", "format_datetime", "format_rupiah",
           "format_time", "label",
           "language", "set_language", "t"]
