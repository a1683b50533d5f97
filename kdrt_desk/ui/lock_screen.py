"""The neutral lock screen: no names, no centre details, only a password field to come back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kdrt_desk.i18n import t
from kdrt_desk.ui.widgets.errors import ErrorLabel
from kdrt_desk.ui.widgets.look import TITLE, mark, primary, text_scale


class LockScreen(QWidget):
    unlock_requested = Signal(str)
    logout_requested = Signal()

    def __init__(self, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(t("ui.lock.title"))
        mark(title, TITLE)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        info = QLabel(t("ui.lock.info", user=username))
        info.setTextFormat(Qt.TextFormat.PlainText)  # her username
        info.setWordWrap(True)
        info.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(t("ui.lock.password"))
        self.password.returnPressed.connect(self._submit)
        self.unlock_button = primary(QPushButton(t("ui.lock.unlock")))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._submit)
        self.logout_button = QPushButton(t("ui.lock.logout"))
        self.logout_button.setAutoDefault(False)  # a real button, not the default one
        self.logout_button.clicked.connect(self.logout_requested)
        self.error = ErrorLabel()
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)

        box = QWidget()
        box.setFixedWidth(round(400 * text_scale(box)))  # wider with large text
        inner = QVBoxLayout(box)
        for widget in (title, info, self.password, self.unlock_button, self.error,
                       self.logout_button):
            inner.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def _submit(self) -> None:
        if self.password.text():
            self.unlock_button.setEnabled(False)
            self.unlock_requested.emit(self.password.text())

    def reset(self) -> None:
        self.password.clear()
        self.error.show_message("")
        self.unlock_button.setEnabled(True)
        self.password.setFocus()

    def show_failure(self, message: str) -> None:
        self.password.clear()
        self.unlock_button.setEnabled(True)
        self.error.show_message(message)
        self.password.setFocus()
