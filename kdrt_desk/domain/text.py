"""What may be typed into a name or a free-text field: no control characters.

ESC, BEL, NUL and their kind can rewrite a terminal or a log line, and the bidirectional
overrides (U+202A-U+202E, U+2066-U+2069) and marks (U+200E, U+200F, U+061C) make a name read
differently from what it is. A field
that holds several lines keeps line breaks (and tabs); every other field takes one line.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata

from kdrt_desk.errors import UserError

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                          "\u200e\u200f\u061c")
MULTILINE_ALLOWED = frozenset("\n\r\t")

_NAMES = {"\x00": "NUL", "\x07": "BEL", "\x08": "BS", "\t": "TAB", "\n": "LF", "\x0b": "VT",
          "\x0c": "FF", "\r": "CR", "\x1b": "ESC", "\x7f": "DEL"}


def character_name(ch: str) -> str:
    """How a message names a character: ``U+001B (ESC)``."""
    name = _NAMES.get(ch) or unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" ({name})" if name else "")


# category Cc is exactly U+0000-U+001F and U+007F-U+009F
_REFUSED = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]")
_REFUSED_MULTILINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
                                + "".join(sorted(BIDI_CONTROLS)) + "]")


def first_control_character(value: str, *, multiline: bool = False) -> str | None:
    found = (_REFUSED_MULTILINE if multiline else _REFUSED).search(value)
    return found.group() if found else None


def reject_control_characters(field: str, value: object, *, multiline: bool = False
                              ) -> list[UserError]:
    """An error naming the first control character of ``value`` (none for a clean value)."""
    if not isinstance(value, str):
        return []
    ch = first_control_character(value, multiline=multiline)
    if ch is None:
        return []
    return [UserError("error.control_character", field=field, character=character_name(ch))]


def control_character_problems(data: object, multiline: frozenset[str] = frozenset(),
                               prefix: str = "") -> list[UserError]:
    """Every text field of an input dataclass (and of the dataclasses it holds) checked:
    one error per field holding a control character. ``multiline`` names the fields that keep
    line breaks."""
    if not dataclasses.is_dataclass(data):
        return []
    problems: list[UserError] = []
    for name in _field_names(type(data)):  # type: ignore[arg-type]
        value = getattr(data, name)
        if isinstance(value, str):
            if _REFUSED_MULTILINE.search(value) is None and (
                    name in multiline or _REFUSED.search(value) is None):
                continue  # the common case: clean, checked by one regex search
            problems.extend(reject_control_characters(
                prefix + name, value, multiline=name in multiline))
        elif dataclasses.is_dataclass(value):
            problems.extend(control_character_problems(value, multiline))
    return problems


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))
