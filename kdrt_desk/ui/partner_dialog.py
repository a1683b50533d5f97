"""Add or edit a partner organisation (mitra): kind, contact, MoU period and what it contributes."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kdrt_desk.domain.enums import PartnerKind
from kdrt_desk.domain.training import PartnerInput, PartnerView
from kdrt_desk.i18n import t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.catalogue_dialogs import CatalogueDialog, line_edit, text_box
from kdrt_desk.ui.form_widgets import OptionalDate, enum_combo, enum_value, set_combo
from kdrt_desk.ui.widgets.forms import add_field
from kdrt_desk.wiring import Services


class PartnerDialog(CatalogueDialog):
    def __init__(self, services: Services, runner: TaskRunner, partner: PartnerView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.partner = partner or PartnerView()
        data = self.partner
        self.setWindowTitle(t("ui.catalogue.partner.title_edit", name=data.name) if data.id
                            else t("ui.catalogue.partner.title_new"))
        self.name = line_edit(160, data.name, t("ui.catalogue.partner.name_example"))
        self.kind = enum_combo(PartnerKind)
        set_combo(self.kind, data.kind)
        self.contact_person = line_edit(120, data.contact_person)
        self.phone = line_edit(30, data.phone, "0711 123456")
        self.mou_start = OptionalDate(t("ui.catalogue.partner.date_known"))
        self.mou_start.set_value(data.mou_start)
        self.mou_end = OptionalDate(t("ui.catalogue.partner.date_known"))
        self.mou_end.set_value(data.mou_end)
        self.contribution = text_box(data.contribution, height=80)
        self.contribution.setPlaceholderText(t("ui.catalogue.partner.contribution_example"))

        add_field(self.form, self.errors, t("ui.catalogue.partner.name"), "name", self.name,
                  True)
        add_field(self.form, self.errors, t("ui.catalogue.partner.kind"), "kind", self.kind,
                  True)
        add_field(self.form, self.errors, t("ui.catalogue.partner.contact_person"),
                  "contact_person", self.contact_person)
        add_field(self.form, self.errors, t("ui.catalogue.partner.phone"), "phone", self.phone)
        add_field(self.form, self.errors, t("ui.catalogue.partner.mou_start"), "mou_start",
                  self.mou_start)
        add_field(self.form, self.errors, t("ui.catalogue.partner.mou_end"), "mou_end",
                  self.mou_end, hint=t("ui.catalogue.partner.mou_hint"))
        add_field(self.form, self.errors, t("ui.catalogue.partner.contribution"),
                  "contribution", self.contribution)
        self.finish_form(t("ui.catalogue.save"), t("ui.catalogue.required_hint"), width=600)

    def collect(self) -> PartnerInput:
        return PartnerInput(
            id=self.partner.id, name=self.name.text(),
            kind=enum_value(self.kind, PartnerKind) or PartnerKind.NGO_LEGAL_AID,
            contact_person=self.contact_person.text(), phone=self.phone.text(),
            contribution=self.contribution.toPlainText(), mou_start=self.mou_start.value(),
            mou_end=self.mou_end.value())

    def submit(self) -> None:
        data = self.collect()
        partners = self.services.partners
        self.run(lambda: partners.save(data))
