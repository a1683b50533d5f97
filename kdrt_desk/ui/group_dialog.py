"""Dialogs of the groups screen: a group's set-up, enrolling members, ending and transferring."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.places import KECAMATAN, KELURAHAN_BY_KECAMATAN
from kdrt_desk.domain.training import (
    EnrolmentStatus,
    FacilitatorView,
    GroupInput,
    GroupView,
    MemberRow,
    ModuleView,
    VenueView,
)
from kdrt_desk.i18n import format_date, label, t
from kdrt_desk.services.programme_validation import FUNDER_LIMIT
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.form_widgets import from_qdate, set_combo, to_qdate
from kdrt_desk.ui.widgets.forms import (
    add_field,
    checkable_list,
    checked_ids,
    date_edit,
    new_form,
    period_row,
)
from kdrt_desk.wiring import Services

ENDINGS = (EnrolmentStatus.WITHDRAWN, EnrolmentStatus.DROPPED_OUT, EnrolmentStatus.COMPLETED)


class GroupDialog(FormDialog):
    """Name, area, period, usual venue, the modules in order and the facilitators of a group."""

    def __init__(self, services: Services, runner: TaskRunner, existing: GroupView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.existing = existing
        self.loaded = False
        self.setWindowTitle(t("ui.groups.dialog.title_new") if existing is None
                            else t("ui.groups.dialog.title_edit"))
        self.name = QLineEdit()
        self.name.setMaxLength(120)
        self.kecamatan = QComboBox()
        self.kecamatan.addItem(t("ui.groups.dialog.choose"), "")
        for name in KECAMATAN:
            self.kecamatan.addItem(name, name)
        self.kelurahan = QComboBox()
        self.kelurahan.setEditable(True)
        self.kecamatan.currentIndexChanged.connect(self._fill_kelurahan)
        self.start_date, self.end_date, period = period_row()
        self.venue = QComboBox()
        self.venue.addItem(t("ui.groups.dialog.no_venue"), None)
        self.modules = checkable_list(150)
        self.up_button = QPushButton(t("ui.groups.dialog.up"))
        self.down_button = QPushButton(t("ui.groups.dialog.down"))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        module_cell = QWidget()
        module_row = QHBoxLayout(module_cell)
        module_row.setContentsMargins(0, 0, 0, 0)
        module_row.addWidget(self.modules, 1)
        order = QVBoxLayout()
        order.addWidget(self.up_button)
        order.addWidget(self.down_button)
        order.addStretch(1)
        module_row.addLayout(order)
        self.facilitators = checkable_list(100)
        self.funder = QLineEdit()  # plain text: a QLineEdit shows no markup
        self.funder.setMaxLength(FUNDER_LIMIT)
        self.funder_names = QStringListModel(self)
        completer = QCompleter(self.funder_names, self.funder)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.funder.setCompleter(completer)

        form = new_form()
        add_field(form, self.errors, t("ui.groups.dialog.name"), "name", self.name, True,
                  t("ui.groups.dialog.name_hint"))
        add_field(form, self.errors, t("ui.groups.dialog.kecamatan"), "kecamatan",
                  self.kecamatan, True)
        add_field(form, self.errors, t("ui.groups.dialog.kelurahan"), "kelurahan", self.kelurahan)
        add_field(form, self.errors, t("ui.groups.dialog.period"), "end_date", period, True)
        self.errors.labels["start_date"] = self.errors.labels["end_date"]
        add_field(form, self.errors, t("ui.groups.dialog.venue"), "venue_id", self.venue)
        add_field(form, self.errors, t("ui.groups.dialog.funder"), "funder", self.funder,
                  hint=t("ui.groups.dialog.funder_hint"))
        add_field(form, self.errors, t("ui.groups.dialog.modules"), "module_ids", module_cell,
                  True, t("ui.groups.dialog.modules_hint"))
        add_field(form, self.errors, t("ui.groups.dialog.facilitators"), "facilitator_ids",
                  self.facilitators, hint=t("ui.groups.dialog.facilitators_hint"))
        self.finish_layout(form, t("ui.groups.dialog.save"), width=620, scroll=True)
        if existing is not None:
            self.name.setText(existing.name)
            set_combo(self.kecamatan, existing.kecamatan)
            self.kelurahan.setCurrentText(existing.kelurahan)
            self.funder.setText(existing.funder)
            if existing.start_date is not None:
                self.start_date.setDate(to_qdate(existing.start_date))
            if existing.end_date is not None:
                self.end_date.setDate(to_qdate(existing.end_date))
        catalogue, groups = services.catalogue, services.groups
        runner.run(lambda: (catalogue.modules(include_archived=True), catalogue.venues(True),
                            catalogue.facilitators(True), groups.funders()),
                   self._catalogue_loaded, self._failed)

    def _fill_kelurahan(self) -> None:
        text = self.kelurahan.currentText()
        self.kelurahan.clear()
        self.kelurahan.addItems(list(KELURAHAN_BY_KECAMATAN.get(self.kecamatan.currentData() or "",
                                                                ())))
        self.kelurahan.setCurrentText(text)

    def _catalogue_loaded(self, found: tuple[list[ModuleView], list[VenueView],
                                             list[FacilitatorView], list[str]]) -> None:
        modules, venues, facilitators, funders = found
        self.funder_names.setStringList(funders)
        existing = self.existing
        chosen_modules = existing.module_ids if existing else []
        by_id = {m.id: m for m in modules}
        ordered = [by_id[m] for m in chosen_modules if m in by_id]
        ordered += [m for m in modules if m.id not in chosen_modules and not m.archived]
        for module in ordered:
            item = QListWidgetItem(f"{module.code} – {module.title} ({label(module.track)})")
            item.setData(Qt.ItemDataRole.UserRole, module.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if module.id in chosen_modules
                               else Qt.CheckState.Unchecked)
            self.modules.addItem(item)
        for venue in venues:
            if not venue.archived or (existing and existing.venue_id == venue.id):
                self.venue.addItem(t("ui.groups.dialog.venue_item", name=venue.name,
                                     capacity=venue.capacity), venue.id)
        if existing is not None and existing.venue_id is not None:
            set_combo(self.venue, existing.venue_id)
        chosen = existing.facilitator_ids if existing else set()
        for person in facilitators:
            if person.archived and person.id not in chosen:
                continue
            item = QListWidgetItem(f"{person.name} ({label(person.type)})")
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person.id in chosen
                               else Qt.CheckState.Unchecked)
            self.facilitators.addItem(item)
        self.loaded = True

    def _move(self, step: int) -> None:
        row = self.modules.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.modules.count():
            return
        item = self.modules.takeItem(row)
        self.modules.insertItem(target, item)
        self.modules.setCurrentRow(target)

    def collect(self) -> GroupInput:
        venue = self.venue.currentData()
        return GroupInput(
            name=self.name.text(), kecamatan=self.kecamatan.currentData() or "",
            kelurahan=self.kelurahan.currentText(),
            start_date=from_qdate(self.start_date.date()),
            end_date=from_qdate(self.end_date.date()),
            venue_id=None if venue is None else int(venue),
            module_ids=checked_ids(self.modules),
            facilitator_ids=set(checked_ids(self.facilitators)),
            funder=self.funder.text(),
            id=self.existing.id if self.existing else 0)

    def submit(self) -> None:
        if self.busy or not self.loaded:
            return
        data = self.collect()
        groups = self.services.groups
        self.run(lambda: groups.save(data))


class EndMembershipDialog(FormDialog):
    """Withdrawn, dropped out or completed, on a date, with a reason (completion needs none)."""

    def __init__(self, services: Services, runner: TaskRunner, member: MemberRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.member = member
        self.setWindowTitle(t("ui.groups.end.title", name=member.full_name))
        self.status = QComboBox()
        for ending in ENDINGS:
            self.status.addItem(label(ending), ending.value)
        self.on = date_edit(max(date.today(), member.enrolled_on))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        form = new_form()
        add_field(form, self.errors, t("ui.groups.end.status"), "status", self.status, True)
        add_field(form, self.errors, t("ui.groups.end.date"), "on", self.on, True,
                  t("ui.groups.end.date_hint", date=format_date(member.enrolled_on)))
        add_field(form, self.errors, t("ui.groups.end.reason"), "reason", self.reason,
                  hint=t("ui.groups.end.reason_hint"))
        self.finish_layout(form, t("ui.groups.end.save"),
                           t("ui.groups.end.intro", code=member.code, name=member.full_name))

    def submit(self) -> None:
        if self.busy:
            return
        groups, enrolment = self.services.groups, self.member.enrolment_id
        status = EnrolmentStatus(self.status.currentData())
        day = from_qdate(self.on.date())
        reason = self.reason.toPlainText()
        self.run(lambda: groups.end_membership(enrolment, status, on=day, reason=reason))


class TransferDialog(FormDialog):
    """Move her to another group from a date; her attendance so far stays hers."""

    def __init__(self, services: Services, runner: TaskRunner, member: MemberRow,
                 targets: list[GroupView], parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.member = member
        self.setWindowTitle(t("ui.groups.transfer.title", name=member.full_name))
        self.target = QComboBox()
        self.target.addItem(t("ui.groups.dialog.choose"), None)
        for group in targets:
            self.target.addItem(t("ui.groups.transfer.group_item", name=group.name,
                                  start=format_date(group.start_date),
                                  end=format_date(group.end_date)), group.id)
        self.on = date_edit(max(date.today(), member.enrolled_on))
        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        form = new_form()
        add_field(form, self.errors, t("ui.groups.transfer.group"), "group_id", self.target, True)
        add_field(form, self.errors, t("ui.groups.transfer.date"), "on", self.on, True)
        add_field(form, self.errors, t("ui.groups.transfer.reason"), "reason", self.reason)
        self.finish_layout(form, t("ui.groups.transfer.save"),
                           t("ui.groups.transfer.intro", code=member.code,
                             name=member.full_name))

    def submit(self) -> None:
        if self.busy:
            return
        target = self.target.currentData()
        if target is None:
            self.show_errors({"group_id": t("ui.groups.transfer.choose_group")})
            return
        groups, enrolment = self.services.groups, self.member.enrolment_id
        day, reason, to_group = from_qdate(self.on.date()), self.reason.text(), int(target)
        self.run(lambda: groups.transfer(enrolment, to_group, on=day, reason=reason))
