"""Making the quarterly donor report: which quarter, for the whole centre or one programme or
donor (the groups it funds), which language, where to save it; the
workbook is made on the task runner with progress and Cancel (a cancelled run leaves no file),
and the answer says how many counts were shown as "<5" and how many more were hidden."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk import i18n
from kdrt_desk.domain.donor_report import Quarter
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import format_date, t
from kdrt_desk.services.donor_report import DonorWritten
from kdrt_desk.tasks.runner import Progress, TaskRunner
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.files import choose_save_path, documents
from kdrt_desk.ui.widgets.look import HINT, OK, mark, primary
from kdrt_desk.wiring import Services


def file_name(quarter: Quarter, funder: str) -> str:
    """``laporan-donor-2026Q3.xlsx``, or with the programme's name in plain letters."""
    slug = "-".join("".join(c if c.isascii() and c.isalnum() else " "
                            for c in funder.casefold()).split())[:40].strip("-")
    return f"laporan-donor-{quarter}{'-' + slug if slug else ''}.xlsx"


class DonorReportDialog(QDialog):
    written = Signal(str)  # the path of the workbook

    def __init__(self, services: Services, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("ui.donor.title"))
        self.services = services
        self.runner = runner
        self.progress: Progress | None = None
        intro = mark(QLabel(t("ui.donor.intro")), HINT)
        intro.setWordWrap(True)
        self.quarter = QComboBox()
        self.quarter.setMinimumContentsLength(28)
        self.quarter.currentIndexChanged.connect(lambda _i: self._quarter_changed())
        self.scope = QComboBox()
        self.scope.setToolTip(t("ui.donor.scope_tip"))
        self.scope.addItem(t("donor.scope.centre"), "")
        self.scope.currentIndexChanged.connect(lambda _i: self._quarter_changed())
        self.language = QComboBox()
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if i18n.language() == "id" else 1)
        form = QFormLayout()
        form.addRow(t("ui.donor.quarter"), self.quarter)
        form.addRow(t("ui.donor.scope"), self.scope)
        form.addRow(t("ui.donor.language"), self.language)
        self.error = ErrorLabel()
        self.outcome = mark(QLabel(), OK)
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)  # a path the user chose
        self.outcome.hide()
        self.make_button = primary(QPushButton(t("ui.donor.make")))
        self.make_button.setEnabled(False)
        self.make_button.clicked.connect(lambda: self.make())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(t("ui.print.close"))
        self.buttons.addButton(self.make_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(580)
        # a wrapped label asks for too little height in a fresh dialog: give it what it needs
        intro.setMinimumHeight(intro.heightForWidth(540))
        self.resize(max(self.sizeHint().width(), 600), self.sizeHint().height())
        report = services.donor_report
        self.runner.run(lambda: (report.quarters(), report.funders()), self._show_choices,
                        self._failed)

    def _show_choices(self, found: tuple[list[Quarter], list[str]]) -> None:
        if not isValid(self):
            return
        quarters, funders = found
        for funder in funders:
            self.scope.addItem(funder, funder)  # a QComboBox item is plain text
        self.quarter.clear()
        for quarter in quarters:
            self.quarter.addItem(t("ui.donor.quarter_item", quarter=str(quarter),
                                   start=format_date(quarter.start),
                                   end=format_date(quarter.end)), str(quarter))
        if not quarters:
            self.error.show_message(t("ui.donor.no_quarter"))
        # the last quarter that is over, when there is one: what a donor asks for
        self.quarter.setCurrentIndex(1 if len(quarters) > 1 else 0)
        self.make_button.setEnabled(bool(quarters))

    def _quarter_changed(self) -> None:
        self.outcome.hide()
        self.error.show_message("")

    def chosen(self) -> Quarter | None:
        value = self.quarter.currentData()
        return Quarter.parse(value) if value else None

    def make(self) -> None:
        quarter = self.chosen()
        if quarter is None or self.progress is not None:
            return
        lang = str(self.language.currentData())
        funder = str(self.scope.currentData() or "")
        target = choose_save_path(self, t("ui.donor.save"),
                                  documents() / file_name(quarter, funder),
                                  t("ui.donor.xlsx_filter"), suffix=".xlsx")
        if target is None:
            return
        path, overwrite = target
        report = self.services.donor_report

        def work(progress: Progress) -> DonorWritten:
            return report.write(quarter, path, lang=lang, overwrite=overwrite,
                                report=progress.report, funder=funder)

        self.make_button.setEnabled(False)
        self.error.show_message("")
        self.outcome.hide()
        self.progress = self.runner.run_with_progress(
            self, t("ui.donor.making", quarter=str(quarter)), t("ui.donor.cancel"), work,
            self._written, self._failed)

    def _written(self, done: DonorWritten) -> None:
        self.progress = None
        if not isValid(self):
            return
        self.make_button.setEnabled(True)
        text = t("ui.donor.written", path=str(done.path), primary=done.primary,
                 complementary=done.complementary)
        if done.unprotected:
            text += "\n" + t("donor.unprotected_warning", count=done.unprotected)
        self.outcome.setText(text)
        self.outcome.setMinimumHeight(self.outcome.heightForWidth(540))
        self.outcome.show()
        self.adjustSize()
        self.written.emit(str(done.path))

    def _failed(self, exc: BaseException) -> None:
        self.progress = None
        if not isValid(self):
            return
        self.make_button.setEnabled(self.quarter.count() > 0)
        if isinstance(exc, UserError):
            self.error.show_message(t("ui.donor.cancelled") if exc.key == "error.cancelled"
                                    else exc.message)
            return
        show_error(self, exc)
