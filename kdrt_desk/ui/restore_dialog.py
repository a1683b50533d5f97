"""Restoring a vault from a backup file: in the app (Berkas > Pulihkan dari cadangan, the admin)
and on the first-run screen ("Pulihkan pusat yang sudah ada", into an empty data folder).

The admin chooses the file and how to open it (a staff password, or the recovery code on a new
PC); "Periksa cadangan" proves it off the GUI thread (``check_backup``: nothing touched) and shows
what it holds; "Pulihkan…" asks first (the current vault is kept aside in ``diganti-…``, not
deleted), then restores with progress (``restore_backup``) and says how many anonymisations were
applied again. A wrong password, a file that is no backup or a damaged one is the service's own
message in the dialog; nothing is changed. In the app the open vault is let go (``release_vault``)
just before the restore, which needs the vault's instance lock; the host then goes to the login.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk.errors import UserError, os_error_key
from kdrt_desk.i18n import format_date, t
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.services.backups import BackupCheck, RestoreResult, check_backup, restore_backup
from kdrt_desk.tasks.runner import Progress, TaskRunner
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.files import documents
from kdrt_desk.ui.widgets.look import HINT, OK, mark, primary
from kdrt_desk.vault_files import VaultPaths

Credentials = tuple[str, str, str]  # (user name, password, recovery code)


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)  # paths and names the user chose or typed
    label.setWordWrap(True)
    return label


def made_text(check: BackupCheck) -> str:
    """When the backup was made, in local time and the UI's words."""
    try:
        at = datetime.fromisoformat(check.made_at)
    except ValueError:
        return check.made_at
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    at = at.astimezone()
    return t("ui.restore.when", day=format_date(at.date()), time=at.strftime("%H:%M"))


def _work_folder(data_dir: Path) -> Path | None:
    """Where the check decrypts its copy: beside the vault (a USB stick may be read-only)."""
    for folder in (data_dir, data_dir.parent):
        if folder.is_dir():
            return folder
    return None


