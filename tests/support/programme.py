"""A small training programme built through the services, for the training tests.

Two venues, two facilitators (one linked to the ``fasilitator1`` login when it exists), a group
following two default modules, and accepted participants enrolled in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from kdrt_desk.domain.enums import DecisionOutcome, RiskLevel, RiskReason
from kdrt_desk.domain.screening import DecisionInput, ScreeningInput
from kdrt_desk.domain.training import (
    FacilitatorInput,
    FacilitatorType,
    GroupInput,
    SessionInput,
    VenueFeature,
    VenueInput,
)
from kdrt_desk.models import StaffAccount
from kdrt_desk.wiring import Services
from support.participant_samples import TODAY, sample

REQUIRED = {"adult_woman", "kdrt_survivor", "lives_in_palembang", "consent_given",
            "not_acute_crisis", "can_attend"}
FIRST_NAMES = ("Siti", "Nur", "Dewi", "Rina", "Yuni", "Sri", "Lina", "Wati", "Fitri", "Ani",
               "Rosa", "Maya", "Intan", "Putri", "Ratna", "Eka", "Desi", "Lia", "Tuti", "Umi",
               "Vivi", "Yanti", "Zahra", "Ayu", "Bunga", "Citra", "Dian", "Elsa", "Fira", "Gita")
PERIOD = (date(2026, 9, 1), date(2026, 12, 31))


@dataclass
class Programme:
    group_id: int
    modules: dict[str, int]  # code -> id
    venue_id: int
    kitchen_id: int
    facilitators: dict[str, int]  # "psychologist", "trainer" -> id
    participants: list[int] = field(default_factory=list)


def accepted(services: Services, count: int, start: int = 0, risk: RiskLevel = RiskLevel.LOW,
             kecamatan: str = "Plaju") -> list[int]:
    """Register, screen and accept ``count`` participants; returns their ids."""
    ids = []
    for n in range(start, start + count):
        name = f"{FIRST_NAMES[n % len(FIRST_NAMES)]} Uji {n:03d}"
        pid = services.participants.register(
            sample(full_name=name, preferred_name=f"Bu {n:03d}", nik="", phone="",
                   kecamatan=kecamatan, kelurahan=""), today=TODAY).id
        screening = services.screening.create(ScreeningInput(
            participant_id=pid, screened_on=date(2026, 11, 22), risk_level=risk,
            risk_reasons={RiskReason.THREATS} if risk is RiskLevel.HIGH else set(),
            criteria_met=REQUIRED), today=TODAY)
        services.decisions.decide(DecisionInput(screening_id=screening.id,
                                                outcome=DecisionOutcome.ACCEPTED,
                                                decided_on=date(2026, 11, 23)), today=TODAY)
        ids.append(pid)
    return ids


def build(services: Services, members: int = 5, link_login: str = "") -> Programme:
    """The programme above; ``link_login`` names a facilitator account to link to the
    psychologist. Participants are registered on 20 November, so they join from then on."""
    modules = {m.code: m.id for m in services.catalogue.modules()}
    hall = services.catalogue.save_venue(VenueInput(
        name="Aula Kelurahan Plaju Ulu", address="Jl. Kapten Robani 3", kecamatan="Plaju",
        capacity=25, features={VenueFeature.PRIVATE_ROOM, VenueFeature.PROJECTOR},
        childcare=True))
    kitchen = services.catalogue.save_venue(VenueInput(
        name="Dapur Bersama Kemuning", kecamatan="Kemuning", capacity=12,
        features={VenueFeature.KITCHEN}))
    account = None
    if link_login:
        with services.vault.db.reading() as session:
            account = session.query(StaffAccount.id).filter_by(username=link_login).scalar()
    psychologist = services.catalogue.save_facilitator(FacilitatorInput(
        name="Dra. Hj. Rahmawati, Psi.", type=FacilitatorType.PSYCHOLOGIST,
        organisation="WCC Palembang", module_ids={modules["SOS-01"], modules["SOS-03"]},
        staff_account_id=account))
    trainer = services.catalogue.save_facilitator(FacilitatorInput(
        name="Ibu Mariani", type=FacilitatorType.TRAINER, organisation="LPK Sriwijaya",
        module_ids={modules["EKO-02"], modules["SOS-02"]}))
    group = services.groups.save(GroupInput(
        name="Angkatan 1 Plaju", kecamatan="Plaju", start_date=PERIOD[0], end_date=PERIOD[1],
        venue_id=hall.id, module_ids=[modules["SOS-01"], modules["SOS-02"]],
        facilitator_ids={psychologist.id, trainer.id}))
    programme = Programme(group.id, modules, hall.id, kitchen.id,
                          {"psychologist": psychologist.id, "trainer": trainer.id})
    if members:
        programme.participants = accepted(services, members)
        services.groups.enrol(group.id, programme.participants, on=date(2026, 11, 20))
    return programme


def session_on(programme: Programme, day: date, start: int = 9, end: int = 11,
               module: str = "SOS-01", facilitator: str = "psychologist",
               venue_id: int | None = None, topic: str = "") -> SessionInput:
    return SessionInput(group_id=programme.group_id, module_id=programme.modules[module],
                        session_date=day, start_time=time(start), end_time=time(end),
                        venue_id=venue_id or programme.venue_id,
                        facilitator_id=programme.facilitators[facilitator], topic=topic)


def enrolled(services: Services, group_id: int, **changes: object) -> int:
    """A participant made from ``sample(**changes)`` (no NIK), screened, accepted and enrolled
    in ``group_id`` on 24 November 2026; her id."""
    pid = services.participants.register(sample(nik="", **changes), today=TODAY).id
    screening = services.screening.create(ScreeningInput(
        participant_id=pid, screened_on=date(2026, 11, 22), criteria_met=REQUIRED), today=TODAY)
    services.decisions.decide(DecisionInput(screening_id=screening.id,
                                            outcome=DecisionOutcome.ACCEPTED,
                                            decided_on=date(2026, 11, 23)), today=TODAY)
    services.groups.enrol(group_id, [pid], on=date(2026, 11, 24))
    return pid
