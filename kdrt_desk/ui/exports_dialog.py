"""Exports for work (Berkas > Ekspor data...): the participant list, attendance, assessment
results (roles with the restricted key) and, for the admin, every record in one workbook, best
protected with a password Excel asks for. Written on the task runner with progress and Cancel
(a cancelled export leaves no file); the answer says how many rows went out and warns when the
file is not protected."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk import i18n
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import Progress, TaskRunner
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.files import choose_save_path, documents
from kdrt_desk.ui.widgets.look import HINT, OK, WARNING, mark, primary
from kdrt_desk.wiring import Services

KINDS = ("participants", "attendance", "assessments", "full")


class ExportsDialog(QDialog):
    written = Signal(str)  # the path of the file

    def __init__(self, services: Services, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("ui.exports.title"))
        self.services = services
        self.runner = runner
        self.progress: Progress | None = None
        actor = services.vault.actor
        allowed = {"participants": actor.may(Permission.VIEW_REGISTER),
                   "attendance": actor.may(Permission.VIEW_PROGRAMME),
                   "assessments": actor.may(Permission.VIEW_RESTRICTED),
                   "full": actor.may(Permission.MANAGE_USERS)}
        intro = mark(QLabel(t("ui.exports.intro")), HINT)
        intro.setWordWrap(True)
        self.kinds: dict[str, QRadioButton] = {}
        group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for kind in KINDS:
            button = QRadioButton(t(f"ui.exports.kind.{kind}"))
            button.setVisible(allowed[kind])
            group.addButton(button)
            self.kinds[kind] = button
            layout.addWidget(button)
        first = next((k for k in KINDS if allowed[k]), None)
        if first is not None:
            self.kinds[first].setChecked(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_form = QWidget()
        form = QFormLayout(self.password_form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(t("ui.exports.password"), self.password)
        form.addRow(t("ui.exports.again"), self.again)
        self.unprotected = mark(QLabel(t("ui.exports.unprotected")), WARNING)
        self.unprotected.setWordWrap(True)
        self.language = QComboBox()
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if i18n.language() == "id" else 1)
        lang_form = QFormLayout()
        lang_form.addRow(t("ui.exports.language"), self.language)
        self.error = ErrorLabel()
        self.outcome = mark(QLabel(), OK)
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)  # a path the user chose
        self.outcome.hide()
        self.export_button = primary(QPushButton(t("ui.exports.export")))
        self.export_button.setEnabled(first is not None)
        self.export_button.clicked.connect(lambda: self.export())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(t("ui.print.close"))
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.password_form)
        layout.addWidget(self.unprotected)
        layout.addLayout(lang_form)
        layout.addWidget(self.error)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        for label in (intro, self.unprotected):
            label.setMinimumHeight(label.heightForWidth(520))
        self.resize(max(self.sizeHint().width(), 600), self.sizeHint().height())
        for button in self.kinds.values():
            button.toggled.connect(lambda _on: self._kind_changed())
        self.password.textChanged.connect(lambda _t: self._kind_changed())
        self._kind_changed()

    def chosen(self) -> str:
        return next((k for k, b in self.kinds.items() if b.isChecked()), "")

    def _kind_changed(self) -> None:
        full = self.chosen() == "full"
        self.password_form.setVisible(full)
        self.unprotected.setVisible(full and not self.password.text())
        self.outcome.hide()
        self.error.show_message("")

    def export(self) -> None:
        kind = self.chosen()
        if not kind or self.progress is not None:
            return
        password: str | None = None
        if kind == "full" and self.password.text():
            if self.password.text() != self.again.text():
                self.error.show_message(t("ui.exports.passwords_differ"))
                return
            password = self.password.text()
        target = choose_save_path(self, t("ui.exports.save"),
                                  documents() / f"{t(f'ui.exports.file.{kind}')}-"
                                                f"{date.today().isoformat()}.xlsx",
                                  t("ui.donor.xlsx_filter"), suffix=".xlsx")
        if target is None:
            return
        path, overwrite = target
        lang = str(self.language.currentData())
        exports = self.services.work_exports

        def work(progress: Progress) -> object:
            if kind == "full":
                return exports.full(path, password=password, lang=lang, overwrite=overwrite,
                                    report=progress.report)
            method = getattr(exports, kind)
            return method(path, lang=lang, overwrite=overwrite, report=progress.report)

        self.export_button.setEnabled(False)
        self.error.show_message("")
        self.outcome.hide()
        self.progress = self.runner.run_with_progress(
            self, t("ui.exports.making"), t("ui.donor.cancel"), work, self._written,
            self._failed)

    def _written(self, done: object) -> None:
        self.progress = None
        if not isValid(self):
            return
        self.export_button.setEnabled(True)
        self.password.clear()  # first: a password changed hides the last answer
        self.again.clear()
        path, rows = getattr(done, "path", ""), getattr(done, "rows", 0)
        text = t("ui.exports.written", path=str(path), rows=rows)
        for key in getattr(done, "warnings", ()):
            text += "\n" + t(key)
        self.outcome.setText(text)
        self.outcome.setMinimumHeight(self.outcome.heightForWidth(520))
        self.outcome.show()
        self.adjustSize()
        self.written.emit(str(path))

    def _failed(self, exc: BaseException) -> None:
        self.progress = None
        if not isValid(self):
            return
        self.export_button.setEnabled(True)
        if isinstance(exc, UserError):
            self.error.show_message(t("ui.exports.cancelled") if exc.key == "error.cancelled"
                                    else exc.message)
            return
        show_error(self, exc)
