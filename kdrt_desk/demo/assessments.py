"""Demo psychosocial assessments (synthetic only): for every woman in a group or who completed
one, WHO-5 and self-efficacy (and self-esteem for about half) at baseline, midline, endline and
the 3- and 6-month follow-ups whose dates have passed, each entered a few days after it fell due.
Most women improve from baseline to endline, some stay flat, some get worse; an item is left out
now and then (so the missing-item rules show), and a few women missed a round (so the "due this
week / overdue" list has work in it).

The centre's own short check-in "CEK-1" (its last item on thoughts of self-harm alerts at 2) is
saved through ``InstrumentService`` and used at midline for about 30 % of the women: a handful of
its answers raise alerts, most still open (one nobody acknowledged for more than a working day),
a few closed through ``AlertService.record_action``.

Every answer sheet passes the service's own check and is scored by ``domain.instruments.score``
(never a made-up score); the alerts are raised with the same sealed layout as
``AssessmentService.record``. The rows are written in bulk (Core inserts, the sealed values bound
to their rows) in one transaction with one audit entry, and the indicators' score ledger is
rebuilt from them in the same transaction.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select

from kdrt_desk.db.session import Database
from kdrt_desk.domain.assessment import (
    PLANNED_ROUNDS,
    AssessmentInput,
    Round,
    round_due_dates,
)
from kdrt_desk.domain.instruments import GSE, RSE, WHO5, Band, Instrument, Item, score
from kdrt_desk.domain.training import EnrolmentStatus
from kdrt_desk.models import Assessment, AssessmentAlert, Enrolment, Participant, TrainingGroup
from kdrt_desk.models.sealed import bind, new_seal_id
from kdrt_desk.repositories import score_ledger
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.alerts import AlertService
from kdrt_desk.services.assessment_validation import check_assessment
from kdrt_desk.services.instruments import InstrumentService

CHUNK = 5000
DEMO_IN_USE = ("WHO5", "GSE")  # the programme's rounds; RSE and CEK-1 are entered as extras
RSE_SHARE = 0.5
CEK_SHARE = 0.3
MISSED_ROUND_SHARE = 0.06  # a woman not seen for a round: it shows as overdue
LATE_DAYS = 5  # entered up to this many days after the round fell due
TRENDS = ("up",) * 13 + ("flat",) * 4 + ("down",) * 3  # 65 % improve, 20 % flat, 15 % worse
OPEN_ALERTS = (3, 6)
CLOSED_ALERTS = (2, 3)
ACKNOWLEDGED, UNACKNOWLEDGED, CLOSED = "acknowledged", "unacknowledged", "closed"
ACTIONS = (
    "Konselor menelepon Ibu pada hari yang sama, membuat rencana keselamatan bersama, dan "
    "menjadwalkan konseling lanjutan minggu ini.",
    "Kunjungan rumah oleh konselor bersama pendamping; Ibu dirujuk ke psikolog puskesmas dan "
    "sudah mendapat jadwal.",
    "Ibu ditemui setelah sesi kelompok; ia aman bersama saudaranya. Konseling individu "
    "dijadwalkan dua kali seminggu.",
)

CEK1 = Instrument(
    code="CEK-1", version=1,
    name_en="Brief check-in", name_id="Cek singkat perasaan",
    credit="Instrumen pusat (demo), disusun oleh tim konselor.",
    instructions_en="Over the past week, how often have you felt this way?",
    instructions_id="Selama seminggu terakhir, seberapa sering Ibu merasakan hal ini?",
    items=(
        Item("I felt anxious or on edge", "Saya merasa cemas atau gelisah"),
        Item("I felt down or hopeless", "Saya merasa sedih atau putus asa"),
        Item("I had trouble sleeping", "Saya sulit tidur"),
        Item("I had thoughts of hurting myself", "Saya terpikir untuk menyakiti diri sendiri",
             alert_at=2),
    ),
    scale_min=0, scale_max=3,
    labels_en=("Not at all", "Several days", "More than half the days", "Nearly every day"),
    labels_id=("Tidak sama sekali", "Beberapa hari", "Lebih dari separuh hari",
               "Hampir setiap hari"),
    bands=(Band("ok", "Little distress", "Sedikit tertekan", below=6.0),
           Band("high", "Much distress: talk with her", "Sangat tertekan: ajak bicara",
                flag=True)),
    standard=False,
)


@dataclass(frozen=True)
class DemoAssessments:
    assessments: int
    open_alerts: int
    closed_alerts: int


@dataclass(frozen=True)
class _Member:
    pid: int
    registered_on: date
    case_worker: str
    group_id: int
    start: date
    end: date
    enrolled_on: date
    completed_on: date | None


@dataclass
class _Sheet:
    pid: int
    instrument: Instrument
    round: Round
    day: date
    group_id: int
    answers: tuple[int | None, ...]
    case_worker: str
    registered_on: date


def _spread(rng: random.Random, count: int, low: int, high: int, total: int) -> list[int]:
    """``count`` item scores on ``low``..``high`` adding up to ``total`` (clamped to the range)."""
    width = high - low
    total = max(low * count, min(high * count, total))
    scores = [low] * count
    for slot in rng.sample(range(count * width), total - low * count):
        scores[slot // width] += 1  # each item has ``width`` points to take up
    return scores


def _sheet_answers(rng: random.Random, instrument: Instrument, total: int
                   ) -> tuple[int | None, ...]:
    """An answer sheet whose item scores add up to ``total``; reversed items answered the other
    way round; an item left out now and then (two, rarely)."""
    low, high = instrument.scale_min, instrument.scale_max
    scores = _spread(rng, len(instrument.items), low, high, total)
    answers: list[int | None] = [low + high - s if item.reverse else s
                                 for item, s in zip(instrument.items, scores, strict=True)]
    chance = rng.random()
    left_out = 2 if chance < 0.01 else 1 if chance < 0.05 else 0
    for index in rng.sample(range(len(answers)), left_out):
        answers[index] = None
    return tuple(answers)


# the total (sum of item scores) at baseline, and its change to endline by trend
_BASELINE = {"WHO5": (5, 16), "GSE": (16, 28), "RSE": (9, 20)}
_CHANGE = {"WHO5": {"up": (2, 8), "flat": (-1, 1), "down": (-5, -2)},
           "GSE": {"up": (3, 10), "flat": (-1, 1), "down": (-6, -2)},
           "RSE": {"up": (2, 7), "flat": (-1, 1), "down": (-4, -2)}}


def _totals(rng: random.Random, code: str, trend: str) -> dict[Round, int]:
    """Her totals per round: baseline, halfway at midline, the change at endline, about kept
    at the follow-ups."""
    base = rng.randint(*_BASELINE[code])
    change = rng.randint(*_CHANGE[code][trend])
    end = base + change
    return {Round.BASELINE: base, Round.MIDLINE: base + round(change / 2 + rng.uniform(-1, 1)),
            Round.ENDLINE: end, Round.FOLLOW_UP_3: end + rng.randint(-2, 1),
            Round.FOLLOW_UP_6: end + rng.randint(-2, 2)}


def _members(db: Database) -> list[_Member]:
    """Each woman's first group she is in or completed (one set of rounds per woman)."""
    with db.reading() as session:
        rows = session.execute(
            select(Participant.id, Participant.registered_on, Participant.case_worker,
                   TrainingGroup.id, TrainingGroup.start_date, TrainingGroup.end_date,
                   Enrolment.enrolled_on, Enrolment.ended_on, Enrolment.status)
            .join(Enrolment, Enrolment.participant_id == Participant.id)
            .join(TrainingGroup, TrainingGroup.id == Enrolment.group_id)
            .where(Participant.anonymised_on.is_(None),
                   Enrolment.status.in_((EnrolmentStatus.ACTIVE.value,
                                         EnrolmentStatus.COMPLETED.value)))
            .order_by(Participant.id, Enrolment.enrolled_on, Enrolment.id)).all()
    members: dict[int, _Member] = {}
    for pid, registered, worker, gid, start, end, enrolled, ended, status in rows:
        if pid not in members:
            completed = ended if status == EnrolmentStatus.COMPLETED.value else None
            members[pid] = _Member(pid, registered, worker or "", gid, start, end, enrolled,
                                   completed)
    return list(members.values())


