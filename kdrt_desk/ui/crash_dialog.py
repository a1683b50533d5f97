"""The dialog for a bug: says the data is safe and lets the admin save a report for support."""

from __future__ import annotations

import logging
import platform
import traceback
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk import __version__
from kdrt_desk.i18n import t

log = logging.getLogger(__name__)


def crash_report(exc: BaseException) -> str:
    """Version, platform and the stack; exception messages are left out (they may hold data)."""
    frames = traceback.extract_tb(exc.__traceback__)
    lines = [f"KDRT Desk {__version__}", f"Python {platform.python_version()} on "
             f"{platform.platform()}", f"{type(exc).__module__}.{type(exc).__name__}", ""]
    lines += [f"  {Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames]
    return "\n".join(lines)


class CrashDialog(QDialog):
    def __init__(self, exc: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("ui.crash_title"))
        self.report = crash_report(exc)
        layout = QVBoxLayout(self)
        intro = QLabel(t("ui.crash_intro"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        text = QPlainTextEdit(self.report)
        text.setReadOnly(True)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        save = buttons.addButton(t("ui.crash_save"), QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(self.save_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def save_report(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, t("ui.crash_save"), "kdrt-desk-report.txt")
        if name:
            Path(name).write_text(self.report, encoding="utf-8")


def show_crash(parent: QWidget | None, exc: BaseException) -> None:
    log.error("unexpected error: %s", crash_report(exc))
    CrashDialog(exc, parent).exec()
