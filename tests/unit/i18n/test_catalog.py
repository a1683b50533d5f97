"""Every message exists in Indonesian and English with the same placeholders, and every key the
code uses is in the catalogue (no raw keys or English left in the Indonesian UI)."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from kdrt_desk import i18n
from kdrt_desk.domain import enums, training
from kdrt_desk.i18n.catalog import MESSAGES

PACKAGE = Path(i18n.__file__).parent.parent
LITERAL_KEY = re.compile(r"""["']((?:error|warning|ui|cli)\.[a-z0-9_.]+[a-z0-9_])["']""")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages_with_the_same_placeholders(key: str) -> None:
    indonesian, english = MESSAGES[key]
    assert indonesian.strip() and english.strip()
    assert _fields(indonesian) == _fields(english)


def test_every_literal_key_in_the_code_is_translated() -> None:
    used: set[str] = set()
    for source in PACKAGE.rglob("*.py"):
        used.update(LITERAL_KEY.findall(source.read_text(encoding="utf-8")))
    prefixes = {k for k in used if k.endswith("_")}  # keys built with a suffix, e.g. nik_{reason}
    missing = sorted(k for k in used - prefixes if k not in MESSAGES)
    assert missing == []


def test_every_enum_member_has_a_label() -> None:
    for enum in (enums.Role, enums.ParticipantStatus, enums.SafeToCall, enums.LivingSituation,
                 enums.MaritalStatus, enums.Education, enums.EconomicDependence,
                 enums.ViolenceForm, enums.PerpetratorRelation, enums.LegalProceedings,
                 enums.ReferralSource, enums.ConsentScope, training.Track,
                 training.FacilitatorType, training.VenueFeature, training.EnrolmentStatus,
                 training.SessionStatus, training.AttendanceMark, enums.PartnerKind):
        for member in enum:
            assert f"enum.{enum.__name__}.{member.value}" in MESSAGES


def test_formatting_follows_the_language() -> None:
    from datetime import date

    i18n.set_language("id")
    assert i18n.format_date(date(2026, 8, 17)) == "17 Agustus 2026"
    assert i18n.format_rupiah(1_500_000) == "Rp 1.500.000"
    i18n.set_language("en")
    assert i18n.format_date(date(2026, 8, 17)) == "17 August 2026"
    assert i18n.t("error.required") == "Required."


PLURAL_CHOICE = re.compile(r"\{(\w+):([^{}]*\|[^{}]*)\}")


def test_english_counts_take_their_plural_form_never_an_s_in_brackets() -> None:
    bracketed = sorted(k for k, (_id, en) in MESSAGES.items()
                       if re.search(r"\w\((s|es)\)", en))
    assert bracketed == []
    for key, (indonesian, english) in MESSAGES.items():
        # Indonesian has one form ("1 sesi", "3 sesi"): no choice there
        assert not PLURAL_CHOICE.search(indonesian), key
        for _name, forms in PLURAL_CHOICE.findall(english):
            assert len(forms.split("|")) == len(i18n.plural_categories("en")) == 2, key


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_message_formats_with_one_and_with_many(lang: str) -> None:
    i18n.set_language(lang)
    for key, pair in MESSAGES.items():
        names = _fields(pair[0]) | _fields(pair[1])
        for number in (1, 2, 1000):
            i18n.t(key, **dict.fromkeys(names, number))  # raises on a malformed placeholder


def test_the_form_follows_the_number() -> None:
    i18n.set_language("en")
    assert i18n.t("ui.register.count", count=1) == "1 participant shown"
    assert i18n.t("ui.register.count", count=0) == "0 participants shown"
    assert i18n.t("ui.register.count", count=2) == "2 participants shown"
    assert i18n.t("error.validation", count=1).startswith("1 field needs fixing")
    assert i18n.t("error.validation", count=3).startswith("3 fields need fixing")
    assert i18n.t("ui.access.tries_left", count=1, minutes=5).startswith(
        "1 try left; after that this account is locked for 5 minutes")
    i18n.set_language("id")
    assert i18n.t("ui.register.count", count=1) == "1 peserta ditampilkan"
    assert i18n.t("ui.register.count", count=2) == "2 peserta ditampilkan"
