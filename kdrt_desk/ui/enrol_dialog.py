"""The enrol dialog: several accepted participants into one group at once, chosen from a list
that stays quick with tens of thousands waiting (a model over light rows, not a widget per
person), filtered by name or code, kecamatan and the time she is free each week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.enums import RiskLevel
from kdrt_desk.domain.places import KECAMATAN
from kdrt_desk.domain.routine import Routine
from kdrt_desk.domain.training import Candidate, GroupView
from kdrt_desk.i18n import format_date, format_time, label, t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.form_widgets import from_qdate
from kdrt_desk.ui.widgets.forms import add_field, date_edit, new_form
from kdrt_desk.wiring import Services

Index = QModelIndex | QPersistentModelIndex
WEEKDAYS = range(6)  # Monday to Saturday, the centre's days
SLOTS = tuple((time(h), time(h + 2)) for h in range(8, 16, 2))  # 08.00-10.00 .. 14.00-16.00


@dataclass(frozen=True)
class Row:
    person: Candidate
    text: str
    lowered: str  # what the search box looks in
    share: float = 1.0  # can attend the free-time filter's slot: 1, or 0.5 ("prefers not")


def candidate_text(person: Candidate) -> str:
    text = f"{person.code} — {person.full_name} ({person.kecamatan})"
    if person.risk_level is RiskLevel.HIGH:
        text = f"{text}  ⚠ {label(person.risk_level)}"
    return text


def first_weekday(on_or_after: date, weekday: int) -> date:
    return on_or_after + timedelta(days=(weekday - on_or_after.weekday()) % 7)


def weekly_shares(routines: dict[int, Routine], from_day: date) -> dict[int, tuple[float, ...]]:
    """Per participant, can-attend (1, 0.5 or 0) at each weekday and slot of the first week
    from ``from_day``, weekday-major: computed once, on the worker, so a filter only looks up."""
    days = [first_weekday(from_day, w) for w in WEEKDAYS]
    return {pid: tuple(routine.can_attend(day, start, end) for day in days
                       for start, end in SLOTS)
            for pid, routine in routines.items()}


class CandidateModel(QAbstractListModel):
    """The shown rows, each checkable; ticks are kept by participant id across filters."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        self.checked: set[int] = set()

    def show(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text if row.share == 1.0 else t("ui.enrol.prefers_not", text=row.text)
        if role == Qt.ItemDataRole.CheckStateRole:
            return (Qt.CheckState.Checked if row.person.participant_id in self.checked
                    else Qt.CheckState.Unchecked)
        if role == Qt.ItemDataRole.UserRole:
            return row.person.participant_id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable)

    def setData(self, index: Index, value: Any,  # noqa: N802 - Qt API
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        pid = self.rows[index.row()].person.participant_id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(pid)
        else:
            self.checked.discard(pid)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def set_all_shown(self, on: bool) -> None:
        ids = {r.person.participant_id for r in self.rows}
        self.checked = self.checked | ids if on else self.checked - ids
        if self.rows:
            self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1),
                                  [Qt.ItemDataRole.CheckStateRole])


