"""The composition root of the GUI: builds the task runner, the dialogs and the main window once."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from kdrt_desk import i18n
from kdrt_desk.logging_setup import configure_logging
from kdrt_desk.security.crypto import DEFAULT_KDF, KdfParams
from kdrt_desk.security.keyring_choice import choose_os_keyring
from kdrt_desk.tasks.heap import settle_heap
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.crash_dialog import DATA_DIR_PROPERTY, CrashHooks
from kdrt_desk.ui.qt_words import install_qt_words
from kdrt_desk.ui.widgets.errors import show_error
from kdrt_desk.ui.widgets.look import apply_look
from kdrt_desk.vault_files import FolderChoice, VaultPaths, default_data_dir, shared_data_dir

ASSETS = Path(__file__).parent / "assets"


def _delete_now(obj: QObject) -> None:
    """Delete a top-level window's C++ object now, not whenever Python's GC gets to it.

    Signal connections to lambdas keep windows alive in reference cycles; deleted after the
    QApplication at interpreter exit they crash the process.
    """
    if shiboken6.isValid(obj):
        shiboken6.delete(obj)


class DeskApp(QObject):
    """Wizard on first run, then login, then the main window; back to login after logging out."""

    def __init__(self, data_dir: Path, kdf: KdfParams = DEFAULT_KDF, *,
                 shared_dir: Path | None = None, shared_closed: bool = False) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.kdf = kdf
        self.shared_dir = shared_dir  # Windows: the wizard may make the vault there instead
        self.shared_closed = shared_closed
        self.runner = TaskRunner(on_unhandled=lambda exc: show_error(None, exc), parent=self)
        self.window: QObject | None = None

    def start(self) -> bool:
        if not VaultPaths(self.data_dir).exists():
            from kdrt_desk.ui.setup_wizard import SetupWizard

            wizard = SetupWizard(self.data_dir, self.runner, self.kdf,
                                 shared_dir=self.shared_dir, shared_closed=self.shared_closed)
            created = wizard.exec() == QDialog.DialogCode.Accepted
            self.data_dir = wizard.data_dir  # the PC's shared folder, when she chose it
            _delete_now(wizard)
            if not created:
                return False
            app = QApplication.instance()
            if app is not None:
                app.setProperty(DATA_DIR_PROPERTY, str(self.data_dir))
        return self.show_login()

    def show_login(self) -> bool:
        from kdrt_desk.ui.login_dialog import LoginDialog

        found = None
        if self.window is not None:  # the window of the user who just logged out
            found = getattr(self.window, "damage_found", None)
            if found is not None:  # the screens' reads queued behind the failed login: done
                self.runner.wait()
                QApplication.sendPostedEvents()
                self.runner.hushed = None
            _delete_now(self.window)
            self.window = None
        dialog = LoginDialog(self.data_dir, self.runner, self.kdf, found=found)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        services = dialog.services
        _delete_now(dialog)
        if not accepted or services is None:
            QApplication.quit()
            return False
        from kdrt_desk.ui.main_window import MainWindow  # after login: start-up stays quick

        window = MainWindow(services, self.runner, on_logout=self._login_again)
        window.show()
        self.window = window
        settle_heap()
        return True


    def shutdown(self) -> None:
        """Finish queued work and delete Qt objects while the QApplication still exists."""
        self.runner.wait()
        QApplication.sendPostedEvents()
        if self.window is not None:
            _delete_now(self.window)
            self.window = None

    def _login_again(self) -> None:
        self.show_login()


def run_gui(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="kdrt-desk")
    parser.add_argument("--data-dir")
    parser.add_argument("--lang", choices=i18n.LANGUAGES)
    args, _ = parser.parse_known_args(list(argv))
    # no folder given: this Windows account's own, else the PC's shared one if she may open it
    choice = FolderChoice(Path(args.data_dir).expanduser(), None) if args.data_dir else \
        FolderChoice(default_data_dir(), shared_data_dir())
    data_dir = choice.data_dir()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("KDRT Desk")
    app.setOrganizationName("KDRT Desk")
    app.setQuitOnLastWindowClosed(False)
    app.setProperty(DATA_DIR_PROPERTY, str(data_dir))  # what no saved file may replace
    apply_look(app)
    install_qt_words(app)  # Qt's own buttons and dialogs in Indonesian (Qt ships none)
    icon = ASSETS / "kdrt-desk.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    configure_logging(data_dir if data_dir.is_dir() else None)
    choose_os_keyring()  # Windows: the Credential Manager, whatever else is installed
    # a first run starts in Indonesian (its wizard offers the choice), not in the language
    # last chosen for another vault
    remembered = (QSettings("KDRT Desk", "KDRT Desk").value("language", "id")
                  if VaultPaths(data_dir).exists() else "id")
    language = args.lang or str(remembered)
    i18n.set_language(language if language in i18n.LANGUAGES else "id")
    hooks = CrashHooks(app)  # a bug anywhere (a slot, a thread) shows the crash dialog
    hooks.install()
    desk = DeskApp(data_dir, shared_dir=choice.shared, shared_closed=choice.shared_closed())
    try:
        return app.exec() if desk.start() else 0
    finally:
        desk.shutdown()
        hooks.uninstall()

