"""A reproducible synthetic training programme for demos: partners, facilitators, venues, groups
(angkatan) of accepted participants, a term of sessions each, attendance, drop-outs, a transfer,
cancelled sessions and skill assessments.

Pure: it only plans. ``demo/training.py`` writes the plan through the services (and the
attendance in bulk). The plan keeps the services' rules: enrolment inside the group's period and
not before she was registered and accepted; sessions inside the period, led by a facilitator who
may teach the module, at a venue with what the module needs, and no venue, facilitator or group
booked twice at the same time; marks only for sessions in the past that were not cancelled, and
only for the members of that day (the last day of a membership that ended counts).
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from kdrt_desk.domain.enums import PartnerKind
from kdrt_desk.domain.places import KELURAHAN_BY_KECAMATAN
from kdrt_desk.domain.training import (
    AttendanceMark,
    FacilitatorType,
    PartnerInput,
    VenueFeature,
    VenueInput,
)
from kdrt_desk.synthetic import names

GROUP_SIZE = 18
MAX_GROUP_SIZE = 20  # the smallest usual venue holds 20
MIN_GROUP = 4
ENROLLED_SHARE = 0.6  # of the women accepted before an intake; the rest stay candidates
INTAKE_WEEKS = 4  # a new angkatan (intake) every four weeks across the year
# What the venues and facilitators can run at once: about four intakes overlap in a term, so a
# big demo gets at most this many groups per intake (the rest of its accepted women wait).
MAX_GROUPS_PER_INTAKE = 6
TERM_WEEKS = 16
MIN_PAST_DAYS = 21  # every group has started at least three weeks ago
DROP_OUT_SHARE = 0.12  # of the members of an angkatan that has ended
DROP_OUT_SHARE_RUNNING = 0.05  # so far, in an angkatan still running
MORNING, AFTERNOON = time(9, 0), time(13, 30)

# Partners next to the five the migration and the three the care demo add: name, kind, contact
# person, what they contribute, MoU length in months.
TRAINING_PARTNERS: tuple[tuple[str, PartnerKind, str, str, int], ...] = (
    ("UMKM Pempek Cek Ning Sejahtera (demo)", PartnerKind.UMKM_PRIVATE, "Cek Ning",
     "Tempat magang usaha makanan dan pembeli tetap produk peserta.", 24),
    ("Konveksi Maju Bersama 16 Ulu (demo)", PartnerKind.UMKM_PRIVATE, "Pemilik konveksi",
     "Pesanan jahitan borongan untuk lulusan kelas menjahit.", 12),
    ("LPK Tata Busana Sriwijaya (demo)", PartnerKind.TRAINING_INSTITUTION, "Kepala LPK",
     "Instruktur menjahit bersertifikat dan uji kompetensi.", 24),
    ("LPK Boga Palembang Darussalam (demo)", PartnerKind.TRAINING_INSTITUTION, "Instruktur boga",
     "Pelatihan memasak dan pendampingan izin PIRT.", 18),
    ("Yayasan Peduli Perempuan Sumatera Selatan (demo)", PartnerKind.DONOR, "Bendahara yayasan",
     "Hibah modal usaha dan biaya penitipan anak selama pelatihan.", 36),
    ("Program CSR Bank Daerah (demo)", PartnerKind.DONOR, "Staf CSR",
     "Mesin jahit dan peralatan dapur untuk tempat pelatihan.", 12),
)

VENUES: tuple[VenueInput, ...] = (
    VenueInput(name="Aula Pusat Pemberdayaan Perempuan", address="Jl. Demang Lebar Daun",
               kecamatan="Ilir Barat I", capacity=25, childcare=True,
               features={VenueFeature.PRIVATE_ROOM, VenueFeature.PROJECTOR}),
    VenueInput(name="Balai Warga Plaju Darat", address="Jl. Kapten Abdullah, Plaju Darat",
               kecamatan="Plaju", capacity=30, childcare=True,
               features={VenueFeature.PRIVATE_ROOM, VenueFeature.PROJECTOR,
                         VenueFeature.KITCHEN}),
    VenueInput(name="Rumah Jahit Seberang Ulu", address="Jl. K.H. Azhari, 3-4 Ulu",
               kecamatan="Seberang Ulu I", capacity=20,
               features={VenueFeature.SEWING_MACHINES, VenueFeature.PROJECTOR}),
    VenueInput(name="Dapur Bersama Kertapati", address="Jl. Abikusno Cokrosuyoso, Kemas Rindo",
               kecamatan="Kertapati", capacity=20, childcare=True,
               features={VenueFeature.KITCHEN}),
    VenueInput(name="Ruang Serbaguna Masjid Al-Ikhlas Sukarami", address="Jl. Kebun Bunga",
               kecamatan="Sukarami", capacity=35,
               features={VenueFeature.PROJECTOR, VenueFeature.PRIVATE_ROOM}),
    VenueInput(name="Balai Kelurahan Sako", address="Jl. Musi Raya, Sako",
               kecamatan="Sako", capacity=25, childcare=True,
               features={VenueFeature.PRIVATE_ROOM, VenueFeature.KITCHEN}),
    VenueInput(name="Sanggar Jahit Ilir Timur", address="Jl. Veteran, 9 Ilir",
               kecamatan="Ilir Timur II", capacity=20,
               features={VenueFeature.SEWING_MACHINES, VenueFeature.PRIVATE_ROOM}),
    VenueInput(name="Aula PKK Kecamatan Kemuning", address="Jl. Mayor Ruslan, 20 Ilir",
               kecamatan="Kemuning", capacity=30, childcare=True,
               features={VenueFeature.PRIVATE_ROOM, VenueFeature.PROJECTOR,
                         VenueFeature.KITCHEN}),
    VenueInput(name="Gedung Serbaguna Seberang Ulu II", address="Jl. D.I. Panjaitan, Tangga Takat",
               kecamatan="Seberang Ulu II", capacity=25,
               features={VenueFeature.PRIVATE_ROOM, VenueFeature.PROJECTOR}),
)
# the usual venue of group k is GROUP_VENUES[k % len]; each group's modules, social and economic
GROUP_VENUES = (0, 1, 4, 2, 5, 7, 3, 8, 6, 1, 0, 4)
GROUP_MODULES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("SOS-01", "SOS-02"), ("EKO-02", "EKO-05")),
    (("SOS-01", "SOS-03"), ("EKO-01", "EKO-04")),
    (("SOS-01", "SOS-04"), ("EKO-03", "EKO-05")),
    (("SOS-01", "SOS-03"), ("EKO-02", "EKO-04")),
)
# facilitators: type, title after the name, organisation, modules she may teach
FACILITATORS: tuple[tuple[FacilitatorType, str, str, tuple[str, ...]], ...] = (
    (FacilitatorType.PSYCHOLOGIST, ", M.Psi., Psikolog", "Pusat Pemberdayaan Perempuan",
     ("SOS-01", "SOS-03")),  # linked to the demo facilitator login
    (FacilitatorType.PSYCHOLOGIST, ", M.Psi., Psikolog", "Praktik Psikolog Mitra Harapan (demo)",
     ("SOS-01", "SOS-03")),
    (FacilitatorType.SOCIAL_WORKER, ", S.Sos.", "Dinas Sosial Kota Palembang",
     ("EKO-05", "SOS-04")),
    (FacilitatorType.SOCIAL_WORKER, ", S.Tr.Sos.", "Pusat Pemberdayaan Perempuan",
     ("EKO-05", "SOS-01")),
    (FacilitatorType.TRAINER, ", S.H.", "LBH Palembang", ("SOS-02",)),
    (FacilitatorType.TRAINER, "", "LPK Tata Busana Sriwijaya (demo)", ("EKO-01", "EKO-03")),
    (FacilitatorType.TRAINER, "", "LPK Boga Palembang Darussalam (demo)", ("EKO-02", "EKO-04")),
    (FacilitatorType.TRAINER, ", S.E.", "Yayasan Peduli Perempuan Sumatera Selatan (demo)",
     ("EKO-04", "EKO-05", "EKO-03")),
    (FacilitatorType.COMMUNITY_LEADER, "", "Majelis taklim Al-Ikhlas", ("SOS-04",)),
    (FacilitatorType.PSYCHOLOGIST, ", M.Psi., Psikolog", "Puskesmas Kertapati",
     ("SOS-01", "SOS-03")),
    (FacilitatorType.SOCIAL_WORKER, ", S.Sos.", "UPTD PPA Kota Palembang",
     ("SOS-01", "SOS-04", "EKO-05")),
    (FacilitatorType.TRAINER, "", "Konveksi Maju Bersama 16 Ulu (demo)", ("EKO-01", "EKO-03")),
    (FacilitatorType.TRAINER, "", "UMKM Pempek Cek Ning Sejahtera (demo)", ("EKO-02", "EKO-04")),
    (FacilitatorType.TRAINER, ", S.H.", "Posbakum Pengadilan Agama Palembang", ("SOS-02",)),
)
_LEADER_TITLES = ("Ustadzah", "Ibu RT", "Hj.")
_PHONE_PREFIXES = ("0811", "0812", "0813", "0821", "0822", "0852", "0853", "0857", "0878",
                   "0896")
EXCUSES = ("anak sakit", "anak sakit demam", "mengantar anak berobat ke puskesmas",
           "menghadiri sidang di Pengadilan Agama", "sakit", "keluarga berduka",
           "menjaga orang tua yang sakit", "harus berjualan, pesanan sedang banyak",
           "banjir di sekitar rumah")
DROP_REASONS = ("Pindah ke luar kota bersama keluarga.",
                "Mulai bekerja penuh waktu; jadwal tidak memungkinkan.",
                "Tidak mendapat izin suami untuk melanjutkan.",
                "Mengurus anak sakit yang perlu dirawat di rumah.",
                "Tidak ada yang menjaga anak; akan mencoba angkatan berikutnya.",
                "Ongkos angkot ke lokasi pelatihan terlalu berat.",
                "Pulang ke kampung halaman untuk merawat orang tua.")
TRANSFER_REASON = "Jadwal bentrok dengan pekerjaan; kelompok lain lebih dekat ke rumah."
CANCEL_REASONS = ("Banjir setelah hujan deras, akses ke lokasi tertutup.",
                  "Fasilitator sakit; diganti pertemuan tambahan.",
                  "Listrik padam di lokasi.",
                  "Bertepatan dengan cuti bersama.",
                  "Aula dipakai untuk kegiatan kelurahan.")
TOPICS: dict[str, tuple[str, ...]] = {
    "SOS-01": ("Perkenalan dan kesepakatan kelompok", "Mengenali tanda-tanda kekerasan",
               "Berbagi cerita dengan aman", "Rasa bersalah dan malu", "Jejaring dukungan",
               "Rencana keselamatan", "Merawat diri", "Refleksi dan perpisahan"),
    "SOS-02": ("Hak korban menurut UU PKDRT", "Cara melapor ke Unit PPA",
               "Perlindungan dan proses di pengadilan", "Lembaga yang dapat membantu"),
    "SOS-03": ("Mengenali stres dan trauma", "Teknik menenangkan diri", "Harga diri",
               "Mengelola marah dan cemas", "Tidur dan kesehatan", "Rencana pemulihan diri"),
    "SOS-04": ("Stigma di lingkungan", "Bercerita dengan aman", "Kampanye di lingkungan"),
    "EKO-01": ("Mengenal mesin jahit", "Menjahit lurus dan sudut", "Pola dasar", "Memotong kain",
               "Rok sederhana", "Kemeja anak", "Memasang resleting", "Kerah dan lengan",
               "Merapikan jahitan", "Produk untuk dijual", "Menghitung harga jual",
               "Uji keterampilan"),
    "EKO-02": ("Kebersihan pangan", "Pempek lenjer dan kapal selam", "Cuko pempek", "Tekwan",
               "Model dan celimpungan", "Kue maksuba", "Kue delapan jam", "Kemasan dan label",
               "Izin PIRT", "Uji keterampilan"),
    "EKO-03": ("Mengenal kain songket perca", "Dompet dari perca", "Anyaman dasar",
               "Manik-manik", "Tas anyaman", "Mutu dan finishing", "Foto produk",
               "Uji keterampilan"),
    "EKO-04": ("Ide usaha", "Menghitung modal", "Memasarkan lewat media sosial",
               "Melayani pembeli", "Persiapan bazar", "Rencana usaha"),
    "EKO-05": ("Mencatat uang masuk dan keluar", "Memisahkan uang usaha dan rumah tangga",
               "Menabung", "Akses bantuan modal"),
}


@dataclass(frozen=True)
class TrainingCandidate:
    """An accepted participant: the first day she can join a group (registered and accepted)."""

    participant_id: int
    join_day: date
    kecamatan: str


@dataclass(frozen=True)
class ModuleSpec:
    code: str
    session_count: int
    minutes: int
    features: frozenset[str]
    assessed: bool = False  # a skill assessment is required


@dataclass(frozen=True)
class PlannedFacilitator:
    name: str
    type: FacilitatorType
    organisation: str
    phone: str
    email: str
    module_codes: tuple[str, ...]
    linked: bool  # linked to the demo facilitator login


@dataclass(frozen=True)
class PlannedSession:
    module: str
    day: date
    start: time
    end: time
    venue: int  # index into the plan's venues
    facilitator: int  # index into the plan's facilitators
    topic: str


@dataclass
class PlannedGroup:
    name: str
    kecamatan: str
    kelurahan: str
    start: date
    end: date
    venue: int
    modules: list[str]
    facilitators: set[int] = field(default_factory=set)
    enrolments: list[tuple[date, list[int]]] = field(default_factory=list)  # (day, ids)
    sessions: list[PlannedSession] = field(default_factory=list)


@dataclass(frozen=True)
class PlannedMark:
    group: int
    session: int  # index into the group's sessions
    participant_id: int
    mark: AttendanceMark
    reason: str


@dataclass
class TrainingPlan:
    partners: list[PartnerInput]
    venues: list[VenueInput]
    facilitators: list[PlannedFacilitator]
    groups: list[PlannedGroup]
    drop_outs: list[tuple[int, int, date, str]]  # group, participant, day, reason
    transfers: list[tuple[int, int, int, date, str]]  # from, to, participant, day, reason
    completions: list[tuple[int, int, date]]  # group, participant, day
    cancellations: list[tuple[int, int, str]]  # group, session index, reason
    marks: list[PlannedMark]
    assessments: list[tuple[int, str, bool, date, int]]  # participant, module, passed, day, score


def _monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)


def _plus_minutes(start: time, minutes: int) -> time:
    total = start.hour * 60 + start.minute + minutes
    return time(total // 60, total % 60)


class _Planner:
    def __init__(self, seed: int, today: date, modules: Mapping[str, ModuleSpec]) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.modules = modules
        # (day, slot) -> booked venues, facilitators
        self.venue_busy: set[tuple[date, time, int]] = set()
        self.facilitator_busy: set[tuple[date, time, int]] = set()

    def phone(self) -> str:
        rng = self.rng
        return rng.choice(_PHONE_PREFIXES) + str(rng.randrange(10_000_000, 100_000_000))

    def partners(self) -> list[PartnerInput]:
        made = []
        for name, kind, contact, contribution, months in TRAINING_PARTNERS:
            start = self.today - timedelta(days=self.rng.randint(60, 540))
            start = start.replace(day=1)
            end = start + timedelta(days=round(months * 30.4))
            made.append(PartnerInput(name=name, kind=kind, contact_person=contact,
                                     phone=self.phone(), contribution=contribution,
                                     mou_start=start, mou_end=end))
        return made

    def facilitators(self) -> list[PlannedFacilitator]:
        rng = self.rng
        made, used = [], set()
        for number, (kind, title, organisation, codes) in enumerate(FACILITATORS):
            while True:
                given = rng.choice(names.WOMEN_GIVEN_NAMES)
                family = rng.choice(names.FAMILY_NAMES)
                if (given, family) not in used and given != family:
                    used.add((given, family))
                    break
            name = f"{given} {family}{title}"
            if kind is FacilitatorType.COMMUNITY_LEADER:
                name = f"{rng.choice(_LEADER_TITLES)} {given} {family}"
            email = f"{given.lower()}.{family.lower()}@example.org" if number % 3 != 2 else ""
            codes = tuple(c for c in codes if c in self.modules)
            made.append(PlannedFacilitator(name, kind, organisation, self.phone(), email, codes,
                                           linked=number == 0))
        return made

    def groups(self, candidates: Sequence[TrainingCandidate]) -> list[PlannedGroup]:
        """Angkatan in intakes every ``INTAKE_WEEKS`` across the year, the newest at least
        ``MIN_PAST_DAYS`` ago: each intake takes ``ENROLLED_SHARE`` of the women accepted since
        the one before (as many groups as that makes, up to ``MAX_GROUPS_PER_INTAKE``); the
        others, and everyone accepted since the newest intake, stay candidates."""
        people = sorted(candidates, key=lambda c: (c.join_day, c.participant_id))
        if len(people) < MIN_GROUP:
            return []
        newest = self.today - timedelta(days=MIN_PAST_DAYS)
        newest -= timedelta(days=newest.weekday())  # a Monday
        starts: list[date] = []
        day = newest
        while day > people[0].join_day:
            starts.append(day)
            day -= timedelta(weeks=INTAKE_WEEKS)
        starts.reverse()
        pools: list[list[TrainingCandidate]] = [[] for _ in starts]
        for person in people:  # the first intake on or after the day she can join
            index = bisect.bisect_left(starts, person.join_day)
            if index < len(starts):
                pools[index].append(person)
        made: list[PlannedGroup] = []
        for start, pool in zip(starts, pools, strict=True):
            take = round(len(pool) * ENROLLED_SHARE)
            if take < MIN_GROUP:
                continue
            count = min(MAX_GROUPS_PER_INTAKE, max(1, round(take / GROUP_SIZE)))
            take = min(take, count * MAX_GROUP_SIZE)
            chosen = sorted(self.rng.sample(pool, take),
                            key=lambda c: (c.kecamatan, c.participant_id))
            end = start + timedelta(weeks=TERM_WEEKS, days=-3)  # a Friday
            for part in range(count):
                k = len(made)
                members = chosen[part::count]
                if len(members) < MIN_GROUP:
                    continue
                venue = GROUP_VENUES[k % len(GROUP_VENUES)]
                kecamatan = VENUES[venue].kecamatan
                social, economic = GROUP_MODULES[k % len(GROUP_MODULES)]
                group = PlannedGroup(
                    name=f"Angkatan {k + 1} {kecamatan} {start.year}", kecamatan=kecamatan,
                    kelurahan=self.rng.choice(KELURAHAN_BY_KECAMATAN[kecamatan]), start=start,
                    end=end, venue=venue,
                    modules=[c for c in social + economic if c in self.modules])
                group.enrolments = [(start, sorted(c.participant_id for c in members))]
                if group.modules:
                    made.append(group)
        return made

    # -- sessions -------------------------------------------------------------------------------
    def schedule(self, index: int, group: PlannedGroup,
                 facilitators: Sequence[PlannedFacilitator], hers: bool) -> None:
        """Book the group's term; ``hers``: the linked psychologist leads its support sessions."""
        social = [c for c in group.modules if c.startswith("SOS")]
        economic = [c for c in group.modules if not c.startswith("SOS")]
        tracks = [[(c, n) for c in track for n in range(self.modules[c].session_count)]
                  for track in (social, economic)]
        items: list[tuple[str, int]] = []
        while tracks[0] or tracks[1]:
            for track in tracks:
                if track:
                    items.append(track.pop(0))
        pattern = {index % 5, (index % 5 + 2) % 5}
        slot = MORNING if index % 2 == 0 else AFTERNOON
        days = [group.start + timedelta(days=d) for d in range((group.end - group.start).days + 1)]
        closed = _holidays(group.start, group.end)
        days = [d for d in days if d.weekday() < 5 and d not in closed]
        preferred = [(d, slot) for d in days if d.weekday() in pattern]
        every = [(d, s) for d in days for s in (MORNING, AFTERNOON)]
        teachers = {c: [i for i, f in enumerate(facilitators) if c in f.module_codes]
                    for c in group.modules}
        lead: dict[str, list[int]] = {}
        for code, qualified in teachers.items():
            ordered = sorted(qualified, key=lambda i: (facilitators[i].linked != hers,
                                                       (i + index) % max(1, len(qualified))))
            lead[code] = ordered
        last: tuple[date, time] | None = None
        group_busy: set[tuple[date, time]] = set()
        for code, n in items:
            found = None
            for pool in (preferred, every):
                for day, start in pool:
                    if last is not None and (day, start) <= last:
                        continue
                    if (day, start) in group_busy:
                        continue
                    found = self._book(group, code, day, start, lead[code])
                    if found is not None:
                        break
                if found is not None:
                    break
            if found is None:
                break
            day, start, venue, teacher = found
            last = (day, start)
            group_busy.add(last)
            spec = self.modules[code]
            topics = TOPICS.get(code, ())
            topic = topics[n] if n < len(topics) else f"Pertemuan {n + 1}"
            group.sessions.append(PlannedSession(code, day, start,
                                                 _plus_minutes(start, spec.minutes), venue,
                                                 teacher, topic))
            group.facilitators.add(teacher)

    def _book(self, group: PlannedGroup, code: str, day: date, start: time,
              teachers: Sequence[int]) -> tuple[date, time, int, int] | None:
        needs = self.modules[code].features
        venues = [group.venue] + [v for v in range(len(VENUES)) if v != group.venue]
        venue = next((v for v in venues
                      if needs <= {f.value for f in VENUES[v].features}
                      and (day, start, v) not in self.venue_busy), None)
        teacher = next((t for t in teachers if (day, start, t) not in self.facilitator_busy),
                       None)
        if venue is None or teacher is None:
            return None
        self.venue_busy.add((day, start, venue))
        self.facilitator_busy.add((day, start, teacher))
        return day, start, venue, teacher


