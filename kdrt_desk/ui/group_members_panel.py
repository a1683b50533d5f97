"""One group's members: the list (who, since when, how it ended) and the membership buttons."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.enums import RiskLevel
from kdrt_desk.domain.training import EnrolmentStatus, MemberRow
from kdrt_desk.i18n import format_date, label, t
from kdrt_desk.ui.register_model import HIGH_RISK_BACKGROUND, HIGH_RISK_TEXT
from kdrt_desk.ui.widgets.look import ENDED_TEXT
from kdrt_desk.ui.widgets.tables import fit_columns, table

MEMBER_COLUMNS = ("code", "name", "kecamatan", "joined", "status")


class MembersPanel(QWidget):
    """``set_members`` shows a group's members; the buttons are the caller's to connect."""

    selection_changed = Signal()

    def __init__(self, may_manage: bool, show_risk: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show_risk = show_risk
        self.members: list[MemberRow] | None = None  # None: no group shown
        self.shown: list[MemberRow] = []
        self.enrol_button = QPushButton(t("ui.groups.enrol"))
        self.end_button = QPushButton(t("ui.groups.end"))
        self.transfer_button = QPushButton(t("ui.groups.transfer"))
        self.enrol_button.setToolTip(t("ui.tip.groups.enrol"))
        self.end_button.setToolTip(t("ui.tip.groups.end"))
        self.transfer_button.setToolTip(t("ui.tip.groups.transfer"))
        for button in (self.enrol_button, self.end_button, self.transfer_button):
            button.setVisible(may_manage)
        self.show_ended = QCheckBox(t("ui.groups.show_ended"))
        self.show_ended.setChecked(True)
        self.show_ended.toggled.connect(lambda _on: self._show())
        buttons = QHBoxLayout()
        buttons.addWidget(self.enrol_button)
        buttons.addWidget(self.end_button)
        buttons.addWidget(self.transfer_button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_ended)
        self.columns = [*MEMBER_COLUMNS, "risk"] if show_risk else [*MEMBER_COLUMNS]
        self.table = table([t(f"ui.groups.members.col_{c}") for c in self.columns])
        self.table.itemSelectionChanged.connect(self.selection_changed)
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    def set_members(self, members: list[MemberRow] | None) -> None:
        """Show these members (None: no group, an empty list)."""
        self.members = members
        if members is None:
            self.shown = []
            self.table.setRowCount(0)
            self.count.clear()
            self.selection_changed.emit()
            return
        self._show()

    def _show(self) -> None:
        if self.members is None:
            return
        selected = self.selected_member()
        rows = [m for m in self.members
                if self.show_ended.isChecked() or m.status == EnrolmentStatus.ACTIVE]
        self.shown = rows
        self.table.setRowCount(len(rows))
        for row, member in enumerate(rows):
            status = label(member.status)
            if member.ended_on is not None:
                status = t("ui.groups.members.ended", status=status,
                           date=format_date(member.ended_on))
            name = member.full_name + (f" ({member.preferred_name})" if member.preferred_name
                                       else "")
            values = [member.code, name, member.kecamatan, format_date(member.enrolled_on),
                      status]
            if self.show_risk:
                risk = member.risk_level
                values.append("" if risk is None else f"⚠ {label(risk)}"
                              if risk is RiskLevel.HIGH else label(risk))
            high = member.risk_level is RiskLevel.HIGH
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                tip = text
                if column == 4 and member.end_reason:
                    tip = f"{text}\n{member.end_reason}"
                item.setToolTip(tip)
                if high:
                    item.setBackground(HIGH_RISK_BACKGROUND)
                    item.setForeground(HIGH_RISK_TEXT)
                elif member.status != EnrolmentStatus.ACTIVE:
                    item.setForeground(ENDED_TEXT)
                self.table.setItem(row, column, item)
            if selected is not None and member.enrolment_id == selected.enrolment_id:
                self.table.selectRow(row)
        fit_columns(self.table)
        active = sum(m.status == EnrolmentStatus.ACTIVE for m in self.members)
        self.count.setText(t("ui.groups.members.count", active=active)
                           if self.members else t("ui.groups.members.empty"))
        self.selection_changed.emit()

    def selected_member(self) -> MemberRow | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows or rows[0].row() >= len(self.shown):
            return None
        return self.shown[rows[0].row()]

    def select_member(self, participant_id: int) -> None:
        for row, member in enumerate(self.shown):
            if member.participant_id == participant_id and member.status == \
                    EnrolmentStatus.ACTIVE:
                self.table.selectRow(row)
                return

    def update_buttons(self, ready: bool, may_enrol: bool) -> None:
        """``ready``: the shown members are the selected group's; ``may_enrol``: it is open."""
        self.enrol_button.setEnabled(ready and may_enrol)
        member = self.selected_member() if ready else None
        active = member is not None and member.status == EnrolmentStatus.ACTIVE
        self.end_button.setEnabled(active)
        self.transfer_button.setEnabled(active)
