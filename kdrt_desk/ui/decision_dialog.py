"""The decision on a screening: accept, waitlist, refer, or reject (a second person confirms)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk.domain.care import PartnerInfo
from kdrt_desk.domain.enums import DecisionOutcome, NotEligibleReason, RiskLevel
from kdrt_desk.domain.participant import ParticipantRecord
from kdrt_desk.domain.screening import Criterion, DecisionInput, ScreeningRecord
from kdrt_desk.i18n import format_date, label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.form_widgets import enum_combo, enum_value, from_qdate
from kdrt_desk.ui.widgets.eligibility import criterion_label
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.forms import date_edit, dialog_buttons, fit_height, hint_label
from kdrt_desk.ui.widgets.look import ERROR, HIGH_RISK, STRONG, WARNING, mark
from kdrt_desk.wiring import Services

INDENT = 26
# Field names a service may use for one input, mapped to the row that shows them.
FIELD_ALIASES = {"reason": "reason_code", "partner": "referred_partner_id",
                 "partner_id": "referred_partner_id", "date": "decided_on"}


class DecisionDialog(FormDialog):
    """One decision per screening; a rejection only counts once a second person confirms it."""

    def __init__(self, services: Services, runner: TaskRunner, screening_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)  # saved: the DecisionRecord
        self.screening_id = screening_id
        self.screening: ScreeningRecord | None = None
        self.criteria: dict[str, Criterion] = {}
        self.partners_loaded = False
        self.may_decide = services.vault.actor.may(Permission.DECIDE)
        self.may_see_risk = services.vault.actor.may(Permission.VIEW_RESTRICTED)
        self.setWindowTitle(t("ui.screening.decision.title"))

        self.participant_label = QLabel(t("ui.screening.loading"))
        mark(self.participant_label, STRONG)
        self.participant_label.setTextFormat(Qt.TextFormat.PlainText)
        self.participant_label.setWordWrap(True)
        self.screening_label = QLabel()
        self.screening_label.setWordWrap(True)
        self.unmet_label = QLabel()
        self.unmet_label.setWordWrap(True)
        self.unmet_label.setTextFormat(Qt.TextFormat.PlainText)
        mark(self.unmet_label, ERROR)
        self.unmet_label.hide()
        self.risk_banner = QLabel(t("ui.screening.high_risk_banner"))
        self.risk_banner.setWordWrap(True)
        mark(self.risk_banner, HIGH_RISK)
        self.risk_banner.hide()

        self.group = QButtonGroup(self)
        self.radios: dict[DecisionOutcome, QRadioButton] = {}
        self.details: dict[DecisionOutcome, QWidget] = {}
        outcome_box = QGroupBox(t("ui.screening.decision.outcome"))
        outcome_layout = QVBoxLayout(outcome_box)

        self.priority = QSpinBox()
        self.priority.setRange(1, 5)
        self.priority.setValue(3)
        self.priority.setMaximumWidth(80)
        self.reason_code = enum_combo(NotEligibleReason, empty=True)
        self.reason_text = QLineEdit()
        self.reason_text.setMaxLength(500)
        self.reason_text.setPlaceholderText(t("ui.screening.decision.reason_text_hint"))
        self.partner = QComboBox()
        self.partner.addItem(t("ui.screening.decision.loading_partners"), None)
        self.partner.setEnabled(False)

        for outcome in DecisionOutcome:
            radio = QRadioButton(label(outcome))
            self.group.addButton(radio)
            self.radios[outcome] = radio
            outcome_layout.addWidget(radio)
            detail = QWidget()
            form = QFormLayout(detail)
            form.setContentsMargins(INDENT, 0, 0, 6)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            if outcome == DecisionOutcome.ACCEPTED:
                form.addRow(hint_label(t("ui.screening.decision.accepted_hint")))
            elif outcome == DecisionOutcome.WAITLISTED:
                self.errors.add_row(form, t("ui.screening.decision.priority"), "priority",
                                    self.priority, True)
                form.addRow(hint_label(t("ui.screening.decision.priority_hint")))
            elif outcome == DecisionOutcome.NOT_ELIGIBLE:
                self.errors.add_row(form, t("ui.screening.decision.reason_code"), "reason_code",
                                    self.reason_code, True)
                self.errors.add_row(form, t("ui.screening.decision.reason_text"), "reason_text",
                                    self.reason_text)
                form.addRow(hint_label(t("ui.screening.decision.second_person"), WARNING))
            else:
                self.errors.add_row(form, t("ui.screening.decision.partner"), "referred_partner_id",
                                    self.partner, True)
                form.addRow(hint_label(t("ui.screening.decision.partner_hint")))
            self.details[outcome] = detail
            outcome_layout.addWidget(detail)
            radio.toggled.connect(self._outcome_changed)
        self.errors.labels["outcome"] = ErrorLabel()
        outcome_layout.addWidget(self.errors.labels["outcome"])

        self.decided_on = date_edit()
        date_form = QFormLayout()
        self.errors.add_row(date_form, t("ui.screening.decision.decided_on"), "decided_on",
                            self.decided_on, True)
        for alias, field in FIELD_ALIASES.items():
            self.errors.labels.setdefault(alias, self.errors.labels[field])

        self.buttons = dialog_buttons(t("ui.screening.decision.save"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.participant_label)
        layout.addWidget(self.screening_label)
        layout.addWidget(self.unmet_label)
        layout.addWidget(self.risk_banner)
        layout.addWidget(outcome_box)
        layout.addLayout(date_form)
        layout.addWidget(hint_label(t("ui.screening.decision.audit_note")))
        layout.addStretch(1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.radios[DecisionOutcome.ACCEPTED].setChecked(True)
        self._outcome_changed()
        self.resize(620, self.sizeHint().height())
        fit_height(self, shrink=True)

        self.setEnabled(False)
        screening = services.screening
        runner.run(lambda: screening.get(screening_id), self._screening_loaded,
                   self._load_failed)
        runner.run(screening.criteria, self._criteria_loaded, self._failed)
        care = services.care
        runner.run(lambda: care.partners(active_only=True), self._partners_loaded, self._failed)

    # -- loading ----------------------------------------------------------------------------
    def _screening_loaded(self, record: ScreeningRecord) -> None:
        self.screening = record
        self.setEnabled(True)
        self._show_screening()
        if self.may_see_risk and record.visible_risk == RiskLevel.HIGH:
            self.risk_banner.show()
        participants = self.services.participants
        pid = record.participant_id
        self.runner.run(lambda: participants.get(pid), self._participant_loaded, self._failed)
        fit_height(self)

    def _criteria_loaded(self, criteria: list[Criterion]) -> None:
        self.criteria = {c.code: c for c in criteria}
        self._show_screening()

    def _show_screening(self) -> None:
        record = self.screening
        if record is None:
            return
        self.screening_label.setText(t(
            "ui.screening.decision.screening_summary", date=format_date(record.screened_on),
            assessor=record.assessor or "—", score=record.score))
        names = ", ".join(criterion_label(self.criteria[c]) if c in self.criteria else c
                          for c in record.unmet_required)
        self.unmet_label.setText(t("ui.screening.decision.unmet", names=names) if names else "")
        self.unmet_label.setVisible(bool(names))

    def _participant_loaded(self, participant: ParticipantRecord) -> None:
        self.participant_label.setText(t("ui.screening.participant", code=participant.code,
                                         name=participant.full_name))

    def _partners_loaded(self, partners: list[PartnerInfo]) -> None:
        self.partner.clear()
        self.partner.addItem(t("ui.form.choose"), None)
        for partner in sorted(partners, key=lambda p: p.name.lower()):
            self.partner.addItem(f"{partner.name} ({label(partner.kind)})", partner.id)
        if not partners:
            self.partner.setItemText(0, t("ui.screening.decision.no_partners"))
        self.partner.setEnabled(bool(partners))
        self.partners_loaded = True

    def _load_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.done(QDialog.DialogCode.Rejected)

    # -- the form -----------------------------------------------------------------------------
    def outcome(self) -> DecisionOutcome:
        for outcome, radio in self.radios.items():
            if radio.isChecked():
                return outcome
        return DecisionOutcome.ACCEPTED

    def choose(self, outcome: DecisionOutcome) -> None:
        self.radios[outcome].setChecked(True)

    def _outcome_changed(self) -> None:
        chosen = self.outcome()
        for outcome, detail in self.details.items():
            detail.setEnabled(outcome == chosen)
        rejecting = chosen == DecisionOutcome.NOT_ELIGIBLE
        key = "save_pending" if rejecting else "save"
        self.buttons.button(self.buttons.StandardButton.Ok).setText(
            t(f"ui.screening.decision.{key}"))

    def collect(self) -> DecisionInput:
        outcome = self.outcome()
        partner = self.partner.currentData()
        return DecisionInput(
            screening_id=self.screening_id,
            outcome=outcome,
            priority=self.priority.value() if outcome == DecisionOutcome.WAITLISTED else None,
            reason_code=(enum_value(self.reason_code, NotEligibleReason)
                         if outcome == DecisionOutcome.NOT_ELIGIBLE else None),
            reason_text=(self.reason_text.text().strip()
                         if outcome == DecisionOutcome.NOT_ELIGIBLE else ""),
            referred_partner_id=(int(partner) if outcome == DecisionOutcome.REFERRED
                                 and partner is not None else None),
            decided_on=from_qdate(self.decided_on.date()),
        )

    def submit(self) -> None:
        """Ask the service to record the decision; closes when it did."""
        if self.busy or not self.may_decide or self.screening is None:
            return
        data = self.collect()
        problems: dict[str, str] = {}
        if data.outcome == DecisionOutcome.NOT_ELIGIBLE and data.reason_code is None:
            problems["reason_code"] = t("ui.screening.decision.reason_required")
        if data.outcome == DecisionOutcome.REFERRED and data.referred_partner_id is None:
            problems["referred_partner_id"] = t("ui.screening.decision.partner_required")
        if problems:
            self.show_errors(problems)
            return
        decisions = self.services.decisions
        self.run(lambda: decisions.decide(data))

    def _failed(self, exc: BaseException) -> None:
        super()._failed(exc)
        if isValid(self):
            self.setEnabled(self.screening is not None)

