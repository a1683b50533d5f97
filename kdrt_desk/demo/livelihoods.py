"""Demo livelihood follow-ups and business capital (synthetic only): for women who completed a
group or are in one, 1-4 follow-ups from her enrolment on, along mixed trajectories (income up,
flat or down, some still depending on the abuser), and capital for about 30 % of them (grants,
and loans with repayments). Every record passes the service's own checks before it is stored."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select

from kdrt_desk.db.session import Database
from kdrt_desk.domain.livelihood import (
    BusinessKind,
    CapitalInput,
    CapitalKind,
    LivelihoodInput,
    LivelihoodStatus,
    SalesChannel,
    capital_to_dict,
    livelihood_to_dict,
)
from kdrt_desk.domain.training import EnrolmentStatus
from kdrt_desk.models import BusinessCapital, Enrolment, LivelihoodRecord, Participant, Partner
from kdrt_desk.repositories import livelihood_ledger
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.livelihood_validation import validate_capital, validate_livelihood

TRAJECTORIES = ("up", "up", "up", "flat", "down", "dependent")
CAPITAL_SHARE = 0.3
NOTES = ("", "", "Mulai terima pesanan arisan", "Ikut bazar kelurahan", "Modal habis untuk "
         "sekolah anak", "Dibantu tetangga memasarkan")


@dataclass(frozen=True)
class DemoLivelihoods:
    records: int
    capital: int


def _round(value: float) -> int:
    return max(0, int(round(value / 50_000)) * 50_000)


def _records(rng: random.Random, start: date, today: date
             ) -> list[LivelihoodInput]:
    """1-4 follow-ups between ``start`` and ``today`` along one trajectory."""
    span = (today - start).days
    count = min(rng.randint(1, 4), 1 + span // 45)
    days = sorted({start + timedelta(days=round(span * i / max(count - 1, 1)))
                   for i in range(count)}) if count > 1 else [start + timedelta(days=span // 2)]
    trend = rng.choice(TRAJECTORIES)
    kind = rng.choice(list(BusinessKind))
    income = rng.choice((0, 0, 300_000, 500_000, 750_000))
    dependent = rng.random() < 0.7
    made = []
    for index, day in enumerate(days):
        step = index / max(len(days) - 1, 1)
        if trend == "up":
            income = _round(income + rng.randint(200_000, 900_000) * (index > 0))
        elif trend == "down":
            income = _round(income * rng.uniform(0.5, 0.9)) if index else income
        elif trend == "flat":
            income = _round(income * rng.uniform(0.9, 1.1))
        if trend != "dependent" and step >= 0.5 and rng.random() < 0.6:
            dependent = False
        if index == 0 and income == 0:
            status = rng.choice((LivelihoodStatus.NONE, LivelihoodStatus.PLANNING))
        elif trend == "up" and rng.random() < 0.25:
            status = LivelihoodStatus.EMPLOYED
        else:
            status = LivelihoodStatus.BUSINESS if income else LivelihoodStatus.PLANNING
        business = status is LivelihoodStatus.BUSINESS
        channels = tuple(rng.sample(list(SalesChannel), rng.randint(1, 2))) if business else ()
        made.append(LivelihoodInput(
            recorded_on=day, status=status, business_kind=kind if business else None,
            monthly_income=income, savings=_round(income * rng.uniform(0, 1.5)),
            covers_basic_needs=income >= 1_500_000, depends_on_abuser=dependent,
            channels=channels, note=rng.choice(NOTES), confirmed=True))
    return made


def _capital(rng: random.Random, start: date, today: date, partners: list[int]
             ) -> CapitalInput:
    given = start + timedelta(days=rng.randint(0, max((today - start).days // 2, 0)))
    amount = rng.choice((500_000, 1_000_000, 1_500_000, 2_000_000, 3_000_000))
    if rng.random() < 0.5:
        return CapitalInput(given, amount, rng.choice([None, *partners]), "Peralatan usaha",
                            CapitalKind.GRANT, confirmed=True)
    instalment = amount // rng.choice((5, 10))
    payments: list[tuple[date, int]] = []
    day = given + timedelta(days=30)
    while day <= today and sum(p for _d, p in payments) + instalment <= amount \
            and rng.random() < 0.85:
        payments.append((day, instalment))
        day += timedelta(days=30)
    return CapitalInput(given, amount, rng.choice([None, *partners]), "Modal bahan baku",
                        CapitalKind.LOAN, tuple(payments), confirmed=True)


def insert_demo_livelihoods(db: Database, actor: Actor, seed: int, today: date
                            ) -> DemoLivelihoods:
    """Follow-ups and capital for women in a group or who completed one; the counts."""
    actor.require(Permission.EDIT_PARTICIPANT)
    rng = random.Random(seed + 11)
    with db.reading() as session:
        people = session.execute(
            select(Participant.id, Participant.registered_on,
                   func.min(Enrolment.enrolled_on))
            .join(Enrolment, Enrolment.participant_id == Participant.id)
            .where(Participant.anonymised_on.is_(None),
                   Enrolment.status.in_((EnrolmentStatus.ACTIVE.value,
                                         EnrolmentStatus.COMPLETED.value)))
            .group_by(Participant.id, Participant.registered_on)
            .order_by(Participant.id)).all()
        partners = list(session.scalars(select(Partner.id).where(Partner.active.is_(True))))
    now = datetime.now(UTC)
    rows: list[LivelihoodRecord | BusinessCapital] = []
    records = capital = 0
    for pid, registered_on, enrolled_on in people:
        start = max(registered_on, enrolled_on or registered_on)
        if start > today:
            continue
        for data in _records(rng, start, today):
            clean = validate_livelihood(data, registered_on=registered_on, today=today)
            rows.append(LivelihoodRecord(
                participant_id=pid, recorded_on=clean.recorded_on, recorded_by=actor.username,
                recorded_at=now, details=livelihood_to_dict(
                    clean.status, clean.business_kind, clean.monthly_income, clean.savings,
                    clean.covers_basic_needs, clean.depends_on_abuser, clean.channels,
                    clean.note)))
            records += 1
        if rng.random() < CAPITAL_SHARE:
            money = validate_capital(_capital(rng, start, today, partners),
                                     registered_on=registered_on, today=today,
                                     partners=partners)
            rows.append(BusinessCapital(
                participant_id=pid, given_on=money.given_on, recorded_by=actor.username,
                recorded_at=now, details=capital_to_dict(money.amount, money.source,
                                                         money.purpose, money.kind,
                                                         money.repayments)))
            capital += 1
    with db.transaction() as session:
        session.add_all(rows)
        session.flush()
        livelihood_ledger.rebuild(session)  # what the indicators read, in step
        audit_log.append(session, actor.username, "livelihoods_imported",
                         details={"records": records, "capital": capital,
                                  "source": "synthetic demo"})
    return DemoLivelihoods(records, capital)
