"""Checking a certificate someone shows us: the code typed (or the text a QR scanner read, the
code or the verification URL) and, if wanted, the name on the paper.

The answer is one big line in the colour of the result (green: genuine and valid; orange: genuine
but revoked or replaced; red: unknown) and no more than the register may tell a verifier: the
name as printed (or "nama tidak disimpan" after a withdrawal), the course and the date. Every role
that sees the programme may check (facilitators too); every check is audited by the service.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.certificates import CertificateStatus, Verification
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import format_date, t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.forms import hint_label, new_form, plain
from kdrt_desk.ui.widgets.look import (
    DANGER,
    ERROR_BOX,
    MUTED,
    NOTICE,
    OK_BOX,
    YES,
    mark,
    primary,
)
from kdrt_desk.wiring import Services


def verdict(result: Verification) -> tuple[str, str]:
    """The result line and its look."""
    if result.tampered:
        return t("ui.cert.verify_tampered"), ERROR_BOX
    if not result.genuine:
        return t("ui.cert.verify_unknown"), ERROR_BOX
    if result.status is CertificateStatus.VALID and result.name_matches is False:
        return t("ui.cert.verify_valid_name_differs"), ERROR_BOX
    if result.status is CertificateStatus.VALID:
        return t("ui.cert.verify_valid"), OK_BOX
    if result.status is CertificateStatus.REISSUED:
        return t("ui.cert.verify_reissued", serial=result.replaced_by or "?"), NOTICE
    return t("ui.cert.verify_revoked"), NOTICE


class CertificateVerifyDialog(QDialog):
    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None,
                 code: str = "") -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.busy = False
        self.answer: Verification | None = None
        self.setWindowTitle(t("ui.cert.verify_title"))
        self.code = QLineEdit(code)
        self.code.setMaxLength(300)
        self.code.setPlaceholderText(t("ui.cert.verify_code_example"))
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.check_button = primary(QPushButton(t("ui.cert.verify_check")))
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check)
        self.code.returnPressed.connect(self.check)
        self.name.returnPressed.connect(self.check)
        form = new_form()
        form.addRow(t("ui.cert.verify_code"), self.code)
        form.addRow(t("ui.cert.verify_name"), self.name)
        check_row = QHBoxLayout()
        check_row.addStretch(1)
        check_row.addWidget(self.check_button)
        self.error = ErrorLabel()

        self.verdict = plain(QLabel())
        self.verdict.setWordWrap(True)
        self.verdict.setStyleSheet("font-size: 14pt; font-weight: bold; padding: 10px;")  # big
        self.verdict.hide()
        self.name_check = plain(QLabel())
        self.name_check.setWordWrap(True)
        self.name_check.hide()
        self.printed_name = plain(QLabel())
        self.course = plain(QLabel())
        self.issued = plain(QLabel())
        for shown in (self.printed_name, self.course, self.issued):
            shown.setWordWrap(True)
        self.details = QWidget()
        details = new_form(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addRow(t("ui.cert.verify_printed_name"), self.printed_name)
        details.addRow(t("ui.cert.verify_course"), self.course)
        details.addRow(t("ui.cert.verify_date"), self.issued)
        self.details.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(t("ui.cert.verify_close"))
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(t("ui.cert.verify_intro")))
        layout.addLayout(form)
        layout.addLayout(check_row)
        layout.addWidget(self.error)
        layout.addWidget(self.verdict)
        layout.addWidget(self.name_check)
        layout.addWidget(self.details)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(600, 420)

    def check(self) -> None:
        if self.busy:
            return
        code, name = self.code.text().strip(), self.name.text().strip()
        if not code:
            self.error.show_message(t("ui.cert.verify_empty"))
            return
        self.error.show_message("")
        self.busy = True
        self.check_button.setEnabled(False)
        certificates = self.services.certificates
        self.runner.run(lambda: certificates.verify(code, name), self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.check_button.setEnabled(True)
        if isinstance(exc, UserError):  # e.g. the serial typed instead of the code
            self.verdict.hide()
            self.name_check.hide()
            self.details.hide()
            self.error.show_message(exc.message)
            return
        show_error(self, exc)

    def _show(self, result: Verification) -> None:
        self.busy = False
        self.check_button.setEnabled(True)
        self.answer = result
        text, look = verdict(result)
        self.verdict.setText(text)
        mark(self.verdict, look)
        self.verdict.show()
        if result.genuine:
            self.printed_name.setText(result.printed_name if result.name_kept
                                      else t("ui.cert.name_not_kept"))
            mark(self.printed_name, "" if result.name_kept else MUTED)
            font = QFont(self.printed_name.font())
            font.setItalic(not result.name_kept)
            self.printed_name.setFont(font)
            self.course.setText(result.course)
            self.issued.setText(format_date(result.issued_on) if result.issued_on else "")
        self.details.setVisible(result.genuine)
        if result.name_matches is None:
            self.name_check.hide()
        else:
            self.name_check.setText(t("ui.cert.verify_name_matches") if result.name_matches
                                    else t("ui.cert.verify_name_differs"))
            mark(self.name_check, YES if result.name_matches else DANGER)
            self.name_check.show()


__all__ = ["CertificateVerifyDialog", "verdict"]
