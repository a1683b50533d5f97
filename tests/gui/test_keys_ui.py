"""What a user does with the new key screens, pressing the real buttons: a role change with key
rotation on the accounts screen, a withdrawal recorded by staff and confirmed by a konselor, the
previous key file offered on the login dialog, and the upgrade of an old vault."""

from __future__ import annotations

import base64
import json
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot
from support.constants import FAST_KDF, PASSWORD
from support.fake_os_keyring import MemoryKeyring
from support.participant_samples import sample

from kdrt_desk.domain.enums import ConsentScope, Role
from kdrt_desk.domain.participant import Consent
from kdrt_desk.i18n import t
from kdrt_desk.repositories.names import ANONYMISED_MARKER, shown_name
from kdrt_desk.security.crypto import DEFAULT_KDF
from kdrt_desk.security.tiers import KeyName
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.accounts_view import COLUMNS, AccountsView
from kdrt_desk.ui.consent_panel import ConsentPanel
from kdrt_desk.ui.login_dialog import LoginDialog
from kdrt_desk.wiring import Services

if TYPE_CHECKING:
    from support.modal_boxes import ModalBoxes
    from support.vault_fixture import VaultFixture

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "vault_v1"
TODAY = date.today()


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_row(qtbot: QtBot, table: QTableWidget, text: str) -> None:
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.text() == text:
            rect = table.visualItemRect(item)
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
    raise AssertionError(f"{text} not in the table")


def key_status(view: AccountsView, username: str) -> str:
    for row in range(view.table.rowCount()):
        if view.table.item(row, 0).text() == username:
            return view.table.item(row, COLUMNS.index("keys")).text()
    raise AssertionError(username)


def test_a_role_change_then_the_rotation_it_offers(qtbot: QtBot, vault: VaultFixture,
                                                   admin: Services, runner: TaskRunner) -> None:
    admin.accounts.add_account("wati.konselor", Role.KONSELOR, PASSWORD, "Wati")
    view = AccountsView(admin, runner)
    qtbot.addWidget(view)
    view.resize(1100, 500)
    view.show()
    qtbot.waitUntil(lambda: len(view.accounts) == 2, timeout=5000)
    assert key_status(view, "wati.konselor") == t("ui.admin.keys.complete")
    asked: list[str] = []
    view.confirm = lambda title, text, yes: asked.append(text) or True  # type: ignore[method-assign]

    click_row(qtbot, view.table, "wati.konselor")
    click(qtbot, view.role_button)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.role.setCurrentIndex(dialog.role.findData(Role.STAF))
    with qtbot.waitSignal(view.rotation_done, timeout=20000):
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert asked and "wati.konselor" in asked[0]
    qtbot.waitUntil(lambda: view.accounts and any(
        a.username == "wati.konselor" and a.role == Role.STAF for a in view.accounts),
        timeout=5000)
    assert [e.target for e in admin.audit.entries(action="role_changed")] == ["wati.konselor"]
    assert [e.target for e in admin.audit.entries(action="keys_rotated")] == ["wati.konselor"]
    runner.wait()
    admin.close()
    staff = vault.services("wati.konselor", PASSWORD)
    try:
        assert staff.vault.actor.role == Role.STAF
        assert not staff.vault.holder.holds(KeyName.RESTRICTED)
    finally:
        staff.close()


