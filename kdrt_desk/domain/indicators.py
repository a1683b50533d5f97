"""The programme's indicator chain (outputs, outcomes, follow-up) as computed for a period: what
each indicator means, its unit, the tier of data it needs, and the figures it comes out as.

Each result keeps who is behind it (``participants``) so a figure opens its list for a role that
may see names; ``withheld`` says the role holds no key to compute it (scores: restricted; income
and businesses: contact)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Stage(StrEnum):
    OUTPUT = "output"
    OUTCOME = "outcome"
    FOLLOW_UP = "follow_up"


class Unit(StrEnum):
    COUNT = "count"  # participants, groups, sessions
    PERCENT = "percent"  # 0-100
    POINTS = "points"  # a change on an instrument's scale
    RUPIAH = "rupiah"


class Needs(StrEnum):
    PROGRAMME = "programme"  # the master key: every staff role
    CONTACT = "contact"
    RESTRICTED = "restricted"


@dataclass(frozen=True)
class IndicatorDef:
    code: str
    stage: Stage
    unit: Unit
    needs: Needs
    instrument: str = ""  # the instrument of a score indicator


OUTPUTS = (
    IndicatorDef("groups_formed", Stage.OUTPUT, Unit.COUNT, Needs.PROGRAMME),
    IndicatorDef("groups_active", Stage.OUTPUT, Unit.COUNT, Needs.PROGRAMME),
    IndicatorDef("sessions_held", Stage.OUTPUT, Unit.COUNT, Needs.PROGRAMME),
    IndicatorDef("attendance_rate", Stage.OUTPUT, Unit.PERCENT, Needs.PROGRAMME),
    IndicatorDef("modules_completed", Stage.OUTPUT, Unit.COUNT, Needs.PROGRAMME),
    IndicatorDef("skills_passed", Stage.OUTPUT, Unit.COUNT, Needs.PROGRAMME),
    IndicatorDef("psychosocial_services", Stage.OUTPUT, Unit.COUNT, Needs.PROGRAMME),
)
LIVELIHOOD_OUTCOMES = (
    IndicatorDef("income_change", Stage.OUTCOME, Unit.RUPIAH, Needs.CONTACT),
    IndicatorDef("independent_of_abuser", Stage.OUTCOME, Unit.PERCENT, Needs.CONTACT),
    IndicatorDef("capital_disbursed", Stage.OUTCOME, Unit.RUPIAH, Needs.CONTACT),
)
FOLLOW_UPS = (
    IndicatorDef("business_running_3m", Stage.FOLLOW_UP, Unit.PERCENT, Needs.CONTACT),
    IndicatorDef("business_running_6m", Stage.FOLLOW_UP, Unit.PERCENT, Needs.CONTACT),
)


def score_indicators(instrument: str) -> tuple[IndicatorDef, IndicatorDef]:
    """Mean change baseline -> endline, and the share improved by the meaningful threshold."""
    return (IndicatorDef(f"score_change.{instrument}", Stage.OUTCOME, Unit.POINTS,
                         Needs.RESTRICTED, instrument),
            IndicatorDef(f"score_improved.{instrument}", Stage.OUTCOME, Unit.PERCENT,
                         Needs.RESTRICTED, instrument))


def indicator_defs(instruments: tuple[str, ...]) -> list[IndicatorDef]:
    scores = [d for code in instruments for d in score_indicators(code)]
    return [*OUTPUTS, *scores, *LIVELIHOOD_OUTCOMES, *FOLLOW_UPS]


def definition(code: str) -> IndicatorDef | None:
    for item in (*OUTPUTS, *LIVELIHOOD_OUTCOMES, *FOLLOW_UPS):
        if item.code == code:
            return item
    kind, _, instrument = code.partition(".")
    if kind in ("score_change", "score_improved") and instrument:
        return score_indicators(instrument)[0 if kind == "score_change" else 1]
    return None


@dataclass(frozen=True)
class IndicatorResult:
    definition: IndicatorDef
    value: float | None  # None: no one to compute it from, or withheld
    n: int  # how many it was computed from (participants, marks, groups, sessions)
    participants: frozenset[int] = frozenset()  # who is behind the figure
    detail: dict[str, float] = field(default_factory=dict)  # e.g. improved / worse shares
    target: float | None = None
    withheld: bool = False

    @property
    def code(self) -> str:
        return self.definition.code

    @property
    def met(self) -> bool | None:
        """Whether the target is reached (None without a target or a value)."""
        if self.target is None or self.value is None:
            return None
        return self.value >= self.target


@dataclass(frozen=True)
class IndicatorTable:
    start: date
    end: date
    results: tuple[IndicatorResult, ...]

    def get(self, code: str) -> IndicatorResult | None:
        return next((r for r in self.results if r.code == code), None)
