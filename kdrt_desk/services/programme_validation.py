"""The rules of the training catalogue and of groups: every field checked, every problem named.

Pure functions (no database): the services call them with what they looked up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date
from enum import StrEnum
from typing import TypeVar

from kdrt_desk.domain.availability import MAX_DATES, Hours
from kdrt_desk.domain.enums import PartnerKind
from kdrt_desk.domain.phone import PhoneError, normalise_phone
from kdrt_desk.domain.places import KECAMATAN
from kdrt_desk.domain.text import reject_control_characters
from kdrt_desk.domain.training import (
    FacilitatorInput,
    FacilitatorType,
    GroupInput,
    ModuleInput,
    PartnerInput,
    Track,
    VenueFeature,
    VenueInput,
)
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n.formatting import WeekdayName as DayName

CODE_LIMIT = 20
TITLE_LIMIT = 160
NAME_LIMIT = 120
FUNDER_LIMIT = 120  # training_group.funder
TEXT_LIMIT = 4000
SHORT_LIMIT = 200
MAX_SESSIONS = 100
MIN_MINUTES, MAX_MINUTES = 15, 8 * 60
MAX_CAPACITY = 500
MAX_GROUP_DAYS = 2 * 366

EnumT = TypeVar("EnumT", bound=StrEnum)


def one_line(value: object) -> str:
    return " ".join(str(value or "").split())


def _text(errors: list[UserError], field: str, value: str, limit: int, *,
          required: bool = False, multiline: bool = False) -> str:
    clean = (value or "").strip() if multiline else one_line(value)
    bad = reject_control_characters(field, value or "", multiline=multiline)
    if bad:
        errors.extend(bad)
    elif required and not clean:
        errors.append(UserError("error.required", field=field))
    elif len(clean) > limit:
        errors.append(UserError("error.too_long", field=field, limit=limit))
    return clean


def _choice(errors: list[UserError], field: str, enum: type[EnumT], value: object,
            default: EnumT) -> EnumT:
    try:
        return enum(str(value))
    except ValueError:
        errors.append(UserError("error.choice_unknown", field=field))
        return default


def _choices(errors: list[UserError], field: str, enum: type[EnumT],
             values: Iterable[object]) -> set[EnumT]:
    chosen: set[EnumT] = set()
    for value in values:
        try:
            chosen.add(enum(str(value)))
        except ValueError:
            errors.append(UserError("error.choice_unknown", field=field))
            break
    return chosen


def _whole(errors: list[UserError], field: str, value: object, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        errors.append(UserError("error.number_range", field=field, low=low, high=high))
        return low
    return value


MAX_PER_DAY = 10
MAX_PER_WEEK = 50


def _hours(errors: list[UserError], field: str, hours: Mapping[int, Hours]) -> dict[int, Hours]:
    """Hours per weekday: a known weekday, the end after the start."""
    clean: dict[int, Hours] = {}
    for day, span in hours.items():
        if not isinstance(day, int) or not 0 <= day <= 6 or not isinstance(span, Hours):
            errors.append(UserError("error.availability.weekday", field=field))
        elif span.end <= span.start:
            errors.append(UserError("error.availability.hours_order", field=field,
                                    day=DayName(day)))
        else:
            clean[day] = span
    return clean


def _dates(errors: list[UserError], field: str, days: Iterable[date]) -> set[date]:
    found = set(days)
    if len(found) > MAX_DATES:
        errors.append(UserError("error.availability.too_many_dates", field=field,
                                limit=MAX_DATES))
    if any(not isinstance(d, date) for d in found):
        errors.append(UserError("error.availability.weekday", field=field))
        return set()
    return found


def _limit(errors: list[UserError], field: str, value: int | None, high: int) -> int | None:
    return None if value is None else _whole(errors, field, value, 1, high)


def _raise(errors: list[UserError]) -> None:
    if errors:
        raise ValidationError(errors)


def validate_module(data: ModuleInput, partners: dict[int, bool],
                    kept_partner: int | None = None) -> ModuleInput:
    """``partners`` maps known partner ids to ``active``; an edit may keep its (now inactive)
    partner ``kept_partner``."""
    errors: list[UserError] = []
    code = _text(errors, "code", data.code, CODE_LIMIT, required=True).upper()
    title = _text(errors, "title", data.title, TITLE_LIMIT, required=True)
    track = _choice(errors, "track", Track, data.track, Track.SOCIAL)
    description = _text(errors, "description", data.description, TEXT_LIMIT, multiline=True)
    objectives = _text(errors, "objectives", data.objectives, TEXT_LIMIT, multiline=True)
    sessions = _whole(errors, "session_count", data.session_count, 1, MAX_SESSIONS)
    minutes = _whole(errors, "minutes_per_session", data.minutes_per_session, MIN_MINUTES,
                     MAX_MINUTES)
    kind = _choice(errors, "facilitator_type", FacilitatorType, data.facilitator_type,
                   FacilitatorType.TRAINER)
    features = _choices(errors, "venue_features", VenueFeature, data.venue_features)
    if data.partner_id is not None and data.partner_id not in partners:
        errors.append(UserError("error.partner_unknown", field="partner_id"))
    elif (data.partner_id is not None and not partners[data.partner_id]
          and data.partner_id != kept_partner):
        errors.append(UserError("error.partner_inactive", field="partner_id"))
    pct = _whole(errors, "min_attendance_pct", data.min_attendance_pct, 0, 100)
    _raise(errors)
    return replace(data, code=code, title=title, track=track, description=description,
                   objectives=objectives, session_count=sessions, minutes_per_session=minutes,
                   facilitator_type=kind, venue_features=features, min_attendance_pct=pct,
                   assessment_required=bool(data.assessment_required))


def validate_facilitator(data: FacilitatorInput, modules: set[int],
                         free_accounts: set[int]) -> FacilitatorInput:
    """``modules``: ids of known modules; ``free_accounts``: facilitator accounts she may use."""
    errors: list[UserError] = []
    name = _text(errors, "name", data.name, NAME_LIMIT, required=True)
    kind = _choice(errors, "type", FacilitatorType, data.type, FacilitatorType.TRAINER)
    organisation = _text(errors, "organisation", data.organisation, TITLE_LIMIT)
    phone = _phone(errors, data.phone)
    email = _text(errors, "email", data.email, NAME_LIMIT)
    if email and ("@" not in email or " " in email or email.startswith("@")
                  or email.endswith("@")):
        errors.append(UserError("error.email_invalid", field="email"))
    if set(data.module_ids) - modules:
        errors.append(UserError("error.module_unknown", field="module_ids"))
    if data.staff_account_id is not None and data.staff_account_id not in free_accounts:
        errors.append(UserError("error.facilitator_account_unusable", field="staff_account_id"))
    hours = _hours(errors, "hours", data.hours)
    away = _dates(errors, "away_on", data.away_on)
    per_day = _limit(errors, "max_per_day", data.max_per_day, MAX_PER_DAY)
    per_week = _limit(errors, "max_per_week", data.max_per_week, MAX_PER_WEEK)
    if per_day is not None and per_week is not None and per_week < per_day:
        errors.append(UserError("error.availability.week_below_day", field="max_per_week"))
    _raise(errors)
    return replace(data, name=name, type=kind, organisation=organisation, phone=phone,
                   email=email, module_ids=set(data.module_ids), hours=hours, away_on=away,
                   max_per_day=per_day, max_per_week=per_week)


def _phone(errors: list[UserError], value: str) -> str:
    """A work phone, stored normalised ("+62..."); the register's rules and messages."""
    phone = one_line(value)
    if not phone:
        return ""
    try:
        return normalise_phone(phone)
    except PhoneError as exc:
        errors.append(UserError(f"error.phone_{exc.reason}", field="phone"))
        return phone


