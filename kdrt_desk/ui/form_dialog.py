"""A dialog that saves through one service call: errors beside the fields, the rest below.

On an error the dialog stays open with what was typed; on success it emits ``saved`` with what the
service returned and closes. A result that arrives after the dialog was closed and deleted is
ignored. Every dialog that saves goes through here (``run``), so none can be closed mid-save into
a crash or save twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget
from shiboken6 import isValid

from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.widgets.errors import ErrorLabel, FieldErrors, failure_messages
from kdrt_desk.ui.widgets.forms import (
    FormArea,
    add_field,
    dialog_buttons,
    fit_height,
    focus_first_error,
    hint_label,
)
from kdrt_desk.wiring import Services


class FormDialog(QDialog):
    saved = Signal(object)  # whatever the service returned

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.busy = False
        self.errors = FieldErrors()
        self.hints: dict[str, QLabel] = {}
        self.summary = ErrorLabel()

    def add_field(self, form: QFormLayout, label: str, field: str, widget: QWidget,
                  required: bool = False, hint: str = "") -> QLabel | None:
        """A row whose hint hides while the field shows an error (they would say the same)."""
        hint_widget = add_field(form, self.errors, label, field, widget, required, hint)
        if hint_widget is not None:
            self.hints[field] = hint_widget
        return hint_widget

    def make_buttons(self, ok_text: str, cancel_text: str = "") -> QDialogButtonBox:
        """OK (submit) and Cancel (reject) in our words, as ``self.buttons``."""
        self.buttons = dialog_buttons(ok_text, cancel_text)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    def finish_layout(self, form: QFormLayout, ok_text: str, intro: str | QWidget = "",
                      width: int = 560, below: Sequence[QWidget] = (),
                      stretch: bool = False, scroll: bool = False) -> None:
        """Intro (a grey hint when text), the form, ``below``, the summary and the buttons;
        ``scroll``: a long form scrolls rather than the dialog growing past the screen's
        bottom edge (large text, a laptop's 768 px)."""
        self.make_buttons(ok_text)
        layout = QVBoxLayout(self)
        if isinstance(intro, QWidget):
            layout.addWidget(intro)
        elif intro:
            layout.addWidget(hint_label(intro))
        if scroll:
            holder = QWidget()
            holder.setLayout(form)
            form.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(FormArea(holder), 1)
        else:
            layout.addLayout(form)
        for widget in below:
            layout.addWidget(widget)
        if stretch:
            layout.addStretch(1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(width, self.sizeHint().height())
        fit_height(self, shrink=True, within_screen=scroll)

    def run(self, call: Callable[[], object]) -> None:
        """Save through the service off the GUI thread; the form is locked meanwhile."""
        if self.busy:
            return
        self.set_busy(True)
        self.runner.run(call, self._saved, self._failed)

    def set_busy(self, busy: bool) -> None:
        """Lock the form while saving (a list dialog locks only its form part)."""
        self.busy = busy
        self.setEnabled(not busy)

    def _saved(self, result: object) -> None:
        if not isValid(self):
            return  # closed while the service was busy
        self.set_busy(False)
        self.on_saved(result)

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.set_busy(False)
        self.on_failed(exc)

    def on_saved(self, result: object) -> None:
        """Saved: clear the messages, emit ``saved`` and close (a list dialog may stay open)."""
        self.errors.clear()
        self.summary.show_message("")
        self.saved.emit(result)
        self.accept()

    def on_failed(self, exc: BaseException) -> None:
        """Refused: messages beside their fields, the rest below; a bug goes to the crash box."""
        errors = failure_messages(self, exc)
        if errors is not None:
            self.show_errors(errors)

    def show_errors(self, errors: dict[str, str]) -> None:
        unplaced = self.errors.show(errors)
        self.summary.show_message("\n".join(unplaced))
        for field, hint in self.hints.items():
            hint.setVisible(field not in errors)
        focus_first_error(self.errors)
        fit_height(self)

    def error_text(self, field: str) -> str:
        """The message shown beside ``field`` ("" when none): for tests and screen readers."""
        error = self.errors.labels.get(field)
        return "" if error is None or error.isHidden() else error.text()

    def submit(self) -> None:  # pragma: no cover - every dialog defines its own
        raise NotImplementedError
