"""The "Asesmen" screen and the login banner, pressed as a case worker does: an open alert in
her list and in the banner, "Saya tangani", "Catat tindakan…" closing it; the rounds due this
week and overdue; the blank paper form saved as a real PDF."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot
from support.programme import build

from kdrt_desk.domain.assessment import AssessmentInput
from kdrt_desk.domain.instruments import WHO5, Item
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.alert_dialog import AlertActionDialog
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.ui.monitoring_view import MonitoringView
from kdrt_desk.wiring import Services


def raise_alert(services: Services) -> int:
    pid = build(services, members=2).participants[0]
    services.instruments.save_custom(replace(
        WHO5, code="CEK-1", name_id="Cek singkat", name_en="Check-in", standard=False,
        items=(*WHO5.items[:4], Item("I have thought of hurting myself",
                                     "Saya berpikir menyakiti diri", alert_at=2))))
    services.assessments.record(AssessmentInput(pid, "CEK-1", "other", date(2026, 11, 25),
                                                (3, 3, 3, 3, 5)))
    return pid


def loaded(qtbot: QtBot, services: Services, runner: TaskRunner) -> MonitoringView:
    view = MonitoringView(services, runner)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: view.loaded, timeout=5000)
    return view


def test_an_alert_is_acknowledged_then_closed_with_what_was_done(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    raise_alert(admin)
    view = loaded(qtbot, admin, runner)
    assert view.alert_list.count() == 1 and "TERBUKA" in view.alert_list.item(0).text()
    assert "Saya berpikir menyakiti diri" in view.alert_list.item(0).toolTip()
    view.alert_list.setCurrentRow(0)
    qtbot.mouseClick(view.ack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.alert_list.count() == 1
                    and "diterima admin" in view.alert_list.item(0).text(), timeout=5000)
    view.alert_list.setCurrentRow(0)
    assert not view.ack_button.isEnabled()
    qtbot.mouseClick(view.handle_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, AlertActionDialog)
    qtbot.keyClicks(dialog.action, "Dikunjungi di rumah aman, aman sekarang.")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.no_alerts.isVisible(), timeout=5000)
    assert admin.alerts.open_for_me() == []


def test_the_rounds_due_are_listed_and_open_her_record(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    programme = build(admin, members=2)
    admin.instruments.set_in_use(["WHO5"])
    view = loaded(qtbot, admin, runner)
    # the test group's term ended on 31 December 2026 at the latest: every planned round so
    # far is due or overdue for both members
    assert view.due_table.rowCount() == len(admin.assessments.due())
    assert view.due_table.rowCount() >= 2
    opened: list[int] = []
    view.open_requested.connect(opened.append)
    table = view.due_table
    where = table.visualRect(table.model().index(0, 2)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened and opened[0] in programme.participants
    qtbot.mouseClick(view.mine_only, Qt.MouseButton.LeftButton)  # nobody assigned to admin
    qtbot.waitUntil(lambda: view.due_table.rowCount() == 0, timeout=5000)


def test_the_paper_form_is_saved_as_a_pdf(qtbot: QtBot, admin: Services, runner: TaskRunner,
                                          tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    view = loaded(qtbot, admin, runner)
    target = tmp_path / "formulir-gse.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), ""))
    view.form_choice.setCurrentIndex(view.form_choice.findData("GSE"))
    qtbot.mouseClick(view.form_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists() and view.saved_note.text() != "", timeout=10000)
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Efikasi" in text and "Terjemahan kerja" in text


def test_the_login_banner_tells_of_open_alerts(qtbot: QtBot, admin: Services) -> None:
    raise_alert(admin)
    failures: list[BaseException] = []
    runner = TaskRunner(on_unhandled=failures.append)
    main = MainWindow(admin, runner)
    qtbot.addWidget(main)
    main.show()
    banner = main.alert_banner
    assert banner is not None
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    assert "1 peringatan" in main.alert_text.text()
    button = banner.findChildren(type(main.lock_button))[0]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert main.tabs.currentWidget() is main.monitoring
    runner.wait()
    assert failures == []


def test_an_alert_nobody_acknowledged_for_a_working_day_is_on_the_dashboard(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    from datetime import UTC, datetime, timedelta

    from kdrt_desk.models import AssessmentAlert
    from kdrt_desk.ui.dashboard_view import DashboardView

    raise_alert(admin)
    with admin.vault.db.transaction() as session:  # raised four days ago
        row = session.query(AssessmentAlert).one()
        raised = dict(row.raised or {})
        raised["raised_at"] = (datetime.now(UTC) - timedelta(days=4)).isoformat()
        row.raised = raised
    view = DashboardView(admin, runner)
    qtbot.addWidget(view)
    view.show()
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.alert_box.isVisible, timeout=5000)
    assert "1" in view.alert_box.title() and "Bu 000" in view.alert_lines.text()
    admin.alerts.acknowledge(admin.alerts.open_for_me()[0].id)
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.alert_box.isVisible(), timeout=5000)
