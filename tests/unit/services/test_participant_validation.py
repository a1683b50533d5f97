"""Every intake rule is enforced by the service itself, with a message per field."""

from __future__ import annotations

from datetime import date

import pytest
from support.participant_samples import TODAY, sample

from kdrt_desk import i18n
from kdrt_desk.domain.enums import ConsentScope, ReferralSource, SafeToCall
from kdrt_desk.domain.participant import CaseBackground, Consent
from kdrt_desk.errors import ValidationError
from kdrt_desk.services.participant_validation import validate_participant


def errors_of(**changes: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as exc:
        validate_participant(sample(**changes), TODAY)
    return {e.field or "": e.key for e in exc.value.errors}


def test_a_complete_intake_is_cleaned_not_changed_in_meaning() -> None:
    clean = validate_participant(sample(full_name="  Siti   Aminah  ", nik="1671 0445 0685 0001"),
                                 TODAY)
    assert clean.full_name == "Siti Aminah"
    assert clean.nik == "1671044506850001"
    assert clean.phone == "+6281234567890"


def test_nik_fills_the_birth_date_when_missing() -> None:
    clean = validate_participant(sample(birth_date=None), TODAY)
    assert clean.birth_date == date(1985, 6, 5)


@pytest.mark.parametrize(("changes", "field", "key"), [
    ({"full_name": ""}, "full_name", "error.full_name_required"),
    ({"full_name": "1"}, "full_name", "error.full_name_invalid"),
    ({"full_name": "x" * 121}, "full_name", "error.too_long"),
    ({"nik": "12345"}, "nik", "error.nik_length"),
    ({"nik": "1671040506850001"}, "nik", "error.nik_not_female"),
    ({"nik": "1671044506860001"}, "nik", "error.nik_birth_mismatch"),
    ({"nik": "1671049906850001"}, "nik", "error.nik_date"),
    ({"birth_date": None, "nik": "", "estimated_age": None}, "birth_date",
     "error.birth_or_age_required"),
    ({"birth_date": date(2027, 1, 1), "nik": ""}, "birth_date", "error.birth_date_future"),
    ({"birth_date": date(2015, 1, 1), "nik": ""}, "birth_date", "error.age_range"),
    ({"estimated_age": 7, "birth_date": None, "nik": ""}, "estimated_age", "error.age_range"),
    ({"phone": "0812-abc"}, "phone", "error.phone_characters"),
    ({"phone": "0812"}, "phone", "error.phone_length"),
    ({"trusted_contact_phone": "12345678901"}, "trusted_contact_phone", "error.phone_prefix"),
    ({"safe_to_call": SafeToCall.AT_TIMES, "safe_call_times": ""}, "safe_call_times",
     "error.safe_call_times_required"),
    ({"kecamatan": "Jakarta Selatan"}, "kecamatan", "error.kecamatan_required"),
    ({"children_count": 3, "children_ages": [1, 2]}, "children_ages",
     "error.children_ages_count"),
    ({"children_ages": [4, 70]}, "children_ages", "error.children_ages_range"),
    ({"monthly_income": -5}, "monthly_income", "error.income_range"),
    ({"registered_on": date(2026, 12, 1)}, "registered_on", "error.date_future"),
    ({"consent": Consent(date(2026, 11, 20), {ConsentScope.CONTACT})}, "consent",
     "error.consent_required"),
    ({"consent": Consent(date(2026, 11, 20), {ConsentScope.DATA_USE},
                         withdrawn_on=date(2026, 11, 1))}, "consent_withdrawn",
     "error.withdrawal_date"),
    ({"case": CaseBackground(referral_source=ReferralSource.OTHER)}, "referral_other",
     "error.referral_other_required"),
])
def test_each_rule_names_its_field(changes: dict[str, object], field: str, key: str) -> None:
    assert errors_of(**changes).get(field) == key


def test_all_problems_are_reported_at_once() -> None:
    found = errors_of(full_name="", nik="1", kecamatan="", phone="x")
    assert {"full_name", "nik", "kecamatan", "phone"} <= set(found)


def test_messages_exist_in_both_languages_and_say_how_to_fix() -> None:
    with pytest.raises(ValidationError) as exc:
        validate_participant(sample(nik="1671040506850001"), TODAY)
    indonesian = exc.value.by_field()["nik"]
    i18n.set_language("en")
    english = exc.value.by_field()["nik"]
    assert "40" in indonesian and "40" in english
    assert indonesian != english
    assert not indonesian.startswith("error.")
