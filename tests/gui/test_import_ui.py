"""The participant import pressed as the admin presses it, on a real vault and real files.

A Windows-1252 CSV with ``;`` (Excel in Indonesia) is chosen through Berkas › "Impor daftar
peserta…", described, mapped (preset from its headers, one column changed by hand), checked
(two bad rows listed with row and column, "Impor" disabled until skipping is ticked, the report
saved and read back), imported (the valid rows registered, the register and the result page
saying so), and the "perlu dilengkapi" list opened from the result page with her record a
double-click away; the same headers in an .xlsx then come with the remembered mapping. An import
cancelled from its progress dialog imports nothing; a password-protected file, a file that is no
spreadsheet and a mapping without kecamatan each say why; markup in the file shows as typed."""

from __future__ import annotations

import csv
import io
import threading
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QMenu,
    QProgressDialog,
    QPushButton,
    QTableWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from support.markup_probe import VALUES, assert_plain
from support.participant_samples import TODAY

from kdrt_desk.domain.participant import ParticipantInput
from kdrt_desk.i18n import t
from kdrt_desk.models import Participant
from kdrt_desk.services.spreadsheet_reader import CFB_MAGIC
from kdrt_desk.synthetic.participants import generate_participants
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.import_dialog import CHECK, DONE, MAPPING, ImportDialog
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.ui.participant_form import ParticipantForm
from kdrt_desk.ui.to_complete_dialog import ToCompleteDialog
from kdrt_desk.wiring import Services

HEADERS = ["No.", "Nama Lengkap", "NIK", "Tgl. Lahir", "Usia", "No. HP", "Kecamatan",
           "Kelurahan", "Asal", "Catatan"]
LEFT = Qt.MouseButton.LeftButton


def women(count: int, seed: int = 5) -> list[ParticipantInput]:
    return list(generate_participants(count, seed=seed, today=TODAY))


def row_of(n: int, p: ParticipantInput) -> list[object]:
    born = p.birth_date.strftime("%d/%m/%Y") if p.birth_date is not None else ""
    age = p.estimated_age if p.birth_date is None else ""
    return [n, p.full_name, p.nik or "", born, age, p.phone or "", p.kecamatan,
            p.kelurahan or "", "Muara Enim", "Rumah dekat café – pasar"]


def write_csv(path: Path, rows: list[list[object]], headers: list[str] = HEADERS) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    path.write_bytes(out.getvalue().encode("cp1252"))
    return path


def write_xlsx(path: Path, rows: list[list[object]], headers: list[str] = HEADERS) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def with_bad_rows(people: list[ParticipantInput]) -> list[list[object]]:
    """The people as rows, the 2nd (Excel row 3) with an impossible date and no NIK, the 6th
    (Excel row 7) in a kecamatan that is not in Palembang."""
    rows = [row_of(n, p) for n, p in enumerate(people, 1)]
    rows[1][2], rows[1][3] = "", "31/02/1985"
    rows[5][6] = "Atlantis"
    return rows


def count(services: Services) -> int:
    with services.vault.db.reading() as session:
        return int(session.scalar(select(func.count(Participant.id))) or 0)


def open_returns(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))


def save_returns(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))


def column(table: QTableWidget, n: int) -> list[str]:
    items = [table.item(r, n) for r in range(table.rowCount())]
    return [item.text() if item is not None else "" for item in items]


def menu_entry(main: MainWindow, text: str) -> QAction:
    found = [a for m in main.menuBar().findChildren(QMenu) for a in m.actions()
             if a.text() == text]
    assert len(found) == 1, f"{len(found)} menu entries {text!r}"
    return found[0]


def combo(dialog: ImportDialog, header: str) -> QComboBox:
    assert dialog.sheet is not None
    return dialog.combos[dialog.sheet.headers.index(header)]


def opened(qtbot: QtBot, services: Services, runner: TaskRunner) -> ImportDialog:
    dialog = ImportDialog(services, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose(qtbot: QtBot, dialog: ImportDialog, monkeypatch: pytest.MonkeyPatch,
           path: Path) -> None:
    open_returns(monkeypatch, path)
    qtbot.mouseClick(dialog.choose_button, LEFT)
    qtbot.waitUntil(lambda: dialog.choose_button.isEnabled(), timeout=10000)


def checked(qtbot: QtBot, dialog: ImportDialog) -> None:
    """"Lanjut" to the mapping, "Periksa" to the report."""
    qtbot.mouseClick(dialog.next_button, LEFT)
    assert dialog.pages.currentIndex() == MAPPING
    qtbot.mouseClick(dialog.next_button, LEFT)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == CHECK, timeout=20000)


