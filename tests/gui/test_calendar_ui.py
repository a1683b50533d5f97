"""The Kalender tab, its settings dialog and the availability fields of the facilitator and venue
dialogs, on a real vault, pressing real buttons."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QTimeEdit, QWidget
from pytestqt.qtbot import QtBot
from support.programme import build, session_on
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk import i18n
from kdrt_desk.domain.availability import Hours
from kdrt_desk.domain.training import GroupInput
from kdrt_desk.i18n import format_time
from kdrt_desk.scheduling.calendar import Closure
from kdrt_desk.scheduling.prayer import prayer_day
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.calendar_settings_dialog import CalendarSettingsDialog
from kdrt_desk.ui.calendar_view import CalendarView
from kdrt_desk.ui.facilitator_dialog import FacilitatorDialog
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.ui.venue_dialog import VenueDialog
from kdrt_desk.ui.widgets.availability import DateList, WeeklyHours
from kdrt_desk.wiring import Services

LEFT = Qt.MouseButton.LeftButton
DECEMBER = date(2026, 12, 1)
THURSDAY, FRIDAY = date(2026, 12, 3), date(2026, 12, 4)


def shown(qtbot: QtBot, services: Services, runner: TaskRunner, day: date) -> CalendarView:
    view = CalendarView(services, runner, day=day)
    qtbot.addWidget(view)
    view.resize(1200, 760)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.refresh()
    return view


def press(qtbot: QtBot, view: CalendarView, button: QWidget) -> None:
    with qtbot.waitSignal(view.loaded, timeout=10000):
        qtbot.mouseClick(button, LEFT)


def save(qtbot: QtBot, dialog: QWidget, buttons: QDialogButtonBox) -> None:
    """Press the dialog's own Save button."""
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)


def settings_dialog(qtbot: QtBot, view: CalendarView) -> CalendarSettingsDialog:
    qtbot.mouseClick(view.settings_button, LEFT)
    dialog = view.dialog
    assert isinstance(dialog, CalendarSettingsDialog) and dialog.isVisible()
    qtbot.waitUntil(dialog.buttons.isEnabled, timeout=10000)
    # the year rows join the shown dialog: Qt shows them on its next turn
    qtbot.waitUntil(lambda: all(r.fitri_box.isVisible() for r in dialog.rows.values()),
                    timeout=5000)
    return dialog


def type_date(qtbot: QtBot, editor: QDateEdit, day: date) -> None:
    """Pick the date in the editor (as the other GUI tests do: its value, not keystrokes)."""
    editor.setFocus()
    editor.setDate(QDate(day.year, day.month, day.day))
    assert editor.date() == QDate(day.year, day.month, day.day)


def type_time(qtbot: QtBot, editor: QTimeEdit, at: str) -> None:
    editor.setFocus()
    editor.setTime(QTime.fromString(at, "HH:mm"))
    assert editor.time() == QTime.fromString(at, "HH:mm")


