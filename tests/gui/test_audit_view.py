"""The audit log screen: entries with readable labels, filters, and the chain check."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from kdrt_desk.domain.enums import Role
from kdrt_desk.models import AuditEntry
from kdrt_desk.services.audit_log import ChainCheck
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.audit_model import COLUMNS, action_label, details_text
from kdrt_desk.ui.audit_view import AuditView
from kdrt_desk.ui.form_widgets import to_qdate
from kdrt_desk.wiring import Services


@pytest.fixture
def view(admin: Services, runner: TaskRunner, qtbot: QtBot) -> AuditView:
    view = AuditView(admin, runner)
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    return view


def shown(view: AuditView, column: str) -> list[str]:
    col = COLUMNS.index(column)
    return [view.model.index(row, col).data() for row in range(view.model.rowCount())]


def test_lists_the_login_entry_with_a_readable_label(view: AuditView) -> None:
    actions = [r.action for r in view.model.rows]
    assert "login" in actions
    row = actions.index("login")
    assert shown(view, "action")[row] == "Masuk"
    assert shown(view, "actor")[row] == "admin"
    assert "Sistem (KDRT Desk)" in shown(view, "actor")  # vault_created by the system
    assert "Brankas data dibuat" in shown(view, "action")
    assert view.count_label.text() == f"{len(actions)} catatan"


def test_filters_by_action(view: AuditView, admin: Services, qtbot: QtBot) -> None:
    admin.accounts.add_account("rina.staf", Role.STAF, "kata sandi pertama")
    view.refresh()
    qtbot.waitUntil(lambda: view.action.findData("account_created") >= 0)
    assert view.action.itemText(view.action.findData("account_created")) == "Akun dibuat"
    assert view.set_action_filter("account_created")
    qtbot.waitUntil(lambda: {r.action for r in view.model.rows} == {"account_created"})
    assert sorted(r.target for r in view.model.rows) == ["admin", "rina.staf"]
    assert "peran: Staf administrasi" in shown(view, "details")

    view.reset_filters()
    qtbot.waitUntil(lambda: len({r.action for r in view.model.rows}) > 1)


def test_filters_by_user_text_and_dates(view: AuditView, admin: Services, qtbot: QtBot) -> None:
    admin.accounts.add_account("rina.staf", Role.STAF, "kata sandi pertama")
    view.refresh()
    qtbot.waitUntil(lambda: view.user.findData("admin") >= 0)
    view.user.setCurrentIndex(view.user.findData("system"))
    qtbot.waitUntil(lambda: {r.actor for r in view.model.rows} == {"system"})
    view.user.setCurrentIndex(0)
    qtbot.waitUntil(lambda: {r.actor for r in view.model.rows} == {"system", "admin"})

    view.search.setText("RINA")
    qtbot.waitUntil(lambda: [r.target for r in view.model.rows] == ["rina.staf"])
    view.search.clear()

    view.from_date.setDate(to_qdate(date.today() + timedelta(days=1)))
    view.from_check.setChecked(True)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    view.from_date.setDate(to_qdate(date.today() - timedelta(days=1)))
    view.until_date.setDate(to_qdate(date.today()))
    view.until_check.setChecked(True)
    qtbot.waitUntil(lambda: view.model.rowCount() == len(admin.audit.entries()))


def test_verify_reports_an_intact_chain(view: AuditView, admin: Services, qtbot: QtBot) -> None:
    with qtbot.waitSignal(view.chain_checked) as signal:
        view.check_chain()
    check: ChainCheck = signal.args[0]
    assert check.ok
    assert view.chain_result.isVisible()
    assert view.chain_result.text().startswith("✔ Rantai utuh:")
    assert f"{check.entries} catatan diperiksa" in view.chain_result.text()
    assert check.entries == len(admin.audit.entries())


def test_verify_names_the_first_altered_entry(view: AuditView, admin: Services,
                                              qtbot: QtBot) -> None:
    with admin.vault.db.transaction() as session:
        # Someone edits the file outside the app: first she has to drop the append-only guard.
        session.execute(text("DROP TRIGGER audit_entry_append_only_update"))
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "account_created"))
        assert entry is not None
        entry.target = "someone.else"
        altered = entry.id
    with qtbot.waitSignal(view.chain_checked):
        view.check_chain()
    assert view.chain_result.text().startswith(f"✖ Rantai rusak pada catatan #{altered}:")


def test_details_and_action_codes_read_as_words() -> None:
    assert details_text({"fields": ["full_name", "phone"]}) == "isian: nama lengkap, telepon"
    assert details_text({"reason": "inactive"}) == "alasan: akun tidak aktif"
    assert details_text({"case": True}) == "dengan latar belakang kasus: Ya"
    assert details_text({"something_new": 3}) == "something_new: 3"
    assert details_text({}) == ""
    codes = ("login", "login_failed", "account_locked", "participant_created",
             "participant_updated", "restricted_opened", "restricted_refused",
             "participants_exported", "password_reset", "account_created", "settings_changed",
             "vault_created", "recovery_code_used", "participants_imported",
             "account_deactivated", "account_activated", "password_changed", "login_refused",
             "recovery_failed", "logout", "locked", "unlocked", "unlock_failed")
    for code in codes:
        assert action_label(code) != code, code
    assert action_label("brand_new_action") == "brand_new_action"
