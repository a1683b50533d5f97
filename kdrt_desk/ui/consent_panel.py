"""Her consent: what she agreed to, the printed form, its signed date, and withdrawal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk.domain.enums import ConsentScope
from kdrt_desk.domain.participant import ParticipantRecord
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import format_date, label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.form_widgets import from_qdate
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.files import choose_save_path, confirmed_target
from kdrt_desk.ui.widgets.forms import date_edit, fit_height, hint_label, new_form
from kdrt_desk.ui.widgets.look import (
    DANGER,
    MUTED,
    NOTICE,
    SECTION,
    WITHDRAWN,
    YES,
    danger,
    mark,
    primary,
)
from kdrt_desk.ui.widgets.reason_dialog import ReasonDialog
from kdrt_desk.wiring import Services


@dataclass(frozen=True)
class ConsentState:
    """What the panel shows, read in one go on the worker thread."""

    code: str
    full_name: str
    scopes: frozenset[ConsentScope]
    consent_date: date | None
    recorded_by: str
    withdrawn_on: date | None
    form_signed_on: date | None
    anonymised_on: date | None
    may_contact: bool
    requested_by: str | None = None  # a withdrawal waiting for an Admin or Konselor
    rejection: str | None = None  # why the last recorded withdrawal was taken back


def read_consent_state(services: Services, participant_id: int) -> ConsentState:
    """Qt-free: runs on the task runner's worker thread."""
    record: ParticipantRecord = services.participants.get(participant_id)
    consent = record.consent
    return ConsentState(
        code=record.code, full_name=record.full_name, scopes=frozenset(consent.scopes),
        consent_date=consent.consent_date, recorded_by=consent.recorded_by,
        withdrawn_on=consent.withdrawn_on,
        form_signed_on=consent.form_signed_on, anonymised_on=record.anonymised_on,
        may_contact=services.consent.may_contact(participant_id),
        requested_by=services.consent.withdrawal_request(participant_id),
        rejection=services.consent.withdrawal_rejection(participant_id),
    )


def _date_edit(value: date | None = None) -> QDateEdit:
    """A day that has passed (signed, withdrawn): today at the latest."""
    edit = date_edit(value)
    edit.setMaximumDate(QDate.currentDate())
    return edit