def test_staff_record_a_withdrawal_and_a_konselor_confirms_it(
        qtbot: QtBot, vault: VaultFixture, admin: Services, runner: TaskRunner) -> None:
    admin.accounts.add_account("staf1", Role.STAF, PASSWORD)
    admin.accounts.add_account("konselor1", Role.KONSELOR, PASSWORD)
    registered = TODAY - timedelta(days=30)
    pid = admin.participants.register(sample(
        nik="", registered_on=registered,
        consent=Consent(registered, {ConsentScope.DATA_USE, ConsentScope.CONTACT})),
        today=TODAY).id
    code = admin.participants.get(pid).code
    admin.close()

    staff = vault.services("staf1", PASSWORD)
    panel = ConsentPanel(staff, runner, pid)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.state is not None, timeout=5000)
    click(qtbot, panel.withdraw_button)
    dialog = panel.dialog
    assert dialog is not None
    assert dialog.ok_button.text() == t("ui.care.withdraw.ok_request")
    qtbot.keyClicks(dialog.typed_code, code)
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        click(qtbot, dialog.ok_button)
    assert panel.done_label.text() == t("ui.care.withdraw.requested")
    assert not panel.request_note.isHidden() and "staf1" in panel.request_note.text()
    assert staff.participants.get(pid).full_name == "Siti Aminah Lestari"  # not erased yet
    assert panel.confirm_button.isHidden()  # staff may not confirm her own request
    runner.wait()
    staff.close()

    konselor = vault.services("konselor1", PASSWORD)
    panel = ConsentPanel(konselor, runner, pid)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.state is not None, timeout=5000)
    click(qtbot, panel.confirm_button)
    dialog = panel.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.typed_code, code)
    with qtbot.waitSignal(panel.anonymised, timeout=5000):
        click(qtbot, dialog.ok_button)
    assert konselor.participants.get(pid).full_name == shown_name(ANONYMISED_MARKER)
    runner.wait()
    konselor.close()
    check = vault.services()
    try:
        anonymised = check.audit.entries(action="participant_anonymised")
        assert len(anonymised) == 1 and anonymised[0].actor == "konselor1"
        assert anonymised[0].details["requested_by"] == "staf1"
    finally:
        check.close()


def test_a_konselor_takes_back_a_withdrawal_recorded_by_mistake_with_a_reason(
        qtbot: QtBot, vault: VaultFixture, admin: Services, runner: TaskRunner) -> None:
    admin.accounts.add_account("staf1", Role.STAF, PASSWORD)
    admin.accounts.add_account("konselor1", Role.KONSELOR, PASSWORD)
    registered = TODAY - timedelta(days=30)
    pid = admin.participants.register(sample(
        nik="", registered_on=registered,
        consent=Consent(registered, {ConsentScope.DATA_USE, ConsentScope.CONTACT})),
        today=TODAY).id
    admin.close()
    staff = vault.services("staf1", PASSWORD)
    staff.consent.withdraw_data_use(pid, TODAY, confirm=True, today=TODAY)
    staff.close()

    konselor = vault.services("konselor1", PASSWORD)
    panel = ConsentPanel(konselor, runner, pid)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.state is not None, timeout=5000)
    click(qtbot, panel.reject_button)
    ask = panel.reason_dialog
    assert ask is not None and ask.isVisible()
    ok = ask.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    click(qtbot, ok)  # empty: refused, with what to write
    assert ask.isVisible() and ask.error.text() == t("error.withdrawal_reason_required")
    qtbot.keyClicks(ask.reason, "Dicatat pada peserta yang salah")
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        click(qtbot, ok)
    assert panel.confirm_button.isHidden() and panel.withdraw_button.isEnabled()
    assert not panel.request_note.isHidden()
    assert panel.request_note.text() == t("ui.care.withdraw.rejected_note",
                                          reason="Dicatat pada peserta yang salah")
    assert panel.request_note.textFormat() == Qt.TextFormat.PlainText
    assert konselor.consent.may_contact(pid)  # her consent counts again
    runner.wait()
    konselor.close()


def test_the_login_offers_the_previous_key_file_when_the_current_one_is_damaged(
        qtbot: QtBot, vault: VaultFixture, admin: Services, runner: TaskRunner) -> None:
    admin.accounts.add_account("staf1", Role.STAF, PASSWORD)  # a second generation: .prev
    admin.close()
    path = vault.data_dir / "kdrt.keys"
    data = json.loads(path.read_text())
    staff_slot = data["slots"][-1]  # the newest slot: staf1's
    wrapped = bytearray(base64.b64decode(staff_slot["wrapped_seed"]))
    wrapped[0] ^= 0xFF
    staff_slot["wrapped_seed"] = base64.b64encode(bytes(wrapped)).decode()
    path.write_text(json.dumps(data))

    dialog = LoginDialog(vault.data_dir, runner, FAST_KDF)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "staf1")
    qtbot.keyClicks(dialog.password, PASSWORD)
    click(qtbot, dialog.login_button)
    qtbot.waitUntil(lambda: dialog.previous_button.isVisible(), timeout=5000)
    assert "kdrt.keys.prev" in dialog.error_label.text()
    click(qtbot, dialog.previous_button)
    qtbot.waitUntil(lambda: dialog.note_label.isVisible(), timeout=5000)
    assert dialog.note_label.text() == t("ui.access.previous_keys_restored")
    assert list(vault.data_dir.glob("kdrt.keys.damaged-*"))  # the damaged one is kept
    # the previous generation is from before staf1 was added (the message said the last key
    # change may need making again): the admin logs in and can add her again
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, PASSWORD)
    click(qtbot, dialog.login_button)
    qtbot.waitUntil(lambda: dialog.services is not None, timeout=5000)
    runner.wait()
    dialog.services.close()


