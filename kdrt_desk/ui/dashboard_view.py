"""The dashboard: the programme's figures as labelled numbers (screening, decisions, services)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.assessment import AlertView
from kdrt_desk.domain.care import DashboardCounts
from kdrt_desk.domain.enums import NotEligibleReason, ServiceKind, ServiceStatus
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import format_date, label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.alert_dialog import alert_words
from kdrt_desk.ui.widgets.empty_hint import empty_hint, show_empty
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.forms import hint_label
from kdrt_desk.ui.widgets.look import (
    CARD,
    CELL,
    CELL_STRONG,
    FIGURE,
    HIGH_RISK,
    HINT,
    STRONG,
    TITLE,
    flag,
    mark,
)
from kdrt_desk.wiring import Services

EMPTY = "–"

DECISION_CARDS = ("screened_month", "screened_quarter", "accepted", "waitlisted",
                  "not_eligible", "referred", "awaiting")
TRAINING_CARDS = ("groups_running", "in_training", "completed_training", "left_training",
                  "sessions_held", "sessions_planned", "sessions_cancelled", "attendance_rate")


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


class _Card(QFrame):
    """One big number with its caption underneath."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        mark(self, CARD)
        self.number = QLabel(EMPTY)
        mark(self.number, FIGURE)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        layout.addStretch(1)
        self.setMinimumWidth(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)


