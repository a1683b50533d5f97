"""The certificate screens pressed as the admin presses them, on a real vault: two eligible women
ticked and issued as one PDF (file written, two pages, two valid rows in the register, the
preview of the batch offered), a batch cancelled from the progress dialog (no file, no serial),
a certificate revoked through the register, a code checked (valid, revoked, unknown, name on the
paper), the template dialog (a signatory with a scanned signature saved, a revealing issuer
refused beside its field, the preview of the unsaved form with a real name), and a facilitator
who has no Sertifikat tab but can still check a certificate from the Berkas menu."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QStyle,
    QTableWidget,
)
from pytestqt.qtbot import QtBot
from support.markup_probe import VALUES, assert_plain
from support.modal_boxes import ModalBoxes
from support.programme import Programme, build, enrolled, session_on
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.certificates import (
    CertificateDesign,
    CertificateStatus,
    IssueRequest,
    Signatory,
    TemplateInput,
)
from kdrt_desk.domain.training import AttendanceMark
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.certificate_template_dialog import CertificateTemplateDialog
from kdrt_desk.ui.certificate_verify_dialog import CertificateVerifyDialog
from kdrt_desk.ui.certificates_view import CertificatesView
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.ui.widgets.look import ERROR_BOX, NOTICE, OK_BOX
from kdrt_desk.ui.widgets.pdf_preview import PdfPreviewDialog
from kdrt_desk.ui.widgets.reason_dialog import ReasonDialog
from kdrt_desk.wiring import Services

TODAY = date(2026, 11, 27)
DAYS = (date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25))
YEAR = date.today().year  # serials count per year of issue


def png(width: int = 160, height: int = 50) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (20, 40, 90)).save(out, format="PNG")
    return out.getvalue()


def two_eligible(admin: Services) -> Programme:
    """Three SOS-01 sessions held: the first two women came to all of them (eligible), the third
    to two (67%, under the 75% minimum: close)."""
    programme = build(admin, members=3)
    for n, day in enumerate(DAYS):
        made = admin.sessions.create(session_on(programme, day))
        for k, pid in enumerate(programme.participants):
            mark = AttendanceMark.PRESENT if k < 2 or n < 2 else AttendanceMark.ABSENT
            admin.attendance.mark(made.id, pid, mark, today=TODAY)
    return programme


def signed_template(admin: Services) -> int:
    design = CertificateDesign(issuer_name="Program Pelatihan Kemandirian Perempuan",
                               signatories=(Signatory("Dra. Sri Wahyuni", "Ketua Program",
                                                      png()),))
    return admin.certificates.templates.save(TemplateInput("Standar", design)).id


def issue_directly(admin: Services, programme: Programme, template: int, tmp_path: Path,
                   count: int = 2) -> list[str]:
    sos = programme.modules["SOS-01"]
    requests = [IssueRequest(pid, sos, programme.group_id)
                for pid in programme.participants[:count]]
    return admin.certificates.issue(requests, tmp_path / "langsung.pdf",
                                    template_id=template).serials


def opened(qtbot: QtBot, admin: Services, runner: TaskRunner) -> CertificatesView:
    view = CertificatesView(admin, runner)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    qtbot.waitExposed(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.loaded, timeout=10000)
    return view


def tick(qtbot: QtBot, table: QTableWidget, row: int) -> None:
    """Click the check box in the first cell of ``row``, where the user clicks it."""
    rect = table.visualRect(table.model().index(row, 0))
    style = table.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    width = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, table)
    where = QPoint(rect.left() + margin + width // 2, rect.center().y())
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)


def click_row(qtbot: QtBot, table: QTableWidget, row: int, column: int = 1) -> None:
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def column_texts(table: QTableWidget, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())  # type: ignore
            if table.item(r, column) is not None]


def visible_previews() -> list[PdfPreviewDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, PdfPreviewDialog) and w.isVisible()]


def save_dialog_returns(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))


@pytest.fixture
def close_previews() -> Iterator[None]:
    yield
    for dialog in visible_previews():
        dialog.reject()


def test_two_ticked_women_are_issued_as_one_pdf_and_listed_valid(
        qtbot: QtBot, admin: Services, runner: TaskRunner, modal_boxes: ModalBoxes,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, close_previews: None) -> None:
    programme = two_eligible(admin)
    signed_template(admin)
    view = opened(qtbot, admin, runner)
    table = view.table
    assert table.rowCount() == 3
    # the close one is greyed, says what is missing and cannot be ticked
    close_row = next(n for n, r in enumerate(view.rows) if not r.eligible)
    assert column_texts(table, 5)[close_row].startswith("Belum: Hadir 2 dari 3 sesi")
    assert not table.item(close_row, 0).flags() & Qt.ItemFlag.ItemIsUserCheckable  # type: ignore
    assert not view.issue_button.isEnabled()
    for n, row in enumerate(view.rows):
        if row.eligible:
            tick(qtbot, table, n)
    tick(qtbot, table, close_row)  # nothing happens
    assert sorted(r.participant_id for r in view.picked()) == programme.participants[:2]
    assert "2 dipilih" in view.count.text()
    target = tmp_path / "cetak.pdf"
    save_dialog_returns(monkeypatch, target)
    modal_boxes.answer = QMessageBox.StandardButton.Yes  # issue them; then open the preview
    assert view.issue_button.isEnabled()
    qtbot.mouseClick(view.issue_button, Qt.MouseButton.LeftButton)
    first, last = f"KD/SERT/{YEAR}/0001", f"KD/SERT/{YEAR}/0002"
    qtbot.waitUntil(lambda: first in view.note.text(), timeout=20000)
    assert f"{first} s.d. {last}" in view.note.text()
    assert "Terbitkan 2 sertifikat?" in modal_boxes.shown[0][2]
    assert len(PdfReader(target).pages) == 2
    view.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: view.register_table.rowCount() == 2, timeout=10000)
    assert column_texts(view.register_table, 6) == ["Berlaku", "Berlaku"]
    assert sorted(column_texts(view.register_table, 0)) == [first, last]
    # the batch just written, offered in the preview to print
    qtbot.waitUntil(lambda: bool(visible_previews()), timeout=10000)
    (preview,) = visible_previews()
    assert preview.page_count == 2 and preview.kind == "certificate"
    # the file is already saved: it opens in the system viewer from there
    assert preview.open_button.isVisible() and preview.open_button.isEnabled()
    assert preview.saved_path == target
    # issued ones cannot be ticked again: the list shows the serial she holds
    view.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: sorted(column_texts(view.table, 8)) == ["", first, last],
                    timeout=10000)
    assert view.picked() == [] and not view.issue_button.isEnabled()


def test_a_cancelled_batch_leaves_no_file_and_takes_no_serial(
        qtbot: QtBot, admin: Services, runner: TaskRunner, modal_boxes: ModalBoxes,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    two_eligible(admin)
    signed_template(admin)
    view = opened(qtbot, admin, runner)
    qtbot.mouseClick(view.pick_all_button, Qt.MouseButton.LeftButton)
    assert len(view.picked()) == 2
    target = tmp_path / "batal.pdf"
    save_dialog_returns(monkeypatch, target)
    modal_boxes.answer = QMessageBox.StandardButton.Yes
    gate = threading.Event()
    runner.run(gate.wait)  # the worker is busy: the batch waits behind it, its dialog shows
    try:
        qtbot.mouseClick(view.issue_button, Qt.MouseButton.LeftButton)

        def progress_shown() -> bool:
            found = view.findChild(QProgressDialog)
            return found is not None and found.isVisible()

        qtbot.waitUntil(progress_shown, timeout=5000)
        dialog = view.findChild(QProgressDialog)
        assert dialog is not None
        cancel = dialog.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Batal"
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    finally:
        gate.set()
    qtbot.waitUntil(lambda: view.message.isVisible(), timeout=20000)
    assert "dibatalkan" in view.message.text()
    runner.wait()
    assert not target.exists()
    assert admin.certificates.register() == []
    assert [kind for kind, _t, _x in modal_boxes.shown] == ["question"]  # only the confirmation


def test_revoking_through_the_register_changes_the_status(
        qtbot: QtBot, admin: Services, runner: TaskRunner, tmp_path: Path) -> None:
    programme = two_eligible(admin)
    serials = issue_directly(admin, programme, signed_template(admin), tmp_path, count=1)
    view = opened(qtbot, admin, runner)
    view.tabs.setCurrentIndex(1)
    table = view.register_table
    assert table.rowCount() == 1 and column_texts(table, 6) == ["Berlaku"]
    assert not view.revoke_button.isEnabled()
    click_row(qtbot, table, 0)
    assert view.revoke_button.isEnabled() and view.reissue_button.isVisible()
    qtbot.mouseClick(view.revoke_button, Qt.MouseButton.LeftButton)
    ask = view.dialog
    assert isinstance(ask, ReasonDialog) and ask.isVisible()
    ok = ask.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)  # type: ignore
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # no reason yet: refused
    assert ask.isVisible() and ask.error.text() == "Tulis alasannya."
    qtbot.keyClicks(ask.reason, "Salah cetak tanggal")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: column_texts(table, 6) == ["Dicabut"], timeout=10000)
    assert column_texts(table, 7) == ["Salah cetak tanggal"]
    assert view.register_note.text() == f"Sertifikat {serials[0]} dicabut."
    (row,) = admin.certificates.register()
    assert row.status is CertificateStatus.REVOKED


def test_the_verify_dialog_tells_valid_revoked_and_unknown(
        qtbot: QtBot, admin: Services, runner: TaskRunner, tmp_path: Path) -> None:
    programme = two_eligible(admin)
    serials = issue_directly(admin, programme, signed_template(admin), tmp_path)
    admin.certificates.revoke(serials[1], "Salah cetak")
    register = {r.serial: r for r in admin.certificates.register()}
    valid, revoked = register[serials[0]], register[serials[1]]
    view = opened(qtbot, admin, runner)
    view.tabs.setCurrentIndex(1)
    qtbot.mouseClick(view.verify_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, CertificateVerifyDialog) and dialog.isVisible()

    def check(code: str, name: str = "") -> None:
        dialog.code.clear()
        dialog.name.clear()
        qtbot.keyClicks(dialog.code, code)
        qtbot.keyClicks(dialog.name, name)
        before = dialog.answer
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.answer is not before, timeout=10000)

    # as a scanner reads it: the centre's URL ending with the code, in lower case
    check(f"https://contoh.example/cek?kode={valid.code.lower()}", valid.printed_name)
    assert dialog.verdict.text() == "ASLI DAN BERLAKU"
    assert dialog.verdict.property("look") == OK_BOX
    assert dialog.printed_name.text() == valid.printed_name
    assert dialog.course.text() == "Kelompok dukungan sebaya"
    assert dialog.name_check.text() == "Nama di kertas cocok dengan nama yang dicetak."
    check(valid.code, "Siti Palsu")
    assert dialog.name_check.text() == "Nama di kertas TIDAK cocok dengan nama yang dicetak."
    assert dialog.verdict.text().startswith("ASLI, TETAPI NAMA DI KERTAS TIDAK COCOK")
    assert dialog.verdict.property("look") == ERROR_BOX
    # the serial typed instead of the code: told what to type
    dialog.code.clear()
    dialog.name.clear()
    qtbot.keyClicks(dialog.code, valid.serial)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10000)
    assert "kode verifikasi" in dialog.error.text()
    check(revoked.code)
    assert dialog.verdict.text().startswith("ASLI, TETAPI DICABUT")
    assert dialog.verdict.property("look") == NOTICE and dialog.name_check.isHidden()
    check("ZZZZ-ZZZZ-ZZZZ")
    assert dialog.verdict.text().startswith("TIDAK DIKENAL")
    assert dialog.verdict.property("look") == ERROR_BOX and dialog.details.isHidden()
    assert dialog.printed_name.text() not in dialog.verdict.text()
    # the register row edited past the app (raw SQL): not to be trusted
    from sqlalchemy import text

    with admin.vault.db.engine.begin() as conn:
        conn.execute(text("UPDATE certificate SET hours = 400 WHERE code = :c"),
                     {"c": valid.code})
    check(valid.code)
    assert dialog.verdict.text().startswith("TIDAK DAPAT DIPERCAYA")
    assert dialog.verdict.property("look") == ERROR_BOX and dialog.details.isHidden()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Close),
                     Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_the_template_dialog_saves_a_signatory_refuses_a_revealing_issuer_and_previews(
        qtbot: QtBot, admin: Services, runner: TaskRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, close_previews: None) -> None:
    two_eligible(admin)
    dialog = CertificateTemplateDialog(admin, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
    assert dialog.preview_choice.count() == 2 and dialog.no_eligible.isHidden()
    bar = dialog.pages.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    name, title, signature = dialog.signatories[0]
    qtbot.keyClicks(name, "Dra. Sri Wahyuni")
    qtbot.keyClicks(title, "Ketua Program")
    scan = tmp_path / "ttd.png"
    scan.write_bytes(png())
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(scan), "")))
    qtbot.mouseClick(signature.choose_button, Qt.MouseButton.LeftButton)
    assert signature.data == scan.read_bytes()
    assert signature.thumb.pixmap() is not None and not signature.thumb.pixmap().isNull()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Pelatihan Menjahit")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.note.text() == "Templat Pelatihan Menjahit disimpan.",
                    timeout=10000)
    (saved,) = admin.certificates.templates.templates()
    assert saved.name == "Pelatihan Menjahit"
    (person,) = saved.design.signatories
    assert (person.name, person.title) == ("Dra. Sri Wahyuni", "Ketua Program")
    assert person.signature_png.startswith(b"\x89PNG")
    qtbot.waitUntil(lambda: [dialog.list.item(i).text() for i in range(dialog.list.count())]
                    == ["Pelatihan Menjahit"], timeout=10000)

    # a word that tells what the centre is: refused beside the field, nothing saved
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    dialog.issuer.clear()
    qtbot.keyClicks(dialog.issuer, "Rumah Aman Korban KDRT")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_text("issuer_name") != "", timeout=10000)
    assert dialog.pages.currentIndex() == 0  # the page that holds the field
    assert dialog.isEnabled()
    (still,) = admin.certificates.templates.templates()
    assert still.design.issuer_name == "Program Pelatihan Kemandirian Perempuan"

    # the unsaved form previewed with a real name
    dialog.issuer.clear()
    qtbot.keyClicks(dialog.issuer, "LPK Sriwijaya")
    dialog.words["title_id"].clear()
    qtbot.keyClicks(dialog.words["title_id"], "SERTIFIKAT KEAHLIAN")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(visible_previews()), timeout=10000)
    (preview,) = visible_previews()
    assert preview.page_count == 1
    text = " ".join((PdfReader(io.BytesIO(preview.pdf_bytes)).pages[0].extract_text()
                     or "").split())
    woman = dialog.eligible[dialog.preview_choice.currentIndex()].name
    assert "SERTIFIKAT KEAHLIAN" in text and woman in text and "LPK Sriwijaya" in text
    assert admin.certificates.register() == []  # a preview takes no serial
    (still,) = admin.certificates.templates.templates()
    assert still.design.title_id == "SERTIFIKAT"


@pytest.fixture
def team(vault: VaultFixture) -> Iterator[Team]:
    made = Team.hired(vault)
    yield made
    made.close()


def file_action(window: MainWindow, text: str) -> QAction | None:
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    return next((a for a in menu.actions() if a.text() == text), None)


def test_a_facilitator_has_no_certificate_tab_but_can_check_one(
        qtbot: QtBot, team: Team, tmp_path: Path) -> None:
    admin = team.vault.services()  # the admin prepares, then logs out
    try:
        programme = two_eligible(admin)
        serials = issue_directly(admin, programme, signed_template(admin), tmp_path, count=1)
        (row,) = admin.certificates.register()
    finally:
        admin.close()
    services = team("fasilitator1")
    failures: list[BaseException] = []
    runner = TaskRunner(on_unhandled=failures.append)
    window = MainWindow(services, runner)
    qtbot.addWidget(window)
    window.show()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Sertifikat" not in titles
    assert file_action(window, "Templat sertifikat…") is None
    check = file_action(window, "Periksa sertifikat…")
    assert check is not None
    check.trigger()
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, CertificateVerifyDialog) and w.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.keyClicks(dialog.code, row.code)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.answer is not None, timeout=10000)
    assert dialog.verdict.text() == "ASLI DAN BERLAKU" and serials
    dialog.reject()
    runner.wait()
    assert failures == []
    window.closing_for_logout = True



def test_names_typed_with_markup_show_as_typed_on_every_certificate_screen(
        qtbot: QtBot, admin: Services, runner: TaskRunner, tmp_path: Path) -> None:
    programme = build(admin, members=0)
    pid = enrolled(admin, programme.group_id, full_name=VALUES["full_name"],
                   preferred_name=VALUES["preferred_name"], phone="")
    for day in (date(2026, 11, 25), date(2026, 11, 26)):
        made = admin.sessions.create(session_on(programme, day))
        admin.attendance.mark(made.id, pid, AttendanceMark.PRESENT, today=TODAY)
    design = CertificateDesign(issuer_name="Program Pelatihan Kemandirian Perempuan",
                               signatories=(Signatory(VALUES["facilitator"], "Pelatih",
                                                      png()),))
    template = admin.certificates.templates.save(TemplateInput("Standar", design)).id
    view = opened(qtbot, admin, runner)
    assert_plain(view, expect=["full_name", "preferred_name"])  # the eligible list
    admin.certificates.issue([IssueRequest(pid, programme.modules["SOS-01"],
                                           programme.group_id)],
                             tmp_path / "satu.pdf", template_id=template)
    view.refresh()
    qtbot.waitUntil(lambda: view.register_table.rowCount() == 1, timeout=10000)
    view.tabs.setCurrentIndex(1)
    assert_plain(view, expect=["full_name"])  # the register's name as printed
    (row,) = admin.certificates.register()
    click_row(qtbot, view.register_table, 0)
    qtbot.mouseClick(view.verify_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, CertificateVerifyDialog)
    qtbot.keyClicks(dialog.name, VALUES["full_name"])
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.answer is not None, timeout=10000)
    assert dialog.printed_name.text() == VALUES["full_name"] == row.printed_name
    assert_plain(dialog, expect=["full_name"])
    dialog.reject()
    templates = CertificateTemplateDialog(admin, runner)
    qtbot.addWidget(templates)
    templates.show()
    qtbot.waitUntil(lambda: templates.loaded, timeout=10000)
    assert_plain(templates, expect=["facilitator", "full_name"])  # signatory, preview names


def test_preview_reprint_and_reissue_from_their_buttons(
        qtbot: QtBot, admin: Services, runner: TaskRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, close_previews: None) -> None:
    programme = two_eligible(admin)
    template = signed_template(admin)
    view = opened(qtbot, admin, runner)
    eligible = next(n for n, r in enumerate(view.rows) if r.eligible)
    click_row(qtbot, view.table, eligible)
    assert view.preview_button.isEnabled()
    qtbot.mouseClick(view.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(visible_previews()), timeout=10000)
    (preview,) = visible_previews()
    text = PdfReader(io.BytesIO(preview.pdf_bytes)).pages[0].extract_text() or ""
    assert preview.page_count == 1 and "CONTOH" in text
    assert admin.certificates.register() == []  # a preview takes no serial
    preview.reject()

    (old,) = issue_directly(admin, programme, template, tmp_path, count=1)
    view.refresh()
    qtbot.waitUntil(lambda: view.register_table.rowCount() == 1, timeout=10000)
    view.tabs.setCurrentIndex(1)
    click_row(qtbot, view.register_table, 0)
    qtbot.mouseClick(view.reprint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(visible_previews()), timeout=10000)
    (reprint,) = visible_previews()
    assert reprint.page_count == 1 and reprint.save_button.isVisible()
    assert old in (PdfReader(io.BytesIO(reprint.pdf_bytes)).pages[0].extract_text() or "")
    reprint.reject()

    qtbot.mouseClick(view.reissue_button, Qt.MouseButton.LeftButton)
    ask = view.dialog
    assert ask is not None and ask.isVisible()
    qtbot.keyClicks(ask.reason, "Ejaan nama salah")  # type: ignore[attr-defined]
    qtbot.keyClicks(ask.name, "Siti Uji Nol")  # type: ignore[attr-defined]
    target = tmp_path / "ulang.pdf"
    save_dialog_returns(monkeypatch, target)
    qtbot.mouseClick(ask.buttons.button(QDialogButtonBox.StandardButton.Ok),  # type: ignore
                     Qt.MouseButton.LeftButton)
    new = f"KD/SERT/{YEAR}/0002"
    qtbot.waitUntil(lambda: sorted(column_texts(view.register_table, 0)) == [old, new],
                    timeout=10000)
    assert view.register_note.text().startswith(f"Sertifikat {new} menggantikan {old}.")
    statuses = dict(zip(column_texts(view.register_table, 0),
                        column_texts(view.register_table, 6), strict=True))
    assert statuses == {old: "Diganti", new: "Berlaku"}
    assert "Siti Uji Nol" in (PdfReader(target).pages[0].extract_text() or "")


def test_closing_the_template_dialog_with_changes_asks_first(
        qtbot: QtBot, admin: Services, runner: TaskRunner, modal_boxes: ModalBoxes) -> None:
    dialog = CertificateTemplateDialog(admin, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.keyClicks(dialog.issuer, " Baru")
    modal_boxes.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and [k for k, _t, _x in modal_boxes.shown] == ["question"]
    assert dialog.issuer.text().endswith(" Baru")  # still there to save
    modal_boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    # nothing changed: it closes without asking
    again = CertificateTemplateDialog(admin, runner)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.loaded, timeout=10000)
    qtbot.mouseClick(again.buttons.button(QDialogButtonBox.StandardButton.Cancel),
                     Qt.MouseButton.LeftButton)
    assert not again.isVisible() and len(modal_boxes.shown) == 2
