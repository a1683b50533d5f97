"""Control characters are refused in every name and free-text field, with the character named."""

from __future__ import annotations

import pytest
from support.participant_samples import TODAY, sample

from kdrt_desk.domain.participant import CaseBackground
from kdrt_desk.domain.text import character_name, control_character_problems
from kdrt_desk.domain.training import ModuleInput
from kdrt_desk.errors import ValidationError
from kdrt_desk.services.participant_validation import validate_participant
from kdrt_desk.services.programme_validation import validate_module
from kdrt_desk.wiring import Services


@pytest.mark.parametrize(("text", "named"), [
    ("Siti\x1b[2J Aminah", "U+001B (ESC)"), ("Siti\x07", "U+0007 (BEL)"),
    ("Siti\x00", "U+0000 (NUL)"), ("Siti\u202eanimA", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ("Siti\tAminah", "U+0009 (TAB)"), ("Siti\nAminah", "U+000A (LF)"),
    ("Siti\u200fAminah", "U+200F (RIGHT-TO-LEFT MARK)"),
    ("Siti\u061cAminah", "U+061C (ARABIC LETTER MARK)")])
def test_a_name_with_a_control_character_is_refused_naming_it(text: str, named: str) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_participant(sample(full_name=text), TODAY)
    messages = refused.value.by_field()
    assert named in messages["full_name"]
    assert "karakter kendali" in messages["full_name"]


def test_notes_keep_their_line_breaks_but_not_escape_codes() -> None:
    case = CaseBackground(safety_notes="Baris satu\nBaris dua\tdengan tab")
    assert validate_participant(sample(case=case), TODAY).case is not None
    bad = CaseBackground(safety_notes="Baris\x1b[31m merah")
    with pytest.raises(ValidationError) as refused:
        validate_participant(sample(case=bad), TODAY)
    assert "U+001B (ESC)" in refused.value.by_field()["safety_notes"]


def test_every_text_field_of_an_input_is_looked_at() -> None:
    problems = control_character_problems(sample(occupation="Pedagang\x07", kelurahan="Ulu\x1b"))
    assert {p.field for p in problems} == {"occupation", "kelurahan"}
    assert character_name("\x7f") == "U+007F (DEL)"


def test_catalogue_texts_are_checked_too() -> None:
    data = ModuleInput(code="EKO-09", title="Menjahit\x1b lanjut", session_count=2,
                       minutes_per_session=60, min_attendance_pct=75)
    with pytest.raises(ValidationError) as refused:
        validate_module(data, {})
    assert "U+001B (ESC)" in refused.value.by_field()["title"]


def test_a_display_name_and_the_centre_are_checked(admin: Services) -> None:
    with pytest.raises(ValidationError) as refused:
        admin.accounts.add_account("sari.staf", "staf", "kata sandi panjang", "Sari\x07")
    assert "U+0007 (BEL)" in refused.value.by_field()["display_name"]
    current = admin.settings.current()
    from dataclasses import replace

    with pytest.raises(ValidationError) as refused:
        admin.settings.update(replace(current, centre_name="Pusat\x1b[0m"))
    assert "centre_name" in refused.value.by_field()
