"""The dialog for a bug: says the data is safe and lets the admin save a report for support."""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, Signal, qVersion
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
SHOWING_PROPERTY = "kdrt_crash_shown"


def crash_report(exc: BaseException) -> str:
    """Versions, platform and the stack of each chained error: types, files, lines and function
    names only. Messages, source lines and variables are left out: they may hold names."""
    lines = [f"KDRT Desk {__version__}",
             f"Python {platform.python_version()} on {platform.platform()}",
             f"Qt {qVersion()}, PySide6 {pyside_version}", ""]
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if len(seen) > 1:
            lines += ["", "caused by / while handling:"]
        lines.append(f"{type(current).__module__}.{type(current).__name__}")
        lines += [f"  {Path(f.filename).name}:{f.lineno} in {f.name}"
                  for f in traceback.extract_tb(current.__traceback__)]
        current = current.__cause__ or current.__context__
    return "\n".join(lines)


class CrashDialog(QDialog):
    def __init__(self, exc: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("ui.crash_title"))
        self.report = crash_report(exc)
        layout = QVBoxLayout(self)
        self.intro = QLabel(t("ui.crash_intro"))
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        text = QPlainTextEdit(self.report)
        text.setReadOnly(True)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(t("ui.crash_close"))
        self.save_button = buttons.addButton(t("ui.crash_save"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(lambda: self.save_report())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def save_report(self) -> None:
        from kdrt_desk.security.atomic_file import OutputWriter
        from kdrt_desk.ui.widgets.errors import show_error
        from kdrt_desk.ui.widgets.files import choose_save_path
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
    app = QApplication.instance()
    if app is not None and app.property(SHOWING_PROPERTY):
        return  # one dialog at a time: an error repeated by each repaint is logged, not stacked
    if app is not None:
        app.setProperty(SHOWING_PROPERTY, True)
    try:
        CrashDialog(exc, parent).exec()
    finally:
        if app is not None:
            app.setProperty(SHOWING_PROPERTY, False)


class CrashHooks(QObject):
    """``sys.excepthook`` and ``threading.excepthook`` (so also an error in a Qt slot, which
    PySide hands to ``sys.excepthook``) show the crash dialog on the GUI thread."""

    crashed = Signal(object)  # emitted from any thread; queued onto the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous = (sys.excepthook, threading.excepthook)

    def install(self) -> None:
        sys.excepthook = self._sys_hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def _sys_hook(self, kind: type[BaseException], exc: BaseException,
                  tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous[0](kind, exc, tb)
            return
        self.crashed.emit(exc.with_traceback(tb))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.crashed.emit(args.exc_value.with_traceback(args.exc_traceback))

    def _show(self, exc: BaseException) -> None:
        from kdrt_desk.ui.widgets.errors import show_error

        show_error(QApplication.activeWindow(), exc)
