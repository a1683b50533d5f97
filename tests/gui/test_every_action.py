"""Every main action of every screen and menu, pressed as a user presses it.

The main window runs on a real vault holding a small programme built through the services
(participants accepted and enrolled, one waitlisted, one rejection awaiting a second person, a
second group, sessions held and planned, a partner, a second staff account). For each screen the
expected buttons are listed here by their text (a renamed or removed button fails its case);
each is clicked with the mouse (``qtbot.mouseClick``), each menu entry is triggered
(``QAction.trigger``), and each must show its effect: a dialog that opens (closed again with its
own Cancel/Close button), a PDF written where the save dialog pointed, a message box (recorded by
``modal_boxes``), or the change on screen the action is for. No case may end in the crash dialog,
and an error no callback handled fails the case (``runner``).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import keyring
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from support.constants import PASSWORD
from support.fake_os_keyring import MemoryKeyring
from support.modal_boxes import ModalBoxes
from support.participant_samples import TODAY, sample
from support.programme import PERIOD, Programme, build, session_on
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.enums import DecisionOutcome, NotEligibleReason, Role
from kdrt_desk.domain.screening import DecisionInput, ScreeningInput
from kdrt_desk.domain.training import (
    AttendanceMark,
    GroupInput,
    PartnerInput,
    SessionQuery,
    SessionStatus,
)
from kdrt_desk.services.reminders import ToldState
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.about_dialog import AboutDialog
from kdrt_desk.ui.accounts_view import AccountsView
from kdrt_desk.ui.audit_view import AuditView
from kdrt_desk.ui.backup_dialog import BackupDialog
from kdrt_desk.ui.calendar_settings_dialog import CalendarSettingsDialog
from kdrt_desk.ui.calendar_view import CalendarView
from kdrt_desk.ui.catalogue_view import CatalogueList
from kdrt_desk.ui.dashboard_view import DashboardView
from kdrt_desk.ui.groups_view import GroupsView
from kdrt_desk.ui.guide_dialog import GuideDialog
from kdrt_desk.ui.import_dialog import ImportDialog
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.ui.participant_form import ParticipantForm
from kdrt_desk.ui.reminders_view import RemindersView, ReminderTextsDialog, told_state
from kdrt_desk.ui.restore_dialog import RestoreDialog
from kdrt_desk.ui.retention_dialog import RetentionDialog
from kdrt_desk.ui.roll_call_dialog import RollCallDialog
from kdrt_desk.ui.schedule_view import ScheduleView
from kdrt_desk.ui.sessions_view import SessionsView
from kdrt_desk.ui.to_complete_dialog import ToCompleteDialog
from kdrt_desk.ui.waitlist_view import WaitlistView
from kdrt_desk.ui.widgets.pdf_preview import PdfPreviewDialog
from kdrt_desk.wiring import Services

NOVEMBER = date(2026, 11, 1)
HELD_DAY, PLANNED_DAY = date(2026, 11, 23), date(2026, 11, 24)
STAFF = "konselor1"


# -- the desk: a window on a vault with something on every screen ---------------------------------
@dataclass
class Desk:
    window: MainWindow
    services: Services
    programme: Programme
    qtbot: QtBot
    boxes: ModalBoxes
    tmp_path: Path
    monkeypatch: pytest.MonkeyPatch
    modal_seen: list[QWidget] = field(default_factory=list)
    stuck: list[str] = field(default_factory=list)  # modal windows the watchdog had to close

    def page(self, path: str) -> QWidget:
        """The screen named ``Tab`` or ``Tab/Sub-tab``, brought to the front."""
        tabs: QTabWidget = self.window.tabs
        page: QWidget | None = None
        for part in path.split("/"):
            titles = [tabs.tabText(i) for i in range(tabs.count())]
            assert part in titles, f"no tab {part!r} in {titles}"
            page = tabs.widget(titles.index(part))
            assert page is not None
            tabs.setCurrentWidget(page)
            inner = page.findChild(QTabWidget)
            if inner is not None:
                tabs = inner
        assert page is not None
        return page

    def button(self, page: QWidget, text: str) -> QAbstractButton:
        found = [b for b in page.findChildren(QAbstractButton)
                 if b.text() == text and b.isVisibleTo(page)]
        assert len(found) == 1, f"{len(found)} buttons {text!r} on this screen"
        return found[0]

    def click_row(self, table: QAbstractItemView, row: int) -> None:
        model = table.model()
        self.qtbot.waitUntil(lambda: model.rowCount() > row, timeout=5000)
        table.scrollTo(model.index(row, 0))
        rect = table.visualRect(model.index(row, 0))
        self.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                              pos=rect.center())
        assert table.selectionModel().isRowSelected(row, table.rootIndex())

    def view(self, kind: type[QWidget]) -> QWidget:
        found = next(w for w in map(self.window.tabs.widget, range(self.window.tabs.count()))
                     if isinstance(w, kind))
        return found

    def save_dialog_returns(self, path: Path) -> None:
        self.monkeypatch.setattr(QFileDialog, "getSaveFileName",
                                 staticmethod(lambda *args, **kwargs: (str(path), "")))

    def close_next_modal(self) -> None:
        """For a dialog shown with ``exec()`` (it blocks): once it shows, note it and press its
        Cancel button, so the click that opened it returns."""
        def closer(tries: int = 0) -> None:
            modal = QApplication.activeModalWidget()
            if modal is None or modal in self.modal_seen:
                if tries < 50:
                    QTimer.singleShot(20, lambda: closer(tries + 1))
                return
            self.modal_seen.append(modal)
            press_cancel(self.qtbot, modal)

        QTimer.singleShot(0, closer)


def new_dialogs(before: set[QWidget]) -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible() and w not in before]


def cancel_button(dialog: QWidget) -> QAbstractButton:
    """The dialog's own Cancel / Close button (a box's reject role, or a "Tutup" button)."""
    if isinstance(dialog, QMessageBox):
        return next(b for b in dialog.buttons()
                    if dialog.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if box.buttonRole(button) == QDialogButtonBox.ButtonRole.RejectRole \
                    and button.isVisible():
                return button
    return next(b for b in dialog.findChildren(QPushButton)
                if b.text() in ("Tutup", "Batal") and b.isVisible())


def press_cancel(qtbot: QtBot, dialog: QWidget) -> None:
    qtbot.mouseClick(cancel_button(dialog), Qt.MouseButton.LeftButton)


class Watchdog:
    """A modal window nobody closes (an ``exec()`` the case did not expect) would block the run
    for ever: after ``patience_ms`` the same one is noted as stuck and rejected, and the case
    fails instead of hanging."""

    def __init__(self, desk: Desk, patience_ms: int = 8000) -> None:
        self.desk = desk
        self.seen: QWidget | None = None
        self.timer = QTimer()
        self.timer.setInterval(patience_ms)
        self.timer.timeout.connect(self.look)
        self.timer.start()

    def look(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is self.seen:
            self.desk.stuck.append(modal.windowTitle())
            if isinstance(modal, QDialog):
                modal.reject()
            else:
                modal.close()
        self.seen = modal

    def stop(self) -> None:
        self.timer.stop()


def fill(admin: Services) -> Programme:
    """Something on every screen, made through the services."""
    programme = build(admin, members=3)
    admin.groups.save(GroupInput(name="Angkatan 2 Kertapati", kecamatan="Kertapati",
                                 start_date=PERIOD[0], end_date=PERIOD[1],
                                 venue_id=programme.kitchen_id,
                                 module_ids=list(programme.modules.values())[:2]))
    codes = {c.code for c in admin.screening.criteria() if c.kind == "required"}
    for name, outcome in (("Rina Uji Menunggu", DecisionOutcome.WAITLISTED),
                          ("Yuni Uji Luar Kota", DecisionOutcome.NOT_ELIGIBLE)):
        pid = admin.participants.register(sample(full_name=name, nik="", phone=""),
                                          today=TODAY).id
        refused = outcome == DecisionOutcome.NOT_ELIGIBLE
        screened = admin.screening.create(ScreeningInput(
            participant_id=pid, screened_on=date(2026, 11, 22),
            criteria_met=codes - {"lives_in_palembang"} if refused else codes), today=TODAY)
        admin.decisions.decide(DecisionInput(
            screening_id=screened.id, outcome=outcome, priority=None if refused else 2,
            reason_code=NotEligibleReason.OUTSIDE_PALEMBANG if refused else None,
            decided_on=date(2026, 11, 23)), today=TODAY)
    held = admin.sessions.create(session_on(programme, HELD_DAY))
    for pid in programme.participants:
        admin.attendance.mark(held.id, pid, AttendanceMark.PRESENT, today=TODAY)
    admin.sessions.create(session_on(programme, PLANNED_DAY, module="SOS-02",
                                     facilitator="trainer", topic="Rencana usaha"))
    admin.partners.save(PartnerInput(name="LBH APIK Sumatera Selatan",
                                     contact_person="Ibu Yeni", phone="0711-000000"))
    admin.accounts.add_account(STAFF, Role.KONSELOR, PASSWORD)
    return programme


@pytest.fixture(scope="module")
def desk_template(tmp_path_factory: pytest.TempPathFactory,
                  _vault_template: tuple[Path, str, dict]
                  ) -> tuple[Path, str, dict, Programme]:
    """The filled vault, made once for this file; each case works on its own copy."""
    template, code, entries = _vault_template
    folder = tmp_path_factory.mktemp("desk") / "vault"
    shutil.copytree(template, folder)
    backend = MemoryKeyring(entries)
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        services = VaultFixture(folder, code, backend).services()
        try:
            programme = fill(services)
        finally:
            services.close()
    finally:
        keyring.set_keyring(previous)
    return folder, code, dict(backend.entries), programme


@pytest.fixture
def desk(qtbot: QtBot, runner: TaskRunner, modal_boxes: ModalBoxes, tmp_path: Path,
         monkeypatch: pytest.MonkeyPatch, _test_keyring: MemoryKeyring,
         desk_template: tuple[Path, str, dict, Programme]) -> Iterator[Desk]:
    template, code, entries, programme = desk_template
    shutil.copytree(template, tmp_path / "vault")
    _test_keyring.entries.update(entries)
    admin = VaultFixture(tmp_path / "vault", code, _test_keyring).services()
    main = MainWindow(admin, runner)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.register.model.rowCount() == 5, timeout=5000)
    desk = Desk(main, admin, programme, qtbot, modal_boxes, tmp_path, monkeypatch)
    watchdog = Watchdog(desk)
    yield desk
    watchdog.stop()
    assert desk.stuck == [], "a modal window blocked the test and was closed by the watchdog"
    for dialog in new_dialogs(set()):
        dialog.reject()
    runner.wait()
    admin.close()


# -- the effects ----------------------------------------------------------------------------------
Press = Callable[[], None]


def opens_dialog(kind: type[QDialog] | None = None) -> Callable[[Desk, Press], None]:
    """The press opens a (window-modal, not blocking) dialog; its Cancel button closes it."""
    def check(desk: Desk, press: Press) -> None:
        before = set(QApplication.topLevelWidgets())
        press()
        desk.qtbot.waitUntil(lambda: bool(new_dialogs(before)), timeout=5000)
        [dialog] = new_dialogs(before)
        if kind is not None:
            assert isinstance(dialog, kind)
        assert dialog.windowTitle()
        desk.qtbot.waitUntil(lambda: cancel_button(dialog).isEnabled(), timeout=5000)
        press_cancel(desk.qtbot, dialog)
        desk.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    return check


def blocking_dialog(then: Callable[[Desk], None]) -> Callable[[Desk, Press], None]:
    """The press runs a dialog with ``exec()``; it is cancelled from inside its own loop."""
    def check(desk: Desk, press: Press) -> None:
        desk.close_next_modal()
        press()
        assert len(desk.modal_seen) == 1, "no modal dialog was shown"
        assert not desk.modal_seen[0].isVisible()
        then(desk)
    return check


def shows_box(kind: str, title: str) -> Callable[[Desk, Press], None]:
    def check(desk: Desk, press: Press) -> None:
        before = len(desk.boxes.shown)
        press()
        desk.qtbot.waitUntil(lambda: len(desk.boxes.shown) > before, timeout=5000)
        shown_kind, shown_title, text = desk.boxes.shown[before]
        assert (shown_kind, shown_title) == (kind, title) and text
    return check


def writes_pdf(text: str) -> Callable[[Desk, Press], None]:
    def check(desk: Desk, press: Press) -> None:
        target = desk.tmp_path / "keluaran.pdf"
        desk.save_dialog_returns(target)
        press()
        desk.qtbot.waitUntil(target.exists, timeout=15000)
        desk.window.runner.wait()
        desk.qtbot.waitUntil(lambda: len(PdfReader(target).pages) > 0, timeout=5000)
        assert text in "\n".join(page.extract_text() for page in PdfReader(target).pages)
    return check


def after(what: Callable[[Desk], None]) -> Callable[[Desk, Press], None]:
    """The press changes the screen; ``what`` waits for and checks the change."""
    def check(desk: Desk, press: Press) -> None:
        press()
        what(desk)
    return check


def emits(signal_of: Callable[[Desk], object], then: Callable[[Desk, list[object]], None]
          ) -> Callable[[Desk, Press], None]:
    def check(desk: Desk, press: Press) -> None:
        with desk.qtbot.waitSignal(signal_of(desk), timeout=10000) as caught:
            press()
        then(desk, list(caught.args or []))
    return check


# -- what to select first -------------------------------------------------------------------------
def sessions(desk: Desk) -> SessionsView:
    view = desk.view(SessionsView)
    assert isinstance(view, SessionsView)
    return view


def november(desk: Desk) -> None:
    """The sessions screen at November 2026, where the cases' sessions are."""
    view = sessions(desk)
    with desk.qtbot.waitSignal(view.loaded, timeout=5000):
        view.set_month(NOVEMBER)


