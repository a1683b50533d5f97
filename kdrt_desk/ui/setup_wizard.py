"""The first-run wizard: language and centre details, the first admin account, then the recovery
sheet."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kdrt_desk import i18n
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import language, t
from kdrt_desk.security.crypto import DEFAULT_KDF, KdfParams
from kdrt_desk.security.secret_store import SecretStore, store_name
from kdrt_desk.services.recovery import sheet_file_name, write_recovery_sheet
from kdrt_desk.services.vault_access import (
    KEYS_NAME,
    MIN_PASSWORD,
    create_vault,
    validate_new_password,
    validate_username,
)
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.widgets.errors import ErrorLabel, FieldErrors, show_error
from kdrt_desk.ui.widgets.files import choose_save_path
from kdrt_desk.ui.widgets.look import NOTICE, OK, mark, primary

if TYPE_CHECKING:
    from kdrt_desk.ui.folder_page import FolderPage

LANGUAGE_NAMES = (("id", "Bahasa Indonesia"), ("en", "English"))


def wrapped_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def align_errors_top(errors: FieldErrors) -> None:
    """Keep each message right under its field (a wrapped label may get spare height); plain
    text, as a message may quote what she typed."""
    for error in errors.labels.values():
        error.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        error.setTextFormat(Qt.TextFormat.PlainText)


def warning_label(text: str) -> QLabel:
    label = wrapped_label(text)
    mark(label, NOTICE)
    return label


class CentrePage(QWizardPage):
    """Page 1: the language, what KDRT Desk is, and the centre's name and address."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(t("ui.access.welcome_title"))
        layout = QVBoxLayout(self)
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(language()), 0))
        choice = QHBoxLayout()
        language_label = QLabel(t("ui.access.language"))
        language_label.setBuddy(self.language)
        choice.addWidget(language_label)
        choice.addWidget(self.language)
        choice.addStretch(1)
        layout.addLayout(choice)
        layout.addWidget(wrapped_label(t("ui.access.welcome_intro")))
        layout.addWidget(wrapped_label(t("ui.access.welcome_encrypted")))
        # the PC has a shared folder this Windows account may not open: say so before a new vault
        self.closed_note = warning_label(t("ui.shared.closed"))
        self.closed_note.hide()
        layout.addWidget(self.closed_note)
        layout.addSpacing(8)
        self.errors = FieldErrors()
        form = QFormLayout()
        self.centre_name = QLineEdit()
        self.centre_name.setMaxLength(200)
        self.centre_name.setPlaceholderText(t("ui.access.centre_name_hint"))
        self.centre_address = QLineEdit()
        self.centre_address.setMaxLength(300)
        self.centre_address.setPlaceholderText(t("ui.access.centre_address_hint"))
        self.errors.add_row(form, t("ui.access.centre_name"), "centre_name", self.centre_name,
                            required=True)
        self.errors.add_row(form, t("ui.access.centre_address"), "centre_address",
                            self.centre_address)
        align_errors_top(self.errors)
        layout.addLayout(form)
        layout.addWidget(wrapped_label(t("ui.access.required_note")))
        layout.addStretch(1)
        # a centre that already has a vault (a new PC): restore it instead of making one
        layout.addWidget(wrapped_label(t("ui.restore.first_run_hint")))
        restore_row = QHBoxLayout()
        self.restore_button = QPushButton(t("ui.restore.first_run"))
        restore_row.addWidget(self.restore_button)
        restore_row.addStretch(1)
        layout.addLayout(restore_row)

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        wizard = self.wizard()
        if isinstance(wizard, SetupWizard) and wizard.restored:
            return True  # the vault came from a backup: nothing to create
        if not self.centre_name.text().strip():
            self.errors.show({"centre_name": t("error.required")})
            self.centre_name.setFocus()
            return False
        self.errors.clear()
        return True