# -- the month ------------------------------------------------------------------------------------
def test_the_month_shows_holidays_joint_leave_and_estimated_idul_fitri(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    view = shown(qtbot, admin, runner, DECEMBER)
    assert view.title.text() == "Desember 2026"
    assert "Hari Raya Natal" in view.month_cell(date(2026, 12, 25)).splitlines()
    assert "Cuti Bersama Hari Raya Natal" in view.month_cell(date(2026, 12, 24))
    assert view.month_cell(date(2026, 12, 23)) == "23"
    for _ in range(3):
        press(qtbot, view, view.next_button)
    assert view.title.text() == "Maret 2027"
    assert "Hari Raya Idul Fitri (perkiraan)" in view.month_cell(date(2027, 3, 10)).splitlines()
    assert "Cuti Bersama Hari Raya Idul Fitri" in view.month_cell(date(2027, 3, 9))
    assert "Ramadan" in view.month_cell(date(2027, 3, 1)).splitlines()  # the fasting month
    assert "Ramadan" not in view.month_cell(date(2027, 3, 20))
    press(qtbot, view, view.previous_button)
    assert view.title.text() == "Februari 2027"
    # the estimated start of Ramadan: 30 days before the estimated Idul Fitri
    assert "Ramadan (perkiraan)" in view.month_cell(date(2027, 2, 8)).splitlines()


def test_the_month_lists_its_sessions_and_the_group_filter_narrows_them(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    programme = build(admin, members=0)
    admin.sessions.create(session_on(programme, THURSDAY))
    second = admin.groups.save(GroupInput(
        name="Angkatan 2 Kertapati", kecamatan="Kertapati", start_date=DECEMBER,
        end_date=date(2026, 12, 31), venue_id=programme.venue_id,
        module_ids=[programme.modules["SOS-01"]]))
    admin.sessions.create(replace(session_on(programme, THURSDAY, start=13, end=15),
                                  group_id=second.id))
    view = shown(qtbot, admin, runner, DECEMBER)
    cell = view.month_cell(THURSDAY).splitlines()
    assert cell[:4] == ["3", "2 sesi", "09.00 SOS-01 · Angkatan 1 Plaju",
                        "13.00 SOS-01 · Angkatan 2 Kertapati"]
    assert view.group_filter.count() == 3
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.group_filter.setCurrentIndex(view.group_filter.findData(second.id))
    assert view.month_cell(THURSDAY).splitlines()[1:] == [
        "1 sesi", "13.00 SOS-01 · Angkatan 2 Kertapati"]
    assert view.count_label.text().startswith("1 sesi pada Desember 2026")


# -- the week -------------------------------------------------------------------------------------
def test_the_week_shows_prayer_windows_at_their_time_and_sessions_as_blocks(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    programme = build(admin, members=0)
    admin.sessions.create(session_on(programme, THURSDAY, start=9, end=11))
    view = shown(qtbot, admin, runner, THURSDAY)
    press(qtbot, view, view.week_button)
    assert view.stack.currentWidget() is view.week_table
    assert view.title.text() == "30 November 2026 – 6 Desember 2026"
    zuhur = prayer_day(THURSDAY).zuhur
    assert time(11, 40) <= zuhur <= time(12, 20)
    window = view.week_cell(THURSDAY, zuhur)
    assert window.startswith(f"Zuhur {format_time(zuhur)}–")
    assert "Asar" in view.week_cell(THURSDAY, prayer_day(THURSDAY).asar)
    assert view.week_cell(FRIDAY, time(11, 30)) == "Jumat 11.30–13.00"  # Friday prayers
    assert view.week_cell(FRIDAY, time(12, 0)).startswith("Zuhur ")
    block = view.week_cell(THURSDAY, time(10, 30)).splitlines()
    assert block[:2] == ["09.00–11.00", "Angkatan 1 Plaju"]
    assert block[2].startswith("SOS-01 ") and block[3] == "Aula Kelurahan Plaju Ulu"
    assert view.week_cell(THURSDAY, time(9, 0)) == view.week_cell(THURSDAY, time(10, 30))
    assert view.week_table.rowSpan(5, 3) == 4  # 09.00 to 11.00: four half-hours
    press(qtbot, view, view.next_button)
    assert view.week_cell(THURSDAY, time(10, 0)) == ""  # that week is no longer shown
    assert view.title.text() == "7 Desember 2026 – 13 Desember 2026"


def test_double_clicking_a_date_opens_its_week(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    view = shown(qtbot, admin, runner, DECEMBER)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(50)  # the rows take their height
    index = view.shown_days.index(date(2026, 12, 24))
    grid = view.month_table
    rect = grid.visualRect(grid.model().index(index // 7, index % 7))
    with qtbot.waitSignal(view.loaded, timeout=10000):
        qtbot.mouseClick(grid.viewport(), LEFT, pos=rect.center())  # a double click: press,
        qtbot.mouseDClick(grid.viewport(), LEFT, pos=rect.center())  # then press again
    assert view.stack.currentWidget() is view.week_table
    assert view.title.text() == "21 Desember 2026 – 27 Desember 2026"
    all_day = view.week_table.item(0, 4)  # the all-day row, Friday
    assert all_day is not None and "Hari Raya Natal" in all_day.text()
    assert view.week_cell(date(2026, 12, 25), time(9, 0)) == ""  # a holiday: no session


# -- the settings ---------------------------------------------------------------------------------
def test_a_closure_added_in_the_settings_shows_in_the_month(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    view = shown(qtbot, admin, runner, DECEMBER)
    dialog = settings_dialog(qtbot, view)
    # the end before the start is refused beside the list
    type_date(qtbot, dialog.closure_start, date(2026, 12, 15))
    type_date(qtbot, dialog.closure_end, date(2026, 12, 14))
    qtbot.keyClicks(dialog.closure_reason, "Banjir di Plaju")
    qtbot.mouseClick(dialog.add_closure_button, LEFT)
    assert dialog.error_text("closures") == ("penutupan dari 15 Desember 2026 sampai "
                                             "14 Desember 2026: tanggal akhir jatuh sebelum "
                                             "tanggal mulai.")
    assert dialog.closure_list() == []
    type_date(qtbot, dialog.closure_start, date(2026, 12, 14))
    type_date(qtbot, dialog.closure_end, date(2026, 12, 15))
    qtbot.mouseClick(dialog.add_closure_button, LEFT)
    assert dialog.error_text("closures") == ""
    assert dialog.closure_list() == [Closure(date(2026, 12, 14), date(2026, 12, 15),
                                             "Banjir di Plaju")]
    with qtbot.waitSignal(view.loaded, timeout=10000):
        save(qtbot, dialog, dialog.buttons)
    assert "Tutup: Banjir di Plaju" in view.month_cell(date(2026, 12, 14)).splitlines()
    assert "Tutup: Banjir di Plaju" in view.month_cell(date(2026, 12, 15)).splitlines()
    assert "Tutup" not in view.month_cell(date(2026, 12, 16))
    assert admin.calendar.settings().closures == (Closure(date(2026, 12, 14),
                                                          date(2026, 12, 15),
                                                          "Banjir di Plaju"),)


def test_a_closure_without_a_reason_is_refused_in_words(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    view = shown(qtbot, admin, runner, DECEMBER)
    dialog = settings_dialog(qtbot, view)
    qtbot.mouseClick(dialog.add_closure_button, LEFT)  # no reason written
    assert dialog.error_text("closures") == "tulis alasan penutupan."


def test_confirming_idul_fitri_removes_the_estimated_mark(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    view = shown(qtbot, admin, runner, date(2027, 3, 1))
    assert "(perkiraan)" in view.month_cell(date(2027, 3, 10))
    dialog = settings_dialog(qtbot, view)
    row = dialog.rows[2027]
    assert "Perkiraan: Idul Fitri 10 Maret 2027" in row.shown.text()
    assert not row.fitri.isEnabled()
    qtbot.mouseClick(row.fitri_box, LEFT)
    assert row.fitri_box.isChecked() and row.fitri.isEnabled()
    type_date(qtbot, row.fitri, date(2027, 3, 11))  # the sidang isbat says a day later
    with qtbot.waitSignal(view.loaded, timeout=10000):
        save(qtbot, dialog, dialog.buttons)
    moved = view.month_cell(date(2027, 3, 11)).splitlines()
    assert "Hari Raya Idul Fitri" in moved and "(perkiraan)" not in " ".join(moved)
    assert "Hari Raya Idul Fitri" not in view.month_cell(date(2027, 3, 10)).splitlines()
    assert [d.idul_fitri for d in admin.calendar.settings().islamic] == [date(2027, 3, 11)]


def test_a_ramadan_start_too_far_from_idul_fitri_is_refused_beside_the_years(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    view = shown(qtbot, admin, runner, date(2027, 3, 1))
    dialog = settings_dialog(qtbot, view)
    row = dialog.rows[2027]
    qtbot.mouseClick(row.fitri_box, LEFT)
    assert row.ramadan_box.isEnabled() and not row.ramadan.isEnabled()
    qtbot.mouseClick(row.ramadan_box, LEFT)
    type_date(qtbot, row.ramadan, date(2027, 2, 25))  # 13 days: not a month of fasting
    save(qtbot, dialog, dialog.buttons)
    qtbot.waitUntil(lambda: dialog.error_text("islamic") != "", timeout=5000)
    assert "2027-02-25" in dialog.error_text("islamic") and dialog.isVisible()
    assert admin.calendar.settings().islamic == ()
    type_date(qtbot, row.ramadan, date(2027, 2, 9))
    with qtbot.waitSignal(view.loaded, timeout=10000):
        save(qtbot, dialog, dialog.buttons)
    assert "Ramadan" in view.month_cell(date(2027, 3, 9)).splitlines()
    assert "Ramadan" not in view.month_cell(date(2027, 3, 10)).splitlines()


def test_the_settings_save_the_day_hours_and_prayer_minutes(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    view = shown(qtbot, admin, runner, DECEMBER)
    dialog = settings_dialog(qtbot, view)
    before = dialog.preview.text()
    type_time(qtbot, dialog.ramadan_end, "14:00")
    dialog.adjustments["zuhur"].setFocus()
    qtbot.keyClick(dialog.adjustments["zuhur"], Qt.Key.Key_Up)
    assert dialog.preview.text() != before  # today's times follow the minutes
    qtbot.keyClick(dialog.zuhur_after, Qt.Key.Key_Up)
    type_time(qtbot, dialog.friday_end, "11:00")  # before its start: refused, in words
    save(qtbot, dialog, dialog.buttons)
    assert dialog.error_text("friday") == "jam selesai salat Jumat harus setelah jam mulai."
    type_time(qtbot, dialog.friday_end, "13:15")
    type_time(qtbot, dialog.day_end, "15:30")  # before the Ramadan day's end: the core refuses
    type_time(qtbot, dialog.ramadan_end, "16:00")
    save(qtbot, dialog, dialog.buttons)
    qtbot.waitUntil(lambda: dialog.error_text("ramadan_day_end") != "", timeout=5000)
    type_time(qtbot, dialog.ramadan_end, "14:00")
    with qtbot.waitSignal(view.loaded, timeout=10000):
        save(qtbot, dialog, dialog.buttons)
    saved = admin.calendar.settings()
    assert (saved.ramadan_day_end, saved.day_end) == (time(14, 0), time(15, 30))
    assert saved.prayer.adjustments["zuhur"] == 3 and saved.prayer.zuhur_after == 21
    assert saved.prayer.friday_end == time(13, 15)


def test_only_who_manages_the_programme_sees_the_settings_button(
        qtbot: QtBot, vault: VaultFixture, runner: TaskRunner) -> None:
    team = Team.hired(vault)
    try:
        view = shown(qtbot, team("fasilitator1"), runner, DECEMBER)
        assert view.settings_button.isHidden() and view.open_settings() is None
        assert "Hari Raya Natal" in view.month_cell(date(2026, 12, 25))
        admin_view = shown(qtbot, team("admin"), runner, DECEMBER)
        assert not admin_view.settings_button.isHidden()
    finally:
        team.close()


# -- facilitator and venue availability ----------------------------------------------------------
def set_day(qtbot: QtBot, grid: WeeklyHours, day: int, start: str, end: str) -> None:
    box, start_edit, end_edit = grid.days[day]
    if not box.isChecked():
        qtbot.mouseClick(box, LEFT)
    type_time(qtbot, start_edit, start)
    type_time(qtbot, end_edit, end)


def add_date(qtbot: QtBot, dates: DateList, day: date) -> None:
    type_date(qtbot, dates.editor, day)
    qtbot.mouseClick(dates.add_button, LEFT)


def test_the_facilitator_dialog_saves_her_availability_and_refuses_an_end_before_start(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    programme = build(admin, members=0)
    psychologist = next(f for f in admin.catalogue.facilitators()
                        if f.id == programme.facilitators["psychologist"])
    dialog = FacilitatorDialog(admin, runner, psychologist)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.buttons.isEnabled, timeout=5000)
    assert dialog.max_per_day.text() == "tanpa batas"
    set_day(qtbot, dialog.hours, 0, "09:00", "15:00")
    set_day(qtbot, dialog.hours, 1, "10:00", "08:00")
    add_date(qtbot, dialog.away_on, date(2026, 12, 10))
    add_date(qtbot, dialog.away_on, date(2026, 12, 8))
    assert dialog.away_on.dates.item(0).text() == "8 Desember 2026"
    dialog.away_on.dates.setCurrentRow(0)
    qtbot.mouseClick(dialog.away_on.remove_button, LEFT)
    for _ in range(2):
        qtbot.keyClick(dialog.max_per_day, Qt.Key.Key_Up)
    for _ in range(4):
        qtbot.keyClick(dialog.max_per_week, Qt.Key.Key_Up)
    save(qtbot, dialog, dialog.buttons)
    qtbot.waitUntil(lambda: dialog.error_text("hours") != "", timeout=5000)
    assert dialog.error_text("hours") == "Selasa: jam selesai harus setelah jam mulai."
    assert dialog.error_text("max_per_week") == ""
    qtbot.mouseClick(dialog.hours.days[1][0], LEFT)  # Tuesday no more
    for _ in range(3):  # a week's limit under the day's: refused beside the week's box
        qtbot.keyClick(dialog.max_per_week, Qt.Key.Key_Down)
    save(qtbot, dialog, dialog.buttons)
    qtbot.waitUntil(lambda: dialog.error_text("max_per_week") != "", timeout=5000)
    assert dialog.error_text("max_per_week").startswith("batas sesi per minggu lebih kecil")
    assert dialog.error_text("hours") == ""
    for _ in range(3):
        qtbot.keyClick(dialog.max_per_week, Qt.Key.Key_Up)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        save(qtbot, dialog, dialog.buttons)
    saved = next(f for f in admin.catalogue.facilitators() if f.id == psychologist.id)
    assert saved.hours == {0: Hours(time(9), time(15))}
    assert saved.away_on == {date(2026, 12, 10)}
    assert (saved.max_per_day, saved.max_per_week) == (2, 4)
    again = FacilitatorDialog(admin, runner, saved)  # read back into the fields
    qtbot.addWidget(again)
    assert again.hours.value() == saved.hours and again.away_on.value() == saved.away_on
    assert again.max_per_week.value() == 4


def test_the_venue_dialog_saves_opening_hours_and_dates_closed(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    programme = build(admin, members=0)
    kitchen = next(v for v in admin.catalogue.venues() if v.id == programme.kitchen_id)
    dialog = VenueDialog(admin, runner, kitchen)
    qtbot.addWidget(dialog)
    dialog.show()
    set_day(qtbot, dialog.hours, 5, "12:00", "08:00")
    add_date(qtbot, dialog.closed_on, date(2026, 12, 31))
    save(qtbot, dialog, dialog.buttons)
    qtbot.waitUntil(lambda: dialog.error_text("hours") != "", timeout=5000)
    assert dialog.error_text("hours") == "Sabtu: jam selesai harus setelah jam mulai."
    set_day(qtbot, dialog.hours, 5, "08:00", "12:00")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        save(qtbot, dialog, dialog.buttons)
    saved = next(v for v in admin.catalogue.venues() if v.id == kitchen.id)
    assert saved.hours == {5: Hours(time(8), time(12))}
    assert saved.closed_on == {date(2026, 12, 31)}


# -- how it looks ---------------------------------------------------------------------------------
def test_the_screens_render_in_both_languages(
        qtbot: QtBot, admin: Services, runner: TaskRunner, tmp_path: Path) -> None:
    programme = build(admin, members=0)
    admin.sessions.create(session_on(programme, THURSDAY))
    admin.sessions.create(session_on(programme, FRIDAY, start=14, end=16, module="SOS-02",
                                     facilitator="trainer"))
    admin.calendar.add_closure(Closure(date(2026, 12, 14), date(2026, 12, 15),
                                       "Rapat staf tahunan"))
    psychologist = next(f for f in admin.catalogue.facilitators()
                        if f.id == programme.facilitators["psychologist"])
    kitchen = next(v for v in admin.catalogue.venues() if v.id == programme.kitchen_id)
    for lang in ("id", "en"):
        i18n.set_language(lang)
        view = shown(qtbot, admin, runner, THURSDAY)
        view.show()
        assert view.month_table.isVisible()
        qtbot.wait(50)
        view.grab().save(str(tmp_path / f"calendar_month_{lang}.png"))
        press(qtbot, view, view.week_button)
        qtbot.wait(50)
        view.grab().save(str(tmp_path / f"calendar_week_{lang}.png"))
        with qtbot.waitSignal(view.loaded, timeout=10000):
            view.set_mode("month", date(2027, 3, 1))
        qtbot.wait(50)
        view.grab().save(str(tmp_path / f"calendar_ramadan_{lang}.png"))
        dialog = settings_dialog(qtbot, view)
        qtbot.wait(50)
        dialog.grab().save(str(tmp_path / f"calendar_settings_{lang}.png"))
        dialog.reject()
        facilitator = FacilitatorDialog(admin, runner, psychologist)
        qtbot.addWidget(facilitator)
        facilitator.show()
        qtbot.waitUntil(facilitator.buttons.isEnabled, timeout=5000)
        qtbot.wait(50)
        facilitator.grab().save(str(tmp_path / f"facilitator_{lang}.png"))
        venue = VenueDialog(admin, runner, kitchen)
        qtbot.addWidget(venue)
        venue.show()
        qtbot.wait(50)
        venue.grab().save(str(tmp_path / f"venue_{lang}.png"))
        assert view.today_button.text() == ("Hari ini" if lang == "id" else "Today")
    for name in ("calendar_month", "calendar_week", "calendar_ramadan", "calendar_settings",
                 "facilitator", "venue"):
        for lang in ("id", "en"):
            assert (tmp_path / f"{name}_{lang}.png").stat().st_size > 10_000


# -- in the main window ---------------------------------------------------------------------------
def test_the_calendar_tab_loads_when_opened_and_empties_when_the_app_locks(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    window = MainWindow(admin, runner)
    qtbot.addWidget(window)
    window.show()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    page = window.tabs.widget(titles.index("Kalender"))
    assert isinstance(page, CalendarView)
    assert not window.tabs.tabIcon(titles.index("Kalender")).isNull()
    page.day = DECEMBER
    with qtbot.waitSignal(page.loaded, timeout=10000):
        window.tabs.setCurrentWidget(page)
    assert "Hari Raya Natal" in page.month_cell(date(2026, 12, 25))
    window.lock()
    assert window.is_showing_lock_screen
    assert page.month_cell(date(2026, 12, 25)) == "" and page.count_label.text() == ""
