"""What a participant's progress report holds, as plain data (no Qt, no database, no reportlab):
her name as she wants it printed, her modules and attendance, the skills she passed, her scores
over time (only when they are to be printed), her latest work status, and what improved, which
chooses the encouraging words at the end.

Nothing about her case is here: no background, no risk, no alerts, no screening, no notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from kdrt_desk.domain.livelihood import BusinessKind, LivelihoodStatus


class Improvement(StrEnum):
    ATTENDANCE = "attendance"  # she met a module's attendance rule
    SKILLS = "skills"  # she passed a skill assessment
    WELLBEING = "wellbeing"  # a later score is higher than her first on some instrument


@dataclass(frozen=True)
class ModuleLine:
    code: str
    title: str
    attended: int
    held: int
    completed: bool


@dataclass(frozen=True)
class SkillLine:
    """A skill assessment she passed; ``levels``: (criterion, level in words), when the module
    has a rubric."""

    module: str
    assessed_on: date
    levels: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ScorePoint:
    on: date
    value: float


@dataclass(frozen=True)
class ScoreSeries:
    """Her scores on one instrument, oldest first; the axis runs over ``low``..``high``."""

    name_id: str
    name_en: str
    low: float
    high: float
    unit: str
    points: tuple[ScorePoint, ...]

    def name(self, lang: str) -> str:
        return self.name_id if lang == "id" else self.name_en

    @property
    def improved(self) -> bool:
        return len(self.points) > 1 and self.points[-1].value > self.points[0].value


@dataclass(frozen=True)
class WorkStatus:
    """Her latest livelihood follow-up; ``monthly_income`` only when it is to be printed."""

    recorded_on: date
    status: LivelihoodStatus
    business_kind: BusinessKind | None = None
    monthly_income: int | None = None


@dataclass(frozen=True)
class ProgressReportData:
    name: str  # her preferred name, or her full name when she has none
    code: str
    period_start: date | None  # her first enrolment (None: not enrolled yet)
    period_end: date  # the day the report is made
    modules: tuple[ModuleLine, ...] = ()
    skills: tuple[SkillLine, ...] = ()
    scores: tuple[ScoreSeries, ...] = ()  # empty when the scores are not printed
    scores_shown: bool = False  # asked for: the section says so when she has none yet
    status: WorkStatus | None = None
    status_shown: bool = True  # False: the role may not read her follow-ups
    for_her: bool = False  # the version she takes home ("untuk peserta")
    improvements: frozenset[Improvement] = field(default_factory=frozenset)

    @property
    def empty(self) -> bool:
        return not (self.modules or self.skills or self.scores or self.status)


def improvements(modules: tuple[ModuleLine, ...], skills: tuple[SkillLine, ...],
                 scores: tuple[ScoreSeries, ...]) -> frozenset[Improvement]:
    """What went well, for the closing words (scores count only when they are printed)."""
    found: set[Improvement] = set()
    if any(m.completed or (m.held and m.attended == m.held) for m in modules):
        found.add(Improvement.ATTENDANCE)
    if skills:
        found.add(Improvement.SKILLS)
    if any(s.improved for s in scores):
        found.add(Improvement.WELLBEING)
    return frozenset(found)
