"""The reminders screen: who has a session on a date (tomorrow unless chosen), how each woman
may be told, and the neutral text to send her; copying it or opening it in WhatsApp Desktop.

A woman who may not be called is listed "tell her in person / through her trusted contact",
never with a number, and her row has no WhatsApp. WhatsApp opens only through its own
``whatsapp:`` link, never a web page (a browser would keep her number in its history). Both
actions are audited by the service, without the text, and record that she was told;
"Sudah diberi tahu" records it when she was told in person or through her trusted contact.
Each row says whether she was told the session as it is now: one she was already told about is
greyed (still listed, to tell her again); a changed, cancelled or moved one is marked in bold.
A lock empties the list (``clear``).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QBrush, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk.domain.reminder import ContactWay, ReminderKind, ReminderRow, ReminderTemplates
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import format_date, format_datetime, format_time, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services.reminders import ReminderListRow, ToldState
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.form_widgets import from_qdate, to_qdate
from kdrt_desk.ui.widgets.empty_hint import empty_hint, show_empty
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.forms import date_edit, hint_label, new_form, plain, text_box
from kdrt_desk.ui.widgets.look import ENDED_TEXT, HINT, OK, STRONG, mark, primary
from kdrt_desk.ui.widgets.tables import fit_columns, table
from kdrt_desk.wiring import Services

COLUMNS = ("time", "name", "group", "kind", "told", "how", "home", "message")
TEMPLATE_FIELDS = ("reminder", "cancelled", "moved")
WHATSAPP_SCHEME = "whatsapp"  # the desktop app's own link; never http, https or wa.me


def whatsapp_link(row: ReminderRow) -> QUrl | None:
    """The row's link when it is the WhatsApp app's own (``whatsapp://send``), else None."""
    if row.way is not ContactWay.PHONE or not row.whatsapp_url:
        return None
    url = QUrl(row.whatsapp_url, QUrl.ParsingMode.StrictMode)
    if not url.isValid() or url.scheme().lower() != WHATSAPP_SCHEME:
        return None
    return url


def told_state(row: ReminderRow) -> ToldState:
    return row.told if isinstance(row, ReminderListRow) else ToldState.NEW


def kind_text(row: ReminderRow) -> str:
    if row.kind is ReminderKind.MOVED:
        return t("ui.reminders.kind.moved", date=format_date(row.day))
    if row.kind is ReminderKind.CANCELLED and row.session_id == 0:
        return t("ui.reminders.kind.deleted")
    if row.kind is ReminderKind.REMINDER and told_state(row) is ToldState.CHANGED:
        return t("ui.reminders.kind.changed_reminder")
    return t(f"ui.reminders.kind.{row.kind.value}")


def told_text(row: ReminderRow) -> str:
    """Whether she was told the session as it is now, changed since, or not yet."""
    return t(f"ui.reminders.told.{told_state(row).value}")


def told_tip(row: ReminderRow) -> str:
    """The same, with when she was last told about this session."""
    if isinstance(row, ReminderListRow) and row.told_at is not None:
        return t("ui.reminders.told_when", state=told_text(row),
                 when=format_datetime(row.told_at))
    return told_text(row)


def is_marked(row: ReminderRow) -> bool:
    """Changed since she was told, cancelled or moved: shown in bold (unless already told)."""
    return told_state(row) is not ToldState.TOLD and (
        row.kind is not ReminderKind.REMINDER or told_state(row) is ToldState.CHANGED)


def how_text(row: ReminderRow) -> str:
    """Her number (and when she is safe to call), or how to tell her without one."""
    if row.way is ContactWay.PHONE:
        if row.call_times:
            return t("ui.reminders.phone_times", phone=row.phone, times=row.call_times)
        return t("ui.reminders.phone", phone=row.phone)
    if row.trusted_contact:
        return t("ui.reminders.in_person", name=row.trusted_contact)
    return t("ui.reminders.in_person_only")


def day_title(day: date) -> str:
    return f"{t(f'calendar.weekday.{day.weekday()}')}, {format_date(day)}"


class RemindersView(QWidget):
    """``refresh()`` loads the list for the chosen date; ``clear()`` forgets it (a lock)."""

    loaded = Signal(int)  # rows shown
    sent = Signal(str)  # "copied", "whatsapp" or "in_person", once the service recorded it

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None,
                 day: date | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.rows: list[ReminderRow] = []
        self.dialog: QDialog | None = None
        self.keep_done = False  # the next list keeps the "done" line (reloaded after telling)
        self.may_edit_texts = services.vault.actor.may(Permission.SETTINGS)

        intro = hint_label(t("ui.reminders.intro"))
        self.previous_button = QPushButton("◀")
        self.previous_button.setToolTip(t("ui.reminders.previous"))
        self.previous_button.setFixedWidth(40)
        self.day = date_edit(day or date.today() + timedelta(days=1))
        self.day.setMinimumWidth(130)
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(t("ui.reminders.next"))
        self.next_button.setFixedWidth(40)
        self.tomorrow_button = QPushButton(t("ui.reminders.tomorrow"))
        self.day_label = QLabel()
        self.day_label.setMinimumWidth(220)
        mark(self.day_label, STRONG)
        self.edit_texts_button = QPushButton(t("ui.reminders.edit_texts"))
        self.edit_texts_button.setVisible(self.may_edit_texts)
        self.tomorrow_button.setToolTip(t("ui.tip.reminders.tomorrow"))
        self.edit_texts_button.setToolTip(t("ui.tip.reminders.edit_texts"))
        self.empty_hint = empty_hint(t("ui.hints.reminders.empty"))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.tomorrow_button.clicked.connect(
            lambda: self.set_day(date.today() + timedelta(days=1)))
        self.day.dateChanged.connect(lambda _d: self._day_changed())
        self.edit_texts_button.clicked.connect(self.open_texts_dialog)
        navigator = QHBoxLayout()
        navigator.addWidget(QLabel(t("ui.reminders.date")))
        navigator.addWidget(self.previous_button)
        navigator.addWidget(self.day)
        navigator.addWidget(self.next_button)
        navigator.addWidget(self.tomorrow_button)
        navigator.addWidget(self.day_label)
        navigator.addStretch(1)
        navigator.addWidget(self.edit_texts_button)

        self.copy_button = primary(QPushButton(t("ui.reminders.copy")))
        self.copy_button.setToolTip(t("ui.reminders.copy_hint"))
        self.whatsapp_button = QPushButton(t("ui.reminders.whatsapp"))
        self.whatsapp_button.setToolTip(t("ui.reminders.whatsapp_hint"))
        self.told_button = QPushButton(t("ui.reminders.mark_told"))
        self.told_button.setToolTip(t("ui.reminders.mark_told_hint"))
        self.copy_button.clicked.connect(self.copy_selected)
        self.whatsapp_button.clicked.connect(self.open_in_whatsapp)
        self.told_button.clicked.connect(self.mark_told)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.whatsapp_button)
        buttons.addWidget(self.told_button)
        buttons.addStretch(1)

        self.table = table([t(f"ui.reminders.col_{c}") for c in COLUMNS])
        self.table.setWordWrap(True)  # a long way to tell her wraps, never cut off
        # the table narrowed later (a scroll bar, the layout): the text column gives way again
        self.table.viewport().installEventFilter(self)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.copy_selected())
        self.selected_text = plain(QLabel())
        self.selected_text.setWordWrap(True)
        self.selected_text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.count_label = QLabel()
        mark(self.count_label, HINT)
        self.done_label = plain(QLabel())
        mark(self.done_label, OK)
        self.done_label.setWordWrap(True)
        self.done_label.hide()
        self.message = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(navigator)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.selected_text)
        layout.addWidget(self.count_label)
        layout.addWidget(self.done_label)
        layout.addWidget(self.message)
        self._show_day()
        self._update_buttons()

    # -- the date ---------------------------------------------------------------------------
    def chosen_day(self) -> date:
        return from_qdate(self.day.date())

    def set_day(self, day: date) -> None:
        if day == self.chosen_day():
            self.refresh()  # the same date again: load it afresh
        else:
            self.day.setDate(to_qdate(day))  # dateChanged loads it

    def step(self, days: int) -> None:
        self.set_day(self.chosen_day() + timedelta(days=days))

    def _show_day(self) -> None:
        self.day_label.setText(day_title(self.chosen_day()))

    def _day_changed(self) -> None:
        self._show_day()
        self.refresh()

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Ask for the chosen date's list; an older answer still on its way is dropped."""
        day, reminders = self.chosen_day(), self.services.reminders
        self.message.show_message("")
        self.runner.run(lambda: reminders.for_date(day), lambda rows: self._show(day, rows),
                        self._failed, latest=(self, "list"))

    def clear(self) -> None:
        """Forget every row, name and number (the app locked). The texts dialog holds no
        name: the window hides it and brings it back, with what was typed, on unlocking."""
        self.runner.drop((self, "list"))
        self.rows = []
        self.keep_done = False
        self.table.setRowCount(0)
        self.selected_text.clear()
        self.count_label.clear()
        show_empty(self.empty_hint, False)
        self.done_label.clear()
        self.done_label.hide()
        self.message.show_message("")
        self._update_buttons()

    def _show(self, day: date, rows: list[ReminderRow]) -> None:
        chosen = self.selected()
        self.rows = rows
        if not self.keep_done:
            self.done_label.hide()
        self.keep_done = False
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            values = (f"{format_time(row.start)}–{format_time(row.end)}", row.name,
                      row.group_name, kind_text(row), told_text(row), how_text(row),
                      t("ui.reminders.never_at_home") if row.never_at_home else "", row.message)
            told = told_state(row) is ToldState.TOLD
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(told_tip(row) if column == COLUMNS.index("told") else text)
                if column in (COLUMNS.index("kind"), COLUMNS.index("told")) and is_marked(row) \
                        or column == COLUMNS.index("home") and text:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if told:  # already told as it is: greyed, still there to tell her again
                    item.setForeground(QBrush(ENDED_TEXT))
                self.table.setItem(number, column, item)
            if chosen is not None and (row.participant_id, row.session_id) == (
                    chosen.participant_id, chosen.session_id):
                self.table.selectRow(number)
        fit_columns(self.table, widest=340, keep=(COLUMNS.index("time"),))
        self.table.resizeRowsToContents()
        self._no_side_scroll()
        QTimer.singleShot(0, self, self._no_side_scroll)  # once the scroll bars are laid out
        for number in range(len(rows)):  # a little air around wrapped lines
            self.table.setRowHeight(number, max(26, self.table.rowHeight(number) + 6))
        self.table.blockSignals(False)
        done = sum(1 for r in rows if told_state(r) is ToldState.TOLD)
        self.count_label.setText(
            t("ui.reminders.count_told", count=len(rows) - done, told=done,
              date=format_date(day)) if done else
            t("ui.reminders.count", count=len(rows), date=format_date(day))
            if rows else t("ui.reminders.empty", date=format_date(day)))
        show_empty(self.empty_hint, not rows)
        self._update_buttons()
        self.loaded.emit(len(rows))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self._no_side_scroll)
        return super().eventFilter(watched, event)

    def _no_side_scroll(self) -> None:
        """The text column gives up what the vertical scroll bar takes (once the rows are
        tall enough to need it), so nothing is cut at the side."""
        table, header = self.table, self.table.horizontalHeader()
        room = table.viewport().width()
        bar = table.verticalScrollBar()
        if bar.isHidden() and table.verticalHeader().length() > table.viewport().height():
            room -= bar.sizeHint().width()
        excess = header.length() - room
        column = COLUMNS.index("message")
        if table.isVisible() and excess > 0 and header.sectionSize(column) - excess > 120:
            header.resizeSection(column, header.sectionSize(column) - excess)
            table.resizeRowsToContents()
            for number in range(table.rowCount()):  # the air around wrapped lines again
                table.setRowHeight(number, max(26, table.rowHeight(number) + 6))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.message.show_message(exc.message)
        else:
            show_error(self, exc)

    # -- selection --------------------------------------------------------------------------
    def selected(self) -> ReminderRow | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def _update_buttons(self) -> None:
        row = self.selected()
        self.copy_button.setEnabled(row is not None)
        self.told_button.setEnabled(row is not None)
        self.whatsapp_button.setEnabled(row is not None and whatsapp_link(row) is not None)
        if row is None:
            self.selected_text.setText(t("ui.reminders.choose_row") if self.rows else "")
            mark(self.selected_text, HINT)
        else:
            self.selected_text.setText(t("ui.reminders.selected", message=row.message))
            mark(self.selected_text, "")

    # -- sending ----------------------------------------------------------------------------
    def copy_selected(self) -> None:
        """Her neutral text on the clipboard (never her number), audited without the text."""
        row = self.selected()
        if row is None:
            return
        clipboard = QApplication.clipboard()
        clipboard.setText(row.message)
        self._record(row, "copied", t("ui.reminders.copied", name=row.name))

    def open_in_whatsapp(self) -> None:
        """WhatsApp Desktop with her number and the text filled in, only through its own
        ``whatsapp:`` link: never a web link, which a browser would keep in its history."""
        row = self.selected()
        if row is None or row.way is not ContactWay.PHONE:
            return
        url = whatsapp_link(row)
        if url is None:
            self._say(t("ui.reminders.not_whatsapp"))
            return
        if not QDesktopServices.openUrl(url):
            self._say(t("ui.reminders.no_whatsapp"))
            return
        self._record(row, "whatsapp", t("ui.reminders.opened", name=row.name))

    def mark_told(self) -> None:
        """"Sudah diberi tahu": she was told in person or through her trusted contact."""
        row = self.selected()
        if row is None:
            return
        self._record(row, "in_person", t("ui.reminders.marked_told", name=row.name))

    def _record(self, row: ReminderRow, how: str, done: str) -> None:
        reminders = self.services.reminders

        def recorded(_: object) -> None:
            self.message.show_message("")
            self.done_label.setText(done)
            self.done_label.show()
            self.sent.emit(how)
            self.keep_done = True
            self.refresh()  # her row now says she was told

        def record() -> None:
            if how == "in_person":
                reminders.record_told(row)
            else:
                reminders.record_sent(row, how)

        self.runner.run(record, recorded, self._failed)

    def _say(self, text: str) -> None:
        self.done_label.hide()
        self.message.show_message(text)

    # -- the texts --------------------------------------------------------------------------
    def open_texts_dialog(self) -> ReminderTextsDialog | None:
        if not self.may_edit_texts:
            return None
        dialog = ReminderTextsDialog(self.services, self.runner, self)
        dialog.saved.connect(self._texts_saved)
        dialog.finished.connect(lambda _code: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _texts_saved(self, _templates: object) -> None:
        self.refresh()
        self.message.show_message("")
        self.done_label.setText(t("ui.reminders.saved"))
        self.done_label.show()


class ReminderTextsDialog(FormDialog):
    """The three neutral texts; the service refuses one that names the centre, the programme
    or its topic, or uses a placeholder it does not know (the message beside that text)."""

    def __init__(self, services: Services, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.setWindowTitle(t("ui.reminders.dialog.title"))
        self.loaded = False
        self.boxes: dict[str, QPlainTextEdit] = {}
        form = new_form(wrap=True)
        hints = {"reminder": t("ui.reminders.dialog.reminder_hint"),
                 "moved": t("ui.reminders.dialog.moved_hint")}
        for field in TEMPLATE_FIELDS:
            box = text_box(56, 90)
            box.textChanged.connect(lambda f=field: self._field_changed(f))
            self.boxes[field] = box
            self.add_field(form, t(f"ui.reminders.dialog.{field}"), field, box, True,
                           hints.get(field, ""))
        self.finish_layout(form, t("ui.reminders.dialog.save"), t("ui.reminders.dialog.intro"),
                           620)
        self.set_busy(True)
        reminders = services.reminders
        runner.run(reminders.templates, self._loaded, self._failed)

    def _loaded(self, templates: object) -> None:
        if not isValid(self) or not isinstance(templates, ReminderTemplates):
            return
        for field, box in self.boxes.items():
            box.setPlainText(str(getattr(templates, field)))
        self.errors.clear()
        self.set_busy(False)
        self.loaded = True

    def _field_changed(self, field: str) -> None:
        error = self.errors.labels.get(field)
        if error is not None and not error.isHidden():
            error.show_message("")
            hint = self.hints.get(field)
            if hint is not None:
                hint.show()

    def on_failed(self, exc: BaseException) -> None:
        """Every problem with a text beside it (an unknown placeholder and a revealing word
        can both be wrong with one text; ``by_field`` would keep only the last)."""
        if not isinstance(exc, ValidationError):
            super().on_failed(exc)
            return
        messages: dict[str, list[str]] = {}
        for error in exc.errors:
            messages.setdefault(error.field or "", []).append(error.message)
        self.show_errors({field: "\n".join(texts) for field, texts in messages.items()})

    def collect(self) -> ReminderTemplates:
        return ReminderTemplates(**{f: box.toPlainText() for f, box in self.boxes.items()})

    def submit(self) -> None:
        if self.busy or not self.loaded:
            return
        texts, reminders = self.collect(), self.services.reminders
        self.run(lambda: reminders.save_templates(texts))

