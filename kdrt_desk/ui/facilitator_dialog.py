"""Add or edit a facilitator: who she is, how to reach her, the modules she may teach, her login,
and when she can come (hours per weekday, dates away, sessions at most per day and week)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QListWidget, QWidget
from shiboken6 import isValid

from kdrt_desk.domain.training import FacilitatorInput, FacilitatorType, FacilitatorView, ModuleView
from kdrt_desk.i18n import t
from kdrt_desk.services.programme_validation import MAX_PER_DAY, MAX_PER_WEEK
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.catalogue_dialogs import (
    CatalogueDialog,
    add_checkable,
    checked_values,
    line_edit,
)
from kdrt_desk.ui.form_widgets import enum_combo, enum_value, set_combo
from kdrt_desk.ui.widgets.availability import (
    DateList,
    WeeklyHours,
    limit_spin,
    limit_value,
    limits_row,
)
from kdrt_desk.ui.widgets.forms import add_field
from kdrt_desk.wiring import Services

NO_ACCOUNT = 0


class FacilitatorDialog(CatalogueDialog):
    def __init__(self, services: Services, runner: TaskRunner,
                 facilitator: FacilitatorView | None = None, parent: QWidget | None = None
                 ) -> None:
        super().__init__(services, runner, parent)
        self.facilitator = facilitator or FacilitatorView()
        data = self.facilitator
        self.setWindowTitle(t("ui.catalogue.facilitator.title_edit", name=data.name) if data.id
                            else t("ui.catalogue.facilitator.title_new"))
        self.name = line_edit(120, data.name, t("ui.catalogue.facilitator.name_example"))
        self.type = enum_combo(FacilitatorType)
        set_combo(self.type, data.type)
        self.organisation = line_edit(160, data.organisation,
                                      t("ui.catalogue.facilitator.organisation_example"))
        self.phone = line_edit(30, data.phone, "0812 3456 7890")
        self.email = line_edit(120, data.email, t("ui.catalogue.facilitator.email_example"))
        self.modules = QListWidget()
        self.modules.setMinimumHeight(120)
        self.modules.setMaximumHeight(170)
        self.account = QComboBox()
        self.account.addItem(t("ui.catalogue.facilitator.no_account"), NO_ACCOUNT)
        self.account.setEnabled(False)  # until the accounts have loaded
        self.hours = WeeklyHours(data.hours)
        self.away_on = DateList(data.away_on)
        self.max_per_day = limit_spin(data.max_per_day, MAX_PER_DAY)
        self.max_per_week = limit_spin(data.max_per_week, MAX_PER_WEEK)

        add_field(self.form, self.errors, t("ui.catalogue.facilitator.name"), "name", self.name,
                  True)
        add_field(self.form, self.errors, t("ui.catalogue.facilitator.type"), "type", self.type,
                  True)
        add_field(self.form, self.errors, t("ui.catalogue.facilitator.organisation"),
                  "organisation", self.organisation)
        add_field(self.form, self.errors, t("ui.catalogue.facilitator.phone"), "phone",
                  self.phone)
        add_field(self.form, self.errors, t("ui.catalogue.facilitator.email"), "email",
                  self.email)
        add_field(self.form, self.errors, t("ui.catalogue.facilitator.modules"), "module_ids",
                  self.modules, hint=t("ui.catalogue.facilitator.modules_hint"))
        add_field(self.form, self.errors, t("ui.catalogue.facilitator.account"),
                  "staff_account_id", self.account,
                  hint=t("ui.catalogue.facilitator.account_hint"))
        add_field(self.form, self.errors, t("ui.availability.hours"), "hours", self.hours,
                  hint=t("ui.availability.hours_hint"))
        add_field(self.form, self.errors, t("ui.availability.away"), "away_on", self.away_on)
        self.form.addRow(t("ui.availability.limits"),
                         limits_row(self.errors, self.max_per_day, self.max_per_week))
        self.finish_form(t("ui.catalogue.save"), t("ui.catalogue.required_hint"), width=720)
        self.buttons.setEnabled(False)
        catalogue = services.catalogue
        fid = data.id
        runner.run(lambda: (catalogue.modules(include_archived=True),
                            catalogue.facilitator_accounts(fid)),
                   self._choices_loaded, self._failed)

    def _choices_loaded(self, choices: tuple[list[ModuleView], list[tuple[int, str]]]) -> None:
        if not isValid(self):
            return  # closed before the choices arrived
        modules, accounts = choices
        teaches = self.facilitator.module_ids
        for module in modules:
            if module.archived and module.id not in teaches:
                continue  # archived modules are kept on her record, never offered anew
            text = f"{module.code} – {module.title}"
            if module.archived:
                text = t("ui.catalogue.archived_name", name=text)
            add_checkable(self.modules, text, module.id, module.id in teaches, text)
        for account_id, username in accounts:
            self.account.addItem(username, account_id)
        current = self.facilitator.staff_account_id
        if current and self.account.findData(current) < 0:
            # linked to a login that can no longer be chosen (deactivated): keep it visible
            self.account.addItem(self.facilitator.staff_username or str(current), current)
        set_combo(self.account, current or NO_ACCOUNT)
        self.account.setEnabled(True)
        self.buttons.setEnabled(True)
        self.ready.emit()

    def collect(self) -> FacilitatorInput:
        account = self.account.currentData()
        return FacilitatorInput(
            id=self.facilitator.id, name=self.name.text(),
            type=enum_value(self.type, FacilitatorType) or FacilitatorType.TRAINER,
            organisation=self.organisation.text(), phone=self.phone.text(),
            email=self.email.text(), module_ids=checked_values(self.modules),
            staff_account_id=int(account) if account else None, hours=self.hours.value(),
            away_on=self.away_on.value(), max_per_day=limit_value(self.max_per_day),
            max_per_week=limit_value(self.max_per_week))

    def submit(self) -> None:
        data = self.collect()
        catalogue = self.services.catalogue
        self.run(lambda: catalogue.save_facilitator(data))