def select_session(day: date) -> Callable[[Desk], None]:
    def select(desk: Desk) -> None:
        november(desk)
        view = sessions(desk)
        row = next(i for i, v in enumerate(view.rows) if v.session_date == day)
        desk.click_row(view.table, row)
    return select


def select_first(table_of: Callable[[Desk], QAbstractItemView]) -> Callable[[Desk], None]:
    return lambda desk: desk.click_row(table_of(desk), 0)


def groups(desk: Desk) -> GroupsView:
    view = desk.view(GroupsView)
    assert isinstance(view, GroupsView)
    return view


def select_member(desk: Desk) -> None:
    view = groups(desk)
    desk.qtbot.waitUntil(lambda: view.members_table.rowCount() == 3, timeout=5000)
    desk.click_row(view.members_table, 0)


def catalogue_list(sub: str) -> Callable[[Desk], CatalogueList]:
    def found(desk: Desk) -> CatalogueList:
        page = desk.page(f"Katalog program/{sub}")
        assert isinstance(page, CatalogueList)
        desk.qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=5000)
        return page
    return found


def catalogue_table(sub: str) -> Callable[[Desk], QAbstractItemView]:
    return lambda desk: catalogue_list(sub)(desk).table


def select_staff(desk: Desk) -> None:
    view = desk.view(AccountsView)
    assert isinstance(view, AccountsView)
    desk.qtbot.waitUntil(lambda: len(view.accounts) == 2, timeout=5000)
    desk.click_row(view.table, [a.username for a in view.accounts].index(STAFF))


