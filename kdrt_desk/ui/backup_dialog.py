"""Backups for the admin: when the last good backup was made and where, the warnings (none for 7
days, none outside this PC for 30 days, a failed check), the automatic backups (daily, on close)
with the rotation and what it means for erased records in plain words, and "Cadangkan
sekarang…" to a chosen folder or USB drive, made and verified on the task runner with progress
and Cancel (a cancelled backup leaves no file)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk.errors import UserError
from kdrt_desk.i18n import format_date, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services.backups import (
    AutoSettings,
    BackupCheck,
    BackupRecord,
    BackupStatus,
)
from kdrt_desk.tasks.runner import Progress, TaskRunner
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.files import choose_save_path, documents
from kdrt_desk.ui.widgets.forms import fit_height
from kdrt_desk.ui.widgets.look import HINT, OK, WARNING, mark, primary
from kdrt_desk.wiring import Services


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)  # paths the user chose
    label.setWordWrap(True)
    return label


def _when(record: BackupRecord | None) -> str:
    if record is None:
        return t("ui.backup.never")
    at = datetime.fromisoformat(record.at).astimezone()
    return t("ui.backup.when", day=format_date(at.date()), time=at.strftime("%H:%M"),
             path=record.path)


class BackupDialog(QDialog):
    made = Signal(str)  # the path of a verified backup

    def __init__(self, services: Services, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("ui.backup.title"))
        self.services = services
        self.runner = runner
        self.progress: Progress | None = None
        intro = mark(_plain(QLabel(t("ui.backup.intro"))), HINT)
        self.last_good = _plain(QLabel())
        self.last_outside = _plain(QLabel())
        self.warnings = mark(_plain(QLabel()), WARNING)
        self.warnings.hide()
        self.daily = QCheckBox(t("ui.backup.daily"))
        self.on_close = QCheckBox(t("ui.backup.on_close"))
        may_set = services.vault.actor.may(Permission.SETTINGS)
        for box in (self.daily, self.on_close):
            box.setEnabled(False)
            box.toggled.connect(lambda _on: self._save_auto())
        self.may_set = may_set
        rotation = mark(_plain(QLabel(t("ui.backup.rotation"))), HINT)
        self.error = ErrorLabel()
        self.outcome = mark(_plain(QLabel()), OK)
        self.outcome.hide()
        self.backup_button = primary(QPushButton(t("ui.backup.now")))
        self.backup_button.clicked.connect(lambda: self.back_up())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(t("ui.print.close"))
        self.buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.last_good, self.last_outside, self.warnings, self.daily,
                       self.on_close, rotation, self.error, self.outcome, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(620)
        for label in (intro, rotation):
            label.setMinimumHeight(label.heightForWidth(580))
        self._loading = True
        self.refresh()

    # -- the state -------------------------------------------------------------------------------
    def refresh(self) -> None:
        backups = self.services.backups
        self.runner.run(lambda: (backups.status(), backups.auto_settings()), self._show,
                        self._failed)

    def _show(self, found: tuple[BackupStatus, AutoSettings]) -> None:
        if not isValid(self):
            return
        status, auto = found
        self.last_good.setText(t("ui.backup.last_good", when=_when(status.last_good)))
        self.last_outside.setText(t("ui.backup.last_outside", when=_when(status.last_outside)))
        words = [t(key) for key in status.warnings]
        if status.last is not None and not status.last.ok and status.last.problem:
            words.append(t(status.last.problem))
        self.warnings.setText("\n".join(words))
        self.warnings.setVisible(bool(words))
        self._loading = True
        self.daily.setChecked(auto.daily)
        self.on_close.setChecked(auto.on_close)
        self._loading = False
        for box in (self.daily, self.on_close):
            box.setEnabled(self.may_set)
        self.adjustSize()
        # adjustSize stops at two thirds of the screen: with large text on a laptop the texts
        # need more height than that (they overlapped the buttons), up to the screen's
        fit_height(self, within_screen=True)

    def _save_auto(self) -> None:
        if self._loading:
            return
        chosen = AutoSettings(self.daily.isChecked(), self.on_close.isChecked())
        backups = self.services.backups
        self.runner.run(lambda: backups.set_auto_settings(chosen), None, self._failed)

    # -- backing up now --------------------------------------------------------------------------
    def back_up(self) -> None:
        if self.progress is not None:
            return
        name = f"cadangan-{datetime.now().strftime('%Y%m%d-%H%M')}.bak"
        target = choose_save_path(self, t("ui.backup.save"), documents() / name,
                                  t("ui.backup.filter"), suffix=".bak")
        if target is None:
            return
        path, overwrite = target
        backups = self.services.backups

        def work(progress: Progress) -> tuple[BackupRecord, BackupCheck]:
            return backups.make(path, overwrite=overwrite, report=progress.report)

        self.backup_button.setEnabled(False)
        self.error.show_message("")
        self.outcome.hide()
        self.progress = self.runner.run_with_progress(
            self, t("ui.backup.making"), t("ui.donor.cancel"), work, self._made, self._failed,
            aside=True)

    def _made(self, done: tuple[BackupRecord, BackupCheck]) -> None:
        self.progress = None
        if not isValid(self):
            return
        record, check = done
        self.backup_button.setEnabled(True)
        if check.ok:
            self.outcome.setText(t("ui.backup.made", path=record.path,
                                   size=f"{record.size / 2**20:.1f}",
                                   **check.summary()))
            self.outcome.show()
            self.outcome.setMinimumHeight(self.outcome.heightForWidth(580))
            self.made.emit(record.path)
        else:
            self.error.show_message(t("ui.backup.check_failed", path=record.path,
                                      problem=t(check.problem)))
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.progress = None
        if not isValid(self):
            return
        self.backup_button.setEnabled(True)
        if isinstance(exc, UserError):
            self.error.show_message(t("ui.backup.cancelled") if exc.key == "error.cancelled"
                                    else exc.message)
            return
        show_error(self, exc)


__all__ = ["BackupDialog"]
