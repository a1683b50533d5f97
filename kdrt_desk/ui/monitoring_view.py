"""The case worker's assessment screen ("Asesmen"): the alerts she must act on (acknowledge,
record what was done), the assessment rounds due this week or overdue (hers only, or everyone's),
and the blank paper form of each instrument to print. Admin and Konselor only: alerts and rounds
are about mental health."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.assessment import AlertView, DueRound
from kdrt_desk.domain.instruments import Instrument
from kdrt_desk.i18n import format_date, label, language, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.alert_dialog import AlertActionDialog, alert_words
from kdrt_desk.ui.widgets.empty_hint import empty_hint, show_empty
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.files import choose_save_path
from kdrt_desk.ui.widgets.look import ERROR_TEXT, HIGH_RISK, HINT, OK, SECTION, mark, primary
from kdrt_desk.ui.widgets.tables import fit_columns, table
from kdrt_desk.wiring import Services

DUE_COLUMNS = ("due", "state", "participant", "group", "instrument", "round")


class MonitoringView(QWidget):
    open_requested = Signal(int)  # a participant's record
    alerts_counted = Signal(int)  # open alerts for me (the login banner)

    def __init__(self, services: Services, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.alerts: list[AlertView] = []
        self.due: list[DueRound] = []
        self.instruments: list[Instrument] = []
        self.dialog: AlertActionDialog | None = None
        self.loaded = False
        may_act = services.vault.actor.may(Permission.EDIT_RESTRICTED)

        self.alert_title = mark(QLabel(t("ui.monitoring.alerts")), SECTION)
        self.alert_list = QListWidget()
        self.alert_list.setMaximumHeight(170)
        self.alert_list.itemSelectionChanged.connect(self._update_buttons)
        self.alert_list.itemDoubleClicked.connect(lambda _i: self._open_alert_record())
        self.no_alerts = mark(QLabel(t("ui.monitoring.no_alerts")), OK)
        self.ack_button = QPushButton(t("ui.monitoring.acknowledge"))
        self.ack_button.setToolTip(t("ui.monitoring.acknowledge_hint"))
        self.ack_button.clicked.connect(self.acknowledge)
        self.handle_button = primary(QPushButton(t("ui.alert.handle")))
        self.handle_button.clicked.connect(self.open_handle)
        self.handle_button.setToolTip(t("ui.tip.monitoring.handle"))
        self.empty_hint = empty_hint(t("ui.hints.monitoring.empty"))
        for button in (self.ack_button, self.handle_button):
            button.setVisible(may_act)
        alert_buttons = QHBoxLayout()
        alert_buttons.addWidget(self.handle_button)
        alert_buttons.addWidget(self.ack_button)
        alert_buttons.addStretch(1)

        self.due_title = mark(QLabel(t("ui.monitoring.due")), SECTION)
        self.mine_only = QCheckBox(t("ui.monitoring.mine_only"))
        self.mine_only.toggled.connect(lambda _on: self.refresh())
        due_bar = QHBoxLayout()
        due_bar.addWidget(self.due_title)
        due_bar.addStretch(1)
        due_bar.addWidget(self.mine_only)
        self.due_table = table([t(f"ui.monitoring.col_{c}") for c in DUE_COLUMNS])
        self.due_table.doubleClicked.connect(lambda _index: self._open_due_record())
        self.due_count = mark(QLabel(), HINT)

        self.form_choice = QComboBox()
        self.form_button = QPushButton(t("ui.monitoring.print_form"))
        self.form_button.clicked.connect(self.print_form)
        self.form_preview_button = QPushButton(t("ui.print.preview"))
        self.form_preview_button.clicked.connect(self.preview_form)
        self.form_button.setToolTip(t("ui.tip.monitoring.print_form"))
        self.form_preview_button.setToolTip(t("ui.tip.monitoring.preview_form"))
        self.preview_dialog: QWidget | None = None
        forms = QHBoxLayout()
        forms.addWidget(QLabel(t("ui.monitoring.paper_form")))
        forms.addWidget(self.form_choice, 1)
        forms.addWidget(self.form_button)
        forms.addWidget(self.form_preview_button)
        self.message = ErrorLabel()
        self.saved_note = mark(QLabel(), OK)
        self.saved_note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.alert_title)
        layout.addWidget(self.no_alerts)
        layout.addWidget(self.alert_list)
        layout.addLayout(alert_buttons)
        layout.addLayout(due_bar)
        layout.addWidget(self.due_table, 1)
        layout.addWidget(self.due_count)
        layout.addLayout(forms)
        layout.addWidget(self.saved_note)
        layout.addWidget(self.message)
        self._update_buttons()

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        services, mine = self.services, self.mine_only.isChecked()

        def load() -> tuple[list[AlertView], list[DueRound], list[Instrument]]:
            return (services.alerts.open_for_me(), services.assessments.due(mine_only=mine),
                    services.instruments.in_use())

        self.runner.run(load, self._show, lambda exc: show_error(self, exc),
                        latest=(self, "list"))

    def clear(self) -> None:
        self.runner.drop((self, "list"))
        if self.dialog is not None:
            self.dialog.reject()
        self.alerts, self.due = [], []
        self.alert_list.clear()
        self.due_table.setRowCount(0)
        show_empty(self.empty_hint, False)
        self.loaded = False

    def _show(self, loaded: tuple[list[AlertView], list[DueRound], list[Instrument]]) -> None:
        self.alerts, self.due, self.instruments = loaded
        self.loaded = True
        self.alert_list.clear()
        for alert in self.alerts:
            state = (t("ui.monitoring.acknowledged_by", by=alert.acknowledged_by)
                     if alert.acknowledged_at else t("ui.alert.state_open"))
            entry = QListWidgetItem(f"{alert_words(alert)} — {state}")
            entry.setToolTip(alert.item_text)
            self.alert_list.addItem(entry)
        self.alert_list.setVisible(bool(self.alerts))
        self.no_alerts.setVisible(not self.alerts)
        mark(self.alert_title, HIGH_RISK if self.alerts else SECTION)
        self.alert_title.setText(t("ui.monitoring.alerts_count", count=len(self.alerts))
                                 if self.alerts else t("ui.monitoring.alerts"))
        today = date.today()
        self.due_table.setRowCount(len(self.due))
        for row, due in enumerate(self.due):
            late = due.overdue(today)
            cells = (format_date(due.due_on),
                     t("ui.monitoring.overdue") if late else t("ui.monitoring.this_week"),
                     f"{due.name} ({due.code})", due.group_name, due.instrument_code,
                     label(due.round))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if late and column == 1:
                    item.setForeground(ERROR_TEXT)
                self.due_table.setItem(row, column, item)
        fit_columns(self.due_table, keep={2})
        overdue = sum(1 for d in self.due if d.overdue(today))
        self.due_count.setText(t("ui.monitoring.due_count", count=len(self.due),
                                 overdue=overdue))
        current = self.form_choice.currentData()
        self.form_choice.clear()
        for instrument in self.instruments:
            self.form_choice.addItem(instrument.name(language()), instrument.code)
        if current is not None:
            self.form_choice.setCurrentIndex(max(self.form_choice.findData(current), 0))
        self.form_button.setEnabled(bool(self.instruments))
        self.form_preview_button.setEnabled(bool(self.instruments))
        self._update_buttons()
        show_empty(self.empty_hint, not self.alerts and not self.due)
        self.alerts_counted.emit(len(self.alerts))

    def _selected_alert(self) -> AlertView | None:
        row = self.alert_list.currentRow()
        return self.alerts[row] if 0 <= row < len(self.alerts) else None

    def _update_buttons(self) -> None:
        alert = self._selected_alert()
        self.handle_button.setEnabled(alert is not None)
        self.ack_button.setEnabled(alert is not None and alert.acknowledged_at is None)

    # -- actions ----------------------------------------------------------------------------
    def acknowledge(self) -> None:
        alert = self._selected_alert()
        if alert is None:
            return
        alerts, alert_id = self.services.alerts, alert.id
        self.runner.run(lambda: alerts.acknowledge(alert_id), lambda _v: self.refresh(),
                        lambda exc: show_error(self, exc))

    def open_handle(self) -> None:
        alert = self._selected_alert()
        if alert is None:
            return
        self.dialog = AlertActionDialog(self.services, self.runner, alert, parent=self)
        self.dialog.saved.connect(lambda _v: self.refresh())
        self.dialog.open()

    def _open_alert_record(self) -> None:
        alert = self._selected_alert()
        if alert is not None:
            self.open_requested.emit(alert.participant_id)

    def _open_due_record(self) -> None:
        row = self.due_table.currentRow()
        if 0 <= row < len(self.due):
            self.open_requested.emit(self.due[row].participant_id)

    def print_form(self) -> None:
        index = self.form_choice.currentIndex()
        if not 0 <= index < len(self.instruments):
            return
        instrument = self.instruments[index]
        target = choose_save_path(self, t("ui.monitoring.print_form"),
                                  f"formulir-{instrument.code.lower()}.pdf",
                                  t("ui.access.pdf_filter"))
        if target is None:
            return
        path, overwrite = target
        forms, lang = self.services.instrument_forms, language()
        self.runner.run(lambda: forms.write_form(instrument, lang, path, overwrite=overwrite),
                        lambda written: self.saved_note.setText(
                            t("ui.monitoring.form_saved", path=str(written))),
                        lambda exc: show_error(self, exc))

    def preview_form(self) -> None:
        """The chosen blank form in the preview, from where it is printed or saved."""
        index = self.form_choice.currentIndex()
        if not 0 <= index < len(self.instruments):
            return
        instrument = self.instruments[index]
        forms, lang = self.services.instrument_forms, language()

        def show(data: bytes) -> None:
            from kdrt_desk.ui.widgets.pdf_preview import PdfPreviewDialog

            def save(path: Path, overwrite: bool) -> Path:
                written = forms.write_form(instrument, lang, path, overwrite=overwrite)
                self.saved_note.setText(t("ui.monitoring.form_saved", path=str(written)))
                return written

            dialog = PdfPreviewDialog(
                self, data, kind="instrument_form",
                title=t("ui.print.doc.instrument_form", name=instrument.name(lang)),
                suggested_name=f"formulir-{instrument.code.lower()}.pdf", save=save,
                print_audit=lambda: forms.record_form_printed(instrument))
            dialog.finished.connect(lambda _code: dialog.deleteLater())
            self.preview_dialog = dialog
            dialog.open()

        self.runner.run(lambda: forms.form_pdf(instrument, lang), show,
                        lambda exc: show_error(self, exc))