class RestoreDialog(QDialog):
    """``done_result`` holds the ``RestoreResult`` once a restore succeeded (``restored``)."""

    restored = Signal(object)  # the RestoreResult

    def __init__(self, data_dir: Path, runner: TaskRunner, *, username: str = "",
                 backup: Path | None = None, release_vault: Callable[[], bool] | None = None,
                 store: SecretStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("ui.restore.title"))
        self.data_dir = data_dir
        self.runner = runner
        self.release_vault = release_vault
        self.store = store if store is not None else SecretStore()
        self.done_result: RestoreResult | None = None
        self.checked: tuple[Path, Credentials, BackupCheck] | None = None
        self.released = False  # the host let its vault go: whatever happens, back to the login
        self.progress: Progress | None = None

        intro = mark(_plain(QLabel(t("ui.restore.intro"))), HINT)
        self.path = QLineEdit(str(backup) if backup is not None else "")
        self.path.setMaxLength(1000)
        self.choose_button = QPushButton(t("ui.restore.choose"))
        self.choose_button.clicked.connect(lambda: self.choose_file())
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose_button)

        self.by_password = QRadioButton(t("ui.restore.by_password"))
        self.by_code = QRadioButton(t("ui.restore.by_code"))
        self.by_password.setChecked(True)
        self.ways = QButtonGroup(self)
        for button in (self.by_password, self.by_code):
            self.ways.addButton(button)
        ways_row = QHBoxLayout()
        ways_row.addWidget(self.by_password)
        ways_row.addWidget(self.by_code)
        ways_row.addStretch(1)

        self.username = QLineEdit(username)
        self.username.setMaxLength(30)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(200)
        self.code = QLineEdit()
        code_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.code.setFont(code_font)
        self.code.setPlaceholderText("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345")
        self.code.setMaxLength(60)
        self.password_hint = mark(_plain(QLabel(t("ui.restore.password_hint"))), HINT)
        self.code_hint = mark(_plain(QLabel(t("ui.restore.code_hint"))), HINT)

        self.form = form = QFormLayout()
        form.addRow(t("ui.restore.file"), file_row)
        form.addRow(t("ui.restore.open_with"), ways_row)
        form.addRow(t("ui.access.username"), self.username)
        form.addRow(t("ui.access.password"), self.password)
        form.addRow(t("ui.access.recovery_code"), self.code)

        self.check_button = QPushButton(t("ui.restore.check"))
        self.check_button.clicked.connect(lambda: self.check())
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_button)
        check_row.addStretch(1)
        self.contents = mark(_plain(QLabel()), OK)
        self.contents.hide()
        self.error = ErrorLabel()
        self.outcome = mark(_plain(QLabel()), OK)
        self.outcome.hide()

        self.restore_button = primary(QPushButton(t("ui.restore.restore")))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(lambda: self.restore())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(t("ui.print.close"))
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.password_hint)
        layout.addWidget(self.code_hint)
        layout.addLayout(check_row)
        for widget in (self.contents, self.error, self.outcome, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(640)
        intro.setMinimumHeight(intro.heightForWidth(600))

        for edit in (self.path, self.username, self.password, self.code):
            edit.textChanged.connect(lambda _text: self._forget_check())
        self.by_password.toggled.connect(lambda _on: self._show_way())
        self._show_way()

    # -- the inputs ------------------------------------------------------------------------------
    def _show_way(self) -> None:
        staff = self.by_password.isChecked()
        for edit in (self.username, self.password):
            self.form.setRowVisible(edit, staff)
        self.form.setRowVisible(self.code, not staff)
        self.password_hint.setVisible(staff)
        self.code_hint.setVisible(not staff)
        self._forget_check()

    def _forget_check(self) -> None:
        """A changed file or login needs its own check before a restore."""
        if self.done_result is not None:
            return
        self.checked = None
        self.restore_button.setEnabled(False)
        self.contents.hide()

    def choose_file(self) -> None:
        start = self.path.text().strip() or str(documents())
        name, _filter = QFileDialog.getOpenFileName(self, t("ui.restore.open_title"), start,
                                                    t("ui.restore.filter"))
        if name:
            self.path.setText(name)

    def _inputs(self) -> tuple[Path, Credentials] | None:
        """The file and the credentials, or None (and the reason shown) when one is missing."""
        text = self.path.text().strip()
        if not text:
            self.error.show_message(t("ui.restore.need_file"))
            return None
        if self.by_password.isChecked():
            user, password = self.username.text().strip().lower(), self.password.text()
            if not user or not password:
                self.error.show_message(t("ui.restore.need_login"))
                return None
            return Path(text).expanduser(), (user, password, "")
        code = self.code.text().strip()
        if not code:
            self.error.show_message(t("ui.restore.need_code"))
            return None
        return Path(text).expanduser(), ("", "", code)

    def _busy(self, busy: bool) -> None:
        for widget in (self.path, self.choose_button, self.by_password, self.by_code,
                       self.username, self.password, self.code, self.check_button,
                       self.close_button):
            widget.setEnabled(not busy)
        self.restore_button.setEnabled(not busy and self.checked is not None
                                       and self.done_result is None)

    # -- checking ----------------------------------------------------------------------------
    def check(self) -> None:
        if self.progress is not None or self.done_result is not None:
            return
        self.error.show_message("")
        self.contents.hide()
        found = self._inputs()
        if found is None:
            return
        path, (user, password, code) = found
        store, near = self.store, _work_folder(self.data_dir)

        def work(progress: Progress) -> BackupCheck:
            return check_backup(path, username=user, password=password, recovery_code=code,
                                store=store, report=progress.report, work_near=near)

        self.checked = None
        self._busy(True)
        self.progress = self.runner.run_with_progress(
            self, t("ui.restore.checking"), t("ui.donor.cancel"), work,
            lambda check: self._checked(path, (user, password, code), check), self._failed,
            aside=True)

    def _checked(self, path: Path, credentials: Credentials, check: BackupCheck) -> None:
        self.progress = None
        if not isValid(self):
            return
        if check.ok:
            self.checked = (path, credentials, check)
            self.contents.setText(t("ui.restore.checked", made=made_text(check),
                                    **check.summary()))
            self.contents.show()
            self.contents.setMinimumHeight(self.contents.heightForWidth(600))
        else:
            self.error.show_message(" ".join((
                t("ui.restore.check_failed", problem=t(check.problem or "error.backup_damaged")),
                t("ui.restore.unchanged"))))
        self._busy(False)
        self.adjustSize()

    # -- restoring ---------------------------------------------------------------------------
    def _confirmed(self, check: BackupCheck) -> bool:
        if VaultPaths(self.data_dir).exists():
            aside = self.data_dir / f"diganti-{datetime.now(UTC):%Y%m%d}-\u2026"
            text = t("ui.restore.confirm", folder=str(self.data_dir), made=made_text(check),
                     aside=str(aside))
        else:
            text = t("ui.restore.confirm_empty", folder=str(self.data_dir),
                     made=made_text(check))
        answer = QMessageBox.question(self, t("ui.restore.title"), text)
        return answer == QMessageBox.StandardButton.Yes

    def restore(self) -> None:
        if self.progress is not None or self.checked is None or self.done_result is not None:
            return
        path, (user, password, code), check = self.checked
        if not self._confirmed(check):
            return
        if self.release_vault is not None and not self.released:
            if not self.release_vault():
                return  # she chose to keep her unsaved forms
            self.released = True
        data_dir, store = self.data_dir, self.store

        def work(progress: Progress) -> RestoreResult:
            return restore_backup(path, data_dir, username=user or None, password=password,
                                  recovery_code=code, store=store, report=progress.report)

        self.error.show_message("")
        self._busy(True)
        self.restore_button.setEnabled(False)
        self.progress = self.runner.run_with_progress(
            self, t("ui.restore.restoring"), t("ui.donor.cancel"), work, self._restored,
            self._failed, aside=True)

    def _restored(self, result: RestoreResult) -> None:
        self.progress = None
        if not isValid(self):
            return
        self.done_result = result
        self.password.clear()
        self.code.clear()
        lines = [t("ui.restore.done", made=made_text(result.check))]
        if result.kept_aside is not None:
            lines.append(t("ui.restore.kept_aside", aside=str(result.kept_aside)))
        lines.append(t("ui.restore.reapplied", count=result.reapplied))
        self.outcome.setText("\n".join(lines))
        self.outcome.show()
        self.outcome.setMinimumHeight(self.outcome.heightForWidth(600))
        self._busy(True)  # nothing more to do here but go to the login
        self.close_button.setEnabled(True)
        self.close_button.setText(t("ui.restore.to_login"))
        self.adjustSize()
        self.restored.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.progress = None
        if not isValid(self):
            return
        self._busy(False)
        if isinstance(exc, UserError):
            words = [t("ui.restore.cancelled") if exc.key == "error.cancelled" else
                     f"{exc.message} {t('ui.restore.unchanged')}"]
            if self.released:
                words.append(t("ui.restore.login_again"))
            self.error.show_message(" ".join(words))
            return
        if isinstance(exc, OSError):
            self.error.show_message(" ".join((t(os_error_key(exc)), t("ui.restore.unchanged"))))
            return
        show_error(self, exc)

    def reject(self) -> None:
        if self.progress is not None:
            return  # the progress dialog's Cancel stops the work
        super().reject()


__all__ = ["RestoreDialog", "made_text"]