def type_audit_search(desk: Desk) -> None:
    view = desk.view(AuditView)
    assert isinstance(view, AuditView)
    desk.qtbot.keyClicks(view.search, "login")


# -- what to check after --------------------------------------------------------------------------
def month_shown(title: str) -> Callable[[Desk, list[object]], None]:
    def check(desk: Desk, _args: list[object]) -> None:
        assert sessions(desk).month_label.text() == title
    return check


def this_month(desk: Desk, _args: list[object]) -> None:
    assert sessions(desk).month == date.today().replace(day=1)


def planned_still(status: SessionStatus) -> Callable[[Desk], None]:
    def check(desk: Desk) -> None:
        planned = [s for s in desk.services.sessions.sessions(SessionQuery(start=NOVEMBER))
                   if s.session_date == PLANNED_DAY]
        assert [s.status for s in planned] == [status]
    return check


def staff_still_active(desk: Desk) -> None:
    assert next(a for a in desk.services.accounts.list_accounts() if a.username == STAFF).active


def group_archived(desk: Desk) -> None:
    view = groups(desk)
    desk.qtbot.waitUntil(lambda: "Angkatan 1 Plaju" in view.done_label.text(), timeout=5000)
    assert view.done_label.isVisible()
    assert [g.archived for g in desk.services.groups.groups(include_archived=True)
            if g.id == desk.programme.group_id] == [True]


