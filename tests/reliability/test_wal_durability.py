"""Issue 14: a copy of ``kdrt.db`` alone holds every committed change.

Office staff copy just the database file to a USB stick, and a crash leaves the newest commits
in ``kdrt.db-wal``. The vault commits with ``synchronous = FULL`` and moves the WAL into the file
once a burst of writes has ended (``kdrt_desk.db.engine.Checkpointer``) and on close; ``kdrt-desk
check`` warns about a non-empty WAL left while no app holds the vault.

- A writer process opens a copy of the demo vault through the real services, registers women
  (printing each commit), prints the end of its burst, waits a moment and is killed with
  SIGKILL; only ``kdrt.db`` and the key file are copied to a new folder, and the copy holds every
  printed woman. The killed writer's WAL is still there (not empty): the changes were not saved
  by a close. Every connection of the app reads ``PRAGMA synchronous`` back as FULL (2).
- After a normal close no WAL content is left and ``check`` says nothing about it.
- With a killed writer's WAL left and no app running, ``check`` warns (Indonesian and English),
  says the check's own open and close moved it into ``kdrt.db``, and exits 0; while an app holds
  the vault its WAL is not reported.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cli_harness import CliVault, message
from sqlalchemy import select, text

from kdrt_desk.cli.vault import wal_left_over
from kdrt_desk.db.engine import CHECKPOINT_DELAY, run_outside_transaction, wal_path
from kdrt_desk.domain.enums import ConsentScope, PerpetratorRelation, ViolenceForm
from kdrt_desk.domain.participant import CaseBackground, Consent, ParticipantInput
from kdrt_desk.models import Participant

TIMEOUT = 60
WOMEN = 12
SETTLE = CHECKPOINT_DELAY + 2.0  # the burst's checkpoint is due CHECKPOINT_DELAY after it

WRITER = """
import os, sys, time
from datetime import date
from pathlib import Path
from kdrt_desk.domain.enums import ConsentScope, PerpetratorRelation, ViolenceForm
from kdrt_desk.domain.participant import CaseBackground, Consent, ParticipantInput
from kdrt_desk.services.vault_access import open_vault
from kdrt_desk.wiring import build_services

services = build_services(open_vault(Path(sys.argv[1]), "admin", os.environ["KDRT_PASSWORD"]))
today = date.today()
for n in range(int(sys.argv[2])):
    case = CaseBackground({ViolenceForm.PSYCHOLOGICAL}, PerpetratorRelation.SPOUSE, 6,
                          safety_notes=f"catatan-wal-{n}")
    record = services.participants.register(ParticipantInput(
        full_name=f"Salinan Uji {n}", estimated_age=31, phone="0812-1111-2222",
        kecamatan="Plaju", occupation=f"wal-{n}", registered_on=today,
        consent=Consent(today, {ConsentScope.DATA_USE}), case=case), today)
    print("done", record.id, record.code, flush=True)
