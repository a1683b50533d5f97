"""Her case worker in the screening form, through real widgets and a real vault: chosen and saved
with the screening, shown when it is opened again, changed alone without a reason, a refused
choice shown beside the field (and nothing of the screening saved), read-only for office staff,
and the line on her record's header."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from support.constants import PASSWORD
from support.modal_boxes import ModalBoxes
from support.participant_samples import sample
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.enums import Role
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.participant_form import ParticipantForm
from kdrt_desk.ui.screening_dialog import ScreeningDialog
from kdrt_desk.ui.screening_tab import ScreeningTab
from kdrt_desk.wiring import Services

TODAY = date.today()
SHOT = "/tmp/case_worker.png"


def _staff(admin: Services) -> int:
    admin.accounts.add_account("konselor1", Role.KONSELOR, PASSWORD, "Rina Konselor")
    admin.accounts.add_account("konselor2", Role.KONSELOR, PASSWORD, "Dewi Pendamping")
    admin.accounts.add_account("staf1", Role.STAF, PASSWORD, "Sari Staf")
    data = sample(full_name="Siti Aminah Lestari", registered_on=TODAY - timedelta(days=60))
    return admin.participants.register(data, today=TODAY).id


def _tab(qtbot: QtBot, services: Services, runner: TaskRunner, pid: int) -> ScreeningTab:
    tab = ScreeningTab(services, runner, pid)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.count_label.text() != "", timeout=5000)
    return tab


def _opened(qtbot: QtBot, tab: ScreeningTab, button: str) -> ScreeningDialog:
    before = list(tab.dialogs)
    qtbot.mouseClick(getattr(tab, button), Qt.MouseButton.LeftButton)
    [dialog] = [d for d in tab.dialogs if d not in before]
    assert isinstance(dialog, ScreeningDialog)
    qtbot.waitUntil(lambda: dialog.case_worker.is_loaded and dialog.checklist.loaded
                    and dialog.isEnabled(), timeout=5000)
    return dialog


def _choose(qtbot: QtBot, dialog: ScreeningDialog, username: str) -> None:
    """With the keyboard, as a user would: focus the choice and step down to her."""
    combo = dialog.case_worker
    combo.setFocus()
    combo.setCurrentIndex(0)
    for _ in range(combo.count()):
        if combo.currentData() == username:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{username} is not offered")


def _save(qtbot: QtBot, dialog: ScreeningDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_chosen_saved_with_the_screening_and_shown_again(
        qtbot: QtBot, admin: Services, runner: TaskRunner, modal_boxes: ModalBoxes) -> None:
    pid = _staff(admin)
    tab = _tab(qtbot, admin, runner, pid)
    dialog = _opened(qtbot, tab, "new_button")
    combo = dialog.case_worker
    assert combo.isVisible() and combo.isEnabled()
    assert combo.currentText() == "— belum ditentukan —"
    assert [combo.itemText(i) for i in range(combo.count())] == [  # no office staff
        "— belum ditentukan —", "admin", "Dewi Pendamping (konselor2)",
        "Rina Konselor (konselor1)"]
    _choose(qtbot, dialog, "konselor1")
    assert dialog.has_unsaved_changes()
    dialog.grab().save(SHOT)
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        _save(qtbot, dialog)
    assert admin.case_workers.get(pid) == "konselor1"
    assert tab.table.rowCount() == 1

    again = _opened(qtbot, tab, "open_button")
    assert again.case_worker.currentText() == "Rina Konselor (konselor1)"
    assert not again.has_unsaved_changes()
    _choose(qtbot, again, "konselor2")  # only her case worker: no reason, nothing to open
    _save(qtbot, again)
    assert modal_boxes.shown == []
    assert admin.case_workers.get(pid) == "konselor2"
    assert len(admin.screening.for_participant(pid)) == 1

    third = _opened(qtbot, tab, "open_button")
    assert third.case_worker.currentText() == "Dewi Pendamping (konselor2)"
    _choose(qtbot, third, "")  # cleared
    _save(qtbot, third)
    assert admin.case_workers.get(pid) == ""


def test_a_refused_choice_is_shown_beside_it_and_saves_nothing(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    pid = _staff(admin)
    tab = _tab(qtbot, admin, runner, pid)
    dialog = _opened(qtbot, tab, "new_button")
    admin.accounts.set_active("konselor2", False)  # she left while the form was open
    _choose(qtbot, dialog, "konselor2")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_text("case_worker") != "", timeout=5000)
    assert "sudah tidak aktif" in dialog.error_text("case_worker")
    assert dialog.isVisible()
    assert admin.screening.for_participant(pid) == []  # no screening saved without her
    assert admin.case_workers.get(pid) == ""
    _choose(qtbot, dialog, "konselor1")
    _save(qtbot, dialog)
    assert admin.case_workers.get(pid) == "konselor1"
    assert len(admin.screening.for_participant(pid)) == 1


def test_office_staff_see_her_case_worker_but_cannot_change_it(
        qtbot: QtBot, vault: VaultFixture, admin: Services, runner: TaskRunner) -> None:
    pid = _staff(admin)
    tab = _tab(qtbot, admin, runner, pid)
    dialog = _opened(qtbot, tab, "new_button")
    _choose(qtbot, dialog, "konselor1")
    _save(qtbot, dialog)
    runner.wait()
    admin.close()
    staff = vault.services("staf1", PASSWORD)
    try:
        staff_tab = _tab(qtbot, staff, runner, pid)
        assert not staff_tab.new_button.isVisible()
        staff_tab.table.selectRow(0)
        shown = _opened(qtbot, staff_tab, "open_button")
        assert shown.case_worker.currentText() == "Rina Konselor (konselor1)"
        assert not shown.case_worker.isEnabled()
        assert not shown.has_unsaved_changes()
        runner.wait()
    finally:
        staff.close()


def test_her_record_shows_her_case_worker_and_follows_a_change(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    pid = _staff(admin)
    admin.case_workers.assign(pid, "konselor1")
    form = ParticipantForm(admin, runner, pid)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: form.isEnabled() and form.case_worker_label.isVisible(),
                    timeout=5000)
    assert form.case_worker_label.text() == "Konselor pendamping: Rina Konselor (konselor1)"
    tab = next(w for w in form.extra_tabs if isinstance(w, ScreeningTab))
    form.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.count_label.text() != "", timeout=5000)
    dialog = _opened(qtbot, tab, "new_button")
    _choose(qtbot, dialog, "")
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: form.case_worker_label.text()
                    == "Konselor pendamping: — belum ditentukan —", timeout=5000)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=5000)
    form.grab().save("/tmp/case_worker_record.png")
    runner.wait()
    form.discard()
