"""The accounts screen: add, refuse invalid input, reset a password, deactivate, reactivate."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import VaultError
from kdrt_desk.i18n import t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.account_dialogs import AddAccountDialog, ResetPasswordDialog
from kdrt_desk.ui.accounts_view import COLUMNS, AccountsView
from kdrt_desk.wiring import Services

if TYPE_CHECKING:  # imported by name only: other test folders have a conftest too
    from support.vault_fixture import VaultFixture


NEW_PASSWORD = "pempek enak di plaju"


@pytest.fixture
def view(admin: Services, runner: TaskRunner, qtbot: QtBot) -> AccountsView:
    view = AccountsView(admin, runner)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitUntil(lambda: len(view.accounts) >= 1)
    return view


def text_at(view: AccountsView, row: int, column: int) -> str:
    return str(view.table.model().index(row, column).data())


def cell(view: AccountsView, username: str, column: str) -> str:
    for row in range(view.table.rowCount()):
        if text_at(view, row, 0) == username:
            return text_at(view, row, COLUMNS.index(column))
    raise AssertionError(f"{username} not in the table")


def usernames(view: AccountsView) -> list[str]:
    return [text_at(view, row, 0) for row in range(view.table.rowCount())]


def fill_add(dialog: AddAccountDialog, username: str, password: str, repeat: str | None = None,
             role: Role = Role.KONSELOR, name: str = "Sari Wulandari") -> None:
    dialog.username.setText(username)
    dialog.display_name.setText(name)
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    dialog.password.setText(password)
    dialog.password_repeat.setText(password if repeat is None else repeat)


def test_add_account_shows_in_table_and_the_new_user_can_log_in(
        view: AccountsView, admin: Services, runner: TaskRunner, vault: VaultFixture,
        qtbot: QtBot) -> None:
    dialog = view.open_add_dialog()
    assert dialog.isVisible()
    assert [dialog.role.itemText(i) for i in range(dialog.role.count())] == [
        t(f"enum.Role.{r}") for r in Role]
    fill_add(dialog, "sari.konselor", NEW_PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: "sari.konselor" in usernames(view))
    assert not dialog.isVisible()
    assert cell(view, "sari.konselor", "display_name") == "Sari Wulandari"
    assert cell(view, "sari.konselor", "role") == "Konselor/pendamping"
    assert cell(view, "sari.konselor", "active") == "Ya"
    assert cell(view, "sari.konselor", "last_login") == "belum pernah"
    assert view.selected_username() == "sari.konselor"

    runner.wait()
    admin.close()
    sari = vault.services("sari.konselor", NEW_PASSWORD)
    try:
        assert sari.vault.actor.role is Role.KONSELOR
    finally:
        sari.close()


def test_invalid_username_and_short_password_show_inline_messages_and_add_nothing(
        view: AccountsView, admin: Services, runner: TaskRunner, qtbot: QtBot) -> None:
    dialog = view.open_add_dialog()
    fill_add(dialog, "Sari Admin", "pendek")
    dialog.submit()
    username_error = dialog.errors.labels["username"]
    password_error = dialog.errors.labels["password"]
    qtbot.waitUntil(lambda: username_error.isVisible())
    assert username_error.text() == t("error.username_format")
    assert "huruf kecil" in username_error.text()
    assert "minimal 10 karakter" in password_error.text()
    assert password_error.isVisible()
    assert dialog.isVisible()
    runner.wait()
    assert [a.username for a in admin.accounts.list_accounts()] == ["admin"]


def test_different_repeat_is_refused_before_the_service_is_asked(
        view: AccountsView, admin: Services, runner: TaskRunner) -> None:
    dialog = view.open_add_dialog()
    fill_add(dialog, "rina.staf", NEW_PASSWORD, repeat=NEW_PASSWORD + "x", role=Role.STAF)
    dialog.submit()
    assert dialog.errors.labels["password_repeat"].text() == (
        "Kedua kata sandi tidak sama. Ketik ulang.")
    assert dialog.isVisible()
    runner.wait()
    assert [a.username for a in admin.accounts.list_accounts()] == ["admin"]


def test_taken_username_is_shown_beside_the_field(view: AccountsView, qtbot: QtBot) -> None:
    dialog = view.open_add_dialog()
    fill_add(dialog, "admin", NEW_PASSWORD, role=Role.ADMIN)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.errors.labels["username"].isVisible())
    assert dialog.errors.labels["username"].text() == t("error.username_taken")


def test_reset_password_sets_must_change_and_the_new_password_works(
        view: AccountsView, admin: Services, runner: TaskRunner, vault: VaultFixture,
        qtbot: QtBot) -> None:
    admin.accounts.add_account("rina.staf", Role.STAF, "kata sandi pertama", "Rina")
    view.refresh()
    qtbot.waitUntil(lambda: "rina.staf" in usernames(view))
    assert view.select_account("rina.staf")
    assert view.reset_button.isEnabled()
    dialog = view.open_reset_dialog()
    assert isinstance(dialog, ResetPasswordDialog)
    assert "Rina (rina.staf)" in dialog.intro.text()
    dialog.password.setText("kata sandi sementara")
    dialog.password_repeat.setText("kata sandi sementara")
    dialog.submit()
    qtbot.waitUntil(lambda: cell(view, "rina.staf", "must_change") == "Ya")
    assert not dialog.isVisible()
    [rina] = [a for a in admin.accounts.list_accounts() if a.username == "rina.staf"]
    assert rina.must_change_password

    runner.wait()
    admin.close()
    with pytest.raises(VaultError):
        vault.open("rina.staf", "kata sandi pertama")
    services = vault.services("rina.staf", "kata sandi sementara")
    try:
        assert services.accounts.must_change_password()
    finally:
        services.close()


def test_reset_refuses_a_short_password_inline(view: AccountsView, admin: Services,
                                               qtbot: QtBot) -> None:
    admin.accounts.add_account("rina.staf", Role.STAF, "kata sandi pertama")
    view.refresh()
    qtbot.waitUntil(lambda: view.select_account("rina.staf"))
    dialog = view.open_reset_dialog()
    assert dialog is not None
    dialog.password.setText("pendek")
    dialog.password_repeat.setText("pendek")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.errors.labels["password"].isVisible())
    assert "minimal 10 karakter" in dialog.errors.labels["password"].text()
    assert dialog.isVisible()


def test_deactivate_asks_first_and_reactivating_needs_a_new_password(
        view: AccountsView, admin: Services, runner: TaskRunner, vault: VaultFixture,
        qtbot: QtBot) -> None:
    admin.accounts.add_account("rina.staf", Role.STAF, "kata sandi pertama")
    view.refresh()
    qtbot.waitUntil(lambda: view.select_account("rina.staf"))
    assert view.active_button.text() == "Nonaktifkan"

    questions: list[str] = []

    def refuse(title: str, text: str, yes_text: str) -> bool:
        questions.append(text)
        return False

    view.confirm = refuse  # type: ignore[method-assign]
    view.toggle_active()
    assert len(questions) == 1 and "rina.staf" in questions[0]
    runner.wait()
    assert cell(view, "rina.staf", "active") == "Ya"

    view.confirm = lambda title, text, yes_text: True  # type: ignore[method-assign]
    view.toggle_active()
    qtbot.waitUntil(lambda: cell(view, "rina.staf", "active") == "Tidak")
    qtbot.waitUntil(lambda: view.active_button.text() == "Aktifkan")

    dialog = view.toggle_active()
    assert isinstance(dialog, ResetPasswordDialog) and dialog.reactivate
    dialog.password.setText("kata sandi kembali")
    dialog.password_repeat.setText("kata sandi kembali")
    dialog.submit()
    qtbot.waitUntil(lambda: cell(view, "rina.staf", "active") == "Ya")
    assert cell(view, "rina.staf", "must_change") == "Ya"
    actions = [e.action for e in admin.audit.entries(action="", text="rina.staf")]
    assert {"account_deactivated", "password_reset", "account_activated"} <= set(actions)

    runner.wait()
    admin.close()
    vault.services("rina.staf", "kata sandi kembali").close()


def test_own_account_cannot_be_reset_or_deactivated_here(view: AccountsView) -> None:
    assert view.select_account("admin")
    assert not view.reset_button.isEnabled()
    assert not view.active_button.isEnabled()
    assert view.open_reset_dialog() is None
    assert view.toggle_active() is None
    assert view.selection_note.isVisible()


def test_a_role_without_user_management_sees_only_a_note(
        admin: Services, vault: VaultFixture, qtbot: QtBot) -> None:
    admin.accounts.add_account("rina.staf", Role.STAF, "kata sandi pertama")
    admin.close()
    staf = vault.services("rina.staf", "kata sandi pertama")
    runner = TaskRunner(on_unhandled=lambda e: pytest.fail(repr(e)))
    try:
        view = AccountsView(staf, runner)
        qtbot.addWidget(view)
        view.show()
        assert not view.add_button.isVisible()
        assert not view.table.isVisible()
        runner.wait()
        assert view.accounts == []
    finally:
        runner.wait()
        staf.close()

