"""Indonesian phone numbers: normalise to "+62...", format for display, and search keys."""

from __future__ import annotations

from typing import Literal

PhoneErrorReason = Literal["characters", "length", "prefix"]

COUNTRY_CODE = "62"
MOBILE_NSN_LENGTHS = range(9, 13)  # national significant number (without 0 or 62)
SUBSCRIBER_LENGTHS = range(5, 9)
# Area codes are three digits except these big cities (Jakarta, Bandung, Semarang, Surabaya,
# Medan); Palembang is 711.
TWO_DIGIT_AREA_CODES = frozenset({"21", "22", "24", "31", "61"})

MASK = "\u2022"  # the bullet that stands for a hidden digit
_SEPARATORS = frozenset(" \t-.()/")
_DIGITS = frozenset("0123456789")


class PhoneError(ValueError):
    """A phone number that cannot be right; ``reason`` says why (the number is not in the text)."""

    def __init__(self, reason: PhoneErrorReason) -> None:
        super().__init__(f"invalid phone number ({reason})")
        self.reason: PhoneErrorReason = reason


def _area_code_length(nsn: str) -> int:
    return 2 if nsn[:2] in TWO_DIGIT_AREA_CODES else 3


def _digits_of(raw: str) -> tuple[bool, str]:
    """Return (had a leading "+", the digits) or raise PhoneError("characters")."""
    text = raw.strip()
    plus = text.startswith("+")
    if plus:
        text = text[1:]
    digits: list[str] = []
    for ch in text:
        if ch in _DIGITS:
            digits.append(ch)
        elif ch not in _SEPARATORS:
            raise PhoneError("characters")
    return plus, "".join(digits)


def _national_number(plus: bool, digits: str) -> str:
    """Strip the country code or trunk prefix, returning the national significant number."""
    if plus or digits.startswith(COUNTRY_CODE):
        if not digits.startswith(COUNTRY_CODE):
            raise PhoneError("prefix")  # another country
        nsn = digits[len(COUNTRY_CODE):]
        # "+62 (0)812..." / "+62 0812..." is a common way of writing it; the 0 is redundant.
        if nsn.startswith("0") and not nsn.startswith("00"):
            nsn = nsn[1:]
        return nsn
    if digits.startswith("0"):
        return digits[1:]
    if digits.startswith("8"):
        return digits  # "812..." typed without the 0: a mobile
    raise PhoneError("prefix")


def normalise_phone(raw: str) -> str:
    """Normalise an Indonesian mobile or landline number to "+62..." form.

    Raises :class:`PhoneError` with reason ``"characters"`` (letters or symbols other than
    spaces, dashes, dots, slashes, brackets and one leading "+"), ``"prefix"`` (not Indonesian,
    or not a 0/62/+62/8 start, or an impossible area code) or ``"length"`` (too few or too many
    digits for a mobile or a landline).
    """
    plus, digits = _digits_of(raw)
    if not digits:
        raise PhoneError("length")
    nsn = _national_number(plus, digits)
    if not nsn:
        raise PhoneError("length")
    first = nsn[0]
    if first == "8":
        if len(nsn) not in MOBILE_NSN_LENGTHS:
            raise PhoneError("length")
    elif first in "234567" or first == "9":
        subscriber = len(nsn) - _area_code_length(nsn)
        if subscriber not in SUBSCRIBER_LENGTHS:
            raise PhoneError("length")
    else:  # 0 or 1: no Indonesian area code starts like that
        raise PhoneError("prefix")
    return f"+{COUNTRY_CODE}{nsn}"


def is_mobile(normalised: str) -> bool:
    """True for a normalised mobile number ("+628...")."""
    return normalised.startswith(f"+{COUNTRY_CODE}8")


def format_phone(normalised: str) -> str:
    """Display form: mobiles grouped 4-4-rest ("0812-3456-7890", "0821-8913-992"), landlines
    "(0711) 354321".

    Anything that is not a normalised number is returned unchanged, so a display never fails.
    """
    prefix = f"+{COUNTRY_CODE}"
    nsn = normalised[len(prefix):]
    if not normalised.startswith(prefix) or not nsn.isascii() or not nsn.isdigit():
        return normalised
    local = "0" + nsn
    if nsn.startswith("8"):
        groups = [local[:4], local[4:8], local[8:]]
        return "-".join(group for group in groups if group)
    area = _area_code_length(nsn)
    return f"({local[:area + 1]}) {local[area + 1:]}"


def mask_phone(normalised: str) -> str:
    """List form, showing only the first and last four digits: "0812-••••-7890".

    Landlines keep their area code: "(0711) ••4321". Anything else shows its last four digits.
    """
    shown = format_phone(normalised)
    if shown == normalised:  # not a normalised number
        digits = "".join(ch for ch in normalised if ch in _DIGITS)
        return MASK * 4 + digits[-4:] if digits else ""
    local = "0" + normalised[len(COUNTRY_CODE) + 1:]
    if is_mobile(normalised):
        return f"{local[:4]}-{MASK * 4}-{local[-4:]}"
    area, subscriber = shown.split(" ", 1)
    return f"{area} {MASK * max(len(subscriber) - 4, 0)}{subscriber[-4:]}"


def phone_search_keys(normalised: str) -> list[str]:
    """Digit strings a user might type to find the number: "628123456789", "08123456789"."""
    nsn = normalised.removeprefix(f"+{COUNTRY_CODE}")
    if nsn == normalised:
        digits = "".join(ch for ch in normalised if ch in _DIGITS)
        return [digits] if digits else []
    return [COUNTRY_CODE + nsn, "0" + nsn]
