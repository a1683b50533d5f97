"""A helper process for ``test_crash_safety.py`` (not a test): register participants until killed.

Usage: ``python writer_process.py DATA_DIR ROUND``, password in ``KDRT_PASSWORD``. Each
participant is registered through ``ParticipantService.register`` in its own transaction; its
line ``CODE ROUND INDEX`` is printed (and flushed) only after the commit. Even indexes come with
a case background, odd ones without.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from kdrt_desk.domain.enums import ConsentScope, PerpetratorRelation, ViolenceForm
from kdrt_desk.domain.participant import CaseBackground, Consent, ParticipantInput
from kdrt_desk.services.participants import ParticipantService
from kdrt_desk.services.vault_access import open_vault

LIMIT = 100_000  # the test kills the process long before


def participant(round_no: str, index: int, today: date) -> ParticipantInput:
    case = None
    if index % 2 == 0:
        case = CaseBackground({ViolenceForm.PSYCHOLOGICAL}, PerpetratorRelation.SPOUSE, 12,
                              safety_notes=f"catatan-{round_no}-{index}")
    return ParticipantInput(
        full_name=f"Penulis Uji {round_no} {index}", estimated_age=30 + index % 40,
        phone="0812-3456-7890", kecamatan="Plaju", occupation=f"penulis-{round_no}-{index}",
        registered_on=today, consent=Consent(today, {ConsentScope.DATA_USE}), case=case,
    )


def main(data_dir: Path, round_no: str) -> int:
    vault = open_vault(data_dir, "admin", os.environ["KDRT_PASSWORD"])
    service = ParticipantService(vault.db, vault.actor)
    today = date.today()
    print("ready", flush=True)
    for index in range(LIMIT):
        record = service.register(participant(round_no, index, today), today)
        print(f"{record.code} {round_no} {index}", flush=True)
    vault.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
