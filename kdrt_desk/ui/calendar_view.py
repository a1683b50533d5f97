"""The Kalender tab: a month or a week with holidays, closures, Ramadan, prayer windows and
sessions, and the way to the calendar settings."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.training import GroupView, SessionQuery, SessionStatus, SessionView
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import format_date, format_time, label, language, t
from kdrt_desk.scheduling.calendar import DayPlan
from kdrt_desk.scheduling.public_holidays import Holiday, HolidayKind
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.widgets.empty_hint import empty_hint, show_empty
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.forms import hint_label
from kdrt_desk.ui.widgets.look import (
    CLOSURE_DAY,
    ENDED_TEXT,
    HINT,
    HOLIDAY_DAY,
    JOINT_LEAVE_DAY,
    OFF_HOURS,
    OTHER_MONTH_TEXT,
    PRAYER_TIME,
    RAMADAN_DAY,
    SESSION_BLOCK,
    STRONG,
    mark,
)
from kdrt_desk.ui.widgets.wrap_row import WrapRow
from kdrt_desk.wiring import Services

ALL_GROUPS = -1
MONTH, WEEK = "month", "week"
FIRST_HOUR, LAST_HOUR = 7, 18  # the week view's hours
SLOT_MINUTES = 30
SLOTS = (LAST_HOUR - FIRST_HOUR) * 60 // SLOT_MINUTES
SLOT_HEIGHT = 22  # pixels of a half-hour at the least
SHOWN_LINES = 3  # sessions listed in a month cell before "+n more"
WINDOW_NAMES = {"zuhur": "calendar.prayer.zuhur", "asar": "calendar.prayer.asar",
                "magrib": "calendar.prayer.magrib", "jumat": "ui.calendar.friday_window",
                "ramadan_cooking": "ui.calendar.no_cooking"}
ESTIMATE_MARKS = ("(perkiraan)", "(estimated)")  # how the holiday tables mark an estimate


def month_grid(first: date) -> list[date]:
    """The 42 days (six weeks, Monday first) around the month of ``first``."""
    start = first - timedelta(days=first.weekday())
    return [start + timedelta(days=i) for i in range(42)]


def week_days(day: date) -> list[date]:
    start = day - timedelta(days=day.weekday())
    return [start + timedelta(days=i) for i in range(7)]


def widest_title(title: QLabel) -> int:
    """Room for the longest week title ("28 September 2000 – 28 Desember 2000") in
    ``title``'s font (bold), a month's is shorter."""
    font = title.font()
    font.setBold(True)
    text = t("ui.calendar.week_title", start=format_date(date(2000, 9, 28)),
             end=format_date(date(2000, 12, 28)))
    return QFontMetrics(font).horizontalAdvance(text) + 16


def month_title(first: date) -> str:
    from babel.dates import format_date as babel_date

    return str(babel_date(first, "LLLL y", locale=language()))


def holiday_name(holiday: Holiday) -> str:
    """Its name with "(perkiraan)" exactly when the date is still an estimate (the tables'
    own mark stays on a date the admin has confirmed)."""
    name = holiday.name
    for estimate in ESTIMATE_MARKS:
        name = name.replace(estimate, "")
    name = " ".join(name.split())
    return f"{name} {t('ui.calendar.estimated_mark')}" if holiday.estimated else name


def slot_time(index: int) -> time:
    minutes = FIRST_HOUR * 60 + index * SLOT_MINUTES
    return time(minutes // 60, minutes % 60)


def slots_of(start: time, end: time) -> range:
    """The week view's rows (slot indexes) that ``start``-``end`` touches."""
    first = (start.hour * 60 + start.minute - FIRST_HOUR * 60) // SLOT_MINUTES
    last = -(-(end.hour * 60 + end.minute - FIRST_HOUR * 60) // SLOT_MINUTES)  # ceiling
    return range(max(first, 0), min(last, SLOTS))


def day_colour(plan: DayPlan) -> QColor | None:
    if any(h.kind is HolidayKind.PUBLIC for h in plan.holidays):
        return HOLIDAY_DAY
    if plan.holidays:
        return JOINT_LEAVE_DAY
    if plan.closures:
        return CLOSURE_DAY
    if plan.ramadan is not None:
        return RAMADAN_DAY
    return None


def times_text(view: SessionView) -> str:
    if view.start_time is None or view.end_time is None:
        return ""
    return f"{format_time(view.start_time)}–{format_time(view.end_time)}"


class CalendarView(QWidget):
    """``refresh()`` loads the shown month or week: the calendar and the sessions in it."""

    loaded = Signal(int)  # sessions shown

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None,
                 day: date | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.day = day or date.today()
        self.mode = MONTH
        self.plans: dict[date, DayPlan] = {}
        self.rows: list[SessionView] = []
        self.shown_days: list[date] = []
        self.blocks: dict[tuple[int, int], QTableWidgetItem] = {}  # (column, slot) -> session
        self.dialog: QDialog | None = None
        self.may_manage = services.vault.actor.may(Permission.MANAGE_PROGRAMME)

        self.previous_button = QPushButton("◀")
        self.previous_button.setFixedWidth(40)
        self.next_button = QPushButton("▶")
        self.next_button.setFixedWidth(40)
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setMinimumWidth(widest_title(self.title))  # no jump from month to week
        mark(self.title, STRONG)
        self.today_button = QPushButton(t("ui.calendar.today"))
        self.month_button = QPushButton(t("ui.calendar.month"))
        self.week_button = QPushButton(t("ui.calendar.week"))
        self.modes = QButtonGroup(self)
        for button in (self.month_button, self.week_button):
            button.setCheckable(True)
            self.modes.addButton(button)
        self.month_button.setChecked(True)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(lambda: self.show_day(date.today()))
        self.month_button.clicked.connect(lambda: self.set_mode(MONTH))
        self.week_button.clicked.connect(lambda: self.set_mode(WEEK))
        self.group_filter = QComboBox()
        self.group_filter.addItem(t("ui.calendar.all_groups"), ALL_GROUPS)
        self.group_filter.setMinimumWidth(200)
        self.group_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.settings_button = QPushButton(t("ui.calendar.settings"))
        self.settings_button.setVisible(self.may_manage)
        self.settings_button.clicked.connect(self.open_settings)
        for button, tip in ((self.today_button, "ui.tip.calendar.today"),
                            (self.month_button, "ui.tip.calendar.month"),
                            (self.week_button, "ui.tip.calendar.week"),
                            (self.settings_button, "ui.tip.calendar.settings")):
            button.setToolTip(t(tip))
        navigator = WrapRow()  # on two lines when the window is narrow or the text large
        for widget in (self.previous_button, self.title, self.next_button, self.today_button):
            navigator.addWidget(widget)
        navigator.addSpacing(12)
        navigator.addWidget(self.month_button)
        navigator.addWidget(self.week_button)
        navigator.addStretch(1)
        navigator.addWidget(QLabel(t("ui.calendar.group_filter")))
        navigator.addWidget(self.group_filter)
        navigator.addWidget(self.settings_button)

        self.month_table = self._grid(6, 7)
        self.month_table.setHorizontalHeaderLabels(
            [t(f"calendar.weekday.{i}") for i in range(7)])
        self.month_table.verticalHeader().hide()
        self.month_table.cellDoubleClicked.connect(self._open_week)
        self.week_table = self._grid(SLOTS + 1, 7)
        self.week_table.setVerticalHeaderLabels(
            [t("ui.calendar.all_day")] + [format_time(slot_time(i)) for i in range(SLOTS)])
        self.stack = QStackedWidget()
        self.stack.addWidget(self.month_table)
        self.stack.addWidget(self.week_table)
        self.count_label = QLabel()
        mark(self.count_label, HINT)
        self.legend = hint_label(t("ui.calendar.legend"))
        self.empty_hint = empty_hint(t("ui.hints.calendar.empty"))
        self.message = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(navigator)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.legend)
        layout.addWidget(self.message)
        self._show_title()

    @staticmethod
    def _grid(rows: int, columns: int) -> QTableWidget:
        grid = QTableWidget(rows, columns)
        grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        grid.setWordWrap(True)
        grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return grid

    # -- what is shown ----------------------------------------------------------------------
    def shown_range(self) -> tuple[date, date]:
        days = month_grid(self.day.replace(day=1)) if self.mode == MONTH else week_days(self.day)
        return days[0], days[-1]

    def _show_title(self) -> None:
        if self.mode == MONTH:
            self.title.setText(month_title(self.day))
            self.previous_button.setToolTip(t("ui.calendar.previous_month"))
            self.next_button.setToolTip(t("ui.calendar.next_month"))
        else:
            days = week_days(self.day)
            self.title.setText(t("ui.calendar.week_title", start=format_date(days[0]),
                                 end=format_date(days[-1])))
            self.previous_button.setToolTip(t("ui.calendar.previous_week"))
            self.next_button.setToolTip(t("ui.calendar.next_week"))

    def step(self, count: int) -> None:
        if self.mode == WEEK:
            self.show_day(self.day + timedelta(days=7 * count))
            return
        index = self.day.year * 12 + self.day.month - 1 + count
        self.show_day(date(index // 12, index % 12 + 1, 1))

    def show_day(self, day: date) -> None:
        self.day = day
        self._show_title()
        self.refresh()

    def set_mode(self, mode: str, day: date | None = None) -> None:
        """Month or week; the week of ``day``, else this week when this month was shown."""
        today = date.today()
        if day is not None:
            self.day = day
        elif mode == WEEK and self.mode == MONTH and today.replace(day=1) == self.day.replace(
                day=1):
            self.day = today
        self.mode = mode
        (self.month_button if mode == MONTH else self.week_button).setChecked(True)
        self.stack.setCurrentWidget(self.month_table if mode == MONTH else self.week_table)
        self._show_title()
        self.refresh()

    def _open_week(self, row: int, column: int) -> None:
        index = row * 7 + column
        if index < len(self.shown_days):
            self.set_mode(WEEK, self.shown_days[index])

    def set_group_filter(self, group_id: int | None) -> None:
        index = self.group_filter.findData(ALL_GROUPS if group_id is None else group_id)
        self.group_filter.setCurrentIndex(max(index, 0))

    def _group_id(self) -> int | None:
        data = self.group_filter.currentData()
        return None if data is None or int(data) == ALL_GROUPS else int(data)

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Ask for the shown days' calendar, their sessions and the groups for the filter."""
        start, end = self.shown_range()
        query = SessionQuery(group_id=self._group_id(), start=start, end=end)
        calendar, sessions, groups = (self.services.calendar, self.services.sessions,
                                      self.services.groups)

        def load() -> tuple[list[GroupView], list[DayPlan], list[SessionView]]:
            return (groups.groups(include_archived=True), calendar.term(start, end).days(),
                    sessions.sessions(query))

        self.runner.run(load, lambda found: self._show(*found), self._failed,
                        latest=(self, "calendar"))

    def clear(self) -> None:
        """Forget what is shown (the app locked)."""
        self.runner.drop((self, "calendar"))
        if self.dialog is not None:
            self.dialog.reject()
        self.rows, self.plans = [], {}
        for grid in (self.month_table, self.week_table):
            grid.clearSpans()
            grid.clearContents()
        self.count_label.clear()
        show_empty(self.empty_hint, False)

    def _fill_groups(self, groups: list[GroupView]) -> None:
        wanted = self._group_id()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem(t("ui.calendar.all_groups"), ALL_GROUPS)
        for group in groups:
            self.group_filter.addItem(group.name, group.id)
        index = self.group_filter.findData(ALL_GROUPS if wanted is None else wanted)
        self.group_filter.setCurrentIndex(max(index, 0))
        self.group_filter.blockSignals(False)

    def _show(self, groups: list[GroupView], plans: list[DayPlan],
              rows: list[SessionView]) -> None:
        self._fill_groups(groups)
        self.plans = {p.day: p for p in plans}
        self.rows = sorted(rows, key=lambda v: (v.session_date or date.min,
                                                v.start_time or time.min))
        if self.mode == MONTH:
            self._show_month()
            period = month_title(self.day)
            count = sum(1 for v in self.rows if v.session_date is not None
                        and v.session_date.replace(day=1) == self.day.replace(day=1))
        else:
            self._show_week()
            period = self.title.text()
            count = len(self.rows)
        QTimer.singleShot(0, self, self.fit_rows)  # the two-line headers take their room
        self.count_label.setText(t("ui.calendar.count" if self.mode == MONTH
                                   else "ui.calendar.week_count", count=count, period=period))
        show_empty(self.empty_hint, count == 0)
        self.message.show_message("")
        self.loaded.emit(count)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.message.show_message(exc.message)
        else:
            show_error(self, exc)

    def sessions_on(self, day: date) -> list[SessionView]:
        return [v for v in self.rows if v.session_date == day]

    def day_lines(self, plan: DayPlan) -> list[str]:
        """What a day says: its holidays, the centre's closures, Ramadan."""
        lines = [holiday_name(h) for h in plan.holidays]
        lines += [t("ui.calendar.closure", reason=c.reason) for c in plan.closures]
        if plan.ramadan is not None:
            estimated = plan.ramadan.estimated and plan.day == plan.ramadan.start
            lines.append(t("ui.calendar.ramadan") + (f" {t('ui.calendar.estimated_mark')}"
                                                     if estimated else ""))
        return lines

    def day_tip(self, plan: DayPlan) -> str:
        lines = [format_date(plan.day)]
        lines += [f"{holiday_name(h)} ({t(f'calendar.kind.{h.kind.value}')})"
                  for h in plan.holidays]
        lines += [t("ui.calendar.closure", reason=c.reason) for c in plan.closures]
        if plan.ramadan is not None:
            cook_start, cook_end = (plan.cooking_blocked[0].start, plan.cooking_blocked[0].end) \
                if plan.cooking_blocked else (plan.closes, plan.closes)
            lines.append(t("ui.calendar.ramadan_tip", start=format_date(plan.ramadan.start),
                           end=format_date(plan.ramadan.end),
                           estimated=t("ui.calendar.ramadan_estimated")
                           if plan.ramadan.estimated else "",
                           end_time=format_time(plan.closes),
                           cook_start=format_time(cook_start), cook_end=format_time(cook_end)))
        return "\n".join(lines)

    # -- the month --------------------------------------------------------------------------
    def _show_month(self) -> None:
        grid = self.month_table
        self.shown_days = month_grid(self.day.replace(day=1))
        today = date.today()
        for index, day in enumerate(self.shown_days):
            plan = self.plans.get(day)
            lines = [str(day.day)]
            tip = format_date(day)
            if plan is not None:
                lines += self.day_lines(plan)
                tip = self.day_tip(plan)
            found = self.sessions_on(day)
            if found:
                lines.append(t("ui.calendar.one_session") if len(found) == 1
                             else t("ui.calendar.sessions_count", count=len(found)))
                for view in found[:SHOWN_LINES]:
                    line = t("ui.calendar.session_line", time=format_time(view.start_time),
                             module=view.module_code, group=view.group_name)
                    if view.status == SessionStatus.CANCELLED:
                        line += f" ({label(view.status)})"
                    lines.append(line)
                if len(found) > SHOWN_LINES:
                    lines.append(t("ui.calendar.more", count=len(found) - SHOWN_LINES))
                tip += "\n" + "\n".join(f"{times_text(v)} {v.module_code} · {v.group_name} · "
                                        f"{v.venue_name}" for v in found)
            item = QTableWidgetItem("\n".join(lines))
            item.setToolTip(tip)
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            colour = day_colour(plan) if plan is not None else None
            if colour is not None:
                item.setBackground(colour)
            if day.month != self.day.month:
                item.setForeground(OTHER_MONTH_TEXT)
            if day == today:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            grid.setItem(index // 7, index % 7, item)
        self.fit_rows()

    def fit_rows(self) -> None:
        """Rows share the height the grid has; a month day with more lines grows (and the
        grid scrolls), a session block keeps the height of its half-hours."""
        if self.mode == MONTH:
            grid = self.month_table
            share = (grid.viewport().height() - 1) // 6
            for row in range(6):
                grid.setRowHeight(row, max(grid.sizeHintForRow(row), share))
            return
        grid = self.week_table
        grid.resizeRowToContents(0)
        share = (grid.viewport().height() - grid.rowHeight(0) - 1) // SLOTS
        for row in range(1, SLOTS + 1):
            grid.setRowHeight(row, max(SLOT_HEIGHT, share))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit_rows()
        QTimer.singleShot(0, self, self.fit_rows)  # once the headers know their height

    def month_cell(self, day: date) -> str:
        """The text of ``day``'s cell in the month shown ("" when not shown): for tests."""
        if day not in self.shown_days:
            return ""
        index = self.shown_days.index(day)
        item = self.month_table.item(index // 7, index % 7)
        return item.text() if item is not None else ""

    # -- the week ---------------------------------------------------------------------------
    def _show_week(self) -> None:
        grid = self.week_table
        grid.clearSpans()
        grid.clearContents()
        self.blocks = {}
        self.shown_days = week_days(self.day)
        grid.setHorizontalHeaderLabels(
            [f"{t(f'calendar.weekday.{d.weekday()}')}\n{format_date(d)}"
             for d in self.shown_days])
        for column, day in enumerate(self.shown_days):
            plan = self.plans.get(day)
            header = QTableWidgetItem("\n".join(self.day_lines(plan)) if plan else "")
            header.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            if plan is not None:
                header.setToolTip(self.day_tip(plan))
                colour = day_colour(plan)
                if colour is not None:
                    header.setBackground(colour)
            grid.setItem(0, column, header)
            self._fill_hours(column, plan)
            self._fill_sessions(column, day)
        self.fit_rows()

    def _fill_hours(self, column: int, plan: DayPlan | None) -> None:
        grid = self.week_table
        texts: dict[int, list[str]] = {}
        tips: dict[int, list[str]] = {}
        for index in range(SLOTS):
            item = QTableWidgetItem("")
            if plan is not None and (plan.closed or slot_time(index) < plan.opens
                                     or slot_time(index) >= plan.closes):
                item.setBackground(OFF_HOURS)
                item.setToolTip(t("ui.calendar.off_hours_tip", opens=format_time(plan.opens),
                                  closes=format_time(plan.closes)))
            grid.setItem(index + 1, column, item)
        if plan is None:
            return
        for window in (*plan.blocked, *plan.cooking_blocked):
            rows = slots_of(window.start, window.end)
            if not rows:
                continue
            key = WINDOW_NAMES.get(window.reason)
            name = t(key) if key is not None else window.reason
            shown = t("ui.calendar.window", name=name, start=format_time(window.start),
                      end=format_time(window.end))
            # the name goes in the first of its rows that says nothing yet (Friday prayers
            # and Zuhur start in the same half-hour)
            free = next((r for r in rows if r not in texts), rows[0])
            texts.setdefault(free, []).append(shown)
            for row in rows:
                tips.setdefault(row, []).append(t(
                    "ui.calendar.window_tip", reason=t(f"calendar.window.{window.reason}"),
                    start=format_time(window.start), end=format_time(window.end)))
                cell = grid.item(row + 1, column)
                if cell is not None:
                    cell.setBackground(PRAYER_TIME)
        for row, lines in tips.items():
            cell = grid.item(row + 1, column)
            if cell is not None:
                cell.setText(" · ".join(texts.get(row, [])))
                cell.setToolTip("\n".join(lines))

    def _fill_sessions(self, column: int, day: date) -> None:
        grid = self.week_table
        taken: dict[int, QTableWidgetItem] = {}
        for view in self.sessions_on(day):
            if view.start_time is None or view.end_time is None:
                continue
            rows = slots_of(view.start_time, view.end_time)
            if not rows:
                continue
            block = t("ui.calendar.session_block", time=times_text(view), group=view.group_name,
                      module=f"{view.module_code} {view.module_title}", venue=view.venue_name)
            tip = t("ui.calendar.session_tip", time=times_text(view), group=view.group_name,
                    module=view.module_code, title=view.module_title, venue=view.venue_name,
                    facilitator=view.facilitator_name, status=label(view.status))
            clash = next((taken[r] for r in rows if r in taken), None)
            if clash is not None:  # two sessions at once: one block that names both
                clash.setText(f"{clash.text()}\n\n{block}")
                clash.setToolTip(f"{clash.toolTip()}\n\n{tip}")
                continue
            item = QTableWidgetItem(block)
            item.setToolTip(tip)
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            item.setBackground(SESSION_BLOCK)
            if view.status == SessionStatus.CANCELLED:
                item.setForeground(ENDED_TEXT)
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)
            grid.setItem(rows[0] + 1, column, item)
            if len(rows) > 1:
                grid.setSpan(rows[0] + 1, column, len(rows), 1)
            for row in rows:
                taken[row] = item
                self.blocks[(column, row)] = item

    def week_cell(self, day: date, at: time) -> str:
        """The text shown for ``day`` at clock time ``at`` in the week shown: for tests."""
        if day not in self.shown_days or not FIRST_HOUR <= at.hour < LAST_HOUR:
            return ""
        row = (at.hour * 60 + at.minute - FIRST_HOUR * 60) // SLOT_MINUTES + 1
        column = self.shown_days.index(day)
        item = self.blocks.get((column, row - 1)) or self.week_table.item(row, column)
        return item.text() if item is not None else ""

    # -- settings ---------------------------------------------------------------------------
    def open_settings(self) -> QDialog | None:
        if not self.may_manage:
            return None
        from kdrt_desk.ui.calendar_settings_dialog import CalendarSettingsDialog

        dialog = CalendarSettingsDialog(self.services, self.runner, self)
        dialog.saved.connect(lambda _r: self.refresh())
        dialog.finished.connect(lambda _code: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
