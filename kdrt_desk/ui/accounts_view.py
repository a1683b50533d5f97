"""The staff accounts screen: list accounts (with whether their keys have arrived), add one,
reset a password, change a role, deactivate or reactivate; after someone leaves or loses a role,
offer to rotate the keys she held."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.errors import UserError
from kdrt_desk.i18n import format_datetime, label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.security.tiers import KeyName
from kdrt_desk.services.accounts import AccountInfo, KeyStatus
from kdrt_desk.tasks.runner import Progress, TaskRunner
from kdrt_desk.ui.account_dialogs import (
    AddAccountDialog,
    ChangeRoleDialog,
    HandOverDialog,
    ResetPasswordDialog,
)
from kdrt_desk.ui.widgets.empty_hint import empty_hint, show_empty
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.look import ATTENTION_TEXT, ENDED_TEXT, HINT, TITLE, mark, primary
from kdrt_desk.ui.widgets.tables import fit_columns, read_only
from kdrt_desk.wiring import Services

COLUMNS = ("username", "display_name", "role", "active", "keys", "must_change", "last_login")
ATTENTION_COLOUR = ATTENTION_TEXT
COLUMN_AIR = 16


def yes_no(value: bool) -> str:
    return t("ui.admin.yes") if value else t("ui.admin.no")


def ask(parent: QWidget, title: str, text: str, yes_text: str) -> bool:
    """A yes/no question with our own button words (Qt's stock ones stay English)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # her name is shown as typed
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(t("ui.admin.cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


class AccountsView(QWidget):
    """Only for roles that may manage users; others see a short note and nothing else."""

    loaded = Signal(int)  # accounts shown
    rotation_done = Signal()

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.accounts: list[AccountInfo] = []
        self.dialog: (AddAccountDialog | ResetPasswordDialog | ChangeRoleDialog | HandOverDialog
                      | None) = None
        self._shown_once = False
        self._pending_select = ""
        actor = services.vault.actor
        self.allowed = actor.may(Permission.MANAGE_USERS)
        self.me = actor.username

        title = QLabel(t("ui.admin.accounts.title"))
        mark(title, TITLE)
        intro = QLabel(t("ui.admin.accounts.intro") if self.allowed
                       else t("ui.admin.accounts.not_allowed"))
        intro.setWordWrap(True)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([t(f"ui.admin.accounts.col_{c}") for c in COLUMNS])
        read_only(self.table, stretch_last=False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COLUMNS.index("display_name"), QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(90)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = primary(QPushButton(t("ui.admin.accounts.add")))
        self.reset_button = QPushButton(t("ui.admin.accounts.reset"))
        self.role_button = QPushButton(t("ui.admin.accounts.change_role"))
        self.hand_over_button = QPushButton(t("ui.admin.accounts.hand_over"))
        self.hand_over_button.clicked.connect(self.open_hand_over_dialog)
        self.active_button = QPushButton(t("ui.admin.accounts.deactivate"))
        self.add_button.clicked.connect(self.open_add_dialog)
        self.reset_button.clicked.connect(self.open_reset_dialog)
        self.role_button.clicked.connect(self.open_role_dialog)
        self.active_button.clicked.connect(self.toggle_active)
        for button, tip in ((self.add_button, "ui.tip.accounts.add"),
                            (self.reset_button, "ui.tip.accounts.reset"),
                            (self.role_button, "ui.tip.accounts.change_role"),
                            (self.hand_over_button, "ui.tip.accounts.hand_over"),
                            (self.active_button, "ui.tip.accounts.deactivate")):
            button.setToolTip(t(tip))
        self.empty_hint = empty_hint(t("ui.hints.accounts.only_you"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.role_button,
                       self.hand_over_button, self.active_button):
            button.setVisible(self.allowed)
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.selection_note = QLabel()
        self.selection_note.setWordWrap(True)
        mark(self.selection_note, HINT)
        self.message = ErrorLabel()
        self.count_label = QLabel()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.selection_note)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.table.setVisible(self.allowed)
        self._update_buttons()

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Ask for the accounts again; answers to older requests are dropped."""
        if not self.allowed:
            return
        accounts = self.services.accounts
        self.runner.run(accounts.list_accounts, self._show,
                        self._failed, latest=(self, "list"))

    def clear(self) -> None:
        """Forget every row (used when the app locks)."""
        self.runner.drop((self, "list"))
        self.accounts = []
        self.table.setRowCount(0)
        self.count_label.clear()
        show_empty(self.empty_hint, False)
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.refresh()

    def _show(self, rows: list[AccountInfo]) -> None:
        selected = self._pending_select or self.selected_username()
        self._pending_select = ""
        self.accounts = rows
        self.table.setRowCount(len(rows))
        for row, account in enumerate(rows):
            values = (account.username, account.display_name, label(account.role),
                      yes_no(account.active), t(f"ui.admin.keys.{account.key_status.value}"),
                      yes_no(account.must_change_password),
                      format_datetime(account.last_login_at.astimezone())
                      if account.last_login_at else t("ui.admin.accounts.never"))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, account.username)
                attention = (
                    (COLUMNS[column] == "must_change" and account.must_change_password)
                    or (COLUMNS[column] == "keys"
                        and account.key_status not in (KeyStatus.COMPLETE, KeyStatus.NONE)))
                if not account.active:
                    item.setForeground(QBrush(ENDED_TEXT))
                elif attention:
                    item.setForeground(QBrush(ATTENTION_COLOUR))
                self.table.setItem(row, column, item)
        self._fit_columns()
        self.count_label.setText(t("ui.admin.accounts.count", count=len(rows)))
        show_empty(self.empty_hint, len(rows) <= 1)  # only the admin who set the vault up
        if selected:
            self.select_account(selected)
        self._update_buttons()
        self.loaded.emit(len(rows))

    def _fit_columns(self) -> None:
        """Each column as wide as its longest text plus some air, the name column takes the
        rest; in a narrow window (large text) the long ones give up width, the username and
        the role stay whole."""
        fit_columns(self.table, air=COLUMN_AIR + 8,
                    keep=(COLUMNS.index("username"), COLUMNS.index("role")))

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    # -- selection --------------------------------------------------------------------------
    def select_account(self, username: str) -> bool:
        for row, account in enumerate(self.accounts):
            if account.username == username:
                self.table.selectRow(row)
                return True
        return False

    def selected_username(self) -> str:
        account = self.selected_account()
        return account.username if account else ""

    def selected_account(self) -> AccountInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.accounts):
            return None
        return self.accounts[rows[0].row()]

    def _update_buttons(self) -> None:
        account = self.selected_account()
        own = account is not None and account.username == self.me
        self.reset_button.setEnabled(account is not None and not own)
        self.role_button.setEnabled(account is not None and not own and account.active)
        self.hand_over_button.setEnabled(
            account is not None and not own and account.active
            and account.key_status in (KeyStatus.AWAITING_CONFIRMATION, KeyStatus.AWAITING_LOGIN))
        self.active_button.setEnabled(account is not None and not own)
        inactive = account is not None and not account.active
        self.active_button.setText(t("ui.admin.accounts.activate") if inactive
                                   else t("ui.admin.accounts.deactivate"))
        self.active_button.setToolTip(t("ui.tip.accounts.activate") if inactive
                                      else t("ui.tip.accounts.deactivate"))
        if account is None:
            note = t("ui.admin.accounts.select_hint") if self.accounts else ""
        elif own:
            note = t("ui.admin.accounts.own_account")
        elif not account.active:
            note = t("ui.admin.accounts.inactive_hint")
        else:
            note = ""
        self.selection_note.setText(note)
        self.selection_note.setVisible(bool(note) and self.allowed)

    # -- actions ----------------------------------------------------------------------------
    def open_add_dialog(self) -> AddAccountDialog:
        dialog = AddAccountDialog(self.services, self.runner, self)
        self._open(dialog)
        return dialog

    def open_reset_dialog(self) -> ResetPasswordDialog | None:
        """Reset the selected account's password (reactivates it too when it was inactive)."""
        account = self.selected_account()
        if account is None or account.username == self.me:
            return None
        dialog = ResetPasswordDialog(self.services, self.runner, account.username,
                                     account.display_name, reactivate=not account.active,
                                     parent=self)
        self._open(dialog)
        return dialog

    def open_hand_over_dialog(self) -> HandOverDialog | None:
        """Her role's keys for an upgraded account, once she typed her password here."""
        account = self.selected_account()
        if account is None or account.username == self.me:
            return None
        dialog = HandOverDialog(self.services, self.runner, account.username,
                                account.display_name, self)
        self._open(dialog)
        return dialog

    def open_role_dialog(self) -> ChangeRoleDialog | None:
        """Change the selected account's role; keys it gave up are offered for rotation."""
        account = self.selected_account()
        if account is None or account.username == self.me or not account.active:
            return None
        dialog = ChangeRoleDialog(self.services, self.runner, account.username, account.role,
                                  account.display_name, self)
        dialog.saved.connect(lambda username: self.offer_rotation(username, dialog.lost))
        self._open(dialog)
        return dialog

    def offer_rotation(self, username: str, held: frozenset[KeyName]) -> None:
        """She no longer holds these keys, but a copy of the files she kept still opens with
        them: ask to replace them (off the GUI thread, cancellable)."""
        if not held:
            return
        if not self.confirm(t("ui.admin.rotate.title"), t("ui.admin.rotate.question",
                                                          username=username),
                            t("ui.admin.rotate.ok")):
            return
        accounts = self.services.accounts

        def work(progress: Progress) -> None:
            progress.report(0, 0)
            accounts.rotate_after(username, held, lambda rows: progress.report(rows, 0))

        self.message.show_message("")
        self.runner.run_with_progress(self, t("ui.admin.rotate.busy"), t("ui.admin.cancel"),
                                      work, lambda _r: self._rotated(), self._action_failed)

    def _rotated(self) -> None:
        self.message.show_message("")
        self.rotation_done.emit()
        self.refresh()

    def toggle_active(self) -> ResetPasswordDialog | None:
        """Deactivate the selected account after asking; reactivating asks for a new password."""
        account = self.selected_account()
        if account is None or account.username == self.me:
            return None
        if not account.active:
            return self.open_reset_dialog()
        who = account.display_name or account.username
        if self.confirm(t("ui.admin.deactivate.title"),
                        t("ui.admin.deactivate.question", who=who, username=account.username),
                        t("ui.admin.accounts.deactivate")):
            self.set_account_active(account.username, False)
        return None

    def confirm(self, title: str, text: str, yes_text: str) -> bool:
        """Asks the user; tests replace this to answer without a modal box."""
        return ask(self, title, text, yes_text)

    def set_account_active(self, username: str, active: bool) -> None:
        """Switch an account off (or on) without asking; the result shows in the table."""
        accounts = self.services.accounts
        self.message.show_message("")
        def done(held: frozenset[KeyName]) -> None:
            self.refresh()
            self.offer_rotation(username, held)

        self.runner.run(lambda: accounts.set_active(username, active), done, self._action_failed)

    def _action_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.message.show_message(str(exc))
        else:
            show_error(self, exc)

    def _open(self, dialog: AddAccountDialog | ResetPasswordDialog | ChangeRoleDialog
              | HandOverDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.open()

    def _saved(self, username: str) -> None:
        self._pending_select = username
        self.refresh()
