"""The intake form: register a participant or edit one; the restricted tab opens only on request.

A ``FormDialog``: a result that arrives after the form was closed is ignored. A role that may not
edit sees the record read-only, with one "Tutup" button.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk.domain.enums import RiskLevel
from kdrt_desk.domain.participant import ParticipantInput, ParticipantRecord
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services.participants import PossibleDuplicate
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.case_worker_field import case_worker_summary
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.form_widgets import set_combo
from kdrt_desk.ui.participant_sections import (
    CaseSection,
    ConsentSection,
    ContactSection,
    HouseholdSection,
    IdentitySection,
    ParseErrors,
    Section,
)
from kdrt_desk.ui.routine_tab import RoutineTab
from kdrt_desk.ui.widgets.errors import show_error
from kdrt_desk.ui.widgets.forms import as_typed, plain
from kdrt_desk.ui.widgets.look import ERROR_TAB, HIGH_RISK, HINT, mark
from kdrt_desk.wiring import Services

ERROR_TAB_COLOUR = ERROR_TAB


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


def _make_read_only(section: QWidget) -> None:
    """Texts stay selectable; choices cannot be changed."""
    for edit in section.findChildren(QLineEdit) + section.findChildren(QPlainTextEdit):
        edit.setReadOnly(True)
    for spin in section.findChildren(QAbstractSpinBox):
        spin.setReadOnly(True)
    for choice in section.findChildren(QComboBox) + section.findChildren(QCheckBox):
        choice.setEnabled(False)


class ParticipantForm(FormDialog):
    """Non-modal, so locking the app can hide it without losing what was typed."""

    saved = Signal(object)

    def __init__(self, services: Services, runner: TaskRunner, participant_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.participant_id = participant_id
        self.version = 0
        self.case_loaded = participant_id is None
        self._snapshot: ParticipantInput | None = None
        actor = services.vault.actor
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setWindowTitle(t("ui.form.title_new") if participant_id is None
                            else t("ui.form.title_edit"))

        self.can_edit = actor.may(Permission.EDIT_PARTICIPANT)
        self.identity = IdentitySection(self.errors)
        self.contact = ContactSection(self.errors, actor.may(Permission.VIEW_CONTACT))
        self.household = HouseholdSection(self.errors)
        self.consent = ConsentSection(self.errors)
        self.tabs = QTabWidget()
        self.sections: list[Section] = [self.identity, self.contact, self.household, self.consent]
        self.tab_of: dict[int, QWidget] = {}
        for section, key in zip(self.sections, ("ui.form.tab_identity", "ui.form.tab_contact",
                                                "ui.form.tab_household", "ui.form.tab_consent"),
                                strict=True):
            page = _scrolled(section)
            self.tab_of[id(section)] = page
            self.tabs.addTab(page, t(key))
        self.case: CaseSection | None = None
        self.case_stack: QStackedWidget | None = None
        if actor.may(Permission.VIEW_RESTRICTED):
            self.case = CaseSection(self.errors)
            self.case_stack = QStackedWidget()
            closed = QWidget()
            closed_layout = QVBoxLayout(closed)
            explain = QLabel(t("ui.form.restricted_closed"))
            explain.setWordWrap(True)
            self.open_case_button = QPushButton(t("ui.form.restricted_open"))
            self.open_case_button.clicked.connect(self.open_case)
            closed_layout.addWidget(explain)
            closed_layout.addWidget(self.open_case_button, 0, Qt.AlignmentFlag.AlignLeft)
            closed_layout.addStretch(1)
            self.case_stack.addWidget(closed)
            self.case_stack.addWidget(_scrolled(self.case))
            self.case_stack.setCurrentIndex(1 if self.case_loaded else 0)
            self.sections.append(self.case)
            self.tab_of[id(self.case)] = self.case_stack
            self.tabs.addTab(self.case_stack, t("ui.form.tab_case"))
        if not self.can_edit:
            for section in self.sections:
                _make_read_only(section)
        self.extra_tabs: list[QWidget] = []
        self.routine_tab: RoutineTab | None = None
        if participant_id is not None:
            self._add_stage_tabs(participant_id)

        if self.can_edit:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                            | QDialogButtonBox.StandardButton.Cancel)
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(t("ui.form.save"))
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
                t("ui.form.cancel"))
            self.buttons.accepted.connect(self.submit)
            QShortcut(QKeySequence.StandardKey.Save, self, self.submit)
        else:  # read-only: nothing to save or cancel, only to close
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(t("ui.form.close"))
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        self.hint = QLabel(t("ui.form.required_hint") if self.can_edit
                           else t("ui.form.read_only_hint"))
        hint = self.hint
        hint.setWordWrap(True)
        mark(hint, HINT)
        layout.addWidget(hint)
        self.risk_banner = QLabel(t("ui.form.high_risk"))
        self.risk_banner.setWordWrap(True)
        mark(self.risk_banner, HIGH_RISK)
        self.risk_banner.hide()
        layout.addWidget(self.risk_banner)
        self.case_worker_label = plain(QLabel())  # her case worker, read-only (set at screening)
        self.case_worker_label.hide()
        layout.addWidget(self.case_worker_label)
        layout.addWidget(self.tabs)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(1300, 680)  # every tab title shows, "Rutinitas mingguan" too
        if participant_id is None:
            self._snapshot = self.collect()[0]
        else:
            self.setEnabled(False)
            participants = services.participants
            runner.run(lambda: participants.get(participant_id), self._loaded, self._load_failed)
            self._show_case_worker()

    def _add_stage_tabs(self, participant_id: int) -> None:
        """Screening, services and the timeline of a saved participant; each saves on its own."""
        from kdrt_desk.ui.screening_tab import ScreeningTab
        from kdrt_desk.ui.services_tab import ServicesTab
        from kdrt_desk.ui.timeline_view import TimelineView

        actor = self.services.vault.actor
        self.timeline = TimelineView(self.services, self.runner, participant_id)
        if actor.may(Permission.VIEW_SCREENING):
            screening = ScreeningTab(self.services, self.runner, participant_id)
            screening.changed.connect(self.timeline.refresh)
            screening.changed.connect(self._stage_changed)
            self.tabs.addTab(screening, t("ui.form.tab_screening"))
            self.extra_tabs.append(screening)
        if actor.may(Permission.VIEW_CONTACT):  # her week tells where she is: contact tier
            self.routine_tab = RoutineTab(self.services, self.runner, participant_id)
            self.tabs.addTab(self.routine_tab, t("ui.form.tab_routine"))
            self.extra_tabs.append(self.routine_tab)
            if actor.may(Permission.VIEW_SCREENING):
                screening.routine_wanted.connect(self.show_routine)
            from kdrt_desk.ui.livelihood_tab import LivelihoodTab  # her income: contact tier

            livelihood = LivelihoodTab(self.services, self.runner, participant_id)
            self.tabs.addTab(livelihood, t("ui.form.tab_livelihood"))
            self.extra_tabs.append(livelihood)
        if actor.may(Permission.VIEW_RESTRICTED):  # scores describe her mental health
            from kdrt_desk.ui.assessments_tab import AssessmentsTab

            assessments = AssessmentsTab(self.services, self.runner, participant_id)
            assessments.changed.connect(self.timeline.refresh)
            self.tabs.addTab(assessments, t("ui.form.tab_assessments"))
            self.extra_tabs.append(assessments)
        if actor.may(Permission.RECORD_SERVICE):
            care = ServicesTab(self.services, self.runner, participant_id)
            care.changed.connect(self.timeline.refresh)
            self.tabs.addTab(care, t("ui.form.tab_services"))
            self.extra_tabs.append(care)
        if actor.may(Permission.VIEW_PROGRAMME):
            from kdrt_desk.ui.training_tab import TrainingTab

            training = TrainingTab(self.services, self.runner, participant_id)
            self.tabs.addTab(training, t("ui.form.tab_training"))
            self.extra_tabs.append(training)
        if actor.may(Permission.VIEW_ALL_PARTICIPANTS):  # not a facilitator's business
            self.tabs.addTab(self.timeline, t("ui.form.tab_timeline"))
            self.extra_tabs.append(self.timeline)
        if actor.may(Permission.MANAGE_CONSENT):
            from kdrt_desk.ui.consent_panel import ConsentPanel

            panel = ConsentPanel(self.services, self.runner, participant_id)
            panel.anonymised.connect(lambda _pid: self.discard())
            self.consent.layout().addRow(panel)  # type: ignore[union-attr]
            self.extra_tabs.append(panel)

    def show_routine(self) -> None:
        """Bring her weekly routine forward (the screening's barriers point here)."""
        if self.routine_tab is None:
            return
        self.tabs.setCurrentWidget(self.routine_tab)
        self.activateWindow()  # in front of the screening dialog that asked
        self.routine_tab.focus_grid()

    def _stage_changed(self) -> None:
        """A screening or decision moved her status: take the new status and version."""
        if self.participant_id is None:
            return
        participants, pid = self.services.participants, self.participant_id
        self.runner.run(lambda: participants.get(pid), self._status_reloaded)
        self._show_case_worker()

    def _show_case_worker(self) -> None:
        """Her case worker in the header, for roles that read screenings."""
        if self.participant_id is None or not self.services.vault.actor.may(
                Permission.VIEW_SCREENING):
            return
        services, pid, shown = self.services, self.participant_id, self.case_worker_label

        def show(text: str) -> None:
            if isValid(shown):
                shown.setText(text)
                shown.show()

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, UserError) and isValid(self):  # refused: the line stays out
                show_error(self, exc)

        self.runner.run(lambda: case_worker_summary(services, pid), show, failed,
                        latest=(self, "case_worker"))

    def _status_reloaded(self, record: ParticipantRecord) -> None:
        if not isValid(self):
            return  # closed before the record arrived
        self.version = record.version
        self.risk_banner.setVisible(record.risk_level == RiskLevel.HIGH)
        set_combo(self.consent.status, record.status)
        if self._snapshot is not None:
            self._snapshot.status = record.status

    # -- loading ----------------------------------------------------------------------------
    def _loaded(self, record: ParticipantRecord) -> None:
        if not isValid(self):
            return  # closed before the record arrived
        self.version = record.version
        self.identity.load(record, record.code)
        self.contact.load(record)
        self.household.load(record)
        self.consent.load(record)
        self.setWindowTitle(t("ui.form.title_edit_code", code=record.code))
        self.risk_banner.setVisible(record.risk_level == RiskLevel.HIGH)
        self.setEnabled(True)
        self._snapshot = self.collect()[0]

    def _load_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return  # closed before the record arrived
        show_error(self, exc)
        self._snapshot = None
        self.done(QDialog.DialogCode.Rejected)

    def open_case(self) -> None:
        """Open the restricted section (audited by the service)."""
        if self.participant_id is None or self.case is None:
            return
        participants = self.services.participants
        pid = self.participant_id
        self.runner.run(lambda: participants.open_restricted(pid), self._case_opened,
                        self._failed)

    def _case_opened(self, record: ParticipantRecord) -> None:
        if not isValid(self):
            return
        assert self.case is not None and self.case_stack is not None
        if record.case is not None:
            self.case.load(record.case)
        self.version = record.version
        self.case_loaded = True
        self.case_stack.setCurrentIndex(1)
        if self._snapshot is not None:
            self._snapshot.case = self.case.read()

    # -- saving -----------------------------------------------------------------------------
    def collect(self) -> tuple[ParticipantInput, ParseErrors]:
        data = ParticipantInput()
        problems: ParseErrors = {}
        self.identity.read(data, problems)
        self.contact.read(data, problems)
        self.household.read(data, problems)
        self.consent.read(data, problems)
        if self.case is not None and self.case_loaded:
            data.case = self.case.read()
        return data, problems

    def save(self) -> None:
        """Save (what the Save button and Ctrl+S do)."""
        self.submit()

    def submit(self) -> None:
        if self.busy or not self.can_edit:
            return
        data, problems = self.collect()
        if problems:
            self.show_errors(problems)
            self._check_the_rest(data, problems)
            return
        self.busy = True
        self.setEnabled(False)
        participants = self.services.participants
        exclude = self.participant_id
        self.runner.run(lambda: participants.find_duplicates(data, exclude),
                        lambda found: self._after_duplicates(data, found), self._failed)

    def _check_the_rest(self, data: ParticipantInput, problems: ParseErrors) -> None:
        """What the form itself found is shown at once; the service's own rules (name, NIK,
        kecamatan…) are checked too, so every message shows after one press of Save."""
        from kdrt_desk.services.clock import local_today
        from kdrt_desk.services.participant_validation import validate_participant

        def check() -> dict[str, str]:
            try:
                validate_participant(copy.deepcopy(data), local_today())
            except ValidationError as exc:
                return exc.by_field()
            return {}

        def show(found: dict[str, str]) -> None:
            if isValid(self) and not self.busy:
                self.show_errors({**found, **problems})

        self.runner.run(check, show)

    def _after_duplicates(self, data: ParticipantInput, found: list[PossibleDuplicate]) -> None:
        if not isValid(self):
            return  # closed while the check ran
        self.busy = False
        self.setEnabled(True)
        if found and not self.confirm_duplicates(found):
            return
        participants = self.services.participants
        pid, version = self.participant_id, self.version
        if pid is None:
            self.run(lambda: participants.register(data))
        else:
            self.run(lambda: participants.update(pid, data, version))

    def confirm_duplicates(self, found: list[PossibleDuplicate]) -> bool:
        lines = "\n".join(f"• {d.code}  {d.full_name}  ({t('ui.form.duplicate_' + d.reason)})"
                          for d in found)
        answer = QMessageBox.question(self, t("ui.form.duplicates_title"),
                                      as_typed(t("ui.form.duplicates_text", lines=lines)))
        return answer == QMessageBox.StandardButton.Yes

    def _saved(self, result: object) -> None:
        if not isValid(self) or not isinstance(result, ParticipantRecord):
            return
        self.participant_id = result.id
        self.version = result.version
        self.identity.code.setText(result.code)
        self._snapshot = self.collect()[0]
        routine = self.routine_tab
        if routine is not None and routine.has_unsaved_changes():  # Save keeps her week too
            routine.save(lambda: super(ParticipantForm, self)._saved(result),
                         lambda: self._routine_refused(routine))
            return
        super()._saved(result)

    def _routine_refused(self, routine: RoutineTab) -> None:
        """Her record was saved, her week was not: stay open on the week's messages."""
        self.set_busy(False)
        self.tabs.setCurrentWidget(routine)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message beside its field, a count above the buttons, the first such tab shown
        and every tab with an error in red."""
        unplaced = self.errors.show(errors)
        placed = len(errors) - len(unplaced)
        counted = [t("error.validation", count=placed)] if placed else []
        self.summary.show_message("\n".join([*counted, *unplaced]))
        first_tab = None
        for section in self.sections:
            tab = self.tabs.indexOf(self.tab_of[id(section)])
            has_error = bool(section.fields & errors.keys())
            self.tabs.tabBar().setTabTextColor(
                tab, ERROR_TAB_COLOUR if has_error else self.palette().windowText().color())
            if has_error and first_tab is None:
                first_tab = tab
        if first_tab is not None:
            self.tabs.setCurrentIndex(first_tab)

    # -- closing ----------------------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        if self.routine_tab is not None and self.routine_tab.has_unsaved_changes():
            return True
        return (self.can_edit and self._snapshot is not None
                and self.collect()[0] != self._snapshot)

    def discard(self) -> None:
        """Close without asking (the user already confirmed leaving with unsaved changes)."""
        self._snapshot = None
        self.done(QDialog.DialogCode.Rejected)

    def reject(self) -> None:
        """Cancel or the window's close button: ask before throwing typed data away."""
        if self.has_unsaved_changes():
            answer = QMessageBox.question(self, t("ui.form.discard_title"),
                                          t("ui.form.discard_text"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