print("burst", flush=True)
time.sleep(float(sys.argv[3]))
print("settled", os.getpid(), flush=True)
time.sleep(120)  # killed long before
"""


@dataclass(frozen=True)
class Killed:
    committed: dict[int, str]  # participant id -> code, each printed after its commit
    wal_size: int  # the WAL the killed process left


def kill_writer_after_burst(vault: CliVault, women: int = WOMEN) -> Killed:
    """Register ``women`` in a separate process, let the burst end, then ``kill -9`` it."""
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(vault.data_dir), str(women),
                             str(SETTLE)], env=vault.env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    committed: dict[int, str] = {}
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            words = line.split()
            if words[0] == "done":
                committed[int(words[1])] = words[2]
            elif words[0] == "settled":
                os.kill(int(words[1]), signal.SIGKILL)
                break
        proc.wait(timeout=TIMEOUT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=TIMEOUT)
        assert proc.stdout is not None and proc.stderr is not None
        error = proc.stderr.read()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, error
    assert len(committed) == women, error
    wal = wal_path(vault.data_dir / "kdrt.db")
    return Killed(committed, wal.stat().st_size if wal.exists() else 0)


def copy_database_alone(vault: CliVault, folder: Path) -> CliVault:
    """What the office does: ``kdrt.db`` (and the key file) to a USB stick, nothing else."""
    folder.mkdir()
    for name in ("kdrt.db", "kdrt.keys"):
        shutil.copy2(vault.data_dir / name, folder / name)
    return CliVault(folder, vault.keyring_file, vault.password, vault.home,
                    vault.recovery_code, vault.memory)


def wal_content(vault: CliVault) -> int:
    wal = wal_path(vault.data_dir / "kdrt.db")
    return wal.stat().st_size if wal.exists() else 0


def wal_lines(output: str) -> list[str]:
    starts = [message("cli.check_wal_left", lang, wal="kdrt.db-wal")[:30] for lang in ("id", "en")]
    return [line for line in output.splitlines() if any(line.startswith(s) for s in starts)]


def test_a_copy_of_kdrt_db_alone_holds_every_commit_of_a_killed_writer(
        demo_copy: CliVault, tmp_path: Path) -> None:
    killed = kill_writer_after_burst(demo_copy)
    assert killed.wal_size > 0, "the killed writer left its WAL (it was not closed)"

    stick = copy_database_alone(demo_copy, tmp_path / "usb")
    services = stick.services()
    try:
        with services.vault.db.reading() as session:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            found = {row.id: row.code for row in session.execute(select(
                Participant.id, Participant.code).where(Participant.id.in_(killed.committed)))}
            names = set(session.scalars(select(Participant.full_name).where(
                Participant.id.in_(killed.committed))))
        chain = services.audit.verify()
    finally:
        services.close()
    missing = sorted(set(killed.committed) - set(found))
    assert not missing, (f"{len(missing)} of {len(killed.committed)} committed women are not in "
                         "the copy of kdrt.db")
    assert found == killed.committed
    assert names == {f"Salinan Uji {n}" for n in range(WOMEN)}
    assert chain.ok, chain


def test_every_connection_of_the_app_commits_with_synchronous_full(demo_copy: CliVault) -> None:
    services = demo_copy.services()
    try:
        engine = services.vault.db.engine
        with engine.connect() as first, engine.connect() as second:  # two pooled connections
            seen = [conn.execute(text("PRAGMA synchronous")).scalar() for conn in (first, second)]
        with services.vault.db.reading() as session:
            seen.append(session.execute(text("PRAGMA synchronous")).scalar())
        seen.append(run_outside_transaction(engine, "PRAGMA synchronous")[0][0])
        mode = run_outside_transaction(engine, "PRAGMA journal_mode")[0][0]
    finally:
        services.close()
    assert seen == [2, 2, 2, 2], f"PRAGMA synchronous read back {seen} (2 is FULL)"
    assert mode == "wal"


def test_a_normal_close_leaves_no_wal_and_check_says_nothing_of_it(demo_copy: CliVault,
                                                                   tmp_path: Path) -> None:
    services = demo_copy.services()
    today = date.today()
    try:
        record = services.participants.register(ParticipantInput(
            full_name="Tutup Normal", estimated_age=40, phone="0812-3333-4444",
            kecamatan="Plaju", occupation="tutup", registered_on=today,
            consent=Consent(today, {ConsentScope.DATA_USE}),
            case=CaseBackground({ViolenceForm.PHYSICAL}, PerpetratorRelation.SPOUSE, 3)), today)
        assert wal_content(demo_copy) > 0, "the commit went to the WAL first"
    finally:
        services.close()
    assert wal_content(demo_copy) == 0, "a normal close left WAL content"
    assert not wal_left_over(demo_copy.data_dir)

    stick = copy_database_alone(demo_copy, tmp_path / "usb")
    services = stick.services()
    try:
        with services.vault.db.reading() as session:
            assert session.get(Participant, record.id) is not None
    finally:
        services.close()

    for lang in ("id", "en"):
        result = demo_copy.run("check", lang=lang)
        assert result.returncode == 0, result.stdout + result.stderr
        assert wal_lines(result.stdout) == [], result.stdout
        assert message("cli.check_wal_moved", lang, wal="kdrt.db-wal") not in result.stdout


def test_check_warns_of_a_wal_left_while_no_app_holds_the_vault(demo_copy: CliVault) -> None:
    killed = kill_writer_after_burst(demo_copy, women=3)
    assert killed.wal_size > 0
    assert wal_left_over(demo_copy.data_dir)

    services = demo_copy.services()  # an app holds the vault: its WAL is normal, not reported
    try:
        assert wal_content(demo_copy) > 0
        assert not wal_left_over(demo_copy.data_dir)
    finally:
        services.close()
    assert not wal_left_over(demo_copy.data_dir), "the app's close emptied the WAL"

    killed = kill_writer_after_burst(demo_copy, women=2)
    assert killed.wal_size > 0
    result = demo_copy.run("check", lang="en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert wal_lines(result.stdout) == [message("cli.check_wal_left", "en", wal="kdrt.db-wal")]
    assert message("cli.check_wal_moved", "en", wal="kdrt.db-wal") in result.stdout.splitlines()
    assert wal_content(demo_copy) == 0, "the check's own open and close moved the WAL"

    killed = kill_writer_after_burst(demo_copy, women=1)
    assert killed.wal_size > 0
    result = demo_copy.run("check", lang="id")
    assert result.returncode == 0, result.stdout + result.stderr
    assert wal_lines(result.stdout) == [message("cli.check_wal_left", "id", wal="kdrt.db-wal")]
    assert "kdrt.db" in result.stdout and "Jangan pernah menyalin" in result.stdout
