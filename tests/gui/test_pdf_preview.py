"""The shared PDF preview with real PDFs from real services over a real vault: the real
"Pratinjau / Cetak…" buttons open it, it shows the page count, prints every page through a
QPrinter (in PdfFormat to a file in tmp_path: the one seam besides the modal, native print
dialog) in each page's own orientation, remembers the printer's paper per kind of document,
saves through the service (audited), opens only the saved file, and a missing printer is a
message, not a crash."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QWizard
from pytestqt.qtbot import QtBot
from support.constants import FAST_KDF
from support.modal_boxes import ModalBoxes
from support.participant_samples import TODAY, sample
from support.programme import Programme, build, session_on
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.training import AttendanceMark
from kdrt_desk.errors import VaultError
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.consent_panel import ConsentPanel
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.ui.monitoring_view import MonitoringView
from kdrt_desk.ui.sessions_view import SessionsView
from kdrt_desk.ui.setup_wizard import SetupWizard
from kdrt_desk.ui.training_tab import TrainingTab
from kdrt_desk.ui.widgets.pdf_preview import PdfPreviewDialog, remember, remembered
from kdrt_desk.wiring import Services

NOVEMBER = date(2026, 11, 1)
A4_MM = (210, 297)
LETTER_PT = (612, 792)


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _to_file(dialog: PdfPreviewDialog, path: Path, asked: list[QPrinter] | None = None,
             paper: QPageSize.PageSizeId | None = None) -> None:
    """The seams: a printer writing ``path``; the print dialog "accepted" (choosing ``paper``)."""
    dialog.make_printer = lambda: _pdf_printer(path)  # type: ignore[method-assign]

    def accept(printer: QPrinter) -> bool:
        if asked is not None:
            asked.append(printer)
        if paper is not None:
            printer.setPageSize(QPageSize(paper))
        return True

    dialog.ask_print_options = accept  # type: ignore[method-assign]


def _looks_alike(original: bytes, printed: Path, page: int = 0) -> bool:
    """The printed page (a picture of the page) shows what the PDF's page shows: both drawn
    small and compared pixel by pixel, and not blank."""
    import pypdfium2 as pdfium

    def grey(data: bytes) -> list[int]:
        document = pdfium.PdfDocument(data)
        try:
            image = document[page].render(scale=60 / 72).to_pil().convert("L").resize((60, 85))
            return list(image.tobytes())
        finally:
            document.close()

    first, second = grey(original), grey(printed.read_bytes())
    differing = sum(abs(a - b) > 30 for a, b in zip(first, second, strict=True))
    inked = sum(value < 200 for value in second)
    return differing < len(first) * 0.03 and inked > len(second) * 0.01


def _previews() -> list[PdfPreviewDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, PdfPreviewDialog) and w.isVisible()]


def _two_sessions(qtbot: QtBot, admin: Services, runner: TaskRunner
                  ) -> tuple[SessionsView, Programme]:
    programme = build(admin, members=3)
    for day in (23, 24):
        admin.sessions.create(session_on(programme, date(2026, 11, day),
                                         topic=f"Pertemuan {day}"))
    view = SessionsView(admin, runner, month=NOVEMBER)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.refresh()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(2):
        view.table.selectionModel().select(view.table.model().index(row, 0), flags)
    return view, programme


def _open_sheet_preview(qtbot: QtBot, view: SessionsView) -> PdfPreviewDialog:
    assert view.preview_button.text() == "Pratinjau / Cetak (2)…"
    qtbot.mouseClick(view.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_previews()) == 1, timeout=15000)
    dialog = _previews()[0]
    assert dialog is view.preview_dialog
    qtbot.waitUntil(lambda: 0 in dialog.rendered, timeout=10000)
    return dialog


def test_the_sign_in_sheets_preview_prints_saves_and_opens(
        qtbot: QtBot, admin: Services, runner: TaskRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    view, _ = _two_sessions(qtbot, admin, runner)
    dialog = _open_sheet_preview(qtbot, view)
    assert dialog.page_count == 2 and dialog.page_label.text() == "Halaman 1 dari 2"
    pixmap = dialog.page_labels[0].pixmap()
    assert not pixmap.isNull() and pixmap.height() > pixmap.width()  # A4 portrait
    assert not dialog.open_button.isEnabled()  # nothing saved yet: nothing to open
    dialog.grab().save(str(tmp_path / "preview.png"))
    view.resize(1100, 600)
    view.grab().save(str(tmp_path / "sessions.png"))
    before = len(admin.audit.entries(action="sign_in_sheet_printed"))

    printed = tmp_path / "printed.pdf"
    asked: list[QPrinter] = []
    _to_file(dialog, printed, asked)
    with qtbot.waitSignal(dialog.printed, timeout=20000) as sent:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert sent.args == [2] and len(asked) == 1
    pages = PdfReader(printed).pages
    assert len(pages) == 2
    assert _looks_alike(dialog.pdf_bytes, printed, 0) and _looks_alike(dialog.pdf_bytes,
                                                                        printed, 1)
    for page in pages:  # A4 portrait, the paper's default
        width_mm, height_mm = (float(v) / 72 * 25.4 for v in page.mediabox[2:])
        assert (round(width_mm), round(height_mm)) == A4_MM
    entries = admin.audit.entries(action="sign_in_sheet_printed")
    assert len(entries) == before + 2  # one a session, as for a saved file
    assert all(e.details.get("via") == "printer" for e in entries[:2])
    assert all("Bu" not in str(e.details) for e in entries)  # counts, never names

    target = tmp_path / "daftar-hadir"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "daftar-hadir.pdf"
    assert len(PdfReader(saved).pages) == 2
    assert len(admin.audit.entries(action="sign_in_sheet_printed")) == before + 4
    opened: list[QUrl] = []
    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    assert dialog.open_button.isEnabled()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(saved)]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not _previews(), timeout=5000)
    assert view.preview_dialog is None


def test_a_landscape_schedule_prints_landscape_and_the_paper_is_remembered_per_kind(
        qtbot: QtBot, admin: Services, tmp_path: Path) -> None:
    programme = build(admin, members=2)
    admin.sessions.create(session_on(programme, date(2026, 11, 24)))
    data = admin.schedule_export.group_pdf(programme.group_id, lang="id")
    width, height = (float(v) for v in PdfReader(io.BytesIO(data)).pages[0].mediabox[2:])
    assert width > height  # the group's schedule is A4 landscape

    first = PdfPreviewDialog(None, data, kind="group_schedule", title="Jadwal",
                             suggested_name="jadwal.pdf",
                             print_audit=lambda: admin.schedule_export.record_group_printed(
                                 programme.group_id))
    qtbot.addWidget(first)
    first.show()
    assert first.page_label.text() == f"Halaman 1 dari {first.page_count}"
    assert not first.save_button.isVisible()  # no save given: no save, no open
    out = tmp_path / "landscape.pdf"
    _to_file(first, out, paper=QPageSize.PageSizeId.Letter)  # she picks Letter
    with qtbot.waitSignal(first.printed, timeout=20000):
        qtbot.mouseClick(first.print_button, Qt.MouseButton.LeftButton)
    page = PdfReader(out).pages[0]
    printed_w, printed_h = (round(float(v)) for v in page.mediabox[2:])
    assert (printed_w, printed_h) == (LETTER_PT[1], LETTER_PT[0])  # Letter, landscape
    entry = admin.audit.entries(action="schedule_exported")[0]
    assert entry.target == f"group:{programme.group_id}" and entry.details["via"] == "printer"
    first.close()

    again = PdfPreviewDialog(None, data, kind="group_schedule", title="Jadwal",
                             suggested_name="jadwal.pdf")
    other = PdfPreviewDialog(None, data, kind="consent_form", title="Formulir",
                             suggested_name="formulir.pdf")
    for dialog in (again, other):
        qtbot.addWidget(dialog)
    fresh, untouched = _pdf_printer(tmp_path / "a.pdf"), _pdf_printer(tmp_path / "b.pdf")
    again.prepare_printer(fresh)
    other.prepare_printer(untouched)
    assert fresh.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter
    assert untouched.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4  # the default
    for dialog in (again, other):
        dialog.reject()


def test_the_printer_chosen_is_remembered_for_its_kind_only() -> None:
    """This machine has no printer installed, so the print dialog's choice is played by a
    printer that answers to a name (what ``remember`` reads from the real one)."""

    class Chosen(QPrinter):
        def printerName(self) -> str:  # noqa: N802 - Qt API
            return "Kantor-HP-LaserJet"

        def outputFormat(self) -> QPrinter.OutputFormat:  # noqa: N802 - Qt API
            return QPrinter.OutputFormat.NativeFormat

    chosen = Chosen()
    chosen.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    remember("sign_in_sheet", chosen)
    name, paper = remembered("sign_in_sheet")
    assert name == "Kantor-HP-LaserJet" and paper.id() == QPageSize.PageSizeId.A5
    assert remembered("certificate")[0] == ""
    assert remembered("certificate")[1].id() == QPageSize.PageSizeId.A4


@pytest.mark.qt_log_ignore("QPainter::begin")  # what Qt says of a printer that is not there
def test_a_printer_that_is_not_there_is_a_message_and_no_audit(
        qtbot: QtBot, admin: Services, runner: TaskRunner, modal_boxes: ModalBoxes) -> None:
    view, _ = _two_sessions(qtbot, admin, runner)
    dialog = _open_sheet_preview(qtbot, view)
    before = len(admin.audit.entries(action="sign_in_sheet_printed"))

    def missing() -> QPrinter:
        printer = QPrinter()
        printer.setPrinterName("Pencetak-yang-tidak-ada")
        return printer

    dialog.make_printer = missing  # type: ignore[method-assign]
    asked: list[QPrinter] = []
    dialog.ask_print_options = lambda printer: asked.append(printer) or True  # type: ignore
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert len(asked) <= 1  # refused before or after the print dialog, never printed
    assert [box[:2] for box in modal_boxes.shown] == [("warning", "Tidak dapat mencetak")]
    assert "Pencetak tidak tersedia" in dialog.status.text()
    assert len(admin.audit.entries(action="sign_in_sheet_printed")) == before
    dialog.reject()


def test_the_progress_report_dialog_opens_the_preview(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    programme = build(admin, members=1)
    pid = programme.participants[0]
    made = admin.sessions.create(session_on(programme, date(2026, 11, 23)))
    admin.attendance.mark(made.id, pid, AttendanceMark.PRESENT, today=date(2026, 11, 27))
    tab = TrainingTab(admin, runner, pid)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.show()
    qtbot.mouseClick(tab.report_button, Qt.MouseButton.LeftButton)
    report = tab.report_dialog
    assert report is not None and report.preview_button.text() == "Pratinjau / Cetak…"
    qtbot.mouseClick(report.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_previews()) == 1, timeout=15000)
    dialog = _previews()[0]
    expected = admin.progress_reports.pdf(pid, lang="id", include_scores=True,
                                          include_income=False)
    assert dialog.page_count == len(PdfReader(io.BytesIO(expected)).pages)
    assert dialog.page_label.text() == f"Halaman 1 dari {dialog.page_count}"
    assert dialog.windowTitle() == "Pratinjau: Laporan perkembangan"
    assert admin.audit.entries(action="progress_report_printed") == []  # looking is not printing
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not _previews(), timeout=5000)
    assert report.isVisible()  # back to her report's options


def test_the_consent_form_and_the_paper_form_previews_print_through_their_services(
        qtbot: QtBot, admin: Services, runner: TaskRunner, tmp_path: Path) -> None:
    pid = admin.participants.register(sample(), today=TODAY).id
    panel = ConsentPanel(admin, runner, pid)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.preview_button.isEnabled(), timeout=5000)
    qtbot.mouseClick(panel.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_previews()) == 1, timeout=15000)
    dialog = _previews()[0]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(dialog.pdf_bytes)).pages)
    assert "Siti Aminah Lestari" in text
    assert dialog.page_label.text() == f"Halaman 1 dari {dialog.page_count}"
    assert dialog.suggested_name.startswith("formulir-persetujuan-KD-")
    _to_file(dialog, tmp_path / "consent.pdf")
    with qtbot.waitSignal(dialog.printed, timeout=20000):
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert len(PdfReader(tmp_path / "consent.pdf").pages) == dialog.page_count
    [entry] = admin.audit.entries(action="consent_form_exported")
    assert entry.details == {"format": "pdf", "language": "id", "via": "printer"}
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not _previews(), timeout=5000)

    view = MonitoringView(admin, runner)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: view.loaded, timeout=5000)
    view.form_choice.setCurrentIndex(view.form_choice.findData("GSE"))
    assert view.form_preview_button.text() == "Pratinjau / Cetak…"
    qtbot.mouseClick(view.form_preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_previews()) == 1, timeout=15000)
    form = _previews()[0]
    assert form.suggested_name == "formulir-gse.pdf" and form.page_count >= 1
    assert "Efikasi" in PdfReader(io.BytesIO(form.pdf_bytes)).pages[0].extract_text()
    _to_file(form, tmp_path / "gse.pdf")
    with qtbot.waitSignal(form.printed, timeout=20000):
        qtbot.mouseClick(form.print_button, Qt.MouseButton.LeftButton)
    [printed] = admin.audit.entries(action="form_printed")
    assert printed.target == "GSE" and printed.details == {"via": "printer"}
    form.reject()


def test_a_new_recovery_sheet_comes_into_force_only_once_it_is_printed(
        qtbot: QtBot, admin: Services, runner: TaskRunner, vault: VaultFixture,
        modal_boxes: ModalBoxes, tmp_path: Path) -> None:
    admin.participants.register(sample(), today=TODAY)
    window = MainWindow(admin, runner)
    qtbot.addWidget(window)
    window.show()
    keys = admin.vault.keys
    modal_boxes.answer = QMessageBox.StandardButton.Yes

    def open_preview() -> PdfPreviewDialog:
        menus = [m.menu() for m in window.menuBar().actions()]
        [action] = [a for m in menus if isinstance(m, QMenu) for a in m.actions()
                    if a.text() == "Buat lembar pemulihan baru (pratinjau / cetak)…"]
        action.trigger()
        qtbot.waitUntil(lambda: len(_previews()) == 1, timeout=15000)
        return _previews()[0]

    def code_on(dialog: PdfPreviewDialog) -> str:
        text = PdfReader(io.BytesIO(dialog.pdf_bytes)).pages[0].extract_text()
        return next(line.split()[-1] for line in text.splitlines()
                    if line.count("-") == 6 and len(line.split()[-1]) == 34)

    looked = open_preview()
    unused = code_on(looked)
    qtbot.mouseClick(looked.close_button, Qt.MouseButton.LeftButton)  # closed: nothing changes
    qtbot.waitUntil(lambda: not _previews(), timeout=5000)
    assert keys.unlock_with_recovery(vault.recovery_code).master == admin.vault.master
    with pytest.raises(VaultError):
        keys.unlock_with_recovery(unused)

    dialog = open_preview()
    new_code = code_on(dialog)
    _to_file(dialog, tmp_path / "pemulihan.pdf")
    with qtbot.waitSignal(dialog.printed, timeout=20000):
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert _looks_alike(dialog.pdf_bytes, tmp_path / "pemulihan.pdf")  # pictures of pages
    with pytest.raises(VaultError):
        keys.unlock_with_recovery(vault.recovery_code)
    assert keys.unlock_with_recovery(new_code).master == admin.vault.master
    assert [kind for kind, _t, _x in modal_boxes.shown] == ["question", "question",
                                                             "information"]
    [entry] = admin.audit.entries(action="recovery_code_replaced")
    assert entry.details == {"via": "printer"}
    dialog.reject()


def test_the_setup_wizard_counts_a_printed_recovery_sheet(
        qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    wizard = SetupWizard(tmp_path / "data", runner, kdf=FAST_KDF)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.centre_page.centre_name.setText("Rumah Aman Perempuan Uji")
    wizard.next()
    page = wizard.admin_page
    page.username.setText("sari.admin")
    page.display_name.setText("Ibu Sari")
    page.password.setText("bunga melati 2026")
    page.password_repeat.setText("bunga melati 2026")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=15_000)
    sheet = wizard.recovery_page
    assert sheet.preview_button.text() == "Pratinjau / Cetak…" and not sheet.isComplete()
    qtbot.mouseClick(sheet.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_previews()) == 1, timeout=15000)
    dialog = _previews()[0]
    text = PdfReader(io.BytesIO(dialog.pdf_bytes)).pages[0].extract_text()
    assert wizard.recovery_code in text and "Rumah Aman Perempuan Uji" in text
    assert not sheet.confirm.isEnabled()  # only looked at so far
    _to_file(dialog, tmp_path / "lembar.pdf")
    with qtbot.waitSignal(dialog.printed, timeout=20000):
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert _looks_alike(dialog.pdf_bytes, tmp_path / "lembar.pdf")
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert sheet.confirm.isEnabled() and sheet.saved_label.text() == \
        "Lembar pemulihan sudah dicetak."
    sheet.confirm.setChecked(True)
    assert sheet.isComplete()