class SignedDateDialog(FormDialog):
    """Record the day she signed the printed consent form."""

    signed = Signal(object)  # the date

    def __init__(self, services: Services, runner: TaskRunner, participant_id: int,
                 current: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.participant_id = participant_id
        self.setWindowTitle(t("ui.care.consent.signed_title"))
        self.signed_on = _date_edit(current)
        form = QFormLayout()
        self.add_field(form, t("ui.care.consent.signed_on"), "signed_on", self.signed_on, True)
        self.errors.labels["form_signed_on"] = self.errors.labels["signed_on"]
        self.errors.labels["date"] = self.errors.labels["signed_on"]
        intro = QLabel(t("ui.care.consent.signed_intro"))
        intro.setWordWrap(True)
        self.finish_layout(form, t("ui.care.consent.signed_ok"), intro, 480)
        self.saved.connect(self.signed)

    def submit(self) -> None:
        if self.busy:
            return
        consent, pid = self.services.consent, self.participant_id
        signed_on = from_qdate(self.signed_on.date())

        def call() -> date:
            consent.record_form_signed(pid, signed_on)
            return signed_on

        self.run(call)


class WithdrawConsentDialog(FormDialog):
    """The serious one: explains what is erased for good; the typed code unlocks the button.

    An Admin or Konselor anonymises at once (or, with ``confirming``, confirms a withdrawal
    someone else recorded); anyone else records the withdrawal for one of them to confirm."""

    withdrawn = Signal(int, bool)  # the participant id, whether her record was anonymised

    def __init__(self, services: Services, runner: TaskRunner, participant_id: int, code: str,
                 parent: QWidget | None = None, confirming: bool = False) -> None:
        super().__init__(services, runner, parent)
        self.participant_id = participant_id
        self.code = code
        self.confirming = confirming
        at_once = services.vault.actor.may(Permission.ANONYMISE)
        self.setWindowTitle(t("ui.care.withdraw.title"))
        heading = QLabel(t("ui.care.withdraw.heading") if at_once
                         else t("ui.care.withdraw.heading_request"))
        heading.setWordWrap(True)
        mark(heading, DANGER)
        explain = QLabel(t("ui.care.withdraw.explain", code=code) if at_once
                         else t("ui.care.withdraw.explain_request", code=code))
        explain.setWordWrap(True)
        explain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mark(explain, NOTICE)
        self.withdrawn_on = _date_edit()
        self.typed_code = QLineEdit()
        self.typed_code.setPlaceholderText(code)
        self.typed_code.setMaxLength(40)
        form = new_form()
        self.add_field(form, t("ui.care.withdraw.date"), "withdrawn_on", self.withdrawn_on, True)
        type_label = QLabel(t("ui.care.withdraw.type_code", code=code))
        type_label.setWordWrap(True)
        type_label.setBuddy(self.typed_code)
        self.code_error = ErrorLabel()
        self.errors.labels["confirm"] = self.code_error
        self.errors.labels["code"] = self.code_error

        self.make_buttons(t("ui.care.withdraw.ok") if at_once
                          else t("ui.care.withdraw.ok_request"))
        self.ok_button = self.buttons.button(self.buttons.StandardButton.Ok)
        danger(self.ok_button)
        self.ok_button.setEnabled(False)
        self.ok_button.setDefault(False)
        cancel = self.buttons.button(self.buttons.StandardButton.Cancel)
        cancel.setDefault(True)
        self.typed_code.textChanged.connect(self._check_code)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(type_label)
        layout.addWidget(self.typed_code)
        layout.addWidget(self.code_error)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(600, self.sizeHint().height())
        fit_height(self, shrink=True)
        self.typed_code.setFocus()
        self.saved.connect(lambda anonymised: self.withdrawn.emit(self.participant_id,
                                                                  bool(anonymised)))

    def code_matches(self) -> bool:
        return self.typed_code.text().strip().upper() == self.code.strip().upper()

    def _check_code(self) -> None:
        self.ok_button.setEnabled(self.code_matches())
        self.code_error.show_message("")

    def submit(self) -> None:
        """Refuses without the exact code; otherwise anonymises (cannot be undone)."""
        if self.busy:
            return
        if not self.code_matches():
            self.code_error.show_message(t("ui.care.withdraw.code_mismatch", code=self.code))
            self.typed_code.setFocus()
            return
        consent, pid = self.services.consent, self.participant_id
        withdrawn_on = from_qdate(self.withdrawn_on.date())
        if self.confirming:
            def confirm() -> bool:
                consent.confirm_withdrawal(pid)
                return True

            self.run(confirm)
            return
        self.run(lambda: consent.withdraw_data_use(pid, withdrawn_on, confirm=True))


class ConsentPanel(QWidget):
    """Embedded in the participant form's consent tab."""

    anonymised = Signal(int)  # the participant id, after her data was erased
    loaded = Signal()
    changed = Signal()  # the signed date was recorded
    pdf_saved = Signal(str)  # the consent form's path

    def __init__(self, services: Services, runner: TaskRunner, participant_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.participant_id = participant_id
        self.state: ConsentState | None = None
        self.dialog: SignedDateDialog | WithdrawConsentDialog | None = None
        self.reason_dialog: ReasonDialog | None = None
        self.may_manage = services.vault.actor.may(Permission.MANAGE_CONSENT)

        title = QLabel(t("ui.care.consent.title"))
        mark(title, SECTION)
        self.anonymised_note = QLabel()
        self.anonymised_note.setWordWrap(True)
        mark(self.anonymised_note, NOTICE)
        self.anonymised_note.hide()
        self.contact_warning = QLabel(t("ui.care.consent.no_contact"))
        self.contact_warning.setWordWrap(True)
        mark(self.contact_warning, DANGER)
        self.contact_warning.hide()

        scopes = QWidget()
        grid = QGridLayout(scopes)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        self.scope_values: dict[ConsentScope, QLabel] = {}
        for row, scope in enumerate(ConsentScope):
            name = QLabel(label(scope))
            value = QLabel("—")
            self.scope_values[scope] = value
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(2, 1)
        self.consent_date = QLabel("—")
        self.recorded_by = QLabel("—")
        self.form_signed = QLabel("—")
        self.withdrawn = QLabel("—")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(t("ui.care.consent.scopes"), scopes)
        form.addRow(t("ui.care.consent.consent_date"), self.consent_date)
        form.addRow(t("ui.form.recorded_by"), self.recorded_by)
        form.addRow(t("ui.care.consent.form_signed"), self.form_signed)
        form.addRow(t("ui.care.consent.withdrawn"), self.withdrawn)

        self.print_button = primary(QPushButton(t("ui.care.consent.print")))
        self.print_button.clicked.connect(lambda: self.print_form())
        self.preview_button = QPushButton(t("ui.print.preview"))
        self.preview_button.clicked.connect(self.preview_form)
        self.preview_dialog: QDialog | None = None
        self.signed_button = QPushButton(t("ui.care.consent.record_signed"))
        self.signed_button.clicked.connect(self.open_signed_dialog)
        self.withdraw_button = QPushButton(t("ui.care.consent.withdraw"))
        danger(self.withdraw_button)
        self.withdraw_button.clicked.connect(self.open_withdraw_dialog)
        self.may_anonymise = services.vault.actor.may(Permission.ANONYMISE)
        self.request_note = QLabel()
        self.request_note.setWordWrap(True)
        self.request_note.setTextFormat(Qt.TextFormat.PlainText)  # the reason is user text
        mark(self.request_note, NOTICE)
        self.request_note.hide()
        self.confirm_button = QPushButton(t("ui.care.withdraw.confirm"))
        danger(self.confirm_button)
        self.confirm_button.clicked.connect(self.open_confirm_dialog)
        self.reject_button = QPushButton(t("ui.care.withdraw.reject"))
        self.reject_button.clicked.connect(self.reject_request)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.preview_button, self.signed_button):
            button.setVisible(self.may_manage)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.withdraw_button.setVisible(self.may_manage)
        buttons.addWidget(self.withdraw_button)
        request_buttons = QHBoxLayout()
        request_buttons.addStretch(1)
        for button in (self.reject_button, self.confirm_button):
            button.hide()
            request_buttons.addWidget(button)
        self.message = ErrorLabel()
        self.done_label = hint_label("")
        self.done_label.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.anonymised_note)
        layout.addWidget(self.contact_warning)
        layout.addWidget(self.request_note)
        layout.addLayout(request_buttons)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        self._set_buttons_enabled(False)
        self.refresh()

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        services, pid = self.services, self.participant_id
        self.runner.run(lambda: read_consent_state(services, pid),
                        self._show, self._failed, latest=(self, "list"))

    def clear(self) -> None:
        """Forget what was shown (used when the app locks)."""
        self.runner.drop((self, "list"))
        self.state = None
        if self.dialog is not None:
            self.dialog.reject()
        for value in self.scope_values.values():
            value.setText("—")
        for field in (self.consent_date, self.recorded_by, self.form_signed, self.withdrawn):
            field.setText("—")
        self._set_buttons_enabled(False)

    def _show(self, state: ConsentState) -> None:
        self.state = state
        withdrawn = state.withdrawn_on is not None
        for scope, value in self.scope_values.items():
            given = scope in state.scopes
            if given and withdrawn:  # withdrawing data use ends every use of her data
                value.setText(t("ui.care.consent.scope_withdrawn"))
                mark(value, WITHDRAWN)
            else:
                value.setText(t("ui.care.consent.given") if given
                              else t("ui.care.consent.not_given"))
                mark(value, YES if given else MUTED)
        self.consent_date.setText(format_date(state.consent_date) or "—")
        self.recorded_by.setText(state.recorded_by or "—")
        self.form_signed.setText(format_date(state.form_signed_on)
                                 or t("ui.care.consent.not_signed"))
        self.withdrawn.setText(format_date(state.withdrawn_on) or "—")
        self.anonymised_note.setText(t("ui.care.consent.anonymised",
                                       date=format_date(state.anonymised_on)))
        self.anonymised_note.setVisible(state.anonymised_on is not None)
        self.contact_warning.setVisible(not state.may_contact
                                        and state.anonymised_on is None)
        pending = state.requested_by is not None
        if pending:
            self.request_note.setText(t("ui.care.withdraw.pending", by=state.requested_by or "",
                                        date=format_date(state.withdrawn_on)))
        elif state.rejection and state.anonymised_on is None:
            self.request_note.setText(t("ui.care.withdraw.rejected_note",
                                        reason=state.rejection))
        self.request_note.setVisible(pending or bool(state.rejection
                                                     and state.anonymised_on is None))
        for button in (self.confirm_button, self.reject_button):
            button.setVisible(pending and self.may_anonymise)
        self.message.show_message("")
        self._set_buttons_enabled(True)
        self.loaded.emit()

    def _set_buttons_enabled(self, loaded: bool) -> None:
        active = (loaded and self.state is not None and self.state.anonymised_on is None)
        for button in (self.print_button, self.preview_button, self.signed_button,
                       self.withdraw_button, self.confirm_button, self.reject_button):
            button.setEnabled(active)
        if active and self.state is not None and self.state.requested_by is not None:
            self.withdraw_button.setEnabled(False)  # recorded once, waiting for confirmation

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.message.show_message(exc.message)
        else:
            show_error(self, exc)

    # -- the printed form -------------------------------------------------------------------
    def default_pdf_path(self) -> str:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        code = self.state.code if self.state is not None else str(self.participant_id)
        return str(Path(folder) / t("ui.care.consent.file_name", code=code))

    def print_form(self, path: str | None = None) -> None:
        """Ask where to save (unless ``path`` is given), write the PDF, then offer to open it."""
        if not self.may_manage:
            return
        if path is None:
            chosen = choose_save_path(self, t("ui.care.consent.save_title"),
                                      self.default_pdf_path(), t("ui.care.consent.pdf_filter"))
        else:
            chosen = confirmed_target(self, Path(path if path.lower().endswith(".pdf")
                                                 else path + ".pdf"))
        if chosen is None:
            return
        target, overwrite = chosen
        consent, pid = self.services.consent, self.participant_id
        self.print_button.setEnabled(False)
        self.runner.run(lambda: consent.consent_form_pdf(pid, target, overwrite),
                        lambda _r: self._printed(str(target)), self._print_failed)

    def preview_form(self) -> None:
        """Her form in the preview, from where it is printed or saved (both audited)."""
        if not self.may_manage:
            return
        consent, pid = self.services.consent, self.participant_id
        self.preview_button.setEnabled(False)

        def show(data: bytes) -> None:
            if not isValid(self):
                return
            from kdrt_desk.ui.widgets.pdf_preview import PdfPreviewDialog

            self._set_buttons_enabled(True)

            def save(path: Path, overwrite: bool) -> Path:
                consent.consent_form_pdf(pid, path, overwrite)
                self.pdf_saved.emit(str(path))
                return path

            default = Path(self.default_pdf_path())
            dialog = PdfPreviewDialog(
                self, data, kind="consent_form", title=t("ui.print.doc.consent_form"),
                suggested_name=default.name, save=save, folder=default.parent,
                print_audit=lambda: consent.record_consent_form_printed(pid))
            dialog.finished.connect(lambda _code: self._forget_preview(dialog))
            self.preview_dialog = dialog
            dialog.open()

        self.runner.run(lambda: consent.consent_form_bytes(pid), show, self._print_failed)

    def _forget_preview(self, dialog: QDialog) -> None:
        if self.preview_dialog is dialog:
            self.preview_dialog = None
        dialog.deleteLater()

    def _printed(self, path: str) -> None:
        self._set_buttons_enabled(True)
        self.pdf_saved.emit(path)
        if self.confirm_open(path) and not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
            QMessageBox.information(self, t("ui.care.consent.saved_title"),
                                    t("ui.care.consent.open_failed", path=path))

    def confirm_open(self, path: str) -> bool:
        """Ask whether to open the saved form, with our own button words (tests replace this)."""
        box = QMessageBox(QMessageBox.Icon.Question, t("ui.care.consent.saved_title"),
                          t("ui.care.consent.saved_open", path=path),
                          QMessageBox.StandardButton.NoButton, self)
        open_button = box.addButton(t("ui.care.consent.open"), QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(t("ui.care.consent.not_now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_button)
        box.setEscapeButton(later)
        box.exec()
        return box.clickedButton() is open_button

    def _print_failed(self, exc: BaseException) -> None:
        self._set_buttons_enabled(True)
        show_error(self, exc)

    # -- signed date and withdrawal ---------------------------------------------------------
    def open_signed_dialog(self) -> SignedDateDialog:
        current = self.state.form_signed_on if self.state is not None else None
        dialog = SignedDateDialog(self.services, self.runner, self.participant_id, current, self)
        dialog.signed.connect(self._signed)
        self._keep(dialog)
        return dialog

    def _signed(self, _signed_on: date) -> None:
        self.done_label.setText(t("ui.care.consent.signed_saved"))
        self.done_label.show()
        self.changed.emit()
        self.refresh()

    def open_withdraw_dialog(self) -> WithdrawConsentDialog | None:
        if self.state is None:
            return None
        dialog = WithdrawConsentDialog(self.services, self.runner, self.participant_id,
                                       self.state.code, self)
        dialog.withdrawn.connect(self._withdrawn)
        self._keep(dialog)
        return dialog

    def open_confirm_dialog(self) -> WithdrawConsentDialog | None:
        """An Admin or Konselor confirms the withdrawal someone else recorded: anonymises."""
        if self.state is None or self.state.requested_by is None:
            return None
        dialog = WithdrawConsentDialog(self.services, self.runner, self.participant_id,
                                       self.state.code, self, confirming=True)
        dialog.withdrawn.connect(self._withdrawn)
        self._keep(dialog)
        return dialog

    def reject_request(self) -> ReasonDialog:
        """A withdrawal recorded by mistake: take it back, with a reason."""
        ask = ReasonDialog(t("ui.care.withdraw.reject"), t("ui.care.withdraw.reject_reason"),
                           self, t("ui.care.withdraw.reject_ok"),
                           "error.withdrawal_reason_required")
        consent, pid = self.services.consent, self.participant_id

        def rejected() -> None:
            reason = ask.text()
            self.runner.run(lambda: consent.reject_withdrawal(pid, reason),
                            lambda _r: self.refresh(), self._failed)

        ask.accepted.connect(rejected)
        self.reason_dialog = ask
        ask.open()
        return ask

    def _withdrawn(self, participant_id: int, anonymised: bool = True) -> None:
        self.done_label.setText(t("ui.care.withdraw.done") if anonymised
                                else t("ui.care.withdraw.requested"))
        self.done_label.show()
        self.refresh()
        if anonymised:
            self.anonymised.emit(participant_id)

    def _keep(self, dialog: SignedDateDialog | WithdrawConsentDialog) -> None:
        self.dialog = dialog

        def forget(_code: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()

        dialog.finished.connect(forget)
        dialog.open()
