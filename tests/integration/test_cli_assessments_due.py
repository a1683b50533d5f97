"""``kdrt-desk assessments due`` end to end on a copy of the demo vault: JSON with its own
types that agree with the service's due list, the same rows as CSV, a group name that Excel
would run as a formula neutralised, ``--mine``, the text table, and a facilitator refused."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from datetime import date

from cli_harness import CliVault, as_csv_text, assert_clean_failure, message

from kdrt_desk.domain.assessment import Round
from kdrt_desk.domain.participant import RegisterQuery
from kdrt_desk.domain.training import GroupInput

COLUMNS = ["code", "name", "group", "instrument", "round", "due_on", "overdue"]
FORMULA_GROUP = '=HYPERLINK("http://contoh.invalid","Klik")'


def _json(result: subprocess.CompletedProcess[str]) -> list[dict[str, object]]:
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert isinstance(rows, list)
    return rows


def test_json_has_its_types_and_agrees_with_the_service(demo_copy: CliVault) -> None:
    today = date.today()
    services = demo_copy.services("konselor")
    try:
        expected = {(d.code, d.instrument_code, d.round.value, d.due_on.isoformat())
                    for d in services.assessments.due(today)}
    finally:
        services.close()
    rows = _json(demo_copy.run("assessments", "due", "--format", "json", user="konselor"))
    assert rows and all(list(r) == COLUMNS for r in rows)
    for row in rows:
        assert all(isinstance(row[c], str) for c in COLUMNS[:-1])
        assert isinstance(row["overdue"], bool)
        assert row["round"] in {r.value for r in Round}
        assert row["overdue"] == (date.fromisoformat(str(row["due_on"])) < today)
    assert {(r["code"], r["instrument"], r["round"], r["due_on"]) for r in rows} == expected
    assert any(r["overdue"] for r in rows) and len(rows) == len(expected)

    listed = demo_copy.run("assessments", "due", "--format", "csv", user="konselor")
    assert listed.returncode == 0, listed.stderr
    assert list(csv.DictReader(io.StringIO(listed.stdout))) == as_csv_text(rows)


def test_a_formula_in_a_group_name_is_neutralised_in_csv(demo_copy: CliVault) -> None:
    before = _json(demo_copy.run("assessments", "due", "--format", "json"))
    target = str(before[0]["group"])
    services = demo_copy.services("admin")
    try:
        group = next(g for g in services.groups.groups(include_archived=True)
                     if g.name == target)
        services.groups.save(GroupInput(**{
            f: getattr(group, f) for f in GroupInput.__dataclass_fields__ if f != "name"},
            name=FORMULA_GROUP))
    finally:
        services.close()
    listed = demo_copy.run("assessments", "due", "--format", "csv")
    assert listed.returncode == 0, listed.stderr
    groups = {r["group"] for r in csv.DictReader(io.StringIO(listed.stdout))}
    assert "'" + FORMULA_GROUP in groups and FORMULA_GROUP not in groups
    raw = {r["group"] for r in _json(demo_copy.run("assessments", "due", "--format", "json"))}
    assert FORMULA_GROUP in raw  # JSON keeps the name as it is


def test_mine_lists_only_her_case_workers_women(demo_copy: CliVault) -> None:
    rows = _json(demo_copy.run("assessments", "due", "--format", "json", user="konselor"))
    services = demo_copy.services("admin")
    try:
        ids = {r.code: r.id for r in services.participants.list_rows(RegisterQuery())}
        workers = {code: services.case_workers.get(ids[code]) for code in
                   {str(r["code"]) for r in rows}}
        hers = [r for r in rows if workers[str(r["code"])] == "konselor"]
        assert hers and len(hers) < len(rows)
        # the admin follows no one in the demo: one woman given to her
        other = next(code for code, worker in workers.items() if worker != "konselor")
        services.case_workers.assign(ids[other], "admin")
    finally:
        services.close()
    mine = _json(demo_copy.run("assessments", "due", "--format", "json", "--mine",
                               user="konselor"))
    assert mine == hers
    admins = _json(demo_copy.run("assessments", "due", "--format", "json", "--mine"))
    assert admins == [r for r in rows if r["code"] == other]


def test_text_table_in_indonesian_and_a_facilitator_refused(demo_copy: CliVault) -> None:
    text = demo_copy.run("assessments", "due", user="konselor")
    assert text.returncode == 0, text.stderr
    head, *lines = text.stdout.splitlines()
    assert head.split()[:3] == ["Kode", "Nama", "Kelompok"]
    assert lines and any(line.rstrip().endswith(message("cli.monitoring.yes")) for line in lines)
    assert any(message("enum.Round.midline") in line or message("enum.Round.endline") in line
               for line in lines)
    nobody = demo_copy.run("assessments", "due", "--mine", user="admin")  # follows no one
    assert nobody.returncode == 0, nobody.stderr
    assert message("cli.monitoring.none_due") in nobody.stdout
    refused = demo_copy.run("assessments", "due", "--format", "csv", user="fasilitator")
    assert_clean_failure(refused, message("error.permission_denied"))
    assert refused.stdout == ""
