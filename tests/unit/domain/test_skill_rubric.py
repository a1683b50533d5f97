"""The skill rubric on its own: every bad rubric named (no criteria, no name, too few levels, a
pass level outside the levels, duplicates, too many or too long), JSON round trip, levels that
do not exist refused, and passed = every criterion at or above the pass level."""

from __future__ import annotations

import pytest

from kdrt_desk.domain.skills import (
    DEFAULT_LEVELS,
    LABEL_LIMIT,
    MAX_CRITERIA,
    MAX_LEVELS,
    NAME_LIMIT,
    SkillCriterion,
    SkillRubric,
    check_rubric,
    levels_from_json,
    levels_to_json,
)
from kdrt_desk.errors import UserError, ValidationError

LEVELS = DEFAULT_LEVELS  # Pemula, Berkembang, Cakap, Mandiri


def _rubric(*names: str, pass_level: int = 3, labels: tuple[str, ...] = LEVELS) -> SkillRubric:
    return SkillRubric(tuple(SkillCriterion(n, labels) for n in names), pass_level)


def _keys(rubric: SkillRubric) -> dict[str, str]:
    with pytest.raises(ValidationError) as refused:
        check_rubric(rubric)
    return {e.field or "": e.key for e in refused.value.errors}


def test_a_good_rubric_is_trimmed_and_survives_json() -> None:
    clean = check_rubric(_rubric("  Kebersihan ", "Resep  &  takaran", "Hitung biaya"))
    assert [c.name for c in clean.criteria] == ["Kebersihan", "Resep & takaran", "Hitung biaya"]
    assert SkillRubric.from_json(clean.to_json()) == clean
    assert "Kebersihan" in clean.to_json()  # kept readable, not escaped
    assert SkillRubric.from_json("") is None
    assert clean.criteria[0].label(4) == "Mandiri" and clean.criteria[0].label(5) == ""


def test_passed_needs_every_criterion_at_the_pass_level() -> None:
    rubric = _rubric("Kebersihan", "Resep & takaran", "Hitung biaya", pass_level=3)
    assert rubric.passed((3, 3, 3)) and rubric.passed((4, 3, 4))
    assert not rubric.passed((4, 4, 2))  # one criterion below is enough to fail
    assert not rubric.passed((1, 1, 1))
    assert not rubric.passed((4, 4))  # a missing criterion never passes


def test_each_problem_is_named_by_its_field() -> None:
    assert _keys(_rubric()) == {"criteria": "error.rubric_no_criteria"}
    assert _keys(_rubric("Kebersihan", "  ")) == {
        "criterion.1.name": "error.rubric_criterion_name_required"}
    assert _keys(_rubric("Kebersihan", "kebersihan")) == {
        "criterion.1.name": "error.rubric_duplicate_criterion"}
    assert _keys(_rubric("x" * (NAME_LIMIT + 1))) == {
        "criterion.0.name": "error.rubric_name_too_long"}
    assert _keys(_rubric("Kebersihan", labels=("Cakap",), pass_level=1)) == {
        "criterion.0.levels": "error.rubric_too_few_levels"}
    assert _keys(_rubric("Kebersihan", labels=tuple("ABCDEFG"[:MAX_LEVELS + 1]))) == {
        "criterion.0.levels": "error.rubric_too_many_levels"}
    assert _keys(_rubric("Kebersihan", labels=("Pemula", " ", "Mandiri"))) == {
        "criterion.0.levels": "error.rubric_level_label_required"}
    assert _keys(_rubric("Kebersihan", labels=("Pemula", "y" * (LABEL_LIMIT + 1)),
                         pass_level=2)) == {
        "criterion.0.levels": "error.rubric_level_label_too_long"}
    assert _keys(_rubric("Kebersihan\x1b[2J")) == {"criterion.0.name": "error.control_character"}
    too_many = [f"Kriteria {n}" for n in range(MAX_CRITERIA + 1)]
    assert _keys(_rubric(*too_many)) == {"criteria": "error.rubric_too_many_criteria"}


@pytest.mark.parametrize("pass_level", [0, 5, -1])
def test_a_pass_level_outside_the_levels_is_refused(pass_level: int) -> None:
    with pytest.raises(ValidationError) as refused:
        check_rubric(_rubric("Kebersihan", pass_level=pass_level))
    (error,) = refused.value.errors
    assert (error.field, error.key, error.params) == (
        "pass_level", "error.rubric_pass_level_range", {"low": 1, "high": 4})
    assert "1" in error.message and "4" in error.message


def test_the_pass_level_must_exist_on_the_criterion_with_fewest_levels() -> None:
    rubric = SkillRubric((SkillCriterion("Kebersihan", LEVELS),
                          SkillCriterion("Hitung biaya", ("Belum", "Sudah"))), 3)
    assert _keys(rubric) == {"pass_level": "error.rubric_pass_level_range"}
    assert check_rubric(SkillRubric(rubric.criteria, 2)).pass_level == 2


def test_levels_that_do_not_exist_are_refused_with_a_clear_message() -> None:
    rubric = check_rubric(_rubric("Kebersihan", "Hitung biaya"))
    assert rubric.check_levels([4, 1]) == (4, 1)
    with pytest.raises(ValidationError) as refused:
        rubric.check_levels([5, None])
    errors = {e.field: e for e in refused.value.errors}
    assert errors["levels.0"].key == "error.skill_level_unknown"
    assert errors["levels.0"].message == (
        "Level 5 tidak ada pada kriteria \"Kebersihan\": pilih level 1 sampai 4.")
    assert errors["levels.1"].key == "error.skill_level_missing"
    for bad in ([0, 1], [True, 1], ["3", 1]):
        with pytest.raises(ValidationError):
            rubric.check_levels(bad)
    with pytest.raises(ValidationError) as short:
        rubric.check_levels([3])
    assert short.value.errors[0].key == "error.skill_levels_count"


def test_stored_texts_that_cannot_be_read() -> None:
    with pytest.raises(UserError) as damaged:
        SkillRubric.from_json('{"criteria": 3}')
    assert damaged.value.key == "error.rubric_unreadable"
    with pytest.raises(ValidationError):  # readable but not a valid rubric
        SkillRubric.from_json('{"criteria": [], "pass_level": 1}')
    assert levels_from_json(levels_to_json((3, 4))) == (3, 4)
    assert levels_from_json("") == () and levels_from_json("not json") == ()