class EnrolDialog(FormDialog):
    """Several accepted participants into one group at once, from a date."""

    def __init__(self, services: Services, runner: TaskRunner, group: GroupView,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.group = group
        self.loaded = False
        self.all_rows: list[Row] = []
        self.routines: dict[int, Routine] = {}
        self.shares: dict[int, tuple[float, ...]] = {}  # see weekly_shares
        self.setWindowTitle(t("ui.groups.enrol.title", group=group.name))
        self.search = QLineEdit()
        self.search.setPlaceholderText(t("ui.groups.enrol.search"))
        self.search.setClearButtonEnabled(True)
        self.timer = QTimer(self)  # a keystroke filters once typing pauses
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self.timer.start())
        self.kecamatan = QComboBox()
        self.kecamatan.addItem(t("ui.enrol.all_kecamatan"), "")
        for name in KECAMATAN:
            self.kecamatan.addItem(name, name)
        self.weekday = QComboBox()
        self.weekday.addItem(t("ui.enrol.any_day"), None)
        for day in WEEKDAYS:
            self.weekday.addItem(t(f"schedule.weekday.{day}"), day)
        self.slot = QComboBox()
        for begins, ends in SLOTS:
            self.slot.addItem(f"{format_time(begins)}–{format_time(ends)}", (begins, ends))
        for box in (self.kecamatan, self.weekday, self.slot):
            box.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.model = CandidateModel(self)
        self.model.dataChanged.connect(lambda *_a: self._count())
        self.people = QListView()
        self.people.setModel(self.model)
        self.people.setUniformItemSizes(True)  # quick with 35,000 rows
        self.people.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people.setMinimumHeight(260)
        self.select_shown = QPushButton(t("ui.enrol.select_shown"))
        self.select_shown.clicked.connect(lambda: self.model.set_all_shown(True))
        self.clear_chosen = QPushButton(t("ui.enrol.clear"))
        self.clear_chosen.clicked.connect(self._clear)
        self.chosen_label = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.kecamatan, 1)
        filters.addWidget(QLabel(t("ui.enrol.free_on")))
        filters.addWidget(self.weekday)
        filters.addWidget(self.slot)
        buttons = QHBoxLayout()
        buttons.addWidget(self.select_shown)
        buttons.addWidget(self.clear_chosen)
        buttons.addStretch(1)
        people_cell = QWidget()
        column = QVBoxLayout(people_cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addLayout(filters)
        column.addWidget(self.people, 1)
        column.addLayout(buttons)
        column.addWidget(self.chosen_label)
        today = date.today()
        start = group.start_date or today
        end = group.end_date or today
        self.on = date_edit(min(max(today, start), end))
        form = new_form()
        add_field(form, self.errors, t("ui.groups.enrol.people"), "people", people_cell, True)
        add_field(form, self.errors, t("ui.groups.enrol.date"), "on", self.on, True,
                  t("ui.groups.enrol.date_hint", start=format_date(group.start_date),
                    end=format_date(group.end_date)))
        self.finish_layout(form, t("ui.groups.enrol.save"), t("ui.groups.enrol.intro"), 680)
        self._update_free_filter()
        self._count()
        self.chosen_label.setText(t("ui.enrol.loading"))
        grouping = services.grouping
        from_day = max(today, group.start_date or today)

        def read() -> tuple[list[Candidate], dict[int, Routine], dict[int, tuple[float, ...]]]:
            people, routines = grouping.candidates_with_routines()
            return people, routines, weekly_shares(routines, from_day)

        runner.run(read, self._loaded, self._failed)

    def _loaded(self, found: tuple[list[Candidate], dict[int, Routine],
                                   dict[int, tuple[float, ...]]]) -> None:
        people, self.routines, self.shares = found
        self.all_rows = [Row(p, text, text.lower())
                         for p in people for text in (candidate_text(p),)]
        self.loaded = True
        self._update_free_filter()
        self.apply_filters()

    def _update_free_filter(self) -> None:
        """Free time needs routines, which only roles holding the contact tier read."""
        usable = not self.loaded or bool(self.routines) or not self.all_rows
        for box in (self.weekday, self.slot):
            box.setEnabled(usable)
            box.setToolTip("" if usable else t("ui.enrol.no_routines"))
        self.slot.setEnabled(usable and self.weekday.currentData() is not None)

    def apply_filters(self) -> None:
        needle = self.search.text().strip().lower()
        kecamatan = self.kecamatan.currentData() or ""
        weekday = self.weekday.currentData()
        self.slot.setEnabled(weekday is not None and self.weekday.isEnabled())
        rows = [r for r in self.all_rows
                if (not needle or needle in r.lowered)
                and (not kecamatan or r.person.kecamatan == kecamatan)]
        if weekday is not None:
            at = int(weekday) * len(SLOTS) + max(0, self.slot.currentIndex())
            free = []
            for r in rows:
                known = self.shares.get(r.person.participant_id)
                share = known[at] if known is not None else 1.0  # no routine: free
                if share > 0:  # a "cannot" block then hides her; "prefers not" is marked
                    free.append(r if share == 1.0 else Row(r.person, r.text, r.lowered, share))
            rows = free
        self.model.show(rows)
        self._count()

    def _clear(self) -> None:
        self.model.checked.clear()
        self.model.set_all_shown(False)
        self._count()

    def _count(self) -> None:
        if not self.loaded:
            return
        if not self.all_rows:
            self.chosen_label.setText(t("ui.groups.enrol.none"))
            return
        self.chosen_label.setText(t("ui.enrol.count", shown=len(self.model.rows),
                                    total=len(self.all_rows), chosen=len(self.model.checked)))

    def check(self, participant_id: int, checked: bool = True) -> None:
        """Tick (or untick) her, shown or not."""
        if checked:
            self.model.checked.add(participant_id)
        else:
            self.model.checked.discard(participant_id)
        self.model.layoutChanged.emit()
        self._count()

    def chosen(self) -> list[int]:
        return sorted(self.model.checked)

    def submit(self) -> None:
        if self.busy or not self.loaded:
            return
        ids = self.chosen()
        day = from_qdate(self.on.date())
        groups, group_id = self.services.groups, self.group.id
        self.run(lambda: groups.enrol(group_id, ids, on=day))
