"""The dialog for a bug: says the data is safe and lets the admin save a report for support."""

from __future__ import annotations

import logging
import platform
import traceback
from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk import __version__
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import t

log = logging.getLogger(__name__)
DATA_DIR_PROPERTY = "kdrt_data_dir"


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
        from kdrt_desk.security.atomic_file import OutputWriter
        from kdrt_desk.ui.common import choose_save_path, show_error
        from kdrt_desk.vault_files import default_data_dir

        chosen = choose_save_path(self, t("ui.crash_save"), "kdrt-desk-report.txt",
                                  "*.txt", suffix=".txt")
        if chosen is None:
            return
        app = QApplication.instance()
        folder = app.property(DATA_DIR_PROPERTY) if app is not None else None
        writer = OutputWriter(Path(folder) if folder else default_data_dir())
        try:
            writer.write(chosen[0], self.report.encode("utf-8"), overwrite=chosen[1])
        except UserError as exc:
            show_error(self, exc)


def show_crash(parent: QWidget | None, exc: BaseException) -> None:
    log.error("unexpected error: %s", crash_report(exc))
    CrashDialog(exc, parent).exec()
