"""Asking for a reason before an action that needs one (cancelling a session, a take-back)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout, QWidget

from kdrt_desk.i18n import t
from kdrt_desk.ui.widgets.errors import ErrorLabel
from kdrt_desk.ui.widgets.forms import dialog_buttons, fit_height, hint_label


class ReasonDialog(QDialog):
    """Asks for a reason (cancelling a session, taking back a withdrawal); refuses an empty one."""

    def __init__(self, title: str, question: str, parent: QWidget | None = None,
                 ok_text: str = "", empty_key: str = "error.cancel_reason_required") -> None:
        super().__init__(parent)
        self.empty_key = empty_key  # the message for an empty reason
        self.setWindowTitle(title)
        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        self.error = ErrorLabel()
        buttons = dialog_buttons(ok_text or t("ui.sessions.reason_ok"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(question))
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())
        fit_height(self, shrink=True)

    def text(self) -> str:
        return self.reason.text().strip()

    def submit(self) -> None:
        if not self.text():
            self.error.show_message(t(self.empty_key))
            return
        self.accept()