def first_column(page: CatalogueList) -> list[str]:
    found = [page.table.item(row, 0) for row in range(page.table.rowCount())]
    return [item.text() for item in found if item is not None]


def archived_in(sub: str) -> Callable[[Desk], None]:
    """The first entry leaves the list (archived ones are hidden) and says so in the count."""
    def check(desk: Desk) -> None:
        page = catalogue_list(sub)(desk)
        name = first_column(page)[0]
        desk.qtbot.waitUntil(lambda: name not in first_column(page), timeout=5000)
    return check


def dashboard_counted(desk: Desk, args: list[object]) -> None:
    view = desk.view(DashboardView)
    assert isinstance(view, DashboardView)
    assert args and view.figure("in_training") == "3"


def chain_ok(desk: Desk, args: list[object]) -> None:
    view = desk.view(AuditView)
    assert isinstance(view, AuditView)
    assert getattr(args[0], "ok", False)
    assert view.chain_result.isVisible() and view.chain_result.text()


def filters_cleared(desk: Desk, _args: list[object]) -> None:
    view = desk.view(AuditView)
    assert isinstance(view, AuditView)
    assert view.search.text() == ""


def search_focused(desk: Desk) -> None:
    desk.qtbot.waitUntil(desk.window.register.search.hasFocus, timeout=2000)


def in_english(desk: Desk) -> None:
    assert desk.window.tabs.tabText(0) == "Participants"
    assert desk.window.menuBar().actions()[0].text() == "&File"
    assert QSettings("KDRT Desk", "KDRT Desk").value("language") == "en"


def in_indonesian(desk: Desk) -> None:
    assert desk.window.tabs.tabText(0) == "Peserta"
    assert QSettings("KDRT Desk", "KDRT Desk").value("language") == "id"


def focus_on_the_list(desk: Desk) -> None:
    desk.window.activateWindow()
    desk.window.register.table.setFocus()


def switch_to_english(desk: Desk) -> None:
    menu_action(desk, "Ba&hasa", "English").trigger()
    assert desk.window.tabs.tabText(0) == "Participants"


