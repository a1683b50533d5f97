"""The grouping help: groups suggested from the waiting list by free times and kecamatan, which
the admin changes (move, remove, untick) and then creates with one set-up for all of them."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.places import KECAMATAN
from kdrt_desk.domain.training import Candidate, FacilitatorView, ModuleView, VenueView
from kdrt_desk.i18n import format_time, label, t
from kdrt_desk.scheduling.grouping import MAX_SIZE, MIN_SIZE, WeekSlot
from kdrt_desk.services.grouping import (
    GroupingOutcome,
    GroupingSuggestion,
    GroupSuggestion,
    GroupTemplate,
)
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.form_widgets import from_qdate
from kdrt_desk.ui.widgets.forms import (
    add_field,
    checkable_list,
    checked_ids,
    hint_label,
    new_form,
    period_row,
    plain,
)
from kdrt_desk.wiring import Services


def times_text(slots: tuple[WeekSlot, ...]) -> str:
    """"Selasa & Kamis 09.00–11.00": the days of each span of clock time, spans in order."""
    if not slots:
        return t("grouping.no_times")
    spans: dict[tuple[time, time], list[int]] = {}
    for slot in sorted(slots, key=lambda s: (s.start, s.weekday)):
        spans.setdefault((slot.start, slot.end), []).append(slot.weekday)
    parts = []
    for (start, end), days in spans.items():
        names = f" {t('grouping.and')} ".join(t(f"calendar.weekday.{d}") for d in sorted(days))
        parts.append(t("grouping.times", days=names, start=format_time(start),
                       end=format_time(end)))
    return ", ".join(parts)


def member_text(person: Candidate) -> str:
    return f"{person.code} — {person.full_name} ({person.kecamatan})"


class GroupingDialog(FormDialog):
    """Size and kecamatan, "Sarankan", the suggested groups and their members, the set-up."""

    def __init__(self, services: Services, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.setWindowTitle(t("ui.grouping.title"))
        self.suggestion: GroupingSuggestion | None = None
        self.plan: list[list[Candidate]] = []  # the members of each suggested group, as changed
        self.infos: list[GroupSuggestion] = []  # each one's usual times and kecamatan
        self.loaded = False
        self.chosen: list[int] = []  # the groups (rows) asked to be created
        self.size_box = QSpinBox()
        self.size_box.setRange(MIN_SIZE, MAX_SIZE)
        self.size_box.setValue(15)
        self.kecamatan = QComboBox()
        self.kecamatan.addItem(t("ui.grouping.any_kecamatan"), "")
        for name in KECAMATAN:
            self.kecamatan.addItem(name, name)
        self.suggest_button = QPushButton(t("ui.grouping.suggest"))
        self.suggest_button.clicked.connect(self.suggest)
        ask = QWidget()
        ask_row = QHBoxLayout(ask)
        ask_row.setContentsMargins(0, 0, 0, 0)
        ask_row.addWidget(QLabel(t("ui.grouping.size")))
        ask_row.addWidget(self.size_box)
        ask_row.addWidget(QLabel(t("ui.grouping.kecamatan")))
        ask_row.addWidget(self.kecamatan, 1)
        ask_row.addWidget(self.suggest_button)
        self.notice = hint_label("")
        self.notice.hide()
        self.summary_label = plain(QLabel())
        self.groups_list = QListWidget()
        self.groups_list.setMinimumHeight(160)
        self.groups_list.currentRowChanged.connect(self._show_members)
        self.members_list = QListWidget()
        self.members_list.setMinimumHeight(160)
        self.members_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.target = QComboBox()
        self.move_button = QPushButton(t("ui.grouping.move_to"))
        self.remove_button = QPushButton(t("ui.grouping.remove"))
        self.move_button.clicked.connect(self.move_member)
        self.remove_button.clicked.connect(self.remove_member)
        lists = QWidget()
        grid = QGridLayout(lists)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(t("ui.grouping.groups")), 0, 0)
        grid.addWidget(QLabel(t("ui.grouping.members")), 0, 1)
        grid.addWidget(self.groups_list, 1, 0)
        grid.addWidget(self.members_list, 1, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.move_button)
        actions.addWidget(self.target, 1)
        actions.addWidget(self.remove_button)
        grid.addLayout(actions, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

        self.prefix = QLineEdit(t("ui.grouping.prefix_default"))
        self.prefix.setMaxLength(100)
        self.start_date, self.end_date, period = period_row()
        self.venue = QComboBox()
        self.venue.addItem(t("ui.groups.dialog.no_venue"), None)
        self.modules = checkable_list(110)
        self.facilitators = checkable_list(90)
        form = new_form()
        add_field(form, self.errors, t("ui.grouping.prefix"), "name_prefix", self.prefix, True)
        add_field(form, self.errors, t("ui.groups.dialog.period"), "end_date", period, True)
        self.errors.labels["start_date"] = self.errors.labels["end_date"]
        add_field(form, self.errors, t("ui.groups.dialog.venue"), "venue_id", self.venue)
        add_field(form, self.errors, t("ui.groups.dialog.modules"), "module_ids", self.modules,
                  True)
        add_field(form, self.errors, t("ui.groups.dialog.facilitators"), "facilitator_ids",
                  self.facilitators)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(ask)
        top_layout.addWidget(self.notice)
        top_layout.addWidget(self.summary_label)
        top_layout.addWidget(lists, 1)
        self.finish_layout(form, t("ui.grouping.create"), top, 900, scroll=True)
        self.create_button = self.buttons.buttons()[0]
        self._update_buttons()
        catalogue = services.catalogue
        runner.run(lambda: (catalogue.modules(), catalogue.venues(), catalogue.facilitators()),
                   self._catalogue_loaded, self._failed)

    # -- the catalogue for the set-up -------------------------------------------------------
    def _catalogue_loaded(self, found: tuple[list[ModuleView], list[VenueView],
                                             list[FacilitatorView]]) -> None:
        modules, venues, facilitators = found
        for module in modules:
            if module.archived:
                continue
            item = QListWidgetItem(f"{module.code} – {module.title} ({label(module.track)})")
            item.setData(Qt.ItemDataRole.UserRole, module.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.modules.addItem(item)
        for venue in venues:
            if not venue.archived:
                self.venue.addItem(t("ui.groups.dialog.venue_item", name=venue.name,
                                     capacity=venue.capacity), venue.id)
        for person in facilitators:
            if person.archived:
                continue
            item = QListWidgetItem(f"{person.name} ({label(person.type)})")
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.facilitators.addItem(item)
        self.loaded = True

    # -- the suggestion -----------------------------------------------------------------------
    def suggest(self) -> None:
        if self.busy:
            return
        grouping, size = self.services.grouping, self.size_box.value()
        kecamatan = self.kecamatan.currentData() or None
        self.summary_label.setText(t("ui.grouping.working"))
        self.set_busy(True)
        self.runner.run(lambda: grouping.suggest(size, kecamatan), self._suggested,
                        self._suggest_failed)

    def _suggested(self, found: GroupingSuggestion) -> None:
        self.set_busy(False)
        self.summary.show_message("")
        self.suggestion = found
        self.plan = [list(g.members) for g in found.groups]
        self.infos = list(found.groups)
        self.notice.setText(t("grouping.kecamatan_only"))
        self.notice.setVisible(found.kecamatan_only)
        self._fill_groups(0)

    def _suggest_failed(self, exc: BaseException) -> None:
        self.summary_label.setText("")
        self._failed(exc)

    def group_line(self, n: int) -> str:
        assert self.suggestion is not None
        group = self.infos[n]
        line = t("grouping.group_line", n=n + 1, count=len(self.plan[n]),
                 times=times_text(group.slots), kecamatan=group.kecamatan)
        share = self.suggestion.share([p.participant_id for p in self.plan[n]], group.slots)
        if share is None:
            return line
        return f"{line} · {t('grouping.share', share=round(share * 100))}"

    def _unticked(self) -> set[int]:
        return {i for i in range(self.groups_list.count())
                if self.groups_list.item(i).checkState() != Qt.CheckState.Checked}

    def _fill_groups(self, current: int, unticked: set[int] | None = None) -> None:
        if unticked is None:
            unticked = self._unticked()
        self.groups_list.blockSignals(True)
        self.groups_list.clear()
        self.target.clear()
        for n in range(len(self.plan)):
            item = QListWidgetItem(self.group_line(n))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if n in unticked else Qt.CheckState.Checked)
            self.groups_list.addItem(item)
            self.target.addItem(t("ui.grouping.group_n", n=n + 1), n)
        self.groups_list.blockSignals(False)
        people = sum(len(m) for m in self.plan)
        self.summary_label.setText(t("ui.grouping.summary", groups=len(self.plan), people=people))
        if self.plan:
            self.groups_list.setCurrentRow(min(current, len(self.plan) - 1))
        self._show_members(self.groups_list.currentRow())

    def _show_members(self, row: int) -> None:
        self.members_list.clear()
        if 0 <= row < len(self.plan):
            for person in self.plan[row]:
                item = QListWidgetItem(member_text(person))
                item.setData(Qt.ItemDataRole.UserRole, person.participant_id)
                self.members_list.addItem(item)
            if self.target.currentData() == row and self.target.count() > 1:
                self.target.setCurrentIndex((row + 1) % self.target.count())
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.members_list.currentRow() >= 0
        self.move_button.setEnabled(chosen and len(self.plan) > 1)
        self.remove_button.setEnabled(chosen)
        self.create_button.setEnabled(bool(self.plan))

    def _selected(self) -> tuple[int, int] | None:
        group, member = self.groups_list.currentRow(), self.members_list.currentRow()
        if not 0 <= group < len(self.plan) or not 0 <= member < len(self.plan[group]):
            return None
        return group, member

    def move_member(self) -> None:
        """The selected member into the group chosen beside the button."""
        where = self._selected()
        target = self.target.currentData()
        if where is None or target is None or target == where[0]:
            return
        person = self.plan[where[0]].pop(where[1])
        self.plan[int(target)].append(person)
        self._fill_groups(where[0])

    def remove_member(self) -> None:
        where = self._selected()
        if where is None:
            return
        self.plan[where[0]].pop(where[1])
        self._fill_groups(where[0])

    def ticked_groups(self) -> list[int]:
        return [n for n in range(self.groups_list.count())
                if self.groups_list.item(n).checkState() == Qt.CheckState.Checked
                and self.plan[n]]

    # -- creating -----------------------------------------------------------------------------
    def collect(self) -> GroupTemplate:
        venue = self.venue.currentData()
        return GroupTemplate(
            name_prefix=self.prefix.text(), start_date=from_qdate(self.start_date.date()),
            end_date=from_qdate(self.end_date.date()), module_ids=checked_ids(self.modules),
            venue_id=None if venue is None else int(venue),
            facilitator_ids=set(checked_ids(self.facilitators)))

    def submit(self) -> None:
        if self.busy or not self.loaded or self.suggestion is None:
            return
        chosen = self.ticked_groups()
        members = [[p.participant_id for p in self.plan[n]] for n in chosen]
        areas = [self.infos[n].kecamatan for n in chosen]
        template, grouping = self.collect(), self.services.grouping
        self.chosen = chosen
        self.run(lambda: grouping.accept(members, template, areas))

    def on_saved(self, result: object) -> None:
        assert isinstance(result, GroupingOutcome)
        if not result.problems:
            super().on_saved(result)
            return
        self.summary.show_message("\n".join(t("grouping.failed", name=name, problem=e.message)
                                            for name, e in result.problems))
        if result.created:  # made ones leave the list: a second try does not make them twice
            made = {self.chosen[i] for i in result.kept}
            left = [n for n in range(len(self.plan)) if n not in made]
            unticked = {i for i, n in enumerate(left) if n in self._unticked()}
            self.plan = [self.plan[n] for n in left]
            self.infos = [self.infos[n] for n in left]
            self._fill_groups(0, unticked)
            self.saved.emit(result)
