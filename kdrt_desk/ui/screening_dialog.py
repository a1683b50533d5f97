"""The screening assessment (asesmen awal) form; its restricted part opens only on request."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk.domain.enums import (
    Barrier,
    Need,
    RiskLevel,
    RiskReason,
    Role,
    Skill,
)
from kdrt_desk.domain.participant import ParticipantRecord
from kdrt_desk.domain.screening import (
    Criterion,
    ScreeningChangeRecord,
    ScreeningInput,
    ScreeningRecord,
)
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import format_date, format_datetime, label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.case_worker_field import CaseWorkerField, case_worker_cell
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.form_widgets import enum_combo, enum_value, from_qdate, set_combo, to_qdate
from kdrt_desk.ui.widgets.check_grid import CheckGrid
from kdrt_desk.ui.widgets.eligibility import EligibilityChecklist
from kdrt_desk.ui.widgets.errors import show_error
from kdrt_desk.ui.widgets.forms import date_edit, hint_label, new_form, plain, scrolled, text_box
from kdrt_desk.ui.widgets.look import ERROR_TAB, HIGH_RISK, RESTRICTED, STRONG, mark
from kdrt_desk.wiring import Services

ERROR_TAB_COLOUR = ERROR_TAB
FIELD_LABELS = {"screened_on": "ui.screening.screened_on", "needs": "ui.screening.needs",
                "skills": "ui.screening.skills", "skills_other": "ui.screening.skills_other",
                "experience": "ui.screening.experience", "barriers": "ui.screening.barriers",
                "criteria_met": "ui.screening.tab_eligibility",
                "risk_level": "ui.screening.risk_level",
                "risk_reasons": "ui.screening.risk_reasons",
                "safety_plan": "ui.screening.safety_plan",
                "interview_notes": "ui.screening.interview_notes"}
TIME_BARRIERS = frozenset({Barrier.WORKING_HOURS, Barrier.CHILDCARE, Barrier.TRANSPORT})
RESTRICTED_FIELDS = frozenset({"risk_level", "risk_reasons", "safety_plan", "interview_notes"})
GENERAL_FIELDS = frozenset({"screened_on", "needs", "skills", "skills_other", "experience",
                            "barriers", "case_worker"})


class ScreeningDialog(FormDialog):
    """Non-modal, so locking the app can hide it without losing what was typed.

    Roles without VIEW_RESTRICTED never get the safety tab; for a saved screening it stays
    closed until "open" asks the service (which audits the opening).
    """

    routine_wanted = Signal()  # "Isi rutinitas mingguan": show her weekly routine

    def __init__(self, services: Services, runner: TaskRunner, participant_id: int,
                 screening_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)  # saved: the saved ScreeningRecord
        self.participant_id = participant_id
        self.screening_id = screening_id
        self.record: ScreeningRecord | None = None
        self.version = 0
        self._snapshot: ScreeningInput | None = None
        actor = services.vault.actor
        self.may_restricted = actor.may(Permission.VIEW_RESTRICTED)
        # Saving sends every field back, so editing a saved screening needs its restricted part.
        self.may_edit = actor.may(Permission.SCREEN) and (screening_id is None
                                                          or self.may_restricted)
        self.restricted_loaded = screening_id is None and self.may_restricted
        self.save_after_opening = False
        self.needs_reason = False
        self.changes: list[ScreeningChangeRecord] = []
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setWindowTitle(t("ui.screening.title_new") if screening_id is None
                            else t("ui.screening.title_edit"))

        self.participant_label = mark(QLabel(), STRONG)
        self.participant_label.setTextFormat(Qt.TextFormat.PlainText)
        self.risk_banner = QLabel()
        self.risk_banner.setWordWrap(True)
        mark(self.risk_banner, HIGH_RISK)
        self.risk_banner.hide()
        self.tabs = QTabWidget()
        self.tabs.addTab(scrolled(self._build_general()), t("ui.screening.tab_general"))
        self.checklist = EligibilityChecklist()
        self.errors.labels["criteria_met"] = self.checklist.error
        self.tabs.addTab(scrolled(self.checklist), t("ui.screening.tab_eligibility"))
        self.safety_stack: QStackedWidget | None = None
        if self.may_restricted:
            self.safety_stack = self._build_safety()
            self.tabs.addTab(self.safety_stack, t("ui.screening.tab_safety"))
        self.reason_box = QWidget()
        reason_column = QVBoxLayout(self.reason_box)
        reason_column.setContentsMargins(0, 0, 0, 0)
        reason_column.addWidget(hint_label(t("ui.screening.reason_explain"), RESTRICTED))
        reason_form = QFormLayout()
        reason_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        reason_column.addLayout(reason_form)
        self.reason = QLineEdit()
        self.reason.setMaxLength(2000)
        self.reason.setPlaceholderText(t("ui.screening.reason_placeholder"))
        self.errors.add_row(reason_form, t("ui.screening.reason"), "reason", self.reason, True)
        self.reason_box.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(t("ui.screening.save"))
        save.setVisible(self.may_edit)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(t("ui.form.cancel") if self.may_edit else t("ui.screening.close"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.submit)

        layout = QVBoxLayout(self)
        layout.addWidget(self.participant_label)
        self.mode_hint = hint_label(t("ui.form.required_hint") if self.may_edit
                               else t("ui.screening.read_only"))
        layout.addWidget(self.mode_hint)
        layout.addWidget(self.risk_banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.reason_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(780, 680)
        self._set_editable(self.may_edit)

        participants = services.participants
        runner.run(lambda: participants.get(participant_id), self._participant_loaded,
                   self._fail)
        screening = services.screening
        runner.run(screening.criteria, self._criteria_loaded, self._fail)
        if screening_id is None:
            self._snapshot = self.collect()
        else:
            self.setEnabled(False)
            sid = screening_id
            runner.run(lambda: screening.get(sid), self._loaded, self._load_failed)

    # -- building ---------------------------------------------------------------------------
    def _build_general(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        form = new_form(wrap=True)
        outer.addLayout(form)
        outer.addStretch(1)  # spare height below the rows, not between them
        self.screened_on = date_edit()
        self.assessor = plain(QLabel("—"))
        self.needs: CheckGrid[Need] = CheckGrid(Need)
        self.skills: CheckGrid[Skill] = CheckGrid(Skill, 3)
        self.skills_other = QLineEdit()
        self.skills_other.setMaxLength(200)
        self.skills_other.setPlaceholderText(t("ui.screening.skills_other_hint"))
        self.experience = text_box(60, 100)
        self.experience.setPlaceholderText(t("ui.screening.experience_hint"))
        self.barriers: CheckGrid[Barrier] = CheckGrid(Barrier)
        self.errors.add_row(form, t("ui.screening.screened_on"), "screened_on",
                            self.screened_on, True)
        form.addRow(t("ui.screening.assessor"), self.assessor)
        self.case_worker = CaseWorkerField(self.services, self.runner, self.participant_id,
                                           self._fail)
        self.errors.add_row(form, t("ui.case_worker.label"), "case_worker",
                            case_worker_cell(self.case_worker))
        self.errors.add_row(form, t("ui.screening.needs"), "needs", self.needs)
        self.errors.add_row(form, t("ui.screening.skills"), "skills", self.skills)
        self.errors.add_row(form, t("ui.screening.skills_other"), "skills_other",
                            self.skills_other)
        self.errors.add_row(form, t("ui.screening.experience"), "experience", self.experience)
        self.errors.add_row(form, t("ui.screening.barriers"), "barriers", self.barriers)
        form.addRow(self._routine_pointer())
        return page

    def _routine_pointer(self) -> QWidget:
        """Barriers of time (work, childcare, transport) point to her weekly routine."""
        self.routine_hint = QWidget()
        row = QHBoxLayout(self.routine_hint)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(hint_label(t("ui.routine.screening_hint")), 1)
        self.routine_button = QPushButton(t("ui.routine.screening_open"))
        self.routine_button.clicked.connect(self.routine_wanted)
        row.addWidget(self.routine_button, 0, Qt.AlignmentFlag.AlignTop)
        may_see = self.services.vault.actor.may(Permission.VIEW_CONTACT)

        def update() -> None:
            self.routine_hint.setVisible(may_see and bool(self.barriers.value() & TIME_BARRIERS))

        for box in self.barriers.boxes.values():
            box.toggled.connect(update)
        update()
        return self.routine_hint

    def _build_safety(self) -> QStackedWidget:
        stack = QStackedWidget()
        closed = QWidget()
        closed_layout = QVBoxLayout(closed)
        closed_layout.addWidget(hint_label(t("ui.screening.restricted_closed"), ""))
        self.stored_risk = mark(QLabel(), STRONG)
        self.stored_risk.hide()
        closed_layout.addWidget(self.stored_risk)
        self.open_restricted_button = QPushButton(t("ui.screening.restricted_open"))
        self.open_restricted_button.clicked.connect(self.open_restricted)
        closed_layout.addWidget(self.open_restricted_button, 0, Qt.AlignmentFlag.AlignLeft)
        closed_layout.addStretch(1)
        stack.addWidget(closed)

        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addWidget(hint_label(t("ui.screening.restricted_notice"), RESTRICTED))
        body = QWidget()
        form = new_form(body, wrap=True)
        form.setContentsMargins(0, 0, 0, 0)
        self.risk_level = enum_combo(RiskLevel)
        self.risk_level.currentIndexChanged.connect(self._update_risk_banner)
        self.risk_reasons: CheckGrid[RiskReason] = CheckGrid(RiskReason)
        self.safety_plan = text_box(60, 100)
        self.safety_plan.setPlaceholderText(t("ui.screening.safety_plan_hint"))
        self.interview_notes = text_box(100, 220)
        self.errors.add_row(form, t("ui.screening.risk_level"), "risk_level", self.risk_level,
                            True)
        self.errors.add_row(form, t("ui.screening.risk_reasons"), "risk_reasons",
                            self.risk_reasons)
        self.errors.add_row(form, t("ui.screening.safety_plan"), "safety_plan",
                            self.safety_plan)
        self.errors.add_row(form, t("ui.screening.interview_notes"), "interview_notes",
                            self.interview_notes)
        outer.addWidget(body)
        outer.addStretch(1)
        stack.addWidget(scrolled(page))
        stack.setCurrentIndex(1 if self.restricted_loaded else 0)
        return stack

    def _set_editable(self, editable: bool) -> None:
        self.screened_on.setReadOnly(not editable)
        if not editable:
            for edit in (self.skills_other, self.experience):
                edit.setPlaceholderText("")
        self.needs.set_editable(editable)
        self.skills.set_editable(editable)
        self.skills_other.setReadOnly(not editable)
        self.experience.setReadOnly(not editable)
        self.barriers.set_editable(editable)
        self.checklist.set_editable(editable)
        self.case_worker.set_editable(editable)
        if self.safety_stack is not None:
            self.risk_level.setEnabled(editable)
            self.risk_reasons.set_editable(editable)
            self.safety_plan.setReadOnly(not editable)
            self.interview_notes.setReadOnly(not editable)

    # -- loading ----------------------------------------------------------------------------
    def _participant_loaded(self, record: ParticipantRecord) -> None:
        name = record.full_name
        if record.preferred_name:
            name += f" ({record.preferred_name})"
        self.participant_label.setText(t("ui.screening.participant", code=record.code,
                                         name=name))

    def _criteria_loaded(self, criteria: list[Criterion]) -> None:
        self.checklist.set_criteria(criteria)
        if self.screening_id is None or self.record is not None:
            self._snapshot = self.collect()

    def _loaded(self, record: ScreeningRecord) -> None:
        self.record = record
        self.version = record.version
        self.screened_on.setDate(to_qdate(record.screened_on) if record.screened_on
                                 else QDate.currentDate())
        self.assessor.setText(record.assessor or "—")
        self.needs.set_value(record.needs)
        self.skills.set_value(record.skills)
        self.skills_other.setText(record.skills_other)
        self.experience.setPlainText(record.experience)
        self.barriers.set_value(record.barriers)
        self.checklist.set_met(set(record.criteria_met))
        actor = self.services.vault.actor
        if (self.may_edit and not record.decided and record.assessor != actor.username
                and actor.role != Role.ADMIN):  # the service's rule, shown before typing
            self.may_edit = False
            self.mode_hint.setText(t("error.screening_author_only"))
            self._set_editable(False)
            self.buttons.button(QDialogButtonBox.StandardButton.Save).hide()
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
                t("ui.screening.close"))
        self.needs_reason = record.decided
        self.reason_box.setVisible(record.decided and self.may_edit)
        self.setWindowTitle(t("ui.screening.title_edit_date",
                              date=format_date(record.screened_on)))
        if record.visible_risk is not None:
            self.stored_risk.setText(t("ui.screening.stored_risk",
                                       level=label(record.visible_risk)))
            self.stored_risk.setVisible(self.safety_stack is not None)
        self.setEnabled(True)
        self._update_risk_banner()
        self._snapshot = self.collect()
        if record.decided:
            screening, sid = self.services.screening, record.id
            self.runner.run(lambda: screening.history(sid), self._history_loaded, self._fail)

    def _load_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self._snapshot = None
        self.done(QDialog.DialogCode.Rejected)

    def open_restricted(self) -> None:
        """Load risk reasons, safety plan and notes of a saved screening (audited)."""
        if self.screening_id is None or self.safety_stack is None:
            return
        screening = self.services.screening
        sid = self.screening_id
        self.runner.run(lambda: screening.open_restricted(sid), self._restricted_opened,
                        self._fail)

    def _restricted_opened(self, record: ScreeningRecord) -> None:
        """Fill the restricted part; the version stays the one the rest was loaded with, so a
        change made elsewhere meanwhile is reported on saving instead of overwritten."""
        assert self.safety_stack is not None
        if self.record is not None:
            self.record.risk_level = record.risk_level
            self.record.risk_reasons = set(record.risk_reasons)
            self.record.safety_plan = record.safety_plan
            self.record.interview_notes = record.interview_notes
        set_combo(self.risk_level, record.risk_level)
        self.risk_reasons.set_value(record.risk_reasons)
        self.safety_plan.setPlainText(record.safety_plan)
        self.interview_notes.setPlainText(record.interview_notes)
        self.restricted_loaded = True
        self.safety_stack.setCurrentIndex(1)
        self._update_risk_banner()
        if self._snapshot is not None:
            self._copy_restricted(self._snapshot)
        if self.save_after_opening:
            self.save_after_opening = False
            self.submit()

    def _history_loaded(self, changes: list[ScreeningChangeRecord]) -> None:
        """Changes made after the decision, shown on their own tab (values before not shown)."""
        self.changes = changes
        if not changes:
            return
        lines = []
        for change in changes:
            fields = ", ".join(t(FIELD_LABELS.get(f, f)) for f in change.fields)
            lines.append(t("ui.screening.history_line", when=format_datetime(change.changed_at),
                           who=change.changed_by, reason=change.reason, fields=fields))
        text = plain(QLabel("\n\n".join(lines)))
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setAlignment(Qt.AlignmentFlag.AlignTop)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(hint_label(t("ui.screening.history_intro")))
        column.addWidget(text)
        column.addStretch(1)
        self.tabs.addTab(scrolled(page), t("ui.screening.tab_history", count=len(changes)))

    # -- the high-risk flag -----------------------------------------------------------------
    def current_risk(self) -> RiskLevel | None:
        """The risk level this user may see: as chosen once open, else as stored."""
        if not self.may_restricted:
            return None
        if self.restricted_loaded:
            return enum_value(self.risk_level, RiskLevel)
        return self.record.visible_risk if self.record is not None else None

    def _update_risk_banner(self) -> None:
        high = self.current_risk() == RiskLevel.HIGH
        self.risk_banner.setText(t("ui.screening.high_risk_banner") if high else "")
        self.risk_banner.setVisible(high)

    # -- saving -----------------------------------------------------------------------------
    def _copy_restricted(self, data: ScreeningInput) -> None:
        if self.safety_stack is not None and self.restricted_loaded:
            data.risk_level = enum_value(self.risk_level, RiskLevel) or RiskLevel.LOW
            data.risk_reasons = self.risk_reasons.value()
            data.safety_plan = self.safety_plan.toPlainText()
            data.interview_notes = self.interview_notes.toPlainText()
        elif self.record is not None:  # not opened: only for comparing, never saved like this
            data.risk_level = self.record.risk_level
            data.risk_reasons = set(self.record.risk_reasons)
            data.safety_plan = self.record.safety_plan
            data.interview_notes = self.record.interview_notes

    def collect(self) -> ScreeningInput:
        data = ScreeningInput(
            participant_id=self.participant_id,
            screened_on=from_qdate(self.screened_on.date()),
            needs=self.needs.value(),
            skills=self.skills.value(),
            skills_other=self.skills_other.text(),
            experience=self.experience.toPlainText(),
            barriers=self.barriers.value(),
            criteria_met=self.checklist.met(),
        )
        self._copy_restricted(data)
        return data

    def submit(self) -> None:
        """Save through the service; a confirmed decision makes the reason required."""
        if self.busy or not self.may_edit or not self.isEnabled():
            return
        if (self.screening_id is not None and self.record is not None
                and self.case_worker.changed() and self.collect() == self._snapshot):
            record = self.record  # only her case worker changed: no reason, nothing to open
            self.run(self.case_worker.saving(lambda: record))
            return
        if self.screening_id is not None and not self.restricted_loaded:
            # every field is saved, so the restricted part must be there (opening is audited)
            answer = QMessageBox.question(self, t("ui.screening.open_to_save_title"),
                                          t("ui.screening.open_to_save"))
            if answer == QMessageBox.StandardButton.Yes:
                self.save_after_opening = True
                self.open_restricted()
            else:
                self.summary.show_message(t("ui.screening.open_to_save_refused"))
            return
        data = self.collect()
        reason = self.reason.text().strip()
        if self.needs_reason and not reason:
            self._show_errors({"reason": t("ui.screening.reason_required")})
            self.reason.setFocus()
            return
        screening = self.services.screening
        sid, version = self.screening_id, self.version
        if sid is None:
            self.run(self.case_worker.saving(lambda: screening.create(data)))
        else:
            self.run(self.case_worker.saving(
                lambda: screening.update(sid, data, version, reason=reason)))

    def on_saved(self, result: object) -> None:
        assert isinstance(result, ScreeningRecord)
        self.screening_id = result.id
        self.version = result.version
        self._snapshot = self.collect()
        self.case_worker.mark_saved()
        super().on_saved(result)

    def _fail(self, exc: BaseException) -> None:
        """A load or the opening of the restricted part failed (ignored once closed)."""
        if isValid(self):
            self.on_failed(exc)

    def on_failed(self, exc: BaseException) -> None:
        self.save_after_opening = False
        if isinstance(exc, ValidationError):
            self._show_errors(exc.by_field(), exc.message)
        elif isinstance(exc, UserError) and exc.field:
            self._show_errors({exc.field: exc.message}, exc.message)
        elif isinstance(exc, UserError):
            self.summary.show_message(exc.message)
        else:
            show_error(self, exc)

    def show_errors(self, errors: dict[str, str]) -> None:
        self._show_errors(errors)

    def _show_errors(self, errors: dict[str, str], summary: str = "") -> None:
        if "reason" in errors:
            self.reason_box.show()
            self.needs_reason = True
        unplaced = self.errors.show(errors)
        self.summary.show_message("\n".join(filter(None, [
            summary or t("error.validation", count=len(errors)), *unplaced])))
        first_tab = None
        for index, fields in ((0, GENERAL_FIELDS), (1, {"criteria_met"}),
                              (2, RESTRICTED_FIELDS)):
            if index >= self.tabs.count():
                continue
            has_error = bool(fields & errors.keys())
            self.tabs.tabBar().setTabTextColor(
                index, ERROR_TAB_COLOUR if has_error else self.palette().windowText().color())
            if has_error and first_tab is None:
                first_tab = index
        if first_tab is not None:
            self.tabs.setCurrentIndex(first_tab)

    # -- closing ----------------------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        return (self.may_edit and self._snapshot is not None
                and (self.collect() != self._snapshot or self.case_worker.changed()))

    def discard(self) -> None:
        """Close without asking (the user already confirmed leaving with unsaved changes)."""
        self._snapshot = None
        self.done(QDialog.DialogCode.Rejected)

    def reject(self) -> None:
        if self.has_unsaved_changes():
            answer = QMessageBox.question(self, t("ui.form.discard_title"),
                                          t("ui.form.discard_text"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