def recovery_sheet(desk: Desk, press: Press) -> None:
    desk.boxes.answer = QMessageBox.StandardButton.Yes
    writes_pdf(desk.window.settings.centre_name or "Pusat")(desk, press)
    desk.qtbot.waitUntil(lambda: any(kind == "information" for kind, _t, _x in desk.boxes.shown),
                         timeout=5000)
    assert [kind for kind, _t, _x in desk.boxes.shown] == ["question", "information"]


def recovery_preview(desk: Desk, press: Press) -> None:
    """Yes to the question, then the new sheet in the preview; closed unprinted and unsaved,
    nothing changes (no "in force" message)."""
    desk.boxes.answer = QMessageBox.StandardButton.Yes
    opens_dialog(PdfPreviewDialog)(desk, press)
    assert [kind for kind, _t, _x in desk.boxes.shown] == ["question"]


def calendar(desk: Desk) -> CalendarView:
    view = desk.view(CalendarView)
    assert isinstance(view, CalendarView)
    return view


def calendar_november(desk: Desk) -> None:
    """The calendar tab at November 2026 (month view), where the cases' sessions are."""
    view = calendar(desk)
    with desk.qtbot.waitSignal(view.loaded, timeout=10000):
        view.show_day(NOVEMBER)


def calendar_week(desk: Desk) -> None:
    calendar_november(desk)
    view = calendar(desk)
    with desk.qtbot.waitSignal(view.loaded, timeout=10000):
        view.set_mode("week")


def calendar_titled(title: str, day: date, text: str) -> Callable[[Desk, list[object]], None]:
    def check(desk: Desk, _args: list[object]) -> None:
        assert calendar(desk).title.text() == title
        assert text in calendar(desk).month_cell(day).splitlines()
    return check


def calendar_today(desk: Desk, _args: list[object]) -> None:
    assert calendar(desk).day == date.today()


def calendar_in_week(desk: Desk, args: list[object]) -> None:
    view = calendar(desk)
    assert view.stack.currentWidget() is view.week_table
    assert view.title.text() == "26 Oktober 2026 – 1 November 2026"  # the week of the 1st


def calendar_in_month(desk: Desk, args: list[object]) -> None:
    view = calendar(desk)
    assert view.stack.currentWidget() is view.month_table
    assert "1 sesi" in view.month_cell(HELD_DAY).splitlines()


# -- the cases ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Button:
    screen: str  # "Tab" or "Tab/Sub-tab"
    text: str
    effect: Callable[[Desk, Press], None]
    select: Callable[[Desk], None] | None = None

    @property
    def id(self) -> str:
        return f"{self.screen}: {self.text}"


def reminders(desk: Desk) -> RemindersView:
    view = desk.view(RemindersView)
    assert isinstance(view, RemindersView)
    return view


def reminders_on(day: date, row: int | None = None) -> Callable[[Desk], None]:
    """The reminders screen at ``day`` (and one of its rows selected)."""
    def select(desk: Desk) -> None:
        view = reminders(desk)
        with desk.qtbot.waitSignal(view.loaded, timeout=5000):
            view.set_day(day)
        if row is not None:
            desk.click_row(view.table, row)
    return select


def reminders_shown(day: date) -> Callable[[Desk, list[object]], None]:
    def check(desk: Desk, _args: list[object]) -> None:
        view = reminders(desk)
        assert view.chosen_day() == day
        assert view.table.rowCount() == (3 if day in (HELD_DAY, PLANNED_DAY) else 0)
    return check


def text_copied(desk: Desk, args: list[object]) -> None:
    view = reminders(desk)
    assert args == ["copied"]
    assert QApplication.clipboard().text() == view.rows[0].message
    assert view.rows[0].message.startswith("Ibu, jangan lupa besok jam")


def told_in_person(desk: Desk, args: list[object]) -> None:
    view = reminders(desk)
    assert args == ["in_person"]
    desk.qtbot.waitUntil(lambda: told_state(view.rows[0]) is ToldState.TOLD, timeout=5000)


def scheduler(desk: Desk) -> ScheduleView:
    view = desk.view(ScheduleView)
    assert isinstance(view, ScheduleView)
    return view


def quick_scheduler(desk: Desk) -> None:
    """The Penjadwalan tab with its groups listed and a short time limit."""
    view = scheduler(desk)
    view.time_limit = 2.0
    desk.qtbot.waitUntil(lambda: bool(view.chosen_groups()), timeout=5000)


def proposal_shown(desk: Desk, _args: list[object]) -> None:
    view = scheduler(desk)
    assert view.review.isVisible() and view.violations == []
    assert "pelanggaran aturan: 0" in view.summary.text()


def waitlist_table(desk: Desk) -> QAbstractItemView:
    view = desk.view(WaitlistView)
    assert isinstance(view, WaitlistView)
    return view.table


