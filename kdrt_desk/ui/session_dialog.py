"""The dialog that plans one session of a group's module, or changes one; and a reason prompt."""

from __future__ import annotations

import re
from datetime import date, time

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from kdrt_desk.domain.training import (
    FacilitatorView,
    GroupView,
    ModuleView,
    SessionInput,
    SessionView,
    VenueView,
)
from kdrt_desk.i18n import format_date, label, t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.form_widgets import from_qdate, set_combo
from kdrt_desk.ui.widgets.forms import add_field, as_typed, date_edit, new_form
from kdrt_desk.wiring import Services

GROUP_VENUE = -1  # the venue combo's data for "the group's usual venue"


def name_order(name: str) -> list[object]:
    """"Angkatan 9" before "Angkatan 10": numbers in a name compare as numbers."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name.casefold())]


def running_first(groups: list[GroupView], today: date) -> list[tuple[GroupView, bool]]:
    """Running (and coming) groups by name, then the finished ones by name; with ``finished``."""
    def finished(group: GroupView) -> bool:
        return group.end_date is not None and group.end_date < today

    ordered = sorted(groups, key=lambda g: (finished(g), name_order(g.name)))
    return [(group, finished(group)) for group in ordered]


def venue_text(venue: VenueView) -> str:
    """The venue with what it has (kitchen, sewing machines, childcare…), for choosing one."""
    features = [label(f) for f in sorted(venue.features)]
    if venue.childcare:
        features.append(t("ui.sessions.dialog.childcare"))
    if not features:
        return t("ui.groups.dialog.venue_item", name=venue.name, capacity=venue.capacity)
    return t("ui.sessions.dialog.venue_with_features", name=venue.name,
             capacity=venue.capacity, features=", ".join(features))


def time_edit(value: time) -> QTimeEdit:
    editor = QTimeEdit(QTime(value.hour, value.minute))
    editor.setDisplayFormat("HH:mm")
    return editor


def from_qtime(value: QTime) -> time:
    return time(value.hour(), value.minute())


class SessionDialog(FormDialog):
    """Group, module, date, times, venue, facilitator and topic; errors under the fields."""

    def __init__(self, services: Services, runner: TaskRunner,
                 existing: SessionView | None = None, group_id: int | None = None,
                 day: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.existing = existing
        self.wanted_group = existing.group_id if existing else group_id
        self.loaded = False
        self.groups: list[GroupView] = []
        self.modules: dict[int, ModuleView] = {}
        self.facilitator_list: list[FacilitatorView] = []
        self.setWindowTitle(t("ui.sessions.dialog.title_new") if existing is None
                            else t("ui.sessions.dialog.title_edit"))
        self.group = QComboBox()
        self.group.addItem(t("ui.sessions.dialog.loading"), None)
        self.group.setEnabled(False)
        self.module = QComboBox()
        self.session_date = date_edit(existing.session_date if existing else day)
        self.start_time = time_edit(existing.start_time if existing and existing.start_time
                                    else time(9))
        self.end_time = time_edit(existing.end_time if existing and existing.end_time
                                  else time(11))
        times = QWidget()
        row = QHBoxLayout(times)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start_time, 1)
        row.addWidget(QLabel(t("ui.sessions.dialog.until")))
        row.addWidget(self.end_time, 1)
        self.venue = QComboBox()
        self.facilitator = QComboBox()
        self.topic = QLineEdit()
        self.topic.setMaxLength(200)
        if existing is not None:
            self.topic.setText(existing.topic)
        self.group.currentIndexChanged.connect(self._group_changed)
        self.module.currentIndexChanged.connect(self._fill_facilitators)

        form = new_form()
        add_field(form, self.errors, t("ui.sessions.dialog.group"), "group_id", self.group, True)
        add_field(form, self.errors, t("ui.sessions.dialog.module"), "module_id", self.module,
                  True)
        self.date_hint = add_field(form, self.errors, t("ui.sessions.dialog.date"),
                                   "session_date", self.session_date, True, " ")
        add_field(form, self.errors, t("ui.sessions.dialog.time"), "end_time", times, True)
        self.errors.labels["start_time"] = self.errors.labels["end_time"]
        add_field(form, self.errors, t("ui.sessions.dialog.venue"), "venue_id", self.venue, True)
        add_field(form, self.errors, t("ui.sessions.dialog.facilitator"), "facilitator_id",
                  self.facilitator, True, t("ui.sessions.dialog.facilitator_hint"))
        add_field(form, self.errors, t("ui.sessions.dialog.topic"), "topic", self.topic,
                  hint=t("ui.sessions.dialog.topic_hint"))
        self._clear_errors_on_change()
        intro = t("ui.sessions.dialog.moved_hint") if existing is not None else ""
        self.finish_layout(form, t("ui.sessions.dialog.save"), intro, 600)
        groups, catalogue = services.groups, services.catalogue
        runner.run(lambda: (groups.groups(), catalogue.modules(include_archived=True),
                            catalogue.venues(), catalogue.facilitators()),
                   self._loaded, self._failed)

    def _clear_errors_on_change(self) -> None:
        """A field's message goes as soon as the field is changed (the next save checks again)."""
        changes = {"group_id": self.group.currentIndexChanged,
                   "module_id": self.module.currentIndexChanged,
                   "session_date": self.session_date.dateChanged,
                   "start_time": self.start_time.timeChanged,
                   "end_time": self.end_time.timeChanged,
                   "venue_id": self.venue.currentIndexChanged,
                   "facilitator_id": self.facilitator.currentIndexChanged,
                   "topic": self.topic.textChanged}
        for field, signal in changes.items():
            signal.connect(lambda *_args, f=field: self._field_changed(f))

    def _field_changed(self, field: str) -> None:
        error = self.errors.labels.get(field)
        if error is None or error.isHidden():
            return
        error.show_message("")
        if field == "session_date" and self.date_hint is not None:
            self.date_hint.setVisible(self.current_group() is not None)

    # -- loading ----------------------------------------------------------------------------
    def _loaded(self, found: tuple[list[GroupView], list[ModuleView], list[VenueView],
                                   list[FacilitatorView]]) -> None:
        groups, modules, venues, facilitators = found
        self.groups = groups
        self.modules = {m.id: m for m in modules}
        self.facilitator_list = facilitators
        self.venue.clear()
        self.venue.addItem(t("ui.sessions.dialog.group_venue"), GROUP_VENUE)
        for venue in venues:
            self.venue.addItem(venue_text(venue), venue.id)
            self.venue.setItemData(self.venue.count() - 1, as_typed(venue_text(venue)),
                                   Qt.ItemDataRole.ToolTipRole)
        existing = self.existing
        if existing is not None and existing.venue_id is not None:
            if self.venue.findData(existing.venue_id) < 0:
                self.venue.addItem(existing.venue_name, existing.venue_id)
            set_combo(self.venue, existing.venue_id)
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItem(t("ui.groups.dialog.choose"), None)
        for group, finished in running_first(groups, date.today()):
            self.group.addItem(t("ui.sessions.dialog.finished_group", name=group.name)
                               if finished else group.name, group.id)
        if existing is not None and self.group.findData(existing.group_id) < 0:
            self.group.addItem(existing.group_name, existing.group_id)
        if self.wanted_group is not None:
            set_combo(self.group, self.wanted_group)
        self.group.blockSignals(False)
        self.group.setEnabled(existing is None)
        self._group_changed()
        self.loaded = True

    def current_group(self) -> GroupView | None:
        wanted = self.group.currentData()
        return next((g for g in self.groups if g.id == wanted), None)

    def _group_changed(self) -> None:
        group = self.current_group()
        keep = self.module.currentData() or (self.existing.module_id if self.existing else None)
        self.module.blockSignals(True)
        self.module.clear()
        module_ids = group.module_ids if group else []
        if self.existing is not None and self.existing.module_id not in module_ids:
            module_ids = [*module_ids, self.existing.module_id]
        for module_id in module_ids:
            module = self.modules.get(module_id)
            if module is not None:
                self.module.addItem(f"{module.code} – {module.title}", module.id)
        if keep is not None:
            set_combo(self.module, keep)
        self.module.blockSignals(False)
        if self.date_hint is not None:
            self.date_hint.setText(t("ui.sessions.dialog.date_hint",
                                     start=format_date(group.start_date),
                                     end=format_date(group.end_date)) if group else "")
            self.date_hint.setVisible(group is not None)
        self._fill_facilitators()

    def _fill_facilitators(self) -> None:
        """Those recorded as teaching the module first; the others after them."""
        module_id = self.module.currentData()
        keep = self.facilitator.currentData() or (self.existing.facilitator_id if self.existing
                                                  else None)
        self.facilitator.clear()
        self.facilitator.addItem(t("ui.groups.dialog.choose"), None)
        qualified = [f for f in self.facilitator_list if module_id in f.module_ids]
        others = [f for f in self.facilitator_list if module_id not in f.module_ids]
        for person in qualified:
            self.facilitator.addItem(f"{person.name} ({label(person.type)})", person.id)
        for person in others:
            self.facilitator.addItem(t("ui.sessions.dialog.not_qualified", name=person.name),
                                     person.id)
        existing = self.existing
        if existing is not None and existing.facilitator_id is not None \
                and self.facilitator.findData(existing.facilitator_id) < 0:
            self.facilitator.addItem(existing.facilitator_name, existing.facilitator_id)
        if keep is not None:
            set_combo(self.facilitator, keep)
        elif len(qualified) == 1:
            set_combo(self.facilitator, qualified[0].id)

    # -- saving -----------------------------------------------------------------------------
    def collect(self) -> SessionInput:
        venue = self.venue.currentData()
        facilitator = self.facilitator.currentData()
        module = self.module.currentData()
        group = self.group.currentData()
        return SessionInput(
            group_id=int(group) if group is not None else 0,
            module_id=int(module) if module is not None else 0,
            session_date=from_qdate(self.session_date.date()),
            start_time=from_qtime(self.start_time.time()),
            end_time=from_qtime(self.end_time.time()),
            venue_id=None if venue is None or int(venue) == GROUP_VENUE else int(venue),
            facilitator_id=None if facilitator is None else int(facilitator),
            topic=self.topic.text(),
            id=self.existing.id if self.existing else 0)

    def show_errors(self, errors: dict[str, str]) -> None:
        """The period hint hides while the date shows its error (which names the period)."""
        if self.date_hint is not None:
            self.date_hint.setVisible("session_date" not in errors
                                      and self.current_group() is not None)
        super().show_errors(errors)

    def submit(self) -> None:
        if self.busy or not self.loaded:
            return
        data = self.collect()
        if not data.group_id:
            self.show_errors({"group_id": t("ui.sessions.dialog.choose_group")})
            return
        sessions = self.services.sessions
        if self.existing is None:
            self.run(lambda: sessions.create(data))
        else:
            self.run(lambda: sessions.update(data))
