"""``kdrt-desk modules/groups/sessions list`` and ``attendance sheet`` end to end, on a small
programme built through the services (two groups, four sessions, some attendance marked)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

import pytest
from cli_harness import CliVault, as_csv_text, assert_clean_failure, message
from pypdf import PdfReader
from support.constants import PASSWORD
from support.programme import PERIOD, build, session_on
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.training import GroupInput, SessionInput

TODAY = date(2026, 11, 27)
SECOND_GROUP = "Angkatan 2 Kemuning"


@dataclass
class Built:
    cli: CliVault
    modules: list[dict[str, str]]  # what the services say, as the CLI prints it
    members: list[str]  # full names of the first group's members
    preferred: list[str]
    sessions: dict[str, int]  # label -> id


@pytest.fixture
def built(vault: VaultFixture, tmp_path: Path) -> Built:
    team = Team.hired(vault)
    admin = team("admin")
    programme = build(admin, members=5, link_login="fasilitator1")
    made = {
        "sos1": admin.sessions.create(session_on(programme, date(2026, 11, 24),
                                                 topic="Mengenali pola kekerasan")),
        "sos2": admin.sessions.create(session_on(programme, date(2026, 11, 26), start=13,
                                                 end=15, module="SOS-02",
                                                 facilitator="trainer")),
        "sos3": admin.sessions.create(session_on(programme, date(2026, 12, 3))),
    }
    second = admin.groups.save(GroupInput(
        name=SECOND_GROUP, kecamatan="Kemuning", start_date=PERIOD[0], end_date=PERIOD[1],
        venue_id=programme.kitchen_id, module_ids=[programme.modules["EKO-02"]],
        facilitator_ids={programme.facilitators["trainer"]}))
    made["eko"] = admin.sessions.create(SessionInput(
        group_id=second.id, module_id=programme.modules["EKO-02"],
        session_date=date(2026, 11, 25), start_time=time(9), end_time=time(11),
        venue_id=programme.kitchen_id,
        facilitator_id=programme.facilitators["trainer"]))
    first = made["sos1"].id
    for pid in programme.participants[:3]:
        admin.attendance.mark(first, pid, "present", today=TODAY)
    admin.attendance.mark(first, programme.participants[3], "late", today=TODAY)
    admin.attendance.mark(first, programme.participants[4], "absent", today=TODAY)
    rows = admin.attendance.roll_call(first)
    preferred = [r.name for r in admin.attendance.roll_call(first, preferred_names=True)]
    modules = [{"code": m.code, "title": m.title, "track": m.track.value,
                "sessions": str(m.session_count), "archived": str(m.archived)}
               for m in admin.catalogue.modules(include_archived=True)]
    team.close()
    keyring_file = tmp_path / "keyring.json"
    keyring_file.write_text(json.dumps({f"{service}/{name}": secret for (service, name), secret
                                        in vault.keyring.entries.items()}))
    cli = CliVault(vault.data_dir, keyring_file, PASSWORD, tmp_path)
    return Built(cli, modules, [r.name for r in rows], preferred,
                 {k: v.id for k, v in made.items()})


def _json(result) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)


def _csv(result) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    assert result.returncode == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_modules_and_groups_lists(built: Built) -> None:
    modules = _csv(built.cli.run("modules", "list"))
    assert list(modules[0]) == ["code", "title", "track", "sessions", "minutes",
                                "facilitator_type", "venue_features", "partner",
                                "min_attendance_pct", "assessment_required", "archived"]
    assert [{k: r[k] for k in built.modules[0]} for r in modules] == built.modules
    assert {r["track"] for r in modules} == {"social", "economic"}
    assert all(r["minutes"].isdigit() and r["min_attendance_pct"].isdigit() for r in modules)
    as_json = _json(built.cli.run("modules", "list", "--format", "json"))
    assert as_csv_text(as_json) == modules
    assert all(type(r["sessions"]) is int and type(r["archived"]) is bool for r in as_json)

    groups = {g["name"]: g for g in _json(built.cli.run("groups", "list", "--format", "json"))}
    assert set(groups) == {"Angkatan 1 Plaju", SECOND_GROUP}
    first = groups["Angkatan 1 Plaju"]
    assert list(first) == ["id", "name", "kecamatan", "start_date", "end_date", "venue",
                           "funder", "members", "modules", "archived"]
    assert first["funder"] == ""  # funded by the centre itself
    assert (first["kecamatan"], first["start_date"], first["end_date"], first["venue"],
            first["members"], first["modules"], first["archived"]) == (
        "Plaju", "2026-09-01", "2026-12-31", "Aula Kelurahan Plaju Ulu", 5, "SOS-01;SOS-02",
        False)
    assert type(first["id"]) is int
    assert (groups[SECOND_GROUP]["members"], groups[SECOND_GROUP]["modules"]) == (0, "EKO-02")
    assert _csv(built.cli.run("groups", "list")) == as_csv_text(groups.values())


def test_sessions_list_with_filters(built: Built) -> None:
    ids = built.sessions
    every = _json(built.cli.run("sessions", "list", "--format", "json"))
    assert [int(s["id"]) for s in every] == [ids["sos1"], ids["eko"], ids["sos2"], ids["sos3"]]
    first = every[0]
    assert first == {"id": ids["sos1"], "date": "2026-11-24", "start": "09:00",
                     "end": "11:00", "group": "Angkatan 1 Plaju", "module": "SOS-01",
                     "venue": "Aula Kelurahan Plaju Ulu",
                     "facilitator": "Dra. Hj. Rahmawati, Psi.", "status": "held",
                     "marked": 5, "attended": 4}
    assert every[2]["start"] == "13:00" and every[2]["facilitator"] == "Ibu Mariani"
    assert (every[2]["status"], every[2]["marked"], every[2]["attended"]) == ("planned", 0, 0)
    assert _csv(built.cli.run("sessions", "list")) == as_csv_text(every)

    plaju = _json(built.cli.run("sessions", "list", "--group", "angkatan 1 plaju",
                                "--format", "json"))
    assert [int(s["id"]) for s in plaju] == [ids["sos1"], ids["sos2"], ids["sos3"]]
    november = _json(built.cli.run("sessions", "list", "--from", "2026-11-25", "--to",
                                   "2026-11-30", "--format", "json"))
    assert [int(s["id"]) for s in november] == [ids["eko"], ids["sos2"]]
    both = _json(built.cli.run("sessions", "list", "--group", "Angkatan 1 Plaju", "--from",
                               "2026-11-25", "--format", "json"))
    assert [int(s["id"]) for s in both] == [ids["sos2"], ids["sos3"]]
    assert _json(built.cli.run("sessions", "list", "--to", "2026-11-01",
                               "--format", "json")) == []


@pytest.mark.parametrize("bad", ["2026-13-01", "kemarin"])
def test_a_bad_date_is_one_indonesian_line(built: Built, bad: str) -> None:
    result = built.cli.run("sessions", "list", "--from", bad)
    assert result.returncode == 2 and result.stdout == ""
    assert_clean_failure(result, message("cli.programme.date_invalid", value=bad,
                                         option="--from"))
    english = built.cli.run("sessions", "list", "--to", bad, lang="en")
    assert english.returncode == 2
    assert_clean_failure(english, message("cli.programme.date_invalid", "en", value=bad,
                                          option="--to"))


def test_dates_in_the_wrong_order_and_an_unknown_group_are_refused(built: Built) -> None:
    result = built.cli.run("sessions", "list", "--from", "2026-12-01", "--to", "2026-11-01")
    assert result.returncode == 2
    assert_clean_failure(result, message("cli.programme.date_order", start="2026-12-01",
                                         end="2026-11-01"))
    unknown = built.cli.run("sessions", "list", "--group", "Angkatan 9")
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert_clean_failure(unknown, message("error.group_unknown"))


def test_a_facilitator_sees_only_her_own_sessions_and_groups(built: Built) -> None:
    ids = built.sessions
    mine = _json(built.cli.run("sessions", "list", "--format", "json", user="fasilitator1"))
    assert [int(s["id"]) for s in mine] == [ids["sos1"], ids["sos3"]]
    assert {s["facilitator"] for s in mine} == {"Dra. Hj. Rahmawati, Psi."}
    groups = _json(built.cli.run("groups", "list", "--format", "json", user="fasilitator1"))
    assert [g["name"] for g in groups] == ["Angkatan 1 Plaju"]
    # another facilitator's session: no sheet for her
    out = built.cli.home / "lain.pdf"
    refused = built.cli.run("attendance", "sheet", "--session", str(ids["sos2"]), "--out",
                            str(out), user="fasilitator1")
    assert_clean_failure(refused, message("error.permission_denied"))
    assert not out.exists()


def test_attendance_sheet_writes_the_members_names(built: Built) -> None:
    out = built.cli.home / "daftar hadir.pdf"
    result = built.cli.run("attendance", "sheet", "--session", str(built.sessions["sos1"]),
                           "--out", str(out), user="fasilitator1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == message("cli.programme.sheet_written", count=5,
                                            path=str(out))
    reader = PdfReader(out)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "DAFTAR HADIR" in text and "Angkatan 1 Plaju" in text and "Mengenali pola" in text
    positions = [text.find(name) for name in built.members]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert not any(name in str(reader.metadata) for name in built.members)

    english = built.cli.home / "sheet.pdf"
    result = built.cli.run("attendance", "sheet", "--session", str(built.sessions["sos1"]),
                           "--out", str(english), "--preferred-names", lang="en")
    assert result.returncode == 0, result.stderr
    text = " ".join(page.extract_text() for page in PdfReader(english).pages)
    assert "ATTENDANCE SHEET" in text
    assert all(name in text for name in built.preferred)
    assert not any(name in text for name in built.members)


def test_attendance_sheet_refuses_bad_places_and_sessions(built: Built) -> None:
    sos1 = str(built.sessions["sos1"])
    missing = built.cli.home / "tidak-ada" / "hadir.pdf"
    result = built.cli.run("attendance", "sheet", "--session", sos1, "--out", str(missing))
    assert result.returncode == 2 and result.stdout == ""
    assert_clean_failure(result, message("cli.programme.out_folder_missing",
                                         folder=str(missing.parent)))
    folder = built.cli.run("attendance", "sheet", "--session", sos1, "--out",
                           str(built.cli.home))
    assert_clean_failure(folder, message("cli.programme.out_is_folder",
                                         path=str(built.cli.home)))
    locked = built.cli.home / "terkunci"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        denied = built.cli.run("attendance", "sheet", "--session", sos1, "--out",
                               str(locked / "hadir.pdf"))
        if denied.returncode != 0:  # root ignores folder permissions
            assert_clean_failure(denied, message("error.export_unwritable"))
    finally:
        locked.chmod(0o700)
    unknown = built.cli.run("attendance", "sheet", "--session", "9999", "--out",
                            str(built.cli.home / "x.pdf"))
    assert_clean_failure(unknown, message("error.session_unknown"))
    word = built.cli.run("attendance", "sheet", "--session", "satu", "--out",
                         str(built.cli.home / "x.pdf"))
    assert word.returncode == 2
    assert_clean_failure(word, message("cli.programme.session_invalid", value="satu"))
    assert not (built.cli.home / "x.pdf").exists()
