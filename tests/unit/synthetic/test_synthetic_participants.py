"""Tests for the synthetic participant generator: reproducible, valid and varied."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest

from kdrt_desk.domain.enums import (
    ConsentScope,
    LegalProceedings,
    LivingSituation,
    ParticipantStatus,
    PerpetratorRelation,
    ReferralSource,
    SafeToCall,
    ViolenceForm,
)
from kdrt_desk.domain.nik import nik_matches_birth_date, parse_nik
from kdrt_desk.domain.participant import ParticipantInput
from kdrt_desk.domain.phone import is_mobile, normalise_phone
from kdrt_desk.domain.places import KECAMATAN, KELURAHAN_BY_KECAMATAN
from kdrt_desk.synthetic import generate_participants, names
from kdrt_desk.synthetic.participants import PRE_ENROLMENT_STATUSES

TODAY = date(2026, 11, 27)
COUNT = 2_000


def _age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _quarter(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3


@pytest.fixture(scope="module")
def people() -> list[ParticipantInput]:
    return list(generate_participants(COUNT, seed=7, today=TODAY))


def test_same_seed_gives_the_same_participants() -> None:
    first = list(generate_participants(300, seed=11, today=TODAY))
    again = list(generate_participants(300, seed=11, today=TODAY))
    assert first == again


def test_different_seeds_give_different_participants() -> None:
    a = [p.full_name for p in generate_participants(50, seed=1, today=TODAY)]
    b = [p.full_name for p in generate_participants(50, seed=2, today=TODAY)]
    assert a != b


def test_global_random_state_is_not_used_or_changed() -> None:
    import random

    random.seed(123)
    before = random.random()
    random.seed(123)
    list(generate_participants(50, seed=3, today=TODAY))
    assert random.random() == before


def test_count_and_laziness() -> None:
    assert len(list(generate_participants(0, today=TODAY))) == 0
    assert len(list(generate_participants(17, today=TODAY))) == 17
    stream = generate_participants(10**9, today=TODAY)  # an iterator, not a list
    assert isinstance(next(stream), ParticipantInput)
    with pytest.raises(ValueError):
        list(generate_participants(-1))


def test_default_today_is_the_real_today() -> None:
    p = next(generate_participants(1, seed=5))
    assert p.registered_on is not None
    assert date.today() - timedelta(days=365) < p.registered_on <= date.today()


def test_identity_fields(people: list[ParticipantInput]) -> None:
    with_nik = 0
    niks: set[str] = set()
    for p in people:
        assert p.registered_on is not None
        assert 1 <= len(p.full_name.split()) <= 3
        assert p.full_name == p.full_name.strip() and len(p.full_name) <= 120
        assert len(p.preferred_name) <= 60
        assert p.birth_date is not None or p.estimated_age is not None
        if p.birth_date is not None:
            assert p.estimated_age is None
            assert 18 <= _age_on(p.birth_date, p.registered_on) <= 65
            assert _age_on(p.birth_date, TODAY) <= 65
        else:
            assert p.estimated_age is not None and 18 <= p.estimated_age <= 65
        if p.nik:
            with_nik += 1
            info = parse_nik(p.nik)  # raises if invalid
            assert info.female
            assert p.birth_date is not None and nik_matches_birth_date(info, p.birth_date)
            assert p.nik not in niks
            niks.add(p.nik)
    assert 0.62 < with_nik / COUNT < 0.78
    palembang = sum(1 for n in niks if n.startswith("1671"))
    assert palembang / len(niks) > 0.75


def test_phones_and_contact_safety(people: list[ParticipantInput]) -> None:
    with_phone = 0
    seen: set[str] = set()
    for p in people:
        if p.phone:
            with_phone += 1
            normalised = normalise_phone(p.phone)
            assert is_mobile(normalised)
            assert normalised not in seen
            seen.add(normalised)
        else:
            assert p.safe_to_call is SafeToCall.NO
        if p.trusted_contact_phone:
            assert p.trusted_contact_name
            assert is_mobile(normalise_phone(p.trusted_contact_phone))
        assert bool(p.trusted_contact_name) == bool(p.trusted_contact_phone)
        assert bool(p.safe_call_times) == (p.safe_to_call is SafeToCall.AT_TIMES)
        assert len(p.safe_call_times) <= 200
    assert 0.80 < with_phone / COUNT < 0.90
    # Phones are written in several raw ways, not already normalised.
    styles = {p.phone[:1] + str("-" in p.phone) + str(" " in p.phone) for p in people if p.phone}
    assert len(styles) >= 4

    with_abuser = [p for p in people if p.living_situation is LivingSituation.WITH_ABUSER
                   and p.phone]
    risky = sum(1 for p in with_abuser if p.safe_to_call in (SafeToCall.NO, SafeToCall.AT_TIMES))
    assert risky / len(with_abuser) > 0.85
    never_home = sum(1 for p in with_abuser if p.never_contact_at_home)
    assert never_home / len(with_abuser) > 0.5


def test_places(people: list[ParticipantInput]) -> None:
    for p in people:
        assert p.kecamatan in KECAMATAN
        assert p.kelurahan in KELURAHAN_BY_KECAMATAN[p.kecamatan]
    counts = Counter(p.kecamatan for p in people)
    assert set(counts) == set(KECAMATAN)  # all 18 appear
    heavy = ["Kertapati", "Plaju", "Seberang Ulu I", "Seberang Ulu II", "Ilir Timur I",
             "Ilir Timur II"]
    light = [k for k in KECAMATAN if k not in heavy]
    assert min(counts[k] for k in heavy) > max(counts[k] for k in light)


def test_household_and_economy(people: list[ParticipantInput]) -> None:
    for p in people:
        assert 0 <= p.children_count <= 5
        assert len(p.children_ages) == p.children_count
        age = (_age_on(p.birth_date, p.registered_on or TODAY) if p.birth_date
               else p.estimated_age or 0)
        for child in p.children_ages:
            assert 0 <= child <= 25
            assert age - child >= 16  # she was old enough when the child was born
        assert p.dependants >= sum(1 for a in p.children_ages if a < 18)
        assert p.occupation
        if p.monthly_income is not None:
            assert 0 <= p.monthly_income <= 4_000_000
            assert p.monthly_income % 50_000 == 0
    assert any(p.monthly_income is None for p in people)
    assert len({p.occupation for p in people}) >= 15


def test_case_background(people: list[ParticipantInput]) -> None:
    forms: Counter[ViolenceForm] = Counter()
    referrals: Counter[ReferralSource] = Counter()
    relations: Counter[PerpetratorRelation] = Counter()
    reported = 0
    for p in people:
        case = p.case
        assert case is not None
        assert 1 <= len(case.violence_forms) <= 3
        forms.update(case.violence_forms)
        assert case.duration_months is not None and 1 <= case.duration_months <= 240
        assert case.referral_source is not None
        referrals[case.referral_source] += 1
        assert case.perpetrator_relation is not None
        relations[case.perpetrator_relation] += 1
        assert bool(case.referral_other) == (case.referral_source is ReferralSource.OTHER)
        if not case.reported_to_police:
            assert case.legal_proceedings in (LegalProceedings.NONE, LegalProceedings.DIVORCE)
        else:
            assert case.legal_proceedings is not LegalProceedings.NONE
        if case.referral_source is ReferralSource.POLRESTABES_PPA:
            assert case.reported_to_police
        reported += case.reported_to_police
    assert 0.22 < reported / COUNT < 0.38
    top_two = {f for f, _ in forms.most_common(2)}
    assert top_two == {ViolenceForm.PSYCHOLOGICAL, ViolenceForm.PHYSICAL}
    assert relations.most_common(1)[0][0] is PerpetratorRelation.SPOUSE
    assert set(referrals) == set(ReferralSource)
    assert any(p.case and p.case.safety_notes for p in people)
    assert any(p.case and not p.case.safety_notes for p in people)


def test_consent(people: list[ParticipantInput]) -> None:
    for p in people:
        assert p.consent.consent_date == p.registered_on
        assert ConsentScope.DATA_USE in p.consent.scopes
        assert p.consent.recorded_by == ""
        assert p.consent.withdrawn_on is None
    assert sum(1 for p in people if len(p.consent.scopes) > 1) / COUNT > 0.8


def test_registration_dates_cover_the_last_twelve_months(people: list[ParticipantInput]) -> None:
    dates = [p.registered_on for p in people if p.registered_on is not None]
    assert len(dates) == COUNT
    assert all(TODAY - timedelta(days=365) < d <= TODAY for d in dates)
    by_month = Counter((d.year, d.month) for d in dates)
    assert len(by_month) >= 12
    quarters = Counter(_quarter(d) for d in dates)
    assert quarters[(2026, 3)] > COUNT * 0.15  # current quarter (Oct-Nov so far)
    assert quarters[(2026, 2)] > COUNT * 0.2  # previous quarter, Jul-Sep


def test_current_quarter_has_data_even_on_its_first_day() -> None:
    first_day = date(2027, 1, 1)
    dates = [p.registered_on for p in generate_participants(1_000, seed=9, today=first_day)]
    assert sum(1 for d in dates if d == first_day) > 30
    assert sum(1 for d in dates if d is not None and _quarter(d) == (2026, 3)) > 150


def test_status_mix_follows_time_since_registration(people: list[ParticipantInput]) -> None:
    """Only statuses before a training group: enrolled, completed and dropped out come from real
    memberships (the training demo), never from the participant generator."""
    assert {p.status for p in people} == set(PRE_ENROLMENT_STATUSES)
    recent = [p.status for p in people
              if p.registered_on is not None and (TODAY - p.registered_on).days < 30]
    old = [p.status for p in people
           if p.registered_on is not None and (TODAY - p.registered_on).days >= 180]
    early = {ParticipantStatus.REGISTERED, ParticipantStatus.SCREENING}
    assert sum(s in early for s in recent) / len(recent) > 0.8
    assert sum(s is ParticipantStatus.ACCEPTED for s in old) / len(old) > 0.7
    assert sum(s is ParticipantStatus.ACCEPTED for s in recent) / len(recent) < 0.15
    assert not any(s in early for s in old)


def test_the_generator_gives_no_status_a_membership_would_explain() -> None:
    late = {ParticipantStatus.ENROLLED, ParticipantStatus.COMPLETED,
            ParticipantStatus.DROPPED_OUT}
    assert not late & PRE_ENROLMENT_STATUSES
    assert all(p.status not in late for p in generate_participants(2_000, seed=3, today=TODAY))


def test_names_lists_are_large_enough() -> None:
    assert len(set(names.WOMEN_GIVEN_NAMES)) >= 120
    assert len(set(names.FAMILY_NAMES)) >= 80


def test_names_look_local(people: list[ParticipantInput]) -> None:
    full_names = [p.full_name for p in people]
    assert any(n.startswith("Nyimas ") for n in full_names)
    assert any(n.startswith("Siti ") for n in full_names)
    assert len(set(full_names)) > COUNT * 0.8
    preferred = [p.preferred_name for p in people]
    assert any(n == "" for n in preferred)
    assert any(n.startswith("Cek ") for n in preferred)
    # Most preferred names come from her own name or a known nickname of it.
    nicknames = {n for values in names.NICKNAMES.values() for n in values}
    ok = sum(1 for p in people
             if p.preferred_name.removeprefix("Cek ") in p.full_name.split()
             or p.preferred_name.removeprefix("Cek ") in nicknames or not p.preferred_name)
    assert ok == COUNT
    assert Counter(p.birth_place for p in people).most_common(1)[0][0] == "Palembang"

