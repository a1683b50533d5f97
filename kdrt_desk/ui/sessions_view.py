"""The sessions of a month: planning, changing, cancelling, roll-call and the sign-in sheet."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.training import GroupView, SessionQuery, SessionStatus, SessionView
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import format_date, format_time, label, language, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import Progress, TaskRunner
from kdrt_desk.ui.roll_call_dialog import RollCallDialog
from kdrt_desk.ui.session_dialog import SessionDialog
from kdrt_desk.ui.widgets.empty_hint import empty_hint, show_empty
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.files import choose_save_path, confirmed_target
from kdrt_desk.ui.widgets.forms import as_typed, plain
from kdrt_desk.ui.widgets.look import ENDED_TEXT, HINT, OK, STRONG, mark, primary
from kdrt_desk.ui.widgets.reason_dialog import ReasonDialog
from kdrt_desk.ui.widgets.tables import fit_columns, table
from kdrt_desk.ui.widgets.wrap_row import WrapRow
from kdrt_desk.wiring import Services

COLUMNS = ("date", "time", "group", "module", "venue", "facilitator", "status", "attendance")
ALL_GROUPS = -1
# whole even in a narrow window: the group, module, venue and facilitator give up width first
KEPT = tuple(COLUMNS.index(c) for c in ("date", "time", "status", "attendance"))


def month_bounds(first: date) -> tuple[date, date]:
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return first, following - timedelta(days=1)


def shift_month(first: date, step: int) -> date:
    index = first.year * 12 + first.month - 1 + step
    return date(index // 12, index % 12 + 1, 1)


def month_title(first: date) -> str:
    from babel.dates import format_date as babel_date

    return str(babel_date(first, "LLLL y", locale=language()))


def status_text(view: SessionView) -> str:
    if view.status == SessionStatus.MOVED and view.moved_from is not None:
        return t("ui.sessions.moved_from", date=format_date(view.moved_from))
    return label(view.status)


def sheet_file_name(view: SessionView) -> str:
    day = view.session_date.isoformat() if view.session_date else "sesi"
    return t("ui.sessions.print_file", date=day, module=view.module_code)


class SessionsView(QWidget):
    """``refresh()`` loads the month's sessions (a facilitator: only her own)."""

    loaded = Signal(int)  # sessions shown
    printed = Signal(str)  # path of a saved sign-in sheet
    changed = Signal()  # a session was added, changed, cancelled, deleted or attendance taken

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None,
                 month: date | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.rows: list[SessionView] = []
        self.groups: list[GroupView] = []
        self.month = (month or date.today()).replace(day=1)
        self.dialog: QDialog | None = None
        actor = services.vault.actor
        self.may_manage = actor.may(Permission.MANAGE_GROUPS)
        self.may_take = actor.may(Permission.TAKE_ATTENDANCE)

        self.previous_button = QPushButton("◀")
        self.previous_button.setToolTip(t("ui.sessions.previous"))
        self.previous_button.setFixedWidth(40)
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(t("ui.sessions.next"))
        self.next_button.setFixedWidth(40)
        self.month_label = QLabel()
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.month_label.setMinimumWidth(170)
        mark(self.month_label, STRONG)
        self.today_button = QPushButton(t("ui.sessions.this_month"))
        self.previous_button.clicked.connect(lambda: self.go_to_month(-1))
        self.next_button.clicked.connect(lambda: self.go_to_month(1))
        self.today_button.clicked.connect(lambda: self.set_month(date.today()))
        self.group_filter = QComboBox()
        self.group_filter.addItem(t("ui.sessions.all_groups"), ALL_GROUPS)
        self.group_filter.setMinimumWidth(200)
        self.group_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        navigator = QHBoxLayout()
        navigator.addWidget(self.previous_button)
        navigator.addWidget(self.month_label)
        navigator.addWidget(self.next_button)
        navigator.addWidget(self.today_button)
        navigator.addStretch(1)
        navigator.addWidget(QLabel(t("ui.sessions.group_filter")))
        navigator.addWidget(self.group_filter)

        self.new_button = primary(QPushButton(t("ui.sessions.new")))
        self.edit_button = QPushButton(t("ui.sessions.edit"))
        self.cancel_button = QPushButton(t("ui.sessions.cancel"))
        self.delete_button = QPushButton(t("ui.sessions.delete"))
        for button in (self.new_button, self.edit_button, self.cancel_button, self.delete_button):
            button.setVisible(self.may_manage)
        self.roll_call_button = QPushButton(t("ui.sessions.roll_call"))
        self.print_button = QPushButton(t("ui.sessions.print"))
        self.preview_button = QPushButton(t("ui.print.preview"))
        self.preview_dialog: QDialog | None = None
        for button, tip in ((self.today_button, "ui.tip.sessions.this_month"),
                            (self.new_button, "ui.tip.sessions.new"),
                            (self.edit_button, "ui.tip.sessions.edit"),
                            (self.cancel_button, "ui.tip.sessions.cancel"),
                            (self.delete_button, "ui.tip.sessions.delete"),
                            (self.roll_call_button, "ui.tip.sessions.roll_call"),
                            (self.print_button, "ui.tip.sessions.print"),
                            (self.preview_button, "ui.tip.sessions.preview")):
            button.setToolTip(t(tip))
        self.empty_hint = empty_hint(t("ui.hints.sessions.empty"))
        self.preferred_names = QCheckBox(t("ui.sessions.preferred_names"))
        self.preferred_names.setToolTip(t("ui.sessions.preferred_names_hint"))
        self.new_button.clicked.connect(self.open_new_dialog)
        self.edit_button.clicked.connect(self.open_edit_dialog)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.roll_call_button.clicked.connect(self.open_roll_call)
        self.print_button.clicked.connect(lambda: self.print_sign_in_sheet())  # not `checked`
        self.preview_button.clicked.connect(self.preview_sign_in_sheets)
        buttons = WrapRow()  # on two lines when the window is narrow or the text large
        for button in (self.new_button, self.edit_button, self.cancel_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.roll_call_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.preferred_names)

        self.table = table([t(f"ui.sessions.col_{c}") for c in COLUMNS])
        # Ctrl/Shift-click picks several sessions to print their sheets in one go
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.open_roll_call())
        self.count_label = QLabel()
        mark(self.count_label, HINT)
        self.done_label = plain(QLabel())
        mark(self.done_label, OK)
        self.done_label.setWordWrap(True)
        self.done_label.hide()
        self.message = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(navigator)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.done_label)
        layout.addWidget(self.message)
        self._show_month()
        self._update_buttons()

    # -- month and filter -------------------------------------------------------------------
    def _show_month(self) -> None:
        self.month_label.setText(month_title(self.month))

    def go_to_month(self, step: int) -> None:
        self.set_month(shift_month(self.month, step))

    def set_month(self, day: date) -> None:
        self.month = day.replace(day=1)
        self._show_month()
        self.refresh()

    def set_group_filter(self, group_id: int | None) -> None:
        index = self.group_filter.findData(ALL_GROUPS if group_id is None else group_id)
        self.group_filter.setCurrentIndex(max(index, 0))

    def _group_id(self) -> int | None:
        data = self.group_filter.currentData()
        return None if data is None or int(data) == ALL_GROUPS else int(data)

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Ask for the month's sessions and the groups for the filter; older answers dropped."""
        start, end = month_bounds(self.month)
        query = SessionQuery(group_id=self._group_id(), start=start, end=end)
        sessions, groups = self.services.sessions, self.services.groups
        self.runner.run(lambda: (groups.groups(include_archived=True), sessions.sessions(query)),
                        lambda found: self._show(*found), self._failed, latest=(self, "list"))

    def clear(self) -> None:
        """Forget every row (the app locked)."""
        self.runner.drop((self, "list"))
        if self.dialog is not None:
            self.dialog.reject()
        self.rows = []
        self.table.setRowCount(0)
        self.count_label.clear()
        show_empty(self.empty_hint, False)

    def _fill_groups(self, groups: list[GroupView]) -> None:
        self.groups = groups
        wanted = self._group_id()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem(t("ui.sessions.all_groups"), ALL_GROUPS)
        for group in groups:
            self.group_filter.addItem(group.name, group.id)
        index = self.group_filter.findData(ALL_GROUPS if wanted is None else wanted)
        self.group_filter.setCurrentIndex(max(index, 0))
        self.group_filter.blockSignals(False)

    def _show(self, groups: list[GroupView], rows: list[SessionView]) -> None:
        self._fill_groups(groups)
        chosen = self.selected()
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for row, view in enumerate(rows):
            times = (f"{format_time(view.start_time)}–{format_time(view.end_time)}"
                     if view.start_time and view.end_time else "")
            members = next((g.member_count for g in groups if g.id == view.group_id), 0)
            attendance = (t("ui.sessions.attendance_text", attended=view.attended,
                            marked=view.marked, members=members) if view.marked else "—")
            values = (format_date(view.session_date), times, view.group_name,
                      f"{view.module_code} {view.module_title}", view.venue_name,
                      view.facilitator_name, status_text(view), attendance)
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                tip = text
                if column == 6 and view.cancel_reason:
                    tip = t("ui.sessions.cancel_reason_tip", reason=view.cancel_reason)
                if column == 3 and view.topic:
                    tip = f"{text}\n{view.topic}"
                if column == 7:
                    tip = t("ui.sessions.attendance_tip", attended=view.attended,
                            marked=view.marked, members=members)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(tip)
                if view.status == SessionStatus.CANCELLED:
                    item.setForeground(ENDED_TEXT)
                    font = item.font()
                    font.setStrikeOut(column != 6)
                    item.setFont(font)
                self.table.setItem(row, column, item)
            if chosen is not None and view.id == chosen.id:
                self.table.selectRow(row)
        fit_columns(self.table, widest=300, keep=KEPT)
        self.table.blockSignals(False)
        self.count_label.setText(t("ui.sessions.count", count=len(rows),
                                   month=month_title(self.month)) if rows
                                 else t("ui.sessions.empty", month=month_title(self.month)))
        show_empty(self.empty_hint, not rows)
        self._update_buttons()
        self.loaded.emit(len(rows))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.message.show_message(exc.message)
        else:
            show_error(self, exc)

    # -- selection --------------------------------------------------------------------------
    def selected(self) -> SessionView | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def selected_all(self) -> list[SessionView]:
        """Every selected session in list order (printing takes several at once)."""
        model = self.table.selectionModel()
        rows = sorted(i.row() for i in model.selectedRows()) if model is not None else []
        return [self.rows[r] for r in rows if r < len(self.rows)]

    def select_session(self, session_id: int) -> None:
        for row, view in enumerate(self.rows):
            if view.id == session_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        everything = self.selected_all()
        chosen = everything[0] if len(everything) == 1 else None  # one at a time, but printing
        live = chosen is not None and chosen.status != SessionStatus.CANCELLED
        untouched = live and chosen is not None and chosen.marked == 0
        self.edit_button.setEnabled(untouched)
        self.cancel_button.setEnabled(untouched)
        self.delete_button.setEnabled(chosen is not None and chosen.marked == 0)
        self.roll_call_button.setEnabled(chosen is not None)
        printable = [v for v in everything if v.status != SessionStatus.CANCELLED]
        self.print_button.setEnabled(bool(printable))
        self.preview_button.setEnabled(bool(printable))
        self.preview_button.setText(t("ui.print.preview_many", count=len(printable))
                                    if len(printable) > 1 else t("ui.print.preview"))
        self.print_button.setText(t("ui.sessions.print_many", count=len(printable))
                                  if len(printable) > 1 else t("ui.sessions.print"))

    # -- planning ---------------------------------------------------------------------------
    def open_new_dialog(self) -> SessionDialog | None:
        if not self.may_manage:
            return None
        today = date.today()
        day = today if today.replace(day=1) == self.month else self.month
        return self._open(SessionDialog(self.services, self.runner, None, self._group_id(), day,
                                        self))

    def open_edit_dialog(self) -> SessionDialog | None:
        chosen = self.selected()
        if chosen is None or not self.may_manage:
            return None
        return self._open(SessionDialog(self.services, self.runner, chosen, parent=self))

    def _open(self, dialog: SessionDialog) -> SessionDialog:
        dialog.saved.connect(self._saved)
        dialog.finished.connect(lambda _code: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _saved(self, result: object) -> None:
        if isinstance(result, SessionView) and result.session_date is not None:
            self.done_label.setText(t("ui.sessions.saved", date=format_date(result.session_date),
                                      module=result.module_code))
            self.done_label.show()
            if result.session_date.replace(day=1) != self.month:
                self.month = result.session_date.replace(day=1)
                self._show_month()
        self._after_change()

    def _after_change(self) -> None:
        self.message.show_message("")
        self.changed.emit()
        self.refresh()

    def cancel_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or not self.may_manage:
            return
        ask = ReasonDialog(t("ui.sessions.cancel_title"),
                           t("ui.sessions.cancel_question", module=chosen.module_code,
                             date=format_date(chosen.session_date)), self)
        if ask.exec() != QDialog.DialogCode.Accepted:
            return
        sessions, session_id, reason = self.services.sessions, chosen.id, ask.text()
        text = t("ui.sessions.cancelled", module=chosen.module_code,
                 date=format_date(chosen.session_date))
        self.runner.run(lambda: sessions.cancel(session_id, reason),
                        lambda _r: self._acted(text), self._action_failed)

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or not self.may_manage:
            return
        answer = QMessageBox.question(self, t("ui.sessions.delete_title"),
                                      as_typed(t("ui.sessions.delete_question",
                                                 module=chosen.module_code,
                                                 date=format_date(chosen.session_date))))
        if answer != QMessageBox.StandardButton.Yes:
            return
        sessions, session_id = self.services.sessions, chosen.id
        text = t("ui.sessions.deleted", module=chosen.module_code,
                 date=format_date(chosen.session_date))
        self.runner.run(lambda: sessions.delete(session_id), lambda _r: self._acted(text),
                        self._action_failed)

    def _acted(self, message: str) -> None:
        self.done_label.setText(message)
        self.done_label.show()
        self._after_change()

    def _action_failed(self, exc: BaseException) -> None:
        self.done_label.hide()
        if isinstance(exc, UserError):
            QMessageBox.warning(self, t("ui.error_title"), exc.message)
        else:
            show_error(self, exc)

    # -- roll-call and the sign-in sheet ----------------------------------------------------
    def open_roll_call(self) -> RollCallDialog | None:
        chosen = self.selected()
        if chosen is None:
            return None
        dialog = RollCallDialog(self.services, self.runner, chosen.id, self,
                                preferred_names=self.preferred_names.isChecked())
        dialog.finished.connect(lambda _code: self._roll_call_closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _roll_call_closed(self, dialog: RollCallDialog) -> None:
        marked = dialog.saved_count > 0
        self._forget(dialog)
        if marked:
            self._after_change()

    def print_sign_in_sheet(self, path: Path | None = None) -> None:
        """Ask where to save, then build and write the selected sessions' sheets (one PDF, a
        sheet per session; cancelled ones left out) off the GUI thread, cancellable."""
        chosen = [v for v in self.selected_all() if v.status != SessionStatus.CANCELLED]
        if not chosen:
            return
        if path is None:
            asked = choose_save_path(self, t("ui.sessions.print_title"),
                                     Path.home() / sheet_file_name(chosen[0]),
                                     t("ui.sessions.print_filter"))
        else:
            asked = confirmed_target(self, path if path.suffix.lower() == ".pdf"
                                     else path.with_suffix(".pdf"))
        if asked is None:
            return
        target, overwrite = asked
        attendance, ids = self.services.attendance, [v.id for v in chosen]
        preferred = self.preferred_names.isChecked()
        lang = language()

        def work(progress: Progress) -> Path:
            progress.report(0, len(ids) + 1)
            attendance.print_sign_in_sheets(ids, target, preferred, lang, progress.report,
                                            overwrite=overwrite)
            return target

        self.runner.run_with_progress(
            self, t("ui.sessions.printing"), t("ui.admin.cancel"), work, self._printed,
            self._print_failed)

    def preview_sign_in_sheets(self) -> None:
        """Build the selected sessions' sheets off the GUI thread, then show them in the
        preview, from where she prints them or saves them (both audited by the service)."""
        chosen = [v for v in self.selected_all() if v.status != SessionStatus.CANCELLED]
        if not chosen:
            return
        attendance, ids = self.services.attendance, [v.id for v in chosen]
        preferred, lang, name = self.preferred_names.isChecked(), language(), \
            sheet_file_name(chosen[0])

        def work(progress: Progress) -> bytes:
            progress.report(0, len(ids) + 1)
            return attendance.sign_in_sheets_pdf(ids, preferred, lang, progress.report)

        def show(data: Any) -> None:
            from kdrt_desk.ui.widgets.pdf_preview import PdfPreviewDialog

            def save(path: Path, overwrite: bool) -> Path:
                attendance.print_sign_in_sheets(ids, path, preferred, lang,
                                                overwrite=overwrite)
                self._printed(path)
                return path

            dialog = PdfPreviewDialog(
                self, data, kind="sign_in_sheet", title=t("ui.print.doc.sign_in_sheets"),
                suggested_name=name, save=save,
                print_audit=lambda: attendance.record_sign_in_sheets_printed(ids, preferred))
            dialog.finished.connect(lambda _code: self._forget_preview(dialog))
            self.preview_dialog = dialog
            dialog.open()

        self.runner.run_with_progress(
            self, t("ui.print.preparing"), t("ui.admin.cancel"), work, show, self._print_failed)

    def _forget_preview(self, dialog: QDialog) -> None:
        if self.preview_dialog is dialog:
            self.preview_dialog = None
        dialog.deleteLater()

    def _printed(self, result: Any) -> None:
        self.done_label.setText(t("ui.sessions.printed", path=str(result)))
        self.done_label.show()
        self.message.show_message("")
        self.printed.emit(str(result))

    def _print_failed(self, exc: BaseException) -> None:
        self.done_label.hide()
        if isinstance(exc, OSError):
            QMessageBox.warning(self, t("ui.error_title"),
                                t("ui.sessions.print_failed", reason=exc.strerror or str(exc)))
        else:
            self._action_failed(exc)