def pending_table(desk: Desk) -> QAbstractItemView:
    view = desk.view(WaitlistView)
    assert isinstance(view, WaitlistView)
    return view.pending_table


def group_table(desk: Desk) -> QAbstractItemView:
    return groups(desk).table


BUTTONS = [
    Button("Peserta", "Daftarkan peserta baru…", opens_dialog(ParticipantForm)),
    Button("Daftar tunggu", "Terima ke program", shows_box("question", "Terima ke program"),
           select_first(waitlist_table)),
    Button("Daftar tunggu", "Konfirmasi", shows_box("warning", "Konfirmasi penolakan"),
           select_first(pending_table)),
    Button("Dasbor", "Muat ulang",
           emits(lambda d: d.view(DashboardView).loaded, dashboard_counted)),  # type: ignore
    Button("Kelompok", "Kelompok baru", opens_dialog()),
    Button("Kelompok", "Ubah", opens_dialog(), select_first(group_table)),
    Button("Kelompok", "Arsipkan", after(group_archived), select_first(group_table)),
    Button("Kelompok", "Sarankan kelompok…", opens_dialog()),
    Button("Kelompok", "Jadwal (pratinjau / cetak)…", opens_dialog(PdfPreviewDialog),
           select_first(group_table)),
    Button("Kelompok/Anggota", "Tambah anggota", opens_dialog(), select_first(group_table)),
    Button("Kelompok/Anggota", "Keluar/Berhenti", opens_dialog(), select_member),
    Button("Kelompok/Anggota", "Pindahkan", opens_dialog(), select_member),
    Button("Sesi dan kehadiran", "◀", emits(lambda d: sessions(d).loaded,
                                            month_shown("Oktober 2026")), november),
    Button("Sesi dan kehadiran", "▶", emits(lambda d: sessions(d).loaded,
                                            month_shown("Desember 2026")), november),
    Button("Sesi dan kehadiran", "Bulan ini", emits(lambda d: sessions(d).loaded, this_month),
           november),
    Button("Sesi dan kehadiran", "Sesi baru", opens_dialog(), november),
    Button("Sesi dan kehadiran", "Ubah", opens_dialog(), select_session(PLANNED_DAY)),
    Button("Sesi dan kehadiran", "Batalkan",
           blocking_dialog(planned_still(SessionStatus.PLANNED)), select_session(PLANNED_DAY)),
    Button("Sesi dan kehadiran", "Hapus", shows_box("question", "Hapus sesi"),
           select_session(PLANNED_DAY)),
    Button("Sesi dan kehadiran", "Daftar hadir", opens_dialog(RollCallDialog),
           select_session(HELD_DAY)),
    Button("Sesi dan kehadiran", "Simpan daftar hadir (PDF)…", writes_pdf("Rencana usaha"),
           select_session(PLANNED_DAY)),
    Button("Sesi dan kehadiran", "Pratinjau / Cetak…", opens_dialog(PdfPreviewDialog),
           select_session(PLANNED_DAY)),
    *[case for sub in ("Modul", "Fasilitator", "Tempat", "Mitra") for case in (
        Button(f"Katalog program/{sub}", "Tambah…", opens_dialog()),
        Button(f"Katalog program/{sub}", "Ubah…", opens_dialog(),
               select_first(catalogue_table(sub))),
        Button(f"Katalog program/{sub}", "Arsipkan", after(archived_in(sub)),
               select_first(catalogue_table(sub))),
        Button(f"Katalog program/{sub}", "Hapus…", shows_box("question", "Hapus data"),
               select_first(catalogue_table(sub))),
    )],
    Button("Pengingat", "◀", emits(lambda d: reminders(d).loaded, reminders_shown(HELD_DAY)),
           reminders_on(PLANNED_DAY)),
    Button("Pengingat", "▶", emits(lambda d: reminders(d).loaded, reminders_shown(PLANNED_DAY)),
           reminders_on(HELD_DAY)),
    Button("Pengingat", "Besok", emits(lambda d: reminders(d).loaded,
                                       reminders_shown(date.today() + timedelta(days=1))),
           reminders_on(PLANNED_DAY)),
    Button("Pengingat", "Salin teks", emits(lambda d: reminders(d).sent, text_copied),
           reminders_on(PLANNED_DAY, 0)),
    Button("Pengingat", "Sudah diberi tahu", emits(lambda d: reminders(d).sent, told_in_person),
           reminders_on(PLANNED_DAY, 0)),
    Button("Pengingat", "Ubah teks pengingat…", opens_dialog(ReminderTextsDialog)),
    Button("Kalender", "◀", emits(lambda d: calendar(d).loaded, calendar_titled(
        "Oktober 2026", date(2026, 10, 1), "1")), calendar_november),
    Button("Kalender", "▶", emits(lambda d: calendar(d).loaded, calendar_titled(
        "Desember 2026", date(2026, 12, 25), "Hari Raya Natal")), calendar_november),
    Button("Kalender", "Hari ini", emits(lambda d: calendar(d).loaded, calendar_today),
           calendar_november),
    Button("Kalender", "Minggu", emits(lambda d: calendar(d).loaded, calendar_in_week),
           calendar_november),
    Button("Kalender", "Bulan", emits(lambda d: calendar(d).loaded, calendar_in_month),
           calendar_week),
    Button("Kalender", "Atur kalender…", opens_dialog(CalendarSettingsDialog)),
    Button("Penjadwalan", "Buat jadwal", emits(lambda d: scheduler(d).proposed, proposal_shown),
           quick_scheduler),
    Button("Akun staf", "Tambah akun…", opens_dialog()),
    Button("Akun staf", "Atur ulang kata sandi…", opens_dialog(), select_staff),
    Button("Akun staf", "Ubah peran…", opens_dialog(), select_staff),
    Button("Akun staf", "Nonaktifkan", blocking_dialog(staff_still_active), select_staff),
    Button("Log audit", "Hapus filter",
           emits(lambda d: d.view(AuditView).loaded, filters_cleared),  # type: ignore
           type_audit_search),
    Button("Log audit", "Periksa rantai",
           emits(lambda d: d.view(AuditView).chain_checked, chain_ok)),  # type: ignore
]
# on screen but not pressable for this data: handing over keys needs an upgraded account
DISABLED = [("Akun staf", "Serahkan kunci…", select_staff),
            # nobody in this group may be called (no number): told in person, no WhatsApp
            ("Pengingat", "Buka di WhatsApp", reminders_on(PLANNED_DAY, 0))]


