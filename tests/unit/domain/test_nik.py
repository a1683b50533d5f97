"""Tests for NIK normalising, parsing, birth-date matching and making."""

from __future__ import annotations

from datetime import date

import pytest

from kdrt_desk.domain.nik import (
    NikError,
    NikInfo,
    make_nik,
    mask_nik,
    nik_matches_birth_date,
    normalise_nik,
    parse_nik,
)

# A woman born 7 January 1985 in Palembang (1671 01): DD 07 + 40 = 47.
WOMAN = "1671014701850001"
# A man born 7 January 1985: the day is written as is.
MAN = "1671010701850001"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1671014701850001", "1671014701850001"),
        ("1671 0147 0185 0001", "1671014701850001"),
        ("16.71.01.470185.0001", "1671014701850001"),
        ("1671-01-470185-0001", "1671014701850001"),
        ("  1671014701850001\t", "1671014701850001"),
        ("1671O14701850001", "1671O14701850001"),  # letter O kept: parse rejects it
        ("", ""),
    ],
)
def test_normalise_nik_strips_only_separators(raw: str, expected: str) -> None:
    assert normalise_nik(raw) == expected


def test_parse_woman_removes_the_40_and_sets_female() -> None:
    assert parse_nik(WOMAN) == NikInfo(region="167101", birth_day=7, birth_month=1,
                                       birth_year_2d=85, female=True)


def test_parse_man() -> None:
    info = parse_nik(MAN)
    assert info.female is False
    assert (info.birth_day, info.birth_month, info.birth_year_2d) == (7, 1, 85)
    assert info.region == "167101"
    assert info.province == "16"


@pytest.mark.parametrize(
    ("nik", "day", "female"),
    [
        ("1671010101900001", 1, False),
        ("1671013101900001", 31, False),
        ("1671014101900001", 1, True),  # 41 -> 1
        ("1671017101900001", 31, True),  # 71 -> 31
    ],
)
def test_day_boundaries(nik: str, day: int, female: bool) -> None:
    info = parse_nik(nik)
    assert info.birth_day == day
    assert info.female is female


@pytest.mark.parametrize(
    "nik",
    [
        "167101470185000",  # 15 digits
        "16710147018500012",  # 17 digits
        "",
        "1671O14701850001",  # letter O
        "1671 14701850001",  # unnormalised space
        "１６７１０１４７０１８５０００１",  # full-width digits are not ASCII digits
        "167101470185000\n",
    ],
)
def test_length_reason(nik: str) -> None:
    with pytest.raises(NikError) as caught:
        parse_nik(nik)
    assert caught.value.reason == "length"


@pytest.mark.parametrize(
    "nik",
    [
        "1671010001850001",  # day 00
        "1671013201850001",  # day 32
        "1671014001850001",  # 40: neither a man's day nor a woman's (41-71)
        "1671017201850001",  # 72 -> 32
        "1671014700850001",  # month 00
        "1671014713850001",  # month 13
        "1671017002850001",  # woman, 30 February
        "1671012902850001",  # 29 February 1985: not a leap year
        "1671016902850001",  # woman, 29 February 1985
        "1671013104850001",  # 31 April
        "1671017106850001",  # woman, 31 June
    ],
)
def test_date_reason(nik: str) -> None:
    with pytest.raises(NikError) as caught:
        parse_nik(nik)
    assert caught.value.reason == "date"


@pytest.mark.parametrize("nik", ["1671016902840001", "1671012902000001", "1671016902960001"])
def test_29_february_in_a_leap_year_is_accepted(nik: str) -> None:
    assert parse_nik(nik).birth_month == 2


def test_serial_reason() -> None:
    with pytest.raises(NikError) as caught:
        parse_nik("1671014701850000")
    assert caught.value.reason == "serial"


@pytest.mark.parametrize("serial", ["0001", "0999", "9999"])
def test_non_zero_serials_are_accepted(serial: str) -> None:
    parse_nik("16710147018" + "5" + serial)


@pytest.mark.parametrize("province", ["00", "09", "10", "97", "99"])
def test_province_reason(province: str) -> None:
    with pytest.raises(NikError) as caught:
        parse_nik(province + "71014701850001")
    assert caught.value.reason == "province"


@pytest.mark.parametrize("province", ["11", "16", "31", "96"])
def test_province_bounds_accepted(province: str) -> None:
    assert parse_nik(province + "71014701850001").region == province + "7101"


def test_error_is_a_value_error_and_hides_the_number() -> None:
    with pytest.raises(ValueError) as caught:
        parse_nik("1671014701850000")
    assert "1671014701850000" not in str(caught.value)


@pytest.mark.parametrize(
    ("nik", "birth", "expected"),
    [
        (WOMAN, date(1985, 1, 7), True),
        (WOMAN, date(2085, 1, 7), True),  # only the 2-digit year is known
        (WOMAN, date(1985, 1, 8), False),
        (WOMAN, date(1985, 7, 1), False),  # day and month swapped
        (WOMAN, date(1986, 1, 7), False),
        (MAN, date(1985, 1, 7), True),
        ("1671016902000001", date(2000, 2, 29), True),
    ],
)
def test_nik_matches_birth_date(nik: str, birth: date, expected: bool) -> None:
    assert nik_matches_birth_date(parse_nik(nik), birth) is expected


@pytest.mark.parametrize(
    ("region", "birth", "female", "serial", "expected"),
    [
        ("167101", date(1985, 1, 7), True, 1, WOMAN),
        ("167101", date(1985, 1, 7), False, 1, MAN),
        ("167118", date(2003, 12, 31), True, 1234, "1671187112031234"),
        ("157101", date(1960, 10, 9), False, 9999, "1571010910609999"),
    ],
)
def test_make_nik(region: str, birth: date, female: bool, serial: int, expected: str) -> None:
    nik = make_nik(region, birth, female, serial)
    assert nik == expected
    info = parse_nik(nik)
    assert info.female is female
    assert info.region == region
    assert nik_matches_birth_date(info, birth)


@pytest.mark.parametrize(
    ("region", "serial"),
    [("16710", 1), ("1671011", 1), ("16710a", 1), ("097101", 1), ("167101", 0),
     ("167101", 10000), ("167101", -1)],
)
def test_make_nik_rejects_bad_input(region: str, serial: int) -> None:
    with pytest.raises(ValueError):
        make_nik(region, date(1985, 1, 7), True, serial)


def test_make_nik_round_trips_every_day_of_a_leap_year() -> None:
    day = date(1996, 1, 1)
    while day.year == 1996:
        for female in (True, False):
            info = parse_nik(make_nik("167105", day, female, 42))
            assert info.female is female
            assert nik_matches_birth_date(info, day)
        day = date.fromordinal(day.toordinal() + 1)


@pytest.mark.parametrize(
    ("nik", "shown"),
    [
        ("1671044501900213", "••••••••••••0213"),
        ("", ""),
        ("12345", "••••••••••••2345"),  # a short value does not reveal its length
    ],
)
def test_mask_nik_shows_only_the_last_four_digits(nik: str, shown: str) -> None:
    assert mask_nik(nik) == shown
