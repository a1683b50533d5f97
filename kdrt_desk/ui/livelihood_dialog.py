"""The dialog that records one livelihood follow-up for her (or changes one): status, business
kind, income, savings, whether it covers her needs, whether she still depends on the abuser,
how she sells. An amount above the plausibility bound is asked about, then saved confirmed."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QMessageBox, QWidget

from kdrt_desk.domain.livelihood import (
    BusinessKind,
    LivelihoodInput,
    LivelihoodStatus,
    LivelihoodView,
    SalesChannel,
)
from kdrt_desk.i18n import label, t
from kdrt_desk.services.livelihood_validation import NOTE_LIMIT, ConfirmationNeededError
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.form_widgets import (
    RupiahEdit,
    enum_combo,
    enum_value,
    from_qdate,
    parse_rupiah,
    set_combo,
    to_qdate,
)
from kdrt_desk.ui.widgets.forms import date_edit, new_form
from kdrt_desk.wiring import Services

UNKNOWN = "unknown"  # a yes/no combo's data for "not known"


def yes_no_combo() -> QComboBox:
    combo = QComboBox()
    combo.addItem(t("ui.livelihood.unknown"), UNKNOWN)
    combo.addItem(t("ui.livelihood.yes"), True)
    combo.addItem(t("ui.livelihood.no"), False)
    return combo


def yes_no_value(combo: QComboBox) -> bool | None:
    data = combo.currentData()
    return None if data == UNKNOWN or data is None else bool(data)


def set_yes_no(combo: QComboBox, value: bool | None) -> None:
    set_combo(combo, UNKNOWN if value is None else value)


def ask_confirmation(parent: QWidget, exc: ConfirmationNeededError) -> bool:
    """The plausibility question; True when the person says the amount is right."""
    answer = QMessageBox.question(parent, t("ui.livelihood.confirm_title"), exc.message)
    return bool(answer == QMessageBox.StandardButton.Yes)


class LivelihoodDialog(FormDialog):
    def __init__(self, services: Services, runner: TaskRunner, participant_id: int,
                 existing: LivelihoodView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.participant_id = participant_id
        self.existing = existing
        self.pending: LivelihoodInput | None = None
        self.setWindowTitle(t("ui.livelihood.dialog.title_new") if existing is None
                            else t("ui.livelihood.dialog.title_edit"))
        self.recorded_on = date_edit()
        self.status = enum_combo(LivelihoodStatus)
        self.business_kind = QComboBox()
        self.business_kind.addItem(t("ui.livelihood.dialog.no_kind"), None)
        for kind in BusinessKind:
            self.business_kind.addItem(label(kind), kind)
        self.income = RupiahEdit()
        self.savings = RupiahEdit()
        self.covers = yes_no_combo()
        self.depends = yes_no_combo()
        self.channel_boxes: dict[SalesChannel, QCheckBox] = {}
        channels = QWidget()
        row = QHBoxLayout(channels)
        row.setContentsMargins(0, 0, 0, 0)
        for channel in SalesChannel:
            box = QCheckBox(label(channel))
            self.channel_boxes[channel] = box
            row.addWidget(box)
        row.addStretch(1)
        self.note = QLineEdit()
        self.note.setMaxLength(NOTE_LIMIT)

        form = new_form()
        self.add_field(form, t("ui.livelihood.dialog.date"), "recorded_on", self.recorded_on,
                       True)
        self.add_field(form, t("ui.livelihood.dialog.status"), "status", self.status, True)
        self.add_field(form, t("ui.livelihood.dialog.business_kind"), "business_kind",
                       self.business_kind, hint=t("ui.livelihood.dialog.kind_hint"))
        self.add_field(form, t("ui.livelihood.dialog.income"), "monthly_income", self.income,
                       hint=t("ui.livelihood.dialog.amount_hint"))
        self.add_field(form, t("ui.livelihood.dialog.savings"), "savings", self.savings)
        self.add_field(form, t("ui.livelihood.dialog.covers"), "covers_basic_needs",
                       self.covers)
        self.add_field(form, t("ui.livelihood.dialog.depends"), "depends_on_abuser",
                       self.depends)
        self.add_field(form, t("ui.livelihood.dialog.channels"), "channels", channels)
        self.add_field(form, t("ui.livelihood.dialog.note"), "note", self.note)
        self.status.currentIndexChanged.connect(self._status_changed)
        if existing is not None:
            self._load(existing)
        self._status_changed()
        self.finish_layout(form, t("ui.livelihood.dialog.save"),
                           intro=t("ui.admin.required_hint"), width=680)

    def _load(self, view: LivelihoodView) -> None:
        self.recorded_on.setDate(to_qdate(view.recorded_on))
        set_combo(self.status, view.status)
        set_combo(self.business_kind, view.business_kind)
        self.income.setText(_rupiah_text(view.monthly_income))
        self.savings.setText(_rupiah_text(view.savings))
        set_yes_no(self.covers, view.covers_basic_needs)
        set_yes_no(self.depends, view.depends_on_abuser)
        for channel, box in self.channel_boxes.items():
            box.setChecked(channel in view.channels)
        self.note.setText(view.note)

    def _status_changed(self) -> None:
        business = enum_value(self.status, LivelihoodStatus) is LivelihoodStatus.BUSINESS
        if not business:
            self.business_kind.setCurrentIndex(0)
        self.business_kind.setEnabled(business)

    def collect(self) -> LivelihoodInput | dict[str, str]:
        """The input, or the messages of amounts that are not numbers."""
        amounts: dict[str, int | None] = {}
        problems: dict[str, str] = {}
        for field, edit in (("monthly_income", self.income), ("savings", self.savings)):
            try:
                amounts[field] = parse_rupiah(edit.text())
            except ValueError:
                problems[field] = t("error.livelihood.whole_rupiah")
        if problems:
            return problems
        kind = self.business_kind.currentData()
        return LivelihoodInput(
            recorded_on=from_qdate(self.recorded_on.date()),
            status=enum_value(self.status, LivelihoodStatus) or LivelihoodStatus.NONE,
            business_kind=None if kind is None or kind == "" else BusinessKind(kind),
            monthly_income=amounts["monthly_income"], savings=amounts["savings"],
            covers_basic_needs=yes_no_value(self.covers),
            depends_on_abuser=yes_no_value(self.depends),
            channels=tuple(c for c, box in self.channel_boxes.items() if box.isChecked()),
            note=self.note.text())

    def submit(self) -> None:
        if self.busy:
            return
        data = self.collect()
        if isinstance(data, dict):
            self.show_errors(data)
            return
        self._save(data)

    def _save(self, data: LivelihoodInput) -> None:
        self.pending = data
        service, pid = self.services.livelihoods, self.participant_id
        if self.existing is None:
            self.run(lambda: service.add_record(pid, data))
        else:
            record_id = self.existing.id
            self.run(lambda: service.update_record(record_id, data))

    def on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConfirmationNeededError) and self.pending is not None:
            if ask_confirmation(self, exc):
                self._save(replace(self.pending, confirmed=True))
            else:
                self.show_errors({exc.field or "": exc.message})
            return
        super().on_failed(exc)


def _rupiah_text(value: int | None) -> str:
    return "" if value is None else f"Rp {value:,}".replace(",", ".")
