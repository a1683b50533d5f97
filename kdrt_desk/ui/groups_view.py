"""The training groups screen: the list of groups above the selected one's warnings, members
(``group_members_panel``) and progress grid (``group_progress_grid``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk import i18n
from kdrt_desk.domain.training import (
    EnrolmentStatus,
    GroupProgress,
    GroupView,
    GroupWarning,
    MemberRow,
)
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import format_date, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.enrol_dialog import EnrolDialog
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.group_dialog import (
    EndMembershipDialog,
    GroupDialog,
    TransferDialog,
)
from kdrt_desk.ui.group_members_panel import MembersPanel
from kdrt_desk.ui.group_progress_grid import ProgressGrid
from kdrt_desk.ui.grouping_dialog import GroupingDialog
from kdrt_desk.ui.widgets.empty_hint import empty_hint, show_empty
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.forms import hint_label, plain
from kdrt_desk.ui.widgets.look import ENDED_TEXT, OK, STRONG, WARNING, mark, primary
from kdrt_desk.ui.widgets.tables import fit_columns, table
from kdrt_desk.ui.widgets.wrap_row import WrapRow
from kdrt_desk.wiring import Services

GROUP_COLUMNS = ("name", "area", "period", "venue", "funder", "members")
MEMBERS_COLUMN = GROUP_COLUMNS.index("members")
D = TypeVar("D", bound=FormDialog)


def period_text(group: GroupView) -> str:
    return t("ui.groups.period_value", start=format_date(group.start_date),
             end=format_date(group.end_date))


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
        self.dialog: FormDialog | None = None
        actor = services.vault.actor
        self.may_manage = actor.may(Permission.MANAGE_GROUPS)
        self.show_risk = actor.may(Permission.VIEW_RESTRICTED)

        # -- the list ---------------------------------------------------------------------
        self.new_button = primary(QPushButton(t("ui.groups.new")))
        self.edit_button = QPushButton(t("ui.groups.edit"))
        self.archive_button = QPushButton(t("ui.groups.archive"))
        self.suggest_button = QPushButton(t("ui.grouping.open"))
        self.show_archived = QCheckBox(t("ui.groups.show_archived"))
        for button, tip in ((self.new_button, "ui.tip.groups.new"),
                            (self.edit_button, "ui.tip.groups.edit"),
                            (self.archive_button, "ui.tip.groups.archive"),
                            (self.suggest_button, "ui.tip.groups.suggest")):
            button.setToolTip(t(tip))
        # her group's term schedule, previewed and printed (every role that sees the group)
        self.schedule_button = QPushButton(t("ui.groups.schedule_print"))
        self.schedule_button.setEnabled(False)
        self.schedule_button.setToolTip(t("ui.tip.groups.schedule"))
        self.schedule_button.clicked.connect(lambda: self.preview_schedule())
        self.preview_dialog: QWidget | None = None
        for button in (self.new_button, self.edit_button, self.archive_button,
                       self.suggest_button):
            button.setVisible(self.may_manage)
        self.suggest_button.setEnabled(self.may_manage)
        self.suggest_button.clicked.connect(self.open_grouping_dialog)
        self.new_button.clicked.connect(self.open_new_dialog)
        self.edit_button.clicked.connect(self.open_edit_dialog)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        top = WrapRow()  # on two lines when the window is narrow or the text large
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.archive_button)
        top.addWidget(self.suggest_button)
        top.addWidget(self.schedule_button)
        top.addStretch(1)
        top.addWidget(self.show_archived)
        self.table = table([t(f"ui.groups.col_{c}") for c in GROUP_COLUMNS])
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        if self.may_manage:
            self.table.doubleClicked.connect(lambda _index: self.open_edit_dialog())
        self.count_label = QLabel()
        self.list_empty = empty_hint(f"{t('ui.groups.empty')} {t('ui.hints.groups.members_from')}")
        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(top)
        list_layout.addWidget(self.list_empty)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.count_label)

        # -- the selected group --------------------------------------------------------------
        self.title = mark(QLabel(), STRONG)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings_label = mark(QLabel(), WARNING)
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings_label.hide()
        self.members = MembersPanel(self.may_manage, self.show_risk)
        self.members.enrol_button.clicked.connect(self.open_enrol_dialog)
        self.members.end_button.clicked.connect(self.open_end_dialog)
        self.members.transfer_button.clicked.connect(self.open_transfer_dialog)
        self.members.selection_changed.connect(self._update_buttons)
        self.progress = ProgressGrid()
        # the parts tests and screen readers reach for
        self.members_table = self.members.table
        self.members_count = self.members.count
        self.enrol_button = self.members.enrol_button
        self.end_button = self.members.end_button
        self.transfer_button = self.members.transfer_button
        self.show_ended = self.members.show_ended
        self.progress_table = self.progress.table

        self.tabs = QTabWidget()
        self.tabs.addTab(self.members, t("ui.groups.tab_members"))
        self.tabs.addTab(self.progress, t("ui.groups.tab_progress"))
        self.empty_hint = hint_label(t("ui.groups.select_hint"))
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.title)
        detail_layout.addWidget(self.empty_hint)
        detail_layout.addWidget(self.warnings_label)
        detail_layout.addWidget(self.tabs, 1)

        self.done_label = plain(mark(QLabel(), OK))
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
        groups, archived = self.services.groups, self.show_archived.isChecked()
        self.runner.run(lambda: groups.groups(include_archived=archived), self._show,
                        self._failed, latest=(self, "list"))

    def clear(self) -> None:
        """Forget every name (the app locked)."""
        self.runner.drop((self, "list"))
        self.runner.drop((self, "detail"))
        if self.dialog is not None:
            self.dialog.reject()
        self.groups = []
        self.table.setRowCount(0)
        self.count_label.clear()
        show_empty(self.list_empty, False)
        self._show_detail_empty()

    def _show(self, rows: list[GroupView]) -> None:
        chosen = self.selected_group()
        self.groups = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        selected_row = -1
        for row, group in enumerate(rows):
            area = group.kecamatan + (f" / {group.kelurahan}" if group.kelurahan else "")
            name = group.name + (f" ({t('ui.groups.archived')})" if group.archived else "")
            values = (name, area, period_text(group), group.venue_name or "—",
                      group.funder or "—", str(group.member_count))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if group.archived:
                    item.setForeground(ENDED_TEXT)
                if column == MEMBERS_COLUMN:
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
        self.count_label.setText(t("ui.groups.count", count=len(rows)) if rows else "")
        self.count_label.setVisible(bool(rows))
        show_empty(self.list_empty, not rows)
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
        groups, attendance = self.services.groups, self.services.attendance

        def fetch() -> GroupDetail:
            return GroupDetail(groups.get(group_id), groups.members(group_id, True),
                               groups.warnings(group_id), attendance.group_progress(group_id))

        self.runner.run(fetch, self._show_detail, self._failed, latest=(self, "detail"))

    def _show_detail_empty(self) -> None:
        self.detail = None
        self.title.clear()
        self.warnings_label.hide()
        self.members.set_members(None)
        self.progress.clear()
        self.tabs.setEnabled(False)
        self.empty_hint.show()
        self._update_buttons()

    def _show_detail(self, found: GroupDetail) -> None:
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
        self.members.set_members(found.members)
        self.progress.show_progress(found.progress)
        self._update_buttons()
        self.detail_loaded.emit(group.id)

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
        return self.members.selected_member()

    def select_member(self, participant_id: int) -> None:
        self.members.select_member(participant_id)

    def _update_buttons(self) -> None:
        group = self.selected_group()
        self.edit_button.setEnabled(group is not None)
        self.schedule_button.setEnabled(group is not None)
        self.archive_button.setEnabled(group is not None)
        archived = group is not None and group.archived
        self.archive_button.setText(t("ui.groups.restore") if archived
                                    else t("ui.groups.archive"))
        self.archive_button.setToolTip(t("ui.tip.groups.restore") if archived
                                       else t("ui.tip.groups.archive"))
        ready = self.detail is not None and group is not None and self.detail.group.id == group.id
        self.members.update_buttons(ready, group is not None and not group.archived)

    # -- actions ----------------------------------------------------------------------------
    def preview_schedule(self) -> None:
        """The selected group's schedule (grid and list) in the shared preview: printed from
        there (audited as a printout) or saved through the service."""
        group = self.selected_group()
        if group is None:
            return
        exports, lang, group_id = self.services.schedule_export, i18n.language(), group.id

        def save(path: Path, overwrite: bool) -> Path:
            exports.export_group(group_id, path, "pdf", lang=lang, overwrite=overwrite)
            return path

        def show(data: bytes) -> None:
            from kdrt_desk.ui.widgets.pdf_preview import PdfPreviewDialog

            dialog = PdfPreviewDialog(
                self, data, kind="schedule", title=t("ui.groups.schedule_title",
                                                     name=group.name),
                suggested_name=f"jadwal-{group_id}.pdf",
                save=save,
                print_audit=lambda: exports.record_group_printed(group_id))
            dialog.finished.connect(lambda _code: dialog.deleteLater())
            self.preview_dialog = dialog
            dialog.open()

        self.runner.run(lambda: exports.group_pdf(group_id, lang=lang), show,
                        lambda exc: show_error(self, exc))

    def open_new_dialog(self) -> GroupDialog | None:
        if not self.may_manage:
            return None
        return self._open(GroupDialog(self.services, self.runner, None, self))

    def open_grouping_dialog(self) -> GroupingDialog | None:
        if not self.may_manage:
            return None
        return self._open(GroupingDialog(self.services, self.runner, self))

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
            groups, archived = self.services.groups, self.show_archived.isChecked()

            def show(rows: list[GroupView]) -> None:  # select the saved group once it is back
                self._show(rows)
                self.select_group(result.id)

            self.runner.run(lambda: groups.groups(include_archived=archived), show, self._failed,
                            latest=(self, "list"))
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
