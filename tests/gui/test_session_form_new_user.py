"""The session form as a new user meets it, pressed through its real widgets.

(a) a refused save shows its messages beside the fields, and changing a field clears that field's
message only (the next save checks again); (b) the venue list says what each venue has (kitchen,
sewing machines, childcare…); (c) the group list offers running and coming groups first, by name
with numbers in order, then finished groups marked as such, and no archived group.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from support.programme import Programme, build

from kdrt_desk.domain.training import GroupInput, SessionQuery, VenueFeature, VenueInput
from kdrt_desk.i18n import format_date
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.session_dialog import GROUP_VENUE, SessionDialog
from kdrt_desk.wiring import Services


def opened(qtbot: QtBot, services: Services, runner: TaskRunner, group_id: int | None = None,
           day: date | None = None) -> SessionDialog:
    dialog = SessionDialog(services, runner, group_id=group_id, day=day)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    return dialog


def press_save(qtbot: QtBot, dialog: SessionDialog) -> None:
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert save.text() == "Simpan sesi"
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)


def group_texts(dialog: SessionDialog) -> list[str]:
    return [dialog.group.itemText(i) for i in range(dialog.group.count())]


def test_changing_a_field_clears_its_message_and_only_its_own(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    programme = build(admin, members=2)
    group = next(g for g in admin.groups.groups() if g.id == programme.group_id)
    assert group.start_date is not None and group.end_date is not None
    outside = group.end_date + timedelta(days=12)  # after the group's period
    dialog = opened(qtbot, admin, runner, programme.group_id, outside)
    dialog.start_time.setFocus()
    dialog.start_time.setCurrentSection(dialog.start_time.Section.HourSection)
    for _ in range(3):  # starts at 12.00, ends at 11.00
        qtbot.keyClick(dialog.start_time, Qt.Key.Key_Up)
    assert dialog.start_time.time() == QTime(12, 0)
    press_save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.error_text("session_date") != "", timeout=5000)
    period = f"({format_date(group.start_date)} sampai {format_date(group.end_date)})"
    assert dialog.error_text("session_date").startswith(
        f"Tanggal harus di dalam periode kelompok {period}")
    assert dialog.error_text("end_time") == "Jam selesai harus sesudah jam mulai."
    hint = dialog.date_hint
    assert hint is not None and not hint.isVisible()  # the message names the period already

    qtbot.keyClicks(dialog.topic, "Mengenali tanda bahaya")  # another field: both stay
    assert dialog.error_text("session_date") != "" and dialog.error_text("end_time") != ""

    dialog.session_date.setFocus()
    dialog.session_date.setCurrentSection(dialog.session_date.Section.DaySection)
    qtbot.keyClick(dialog.session_date, Qt.Key.Key_Down)  # the date changes: its message goes
    assert dialog.session_date.date().toPython() == outside - timedelta(days=1)
    assert dialog.error_text("session_date") == ""
    assert hint.isVisible()  # the period hint is back
    assert dialog.error_text("end_time") == "Jam selesai harus sesudah jam mulai."

    dialog.end_time.setFocus()
    dialog.end_time.setCurrentSection(dialog.end_time.Section.HourSection)
    for _ in range(3):
        qtbot.keyClick(dialog.end_time, Qt.Key.Key_Up)
    assert dialog.end_time.time() == QTime(14, 0)
    assert dialog.error_text("end_time") == ""

    press_save(qtbot, dialog)  # the next save checks again: the date is still outside
    qtbot.waitUntil(lambda: dialog.error_text("session_date") != "", timeout=5000)
    assert dialog.error_text("end_time") == ""
    assert dialog.isVisible() and admin.sessions.sessions(SessionQuery()) == []
    dialog.reject()


def test_choosing_a_group_clears_the_choose_a_group_message(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    programme = build(admin, members=0)
    dialog = opened(qtbot, admin, runner)
    assert dialog.group.currentData() is None
    press_save(qtbot, dialog)
    assert dialog.error_text("group_id") == "Pilih kelompoknya."
    dialog.group.setFocus()
    qtbot.keyClick(dialog.group, Qt.Key.Key_Down)  # the first group, by keyboard
    assert dialog.group.currentData() == programme.group_id
    assert dialog.error_text("group_id") == ""
    assert dialog.module.count() == 2  # the group's modules are offered at once
    dialog.reject()


def test_the_venue_list_says_what_each_venue_has(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    programme: Programme = build(admin, members=0)
    admin.catalogue.save_venue(VenueInput(
        name="Rumah Jahit Seberang Ulu", kecamatan="Seberang Ulu I", capacity=10,
        features={VenueFeature.SEWING_MACHINES, VenueFeature.KITCHEN}))
    admin.catalogue.save_venue(VenueInput(name="Balai Warga Kertapati", kecamatan="Kertapati",
                                          capacity=30))
    dialog = opened(qtbot, admin, runner, programme.group_id)
    texts = {dialog.venue.itemData(i): dialog.venue.itemText(i)
             for i in range(dialog.venue.count())}
    assert dialog.venue.itemData(0) == GROUP_VENUE and dialog.venue.currentIndex() == 0
    by_name = {text.split(" (")[0]: text for text in texts.values()}
    assert by_name["Aula Kelurahan Plaju Ulu"] == (
        "Aula Kelurahan Plaju Ulu (kapasitas 25; Ruang tertutup, Proyektor, Penitipan anak)")
    assert by_name["Dapur Bersama Kemuning"] == "Dapur Bersama Kemuning (kapasitas 12; Dapur)"
    assert by_name["Rumah Jahit Seberang Ulu"] == (
        "Rumah Jahit Seberang Ulu (kapasitas 10; Dapur, Mesin jahit)")
    assert "Dapur" not in by_name["Balai Warga Kertapati"]  # no features: no list
    assert "30" in by_name["Balai Warga Kertapati"]
    kitchen = dialog.venue.findData(programme.kitchen_id)
    assert dialog.venue.itemData(kitchen, Qt.ItemDataRole.ToolTipRole) == texts[
        programme.kitchen_id]  # the whole text as a tip, when the list is narrow
    dialog.reject()


def test_running_groups_come_first_by_name_finished_ones_after(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    programme = build(admin, members=0)
    today = date.today()
    modules = list(programme.modules.values())[:1]

    def group(name: str, start: date, end: date) -> int:
        return admin.groups.save(GroupInput(
            name=name, kecamatan="Plaju", start_date=start, end_date=end,
            venue_id=programme.venue_id, module_ids=modules)).id

    admin.groups.set_archived(programme.group_id, True)  # archived: not offered at all
    group("Angkatan 10 Kertapati", today - timedelta(days=30), today + timedelta(days=60))
    group("Angkatan 9 Ilir Barat", today - timedelta(days=10), today)  # its last day: running
    group("Angkatan 12 Sukarami", today + timedelta(days=20), today + timedelta(days=90))
    group("Angkatan 3 Lama", today - timedelta(days=200), today - timedelta(days=100))
    group("Angkatan 11 Kemarin", today - timedelta(days=90), today - timedelta(days=1))
    dialog = opened(qtbot, admin, runner)
    assert group_texts(dialog) == [
        "— pilih —",
        "Angkatan 9 Ilir Barat", "Angkatan 10 Kertapati", "Angkatan 12 Sukarami",
        "Angkatan 3 Lama (sudah selesai)", "Angkatan 11 Kemarin (sudah selesai)"]
    assert dialog.group.itemData(0) is None  # nothing chosen until she chooses
    assert "Angkatan 1 Plaju" not in " ".join(group_texts(dialog))
    dialog.reject()
