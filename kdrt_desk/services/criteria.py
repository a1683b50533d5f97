"""The admin's list of eligibility criteria: add, edit, deactivate and reorder (never delete)."""

from __future__ import annotations

import re

from sqlalchemy import select

from kdrt_desk.db.session import Database
from kdrt_desk.domain.enums import CriterionKind
from kdrt_desk.domain.screening import Criterion, CriterionInput
from kdrt_desk.domain.text import reject_control_characters
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.models import EligibilityCriterion
from kdrt_desk.repositories.screenings import load_criteria
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor

CODE_PATTERN = re.compile(r"[a-z][a-z0-9_]{1,39}")
LABEL_LIMIT = 200
WEIGHT_RANGE = (0, 10)


def _clean(items: list[CriterionInput], stored: dict[int, EligibilityCriterion]
           ) -> list[CriterionInput]:
    """Validated copies; fields are named ``criteria.<row>.<field>`` (row from 0)."""
    errors: list[UserError] = []
    clean: list[CriterionInput] = []
    new_codes: set[str] = set()
    seen_ids: set[int] = set()
    # Stored criteria keep their codes (listed or not: left out ones stay, deactivated), so a
    # clash is always the new item's.
    taken = {row.code for row in stored.values()}
    for index, item in enumerate(items):
        def err(name: str, key: str, _index: int = index, **params: object) -> None:
            errors.append(UserError(key, field=f"criteria.{_index}.{name}", **params))

        code = (item.code or "").strip().lower()
        label_id = " ".join((item.label_id or "").split())
        label_en = " ".join((item.label_en or "").split())
        try:
            kind = CriterionKind(item.kind)
        except ValueError:
            err("kind", "error.choice_unknown")
            kind = CriterionKind.WEIGHTED
        if item.id is not None:
            if item.id not in stored or item.id in seen_ids:
                err("id", "error.criterion_unknown", codes=code)
            elif stored[item.id].code != code:
                err("code", "error.criterion_code_fixed", code=stored[item.id].code)
            seen_ids.add(item.id)
        else:
            if not CODE_PATTERN.fullmatch(code):
                err("code", "error.criterion_code_invalid")
            elif code in taken or code in new_codes:
                err("code", "error.criterion_code_duplicate", code=code)
            new_codes.add(code)
        for name, value in (("label_id", label_id), ("label_en", label_en)):
            bad = reject_control_characters(name, value)
            if bad:
                errors.extend(bad)
            elif not value:
                err(name, "error.required")
            elif len(value) > LABEL_LIMIT:
                err(name, "error.too_long", limit=LABEL_LIMIT)
        low, high = WEIGHT_RANGE
        weight = item.weight
        if not isinstance(weight, int) or isinstance(weight, bool) or not low <= weight <= high:
            err("weight", "error.criterion_weight_range", low=low, high=high)
        elif kind == CriterionKind.REQUIRED and weight != 0:
            err("weight", "error.criterion_required_weight")
        clean.append(CriterionInput(item.id, code, label_id, label_en, kind, weight,
                                    bool(item.active)))
    if errors:
        raise ValidationError(errors)
    return clean


class CriteriaService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def list_all(self) -> list[Criterion]:
        """Every criterion, inactive ones too, in their order."""
        self.actor.require(Permission.MANAGE_CRITERIA)
        with self.db.reading() as session:
            return load_criteria(session, active_only=False)

    def save(self, items: list[CriterionInput]) -> list[Criterion]:
        """Save the whole list in the order given. New items have no ``id``; stored criteria
        left out of the list are deactivated and moved to the end, never deleted (screenings
        name them). Saved scores of past screenings do not change."""
        self.actor.require(Permission.MANAGE_CRITERIA)
        with self.db.transaction() as session:
            stored = {row.id: row for row in session.scalars(select(EligibilityCriterion))}
            clean = _clean(items, stored)
            added: list[str] = []
            changed: list[str] = []
            deactivated: list[str] = []
            old_order = [row.id for row in sorted(stored.values(),
                                                   key=lambda r: (r.position, r.id))]
            listed = {item.id for item in clean if item.id is not None}
            left_out = [row for cid, row in sorted(stored.items(), key=lambda p: (p[1].position,
                                                                                 p[0]))
                        if cid not in listed]
            for position, item in enumerate(clean):
                if item.id is None:
                    session.add(EligibilityCriterion(
                        code=item.code, label_id=item.label_id, label_en=item.label_en,
                        kind=item.kind.value, weight=item.weight, active=item.active,
                        position=position))
                    added.append(item.code)
                    continue
                row = stored[item.id]
                values = {"label_id": item.label_id, "label_en": item.label_en,
                          "kind": item.kind.value, "weight": item.weight, "active": item.active}
                if any(getattr(row, k) != v for k, v in values.items()):
                    if row.active and not item.active:
                        deactivated.append(row.code)
                    else:
                        changed.append(row.code)
                    for k, v in values.items():
                        setattr(row, k, v)
                row.position = position
            for offset, row in enumerate(left_out):
                if row.active:
                    row.active = False
                    deactivated.append(row.code)
                row.position = len(clean) + offset
            session.flush()
            new_order = [row.id for row in session.scalars(
                select(EligibilityCriterion).order_by(EligibilityCriterion.position,
                                                      EligibilityCriterion.id))]
            reordered = [i for i in new_order if i in old_order] != old_order
            if added or changed or deactivated or reordered:
                audit_log.append(session, self.actor.username, "criteria_changed", "",
                                 {"added": added, "changed": changed,
                                  "deactivated": deactivated, "reordered": reordered})
            return load_criteria(session, active_only=False)
