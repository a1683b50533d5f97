"""A list wider than its table gives up width in its long columns, so a status or a count at
the end stays in view, whole, without scrolling sideways."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot

from kdrt_desk.ui.widgets.tables import fit_columns, table

LONG = "Aula Pusat Pemberdayaan Perempuan Kelurahan Sungai Pangeran lantai dua"


def test_long_columns_shrink_and_the_kept_ones_stay_whole(qtbot: QtBot) -> None:
    widget = table(["Tempat", "Fasilitator", "Status", "Kehadiran"])
    qtbot.addWidget(widget)
    widget.resize(700, 300)
    widget.show()
    qtbot.waitExposed(widget)
    widget.setRowCount(3)

    for row in range(3):
        for column, text in enumerate([LONG, "Dra. Hj. Nuraini Melinda, M.Psi., Psikolog",
                                       "Direncanakan", "4 hadir dari 6 dicatat, 19 anggota"]):
            widget.setItem(row, column, QTableWidgetItem(text))
    fit_columns(widget, widest=400, keep=(3,))
    widths = [widget.columnWidth(c) for c in range(4)]
    assert sum(widths) <= widget.viewport().width() + 4
    metrics = widget.fontMetrics()
    assert widths[3] >= metrics.horizontalAdvance("4 hadir dari 6 dicatat, 19 anggota")
    assert widths[2] >= metrics.horizontalAdvance("Direncanakan")
    assert widths[0] < metrics.horizontalAdvance(LONG)  # the long one gave up width


def test_a_table_that_fits_keeps_every_column_whole(qtbot: QtBot) -> None:
    widget = table(["Tempat", "Status"])
    qtbot.addWidget(widget)
    widget.resize(900, 200)
    widget.show()
    qtbot.waitExposed(widget)

    widget.setRowCount(1)
    widget.setItem(0, 0, QTableWidgetItem("Balai Warga Plaju Darat"))
    widget.setItem(0, 1, QTableWidgetItem("Direncanakan"))
    fit_columns(widget)
    assert widget.columnWidth(0) >= widget.fontMetrics().horizontalAdvance(
        "Balai Warga Plaju Darat")