def _rounds(member: _Member, today: date) -> list[tuple[Round, date]]:
    """The planned rounds whose time has come: baseline, midline once the midpoint passed,
    endline once the term ended, follow-ups once their date passed after she completed."""
    dates = round_due_dates(member.start, member.end, member.enrolled_on, member.completed_on)
    due: list[tuple[Round, date]] = []
    for round_ in PLANNED_ROUNDS:
        day = dates[round_]
        if day > today:
            continue
        if round_ in (Round.FOLLOW_UP_3, Round.FOLLOW_UP_6) and member.completed_on is None:
            continue
        due.append((round_, day))
    return due


def _sheets(rng: random.Random, member: _Member, today: date, cek: Instrument
            ) -> list[_Sheet]:
    trend = rng.choice(TRENDS)
    codes: list[Instrument] = [WHO5, GSE] + ([RSE] if rng.random() < RSE_SHARE else [])
    totals = {i.code: _totals(rng, i.code, trend if rng.random() < 0.8 else rng.choice(TRENDS))
              for i in codes}
    sheets: list[_Sheet] = []
    for round_, due_on in _rounds(member, today):
        if round_ != Round.BASELINE and rng.random() < MISSED_ROUND_SHARE:
            continue  # not seen for this round: overdue on the list
        day = min(max(due_on + timedelta(days=rng.randint(0, LATE_DAYS)), member.registered_on),
                  today)
        for instrument in codes:
            sheets.append(_Sheet(member.pid, instrument, round_, day, member.group_id,
                                 _sheet_answers(rng, instrument,
                                                totals[instrument.code][round_]),
                                 member.case_worker, member.registered_on))
        if round_ == Round.MIDLINE and rng.random() < CEK_SHARE:
            answers = tuple(rng.choice((0, 0, 1, 1, 2)) for _ in range(3)) + (
                rng.choice((0, 0, 0, 1)),)  # below the alert level; a few raised below
            sheets.append(_Sheet(member.pid, cek, round_, day, member.group_id, answers,
                                 member.case_worker, member.registered_on))
    return sheets


