"""Add or edit a training module: code, title, track, sessions, teachers, venue needs, partner."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget
from shiboken6 import isValid

from kdrt_desk.domain.training import (
    FacilitatorType,
    ModuleInput,
    ModuleView,
    PartnerView,
    Track,
    VenueFeature,
)
from kdrt_desk.i18n import t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.catalogue_dialogs import (
    CatalogueDialog,
    EnumChecks,
    line_edit,
    spin_box,
    text_box,
)
from kdrt_desk.ui.form_widgets import enum_combo, enum_value, set_combo
from kdrt_desk.ui.skill_rubric_dialog import SkillRubricDialog
from kdrt_desk.ui.widgets.forms import add_field
from kdrt_desk.wiring import Services

OWN_CENTRE = 0  # the partner combo's "the centre itself"


class ModuleDialog(CatalogueDialog):
    def __init__(self, services: Services, runner: TaskRunner, module: ModuleView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.module = module or ModuleView()
        data = self.module
        self.setWindowTitle(t("ui.catalogue.module.title_edit", code=data.code) if data.id
                            else t("ui.catalogue.module.title_new"))
        self.code = line_edit(20, data.code, t("ui.catalogue.module.code_example"))
        self.code.setMaximumWidth(200)
        self.title_edit = line_edit(160, data.title)
        self.track = enum_combo(Track)
        set_combo(self.track, data.track)
        self.facilitator_type = enum_combo(FacilitatorType)
        set_combo(self.facilitator_type, data.facilitator_type)
        self.session_count = spin_box(0, 999, data.session_count)
        self.minutes = spin_box(0, 1440, data.minutes_per_session,
                                t("ui.catalogue.module.minutes_suffix"), step=15)
        self.min_attendance = spin_box(0, 100, data.min_attendance_pct, " %", step=5)
        self.partner = QComboBox()
        self.partner.addItem(t("ui.catalogue.module.own_centre"), OWN_CENTRE)
        self.partner.setEnabled(False)  # until the partners have loaded
        self.venue_features = EnumChecks(VenueFeature, data.venue_features)
        self.assessment = QCheckBox(t("ui.catalogue.module.assessment_box"))
        self.assessment.setChecked(data.assessment_required)
        self.description = text_box(data.description)
        self.objectives = text_box(data.objectives)

        add_field(self.form, self.errors, t("ui.catalogue.module.code"), "code", self.code, True,
                  t("ui.catalogue.module.code_hint"))
        add_field(self.form, self.errors, t("ui.catalogue.module.title_field"), "title",
                  self.title_edit, True)
        add_field(self.form, self.errors, t("ui.catalogue.module.track"), "track", self.track,
                  True)
        add_field(self.form, self.errors, t("ui.catalogue.module.facilitator_type"),
                  "facilitator_type", self.facilitator_type, True)
        add_field(self.form, self.errors, t("ui.catalogue.module.session_count"),
                  "session_count", self._beside(self.session_count), True)
        add_field(self.form, self.errors, t("ui.catalogue.module.minutes"),
                  "minutes_per_session", self._beside(self.minutes), True)
        add_field(self.form, self.errors, t("ui.catalogue.module.min_attendance"),
                  "min_attendance_pct", self._beside(self.min_attendance), True,
                  t("ui.catalogue.module.min_attendance_hint"))
        add_field(self.form, self.errors, t("ui.catalogue.module.partner"), "partner_id",
                  self.partner)
        add_field(self.form, self.errors, t("ui.catalogue.module.venue_features"),
                  "venue_features", self.venue_features)
        add_field(self.form, self.errors, "", "assessment_required", self.assessment)
        self.rubric_dialog: SkillRubricDialog | None = None
        self.rubric_button = QPushButton(t("ui.skills.rubric_button"))
        self.rubric_button.clicked.connect(self.open_rubric)
        self.rubric_hint = QLabel()
        self.rubric_hint.setWordWrap(True)
        rubric_row = QWidget()
        rubric_line = QHBoxLayout(rubric_row)
        rubric_line.setContentsMargins(0, 0, 0, 0)
        rubric_line.addWidget(self.rubric_button)
        rubric_line.addWidget(self.rubric_hint, 1)
        rubric_line.addStretch(0)  # the button keeps its width while the hint is hidden
        add_field(self.form, self.errors, t("ui.skills.rubric_row"), "skill_rubric", rubric_row)
        self.track.currentIndexChanged.connect(self._rubric_state)
        self._rubric_state()
        add_field(self.form, self.errors, t("ui.catalogue.module.description"), "description",
                  self.description)
        add_field(self.form, self.errors, t("ui.catalogue.module.objectives"), "objectives",
                  self.objectives)
        self.finish_form(t("ui.catalogue.save"), t("ui.catalogue.required_hint"), width=640)
        self.buttons.setEnabled(False)
        partners = services.partners
        runner.run(lambda: partners.partners(active_only=False), self._partners_loaded,
                   self._failed)

    @staticmethod
    def _beside(spin: QWidget) -> QWidget:
        """A number field that does not stretch across the dialog."""
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(spin)
        layout.addStretch(1)
        return row

    def _rubric_state(self) -> None:
        """The rubric belongs to a saved economic module (it is saved on its own)."""
        economic = enum_value(self.track, Track) is Track.ECONOMIC
        self.rubric_button.setEnabled(bool(self.module.id) and economic)
        self.rubric_hint.setText("" if self.rubric_button.isEnabled()
                                 else t("ui.skills.rubric_social_hint") if not economic
                                 else t("ui.skills.rubric_new_hint"))
        self.rubric_hint.setVisible(not self.rubric_button.isEnabled())

    def open_rubric(self) -> SkillRubricDialog | None:
        if not self.rubric_button.isEnabled():
            return None
        self.rubric_dialog = SkillRubricDialog(self.services, self.runner, self.module.id,
                                               self.module.code, self)
        self.rubric_dialog.open()
        return self.rubric_dialog

    def _partners_loaded(self, partners: list[PartnerView]) -> None:
        if not isValid(self):
            return  # closed before the choices arrived
        for partner in partners:
            if partner.active or partner.id == self.module.partner_id:
                text = partner.name if partner.active else t(
                    "ui.catalogue.archived_name", name=partner.name)
                self.partner.addItem(text, partner.id)
        set_combo(self.partner, self.module.partner_id or OWN_CENTRE)
        self.partner.setEnabled(True)
        self.buttons.setEnabled(True)
        self.ready.emit()

    def collect(self) -> ModuleInput:
        partner = self.partner.currentData()
        return ModuleInput(
            id=self.module.id, code=self.code.text(), title=self.title_edit.text(),
            track=enum_value(self.track, Track) or Track.SOCIAL,
            description=self.description.toPlainText(),
            objectives=self.objectives.toPlainText(),
            session_count=self.session_count.value(),
            minutes_per_session=self.minutes.value(),
            facilitator_type=(enum_value(self.facilitator_type, FacilitatorType)
                              or FacilitatorType.TRAINER),
            venue_features={VenueFeature(v) for v in self.venue_features.values()},
            partner_id=int(partner) if partner else None,
            min_attendance_pct=self.min_attendance.value(),
            assessment_required=self.assessment.isChecked())

    def submit(self) -> None:
        data = self.collect()
        catalogue = self.services.catalogue
        self.run(lambda: catalogue.save_module(data))

