"""The rules an instrument of the centre's own, and a pasted Indonesian wording, must meet."""

from __future__ import annotations

import re

from kdrt_desk.domain.instruments import Instrument, MissingRule
from kdrt_desk.domain.text import control_character_problems, reject_control_characters
from kdrt_desk.errors import UserError, ValidationError

CODE = re.compile(r"^[A-Z][A-Z0-9_-]{1,19}$")
MAX_ITEMS = 60
MAX_SCALE_POINTS = 11
TEXT_LIMIT = 400


def check_instrument(instrument: Instrument) -> None:
    errors: list[UserError] = control_character_problems(instrument, frozenset())
    if not CODE.match(instrument.code):
        errors.append(UserError("error.instrument_code", field="code"))
    if not instrument.name_en.strip() or not instrument.name_id.strip():
        errors.append(UserError("error.required", field="name"))
    if not 1 <= len(instrument.items) <= MAX_ITEMS:
        errors.append(UserError("error.instrument_items", field="items", limit=MAX_ITEMS))
    points = instrument.scale_max - instrument.scale_min + 1
    if not 2 <= points <= MAX_SCALE_POINTS:
        errors.append(UserError("error.instrument_scale", field="scale",
                                limit=MAX_SCALE_POINTS))
    elif len(instrument.labels_en) != points or len(instrument.labels_id) != points or any(
            not text.strip() for text in (*instrument.labels_en, *instrument.labels_id)):
        errors.append(UserError("error.instrument_labels", field="labels", count=points))
    for number, item in enumerate(instrument.items, start=1):
        for text in (item.text_en, item.text_id):
            errors.extend(reject_control_characters("items", text))
        if not item.text_en.strip() or not item.text_id.strip():
            errors.append(UserError("error.instrument_item_text", field="items", item=number))
        if max(len(item.text_en), len(item.text_id)) > TEXT_LIMIT:
            errors.append(UserError("error.too_long", field="items", limit=TEXT_LIMIT))
        if item.alert_at is not None and not (
                instrument.scale_min <= item.alert_at <= instrument.scale_max):
            errors.append(UserError("error.instrument_alert_level", field="items",
                                    item=number))
    if instrument.missing_rule == MissingRule.PRORATE and not (
            0 <= instrument.max_missing < len(instrument.items)):
        errors.append(UserError("error.instrument_missing_rule", field="missing"))
    if instrument.multiplier <= 0:
        errors.append(UserError("error.instrument_multiplier", field="multiplier"))
    cuts = [b.below for b in instrument.bands if b.below is not None]
    if cuts != sorted(cuts) or len(set(cuts)) != len(cuts) or (
            instrument.bands and instrument.bands[-1].below is not None):
        errors.append(UserError("error.instrument_bands", field="bands"))
    if errors:
        raise ValidationError(errors)


def check_wording(current: Instrument, items_id: tuple[str, ...], instructions_id: str,
                  labels_id: tuple[str, ...]) -> None:
    errors: list[UserError] = []
    if len(items_id) != len(current.items) or any(not t.strip() for t in items_id):
        errors.append(UserError("error.wording_items", field="items",
                                count=len(current.items)))
    if len(labels_id) != len(current.labels_id) or any(not t.strip() for t in labels_id):
        errors.append(UserError("error.instrument_labels", field="labels",
                                count=len(current.labels_id)))
    if not instructions_id.strip():
        errors.append(UserError("error.required", field="instructions"))
    texts = (*items_id, instructions_id, *labels_id)
    if any(len(t) > TEXT_LIMIT for t in texts):
        errors.append(UserError("error.too_long", field="items", limit=TEXT_LIMIT))
    for number, value in enumerate(texts, start=1):
        errors.extend(reject_control_characters(f"wording_{number}", value))
    if errors:
        raise ValidationError(errors)