def _holidays(start: date, end: date) -> set[date]:
    """Public holidays and cuti bersama of the period: no demo session falls on one."""
    from kdrt_desk.scheduling.public_holidays import national_holidays

    return {h.day for h in national_holidays(range(start.year, end.year + 1))}


def _member_days(plan: TrainingPlan) -> dict[tuple[int, int], list[tuple[date, date | None]]]:
    """(group, participant) -> her memberships of that group as (from, to) days."""
    spans: dict[tuple[int, int], list[tuple[date, date | None]]] = {}
    for g, group in enumerate(plan.groups):
        for day, ids in group.enrolments:
            for pid in ids:
                spans.setdefault((g, pid), []).append((day, None))

    def end(g: int, pid: int, day: date) -> None:
        start, _ = spans[(g, pid)][-1]
        spans[(g, pid)][-1] = (start, day)

    for g, pid, day, _ in plan.drop_outs:
        end(g, pid, day)
    for src, dst, pid, day, _ in plan.transfers:
        end(src, pid, day)
        spans.setdefault((dst, pid), []).append((day, None))
    for g, pid, day in plan.completions:
        end(g, pid, day)
    return spans


def generate_training(candidates: Sequence[TrainingCandidate], modules: Sequence[ModuleSpec],
                      seed: int = 2026, today: date | None = None) -> TrainingPlan:
    """The demo programme for these accepted participants and the vault's modules (by code)."""
    today = today or date.today()
    specs = {m.code: m for m in modules}
    planner = _Planner(seed + 3, today, specs)
    rng = planner.rng
    partners = planner.partners()
    facilitators = planner.facilitators()
    groups = planner.groups(candidates)
    for index, group in enumerate(groups):
        # the linked psychologist has every other angkatan, the newest one among them
        planner.schedule(index, group, facilitators, hers=(len(groups) - 1 - index) % 2 == 0)
    groups = [g for g in groups if g.sessions]
    plan = TrainingPlan(partners, list(VENUES), facilitators, groups, [], [], [], [], [], [])

    past = {g: [i for i, s in enumerate(group.sessions) if s.day < today]
            for g, group in enumerate(groups)}
    # cancelled: one past session in most groups, and one coming session somewhere
    cancelled: set[tuple[int, int]] = set()
    for g, group in enumerate(groups):
        if len(past[g]) >= 6 and rng.random() < 0.7:
            cancelled.add((g, rng.choice(past[g][2:-1])))
        coming = [i for i, s in enumerate(group.sessions) if s.day > today]
        if g == 0 and len(coming) > 3:
            cancelled.add((g, coming[2]))
    plan.cancellations = [(g, i, rng.choice(CANCEL_REASONS)) for g, i in sorted(cancelled)]

    first_day = {g: min(day for day, _ in group.enrolments) for g, group in enumerate(groups)}
    members = {g: sorted(pid for _, ids in group.enrolments for pid in ids)
               for g, group in enumerate(groups)}
    joined = {(g, pid): day for g, group in enumerate(groups)
              for day, ids in group.enrolments for pid in ids}
    held_days = {g: [groups[g].sessions[i].day for i in past[g] if (g, i) not in cancelled]
                 for g in range(len(groups))}
    leaving: set[int] = set()
    # drop-outs: after some sessions she stops coming, then the end is recorded with a reason
    for g, group in enumerate(groups):
        days = held_days[g]
        if len(days) < 4:
            continue
        share = DROP_OUT_SHARE if group.end < today else DROP_OUT_SHARE_RUNNING
        for pid in members[g]:
            if rng.random() >= share:
                continue
            day = days[rng.randint(len(days) // 3, len(days) - 2)]
            if day >= joined[(g, pid)]:
                leaving.add(pid)
                plan.drop_outs.append((g, pid, day, rng.choice(DROP_REASONS)))
    # one transfer between two groups running at the same time
    for src in range(len(groups)):
        options = [dst for dst in range(len(groups)) if dst != src
                   and groups[dst].end >= today and len(held_days[dst]) >= 4]
        if not options or not held_days[src]:
            continue
        dst = options[0]
        stay = [pid for pid in members[src] if pid not in leaving]
        days = [d for d in held_days[dst]
                if max(first_day[dst], groups[src].start) < d <= groups[src].end]
        if not stay or not days:
            continue
        pid = stay[-1]
        day = days[len(days) // 2]
        if day > joined[(src, pid)]:
            leaving.add(pid)
            plan.transfers.append((src, dst, pid, day, TRANSFER_REASON))
            break
    for g, group in enumerate(groups):
        if group.end < today:
            plan.completions.extend((g, pid, group.end) for pid in members[g]
                                    if pid not in leaving)

    spans = _member_days(plan)
    dropping = {(g, pid): day for g, pid, day, _ in plan.drop_outs}
    keen = {pid: rng.uniform(0.72, 0.97) for g in members for pid in members[g]}
    for (g, pid), periods in sorted(spans.items()):
        group = groups[g]
        for i, session in enumerate(group.sessions):
            if session.day >= today or (g, i) in cancelled:
                continue
            if not any(start <= session.day and (stop is None or session.day <= stop)
                       for start, stop in periods):
                continue
            stop = dropping.get((g, pid))
            fading = stop is not None and (stop - session.day).days < 14
            roll = rng.random()
            if fading:
                mark, reason = (AttendanceMark.ABSENT, "") if roll < 0.8 else \
                    (AttendanceMark.EXCUSED, rng.choice(EXCUSES))
            elif roll < keen[pid]:
                mark = AttendanceMark.LATE if rng.random() < 0.1 else AttendanceMark.PRESENT
                reason = ""
            elif roll < keen[pid] + (1 - keen[pid]) * 0.6:
                mark, reason = AttendanceMark.EXCUSED, rng.choice(EXCUSES)
            else:
                mark, reason = AttendanceMark.ABSENT, ""
            plan.marks.append(PlannedMark(g, i, pid, mark, reason))

    # skill assessments of modules that need one, once their last session is past
    assessed: set[tuple[int, str]] = set()
    moved = {(src, pid) for src, _, pid, _, _ in plan.transfers}
    for g, pid in sorted(spans):
        if (g, pid) in dropping or (g, pid) in moved:
            continue
        group = groups[g]
        for code in group.modules:
            days = [s.day for i, s in enumerate(group.sessions)
                    if s.module == code and (g, i) not in cancelled]
            if not days or max(days) >= today or not specs[code].assessed \
                    or (pid, code) in assessed:
                continue
            assessed.add((pid, code))
            score = max(40, min(100, round(rng.gauss(78, 10))))
            plan.assessments.append((pid, code, score >= 65, max(days), score))
    return plan
