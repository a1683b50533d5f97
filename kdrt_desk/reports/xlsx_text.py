"""Text in a workbook cell that stays text: never a formula, shown as typed (every workbook the
app writes uses this for anything that is not its own number or formula)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # openpyxl is loaded by the writers that use this, not at app start
    from openpyxl.cell.cell import Cell

# what Excel (or LibreOffice) would start reading as a formula, also after a tab or a return
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def set_text(cell: Cell, value: str) -> None:
    """``value`` as a text cell, with a quote prefix where a spreadsheet might parse it."""
    cell.value = value
    cell.data_type = "s"
    if value.lstrip("\t\r\n ").startswith(FORMULA_START) or value.startswith(FORMULA_START):
        cell.quotePrefix = True
