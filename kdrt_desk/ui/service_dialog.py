"""The dialog that records a service or referral for a participant, or changes one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.care import PartnerInfo, ServiceInput, ServiceView
from kdrt_desk.domain.enums import ServiceKind, ServiceStatus
from kdrt_desk.i18n import label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.form_widgets import enum_combo, enum_value, from_qdate, set_combo, to_qdate
from kdrt_desk.ui.widgets.forms import add_field, date_edit, dialog_buttons, fit_height, hint_label
from kdrt_desk.wiring import Services

INTERNAL = -1  # the partner combo's data for "given by the centre itself"

# Field names a service may use for one input, mapped to the row that shows them.
FIELD_ALIASES = {"partner": "partner_id", "date": "service_date", "outcome": "outcome_note",
                 "provider": "provider_note"}


class ServiceDialog(FormDialog):
    """Kind, date, provider, status and (for roles that may read it) the outcome note.

    ``existing`` edits a saved service; its outcome note is editable only when it was opened
    (``existing.restricted_hidden`` False) — otherwise the stored note is left untouched.
    """

    def __init__(self, services: Services, runner: TaskRunner, participant_id: int,
                 existing: ServiceView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.participant_id = participant_id
        self.existing = existing
        self.partners_loaded = False
        actor = services.vault.actor
        self.may_see_outcome = actor.may(Permission.VIEW_RESTRICTED)
        self.outcome_open = self.may_see_outcome and (existing is None
                                                      or not existing.restricted_hidden)
        self.setWindowTitle(t("ui.care.dialog.title_new") if existing is None
                            else t("ui.care.dialog.title_edit"))

        self.kind = enum_combo(ServiceKind)
        self.service_date = date_edit()
        self.partner = QComboBox()
        self.partner.addItem(t("ui.care.dialog.loading_partners"), INTERNAL)
        self.partner.setEnabled(False)
        self.provider_note = QLineEdit()
        self.provider_note.setMaxLength(200)
        self.status = enum_combo(ServiceStatus)
        self.outcome_note = QPlainTextEdit()
        self.outcome_note.setMinimumHeight(80)
        self.outcome_note.setMaximumHeight(140)
        self.outcome_note.setTabChangesFocus(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        add_field(form, self.errors, t("ui.care.dialog.kind"), "kind", self.kind, True)
        add_field(form, self.errors, t("ui.care.dialog.date"), "service_date",
                  self.service_date, True, t("ui.care.dialog.date_hint"))
        add_field(form, self.errors, t("ui.care.dialog.partner"), "partner_id", self.partner,
                  True, t("ui.care.dialog.partner_hint"))
        add_field(form, self.errors, t("ui.care.dialog.provider_note"), "provider_note",
                  self.provider_note, hint=t("ui.care.dialog.provider_note_hint"))
        add_field(form, self.errors, t("ui.care.dialog.status"), "status", self.status, True)
        if self.may_see_outcome:
            hint = t("ui.care.dialog.outcome_hint") if self.outcome_open else t(
                "ui.care.dialog.outcome_closed")
            add_field(form, self.errors, t("ui.care.dialog.outcome_note"), "outcome_note",
                      self.outcome_note, hint=hint)
            self.outcome_note.setEnabled(self.outcome_open)
        for alias, field in FIELD_ALIASES.items():
            if field in self.errors.labels:
                self.errors.labels[alias] = self.errors.labels[field]

        self.buttons = dialog_buttons(t("ui.care.dialog.save"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(t("ui.admin.required_hint")))
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        if existing is not None:
            self._load(existing)
        self.resize(600, self.sizeHint().height())
        fit_height(self, shrink=True)

        care = services.care
        runner.run(lambda: care.partners(active_only=True), self._partners_loaded, self._failed)

    # -- loading ----------------------------------------------------------------------------
    def _load(self, view: ServiceView) -> None:
        set_combo(self.kind, view.kind)
        if view.service_date is not None:
            self.service_date.setDate(to_qdate(view.service_date))
        self.provider_note.setText(view.provider_note)
        set_combo(self.status, view.status)
        if self.outcome_open:
            self.outcome_note.setPlainText(view.outcome_note or "")

    def _partners_loaded(self, partners: list[PartnerInfo]) -> None:
        self.partner.clear()
        self.partner.addItem(t("ui.care.services.internal"), INTERNAL)
        for partner in sorted(partners, key=lambda p: p.name.lower()):
            self.partner.addItem(f"{partner.name} ({label(partner.kind)})", partner.id)
        if self.existing is not None and self.existing.partner_id is not None:
            wanted = self.existing.partner_id
            if self.partner.findData(wanted) < 0:  # an inactive partner stays selectable here
                self.partner.addItem(self.existing.partner_name, wanted)
            set_combo(self.partner, wanted)
        self.partner.setEnabled(True)
        self.partners_loaded = True

    # -- saving -----------------------------------------------------------------------------
    def collect(self) -> ServiceInput:
        partner = self.partner.currentData()
        partner_id = None if partner is None or int(partner) == INTERNAL else int(partner)
        if self.outcome_open:
            outcome: str | None = self.outcome_note.toPlainText()
        else:  # not opened or not allowed: keep what is stored
            outcome = None if self.existing is not None else ""
        return ServiceInput(
            participant_id=self.participant_id,
            kind=enum_value(self.kind, ServiceKind) or ServiceKind.OTHER,
            service_date=from_qdate(self.service_date.date()),
            partner_id=partner_id,
            provider_note=self.provider_note.text(),
            status=enum_value(self.status, ServiceStatus) or ServiceStatus.REFERRED,
            outcome_note=outcome,
        )

    def submit(self) -> None:
        """Ask the service to save; closes when it did, else shows the problems by the fields."""
        if self.busy or not self.partners_loaded:
            return
        data = self.collect()
        care = self.services.care
        if self.existing is None:
            self.run(lambda: care.record(data))
        else:
            service_id = self.existing.id
            self.run(lambda: care.update(service_id, data))

