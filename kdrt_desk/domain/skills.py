"""A module's skill rubric: criteria, each with named levels (1 "Pemula" ... 4 "Mandiri"), and
the pass level every criterion must reach.

Pure (no database, no Qt). The rubric is kept on ``Module.skill_rubric`` as JSON ("" none) and an
assessment keeps the level reached on each criterion as a JSON list (``SkillAssessment.levels``).
Levels count from 1. Every check names what is wrong (``ValidationError``), in the services too.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from kdrt_desk.domain.text import reject_control_characters
from kdrt_desk.errors import UserError, ValidationError

MAX_CRITERIA = 12
MIN_LEVELS, MAX_LEVELS = 2, 6
NAME_LIMIT = 80
LABEL_LIMIT = 40
# the levels a new rubric starts with (the paper's scale: beginner to independent)
DEFAULT_LEVELS = ("Pemula", "Berkembang", "Cakap", "Mandiri")
DEFAULT_PASS_LEVEL = 3


def _clean(value: object) -> str:
    return " ".join(str(value or "").split())


@dataclass(frozen=True)
class SkillCriterion:
    name: str
    level_labels: tuple[str, ...]  # level 1 first

    @property
    def levels(self) -> int:
        return len(self.level_labels)

    def label(self, level: int) -> str:
        """The name of ``level`` (1-based); "" when the criterion has no such level."""
        return self.level_labels[level - 1] if 1 <= level <= self.levels else ""


@dataclass(frozen=True)
class SkillRubric:
    criteria: tuple[SkillCriterion, ...]
    pass_level: int

    def passed(self, levels: Sequence[int]) -> bool:
        """Every criterion at or above the pass level (levels as checked by ``check_levels``)."""
        return len(levels) == len(self.criteria) and all(
            level >= self.pass_level for level in levels)

    def check_levels(self, levels: Sequence[object], field: str = "levels") -> tuple[int, ...]:
        """One existing level per criterion, or a ``ValidationError`` naming each bad one
        (field ``{field}.{n}``, n counting criteria from 0; None: not chosen)."""
        if len(levels) != len(self.criteria):
            raise ValidationError([UserError("error.skill_levels_count", field=field,
                                             expected=len(self.criteria), given=len(levels))])
        errors: list[UserError] = []
        clean: list[int] = []
        for n, (criterion, level) in enumerate(zip(self.criteria, levels, strict=True)):
            ok = isinstance(level, int) and not isinstance(level, bool) \
                and 1 <= level <= criterion.levels
            if level is None:
                errors.append(UserError("error.skill_level_missing", field=f"{field}.{n}",
                                        criterion=criterion.name))
            elif not ok:
                errors.append(UserError("error.skill_level_unknown", field=f"{field}.{n}",
                                        criterion=criterion.name, level=level,
                                        high=criterion.levels))
            else:
                clean.append(int(level))  # type: ignore[call-overload]
        if errors:
            raise ValidationError(errors)
        return tuple(clean)

    def to_json(self) -> str:
        return json.dumps({"criteria": [{"name": c.name, "levels": list(c.level_labels)}
                                        for c in self.criteria],
                           "pass_level": self.pass_level}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> SkillRubric | None:
        """The rubric stored as ``text`` ("" none), checked; a damaged one is a user error."""
        if not (text or "").strip():
            return None
        try:
            data = json.loads(text)
            rubric = cls(tuple(SkillCriterion(str(c["name"]), tuple(str(x) for x in c["levels"]))
                               for c in data["criteria"]), int(data["pass_level"]))
        except (ValueError, TypeError, KeyError) as exc:
            raise UserError("error.rubric_unreadable") from exc
        return check_rubric(rubric)


def levels_to_json(levels: Sequence[int]) -> str:
    return json.dumps([int(level) for level in levels])


def levels_from_json(text: str) -> tuple[int, ...]:
    """The levels an assessment stored (empty without a rubric or when unreadable)."""
    try:
        data = json.loads(text) if (text or "").strip() else []
    except ValueError:
        return ()
    return tuple(int(x) for x in data) if isinstance(data, list) else ()


def check_rubric(rubric: SkillRubric) -> SkillRubric:
    """The rubric with names trimmed, or a ``ValidationError`` naming every problem.

    Fields: ``criteria`` (none, too many), ``criterion.{n}.name``, ``criterion.{n}.levels``
    (n counting from 0) and ``pass_level``.
    """
    errors: list[UserError] = []
    criteria = tuple(rubric.criteria)
    if not criteria:
        errors.append(UserError("error.rubric_no_criteria", field="criteria"))
    elif len(criteria) > MAX_CRITERIA:
        errors.append(UserError("error.rubric_too_many_criteria", field="criteria",
                                limit=MAX_CRITERIA))
    clean: list[SkillCriterion] = []
    seen: set[str] = set()
    for n, criterion in enumerate(criteria[:MAX_CRITERIA]):
        number = n + 1
        field = f"criterion.{n}.name"
        bad = reject_control_characters(field, criterion.name)
        name = _clean(criterion.name)
        if bad:
            errors.extend(bad)
        elif not name:
            errors.append(UserError("error.rubric_criterion_name_required", field=field,
                                    number=number))
        elif len(name) > NAME_LIMIT:
            errors.append(UserError("error.rubric_name_too_long", field=field, number=number,
                                    limit=NAME_LIMIT))
        elif name.casefold() in seen:
            errors.append(UserError("error.rubric_duplicate_criterion", field=field, name=name))
        seen.add(name.casefold())
        field = f"criterion.{n}.levels"
        labels = tuple(_clean(x) for x in criterion.level_labels)
        if len(labels) < MIN_LEVELS:
            errors.append(UserError("error.rubric_too_few_levels", field=field, number=number,
                                    low=MIN_LEVELS))
        elif len(labels) > MAX_LEVELS:
            errors.append(UserError("error.rubric_too_many_levels", field=field, number=number,
                                    limit=MAX_LEVELS))
        else:
            for level, (raw, text) in enumerate(zip(criterion.level_labels, labels,
                                                    strict=True), start=1):
                bad = reject_control_characters(field, raw)
                if bad:
                    errors.extend(bad)
                    break
                if not text:
                    errors.append(UserError("error.rubric_level_label_required", field=field,
                                            number=number, level=level))
                    break
                if len(text) > LABEL_LIMIT:
                    errors.append(UserError("error.rubric_level_label_too_long", field=field,
                                            number=number, level=level, limit=LABEL_LIMIT))
                    break
        clean.append(SkillCriterion(name, labels))
    fewest = min((c.levels for c in clean), default=0)
    if clean and fewest >= MIN_LEVELS and not 1 <= rubric.pass_level <= fewest:
        errors.append(UserError("error.rubric_pass_level_range", field="pass_level", low=1,
                                high=fewest))
    if errors:
        raise ValidationError(errors)
    return SkillRubric(tuple(clean), rubric.pass_level)
