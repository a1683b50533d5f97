"""Tests for Indonesian phone number normalising, display formatting and search keys."""

from __future__ import annotations

import pytest

from kdrt_desk.domain.phone import (
    PhoneError,
    format_phone,
    is_mobile,
    mask_phone,
    normalise_phone,
    phone_search_keys,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # mobiles, the ways people write them
        ("0812-3456-789", "+628123456789"),
        ("0812 3456 7890", "+6281234567890"),
        ("+62 812 3456 789", "+628123456789"),
        ("+628123456789", "+628123456789"),
        ("628123456789", "+628123456789"),
        ("8123456789", "+628123456789"),  # 0 dropped: assumed a mobile
        ("0812.3456.789", "+628123456789"),
        ("  0812 3456 789  ", "+628123456789"),
        ("+62 (0)812-3456-789", "+628123456789"),  # redundant 0 after the country code
        ("+62 0812 3456 789", "+628123456789"),
        ("0812345678", "+62812345678"),  # 9-digit national number: shortest mobile
        ("0812345678901", "+62812345678901"),  # 12 digits: longest mobile
        # landlines
        ("0711 123456", "+62711123456"),
        ("(0711) 354321", "+62711354321"),
        ("0711-354321", "+62711354321"),
        ("+62 711 354321", "+62711354321"),
        ("62711354321", "+62711354321"),
        ("(021) 5551234", "+62215551234"),  # Jakarta, 2-digit area code
        ("021 12345678", "+622112345678"),  # 8-digit subscriber
        ("0711 12345", "+6271112345"),  # 5-digit subscriber
        ("0911 312345", "+62911312345"),  # Ambon: area codes may start with 9
    ],
)
def test_normalise_accepts(raw: str, expected: str) -> None:
    assert normalise_phone(raw) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("0812-3456-789a", "characters"),
        ("0812 3456 789 ext 2", "characters"),
        ("0812+3456789", "characters"),  # "+" only at the start
        ("++628123456789", "characters"),
        ("0812_3456_789", "characters"),
        ("０８１２３４５６７８９", "characters"),  # full-width digits
        ("", "length"),
        ("   ", "length"),
        ("--", "length"),
        ("+62", "length"),
        ("0", "length"),
        ("081234567", "length"),  # 8-digit national number: too short for a mobile
        ("08123456789012", "length"),  # 13 digits: too long
        ("812345678901234", "length"),
        ("0711 1234", "length"),  # 4-digit subscriber
        ("0711 123456789", "length"),  # 9-digit subscriber
        ("021 1234", "length"),
        ("+1 555 123 4567", "prefix"),  # another country
        ("+65 8123 4567", "prefix"),
        ("0062 812 3456 789", "prefix"),
        ("711354321", "prefix"),  # a landline needs its 0
        ("1234567", "prefix"),
        ("0112345678", "prefix"),  # no area code starts with 1
        ("+62 1234 5678", "prefix"),
    ],
)
def test_normalise_rejects(raw: str, reason: str) -> None:
    with pytest.raises(PhoneError) as caught:
        normalise_phone(raw)
    assert caught.value.reason == reason


def test_error_is_a_value_error_and_hides_the_number() -> None:
    with pytest.raises(ValueError) as caught:
        normalise_phone("0812-3456-789a")
    assert "3456" not in str(caught.value)


@pytest.mark.parametrize(
    "raw", ["0812-3456-789", "+6281234567890", "(0711) 354321", "021 12345678"])
def test_normalise_is_idempotent(raw: str) -> None:
    once = normalise_phone(raw)
    assert normalise_phone(once) == once


@pytest.mark.parametrize(
    ("normalised", "shown"),
    [
        ("+6281234567890", "0812-3456-7890"),
        ("+628123456789", "0812-3456-789"),
        ("+62812345678", "0812-3456-78"),
        ("+62821891399", "0821-8913-99"),
        ("+628218913992", "0821-8913-992"),
        ("+6283183089885", "0831-8308-9885"),
        ("+62831830898851", "0831-8308-98851"),
        ("+62812345678901", "0812-3456-78901"),
        ("+62711354321", "(0711) 354321"),
        ("+62711123456", "(0711) 123456"),
        ("+622112345678", "(021) 12345678"),
        ("+62911312345", "(0911) 312345"),
    ],
)
def test_format_phone(normalised: str, shown: str) -> None:
    assert format_phone(normalised) == shown
    assert normalise_phone(shown) == normalised  # what is shown can be typed back in


@pytest.mark.parametrize("text", ["", "0812 3456", "unknown", "+65 1234"])
def test_format_phone_leaves_non_normalised_text_alone(text: str) -> None:
    assert format_phone(text) == text


@pytest.mark.parametrize(
    ("normalised", "keys"),
    [
        ("+628123456789", ["628123456789", "08123456789"]),
        ("+62711354321", ["62711354321", "0711354321"]),
    ],
)
def test_phone_search_keys(normalised: str, keys: list[str]) -> None:
    assert phone_search_keys(normalised) == keys


@pytest.mark.parametrize(
    "typed", ["0812-3456-789", "08123456789", "+62 812 3456 789", "3456789", "812345"])
def test_what_a_user_types_is_found_in_the_keys(typed: str) -> None:
    keys = phone_search_keys(normalise_phone("0812 3456 789"))
    digits = "".join(ch for ch in typed if ch.isdigit())
    assert any(digits in key for key in keys)


def test_is_mobile() -> None:
    assert is_mobile(normalise_phone("0812 3456 789"))
    assert not is_mobile(normalise_phone("(0711) 354321"))


@pytest.mark.parametrize(
    ("normalised", "shown"),
    [
        ("+6281234567890", "0812-••••-7890"),
        ("+628218913992", "0821-••••-3992"),
        ("+62831830898851", "0831-••••-8851"),
        ("+62711354321", "(0711) ••4321"),
        ("unknown 12345", "••••2345"),
        ("", ""),
    ],
)
def test_mask_phone_shows_only_the_first_and_last_four_digits(
        normalised: str, shown: str) -> None:
    assert mask_phone(normalised) == shown