class AdminPage(QWizardPage):
    """Page 2: the first admin account; creating the vault runs off the GUI thread."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setup = wizard
        self.setTitle(t("ui.access.admin_title"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, t("ui.access.create_vault"))
        self._busy = False
        self._created = False

        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label(t("ui.access.admin_intro")))
        layout.addSpacing(4)
        self.keyring_warning = warning_label(t("ui.access.no_keyring_setup",
                                               store=store_name()))
        self.keyring_warning.setVisible(not SecretStore().available())
        layout.addWidget(self.keyring_warning)

        self.errors = FieldErrors()
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setMaxLength(30)
        self.username.setPlaceholderText(t("ui.access.username_hint"))
        self.display_name = QLineEdit()
        self.display_name.setMaxLength(100)
        self.display_name.setPlaceholderText(t("ui.access.display_name_hint"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_repeat = QLineEdit()
        self.password_repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors.add_row(form, t("ui.access.username"), "username", self.username,
                            required=True)
        self.errors.add_row(form, t("ui.access.display_name"), "display_name", self.display_name)
        self.errors.add_row(form, t("ui.access.password"), "password", self.password,
                            required=True)
        self.errors.add_row(form, t("ui.access.password_repeat"), "password_repeat",
                            self.password_repeat, required=True)
        align_errors_top(self.errors)
        layout.addLayout(form)
        layout.addWidget(wrapped_label(t("ui.access.password_rules", minimum=MIN_PASSWORD)))

        self.general_error = ErrorLabel()
        self.general_error.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.general_error)
        self.busy_label = wrapped_label(t("ui.access.creating_vault"))
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(12)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy_bar)
        self._show_busy(False)
        layout.addStretch(1)

    @property
    def busy(self) -> bool:
        return self._busy

    def _show_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)
        for widget in (self.username, self.display_name, self.password, self.password_repeat):
            widget.setEnabled(not busy)
        self.setup.set_buttons_enabled(not busy)

    def check_fields(self) -> bool:
        """Field-level checks before the (slow) vault creation; shows the messages."""
        problems: dict[str, str] = {}
        username = self.username.text()
        password = self.password.text()
        try:
            username = validate_username(username)
        except ValidationError as exc:
            problems.update(exc.by_field())
        try:
            validate_new_password(password, username)
        except ValidationError as exc:
            problems.update(exc.by_field())
        if "password" not in problems and password != self.password_repeat.text():
            problems["password_repeat"] = t("error.password_mismatch")
        self.general_error.show_message("")
        self.errors.show(problems)
        return not problems

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        if self._created:
            return True
        if self._busy or not self.check_fields():
            return False
        self.start_creation()
        return False

    def start_creation(self) -> None:
        centre = self.setup.centre_page
        folder = self.setup.folder_page
        data_dir = folder.chosen_dir if folder is not None else self.setup.data_dir
        users = folder.shared_users() if folder is not None and folder.is_shared else None
        kdf = self.setup.kdf
        centre_name = centre.centre_name.text()
        centre_address = centre.centre_address.text()
        username = self.username.text().strip().lower()
        password = self.password.text()
        display_name = self.display_name.text()
        self._show_busy(True)

        def work() -> str:
            from kdrt_desk.services import windows_accounts

            if users is not None:  # the PC's shared folder: opened only to those she named
                windows_accounts.prepare_shared_folder(data_dir, users)
            try:
                code = create_vault(data_dir, centre_name=centre_name,
                                    centre_address=centre_address, admin_username=username,
                                    admin_password=password, admin_display_name=display_name,
                                    kdf=kdf, shared_users=users)
            except BaseException:
                if users is not None:
                    windows_accounts.discard_shared_folder(data_dir)
                raise
            if users is not None:  # her entry for linking the other accounts (nothing recorded)
                windows_accounts.open_for_login(data_dir, username, password, kdf=kdf,
                                                defer_login=True).close()
            return code

        self.setup.runner.run(work, lambda code: self._created_ok(data_dir, username, code),
                              self._creation_failed)

    def _created_ok(self, data_dir: Path, username: str, code: str) -> None:
        self.setup.data_dir = data_dir
        self._created = True
        self._show_busy(False)
        self.password.clear()
        self.password_repeat.clear()
        self.setup.vault_created(username, code)
        self.setup.next()

    def _creation_failed(self, exc: BaseException) -> None:
        self._show_busy(False)
        if isinstance(exc, ValidationError):
            unplaced = self.errors.show(exc.by_field())
            self.general_error.show_message("\n".join(unplaced))
        elif isinstance(exc, UserError):
            self.general_error.show_message(exc.message)
        else:
            show_error(self, exc)


class RecoveryPage(QWizardPage):
    """Page 3: save (and print) the recovery sheet; Finish needs a saved PDF and the tick."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setup = wizard
        self.setTitle(t("ui.access.recovery_title"))
        self.saved_path: Path | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label(t("ui.access.recovery_intro")))
        layout.addWidget(wrapped_label(t("ui.access.recovery_keep_safe")))
        layout.addSpacing(4)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(t("ui.access.save_sheet"))
        self.save_button.clicked.connect(self.choose_and_save)
        self.open_button = QPushButton(t("ui.access.open_pdf"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_pdf)
        self.preview_button = QPushButton(t("ui.print.preview"))
        self.preview_button.clicked.connect(self.preview_sheet)
        self.preview_dialog: QWidget | None = None
        self.printed = False
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.saved_label = wrapped_label()
        mark(self.saved_label, OK)
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved_label.hide()
        layout.addWidget(self.saved_label)
        self.save_error = ErrorLabel()
        self.save_error.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.save_error)

        self.show_code = QCheckBox(t("ui.access.show_code"))
        self.show_code.toggled.connect(self._toggle_code)
        self.code_label = QLabel()
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        code_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        code_font.setPointSize(code_font.pointSize() + 3)
        code_font.setWeight(QFont.Weight.Bold)
        self.code_label.setFont(code_font)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.hide()
        layout.addWidget(self.show_code)
        layout.addWidget(self.code_label)

        layout.addSpacing(8)
        self.confirm = QCheckBox(t("ui.access.sheet_confirm"))
        self.confirm.setEnabled(False)
        self.confirm.toggled.connect(self.completeChanged)
        layout.addWidget(self.confirm)
        self.confirm_hint = wrapped_label(t("ui.access.sheet_confirm_hint"))
        layout.addWidget(self.confirm_hint)
        self.leave_warning = warning_label(t("ui.access.leave_without_sheet"))
        self.leave_warning.hide()
        layout.addWidget(self.leave_warning)
        layout.addStretch(1)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return (self.saved_path is not None or self.printed) and self.confirm.isChecked()

    def _toggle_code(self, shown: bool) -> None:
        self.code_label.setText(self.setup.recovery_code if shown else "")
        self.code_label.setVisible(shown)

    def choose_and_save(self) -> None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        chosen = choose_save_path(self, t("ui.access.save_sheet_title"),
                                  Path(folder) / sheet_file_name(), t("ui.access.pdf_filter"))
        if chosen is not None:
            self.save_to(*chosen)

    def save_to(self, path: Path, overwrite: bool = False) -> bool:
        self.save_error.show_message("")
        try:
            self.setup.write_sheet(path, overwrite)
        except OSError:
            self.save_error.show_message(t("ui.access.sheet_save_failed"))
            return False
        except UserError as exc:
            self.save_error.show_message(f"{t('ui.access.sheet_save_failed')} {exc.message}")
            return False
        self.saved_path = path
        self.saved_label.setText(t("ui.access.sheet_saved", path=str(path)))
        self.saved_label.show()
        self.open_button.setEnabled(True)
        self._have_sheet()
        return True

    def _have_sheet(self) -> None:
        self.confirm.setEnabled(True)
        self.confirm_hint.hide()
        self.completeChanged.emit()

    def preview_sheet(self) -> None:
        """The sheet in the preview: printing it there counts as having the sheet; saving
        there saves it as the save button does."""
        from kdrt_desk.ui.widgets.pdf_preview import PdfPreviewDialog

        def save(path: Path, overwrite: bool) -> Path:
            self.setup.write_sheet(path, overwrite)
            self.save_to_done(path)
            return path

        def printed(_pages: int) -> None:
            self.printed = True
            if self.saved_path is None:
                self.saved_label.setText(t("ui.print.sheet_printed"))
                self.saved_label.show()
            self._have_sheet()

        dialog = PdfPreviewDialog(self, self.setup.sheet_bytes(), kind="recovery_sheet",
                                  title=t("ui.print.doc.recovery_sheet"),
                                  suggested_name=sheet_file_name(), save=save)
        dialog.printed.connect(printed)
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        self.preview_dialog = dialog
        dialog.open()

    def save_to_done(self, path: Path) -> None:
        """What a save from the preview leaves on the page (as the save button's does)."""
        self.save_error.show_message("")
        self.saved_path = path
        self.saved_label.setText(t("ui.access.sheet_saved", path=str(path)))
        self.saved_label.show()
        self.open_button.setEnabled(True)
        self._have_sheet()

    def open_pdf(self) -> None:
        if self.saved_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_path)))


