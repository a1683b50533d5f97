"""Printing her progress report: for her file or for her to take home, with the questionnaire
scores (only offered to a role that may print them) and her income (likewise), in Indonesian or
English; then where to save it, and the service writes it on the task runner."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk import i18n
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.files import choose_save_path
from kdrt_desk.ui.widgets.look import primary
from kdrt_desk.wiring import Services


class ProgressReportDialog(QDialog):
    printed = Signal(str)  # the path written

    def __init__(self, services: Services, runner: TaskRunner, participant_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("ui.progress.title"))
        self.services = services
        self.runner = runner
        self.participant_id = participant_id
        reports = services.progress_reports
        intro = QLabel(t("ui.progress.intro"))
        intro.setWordWrap(True)
        self.for_file = QRadioButton(t("ui.progress.for_file"))
        self.for_her = QRadioButton(t("ui.progress.for_her"))
        self.for_file.setChecked(True)
        versions = QButtonGroup(self)
        versions.addButton(self.for_file)
        versions.addButton(self.for_her)
        self.include_scores = QCheckBox(t("ui.progress.include_scores"))
        self.include_scores.setVisible(reports.may_include_scores)
        self.include_scores.setChecked(reports.may_include_scores)
        self.include_income = QCheckBox(t("ui.progress.include_income"))
        self.include_income.setVisible(reports.may_include_income)
        # her copy leaves the scores out unless she wishes them in
        self.for_her.toggled.connect(
            lambda on: self.include_scores.setChecked(reports.may_include_scores and not on))
        self.language = QComboBox()
        self.language.addItem(t("ui.progress.lang_id"), "id")
        self.language.addItem(t("ui.progress.lang_en"), "en")
        self.language.setCurrentIndex(0 if i18n.language() == "id" else 1)
        self.message = ErrorLabel()
        self.print_button = primary(QPushButton(t("ui.progress.print_button")))
        self.print_button.clicked.connect(self.print_report)
        self.preview_button = QPushButton(t("ui.print.preview"))
        self.preview_button.clicked.connect(self.preview_report)
        self.preview_dialog: QDialog | None = None
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("ui.form.cancel"))
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(t("ui.progress.language"), self.language)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.for_file)
        layout.addWidget(self.for_her)
        layout.addWidget(self.include_scores)
        layout.addWidget(self.include_income)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def default_path(self) -> str:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        return str(Path(folder) / t("ui.progress.default_name"))

    def print_report(self) -> None:
        chosen = choose_save_path(self, t("ui.progress.save_title"), self.default_path(),
                                  t("ui.progress.file_filter"))
        if chosen is None:
            return
        target, overwrite = chosen
        reports, pid = self.services.progress_reports, self.participant_id
        lang = str(self.language.currentData())
        scores = reports.may_include_scores and self.include_scores.isChecked()
        income = reports.may_include_income and self.include_income.isChecked()
        for_her = self.for_her.isChecked()
        self.print_button.setEnabled(False)
        self.message.show_message(t("ui.progress.printing"))
        self.runner.run(lambda: reports.write(pid, target, lang=lang, include_scores=scores,
                                              include_income=income, for_her=for_her,
                                              overwrite=overwrite),
                        self._written, self._failed)

    def preview_report(self) -> None:
        """Build the report as chosen off the GUI thread, then show it in the preview, from
        where she prints it or saves it (both audited by the service)."""
        reports, pid = self.services.progress_reports, self.participant_id
        lang = str(self.language.currentData())
        scores = reports.may_include_scores and self.include_scores.isChecked()
        income = reports.may_include_income and self.include_income.isChecked()
        for_her = self.for_her.isChecked()
        self.preview_button.setEnabled(False)
        self.message.show_message(t("ui.print.preparing"))

        def show(data: bytes) -> None:
            if not isValid(self):
                return
            from kdrt_desk.ui.widgets.pdf_preview import PdfPreviewDialog

            self.preview_button.setEnabled(True)
            self.message.show_message("")

            def save(path: Path, overwrite: bool) -> Path:
                return reports.write(pid, path, lang=lang, include_scores=scores,
                                     include_income=income, for_her=for_her,
                                     overwrite=overwrite)

            dialog = PdfPreviewDialog(
                self, data, kind="progress_report", title=t("ui.print.doc.progress_report"),
                suggested_name=t("ui.progress.default_name"), save=save,
                print_audit=lambda: reports.record_printed(
                    pid, lang=lang, include_scores=scores, include_income=income,
                    for_her=for_her),
                folder=Path(self.default_path()).parent)
            dialog.saved.connect(self.printed.emit)
            dialog.finished.connect(lambda _code: self._forget_preview(dialog))
            self.preview_dialog = dialog
            dialog.open()

        def failed(exc: BaseException) -> None:
            if isValid(self):
                self.preview_button.setEnabled(True)
                self._failed(exc)

        self.runner.run(lambda: reports.pdf(pid, lang=lang, include_scores=scores,
                                            include_income=income, for_her=for_her),
                        show, failed)

    def _forget_preview(self, dialog: QDialog) -> None:
        if self.preview_dialog is dialog:
            self.preview_dialog = None
        dialog.deleteLater()

    def _written(self, path: Path) -> None:
        if not isValid(self):
            return
        self.print_button.setEnabled(True)
        self.message.show_message("")
        self.printed.emit(str(path))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.print_button.setEnabled(True)
        if isinstance(exc, UserError):
            self.message.show_message(exc.message)
        else:
            self.message.show_message("")
            show_error(self, exc)
