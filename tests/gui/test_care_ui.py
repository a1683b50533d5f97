"""Services and referrals, consent, timeline, dashboard and partner screens, with a real vault."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog, QTableWidget
from pytestqt.qtbot import QtBot
from support.modal_boxes import ModalBoxes
from support.participant_samples import sample
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.care import ServiceInput
from kdrt_desk.domain.enums import (
    ConsentScope,
    DecisionOutcome,
    Need,
    NotEligibleReason,
    PartnerKind,
    Role,
    ServiceKind,
    ServiceStatus,
)
from kdrt_desk.domain.participant import Consent
from kdrt_desk.domain.screening import DecisionInput, ScreeningInput
from kdrt_desk.i18n import format_date
from kdrt_desk.repositories.names import ANONYMISED_MARKER, shown_name
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.consent_panel import ConsentPanel
from kdrt_desk.ui.dashboard_view import DashboardView
from kdrt_desk.ui.partners_dialog import PartnersDialog
from kdrt_desk.ui.service_dialog import ServiceDialog
from kdrt_desk.ui.services_tab import ServicesTab
from kdrt_desk.ui.timeline_view import TimelineView
from kdrt_desk.wiring import Services

TODAY = date.today()
REGISTERED = TODAY - timedelta(days=60)
STAF_PASSWORD = "sandi-staf-satu"
KONSELOR_PASSWORD = "sandi-konselor-dua"
NOTE = "Sesi kedua: tidur lebih baik, mulai berani bicara."


def register(services: Services, name: str = "Siti Aminah Lestari", nik: str = "",
             scopes: set[ConsentScope] | None = None) -> int:
    given = scopes if scopes is not None else {ConsentScope.DATA_USE, ConsentScope.CONTACT}
    data = sample(full_name=name, nik=nik, birth_date=date(1985, 6, 5), registered_on=REGISTERED,
                  consent=Consent(REGISTERED, given))
    return services.participants.register(data, today=TODAY).id


def partner_id(services: Services, name: str) -> int:
    return next(p.id for p in services.care.partners() if p.name == name)


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return "" if item is None else item.text()


def switch_user(vault: VaultFixture, current: Services, runner: TaskRunner, user: str,
                password: str) -> Services:
    """One session per vault at a time: close the current one, log in as ``user``."""
    runner.wait()
    current.close()
    return vault.services(user, password)


def loaded_tab(qtbot: QtBot, services: Services, runner: TaskRunner, pid: int) -> ServicesTab:
    tab = ServicesTab(services, runner, pid)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.count_label.text() != "", timeout=5000)
    return tab


# -- services and referrals ----------------------------------------------------------------------
def test_recording_a_referral_through_the_dialog_shows_it_in_the_tab(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    pid = register(admin)
    tab = loaded_tab(qtbot, admin, runner, pid)
    assert tab.table.rowCount() == 0
    assert tab.count_label.text() == "Belum ada layanan atau rujukan yang dicatat."
    dialog = tab.open_record_dialog()
    qtbot.waitUntil(lambda: dialog.partners_loaded, timeout=5000)
    assert dialog.partner.itemText(0) == "Pusat (internal)"
    dialog.kind.setCurrentIndex(dialog.kind.findData(ServiceKind.LEGAL_ACCOMPANIMENT))
    dialog.partner.setCurrentIndex(dialog.partner.findData(partner_id(admin, "LBH Palembang")))
    dialog.service_date.setDate(dialog.service_date.date().addDays(-3))
    dialog.provider_note.setText("Ibu Rahma, S.H.")
    dialog.status.setCurrentIndex(dialog.status.findData(ServiceStatus.IN_PROGRESS))
    dialog.outcome_note.setPlainText(NOTE)
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    with qtbot.waitSignal(tab.loaded, timeout=5000):  # the tab reloads after the save
        dialog.submit()
    assert len(saved) == 1
    assert tab.table.rowCount() == 1
    assert [cell(tab.table, 0, c) for c in range(4)] == [
        format_date(TODAY - timedelta(days=3)), "Pendampingan hukum", "Sedang berjalan",
        "LBH Palembang — Ibu Rahma, S.H."]
    assert tab.count_label.text() == "1 layanan/rujukan"
    # the note is stored, but the tab shows it only after an audited opening
    assert tab.note_box.isHidden()
    assert NOTE not in [cell(tab.table, 0, c) for c in range(4)]
    assert admin.care.open_outcome_note(tab.rows[0].id) == NOTE


def test_the_dialog_refuses_a_future_date_and_an_inactive_partner_beside_the_fields(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    pid = register(admin)
    dialog = ServiceDialog(admin, runner, pid)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.partners_loaded, timeout=5000)
    dialog.service_date.setDate(dialog.service_date.date().addDays(2))
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error_text("service_date") != "", timeout=5000)
    assert dialog.error_text("service_date") == "Tanggal tidak boleh di masa depan."
    assert dialog.result() == 0  # still open
    dialog.service_date.setDate(dialog.service_date.date().addDays(-400))
    dialog.submit()
    qtbot.waitUntil(lambda: "pendaftaran" in dialog.error_text("service_date"), timeout=5000)
    assert admin.care.for_participant(pid) == []


def test_editing_on_double_click_keeps_an_unopened_outcome_note(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    pid = register(admin)
    admin.care.record(ServiceInput(participant_id=pid, kind=ServiceKind.COUNSELLING,
                                   service_date=TODAY - timedelta(days=5),
                                   status=ServiceStatus.IN_PROGRESS, outcome_note=NOTE))
    tab = loaded_tab(qtbot, admin, runner, pid)
    tab.table.selectRow(0)
    dialog = tab.open_edit_dialog()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.partners_loaded, timeout=5000)
    assert not dialog.outcome_note.isEnabled() and dialog.outcome_note.toPlainText() == ""
    dialog.status.setCurrentIndex(dialog.status.findData(ServiceStatus.DONE))
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        dialog.submit()
    assert cell(tab.table, 0, 2) == "Selesai"
    assert admin.care.open_outcome_note(tab.rows[0].id) == NOTE

    # opened first (audited): the note shows below the list and the dialog may change it
    before = len(admin.audit.entries(action="service_note_opened"))
    tab.table.selectRow(0)
    tab.open_outcome_note()
    qtbot.waitUntil(lambda: tab.rows[0].id in tab.opened_notes, timeout=5000)
    assert not tab.note_box.isHidden()
    assert tab.note_text.toPlainText() == NOTE
    assert len(admin.audit.entries(action="service_note_opened")) == before + 1
    opened = tab.open_edit_dialog()
    assert opened is not None
    qtbot.waitUntil(lambda: opened.partners_loaded, timeout=5000)
    assert opened.outcome_note.isEnabled() and opened.outcome_note.toPlainText() == NOTE


def test_office_staff_cannot_see_or_open_outcome_notes(
        qtbot: QtBot, vault: VaultFixture, admin: Services, runner: TaskRunner) -> None:
    pid = register(admin)
    admin.care.record(ServiceInput(participant_id=pid, kind=ServiceKind.COUNSELLING,
                                   service_date=TODAY - timedelta(days=5),
                                   status=ServiceStatus.DONE, outcome_note=NOTE))
    admin.accounts.add_account("staf1", Role.STAF, STAF_PASSWORD)
    staf = switch_user(vault, admin, runner, "staf1", STAF_PASSWORD)
    try:
        tab = loaded_tab(qtbot, staf, runner, pid)
        assert tab.table.rowCount() == 1
        assert tab.open_note_button.isHidden()
        assert not tab.record_button.isHidden()  # staff may still record services
        assert all(not view.outcome_note for view in tab.rows)
        tab.table.selectRow(0)
        tab.open_outcome_note()  # not offered, and a call does nothing
        runner.wait()
        assert tab.note_box.isHidden()
        dialog = tab.open_edit_dialog()
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.partners_loaded, timeout=5000)
        assert "outcome_note" not in dialog.errors.labels  # no outcome field at all
        dialog.provider_note.setText("Psikolog Dewi")
        with qtbot.waitSignal(tab.loaded, timeout=5000):
            dialog.submit()
        assert cell(tab.table, 0, 3) == "Pusat (internal) — Psikolog Dewi"
    finally:
        runner.wait()
        staf.close()
    again = vault.services()
    try:
        view = again.care.for_participant(pid)[0]
        assert again.care.open_outcome_note(view.id) == NOTE  # her edit kept the note
    finally:
        again.close()


# -- partners ------------------------------------------------------------------------------------
def test_an_admin_adds_a_partner_and_a_duplicate_is_refused_beside_the_name(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    dialog = PartnersDialog(admin, runner)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=5000)
    before = dialog.table.rowCount()
    dialog.name.setText("Psikolog Dewi Anggraini, M.Psi.")
    dialog.kind.setCurrentIndex(dialog.kind.findData(PartnerKind.PSYCHOLOGIST))
    dialog.contact_person.setText("Dewi")
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.submit()
    assert dialog.table.rowCount() == before + 1
    assert dialog.done_label.text() == "Psikolog Dewi Anggraini, M.Psi. ditambahkan."
    dialog.name.setText("lbh palembang")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.errors.labels["name"].isHidden(), timeout=5000)
    assert dialog.errors.labels["name"].text() == "Mitra dengan nama ini sudah ada."


# -- consent -------------------------------------------------------------------------------------
def test_the_printed_consent_form_is_a_real_pdf_with_her_name(
        qtbot: QtBot, admin: Services, runner: TaskRunner, tmp_path: Path,
        modal_boxes: ModalBoxes, monkeypatch: pytest.MonkeyPatch) -> None:
    pid = register(admin)
    panel = ConsentPanel(admin, runner, pid)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.state is not None, timeout=5000)
    assert panel.scope_values[ConsentScope.DATA_USE].text() == "Ya"
    assert panel.scope_values[ConsentScope.PHOTOS].text() == "Tidak"
    assert panel.form_signed.text() == "Belum dicatat"
    target = tmp_path / "formulir"
    asked: list[str] = []

    def save_dialog(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append(str(args[2]))
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    offered: list[str] = []

    def not_now(path: str) -> bool:
        offered.append(path)
        return False

    panel.confirm_open = not_now  # type: ignore[method-assign]
    with qtbot.waitSignal(panel.pdf_saved, timeout=10_000):
        panel.print_form()
    assert asked[0].endswith(".pdf") and "formulir-persetujuan-KD-" in asked[0]
    written = tmp_path / "formulir.pdf"
    text = "".join(page.extract_text() for page in PdfReader(written).pages)
    assert "Siti Aminah Lestari" in text
    assert offered == [str(written)]  # offered to open it (answered "Nanti saja" here)
    assert modal_boxes.shown == []


def test_recording_the_signed_date(qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    pid = register(admin)
    panel = ConsentPanel(admin, runner, pid)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.state is not None, timeout=5000)
    dialog = panel.open_signed_dialog()
    dialog.signed_on.setMaximumDate(dialog.signed_on.date().addDays(400))
    dialog.signed_on.setDate(dialog.signed_on.date().addDays(-100))  # before registration
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.errors.labels["signed_on"].isHidden(), timeout=5000)
    assert "pendaftaran" in dialog.errors.labels["signed_on"].text()
    dialog.signed_on.setDate(dialog.signed_on.date().addDays(90))
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        dialog.submit()
    assert panel.state is not None and panel.state.form_signed_on == TODAY - timedelta(days=10)
    assert panel.done_label.text() == "Tanggal tanda tangan tersimpan."


def test_withdrawal_needs_the_typed_code_and_then_anonymises_her(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    pid = register(admin)
    code = admin.participants.get(pid).code
    panel = ConsentPanel(admin, runner, pid)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.state is not None, timeout=5000)
    dialog = panel.open_withdraw_dialog()
    assert dialog is not None
    assert not dialog.ok_button.isEnabled()
    dialog.typed_code.setText("KD-0000-999")
    assert not dialog.ok_button.isEnabled()
    dialog.submit()  # a wrong code never reaches the service
    assert dialog.code_error.text() == f"Kode yang diketik tidak sama dengan {code}."
    runner.wait()
    assert admin.participants.get(pid).full_name == "Siti Aminah Lestari"
    dialog.typed_code.setText(f"  {code.lower()} ")
    assert dialog.ok_button.isEnabled()
    anonymised: list[int] = []
    panel.anonymised.connect(anonymised.append)
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        dialog.submit()
    assert anonymised == [pid]
    record = admin.participants.get(pid)
    assert record.full_name == shown_name(ANONYMISED_MARKER)
    assert record.nik == "" and record.phone == ""
    assert record.anonymised_on == TODAY
    assert not panel.anonymised_note.isHidden()
    assert "dianonimkan" in panel.anonymised_note.text()
    assert not panel.withdraw_button.isEnabled() and not panel.print_button.isEnabled()
    assert len(admin.audit.entries(action="participant_anonymised")) == 1


def test_no_contact_consent_shows_a_warning(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    pid = register(admin, scopes={ConsentScope.DATA_USE})
    panel = ConsentPanel(admin, runner, pid)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.state is not None, timeout=5000)
    assert not panel.contact_warning.isHidden()


# -- timeline ------------------------------------------------------------------------------------
def test_the_timeline_lists_registration_and_the_service_in_date_order(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    pid = register(admin)
    admin.care.record(ServiceInput(
        participant_id=pid, kind=ServiceKind.LEGAL_CONSULTATION,
        service_date=TODAY - timedelta(days=7), partner_id=partner_id(admin, "LBH Palembang"),
        status=ServiceStatus.DONE, outcome_note=NOTE))
    view = TimelineView(admin, runner, pid)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.refresh()
    rows = view.rows_text()
    kinds = [kind for _, kind, _, _ in rows]
    assert kinds[0] == "Pendaftaran" and "Rujukan" in kinds
    referral = next(r for r in rows if r[1] == "Rujukan")
    assert referral[2] == "Rujukan: Konsultasi hukum"
    assert "LBH Palembang" in referral[3]
    assert all(NOTE not in "".join(r) for r in rows)
    assert [e.on for e in view.events] == sorted(e.on for e in view.events)


# -- dashboard -----------------------------------------------------------------------------------
def test_the_dashboard_shows_what_was_recorded(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    codes = {c.code for c in admin.screening.criteria() if c.kind == "required"}
    outcomes = [DecisionOutcome.ACCEPTED, DecisionOutcome.ACCEPTED, DecisionOutcome.WAITLISTED,
                DecisionOutcome.NOT_ELIGIBLE]
    pids = []
    for index, outcome in enumerate(outcomes):
        pid = register(admin, name=f"Peserta Uji {chr(65 + index)}")
        pids.append(pid)
        sid = admin.screening.create(ScreeningInput(
            participant_id=pid, screened_on=TODAY, needs={Need.PSYCHOSOCIAL},
            criteria_met=codes), today=TODAY).id
        admin.decisions.decide(DecisionInput(
            screening_id=sid, outcome=outcome, decided_on=TODAY,
            priority=2 if outcome == DecisionOutcome.WAITLISTED else None,
            reason_code=NotEligibleReason.OUTSIDE_PALEMBANG
            if outcome == DecisionOutcome.NOT_ELIGIBLE else None), today=TODAY)
    lbh = partner_id(admin, "LBH Palembang")
    for pid, status in ((pids[0], ServiceStatus.REFERRED), (pids[1], ServiceStatus.DONE)):
        admin.care.record(ServiceInput(participant_id=pid, kind=ServiceKind.LEGAL_CONSULTATION,
                                       service_date=TODAY, partner_id=lbh, status=status))
    admin.care.record(ServiceInput(participant_id=pids[0], kind=ServiceKind.COUNSELLING,
                                   service_date=TODAY, status=ServiceStatus.DONE))
    view = DashboardView(admin, runner)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.refresh(TODAY)
    assert view.figure("screened_month") == "4"
    assert view.figure("accepted") == "2"
    assert view.figure("waitlisted") == "1"
    assert view.figure("not_eligible") == "0"  # the rejection waits for a second person
    assert view.figure("awaiting") == "1"
    assert view.figure("psychosocial") == "1"
    legal = ServiceKind.LEGAL_CONSULTATION
    assert view.referral_cells[(legal, ServiceStatus.REFERRED)].text() == "1"
    assert view.referral_cells[(legal, ServiceStatus.DONE)].text() == "1"
    assert view.referral_cells[(legal, None)].text() == "2"
    assert view.referral_cells[(ServiceKind.COUNSELLING, None)].text() == "0"  # in-house
    assert view.referral_totals[None].text() == "2"
    assert view.reason_values[NotEligibleReason.OUTSIDE_PALEMBANG].text() == "0"
    assert view.figure("groups_running") == "0"
    assert view.figure("attendance_rate") == "–"  # no mark yet
    view.clear()
    assert view.figure("accepted") == "–"


def test_facilitators_see_no_figures(qtbot: QtBot, vault: VaultFixture, admin: Services,
                                     runner: TaskRunner) -> None:
    admin.accounts.add_account("fasil1", Role.FASILITATOR, STAF_PASSWORD)
    fasil = switch_user(vault, admin, runner, "fasil1", STAF_PASSWORD)
    try:
        view = DashboardView(fasil, runner)
        qtbot.addWidget(view)
        view.refresh()
        runner.wait()
        assert view.counts is None
        assert view.message.text() == "Ringkasan ini hanya untuk staf yang dapat melihat hasil " \
                                      "asesmen."
    finally:
        runner.wait()
        fasil.close()