def validate_partner(data: PartnerInput) -> PartnerInput:
    errors: list[UserError] = []
    name = _text(errors, "name", data.name, TITLE_LIMIT, required=True)
    kind = _choice(errors, "kind", PartnerKind, data.kind, PartnerKind.NGO_LEGAL_AID)
    contact = _text(errors, "contact_person", data.contact_person, NAME_LIMIT)
    phone = _phone(errors, data.phone)
    contribution = _text(errors, "contribution", data.contribution, TEXT_LIMIT, multiline=True)
    if data.mou_start and data.mou_end and data.mou_end < data.mou_start:
        errors.append(UserError("error.mou_end_before_start", field="mou_end"))
    _raise(errors)
    return replace(data, name=name, kind=kind, contact_person=contact, phone=phone,
                   contribution=contribution)


def validate_venue(data: VenueInput) -> VenueInput:
    errors: list[UserError] = []
    name = _text(errors, "name", data.name, NAME_LIMIT, required=True)
    address = _text(errors, "address", data.address, SHORT_LIMIT)
    kecamatan = one_line(data.kecamatan)
    if kecamatan and kecamatan not in KECAMATAN:
        errors.append(UserError("error.kecamatan_required", field="kecamatan"))
    capacity = _whole(errors, "capacity", data.capacity, 1, MAX_CAPACITY)
    features = _choices(errors, "features", VenueFeature, data.features)
    hours = _hours(errors, "hours", data.hours)
    closed = _dates(errors, "closed_on", data.closed_on)
    _raise(errors)
    return replace(data, name=name, address=address, kecamatan=kecamatan, capacity=capacity,
                   features=features, childcare=bool(data.childcare), hours=hours,
                   closed_on=closed)


