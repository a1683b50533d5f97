"""Add or edit a venue: name, address, kecamatan, capacity, what it has, childcare, opening
hours and dates closed."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from kdrt_desk.domain.places import KECAMATAN
from kdrt_desk.domain.training import VenueFeature, VenueInput, VenueView
from kdrt_desk.i18n import t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.catalogue_dialogs import CatalogueDialog, EnumChecks, line_edit, spin_box
from kdrt_desk.ui.form_widgets import set_combo
from kdrt_desk.ui.widgets.availability import DateList, WeeklyHours
from kdrt_desk.ui.widgets.forms import add_field
from kdrt_desk.wiring import Services


class VenueDialog(CatalogueDialog):
    def __init__(self, services: Services, runner: TaskRunner, venue: VenueView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.venue = venue or VenueView()
        data = self.venue
        self.setWindowTitle(t("ui.catalogue.venue.title_edit", name=data.name) if data.id
                            else t("ui.catalogue.venue.title_new"))
        self.name = line_edit(120, data.name, t("ui.catalogue.venue.name_example"))
        self.address = line_edit(200, data.address, t("ui.catalogue.venue.address_example"))
        self.kecamatan = QComboBox()
        self.kecamatan.addItem(t("ui.catalogue.venue.no_kecamatan"), "")
        for name in KECAMATAN:
            self.kecamatan.addItem(name, name)
        if data.kecamatan and self.kecamatan.findData(data.kecamatan) < 0:
            self.kecamatan.addItem(data.kecamatan, data.kecamatan)
        set_combo(self.kecamatan, data.kecamatan)
        self.capacity = spin_box(0, 9999, data.capacity, t("ui.catalogue.venue.people_suffix"))
        capacity_row = QWidget()
        row = QHBoxLayout(capacity_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.capacity)
        row.addStretch(1)
        self.features = EnumChecks(VenueFeature, data.features)
        self.childcare = QCheckBox(t("ui.catalogue.venue.childcare_box"))
        self.childcare.setChecked(data.childcare)
        self.hours = WeeklyHours(data.hours)
        self.closed_on = DateList(data.closed_on)

        add_field(self.form, self.errors, t("ui.catalogue.venue.name"), "name", self.name, True)
        add_field(self.form, self.errors, t("ui.catalogue.venue.address"), "address",
                  self.address)
        add_field(self.form, self.errors, t("ui.catalogue.venue.kecamatan"), "kecamatan",
                  self.kecamatan, hint=t("ui.catalogue.venue.kecamatan_hint"))
        add_field(self.form, self.errors, t("ui.catalogue.venue.capacity"), "capacity",
                  capacity_row, True)
        add_field(self.form, self.errors, t("ui.catalogue.venue.features"), "features",
                  self.features)
        add_field(self.form, self.errors, "", "childcare", self.childcare)
        add_field(self.form, self.errors, t("ui.availability.venue_hours"), "hours", self.hours,
                  hint=t("ui.availability.venue_hours_hint"))
        add_field(self.form, self.errors, t("ui.availability.closed"), "closed_on",
                  self.closed_on)
        self.finish_form(t("ui.catalogue.save"), t("ui.catalogue.required_hint"), width=720)

    def collect(self) -> VenueInput:
        return VenueInput(
            id=self.venue.id, name=self.name.text(), address=self.address.text(),
            kecamatan=str(self.kecamatan.currentData() or ""), capacity=self.capacity.value(),
            features={VenueFeature(v) for v in self.features.values()},
            childcare=self.childcare.isChecked(), hours=self.hours.value(),
            closed_on=self.closed_on.value())

    def submit(self) -> None:
        data = self.collect()
        catalogue = self.services.catalogue
        self.run(lambda: catalogue.save_venue(data))
