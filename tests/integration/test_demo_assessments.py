"""The psychosocial assessments ``kdrt-desk demo`` makes (the session's demo vault, 200
participants, seed 7, opened in this process): scored by the instrument's own rule, dated within
her time with the centre, with change that is not all positive, left-out items, rounds missed
(so the due list has overdue work), and CEK-1 alerts raised the way the service raises them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from cli_harness import CliVault
from sqlalchemy import select

from kdrt_desk.domain.assessment import AssessmentInput, Round
from kdrt_desk.domain.instruments import Score, score
from kdrt_desk.models import Assessment, AssessmentAlert, Participant
from kdrt_desk.repositories import score_ledger
from kdrt_desk.services.alerts import AlertService
from kdrt_desk.services.instruments import load_instrument
from kdrt_desk.wiring import Services


@pytest.fixture
def admin(demo_copy: CliVault) -> Iterator[Services]:
    services = demo_copy.services("admin")
    try:
        yield services
    finally:
        services.close()


def test_every_score_is_the_instruments_score_of_its_answers(admin: Services) -> None:
    today = date.today()
    with admin.vault.db.reading() as session:
        registered = {pid: day for pid, day in session.execute(
            select(Participant.id, Participant.registered_on))}
        rows = list(session.scalars(select(Assessment)))
        assert len(rows) > 300
        codes = {r.instrument_code for r in rows}
        assert codes == {"WHO5", "GSE", "RSE", "CEK-1"}
        missing = unscored = 0
        for row in rows:
            assert isinstance(row.answers, list) and isinstance(row.score, dict)
            instrument = load_instrument(session, row.instrument_code, row.instrument_version)
            stored = Score.from_json(row.score)
            assert stored == score(instrument, tuple(row.answers)), row.id
            assert registered[row.participant_id] <= row.assessed_on <= today, row.id
            missing += stored.missing > 0
            unscored += stored.value is None
        # the indicators read the scores from the ledger: it must hold every one of them
        assert score_ledger.in_step(session, codes, [r.value for r in Round])
        assert sum(len(bucket) for _code, _round, bucket in score_ledger.entries(
            session, codes, [r.value for r in Round])) == len(rows)
    assert missing >= 5  # items left out now and then ...
    assert 1 <= unscored < missing  # ... mostly prorated, WHO-5 with one missing: no score


def test_change_from_baseline_to_endline_is_mixed(admin: Services) -> None:
    with admin.vault.db.reading() as session:
        raw: dict[tuple[int, str], float] = {}
        for row in session.scalars(select(Assessment).where(
                Assessment.instrument_code == "WHO5")):
            value = Score.from_json(row.score).raw if isinstance(row.score, dict) else None
            if value is not None:
                raw[(row.participant_id, row.round)] = value
    changes = [raw[(pid, "endline")] - raw[(pid, "baseline")]
               for pid, round_ in raw if round_ == "endline" and (pid, "baseline") in raw]
    assert len(changes) >= 20
    improved = sum(c >= 2 for c in changes)
    assert improved > len(changes) / 2  # most improve ...
    assert any(c <= 0 for c in changes)  # ... not all


def test_rounds_were_missed_so_some_are_overdue(admin: Services) -> None:
    today = date.today()
    due = admin.assessments.due(today)
    overdue = [d for d in due if d.overdue(today)]
    assert overdue
    # a missed midline or endline, not only the ones coming up this week
    assert {d.round for d in overdue} - {Round.BASELINE}
    assert {d.instrument_code for d in due} <= {"WHO5", "GSE"}  # the instruments in use


def test_alerts_open_closed_and_one_unacknowledged(admin: Services) -> None:
    alerts = AlertService(admin.vault.db, admin.vault.actor)
    open_alerts = alerts.open_for_me()
    assert 3 <= len(open_alerts) <= 6
    assert {a.instrument_code for a in open_alerts} == {"CEK-1"}
    assert all(a.item == 4 and a.answer >= 2 for a in open_alerts)
    stale = alerts.unacknowledged(datetime.now(UTC))
    assert len(stale) >= 1 and all(a.acknowledged_at is None for a in stale)
    with admin.vault.db.reading() as session:
        closed = [r.handled for r in session.scalars(select(AssessmentAlert).where(
            AssessmentAlert.is_open.is_(False)))]
    assert closed
    assert all(isinstance(h, dict) and str(h.get("action", "")).strip() for h in closed)
    entries = admin.audit.entries(action="assessments_imported")
    assert len(entries) == 1
    with admin.vault.db.reading() as session:
        assert entries[0].details["count"] == len(list(session.scalars(select(Assessment.id))))


def test_demo_alerts_have_the_layout_the_service_writes(admin: Services) -> None:
    cek = admin.instruments.get("CEK-1")
    assert [i.alert_at for i in cek.items] == [None, None, None, 2]
    with admin.vault.db.reading() as session:
        person = session.scalars(select(Participant.id).where(
            Participant.anonymised_on.is_(None)).order_by(Participant.id)).first()
        assert person is not None
        demo_keys = {frozenset(r.raised) for r in session.scalars(select(AssessmentAlert))
                     if isinstance(r.raised, dict)}
    admin.assessments.record(AssessmentInput(person, "CEK-1", Round.OTHER.value,
                                             date.today(), (1, 1, 0, 3)))
    with admin.vault.db.reading() as session:
        row = session.scalars(select(AssessmentAlert).order_by(
            AssessmentAlert.id.desc())).first()
        newest = row.raised if row is not None else None
    assert isinstance(newest, dict)
    assert demo_keys == {frozenset(newest)}
