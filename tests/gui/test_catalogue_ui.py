"""The programme catalogue screen (modules, facilitators, venues, partners) with a real vault."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot
from support.constants import ADMIN, PASSWORD
from support.modal_boxes import ModalBoxes
from support.programme import build
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk import i18n
from kdrt_desk.domain.enums import PartnerKind, Role
from kdrt_desk.domain.training import PartnerInput, Track, VenueFeature
from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.catalogue_dialogs import CatalogueDialog
from kdrt_desk.ui.catalogue_view import (
    KINDS,
    CatalogueList,
    CatalogueView,
    FacilitatorList,
    ModuleList,
    PartnerList,
    VenueList,
)
from kdrt_desk.ui.facilitator_dialog import FacilitatorDialog
from kdrt_desk.ui.module_dialog import ModuleDialog
from kdrt_desk.ui.partner_dialog import PartnerDialog
from kdrt_desk.ui.venue_dialog import VenueDialog
from kdrt_desk.wiring import Services


def column(table: QTableWidget, index: int = 0) -> list[str]:
    return [table.item(row, index).text() for row in range(table.rowCount())]


def row_of(table: QTableWidget, text: str, index: int = 0) -> int:
    return column(table, index).index(text)


def loaded_view(qtbot: QtBot, services: Services, runner: TaskRunner) -> CatalogueView:
    view = CatalogueView(services, runner)
    qtbot.addWidget(view)
    for page in view.lists():
        qtbot.waitUntil(lambda page=page: page.count_label.text() != "", timeout=5000)
    return view


def open_dialog(qtbot: QtBot, page: CatalogueList, row: int | None = None) -> CatalogueDialog:
    """Click "Add" (row None) or select ``row`` and press Enter; returns the open dialog."""
    if row is None:
        page.add_button.click()
    else:
        page.table.selectRow(row)
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def reloaded(qtbot: QtBot, page: CatalogueList, action) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.loaded, timeout=5000):
        action()


# -- modules -------------------------------------------------------------------------------------
def test_a_module_added_through_the_dialog_is_saved(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    view = loaded_view(qtbot, admin, runner)
    page = view.modules
    dialog = open_dialog(qtbot, page)
    assert isinstance(dialog, ModuleDialog)
    assert dialog.windowTitle() == "Modul baru"
    qtbot.waitUntil(lambda: dialog.partner.isEnabled(), timeout=5000)
    assert dialog.partner.itemText(0) == "— (pusat sendiri)"
    dialog.code.setText("eko-06")
    dialog.title_edit.setText("Budidaya ikan lele")
    dialog.track.setCurrentIndex(dialog.track.findData(Track.ECONOMIC))
    dialog.session_count.setValue(6)
    dialog.minutes.setValue(150)
    dialog.venue_features.boxes[VenueFeature.KITCHEN].setChecked(True)
    dialog.partner.setCurrentIndex(dialog.partner.findText("LBH Palembang"))
    dialog.assessment.setChecked(True)
    reloaded(qtbot, page, dialog.submit)
    saved = next(m for m in admin.catalogue.modules() if m.code == "EKO-06")
    assert (saved.title, saved.track, saved.session_count, saved.minutes_per_session) == (
        "Budidaya ikan lele", Track.ECONOMIC, 6, 150)
    assert saved.venue_features == {VenueFeature.KITCHEN}
    assert saved.partner_name == "LBH Palembang" and saved.assessment_required
    row = row_of(page.table, "EKO-06")
    assert page.table.item(row, 3).text() == "6 × 150 menit"
    assert page.selected() is not None and page.selected().id == saved.id


def test_bad_fields_show_messages_under_them_and_nothing_is_saved(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    before = len(admin.catalogue.modules(include_archived=True))
    view = loaded_view(qtbot, admin, runner)
    dialog = open_dialog(qtbot, view.modules)
    assert isinstance(dialog, ModuleDialog)
    qtbot.waitUntil(lambda: dialog.partner.isEnabled(), timeout=5000)
    dialog.code.setText("EKO-07")
    dialog.minutes.setValue(5)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error_text("title") != "", timeout=5000)
    assert dialog.error_text("title") == "Wajib diisi."
    assert dialog.error_text("minutes_per_session") == "Isi angka dari 15 sampai 480."
    assert dialog.error_text("code") == ""
    assert dialog.isVisible() and dialog.code.text() == "EKO-07"
    assert len(admin.catalogue.modules(include_archived=True)) == before
    # fixing the fields saves it
    dialog.title_edit.setText("Tata rias")
    dialog.minutes.setValue(120)
    reloaded(qtbot, view.modules, dialog.submit)
    assert view.modules.dialog is None  # closed
    assert "EKO-07" in column(view.modules.table)


def test_a_module_a_group_follows_cannot_be_deleted(
        qtbot: QtBot, admin: Services, runner: TaskRunner, modal_boxes: ModalBoxes) -> None:
    build(admin, members=0)
    view = loaded_view(qtbot, admin, runner)
    page = view.modules
    page.table.selectRow(row_of(page.table, "SOS-01"))
    modal_boxes.answer = QMessageBox.StandardButton.Yes
    page.delete_button.click()
    qtbot.waitUntil(lambda: any(kind == "warning" for kind, _, _ in modal_boxes.shown),
                    timeout=5000)
    question, warning = modal_boxes.shown
    assert question[0] == "question" and "SOS-01" in question[2]
    assert warning[2] == MESSAGES["error.module_has_history"][0]
    assert "SOS-01" in [m.code for m in admin.catalogue.modules()]
    runner.wait()
    assert "SOS-01" in column(page.table)


def test_an_archived_module_is_hidden_unless_asked_for_and_an_unused_one_can_be_deleted(
        qtbot: QtBot, admin: Services, runner: TaskRunner, modal_boxes: ModalBoxes) -> None:
    view = loaded_view(qtbot, admin, runner)
    page = view.modules
    page.table.selectRow(row_of(page.table, "EKO-05"))
    assert page.archive_button.text() == "Arsipkan"
    reloaded(qtbot, page, page.archive_button.click)
    assert "EKO-05" not in column(page.table)
    assert "EKO-05" not in [m.code for m in admin.catalogue.modules()]
    reloaded(qtbot, page, lambda: page.show_archived.setChecked(True))
    row = row_of(page.table, "EKO-05 (diarsipkan)")
    page.table.selectRow(row)
    assert page.archive_button.text() == "Pulihkan"
    reloaded(qtbot, page, page.archive_button.click)
    assert "EKO-05" in column(page.table)
    assert "EKO-05" in [m.code for m in admin.catalogue.modules()]
    # "No" keeps it; "Yes" deletes it (no group uses it)
    page.table.selectRow(row_of(page.table, "EKO-05"))
    page.delete_button.click()
    runner.wait()
    assert "EKO-05" in [m.code for m in admin.catalogue.modules()]
    modal_boxes.answer = QMessageBox.StandardButton.Yes
    reloaded(qtbot, page, page.delete_button.click)
    assert "EKO-05" not in [m.code for m in admin.catalogue.modules(include_archived=True)]
    assert "EKO-05" not in column(page.table)


# -- facilitators --------------------------------------------------------------------------------
def test_a_facilitator_with_modules_and_her_login(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    admin.accounts.add_account("fasilitator1", Role.FASILITATOR, PASSWORD)
    modules = {m.code: m.id for m in admin.catalogue.modules()}
    view = loaded_view(qtbot, admin, runner)
    page = view.facilitators
    dialog = open_dialog(qtbot, page)
    assert isinstance(dialog, FacilitatorDialog)
    qtbot.waitUntil(lambda: dialog.account.isEnabled(), timeout=5000)
    assert dialog.account.itemText(0) == "— tanpa akun —"
    dialog.name.setText("Ibu Yuliana, S.Sos.")
    dialog.email.setText("yuliana-at-contoh")
    for row in range(dialog.modules.count()):
        item = dialog.modules.item(row)
        if item.text().startswith(("SOS-02", "EKO-05")):
            item.setCheckState(Qt.CheckState.Checked)
    dialog.account.setCurrentIndex(dialog.account.findText("fasilitator1"))
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error_text("email") != "", timeout=5000)
    assert dialog.error_text("email").startswith("Alamat email tidak sah")
    assert admin.catalogue.facilitators() == []
    dialog.email.setText("yuliana@contoh.org")
    reloaded(qtbot, page, dialog.submit)
    saved = admin.catalogue.facilitators()[0]
    assert saved.name == "Ibu Yuliana, S.Sos." and saved.staff_username == "fasilitator1"
    assert saved.module_ids == {modules["SOS-02"], modules["EKO-05"]}
    assert page.table.item(0, 3).text() == "EKO-05, SOS-02"
    assert page.table.item(0, 4).text() == "fasilitator1"
    # opening it again shows what was saved
    again = open_dialog(qtbot, page, 0)
    assert isinstance(again, FacilitatorDialog)
    qtbot.waitUntil(lambda: again.account.isEnabled(), timeout=5000)
    assert again.account.currentText() == "fasilitator1"
    checked = [again.modules.item(r).text().split()[0] for r in range(again.modules.count())
               if again.modules.item(r).checkState() == Qt.CheckState.Checked]
    assert checked == ["SOS-02", "EKO-05"]
    again.reject()


# -- venues --------------------------------------------------------------------------------------
def test_a_venue_with_its_features(qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    view = loaded_view(qtbot, admin, runner)
    page = view.venues
    dialog = open_dialog(qtbot, page)
    assert isinstance(dialog, VenueDialog)
    dialog.name.setText("Rumah Jahit Seberang Ulu")
    dialog.kecamatan.setCurrentIndex(dialog.kecamatan.findData("Seberang Ulu I"))
    dialog.capacity.setValue(0)
    dialog.features.boxes[VenueFeature.SEWING_MACHINES].setChecked(True)
    dialog.features.boxes[VenueFeature.PRIVATE_ROOM].setChecked(True)
    dialog.childcare.setChecked(True)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error_text("capacity") != "", timeout=5000)
    assert dialog.error_text("capacity") == "Isi angka dari 1 sampai 500."
    dialog.capacity.setValue(15)
    reloaded(qtbot, page, dialog.submit)
    venue = admin.catalogue.venues()[0]
    assert (venue.name, venue.kecamatan, venue.capacity, venue.childcare) == (
        "Rumah Jahit Seberang Ulu", "Seberang Ulu I", 15, True)
    assert venue.features == {VenueFeature.SEWING_MACHINES, VenueFeature.PRIVATE_ROOM}
    assert page.table.item(0, 3).text() == "Mesin jahit, Ruang tertutup"
    assert page.table.item(0, 4).text() == "Ya"


# -- partners ------------------------------------------------------------------------------------
def test_a_partner_is_edited_with_its_mou_dates(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    partner = admin.partners.save(PartnerInput(name="LPK Sriwijaya Mandiri",
                                               kind=PartnerKind.TRAINING_INSTITUTION))
    view = loaded_view(qtbot, admin, runner)
    page = view.partners
    dialog = open_dialog(qtbot, page, row_of(page.table, "LPK Sriwijaya Mandiri"))
    assert isinstance(dialog, PartnerDialog)
    assert dialog.mou_start.value() is None and dialog.mou_end.value() is None
    dialog.contact_person.setText("Pak Hendra")
    dialog.phone.setText("0711 354321")
    dialog.contribution.setPlainText("Pelatihan menjahit bersertifikat")
    dialog.mou_start.known.setChecked(True)
    dialog.mou_start.editor.setDate(QDate(2026, 1, 1))
    dialog.mou_end.known.setChecked(True)
    dialog.mou_end.editor.setDate(QDate(2025, 12, 31))
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error_text("mou_end") != "", timeout=5000)
    assert dialog.error_text("mou_end") == MESSAGES["error.mou_end_before_start"][0]
    assert dialog.contact_person.text() == "Pak Hendra"
    dialog.mou_end.editor.setDate(QDate(2027, 12, 31))
    reloaded(qtbot, page, dialog.submit)
    saved = next(p for p in admin.partners.partners() if p.id == partner.id)
    assert (saved.mou_start, saved.mou_end) == (date(2026, 1, 1), date(2027, 12, 31))
    assert (saved.contact_person, saved.phone) == ("Pak Hendra", "+62711354321")
    assert saved.contribution == "Pelatihan menjahit bersertifikat"
    row = row_of(page.table, "LPK Sriwijaya Mandiri")
    assert page.table.item(row, 4).text() == "1 Januari 2026 – 31 Desember 2027"
    # an MoU date can be emptied again
    dialog = open_dialog(qtbot, page, row)
    assert isinstance(dialog, PartnerDialog)
    assert dialog.mou_start.value() == date(2026, 1, 1)
    dialog.mou_start.known.setChecked(False)
    reloaded(qtbot, page, dialog.submit)
    saved = next(p for p in admin.partners.partners() if p.id == partner.id)
    assert (saved.mou_start, saved.mou_end) == (None, date(2027, 12, 31))
    assert page.table.item(row, 4).text() == "sampai 31 Desember 2027"


# -- who may change it ---------------------------------------------------------------------------
def test_staff_and_facilitators_see_the_catalogue_without_edit_buttons(
        qtbot: QtBot, vault: VaultFixture, runner: TaskRunner) -> None:
    team = Team.hired(vault)
    try:
        for name, allowed in ((ADMIN, True), ("staf1", False), ("fasilitator1", False)):
            view = loaded_view(qtbot, team(name), runner)
            assert view.modules.table.rowCount() > 0
            assert view.partners.table.rowCount() > 0
            for page in view.lists():
                for button in (page.add_button, page.edit_button, page.archive_button,
                               page.delete_button):
                    assert button.isHidden() is not allowed, (name, page.KIND, button.text())
                if page.table.rowCount():
                    page.table.selectRow(0)
                    qtbot.keyClick(page.table, Qt.Key.Key_Return)
                else:
                    page.add_new()
                dialog = page.dialog
                assert (dialog is not None) is allowed, (name, page.KIND)
                if dialog is not None:
                    qtbot.waitUntil(dialog.buttons.isEnabled, timeout=5000)
                    dialog.reject()
                    assert page.dialog is None
            runner.wait()
            view.close()
    finally:
        team.close()


# -- language ------------------------------------------------------------------------------------
def test_every_text_the_screen_builds_is_in_the_catalogue() -> None:
    keys = {f"ui.catalogue.tab_{kind}" for kind in KINDS}
    for page in (ModuleList, FacilitatorList, VenueList, PartnerList):
        keys |= {f"ui.catalogue.{page.KIND}.{suffix}"
                 for suffix in ("intro", "count", "delete_question")}
        keys |= {f"ui.catalogue.{page.KIND}.col_{c}" for c in page.COLUMNS}
    assert sorted(k for k in keys if k not in MESSAGES) == []


def test_the_screen_speaks_english_when_asked(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    i18n.set_language("en")
    view = loaded_view(qtbot, admin, runner)
    assert [view.tabs.tabText(i) for i in range(4)] == [
        "Modules", "Facilitators", "Venues", "Partners"]
    assert view.modules.add_button.text() == "Add…"
    assert view.modules.count_label.text() == "9 modules"