def validate_group(data: GroupInput, *, modules: set[int], facilitators: set[int],
                   venues: set[int]) -> GroupInput:
    """Ids passed are the usable (known, not archived) ones; an edit passes the kept ones too."""
    errors: list[UserError] = []
    name = _text(errors, "name", data.name, NAME_LIMIT, required=True)
    kecamatan = one_line(data.kecamatan)
    if kecamatan and kecamatan not in KECAMATAN:
        errors.append(UserError("error.kecamatan_required", field="kecamatan"))
    kelurahan = _text(errors, "kelurahan", data.kelurahan, 60)
    funder = _text(errors, "funder", data.funder, FUNDER_LIMIT)
    start, end = data.start_date, data.end_date
    if start is None:
        errors.append(UserError("error.required", field="start_date"))
    if end is None:
        errors.append(UserError("error.required", field="end_date"))
    if start and end:
        if end < start:
            errors.append(UserError("error.period_end_before_start", field="end_date"))
        elif (end - start).days > MAX_GROUP_DAYS:
            errors.append(UserError("error.period_too_long", field="end_date"))
    module_ids = list(dict.fromkeys(data.module_ids))
    if not module_ids:
        errors.append(UserError("error.group_needs_module", field="module_ids"))
    elif set(module_ids) - modules:
        errors.append(UserError("error.module_unknown", field="module_ids"))
    if set(data.facilitator_ids) - facilitators:
        errors.append(UserError("error.facilitator_unknown", field="facilitator_ids"))
    if data.venue_id is not None and data.venue_id not in venues:
        errors.append(UserError("error.venue_unknown", field="venue_id"))
    _raise(errors)
    return replace(data, name=name, kecamatan=kecamatan, kelurahan=kelurahan, funder=funder,
                   module_ids=module_ids, facilitator_ids=set(data.facilitator_ids))


def joined(values: Iterable[StrEnum]) -> str:
    return ",".join(sorted(v.value for v in values))


def split_enum(enum: type[EnumT], text: str) -> set[EnumT]:
    return {enum(v) for v in text.split(",") if v}