def test_a_windows_csv_is_mapped_checked_and_imported_skipping_its_bad_rows(
        qtbot: QtBot, admin: Services, runner: TaskRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    people = women(10)
    source = write_csv(tmp_path / "daftar lama.csv", with_bad_rows(people))
    main = MainWindow(admin, runner)
    qtbot.addWidget(main)
    main.show()
    menu_entry(main, "Impor daftar peserta…").trigger()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, ImportDialog) and w.isVisible())
    assert not dialog.next_button.isEnabled()  # no file yet
    choose(qtbot, dialog, monkeypatch, source)
    assert dialog.file_label.text() == str(source)
    assert dialog.file_info.text() == (
        "10 baris peserta, berkas CSV (Windows-1252, pemisah ;), 10 kolom.")
    qtbot.mouseClick(dialog.next_button, LEFT)
    # the mapping: one row per column, its first values, the field preset from the header
    grid = dialog.mapping_table
    assert column(grid, 0) == HEADERS
    assert column(grid, 1)[1].startswith(f"{people[0].full_name}  ·  {people[1].full_name}")
    assert "café – pasar" in column(grid, 1)[9]  # read as Windows-1252
    assert dialog.mapping_note.text() == "Kolom dicocokkan menurut namanya. Periksa dan ubah " \
        "bila perlu."
    assert dialog.chosen_mapping() == {
        "No.": None, "Nama Lengkap": "full_name", "NIK": "nik", "Tgl. Lahir": "birth_date",
        "Usia": "estimated_age", "No. HP": "phone", "Kecamatan": "kecamatan",
        "Kelurahan": "kelurahan", "Asal": None, "Catatan": None}
    place = combo(dialog, "Asal")
    assert place.currentText() == "(abaikan)"
    place.setCurrentIndex(place.findText("Tempat lahir"))  # she says what "Asal" holds
    qtbot.mouseClick(dialog.next_button, LEFT)  # "Periksa"
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == CHECK, timeout=20000)
    assert dialog.summary_label.text() == "10 baris: 8 valid, 2 bermasalah."
    problems = dialog.problems_table
    assert sorted(set(column(problems, 0))) == ["3", "7"]
    by_row = dict(zip(column(problems, 0), column(problems, 1), strict=True))
    assert by_row["3"] == "Tgl. Lahir" and by_row["7"] == "Kecamatan"
    assert all(column(problems, 2))  # each says what to fix
    assert count(admin) == 0  # the check wrote nothing
    assert not dialog.import_button.isEnabled() and dialog.skip_box.isEnabled()
    # the report of the bad rows, saved and read back: numbers and reasons, no values
    target = tmp_path / "laporan.xlsx"
    save_returns(monkeypatch, target)
    qtbot.mouseClick(dialog.report_button, LEFT)
    qtbot.waitUntil(lambda: dialog.report_saved.isVisible(), timeout=10000)
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    saved = list(sheet.iter_rows(values_only=True))
    assert [r[0] for r in saved[1:]] == [int(n) for n in column(problems, 0)]
    assert "Atlantis" not in repr(saved) and people[1].full_name not in repr(saved)
    qtbot.mouseClick(dialog.skip_box, LEFT)
    assert dialog.skip_box.isChecked() and dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == DONE, timeout=30000)
    assert dialog.done_label.text() == "8 peserta diimpor dan terdaftar."
    assert dialog.skipped_label.text() == "2 baris bermasalah dilewati (tidak diimpor)."
    assert dialog.close_button.text() == "Tutup"
    assert count(admin) == 8
    qtbot.waitUntil(lambda: main.register.model.rowCount() == 8, timeout=10000)
    assert dialog.outcome is not None
    first = admin.participants.get(dialog.outcome.ids[0])
    assert first.full_name == people[0].full_name and first.birth_place == "Muara Enim"
    # the "perlu dilengkapi" list, from the result page, her record a double-click away
    qtbot.mouseClick(dialog.to_complete_button, LEFT)
    listing = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, ToCompleteDialog) and w.isVisible())
    qtbot.waitUntil(lambda: listing.list.rowCount() == 8, timeout=10000)
    assert column(listing.list, 4) == ["persetujuan, pertanyaan keselamatan"] * 8
    assert listing.count_label.text() == "8 peserta perlu dilengkapi."
    row = column(listing.list, 1).index(people[0].full_name)
    rect = listing.list.visualRect(listing.list.model().index(row, 0))
    qtbot.mouseClick(listing.list.viewport(), LEFT, pos=rect.center())
    qtbot.mouseDClick(listing.list.viewport(), LEFT, pos=rect.center())
    assert [f.participant_id for f in main.forms] == [dialog.outcome.ids[0]]
    assert isinstance(main.forms[0], ParticipantForm)
    for form in list(main.forms):
        form.close()
    # the same headers again, now an .xlsx: the mapping used last time comes back
    again = opened(qtbot, admin, runner)
    choose(qtbot, again, monkeypatch,
           write_xlsx(tmp_path / "daftar baru.xlsx", [row_of(1, p) for p in women(3, seed=9)]))
    assert again.file_info.text() == "3 baris peserta, berkas Excel (.xlsx), 10 kolom."
    qtbot.mouseClick(again.next_button, LEFT)
    assert again.mapping_note.text() == "Pemetaan kolom diingat dari impor sebelumnya."
    assert combo(again, "Asal").currentData() == "birth_place"
    runner.wait()


