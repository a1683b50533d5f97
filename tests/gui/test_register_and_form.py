"""The register list and the intake form, as a user drives them (real widgets, real vault)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from support.modal_boxes import ModalBoxes
from support.participant_samples import sample

from kdrt_desk import i18n
from kdrt_desk.demo.participants import insert_participants
from kdrt_desk.domain.enums import LivingSituation, ParticipantStatus, Role, SafeToCall
from kdrt_desk.synthetic import generate_participants
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_widgets import set_combo
from kdrt_desk.ui.participant_form import ParticipantForm
from kdrt_desk.ui.register_view import RegisterView
from kdrt_desk.wiring import Services

TODAY = date.today()


@pytest.fixture
def filled(admin: Services) -> Services:
    people = sorted(generate_participants(600, seed=11, today=TODAY),
                    key=lambda p: p.registered_on or TODAY)
    insert_participants(admin.vault.db, admin.vault.actor, people, TODAY)
    return admin


def shown(qtbot: QtBot, view: RegisterView) -> None:
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.refresh()


def test_the_list_shows_every_participant_and_fetches_pages_lazily(
        qtbot: QtBot, filled: Services, runner: TaskRunner) -> None:
    view = RegisterView(filled, runner)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    shown(qtbot, view)
    assert view.model.rowCount() == 600
    assert "600" in view.count_label.text()
    assert len(view.model.cache) == 200  # only the first page was read
    view.table.scrollToBottom()
    view.model.data(view.model.index(599, 1))
    qtbot.waitUntil(lambda: view.model.row_at(599) is not None, timeout=5000)
    assert view.model.data(view.model.index(599, 0)).startswith("KD-")


def test_search_as_you_type_status_filter_and_sorting(
        qtbot: QtBot, filled: Services, runner: TaskRunner) -> None:
    view = RegisterView(filled, runner)
    qtbot.addWidget(view)
    shown(qtbot, view)
    some = view.model.row_at(0)
    assert some is not None
    with qtbot.waitSignal(view.loaded, timeout=5000):
        qtbot.keyClicks(view.search, some.code.lower())
    assert [view.model.row_at(i).code for i in range(view.model.rowCount())] == [some.code]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.search.clear()
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.status.setCurrentIndex(view.status.findData(ParticipantStatus.ACCEPTED))
    statuses = {view.model.row_at(i).status for i in range(min(view.model.rowCount(), 200))}
    assert statuses == {ParticipantStatus.ACCEPTED}
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.table.sortByColumn(view.model.columns.index("full_name"),
                                Qt.SortOrder.DescendingOrder)
    names = [view.model.row_at(i).full_name for i in range(min(view.model.rowCount(), 50))]
    assert names == sorted(names, reverse=True)


def test_enter_opens_the_selected_participant(
        qtbot: QtBot, filled: Services, runner: TaskRunner) -> None:
    view = RegisterView(filled, runner)
    qtbot.addWidget(view)
    view.show()
    shown(qtbot, view)
    view.table.selectRow(3)
    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [view.model.id_at(3)]


def test_english_headers_and_statuses(qtbot: QtBot, filled: Services, runner: TaskRunner) -> None:
    i18n.set_language("en")
    view = RegisterView(filled, runner)
    qtbot.addWidget(view)
    shown(qtbot, view)
    headers = [view.model.headerData(i, Qt.Orientation.Horizontal)
               for i in range(view.model.columnCount())]
    assert headers[:3] == ["Code", "Full name", "Preferred name"]
    status_column = view.model.columns.index("status")
    assert view.model.data(view.model.index(0, status_column)) in {
        "Registered", "Screening", "Accepted", "Waitlisted", "Not eligible", "Enrolled",
        "Completed", "Dropped out"}


def fill_new(form: ParticipantForm) -> None:
    data = sample()
    form.identity.full_name.setText(data.full_name)
    form.identity.preferred_name.setText(data.preferred_name)
    form.identity.nik.setText("1671 0445 0685 0001")
    form.contact.phone.setText("0812 3456 7890")
    set_combo(form.contact.living_situation, LivingSituation.SEPARATED)  # no default: asked
    set_combo(form.contact.safe_to_call, SafeToCall.YES)
    form.contact.kecamatan.setCurrentIndex(form.contact.kecamatan.findData("Plaju"))
    form.household.children_count.setValue(2)
    form.household.children_ages.setText("4, 9")
    form.household.monthly_income.setText("Rp 1.500.000")
    for scope, box in form.consent.scopes.items():
        box.setChecked(scope.value in ("data_use", "contact"))
    form.consent.consent_date.setText("20/11/2026")  # starts empty: typed as she would
    assert form.case is not None
    form.case.safety_notes.setPlainText("Jangan hubungi setelah jam 17.00.")


def test_a_new_registration_through_the_form(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    form = ParticipantForm(admin, runner)
    qtbot.addWidget(form)
    form.show()
    fill_new(form)
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        form.save()
    record = saved.args[0]
    assert record.code.startswith("KD-")
    assert record.birth_date == date(1985, 6, 5)  # read from the NIK
    assert record.monthly_income == 1_500_000
    stored = admin.participants.open_restricted(record.id)
    assert stored.case is not None and stored.case.safety_notes.startswith("Jangan")


def test_invalid_input_is_shown_beside_the_fields_and_nothing_is_saved(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    form = ParticipantForm(admin, runner)
    qtbot.addWidget(form)
    form.show()
    form.identity.nik.setText("1671040506850001")  # a man's NIK
    form.household.children_ages.setText("empat")
    form.save()
    assert form.errors.labels["children_ages"].text() == "Isi angka saja."
    assert form.busy is False
    form.household.children_ages.setText("")
    form.save()
    qtbot.waitUntil(lambda: form.errors.labels["full_name"].isVisible(), timeout=5000)
    assert form.errors.labels["full_name"].text() == "Nama lengkap wajib diisi."
    assert "40" in form.errors.labels["nik"].text()
    assert "18 kecamatan" in form.errors.labels["kecamatan"].text()
    assert not form.errors.labels["kecamatan"].isHidden()
    assert form.tabs.tabBar().tabTextColor(1) == Qt.GlobalColor.darkRed
    assert admin.participants.count() == 0


def test_possible_duplicates_are_shown_before_saving(
        qtbot: QtBot, admin: Services, runner: TaskRunner, modal_boxes: ModalBoxes) -> None:
    admin.participants.register(sample(), today=TODAY)
    form = ParticipantForm(admin, runner)
    qtbot.addWidget(form)
    fill_new(form)
    form.save()
    qtbot.waitUntil(lambda: bool(modal_boxes.shown), timeout=5000)
    asked = modal_boxes.texts()
    assert "KD-2026-0001" in asked[0] and "NIK sama" in asked[0]
    runner.wait()
    assert admin.participants.count() == 1
    modal_boxes.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save()
    assert admin.participants.count() == 2


def test_restricted_tab_opens_only_on_request_and_is_absent_for_office_staff(
        qtbot: QtBot, vault: object, admin: Services, runner: TaskRunner) -> None:
    saved = admin.participants.register(sample(), today=TODAY)
    form = ParticipantForm(admin, runner, saved.id)
    qtbot.addWidget(form)
    qtbot.waitUntil(form.isEnabled, timeout=5000)
    assert form.case is not None and form.case.safety_notes.toPlainText() == ""
    assert [e.action for e in admin.audit.entries(action="restricted_opened")] == []
    form.open_case()
    qtbot.waitUntil(lambda: form.case_loaded, timeout=5000)
    assert form.case.safety_notes.toPlainText().startswith("Suami")
    assert len(admin.audit.entries(action="restricted_opened")) == 1

    admin.accounts.add_account("staf1", Role.STAF, "sandi-staf-satu")
    runner.wait()
    admin.close()  # one session per vault at a time
    staf = vault.services("staf1", "sandi-staf-satu")  # type: ignore[attr-defined]
    try:
        staff_form = ParticipantForm(staf, runner, saved.id)
        qtbot.addWidget(staff_form)
        qtbot.waitUntil(staff_form.isEnabled, timeout=5000)
        assert staff_form.case is None
        titles = [staff_form.tabs.tabText(i) for i in range(staff_form.tabs.count())]
        assert "Latar kasus (rahasia)" not in titles and "Identitas" in titles
        assert staff_form.identity.full_name.text() == "Siti Aminah Lestari"
    finally:
        runner.wait()
        staf.close()


def test_editing_keeps_the_case_when_it_was_not_opened(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    saved = admin.participants.register(sample(), today=TODAY)
    form = ParticipantForm(admin, runner, saved.id)
    qtbot.addWidget(form)
    qtbot.waitUntil(form.isEnabled, timeout=5000)
    assert not form.has_unsaved_changes()
    form.household.occupation.setText("Penjual pempek")
    assert form.has_unsaved_changes()
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save()
    stored = admin.participants.open_restricted(saved.id)
    assert stored.occupation == "Penjual pempek"
    assert stored.case is not None and stored.case.duration_months == 36


def test_a_high_risk_participant_is_flagged_on_her_form_for_case_workers_only(
        qtbot: QtBot, vault: object, admin: Services, runner: TaskRunner) -> None:
    from kdrt_desk.models import Participant

    saved = admin.participants.register(sample(), today=TODAY)
    with admin.vault.db.transaction() as session:
        session.get(Participant, saved.id).risk_level = "high"  # as her latest screening set it
    form = ParticipantForm(admin, runner, saved.id)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(form.isEnabled, timeout=5000)
    assert form.risk_banner.isVisible() and "RISIKO TINGGI" in form.risk_banner.text()
    form.discard()
    admin.accounts.add_account("staf2", Role.STAF, "sandi-staf-dua")
    runner.wait()
    admin.close()
    staf = vault.services("staf2", "sandi-staf-dua")  # type: ignore[attr-defined]
    try:
        staff_form = ParticipantForm(staf, runner, saved.id)
        qtbot.addWidget(staff_form)
        staff_form.show()
        qtbot.waitUntil(staff_form.isEnabled, timeout=5000)
        assert not staff_form.risk_banner.isVisible()
        staff_form.discard()
    finally:
        runner.wait()
        staf.close()


def test_the_list_masks_nik_and_phone_while_her_form_shows_them_whole(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    saved = admin.participants.register(sample(), today=TODAY)
    view = RegisterView(admin, runner)
    qtbot.addWidget(view)
    view.show()
    shown(qtbot, view)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        qtbot.keyClicks(view.search, "1671044506850001")  # her whole NIK, typed
    assert view.model.rowCount() == 1
    nik = view.model.data(view.model.index(0, view.model.columns.index("nik")))
    phone = view.model.data(view.model.index(0, view.model.columns.index("phone")))
    assert nik == "••••••••••••0001"
    assert phone == "0812-••••-7890"
    form = ParticipantForm(admin, runner, saved.id)
    qtbot.addWidget(form)
    qtbot.waitUntil(form.isEnabled, timeout=5000)
    assert form.identity.nik.text() == "1671044506850001"
    assert "3456" in form.contact.phone.text()


def test_a_facilitators_search_box_does_not_offer_nik_or_phone(
        qtbot: QtBot, vault: object, admin: Services, runner: TaskRunner) -> None:
    view = RegisterView(admin, runner)
    qtbot.addWidget(view)
    assert "NIK" in view.search.placeholderText()
    admin.accounts.add_account("fasil1", Role.FASILITATOR, "sandi-fasil-satu")
    runner.wait()
    admin.close()
    fasil = vault.services("fasil1", "sandi-fasil-satu")  # type: ignore[attr-defined]
    try:
        limited = RegisterView(fasil, runner)
        qtbot.addWidget(limited)
        limited.show()
        qtbot.mouseClick(limited.search, Qt.MouseButton.LeftButton)
        hint = limited.search.placeholderText()
        assert hint == i18n.t("ui.register.search_hint_limited")
        assert "NIK" not in hint and "telepon" not in hint
    finally:
        runner.wait()
        fasil.close()


def test_columns_fit_at_the_default_size_and_a_users_widths_come_back(
        qtbot: QtBot, filled: Services, runner: TaskRunner) -> None:
    from PySide6.QtCore import QSettings

    from kdrt_desk.ui.main_window import MainWindow

    window = MainWindow(filled, runner)
    qtbot.addWidget(window)
    window.show()
    view = window.register
    qtbot.waitUntil(lambda: view.model.rowCount() == 600, timeout=5000)
    qtbot.wait(50)
    table = view.table
    assert table.horizontalScrollBar().maximum() == 0  # no sideways scrolling
    widths = [table.columnWidth(i) for i in range(view.model.columnCount())]
    name = view.model.columns.index("full_name")
    assert widths[name] == max(widths)
    longest = max(table.fontMetrics().horizontalAdvance(view.model.data(view.model.index(r, name)))
                  for r in range(50))
    assert widths[name] >= longest  # the full name is not cut
    status = view.model.columns.index("status")
    table.horizontalHeader().resizeSection(status, 222)  # what dragging its edge does
    window.close()

    again = RegisterView(filled, runner)
    qtbot.addWidget(again)
    again.resize(1200, 600)
    again.show()
    shown(qtbot, again)
    assert again.table.columnWidth(status) == 222
    keys = QSettings("KDRT Desk", "KDRT Desk").allKeys()
    assert any(key.startswith("columns/register/") for key in keys)
    assert not any(filled.vault.actor.username in key for key in keys)