@pytest.mark.parametrize("case", BUTTONS, ids=[case.id for case in BUTTONS])
def test_every_screen_button_does_what_it_says(desk: Desk, case: Button) -> None:
    page = desk.page(case.screen)
    if case.select is not None:
        case.select(desk)
        desk.page(case.screen)
    button = desk.button(page, case.text)
    desk.qtbot.waitUntil(button.isEnabled, timeout=5000)
    assert button.isVisible()
    case.effect(desk, lambda: desk.qtbot.mouseClick(button, Qt.MouseButton.LeftButton))
    assert not [box for box in desk.boxes.shown if box[0] == "crash"]


@pytest.mark.parametrize("screen, text, select", DISABLED, ids=[f"{s}: {t}" for s, t, _ in
                                                                 DISABLED])
def test_a_button_that_does_not_apply_is_greyed_out(
        desk: Desk, screen: str, text: str, select: Callable[[Desk], None]) -> None:
    page = desk.page(screen)
    select(desk)
    button = desk.button(page, text)
    assert button.isVisible() and not button.isEnabled()
    before = set(QApplication.topLevelWidgets())
    desk.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert new_dialogs(before) == [] and desk.boxes.shown == []


# -- the menus ------------------------------------------------------------------------------------
def menu_action(desk: Desk, menu: str, text: str) -> QAction:
    bar = desk.window.menuBar()
    menus = {a.text(): a.menu() for a in bar.actions()}
    assert menu in menus, f"no menu {menu!r} in {list(menus)}"
    entries = menus[menu]
    assert isinstance(entries, QMenu)
    found = [a for a in entries.actions() if a.text() == text]
    assert len(found) == 1, f"{len(found)} entries {text!r} in {menu}"
    return found[0]


@dataclass(frozen=True)
class Entry:
    menu: str
    text: str
    effect: Callable[[Desk, Press], None]
    before: Callable[[Desk], None] | None = None

    @property
    def id(self) -> str:
        return f"{self.menu.replace('&', '')}: {self.text}"


