"""Reproducible synthetic services, referrals and consent paperwork for accepted participants."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from kdrt_desk.domain.care import ServiceInput
from kdrt_desk.domain.enums import Need, ParticipantStatus, ServiceKind, ServiceStatus
from kdrt_desk.synthetic import names

# Statuses after an accepted decision: these women receive services.
IN_PROGRAMME = frozenset({ParticipantStatus.ACCEPTED, ParticipantStatus.ENROLLED,
                          ParticipantStatus.COMPLETED, ParticipantStatus.DROPPED_OUT})
SIGNED_FORM_SHARE = 0.88
WITHDRAWAL_SHARE = 0.004  # a few withdraw consent to data use (and are anonymised)
URGENT_REFERRAL_SHARE = 0.3  # of waitlisted participants, referred while they wait

# Partners the demo adds next to the five the migration seeds: (name, kind, contact person).
DEMO_PARTNERS = (
    ("RSUD Palembang BARI", "health", ""),
    ("Dinas Sosial Kota Palembang", "government", ""),
    ("Praktik Psikolog Mitra Harapan (demo)", "psychologist", "Psikolog jaga"),
)
LBH = "LBH Palembang"
UPTD = "UPTD PPA Kota Palembang"
WCC = "WCC Palembang"
POLICE = "Unit PPA Polrestabes Palembang"
HOSPITAL, SOCIAL_AFFAIRS, PSYCHOLOGIST = (p[0] for p in DEMO_PARTNERS)

_COUNSELLING_NOTES = (
    "Sesi {n}: membangun rasa aman; latihan pernapasan untuk saat cemas.",
    "Sesi {n}: ia bercerita tentang rasa bersalah; dinormalisasi, disarankan ikut kelompok "
    "dukungan.",
    "Sesi {n}: tidur mulai membaik; membahas dukungan dari keluarga.",
    "Sesi {n}: menyusun langkah kecil untuk minggu depan; suasana hati lebih stabil.",
    "Sesi {n}: meninjau rencana keselamatan bersama; ia tahu harus menghubungi siapa.",
)
_LEGAL_NOTES = (
    "Dijelaskan hak-hak menurut UU PKDRT dan cara melapor ke Unit PPA.",
    "Dibantu menyiapkan dokumen untuk gugatan cerai di Pengadilan Agama.",
    "Konsultasi soal hak asuh anak dan nafkah; ia akan memutuskan setelah berdiskusi dengan "
    "keluarga.",
    "Didampingi saat membuat laporan polisi; berkas diterima.",
)
_HEALTH_NOTES = ("Visum dan pemeriksaan luka ringan; kontrol seminggu lagi.",
                 "Pemeriksaan kesehatan umum; dirujuk ke poli jiwa untuk gangguan tidur.")
_SAFE_HOUSE_NOTES = ("Tinggal di rumah aman UPTD PPA selama dua minggu bersama anaknya.",
                     "Ditawari rumah aman; ia memilih tinggal di rumah kakaknya.")
_ECONOMIC_NOTES = ("Didaftarkan ke program bantuan sosial; menunggu verifikasi data.",
                   "Menerima bantuan modal usaha kecil untuk berjualan kue.")
_HEALTH_PLACES = ("Puskesmas Plaju", "Puskesmas Kertapati", "Puskesmas Sei Baung",
                  "Puskesmas Merdeka", "Puskesmas Sekip")


@dataclass(frozen=True)
class CareCandidate:
    """One participant as the demo sees her: status, dates, and the needs from her screening."""

    participant_id: int
    status: ParticipantStatus
    registered_on: date
    start: date  # the first day a service fits: her latest decision, screening or registration
    needs: frozenset[Need]


class _Generator:
    def __init__(self, seed: int, today: date, partners: Mapping[str, int]) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.partners = partners
        self.psychologists = [
            f"{self.rng.choice(names.WOMEN_GIVEN_NAMES)} {self.rng.choice(names.FAMILY_NAMES)}, "
            "M.Psi., Psikolog" for _ in range(4)]

    def partner(self, name: str) -> int | None:
        return self.partners.get(name)

    def day(self, start: date, most: int) -> date:
        room = max(0, min(most, (self.today - start).days))
        return start + timedelta(days=self.rng.randint(0, room))

    def status(self, on: date, ongoing_days: int = 21) -> ServiceStatus:
        if self.rng.random() < 0.05:
            return ServiceStatus.DECLINED
        if (self.today - on).days <= ongoing_days:
            return ServiceStatus.IN_PROGRESS if self.rng.random() < 0.6 else ServiceStatus.REFERRED
        return ServiceStatus.DONE

    def service(self, person: CareCandidate, kind: ServiceKind, on: date, partner: str | None,
                provider_note: str, notes: Sequence[str], n: int = 1) -> ServiceInput:
        status = self.status(on)
        note = ""
        if status in (ServiceStatus.DONE, ServiceStatus.IN_PROGRESS) and self.rng.random() < 0.8:
            note = self.rng.choice(notes).format(n=n)
        return ServiceInput(participant_id=person.participant_id, kind=kind, service_date=on,
                            partner_id=self.partner(partner) if partner else None,
                            provider_note=provider_note, status=status, outcome_note=note)

    def counselling(self, person: CareCandidate) -> list[ServiceInput]:
        """A run of sessions a week or three apart: done, the latest perhaps still going."""
        rng = self.rng
        at_wcc = rng.random() < 0.25
        psychologist = rng.choice(self.psychologists)
        partner, provider = None, psychologist
        if at_wcc:
            partner, provider = WCC, "Konselor WCC"
        elif rng.random() < 0.2 and self.partner(PSYCHOLOGIST) is not None:
            partner, provider = PSYCHOLOGIST, "Psikolog klinis"
        made: list[ServiceInput] = []
        on = self.day(person.start, 14)
        for n in range(1, rng.randint(1, 6) + 1):
            if on > self.today:
                break
            session = self.service(person, ServiceKind.COUNSELLING, on, partner, provider,
                                   _COUNSELLING_NOTES, n)
            if n > 1 and session.status == ServiceStatus.DECLINED:  # only a first offer
                session.status = ServiceStatus.DONE
            made.append(session)
            if session.status == ServiceStatus.DECLINED:
                break
            on += timedelta(days=rng.randint(7, 21))
        return made

    def for_person(self, person: CareCandidate) -> list[ServiceInput]:
        rng = self.rng
        needs = person.needs or frozenset({Need.PSYCHOSOCIAL})
        if person.status == ParticipantStatus.WAITLISTED:
            if rng.random() >= URGENT_REFERRAL_SHARE:
                return []
            kind = ServiceKind.LEGAL_CONSULTATION if Need.LEGAL_AID in needs \
                else ServiceKind.COUNSELLING
            partner = LBH if kind == ServiceKind.LEGAL_CONSULTATION else WCC
            return [self.service(person, kind, self.day(person.start, 10), partner, "",
                                 _LEGAL_NOTES if partner == LBH else _COUNSELLING_NOTES)]
        made: list[ServiceInput] = []
        if Need.PSYCHOSOCIAL in needs or rng.random() < 0.4:
            made.extend(self.counselling(person))
        if Need.LEGAL_AID in needs:
            made.append(self.service(person, ServiceKind.LEGAL_CONSULTATION,
                                     self.day(person.start, 30), LBH, "Advokat LBH",
                                     _LEGAL_NOTES))
            if rng.random() < 0.4:
                made.append(self.service(
                    person, ServiceKind.LEGAL_ACCOMPANIMENT, self.day(person.start, 60),
                    UPTD if rng.random() < 0.7 else POLICE, "Pendamping hukum", _LEGAL_NOTES))
        if Need.HEALTH in needs:
            hospital = rng.random() < 0.3 and self.partner(HOSPITAL) is not None
            made.append(self.service(person, ServiceKind.HEALTH, self.day(person.start, 30),
                                     HOSPITAL if hospital else None,
                                     "" if hospital else rng.choice(_HEALTH_PLACES),
                                     _HEALTH_NOTES))
        if Need.HOUSING in needs:
            made.append(self.service(person, ServiceKind.SAFE_HOUSE, self.day(person.start, 7),
                                     UPTD, "Rumah aman UPTD PPA", _SAFE_HOUSE_NOTES))
        if Need.ECONOMIC in needs and rng.random() < 0.25:
            made.append(self.service(person, ServiceKind.ECONOMIC_AID,
                                     self.day(person.start, 90), SOCIAL_AFFAIRS,
                                     "Program bantuan sosial", _ECONOMIC_NOTES))
        return made


def generate_services(people: Sequence[CareCandidate], partners: Mapping[str, int],
                      seed: int = 2026, today: date | None = None) -> list[ServiceInput]:
    """Services and referrals for the participants in the programme (and a few urgent referrals
    for waitlisted ones), dated between her screening and ``today``. ``partners`` maps partner
    names to ids; a partner that is missing turns into a service given by the centre itself."""
    generator = _Generator(seed, today or date.today(), partners)
    made: list[ServiceInput] = []
    for person in people:
        if person.status in IN_PROGRAMME or person.status == ParticipantStatus.WAITLISTED:
            made.extend(generator.for_person(person))
    return made


def signed_forms(people: Sequence[CareCandidate], seed: int = 2026,
                 today: date | None = None) -> list[tuple[int, date]]:
    """(participant id, day signed) for most participants: within a week of registering."""
    rng = random.Random(seed + 1)
    last = today or date.today()
    signed: list[tuple[int, date]] = []
    for person in people:
        if rng.random() < SIGNED_FORM_SHARE:
            room = max(0, min(7, (last - person.registered_on).days))
            signed.append((person.participant_id,
                           person.registered_on + timedelta(days=rng.randint(0, room))))
    return signed


def withdrawals(people: Sequence[CareCandidate], seed: int = 2026,
                today: date | None = None) -> list[tuple[int, date]]:
    """(participant id, day withdrawn) for a few participants: at least one in 250."""
    rng = random.Random(seed + 2)
    last = today or date.today()
    older = [p for p in people if (last - p.registered_on).days >= 30]
    count = min(len(older), max(1, round(len(people) * WITHDRAWAL_SHARE))) if people else 0
    chosen = rng.sample(older, count)
    return [(p.participant_id, p.registered_on
             + timedelta(days=rng.randint(30, (last - p.registered_on).days)))
            for p in sorted(chosen, key=lambda p: p.participant_id)]


# why the demo's admin took back a withdrawal the staff recorded (synthetic, no one's words)
DEMO_REJECTION_REASON = ("Dicatat pada peserta yang salah; peserta ini tidak menarik "
                         "persetujuannya (dicek ulang dengan formulir).")


def withdrawal_requests(candidates: Sequence[int], seed: int = 2026) -> list[int]:
    """Two participants (of ``candidates``, ids with consent given) whose withdrawal a staff
    member records, for an Admin or Konselor to confirm or take back."""
    rng = random.Random(seed + 3)
    return sorted(rng.sample(list(candidates), min(2, len(candidates))))
