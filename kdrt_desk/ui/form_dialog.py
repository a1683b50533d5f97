"""A dialog that saves through one service call: errors beside the fields, the rest below.

On an error the dialog stays open with what was typed; on success it emits ``saved`` with what the
service returned and closes. A result that arrives after the dialog was closed is ignored.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QVBoxLayout, QWidget
from shiboken6 import isValid

from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.account_dialogs import dialog_buttons, fit_height, focus_first_error, hint_label
from kdrt_desk.ui.common import ErrorLabel, FieldErrors, failure_messages
from kdrt_desk.wiring import Services


class FormDialog(QDialog):
    saved = Signal(object)  # whatever the service returned

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.busy = False
        self.errors = FieldErrors()
        self.summary = ErrorLabel()

    def finish_layout(self, form: QFormLayout, ok_text: str, intro: str = "",
                      width: int = 560) -> None:
        self.buttons = dialog_buttons(ok_text)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if intro:
            layout.addWidget(hint_label(intro))
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(width, self.sizeHint().height())
        fit_height(self, shrink=True)

    def run(self, call: Callable[[], object]) -> None:
        """Save through the service off the GUI thread; the form is locked meanwhile."""
        if self.busy:
            return
        self.busy = True
        self.setEnabled(False)
        self.runner.run(call, self._saved, self._failed)

    def _saved(self, result: object) -> None:
        if not isValid(self):
            return  # closed while the service was busy
        self.busy = False
        self.setEnabled(True)
        self.errors.clear()
        self.summary.show_message("")
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.busy = False
        self.setEnabled(True)
        errors = failure_messages(self, exc)
        if errors is not None:
            self.show_errors(errors)

    def show_errors(self, errors: dict[str, str]) -> None:
        unplaced = self.errors.show(errors)
        self.summary.show_message("\n".join(unplaced))
        focus_first_error(self.errors)
        fit_height(self)

    def error_text(self, field: str) -> str:
        """The message shown beside ``field`` ("" when none): for tests and screen readers."""
        error = self.errors.labels.get(field)
        return "" if error is None or error.isHidden() else error.text()

    def submit(self) -> None:  # pragma: no cover - every dialog defines its own
        raise NotImplementedError
