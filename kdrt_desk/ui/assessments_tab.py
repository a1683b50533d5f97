"""Her psychosocial assessments on her record ("Asesmen psikososial"): every assessment with
its score and band as the service computed it, items left out shown as such, a new assessment
through the fast entry, and her alerts with what was done about them.

Shown only to roles that hold the restricted key (Admin, Konselor): the scores describe her
mental health.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.assessment import AlertView, AssessmentView
from kdrt_desk.domain.instruments import Instrument, band_label
from kdrt_desk.i18n import format_count, format_date, label, language, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.alert_dialog import AlertActionDialog, alert_words
from kdrt_desk.ui.assessment_dialog import AssessmentDialog
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.look import HIGH_RISK, RESTRICTED, SECTION, mark, primary
from kdrt_desk.ui.widgets.tables import fit_columns, table
from kdrt_desk.wiring import Services

COLUMNS = ("date", "instrument", "round", "score", "band", "missing", "by")


def score_words(view: AssessmentView, instrument: Instrument | None) -> tuple[str, str]:
    """The score as shown ("68 %", "—" when too many items were left out) and its band."""
    result = view.score
    if result is None:
        return "", ""
    if result.value is None:
        return t("ui.assessment.no_score"), ""
    unit = instrument.value_unit if instrument else ""
    number = format_count(result.value)
    band = band_label(instrument, result.band, language()) if instrument else result.band
    return (f"{number} {unit}".strip(), band)


class AssessmentsTab(QWidget):
    changed = Signal()

    def __init__(self, services: Services, runner: TaskRunner, participant_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.participant_id = participant_id
        self.rows: list[AssessmentView] = []
        self.alerts: list[AlertView] = []
        self.instruments: dict[tuple[str, int], Instrument] = {}
        self.in_use: list[Instrument] = []
        self.dialog: AssessmentDialog | AlertActionDialog | None = None
        self.may_enter = may_enter = services.vault.actor.may(Permission.EDIT_RESTRICTED)

        note = mark(QLabel(t("ui.assessment.tab_note")), RESTRICTED)
        note.setWordWrap(True)
        self.new_button = primary(QPushButton(t("ui.assessment.new")))
        self.new_button.setVisible(may_enter)
        self.new_button.clicked.connect(self.open_new)
        self.new_button.setEnabled(False)  # until the instruments in use are known
        self.loaded = False
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        self.table = table([t(f"ui.assessment.col_{c}") for c in COLUMNS])
        self.message = ErrorLabel()
        self.alert_title = mark(QLabel(t("ui.alert.her_alerts")), SECTION)
        self.alert_list = QListWidget()
        self.alert_list.setMaximumHeight(130)
        self.alert_list.itemSelectionChanged.connect(self._update_buttons)
        self.handle_button = QPushButton(t("ui.alert.handle"))
        self.handle_button.setVisible(may_enter)
        self.handle_button.clicked.connect(self.open_handle)
        alert_buttons = QHBoxLayout()
        alert_buttons.addWidget(self.handle_button)
        alert_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.alert_title)
        layout.addWidget(self.alert_list)
        layout.addLayout(alert_buttons)
        self._update_buttons()
        self.refresh()

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        services, pid = self.services, self.participant_id

        def load() -> tuple[list[AssessmentView], list[AlertView], list[Instrument],
                            dict[tuple[str, int], Instrument]]:
            rows = services.assessments.for_participant(pid)
            used = {(r.instrument_code, r.instrument_version) for r in rows}
            known = {key: services.instruments.get(*key) for key in used}
            return (rows, services.alerts.for_participant(pid), services.instruments.in_use(),
                    known)

        self.runner.run(load, self._show, lambda exc: show_error(self, exc),
                        latest=(self, "list"))

    def clear(self) -> None:
        self.runner.drop((self, "list"))
        if self.dialog is not None:
            self.dialog.reject()
        self.rows, self.alerts = [], []
        self.table.setRowCount(0)
        self.alert_list.clear()

    def _show(self, loaded: tuple[list[AssessmentView], list[AlertView], list[Instrument],
                                  dict[tuple[str, int], Instrument]]) -> None:
        self.rows, self.alerts, self.in_use, self.instruments = loaded
        self.loaded = True
        self.rows.sort(key=lambda r: (r.assessed_on, r.id), reverse=True)
        self.table.setRowCount(len(self.rows))
        for row, view in enumerate(self.rows):
            instrument = self.instruments.get((view.instrument_code, view.instrument_version))
            value, band = score_words(view, instrument)
            missing = view.score.missing if view.score else 0
            cells = (format_date(view.assessed_on),
                     instrument.name(language()) if instrument else view.instrument_code,
                     label(view.round), value, band,
                     t("ui.assessment.missing", count=missing) if missing else "",
                     view.recorded_by)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        fit_columns(self.table)
        self.alert_list.clear()
        for alert in sorted(self.alerts, key=lambda a: a.raised_at, reverse=True):
            words = alert_words(alert)
            state = (t("ui.alert.state_done", by=alert.done_by, action=alert.action)
                     if not alert.is_open else t("ui.alert.state_open"))
            item = QListWidgetItem(f"{words} — {state}")
            item.setToolTip(f"{alert.item_text}\n{state}")
            self.alert_list.addItem(item)
        self.alert_title.setVisible(bool(self.alerts))
        self.alert_list.setVisible(bool(self.alerts))
        if any(a.is_open for a in self.alerts):
            mark(self.alert_title, HIGH_RISK)
        self.new_button.setEnabled(bool(self.in_use))
        self._update_buttons()

    def _selected_alert(self) -> AlertView | None:
        row = self.alert_list.currentRow()
        ordered = sorted(self.alerts, key=lambda a: a.raised_at, reverse=True)
        return ordered[row] if 0 <= row < len(ordered) else None

    def _update_buttons(self) -> None:
        alert = self._selected_alert()
        self.handle_button.setEnabled(alert is not None and alert.is_open)
        self.handle_button.setVisible(self.may_enter and bool(self.alerts))

    # -- actions ----------------------------------------------------------------------------
    def open_new(self) -> None:
        if not self.in_use:
            return
        self.dialog = AssessmentDialog(self.services, self.runner, self.participant_id,
                                       self.in_use, parent=self)
        self.dialog.saved.connect(lambda _view: self._after_change())
        self.dialog.open()

    def open_handle(self) -> None:
        alert = self._selected_alert()
        if alert is None or not alert.is_open:
            return
        self.dialog = AlertActionDialog(self.services, self.runner, alert, parent=self)
        self.dialog.saved.connect(lambda _view: self._after_change())
        self.dialog.open()

    def _after_change(self) -> None:
        self.refresh()
        self.changed.emit()