def _raise_alerts(rng: random.Random, sheets: list[_Sheet], code: str, today: date
                  ) -> dict[int, str]:
    """A handful of the newest check-ins answered at the alert level on the self-harm item:
    most stay open (acknowledged), one nobody acknowledged for days, a few older ones closed.
    What becomes of each, by the sheet's ``id()``."""
    checks = sorted((s for s in sheets if s.instrument.code == code),
                    key=lambda s: (s.day, s.pid), reverse=True)
    open_count, closed_count = rng.randint(*OPEN_ALERTS), rng.randint(*CLOSED_ALERTS)
    # older than a working day whenever she was entered: four days hold two working days
    stale = next((s for s in checks if s.day <= today - timedelta(days=4)), None)
    others = [s for s in checks if s is not stale]
    acknowledged = open_count - (stale is not None)
    fates = {id(s): ACKNOWLEDGED for s in others[:acknowledged]}
    fates.update({id(s): CLOSED for s in others[acknowledged:acknowledged + closed_count]})
    if stale is not None:
        fates[id(stale)] = UNACKNOWLEDGED
    for sheet in checks:
        if id(sheet) in fates:
            sheet.answers = sheet.answers[:-1] + (rng.choice((2, 2, 3)),)
    return fates


def _entered_at(day: date, rng: random.Random, now: datetime) -> datetime:
    """When it was typed in: that afternoon (local, UTC+7), never after now."""
    moment = datetime.combine(day, time(rng.randint(6, 9), rng.randint(0, 59)), tzinfo=UTC)
    return min(moment, now)


