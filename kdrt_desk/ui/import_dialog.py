"""Berkas › "Impor daftar peserta…": a centre's old list (.xlsx or .csv) brought into the
register in four steps on one dialog (a stack of pages):

1. the file, read on the task runner (a file refused says why: not a spreadsheet, protected,
   too big, a decompression bomb) and described ("120 baris peserta, berkas CSV (Windows-1252,
   pemisah ;)");
2. the column mapping: one row per column of her file with its first values and the field it
   imports as, preset from ``suggest_mapping`` (remembered or matched by name);
3. the check (``check`` with progress and Cancel): the rows with problems, each with its row
   number, column and what to fix; the report can be saved, the invalid rows skipped, and
   "Impor" stays disabled until every row is valid or skipping is ticked;
4. the import (progress and Cancel: a cancelled import imports nothing), then how many were
   imported and skipped, and the way to the "perlu dilengkapi" list.

Everything from the file is shown as plain text (table cells, plain labels)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import t
from kdrt_desk.services.participant_import import (
    IMPORT_FIELDS,
    REQUIRED_FIELDS,
    ImportResult,
    check_mapping,
    field_label,
)
from kdrt_desk.services.spreadsheet_reader import Cell, Sheet
from kdrt_desk.tasks.runner import Progress, TaskRunner
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.files import choose_save_path, documents
from kdrt_desk.ui.widgets.forms import hint_label, plain
from kdrt_desk.ui.widgets.look import OK, SECTION, STRONG, mark, primary
from kdrt_desk.ui.widgets.tables import fit_columns, table
from kdrt_desk.wiring import Services

FILE, MAPPING, CHECK, DONE = range(4)
STEP_NAMES = ("file", "mapping", "check", "done")
SAMPLES = 3  # values shown per column
SAMPLE_CHARS = 40  # each cut to this
WRAPPED_ROWS = 2000  # problems listed with their messages wrapped (more: one line each)


def cell_sample(cell: Cell) -> str:
    """A cell as the list shows it: dates as dd/mm/yyyy, whole numbers without ".0"."""
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.strftime("%d/%m/%Y") if cell.time() == time() else \
            cell.strftime("%d/%m/%Y %H:%M")
    if isinstance(cell, date):
        return cell.strftime("%d/%m/%Y")
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    text = " ".join(str(cell).split())
    return text if len(text) <= SAMPLE_CHARS else text[:SAMPLE_CHARS - 1] + "…"


def samples(sheet: Sheet, column: int) -> str:
    """The first few values of a column (blank cells passed over)."""
    found: list[str] = []
    for row in sheet.rows:
        text = cell_sample(row.cells[column]) if column < len(row.cells) else ""
        if text:
            found.append(text)
            if len(found) == SAMPLES:
                break
    return "  ·  ".join(found)


def describe_sheet(sheet: Sheet) -> str:
    """"120 baris peserta, berkas CSV (Windows-1252, pemisah ;), 9 kolom"."""
    if sheet.kind != "csv":
        return t("ui.import.file_xlsx", rows=len(sheet.rows), columns=len(sheet.headers))
    encoding = t(f"ui.import.encoding.{sheet.encoding}") if sheet.encoding else "?"
    delimiter = t("ui.import.delimiter.tab") if sheet.delimiter == "\t" else sheet.delimiter
    return t("ui.import.file_csv", rows=len(sheet.rows), columns=len(sheet.headers),
             encoding=encoding, delimiter=delimiter)


def field_choice(name: str) -> str:
    """A field as the combo offers it, the required ones starred."""
    label = field_label(name)
    return t("ui.import.required_mark", name=label) if name in REQUIRED_FIELDS else label


def mapping_messages(exc: ValidationError) -> str:
    return "\n".join(e.message for e in exc.errors)


class ImportDialog(QDialog):
    """The four steps; ``imported`` carries how many were registered."""

    imported = Signal(int)
    show_to_complete = Signal()

    def __init__(self, services: Services, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("ui.import.title"))
        self.services = services
        self.runner = runner
        self.sheet: Sheet | None = None
        self.path: Path | None = None
        self.remembered = False
        self.report: ImportResult | None = None
        self.outcome: ImportResult | None = None
        self.progress: Progress | None = None
        self.reading = False  # the chosen file is being read
        self.combos: list[QComboBox] = []
        self.step_label = mark(QLabel(), SECTION)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._check_page())
        self.pages.addWidget(self._done_page())
        self.back_button = QPushButton(t("ui.import.back"))
        self.back_button.clicked.connect(self.back)
        self.next_button = primary(QPushButton(t("ui.import.next")))
        self.next_button.clicked.connect(self.forward)
        self.import_button = primary(QPushButton(t("ui.import.import")))
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton(t("ui.import.cancel"))
        self.buttons = QDialogButtonBox()  # Batal / Tutup; the steps' buttons in their order
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)
        steps = QHBoxLayout()
        steps.addStretch(1)
        for button in (self.back_button, self.next_button, self.import_button):
            steps.addWidget(button)
        steps.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step_label)
        layout.addWidget(self.pages, 1)
        layout.addLayout(steps)
        self.resize(860, 600)
        self.show_page(FILE)

    # -- the pages --------------------------------------------------------------------------
    def _file_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(hint_label(t("ui.import.file_intro")))
        self.choose_button = QPushButton(t("ui.import.choose"))
        self.choose_button.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addStretch(1)
        column.addLayout(row)
        self.file_label = plain(QLabel(t("ui.import.no_file")))  # a path she chose
        self.file_label.setWordWrap(True)
        self.file_info = mark(plain(QLabel()), STRONG)
        self.file_info.setWordWrap(True)
        self.file_info.hide()
        self.file_error = ErrorLabel()
        column.addWidget(self.file_label)
        column.addWidget(self.file_info)
        column.addWidget(self.file_error)
        column.addStretch(1)
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(hint_label(t("ui.import.mapping_intro")))
        self.mapping_note = mark(plain(QLabel()), OK)
        self.mapping_note.setWordWrap(True)
        column.addWidget(self.mapping_note)
        self.mapping_table = table([t("ui.import.column.header"), t("ui.import.column.samples"),
                                    t("ui.import.column.field")])
        self.mapping_table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.mapping_table.verticalHeader().setDefaultSectionSize(32)
        column.addWidget(self.mapping_table, 1)
        self.mapping_error = ErrorLabel()
        column.addWidget(self.mapping_error)
        return page

    def _check_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self.summary_label = mark(plain(QLabel()), STRONG)
        self.summary_label.setWordWrap(True)
        self.advice_label = hint_label("")
        self.problems_table = table([t("ui.import.problem.row"), t("ui.import.problem.column"),
                                     t("ui.import.problem.message")])
        self.problems_table.setWordWrap(True)
        self.report_button = QPushButton(t("ui.import.save_report"))
        self.report_button.clicked.connect(self.save_report)
        self.skip_box = QCheckBox(t("ui.import.skip"))
        self.skip_box.toggled.connect(lambda _on: self._update_import_button())
        self.report_saved = mark(plain(QLabel()), OK)  # a path she chose
        self.report_saved.setWordWrap(True)
        self.report_saved.hide()
        self.check_error = ErrorLabel()
        row = QHBoxLayout()
        row.addWidget(self.skip_box)
        row.addStretch(1)
        row.addWidget(self.report_button)
        column.addWidget(self.summary_label)
        column.addWidget(self.advice_label)
        column.addWidget(self.problems_table, 1)
        column.addLayout(row)
        column.addWidget(self.report_saved)
        column.addWidget(self.check_error)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self.done_label = mark(plain(QLabel()), OK)
        self.done_label.setWordWrap(True)
        self.skipped_label = plain(QLabel())
        self.skipped_label.setWordWrap(True)
        note = hint_label(t("ui.import.done_note"))
        self.to_complete_button = QPushButton(t("ui.import.show_to_complete"))
        self.to_complete_button.clicked.connect(self.show_to_complete.emit)
        row = QHBoxLayout()
        row.addWidget(self.to_complete_button)
        row.addStretch(1)
        column.addWidget(self.done_label)
        column.addWidget(self.skipped_label)
        column.addWidget(note)
        column.addLayout(row)
        column.addStretch(1)
        return page

    # -- moving between the steps -------------------------------------------------------------
    def show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.step_label.setText(t("ui.import.step", n=index + 1,
                                  name=t(f"ui.import.step.{STEP_NAMES[index]}")))
        self.back_button.setVisible(index in (MAPPING, CHECK))
        self.next_button.setVisible(index in (FILE, MAPPING))
        self.next_button.setText(t("ui.import.check") if index == MAPPING
                                 else t("ui.import.next"))
        self.import_button.setVisible(index == CHECK)
        self.close_button.setText(t("ui.import.close") if index == DONE
                                  else t("ui.import.cancel"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.progress is not None or self.reading
        index = self.pages.currentIndex()
        self.next_button.setEnabled(not busy and (index != FILE or self.sheet is not None))
        self.back_button.setEnabled(not busy)
        self.choose_button.setEnabled(not busy)
        self._update_import_button()

    def _update_import_button(self) -> None:
        report = self.report
        ready = report is not None and report.valid > 0 and (
            not report.problems or self.skip_box.isChecked())
        self.import_button.setEnabled(ready and self.progress is None and not self.reading)

    def back(self) -> None:
        index = self.pages.currentIndex()
        if index in (MAPPING, CHECK) and self.progress is None:
            self.show_page(index - 1)

    def forward(self) -> None:
        index = self.pages.currentIndex()
        if index == FILE and self.sheet is not None:
            self.show_page(MAPPING)
        elif index == MAPPING:
            self.start_check()

    # -- 1. the file --------------------------------------------------------------------------
    def choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _filter = QFileDialog.getOpenFileName(
            self, t("ui.import.choose_title"), str(documents()), t("ui.import.file_filter"))
        if not name:
            return
        path = Path(name)
        self.path = path
        self.sheet = None
        self.report = None
        self.file_label.setText(str(path))
        self.file_info.setText(t("ui.import.reading"))
        self.file_info.show()
        self.file_error.show_message("")
        self.reading = True
        self._update_buttons()
        imports = self.services.participant_import

        def read() -> tuple[Path, Sheet, dict[str, str | None], bool]:
            sheet = imports.read(path)
            remembered = imports.remembered_mapping(sheet.headers) is not None
            return path, sheet, imports.suggest_mapping(sheet.headers), remembered

        self.runner.run(read, self._file_read, self._file_failed)

    def _file_read(self, found: tuple[Path, Sheet, dict[str, str | None], bool]) -> None:
        path, sheet, mapping, remembered = found
        self.reading = False
        self.sheet = sheet
        self.remembered = remembered
        self.file_info.setText(describe_sheet(sheet))
        self._fill_mapping(sheet, mapping)
        self._update_buttons()

    def _file_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.reading = False
        self.sheet = None
        self.file_info.hide()
        self._update_buttons()
        if isinstance(exc, UserError):
            self.file_error.show_message(exc.message)
            return
        show_error(self, exc)

    # -- 2. the mapping -----------------------------------------------------------------------
    def _fill_mapping(self, sheet: Sheet, mapping: Mapping[str, str | None]) -> None:
        self.mapping_note.setText(t("ui.import.remembered") if self.remembered
                                  else t("ui.import.matched"))
        self.mapping_error.show_message("")
        grid = self.mapping_table
        grid.setRowCount(0)
        grid.setRowCount(len(sheet.headers))
        self.combos = []
        for row, header in enumerate(sheet.headers):
            grid.setItem(row, 0, QTableWidgetItem(header))
            values = samples(sheet, row)
            sample = QTableWidgetItem(values)
            sample.setToolTip(values)
            grid.setItem(row, 1, sample)
            combo = QComboBox()
            combo.addItem(t("ui.import.ignore"), None)
            for name in IMPORT_FIELDS:
                combo.addItem(field_choice(name), name)
            chosen = mapping.get(header)
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)
            combo.currentIndexChanged.connect(lambda _i: self._mapping_changed())
            grid.setCellWidget(row, 2, combo)
            self.combos.append(combo)
        fit_columns(grid, widest=220)
        sections = grid.horizontalHeader()
        sections.setStretchLastSection(False)
        sections.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the samples
        sections.resizeSection(2, max((c.sizeHint().width() for c in self.combos), default=0)
                             + 24)

    def chosen_mapping(self) -> dict[str, str | None]:
        assert self.sheet is not None
        return {header: combo.currentData() for header, combo in
                zip(self.sheet.headers, self.combos, strict=True)}

    def _mapping_changed(self) -> None:
        self.mapping_error.show_message("")
        self.report = None

    # -- 3. the check -------------------------------------------------------------------------
    def start_check(self) -> None:
        sheet = self.sheet
        if sheet is None or self.progress is not None:
            return
        mapping = self.chosen_mapping()
        try:
            check_mapping(sheet.headers, mapping)
        except ValidationError as exc:
            self.mapping_error.show_message(mapping_messages(exc))
            return
        imports = self.services.participant_import

        def work(progress: Progress) -> ImportResult:
            return imports.check(sheet, mapping, progress=progress.report)

        self.mapping_error.show_message("")
        self.progress = self.runner.run_with_progress(
            self, t("ui.import.checking", rows=len(sheet.rows)), t("ui.import.cancel"), work,
            self._checked, self._check_failed)
        self._update_buttons()

    def _checked(self, report: ImportResult) -> None:
        self.progress = None
        if not isValid(self):
            return
        self.report = report
        self.skip_box.setChecked(False)
        self.report_saved.hide()
        self.check_error.show_message("")
        self._show_report(report)
        self.show_page(CHECK)

    def _show_report(self, report: ImportResult) -> None:
        invalid = len(report.invalid_rows)
        self.summary_label.setText(t("ui.import.summary", total=report.total,
                                     valid=report.valid, invalid=invalid))
        self.advice_label.setText(t("ui.import.fix_or_skip", valid=report.valid) if invalid
                                  else t("ui.import.all_valid", valid=report.valid))
        grid = self.problems_table
        grid.setRowCount(0)
        grid.setRowCount(len(report.problems))
        for row, problem in enumerate(report.problems):
            number = QTableWidgetItem(str(problem.row))
            number.setData(Qt.ItemDataRole.UserRole, problem.row)
            grid.setItem(row, 0, number)
            grid.setItem(row, 1, QTableWidgetItem(problem.column or t("ui.import.whole_row")))
            message = QTableWidgetItem(problem.message)
            message.setToolTip(problem.message)
            grid.setItem(row, 2, message)
        grid.setVisible(bool(report.problems))
        fit_columns(grid, widest=200, keep=(0,))
        # a long message wraps in its row (rows grow to it) unless there are very many
        grid.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents if len(report.problems) <= WRAPPED_ROWS
            else QHeaderView.ResizeMode.Fixed)
        self.report_button.setEnabled(bool(report.problems))
        self.skip_box.setEnabled(bool(report.problems) and report.valid > 0)
        self._update_import_button()

    def _check_failed(self, exc: BaseException) -> None:
        self.progress = None
        if not isValid(self):
            return
        self._update_buttons()
        if isinstance(exc, ValidationError):
            self.mapping_error.show_message(mapping_messages(exc))
        elif isinstance(exc, UserError):
            self.mapping_error.show_message(t("ui.import.check_cancelled")
                                            if exc.key == "error.cancelled" else exc.message)
        else:
            show_error(self, exc)

    def save_report(self) -> None:
        report = self.report
        if report is None or not report.problems:
            return
        target = choose_save_path(self, t("ui.import.report_title"),
                                  documents() / f"{t('ui.import.report_name')}.xlsx",
                                  t("ui.import.report_filter"), suffix="")
        if target is None:
            return
        path, overwrite = target
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + ".xlsx")
        imports = self.services.participant_import
        self.runner.run(lambda: imports.export_report(report, path, overwrite=overwrite),
                        self._report_saved, self._report_failed)

    def _report_saved(self, path: Path) -> None:
        self.report_saved.setText(t("ui.import.report_saved", path=str(path)))
        self.report_saved.show()
        self.check_error.show_message("")

    def _report_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        if isinstance(exc, UserError):
            self.check_error.show_message(exc.message)
            return
        show_error(self, exc)

    # -- 4. the import --------------------------------------------------------------------------
    def start_import(self) -> None:
        sheet, report = self.sheet, self.report
        if sheet is None or report is None or self.progress is not None \
                or not self.import_button.isEnabled():
            return
        mapping = dict(report.mapping)
        skip = self.skip_box.isChecked()
        imports = self.services.participant_import

        def work(progress: Progress) -> ImportResult:
            return imports.import_sheet(sheet, mapping, skip_invalid=skip,
                                        progress=progress.report)

        self.check_error.show_message("")
        self.progress = self.runner.run_with_progress(
            self, t("ui.import.importing", rows=len(sheet.rows)), t("ui.import.cancel"), work,
            self._imported, self._import_failed)
        self._update_buttons()

    def _imported(self, result: ImportResult) -> None:
        self.progress = None
        if not isValid(self):
            return
        if result.status != "imported":  # the register changed since the check
            self.report = result
            self.skip_box.setChecked(False)
            self._show_report(result)
            self.check_error.show_message(t("ui.import.refused"))
            self._update_buttons()
            return
        self.outcome = result
        skipped = result.total - result.imported
        self.done_label.setText(t("ui.import.done", imported=result.imported))
        self.skipped_label.setText(t("ui.import.done_skipped", skipped=skipped))
        self.skipped_label.setVisible(skipped > 0)
        self.show_page(DONE)
        self.imported.emit(result.imported)

    def _import_failed(self, exc: BaseException) -> None:
        self.progress = None
        if not isValid(self):
            return
        self._update_buttons()
        if isinstance(exc, UserError):
            self.check_error.show_message(t("ui.import.import_cancelled")
                                          if exc.key == "error.cancelled" else exc.message)
            return
        show_error(self, exc)
