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


# placeholders that hold a count: written with the language's digit grouping ("1.234 peserta",
# "1,234 participants"); years, ids, serials, row and page numbers stay as they are
COUNTS = frozenset({
    "count", "total", "rows", "sessions", "groups", "members", "participants", "needed",
    "attended", "held", "placed", "slots", "certificates", "imported", "skipped", "accounts",
    "people", "sheets", "to_complete", "minimum", "maximum", "limit", "capacity", "invalid",
    "valid", "excused", "present", "late", "absent", "missing", "violations", "shown", "active",
    "kept", "fixed", "found", "unplaced", "eligible", "waiting", "overdue", "registered", "given",
    "replaced", "values", "parts", "lines", "columns", "items", "answers", "facilitators",
    "marked", "problems"})


def _counts_written(lang: str, params: dict[str, object]) -> dict[str, object]:
    return {name: format_count(value, lang)
            if name in COUNTS and isinstance(value, int) and not isinstance(value, bool)
            else value for name, value in params.items()}


def text_in(lang: str, key: str, /, **params: object) -> str:
    """Catalogue ``key`` in ``lang`` (a report's or an export's language, not necessarily the
    UI's), filling ``{name}`` placeholders; a ``{name:one|other}`` placeholder is the word in
    the form the number ``name`` takes. An unknown key is shown as itself."""
    pair = MESSAGES.get(key)
    text = key if pair is None else pair[0] if lang == "id" else pair[1]
    if not params:
        return text
    written = _counts_written(lang, params)
    if "|" in text:  # the form follows the number (plural_form reads "1.234" as 1234)
        return _PluralFormatter(lang).format(text, **written)
    return text.format(**written)


def t(key: str, /, **params: object) -> str:
    """Translate ``key`` into the current language (see ``text_in``)."""
    return text_in(_current, key, **params)


def label(value: object) -> str:
    """The label of an enum member, e.g. ``label(Role.ADMIN)``."""
    return t(f"enum.{type(value).__name__}.{value}")


__all__ = ["LANGUAGES", "PLURAL_ORDER", "format_count", "format_date", "format_datetime",
           "format_rupiah", "format_time", "label", "language", "plural_categories",
           "plural_form", "set_language", "t", "text_in"]
