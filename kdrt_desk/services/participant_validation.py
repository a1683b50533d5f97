"""Every rule of the intake form, checked in the service so no caller can skip it.

Returns a cleaned copy (normalised NIK and phone numbers, trimmed text) or raises a
``ValidationError`` listing every invalid field with a message saying how to fix it.
"""

from __future__ import annotations

import copy
from datetime import date

from kdrt_desk.domain.enums import (
    ConsentScope,
    LegalProceedings,
    PerpetratorRelation,
    ReferralSource,
    SafeToCall,
    ViolenceForm,
)
from kdrt_desk.domain.nik import NikError, nik_matches_birth_date, normalise_nik, parse_nik
from kdrt_desk.domain.participant import ENUM_FIELDS, CaseBackground, ParticipantInput
from kdrt_desk.domain.phone import PhoneError, normalise_phone
from kdrt_desk.domain.places import KECAMATAN
from kdrt_desk.domain.text import control_character_problems
from kdrt_desk.errors import UserError, ValidationError

MIN_AGE, MAX_AGE = 15, 100
TEXT_LIMITS = {"full_name": 120, "preferred_name": 60, "birth_place": 80, "safe_call_times": 200,
               "trusted_contact_name": 120, "kelurahan": 60, "occupation": 120}


def _age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _birth_from_nik(day: int, month: int, year_2d: int, today: date) -> date | None:
    for century in (2000, 1900):
        try:
            candidate = date(century + year_2d, month, day)
        except ValueError:
            return None
        if candidate <= today:
            return candidate
    return None




def _coerce_case(case: CaseBackground | None) -> bool:
    """Turn plain codes into enum members; False when a code is unknown."""
    if case is None:
        return True
    try:
        case.violence_forms = {ViolenceForm(f) for f in case.violence_forms}
        case.perpetrator_relation = (PerpetratorRelation(case.perpetrator_relation)
                                     if case.perpetrator_relation else None)
        case.legal_proceedings = LegalProceedings(case.legal_proceedings)
        case.referral_source = (ReferralSource(case.referral_source)
                                if case.referral_source else None)
    except ValueError:
        return False
    return True


def validate_participant(data: ParticipantInput, today: date) -> ParticipantInput:
    clean = copy.deepcopy(data)
    errors: list[UserError] = []

    def err(field: str, key: str, **params: object) -> None:
        errors.append(UserError(key, field=field, **params))

    for name, enum in ENUM_FIELDS.items():
        try:
            setattr(clean, name, enum(getattr(clean, name)))
        except ValueError:
            err(name, "error.choice_unknown")
    case_enums_ok = _coerce_case(clean.case)
    if not case_enums_ok:
        err("case", "error.choice_unknown")
    try:
        clean.consent.scopes = {ConsentScope(s) for s in clean.consent.scopes}
    except ValueError:
        err("consent", "error.choice_unknown")

    errors.extend(control_character_problems(data, frozenset({"safety_notes"})))
    for name, limit in TEXT_LIMITS.items():
        value = " ".join(str(getattr(clean, name) or "").split())
        setattr(clean, name, value)
        if len(value) > limit:
            err(name, "error.too_long", limit=limit)
    if not clean.full_name:
        err("full_name", "error.full_name_required")
    elif len(clean.full_name) < 2 or not any(c.isalpha() for c in clean.full_name):
        err("full_name", "error.full_name_invalid")

    if clean.birth_date is not None and clean.birth_date > today:
        err("birth_date", "error.birth_date_future")
    elif (clean.birth_date is not None
          and not MIN_AGE <= _age_on(clean.birth_date, today) <= MAX_AGE):
        err("birth_date", "error.age_range", low=MIN_AGE, high=MAX_AGE)
    if clean.estimated_age is not None and not MIN_AGE <= clean.estimated_age <= MAX_AGE:
        err("estimated_age", "error.age_range", low=MIN_AGE, high=MAX_AGE)

    clean.nik = normalise_nik(clean.nik or "")
    if clean.nik:
        try:
            info = parse_nik(clean.nik)
        except NikError as exc:
            err("nik", f"error.nik_{exc.reason}")
        else:
            if not info.female:
                err("nik", "error.nik_not_female")
            elif clean.birth_date is None:
                clean.birth_date = _birth_from_nik(info.birth_day - 40 if info.birth_day > 40
                                                   else info.birth_day, info.birth_month,
                                                   info.birth_year_2d, today)
            elif not nik_matches_birth_date(info, clean.birth_date):
                err("nik", "error.nik_birth_mismatch")
    if clean.birth_date is None and clean.estimated_age is None:
        err("birth_date", "error.birth_or_age_required")

    for field in ("phone", "trusted_contact_phone"):
        raw = (getattr(clean, field) or "").strip()
        if not raw:
            setattr(clean, field, "")
            continue
        try:
            setattr(clean, field, normalise_phone(raw))
        except PhoneError as exc:
            err(field, f"error.phone_{exc.reason}")
    if clean.safe_to_call == SafeToCall.AT_TIMES and not clean.safe_call_times:
        err("safe_call_times", "error.safe_call_times_required")

    if clean.kecamatan not in KECAMATAN:
        err("kecamatan", "error.kecamatan_required")

    if not 0 <= clean.children_count <= 20:
        err("children_count", "error.number_range", low=0, high=20)
    elif len(clean.children_ages) != clean.children_count:
        err("children_ages", "error.children_ages_count", count=clean.children_count)
    elif any(not 0 <= age <= 60 for age in clean.children_ages):
        err("children_ages", "error.children_ages_range")
    if not 0 <= clean.dependants <= 30:
        err("dependants", "error.number_range", low=0, high=30)
    if clean.monthly_income is not None and not 0 <= clean.monthly_income <= 1_000_000_000:
        err("monthly_income", "error.income_range")

    clean.registered_on = clean.registered_on or today
    if clean.registered_on > today:
        err("registered_on", "error.date_future")

    consent = clean.consent
    if ConsentScope.DATA_USE not in consent.scopes or consent.consent_date is None:
        err("consent", "error.consent_required")
    elif consent.consent_date > today:
        err("consent", "error.date_future")
    if consent.withdrawn_on is not None and (
            consent.consent_date is None or consent.withdrawn_on < consent.consent_date
            or consent.withdrawn_on > today):
        err("consent_withdrawn", "error.withdrawal_date")

    case = clean.case
    if case is not None:
        case.referral_other = " ".join(case.referral_other.split())
        case.safety_notes = case.safety_notes.strip()
        if case.duration_months is not None and not 0 <= case.duration_months <= 900:
            err("duration_months", "error.number_range", low=0, high=900)
        if case.referral_source == ReferralSource.OTHER and not case.referral_other:
            err("referral_other", "error.referral_other_required")
        if len(case.safety_notes) > 4000:
            err("safety_notes", "error.too_long", limit=4000)

    if errors:
        raise ValidationError(errors)
    return clean
