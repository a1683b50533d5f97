"""A participant's training: her groups, her progress per module against its completion rule,
and recording a skill assessment."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk.domain.training import Membership, ModuleProgress
from kdrt_desk.i18n import format_date, label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.form_widgets import from_qdate
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.forms import date_edit
from kdrt_desk.ui.widgets.look import BELOW_MINIMUM, COMPLETED, SECTION, mark, primary
from kdrt_desk.ui.widgets.tables import read_only
from kdrt_desk.wiring import Services

GROUP_COLUMNS = ("group", "joined", "status")
PROGRESS_COLUMNS = ("module", "attended", "percent", "minimum", "assessment", "result")
BELOW = BELOW_MINIMUM
DONE = COMPLETED


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    return item


def _table(columns: tuple[str, ...]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels([t(f"ui.training.col_{c}") for c in columns])
    read_only(table)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class TrainingTab(QWidget):
    loaded = Signal(int)  # modules shown

    def __init__(self, services: Services, runner: TaskRunner, participant_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.participant_id = participant_id
        self.progress: list[ModuleProgress] = []
        self.titles: dict[int, str] = {}
        self.dialog: AssessmentDialog | None = None
        self.may_assess = services.vault.actor.may(Permission.TAKE_ATTENDANCE)

        intro = QLabel(t("ui.training.intro"))
        intro.setWordWrap(True)
        self.groups = _table(GROUP_COLUMNS)
        self.groups.setMaximumHeight(100)
        self.table = _table(PROGRESS_COLUMNS)
        self.assess_button = primary(QPushButton(t("ui.training.assess")))
        self.assess_button.setVisible(self.may_assess)
        self.assess_button.setEnabled(False)
        self.assess_button.clicked.connect(self.open_assessment)
        self.table.itemSelectionChanged.connect(
            lambda: self.assess_button.setEnabled(self._selected() is not None))
        self.message = ErrorLabel()
        self.empty = QLabel(t("ui.training.none"))
        self.empty.setWordWrap(True)
        self.empty.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.assess_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(mark(QLabel(t("ui.training.groups")), SECTION))
        layout.addWidget(self.groups)
        layout.addWidget(mark(QLabel(t("ui.training.progress")), SECTION))
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        groups, attendance = self.services.groups, self.services.attendance
        catalogue, pid = self.services.catalogue, self.participant_id

        def load() -> tuple[list[Membership], list[ModuleProgress], dict[int, str]]:
            titles = {m.id: f"{m.code} {m.title}"
                      for m in catalogue.modules(include_archived=True)}
            return groups.memberships(pid), attendance.participant_progress(pid), titles

        self.runner.run(load, self._loaded, self._failed)

    def _loaded(self, found: tuple[list[Membership], list[ModuleProgress],
                                   dict[int, str]]) -> None:
        if not isValid(self):
            return
        memberships, self.progress, self.titles = found
        self.groups.setRowCount(len(memberships))
        for row, m in enumerate(memberships):
            status = label(m.status)
            if m.ended_on is not None:
                status = t("ui.training.ended", status=status, date=format_date(m.ended_on))
            for column, text in enumerate((m.group_name, format_date(m.enrolled_on), status)):
                self.groups.setItem(row, column, _cell(text))
        self.table.setRowCount(len(self.progress))
        for row, p in enumerate(self.progress):
            self._show(row, p)
        self.empty.setVisible(not memberships)
        self.loaded.emit(len(self.progress))

    def _show(self, row: int, p: ModuleProgress) -> None:
        if p.assessment_required:
            assessment = {None: t("ui.training.not_assessed"), True: t("ui.training.passed"),
                          False: t("ui.training.not_passed")}[p.assessment_passed]
        else:
            assessment = t("ui.training.no_assessment")
        result = (t("ui.training.completed") if p.completed
                  else t("ui.training.no_sessions") if not p.held
                  else t("ui.training.below") if not p.meets_attendance
                  else t("ui.training.awaiting_assessment"))
        texts = (self.titles.get(p.module_id, p.module_code),
                 t("ui.training.attended", attended=p.attended, held=p.held),
                 f"{p.percent}%" if p.held else "—", f"{p.min_pct}%", assessment, result)
        colour = DONE if p.completed else BELOW if p.held and not p.meets_attendance else None
        for column, text in enumerate(texts):
            item = _cell(text)
            if colour is not None:
                item.setBackground(QBrush(colour))
            self.table.setItem(row, column, item)

    def _failed(self, exc: BaseException) -> None:
        if isValid(self):
            show_error(self, exc)

    def _selected(self) -> ModuleProgress | None:
        rows = self.table.selectionModel().selectedRows()
        return self.progress[rows[0].row()] if rows else None

    def open_assessment(self) -> AssessmentDialog | None:
        chosen = self._selected()
        if chosen is None or not self.may_assess:
            return None
        self.dialog = AssessmentDialog(self.services, self.runner, self.participant_id,
                                       chosen, self.titles.get(chosen.module_id, ""), self)
        self.dialog.saved.connect(lambda _result: self.refresh())
        self.dialog.open()
        return self.dialog


class AssessmentDialog(FormDialog):
    """Passed or not, on a date, with an optional score (0–100)."""

    def __init__(self, services: Services, runner: TaskRunner, participant_id: int,
                 progress: ModuleProgress, title: str, parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.participant_id = participant_id
        self.module_id = progress.module_id
        self.setWindowTitle(t("ui.training.assess_title"))
        self.passed = QRadioButton(t("ui.training.passed"))
        self.failed = QRadioButton(t("ui.training.not_passed"))
        self.passed.setChecked(progress.assessment_passed is not False)
        self.failed.setChecked(progress.assessment_passed is False)
        choice = QButtonGroup(self)
        choice.addButton(self.passed)
        choice.addButton(self.failed)
        outcome = QWidget()
        row = QHBoxLayout(outcome)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.passed)
        row.addWidget(self.failed)
        row.addStretch(1)
        self.on = date_edit()
        self.score = QSpinBox()
        self.score.setRange(-1, 100)
        self.score.setSpecialValueText(t("ui.training.no_score"))
        self.score.setValue(-1)
        self.module = QComboBox()
        self.module.addItem(title or progress.module_code)
        self.module.setEnabled(False)
        form = QFormLayout()
        self.errors.add_row(form, t("ui.training.col_module"), "module", self.module)
        self.errors.add_row(form, t("ui.training.result_label"), "passed", outcome, True)
        self.errors.add_row(form, t("ui.training.date_label"), "on", self.on, True)
        self.errors.add_row(form, t("ui.training.score_label"), "score", self.score)
        self.finish_layout(form, t("ui.training.save"), t("ui.training.assess_intro"), 460)

    def submit(self) -> None:
        attendance, pid, module = self.services.attendance, self.participant_id, self.module_id
        passed, day = self.passed.isChecked(), from_qdate(self.on.date())
        score = None if self.score.value() < 0 else self.score.value()

        self.run(lambda: attendance.record_assessment(pid, module, passed, on=day, score=score))
