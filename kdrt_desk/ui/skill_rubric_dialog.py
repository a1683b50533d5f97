"""The admin's skill rubric of an economic module: the levels (named, e.g. 1 "Pemula" to
4 "Mandiri"), the criteria assessed on them, and the pass level every criterion must reach.

Every criterion shares the dialog's levels. The service checks the rubric (``check_rubric``);
its messages show beside the criterion, the levels or the pass level they are about.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk.domain.skills import (
    DEFAULT_LEVELS,
    DEFAULT_PASS_LEVEL,
    LABEL_LIMIT,
    MAX_CRITERIA,
    MAX_LEVELS,
    MIN_LEVELS,
    NAME_LIMIT,
    SkillCriterion,
    SkillRubric,
)
from kdrt_desk.i18n import t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.widgets.errors import ErrorLabel, failure_messages, show_error
from kdrt_desk.ui.widgets.forms import fit_height
from kdrt_desk.ui.widgets.look import SECTION, mark
from kdrt_desk.wiring import Services


def level_choice(level: int, text: str) -> str:
    return t("ui.skills.level_choice", level=level, label=text)


class SkillRubricDialog(FormDialog):
    """Define, change or remove one module's rubric; ``saved`` carries the rubric (or None)."""

    ready = Signal()  # the module's rubric has loaded

    def __init__(self, services: Services, runner: TaskRunner, module_id: int, code: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.module_id = module_id
        self.setWindowTitle(t("ui.skills.title", code=code))
        self.level_count = QSpinBox()
        self.level_count.setRange(MIN_LEVELS, MAX_LEVELS)
        self.level_count.setValue(len(DEFAULT_LEVELS))
        self.level_count.setMinimumWidth(80)
        self.level_edits: list[QLineEdit] = []
        self.level_form = QFormLayout()
        self.levels_error = ErrorLabel()
        self.criterion_edits: list[QLineEdit] = []
        self.remove_buttons: list[QPushButton] = []
        self.criterion_rows: list[tuple[QWidget, QLabel, ErrorLabel]] = []
        self.criteria_box = QVBoxLayout()
        self.criteria_box.setSpacing(4)
        self.criteria_error = ErrorLabel()
        self.add_button = QPushButton(t("ui.skills.add_criterion"))
        self.add_button.clicked.connect(lambda: self.add_criterion(""))
        self.pass_level = QComboBox()
        self.pass_level.setMinimumWidth(220)
        self.remove_rubric = QPushButton(t("ui.skills.remove_rubric"))
        self.remove_rubric.clicked.connect(self.submit_removal)
        self.remove_rubric.setEnabled(False)

        form = QFormLayout()
        count_row = QWidget()
        row = QHBoxLayout(count_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.level_count)
        row.addStretch(1)
        form.addRow(mark(QLabel(t("ui.skills.levels_section")), SECTION))
        form.addRow(t("ui.skills.level_count"), count_row)
        form.addRow(self.level_form)
        form.addRow(self.levels_error)
        form.addRow(mark(QLabel(t("ui.skills.criteria_section")), SECTION))
        form.addRow(self.criteria_box)
        adding = QHBoxLayout()
        adding.addWidget(self.add_button)
        adding.addStretch(1)
        form.addRow(adding)
        form.addRow(self.criteria_error)
        pass_row = QWidget()
        column = QVBoxLayout(pass_row)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.pass_level)
        hint = QLabel(t("ui.skills.pass_hint"))
        hint.setWordWrap(True)
        column.addWidget(hint)
        self.errors.add_row(form, t("ui.skills.pass_level"), "pass_level", pass_row, True)
        self.set_levels(DEFAULT_LEVELS)
        self.pass_level.setCurrentIndex(DEFAULT_PASS_LEVEL - 1)
        self.level_count.valueChanged.connect(self._count_changed)
        removal = QHBoxLayout()
        removal.addWidget(self.remove_rubric)
        removal.addStretch(1)
        holder = QWidget()
        holder.setLayout(removal)
        self.finish_layout(form, t("ui.skills.save"), t("ui.skills.intro"), 620, [holder])
        self.buttons.setEnabled(False)
        catalogue = services.catalogue
        runner.run(lambda: catalogue.skill_rubric(module_id), self._loaded, self._load_failed)

    # -- filling -------------------------------------------------------------------------------
    def _loaded(self, rubric: SkillRubric | None) -> None:
        if not isValid(self):
            return
        if rubric is None:
            self.add_criterion("")
        else:
            self.set_levels(rubric.criteria[0].level_labels)
            for criterion in rubric.criteria:
                self.add_criterion(criterion.name)
            self.pass_level.setCurrentIndex(rubric.pass_level - 1)
        self.remove_rubric.setEnabled(rubric is not None)
        self.buttons.setEnabled(True)
        self.ready.emit()

    def _load_failed(self, exc: BaseException) -> None:
        if isValid(self):
            show_error(self, exc)
            self.reject()

    def set_levels(self, labels: tuple[str, ...] | list[str]) -> None:
        """Show ``labels`` as the levels (their count follows)."""
        self.level_count.blockSignals(True)
        self.level_count.setValue(len(labels))
        self.level_count.blockSignals(False)
        self._rebuild_levels(list(labels))

    def _count_changed(self, count: int) -> None:
        texts = [e.text() for e in self.level_edits]
        self._rebuild_levels([texts[i] if i < len(texts) else "" for i in range(count)])

    def _rebuild_levels(self, labels: list[str]) -> None:
        chosen = self.pass_level.currentIndex()
        while self.level_form.rowCount():
            self.level_form.removeRow(0)
        self.level_edits = []
        for level, text in enumerate(labels, start=1):
            edit = QLineEdit(text)
            edit.setMaxLength(LABEL_LIMIT)
            edit.textChanged.connect(self._refresh_pass_levels)
            self.level_form.addRow(t("ui.skills.level_n", level=level), edit)
            self.level_edits.append(edit)
        self._refresh_pass_levels()
        if 0 <= chosen < len(labels):
            self.pass_level.setCurrentIndex(chosen)
        else:
            self.pass_level.setCurrentIndex(len(labels) - 1)

    def _refresh_pass_levels(self) -> None:
        chosen = self.pass_level.currentIndex()
        self.pass_level.blockSignals(True)
        self.pass_level.clear()
        for level, edit in enumerate(self.level_edits, start=1):
            self.pass_level.addItem(level_choice(level, edit.text().strip()), level)
        self.pass_level.setCurrentIndex(min(chosen, self.pass_level.count() - 1))
        self.pass_level.blockSignals(False)

    def add_criterion(self, name: str) -> None:
        if len(self.criterion_edits) >= MAX_CRITERIA:
            return
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        label = QLabel()
        edit = QLineEdit(name)
        edit.setMaxLength(NAME_LIMIT)
        edit.setPlaceholderText(t("ui.skills.criterion_placeholder"))
        remove = QPushButton(t("ui.skills.remove_criterion"))
        remove.clicked.connect(lambda: self.remove_criterion(self.remove_buttons.index(remove)))
        line.addWidget(label)
        line.addWidget(edit, 1)
        line.addWidget(remove)
        error = ErrorLabel()
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(row)
        column.addWidget(error)
        self.criteria_box.addWidget(cell)
        self.criterion_rows.append((cell, label, error))
        self.criterion_edits.append(edit)
        self.remove_buttons.append(remove)
        self._number_criteria()
        if self.isVisible():
            edit.setFocus()

    def remove_criterion(self, index: int) -> None:
        cell = self.criterion_rows.pop(index)[0]
        self.criterion_edits.pop(index)
        self.remove_buttons.pop(index)
        self.criteria_box.removeWidget(cell)
        cell.hide()
        cell.deleteLater()
        self._number_criteria()

    def _number_criteria(self) -> None:
        """Labels, tool tips and error places follow the criteria's order."""
        for field in list(self.errors.labels):
            if field.startswith("criterion."):
                del self.errors.labels[field]
        for n, ((_cell, label, error), remove) in enumerate(
                zip(self.criterion_rows, self.remove_buttons, strict=True)):
            label.setText(t("ui.skills.criterion_n", number=n + 1))
            remove.setToolTip(t("ui.skills.remove_tip", number=n + 1))
            self.errors.labels[f"criterion.{n}.name"] = error
        self.add_button.setEnabled(len(self.criterion_edits) < MAX_CRITERIA)
        fit_height(self, shrink=True)  # a row more or less: the dialog follows

    # -- saving --------------------------------------------------------------------------------
    def rubric(self) -> SkillRubric:
        labels = tuple(e.text() for e in self.level_edits)
        return SkillRubric(tuple(SkillCriterion(e.text(), labels) for e in self.criterion_edits),
                           int(self.pass_level.currentData() or 0))

    def submit(self) -> None:
        catalogue, module_id, rubric = self.services.catalogue, self.module_id, self.rubric()
        self.run(lambda: catalogue.set_skill_rubric(module_id, rubric))

    def submit_removal(self) -> None:
        catalogue, module_id = self.services.catalogue, self.module_id
        self.run(lambda: catalogue.set_skill_rubric(module_id, None))

    def on_failed(self, exc: BaseException) -> None:
        """Level messages repeat per criterion (they share the levels): shown once, above."""
        errors = failure_messages(self, exc)
        if errors is None:
            return
        placed: dict[str, str] = {}
        levels = criteria = ""
        for field, message in errors.items():
            if field.endswith(".levels"):
                levels = levels or message
            elif field == "criteria":
                criteria = message
            else:
                placed[field] = message
        self.levels_error.show_message(levels)
        self.criteria_error.show_message(criteria)
        self.show_errors(placed)