def insert_demo_assessments(db: Database, actor: Actor, seed: int, today: date
                            ) -> DemoAssessments:
    """The demo's instruments in use, CEK-1, the assessments and their alerts; the counts."""
    actor.require(Permission.EDIT_RESTRICTED)
    rng = random.Random(seed + 17)
    instruments = InstrumentService(db, actor)
    cek = instruments.save_custom(CEK1)
    instruments.set_in_use(DEMO_IN_USE)
    now = datetime.now(UTC)
    sheets = [sheet for member in _members(db)
              for sheet in _sheets(rng, member, today, cek)]
    fates = _raise_alerts(rng, sheets, cek.code, today)
    rows: list[dict[str, Any]] = []
    raised: list[tuple[_Sheet, datetime]] = []
    with db.transaction() as session:
        for sheet in sheets:
            round_, day, answers = check_assessment(
                AssessmentInput(sheet.pid, sheet.instrument.code, sheet.round.value, sheet.day,
                                sheet.answers, sheet.group_id),
                sheet.instrument, registered_on=sheet.registered_on, today=today)
            result = score(sheet.instrument, answers)
            entered = _entered_at(day, rng, now)
            if id(sheet) in fates:
                raised.append((sheet, entered))
                continue  # written below, through the ORM, with its alert
            seal = new_seal_id()
            rows.append({"seal_id": seal, "participant_id": sheet.pid,
                         "instrument_code": sheet.instrument.code,
                         "instrument_version": sheet.instrument.version,
                         "round": round_.value, "group_id": sheet.group_id,
                         "assessed_on": day, "recorded_by": actor.username,
                         "recorded_at": entered,
                         "answers": bind(db.keys, list(answers), seal, sheet.pid),
                         "score": bind(db.keys, result.to_json(), seal, sheet.pid)})
            if len(rows) >= CHUNK:
                session.execute(insert(Assessment), rows)
                rows = []
        if rows:
            session.execute(insert(Assessment), rows)
        to_close: list[int] = []
        for sheet, entered in sorted(raised, key=lambda r: r[1]):
            result = score(sheet.instrument, sheet.answers)
            row = Assessment(participant_id=sheet.pid, instrument_code=sheet.instrument.code,
                             instrument_version=sheet.instrument.version,
                             round=sheet.round.value, group_id=sheet.group_id,
                             assessed_on=sheet.day, recorded_by=actor.username,
                             recorded_at=entered, answers=list(sheet.answers),
                             score=result.to_json())
            session.add(row)
            session.flush()
            fate = fates[id(sheet)]
            seen = min(entered + timedelta(hours=rng.randint(1, 5)), now)
            for item in result.alerts:  # the layout of ``AssessmentService.record``
                alert = AssessmentAlert(is_open=True, raised={
                    "participant_id": sheet.pid, "assessment_id": row.id,
                    "instrument": sheet.instrument.code,
                    "version": sheet.instrument.version, "item": item,
                    "answer": sheet.answers[item - 1], "raised_at": entered.isoformat(),
                    "raised_by": actor.username,
                    "assigned_to": [sheet.case_worker] if sheet.case_worker else []},
                    handled={"acknowledged_at": seen.isoformat(),
                             "acknowledged_by": sheet.case_worker or actor.username}
                    if fate == ACKNOWLEDGED else None)
                session.add(alert)
                session.flush()
                if fate == CLOSED:
                    to_close.append(alert.id)
        score_ledger.rebuild(session)  # the indicators' sealed ledger, after a bulk import
        audit_log.append(session, actor.username, "assessments_imported",
                         details={"count": len(sheets), "source": "synthetic demo"})
    service = AlertService(db, actor)  # what was done, recorded as staff would
    for alert_id in to_close:
        service.record_action(alert_id, rng.choice(ACTIONS))
    alerts = sum(len(score(s.instrument, s.answers).alerts) for s, _entered in raised)
    return DemoAssessments(len(sheets), alerts - len(to_close), len(to_close))
