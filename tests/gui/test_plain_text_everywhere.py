"""Names typed with markup (``<b>…</b>``, a link, an image) show as typed on every screen.

A real vault gets markup in every name and text field a screen shows (participant, trusted
contact, group, module, venue, facilitator, partner, staff display name, session topic, case
and screening notes, an excuse); then every screen and dialog that shows them is opened through
its buttons and walked by ``support.markup_probe``: a label that shows her value must be plain
text, a text box or cell must show her tags literally.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMenu,
    QMessageBox,
    QTableView,
    QTableWidget,
    QTabWidget,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot
from support.constants import PASSWORD
from support.markup_probe import VALUES, assert_plain, rendered, sentinels_in
from support.modal_boxes import ModalBoxes
from support.participant_samples import TODAY, sample
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.care import ServiceInput
from kdrt_desk.domain.enums import (
    DecisionOutcome,
    PartnerKind,
    RiskLevel,
    Role,
    ServiceKind,
    ServiceStatus,
)
from kdrt_desk.domain.screening import DecisionInput, ScreeningInput
from kdrt_desk.domain.training import (
    AttendanceMark,
    FacilitatorInput,
    FacilitatorType,
    GroupInput,
    ModuleInput,
    PartnerInput,
    SessionInput,
    VenueInput,
)
from kdrt_desk.i18n import t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.change_password_dialog import ChangePasswordDialog
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.wiring import Services

STAFF = "petugas2"  # an admin whose display name carries markup
COLLEAGUE = "rekan1"  # a case worker whose display name carries markup
REQUIRED = {"adult_woman", "kdrt_survivor", "lives_in_palembang", "consent_given",
            "not_acute_crisis", "can_attend"}
SESSION_DAY = date(2026, 11, 23)
PLANNED_DAY = date(2026, 11, 30)


@dataclass
class World:
    participant: int
    other: int  # a second member, screened but not yet decided (the decision dialog)
    group: int
    second_group: int
    session: int


def seed(services: Services) -> World:
    """Everything a screen shows, typed with markup, through the services."""
    services.accounts.add_account(STAFF, Role.ADMIN, PASSWORD, display_name=VALUES["display_name"])
    services.accounts.add_account(COLLEAGUE, Role.KONSELOR, PASSWORD,
                                  display_name=VALUES["colleague"])
    partner = services.partners.save(PartnerInput(
        name=VALUES["partner"], kind=PartnerKind.NGO_LEGAL_AID,
        contact_person=VALUES["partner_contact"]))
    module = services.catalogue.save_module(ModuleInput(
        code=VALUES["module_code"], title=VALUES["module"], session_count=2,
        facilitator_type=FacilitatorType.TRAINER, partner_id=partner.id))
    venue = services.catalogue.save_venue(VenueInput(
        name=VALUES["venue"], address=VALUES["address"], kecamatan="Plaju", capacity=20))
    facilitator = services.catalogue.save_facilitator(FacilitatorInput(
        name=VALUES["facilitator"], type=FacilitatorType.TRAINER,
        organisation=VALUES["organisation"], module_ids={module.id}))
    ids = []
    names = (VALUES["full_name"], f"Rina {VALUES['full_name']}", f"Dewi {VALUES['full_name']}")
    outcomes = (DecisionOutcome.ACCEPTED, None, DecisionOutcome.WAITLISTED)
    for n, (name, outcome) in enumerate(zip(names, outcomes, strict=True)):
        data = sample(full_name=name, preferred_name=VALUES["preferred_name"], nik="",
                      trusted_contact_name=VALUES["trusted_contact"],
                      trusted_contact_phone="0812-1111-2222",
                      birth_place=VALUES["birth_place"], occupation=VALUES["occupation"])
        assert data.case is not None
        data.case.safety_notes = VALUES["safety_notes"]
        data.phone = f"0812-3456-78{n:02d}"
        pid = services.participants.register(data, today=TODAY).id
        screening = services.screening.create(ScreeningInput(
            participant_id=pid, screened_on=date(2026, 11, 21), risk_level=RiskLevel.LOW,
            interview_notes=VALUES["interview_notes"], criteria_met=REQUIRED), today=TODAY)
        if outcome is not None:
            waiting = outcome is DecisionOutcome.WAITLISTED
            services.decisions.decide(DecisionInput(screening_id=screening.id, outcome=outcome,
                                                    priority=2 if waiting else None,
                                                    decided_on=date(2026, 11, 22)), today=TODAY)
        ids.append(pid)
        if n == 0:  # changed after the decision: the reason shows on the history tab
            edit = services.screening.open_restricted(screening.id)
            edit.interview_notes = f"{VALUES['interview_notes']} lagi"
            services.screening.update(screening.id, edit, edit.version,
                                      reason=VALUES["change_reason"], today=TODAY)
    group = services.groups.save(GroupInput(
        name=VALUES["group"], kecamatan="Plaju", start_date=date(2026, 9, 1),
        end_date=date(2026, 12, 31), venue_id=venue.id, module_ids=[module.id],
        facilitator_ids={facilitator.id}))
    second = services.groups.save(GroupInput(
        name=f"Kedua {VALUES['group']}", kecamatan="Plaju", start_date=date(2026, 9, 1),
        end_date=date(2026, 12, 31), venue_id=venue.id, module_ids=[module.id],
        facilitator_ids={facilitator.id}))
    services.groups.enrol(group.id, [ids[0]], on=date(2026, 11, 22))
    session = services.sessions.create(SessionInput(  # held: attendance taken
        group_id=group.id, module_id=module.id, session_date=SESSION_DAY,
        start_time=time(9), end_time=time(11), venue_id=venue.id,
        facilitator_id=facilitator.id))
    services.sessions.create(SessionInput(  # planned: may still change
        group_id=group.id, module_id=module.id, session_date=PLANNED_DAY,
        start_time=time(9), end_time=time(11), venue_id=venue.id,
        facilitator_id=facilitator.id, topic=VALUES["topic"]))
    services.attendance.mark(session.id, ids[0], AttendanceMark.EXCUSED, VALUES["excuse"])
    services.care.record(ServiceInput(
        participant_id=ids[0], kind=ServiceKind.LEGAL_CONSULTATION, service_date=TODAY,
        partner_id=partner.id, provider_note=VALUES["provider_note"],
        status=ServiceStatus.REFERRED, outcome_note=""), today=TODAY)
    return World(ids[0], ids[1], group.id, second.id, session.id)


@pytest.fixture
def world(vault: VaultFixture) -> World:
    services = vault.services()
    try:
        return seed(services)
    finally:
        services.close()


@pytest.fixture
def window(qtbot: QtBot, vault: VaultFixture, world: World) -> Iterator[MainWindow]:
    """The main window of the admin whose display name carries markup."""
    services = vault.services(STAFF)
    failures: list[BaseException] = []
    runner = TaskRunner(on_unhandled=failures.append)
    main = MainWindow(services, runner)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.register.model.rowCount() == 3, timeout=5000)
    yield main
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.done(0)
    runner.wait()
    services.close()
    assert failures == []


def settle(qtbot: QtBot, window: MainWindow) -> None:
    window.runner.wait()
    qtbot.wait(30)
    window.runner.wait()


def tab(window: MainWindow, name: str) -> QWidget:
    for index in range(window.tabs.count()):
        widget = window.tabs.widget(index)
        if widget is not None and type(widget).__name__ == name:
            return widget
    raise AssertionError(f"no {name} tab")


def select_row_with(qtbot: QtBot, table: QTableView | QTableWidget, text: str,
                    first: bool = False) -> None:
    """Select the first row with a cell (or its tool tip) that shows ``text`` (``first``:
    begins with it)."""
    model = table.model()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            cell = f"{index.data() or ''}\n{index.data(Qt.ItemDataRole.ToolTipRole) or ''}"
            if cell.startswith(text) if first else text in cell:
                table.selectRow(row)
                return
    raise AssertionError(f"no row shows {text!r}")


def click(qtbot: QtBot, window: MainWindow, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)


def dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def opened(name: str) -> list[QDialog]:
    """The open dialogs of class ``name``; fails when there is none."""
    found = [d for d in dialogs() if type(d).__name__ == name]
    assert found, f"no {name} opened"
    return found


def close_dialogs(qtbot: QtBot, window: MainWindow, *keep: QDialog) -> None:
    for dialog in dialogs():
        if dialog not in keep:
            dialog.done(0)
    settle(qtbot, window)


def no_markup_in_boxes(boxes: ModalBoxes) -> None:
    """QMessageBox's static functions guess rich text from the first line: a box that names
    her must show what she typed, tags and all."""
    wrong = []
    for kind, _title, text in boxes.shown:
        lost = [field for field in sentinels_in(text) if VALUES[field] not in rendered(text)]
        if lost:
            wrong.append(f"{kind} box renders the markup of {lost}: {text!r}")
    assert not wrong, "\n".join(wrong)


def test_main_window_tabs_and_programme_dialogs_show_markup_as_typed(
        qtbot: QtBot, window: MainWindow, world: World, modal_boxes: ModalBoxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, Qt.TextFormat]] = []  # QMessageBox objects built and shown by hand

    def record_exec(box: QMessageBox) -> int:
        asked.append((box.text(), box.textFormat()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record_exec)
    settle(qtbot, window)
    # signed in as a user with markup in her name: the status bar names her
    assert_plain(window, expect=["display_name", "full_name", "preferred_name"])
    # after an admin reset her password, her next login asks for a new one, naming her
    forced = ChangePasswordDialog(window.services, window.runner, True, window)
    forced.show()
    assert_plain(forced, expect=["display_name"])
    forced.done(0)

    waitlist = tab(window, "WaitlistView")
    window.tabs.setCurrentWidget(waitlist)
    settle(qtbot, window)
    select_row_with(qtbot, waitlist.table, "Dewi")  # type: ignore[attr-defined]
    assert_plain(window, expect=["full_name", "preferred_name"])
    modal_boxes.answer = QMessageBox.StandardButton.Yes
    click(qtbot, window, waitlist.accept_button)  # type: ignore[attr-defined]
    modal_boxes.answer = QMessageBox.StandardButton.No
    assert_plain(window, expect=["full_name"])  # "… accepted" names her
    dashboard = tab(window, "DashboardView")
    window.tabs.setCurrentWidget(dashboard)
    settle(qtbot, window)
    assert_plain(window)

    groups = tab(window, "GroupsView")
    window.tabs.setCurrentWidget(groups)
    settle(qtbot, window)
    select_row_with(qtbot, groups.table, "ZQgroup")  # type: ignore[attr-defined]
    settle(qtbot, window)
    assert_plain(window, expect=["group", "venue", "full_name", "module", "facilitator"])
    click(qtbot, window, groups.edit_button)  # type: ignore[attr-defined]
    edit = opened("GroupDialog")
    assert_plain(*edit, expect=["group", "venue", "module", "facilitator"])
    click(qtbot, window, edit[0].buttons.button(  # type: ignore[attr-defined]
        QDialogButtonBox.StandardButton.Ok))
    assert_plain(window, expect=["group"])  # "group … saved"
    members = groups.members_table  # type: ignore[attr-defined]
    for button in ("end_button", "transfer_button", "enrol_button"):
        members.selectRow(0)
        settle(qtbot, window)
        clicked = getattr(groups.members, button)  # type: ignore[attr-defined]
        assert clicked.isEnabled(), button
        click(qtbot, window, clicked)
        name = {"end_button": "EndMembershipDialog", "transfer_button": "TransferDialog",
                "enrol_button": "EnrolDialog"}[button]
        assert_plain(*opened(name), expect=["full_name"] if button != "enrol_button"
                     else ["group"])
        close_dialogs(qtbot, window)
    groups.show_archived.setChecked(True)  # type: ignore[attr-defined]
    settle(qtbot, window)
    for _archive_then_restore in range(2):
        select_row_with(qtbot, groups.table, VALUES["group"], first=True)  # type: ignore
        click(qtbot, window, groups.archive_button)  # type: ignore[attr-defined]
        assert_plain(window, expect=["group"])  # "group … archived", "… restored"
    assert not window.services.groups.get(world.group).archived

    sessions = tab(window, "SessionsView")
    window.tabs.setCurrentWidget(sessions)
    settle(qtbot, window)
    while sessions.month > date(2026, 11, 1):  # type: ignore[attr-defined]
        click(qtbot, window, sessions.previous_button)  # type: ignore[attr-defined]
    select_row_with(qtbot, sessions.table, "ZQtopic")  # type: ignore[attr-defined]
    settle(qtbot, window)
    assert_plain(window, expect=["group", "venue", "facilitator", "topic", "module_code"])
    click(qtbot, window, sessions.edit_button)  # type: ignore[attr-defined]
    edited = opened("SessionDialog")
    assert_plain(*edited, expect=["group", "venue", "facilitator", "topic"])
    click(qtbot, window, edited[0].buttons.button(  # type: ignore[attr-defined]
        QDialogButtonBox.StandardButton.Ok))
    assert_plain(window, expect=["module_code"])  # "session … saved"
    select_row_with(qtbot, sessions.table, "ZQtopic")  # type: ignore[attr-defined]
    click(qtbot, window, sessions.delete_button)  # type: ignore[attr-defined]  # asks first
    sessions.table.selectRow(0)  # type: ignore[attr-defined]  # the one held on the 23rd
    click(qtbot, window, sessions.roll_call_button)  # type: ignore[attr-defined]
    roll_call = sessions.dialog  # type: ignore[attr-defined]
    assert roll_call is not None, "the roll call did not open"
    roll_call.open_excuse(0)
    settle(qtbot, window)
    assert_plain(roll_call, expect=["full_name", "group", "module", "module_code", "excuse"])
    close_dialogs(qtbot, window)

    catalogue = tab(window, "CatalogueView")
    window.tabs.setCurrentWidget(catalogue)
    settle(qtbot, window)
    expected = {"ModuleList": ["module", "partner"], "FacilitatorList": ["facilitator"],
                "VenueList": ["venue"], "PartnerList": ["partner"]}
    for index, page in enumerate(catalogue.lists()):  # type: ignore[attr-defined]
        catalogue.tabs.setCurrentIndex(index)  # type: ignore[attr-defined]
        settle(qtbot, window)
        select_row_with(qtbot, page.table, "ZQ")
        assert_plain(window, expect=expected[type(page).__name__])
        click(qtbot, window, page.edit_button)
        dialog = type(page).__name__.replace("List", "Dialog")
        assert_plain(*opened(dialog), expect=expected[type(page).__name__][:1])
        close_dialogs(qtbot, window)
        click(qtbot, window, page.delete_button)  # asks first, naming it

    accounts = tab(window, "AccountsView")
    window.tabs.setCurrentWidget(accounts)
    settle(qtbot, window)
    select_row_with(qtbot, accounts.table, "ZQcolleague")  # type: ignore[attr-defined]
    settle(qtbot, window)
    assert_plain(window, expect=["display_name", "colleague"])
    for button in ("reset_button", "role_button", "hand_over_button", "active_button"):
        clicked = getattr(accounts, button)
        if button == "hand_over_button" and not clicked.isEnabled():
            continue  # only for an account that holds keys to hand over
        assert clicked.isEnabled(), button
        click(qtbot, window, clicked)
        if button != "active_button":  # that one asks in a message box (checked below)
            assert_plain(*dialogs(), expect=["colleague"])
        close_dialogs(qtbot, window)
    named = [(text, fmt) for text, fmt in asked if "ZQ" in text]
    assert named, "deactivating her account did not ask first"
    assert all(fmt == Qt.TextFormat.PlainText for _, fmt in named), named

    audit = tab(window, "AuditView")
    window.tabs.setCurrentWidget(audit)
    settle(qtbot, window)
    assert_plain(window)

    window.lock("button")
    settle(qtbot, window)
    assert window.is_showing_lock_screen
    assert_plain(window)
    shown = [kind for kind, _title, text in modal_boxes.shown if "ZQ" in text]
    assert shown.count("question") >= 3, modal_boxes.shown  # waitlist, session, catalogue
    no_markup_in_boxes(modal_boxes)


@pytest.mark.qt_log_ignore("This plugin does not support raise", extend=True)  # the tool tip
def test_participant_form_and_its_dialogs_show_markup_as_typed(
        qtbot: QtBot, window: MainWindow, world: World, modal_boxes: ModalBoxes) -> None:
    settle(qtbot, window)
    close_dialogs(qtbot, window)
    form = window.open_participant(world.participant)
    assert form is not None
    qtbot.waitUntil(form.isEnabled, timeout=5000)
    if getattr(form, "open_case_button", None) is not None:
        qtbot.mouseClick(form.open_case_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    for index in range(form.tabs.count()):
        form.tabs.setCurrentIndex(index)
        settle(qtbot, window)
    assert_plain(form, expect=["full_name", "preferred_name", "trusted_contact", "birth_place",
                               "occupation", "safety_notes", "group", "module",
                               "partner", "provider_note"])
    screening = next(w for w in form.extra_tabs if type(w).__name__ == "ScreeningTab")
    form.tabs.setCurrentWidget(screening)
    screening.table.selectRow(0)  # type: ignore[attr-defined]
    qtbot.mouseClick(screening.open_button, Qt.MouseButton.LeftButton)  # type: ignore
    settle(qtbot, window)
    screening_dialog = opened("ScreeningDialog")
    for pages in screening_dialog[0].findChildren(QTabWidget):
        for index in range(pages.count()):
            pages.setCurrentIndex(index)
            button = getattr(screening_dialog[0], "open_restricted_button", None)
            if button is not None and button.isVisible():
                click(qtbot, window, button)
    assert_plain(*screening_dialog, expect=["full_name", "interview_notes", "change_reason"])
    close_dialogs(qtbot, window, form)
    services = next(w for w in form.extra_tabs if type(w).__name__ == "ServicesTab")
    form.tabs.setCurrentWidget(services)
    services.table.selectRow(0)  # type: ignore[attr-defined]
    qtbot.mouseClick(services.edit_button, Qt.MouseButton.LeftButton)  # type: ignore
    settle(qtbot, window)
    assert_plain(*opened("ServiceDialog"), expect=["partner", "provider_note"])
    close_dialogs(qtbot, window, form)
    form.discard()
    settle(qtbot, window)

    other = window.open_participant(world.other)  # screened, not decided: the decision dialog
    assert other is not None
    qtbot.waitUntil(other.isEnabled, timeout=5000)
    screening = next(w for w in other.extra_tabs if type(w).__name__ == "ScreeningTab")
    other.tabs.setCurrentWidget(screening)
    settle(qtbot, window)
    screening.table.selectRow(0)  # type: ignore[attr-defined]
    qtbot.mouseClick(screening.decide_button, Qt.MouseButton.LeftButton)  # type: ignore
    settle(qtbot, window)
    assert_plain(*opened("DecisionDialog"), expect=["full_name"])
    close_dialogs(qtbot, window, other)
    other.discard()
    settle(qtbot, window)

    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    next(a for a in file_menu.actions() if a.text() == t("ui.main.partners")).trigger()
    settle(qtbot, window)
    partners = opened("PartnersDialog")
    assert_plain(*partners, expect=["partner", "partner_contact"])
    # the tool tip Qt really shows over her cell (a hovered name too long for its column)
    listed = partners[0].table  # type: ignore[attr-defined]
    cell = listed.visualRect(listed.model().index(0, 0))
    QApplication.sendEvent(listed.viewport(), QHelpEvent(
        QEvent.Type.ToolTip, cell.center(), listed.viewport().mapToGlobal(cell.center())))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert VALUES["partner"] in rendered(QToolTip.text()), QToolTip.text()
    QToolTip.hideText()
    partners[0].name.setText(VALUES["new_partner"])  # type: ignore[attr-defined]
    click(qtbot, window, partners[0].add_button)  # type: ignore[attr-defined]
    assert_plain(*partners, expect=["new_partner"])  # "… added" names it
    close_dialogs(qtbot, window)
    no_markup_in_boxes(modal_boxes)
