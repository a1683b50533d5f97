"""What a new user hit on the intake form, pressed as she would: typed past dates, safety
answers that start unset, and a facilitator's read-only record."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from support.programme import build
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.enums import LivingSituation, SafeToCall
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_widgets import set_combo
from kdrt_desk.ui.participant_form import ParticipantForm
from kdrt_desk.wiring import Services


def new_form(qtbot: QtBot, services: Services, runner: TaskRunner) -> ParticipantForm:
    form = ParticipantForm(services, runner)
    qtbot.addWidget(form)
    form.show()
    return form


def press_save(qtbot: QtBot, form: ParticipantForm) -> None:
    button = form.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_birth_date_is_typed_day_first_and_an_impossible_one_is_named(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    form = new_form(qtbot, admin, runner)
    field = form.identity.birth_date
    assert field.text() == "" and field.value() is None  # starts empty, not at today
    qtbot.keyClicks(field, "15/03/1990")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.value() == date(1990, 3, 15)
    field.clear()
    qtbot.keyClicks(field, "31-02-1990")
    press_save(qtbot, form)
    qtbot.waitUntil(lambda: form.errors.labels["birth_date"].isVisible(), timeout=5000)
    assert "31-02-1990" in form.errors.labels["birth_date"].text()
    assert "kalender" in form.errors.labels["birth_date"].text()
    runner.wait()
    assert admin.participants.count() == 0


def test_safety_answers_start_unset_and_living_with_him_suggests_caution(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    form = new_form(qtbot, admin, runner)
    contact = form.contact
    assert contact.safe_to_call.currentData() is None
    assert contact.living_situation.currentData() is None
    press_save(qtbot, form)
    qtbot.waitUntil(lambda: form.errors.labels["safe_to_call"].isVisible(), timeout=5000)
    assert "Pilih salah satu" in form.errors.labels["safe_to_call"].text()
    assert "Pilih salah satu" in form.errors.labels["living_situation"].text()
    set_combo(contact.safe_to_call, SafeToCall.YES)
    assert not contact.never_contact_at_home.isChecked()
    contact.living_situation.setFocus()
    index = contact.living_situation.findData(LivingSituation.WITH_ABUSER)
    while contact.living_situation.currentIndex() != index:  # chosen with the arrow keys
        qtbot.keyClick(contact.living_situation, Qt.Key.Key_Down)
    assert contact.safe_to_call.currentData() == SafeToCall.NO
    assert contact.never_contact_at_home.isChecked()
    runner.wait()
    assert admin.participants.count() == 0


def test_a_facilitators_record_is_read_only_and_offers_only_close(
        qtbot: QtBot, vault: VaultFixture, runner: TaskRunner) -> None:
    team = Team.hired(vault)
    try:
        programme = build(team("admin"), members=1, link_login="fasilitator1")
        form = ParticipantForm(team("fasilitator1"), runner, programme.participants[0])
        qtbot.addWidget(form)
        form.show()
        qtbot.waitUntil(form.isEnabled, timeout=5000)
        assert "Hanya baca" in form.hint.text() and "Ctrl+S" not in form.hint.text()
        shown = form.buttons.buttons()
        assert [b.text() for b in shown] == ["Tutup"]
        assert form.identity.full_name.isReadOnly()
        qtbot.mouseClick(shown[0], Qt.MouseButton.LeftButton)
        assert not form.isVisible()
    finally:
        team.close()
