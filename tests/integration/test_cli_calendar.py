"""``kdrt-desk prayer-times`` and ``kdrt-desk holidays`` end to end (no vault needed): the
timetable as text, CSV and JSON, in both languages, and one clear line for bad input."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from cli_harness import CliVault, assert_clean_failure, make_env, message, run_cli


def cli(tmp_path: Path, *args: str):  # type: ignore[no-untyped-def]
    return run_cli(*args, env=make_env(tmp_path / "keyring.json", tmp_path))


def test_prayer_times_for_three_days_as_a_text_table(tmp_path: Path) -> None:
    result = cli(tmp_path, "prayer-times", "--date", "2026-11-27", "--days", "3")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == [message("cli.calendar.column.date"), "Subuh", "Terbit", "Zuhur",
                                "Asar", "Magrib", "Isya"]
    assert lines[1].split() == ["2026-11-27", "04:19", "05:40", "11:50", "15:15", "17:59",
                                "19:13"]
    assert [line.split()[0] for line in lines[1:]] == ["2026-11-27", "2026-11-28", "2026-11-29"]


def test_prayer_times_as_json_and_csv(tmp_path: Path) -> None:
    result = cli(tmp_path, "prayer-times", "--date", "2027-02-16", "--days", "2",
                 "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["date"] for r in rows] == ["2027-02-16", "2027-02-17"]
    assert all(r["subuh"] < r["zuhur"] < r["asar"] < r["magrib"] < r["isya"] for r in rows)
    table = list(csv.DictReader(io.StringIO(cli(
        tmp_path, "prayer-times", "--date", "2027-02-16", "--format", "csv").stdout)))
    assert table == [{k: str(v) for k, v in rows[0].items()}]


def test_english_headers_when_english_is_chosen(tmp_path: Path) -> None:
    result = cli(tmp_path, "--lang", "en", "prayer-times", "--date", "2026-11-27")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].split()[:3] == ["date", "Subuh", "Sunrise"]


def test_holidays_of_a_term_with_cuti_bersama_and_an_estimated_ramadan(tmp_path: Path) -> None:
    result = cli(tmp_path, "holidays", "--from", "2027-02-01", "--to", "2027-03-31",
                 "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    kinds = {r["kind"] for r in rows}
    assert {message("calendar.kind.public"), message("calendar.kind.government"),
            message("calendar.kind.ramadan")} <= kinds
    ramadan = next(r for r in rows if r["kind"] == message("calendar.kind.ramadan"))
    assert ramadan["estimated"] is True and ramadan["date"].startswith("2027-02-")
    assert all("2027-02-01" <= r["date"][:10] <= "2027-03-31" for r in rows if ".." not in
               r["date"])
    assert any(r["name"] == "Hari Suci Nyepi" for r in rows)
    english = cli(tmp_path, "--lang", "en", "holidays", "--from", "2027-03-01", "--to",
                  "2027-03-31")
    assert "Day of Silence" in english.stdout and "estimated" in english.stdout


@pytest.mark.parametrize(("args", "key", "params"), [
    (("prayer-times", "--date", "27-11-2026"), "cli.programme.date_invalid",
     {"value": "27-11-2026", "option": "--date"}),
    (("prayer-times", "--days", "0"), "cli.number_out_of_range",
     {"option": "--days", "low": 1, "high": 366}),
    (("prayer-times", "--days", "banyak"), "cli.number_invalid",
     {"option": "--days", "value": "banyak"}),
    (("holidays", "--from", "2027-01-01"), "cli.calendar.period_missing", {}),
    (("holidays", "--from", "2027-02-01", "--to", "2027-01-01"), "cli.programme.date_order",
     {"start": "2027-02-01", "end": "2027-01-01"}),
])
def test_bad_input_is_one_clear_line(tmp_path: Path, args: tuple[str, ...], key: str,
                                     params: dict[str, object]) -> None:
    assert_clean_failure(cli(tmp_path, *args), message(key, "id", **params))


def test_help_is_in_the_language_asked_for(tmp_path: Path) -> None:
    result = cli(tmp_path, "--lang", "en", "prayer-times", "--help")
    assert result.returncode == 0
    assert message("cli.calendar.help_days", "en") in result.stdout
    assert message("cli.calendar.help_days") not in result.stdout


def test_reminders_for_a_day_of_the_demo(demo: CliVault) -> None:
    sessions = list(csv.DictReader(io.StringIO(demo.run("sessions", "list").stdout)))
    busy = Counter(s["date"] for s in sessions if s["status"] in ("planned", "moved"))
    day = max(busy, key=lambda d: (busy[d], d))
    result = demo.run("reminders", "--date", day, "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and {r["date"] for r in rows if r["kind"] == "reminder"} == {day}
    for row in rows:
        assert row["way"] in ("phone", "in_person")
        assert row["told"] == "new"  # nobody in the demo was told yet
        if row["way"] == "in_person":
            assert row["phone"] == "" and row["call_times"] == ""
        assert "KDRT" not in row["message"] and "pelatihan" not in row["message"].lower()
    table = list(csv.DictReader(io.StringIO(demo.run("reminders", "--date", day).stdout)))
    assert [r["code"] for r in table] == [r["code"] for r in rows]
    assert [(r["kind"], r["told"]) for r in table] == [(r["kind"], r["told"]) for r in rows]


def test_reminders_refuse_a_facilitator_and_need_a_date(demo: CliVault) -> None:
    refused = demo.run("reminders", "--date", "2026-12-03", user="fasilitator")
    assert_clean_failure(refused, message("error.permission_denied"))
    assert_clean_failure(demo.run("reminders"), message("cli.calendar.date_missing"))