def test_an_import_cancelled_from_its_progress_dialog_imports_nothing(
        qtbot: QtBot, admin: Services, runner: TaskRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    source = write_xlsx(tmp_path / "daftar.xlsx",
                        [row_of(n, p) for n, p in enumerate(women(40, seed=3), 1)])
    dialog = opened(qtbot, admin, runner)
    choose(qtbot, dialog, monkeypatch, source)
    checked(qtbot, dialog)
    assert dialog.summary_label.text() == "40 baris: 40 valid, 0 bermasalah."
    assert not dialog.skip_box.isEnabled() and not dialog.report_button.isEnabled()
    assert dialog.import_button.isEnabled()  # every row valid: no need to skip
    gate = threading.Event()
    runner.run(gate.wait)  # the worker is busy: the import waits behind it, its dialog shows

    def progress_shown() -> QProgressDialog | None:
        return next((p for p in dialog.findChildren(QProgressDialog) if p.isVisible()), None)

    try:
        qtbot.mouseClick(dialog.import_button, LEFT)
        assert not dialog.import_button.isEnabled()
        qtbot.waitUntil(lambda: progress_shown() is not None, timeout=5000)
        shown = progress_shown()
        assert shown is not None
        cancel = shown.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Batal"
        qtbot.mouseClick(cancel, LEFT)
    finally:
        gate.set()
    qtbot.waitUntil(lambda: dialog.check_error.isVisible(), timeout=20000)
    assert dialog.check_error.text() == "Impor dibatalkan. Tidak ada peserta yang diimpor."
    runner.wait()
    assert count(admin) == 0
    assert dialog.pages.currentIndex() == CHECK and dialog.import_button.isEnabled()


def test_files_it_cannot_take_and_a_mapping_without_kecamatan_say_why(
        qtbot: QtBot, admin: Services, runner: TaskRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = opened(qtbot, admin, runner)
    protected = tmp_path / "terkunci.xlsx"
    protected.write_bytes(CFB_MAGIC + bytes(range(256)) * 8)
    choose(qtbot, dialog, monkeypatch, protected)
    assert dialog.file_error.isVisible()
    assert dialog.file_error.text() == t("error.import_protected")
    assert "dilindungi kata sandi" in dialog.file_error.text()
    assert not dialog.next_button.isEnabled() and not dialog.file_info.isVisible()
    picture = tmp_path / "foto.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    choose(qtbot, dialog, monkeypatch, picture)
    assert dialog.file_error.text() == t("error.import_not_spreadsheet")
    assert not dialog.next_button.isEnabled()
    # a good file whose kecamatan column is left out: the check is not run
    rows = [row_of(n, p) for n, p in enumerate(women(3), 1)]
    choose(qtbot, dialog, monkeypatch, write_csv(tmp_path / "daftar.csv", rows))
    assert not dialog.file_error.isVisible() and dialog.next_button.isEnabled()
    qtbot.mouseClick(dialog.next_button, LEFT)
    combo(dialog, "Kecamatan").setCurrentIndex(0)  # "(abaikan)"
    qtbot.mouseClick(dialog.next_button, LEFT)  # "Periksa"
    assert dialog.pages.currentIndex() == MAPPING
    assert dialog.mapping_error.isVisible()
    assert dialog.mapping_error.text() == "Petakan kolom untuk: Kecamatan."
    runner.wait()


def test_markup_in_the_file_shows_as_typed(qtbot: QtBot, admin: Services, runner: TaskRunner,
                                           tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    people = women(3)
    rows = [row_of(n, p) for n, p in enumerate(people, 1)]
    rows[0][1] = VALUES["full_name"]
    rows[1][3] = "31/02/1985"  # one bad row: the report shows her column's name
    headers = [*HEADERS[:-1], VALUES["address"]]
    dialog = opened(qtbot, admin, runner)
    choose(qtbot, dialog, monkeypatch, write_csv(tmp_path / "daftar.csv", rows, headers))
    checked(qtbot, dialog)
    assert dialog.summary_label.text() == "3 baris: 2 valid, 1 bermasalah."
    assert_plain(dialog, expect=["full_name", "address"])
    qtbot.mouseClick(dialog.skip_box, LEFT)
    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == DONE, timeout=20000)
    listing = ToCompleteDialog(admin, runner, lambda _pid: None)
    qtbot.addWidget(listing)
    listing.show()
    qtbot.waitUntil(lambda: listing.list.rowCount() == 2, timeout=10000)
    assert VALUES["full_name"] in column(listing.list, 1)
    assert_plain(listing, expect=["full_name"])
    runner.wait()