def test_an_admin_upgrades_an_old_vault_from_the_login(
        qtbot: QtBot, tmp_path: Path, runner: TaskRunner, _test_keyring: MemoryKeyring,
        modal_boxes: ModalBoxes) -> None:
    data_dir = tmp_path / "vault"
    data_dir.mkdir()
    for name in ("kdrt.db", "kdrt.keys"):
        shutil.copy2(FIXTURE / name, data_dir / name)
    for key, value in json.loads((FIXTURE / "keyring.json").read_text()).items():
        service, user = key.split("/", 1)
        _test_keyring.entries[(service, user)] = value
    dialog = LoginDialog(data_dir, runner, DEFAULT_KDF)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "versi-satu-2026")
    click(qtbot, dialog.login_button)
    qtbot.waitUntil(lambda: dialog.upgrade_dialog is not None
                    and dialog.upgrade_dialog.isVisible(), timeout=10000)
    upgrade = dialog.upgrade_dialog
    assert upgrade is not None
    sheet = tmp_path / "lembar-baru.pdf"
    upgrade.upgrade_to(sheet)  # what the button does once its file dialog returns
    assert upgrade.busy
    qtbot.keyClick(upgrade, Qt.Key.Key_Escape)  # while the vault is sealed: nothing closes
    assert upgrade.isVisible() or upgrade.done_ok
    qtbot.waitUntil(lambda: dialog.services is not None, timeout=30000)
    assert sheet.read_bytes().startswith(b"%PDF")
    services = dialog.services
    assert services is not None and not services.vault.upgrade_required
    assert any(r.nik for r in services.participants.list_rows())
    runner.wait()
    services.close()


def test_an_upgraded_account_gets_its_keys_when_its_owner_types_her_password(
        qtbot: QtBot, tmp_path: Path, runner: TaskRunner, _test_keyring: MemoryKeyring) -> None:
    from kdrt_desk.services.vault_access import open_vault
    from kdrt_desk.services.vault_upgrade import upgrade_version_1
    from kdrt_desk.wiring import build_services

    data_dir = tmp_path / "vault"
    data_dir.mkdir()
    for name in ("kdrt.db", "kdrt.keys"):
        shutil.copy2(FIXTURE / name, data_dir / name)
    for key, value in json.loads((FIXTURE / "keyring.json").read_text()).items():
        service, user = key.split("/", 1)
        _test_keyring.entries[(service, user)] = value
    old_password = "versi-satu-2026"
    upgrade_version_1(open_vault(data_dir, "admin", old_password),
                      lambda code: (tmp_path / "sheet.txt").write_text(code)).close()
    admin = build_services(open_vault(data_dir, "admin", old_password))
    view = AccountsView(admin, runner)
    qtbot.addWidget(view)
    view.resize(1100, 500)
    view.show()
    qtbot.waitUntil(lambda: len(view.accounts) == 4, timeout=5000)
    assert key_status(view, "konselor") == t("ui.admin.keys.awaiting_login")
    click_row(qtbot, view.table, "konselor")
    click(qtbot, view.hand_over_button)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.password, "bukan-kata-sandinya")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: not dialog.busy and dialog.summary.text() != "", timeout=5000)
    assert dialog.isVisible()  # a wrong password hands over nothing
    qtbot.keyClicks(dialog.password, old_password)
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: key_status(view, "konselor") == t("ui.admin.keys.complete"),
                    timeout=5000)
    handed = admin.audit.entries(action="keys_handed_over")
    assert [(e.target, e.details["confirmed_with_password"]) for e in handed] == [
        ("konselor", True)]
    runner.wait()
    admin.close()
    konselor = open_vault(data_dir, "konselor", old_password)
    assert konselor.holder.holds(KeyName.RESTRICTED) and not konselor.actor.awaiting_keys
    konselor.close()
