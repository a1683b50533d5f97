"""``kdrt-desk screening list`` end to end, and the screenings ``kdrt-desk demo`` creates."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

from cli_harness import CliVault, assert_clean_failure, message
from sqlalchemy import select

from kdrt_desk.domain.enums import DecisionOutcome, ParticipantStatus
from kdrt_desk.models import Participant, Screening, ScreeningDecision
from kdrt_desk.services.screening import LIST_COLUMNS_LIMITED, LIST_COLUMNS_RISK

OUTCOMES = {None, *(o.value for o in DecisionOutcome)}  # JSON: null when undecided


def _json(result) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_case_workers_see_the_risk_column_office_staff_do_not(demo: CliVault) -> None:
    for user in ("admin", "konselor"):
        result = demo.run("screening", "list", user=user)
        assert result.returncode == 0, result.stderr
        reader = csv.DictReader(io.StringIO(result.stdout))
        assert tuple(reader.fieldnames or ()) == LIST_COLUMNS_RISK
        rows = list(reader)
        assert rows and {r["risk_level"] for r in rows} <= {"low", "medium", "high"}
        assert "high" in {r["risk_level"] for r in rows}

    staf = _json(demo.run("screening", "list", "--format", "json", user="staf"))
    assert staf and all(tuple(r) == LIST_COLUMNS_LIMITED for r in staf)
    assert {r["outcome"] for r in staf} <= OUTCOMES
    assert {r["awaiting_confirmation"] for r in staf} == {True, False}
    assert len(staf) == len(rows)
    dates = [r["screened_on"] for r in staf]
    assert dates == sorted(dates, reverse=True)  # newest first


def test_facilitators_cannot_list_screenings(demo: CliVault) -> None:
    result = demo.run("screening", "list", user="fasilitator")
    assert result.stdout == ""
    assert_clean_failure(result, message("error.permission_denied"))


def test_status_filter_gives_the_waitlisted_participants(demo: CliVault) -> None:
    rows = _json(demo.run("screening", "list", "--status", "waitlisted", "--format", "json",
                          user="staf"))
    register = _json(demo.run("participants", "list", "--status", "waitlisted", "--format",
                              "json", user="staf"))
    assert rows and {r["code"] for r in rows} == {r["code"] for r in register}
    assert {r["outcome"] for r in rows} <= {"waitlisted", None}


def test_a_bad_status_is_refused_in_one_line(demo: CliVault) -> None:
    result = demo.run("screening", "list", "--status", "menunggu")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_the_listing_is_audited_and_matches_the_vault(demo_copy: CliVault) -> None:
    rows = _json(demo_copy.run("screening", "list", "--format", "json", user="konselor"))
    services = demo_copy.services()
    try:
        listed = services.screening.list_rows()
        exported = services.audit.entries(action="screenings_exported")
    finally:
        services.close()
    assert [int(r["screening_id"]) for r in rows] == [r.screening_id for r in listed]
    newest = exported[0]  # newest first
    assert (newest.actor, newest.details) == ("konselor", {"rows": len(rows), "format": "json"})


def test_demo_screenings_and_decisions_agree_with_each_status(demo_copy: CliVault) -> None:
    services = demo_copy.services()
    try:
        with services.vault.db.reading() as session:
            # anonymised participants (the consent demo withdraws a few) keep no notes
            people = {p.id: p for p in session.scalars(
                select(Participant).where(Participant.anonymised_on.is_(None)))}
            screenings = [s for s in session.scalars(select(Screening).order_by(Screening.id))
                          if s.participant_id in people]
            decisions = [d for d in session.scalars(select(ScreeningDecision)
                                                    .order_by(ScreeningDecision.id))
                         if d.participant_id in people]
            session.expunge_all()
        waitlist = services.decisions.waitlist()
        pending = services.decisions.pending_confirmations()
        assert services.audit.verify().ok
    finally:
        services.close()

    by_person: dict[int, list[Screening]] = {}
    for s in screenings:
        by_person.setdefault(s.participant_id, []).append(s)
    for pid, person in people.items():
        mine = by_person.get(pid, [])
        assert (person.status == ParticipantStatus.REGISTERED.value) == (not mine), person.status
        if mine:
            latest = max(mine, key=lambda s: (s.screened_on, s.id))
            assert person.risk_level == latest.risk_level
            assert all(s.screened_on >= person.registered_on for s in mine)
    assert any(len(v) == 2 for v in by_person.values())  # some were screened twice

    risks = Counter(s.risk_level for s in screenings)
    assert risks["low"] > risks["medium"] > risks["high"] > 0
    assert all(s.risk_reasons for s in screenings if s.risk_level == "high")
    assert all(s.interview_notes for s in screenings)

    waitlisted = {p.id for p in people.values() if p.status == ParticipantStatus.WAITLISTED}
    assert {e.participant_id for e in waitlist} == waitlisted
    assert pending and all(d.outcome is DecisionOutcome.NOT_ELIGIBLE for d in pending)
    assert all(people[d.participant_id].status == ParticipantStatus.SCREENING for d in pending)
    rejections = [d for d in decisions if d.outcome == "not_eligible" and d.confirmed_by]
    assert rejections and all(d.confirmed_by != d.decided_by for d in rejections)
    assert any(d.outcome == "referred" for d in decisions)
    for d in decisions:
        screening = next(s for s in by_person[d.participant_id] if s.id == d.screening_id)
        assert d.decided_on >= screening.screened_on
        if d.current and d.confirmed_by:
            assert screening.decided
