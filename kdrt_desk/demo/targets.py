"""The demo's results framework: targets for this year and this quarter for the main
indicators, so the dashboard shows actual against target from the start."""

from __future__ import annotations

from datetime import UTC, date, datetime

from kdrt_desk.db.session import Database
from kdrt_desk.models import IndicatorTarget
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor

YEAR_TARGETS = {
    "groups_formed": 12, "sessions_held": 300, "attendance_rate": 80,
    "modules_completed": 150, "skills_passed": 80, "psychosocial_services": 120,
    "score_change.WHO5": 10, "score_improved.WHO5": 50, "score_change.GSE": 3,
    "score_improved.GSE": 45, "income_change": 250_000, "independent_of_abuser": 40,
    "capital_disbursed": 150_000_000, "business_running_3m": 70, "business_running_6m": 60,
}
QUARTER_SHARE = {"groups_formed": 0.25, "sessions_held": 0.25, "modules_completed": 0.25,
                 "skills_passed": 0.25, "psychosocial_services": 0.25,
                 "capital_disbursed": 0.25}


def quarter_of(day: date) -> tuple[date, date]:
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    end = date(day.year + (first_month == 10), (first_month + 2) % 12 + 1, 1)
    return start, date.fromordinal(end.toordinal() - 1)


def insert_demo_targets(db: Database, actor: Actor, today: date) -> int:
    """Targets for the calendar year and the quarter of ``today``; the number written."""
    now = datetime.now(UTC)
    periods = [(date(today.year, 1, 1), date(today.year, 12, 31), False),
               (*quarter_of(today), True)]
    rows = []
    for start, end, quarter in periods:
        for code, target in YEAR_TARGETS.items():
            value = target * QUARTER_SHARE.get(code, 1.0) if quarter else target
            rows.append(IndicatorTarget(indicator=code, period_start=start, period_end=end,
                                        target=float(round(value)), set_by=actor.username,
                                        set_at=now))
    with db.transaction() as session:
        session.add_all(rows)
        audit_log.append(session, actor.username, "indicator_targets_imported", "",
                         {"targets": len(rows)})
    return len(rows)