ENTRIES = [
    Entry("&Berkas", "Daftarkan peserta baru…", opens_dialog(ParticipantForm)),
    Entry("&Berkas", "Cari…", after(search_focused), focus_on_the_list),
    Entry("&Berkas", "Peserta perlu dilengkapi…", opens_dialog(ToCompleteDialog)),
    Entry("&Berkas", "Impor daftar peserta…", opens_dialog(ImportDialog)),
    Entry("&Berkas", "Ganti kata sandi saya…", opens_dialog()),
    Entry("&Berkas", "Pengaturan…", opens_dialog()),
    Entry("&Berkas", "Kriteria kelayakan…", opens_dialog()),
    Entry("&Berkas", "Mitra…", opens_dialog()),
    Entry("&Berkas", "Ekspor data…", opens_dialog()),
    Entry("&Berkas", "Laporan donor triwulanan…", opens_dialog()),
    Entry("&Berkas", "Periksa sertifikat…", opens_dialog()),
    Entry("&Berkas", "Templat sertifikat…", opens_dialog()),
    Entry("&Berkas", "Cadangan…", opens_dialog(BackupDialog)),
    Entry("&Berkas", "Pulihkan dari cadangan…", opens_dialog(RestoreDialog)),
    Entry("&Berkas", "Masa simpan data…", opens_dialog(RetentionDialog)),
    Entry("&Berkas", "Instrumen asesmen…", opens_dialog()),
    Entry("&Berkas", "Buat lembar pemulihan baru…", recovery_sheet),
    Entry("&Berkas", "Buat lembar pemulihan baru (pratinjau / cetak)…", recovery_preview),
    Entry("Ba&hasa", "English", after(in_english)),
    Entry("Ba&hasa", "Bahasa Indonesia", after(in_indonesian), switch_to_english),
    Entry("Ba&ntuan", "Panduan pengguna", opens_dialog(GuideDialog)),
    Entry("Ba&ntuan", "Tentang KDRT Desk", opens_dialog(AboutDialog)),
]
OWN_CHECKS = ["Kunci sekarang", "Keluar akun", "Tutup aplikasi"]  # tested below
# shown only where the vault is in the PC's shared folder: pressed in test_shared_pc_gui.py
ELSEWHERE = ["Akun Windows di PC ini…"]


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry.id for entry in ENTRIES])
def test_every_menu_entry_does_what_it_says(desk: Desk, entry: Entry) -> None:
    if entry.before is not None:
        entry.before(desk)
    # after a language switch the menus are rebuilt: look the entry up in today's words
    menu = entry.menu if entry.before is not switch_to_english else "&Language"
    action = menu_action(desk, menu, entry.text)
    assert action.isEnabled()
    entry.effect(desk, action.trigger)
    assert not [box for box in desk.boxes.shown if box[0] == "crash"]


def test_no_menu_entry_is_left_untested(desk: Desk) -> None:
    listed = {(e.menu, e.text) for e in ENTRIES}
    for action in desk.window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        for entry in menu.actions():
            if entry.isSeparator():
                continue
            if entry.text() in ELSEWHERE:
                assert not entry.isVisible()  # the demo vault is one account's own
                continue
            assert (action.text(), entry.text()) in listed or entry.text() in OWN_CHECKS, \
                f"menu entry {action.text()} > {entry.text()} has no case here"


def test_no_screen_button_is_left_untested(desk: Desk) -> None:
    """Every button a screen shows is one of the cases (a new button needs its own case)."""
    listed = {(c.screen, c.text) for c in BUTTONS} | {(s, t) for s, t, _ in DISABLED}
    screens = sorted({c.screen for c in BUTTONS})
    for screen in screens:
        page = desk.page(screen)
        inner = page.findChild(QTabWidget)
        for button in page.findChildren(QPushButton):
            if not button.isVisibleTo(page) or not button.text():
                continue
            if inner is not None and inner.isAncestorOf(button) and "/" not in screen:
                continue  # a sub-tab's buttons belong to "Tab/Sub-tab"
            assert (screen, button.text()) in listed, \
                f"button {button.text()!r} on {screen} has no case here"


# -- lock now, log out and quit: each its own check -----------------------------------------------
def test_lock_now_hides_everything_behind_the_lock_screen(desk: Desk) -> None:
    menu_action(desk, "&Berkas", "Kunci sekarang").trigger()
    assert desk.window.is_showing_lock_screen
    assert desk.window.register.model.rowCount() == 0
    assert not desk.window.menuBar().isEnabled()


def test_log_out_and_quit_close_the_window(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    quits: list[str] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append("quit")))
    menu_action(desk, "&Berkas", "Tutup aplikasi").trigger()
    desk.qtbot.waitUntil(lambda: quits == ["quit"], timeout=5000)
    assert not desk.window.isVisible()


def test_log_out_goes_back_to_the_login(desk: Desk) -> None:
    logouts: list[str] = []
    desk.window.on_logout = lambda: logouts.append("login")
    menu_action(desk, "&Berkas", "Keluar akun").trigger()
    desk.qtbot.waitUntil(lambda: logouts == ["login"], timeout=5000)
    assert not desk.window.isVisible()


def test_typing_in_the_register_search_narrows_the_list(desk: Desk) -> None:
    register = desk.window.register
    desk.page("Peserta")
    with desk.qtbot.waitSignal(register.loaded, timeout=5000) as shown:
        desk.qtbot.keyClicks(register.search, "Menunggu")
    assert shown.args == [1] and register.model.rowCount() == 1
    with desk.qtbot.waitSignal(register.loaded, timeout=5000) as shown:
        desk.qtbot.keyClick(register.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        desk.qtbot.keyClick(register.search, Qt.Key.Key_Delete)
    assert shown.args == [5]
