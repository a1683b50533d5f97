"""A participant's training: her groups, her progress per module against its completion rule,
and recording a skill assessment."""

from __future__ import annotations

from typing import TYPE_CHECKING

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

from kdrt_desk.domain.skills import SkillRubric
from kdrt_desk.domain.training import Membership, ModuleProgress
from kdrt_desk.i18n import format_date, label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.form_widgets import from_qdate
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.forms import date_edit, fit_height, hint_label, plain
from kdrt_desk.ui.widgets.look import BELOW_MINIMUM, COMPLETED, SECTION, mark, primary
from kdrt_desk.ui.widgets.tables import read_only
from kdrt_desk.wiring import Services

if TYPE_CHECKING:
    from kdrt_desk.ui.progress_report_dialog import ProgressReportDialog

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
        self.report_dialog: ProgressReportDialog | None = None
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
        self.report_button = QPushButton(t("ui.progress.print"))
        self.report_button.clicked.connect(self.open_progress_report)
        buttons.addWidget(self.report_button)
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


    def open_progress_report(self) -> ProgressReportDialog:
        """Ask how to print her progress report, then where to save it."""
        from kdrt_desk.ui.progress_report_dialog import ProgressReportDialog

        self.report_dialog = ProgressReportDialog(self.services, self.runner,
                                                  self.participant_id, self)
        self.report_dialog.open()
        return self.report_dialog


class AssessmentDialog(FormDialog):
    """Passed or not, on a date, with an optional score (0–100). When the module has a skill
    rubric: one level per criterion instead, and passed is worked out from them."""

    ready = Signal()  # the module's rubric (if any) has loaded

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
        self.form, self.outcome = form, outcome
        self.rubric: SkillRubric | None = None
        self.level_combos: list[QComboBox] = []
        self.intro = hint_label(t("ui.training.assess_intro"))
        self.preview = QLabel()
        self.finish_layout(form, t("ui.training.save"), self.intro, 520)
        self.buttons.setEnabled(False)
        catalogue, attendance = services.catalogue, services.attendance

        def load() -> tuple[SkillRubric | None, tuple[int, ...]]:
            rubric = catalogue.skill_rubric(self.module_id)
            before = (attendance.assessment_levels(participant_id, self.module_id)
                      if rubric is not None else ())
            return rubric, before

        runner.run(load, self._rubric_loaded, self._load_failed)

    def _rubric_loaded(self, found: tuple[SkillRubric | None, tuple[int, ...]]) -> None:
        if not isValid(self):
            return
        self.rubric, before = found
        if self.rubric is not None:
            rubric = self.rubric
            cell = self.outcome.parentWidget()
            if cell is not None:
                self.form.setRowVisible(cell, False)
            first = rubric.criteria[0]
            self.intro.setText(t("ui.skills.assess_intro", level=rubric.pass_level,
                                 label=first.label(rubric.pass_level)))
            kept = len(before) == len(rubric.criteria)
            for n, criterion in enumerate(rubric.criteria):
                combo = QComboBox()
                combo.setPlaceholderText(t("ui.skills.choose_level"))
                for level, text in enumerate(criterion.level_labels, start=1):
                    combo.addItem(t("ui.skills.level_choice", level=level, label=text), level)
                combo.setCurrentIndex(before[n] - 1 if kept and before[n] <= combo.count()
                                      else -1)
                combo.currentIndexChanged.connect(self._show_preview)
                error = self.errors.add_row(self.form, criterion.name.replace("&", "&&"),
                                            f"levels.{n}", combo, True)
                combo.currentIndexChanged.connect(lambda _i, e=error: e.show_message(""))
                cell = error.parentWidget()
                name = self.form.labelForField(cell) if cell is not None else None
                if isinstance(name, QLabel):
                    plain(name)  # an admin typed it: shown as typed
                self.level_combos.append(combo)
            self.form.addRow("", self.preview)
            self._show_preview()
            fit_height(self)
        self.buttons.setEnabled(True)
        self.ready.emit()

    def _load_failed(self, exc: BaseException) -> None:
        if isValid(self):
            show_error(self, exc)
            self.reject()

    def chosen_levels(self) -> list[int | None]:
        return [None if c.currentIndex() < 0 else int(c.currentData())
                for c in self.level_combos]

    def _show_preview(self) -> None:
        levels = self.chosen_levels()
        if self.rubric is None:
            return
        if any(level is None for level in levels):
            self.preview.setText(t("ui.skills.preview_incomplete"))
        else:
            self.preview.setText(t("ui.skills.preview_passed") if self.rubric.passed(
                [level for level in levels if level is not None])
                else t("ui.skills.preview_failed"))

    def submit(self) -> None:
        attendance, pid, module = self.services.attendance, self.participant_id, self.module_id
        passed, day = self.passed.isChecked(), from_qdate(self.on.date())
        score = None if self.score.value() < 0 else self.score.value()
        levels = self.chosen_levels() if self.rubric is not None else None

        self.run(lambda: attendance.record_assessment(pid, module, passed, on=day, score=score,
                                                      levels=levels))
