"""Reproducible synthetic screenings and decisions that agree with each participant's status."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from kdrt_desk.domain.enums import (
    Barrier,
    DecisionOutcome,
    Need,
    NotEligibleReason,
    ParticipantStatus,
    RiskLevel,
    RiskReason,
    Skill,
)
from kdrt_desk.domain.screening import DecisionInput, ScreeningInput
from kdrt_desk.synthetic.participants import Weighted

# The demo accounts (``kdrt-desk demo``): case workers screen, an admin confirms and vice versa.
SCREENERS = Weighted([("konselor", 80), ("admin", 20)])
REQUIRED_CRITERIA = ("adult_woman", "kdrt_survivor", "lives_in_palembang", "consent_given",
                     "not_acute_crisis", "can_attend")
WEIGHTED_CRITERIA = (("economic_dependence", 0.55), ("cares_for_children", 0.7),
                     ("low_income", 0.6), ("no_other_support", 0.65), ("wants_skills", 0.85))
UNMET_BY_REASON = {
    NotEligibleReason.UNDER_AGE: "adult_woman", NotEligibleReason.NOT_SURVIVOR: "kdrt_survivor",
    NotEligibleReason.OUTSIDE_PALEMBANG: "lives_in_palembang",
    NotEligibleReason.NO_CONSENT: "consent_given",
    NotEligibleReason.ACUTE_CRISIS: "not_acute_crisis",
    NotEligibleReason.CANNOT_ATTEND: "can_attend",
}
DEFAULT_PARTNER_IDS = (1, 2, 3, 4, 5)  # the partners the migration seeds
REPEAT_SHARE = 0.12  # of the participants with a decision, screened a second time

_RISK = Weighted([(RiskLevel.LOW, 58), (RiskLevel.MEDIUM, 32), (RiskLevel.HIGH, 10)])
_RISK_REASON = Weighted([(RiskReason.THREATS, 35), (RiskReason.KNOWS_ADDRESS, 25),
                          (RiskReason.ESCALATION, 18), (RiskReason.STALKING, 12),
                          (RiskReason.CHILDREN_AT_RISK, 12), (RiskReason.WEAPONS, 6)])
_NEED_CHANCE = ((Need.PSYCHOSOCIAL, 0.8), (Need.ECONOMIC, 0.75), (Need.LEGAL_AID, 0.35),
                (Need.CHILDCARE, 0.3), (Need.HEALTH, 0.2), (Need.HOUSING, 0.08))
_SKILL = Weighted([(Skill.SEWING, 25), (Skill.COOKING, 30), (Skill.CRAFTS, 15),
                    (Skill.TRADING, 20), (Skill.DIGITAL_MARKETING, 7), (Skill.OTHER, 3)])
_BARRIER = Weighted([(Barrier.CHILDCARE, 30), (Barrier.WORKING_HOURS, 28),
                      (Barrier.TRANSPORT, 22), (Barrier.MOVEMENT_CONTROLLED, 12),
                      (Barrier.HEALTH, 8)])
_PRIORITY = Weighted([(1, 10), (2, 20), (3, 35), (4, 20), (5, 15)])
_NOT_ELIGIBLE = Weighted([(NotEligibleReason.ACUTE_CRISIS, 25),
                           (NotEligibleReason.OUTSIDE_PALEMBANG, 20),
                           (NotEligibleReason.CANNOT_ATTEND, 20),
                           (NotEligibleReason.NO_CONSENT, 8), (NotEligibleReason.NOT_SURVIVOR, 10),
                           (NotEligibleReason.UNDER_AGE, 5), (NotEligibleReason.OTHER, 12)])
_SKILLS_OTHER = ("Merias pengantin", "Menganyam purun", "Membuat kue basah", "Menyulam jumputan",
                 "Merangkai bunga")
_EXPERIENCE = (
    "", "", "Pernah berjualan pempek di depan rumah.",
    "Pernah bekerja di konveksi selama dua tahun.", "Biasa menjahit pakaian tetangga.",
    "Membantu usaha warung keluarga.", "Pernah ikut pelatihan tata boga dari kelurahan.",
    "Berjualan kue lewat grup WhatsApp tetangga.", "Pernah menjadi buruh cuci harian.",
    "Menjual sayur di Pasar Lemabang.", "Pernah membuat kerajinan songket untuk dijual.",
)
_NOTE_OPENINGS = (
    "Asesmen awal di kantor pusat layanan.", "Asesmen dilakukan saat kunjungan rumah aman.",
    "Wawancara di ruang konseling, ibu datang sendiri.",
    "Ibu datang ditemani kakak perempuannya.", "Wawancara dilakukan lewat rujukan UPTD PPA.",
)
_NOTE_SITUATIONS = (
    "Ibu bercerita sering dimarahi dan direndahkan di depan anak-anak.",
    "Ibu tidak diberi uang belanja yang cukup dan dilarang bekerja.",
    "Ibu pernah didorong hingga terjatuh saat bertengkar.",
    "Ibu sudah pisah rumah dan tinggal bersama orang tuanya.",
    "Ibu merasa cemas dan sulit tidur sejak beberapa bulan terakhir.",
    "Suami sering pulang larut dan mengancam akan membawa anak.",
)
_NOTE_WISHES = (
    "Ia ingin punya penghasilan sendiri untuk sekolah anak.",
    "Ia ingin belajar menjahit agar bisa menerima pesanan.",
    "Ia berharap bisa bertemu ibu-ibu lain yang mengalami hal serupa.",
    "Ia ingin membuka usaha kecil di rumah.", "Ia ingin tahu hak-haknya soal perceraian.",
)
_SAFETY_PLANS = (
    "Menyimpan nomor pengaduan SAPA 129 dan nomor pendamping. Menyiapkan tas darurat berisi "
    "dokumen penting di rumah saudara.",
    "Sepakat dengan tetangga tepercaya tentang tanda bahaya. Tahu jalan ke rumah aman UPTD PPA.",
    "Pendamping menghubungi hanya lewat kontak tepercaya. Dokumen anak dititipkan ke ibunya.",
    "Jadwal sesi diatur saat suami bekerja. Ibu tahu cara melapor ke Unit PPA Polrestabes.",
)
_REASON_TEXTS = {
    NotEligibleReason.OTHER: ("Sudah mengikuti program serupa dari dinas.",
                              "Pindah kerja ke luar kota dalam waktu dekat.",
                              "Memilih fokus pada proses hukum lebih dulu."),
    NotEligibleReason.ACUTE_CRISIS: ("Perlu rumah aman lebih dulu; asesmen ulang setelah stabil.",
                                     ""),
    NotEligibleReason.OUTSIDE_PALEMBANG: ("Tinggal di Banyuasin; dirujuk ke layanan setempat.",
                                          ""),
    NotEligibleReason.CANNOT_ATTEND: ("Jam kerja tidak memungkinkan hadir di sesi mana pun.", ""),
}


@dataclass
class SyntheticDecision:
    """A decision on its screening; ``confirmed_by`` None while a rejection awaits a second
    person, ``current`` False once a later decision on the same screening replaced it."""

    input: DecisionInput
    decided_by: str
    confirmed_by: str | None
    confirmed_on: date | None
    current: bool = True


@dataclass
class SyntheticScreening:
    participant_id: int
    input: ScreeningInput
    assessor: str
    decisions: list[SyntheticDecision] = field(default_factory=list)


class _Generator:
    def __init__(self, seed: int, today: date, partner_ids: Sequence[int]) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.partner_ids = tuple(partner_ids)

    def day_after(self, start: date, most: int) -> date:
        room = max(0, min(most, (self.today - start).days))
        return start + timedelta(days=self.rng.randint(0, room))

    def other(self, name: str) -> str:
        return "admin" if name != "admin" else "konselor"

    def screening(self, participant_id: int, on: date,
                  reason: NotEligibleReason | None = None) -> SyntheticScreening:
        rng = self.rng
        risk = RiskLevel.HIGH if reason is NotEligibleReason.ACUTE_CRISIS else _RISK.pick(rng)
        reasons: set[RiskReason] = set()
        if risk is RiskLevel.HIGH:
            reasons = {_RISK_REASON.pick(rng) for _ in range(rng.randint(1, 3))}
        elif risk is RiskLevel.MEDIUM and rng.random() < 0.6:
            reasons = {_RISK_REASON.pick(rng)}
        needs = {need for need, chance in _NEED_CHANCE if rng.random() < chance}
        if risk is RiskLevel.HIGH and rng.random() < 0.5:
            needs |= {Need.HOUSING, Need.LEGAL_AID}
        needs = needs or {Need.PSYCHOSOCIAL}
        skills = {_SKILL.pick(rng) for _ in range(rng.randint(1, 2))}
        barriers = {_BARRIER.pick(rng) for _ in range(rng.choice((0, 1, 1, 2)))}
        if Need.CHILDCARE in needs:
            barriers.add(Barrier.CHILDCARE)
        if risk is RiskLevel.HIGH and rng.random() < 0.5:
            barriers.add(Barrier.MOVEMENT_CONTROLLED)
        met = set(REQUIRED_CRITERIA)
        if reason in UNMET_BY_REASON:
            met.discard(UNMET_BY_REASON[reason])
        met |= {code for code, chance in WEIGHTED_CRITERIA if rng.random() < chance}
        notes = " ".join((rng.choice(_NOTE_OPENINGS), rng.choice(_NOTE_SITUATIONS),
                          rng.choice(_NOTE_WISHES)))
        return SyntheticScreening(participant_id, ScreeningInput(
            participant_id=participant_id, screened_on=on, interview_notes=notes, needs=needs,
            skills=skills,
            skills_other=rng.choice(_SKILLS_OTHER) if Skill.OTHER in skills else "",
            experience=rng.choice(_EXPERIENCE), risk_level=risk, risk_reasons=reasons,
            safety_plan=rng.choice(_SAFETY_PLANS) if risk is not RiskLevel.LOW else "",
            barriers=barriers, criteria_met=met), SCREENERS.pick(rng))

    def decision(self, screening: SyntheticScreening, outcome: DecisionOutcome, after: date,
                 reason: NotEligibleReason | None = None, confirmed: bool = True,
                 current: bool = True) -> SyntheticDecision:
        rng = self.rng
        on = self.day_after(after, 10)
        by = screening.assessor if rng.random() < 0.7 else self.other(screening.assessor)
        data = DecisionInput(outcome=outcome, decided_on=on)
        confirmed_by: str | None = by
        confirmed_on: date | None = on
        if outcome is DecisionOutcome.WAITLISTED:
            data.priority = _PRIORITY.pick(rng)
        elif outcome is DecisionOutcome.REFERRED:
            data.referred_partner_id = rng.choice(self.partner_ids)
            data.reason_text = rng.choice(("", "Perlu pendampingan hukum lebih dulu.",
                                           "Dirujuk untuk layanan rumah aman."))
        elif outcome is DecisionOutcome.NOT_ELIGIBLE:
            assert reason is not None
            data.reason_code = reason
            data.reason_text = rng.choice(_REASON_TEXTS.get(reason, ("",)))
            confirmed_by = self.other(by) if confirmed else None
            confirmed_on = self.day_after(on, 5) if confirmed else None
        return SyntheticDecision(data, by, confirmed_by, confirmed_on, current)

    def for_participant(self, pid: int, status: ParticipantStatus, registered_on: date,
                        repeat: bool) -> list[SyntheticScreening]:
        rng = self.rng
        made: list[SyntheticScreening] = []
        start = registered_on
        if repeat:  # an earlier screening: deferred, or waitlisted before she was seen again
            first = self.screening(pid, self.day_after(start, 10))
            if rng.random() < 0.5:
                first.decisions.append(self.decision(first, DecisionOutcome.WAITLISTED,
                                                     first.input.screened_on or start))
            made.append(first)
            start = max(d.confirmed_on or start for d in first.decisions) if first.decisions \
                else first.input.screened_on or start
        reason = _NOT_ELIGIBLE.pick(rng) if status is ParticipantStatus.NOT_ELIGIBLE else None
        referred = status is ParticipantStatus.NOT_ELIGIBLE and rng.random() < 0.25
        latest = self.screening(pid, self.day_after(start, 21), None if referred else reason)
        on = latest.input.screened_on or start
        if status is ParticipantStatus.SCREENING:
            if rng.random() < 0.15:
                latest.decisions.append(self.decision(
                    latest, DecisionOutcome.NOT_ELIGIBLE, on, _NOT_ELIGIBLE.pick(rng),
                    confirmed=False))
        elif status is ParticipantStatus.WAITLISTED:
            latest.decisions.append(self.decision(latest, DecisionOutcome.WAITLISTED, on))
        elif status is ParticipantStatus.NOT_ELIGIBLE:
            if referred:
                latest.decisions.append(self.decision(latest, DecisionOutcome.REFERRED, on))
            else:
                latest.decisions.append(self.decision(latest, DecisionOutcome.NOT_ELIGIBLE, on,
                                                      reason))
        else:  # accepted, and everyone who went on to enrol
            if rng.random() < 0.3:
                waited = self.decision(latest, DecisionOutcome.WAITLISTED, on, current=False)
                latest.decisions.append(waited)
                on = waited.input.decided_on or on
            latest.decisions.append(self.decision(latest, DecisionOutcome.ACCEPTED, on))
        made.append(latest)
        return made


def generate_screenings(participants: list[tuple[int, ParticipantStatus, date]],
                        seed: int = 2026, today: date | None = None,
                        partner_ids: Sequence[int] = DEFAULT_PARTNER_IDS,
                        total: int | None = None) -> list[SyntheticScreening]:
    """Screenings and decisions for ``(participant id, status, registered on)``.

    Registered participants get none; everyone else one, and some a second, earlier one.
    Statuses are respected: ``screening`` has no decision or a rejection awaiting its second
    confirmation; waitlisted, not eligible (a confirmed rejection, or a referral) and accepted
    end with that decision; enrolled, completed and dropped out were accepted. ``total`` asks
    for that many screenings in all (as far as second screenings can make it up).
    """
    generator = _Generator(seed, today or date.today(), partner_ids)
    rng = generator.rng
    screened = [p for p in participants if p[1] is not ParticipantStatus.REGISTERED]
    decided = [p[0] for p in screened if p[1] is not ParticipantStatus.SCREENING]
    if total is None:
        repeats = round(len(decided) * REPEAT_SHARE)
    else:
        repeats = max(0, min(len(decided), total - len(screened)))
    repeat_ids = set(rng.sample(decided, repeats))
    made: list[SyntheticScreening] = []
    for pid, status, registered_on in screened:
        made.extend(generator.for_participant(pid, ParticipantStatus(status), registered_on,
                                              pid in repeat_ids))
    return made
