"""The chart breakdowns on the indicator service's hand-worked fixture: attendance per module
(4 of 8 marks), businesses month by month (her business from 29 November), income before/after
(medians of 500.000 and 800.000 vs 1.200.000 and 700.000), the donor population, and roles."""

from __future__ import annotations

from datetime import date

import pytest
from test_indicator_service import END, START, fixture

from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import PermissionDeniedError, ValidationError
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.indicator_breakdowns import IndicatorBreakdownService, MonthCount
from kdrt_desk.wiring import Services


def _service(services: Services, role: Role = Role.ADMIN) -> IndicatorBreakdownService:
    actor = services.vault.actor if role == Role.ADMIN else Actor(99, "lain9", role)
    return IndicatorBreakdownService(services.vault.db, actor)


def test_attendance_per_module_agrees_with_the_marks(admin: Services) -> None:
    people = fixture(admin)
    rows = _service(admin).attendance_by_module(START, END)
    assert [(r.code, r.marks, r.attended, r.rate) for r in rows] == [("SOS-01", 8, 4, 50.0)]
    only_a = _service(admin).attendance_by_module(START, END, population={people["a"]})
    assert [(r.marks, r.attended, r.rate) for r in only_a] == [(2, 2, 100.0)]
    assert _service(admin).attendance_by_module(date(2026, 10, 1), date(2026, 10, 31)) == []


def test_businesses_are_counted_month_by_month(admin: Services) -> None:
    fixture(admin)
    months = _service(admin).businesses_over_time(date(2026, 10, 1), END)
    assert months == [MonthCount(date(2026, 10, 1), 0), MonthCount(date(2026, 11, 1), 1)]
    # up to 28 November her latest record still says "planning"
    assert _service(admin).businesses_over_time(START, date(2026, 11, 28)) == [
        MonthCount(date(2026, 11, 1), 0)]


def test_income_before_and_after_are_the_medians_of_the_same_women(admin: Services) -> None:
    people = fixture(admin)
    income = _service(admin).income_before_after(START, END)
    assert (income.before, income.after, income.n) == (650_000, 950_000, 2)
    change = admin.indicators.compute(START, END).get("income_change")
    assert change is not None and change.n == income.n
    only_b = _service(admin).income_before_after(START, END, population={people["b"]})
    assert (only_b.before, only_b.after, only_b.n) == (800_000, 700_000, 1)
    nothing = _service(admin).income_before_after(date(2026, 10, 1), date(2026, 10, 31))
    assert (nothing.before, nothing.after, nothing.n) == (None, None, 0)


def test_roles_and_bad_periods_are_refused(admin: Services) -> None:
    fixture(admin)
    staf = _service(admin, Role.STAF)
    assert staf.income_before_after(START, END).n == 2  # office staff hold the contact key
    facilitator = _service(admin, Role.FASILITATOR)
    with pytest.raises(PermissionDeniedError):
        facilitator.attendance_by_module(START, END)
    with pytest.raises(PermissionDeniedError):
        facilitator.businesses_over_time(START, END)
    with pytest.raises(ValidationError):
        _service(admin).income_before_after(END, START)
