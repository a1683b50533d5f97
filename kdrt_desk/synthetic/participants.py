"""Reproducible synthetic participants for demos and load tests (never real people's data)."""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Generic, TypeVar

from kdrt_desk.domain.enums import (
    ConsentScope,
    EconomicDependence,
    Education,
    LegalProceedings,
    LivingSituation,
    MaritalStatus,
    ParticipantStatus,
    PerpetratorRelation,
    ReferralSource,
    SafeToCall,
    ViolenceForm,
)
from kdrt_desk.domain.nik import make_nik
from kdrt_desk.domain.participant import CaseBackground, Consent, ParticipantInput
from kdrt_desk.domain.places import KECAMATAN, KELURAHAN_BY_KECAMATAN, PALEMBANG_REGION_CODE
from kdrt_desk.synthetic import names

T = TypeVar("T")

MIN_AGE = 18
MAX_AGE = 65
WINDOW_DAYS = 365  # registrations fall in the 365 days ending today
CURRENT_QUARTER_SHARE = 0.08  # extra registrations kept in the current quarter, even on its day 1
INCOME_STEP = 50_000
MAX_INCOME = 4_000_000


class Weighted(Generic[T]):
    """A weighted choice with the cumulative table built once (much faster than rng.choices)."""

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.items: tuple[T, ...] = tuple(item for item, _ in pairs)
        self.cumulative: list[float] = list(itertools.accumulate(w for _, w in pairs))
        self.total = self.cumulative[-1]

    def pick(self, rng: random.Random) -> T:
        return self.items[bisect.bisect_right(self.cumulative, rng.random() * self.total)]


_KECAMATAN_WEIGHT_HEAVY = {
    "Kertapati", "Plaju", "Seberang Ulu I", "Seberang Ulu II", "Ilir Timur I", "Ilir Timur II",
}
_KECAMATAN = Weighted([(k, 10.0 if k in _KECAMATAN_WEIGHT_HEAVY else 3.5) for k in KECAMATAN])
# Synthetic NIK region codes for Palembang: 1671 + the kecamatan's position (01-18).
_REGION_BY_KECAMATAN = {
    k: f"{PALEMBANG_REGION_CODE}{i:02d}" for i, k in enumerate(KECAMATAN, start=1)
}

_AGE_BAND = Weighted([((18, 24), 12), ((25, 34), 32), ((35, 44), 32), ((45, 54), 17),
                       ((55, 64), 7)])
_BIRTH_PLACE = Weighted(names.BIRTH_PLACES)
_LIVING = Weighted([(LivingSituation.WITH_ABUSER, 45), (LivingSituation.SEPARATED, 20),
                     (LivingSituation.WITH_FAMILY, 25), (LivingSituation.SAFE_HOUSE, 10)])
_SAFE_TO_CALL = {
    LivingSituation.WITH_ABUSER: Weighted([(SafeToCall.NO, 50), (SafeToCall.AT_TIMES, 45),
                                            (SafeToCall.YES, 5)]),
    LivingSituation.SEPARATED: Weighted([(SafeToCall.YES, 60), (SafeToCall.AT_TIMES, 30),
                                          (SafeToCall.NO, 10)]),
    LivingSituation.WITH_FAMILY: Weighted([(SafeToCall.YES, 70), (SafeToCall.AT_TIMES, 25),
                                            (SafeToCall.NO, 5)]),
    LivingSituation.SAFE_HOUSE: Weighted([(SafeToCall.YES, 50), (SafeToCall.AT_TIMES, 40),
                                           (SafeToCall.NO, 10)]),
}
_RELATION = Weighted([(PerpetratorRelation.SPOUSE, 78), (PerpetratorRelation.PARTNER, 7),
                       (PerpetratorRelation.PARENT, 4), (PerpetratorRelation.FAMILY, 6),
                       (PerpetratorRelation.NEIGHBOUR, 1), (PerpetratorRelation.EMPLOYER, 1),
                       (PerpetratorRelation.COLLEAGUE, 1), (PerpetratorRelation.OTHER, 2)])
