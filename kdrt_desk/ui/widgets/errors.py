"""Errors on screen: the red message under a field, a form's messages by field, and a failed
service call shown as a warning (user-fixable) or handed to the crash dialog (a bug)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import t
from kdrt_desk.ui.widgets.look import ERROR, mark


class ErrorLabel(QLabel):
    """A red message under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark(self, ERROR)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))


class FieldErrors:
    """Maps field names to their ``ErrorLabel``s and shows a ``ValidationError`` on them."""

    def __init__(self) -> None:
        self.labels: dict[str, ErrorLabel] = {}

    def add_row(self, form: QFormLayout, label: str, field: str, widget: QWidget,
                required: bool = False) -> ErrorLabel:
        """One form row: the field with its (hidden until needed) error message under it."""
        error = ErrorLabel()
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        form.addRow(f"{label} *" if required else label, cell)
        self.labels[field] = error
        return error

    def clear(self) -> None:
        for label in self.labels.values():
            label.show_message("")

    def show(self, errors: Mapping[str, str]) -> list[str]:
        """Show each message by its field; returns messages that have no field on this form."""
        self.clear()
        unplaced = []
        for field, message in errors.items():
            label = self.labels.get(field)
            if label is None:
                unplaced.append(message)
            else:
                label.show_message(message)
        return unplaced


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A user-fixable error as a warning box; anything else goes to the crash dialog."""
    from kdrt_desk.ui.widgets.forms import as_typed  # forms builds on this module

    if isinstance(exc, ValidationError):
        text = "\n".join(exc.by_field().values())
        QMessageBox.warning(parent, t("ui.error_title"),
                            as_typed(f"{exc.message}\n\n{text}"))
    elif isinstance(exc, UserError):
        QMessageBox.warning(parent, t("ui.error_title"), as_typed(exc.message))
    else:
        from kdrt_desk.ui.crash_dialog import show_crash

        show_crash(parent, exc)


def failure_messages(parent: QWidget | None, exc: BaseException) -> dict[str, str] | None:
    """A failed service call as messages by field ("" for none) for the form to place.

    None when it was a bug: that has gone to the crash dialog instead.
    """
    if isinstance(exc, ValidationError):
        return exc.by_field()
    if isinstance(exc, UserError):
        return {exc.field or "": exc.message}
    show_error(parent, exc)
    return None
