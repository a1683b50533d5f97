"""User-visible text in Indonesian (default) and English, and locale formatting of dates and money.

One catalogue serves the Qt-free core (error messages) and the screens, so a message raised by a
service reads the same in the GUI and the CLI. Keys are stable English identifiers.
"""

from __future__ import annotations

import string
from functools import cache

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


# CLDR's order of plural categories: a choice lists the forms its language has, in this order
PLURAL_ORDER = ("zero", "one", "two", "few", "many", "other")


@cache
def plural_categories(lang: str) -> tuple[str, ...]:
    """The plural forms ``lang`` has (Babel's CLDR rules): ``("one", "other")`` in English,
    ``("other",)`` in Indonesian, which says "3 sesi" and "1 sesi" alike."""
    from babel import Locale

    tags = Locale.parse(lang).plural_form.tags
    return tuple(c for c in PLURAL_ORDER if c in tags or c == "other")


def plural_form(lang: str, value: object) -> int:
    """Which of ``lang``'s forms a number takes (its index in ``plural_categories``)."""
    from babel import Locale

    number: float
    if isinstance(value, (int, float)):
        number = value
    else:  # a number already written out ("1.234", "2,5"): its digits
        digits = "".join(ch for ch in str(value) if ch.isdigit())
        number = int(digits) if digits else 0
    return plural_categories(lang).index(Locale.parse(lang).plural_form(number))


class _PluralFormatter(string.Formatter):
    """``{count:session|sessions}``: the form of the word ``count`` takes in the language the
    text is in (forms as ``plural_categories`` lists them)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" not in format_spec:
            return str(super().format_field(value, format_spec))
        forms = format_spec.split("|")
        return forms[min(plural_form(self.lang, value), len(forms) - 1)]


def text_in(lang: str, key: str, /, **params: object) -> str:
    """Catalogue ``key`` in ``lang`` (a report's or an export's language, not necessarily the
    UI's), filling ``{name}`` placeholders; a ``{name:one|other}`` placeholder is the word in
    the form the number ``name`` takes. An unknown key is shown as itself."""
    pair = MESSAGES.get(key)
    text = key if pair is None else pair[0] if lang == "id" else pair[1]
    if not params:
        return text
    if "|" in text:
        return _PluralFormatter(lang).format(text, **params)
    return text.format(**params)


def t(key: str, /, **params: object) -> str:
    """Translate ``key`` into the current language (see ``text_in``)."""
    return text_in(_current, key, **params)


def label(value: object) -> str:
    """The label of an enum member, e.g. ``label(Role.ADMIN)``."""
    return t(f"enum.{type(value).__name__}.{value}")


__all__ = ["LANGUAGES", "PLURAL_ORDER", "format_count", "format_date", "format_datetime",
           "format_rupiah", "format_time", "label", "language", "plural_categories",
           "plural_form", "set_language", "t", "text_in"]
