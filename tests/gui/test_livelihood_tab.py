"""The Penghidupan tab with a real vault: real buttons add a follow-up through its dialog, the
plausibility question is answered, a record is edited and deleted, capital with repayments is
listed; a facilitator's form has no such tab."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot
from support.modal_boxes import ModalBoxes
from support.participant_samples import sample
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.enums import ConsentScope, Role
from kdrt_desk.domain.livelihood import BusinessKind, CapitalKind, LivelihoodStatus
from kdrt_desk.domain.participant import Consent
from kdrt_desk.i18n import format_date
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.capital_dialog import CapitalDialog
from kdrt_desk.ui.livelihood_dialog import LivelihoodDialog
from kdrt_desk.ui.livelihood_tab import LivelihoodTab
from kdrt_desk.ui.participant_form import ParticipantForm
from kdrt_desk.wiring import Services

TODAY = date.today()
REGISTERED = TODAY - timedelta(days=90)
SHOT = "/tmp/livelihood_tab.png"


def register(services: Services) -> int:
    data = sample(nik="", registered_on=REGISTERED,
                  consent=Consent(REGISTERED, {ConsentScope.DATA_USE, ConsentScope.CONTACT}))
    return services.participants.register(data, today=TODAY).id


def cells(table: QTableWidget, row: int) -> list[str]:
    return [table.item(row, c).text() if table.item(row, c) else ""  # type: ignore[union-attr]
            for c in range(table.columnCount())]


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def ok(dialog: LivelihoodDialog | CapitalDialog) -> QPushButton:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


def loaded(qtbot: QtBot, services: Services, runner: TaskRunner, pid: int) -> LivelihoodTab:
    tab = LivelihoodTab(services, runner, pid)
    qtbot.addWidget(tab)
    tab.resize(1100, 640)
    tab.show()
    qtbot.waitUntil(lambda: tab.record_count.text() != "", timeout=5000)
    return tab


def typed(qtbot: QtBot, widget: object, text: str) -> None:
    """Typed key by key; a line break is the Return key."""
    widget.clear()  # type: ignore[attr-defined]
    for index, line in enumerate(text.split("\n")):
        if index:
            qtbot.keyClick(widget, Qt.Key.Key_Return)  # type: ignore[arg-type]
        qtbot.keyClicks(widget, line)  # type: ignore[arg-type]


def test_add_confirm_edit_and_delete_a_follow_up_with_real_buttons(
        qtbot: QtBot, admin: Services, runner: TaskRunner, modal_boxes: ModalBoxes) -> None:
    pid = register(admin)
    tab = loaded(qtbot, admin, runner, pid)
    assert tab.record_table.rowCount() == 0 and tab.record_count.text() == "Belum ada catatan."
    assert not tab.edit_button.isEnabled()

    click(qtbot, tab.add_button)
    dialog = tab.dialog
    assert isinstance(dialog, LivelihoodDialog)
    dialog.status.setCurrentIndex(dialog.status.findData(LivelihoodStatus.BUSINESS))
    assert dialog.business_kind.isEnabled()
    dialog.business_kind.setCurrentIndex(dialog.business_kind.findData(BusinessKind.SEWING))
    dialog.recorded_on.setDate(dialog.recorded_on.date().addDays(-10))
    typed(qtbot, dialog.income, "1500000")
    dialog.depends.setCurrentIndex(dialog.depends.findData(True))
    dialog.covers.setCurrentIndex(dialog.covers.findData(False))
    qtbot.mouseClick(dialog.channel_boxes[next(iter(dialog.channel_boxes))],
                     Qt.MouseButton.LeftButton)
    click(qtbot, ok(dialog))
    qtbot.waitUntil(lambda: tab.record_table.rowCount() == 1, timeout=5000)
    assert cells(tab.record_table, 0) == [
        format_date(TODAY - timedelta(days=10)), "Menjalankan usaha (Menjahit)", "Rp 1.500.000",
        "Tidak", "Ya"]
    assert tab.record_count.text() == "1 catatan"

    # an implausible income: the question, "No" keeps the dialog open, "Yes" saves it
    tab.record_table.selectRow(0)
    click(qtbot, tab.edit_button)
    edit = tab.dialog
    assert isinstance(edit, LivelihoodDialog)
    assert edit.income.text() == "Rp 1.500.000"
    typed(qtbot, edit.income, "75.000.000")
    click(qtbot, ok(edit))
    qtbot.waitUntil(lambda: edit.error_text("monthly_income") != "", timeout=5000)
    assert modal_boxes.shown[-1][0] == "question"
    assert "Rp 75.000.000" in modal_boxes.shown[-1][2] and "Rp 50.000.000" in \
        modal_boxes.shown[-1][2]
    assert admin.livelihoods.records(pid)[0].monthly_income == 1_500_000
    modal_boxes.answer = QMessageBox.StandardButton.Yes
    click(qtbot, ok(edit))
    qtbot.waitUntil(lambda: cells(tab.record_table, 0)[2] == "Rp 75.000.000", timeout=5000)
    assert admin.livelihoods.records(pid)[0].monthly_income == 75_000_000

    # a negative number cannot be typed as Rupiah; the message stays beside the field
    click(qtbot, tab.add_button)
    dialog = tab.dialog
    assert isinstance(dialog, LivelihoodDialog)
    typed(qtbot, dialog.income, "-5")
    click(qtbot, ok(dialog))
    assert dialog.error_text("monthly_income") == (
        "Tulis jumlah rupiah dalam angka bulat, misalnya 1.500.000.")
    dialog.reject()

    # delete: "No" keeps it, "Yes" removes it
    tab.record_table.selectRow(0)
    modal_boxes.answer = QMessageBox.StandardButton.No
    click(qtbot, tab.delete_button)
    runner.wait()
    assert len(admin.livelihoods.records(pid)) == 1
    modal_boxes.answer = QMessageBox.StandardButton.Yes
    click(qtbot, tab.delete_button)
    qtbot.waitUntil(lambda: tab.record_table.rowCount() == 0, timeout=5000)
    assert admin.livelihoods.records(pid) == []


def test_capital_with_repayments_and_the_screenshot(
        qtbot: QtBot, admin: Services, runner: TaskRunner, modal_boxes: ModalBoxes) -> None:
    pid = register(admin)
    given = TODAY - timedelta(days=60)
    tab = loaded(qtbot, admin, runner, pid)
    click(qtbot, tab.add_capital_button)
    dialog = tab.dialog
    assert isinstance(dialog, CapitalDialog)
    qtbot.waitUntil(lambda: dialog.partners_loaded, timeout=5000)
    dialog.given_on.setDate(dialog.given_on.date().addDays(-60))
    typed(qtbot, dialog.amount, "2.000.000")
    dialog.kind.setCurrentIndex(dialog.kind.findData(CapitalKind.LOAN))
    dialog.source.setCurrentIndex(dialog.source.findText("LBH Palembang"))
    typed(qtbot, dialog.purpose, "Mesin jahit")
    first, second = given + timedelta(days=30), given + timedelta(days=45)
    early = given - timedelta(days=1)
    typed(qtbot, dialog.repayments, f"{first:%d-%m-%Y} 250.000\n{early:%d-%m-%Y} 100.000")
    click(qtbot, ok(dialog))
    qtbot.waitUntil(lambda: dialog.error_text("repayments") != "", timeout=5000)
    assert dialog.error_text("repayments") == (
        "Angsuran tidak boleh sebelum tanggal modal diterima.")
    typed(qtbot, dialog.repayments, f"{first:%d-%m-%Y} 250.000\n{second:%d-%m-%Y} 250.000")
    click(qtbot, ok(dialog))
    qtbot.waitUntil(lambda: tab.capital_table.rowCount() == 1, timeout=5000)
    assert cells(tab.capital_table, 0) == [format_date(given), "Rp 2.000.000", "Pinjaman",
                                           "LBH Palembang", "Rp 500.000", "Rp 1.500.000"]
    assert tab.capital_count.text() == "1 modal, total Rp 2.000.000"
    # a grant, from the centre itself
    click(qtbot, tab.add_capital_button)
    grant = tab.dialog
    assert isinstance(grant, CapitalDialog)
    qtbot.waitUntil(lambda: grant.partners_loaded, timeout=5000)
    typed(qtbot, grant.amount, "750000")
    assert not grant.repayments.isEnabled()
    click(qtbot, ok(grant))
    qtbot.waitUntil(lambda: tab.capital_table.rowCount() == 2, timeout=5000)
    assert cells(tab.capital_table, 0)[1:] == ["Rp 750.000", "Hibah", "Pusat sendiri", "—", "—"]
    # a follow-up too, for the picture
    click(qtbot, tab.add_button)
    follow = tab.dialog
    assert isinstance(follow, LivelihoodDialog)
    typed(qtbot, follow.income, "900000")
    click(qtbot, ok(follow))
    qtbot.waitUntil(lambda: tab.record_table.rowCount() == 1, timeout=5000)
    runner.wait()
    qtbot.wait(50)
    assert tab.grab().save(SHOT)
    for table in (tab.record_table, tab.capital_table):  # no header cut off
        header = table.horizontalHeader()
        metrics = header.fontMetrics()
        for column in range(table.columnCount() - 1):
            text = table.horizontalHeaderItem(column).text()  # type: ignore[union-attr]
            assert header.sectionSize(column) >= metrics.horizontalAdvance(text), text


def test_the_form_has_the_tab_for_staff_and_not_for_a_facilitator(
        qtbot: QtBot, vault: VaultFixture, admin: Services, runner: TaskRunner) -> None:
    pid = register(admin)
    form = ParticipantForm(admin, runner, pid)
    qtbot.addWidget(form)
    titles = [form.tabs.tabText(i) for i in range(form.tabs.count())]
    assert "Penghidupan" in titles
    runner.wait()
    admin.accounts.add_account("fasil1", Role.FASILITATOR, "sandi-fasil-satu")
    runner.wait()
    admin.close()
    fasil = vault.services("fasil1", "sandi-fasil-satu")
    try:
        limited = ParticipantForm(fasil, runner, pid)
        qtbot.addWidget(limited)
        titles = [limited.tabs.tabText(i) for i in range(limited.tabs.count())]
        assert "Penghidupan" not in titles
        assert not any(isinstance(limited.tabs.widget(i), LivelihoodTab)
                       for i in range(limited.tabs.count()))
    finally:
        runner.wait()
        fasil.close()
