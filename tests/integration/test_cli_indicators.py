"""``kdrt-desk indicators`` on the demo: the same figures as the service, JSON with JSON types,
CSV and text in both languages, a role's withheld figures, a bad period refused in one line."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from cli_harness import CliVault

from kdrt_desk.i18n import t

PERIOD = ("--from", "2026-01-01", "--to", "2026-12-31")


def test_json_matches_the_service_and_keeps_its_types(demo_copy: CliVault) -> None:
    result = demo_copy.run("indicators", *PERIOD, "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = {r["indicator"]: r for r in json.loads(result.stdout)}
    services = demo_copy.services("admin")
    try:
        table = services.indicators.compute(date(2026, 1, 1), date(2026, 12, 31))
    finally:
        services.close()
    assert set(rows) == {r.code for r in table.results}
    for expected in table.results:
        row = rows[expected.code]
        assert row["value"] == expected.value and row["n"] == expected.n
        assert row["withheld"] is False
    assert isinstance(rows["sessions_held"]["n"], int) and rows["sessions_held"]["n"] > 0
    assert rows["attendance_rate"]["unit"] == "percent"


def test_csv_and_text_in_both_languages(demo_copy: CliVault) -> None:
    result = demo_copy.run("indicators", *PERIOD, "--format", "csv")
    assert result.returncode == 0, result.stderr
    header = next(csv.reader(io.StringIO(result.stdout)))
    assert header[:3] == ["stage", "indicator", "name"]
    for lang, words in (("id", "Tingkat kehadiran"), ("en", "Attendance rate")):
        text = demo_copy.run("indicators", *PERIOD, lang=lang)
        assert text.returncode == 0 and words in text.stdout


def test_staff_without_the_restricted_key_get_scores_withheld(demo_copy: CliVault) -> None:
    result = demo_copy.run("indicators", *PERIOD, "--format", "json", user="staf")
    assert result.returncode == 0, result.stderr
    rows = {r["indicator"]: r for r in json.loads(result.stdout)}
    assert rows["score_change.WHO5"]["withheld"] is True
    assert rows["score_change.WHO5"]["value"] is None
    assert rows["attendance_rate"]["withheld"] is False
    refused = demo_copy.run("indicators", *PERIOD, user="fasilitator")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr


def test_a_bad_period_is_one_translated_line(demo_copy: CliVault) -> None:
    result = demo_copy.run("indicators", "--from", "2026-13-01", "--to", "2026-12-31")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    backwards = demo_copy.run("indicators", "--from", "2026-12-31", "--to", "2026-01-01")
    assert backwards.returncode == 2
    assert t("error.period_end_before_start").split()[0] in backwards.stderr
