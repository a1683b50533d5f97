"""Property tests of the training programme (issue 14): groups, sessions and attendance marks.

A valid group, session or mark has one value replaced by a generated hostile one. The call
either stores what the validator returns (read back equal) or is refused with a catalogued
user error and nothing changes: no new group or session, the edited group and the marks as
they were. A ``funder`` field on ``GroupInput`` (being added) is driven too when present.
"""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date

import pytest
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
from support.participant_samples import TODAY
from support.programme import PERIOD, Programme, build, session_on

from kdrt_desk.domain.training import AttendanceMark, GroupInput, SessionInput
from kdrt_desk.errors import UserError
from kdrt_desk.services.programme_validation import validate_group
from kdrt_desk.wiring import Services

GROUP_FIELDS = tuple(f.name for f in dataclasses.fields(GroupInput) if f.name != "id")
GROUP_TEXT = tuple(f for f in ("name", "kecamatan", "kelurahan", "funder") if f in GROUP_FIELDS)
SESSION_DAY = date(2026, 11, 25)  # held before TODAY, members enrolled on 20 November
_numbers = itertools.count(1)


@pytest.fixture
def programme(admin: Services) -> Programme:
    """Two venues, two facilitators, a group with two members: built once per test function
    (the examples of one test share its vault)."""
    return build(admin, members=2)


def _base_group(programme: Programme) -> GroupInput:
    return GroupInput(name=f"Kelompok Uji {next(_numbers)}", kecamatan="Plaju",
                      start_date=PERIOD[0], end_date=PERIOD[1], venue_id=programme.venue_id,
                      module_ids=[programme.modules["SOS-01"]],
                      facilitator_ids={programme.facilitators["psychologist"]})


@st.composite
def group_change(draw: st.DrawFn) -> tuple[str, object, bool]:
    """(field, hostile value, edit the programme's group instead of adding one)."""
    kind = draw(st.sampled_from(("text", "date", "venue", "modules", "facilitators")))
    name: str
    value: object
    if kind == "text":
        name, value = draw(st.sampled_from(GROUP_TEXT)), draw(hostile_text())
    elif kind == "date":
        name, value = draw(st.sampled_from(("start_date", "end_date"))), draw(
            st.none() | hostile_dates())
    elif kind == "venue":
        name, value = "venue_id", draw(st.none() | hostile_ints())
    elif kind == "modules":
        name, value = "module_ids", draw(st.lists(hostile_ints(), max_size=3))
    else:
        name, value = "facilitator_ids", draw(st.sets(hostile_ints(), max_size=3))
    return name, value, draw(st.booleans())


@PROPERTY_SETTINGS
@given(change=group_change())
def test_a_group_is_saved_as_validated_or_refused_and_left_as_it_was(
        admin: Services, programme: Programme, change: tuple[str, object, bool]) -> None:
    name, value, edit = change
    data = _base_group(programme)
    if edit:
        view = admin.groups.get(programme.group_id)
        data = GroupInput(**{f.name: getattr(view, f.name)
                             for f in dataclasses.fields(GroupInput)})
    setattr(data, name, value)
    groups_before = admin.groups.groups(include_archived=True)
    try:
        saved = admin.groups.save(data)
    except UserError as error:
        assert_known_refusal(error)
        assert admin.groups.groups(include_archived=True) == groups_before
        return
    count_saved()
    clean = validate_group(
        data, modules={m.id for m in admin.catalogue.modules()},
        facilitators=set(programme.facilitators.values()),
        venues={programme.venue_id, programme.kitchen_id})
    stored = admin.groups.get(saved.id)
    for field in GROUP_FIELDS:
        assert getattr(stored, field) == getattr(clean, field), field
    added = len(admin.groups.groups(include_archived=True)) - len(groups_before)
    assert added == (0 if edit else 1)


@st.composite
def session_change(draw: st.DrawFn) -> tuple[str, object]:
    kind = draw(st.sampled_from(("topic", "date", "times", "ids")))
    if kind == "topic":
        return "topic", draw(hostile_text())
    if kind == "date":
        return "session_date", draw(st.none() | hostile_dates())
    if kind == "times":
        return draw(st.sampled_from(("start_time", "end_time"))), draw(st.none() | st.times())
    return draw(st.sampled_from(("group_id", "module_id", "venue_id", "facilitator_id"))), draw(
        hostile_ints())


@PROPERTY_SETTINGS
@given(change=session_change(), day=st.dates(PERIOD[0], PERIOD[1]), hour=st.integers(7, 15))
def test_a_session_is_created_as_validated_or_refused_and_none_is_added(
        admin: Services, programme: Programme, change: tuple[str, object], day: date,
        hour: int) -> None:
    data = session_on(programme, day, start=hour, end=hour + 2)
    setattr(data, *change)
    before = admin.sessions.sessions()
    try:
        saved = admin.sessions.create(data)
    except UserError as error:
        assert_known_refusal(error)
        assert admin.sessions.sessions() == before
        return
    count_saved()
    stored = admin.sessions.get(saved.id)
    expected = dataclasses.replace(data, topic=" ".join(data.topic.split()))
    for field in (f.name for f in dataclasses.fields(SessionInput) if f.name != "id"):
        assert getattr(stored, field) == getattr(expected, field), field
    assert len(admin.sessions.sessions()) == len(before) + 1


@st.composite
def mark_change(draw: st.DrawFn) -> tuple[str, str, int, int]:
    """(mark, reason, member 0/1 or an id, 0 for the held session or an id): one value
    hostile."""
    values: dict[str, object] = {"mark": draw(st.sampled_from(list(AttendanceMark))).value,
                                 "reason": draw(st.sampled_from(("", "Anak sakit"))),
                                 "who": draw(st.sampled_from((0, 1))), "session": 0}
    name = draw(st.sampled_from(sorted(values)))
    values[name] = draw(
        hostile_text(max_size=10) | st.sampled_from(list(AttendanceMark)).map(str)
        if name == "mark" else hostile_text() if name == "reason"
        else hostile_ints() | st.sampled_from((0, 1)) if name == "who"
        else hostile_ints() | st.just(0))
    return (str(values["mark"]), str(values["reason"]), int(values["who"]),  # type: ignore[call-overload]
            int(values["session"]))  # type: ignore[call-overload]


@PROPERTY_SETTINGS
@given(change=mark_change())
def test_an_attendance_mark_is_saved_or_refused_and_the_marks_stay(
        admin: Services, programme: Programme, change: tuple[str, str, int, int]) -> None:
    mark, reason, who, session = change
    held = admin.sessions.sessions()
    if not held:
        held = [admin.sessions.create(session_on(programme, SESSION_DAY))]
    session_id = held[0].id if session == 0 else session
    participant = programme.participants[who] if who in (0, 1) else who
    before = admin.attendance.roll_call(held[0].id)
    try:
        admin.attendance.mark(session_id, participant, mark, reason, today=TODAY)
    except UserError as error:
        assert_known_refusal(error)
        assert admin.attendance.roll_call(held[0].id) == before
        return
    count_saved()
    rows = {r.participant_id: r for r in admin.attendance.roll_call(held[0].id)}
    assert rows[participant].mark == AttendanceMark(mark)
    assert rows[participant].reason == " ".join(reason.split())
    assert len(rows) == len(before)

