"""The psychosocial assessments on her record, pressed as a case worker does: "Asesmen baru…",
a key per answer (the next item follows), "-" to leave one out, Backspace to go back, save; the
service's score shows in the list; an alert item raises an alert shown on her record, closed
through "Catat tindakan…"."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QTableWidget
from pytestqt.qtbot import QtBot
from support.programme import build

from kdrt_desk.domain.instruments import WHO5, Item
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.alert_dialog import AlertActionDialog
from kdrt_desk.ui.assessment_dialog import AssessmentDialog
from kdrt_desk.ui.assessments_tab import AssessmentsTab
from kdrt_desk.wiring import Services


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return "" if item is None else item.text()


def loaded(qtbot: QtBot, services: Services, runner: TaskRunner, pid: int) -> AssessmentsTab:
    tab = AssessmentsTab(services, runner, pid)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.loaded, timeout=5000)
    assert tab.new_button.isEnabled()
    return tab


def open_dialog(qtbot: QtBot, tab: AssessmentsTab) -> AssessmentDialog:
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, AssessmentDialog)
    qtbot.waitExposed(dialog)
    return dialog


def ok_button(dialog: AssessmentDialog) -> object:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_keys_answer_item_after_item_and_the_service_scores_it(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    pid = build(admin, members=1).participants[0]
    tab = loaded(qtbot, admin, runner, pid)
    dialog = open_dialog(qtbot, tab)
    assert dialog.chosen().code == "WHO5"
    assert dialog.working.isVisible()  # the Indonesian wording is a working translation
    pad = dialog.pad
    assert pad.item_text.text() == WHO5.items[0].text_id
    qtbot.keyClick(pad, Qt.Key.Key_4)
    assert pad.index == 1 and pad.item_text.text() == WHO5.items[1].text_id
    qtbot.keyClick(pad, Qt.Key.Key_9)  # not on the 0-5 scale: nothing happens
    assert pad.index == 1
    qtbot.keyClick(pad, Qt.Key.Key_Minus)  # left out
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)  # back to item 2
    assert pad.index == 1
    qtbot.keyClick(pad, Qt.Key.Key_3)
    qtbot.keyClick(pad, Qt.Key.Key_3)
    assert not ok_button(dialog).isEnabled()  # type: ignore[attr-defined]
    qtbot.mouseClick(pad.group.button(2), Qt.MouseButton.LeftButton)  # item 4 by mouse
    qtbot.keyClick(pad, Qt.Key.Key_5)
    assert pad.answers == [4, 3, 3, 2, 5] and pad.complete
    assert "4 3 3 2 5" in pad.summary.text()
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=5000)
    assert cell(tab.table, 0, 3) == "68 %"  # (4+3+3+2+5) x 4, computed by the service
    assert cell(tab.table, 0, 2) == "Awal (baseline)"
    stored = admin.assessments.for_participant(pid)
    assert stored[0].answers == (4, 3, 3, 2, 5)


def test_a_left_out_item_shows_as_missing_and_refused_input_keeps_the_answers(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    pid = build(admin, members=1).participants[0]
    tab = loaded(qtbot, admin, runner, pid)
    dialog = open_dialog(qtbot, tab)
    dialog.day.setDate(date(2026, 11, 1))  # before she registered (20 November)
    for key in (Qt.Key.Key_1, Qt.Key.Key_Minus, Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_1):
        qtbot.keyClick(dialog.pad, key)
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: dialog.error_text("assessed_on") != "", timeout=5000)
    assert "sebelum ia terdaftar" in dialog.error_text("assessed_on")
    assert dialog.pad.answers == [1, None, 1, 1, 1]  # nothing typed is lost
    dialog.day.setDate(date(2026, 11, 25))
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=5000)
    assert cell(tab.table, 0, 3).startswith("—")  # WHO-5 allows no item left out
    assert cell(tab.table, 0, 5) == "1 kosong"


def test_an_alert_shows_on_her_record_and_closes_with_what_was_done(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    pid = build(admin, members=1).participants[0]
    checker = replace(WHO5, code="CEK-1", name_id="Cek singkat", name_en="Check-in",
                      standard=False, items=(*WHO5.items[:4], Item(
                          "I have thought of hurting myself", "Saya berpikir menyakiti diri",
                          alert_at=2)))
    admin.instruments.save_custom(checker)
    admin.instruments.set_in_use(["CEK-1", "WHO5"])
    tab = loaded(qtbot, admin, runner, pid)
    dialog = open_dialog(qtbot, tab)
    assert dialog.chosen().code == "CEK-1"
    for key in (Qt.Key.Key_3, Qt.Key.Key_3, Qt.Key.Key_3, Qt.Key.Key_3, Qt.Key.Key_4):
        qtbot.keyClick(dialog.pad, key)
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: tab.alert_list.count() == 1, timeout=5000)
    assert "TERBUKA" in tab.alert_list.item(0).text()
    tab.alert_list.setCurrentRow(0)
    assert tab.handle_button.isEnabled()
    qtbot.mouseClick(tab.handle_button, Qt.MouseButton.LeftButton)
    action = tab.dialog
    assert isinstance(action, AlertActionDialog)
    qtbot.keyClicks(action.action, "Ditelepon, dijadwalkan bertemu psikolog.")
    qtbot.mouseClick(action.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ditangani oleh admin" in (
        tab.alert_list.item(0).text() if tab.alert_list.count() else ""), timeout=5000)
    assert admin.alerts.open_for_me() == []
