"""Screening, decisions, waitlist and criteria screens, driven through real widgets and vault."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QTableWidget, QVBoxLayout
from pytestqt.qtbot import QtBot
from support.modal_boxes import ModalBoxes
from support.participant_samples import sample
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.enums import (
    DecisionOutcome,
    Need,
    NotEligibleReason,
    ParticipantStatus,
    RiskLevel,
    RiskReason,
    Role,
    Skill,
)
from kdrt_desk.domain.screening import DecisionInput, ScreeningInput
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.criteria_dialog import CriteriaDialog
from kdrt_desk.ui.decision_dialog import DecisionDialog
from kdrt_desk.ui.screening_dialog import ScreeningDialog
from kdrt_desk.ui.screening_tab import ScreeningTab
from kdrt_desk.ui.waitlist_view import WaitlistView
from kdrt_desk.wiring import Services

TODAY = date.today()
REGISTERED = TODAY - timedelta(days=120)
STAF_PASSWORD = "sandi-staf-satu"
KONSELOR_PASSWORD = "sandi-konselor-dua"


def register(services: Services, name: str = "Siti Aminah Lestari", nik: str = "") -> int:
    data = sample(full_name=name, nik=nik, birth_date=date(1985, 6, 5), registered_on=REGISTERED)
    return services.participants.register(data, today=TODAY).id


def required_codes(services: Services) -> set[str]:
    return {c.code for c in services.screening.criteria() if c.kind == "required"}


def screen(services: Services, pid: int, risk: RiskLevel = RiskLevel.LOW,
           screened_on: date | None = None) -> int:
    data = ScreeningInput(
        participant_id=pid, screened_on=screened_on or TODAY - timedelta(days=100),
        interview_notes="Tinggal bersama suami; takut jika suami tahu.",
        needs={Need.PSYCHOSOCIAL, Need.ECONOMIC}, skills={Skill.COOKING},
        risk_level=risk,
        risk_reasons={RiskReason.THREATS, RiskReason.KNOWS_ADDRESS} if risk == RiskLevel.HIGH
        else set(),
        safety_plan="Tas darurat di rumah tetangga." if risk == RiskLevel.HIGH else "",
        criteria_met=required_codes(services))
    return services.screening.create(data, today=TODAY).id


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return "" if item is None else item.text()


def settle(qtbot: QtBot, runner: TaskRunner) -> None:
    runner.wait()
    qtbot.wait(20)


def switch_user(vault: VaultFixture, current: Services, runner: TaskRunner, user: str,
                password: str) -> Services:
    """One session per vault at a time: close the current one, log in as ``user``."""
    runner.wait()
    current.close()
    return vault.services(user, password)


def test_a_new_screening_through_the_dialog_moves_her_status_and_fills_the_tab(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    pid = register(admin)
    tab = ScreeningTab(admin, runner, pid)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.count_label.text() != "", timeout=5000)
    assert tab.table.rowCount() == 0
    dialog = tab.open_new_screening()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.checklist.loaded, timeout=5000)
    assert dialog.participant_label.text().startswith("Peserta: KD-")
    dialog.needs.boxes[Need.LEGAL_AID].setChecked(True)
    dialog.skills.boxes[Skill.SEWING].setChecked(True)
    dialog.barriers.boxes[next(iter(dialog.barriers.boxes))].setChecked(True)
    assert dialog.checklist.unmet_label.text().startswith("Syarat wajib yang belum")
    for code in required_codes(admin):
        dialog.checklist.boxes[code].setChecked(True)
    dialog.checklist.boxes["economic_dependence"].setChecked(True)
    assert dialog.checklist.unmet_label.text() == "Semua syarat wajib terpenuhi."
    assert dialog.checklist.score_label.text().startswith("Skor: 3 dari")
    dialog.interview_notes.setPlainText("Datang bersama kakaknya.")
    with qtbot.waitSignals([dialog.saved, tab.loaded], timeout=5000):
        dialog.submit()
    assert admin.participants.get(pid).status == ParticipantStatus.SCREENING
    assert tab.table.rowCount() == 1
    assert cell(tab.table, 0, tab.columns.index("score")) == "3"
    assert cell(tab.table, 0, tab.columns.index("decision")) == "Belum diputuskan"
    stored = admin.screening.open_restricted(admin.screening.for_participant(pid)[0].id)
    assert stored.interview_notes == "Datang bersama kakaknya."
    assert stored.needs == {Need.LEGAL_AID}


def test_field_errors_are_shown_beside_the_fields(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    pid = register(admin)
    dialog = ScreeningDialog(admin, runner, pid)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.checklist.loaded, timeout=5000)
    dialog.skills.boxes[Skill.OTHER].setChecked(True)  # needs "other skills" text
    dialog.risk_level.setCurrentIndex(dialog.risk_level.findData(RiskLevel.HIGH))  # and reasons
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error_text("skills_other") != "", timeout=5000)
    assert dialog.error_text("risk_reasons") != ""
    assert dialog.tabs.currentIndex() == 0  # the first tab with a problem
    assert admin.screening.for_participant(pid) == []


def test_high_risk_shows_a_red_flag_and_suggests_an_urgent_referral(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    pid = register(admin)
    dialog = ScreeningDialog(admin, runner, pid)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.risk_banner.isHidden()
    dialog.risk_level.setCurrentIndex(dialog.risk_level.findData(RiskLevel.HIGH))
    assert dialog.risk_banner.isVisible()
    assert "RISIKO TINGGI" in dialog.risk_banner.text()
    assert "rujukan darurat" in dialog.risk_banner.text()
    dialog.risk_level.setCurrentIndex(dialog.risk_level.findData(RiskLevel.MEDIUM))
    assert dialog.risk_banner.isHidden()
    dialog.discard()

    sid = screen(admin, pid, RiskLevel.HIGH)
    tab = ScreeningTab(admin, runner, pid)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=5000)
    assert cell(tab.table, 0, tab.columns.index("risk")) == "⚠ Tinggi"
    saved = ScreeningDialog(admin, runner, pid, sid)
    qtbot.addWidget(saved)
    saved.show()
    qtbot.waitUntil(saved.isEnabled, timeout=5000)
    assert saved.risk_banner.isVisible()  # from the stored level, before any opening
    assert saved.safety_stack is not None and saved.safety_stack.currentIndex() == 0
    decision = DecisionDialog(admin, runner, sid)
    qtbot.addWidget(decision)
    decision.show()
    qtbot.waitUntil(decision.isEnabled, timeout=5000)
    assert decision.risk_banner.isVisible()


def test_restricted_part_opens_only_on_request_and_is_audited(
        qtbot: QtBot, admin: Services, runner: TaskRunner, modal_boxes: ModalBoxes) -> None:
    pid = register(admin)
    sid = screen(admin, pid, RiskLevel.HIGH)
    dialog = ScreeningDialog(admin, runner, pid, sid)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.isEnabled, timeout=5000)
    assert dialog.interview_notes.toPlainText() == ""
    assert dialog.stored_risk.text() == "Tingkat risiko tersimpan: Tinggi"
    assert admin.audit.entries(action="screening_restricted_opened") == []
    dialog.experience.setPlainText("Berjualan pempek tiga tahun.")
    dialog.submit()  # saving needs the restricted part: asked, answered No
    assert "Buka" in modal_boxes.shown[-1][1]
    assert "Belum disimpan" in dialog.summary.text()
    dialog.open_restricted()
    qtbot.waitUntil(lambda: dialog.restricted_loaded, timeout=5000)
    assert dialog.interview_notes.toPlainText().startswith("Tinggal bersama")
    assert dialog.risk_reasons.value() == {RiskReason.THREATS, RiskReason.KNOWS_ADDRESS}
    assert len(admin.audit.entries(action="screening_restricted_opened")) == 1
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.submit()
    stored = admin.screening.open_restricted(sid)
    assert stored.experience == "Berjualan pempek tiga tahun."
    assert stored.safety_plan == "Tas darurat di rumah tetangga."  # kept, not wiped


def test_after_a_confirmed_decision_saving_needs_a_reason(
        qtbot: QtBot, admin: Services, runner: TaskRunner, modal_boxes: ModalBoxes) -> None:
    pid = register(admin)
    sid = screen(admin, pid)
    admin.decisions.decide(DecisionInput(sid, DecisionOutcome.ACCEPTED), today=TODAY)
    modal_boxes.answer = QMessageBox.StandardButton.Yes  # open the restricted part to save
    dialog = ScreeningDialog(admin, runner, pid, sid)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.isEnabled, timeout=5000)
    assert not dialog.reason_box.isHidden()
    dialog.needs.boxes[Need.HEALTH].setChecked(True)
    dialog.submit()
    settle(qtbot, runner)
    assert dialog.error_text("reason") == "Tulis alasan perubahan."
    dialog.reason.setText("Kebutuhan kesehatan terlewat saat wawancara.")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.submit()
    changes = admin.screening.history(sid)
    assert [c.reason for c in changes] == ["Kebutuhan kesehatan terlewat saat wawancara."]
    again = ScreeningDialog(admin, runner, pid, sid)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.tabs.count() == 4, timeout=5000)
    assert again.tabs.tabText(3) == "Riwayat perubahan (1)"


def test_office_staff_never_see_risk_notes_or_the_safety_tab(
        qtbot: QtBot, vault: VaultFixture, admin: Services, runner: TaskRunner) -> None:
    pid = register(admin)
    sid = screen(admin, pid, RiskLevel.HIGH)
    admin.accounts.add_account("staf1", Role.STAF, STAF_PASSWORD)
    staf = switch_user(vault, admin, runner, "staf1", STAF_PASSWORD)
    try:
        dialog = ScreeningDialog(staf, runner, pid, sid)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(dialog.isEnabled, timeout=5000)
        assert dialog.safety_stack is None
        assert dialog.tabs.count() == 2
        assert dialog.risk_banner.isHidden()
        assert not dialog.may_edit
        assert dialog.needs.value() == {Need.PSYCHOSOCIAL, Need.ECONOMIC}
        tab = ScreeningTab(staf, runner, pid)
        qtbot.addWidget(tab)
        qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=5000)
        assert "risk" not in tab.columns
        assert tab.new_button.isHidden() and tab.decide_button.isHidden()
        waitlist = WaitlistView(staf, runner)
        qtbot.addWidget(waitlist)
        assert "risk" not in waitlist.model.columns
        assert waitlist.confirm_button.isHidden() and waitlist.accept_button.isHidden()
    finally:
        runner.wait()
        staf.close()


def test_a_rejection_waits_for_a_second_person(
        qtbot: QtBot, vault: VaultFixture, admin: Services, runner: TaskRunner,
        modal_boxes: ModalBoxes) -> None:
    pid = register(admin)
    sid = screen(admin, pid)
    admin.accounts.add_account("konselor1", Role.KONSELOR, KONSELOR_PASSWORD)
    dialog = DecisionDialog(admin, runner, sid)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.isEnabled, timeout=5000)
    dialog.choose(DecisionOutcome.NOT_ELIGIBLE)
    assert any("staf kedua" in shown.text() for shown in dialog.findChildren(QLabel))
    dialog.submit()  # no reason chosen: refused beside the field
    assert dialog.error_text("reason_code") == "Pilih alasan dari daftar."
    dialog.reason_code.setCurrentIndex(dialog.reason_code.findData(NotEligibleReason.OTHER))
    dialog.submit()  # "other" needs the free text: the service says so beside it
    qtbot.waitUntil(lambda: dialog.error_text("reason_text") != "", timeout=5000)
    dialog.reason_code.setCurrentIndex(
        dialog.reason_code.findData(NotEligibleReason.OUTSIDE_PALEMBANG))
    dialog.reason_text.setText("Pindah ke Banyuasin.")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.submit()
    assert admin.participants.get(pid).status == ParticipantStatus.SCREENING  # not yet

    view = WaitlistView(admin, runner)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.pending_loaded, timeout=5000):
        view.refresh()
    assert view.pending_table.rowCount() == 1
    assert cell(view.pending_table, 0, 2) == "Tinggal di luar Palembang: Pindah ke Banyuasin."
    view.pending_table.selectRow(0)
    modal_boxes.answer = QMessageBox.StandardButton.Yes
    view.confirm_selected()
    assert modal_boxes.shown[-1][0] == "warning"
    assert "Anda sendiri" in modal_boxes.shown[-1][2]
    settle(qtbot, runner)
    assert admin.decisions.pending_confirmations()[0].confirmed_by is None

    konselor = switch_user(vault, admin, runner, "konselor1", KONSELOR_PASSWORD)
    try:
        theirs = ScreeningDialog(konselor, runner, pid, sid)  # not hers, not decided yet
        qtbot.addWidget(theirs)
        qtbot.waitUntil(theirs.isEnabled, timeout=5000)
        assert not theirs.may_edit
        assert "hanya boleh diubah oleh pembuatnya" in theirs.mode_hint.text()
        theirs.discard()
        other = WaitlistView(konselor, runner)
        qtbot.addWidget(other)
        with qtbot.waitSignal(other.pending_loaded, timeout=5000):
            other.refresh()
        other.pending_table.selectRow(0)
        with qtbot.waitSignal(other.pending_loaded, timeout=5000) as reloaded:
            other.confirm_selected()
        assert reloaded.args == [0]
        assert "sudah dikonfirmasi" in other.done_label.text()
        assert konselor.participants.get(pid).status == ParticipantStatus.NOT_ELIGIBLE
        tab = ScreeningTab(konselor, runner, pid)
        qtbot.addWidget(tab)
        qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=5000)
        assert cell(tab.table, 0, tab.columns.index("decision")) == (
            "Tidak memenuhi syarat: Tinggal di luar Palembang")
    finally:
        runner.wait()
        konselor.close()


def test_the_waitlist_is_ordered_by_priority_then_waiting_time_and_accepts(
        qtbot: QtBot, admin: Services, runner: TaskRunner, modal_boxes: ModalBoxes) -> None:
    waits = {"Ani Rahmawati": (2, 80), "Budi Lestari": (1, 10), "Citra Anggraini": (1, 30)}
    ids = {}
    for name, (priority, days_ago) in waits.items():
        pid = register(admin, name)
        ids[name] = pid
        sid = screen(admin, pid, RiskLevel.HIGH if name.startswith("B") else RiskLevel.LOW)
        admin.decisions.decide(DecisionInput(sid, DecisionOutcome.WAITLISTED, priority=priority,
                                             decided_on=TODAY - timedelta(days=days_ago)),
                               today=TODAY)
    view = WaitlistView(admin, runner)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.refresh()
    names = [entry.full_name for row in range(view.model.rowCount())
             if (entry := view.model.entry_at(row)) is not None]
    assert names == ["Citra Anggraini", "Budi Lestari", "Ani Rahmawati"]
    days = view.model.columns.index("days")
    assert view.model.data(view.model.index(0, days)) == "30 hari"
    risk = view.model.columns.index("risk")
    assert view.model.data(view.model.index(1, risk)) == "⚠ Tinggi"
    assert view.count_label.text() == "3 orang di daftar tunggu"
    view.table.selectRow(0)
    modal_boxes.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(view.loaded, timeout=5000) as reloaded:
        view.accept_selected()
    assert reloaded.args == [2]
    assert admin.participants.get(ids["Citra Anggraini"]).status == ParticipantStatus.ACCEPTED
    view.clear()
    assert view.model.rowCount() == 0 and view.count_label.text() == ""


def test_the_criteria_dialog_adds_reorders_switches_off_and_saves(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    dialog = CriteriaDialog(admin, runner)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        pass
    count = len(dialog.items)
    assert count >= 5
    dialog.add_criterion()
    dialog.code.setText("Kode Salah")
    dialog.code.textEdited.emit("Kode Salah")
    dialog.label_id.setText("Mengasuh anak balita")
    dialog.label_id.textEdited.emit("Mengasuh anak balita")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error_text("code") != "", timeout=5000)
    assert dialog.current_row() == count  # the row with the problem is selected
    assert dialog.error_text("label_en") != ""
    dialog.code.setText("young_children")
    dialog.code.textEdited.emit("young_children")
    dialog.label_en.setText("Cares for a child under five")
    dialog.label_en.textEdited.emit("Cares for a child under five")
    dialog.weight.setValue(2)
    dialog.move_selected(-1)
    assert dialog.current_row() == count - 1
    dialog.table.selectRow(0)
    first = dialog.items[0].code
    dialog.active.setChecked(False)
    assert cell(dialog.table, 0, 5) == "Tidak"
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.submit()
    stored = admin.criteria.list_all()
    codes = [c.code for c in stored]
    assert codes.index("young_children") == count - 1
    new = stored[count - 1]
    assert (new.weight, new.active, new.label_id) == (2, True, "Mengasuh anak balita")
    assert first in codes and first not in {c.code for c in admin.screening.criteria()}


def test_open_dialogs_hide_with_her_form_when_the_app_locks(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    pid = register(admin)
    form = QDialog()  # stands in for the participant form the tab is embedded in
    qtbot.addWidget(form)
    tab = ScreeningTab(admin, runner, pid)
    QVBoxLayout(form).addWidget(tab)
    form.show()
    dialog = tab.open_new_screening()
    assert dialog is not None and dialog.isVisible()
    dialog.experience.setPlainText("Menjahit di rumah.")
    form.hide()  # what locking does to her form
    assert not dialog.isVisible()
    form.show()
    assert dialog.isVisible()
    assert dialog.experience.toPlainText() == "Menjahit di rumah."
    tab.clear()
    assert not dialog.isVisible() and tab.table.rowCount() == 0
    runner.wait()
    dialog.discard()
