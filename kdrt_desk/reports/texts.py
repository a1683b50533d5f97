"""What every report says in its language: catalogue texts in the report's language (not the
UI's), user data as escaped one-line Paragraph markup, and the language a report is made in."""

from __future__ import annotations

from xml.sax.saxutils import escape

from kdrt_desk import i18n
from kdrt_desk.i18n.catalog import MESSAGES


def text(lang: str, key: str, **params: object) -> str:
    if key not in MESSAGES:
        raise KeyError(key)
    return i18n.text_in(lang, key, **params)


def user(value: str) -> str:
    """User data as Paragraph markup: escaped, on one line, a dash when empty."""
    return escape(" ".join(value.split())) or "—"


def language(lang: str | None) -> str:
    chosen = lang or i18n.language()
    if chosen not in i18n.LANGUAGES:
        raise ValueError(f"unsupported language: {chosen}")
    return chosen
