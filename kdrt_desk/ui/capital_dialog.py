"""The dialog that records business capital (modal usaha) she received, or changes it: date,
amount, grant or loan, the source partner, the purpose, and a loan's repayments (one a line)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from kdrt_desk.domain.care import PartnerInfo
from kdrt_desk.domain.livelihood import CapitalInput, CapitalKind, CapitalView
from kdrt_desk.i18n import t
from kdrt_desk.services.livelihood_validation import PURPOSE_LIMIT, ConfirmationNeededError
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.form_widgets import (
    DateTextError,
    RupiahEdit,
    enum_combo,
    enum_value,
    from_qdate,
    parse_rupiah,
    parse_typed_date,
    set_combo,
    to_qdate,
)
from kdrt_desk.ui.livelihood_dialog import ask_confirmation
from kdrt_desk.ui.widgets.forms import date_edit, new_form, text_box
from kdrt_desk.wiring import Services

CENTRE = -1  # the source combo's data for "the centre itself"


def parse_repayments(text: str) -> tuple[tuple[date, int], ...]:
    """``15-01-2027 250.000`` a line -> ((date, amount), ...); ValueError on another shape."""
    found: list[tuple[date, int]] = []
    for line in text.splitlines():
        parts = line.split()
        if not parts:
            continue
        if len(parts) < 2:
            raise ValueError(line)
        try:
            day = parse_typed_date(parts[0])
        except DateTextError:
            raise ValueError(line) from None
        amount = parse_rupiah(" ".join(parts[1:]))
        if day is None or amount is None:
            raise ValueError(line)
        found.append((day, amount))
    return tuple(found)


def repayments_text(repayments: tuple[tuple[date, int], ...]) -> str:
    return "\n".join(f"{day:%d-%m-%Y} {amount:,}".replace(",", ".")
                     for day, amount in repayments)


class CapitalDialog(FormDialog):
    def __init__(self, services: Services, runner: TaskRunner, participant_id: int,
                 existing: CapitalView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.participant_id = participant_id
        self.existing = existing
        self.pending: CapitalInput | None = None
        self.partners_loaded = False
        self.setWindowTitle(t("ui.livelihood.capital.title_new") if existing is None
                            else t("ui.livelihood.capital.title_edit"))
        self.given_on = date_edit()
        self.amount = RupiahEdit()
        self.kind = enum_combo(CapitalKind)
        self.source = QComboBox()
        self.source.addItem(t("ui.livelihood.centre"), CENTRE)
        self.source.setEnabled(False)
        self.purpose = QLineEdit()
        self.purpose.setMaxLength(PURPOSE_LIMIT)
        self.repayments = text_box()
        self.repayments.setPlaceholderText("15-01-2027 250.000")

        form = new_form()
        self.add_field(form, t("ui.livelihood.capital.date"), "given_on", self.given_on, True)
        self.add_field(form, t("ui.livelihood.capital.amount"), "amount", self.amount, True)
        self.add_field(form, t("ui.livelihood.capital.kind"), "kind", self.kind, True)
        self.add_field(form, t("ui.livelihood.capital.source"), "source", self.source)
        self.add_field(form, t("ui.livelihood.capital.purpose"), "purpose", self.purpose)
        self.add_field(form, t("ui.livelihood.capital.repayments"), "repayments",
                       self.repayments, hint=t("ui.livelihood.capital.repayments_hint"))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        if existing is not None:
            self._load(existing)
        self._kind_changed()
        self.finish_layout(form, t("ui.livelihood.dialog.save"),
                           intro=t("ui.admin.required_hint"), width=620)
        care = services.care
        runner.run(lambda: care.partners(active_only=False), self._partners_loaded,
                   self._failed)

    def _load(self, view: CapitalView) -> None:
        self.given_on.setDate(to_qdate(view.given_on))
        self.amount.setText(f"Rp {view.amount:,}".replace(",", "."))
        set_combo(self.kind, view.kind)
        self.purpose.setText(view.purpose)
        self.repayments.setPlainText(repayments_text(view.repayments))

    def _partners_loaded(self, partners: list[PartnerInfo]) -> None:
        for partner in sorted(partners, key=lambda p: p.name.lower()):
            if partner.active or (self.existing is not None
                                  and self.existing.source == partner.id):
                self.source.addItem(partner.name, partner.id)
        if self.existing is not None and self.existing.source is not None:
            set_combo(self.source, self.existing.source)
        self.source.setEnabled(True)
        self.partners_loaded = True

    def _kind_changed(self) -> None:
        self.repayments.setEnabled(enum_value(self.kind, CapitalKind) is CapitalKind.LOAN)

    def collect(self) -> CapitalInput | dict[str, str]:
        problems: dict[str, str] = {}
        amount: int | None = None
        try:
            amount = parse_rupiah(self.amount.text())
        except ValueError:
            problems["amount"] = t("error.livelihood.whole_rupiah")
        kind = enum_value(self.kind, CapitalKind) or CapitalKind.GRANT
        repayments: tuple[tuple[date, int], ...] = ()
        if kind is CapitalKind.LOAN:
            try:
                repayments = parse_repayments(self.repayments.toPlainText())
            except ValueError:
                problems["repayments"] = t("error.livelihood.repayments_format")
        if problems:
            return problems
        source = self.source.currentData()
        return CapitalInput(
            given_on=from_qdate(self.given_on.date()), amount=amount,
            source=None if source is None or int(source) == CENTRE else int(source),
            purpose=self.purpose.text(), kind=kind, repayments=repayments)

    def submit(self) -> None:
        if self.busy or not self.partners_loaded:
            return
        data = self.collect()
        if isinstance(data, dict):
            self.show_errors(data)
            return
        self._save(data)

    def _save(self, data: CapitalInput) -> None:
        self.pending = data
        service, pid = self.services.livelihoods, self.participant_id
        if self.existing is None:
            self.run(lambda: service.add_capital(pid, data))
        else:
            capital_id = self.existing.id
            self.run(lambda: service.update_capital(capital_id, data))

    def on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConfirmationNeededError) and self.pending is not None:
            if ask_confirmation(self, exc):
                self._save(replace(self.pending, confirmed=True))
            else:
                self.show_errors({exc.field or "": exc.message})
            return
        super().on_failed(exc)