class DashboardView(QWidget):
    """``refresh()`` asks for today's counts; ``clear()`` forgets them (when the app locks)."""

    loaded = Signal(object)  # the DashboardCounts shown

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.counts: DashboardCounts | None = None
        self.allowed = services.vault.actor.may(Permission.VIEW_SCREENING)

        title = QLabel(t("ui.care.dash.title"))
        mark(title, TITLE)
        self.as_of = QLabel()
        mark(self.as_of, HINT)
        self.refresh_button = QPushButton(t("ui.care.dash.refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.refresh_button.setVisible(self.allowed)
        self.refresh_button.setToolTip(t("ui.tip.dashboard.refresh"))
        self.empty_hint = empty_hint(t("ui.hints.dashboard.empty"))
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.as_of, 1)
        top.addWidget(self.refresh_button)
        self.message = ErrorLabel()

        self.cards: dict[str, _Card] = {}
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        self.alert_box = self._alerts_box()
        column.addWidget(self.alert_box)
        column.addWidget(self._decisions_box())
        column.addWidget(self._training_box())
        lower = QHBoxLayout()
        lower.addWidget(self._reasons_box(), 2)
        lower.addWidget(self._services_box(), 5)
        column.addLayout(lower)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.empty_hint)
        layout.addWidget(scroll, 1)
        if not self.allowed:
            self.message.show_message(t("ui.care.dash.not_allowed"))
            scroll.hide()

    # -- building ---------------------------------------------------------------------------
    def _alerts_box(self) -> QGroupBox:
        """Assessment alerts nobody acknowledged within a working day (Admin, Konselor)."""
        box = QGroupBox(t("ui.dash.alerts_title"))
        mark(box, HIGH_RISK)
        self.alert_lines = QLabel()
        self.alert_lines.setTextFormat(Qt.TextFormat.PlainText)
        self.alert_lines.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.alert_lines)
        layout.addWidget(hint_label(t("ui.dash.alerts_hint")))
        box.hide()
        return box

    def _show_alerts(self, alerts: list[AlertView]) -> None:
        self.alert_box.setTitle(t("ui.dash.alerts_count", count=len(alerts)))
        self.alert_lines.setText("\n".join(alert_words(a) for a in alerts[:10]))
        self.alert_box.setVisible(bool(alerts))

    def _decisions_box(self) -> QGroupBox:
        box = QGroupBox(t("ui.care.dash.screening"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        captions = {"screened_month": "ui.care.dash.screened_month",
                    "screened_quarter": "ui.care.dash.screened_quarter",
                    "accepted": "ui.care.dash.accepted", "waitlisted": "ui.care.dash.waitlisted",
                    "not_eligible": "ui.care.dash.not_eligible",
                    "referred": "ui.care.dash.referred", "awaiting": "ui.care.dash.awaiting"}
        for index, name in enumerate(DECISION_CARDS):
            card = _Card(t(captions[name]))
            self.cards[name] = card
            grid.addWidget(card, index // 4, index % 4)
        for column in range(4):
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(box)
        layout.addLayout(grid)
        layout.addWidget(hint_label(t("ui.care.dash.decisions_hint")))
        return box

    def _training_box(self) -> QGroupBox:
        box = QGroupBox(t("ui.care.dash.training"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        for index, name in enumerate(TRAINING_CARDS):
            card = _Card(t(f"ui.care.dash.{name}"))
            self.cards[name] = card
            grid.addWidget(card, index // 4, index % 4)
        for column in range(4):
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(box)
        layout.addLayout(grid)
        layout.addWidget(hint_label(t("ui.care.dash.training_hint")))
        return box

    def _reasons_box(self) -> QGroupBox:
        box = QGroupBox(t("ui.care.dash.not_eligible_by_reason"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.reason_values: dict[NotEligibleReason, QLabel] = {}
        for row, reason in enumerate(NotEligibleReason):
            name = QLabel(label(reason))
            name.setWordWrap(True)
            value = QLabel(EMPTY)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(40)
            self.reason_values[reason] = value
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(0, 1)
        layout = QVBoxLayout(box)
        layout.addLayout(grid)
        layout.addStretch(1)
        return box

    def _services_box(self) -> QGroupBox:
        box = QGroupBox(t("ui.care.dash.services"))
        card = _Card(t("ui.care.dash.psychosocial"))
        self.cards["psychosocial"] = card
        card_row = QHBoxLayout()
        card_row.addWidget(card, 1)
        card_row.addWidget(hint_label(t("ui.care.dash.psychosocial_hint")), 2)

        heading = QLabel(t("ui.care.dash.referrals"))
        mark(heading, STRONG)
        grid = QGridLayout()
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(3)
        statuses = list(ServiceStatus)
        header = [t("ui.care.dash.kind"), *(label(s) for s in statuses), t("ui.care.dash.total")]
        for column, text in enumerate(header):
            cell = QLabel(text)
            mark(cell, CELL_STRONG)
            cell.setWordWrap(True)
            if column:
                cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
            else:
                cell.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
            grid.addWidget(cell, 0, column)
        self.referral_cells: dict[tuple[ServiceKind, ServiceStatus | None], QLabel] = {}
        self.referral_totals: dict[ServiceStatus | None, QLabel] = {}
        kinds = list(ServiceKind)
        for row, kind in enumerate(kinds, start=1):
            name = QLabel(label(kind))
            mark(name, CELL)
            grid.addWidget(name, row, 0)
            for column, status in enumerate([*statuses, None], start=1):
                cell = self._value_cell()
                self.referral_cells[(kind, status)] = cell
                grid.addWidget(cell, row, column)
        total_row = len(kinds) + 1
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        grid.addWidget(line, total_row, 0, 1, len(header))
        total_name = QLabel(t("ui.care.dash.total"))
        mark(total_name, CELL_STRONG)
        grid.addWidget(total_name, total_row + 1, 0)
        for column, status in enumerate([*statuses, None], start=1):
            cell = self._value_cell(bold=True)
            self.referral_totals[status] = cell
            grid.addWidget(cell, total_row + 1, column)
        grid.setColumnStretch(0, 1)

        layout = QVBoxLayout(box)
        layout.addLayout(card_row)
        layout.addSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(hint_label(t("ui.care.dash.referrals_hint")))
        layout.addLayout(grid)
        layout.addStretch(1)
        return box

    @staticmethod
    def _value_cell(bold: bool = False) -> QLabel:
        cell = QLabel(EMPTY)
        cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        mark(cell, CELL_STRONG if bold else CELL)
        cell.setMinimumWidth(56)
        return cell

    # -- loading ----------------------------------------------------------------------------
    def refresh(self, today: date | None = None) -> None:
        """Ask for the figures of ``today`` (the PC's date); older answers are dropped."""
        if not self.allowed:
            return
        day = today or date.today()
        dashboard = self.services.dashboard
        self.as_of.setText(t("ui.care.dash.loading"))
        self.runner.run(lambda: dashboard.counts(day),
                        self._show, self._failed, latest=(self, "list"))
        if self.services.vault.actor.may(Permission.VIEW_RESTRICTED):
            alerts = self.services.alerts
            self.runner.run(alerts.unacknowledged, self._show_alerts, self._failed,
                            latest=(self, "alerts"))

    def clear(self) -> None:
        """Forget every figure (used when the app locks)."""
        self.runner.drop((self, "list"))
        self.runner.drop((self, "alerts"))
        self.alert_box.hide()
        self.alert_lines.clear()
        self.counts = None
        self.as_of.clear()
        show_empty(self.empty_hint, False)
        for card in self.cards.values():
            card.number.setText(EMPTY)
        for value in [*self.reason_values.values(), *self.referral_cells.values(),
                      *self.referral_totals.values()]:
            value.setText(EMPTY)

    def _show(self, counts: DashboardCounts) -> None:
        self.counts = counts
        self.as_of.setText(t("ui.care.dash.as_of", date=format_date(counts.today)))
        figures = {"screened_month": counts.screened_this_month,
                   "screened_quarter": counts.screened_this_quarter,
                   "accepted": counts.accepted, "waitlisted": counts.waitlisted,
                   "not_eligible": counts.not_eligible, "referred": counts.referred,
                   "awaiting": counts.awaiting_confirmation,
                   "psychosocial": counts.with_psychosocial_service,
                   "groups_running": counts.groups_running, "in_training": counts.in_training,
                   "completed_training": counts.completed_training,
                   "left_training": counts.left_training,
                   "sessions_held": counts.sessions_held_this_month,
                   "sessions_planned": counts.sessions_planned_this_month,
                   "sessions_cancelled": counts.sessions_cancelled_this_month}
        for name, value in figures.items():
            self.cards[name].number.setText(_number(value))
        referrals = sum(sum(by_status.values()) for by_status in counts.referrals.values())
        show_empty(self.empty_hint, not any(figures.values()) and not referrals
                   and not any(counts.not_eligible_by_reason.values()))
        rate = counts.attendance_rate_this_month
        self.cards["attendance_rate"].number.setText(EMPTY if rate is None else f"{rate}%")
        for reason, cell in self.reason_values.items():
            self._set(cell, counts.not_eligible_by_reason.get(reason, 0))
        totals: dict[ServiceStatus | None, int] = dict.fromkeys([*ServiceStatus, None], 0)
        for kind in ServiceKind:
            by_status = counts.referrals.get(kind, {})
            for each in ServiceStatus:
                value = by_status.get(each, 0)
                self._set(self.referral_cells[(kind, each)], value)
                totals[each] += value
            row_total = sum(by_status.values())
            self._set(self.referral_cells[(kind, None)], row_total, bold=True)
            totals[None] += row_total
        for status, cell in self.referral_totals.items():
            self._set(cell, totals[status], bold=True)
        self.message.show_message("")
        self.loaded.emit(counts)

    @staticmethod
    def _set(cell: QLabel, value: int, bold: bool = False) -> None:
        cell.setText(_number(value))
        flag(mark(cell, CELL_STRONG if bold else CELL), "zero", value == 0)

    def _failed(self, exc: BaseException) -> None:
        self.as_of.clear()
        if isinstance(exc, UserError):
            self.message.show_message(exc.message)
        else:
            show_error(self, exc)

    def figure(self, name: str) -> str:
        """The number a card shows (``accepted``, ``psychosocial``…), for tests and read-outs."""
        return self.cards[name].number.text()
