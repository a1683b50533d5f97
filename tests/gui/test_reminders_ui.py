"""The reminders screen on a real vault, pressed as staff press it: every member of a group with
a session is listed, a woman who may not be called shows no number and gets no WhatsApp, the
copied text is exactly the neutral one and is audited without it, WhatsApp opens only through
its ``whatsapp:`` link, a cancelled session is told neutrally, the texts dialog refuses a
revealing word, a facilitator has no such tab, and the panic key empties the screen.

With ``KDRT_PNG_DIR`` set, the screen and dialog are also saved there as PNG in both languages.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import fields, replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from support.constants import PASSWORD
from support.markup_probe import VALUES, assert_plain
from support.programme import Programme, build, enrolled, session_on
from support.vault_fixture import VaultFixture

from kdrt_desk import i18n
from kdrt_desk.domain.enums import ConsentScope, Role, SafeToCall
from kdrt_desk.domain.participant import Consent
from kdrt_desk.domain.reminder import ReminderRow
from kdrt_desk.domain.training import SessionInput
from kdrt_desk.models import AuditEntry
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.ui.reminders_view import COLUMNS, RemindersView, ReminderTextsDialog
from kdrt_desk.wiring import Services

DAY = date(2026, 12, 3)  # a Thursday, inside the group's period
NOT_SAFE_PHONE = ("0814", "3333", "4444", "814")  # pieces of Sari's number
NO_CONSENT_PHONE = ("0815", "5555", "6666", "815")
NAMES = {"Rina", "Wati Jam Tertentu", "Sari Tidak Aman", "Ani Tanpa Izin"}


@pytest.fixture
def programme(admin: Services) -> Programme:
    """One group of four: callable, callable at times, not safe to call, no contact consent."""
    built = build(admin, members=0)
    gid = built.group_id
    enrolled(admin, gid, full_name="Rina Boleh Telepon", preferred_name="Rina",
            phone="0812-3456-7890", safe_to_call=SafeToCall.YES)
    enrolled(admin, gid, full_name="Wati Jam Tertentu", preferred_name="",
            phone="0813-1111-2222", safe_to_call=SafeToCall.AT_TIMES,
            safe_call_times="Senin-Jumat 09.00-11.00")
    enrolled(admin, gid, full_name="Sari Tidak Aman", preferred_name="", phone="0814-3333-4444",
            safe_to_call=SafeToCall.NO, trusted_contact_name="Kakak Lina",
            never_contact_at_home=True)
    enrolled(admin, gid, full_name="Ani Tanpa Izin", preferred_name="", phone="0815-5555-6666",
            safe_to_call=SafeToCall.YES,
            consent=Consent(date(2026, 11, 20), {ConsentScope.DATA_USE}))
    return built


@pytest.fixture
def view(qtbot: QtBot, admin: Services, runner: TaskRunner) -> Iterator[RemindersView]:
    """The screen opened the day before ``DAY``; ▶ (pressed) shows ``DAY``."""
    screen = RemindersView(admin, runner, day=date(2026, 12, 2))
    qtbot.addWidget(screen)
    screen.resize(1280, 640)
    screen.show()
    yield screen
    runner.wait()


def press(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def show_day(qtbot: QtBot, screen: RemindersView) -> None:
    with qtbot.waitSignal(screen.loaded, timeout=5000):
        press(qtbot, screen.next_button)
    assert screen.chosen_day() == DAY


def row_texts(table: QTableWidget, row: int) -> list[str]:
    items = [table.item(row, c) for c in range(table.columnCount())]
    return [text for i in items if i is not None for text in (i.text(), i.toolTip())]


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def row_of(screen: RemindersView, name: str) -> int:
    return [r.name for r in screen.rows].index(name)


def click_row(qtbot: QtBot, screen: RemindersView, row: int) -> None:
    rect = screen.table.visualRect(screen.table.model().index(row, 1))
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.selected() is screen.rows[row]


def sent_entries(admin: Services) -> list[tuple[str, str]]:
    with admin.vault.db.reading() as session:
        return [(str(target), str(details)) for target, details in session.execute(
            select(AuditEntry.target, AuditEntry.details).where(
                AuditEntry.action == "reminder_sent")).all()]


def test_every_member_is_listed_and_one_who_may_not_be_called_shows_no_number(
        qtbot: QtBot, admin: Services, programme: Programme, view: RemindersView) -> None:
    admin.sessions.create(session_on(programme, DAY, start=9, end=11))
    show_day(qtbot, view)
    names = {cell(view.table, r, COLUMNS.index("name"))
             for r in range(view.table.rowCount())}
    assert names == NAMES
    how = COLUMNS.index("how")
    rina = row_of(view, "Rina")
    assert cell(view.table, rina, how) == "Telepon/WA 0812-3456-7890"
    wati = row_of(view, "Wati Jam Tertentu")
    assert "Senin-Jumat 09.00-11.00" in cell(view.table, wati, how)
    sari = row_of(view, "Sari Tidak Aman")
    assert cell(view.table, sari, how) == \
        "Sampaikan langsung / lewat kontak tepercaya: Kakak Lina"
    assert cell(view.table, sari, COLUMNS.index("home")) == "jangan hubungi di rumah"
    for name, pieces in (("Sari Tidak Aman", NOT_SAFE_PHONE), ("Ani Tanpa Izin", NO_CONSENT_PHONE)):
        row = row_of(view, name)
        shown = row_texts(view.table, row)
        assert not [text for text in shown for piece in pieces if piece in text], shown
        click_row(qtbot, view, row)
        assert view.copy_button.isEnabled() and not view.whatsapp_button.isEnabled()
        assert not [p for p in pieces if p in view.selected_text.text()]
    click_row(qtbot, view, rina)
    assert view.whatsapp_button.isEnabled()
    assert view.count_label.text() == "4 orang untuk diberi tahu (3 Desember 2026)"


def test_copy_puts_exactly_the_neutral_text_on_the_clipboard_and_audits_without_it(
        qtbot: QtBot, admin: Services, programme: Programme, view: RemindersView) -> None:
    admin.sessions.create(session_on(programme, DAY, start=9, end=11))
    show_day(qtbot, view)
    QApplication.clipboard().clear()
    click_row(qtbot, view, row_of(view, "Rina"))
    with qtbot.waitSignal(view.sent, timeout=5000) as sent:
        press(qtbot, view.copy_button)
    assert sent.args == ["copied"]
    assert QApplication.clipboard().text() == "Ibu, jangan lupa besok jam 09.00 di tempat biasa."
    entries = sent_entries(admin)
    assert len(entries) == 1
    _target, details = entries[0]
    assert set(json.loads(details)) == {"session_id", "kind"}  # not how: that is sealed
    for secret in ("jangan", "biasa", "0812", "3456", "7890", "Rina"):
        assert secret not in details
    assert view.done_label.isVisible() and "disalin" in view.done_label.text()


def test_whatsapp_opens_only_the_app_s_own_link(
        qtbot: QtBot, admin: Services, programme: Programme, view: RemindersView,
        monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []

    def record(url: QUrl) -> bool:
        opened.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(record))
    admin.sessions.create(session_on(programme, DAY, start=9, end=11))
    show_day(qtbot, view)
    click_row(qtbot, view, row_of(view, "Sari Tidak Aman"))
    press(qtbot, view.whatsapp_button)  # greyed out: nothing opens
    click_row(qtbot, view, row_of(view, "Rina"))
    with qtbot.waitSignal(view.sent, timeout=5000):
        press(qtbot, view.whatsapp_button)
    assert len(opened) == 1
    assert opened[0].startswith("whatsapp://send?phone=6281234567890&text=")
    assert not [u for u in opened if u.lower().startswith(("http", "wa.me"))]
    assert [set(json.loads(d)) for _t, d in sent_entries(admin)] == [{"session_id", "kind"}]

    # a web link (should one ever come) is never opened: the button stays grey for it
    real = admin.reminders.for_date

    def web_links(_day: date) -> list[ReminderRow]:
        return [replace(r, whatsapp_url=r.whatsapp_url.replace("whatsapp://send",
                                                               "https://wa.me/send"))
                for r in real(DAY)]

    monkeypatch.setattr(admin.reminders, "for_date", web_links)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        press(qtbot, view.next_button)
    click_row(qtbot, view, row_of(view, "Rina"))
    assert not view.whatsapp_button.isEnabled()
    press(qtbot, view.whatsapp_button)
    assert len(opened) == 1


def test_a_cancelled_session_shows_its_neutral_text(
        qtbot: QtBot, admin: Services, programme: Programme, view: RemindersView) -> None:
    cancelled = admin.sessions.create(session_on(programme, DAY))
    admin.sessions.cancel(cancelled.id, "Fasilitator sakit")
    show_day(qtbot, view)
    kinds = {cell(view.table, r, COLUMNS.index("kind"))
             for r in range(view.table.rowCount())}
    messages = {cell(view.table, r, COLUMNS.index("message"))
                for r in range(view.table.rowCount())}
    assert kinds == {"Dibatalkan"} and view.table.rowCount() == 4
    assert messages == {"Ibu, besok tidak jadi. Nanti dikabari lagi."}


def told_cell(screen: RemindersView, name: str) -> QTableWidgetItem:
    item = screen.table.item(row_of(screen, name), COLUMNS.index("told"))
    assert item is not None
    return item


def test_copying_or_sudah_diberi_tahu_marks_her_told_and_a_cancel_after_it_shows(
        qtbot: QtBot, admin: Services, programme: Programme, view: RemindersView) -> None:
    session = admin.sessions.create(session_on(programme, DAY, start=9, end=11))
    show_day(qtbot, view)
    assert {told_cell(view, n).text() for n in NAMES} == {"Belum"}
    assert view.count_label.text() == "4 orang untuk diberi tahu (3 Desember 2026)"
    click_row(qtbot, view, row_of(view, "Rina"))
    with qtbot.waitSignal(view.loaded, timeout=5000):  # recorded, then the list reloads
        press(qtbot, view.copy_button)
    rina = told_cell(view, "Rina")
    assert rina.text() == "Sudah diberi tahu"
    assert rina.toolTip().startswith("Sudah diberi tahu (terakhir ")  # and when
    grey = rina.foreground().color().name()
    assert grey == told_cell(view, "Rina").foreground().color().name() != \
        told_cell(view, "Wati Jam Tertentu").foreground().color().name()
    chosen = view.selected()
    assert chosen is not None and chosen.name == "Rina"  # kept selected
    assert view.done_label.isVisible() and "disalin" in view.done_label.text()
    assert view.count_label.text() == \
        "3 orang untuk diberi tahu, 1 sudah (3 Desember 2026)"

    click_row(qtbot, view, row_of(view, "Sari Tidak Aman"))  # may not be called
    assert view.told_button.isEnabled() and not view.whatsapp_button.isEnabled()
    with qtbot.waitSignal(view.sent, timeout=5000) as sent, \
            qtbot.waitSignal(view.loaded, timeout=5000):
        press(qtbot, view.told_button)
    assert sent.args == ["in_person"]
    assert told_cell(view, "Sari Tidak Aman").text() == "Sudah diberi tahu"
    assert view.done_label.text() == "Dicatat: Sari Tidak Aman sudah diberi tahu."
    details = [json.loads(d) for _t, d in sent_entries(admin)]
    assert len(details) == 2  # copied and in person: the same entry, neither names the way
    assert all(set(d) == {"session_id", "kind"} for d in details)

    admin.sessions.cancel(session.id, "Fasilitator sakit")  # after she was told
    with qtbot.waitSignal(view.loaded, timeout=5000):
        press(qtbot, view.tomorrow_button)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.set_day(DAY)
    for name in ("Rina", "Sari Tidak Aman"):
        row = row_of(view, name)
        assert cell(view.table, row, COLUMNS.index("kind")) == "Dibatalkan"
        assert told_cell(view, name).text() == "Berubah sejak diberi tahu"
        assert told_cell(view, name).font().bold()
        assert cell(view.table, row, COLUMNS.index("message")) == \
            "Ibu, besok tidak jadi. Nanti dikabari lagi."
    assert told_cell(view, "Wati Jam Tertentu").text() == "Belum"


def _texts_dialog(qtbot: QtBot, screen: RemindersView) -> ReminderTextsDialog:
    press(qtbot, screen.edit_texts_button)
    dialog = screen.dialog
    assert isinstance(dialog, ReminderTextsDialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    return dialog


def _type(qtbot: QtBot, dialog: ReminderTextsDialog, text: str) -> None:
    box = dialog.boxes["reminder"]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    qtbot.keyClicks(box, text)
    assert box.toPlainText() == text


def test_the_texts_dialog_refuses_a_revealing_word_and_saves_a_neutral_text(
        qtbot: QtBot, admin: Services, programme: Programme, view: RemindersView) -> None:
    admin.sessions.create(session_on(programme, DAY, start=9, end=11))
    show_day(qtbot, view)
    dialog = _texts_dialog(qtbot, view)
    assert dialog.boxes["reminder"].toPlainText() == \
        "Ibu, jangan lupa besok jam {jam} di tempat biasa."
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    _type(qtbot, dialog, "Ibu, besok pelatihan jam {jam}.")
    press(qtbot, save)
    qtbot.waitUntil(lambda: bool(dialog.error_text("reminder")), timeout=5000)
    assert dialog.error_text("reminder").startswith("teks menyebut \"pelatihan\".")
    assert dialog.isVisible()
    _type(qtbot, dialog, "Bu, {hari} jam {jam} ya.")
    with qtbot.waitSignal(view.loaded, timeout=5000):
        press(qtbot, save)
    assert view.dialog is None  # closed (and let go) once saved
    messages = {cell(view.table, r, COLUMNS.index("message"))
                for r in range(view.table.rowCount())}
    assert messages == {"Bu, Kamis jam 09.00 ya."}


def test_a_facilitator_s_window_has_no_reminders_tab(
        qtbot: QtBot, admin: Services, vault: VaultFixture, runner: TaskRunner) -> None:
    admin.accounts.add_account("fasilitator1", Role.FASILITATOR, PASSWORD)
    admin.close()  # one session on a vault at a time
    services = vault.services("fasilitator1")
    window = MainWindow(services, runner)
    qtbot.addWidget(window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Pengingat" not in titles and titles
    assert window.findChildren(RemindersView) == []


def _everything_shown(root: QWidget) -> str:
    texts = [w.text() for w in root.findChildren(QLabel)]
    texts += [w.toolTip() for w in root.findChildren(QWidget)]
    for table in root.findChildren(QTableWidget):
        texts += [text for r in range(table.rowCount()) for text in row_texts(table, r)]
    return "\n".join(texts)


def test_the_panic_key_empties_the_screen(
        qtbot: QtBot, admin: Services, programme: Programme, runner: TaskRunner) -> None:
    admin.sessions.create(session_on(programme, DAY, start=9, end=11))
    window = MainWindow(admin, runner)
    qtbot.addWidget(window)
    window.show()
    assert "Pengingat" in [window.tabs.tabText(i) for i in range(window.tabs.count())]
    [screen] = window.findChildren(RemindersView)
    with qtbot.waitSignal(screen.loaded, timeout=5000):
        window.tabs.setCurrentWidget(screen)
    with qtbot.waitSignal(screen.loaded, timeout=5000):
        screen.set_day(DAY)
    qtbot.waitUntil(lambda: screen.table.rowCount() == 4, timeout=5000)
    assert "Kakak Lina" in _everything_shown(window)
    window.activateWindow()
    qtbot.keyClick(screen.table, Qt.Key.Key_F12)
    assert window.locked
    shown = _everything_shown(window)
    for secret in ("Rina", "Wati", "Sari", "Ani Tanpa", "Kakak Lina", "0812", "jangan lupa"):
        assert secret not in shown
    assert screen.table.rowCount() == 0 and screen.rows == []


def test_unlocking_brings_back_the_list_and_the_texts_being_edited(
        qtbot: QtBot, admin: Services, programme: Programme, runner: TaskRunner) -> None:
    admin.sessions.create(session_on(programme, DAY, start=9, end=11))
    window = MainWindow(admin, runner)
    qtbot.addWidget(window)
    window.show()
    [screen] = window.findChildren(RemindersView)
    window.tabs.setCurrentWidget(screen)
    with qtbot.waitSignal(screen.loaded, timeout=5000):
        screen.set_day(DAY)
    dialog = _texts_dialog(qtbot, screen)
    _type(qtbot, dialog, "Bu, besok jam {jam} ya.")
    qtbot.keyClick(dialog.boxes["reminder"], Qt.Key.Key_F12)  # the panic key while typing
    assert window.locked and not dialog.isVisible() and screen.table.rowCount() == 0
    window.lock_screen.password.setText(PASSWORD)
    with qtbot.waitSignal(screen.loaded, timeout=5000):
        qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
    assert not window.locked and screen.table.rowCount() == 4
    assert dialog.isVisible() and dialog.boxes["reminder"].toPlainText() == \
        "Bu, besok jam {jam} ya."
    dialog.reject()


def test_names_typed_with_markup_show_as_typed(
        qtbot: QtBot, admin: Services, view: RemindersView) -> None:
    built = build(admin, members=0)
    enrolled(admin, built.group_id, full_name=VALUES["full_name"], preferred_name="",
            phone="0816-7777-8888", safe_to_call=SafeToCall.NO,
            trusted_contact_name=VALUES["trusted_contact"])
    admin.sessions.create(session_on(built, DAY))
    show_day(qtbot, view)
    click_row(qtbot, view, 0)
    with qtbot.waitSignal(view.sent, timeout=5000):
        press(qtbot, view.copy_button)
    assert VALUES["full_name"] in view.done_label.text()
    assert_plain(view, expect=["full_name", "trusted_contact"])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_screen_and_dialog_render_whole(
        qtbot: QtBot, admin: Services, programme: Programme, runner: TaskRunner, lang: str,
        tmp_path: Path) -> None:
    admin.sessions.create(session_on(programme, DAY, start=9, end=11))
    moved = admin.sessions.create(session_on(programme, DAY, start=13, end=15))
    names = {f.name for f in fields(SessionInput)}
    admin.sessions.update(SessionInput(**{**{n: getattr(moved, n) for n in names},
                                          "session_date": date(2026, 12, 5)}))
    cancelled = admin.sessions.create(session_on(programme, DAY, start=15, end=16))
    told = {(r.name, r.start.hour): r for r in admin.reminders.for_date(DAY)}
    admin.reminders.record_sent(told[("Rina", 9)], "copied")  # greyed: told as it is
    admin.reminders.record_told(told[("Sari Tidak Aman", 15)])  # changed: cancelled since
    admin.sessions.cancel(cancelled.id, "Fasilitator sakit")
    i18n.set_language(lang)
    try:
        screen = RemindersView(admin, runner, day=DAY)
        qtbot.addWidget(screen)
        screen.resize(1240, 600)
        screen.show()
        with qtbot.waitSignal(screen.loaded, timeout=5000):
            screen.refresh()
        click_row(qtbot, screen, row_of(screen, "Sari Tidak Aman"))
        dialog = _texts_dialog(qtbot, screen)
        qtbot.wait(50)
        folder = Path(os.environ.get("KDRT_PNG_DIR", str(tmp_path)))
        folder.mkdir(parents=True, exist_ok=True)
        assert screen.grab().save(str(folder / f"reminders_{lang}.png"))
        screen.table.scrollToBottom()  # the cancelled rows: one told before, one not
        qtbot.wait(50)
        assert screen.grab().save(str(folder / f"reminders_end_{lang}.png"))
        assert screen.table.horizontalScrollBar().maximum() == 0  # nothing cut at the side
        assert dialog.grab().save(str(folder / f"reminder_texts_{lang}.png"))
        _type(qtbot, dialog, "Ibu {nama}, besok pelatihan jam {jam}.")
        press(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
        qtbot.waitUntil(lambda: bool(dialog.error_text("reminder")), timeout=5000)
        assert len(dialog.error_text("reminder").splitlines()) == 2  # {nama}, and the word
        qtbot.wait(50)
        assert dialog.grab().save(str(folder / f"reminder_texts_refused_{lang}.png"))
        words = ("Copy text", "Open in WhatsApp", "Reminder text") if lang == "id" else (
            "Salin teks", "Buka di WhatsApp", "Teks pengingat")
        shown = _everything_shown(screen) + "\n".join(
            b.text() for b in screen.findChildren(QAbstractButton))
        assert not [w for w in words if w in shown]
        dialog.reject()
    finally:
        i18n.set_language("id")
