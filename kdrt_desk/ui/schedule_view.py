"""The Penjadwalan tab: pick groups, a term and what matters most, let the scheduler propose a
term schedule in the background (progress, Cancel keeps the best so far), review it (summary,
what could not be met, a week grid per group, venue or facilitator, the term list), drag
sessions with conflicts shown live (or move one to any date of the term with "Pindahkan ke…",
from its right-click menu or Ctrl+M), lock and unlock some (Ctrl+K), re-run, and apply: nothing
is saved before. Conflicts and explanations are kept as codes and worded when shown, so
``retranslate`` says them again in the language chosen since.

For roles with programme management and the contact key (Admin, Konselor, Staf). OR-Tools is
loaded only when a schedule is made (``solve`` is imported inside the work function).
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSlider,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.training import GroupView
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import format_count, format_date, format_time, t
from kdrt_desk.scheduling.problem import (
    FixedSession,
    PlacedSession,
    Problem,
    ScheduleResult,
    Weights,
)
from kdrt_desk.scheduling.verify import Violation, key_of
from kdrt_desk.scheduling.verify import describe as said
from kdrt_desk.tasks.runner import Progress, TaskRunner
from kdrt_desk.ui.form_widgets import from_qdate, to_qdate
from kdrt_desk.ui.schedule_week_grid import (
    CONFLICT,
    FIXED,
    LOCKED,
    NEW,
    GridBlock,
    ScheduleWeekGrid,
)
from kdrt_desk.ui.session_move_dialog import SessionMoveDialog
from kdrt_desk.ui.widgets.empty_hint import empty_hint, show_empty
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.forms import as_typed, date_edit, hint_label, plain, scrolled
from kdrt_desk.ui.widgets.look import ERROR, HINT, OK, SECTION, STRONG, mark, primary
from kdrt_desk.ui.widgets.tables import fit_columns, table
from kdrt_desk.wiring import Services

WEIGHTS = ("attendance", "minimum", "same_slot", "same_venue", "near", "childcare", "no_gaps")
COLUMNS = ("date", "time", "group", "module", "venue", "facilitator", "attendance", "state")
PER_GROUP, PER_VENUE, PER_FACILITATOR = "group", "venue", "facilitator"
def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


class ScheduleView(QWidget):
    """``refresh()`` loads the groups; "Buat jadwal" reads the problem and solves it."""

    loaded = Signal(int)  # groups listed
    proposed = Signal(object)  # a ScheduleResult shown
    applied = Signal(int)  # sessions saved
    improved = Signal(object)  # from the solver's threads: a better ScheduleResult

    time_limit = 20.0  # seconds the solver may take (tests set a short one)

    def __init__(self, services: Services, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.groups: list[GroupView] = []
        self.problem: Problem | None = None  # as the service read it
        self.used: Problem | None = None  # as last solved (with the locked sessions fixed)
        self.result: ScheduleResult | None = None
        self.sessions: list[PlacedSession] = []  # the proposal as it stands (edited)
        self.locked: set[int] = set()  # indexes into ``sessions`` the admin locked
        self.problems: dict[int, list[Violation]] = {}  # index -> what it breaks
        self.violations: list[Violation] = []
        self.move_dialog: SessionMoveDialog | None = None
        self.replaced: list[int] = []
        self.week = date.today()
        self.current: int | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.carried_ticks: set[int] | None = None  # ticked on the screen replaced
        self.improved.connect(self._improved)

        # -- the set-up column ----------------------------------------------------------
        setup = QWidget()
        column = QVBoxLayout(setup)
        column.addWidget(mark(QLabel(t("ui.schedule.setup")), SECTION))
        column.addWidget(QLabel(t("ui.schedule.groups")))
        self.group_list = QListWidget()
        self.group_list.setMinimumHeight(90)
        self.group_list.setMaximumHeight(140)
        self.group_list.setWordWrap(True)  # a long group name wraps instead of scrolling away
        self.group_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.group_list.itemChanged.connect(lambda _i: self._groups_changed())
        column.addWidget(self.group_list)
        dates = QFormLayout()
        self.from_edit = date_edit()
        self.to_edit = date_edit()
        dates.addRow(t("ui.schedule.term_from"), self.from_edit)
        dates.addRow(t("ui.schedule.term_to"), self.to_edit)
        column.addLayout(dates)
        self.replan_box = QCheckBox(t("ui.schedule.replan"))
        self.replan_box.setToolTip(t("ui.schedule.replan_hint"))
        column.addWidget(self.replan_box)
        column.addWidget(mark(QLabel(t("ui.schedule.goals")), SECTION))
        self.sliders: dict[str, QSlider] = {}
        defaults = Weights()
        for name in WEIGHTS:
            column.addWidget(self._slider(name, int(getattr(defaults, name))))
        self.make_button = primary(QPushButton(t("ui.schedule.make")))
        self.make_button.clicked.connect(self.make)
        self.make_button.setToolTip(t("ui.tip.schedule.make"))
        column.addWidget(self.make_button)
        column.addStretch(1)
        setup.setMinimumWidth(300)
        self.setup_area = scrolled(setup)
        self.setup_area.setMinimumWidth(320)
        self.setup_area.setMaximumWidth(380)

        # -- the review -----------------------------------------------------------------
        self.start_hint = hint_label(t("ui.schedule.start_hint"))
        self.empty_hint = empty_hint(t("ui.hints.schedule.no_groups"))
        self.review = QWidget()
        review = QVBoxLayout(self.review)
        review.setContentsMargins(0, 0, 0, 0)
        review.addWidget(mark(QLabel(t("ui.schedule.proposal")), SECTION))
        self.summary = mark(QLabel(), STRONG)
        self.summary.setWordWrap(True)
        review.addWidget(self.summary)
        self.explanations = QListWidget()
        self.explanations.setWordWrap(True)
        self.explanations.setMinimumHeight(64)
        self.explanations.setMaximumHeight(120)  # about five lines, the rest scrolls
        self.explanations.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        review.addWidget(self.explanations)
        self.conflict_label = plain(mark(QLabel(), ERROR))
        self.conflict_label.setWordWrap(True)
        self.conflict_label.hide()
        review.addWidget(self.conflict_label)
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(t("ui.schedule.show")))
        self.kind_box = QComboBox()
        for kind, key in ((PER_GROUP, "ui.schedule.per_group"),
                          (PER_VENUE, "ui.schedule.per_venue"),
                          (PER_FACILITATOR, "ui.schedule.per_facilitator")):
            self.kind_box.addItem(t(key), kind)
        self.kind_box.currentIndexChanged.connect(lambda _i: self._fill_which())
        self.which_box = QComboBox()
        self.which_box.setMinimumWidth(220)
        self.which_box.currentIndexChanged.connect(lambda _i: self._show_week())
        chooser.addWidget(self.kind_box)
        chooser.addWidget(self.which_box)
        chooser.addStretch(1)
        self.previous_button = QPushButton("◀")
        self.previous_button.setToolTip(t("ui.schedule.previous_week"))
        self.previous_button.setFixedWidth(40)
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(t("ui.schedule.next_week"))
        self.next_button.setFixedWidth(40)
        self.previous_button.clicked.connect(lambda: self.go_to_week(-1))
        self.next_button.clicked.connect(lambda: self.go_to_week(1))
        self.week_label = mark(QLabel(), STRONG)
        self.week_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        weeks = QHBoxLayout()  # a row of its own: the week's dates need the room
        weeks.addWidget(self.previous_button)
        weeks.addWidget(self.week_label, 1)
        weeks.addWidget(self.next_button)
        review.addLayout(chooser)
        review.addLayout(weeks)
        self.grid = ScheduleWeekGrid()
        self.grid.selected.connect(self._select)
        self.grid.moved.connect(self.move_session)
        self.grid.menu_requested.connect(self._session_menu)
        self.list = table([t(f"ui.schedule.col_{c}") for c in COLUMNS])
        self.list.itemSelectionChanged.connect(self._list_selected)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._list_menu)
        # one session's actions: in its right-click menu, on the buttons and on the keys
        self.move_action = QAction(t("ui.schedule.move"), self)
        self.move_action.setShortcut(QKeySequence("Ctrl+M"))
        self.move_action.triggered.connect(lambda _c=False: self.ask_move())
        self.lock_action = QAction(t("ui.schedule.lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+K"))
        self.lock_action.triggered.connect(lambda _c=False: self.toggle_lock())
        for action in (self.move_action, self.lock_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.session_menu = QMenu(self)
        self.session_menu.addAction(self.move_action)
        self.session_menu.addAction(self.lock_action)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.grid)
        split.addWidget(self.list)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([400, 190])
        review.addWidget(split, 1)
        review.addWidget(hint_label(t("ui.schedule.drag_hint")))
        buttons = QHBoxLayout()
        self.move_button = QPushButton(t("ui.schedule.move"))
        self.move_button.setToolTip(t("ui.schedule.move_hint"))
        self.move_button.clicked.connect(lambda _c=False: self.move_action.trigger())
        self.lock_button = QPushButton(t("ui.schedule.lock"))
        self.lock_button.setCheckable(True)
        self.lock_button.setToolTip(t("ui.schedule.lock_hint"))
        self.lock_button.clicked.connect(lambda _c=False: self.lock_action.trigger())
        self.rerun_button = QPushButton(t("ui.schedule.rerun"))
        self.rerun_button.clicked.connect(self.rerun)
        self.rerun_button.setToolTip(t("ui.tip.schedule.rerun"))
        self.apply_button = primary(QPushButton(t("ui.schedule.apply")))
        self.apply_button.clicked.connect(self.apply)
        self.apply_button.setToolTip(t("ui.tip.schedule.apply"))
        buttons.addWidget(self.move_button)
        buttons.addWidget(self.lock_button)
        buttons.addWidget(self.rerun_button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        review.addLayout(buttons)

        self.done_label = plain(mark(QLabel(), OK))
        self.done_label.hide()
        self.message = ErrorLabel()
        right = QVBoxLayout()
        right.addWidget(self.empty_hint)
        right.addWidget(self.start_hint)
        # in a frameless scroll area: with large text the proposal is taller than a laptop's
        # screen, and the window would otherwise grow past the screen's bottom edge
        self.review_area = scrolled(self.review)
        self.review.hide()  # until there is a proposal
        right.addWidget(self.review_area, 1)
        right.addStretch(0)  # the hint stays at the top while there is no proposal
        right.addWidget(self.done_label)
        right.addWidget(self.message)
        layout = QHBoxLayout(self)
        layout.addWidget(self.setup_area)
        layout.addLayout(right, 1)
        self._update_buttons()

    def _slider(self, name: str, value: int) -> QWidget:
        box = QWidget()
        rows = QVBoxLayout(box)
        rows.setContentsMargins(0, 4, 0, 0)
        rows.setSpacing(1)
        title = QLabel(t(f"ui.schedule.weight.{name}"))
        title.setWordWrap(True)
        level = mark(QLabel(t(f"ui.schedule.level.{value}")), STRONG)
        level.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        heading = QHBoxLayout()
        heading.addWidget(title, 1)
        heading.addWidget(level)
        rows.addLayout(heading)
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(0, 5)
        slider.setPageStep(1)
        slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        slider.setTickInterval(1)
        slider.setValue(value)
        slider.setAccessibleName(t(f"ui.schedule.weight.{name}"))
        slider.valueChanged.connect(lambda v: level.setText(t(f"ui.schedule.level.{v}")))
        rows.addWidget(slider)
        ends = QHBoxLayout()
        ends.addWidget(mark(QLabel(t("ui.schedule.not_important")), HINT))
        ends.addStretch(1)
        ends.addWidget(mark(QLabel(t("ui.schedule.very_important")), HINT))
        rows.addLayout(ends)
        self.sliders[name] = slider
        return box

    def weights(self) -> Weights:
        return Weights(**{name: slider.value() for name, slider in self.sliders.items()})

    # -- loading --------------------------------------------------------------------------
    def refresh(self) -> None:
        groups = self.services.groups
        self.runner.run(groups.groups, self._show_groups, self._failed, latest=(self, "groups"))

    def clear(self) -> None:
        """Forget everything shown (the app locked): the proposal names members."""
        self.runner.drop((self, "groups"))
        self.group_list.clear()
        show_empty(self.empty_hint, False)
        self._forget_proposal()

    def take_over(self, old: ScheduleView) -> None:
        """Carry what the admin set and the proposal from the screen this one replaces (the
        main window is rebuilt when the language changes), said again in the new language."""
        self.carried_ticks = set(old.chosen_groups())
        self.from_edit.setDate(old.from_edit.date())
        self.to_edit.setDate(old.to_edit.date())
        self.replan_box.setChecked(old.replan_box.isChecked())
        for name, slider in self.sliders.items():
            slider.setValue(old.sliders[name].value())
        if old.used is None or old.result is None:
            return
        self.problem, self.used, self.result = old.problem, old.used, old.result
        self.sessions, self.locked = list(old.sessions), set(old.locked)
        self.replaced, self.week, self.current = list(old.replaced), old.week, old.current
        self.start_hint.hide()
        self.review.show()
        self._fill_which()
        self.kind_box.setCurrentIndex(old.kind_box.currentIndex())
        self.which_box.setCurrentIndex(old.which_box.currentIndex())
        self._recheck()

    def _show_groups(self, groups: list[GroupView]) -> None:
        ticked = set(self.chosen_groups())
        first = self.group_list.count() == 0
        if self.carried_ticks is not None:
            ticked, first, self.carried_ticks = self.carried_ticks, False, None
        today = date.today()
        self.groups = [g for g in groups if not g.archived]
        self.group_list.blockSignals(True)
        self.group_list.clear()
        for group in self.groups:
            item = QListWidgetItem(t("ui.schedule.group_item", name=group.name,
                                     members=group.member_count))
            item.setData(Qt.ItemDataRole.UserRole, group.id)
            item.setToolTip(item.text())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            running = group.end_date is None or group.end_date >= today
            on = running if first else group.id in ticked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.group_list.addItem(item)
        if not self.groups:
            self.group_list.addItem(t("ui.schedule.no_groups"))
        show_empty(self.empty_hint, not self.groups)
        self.group_list.blockSignals(False)
        if first:
            self._groups_changed()
        self._update_buttons()
        self.loaded.emit(len(self.groups))

    def chosen_groups(self) -> list[int]:
        found = []
        for i in range(self.group_list.count()):
            item = self.group_list.item(i)
            data = item.data(Qt.ItemDataRole.UserRole)
            if data is not None and item.checkState() == Qt.CheckState.Checked:
                found.append(int(data))
        return found

    def set_groups(self, group_ids: list[int]) -> None:
        """Tick exactly these groups (as the admin would)."""
        for i in range(self.group_list.count()):
            item = self.group_list.item(i)
            data = item.data(Qt.ItemDataRole.UserRole)
            if data is not None:
                item.setCheckState(Qt.CheckState.Checked if int(data) in group_ids
                                   else Qt.CheckState.Unchecked)

    def _groups_changed(self) -> None:
        """The term follows the ticked groups' periods."""
        chosen = [g for g in self.groups if g.id in self.chosen_groups()]
        starts = [g.start_date for g in chosen if g.start_date is not None]
        ends = [g.end_date for g in chosen if g.end_date is not None]
        if starts:
            self.from_edit.setDate(to_qdate(min(starts)))
        if ends:
            self.to_edit.setDate(to_qdate(max(ends)))
        self._update_buttons()

    def term(self) -> tuple[date, date]:
        return from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date())

    # -- solving --------------------------------------------------------------------------
    def make(self) -> None:
        """Read the problem for the ticked groups and term (on the worker), then solve it."""
        group_ids = self.chosen_groups()
        start, end = self.term()
        replan, weights = self.replan_box.isChecked(), self.weights()
        schedule = self.services.schedule
        self.message.show_message("")
        self.done_label.hide()
        self.locked = set()

        def read() -> tuple[Problem, list[int]]:
            problem = schedule.problem(group_ids, start, end, weights=weights, replan=replan)
            replaced = schedule.replaceable(group_ids, start, end) if replan else []
            return problem, replaced

        self.make_button.setEnabled(False)
        self.runner.run(read, self._read, self._failed)

    def _read(self, found: tuple[Problem, list[int]]) -> None:
        self.problem, self.replaced = found
        self._solve(self.problem)

    def rerun(self) -> None:
        """Solve again with the sliders as they are now, the locked sessions kept in place."""
        if self.problem is None:
            return
        kept = tuple(FixedSession(s.group_id, s.module_id, s.day, s.start, s.end, s.venue_id,
                                  s.facilitator_id)
                     for i, s in enumerate(self.sessions)
                     if i in self.locked and not s.session_id)
        problem = replace(self.problem, weights=self.weights(), fixed=self.problem.fixed + kept)
        self._solve(problem)

    def _solve(self, problem: Problem) -> None:
        limit = self.time_limit
        signal = self.improved

        def work(progress: Progress) -> ScheduleResult:
            from kdrt_desk.scheduling.solver import solve

            def better(result: ScheduleResult) -> None:
                signal.emit(result)  # the dialog says it; its bar stays busy (no "100%")

            return solve(problem, time_limit=limit, on_progress=better,
                         should_stop=lambda: progress.cancelled)

        self.make_button.setEnabled(False)
        self.rerun_button.setEnabled(False)
        before = set(self.findChildren(QProgressDialog))
        self.runner.run_with_progress(self, t("ui.schedule.solving"), t("ui.schedule.stop"),
                                      work, lambda r: self._solved(problem, r),
                                      self._failed)
        new = [d for d in self.findChildren(QProgressDialog) if d not in before]
        self.progress_dialog = new[-1] if new else None

    def _improved(self, result: ScheduleResult) -> None:
        dialog = self.progress_dialog
        if dialog is not None:
            placed = sum(1 for s in result.sessions if not s.fixed)
            dialog.setLabelText(t("ui.schedule.solving_best", placed=placed,
                                  percent=round(result.expected_attendance * 100)))

    def _solved(self, problem: Problem, result: ScheduleResult) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self.used = problem
        self.result = result
        self.sessions = list(result.sessions)
        # locked sessions come back as fixed ones without a session id
        self.locked = {i for i, s in enumerate(self.sessions) if s.fixed and not s.session_id}
        chosen = {g.group_id for g in problem.groups}
        first = next((s for s in self.sessions if s.group_id in chosen and not s.fixed), None)
        self.week = first.day if first is not None else problem.calendar.start
        self.current = None
        self.start_hint.hide()
        self.review.show()  # first: the term list fits its columns to the width it is shown at
        self._fill_which()
        self._recheck()
        self.proposed.emit(result)

    def _failed(self, exc: BaseException) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self._update_buttons()
        if isinstance(exc, ValidationError):
            self.message.show_message("\n".join(e.message for e in exc.errors))
        elif isinstance(exc, UserError):
            self.message.show_message(exc.message)
        else:
            show_error(self, exc)

    def _forget_proposal(self) -> None:
        self.problem = self.used = self.result = None
        self.sessions, self.locked, self.problems, self.violations = [], set(), {}, []
        self.review.hide()
        self.start_hint.show()
        self.list.setRowCount(0)
        self.explanations.clear()
        self.grid.show_week([], [])
        self._update_buttons()

    # -- the review -----------------------------------------------------------------------
    def _names(self) -> tuple[dict[int, str], dict[int, str], dict[int, str],
                              dict[tuple[int, int], tuple[str, str]]]:
        problem = self.used
        assert problem is not None
        groups = {g.group_id: g.name for g in problem.groups}
        groups.update({g.id: g.name for g in self.groups if g.id not in groups})
        venues = {v.venue_id: v.name for v in problem.venues}
        facilitators = {f.facilitator_id: f.name for f in problem.facilitators}
        modules = {(g.group_id, m.module_id): (m.code, m.title) for g in problem.groups
                   for m in g.modules}
        return groups, venues, facilitators, modules

    def _module(self, s: PlacedSession) -> tuple[str, str]:
        return self._names()[3].get((s.group_id, s.module_id), (str(s.module_id), ""))

    def _fill_which(self) -> None:
        if self.used is None:
            return
        groups, venues, facilitators, _modules = self._names()
        kind = self.kind_box.currentData()
        wanted = self.which_box.currentData()
        chosen = {g.group_id for g in self.used.groups}
        if kind == PER_VENUE:
            used = {s.venue_id for s in self.sessions if s.group_id in chosen}
            entries = [(vid, name) for vid, name in venues.items() if vid in used]
        elif kind == PER_FACILITATOR:
            used = {s.facilitator_id for s in self.sessions if s.group_id in chosen}
            entries = [(fid, name) for fid, name in facilitators.items() if fid in used]
        else:
            entries = [(g.group_id, g.name) for g in self.used.groups]
        self.which_box.blockSignals(True)
        self.which_box.clear()
        for key, name in entries:
            self.which_box.addItem(name, key)
        index = self.which_box.findData(wanted)
        self.which_box.setCurrentIndex(max(index, 0))
        self.which_box.blockSignals(False)
        self._show_week()

    def _shown(self, s: PlacedSession) -> bool:
        kind, which = self.kind_box.currentData(), self.which_box.currentData()
        if which is None:
            return False
        if kind == PER_VENUE:
            return s.venue_id == which
        if kind == PER_FACILITATOR:
            return s.facilitator_id == which
        return s.group_id == which

    def _state(self, index: int) -> str:
        if index in self.problems:
            return CONFLICT
        if index in self.locked:
            return LOCKED
        return FIXED if self.sessions[index].fixed else NEW

    def _tip(self, index: int) -> str:
        s = self.sessions[index]
        groups, venues, facilitators, _m = self._names()
        code, title = self._module(s)
        state = {FIXED: t("ui.schedule.state_fixed"), LOCKED: t("ui.schedule.state_locked")}
        text = t("ui.schedule.block_tip", group=groups.get(s.group_id, ""), module=code,
                 title=title, date=format_date(s.day), time=self._times(s),
                 venue=venues.get(s.venue_id, "—"),
                 facilitator=facilitators.get(s.facilitator_id, "—"),
                 percent=round(s.expected_attendance * 100), state=state.get(self._state(index),
                                                                             ""))
        return "\n".join([text, *(said(v) for v in self.problems.get(index, []))])

    @staticmethod
    def _times(s: PlacedSession) -> str:
        return f"{format_time(s.start)}–{format_time(s.end)}"

    def weeks(self) -> list[date]:
        if self.used is None:
            return []
        first, last = monday(self.used.calendar.start), monday(self.used.calendar.end)
        return [first + timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]

    def go_to_week(self, step: int) -> None:
        weeks = self.weeks()
        if not weeks:
            return
        index = weeks.index(monday(self.week)) if monday(self.week) in weeks else 0
        self.week = weeks[min(max(index + step, 0), len(weeks) - 1)]
        self._show_week()

    def _show_week(self) -> None:
        if self.used is None:
            return
        weeks = self.weeks()
        start = monday(self.week)
        if start not in weeks and weeks:
            start = weeks[0]
            self.week = start
        shown = [i for i, s in enumerate(self.sessions) if self._shown(s)]
        sunday = any(self.sessions[i].day.weekday() == 6 for i in shown)
        days = [start + timedelta(days=n) for n in range(7 if sunday else 6)]
        groups, venues, _f, _m = self._names()
        blocks = []
        for i in shown:
            s = self.sessions[i]
            if s.day not in days:
                continue
            lines = [t("ui.schedule.block", module=self._module(s)[0],
                       percent=round(s.expected_attendance * 100))]
            if self.kind_box.currentData() != PER_GROUP:
                lines.append(groups.get(s.group_id, ""))
            if self.kind_box.currentData() != PER_VENUE:
                lines.append(venues.get(s.venue_id, "—"))
            text = "\n".join(lines)
            blocks.append(GridBlock(i, s.day, s.start, s.end, text, self._tip(i),
                                    self._state(i)))
        self.grid.show_week(days, blocks, self.current)
        number = weeks.index(start) + 1 if start in weeks else 1
        self.week_label.setText(t("ui.schedule.week_title", number=number, weeks=len(weeks),
                                  start=format_date(days[0]), end=format_date(days[-1])))
        self.previous_button.setEnabled(number > 1)
        self.next_button.setEnabled(number < len(weeks))
        self._fill_list()

    def _fill_list(self) -> None:
        groups, venues, facilitators, _m = self._names()
        rows = [i for i, s in enumerate(self.sessions) if self._shown(s)]
        self.list_rows = rows
        self.list.blockSignals(True)
        self.list.setRowCount(len(rows))
        for row, i in enumerate(rows):
            s = self.sessions[i]
            code, title = self._module(s)
            values = (format_date(s.day), self._times(s), groups.get(s.group_id, ""),
                      f"{code} {title}", venues.get(s.venue_id, "—"),
                      facilitators.get(s.facilitator_id, "—"),
                      f"{round(s.expected_attendance * 100)}%",
                      t(f"ui.schedule.state.{self._state(i)}"))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(self._tip(i))
                self.list.setItem(row, column, item)
            if i == self.current:
                self.list.selectRow(row)
        kind = self.kind_box.currentData()
        for column, hidden in ((COLUMNS.index("group"), kind == PER_GROUP),
                               (COLUMNS.index("venue"), kind == PER_VENUE),
                               (COLUMNS.index("facilitator"), kind == PER_FACILITATOR)):
            self.list.setColumnHidden(column, hidden)  # the one chosen above says it
        fit_columns(self.list, widest=170, keep=(6, 7))
        self.list.blockSignals(False)

    def _list_selected(self) -> None:
        model = self.list.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if rows and rows[0].row() < len(getattr(self, "list_rows", [])):
            index = self.list_rows[rows[0].row()]
            self.current = index
            day = self.sessions[index].day
            if monday(day) != monday(self.week):
                self.week = day
            self._show_week()
            self._update_buttons()

    def _select(self, index: int) -> None:
        self.current = index
        for row, i in enumerate(getattr(self, "list_rows", [])):
            if i == index:
                self.list.blockSignals(True)
                self.list.selectRow(row)
                self.list.blockSignals(False)
        self._update_buttons()

    # -- changing the proposal ------------------------------------------------------------
    def _moved(self, index: int, day: date, start: time) -> PlacedSession:
        """Session ``index`` at ``day`` ``start`` (same length), its attendance worked out."""
        assert self.used is not None
        s = self.sessions[index]
        length = datetime.combine(s.day, s.end) - datetime.combine(s.day, s.start)
        end = (datetime.combine(day, start) + length).time()
        group = next((g for g in self.used.groups if g.group_id == s.group_id), None)
        members = group.members if group is not None else ()
        expected = (sum(m.routine.can_attend(day, start, end) for m in members) / len(members)
                    if members else 0.0)
        return replace(s, day=day, start=start, end=end, expected_attendance=expected)

    def conflicts_if_moved(self, index: int, day: date, start: time) -> list[str]:
        """What moving session ``index`` to ``day`` ``start`` would break, in words."""
        from kdrt_desk.scheduling.verify import violations

        if self.used is None or not 0 <= index < len(self.sessions):
            return []
        moved = self._moved(index, day, start)
        sessions = [moved if i == index else s for i, s in enumerate(self.sessions)]
        return list(dict.fromkeys(said(v, session=v.session_keys[:1] != (key_of(moved),))
                                  for v in violations(self.used, sessions)
                                  if v.about(moved)))  # the dialog names the session

    def _refusal(self, index: int | None) -> str:
        """Why session ``index`` cannot be moved ("" when it can)."""
        if index is None or not 0 <= index < len(self.sessions):
            return t("ui.schedule.choose_session")
        if self.sessions[index].session_id:
            return t("ui.schedule.kept_fixed")
        if index in self.locked:
            return t("ui.schedule.kept_locked")
        return ""

    def move_session(self, index: int, day: date, start: time) -> None:
        """Move proposed session ``index`` to ``day`` ``start`` (same length); the conflicts
        and the attendance are worked out again."""
        if not 0 <= index < len(self.sessions) or self.used is None:
            return
        s = self.sessions[index]
        if s.fixed or index in self.locked:
            return
        self.sessions[index] = self._moved(index, day, start)
        self.current = index
        self.week = day
        self.message.show_message("")
        self.done_label.setText(t("ui.schedule.moved", module=self._module(s)[0],
                                  date=format_date(day), time=format_time(start)))
        self.done_label.show()
        self._recheck()

    def ask_move(self) -> None:
        """"Pindahkan ke…": the chosen session to any date of the term, conflicts shown live."""
        index = self.current
        if self.used is None:
            return
        refusal = self._refusal(index)
        if refusal or index is None:
            self.message.show_message(refusal)
            return
        s = self.sessions[index]
        groups = self._names()[0]
        code, title = self._module(s)
        heading = t("ui.schedule.block_tip", group=groups.get(s.group_id, ""), module=code,
                    title=title, date=format_date(s.day), time=self._times(s),
                    venue=self._names()[1].get(s.venue_id, "—"),
                    facilitator=self._names()[2].get(s.facilitator_id, "—"),
                    percent=round(s.expected_attendance * 100), state="")
        minutes = (datetime.combine(s.day, s.end) - datetime.combine(s.day, s.start)).seconds
        dialog = SessionMoveDialog(heading, s.day, s.start, minutes // 60,
                                   self.used.calendar.start, self.used.calendar.end,
                                   lambda day, start: self.conflicts_if_moved(index, day, start),
                                   self)
        dialog.accepted.connect(lambda: self.move_session(index, *dialog.target()))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.move_dialog = dialog
        dialog.open()

    def _session_menu(self, index: int, where: QPoint) -> None:
        self._select(index)
        self.session_menu.popup(where)

    def _list_menu(self, pos: QPoint) -> None:
        row = self.list.rowAt(pos.y())
        rows = getattr(self, "list_rows", [])
        if 0 <= row < len(rows):
            self.list.selectRow(row)
            self.session_menu.popup(self.list.viewport().mapToGlobal(pos))

    def toggle_lock(self) -> None:
        """"Kunci" / "Buka kunci": a proposed session stays put (or may move again); one
        already in the schedule (held, attendance taken, planned before) is never unlocked."""
        index = self.current
        if index is None or not 0 <= index < len(self.sessions) or self.used is None:
            self.message.show_message(t("ui.schedule.choose_session"))
            self._update_buttons()
            return
        s = self.sessions[index]
        if s.session_id:
            self.message.show_message(t("ui.schedule.kept_fixed"))
        elif index in self.locked:
            self.locked.discard(index)
            if s.fixed:  # kept by a re-run: the solver's fixed session goes too
                self.sessions[index] = replace(s, fixed=False)
                self.used = replace(self.used, fixed=tuple(
                    f for f in self.used.fixed if f.session_id or key_of(f) != key_of(s)))
            self.message.show_message("")
        elif index in self.problems:
            self.message.show_message(t("ui.schedule.lock_conflict"))
        else:
            self.locked.add(index)
            self.message.show_message("")
        self._recheck()

    def _recheck(self) -> None:
        """Conflicts (``verify``, per session), summary and explanations."""
        from kdrt_desk.scheduling.verify import violations

        assert self.used is not None
        self.violations = violations(self.used, self.sessions)
        self.problems = {}
        for i, s in enumerate(self.sessions):
            if s.fixed:
                continue
            mine = [v for v in self.violations if v.about(s)]
            if mine:
                self.problems[i] = mine
        self._show_conflicts()
        self._summarise()
        self._show_week()
        self._update_buttons()

    def _show_conflicts(self) -> None:
        if self.violations:
            head = t("ui.schedule.conflicts", count=len(self.violations))
            messages = list(dict.fromkeys(said(v) for v in self.violations))
            self.conflict_label.setText("\n".join([head, *messages[:6]]))
            self.conflict_label.show()
        else:
            self.conflict_label.hide()

    def retranslate(self) -> None:
        """Say the proposal again in the language chosen since: its conflicts, explanations,
        grid and list (they are kept as codes, worded only when shown)."""
        if self.used is None or self.result is None:
            return
        self._show_conflicts()
        self._summarise()
        self._show_week()
        self._update_buttons()

    def shortfalls(self) -> list[tuple[int, int, int, float, int, int]]:
        """(group, member, module, can attend, needed, sessions) below a module's minimum."""
        assert self.used is not None
        found = []
        for group in self.used.groups:
            for module in group.modules:
                mine = [s for s in self.sessions
                        if s.group_id == group.group_id and s.module_id == module.module_id]
                needed = math.ceil(module.sessions * module.min_attendance_pct / 100)
                for member in group.members:
                    can = sum(member.routine.can_attend(s.day, s.start, s.end) for s in mine)
                    if can < needed:
                        found.append((group.group_id, member.participant_id, module.module_id,
                                      can, needed, module.sessions))
        return found

    def _summarise(self) -> None:
        from kdrt_desk.scheduling.explain import describe

        assert self.used is not None and self.result is not None
        chosen = {g.group_id for g in self.used.groups}
        mine = [s for s in self.sessions if s.group_id in chosen]
        placed = sum(1 for s in mine if not s.fixed)
        percent = round(100 * sum(s.expected_attendance for s in mine) / len(mine)) if mine \
            else 0
        short = self.shortfalls()
        self.summary.setText(t("ui.schedule.summary", placed=placed, percent=percent,
                               violations=len(self.violations),
                               short=len({(g, p) for g, p, *_r in short})))
        groups, _v, _f, modules = self._names()
        names = {m.participant_id: m.name for g in self.used.groups for m in g.members}
        lines = []
        if self.result.status == "cancelled":
            lines.append(t("ui.schedule.cancelled_note"))
        lines += [describe(e) for e in self.result.explanations]
        for (gid, mid), count in self.result.unplaced.items():
            lines.append(t("ui.schedule.unplaced", group=groups.get(gid, ""), count=count,
                           module=modules.get((gid, mid), (str(mid), ""))[0]))
        told = {(e.group_id, e.participant_id) for e in self.result.explanations}
        for gid, pid, mid, can, needed, sessions in short:
            if (gid, pid) in told or (None, pid) in told:
                continue  # the scheduler already said why
            lines.append(t("ui.schedule.shortfall", name=names.get(pid, ""),
                           group=groups.get(gid, ""), can=format_count(can), sessions=sessions,
                           module=modules.get((gid, mid), (str(mid), ""))[0], needed=needed))
        if not lines:
            lines.append(t("ui.schedule.all_met"))
        self.explanations.clear()
        for line in dict.fromkeys(lines):
            item = QListWidgetItem(line)
            item.setToolTip(line)
            self.explanations.addItem(item)

    def _update_buttons(self) -> None:
        has = self.used is not None
        self.make_button.setEnabled(bool(self.chosen_groups()))
        self.rerun_button.setEnabled(has)
        index = self.current
        chosen = has and index is not None and 0 <= index < len(self.sessions)
        locked = chosen and index in self.locked
        # enabled for any chosen session: one that may not change says why when pressed
        self.lock_button.setEnabled(chosen)
        self.lock_action.setEnabled(chosen)
        self.move_button.setEnabled(chosen)
        self.move_action.setEnabled(chosen)
        self.lock_button.setChecked(locked)
        self.lock_button.setText(t("ui.schedule.unlock" if locked else "ui.schedule.lock"))
        self.lock_action.setText(self.lock_button.text())
        self.lock_button.setToolTip(t("ui.schedule.unlock_hint" if locked
                                      else "ui.schedule.lock_hint"))
        new = [s for s in self.sessions if not s.fixed]
        self.apply_button.setEnabled(has and not self.violations and bool(
            new or self.locked))

    # -- applying -------------------------------------------------------------------------
    def to_apply(self) -> ScheduleResult:
        """The proposal as it stands, the locked sessions (fixed only for the solver) new."""
        assert self.result is not None
        sessions = tuple(replace(s, fixed=False) if i in self.locked and not s.session_id
                         else s for i, s in enumerate(self.sessions))
        return replace(self.result, sessions=sessions, violations=tuple(self.violations))

    def apply(self) -> None:
        if self.result is None or self.violations:
            return
        result = self.to_apply()
        count = sum(1 for s in result.sessions if not s.fixed)
        replaced = list(self.replaced)
        extra = t("ui.schedule.apply_replaces", count=len(replaced)) if replaced else ""
        answer = QMessageBox.question(self, t("ui.schedule.apply_title"),
                                      as_typed(t("ui.schedule.apply_question", count=count,
                                                 replaced=extra)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        schedule = self.services.schedule
        self.apply_button.setEnabled(False)
        self.runner.run(lambda: schedule.apply(result, replaced=replaced), self._applied,
                        self._failed)

    def _applied(self, saved: Any) -> None:
        count = len(saved)
        self._forget_proposal()
        self.done_label.setText(t("ui.schedule.applied", count=count))
        self.done_label.show()
        self.refresh()
        self.applied.emit(count)
