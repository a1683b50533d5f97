"""The training groups: the list, one group's warnings and members, and its progress grid."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.enums import RiskLevel
from kdrt_desk.domain.training import (
    EnrolmentStatus,
    GroupProgress,
    GroupView,
    GroupWarning,
    MemberRow,
    ModuleProgress,
)
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import format_date, label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.common import ErrorLabel, show_error
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.group_dialog import (
    EndMembershipDialog,
    EnrolDialog,
    GroupDialog,
    TransferDialog,
)
from kdrt_desk.ui.register_model import HIGH_RISK_BACKGROUND, HIGH_RISK_TEXT
from kdrt_desk.wiring import Services

GROUP_COLUMNS = ("name", "area", "period", "venue", "members")
MEMBER_COLUMNS = ("code", "name", "kecamatan", "joined", "status")
BELOW_MINIMUM = QColor("#fde2e1")  # light red: attendance under the module's minimum
COMPLETED = QColor("#e3f1e0")  # light green: module completed
ENDED_TEXT = QColor("#777777")
WARNING_STYLE = ("background: #fff4c2; border: 1px solid #e0c060; border-radius: 4px;"
                 " padding: 6px; color: #4a3b00;")
HINT_STYLE = "color: #555;"
D = TypeVar("D", bound=FormDialog)
OK_STYLE = "color: #1b5e20;"


def table(columns: list[str]) -> QTableWidget:
    widget = QTableWidget(0, len(columns))
    widget.setHorizontalHeaderLabels(columns)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setAlternatingRowColors(True)
    widget.setWordWrap(False)
    widget.verticalHeader().hide()
    widget.verticalHeader().setDefaultSectionSize(26)
    header = widget.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return widget


def fit_columns(widget: QTableWidget, air: int = 24, widest: int = 320) -> None:
    """Each column as wide as its longest text, within reason."""
    metrics = widget.fontMetrics()
    header = widget.horizontalHeader()
    for column in range(widget.columnCount()):
        items = [widget.horizontalHeaderItem(column)]
        items += [widget.item(row, column) for row in range(widget.rowCount())]
        width = max((metrics.horizontalAdvance(i.text()) for i in items if i is not None),
                    default=60) + air
        header.resizeSection(column, min(max(width, 70), widest))


def period_text(group: GroupView) -> str:
    return t("ui.groups.period_value", start=format_date(group.start_date),
             end=format_date(group.end_date))


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


@dataclass(frozen=True)
class GroupDetail:
    group: GroupView
    members: list[MemberRow]
    warnings: list[GroupWarning]
    progress: GroupProgress


class GroupsView(QWidget):
    """``refresh()`` reloads the list; selecting a group loads its members, warnings, progress."""

    loaded = Signal(int)  # groups shown
    detail_loaded = Signal(int)  # group id whose detail is shown
    changed = Signal()  # a group or its membership changed

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.groups: list[GroupView] = []
        self.detail: GroupDetail | None = None
        self.shown_members: list[MemberRow] = []
        self.dialog: FormDialog | None = None
        self._sequence = 0
        self._detail_sequence = 0
        actor = services.vault.actor
        self.may_manage = actor.may(Permission.MANAGE_GROUPS)
        self.show_risk = actor.may(Permission.VIEW_RESTRICTED)

        # -- the list ---------------------------------------------------------------------
        self.new_button = QPushButton(t("ui.groups.new"))
        self.edit_button = QPushButton(t("ui.groups.edit"))
        self.archive_button = QPushButton(t("ui.groups.archive"))
        self.show_archived = QCheckBox(t("ui.groups.show_archived"))
        for button in (self.new_button, self.edit_button, self.archive_button):
            button.setVisible(self.may_manage)
        self.new_button.clicked.connect(self.open_new_dialog)
        self.edit_button.clicked.connect(self.open_edit_dialog)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.archive_button)
        top.addStretch(1)
        top.addWidget(self.show_archived)
        self.table = table([t(f"ui.groups.col_{c}") for c in GROUP_COLUMNS])
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        if self.may_manage:
            self.table.doubleClicked.connect(lambda _index: self.open_edit_dialog())
        self.count_label = QLabel()
        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(top)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.count_label)

        # -- the selected group --------------------------------------------------------------
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        self.warnings_label = QLabel()
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet(WARNING_STYLE)
        self.warnings_label.hide()
        self.enrol_button = QPushButton(t("ui.groups.enrol"))
        self.end_button = QPushButton(t("ui.groups.end"))
        self.transfer_button = QPushButton(t("ui.groups.transfer"))
        for button in (self.enrol_button, self.end_button, self.transfer_button):
            button.setVisible(self.may_manage)
        self.enrol_button.clicked.connect(self.open_enrol_dialog)
        self.end_button.clicked.connect(self.open_end_dialog)
        self.transfer_button.clicked.connect(self.open_transfer_dialog)
        self.show_ended = QCheckBox(t("ui.groups.show_ended"))
        self.show_ended.setChecked(True)
        self.show_ended.toggled.connect(lambda _on: self._show_members())
        member_buttons = QHBoxLayout()
        member_buttons.addWidget(self.enrol_button)
        member_buttons.addWidget(self.end_button)
        member_buttons.addWidget(self.transfer_button)
        member_buttons.addStretch(1)
        member_buttons.addWidget(self.show_ended)
        self.member_columns = [*MEMBER_COLUMNS, "risk"] if self.show_risk else [*MEMBER_COLUMNS]
        self.members_table = table([t(f"ui.groups.members.col_{c}") for c in self.member_columns])
        self.members_table.itemSelectionChanged.connect(self._update_buttons)
        self.members_count = QLabel()
        members_tab = QWidget()
        members_layout = QVBoxLayout(members_tab)
        members_layout.addLayout(member_buttons)
        members_layout.addWidget(self.members_table, 1)
        members_layout.addWidget(self.members_count)

        progress_intro = QLabel(t("ui.groups.progress.legend"))
        progress_intro.setWordWrap(True)
        progress_intro.setStyleSheet(HINT_STYLE)
        self.progress_table = table([])
        self.progress_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.progress_table.setAlternatingRowColors(False)
        self.progress_table.horizontalHeader().setStretchLastSection(False)
        progress_tab = QWidget()
        progress_layout = QVBoxLayout(progress_tab)
        progress_layout.addWidget(progress_intro)
        progress_layout.addWidget(self.progress_table, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(members_tab, t("ui.groups.tab_members"))
        self.tabs.addTab(progress_tab, t("ui.groups.tab_progress"))
        self.empty_hint = QLabel(t("ui.groups.select_hint"))
        self.empty_hint.setStyleSheet(HINT_STYLE)
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.title)
        detail_layout.addWidget(self.empty_hint)
        detail_layout.addWidget(self.warnings_label)
        detail_layout.addWidget(self.tabs, 1)

        self.done_label = QLabel()
        self.done_label.setStyleSheet(OK_STYLE)
        self.done_label.setWordWrap(True)
        self.done_label.hide()
        self.message = ErrorLabel()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(list_box)
        splitter.addWidget(detail_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.done_label)
        layout.addWidget(self.message)
        self._show_detail_empty()

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Ask for the groups again (the selected one stays selected); older answers dropped."""
        self._sequence += 1
        sequence = self._sequence
        groups, archived = self.services.groups, self.show_archived.isChecked()
        self.runner.run(lambda: groups.groups(include_archived=archived),
                        lambda rows: self._show(sequence, rows), self._failed)

    def clear(self) -> None:
        """Forget every name (the app locked)."""
        self._sequence += 1
        self._detail_sequence += 1
        if self.dialog is not None:
            self.dialog.reject()
        self.groups = []
        self.table.setRowCount(0)
        self.count_label.clear()
        self._show_detail_empty()

    def _show(self, sequence: int, rows: list[GroupView]) -> None:
        if sequence != self._sequence:
            return
        chosen = self.selected_group()
        self.groups = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        selected_row = -1
        for row, group in enumerate(rows):
            area = group.kecamatan + (f" / {group.kelurahan}" if group.kelurahan else "")
            name = group.name + (f" ({t('ui.groups.archived')})" if group.archived else "")
            values = (name, area, period_text(group), group.venue_name or "—",
                      str(group.member_count))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if group.archived:
                    item.setForeground(ENDED_TEXT)
                if column == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
            if chosen is not None and group.id == chosen.id:
                selected_row = row
        fit_columns(self.table)
        if selected_row < 0 and rows:
            selected_row = 0
        if selected_row >= 0:
            self.table.selectRow(selected_row)
        self.table.blockSignals(False)
        self.count_label.setText(t("ui.groups.count", count=len(rows)) if rows
                                 else t("ui.groups.empty"))
        self._selection_changed()
        self.loaded.emit(len(rows))

    def _selection_changed(self) -> None:
        group = self.selected_group()
        self._update_buttons()
        if group is None:
            self._show_detail_empty()
            return
        self.load_detail(group.id)

    def load_detail(self, group_id: int) -> None:
        self._detail_sequence += 1
        sequence = self._detail_sequence
        groups, attendance = self.services.groups, self.services.attendance

        def fetch() -> GroupDetail:
            return GroupDetail(groups.get(group_id), groups.members(group_id, True),
                               groups.warnings(group_id), attendance.group_progress(group_id))

        self.runner.run(fetch, lambda found: self._show_detail(sequence, found), self._failed)

    def _show_detail_empty(self) -> None:
        self.detail = None
        self.shown_members = []
        self.title.clear()
        self.warnings_label.hide()
        self.members_table.setRowCount(0)
        self.members_count.clear()
        self.progress_table.setRowCount(0)
        self.progress_table.setColumnCount(0)
        self.tabs.setEnabled(False)
        self.empty_hint.show()
        self._update_buttons()

    def _show_detail(self, sequence: int, found: GroupDetail) -> None:
        if sequence != self._detail_sequence:
            return
        self.detail = found
        self.empty_hint.hide()
        self.tabs.setEnabled(True)
        group = found.group
        self.title.setText(t("ui.groups.detail_title", name=group.name,
                             period=period_text(group), venue=group.venue_name or "—"))
        if found.warnings:
            lines = [f"⚠ {t(w.key, **w.params)}" for w in found.warnings]
            self.warnings_label.setText("\n".join(lines))
            self.warnings_label.show()
        else:
            self.warnings_label.hide()
        self._show_members()
        self._show_progress(found.progress)
        self._update_buttons()
        self.detail_loaded.emit(group.id)

    def _show_members(self) -> None:
        if self.detail is None:
            return
        selected = self.selected_member()
        rows = [m for m in self.detail.members
                if self.show_ended.isChecked() or m.status == EnrolmentStatus.ACTIVE]
        self.shown_members = rows
        self.members_table.setRowCount(len(rows))
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
                self.members_table.setItem(row, column, item)
            if selected is not None and member.enrolment_id == selected.enrolment_id:
                self.members_table.selectRow(row)
        fit_columns(self.members_table)
        active = sum(m.status == EnrolmentStatus.ACTIVE for m in self.detail.members)
        self.members_count.setText(t("ui.groups.members.count", active=active)
                                   if self.detail.members else t("ui.groups.members.empty"))
        self._update_buttons()

    def _show_progress(self, progress: GroupProgress) -> None:
        grid = self.progress_table
        grid.clear()
        grid.setColumnCount(1 + len(progress.modules))
        grid.setRowCount(len(progress.members))
        headers = [t("ui.groups.progress.col_member")] + [code for _, code, _ in progress.modules]
        grid.setHorizontalHeaderLabels(headers)
        for column, (_, code, title) in enumerate(progress.modules, start=1):
            header = grid.horizontalHeaderItem(column)
            if header is not None:
                header.setToolTip(f"{code} {title}")
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

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.message.show_message(exc.message)
        else:
            show_error(self, exc)

    # -- selection --------------------------------------------------------------------------
    def selected_group(self) -> GroupView | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows or rows[0].row() >= len(self.groups):
            return None
        return self.groups[rows[0].row()]

    def select_group(self, group_id: int) -> None:
        for row, group in enumerate(self.groups):
            if group.id == group_id:
                self.table.selectRow(row)
                return

    def selected_member(self) -> MemberRow | None:
        model = self.members_table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows or rows[0].row() >= len(self.shown_members):
            return None
        return self.shown_members[rows[0].row()]

    def select_member(self, participant_id: int) -> None:
        for row, member in enumerate(self.shown_members):
            if member.participant_id == participant_id and member.status == \
                    EnrolmentStatus.ACTIVE:
                self.members_table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        group = self.selected_group()
        self.edit_button.setEnabled(group is not None)
        self.archive_button.setEnabled(group is not None)
        self.archive_button.setText(t("ui.groups.restore") if group is not None and group.archived
                                    else t("ui.groups.archive"))
        ready = self.detail is not None and group is not None and self.detail.group.id == group.id
        self.enrol_button.setEnabled(ready and group is not None and not group.archived)
        member = self.selected_member() if ready else None
        active = member is not None and member.status == EnrolmentStatus.ACTIVE
        self.end_button.setEnabled(active)
        self.transfer_button.setEnabled(active)

    # -- actions ----------------------------------------------------------------------------
    def open_new_dialog(self) -> GroupDialog | None:
        if not self.may_manage:
            return None
        return self._open(GroupDialog(self.services, self.runner, None, self))

    def open_edit_dialog(self) -> GroupDialog | None:
        group = self.selected_group()
        if group is None or not self.may_manage:
            return None
        return self._open(GroupDialog(self.services, self.runner, group, self))

    def open_enrol_dialog(self) -> EnrolDialog | None:
        group = self.selected_group()
        if group is None or not self.may_manage:
            return None
        return self._open(EnrolDialog(self.services, self.runner, group, self))

    def open_end_dialog(self) -> EndMembershipDialog | None:
        member = self.selected_member()
        if member is None or member.status != EnrolmentStatus.ACTIVE or not self.may_manage:
            return None
        return self._open(EndMembershipDialog(self.services, self.runner, member, self))

    def open_transfer_dialog(self) -> TransferDialog | None:
        member = self.selected_member()
        group = self.selected_group()
        if member is None or group is None or member.status != EnrolmentStatus.ACTIVE \
                or not self.may_manage:
            return None
        targets = [g for g in self.groups if g.id != group.id and not g.archived]
        return self._open(TransferDialog(self.services, self.runner, member, targets, self))

    def _open(self, dialog: D) -> D:
        dialog.saved.connect(self._saved)
        dialog.finished.connect(lambda _code: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: FormDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _saved(self, result: object) -> None:
        if isinstance(result, GroupView):
            self.done_label.setText(t("ui.groups.saved", name=result.name))
            self._sequence += 1  # select the saved group once the list is back
            sequence = self._sequence
            groups, archived = self.services.groups, self.show_archived.isChecked()

            def show(rows: list[GroupView]) -> None:
                self._show(sequence, rows)
                self.select_group(result.id)

            self.runner.run(lambda: groups.groups(include_archived=archived), show, self._failed)
        else:
            self.done_label.setText(t("ui.groups.membership_saved"))
            self.refresh()
        self.done_label.show()
        self.message.show_message("")
        self.changed.emit()

    def toggle_archived(self) -> None:
        group = self.selected_group()
        if group is None or not self.may_manage:
            return
        groups, group_id, archive = self.services.groups, group.id, not group.archived
        text = t("ui.groups.archived_done" if archive else "ui.groups.restored_done",
                 name=group.name)

        def done(_result: object) -> None:
            self.done_label.setText(text)
            self.done_label.show()
            self.changed.emit()
            self.refresh()

        self.runner.run(lambda: groups.set_archived(group_id, archive), done, self._failed)
