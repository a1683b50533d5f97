"""The admin's eligibility criteria on a real vault: add, edit, deactivate, reorder, validate."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select
from support.constants import PASSWORD
from support.participant_samples import TODAY, sample
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.enums import CriterionKind, Role
from kdrt_desk.domain.screening import Criterion, CriterionInput, ScreeningInput
from kdrt_desk.errors import PermissionDeniedError, ValidationError
from kdrt_desk.models import AuditEntry
from kdrt_desk.wiring import Services


def _inputs(criteria: list[Criterion]) -> list[CriterionInput]:
    return [CriterionInput(c.id, c.code, c.label_id, c.label_en, c.kind, c.weight, c.active)
            for c in criteria]


def _changes(services: Services) -> list[dict[str, object]]:
    with services.vault.db.reading() as session:
        return [json.loads(d) for d in session.scalars(
            select(AuditEntry.details).where(AuditEntry.action == "criteria_changed")
            .order_by(AuditEntry.id))]


def test_the_default_set_is_there_for_the_admin_only(vault: VaultFixture,
                                                     admin: Services) -> None:
    criteria = admin.criteria.list_all()
    assert len(criteria) == 11 and all(c.active for c in criteria)
    required = [c for c in criteria if c.kind is CriterionKind.REQUIRED]
    assert len(required) == 6 and all(c.weight == 0 for c in required)
    admin.accounts.add_account("konselor1", Role.KONSELOR, PASSWORD)
    admin.close()
    konselor = vault.services("konselor1")
    try:
        with pytest.raises(PermissionDeniedError):
            konselor.criteria.list_all()
        with pytest.raises(PermissionDeniedError):
            konselor.criteria.save(_inputs(konselor.screening.criteria()))
        assert len(konselor.screening.criteria()) == 11  # she screens with them
    finally:
        konselor.close()


def test_add_edit_deactivate_and_reorder(admin: Services) -> None:
    items = _inputs(admin.criteria.list_all())
    items[6].label_id = "Bergantung  secara ekonomi pada pelaku "
    items[6].weight = 4
    items[10].active = False  # wants_skills
    items.insert(0, CriterionInput(None, " Lansia_Sendiri ", "Lansia yang tinggal sendiri",
                                   "Older woman living alone", CriterionKind.WEIGHTED, 2))
    items[1], items[2] = items[2], items[1]
    saved = admin.criteria.save(items)
    assert [c.code for c in saved][:3] == ["lansia_sendiri", "kdrt_survivor", "adult_woman"]
    assert [c.position for c in saved] == list(range(12))
    edited = next(c for c in saved if c.code == "economic_dependence")
    assert (edited.label_id, edited.weight) == ("Bergantung secara ekonomi pada pelaku", 4)
    assert "wants_skills" not in [c.code for c in admin.screening.criteria()]
    assert _changes(admin) == [{"added": ["lansia_sendiri"], "changed": ["economic_dependence"],
                                "deactivated": ["wants_skills"], "reordered": True}]
    assert admin.screening.evaluate({"lansia_sendiri", "economic_dependence"}).score == 6


def test_saving_an_unchanged_list_writes_no_audit_entry(admin: Services) -> None:
    admin.criteria.save(_inputs(admin.criteria.list_all()))
    assert _changes(admin) == []


def test_left_out_criteria_are_deactivated_not_deleted(admin: Services) -> None:
    items = _inputs(admin.criteria.list_all())
    saved = admin.criteria.save(items[1:])
    assert len(saved) == 11
    assert (saved[-1].code, saved[-1].active) == ("adult_woman", False)
    assert _changes(admin)[-1]["deactivated"] == ["adult_woman"]
    assert "adult_woman" not in admin.screening.evaluate(set()).unmet_required
    again = _inputs(admin.criteria.list_all())
    again.append(CriterionInput(None, "adult_woman", "Lagi", "Again", CriterionKind.REQUIRED))
    with pytest.raises(ValidationError) as exc:
        admin.criteria.save(again[:-2] + again[-1:])  # the code of a kept criterion is taken
    assert exc.value.errors[0].key == "error.criterion_code_duplicate"


@pytest.mark.parametrize(("change", "field", "key"), [
    ({"code": "Bukan Kode!"}, "criteria.0.code", "error.criterion_code_invalid"),
    ({"code": "x"}, "criteria.0.code", "error.criterion_code_invalid"),
    ({"code": "kdrt_survivor"}, "criteria.0.code", "error.criterion_code_duplicate"),
    ({"label_id": "  "}, "criteria.0.label_id", "error.required"),
    ({"label_en": ""}, "criteria.0.label_en", "error.required"),
    ({"label_en": "x" * 201}, "criteria.0.label_en", "error.too_long"),
    ({"weight": 11}, "criteria.0.weight", "error.criterion_weight_range"),
    ({"weight": -1}, "criteria.0.weight", "error.criterion_weight_range"),
    ({"kind": CriterionKind.REQUIRED, "weight": 2}, "criteria.0.weight",
     "error.criterion_required_weight"),
    ({"kind": "maybe"}, "criteria.0.kind", "error.choice_unknown"),
])
def test_a_bad_new_criterion_is_refused(admin: Services, change: dict[str, object], field: str,
                                        key: str) -> None:
    new = CriterionInput(None, "punya_usaha", "Sudah punya usaha kecil", "Has a small business",
                         CriterionKind.WEIGHTED, 2)
    for name, value in change.items():
        setattr(new, name, value)
    with pytest.raises(ValidationError) as exc:
        admin.criteria.save([new, *_inputs(admin.criteria.list_all())])
    assert [(e.field, e.key) for e in exc.value.errors] == [(field, key)]
    assert len(admin.criteria.list_all()) == 11


def test_the_code_of_a_stored_criterion_cannot_change(admin: Services) -> None:
    items = _inputs(admin.criteria.list_all())
    items[3].code = "consent_signed"
    with pytest.raises(ValidationError) as exc:
        admin.criteria.save(items)
    assert [(e.field, e.key) for e in exc.value.errors] == [("criteria.3.code",
                                                              "error.criterion_code_fixed")]


def test_saved_scores_do_not_change_with_the_criteria(admin: Services) -> None:
    pid = admin.participants.register(sample(), today=TODAY).id
    record = admin.screening.create(ScreeningInput(
        participant_id=pid, screened_on=date(2026, 11, 24),
        criteria_met={"economic_dependence", "low_income"}), today=TODAY)
    assert record.score == 5
    items = _inputs(admin.criteria.list_all())
    for item in items:
        if item.code == "economic_dependence":
            item.weight = 10
    admin.criteria.save(items)
    assert admin.screening.get(record.id).score == 5
    assert admin.screening.evaluate({"economic_dependence", "low_income"}).score == 12
