"""Skill rubrics on screen with a real vault: the admin defines one from the module dialog
(refused first for a nameless criterion, then saved), and the facilitator's assessment in the
training tab asks one level per criterion and shows passed as worked out from the rubric.

Both dialogs are grabbed to /tmp/skill_rubric_dialog.png and /tmp/skill_assessment_dialog.png.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot
from support.programme import build, session_on

from kdrt_desk.domain.skills import DEFAULT_LEVELS, SkillCriterion, SkillRubric
from kdrt_desk.domain.training import AttendanceMark
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.catalogue_view import CatalogueView
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.module_dialog import ModuleDialog
from kdrt_desk.ui.skill_rubric_dialog import SkillRubricDialog
from kdrt_desk.ui.training_tab import TrainingTab
from kdrt_desk.wiring import Services

TODAY = date(2026, 11, 27)


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def _ok(dialog: FormDialog) -> QPushButton:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


def _module_dialog(qtbot: QtBot, view: CatalogueView, code: str) -> ModuleDialog:
    """Select ``code`` in the module list and press Enter: its dialog."""
    page = view.modules
    qtbot.waitUntil(lambda: page.count_label.text() != "", timeout=5000)
    codes = [_text(page.table, r, 0) for r in range(page.table.rowCount())]
    page.table.selectRow(codes.index(code))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, ModuleDialog) and dialog.isVisible()
    return dialog


def test_the_admin_defines_a_rubric_from_the_module_dialog(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    view = CatalogueView(admin, runner)
    qtbot.addWidget(view)
    social = _module_dialog(qtbot, view, "SOS-01")
    assert not social.rubric_button.isEnabled()
    assert social.rubric_hint.text() == "Rubrik keterampilan hanya untuk modul jalur ekonomi."
    social.reject()
    dialog = _module_dialog(qtbot, view, "EKO-02")
    assert dialog.rubric_button.isEnabled() and dialog.rubric_button.text() == (
        "Rubrik keterampilan…")
    dialog.grab().save("/tmp/skill_module_dialog.png")
    qtbot.mouseClick(dialog.rubric_button, Qt.MouseButton.LeftButton)
    rubric_dialog = dialog.rubric_dialog
    assert isinstance(rubric_dialog, SkillRubricDialog)
    qtbot.waitUntil(lambda: _ok(rubric_dialog).isEnabled(), timeout=5000)
    assert [e.text() for e in rubric_dialog.level_edits] == list(DEFAULT_LEVELS)
    assert rubric_dialog.pass_level.currentText() == "3 – Cakap"
    assert len(rubric_dialog.criterion_edits) == 1  # a new rubric starts with one criterion
    qtbot.keyClicks(rubric_dialog.criterion_edits[0], "Kebersihan")
    for _ in range(3):
        qtbot.mouseClick(rubric_dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(rubric_dialog.criterion_edits[1], "Resep & takaran")
    qtbot.keyClicks(rubric_dialog.criterion_edits[3], "Hitung biaya")
    # the third is left empty: the service names it, the dialog stays open with the text
    qtbot.mouseClick(_ok(rubric_dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rubric_dialog.error_text("criterion.2.name") != "", timeout=5000)
    assert rubric_dialog.error_text("criterion.2.name") == "Kriteria 3 belum diberi nama."
    assert rubric_dialog.isVisible() and admin.catalogue.skill_rubric(
        dialog.module.id) is None
    qtbot.mouseClick(rubric_dialog.remove_buttons[2], Qt.MouseButton.LeftButton)
    assert [e.text() for e in rubric_dialog.criterion_edits] == [
        "Kebersihan", "Resep & takaran", "Hitung biaya"]
    rubric_dialog.level_edits[3].selectAll()
    qtbot.keyClicks(rubric_dialog.level_edits[3], "Mahir")
    qtbot.keyClicks(rubric_dialog.pass_level, "4")  # keyboard search: "4 – Mahir"
    assert rubric_dialog.pass_level.currentText() == "4 – Mahir"
    qtbot.wait(50)  # the layout settles after the removed row
    rubric_dialog.grab().save("/tmp/skill_rubric_dialog.png")
    with qtbot.waitSignal(rubric_dialog.saved, timeout=5000):
        qtbot.mouseClick(_ok(rubric_dialog), Qt.MouseButton.LeftButton)
    stored = admin.catalogue.skill_rubric(dialog.module.id)
    assert stored is not None and stored.pass_level == 4
    assert [c.name for c in stored.criteria] == ["Kebersihan", "Resep & takaran",
                                                 "Hitung biaya"]
    assert stored.criteria[0].level_labels == ("Pemula", "Berkembang", "Cakap", "Mahir")
    # opened again it shows the stored rubric, and can remove it
    qtbot.mouseClick(dialog.rubric_button, Qt.MouseButton.LeftButton)
    again = dialog.rubric_dialog
    assert again is not None and again is not rubric_dialog
    qtbot.waitUntil(lambda: again.remove_rubric.isEnabled(), timeout=5000)
    assert [e.text() for e in again.criterion_edits][0] == "Kebersihan"
    assert again.pass_level.currentText() == "4 – Mahir"
    with qtbot.waitSignal(again.saved, timeout=5000):
        qtbot.mouseClick(again.remove_rubric, Qt.MouseButton.LeftButton)
    assert admin.catalogue.skill_rubric(dialog.module.id) is None


def test_the_assessment_asks_a_level_per_criterion_and_works_out_passed(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    programme = build(admin, members=1)
    pid = programme.participants[0]
    group = admin.groups.get(programme.group_id)
    cooking = programme.modules["EKO-02"]
    admin.groups.save(replace(group, module_ids=[*group.module_ids, cooking]))
    made = admin.sessions.create(session_on(programme, date(2026, 11, 25), module="EKO-02",
                                            facilitator="trainer",
                                            venue_id=programme.kitchen_id))
    admin.attendance.mark(made.id, pid, AttendanceMark.PRESENT, today=TODAY)
    admin.catalogue.set_skill_rubric(cooking, SkillRubric(tuple(
        SkillCriterion(n, DEFAULT_LEVELS) for n in ("Kebersihan", "Resep & takaran",
                                                    "Hitung biaya")), 3))
    tab = TrainingTab(admin, runner, pid)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.show()
    row = next(r for r in range(tab.table.rowCount())
               if _text(tab.table, r, 0).startswith("EKO-02"))
    tab.table.selectRow(row)
    qtbot.mouseClick(tab.assess_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: len(dialog.level_combos) == 3 and _ok(dialog).isEnabled(),
                    timeout=5000)
    assert not dialog.passed.isVisibleTo(dialog)  # passed is worked out, never typed
    assert dialog.level_combos[0].itemText(3) == "4 – Mandiri"
    cell = dialog.errors.labels["levels.1"].parentWidget()
    assert cell is not None
    name = dialog.form.labelForField(cell)
    assert isinstance(name, QLabel)  # the admin's words, shown as typed ("&" kept)
    assert name.textFormat() == Qt.TextFormat.PlainText and name.text() == "Resep && takaran *"
    assert dialog.preview.text() == "Hasil: pilih level setiap kriteria"
    qtbot.keyClicks(dialog.level_combos[0], "4")
    qtbot.keyClicks(dialog.level_combos[1], "2")
    assert dialog.preview.text() == "Hasil: pilih level setiap kriteria"
    # the third is not chosen: the service's message stands beside it
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_text("levels.2") != "", timeout=5000)
    assert dialog.error_text("levels.2") == (
        "Pilih level yang dicapai pada kriteria \"Hitung biaya\".")
    qtbot.keyClicks(dialog.level_combos[2], "3")
    assert dialog.error_text("levels.2") == ""  # chosen: the message goes
    assert dialog.preview.text() == "Hasil: Belum lulus"  # "Resep & takaran" is at 2
    qtbot.keyClick(dialog.level_combos[1], Qt.Key.Key_Down)  # 2 -> 3
    assert dialog.level_combos[1].currentText() == "3 – Cakap"
    assert dialog.preview.text() == "Hasil: Lulus"
    dialog.grab().save("/tmp/skill_assessment_dialog.png")
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert [_text(tab.table, row, c) for c in (4, 5)] == ["Lulus", "✓ Memenuhi syarat"]
    assert admin.attendance.assessment_levels(pid, cooking) == (4, 3, 3)
    # opened again, the levels recorded are shown
    tab.table.selectRow(row)
    qtbot.mouseClick(tab.assess_button, Qt.MouseButton.LeftButton)
    reopened = tab.dialog
    assert reopened is not None and reopened is not dialog
    qtbot.waitUntil(lambda: len(reopened.level_combos) == 3, timeout=5000)
    assert [c.currentText() for c in reopened.level_combos] == [
        "4 – Mandiri", "3 – Cakap", "3 – Cakap"]
    reopened.reject()
