"""Indonesia's public holidays and *cuti bersama* (joint leave days set by the government) for
the years of a term, from the ``holidays`` package, with their names in the UI language.

Islamic holidays of future years are computed, not yet decreed: they carry ``estimated`` so the
screens can say so and the admin can confirm or shift them (see ``calendar.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum

ESTIMATED_MARK = "(estimated)"  # how ``holidays`` marks a computed Islamic date in en_US
IDUL_FITRI = "Eid al-Fitr"  # the en_US name of 1 Syawal (its second day says "Second Day")
LANGUAGE_CODES = {"id": "id", "en": "en_US"}


class HolidayKind(Enum):
    PUBLIC = "public"  # hari libur nasional
    JOINT_LEAVE = "government"  # cuti bersama


@dataclass(frozen=True)
class Holiday:
    day: date
    name: str  # in the language asked for
    kind: HolidayKind
    estimated: bool
    english: str  # the en_US name: stable, for matching (never shown in the Indonesian UI)

    @property
    def is_idul_fitri(self) -> bool:
        """1 Syawal itself (not its second day or the joint leave around it)."""
        return self.kind is HolidayKind.PUBLIC and \
            self.english.replace(ESTIMATED_MARK, "").strip() == IDUL_FITRI


def national_holidays(years: Iterable[int], lang: str = "id") -> list[Holiday]:
    """Every public holiday and cuti bersama of ``years``, by date (a date with two holidays,
    e.g. a public holiday on a Sunday beside another, gives two entries)."""
    import holidays  # the fact tables: imported when a calendar is built, not at start

    wanted = sorted(set(years))
    found: list[Holiday] = []
    for kind in HolidayKind:
        english = holidays.country_holidays("ID", years=wanted, categories=(kind.value,),
                                            language="en_US")
        shown = holidays.country_holidays("ID", years=wanted, categories=(kind.value,),
                                          language=LANGUAGE_CODES.get(lang, "id"))
        for day in sorted(english):
            en_names = english.get_list(day)
            local_names = shown.get_list(day)
            for index, en_name in enumerate(en_names):
                local = local_names[index] if index < len(local_names) else en_name
                found.append(Holiday(day, local, kind, ESTIMATED_MARK in en_name, en_name))
    return sorted(found, key=lambda h: (h.day, h.kind.value, h.name))