class SetupWizard(QWizard):
    """Creates the vault in ``data_dir``; ``admin_username`` is set once the vault exists."""

    def __init__(self, data_dir: Path, runner: TaskRunner, kdf: KdfParams = DEFAULT_KDF,
                 parent: QWidget | None = None, *, shared_dir: Path | None = None,
                 shared_closed: bool = False) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.shared_dir = shared_dir  # Windows: the PC's shared folder may be chosen instead
        self.shared_closed = shared_closed  # ... or it exists, not open to this account
        self.runner = runner
        self.kdf = kdf
        self.admin_username: str | None = None
        self._recovery_code = ""
        self.restored = False  # the vault was restored from a backup: on to the login
        self.restore_dialog: QWidget | None = None
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self._build_pages()
        for main in (QWizard.WizardButton.NextButton, QWizard.WizardButton.CommitButton,
                     QWizard.WizardButton.FinishButton):  # one shows at a time: the main action
            primary(self.button(main))
        self.setMinimumSize(640, 560)

    def _build_pages(self) -> None:
        self.setWindowTitle(t("ui.access.setup_window_title"))
        for button, key in ((QWizard.WizardButton.BackButton, "ui.access.back"),
                            (QWizard.WizardButton.NextButton, "ui.access.next"),
                            (QWizard.WizardButton.CommitButton, "ui.access.create_vault"),
                            (QWizard.WizardButton.FinishButton, "ui.access.finish"),
                            (QWizard.WizardButton.CancelButton, "ui.access.cancel")):
            self.setButtonText(button, t(key))
        self.centre_page = CentrePage(self)
        self.centre_page.closed_note.setVisible(self.shared_closed)
        self.folder_page: FolderPage | None = None
        if self.shared_dir is not None and not self.shared_closed:
            from kdrt_desk.ui.folder_page import FolderPage

            self.folder_page = FolderPage(self.data_dir, self.shared_dir, self)
        self.admin_page = AdminPage(self)
        self.recovery_page = RecoveryPage(self)
        self.addPage(self.centre_page)
        if self.folder_page is not None:
            self.addPage(self.folder_page)
        self.addPage(self.admin_page)
        self.addPage(self.recovery_page)
        self.centre_page.restore_button.clicked.connect(lambda: self.open_restore())
        self.centre_page.language.currentIndexChanged.connect(
            lambda index: self.switch_language(str(self.centre_page.language.itemData(index))))

    def switch_language(self, code: str) -> None:
        """The language chosen on the first page: every page again in it, what was typed kept.

        It is remembered for the login and the app (this new vault's choice, not another's).
        """
        if code not in i18n.LANGUAGES or code == language() or self._recovery_code:
            return
        i18n.set_language(code)
        QSettings("KDRT Desk", "KDRT Desk").setValue("language", code)
        QTimer.singleShot(0, self._rebuild)  # not inside the signal of the combo it deletes

    def _rebuild(self) -> None:
        name = self.centre_page.centre_name.text()
        address = self.centre_page.centre_address.text()
        for page_id in self.pageIds():
            page = self.page(page_id)
            self.removePage(page_id)
            page.deleteLater()
        self._build_pages()
        self.restart()
        self.centre_page.centre_name.setText(name)
        self.centre_page.centre_address.setText(address)
        self.centre_page.language.setFocus()

    def open_restore(self) -> None:
        """"Pulihkan pusat yang sudah ada": the restore dialog for this (empty) data folder;
        after a restore the wizard ends and the login follows."""
        from kdrt_desk.ui.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.data_dir, self.runner, parent=self)
        dialog.finished.connect(lambda _code: self._restore_closed(dialog))
        self.restore_dialog = dialog
        dialog.open()

    def _restore_closed(self, dialog: QWidget) -> None:
        from kdrt_desk.ui.restore_dialog import RestoreDialog

        self.restore_dialog = None
        if isinstance(dialog, RestoreDialog) and dialog.done_result is not None:
            self.restored = True
            self.accept()
        dialog.deleteLater()

    @property
    def recovery_code(self) -> str:
        """Only while the wizard runs; never logged."""
        return self._recovery_code

    def set_buttons_enabled(self, enabled: bool) -> None:
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                      QWizard.WizardButton.CommitButton, QWizard.WizardButton.CancelButton):
            button = self.button(which)
            if button is not None:
                button.setEnabled(enabled)

    def vault_created(self, username: str, code: str) -> None:
        self.admin_username = username
        self._recovery_code = code
        self.setOption(QWizard.WizardOption.NoCancelButton, True)  # the sheet comes first

    def vault_id(self) -> str:
        data = json.loads((self.data_dir / KEYS_NAME).read_text(encoding="utf-8"))
        return str(data["vault_id"])[:8]

    def write_sheet(self, path: Path, overwrite: bool = False) -> None:
        if not self._recovery_code:
            raise RuntimeError("the vault has not been created yet")
        write_recovery_sheet(self.data_dir, path,
                             centre_name=self.centre_page.centre_name.text().strip(),
                             centre_address=self.centre_page.centre_address.text().strip(),
                             code=self._recovery_code, vault_id=self.vault_id(),
                             lang=language(), overwrite=overwrite)

    def sheet_bytes(self) -> bytes:
        """The sheet ``write_sheet`` saves, for the preview (on screen only)."""
        from kdrt_desk.services.recovery import recovery_sheet_bytes

        if not self._recovery_code:
            raise RuntimeError("the vault has not been created yet")
        return recovery_sheet_bytes(
            centre_name=self.centre_page.centre_name.text().strip(),
            centre_address=self.centre_page.centre_address.text().strip(),
            code=self._recovery_code, vault_id=self.vault_id(), lang=language())

    def save_recovery_sheet_to(self, path: Path) -> bool:
        """Write the recovery sheet PDF (what the save button does after its file dialog)."""
        return self.recovery_page.save_to(path)

    def accept(self) -> None:
        self._recovery_code = ""
        self.recovery_page.code_label.clear()
        super().accept()

    def reject(self) -> None:
        """Closing before the sheet is saved needs a second try, after an inline warning."""
        if self.admin_page.busy:
            return
        page = self.recovery_page
        if self._recovery_code and not page.isComplete() and page.leave_warning.isHidden():
            page.leave_warning.show()
            return
        self._recovery_code = ""
        super().reject()
