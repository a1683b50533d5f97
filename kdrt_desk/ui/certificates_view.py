"""The "Sertifikat" tab: who may have a certificate (and who is close), issuing them one at a time
or as a batch (one PDF for the printer, optionally one file each; off the GUI thread with progress
and Cancel), and the register (reprint, reissue, revoke, check a code).

For the roles that issue certificates (Admin, Konselor, Staf); reissuing and revoking are the
admin's. Every service call goes through the task runner; a preview takes no serial.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk import i18n
from kdrt_desk.domain.certificates import (
    BatchResult,
    CertificateStatus,
    EligibleRow,
    IssueRequest,
    RegisterRow,
    TemplateView,
)
from kdrt_desk.domain.training import GroupView, ModuleView
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import format_date, label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import Progress, TaskRunner
from kdrt_desk.ui.widgets.empty_hint import empty_hint, show_empty
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.files import choose_save_path, documents
from kdrt_desk.ui.widgets.forms import dialog_buttons, fit_height, hint_label, new_form, plain
from kdrt_desk.ui.widgets.look import ENDED_TEXT, HINT, OK, mark, primary
from kdrt_desk.ui.widgets.reason_dialog import ReasonDialog
from kdrt_desk.ui.widgets.tables import fit_columns, table
from kdrt_desk.ui.widgets.wrap_row import WrapRow, together
from kdrt_desk.wiring import Services

ELIGIBLE_COLUMNS = ("pick", "name", "code", "course", "group", "reason", "hours", "dates",
                    "held")
REGISTER_COLUMNS = ("serial", "participant", "printed", "module", "course", "issued", "status",
                    "why", "link", "vcode")
ALL = 0  # the "Semua" entry of a filter


def dates_text(first: date | None, last: date | None) -> str:
    if first is None:
        return ""
    if last is None or last == first:
        return format_date(first)
    if (first.year, first.month) == (last.year, last.month):  # "23–25 November 2026"
        return f"{first.day}–{format_date(last)}"
    return f"{format_date(first)} – {format_date(last)}"


def serial_range(serials: list[str]) -> str:
    if len(serials) == 1:
        return t("ui.cert.issued_one", first=serials[0])
    return t("ui.cert.issued_many", count=len(serials), first=serials[0], last=serials[-1])


def file_part(serial: str) -> str:
    return serial.replace("/", "-")


class ReissueDialog(QDialog):
    """The reason for a reissue and, when the spelling was wrong, the corrected name."""

    def __init__(self, row: RegisterRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("ui.cert.reissue_title", serial=row.serial))
        self.reason = QLineEdit()
        self.reason.setMaxLength(300)
        self.name = QLineEdit()
        self.name.setMaxLength(120)
        self.name.setPlaceholderText(row.printed_name)
        self.error = ErrorLabel()
        form = new_form()
        form.addRow(t("ui.cert.reissue_reason") + " *", self.reason)
        form.addRow(t("ui.cert.reissue_name"), self.name)
        form.addRow("", hint_label(t("ui.cert.reissue_name_hint")))
        buttons = dialog_buttons(t("ui.cert.reissue_ok"))
        self.buttons = buttons
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(t("ui.cert.reissue_intro", serial=row.serial)))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())
        fit_height(self, shrink=True)

    def submit(self) -> None:
        if not self.reason.text().strip():
            self.error.show_message(t("ui.cert.reason_required"))
            return
        self.accept()


class CertificatesView(QWidget):
    def __init__(self, services: Services, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        actor = services.vault.actor
        self.may_revoke = actor.may(Permission.REVOKE_CERTIFICATES)
        self.rows: list[EligibleRow] = []
        self.register_rows: list[RegisterRow] = []
        self.shown_register: list[RegisterRow] = []
        self.templates: list[TemplateView] = []
        self.loaded = False
        self.dialog: QDialog | None = None
        self.preview_dialog: QWidget | None = None
        self.progress: Progress | None = None

        self.tabs = QTabWidget()
        self.tabs.addTab(self._eligible_page(), t("ui.cert.page_eligible"))
        self.tabs.addTab(self._register_page(), t("ui.cert.page_register"))
        self.tabs.currentChanged.connect(self._page_shown)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self._update_buttons()

    # -- building ---------------------------------------------------------------------------
    def _eligible_page(self) -> QWidget:
        page = QWidget()
        self.module_filter = QComboBox()
        self.module_filter.addItem(t("ui.cert.all"), ALL)
        self.group_filter = QComboBox()
        self.group_filter.addItem(t("ui.cert.all"), ALL)
        for combo in (self.module_filter, self.group_filter):
            combo.setMinimumWidth(200)
            combo.activated.connect(lambda _i: self.refresh())
        self.show_close = QCheckBox(t("ui.cert.show_close"))
        self.show_close.setChecked(True)
        self.show_close.toggled.connect(lambda _on: self.refresh())
        filters = WrapRow()  # on two lines when the window is narrow or the text large
        filters.addWidget(together(QLabel(t("ui.cert.filter_module")), self.module_filter))
        filters.addWidget(together(QLabel(t("ui.cert.filter_group")), self.group_filter))
        filters.addWidget(self.show_close)
        filters.addStretch(1)

        self.table = table([t(f"ui.cert.col_{c}") for c in ELIGIBLE_COLUMNS])
        self.table.itemChanged.connect(lambda _item: self._update_buttons())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.count = plain(mark(QLabel(), HINT))
        self.count.setWordWrap(True)
        self.pick_all_button = QPushButton(t("ui.cert.pick_all"))
        self.pick_all_button.clicked.connect(self.pick_all)
        self.pick_all_button.setToolTip(t("ui.tip.cert.pick_all"))
        self.empty_hint = empty_hint(t("ui.hints.cert.none_eligible"))
        picks = QHBoxLayout()
        picks.addWidget(self.count, 1)
        picks.addWidget(self.pick_all_button)

        self.template_choice = QComboBox()
        self.template_choice.setMinimumWidth(180)
        self.use_preferred = QCheckBox(t("ui.cert.use_preferred"))
        self.use_preferred.setToolTip(t("ui.cert.use_preferred_hint"))
        self.per_participant = QCheckBox(t("ui.cert.per_participant"))
        self.preview_button = QPushButton(t("ui.cert.preview"))
        self.preview_button.clicked.connect(self.preview)
        self.issue_button = primary(QPushButton(t("ui.cert.issue")))
        self.issue_button.clicked.connect(self.issue)
        self.preview_button.setToolTip(t("ui.tip.cert.preview"))
        self.issue_button.setToolTip(t("ui.tip.cert.issue"))
        actions = WrapRow()
        actions.addWidget(together(QLabel(t("ui.cert.template")), self.template_choice))
        actions.addWidget(self.use_preferred)
        actions.addWidget(self.per_participant)
        actions.addStretch(1)
        actions.addWidget(self.preview_button)
        actions.addWidget(self.issue_button)
        self.note = plain(mark(QLabel(), OK))
        self.note.setWordWrap(True)
        self.message = ErrorLabel()

        layout = QVBoxLayout(page)
        layout.addLayout(filters)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(picks)
        layout.addLayout(actions)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        return page

    def _register_page(self) -> QWidget:
        page = QWidget()
        self.search = QLineEdit()
        self.search.setPlaceholderText(t("ui.cert.search"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._show_register())
        self.status_filter = QComboBox()
        self.status_filter.addItem(t("ui.cert.all"), "")
        for status in CertificateStatus:
            self.status_filter.addItem(label(status), status.value)
        self.status_filter.activated.connect(lambda _i: self._show_register())
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(QLabel(t("ui.cert.filter_status")))
        bar.addWidget(self.status_filter)
        self.register_table = table([t(f"ui.cert.col_{c}") for c in REGISTER_COLUMNS])
        self.register_table.itemSelectionChanged.connect(self._update_buttons)
        self.register_count = plain(mark(QLabel(), HINT))
        self.reprint_button = QPushButton(t("ui.cert.reprint"))
        self.reprint_button.clicked.connect(self.reprint)
        self.reissue_button = QPushButton(t("ui.cert.reissue"))
        self.reissue_button.clicked.connect(self.ask_reissue)
        self.revoke_button = QPushButton(t("ui.cert.revoke"))
        self.revoke_button.clicked.connect(self.ask_revoke)
        self.verify_button = QPushButton(t("ui.cert.verify"))
        self.verify_button.clicked.connect(self.open_verify)
        for button, tip in ((self.reprint_button, "ui.tip.cert.reprint"),
                            (self.reissue_button, "ui.tip.cert.reissue"),
                            (self.revoke_button, "ui.tip.cert.revoke"),
                            (self.verify_button, "ui.tip.cert.verify")):
            button.setToolTip(t(tip))
        self.register_empty = empty_hint(t("ui.hints.cert.register_empty"))
        for button in (self.reissue_button, self.revoke_button):
            button.setVisible(self.may_revoke)
        buttons = QHBoxLayout()
        buttons.addWidget(self.register_count, 1)
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.reissue_button)
        buttons.addWidget(self.revoke_button)
        buttons.addWidget(self.verify_button)
        self.register_note = plain(mark(QLabel(), OK))
        self.register_note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.register_empty)
        layout.addWidget(self.register_table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.register_note)
        return page

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Filters, templates, who is eligible and the register, in one call."""
        services = self.services
        module_id = int(self.module_filter.currentData() or 0) or None
        group_id = int(self.group_filter.currentData() or 0) or None
        close = self.show_close.isChecked()

        def load() -> tuple[list[ModuleView], list[GroupView], list[TemplateView],
                            list[EligibleRow], list[RegisterRow]]:
            certificates = services.certificates
            return (services.catalogue.modules(), services.groups.groups(),
                    certificates.templates.templates(),
                    certificates.eligible(module_id=module_id, group_id=group_id,
                                          include_close=close),
                    certificates.register())

        self.runner.run(load, self._show, lambda exc: show_error(self, exc),
                        latest=(self, "list"))

    def clear(self) -> None:
        """The lock: every name off the screen."""
        self.runner.drop((self, "list"))
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reject()
        self.rows, self.register_rows, self.shown_register = [], [], []
        self.table.setRowCount(0)
        self.register_table.setRowCount(0)
        self.note.clear()
        self.register_note.clear()
        show_empty(self.empty_hint, False)
        show_empty(self.register_empty, False)
        self.loaded = False
        self._update_buttons()

    def _show(self, loaded: tuple[list[ModuleView], list[GroupView], list[TemplateView],
                                  list[EligibleRow], list[RegisterRow]]) -> None:
        modules, groups, templates, rows, register = loaded
        self._fill_filter(self.module_filter, [(m.id, f"{m.code} · {m.title}") for m in modules])
        self._fill_filter(self.group_filter, [(g.id, g.name) for g in groups])
        current = self.template_choice.currentData()
        self.template_choice.clear()
        self.templates = templates
        for view in templates:
            self.template_choice.addItem(view.name, view.id)
        if current is not None and self.template_choice.findData(current) >= 0:
            self.template_choice.setCurrentIndex(self.template_choice.findData(current))
        self.rows = rows
        self._fill_eligible()
        self.register_rows = register
        self._show_register()
        self.loaded = True
        self._update_buttons()

    @staticmethod
    def _fill_filter(combo: QComboBox, entries: list[tuple[int, str]]) -> None:
        current = combo.currentData()
        combo.clear()
        combo.addItem(t("ui.cert.all"), ALL)
        for value, text in entries:
            combo.addItem(text, value)
        found = combo.findData(current)
        combo.setCurrentIndex(found if found >= 0 else 0)

    def _fill_eligible(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for n, row in enumerate(self.rows):
            name = (t("ui.cert.name_preferred", name=row.name, preferred=row.preferred_name)
                    if row.preferred_name and row.preferred_name.casefold()
                    not in row.name.casefold().split() else row.name)
            reason = row.reason if row.eligible else t("ui.cert.close_reason", reason=row.reason)
            cells = ("", name, row.code, row.course, row.group_name, reason, str(row.hours),
                     dates_text(row.first_date, row.last_date), row.existing_serial)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3 and row.module_code:
                    item.setToolTip(t("ui.cert.course_code", course=row.course,
                                      code=row.module_code))
                elif column in (1, 5):
                    item.setToolTip(text)
                if not row.eligible:
                    item.setForeground(ENDED_TEXT)
                self.table.setItem(n, column, item)
            pick = QTableWidgetItem("")
            self.table.setItem(n, 0, pick)
            if self.tickable(row):
                pick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsUserCheckable)
                pick.setCheckState(Qt.CheckState.Unchecked)
            else:
                pick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.table.blockSignals(False)
        self._fit_eligible()
        eligible = sum(1 for r in self.rows if r.eligible)
        self._count_note(eligible)
        show_empty(self.empty_hint, not self.rows)

    def _fit_eligible(self) -> None:
        fit_columns(self.table, keep={0, 6, 8})
        metrics = self.table.fontMetrics()
        self.table.setColumnWidth(0, metrics.horizontalAdvance(t("ui.cert.col_pick")) + 24)

    def _fit_register(self) -> None:
        fit_columns(self.register_table, keep={0, 5, 6, 9})

    def _page_shown(self, index: int) -> None:
        """A table filled while its page was hidden is fitted to the room it has now."""
        if index == 0 and self.rows:
            self._fit_eligible()
        elif index == 1 and self.shown_register:
            self._fit_register()

    def _count_note(self, eligible: int | None = None) -> None:
        if eligible is None:
            eligible = sum(1 for r in self.rows if r.eligible)
        if not self.rows:
            self.count.setText(t("ui.cert.none_eligible"))
            return
        waiting = sum(1 for r in self.rows if r.eligible and not r.existing_serial)
        self.count.setText(t("ui.cert.count", eligible=eligible, waiting=waiting,
                             close=len(self.rows) - eligible, picked=len(self.picked())))

    @staticmethod
    def tickable(row: EligibleRow) -> bool:
        return row.eligible and not row.existing_serial

    def picked(self) -> list[EligibleRow]:
        found = []
        for n, row in enumerate(self.rows):
            item = self.table.item(n, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked \
                    and self.tickable(row):
                found.append(row)
        return found

    def _show_register(self) -> None:
        wanted = str(self.status_filter.currentData() or "")
        words = self.search.text().casefold().split()
        shown = []
        for row in self.register_rows:
            if wanted and row.status.value != wanted:
                continue
            haystack = " ".join((row.serial, row.code, row.participant_code, row.printed_name,
                                 row.module_code, row.course)).casefold()
            if all(word in haystack for word in words):
                shown.append(row)
        before = self._selected_register()  # kept on the same certificate, not the same row
        show_empty(self.register_empty, not self.register_rows)
        self.shown_register = shown
        self.register_table.clearSelection()
        self.register_table.setRowCount(len(shown))
        italic = QFont(self.register_table.font())
        italic.setItalic(True)
        for n, row in enumerate(shown):
            link = "; ".join(part for part in (
                t("ui.cert.replaced_by", serial=row.replaced_by) if row.replaced_by else "",
                t("ui.cert.replaces", serial=row.replaces) if row.replaces else "") if part)
            cells = (row.serial, row.participant_code,
                     row.printed_name if not row.name_removed else t("ui.cert.name_not_kept"),
                     row.module_code or label(row.kind), row.course, format_date(row.issued_on),
                     label(row.status), row.reason, link, row.code)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2 and row.name_removed:
                    item.setForeground(ENDED_TEXT)
                    item.setFont(italic)
                elif row.status is not CertificateStatus.VALID:
                    item.setForeground(ENDED_TEXT)
                if column in (2, 4, 7):
                    item.setToolTip(text)
                self.register_table.setItem(n, column, item)
        self._fit_register()
        if before is not None:
            for n, row in enumerate(shown):
                if row.id == before.id:
                    self.register_table.selectRow(n)
        self.register_count.setText(t("ui.cert.register_count", shown=len(shown),
                                      total=len(self.register_rows)))
        self._update_buttons()

    def _selected_register(self) -> RegisterRow | None:
        rows = self.register_table.selectionModel().selectedRows()
        if not rows:
            return None
        index = rows[0].row()
        return self.shown_register[index] if 0 <= index < len(self.shown_register) else None

    def _update_buttons(self) -> None:
        picked = self.picked() if self.rows else []
        self.issue_button.setEnabled(bool(picked) and bool(self.templates))
        self.preview_button.setEnabled(self._preview_row() is not None)
        self.pick_all_button.setEnabled(any(self.tickable(r) for r in self.rows))
        if self.rows:
            self._count_note()
        chosen = self._selected_register()
        valid = chosen is not None and chosen.status is CertificateStatus.VALID
        self.reprint_button.setEnabled(valid and chosen is not None and not chosen.name_removed)
        self.revoke_button.setEnabled(valid)
        self.reissue_button.setEnabled(valid and chosen is not None and not chosen.name_removed)

    # -- the eligible list ------------------------------------------------------------------
    def pick_all(self) -> None:
        self.table.blockSignals(True)
        for n, row in enumerate(self.rows):
            item = self.table.item(n, 0)
            if item is not None and self.tickable(row):
                item.setCheckState(Qt.CheckState.Checked)
        self.table.blockSignals(False)
        self._update_buttons()

    def _preview_row(self) -> EligibleRow | None:
        """The selected row when she may have one, else the first ticked one."""
        selected = self.table.selectionModel().selectedRows() if self.rows else []
        if selected:
            row = self.rows[selected[0].row()] if selected[0].row() < len(self.rows) else None
            if row is not None and row.eligible:
                return row
        picked = self.picked() if self.rows else []
        return picked[0] if picked else None

    def _request(self, row: EligibleRow) -> IssueRequest:
        return IssueRequest(row.participant_id, row.module_id, row.group_id,
                            use_preferred=self.use_preferred.isChecked())

    def _template_id(self) -> int | None:
        value = self.template_choice.currentData()
        return int(value) if value else None

    def preview(self) -> None:
        row = self._preview_row()
        if row is None:
            return
        certificates, request = self.services.certificates, self._request(row)
        template, lang = self._template_id(), i18n.language()

        def show(data: bytes) -> None:
            self.open_preview(data, t("ui.cert.preview_title", name=row.name),
                              f"sertifikat-contoh-{row.code}.pdf")

        self.runner.run(lambda: certificates.preview_pdf(request, template_id=template,
                                                         lang=lang),
                        show, lambda exc: show_error(self, exc))

    def open_preview(self, data: bytes, title: str, name: str,
                     reprint_of: int | None = None, saved: Path | None = None) -> None:
        """``data`` in the shared preview: printed from there (a reprint may be saved too:
        through the service, audited)."""
        from kdrt_desk.ui.widgets.pdf_preview import PdfPreviewDialog

        certificates, lang = self.services.certificates, i18n.language()

        def save(path: Path, overwrite: bool) -> Path:
            assert reprint_of is not None
            return certificates.write_reprint(reprint_of, path, overwrite=overwrite, lang=lang)

        dialog = PdfPreviewDialog(self, data, kind="certificate", title=title,
                                  suggested_name=name,
                                  save=save if reprint_of is not None else None,
                                  saved=saved)
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        self.preview_dialog = dialog
        dialog.open()

    def issue(self) -> None:
        """Where to write, how many serials will be taken, then the batch with progress."""
        picked = self.picked()
        if not picked:
            return
        requests = [self._request(row) for row in picked]
        stamp = date.today().isoformat()
        target = choose_save_path(self, t("ui.cert.save_batch"),
                                  documents() / f"sertifikat-{stamp}.pdf",
                                  t("ui.access.pdf_filter"))
        if target is None:
            return
        path, overwrite = target
        folder: Path | None = None
        question = t("ui.cert.confirm", count=len(requests), path=str(path))
        if self.per_participant.isChecked():
            chosen = QFileDialog.getExistingDirectory(self, t("ui.cert.choose_folder"),
                                                      str(path.parent))
            if not chosen:
                return
            folder = Path(chosen)
            question += "\n" + t("ui.cert.confirm_folder", folder=str(folder))
        answer = QMessageBox.question(self, t("ui.cert.issue_title"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        certificates, template, lang = self.services.certificates, self._template_id(), \
            i18n.language()

        def work(progress: Progress) -> BatchResult:
            return certificates.issue(requests, path, template_id=template,
                                      per_participant=folder, overwrite=overwrite,
                                      report=progress.report, lang=lang)

        self.issue_button.setEnabled(False)
        self.note.clear()
        self.message.show_message("")
        self.progress = self.runner.run_with_progress(
            self, t("ui.cert.issuing", count=len(requests)), t("ui.cert.cancel"), work,
            lambda done: self._issued(done, path), self._issue_failed)

    def _issued(self, done: BatchResult, path: Path) -> None:
        self.progress = None
        text = serial_range(done.serials)
        self.note.setText(f"{text} {t('ui.cert.issued_where', path=str(path))}")
        self.refresh()
        answer = QMessageBox.question(
            self, t("ui.cert.issue_title"),
            f"{text}\n{t('ui.cert.issued_where', path=str(path))}\n\n"
            f"{t('ui.cert.issued_open')}")
        if answer != QMessageBox.StandardButton.Yes:
            return
        title = (t("ui.cert.batch_title", first=done.serials[0], last=done.serials[-1])
                 if len(done.serials) > 1 else done.serials[0])
        self.runner.run(path.read_bytes,
                        lambda data: self.open_preview(data, title, path.name, saved=path),
                        lambda exc: show_error(self, exc))

    def _issue_failed(self, exc: BaseException) -> None:
        cancelled = self.progress is not None and self.progress.cancelled
        self.progress = None
        self._update_buttons()
        if cancelled or (isinstance(exc, UserError) and exc.key == "error.cancelled"):
            self.message.show_message(t("ui.cert.cancelled"))
            self.refresh()
            return
        show_error(self, exc)

    # -- the register -----------------------------------------------------------------------
    def reprint(self) -> None:
        chosen = self._selected_register()
        if chosen is None:
            return
        certificates, lang = self.services.certificates, i18n.language()
        self.runner.run(
            lambda: certificates.reprint_pdf(chosen.id, lang=lang),
            lambda data: self.open_preview(data, t("ui.cert.reprint_title", serial=chosen.serial),
                                           f"{file_part(chosen.serial)}.pdf",
                                           reprint_of=chosen.id),
            lambda exc: show_error(self, exc))

    def ask_revoke(self) -> None:
        chosen = self._selected_register()
        if chosen is None or chosen.status is not CertificateStatus.VALID:
            return
        ask = ReasonDialog(t("ui.cert.revoke_title", serial=chosen.serial),
                           t("ui.cert.revoke_question"), self, ok_text=t("ui.cert.revoke_ok"),
                           empty_key="ui.cert.reason_required")
        ask.accepted.connect(lambda: self.revoke(chosen.serial, ask.text()))
        self.dialog = ask
        ask.open()

    def revoke(self, serial: str, reason: str) -> None:
        certificates = self.services.certificates

        def done(row: RegisterRow) -> None:
            self.register_note.setText(t("ui.cert.revoked", serial=row.serial))
            self.refresh()

        self.runner.run(lambda: certificates.revoke(serial, reason), done,
                        lambda exc: show_error(self, exc))

    def ask_reissue(self) -> None:
        chosen = self._selected_register()
        if chosen is None or chosen.status is not CertificateStatus.VALID:
            return
        ask = ReissueDialog(chosen, self)
        ask.accepted.connect(lambda: self._reissue_to(chosen, ask.reason.text().strip(),
                                                      ask.name.text().strip()))
        self.dialog = ask
        ask.open()

    def _reissue_to(self, old: RegisterRow, reason: str, name: str) -> None:
        target = choose_save_path(self, t("ui.cert.reissue_title", serial=old.serial),
                                  documents() / f"sertifikat-{old.participant_code}.pdf",
                                  t("ui.access.pdf_filter"))
        if target is None:
            return
        path, overwrite = target
        certificates, template, lang = self.services.certificates, self._template_id(), \
            i18n.language()

        def done(made: BatchResult) -> None:
            self.register_note.setText(
                f"{t('ui.cert.reissued', serial=made.serials[0], old=old.serial)} "
                f"{t('ui.cert.issued_where', path=str(path))}")
            self.refresh()

        self.runner.run(lambda: certificates.reissue(old.id, reason, path, printed_name=name,
                                                     template_id=template, overwrite=overwrite,
                                                     lang=lang),
                        done, lambda exc: show_error(self, exc))

    def open_verify(self) -> None:
        from kdrt_desk.ui.certificate_verify_dialog import CertificateVerifyDialog

        chosen = self._selected_register()
        dialog = CertificateVerifyDialog(self.services, self.runner, self,
                                         code=chosen.code if chosen is not None else "")
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()


__all__ = ["CertificatesView", "ReissueDialog"]
