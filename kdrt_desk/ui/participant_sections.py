"""The intake form's sections; each fills itself from a record and writes back into an input.

``read`` collects parse problems (text where a number belongs) as field errors; the service then
checks every rule again.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.enums import (
    ConsentScope,
    EconomicDependence,
    Education,
    LegalProceedings,
    LivingSituation,
    MaritalStatus,
    ParticipantStatus,
    PerpetratorRelation,
    ReferralSource,
    SafeToCall,
    ViolenceForm,
)
from kdrt_desk.domain.participant import CaseBackground, Consent, ParticipantInput
from kdrt_desk.domain.phone import format_phone
from kdrt_desk.domain.places import KECAMATAN, KELURAHAN_BY_KECAMATAN
from kdrt_desk.i18n import format_rupiah, label, t
from kdrt_desk.ui.form_widgets import (
    OptionalDate,
    PastDateEdit,
    RupiahEdit,
    enum_combo,
    enum_value,
    from_qdate,
    parse_ages,
    parse_rupiah,
    set_combo,
    to_qdate,
)
from kdrt_desk.ui.widgets.errors import FieldErrors
from kdrt_desk.ui.widgets.look import RESTRICTED, mark

ParseErrors = dict[str, str]


def _form(widget: QWidget) -> QFormLayout:
    form = QFormLayout(widget)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    return form


def _spin(maximum: int, empty_text: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(-1 if empty_text else 0, maximum)
    if empty_text:
        spin.setSpecialValueText(empty_text)
        spin.setValue(-1)
    return spin


def _spin_value(spin: QSpinBox) -> int | None:
    return None if spin.value() < 0 else spin.value()


class Section(QWidget):
    """A tab of the form with its own field error labels."""

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = errors
        self.fields: set[str] = set()

    def row(self, form: QFormLayout, label_key: str, field: str, widget: QWidget,
            required: bool = False) -> None:
        self.errors.add_row(form, t(label_key), field, widget, required)
        self.fields.add(field)


class IdentitySection(Section):
    def __init__(self, errors: FieldErrors) -> None:
        super().__init__(errors)
        form = _form(self)
        self.code = QLabel(t("ui.form.code_new"))
        form.addRow(t("ui.form.code"), self.code)
        self.full_name = QLineEdit()
        self.preferred_name = QLineEdit()
        self.nik = QLineEdit()
        self.nik.setPlaceholderText(t("ui.form.nik_hint"))
        self.nik.setMaxLength(24)
        self.birth_date = PastDateEdit()
        self.estimated_age = _spin(100, t("ui.form.unknown"))
        self.birth_place = QLineEdit()
        self.row(form, "ui.form.full_name", "full_name", self.full_name, required=True)
        self.row(form, "ui.form.preferred_name", "preferred_name", self.preferred_name)
        self.row(form, "ui.form.nik", "nik", self.nik)
        self.row(form, "ui.form.birth_date", "birth_date", self.birth_date, required=True)
        self.row(form, "ui.form.estimated_age", "estimated_age", self.estimated_age)
        self.row(form, "ui.form.birth_place", "birth_place", self.birth_place)

    def load(self, data: ParticipantInput, code: str) -> None:
        self.code.setText(code or t("ui.form.code_new"))
        self.full_name.setText(data.full_name)
        self.preferred_name.setText(data.preferred_name)
        self.nik.setText(data.nik)
        self.birth_date.set_value(data.birth_date)
        self.estimated_age.setValue(-1 if data.estimated_age is None else data.estimated_age)
        self.birth_place.setText(data.birth_place)

    def read(self, data: ParticipantInput, problems: ParseErrors) -> None:
        data.full_name = self.full_name.text()
        data.preferred_name = self.preferred_name.text()
        data.nik = self.nik.text()
        data.birth_date = self.birth_date.value()
        if self.birth_date.problem():
            problems["birth_date"] = self.birth_date.problem()
        data.estimated_age = _spin_value(self.estimated_age)
        data.birth_place = self.birth_place.text()


class ContactSection(Section):
    def __init__(self, errors: FieldErrors, show_contact: bool) -> None:
        super().__init__(errors)
        form = _form(self)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("0812-3456-7890")
        self.show_contact = show_contact
        self.safe_to_call = enum_combo(SafeToCall, empty=True)  # unset until she answers
        self.safe_call_times = QLineEdit()
        self.safe_call_times.setPlaceholderText(t("ui.form.safe_call_times_hint"))
        self.trusted_contact_name = QLineEdit()
        self.trusted_contact_phone = QLineEdit()
        self.never_contact_at_home = QCheckBox(t("ui.form.never_contact_at_home"))
        self.living_situation = enum_combo(LivingSituation, empty=True)
        self.suggestion = QLabel(t("ui.form.abuser_suggestion"))
        self.suggestion.setWordWrap(True)
        mark(self.suggestion, RESTRICTED)
        self.suggestion.hide()
        self._loading = False
        self.living_situation.currentIndexChanged.connect(self._suggest_safety)
        self.kecamatan = QComboBox()
        self.kecamatan.addItem(t("ui.form.choose"), "")
        for name in KECAMATAN:
            self.kecamatan.addItem(name, name)
        self.kelurahan = QLineEdit()
        self.kecamatan.currentIndexChanged.connect(self._suggest_kelurahan)
        self.row(form, "ui.form.living_situation", "living_situation", self.living_situation,
                 required=True)
        if show_contact:
            form.addRow("", self.suggestion)
            self.row(form, "ui.form.phone", "phone", self.phone)
            self.row(form, "ui.form.safe_to_call", "safe_to_call", self.safe_to_call,
                     required=True)
            self.row(form, "ui.form.safe_call_times", "safe_call_times", self.safe_call_times)
            self.row(form, "ui.form.trusted_contact_name", "trusted_contact_name",
                     self.trusted_contact_name)
            self.row(form, "ui.form.trusted_contact_phone", "trusted_contact_phone",
                     self.trusted_contact_phone)
            form.addRow("", self.never_contact_at_home)
        self.row(form, "ui.form.kecamatan", "kecamatan", self.kecamatan, required=True)
        if show_contact:
            self.row(form, "ui.form.kelurahan", "kelurahan", self.kelurahan)

    def _suggest_safety(self) -> None:
        """Living with the abuser: not safe to call, never contact at home (she may change it)."""
        if self._loading or not self.show_contact:
            return
        with_abuser = (enum_value(self.living_situation, LivingSituation)
                       == LivingSituation.WITH_ABUSER)
        if with_abuser:
            set_combo(self.safe_to_call, SafeToCall.NO)
            self.never_contact_at_home.setChecked(True)
        self.suggestion.setVisible(with_abuser)

    def _suggest_kelurahan(self) -> None:
        names = KELURAHAN_BY_KECAMATAN.get(self.kecamatan.currentData() or "", ())
        completer = QCompleter(list(names), self.kelurahan)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.kelurahan.setCompleter(completer)

    def load(self, data: ParticipantInput) -> None:
        self.phone.setText(format_phone(data.phone) if data.phone else "")
        set_combo(self.safe_to_call, data.safe_to_call)
        self.safe_call_times.setText(data.safe_call_times)
        self.trusted_contact_name.setText(data.trusted_contact_name)
        self.trusted_contact_phone.setText(
            format_phone(data.trusted_contact_phone) if data.trusted_contact_phone else "")
        self.never_contact_at_home.setChecked(data.never_contact_at_home)
        self._loading = True  # her answers as recorded, no suggestion over them
        set_combo(self.living_situation, data.living_situation)
        self._loading = False
        set_combo(self.kecamatan, data.kecamatan)
        self.kelurahan.setText(data.kelurahan)

    def read(self, data: ParticipantInput, problems: ParseErrors) -> None:
        data.phone = self.phone.text()
        safe_to_call = enum_value(self.safe_to_call, SafeToCall)
        if safe_to_call is None and self.show_contact:
            problems["safe_to_call"] = t("error.safety_unset")
        data.safe_to_call = safe_to_call or SafeToCall.NO
        data.safe_call_times = self.safe_call_times.text()
        data.trusted_contact_name = self.trusted_contact_name.text()
        data.trusted_contact_phone = self.trusted_contact_phone.text()
        data.never_contact_at_home = self.never_contact_at_home.isChecked()
        living = enum_value(self.living_situation, LivingSituation)
        if living is None and self.show_contact:
            problems["living_situation"] = t("error.safety_unset")
        data.living_situation = living or LivingSituation.WITH_FAMILY
        data.kecamatan = self.kecamatan.currentData() or ""
        data.kelurahan = self.kelurahan.text()


class HouseholdSection(Section):
    def __init__(self, errors: FieldErrors) -> None:
        super().__init__(errors)
        form = _form(self)
        self.marital_status = enum_combo(MaritalStatus)
        self.children_count = _spin(20)
        self.children_ages = QLineEdit()
        self.children_ages.setPlaceholderText(t("ui.form.children_ages_hint"))
        self.dependants = _spin(30)
        self.education = enum_combo(Education)
        self.occupation = QLineEdit()
        self.monthly_income = RupiahEdit()
        self.economic_dependence = enum_combo(EconomicDependence)
        self.row(form, "ui.form.marital_status", "marital_status", self.marital_status)
        self.row(form, "ui.form.children_count", "children_count", self.children_count)
        self.row(form, "ui.form.children_ages", "children_ages", self.children_ages)
        self.row(form, "ui.form.dependants", "dependants", self.dependants)
        self.row(form, "ui.form.education", "education", self.education)
        self.row(form, "ui.form.occupation", "occupation", self.occupation)
        self.row(form, "ui.form.monthly_income", "monthly_income", self.monthly_income)
        self.row(form, "ui.form.economic_dependence", "economic_dependence",
                 self.economic_dependence)

    def load(self, data: ParticipantInput) -> None:
        set_combo(self.marital_status, data.marital_status)
        self.children_count.setValue(data.children_count)
        self.children_ages.setText(", ".join(str(a) for a in data.children_ages))
        self.dependants.setValue(data.dependants)
        set_combo(self.education, data.education)
        self.occupation.setText(data.occupation)
        self.monthly_income.setText(format_rupiah(data.monthly_income))
        set_combo(self.economic_dependence, data.economic_dependence)

    def read(self, data: ParticipantInput, problems: ParseErrors) -> None:
        data.marital_status = (enum_value(self.marital_status, MaritalStatus)
                               or MaritalStatus.MARRIED)
        data.children_count = self.children_count.value()
        try:
            data.children_ages = parse_ages(self.children_ages.text())
        except ValueError:
            problems["children_ages"] = t("error.not_a_number")
        data.dependants = self.dependants.value()
        data.education = enum_value(self.education, Education) or Education.SMA
        data.occupation = self.occupation.text()
        try:
            data.monthly_income = parse_rupiah(self.monthly_income.text())
        except ValueError:
            problems["monthly_income"] = t("error.income_range")
        data.economic_dependence = (enum_value(self.economic_dependence, EconomicDependence)
                                    or EconomicDependence.NONE)


class CaseSection(Section):
    """Restricted: built only for roles that may see it; filled only after an audited opening."""

    def __init__(self, errors: FieldErrors) -> None:
        super().__init__(errors)
        outer = QVBoxLayout(self)
        notice = QLabel(t("ui.form.restricted_notice"))
        notice.setWordWrap(True)
        mark(notice, RESTRICTED)
        outer.addWidget(notice)
        body = QWidget()
        outer.addWidget(body)
        form = _form(body)
        forms = QWidget()
        grid = QGridLayout(forms)
        grid.setContentsMargins(0, 0, 0, 0)
        self.violence: dict[ViolenceForm, QCheckBox] = {}
        for i, member in enumerate(ViolenceForm):
            box = QCheckBox(label(member))
            self.violence[member] = box
            grid.addWidget(box, i // 3, i % 3)
        self.perpetrator_relation = enum_combo(PerpetratorRelation, empty=True)
        self.duration_months = _spin(900, t("ui.form.unknown"))
        self.duration_months.setSuffix(t("ui.form.months_suffix"))
        self.reported_to_police = QCheckBox(t("ui.form.reported_to_police"))
        self.legal_proceedings = enum_combo(LegalProceedings)
        self.referral_source = enum_combo(ReferralSource, empty=True)
        self.referral_other = QLineEdit()
        self.safety_notes = QPlainTextEdit()
        self.safety_notes.setMinimumHeight(70)
        self.row(form, "ui.form.violence_forms", "violence_forms", forms)
        self.row(form, "ui.form.perpetrator_relation", "perpetrator_relation",
                 self.perpetrator_relation)
        self.row(form, "ui.form.duration_months", "duration_months", self.duration_months)
        form.addRow("", self.reported_to_police)
        self.row(form, "ui.form.legal_proceedings", "legal_proceedings", self.legal_proceedings)
        self.row(form, "ui.form.referral_source", "referral_source", self.referral_source)
        self.row(form, "ui.form.referral_other", "referral_other", self.referral_other)
        self.row(form, "ui.form.safety_notes", "safety_notes", self.safety_notes)

    def load(self, case: CaseBackground) -> None:
        for member, box in self.violence.items():
            box.setChecked(member in case.violence_forms)
        set_combo(self.perpetrator_relation, case.perpetrator_relation)
        self.duration_months.setValue(-1 if case.duration_months is None
                                      else case.duration_months)
        self.reported_to_police.setChecked(case.reported_to_police)
        set_combo(self.legal_proceedings, case.legal_proceedings)
        set_combo(self.referral_source, case.referral_source)
        self.referral_other.setText(case.referral_other)
        self.safety_notes.setPlainText(case.safety_notes)

    def read(self) -> CaseBackground:
        return CaseBackground(
            violence_forms={m for m, box in self.violence.items() if box.isChecked()},
            perpetrator_relation=enum_value(self.perpetrator_relation, PerpetratorRelation),
            duration_months=_spin_value(self.duration_months),
            reported_to_police=self.reported_to_police.isChecked(),
            legal_proceedings=(enum_value(self.legal_proceedings, LegalProceedings)
                               or LegalProceedings.NONE),
            referral_source=enum_value(self.referral_source, ReferralSource),
            referral_other=self.referral_other.text(),
            safety_notes=self.safety_notes.toPlainText(),
        )


class ConsentSection(Section):
    def __init__(self, errors: FieldErrors) -> None:
        super().__init__(errors)
        form = _form(self)
        self.consent_date = PastDateEdit()
        scopes = QWidget()
        box_layout = QVBoxLayout(scopes)
        box_layout.setContentsMargins(0, 0, 0, 0)
        self.scopes: dict[ConsentScope, QCheckBox] = {}
        for member in ConsentScope:
            box = QCheckBox(label(member))
            self.scopes[member] = box
            box_layout.addWidget(box)
        self.recorded_by = QLabel()
        self.withdrawn = OptionalDate(t("ui.form.withdrawn"))
        self.withdrawn.setEnabled(False)  # shown only; withdrawal goes through the consent panel
        self.status = enum_combo(ParticipantStatus)
        self.registered_on = QDateEdit()
        self.registered_on.setCalendarPopup(True)
        self.registered_on.setDisplayFormat("dd-MM-yyyy")
        self.registered_on.setDate(QDate.currentDate())
        self.row(form, "ui.form.consent_date", "consent_date", self.consent_date, required=True)
        self.row(form, "ui.form.consent_scopes", "consent", scopes, required=True)
        form.addRow(t("ui.form.recorded_by"), self.recorded_by)
        self.row(form, "ui.form.consent_withdrawn", "consent_withdrawn", self.withdrawn)
        self.row(form, "ui.form.status", "status", self.status)
        self.row(form, "ui.form.registered_on", "registered_on", self.registered_on)

    def load(self, data: ParticipantInput) -> None:
        consent = data.consent
        self.consent_date.set_value(consent.consent_date)
        for member, box in self.scopes.items():
            box.setChecked(member in consent.scopes)
        self.recorded_by.setText(consent.recorded_by or "—")
        self.withdrawn.set_value(consent.withdrawn_on)
        set_combo(self.status, data.status)
        if data.registered_on is not None:
            self.registered_on.setDate(to_qdate(data.registered_on))

    def read(self, data: ParticipantInput, problems: ParseErrors) -> None:
        recorded_by = self.recorded_by.text()
        data.consent = Consent(
            consent_date=self.consent_date.value(),
            scopes={m for m, box in self.scopes.items() if box.isChecked()},
            recorded_by="" if recorded_by in ("", "—") else recorded_by,
            withdrawn_on=self.withdrawn.value(),
        )
        if self.consent_date.problem():
            problems["consent_date"] = self.consent_date.problem()
        data.status = enum_value(self.status, ParticipantStatus) or ParticipantStatus.REGISTERED
        data.registered_on = from_qdate(self.registered_on.date())


def today_qdate() -> date:
    return from_qdate(QDate.currentDate())
