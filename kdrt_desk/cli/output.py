"""Rows on stdout: CSV a spreadsheet shows as text, or JSON with its own types."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Mapping, Sequence
from datetime import date, time
from enum import Enum
from typing import TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f]")

Row = Mapping[str, object]


def csv_cell(text: str) -> str:
    """A cell a spreadsheet shows as text: a leading = + - @ tab or CR (a formula to Excel,
    e.g. =HYPERLINK(...)) gets an apostrophe in front; control characters are replaced."""
    neutral = "'" + text if text.startswith(FORMULA_STARTS) else text
    return CONTROL_CHARACTERS.sub("\ufffd", neutral)


def csv_value(raw: object) -> str:
    """A value as CSV text: absent is an empty cell (never "None"), dates in ISO form."""
    if raw is None:
        return ""
    return raw.isoformat() if isinstance(raw, date) else str(raw)


def json_value(raw: object) -> object:
    """A value with its JSON type: numbers, booleans and null stay what they are."""
    if isinstance(raw, Enum):
        raw = raw.value
    if raw is None or isinstance(raw, bool | int | float | str):
        return raw
    return raw.isoformat() if isinstance(raw, date | time) else str(raw)


def fields(rows: Sequence[object], columns: Sequence[str]) -> list[dict[str, object]]:
    """The ``columns`` of record objects, as rows for ``write_rows``."""
    return [{c: getattr(r, c) for c in columns} for r in rows]


def write_rows(out: TextIO, rows: Sequence[Row], columns: Sequence[str], fmt: str) -> None:
    if fmt == "json":
        json.dump([{c: json_value(r[c]) for c in columns} for r in rows], out,
                  ensure_ascii=False, indent=1)  # JSON escapes control characters itself
        out.write("\n")
        return
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(csv_value(row[c])) for c in columns])
