"""``--format json`` keeps JSON types; CSV stays text a spreadsheet does not run."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from kdrt_desk.cli.output import write_rows
from kdrt_desk.domain.enums import Role

COLUMNS = ("id", "name", "members", "archived", "pct", "day", "role", "missing")
ROW = {"id": 7, "name": "=HYPERLINK(\"x\")", "members": 0, "archived": False, "pct": 75.5,
       "day": date(2026, 11, 24), "role": Role.STAF, "missing": None}


def _written(fmt: str) -> str:
    out = io.StringIO()
    write_rows(out, [ROW], COLUMNS, fmt)
    return out.getvalue()


def test_json_has_numbers_booleans_and_null() -> None:
    assert json.loads(_written("json")) == [{
        "id": 7, "name": "=HYPERLINK(\"x\")", "members": 0, "archived": False, "pct": 75.5,
        "day": "2026-11-24", "role": "staf", "missing": None}]


def test_csv_is_unchanged_text() -> None:
    rows = list(csv.reader(io.StringIO(_written("csv"))))
    assert rows == [list(COLUMNS), ["7", "'=HYPERLINK(\"x\")", "0", "False", "75.5",
                                    "2026-11-24", "staf", ""]]


def test_csv_neutralises_every_formula_start_and_control_characters() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r"):
        out = io.StringIO()
        write_rows(out, [{"name": f"{start}1+1"}], ("name",), "csv")
        cell = next(iter(csv.DictReader(io.StringIO(out.getvalue()))))["name"]
        assert cell.startswith("'"), repr(cell)
        assert "\t" not in cell and "\r" not in cell
    out = io.StringIO()
    write_rows(out, [{"name": "a\x1bb"}], ("name",), "csv")
    assert "\x1b" not in out.getvalue() and "a\ufffdb" in out.getvalue()
