"""The main window: panic key and idle lock hide every name; unlocking needs the password."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from support.constants import PASSWORD
from support.participant_samples import sample
from support.vault_fixture import VaultFixture

from kdrt_desk.errors import VaultError
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.audit_view import AuditView
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.wiring import Services


@pytest.fixture
def window(qtbot: QtBot, admin: Services) -> Iterator[MainWindow]:
    admin.participants.register(sample(), today=date(2026, 11, 27))
    failures: list[BaseException] = []
    runner = TaskRunner(on_unhandled=failures.append)
    main = MainWindow(admin, runner)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.register.model.rowCount() == 1, timeout=5000)
    yield main
    runner.wait()
    assert failures == []


def widget_texts(widget: QWidget) -> list[str]:
    """Every text one widget shows: its caption, contents, tool tip and the rows of its list."""
    texts = [widget.windowTitle(), widget.toolTip()]
    if isinstance(widget, (QLabel, QLineEdit, QAbstractButton)):
        texts.append(widget.text())
    if isinstance(widget, QPlainTextEdit):
        texts.append(widget.toPlainText())
    if isinstance(widget, QTextEdit):
        texts.append(widget.toPlainText())
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QTabBar):
        texts += [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        texts += [str(model.index(row, column, widget.rootIndex()).data() or "")
                  for row in range(model.rowCount(widget.rootIndex()))
                  for column in range(model.columnCount(widget.rootIndex()))]
    return [text for text in texts if text]


def visible_texts(main: MainWindow) -> str:
    """What every visible window and widget shows (painted first, as the screen would be)."""
    shown = [w for w in {main, *QApplication.topLevelWidgets()} if w.isVisible()]
    texts: list[str] = []
    for window in shown:
        window.grab()  # forces a paint of what is visible
        for widget in [window, *window.findChildren(QWidget)]:
            if widget.isVisible():
                texts += widget_texts(widget)
    return "\n".join(texts)


def test_panic_key_hides_names_and_forms_at_once(qtbot: QtBot, window: MainWindow) -> None:
    form = window.open_participant(window.register.model.id_at(0))
    assert form is not None
    qtbot.waitUntil(form.isEnabled, timeout=5000)
    form.household.occupation.setText("ketikan yang belum disimpan")
    before = visible_texts(window)
    assert "Siti Aminah Lestari" in before and "Ami" in before  # the walk sees names
    qtbot.keyClick(form.identity.full_name, Qt.Key.Key_F12)
    assert window.locked and window.is_showing_lock_screen
    assert window.register.model.rowCount() == 0
    assert not form.isVisible()
    shown = visible_texts(window)
    for private in ("Siti", "Aminah", "Lestari", "Ami", "1671044506850001", "3456",
                    "ketikan yang belum disimpan"):
        assert private not in shown
    window.lock_screen.password.setText("salah")
    qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.lock_screen.error.text()), timeout=5000)
    assert window.locked and "salah" in window.lock_screen.error.text().lower()
    window.lock_screen.password.setText(PASSWORD)
    qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    assert form.isVisible()
    assert form.household.occupation.text() == "ketikan yang belum disimpan"  # nothing lost
    qtbot.waitUntil(lambda: window.register.model.rowCount() == 1, timeout=5000)
    actions = [e.action for e in window.services.audit.entries()][:3]
    assert actions == ["unlocked", "unlock_failed", "locked"]
    form.discard()


def test_idle_time_locks_the_window(qtbot: QtBot, window: MainWindow) -> None:
    window.watcher.set_interval_ms(150)
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    assert window.is_showing_lock_screen


def test_activity_keeps_it_open(qtbot: QtBot, window: MainWindow) -> None:
    window.watcher.set_interval_ms(400)
    for _ in range(6):
        qtbot.wait(100)
        qtbot.keyClick(window.register.search, Qt.Key.Key_Shift)
    assert not window.locked


def test_a_new_recovery_sheet_replaces_the_old_code(
        qtbot: QtBot, window: MainWindow, vault: VaultFixture, tmp_path: Path) -> None:
    sheet = tmp_path / "baru.pdf"
    qtbot.waitUntil(lambda: window.settings.centre_name != "", timeout=5000)
    window.replace_recovery_sheet(sheet)
    window.runner.wait()
    qtbot.waitUntil(sheet.exists, timeout=5000)
    text = PdfReader(sheet).pages[0].extract_text()
    assert window.settings.centre_name in text
    keys = window.services.vault.keys
    window.runner.wait()
    with pytest.raises(VaultError):
        keys.unlock_with_recovery(vault.recovery_code)
    new_code = next(line.split(": ", 1)[-1].strip() for line in text.splitlines()
                    if line.count("-") == 6 and len(line.split()[-1]) == 34)
    assert keys.unlock_with_recovery(new_code.split()[-1]).master == window.services.vault.master


def test_language_switch_rebuilds_the_window_in_english(
        qtbot: QtBot, window: MainWindow) -> None:
    window.switch_language("en")
    assert window.tabs.tabText(0) == "Participants"
    assert window.menuBar().actions()[0].text() == "&File"
    qtbot.waitUntil(lambda: window.register.model.rowCount() == 1, timeout=5000)
    window.switch_language("id")
    assert window.tabs.tabText(0) == "Peserta"


def test_the_waitlist_and_dashboard_load_when_their_tab_opens(
        qtbot: QtBot, window: MainWindow) -> None:
    from kdrt_desk.domain.enums import DecisionOutcome
    from kdrt_desk.domain.screening import DecisionInput, ScreeningInput

    services = window.services
    pid = window.register.model.id_at(0)
    assert pid is not None
    codes = {c.code for c in services.screening.criteria() if c.kind == "required"}
    screening = services.screening.create(ScreeningInput(
        participant_id=pid, screened_on=date(2026, 11, 25), criteria_met=codes),
        today=date(2026, 11, 27))
    services.decisions.decide(DecisionInput(screening_id=screening.id,
                                            outcome=DecisionOutcome.WAITLISTED, priority=2,
                                            decided_on=date(2026, 11, 26)),
                              today=date(2026, 11, 27))
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    waitlist = window.tabs.widget(titles.index("Daftar tunggu"))
    with qtbot.waitSignal(waitlist.loaded, timeout=5000) as shown:
        window.tabs.setCurrentWidget(waitlist)
    assert shown.args == [1]
    dashboard = window.tabs.widget(titles.index("Dasbor"))
    with qtbot.waitSignal(dashboard.loaded, timeout=5000) as counted:
        window.tabs.setCurrentWidget(dashboard)
    assert counted.args[0].waitlisted == 1


def test_programme_tabs_and_an_open_roll_call_survive_a_lock(
        qtbot: QtBot, window: MainWindow) -> None:
    from support.programme import build, session_on

    from kdrt_desk.domain.training import AttendanceMark
    from kdrt_desk.ui.roll_call_dialog import RollCallDialog

    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs[:6] == ["Peserta", "Daftar tunggu", "Dasbor", "Kelompok", "Sesi dan kehadiran",
                        "Katalog program"]
    assert all(not window.tabs.tabIcon(i).isNull() for i in range(window.tabs.count()))
    programme = build(window.services, members=2)
    held = window.services.sessions.create(session_on(programme, date(2026, 11, 23)))
    dialog = RollCallDialog(window.services, window.runner, held.id, window)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.open()
    qtbot.keyClick(dialog.table, "t")
    qtbot.waitUntil(lambda: bool(window.services.attendance.roll_call(held.id)[0].mark),
                    timeout=5000)
    window.lock("button")
    assert not dialog.isVisible()  # no name left on screen
    window.lock_screen.password.setText(PASSWORD)
    qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    assert dialog.isVisible() and dialog.table.rowCount() == 2
    assert window.services.attendance.roll_call(held.id)[0].mark == AttendanceMark.LATE
    dialog.close()


def test_ctrl_f_puts_the_cursor_in_the_screens_search_box(
        qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.register.table.setFocus()
    window.register.search.setText("Siti")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.register.search.hasFocus, timeout=2000)
    assert window.register.search.selectedText() == "Siti"
    audit = next(w for w in map(window.tabs.widget, range(window.tabs.count()))
                 if isinstance(w, AuditView))
    window.tabs.setCurrentWidget(audit)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(audit.search.hasFocus, timeout=2000)
