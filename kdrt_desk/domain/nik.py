"""Indonesian NIK (16-digit national ID number): normalising, parsing, checking and making."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

NikErrorReason = Literal["length", "date", "serial", "province"]

NIK_LENGTH = 16
NIK_SHOWN_DIGITS = 4  # a list shows only the last four digits
MASK = "\u2022"  # the bullet that stands for a hidden digit
FEMALE_DAY_OFFSET = 40
MIN_PROVINCE = 11
MAX_PROVINCE = 96

_SEPARATORS = re.compile(r"[\s.\-]+")
_SIXTEEN_DIGITS = re.compile(r"[0-9]{16}")
_SIX_DIGITS = re.compile(r"[0-9]{6}")
# Days per month; February allows 29 here and is narrowed by the 2-digit year below.
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


class NikError(ValueError):
    """A NIK that cannot be right; ``reason`` says why (the NIK itself is never in the message)."""

    def __init__(self, reason: NikErrorReason) -> None:
        super().__init__(f"invalid NIK ({reason})")
        self.reason: NikErrorReason = reason


@dataclass(frozen=True)
class NikInfo:
    """What a NIK encodes. ``birth_day`` is the real day (the +40 for women already removed)."""

    region: str
    birth_day: int
    birth_month: int
    birth_year_2d: int
    female: bool

    @property
    def province(self) -> str:
        return self.region[:2]


def normalise_nik(raw: str) -> str:
    """Remove spaces, dots and dashes; every other character is kept as typed."""
    return _SEPARATORS.sub("", raw)


def mask_nik(nik: str) -> str:
    """List form, showing only the last four digits: "••••••••••••0213" ("" stays "")."""
    if not nik:
        return ""
    hidden = max(len(nik), NIK_LENGTH) - NIK_SHOWN_DIGITS
    return MASK * hidden + nik[-NIK_SHOWN_DIGITS:]


def _day_possible(day: int, month: int, year_2d: int) -> bool:
    if not 1 <= month <= 12:
        return False
    max_day = _MONTH_DAYS[month - 1]
    # The century is unknown: 29 February is possible whenever yy is divisible by 4
    # (2000 was a leap year, so "00" counts too).
    if month == 2 and year_2d % 4 != 0:
        max_day = 28
    return 1 <= day <= max_day


def parse_nik(nik: str) -> NikInfo:
    """Parse a normalised NIK, checking in digit order: length, province, date, serial.

    Raises :class:`NikError` with reason ``"length"`` (not exactly 16 ASCII digits),
    ``"province"`` (province code outside 11-96), ``"date"`` (impossible day or month after
    removing the +40 women get on the day) or ``"serial"`` (0000).
    """
    if _SIXTEEN_DIGITS.fullmatch(nik) is None:
        raise NikError("length")
    province = int(nik[0:2])
    if not MIN_PROVINCE <= province <= MAX_PROVINCE:
        raise NikError("province")
    raw_day = int(nik[6:8])
    month = int(nik[8:10])
    year_2d = int(nik[10:12])
    female = raw_day > FEMALE_DAY_OFFSET
    day = raw_day - FEMALE_DAY_OFFSET if female else raw_day
    if not _day_possible(day, month, year_2d):
        raise NikError("date")
    if nik[12:16] == "0000":
        raise NikError("serial")
    return NikInfo(region=nik[0:6], birth_day=day, birth_month=month, birth_year_2d=year_2d,
                   female=female)


def nik_matches_birth_date(info: NikInfo, birth_date: date) -> bool:
    """True when the NIK's day, month and 2-digit year agree with ``birth_date``."""
    return (info.birth_day == birth_date.day
            and info.birth_month == birth_date.month
            and info.birth_year_2d == birth_date.year % 100)


def make_nik(region: str, birth_date: date, female: bool, serial: int) -> str:
    """Build a NIK (for synthetic data): 6-digit region, DDMMYY (+40 on DD for women), serial."""
    if _SIX_DIGITS.fullmatch(region) is None:
        raise ValueError("region must be 6 digits")
    if not MIN_PROVINCE <= int(region[:2]) <= MAX_PROVINCE:
        raise ValueError("province code must be between 11 and 96")
    if not 1 <= serial <= 9999:
        raise ValueError("serial must be between 1 and 9999")
    day = birth_date.day + (FEMALE_DAY_OFFSET if female else 0)
    return f"{region}{day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}{serial:04d}"
