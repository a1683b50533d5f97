"""Small pieces every screen uses: showing errors, per-field error labels, form rows, and
asking where to save a file."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QFormLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import t

ERROR_STYLE = "color: #b00020;"


class ErrorLabel(QLabel):
    """A red message under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
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
    if isinstance(exc, ValidationError):
        text = "\n".join(exc.by_field().values())
        QMessageBox.warning(parent, t("ui.error_title"), f"{exc.message}\n\n{text}")
    elif isinstance(exc, UserError):
        QMessageBox.warning(parent, t("ui.error_title"), exc.message)
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


def choose_save_path(parent: QWidget | None, title: str, default: Path | str, file_filter: str,
                     suffix: str = ".pdf") -> tuple[Path, bool] | None:
    """Where to write a file for the user, and whether she agreed to replace one that is there
    (asked once, by us: the services never replace a file without that answer)."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, title, str(default), file_filter,
        options=QFileDialog.Option.DontConfirmOverwrite)
    if not name:
        return None
    path = Path(name)
    if suffix and path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    return confirmed_target(parent, path)


def confirmed_target(parent: QWidget | None, path: Path) -> tuple[Path, bool] | None:
    """``(path, overwrite)``; None when the file exists and she chose not to replace it."""
    if not path.exists():
        return path, False
    answer = QMessageBox.question(parent, t("ui.common.replace_title"),
                                  t("ui.common.replace_text", path=str(path)))
    return (path, True) if answer == QMessageBox.StandardButton.Yes else None
