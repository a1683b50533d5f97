"""Property tests of the register (issue 14): register, update and search with generated values.

One field of a valid sample is replaced by a hostile value at a time. Each call either saves
exactly what the validator returns (read back equal) or is refused with a catalogued user error
and leaves the register as it was: no new row, the edited record unchanged.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from hostile_inputs import (
    PROPERTY_SETTINGS,
    assert_known_refusal,
    count_saved,
    hostile_dates,
    hostile_ints,
    hostile_text,
)
from hypothesis import given
from hypothesis import strategies as st
from support.participant_samples import TODAY, sample

from kdrt_desk.domain.enums import ParticipantStatus
from kdrt_desk.domain.participant import (
    Consent,
    ParticipantInput,
    ParticipantRecord,
    RegisterQuery,
)
from kdrt_desk.errors import UserError
from kdrt_desk.services.participant_validation import validate_participant
from kdrt_desk.wiring import Services

TEXT_FIELDS = ("full_name", "preferred_name", "nik", "birth_place", "phone", "safe_call_times",
               "trusted_contact_name", "trusted_contact_phone", "kecamatan", "kelurahan",
               "occupation")
INT_FIELDS = ("estimated_age", "children_count", "dependants", "monthly_income")
DATE_FIELDS = ("birth_date", "registered_on")
INPUT_FIELDS = tuple(f.name for f in dataclasses.fields(ParticipantInput))


@st.composite
def one_change(draw: st.DrawFn) -> ParticipantInput:
    """A valid sample with one field (or one part of consent / case) made hostile."""
    kind = draw(st.sampled_from(("text", "int", "date", "ages", "consent", "case_text",
                                 "case_int")))
    data = sample()
    if kind == "text":
        setattr(data, draw(st.sampled_from(TEXT_FIELDS)), draw(hostile_text()))
    elif kind == "int":
        setattr(data, draw(st.sampled_from(INT_FIELDS)), draw(hostile_ints()))
    elif kind == "date":
        setattr(data, draw(st.sampled_from(DATE_FIELDS)), draw(hostile_dates()))
        if draw(st.booleans()):
            data.nik = ""  # the NIK must not refuse every birth date
    elif kind == "ages":
        data.children_ages = draw(st.lists(hostile_ints(), max_size=4))
        data.children_count = draw(st.sampled_from((len(data.children_ages), 2)))
    elif kind == "consent":
        data.consent = Consent(draw(hostile_dates()), data.consent.scopes,
                               recorded_by=draw(hostile_text()))
    elif kind == "case_text":
        assert data.case is not None
        name = draw(st.sampled_from(("safety_notes", "referral_other")))
        setattr(data.case, name, draw(hostile_text()))
    else:
        assert data.case is not None
        data.case.duration_months = draw(hostile_ints())
    return data


def _expected(data: ParticipantInput, recorded_by: str = "") -> ParticipantInput:
    """What the validator returns, with the service's default for who recorded the consent
    (the stored one on an edit, else the signed-in user)."""
    clean = validate_participant(data, TODAY)
    clean.consent.recorded_by = clean.consent.recorded_by or recorded_by or "admin"
    return clean


def _assert_stored(record: ParticipantRecord, clean: ParticipantInput) -> None:
    for name in INPUT_FIELDS:
        assert getattr(record, name) == getattr(clean, name), name


@PROPERTY_SETTINGS
@given(data=one_change())
def test_register_saves_what_was_validated_or_refuses_and_saves_nothing(
        admin: Services, data: ParticipantInput) -> None:
    before = admin.participants.count()
    try:
        saved = admin.participants.register(data, today=TODAY)
    except UserError as error:
        assert_known_refusal(error)
        assert admin.participants.count() == before
        return
    count_saved()
    assert admin.participants.count() == before + 1
    _assert_stored(admin.participants.open_restricted(saved.id), _expected(data))


@PROPERTY_SETTINGS
@given(data=one_change())
def test_update_saves_what_was_validated_or_leaves_the_record_unchanged(
        admin: Services, data: ParticipantInput) -> None:
    if admin.participants.count() == 0:
        admin.participants.register(sample(), today=TODAY)
    pid = admin.participants.list_rows()[0].id
    before = admin.participants.open_restricted(pid)
    try:
        saved = admin.participants.update(pid, data, before.version, today=TODAY)
    except UserError as error:
        assert_known_refusal(error)
        after = admin.participants.open_restricted(pid)
        assert after == before and after.version == before.version
        return
    count_saved()
    stored = admin.participants.open_restricted(saved.id)
    _assert_stored(stored, _expected(data, before.consent.recorded_by))
    assert stored.version == before.version + 1
    assert admin.participants.count() == 1


@PROPERTY_SETTINGS
@given(text=hostile_text(), kecamatan=hostile_text(max_size=20),
       status=st.none() | st.sampled_from(list(ParticipantStatus)),
       sort=st.sampled_from(("code", "full_name", "nik", "phone", "registered_on", "status",
                             "kecamatan", "risk_level")) | hostile_text(max_size=10),
       descending=st.booleans(), limit=st.none() | st.integers(-5, 10**9))
def test_search_with_any_text_returns_rows_or_a_known_refusal(
        admin: Services, text: str, kecamatan: str, status: ParticipantStatus | None, sort: str,
        descending: bool, limit: int | None) -> None:
    if admin.participants.count() == 0:
        admin.participants.register(sample(), today=TODAY)
        admin.participants.register(sample(full_name="Rina Wulandari", nik="",
                                           birth_date=date(1990, 1, 1)), today=TODAY)
    query = RegisterQuery(text=text, status=status, kecamatan=kecamatan, sort=sort,
                          descending=descending, limit=limit)
    try:
        rows = admin.participants.list_rows(query)
        page = admin.participants.register_page(query)
        count = admin.participants.count(query)
    except UserError as error:
        assert_known_refusal(error)
        return
    count_saved()
    assert isinstance(rows, list) and len(rows) <= 2
    assert isinstance(page.ids, list) and all(isinstance(i, int) for i in page.ids)
    assert isinstance(count, int) and 0 <= count <= 2
