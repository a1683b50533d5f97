"""Every saving dialog is a FormDialog: locked while saving, and safe to close mid-save."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from kdrt_desk.domain.enums import PartnerKind
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.account_dialogs import AddAccountDialog
from kdrt_desk.ui.change_password_dialog import ChangePasswordDialog
from kdrt_desk.ui.consent_panel import SignedDateDialog, WithdrawConsentDialog
from kdrt_desk.ui.criteria_dialog import CriteriaDialog
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.partners_dialog import PartnersDialog
from kdrt_desk.ui.screening_dialog import ScreeningDialog
from kdrt_desk.ui.settings_dialog import SettingsDialog
from kdrt_desk.wiring import Services


def test_the_save_dialogs_are_form_dialogs() -> None:
    for dialog in (AddAccountDialog, ChangePasswordDialog, SignedDateDialog,
                   WithdrawConsentDialog, CriteriaDialog, PartnersDialog, ScreeningDialog,
                   SettingsDialog):
        assert issubclass(dialog, FormDialog), dialog.__name__


def test_a_dialog_closed_and_deleted_while_saving_ignores_the_late_answer(
        admin: Services, runner: TaskRunner, qtbot: QtBot) -> None:
    gate = threading.Event()
    runner.run(lambda: gate.wait(5))  # the worker is busy: the save waits behind this
    dialog = AddAccountDialog(admin, runner)
    dialog.show()
    dialog.username.setText("sari.staf")
    dialog.display_name.setText("Sari")
    dialog.password.setText("kopi susu di pasar 16")
    dialog.password_repeat.setText("kopi susu di pasar 16")
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.busy and not dialog.isEnabled()  # locked: no second save
    dialog.close()
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(dialog)
    gate.set()
    assert runner.wait()
    qtbot.wait(100)  # the answer arrives for a dialog that is gone: nothing happens
    assert saved == []
    assert any(a.username == "sari.staf" for a in admin.accounts.list_accounts())


def test_the_partners_list_stays_open_and_locks_only_its_form_while_adding(
        admin: Services, runner: TaskRunner, qtbot: QtBot) -> None:
    dialog = PartnersDialog(admin, runner)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.show()
    before = dialog.table.rowCount()
    dialog.name.setText("Yayasan Uji Palembang")
    dialog.kind.setCurrentIndex(dialog.kind.findData(PartnerKind.NGO_LEGAL_AID))
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        assert dialog.busy and not dialog.add_box.isEnabled() and dialog.table.isEnabled()
    assert dialog.isVisible() and dialog.add_box.isEnabled() and not dialog.busy
    assert dialog.table.rowCount() == before + 1
    assert dialog.name.text() == ""
