"""``kdrt-desk schedule solve`` on a copy of the demo: the next intake (members enrolled, no
session yet) gets a term with no broken rule, nothing saved without --apply, all of it with."""

from __future__ import annotations

import csv
import io
import json

from cli_harness import CliVault, assert_clean_failure, message


def _intake(vault: CliVault) -> dict[str, str]:
    groups = list(csv.DictReader(io.StringIO(vault.run("groups", "list").stdout)))
    return max(groups, key=lambda g: g["start_date"])


def _sessions(vault: CliVault, group: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(vault.run("sessions", "list", "--group",
                                                     group).stdout)))


def test_a_proposal_keeps_every_rule_and_is_saved_only_when_applied(demo_copy: CliVault) -> None:
    group = _intake(demo_copy)
    assert _sessions(demo_copy, group["name"]) == []
    args = ("schedule", "solve", "--group", group["name"], "--from", group["start_date"],
            "--to", group["end_date"], "--time-limit", "5", "--format", "json")
    result = demo_copy.run(*args)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["violations"] == [] and report["applied"] is None
    assert report["sessions_placed"] > 0
    assert all(s["group"] == group["name"] for s in report["sessions"])
    assert all(group["start_date"] <= s["date"] <= group["end_date"] for s in report["sessions"])
    assert _sessions(demo_copy, group["name"]) == []  # nothing saved
    applied = json.loads(demo_copy.run(*args, "--apply").stdout)
    assert applied["applied"] == applied["sessions_placed"] > 0
    assert len(_sessions(demo_copy, group["name"])) == applied["applied"]


def test_text_output_and_refusals(demo_copy: CliVault) -> None:
    group = _intake(demo_copy)
    text = demo_copy.run("schedule", "solve", "--group", group["name"], "--from",
                         group["start_date"], "--to", group["end_date"], "--time-limit", "3")
    assert text.returncode == 0, text.stderr
    assert message("cli.schedule.not_applied") in text.stdout
    unknown = demo_copy.run("schedule", "solve", "--group", "Tidak Ada", "--from",
                            "2027-01-04", "--to", "2027-02-26")
    assert_clean_failure(unknown, message("cli.schedule.group_unknown", name="Tidak Ada"))
    refused = demo_copy.run("schedule", "solve", "--group", group["name"], "--from",
                            group["start_date"], "--to", group["end_date"],
                            user="fasilitator")
    assert_clean_failure(refused, message("error.permission_denied"))
