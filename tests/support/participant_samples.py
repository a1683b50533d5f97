"""Valid participant inputs for the service tests (synthetic, made up for the tests)."""

from __future__ import annotations

from datetime import date

from kdrt_desk.domain.enums import ConsentScope, PerpetratorRelation, ViolenceForm
from kdrt_desk.domain.participant import CaseBackground, Consent, ParticipantInput

TODAY = date(2026, 11, 27)


def sample(**changes: object) -> ParticipantInput:
    data = ParticipantInput(
        full_name="Siti Aminah Lestari", preferred_name="Ami", nik="1671044506850001",
        birth_date=date(1985, 6, 5), birth_place="Palembang", phone="0812-3456-7890",
        kecamatan="Plaju", kelurahan="Plaju Ulu", children_count=2, children_ages=[4, 9],
        dependants=2, occupation="Pedagang di Pasar 16 Ilir", monthly_income=1_500_000,
        registered_on=date(2026, 11, 20),
        consent=Consent(date(2026, 11, 20), {ConsentScope.DATA_USE, ConsentScope.CONTACT}),
        case=CaseBackground({ViolenceForm.PHYSICAL, ViolenceForm.PSYCHOLOGICAL},
                            PerpetratorRelation.SPOUSE, 36,
                            safety_notes="Suami memeriksa ponselnya setiap malam."),
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data