_MARITAL_FOR_SPOUSE = {
    LivingSituation.WITH_ABUSER: Weighted([(MaritalStatus.MARRIED, 80), (MaritalStatus.SIRI, 20)]),
    LivingSituation.SEPARATED: Weighted([(MaritalStatus.SEPARATED, 50),
                                          (MaritalStatus.DIVORCED, 35),
                                          (MaritalStatus.MARRIED, 10), (MaritalStatus.SIRI, 5)]),
    LivingSituation.SAFE_HOUSE: Weighted([(MaritalStatus.MARRIED, 60),
                                           (MaritalStatus.SEPARATED, 30),
                                           (MaritalStatus.SIRI, 10)]),
    LivingSituation.WITH_FAMILY: Weighted([(MaritalStatus.SEPARATED, 40),
                                            (MaritalStatus.DIVORCED, 40),
                                            (MaritalStatus.MARRIED, 15), (MaritalStatus.SIRI, 5)]),
}
_MARITAL_FOR_PARTNER = Weighted([(MaritalStatus.UNMARRIED, 60), (MaritalStatus.DIVORCED, 25),
                                  (MaritalStatus.WIDOWED, 15)])
_MARITAL_OTHER = Weighted([(MaritalStatus.UNMARRIED, 30), (MaritalStatus.MARRIED, 25),
                            (MaritalStatus.DIVORCED, 25), (MaritalStatus.WIDOWED, 15),
                            (MaritalStatus.SEPARATED, 5)])
_CHILDREN = Weighted([(0, 12), (1, 22), (2, 28), (3, 20), (4, 11), (5, 7)])
_EDUCATION = Weighted([(Education.NONE, 5), (Education.SD, 25), (Education.SMP, 28),
                        (Education.SMA, 32), (Education.DIPLOMA, 5), (Education.S1, 5)])
_OCCUPATION = Weighted([(o, 1.0) for o in names.OCCUPATIONS])
_VIOLENCE_WEIGHTS: tuple[tuple[ViolenceForm, float], ...] = (
    (ViolenceForm.PSYCHOLOGICAL, 40), (ViolenceForm.PHYSICAL, 32), (ViolenceForm.NEGLECT, 12),
    (ViolenceForm.SEXUAL, 8), (ViolenceForm.EXPLOITATION, 4), (ViolenceForm.OTHER, 2),
    (ViolenceForm.TRAFFICKING, 2),
)
_VIOLENCE = Weighted(_VIOLENCE_WEIGHTS)
_VIOLENCE_COUNT = Weighted([(1, 45), (2, 40), (3, 15)])
_REFERRAL = Weighted([(ReferralSource.UPTD_PPA, 25), (ReferralSource.SELF, 15),
                       (ReferralSource.YP3I, 15), (ReferralSource.WCC, 12),
                       (ReferralSource.POLRESTABES_PPA, 10), (ReferralSource.LBH, 8),
                       (ReferralSource.HEALTH, 6), (ReferralSource.FAMILY, 6),
                       (ReferralSource.OTHER, 3)])
_LEGAL_REPORTED = Weighted([(LegalProceedings.POLICE_REPORT, 45),
                             (LegalProceedings.PROTECTION_ORDER, 15),
                             (LegalProceedings.CRIMINAL_TRIAL, 15), (LegalProceedings.DIVORCE, 10),
                             (LegalProceedings.FINISHED, 15)])
# Only the statuses before a training group: enrolled, completed and dropped out come from real
# memberships, which the training demo (``demo/training.py``) makes from the accepted
# participants. The weights those three statuses had are now ``accepted``, left in place (a
# second ``accepted`` entry) so that every other status is drawn for the same women as before.
PRE_ENROLMENT_STATUSES = frozenset({
    ParticipantStatus.REGISTERED, ParticipantStatus.SCREENING, ParticipantStatus.ACCEPTED,
    ParticipantStatus.WAITLISTED, ParticipantStatus.NOT_ELIGIBLE})
_STATUS_BY_AGE_OF_FILE: tuple[tuple[int, Weighted[ParticipantStatus]], ...] = (
    (30, Weighted([(ParticipantStatus.REGISTERED, 55), (ParticipantStatus.SCREENING, 35),
                    (ParticipantStatus.ACCEPTED, 5), (ParticipantStatus.WAITLISTED, 3),
                    (ParticipantStatus.NOT_ELIGIBLE, 2)])),
    (90, Weighted([(ParticipantStatus.REGISTERED, 3), (ParticipantStatus.SCREENING, 15),
                    (ParticipantStatus.ACCEPTED, 25), (ParticipantStatus.WAITLISTED, 10),
                    (ParticipantStatus.NOT_ELIGIBLE, 7), (ParticipantStatus.ACCEPTED, 40)])),
    (180, Weighted([(ParticipantStatus.SCREENING, 2), (ParticipantStatus.ACCEPTED, 10),
                     (ParticipantStatus.WAITLISTED, 8), (ParticipantStatus.NOT_ELIGIBLE, 8),
                     (ParticipantStatus.ACCEPTED, 72)])),
    (WINDOW_DAYS + 1, Weighted([(ParticipantStatus.ACCEPTED, 2),
                                 (ParticipantStatus.WAITLISTED, 5),
                                 (ParticipantStatus.NOT_ELIGIBLE, 8),
                                 (ParticipantStatus.ACCEPTED, 85)])),
)
# Mobile prefixes (after the 0) of the Indonesian operators.
_MOBILE_PREFIXES: tuple[str, ...] = (
    "811", "812", "813", "821", "822", "823", "851", "852", "853", "814", "815", "816", "855",
    "856", "857", "858", "817", "818", "819", "859", "877", "878", "831", "832", "833", "838",
    "895", "896", "897", "898", "899", "881", "882", "883", "887", "888", "889",
)


