"""A group's progress grid: each member's attendance per module, coloured by what it means."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QTableWidgetItem, QVBoxLayout, QWidget

from kdrt_desk.domain.training import GroupProgress, ModuleProgress
from kdrt_desk.i18n import t
from kdrt_desk.ui.widgets.forms import as_typed, hint_label
from kdrt_desk.ui.widgets.look import BELOW_MINIMUM, COMPLETED
from kdrt_desk.ui.widgets.tables import fit_columns, table


def progress_cell(progress: ModuleProgress) -> tuple[str, QColor | None, str]:
    """The grid's text, background and tooltip for one member and module."""
    if not progress.held:
        return "—", None, t("ui.groups.progress.none_held")
    text = t("ui.groups.progress.cell", attended=progress.attended, held=progress.held,
             pct=progress.percent)
    tip = [t("ui.groups.progress.tip", attended=progress.attended, held=progress.held,
             pct=progress.percent, excused=progress.excused, minimum=progress.min_pct)]
    if progress.assessment_required:
        tip.append(t("ui.groups.progress.assessment_passed") if progress.assessment_passed
                   else t("ui.groups.progress.assessment_failed")
                   if progress.assessment_passed is False
                   else t("ui.groups.progress.assessment_missing"))
    if progress.completed:
        return f"✓ {text}", COMPLETED, "\n".join([*tip, t("ui.groups.progress.completed")])
    if not progress.meets_attendance:
        return text, BELOW_MINIMUM, "\n".join([*tip, t("ui.groups.progress.below",
                                                       minimum=progress.min_pct)])
    return text, None, "\n".join(tip)


class ProgressGrid(QWidget):
    """The legend above a members-by-modules table; ``show_progress`` fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table([])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAlternatingRowColors(False)
        self.table.horizontalHeader().setStretchLastSection(False)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(t("ui.groups.progress.legend")))
        layout.addWidget(self.table, 1)

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.table.setColumnCount(0)

    def show_progress(self, progress: GroupProgress) -> None:
        grid = self.table
        grid.clear()
        grid.setColumnCount(1 + len(progress.modules))
        grid.setRowCount(len(progress.members))
        headers = [t("ui.groups.progress.col_member")] + [code for _, code, _ in progress.modules]
        grid.setHorizontalHeaderLabels(headers)
        for column, (_, code, title) in enumerate(progress.modules, start=1):
            header = grid.horizontalHeaderItem(column)
            if header is not None:
                header.setToolTip(as_typed(f"{code} {title}"))  # a header shows it itself
        for row, member in enumerate(progress.members):
            name = QTableWidgetItem(f"{member.code} — {member.full_name}")
            name.setToolTip(name.text())
            grid.setItem(row, 0, name)
            for column, (module_id, _, _) in enumerate(progress.modules, start=1):
                found = member.modules.get(module_id)
                if found is None:
                    grid.setItem(row, column, QTableWidgetItem("—"))
                    continue
                text, colour, tip = progress_cell(found)
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(tip)
                if colour is not None:
                    item.setBackground(colour)
                grid.setItem(row, column, item)
        fit_columns(grid, air=28)
