"""Form pieces every dialog shares: rows with their errors and hints, buttons, dates, lists."""

from __future__ import annotations

import html
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.i18n import t
from kdrt_desk.ui.form_widgets import to_qdate
from kdrt_desk.ui.widgets.errors import ErrorLabel, FieldErrors
from kdrt_desk.ui.widgets.look import HINT, mark, primary

L = TypeVar("L", bound=QLabel)


def plain(label: L) -> L:
    """Show ``label``'s text exactly as typed: a name written ``<b>Siti</b>`` stays that, not
    bold (Qt would otherwise take it for rich text, a link or an image). Every label that
    shows what someone typed is plain."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def as_typed(text: str) -> str:
    """``text`` for where Qt guesses rich text from the first line (QMessageBox's static
    functions, tool tips): as it is when Qt would show it as typed, else as HTML that shows
    the same characters (``<b>Siti</b>`` with its tags, not bold)."""
    if not GuiQt.mightBeRichText(text):
        return text
    return f'<div style="white-space: pre-wrap">{html.escape(text, quote=False)}</div>'


def hint_label(text: str, look: str = HINT) -> QLabel:
    """A wrapped explanation in the hint look (or another named look)."""
    hint = QLabel(text)
    hint.setWordWrap(True)
    hint.setTextFormat(Qt.TextFormat.PlainText)
    return mark(hint, look)


def add_field(form: QFormLayout, errors: FieldErrors, label: str, field: str, widget: QWidget,
              required: bool = False, hint: str = "") -> QLabel | None:
    """One form row: the input with its (hidden) error and optional grey hint stacked beneath.

    Stacking them in one cell keeps hidden errors from leaving empty rows in the form.
    """
    cell = QWidget()
    column = QVBoxLayout(cell)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    error = ErrorLabel()
    error.setBuddy(widget)
    column.addWidget(error)
    errors.labels[field] = error
    hint_widget = None
    if hint:
        hint_widget = hint_label(hint)
        column.addWidget(hint_widget)
    form.addRow(f"{label} *" if required else label, cell)
    return hint_widget


def focus_first_error(errors: FieldErrors) -> None:
    """Put the cursor in the first field (in form order) that shows an error."""
    for error in errors.labels.values():
        buddy = error.buddy()
        if not error.isHidden() and buddy is not None:
            buddy.setFocus()
            return


def dialog_buttons(ok_text: str, cancel_text: str = "") -> QDialogButtonBox:
    """OK/Cancel with our own words (Qt's stock texts would stay English)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
    primary(buttons.button(QDialogButtonBox.StandardButton.Ok))  # the dialog's one main action
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        cancel_text or t("ui.admin.cancel"))
    return buttons


def fit_height(dialog: QDialog, shrink: bool = False, within_screen: bool = False) -> None:
    """Grow (or fit) a dialog once the layout knows how tall wrapped texts are at its width;
    ``within_screen``: no taller (and no wider) than the screen, for a dialog whose form
    scrolls (``FormArea``) so that its buttons stay on the screen."""

    def grow() -> None:
        layout = dialog.layout()
        if layout is None:
            return
        layout.activate()
        needed = (layout.totalHeightForWidth(dialog.width()) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        width = dialog.width()
        height = needed if needed > dialog.height() or shrink else dialog.height()
        if within_screen:
            room = screen_room(dialog)
            height, width = min(height, room.height()), min(width, room.width())
        if (width, height) != (dialog.width(), dialog.height()):
            dialog.resize(width, height)

    QTimer.singleShot(0, dialog, grow)


def screen_room(widget: QWidget) -> QSize:
    """The size a window of ``widget`` can have on its screen (less the title bar and frame
    Windows adds around it)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(10**6, 10**6)
    available = screen.availableGeometry()
    return QSize(available.width() - 16, available.height() - 48)


class FormArea(QScrollArea):
    """A form in a frameless scroll area, as tall as the form wants (a ``QScrollArea`` alone
    would ask for less and scroll at once): the dialog opens at the form's full height where
    the screen has room, and the form scrolls on a low screen or with large text."""

    def __init__(self, form: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(form)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        form = self.widget()
        if form is None:
            return super().sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        hint = form.sizeHint()
        height = hint.height()
        if form.hasHeightForWidth() and self.viewport().width() > 0:
            height = max(height, form.heightForWidth(self.viewport().width()))
        return QSize(hint.width() + bar, height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        form = self.widget()
        if form is None:
            return super().minimumSizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        least = form.minimumSizeHint()
        return QSize(least.width() + bar, min(least.height(), 6 * self.fontMetrics().height()))


def new_form(widget: QWidget | None = None, wrap: bool = False) -> QFormLayout:
    """A form whose fields take the width; ``wrap`` puts long labels above their field."""
    form = QFormLayout(widget) if widget is not None else QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    if wrap:
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setVerticalSpacing(8)
    return form


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area (a tab page taller than the dialog)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


def text_box(minimum_height: int = 70, maximum_height: int = 140) -> QPlainTextEdit:
    """A few lines of free text; Tab moves on to the next field."""
    box = QPlainTextEdit()
    box.setMinimumHeight(minimum_height)
    box.setMaximumHeight(maximum_height)
    box.setTabChangesFocus(True)
    return box


def date_edit(value: date | None = None) -> QDateEdit:
    """A date with a calendar, shown dd-mm-yyyy; today unless ``value`` is given."""
    editor = QDateEdit()
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("dd-MM-yyyy")
    editor.setDate(to_qdate(value) if value is not None else QDate.currentDate())
    return editor


def period_row() -> tuple[QDateEdit, QDateEdit, QWidget]:
    """A group's period: from today "s.d." three months on, as (start, end, the row)."""
    start, end = date_edit(), date_edit()
    end.setDate(QDate.currentDate().addMonths(3))
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(start, 1)
    layout.addWidget(QLabel(t("ui.groups.dialog.until")))
    layout.addWidget(end, 1)
    return start, end, row


def checkable_list(height: int = 120) -> QListWidget:
    widget = QListWidget()
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setMinimumHeight(height)
    return widget


def checked_ids(widget: QListWidget) -> list[int]:
    """The ids (user-role data) of the ticked items of a ``checkable_list``."""
    return [int(widget.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMinimumWidth(260)
    return edit


def show_password_box(*edits: QLineEdit) -> QCheckBox:
    """A check box that shows what is typed in ``edits`` (typing blind is hard for many users)."""
    box = QCheckBox(t("ui.admin.pw.show"))

    def toggle(checked: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if checked else QLineEdit.EchoMode.Password
        for edit in edits:
            edit.setEchoMode(mode)

    box.toggled.connect(toggle)
    return box