def _years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


class _Generator:
    """Holds the random source and what must stay unique (NIKs, phone numbers) across a run."""

    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.window_start = today - timedelta(days=WINDOW_DAYS - 1)
        self.quarter_start = max(_quarter_start(today), self.window_start)
        self.used_niks: set[str] = set()
        self.used_phones: set[str] = set()

    # -- helpers -----------------------------------------------------------------------------

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def choice(self, items: Sequence[T]) -> T:
        return items[int(self.rng.random() * len(items))]

    def registered_on(self) -> date:
        rng = self.rng
        if rng.random() < CURRENT_QUARTER_SHARE:
            span = (self.today - self.quarter_start).days
            return self.quarter_start + timedelta(days=rng.randint(0, span))
        return self.window_start + timedelta(days=rng.randint(0, WINDOW_DAYS - 1))

    def birth_date(self, registered_on: date, age: int) -> date:
        """A birth date that makes her exactly ``age`` on ``registered_on``."""
        latest = _years_before(registered_on, age)
        earliest = _years_before(registered_on, age + 1) + timedelta(days=1)
        return earliest + timedelta(days=self.rng.randint(0, (latest - earliest).days))

    def nik(self, region: str, birth: date) -> str:
        rng = self.rng
        while True:
            # Serials are handed out in order, so small numbers are the most common.
            serial = rng.randint(1, 300) if rng.random() < 0.8 else rng.randint(301, 9999)
            nik = make_nik(region, birth, True, serial)
            if nik not in self.used_niks:
                self.used_niks.add(nik)
                return nik

    def mobile(self) -> str:
        """A unique, valid mobile number written the way people type them."""
        rng = self.rng
        while True:
            prefix = self.choice(_MOBILE_PREFIXES)
            rest_len = rng.choice((7, 8, 8, 8, 9))
            rest = str(rng.randrange(10 ** (rest_len - 1), 10**rest_len))
            nsn = prefix + rest
            if nsn not in self.used_phones:
                self.used_phones.add(nsn)
                break
        local = "0" + nsn
        style = rng.randrange(9)
        if style == 0:
            return f"{local[:4]}-{local[4:8]}-{local[8:]}"
        if style == 1:
            return f"{local[:4]} {local[4:8]} {local[8:]}"
        if style == 2:
            return f"+62 {nsn[:3]} {nsn[3:7]} {nsn[7:]}"
        if style == 3:
            return "+62" + nsn
        if style == 4:
            return "62" + nsn
        if style == 5:
            return nsn
        if style == 6:
            return f"{local[:4]}.{local[4:8]}.{local[8:]}"
        return local  # the most common way, twice as likely

    # -- parts of a participant ---------------------------------------------------------------

    def name(self) -> tuple[str, str]:
        """(full_name, preferred_name)."""
        rng = self.rng
        given = self.choice(names.WOMEN_GIVEN_NAMES)
        r = rng.random()
        parts: list[str]
        if r < 0.22:
            parts = [given]
        elif r < 0.72:
            parts = [given, self.choice(names.FAMILY_NAMES)]
        else:
            second = self.choice(names.WOMEN_GIVEN_NAMES)
            if rng.random() < 0.15:
                parts = [names.ARISTOCRATIC_PREFIX, given, self.choice(names.FAMILY_NAMES)]
            elif given == "Siti" or rng.random() < 0.5:
                parts = ["Siti", second, self.choice(names.FAMILY_NAMES)]
            else:
                parts = [given, second, self.choice(names.FAMILY_NAMES)]
        # Drop accidental repeats ("Ayu Ayu"), keeping order.
        full = " ".join(dict.fromkeys(parts))
        # "Siti" and "Nyimas" are rarely what she is called; use the next name.
        core = [p for p in dict.fromkeys(parts) if p not in ("Siti", names.ARISTOCRATIC_PREFIX)]
        first = core[0] if core else parts[0]
        r = rng.random()
        if r < 0.55:
            preferred = first
        elif r < 0.85:
            nicknames = names.NICKNAMES.get(first)
            preferred = self.choice(nicknames) if nicknames else first
            if rng.random() < 0.15:
                preferred = f"{names.HONORIFIC_CEK} {preferred}"
        else:
            preferred = ""
        return full, preferred

    def trusted_contact(self) -> tuple[str, str]:
        relation, male = self.choice(names.TRUSTED_RELATIONS)
        if male:
            name = f"{self.choice(names.MEN_GIVEN_NAMES)} {self.choice(names.MEN_FAMILY_NAMES)}"
            if self.chance(0.1):
                name = f"{self.choice(names.MEN_TITLES)} {name}"
        else:
            name = self.choice(names.WOMEN_GIVEN_NAMES)
            if relation in ("ibu kandung", "bibi", "tetangga") or self.chance(0.2):
                name = f"Ibu {name}"
        return f"{name} ({relation})", self.mobile()

    def safe_call_times(self, living: LivingSituation) -> str:
        reasons = (names.SAFE_CALL_REASONS_WITH_ABUSER if living is LivingSituation.WITH_ABUSER
                   else names.SAFE_CALL_REASONS_OTHER)
        text = f"{self.choice(names.SAFE_CALL_DAYS)} {self.choice(names.SAFE_CALL_HOURS)}"
        reason = self.choice(reasons)
        return f"{text} {reason}" if reason else text

    def children_ages(self, count: int, age: int) -> list[int]:
        oldest_possible = min(25, age - 16)  # at least 16 when each child was born
        return sorted((self.rng.randint(0, oldest_possible) for _ in range(count)), reverse=True)

    def income(self, occupation: tuple[str, int, int]) -> int | None:
        if self.chance(0.08):
            return None  # not asked or not known
        _, low, high = occupation
        if high == 0:
            return 0
        steps = self.rng.randint(low // INCOME_STEP, high // INCOME_STEP)
        return min(MAX_INCOME, steps * INCOME_STEP)

    def case(self, living: LivingSituation, relation: PerpetratorRelation,
             age: int) -> CaseBackground:
        rng = self.rng
        forms: set[ViolenceForm] = set()
        wanted = _VIOLENCE_COUNT.pick(rng)
        while len(forms) < wanted:
            forms.add(_VIOLENCE.pick(rng))
        referral = _REFERRAL.pick(rng)
        # A police referral means she reported; otherwise about one in four did.
        reported = referral is ReferralSource.POLRESTABES_PPA or rng.random() < 0.24
        spouse = relation is PerpetratorRelation.SPOUSE
        if reported:
            legal = _LEGAL_REPORTED.pick(rng)
            if legal is LegalProceedings.DIVORCE and not spouse:
                legal = LegalProceedings.POLICE_REPORT
        else:  # without a police report the only proceeding can be a divorce
            divorcing = spouse and rng.random() < 0.08
            legal = LegalProceedings.DIVORCE if divorcing else LegalProceedings.NONE
        max_months = min(240, (age - 15) * 12)
        duration = min(max_months, max(1, int(rng.triangular(1, max_months, 24))))
        notes = ""
        if rng.random() < (0.55 if living is LivingSituation.WITH_ABUSER else 0.3):
            notes = self.choice(names.SAFETY_NOTES)
        return CaseBackground(
            violence_forms=forms,
            perpetrator_relation=relation,
            duration_months=duration,
            reported_to_police=reported,
            legal_proceedings=legal,
            referral_source=referral,
            referral_other=self.choice(names.REFERRAL_OTHER)
            if referral is ReferralSource.OTHER else "",
            safety_notes=notes,
        )

    def status(self, registered_on: date) -> ParticipantStatus:
        days = (self.today - registered_on).days
        for limit, weighted in _STATUS_BY_AGE_OF_FILE:
            if days < limit:
                return weighted.pick(self.rng)
        return _STATUS_BY_AGE_OF_FILE[-1][1].pick(self.rng)

    # -- a whole participant ------------------------------------------------------------------

    def participant(self) -> ParticipantInput:
        rng = self.rng
        registered_on = self.registered_on()
        low, high = _AGE_BAND.pick(rng)
        age = rng.randint(low, high)  # her age on the day she registered
        full_name, preferred_name = self.name()
        birth_place = _BIRTH_PLACE.pick(rng)
        kecamatan = _KECAMATAN.pick(rng)
        kelurahan = self.choice(KELURAHAN_BY_KECAMATAN[kecamatan])

        nik = ""
        birth_date: date | None = None
        estimated_age: int | None = None
        r = rng.random()
        if r < 0.70:
            birth_date = self.birth_date(registered_on, age)
            other_regions = names.REGION_BY_BIRTH_PLACE.get(birth_place)
            if other_regions and rng.random() < 0.4:
                region = self.choice(other_regions)
            else:
                region = _REGION_BY_KECAMATAN[kecamatan]
            nik = self.nik(region, birth_date)
        elif r < 0.82:
            birth_date = self.birth_date(registered_on, age)
        else:
            estimated_age = age
            if rng.random() < 0.4:  # estimates tend to be round numbers
                estimated_age = max(MIN_AGE, min(MAX_AGE - 1, 5 * round(age / 5)))
                age = estimated_age  # the rest of her record agrees with what is written

        living = _LIVING.pick(rng)
        relation = _RELATION.pick(rng)
        if relation is PerpetratorRelation.SPOUSE:
            marital = _MARITAL_FOR_SPOUSE[living].pick(rng)
        elif relation is PerpetratorRelation.PARTNER:
            marital = _MARITAL_FOR_PARTNER.pick(rng)
        else:
            marital = _MARITAL_OTHER.pick(rng)

        phone = self.mobile() if rng.random() < 0.85 else ""
        safe_to_call = _SAFE_TO_CALL[living].pick(rng) if phone else SafeToCall.NO
        safe_call_times = (self.safe_call_times(living) if safe_to_call is SafeToCall.AT_TIMES
                           else "")
        with_abuser = living is LivingSituation.WITH_ABUSER
        never_contact_at_home = rng.random() < (0.7 if with_abuser else 0.1)
        trusted_name = trusted_phone = ""
        if rng.random() < (0.8 if with_abuser or not phone else 0.45):
            trusted_name, trusted_phone = self.trusted_contact()

        children_count = _CHILDREN.pick(rng)
        if marital is MaritalStatus.UNMARRIED and rng.random() < 0.7:
            children_count = 0
        if age < 22:
            children_count = min(children_count, 2)
        ages = self.children_ages(children_count, age)
        minors = sum(1 for a in ages if a < 18)
        dependants = minors + (rng.choice((1, 1, 2)) if rng.random() < 0.2 else 0)

        occupation = _OCCUPATION.pick(rng)
        income = self.income(occupation)
        if occupation[0] in names.NO_INCOME_OCCUPATIONS or not income:
            dependence = (EconomicDependence.FULL if with_abuser or rng.random() < 0.5
                          else EconomicDependence.PARTIAL)
        elif income < 1_500_000:
            dependence = (EconomicDependence.PARTIAL if rng.random() < 0.7
                          else EconomicDependence.FULL if with_abuser else EconomicDependence.NONE)
        else:
            dependence = (EconomicDependence.NONE if rng.random() < 0.6
                          else EconomicDependence.PARTIAL)

        scopes = {ConsentScope.DATA_USE}
        if (phone or trusted_phone) and rng.random() < 0.85:
            scopes.add(ConsentScope.CONTACT)
        if rng.random() < 0.85:
            scopes.add(ConsentScope.STATISTICS)
        if rng.random() < 0.5:
            scopes.add(ConsentScope.PARTNER_SHARING)
        if rng.random() < 0.2:
            scopes.add(ConsentScope.PHOTOS)

        return ParticipantInput(
            full_name=full_name,
            preferred_name=preferred_name,
            nik=nik,
            birth_date=birth_date,
            estimated_age=estimated_age,
            birth_place=birth_place,
            phone=phone,
            safe_to_call=safe_to_call,
            safe_call_times=safe_call_times,
            trusted_contact_name=trusted_name,
            trusted_contact_phone=trusted_phone,
            never_contact_at_home=never_contact_at_home,
            living_situation=living,
            kecamatan=kecamatan,
            kelurahan=kelurahan,
            marital_status=marital,
            children_count=children_count,
            children_ages=ages,
            dependants=dependants,
            education=_EDUCATION.pick(rng),
            occupation=occupation[0],
            monthly_income=income,
            economic_dependence=dependence,
            status=self.status(registered_on),
            registered_on=registered_on,
            consent=Consent(consent_date=registered_on, scopes=scopes, recorded_by=""),
            case=self.case(living, relation, age),
        )


def generate_participants(count: int, seed: int = 2026,
                          today: date | None = None) -> Iterator[ParticipantInput]:
    """Yield ``count`` valid synthetic participants; the same seed and day give the same ones.

    Registrations fall in the 365 days ending ``today`` (default: the real today), with a share
    kept in the current quarter so that both it and the previous quarter have data.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    generator = _Generator(seed, today or date.today())
    for _ in range(count):
        yield generator.participant()
