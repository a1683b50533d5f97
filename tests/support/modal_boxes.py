"""What message boxes a GUI test triggered (they are recorded instead of blocking)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


class ModalBoxes:
    """Every message box a test triggered: (kind, title, text); questions answer ``answer``."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answer = QMessageBox.StandardButton.No

    def texts(self) -> list[str]:
        return [text for _, _, text in self.shown]
