"""Finding 12: staf alone can no longer anonymise a woman's record for good.

Staf records a withdrawal of consent: the record keeps her name and NIK and waits for an Admin
or Konselor; staf cannot confirm it herself; a Konselor's confirmation anonymises it.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from cli_harness import CliVault

from kdrt_desk.domain.enums import ConsentScope
from kdrt_desk.domain.participant import Consent, ParticipantInput
from kdrt_desk.errors import PermissionDeniedError
from kdrt_desk.repositories.names import ANONYMISED_MARKER, shown_name

TODAY = date.today()
NAME = "Lestari Mundur Persetujuan"
NIK = "1671045507910003"  # Palembang, a woman born 15-07-1991


def test_staf_withdrawal_waits_for_a_konselor(demo_copy: CliVault) -> None:
    admin = demo_copy.services("admin")
    try:
        pid = admin.participants.register(ParticipantInput(
            full_name=NAME, nik=NIK, birth_date=date(1991, 7, 15), kecamatan="Plaju",
            registered_on=TODAY - timedelta(days=30),
            consent=Consent(TODAY - timedelta(days=30),
                            {ConsentScope.DATA_USE, ConsentScope.CONTACT})), TODAY).id
    finally:
        admin.close()

    staf = demo_copy.services("staf")
    try:
        anonymised = staf.consent.withdraw_data_use(pid, TODAY, confirm=True, today=TODAY)
        assert anonymised is False
        record = staf.participants.get(pid)
        assert record.full_name == NAME and record.nik == NIK and record.anonymised_on is None
        assert staf.consent.withdrawal_request(pid) == "staf"
        with pytest.raises(PermissionDeniedError):
            staf.consent.confirm_withdrawal(pid, today=TODAY)
        assert staf.participants.get(pid).full_name == NAME
        assert not staf.consent.may_contact(pid)  # her consent stopped counting at once
    finally:
        staf.close()

    konselor = demo_copy.services("konselor")
    try:
        pending = {row[0]: row for row in konselor.consent.pending_withdrawals()}
        assert pending[pid][4] == "staf"
        konselor.consent.confirm_withdrawal(pid, today=TODAY)
        record = konselor.participants.get(pid)
        assert record.full_name == shown_name(ANONYMISED_MARKER)
        assert not record.nik
        assert record.anonymised_on == TODAY
        code = record.code
    finally:
        konselor.close()

    admin = demo_copy.services("admin")
    try:
        entries = [e for e in admin.audit.entries(action="participant_anonymised")
                   if e.target == code]
    finally:
        admin.close()
    assert [(e.actor, e.details.get("requested_by")) for e in entries] == [("konselor", "staf")]
