"""Dates like ``27 November 2026``, times like ``09.00`` and money like ``Rp 1.500.000``, per UI
language."""

from __future__ import annotations

from datetime import date, datetime, time


def _lang() -> str:
    from kdrt_desk.i18n import language

    return language()


def format_date(value: date | None, lang: str | None = None) -> str:
    if value is None:
        return ""
    from babel.dates import format_date as _babel_date  # imported on first use: fast start-up

    return _babel_date(value, "d MMMM y", locale=lang or _lang())


def format_count(value: float, lang: str | None = None) -> str:
    """A count in the language's digits (Babel): ``1.234`` and ``2,5`` in Indonesian, ``1,234``
    and ``2.5`` in English (a "prefers not" block counts half); ``3`` when whole."""
    from babel.numbers import format_decimal

    number: float = int(value) if value == int(value) else round(value, 1)
    return str(format_decimal(number, format="#,##0.#", locale=lang or _lang()))


def format_time(value: time | None, lang: str | None = None) -> str:
    """``09.00`` in Indonesian (as on printed schedules), ``09:00`` in English."""
    if value is None:
        return ""
    return value.strftime("%H.%M" if (lang or _lang()) == "id" else "%H:%M")


def format_datetime(value: datetime | None, lang: str | None = None) -> str:
    """In the PC's local time (WIB in Palembang); stored times are UTC."""
    if value is None:
        return ""
    from babel.dates import format_datetime as _babel_datetime

    local = value.astimezone() if value.tzinfo is not None else value
    return _babel_datetime(local.replace(tzinfo=None), "d MMMM y HH:mm", locale=lang or _lang())


def format_rupiah(amount: int | None) -> str:
    """Rupiah with dot thousands separators in both languages (the currency's own convention)."""
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp {abs(amount):,}".replace(",", ".")


class WeekdayName:
    """A weekday (Monday 0) said in the language current when a message is shown, for message
    parameters made earlier (``UserError(..., day=WeekdayName(2))``)."""

    def __init__(self, day: int) -> None:
        self.day = day

    def __format__(self, spec: str) -> str:
        from kdrt_desk.i18n import t

        return format(t(f"calendar.weekday.{self.day}"), spec)

    def __str__(self) -> str:
        return format(self, "")
