"""Issue 14: ``kill -9`` in the middle of five kinds of writes leaves nothing half written.

``kill_writer.py`` imports the app once and forks one writer per trial; each writer opens a copy
of the demo vault and loops over one kind of write through the real services, printing a line
before each write and one after its commit. The test kills the writer with SIGKILL at a seeded
random moment after its first commit; a trial counts only when the kill landed while a write was
in flight (the writer's last line is a ``begin``). The kinds: participant saves (register, then
updates), screening decisions, attendance (a whole session marked in one call), applying a
schedule (a re-plan replacing the last one), certificate batches (revoked again in between)
and backups (each verified after writing).

Afterwards the vault must open, pass ``PRAGMA integrity_check`` and the audit chain check, hold
every change whose line was printed, and hold no part of any change: each participant's fields
carry one marker, each screening one current decision matching her status, each marked session
all its members' marks or none, one applied schedule for the group and no leftover, and serial
numbers without gaps, each certificate in exactly one audited batch, each certificate file in
the output folder naming a certificate of the register; every backup file a user can see opens
and passes its check, and the next backup sweeps what a killed one left (its work folder in the
data folder, its hidden partial file).

Trial counts: ``TRIALS_PER_KIND`` kills in flight per kind (6 x 20 = 120 in all), each writer
opening the vault in about 0.1 s (the admin's password is re-derived with the tests' fast key
derivation first): 110 to 120 kills, 60 to 85 s on two cores (the printed line gives the counts).
``test_a_batch_that_dies_after_its_first_file_leaves_no_certificate_file`` makes the certificate
case deterministic: the process dies right after the first file of a batch is written.
"""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import time as clock_time
from pathlib import Path

import pytest
from cli_harness import CliVault
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session
from support.constants import FAST_KDF

from kdrt_desk.domain.certificates import IssueRequest
from kdrt_desk.domain.screening import STATUS_AFTER_DECISION, DecisionOutcome
from kdrt_desk.domain.training import SessionInput
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.models import (
    Attendance,
    AuditEntry,
    Certificate,
    CertificateSerial,
    Participant,
    ParticipantCase,
    Screening,
    ScreeningDecision,
    TrainingGroup,
    TrainingSession,
)
from kdrt_desk.security import atomic_file
from kdrt_desk.wiring import Services

WRITER = Path(__file__).with_name("kill_writer.py")
KINDS = ("participant", "decision", "attendance", "schedule", "certificate", "backup")
TRIALS_PER_KIND = 20
MAX_ATTEMPTS = 4 * TRIALS_PER_KIND * len(KINDS)
SEED = 14
POOL_TOPIC = "uji-hadir"
POOL_SIZE = 140
SCREENINGS = 12
TIMEOUT = 60
NEW_PASSWORD = "kata-sandi-keandalan-14"


@dataclass
class Trial:
    number: int
    kind: str
    lines: list[list[str]] = field(default_factory=list)

    @property
    def in_flight(self) -> str | None:
        """The kind of write the kill landed in, None when it landed between writes."""
        writes = [line for line in self.lines if line[0] in ("begin", "done")]
        if not writes or writes[-1][0] != "begin":
            return None
        return writes[-1][2]

    def done(self, kind: str) -> list[list[str]]:
        return [line for line in self.lines if line[0] == "done" and line[2] == kind]


class Writer:
    """The fork server: one trial at a time, every line it prints kept with its trial."""

    def __init__(self, vault: CliVault, out_dir: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(vault.data_dir), str(out_dir)], env=vault.env(),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue[tuple[float, str] | None] = queue.Queue()
        self.reader = threading.Thread(target=self._pump, daemon=True)
        self.reader.start()
        assert self._next()[1] == "serving"

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put((time.monotonic(), line.rstrip("\n")))
        self.lines.put(None)

    def _next(self) -> tuple[float, str]:
        item = self.lines.get(timeout=TIMEOUT)
        if item is None:
            assert self.proc.stderr is not None
            pytest.fail(f"the writer process ended: {self.proc.stderr.read()}")
        return item

    def run(self, trial: Trial, arg: str, rng: random.Random) -> None:
        """Start a writer, wait for its first commit, kill it at a random moment."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{trial.number} {trial.kind} {arg}\n")
        self.proc.stdin.flush()
        pid = 0
        began = 0.0
        while True:
            at, line = self._next()
            words = line.split()
            trial.lines.append(words)
            if words[0] == "error" or words[0] == "spent" or words[0] == "exit":
                pytest.fail(f"trial {trial.number} ({trial.kind}) ended before the kill: "
                            f"{line}")
            if words[0] == "ready":
                pid = int(words[2])
            elif words[0] == "begin":
                began = at
            elif words[0] == "done":
                took = max(at - began, 0.001)
                break
        time.sleep(rng.uniform(0, 1.5 * took))  # anywhere in this write or the next
        os.kill(pid, signal.SIGKILL)
        while True:
            _, line = self._next()
            words = line.split()
            if words[0] == "exit":
                assert int(words[2]) == signal.SIGKILL, f"writer not killed: {line}"
                return
            trial.lines.append(words)

    def stop(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("\n")
        self.proc.stdin.close()
        self.proc.wait(timeout=TIMEOUT)
        self.reader.join(timeout=TIMEOUT)
        assert self.proc.stdout is not None and self.proc.stderr is not None
        self.proc.stdout.close()
        self.proc.stderr.close()


@dataclass(frozen=True)
class Targets:
    screenings: tuple[int, ...]
    group_id: int
    last_decision: int  # the demo's own rows (made by its generator) before the writers'
    demo_serials: frozenset[str]


def prepare(vault: CliVault) -> Targets:
    """Fast key derivation for the admin, a pool of sessions to mark, what the writers use."""
    services = vault.services()
    try:
        services.vault.keys.kdf = FAST_KDF
        services.accounts.change_own_password(vault.password, NEW_PASSWORD)
        with services.vault.db.reading() as session:
            held = session.execute(select(
                TrainingSession.group_id, TrainingSession.module_id, TrainingSession.session_date,
                TrainingSession.venue_id, TrainingSession.facilitator_id)
                .where(TrainingSession.status == "held").order_by(TrainingSession.id)).all()
            latest = (select(func.max(Screening.id)).group_by(Screening.participant_id))
            screenings = tuple(session.scalars(
                select(Screening.id).join(Participant, Participant.id == Screening.participant_id)
                .where(Screening.id.in_(latest),
                       Participant.status.in_(("accepted", "waitlisted", "not_eligible")))
                .order_by(Screening.id).limit(SCREENINGS)))
            group_id = session.scalar(select(TrainingGroup.id).where(
                TrainingGroup.id.not_in(select(TrainingSession.group_id)))
                .order_by(TrainingGroup.start_date.desc()).limit(1))
            last_decision = session.scalar(select(func.max(ScreeningDecision.id))) or 0
            demo_serials = frozenset(session.scalars(select(Certificate.serial)))
        made = 0
        for group, module, day, venue, facilitator in held:
            try:
                services.sessions.create_many([SessionInput(
                    group_id=group, module_id=module, session_date=day,
                    start_time=clock_time(19), end_time=clock_time(20), venue_id=venue,
                    facilitator_id=facilitator, topic=POOL_TOPIC)])
            except (UserError, ValidationError):
                continue  # a clash with an evening session made just before: the next one
            made += 1
            if made == POOL_SIZE:
                break
        assert made == POOL_SIZE and len(screenings) == SCREENINGS and group_id is not None
    finally:
        services.close()
    vault.password = NEW_PASSWORD
    return Targets(screenings, group_id, last_decision, demo_serials)


def run_trials(vault: CliVault, targets: Targets, out_dir: Path) -> list[Trial]:
    rng = random.Random(SEED)
    counted: Counter[str] = Counter()
    trials: list[Trial] = []
    writer = Writer(vault, out_dir)
    try:
        while min(counted[k] for k in KINDS) < TRIALS_PER_KIND:
            assert len(trials) < MAX_ATTEMPTS, f"too few kills in flight: {counted}"
            kind = min(KINDS, key=lambda k: (counted[k], KINDS.index(k)))
            arg = {"decision": str(targets.screenings[len(trials) % len(targets.screenings)]),
                   "attendance": POOL_TOPIC, "schedule": str(targets.group_id)}.get(kind, "-")
            trial = Trial(len(trials) + 1, kind)
            writer.run(trial, arg, rng)
            trials.append(trial)
            if trial.in_flight == kind:
                counted[kind] += 1
    finally:
        writer.stop()
    return trials


def visible(folder: Path) -> list[Path]:
    """The files a user sees in a folder: a batch killed before its commit may leave only its
    hidden staged files (``.<name>.<random>.kdrt-part``), which the next batch there sweeps."""
    files = list(folder.iterdir())
    assert all(not f.name.startswith(".") or f.name.endswith(atomic_file.STAGED_SUFFIX)
               for f in files), files
    return [f for f in files if not f.name.startswith(".")]


def _audits(session: Session, action: str) -> list[AuditEntry]:
    return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def check_participants(session: Session, trials: list[Trial]) -> None:
    for trial in (t for t in trials if t.kind == "participant"):
        printed = trial.done("participant")
        participant_id, code = int(printed[0][4]), printed[0][5]
        row = session.get(Participant, participant_id)
        assert row is not None and row.code == code, f"trial {trial.number}: she is missing"
        case = session.get(ParticipantCase, participant_id)
        assert case is not None, f"trial {trial.number}: her case background is missing"
        marker = row.occupation.removeprefix(f"penulis-{trial.number}-")
        assert row.full_name == f"Penulis Uji {trial.number} {marker}", (row.full_name, marker)
        assert case.safety_notes == f"catatan-{trial.number}-{marker}", (case.safety_notes,
                                                                        marker)
        last = int(printed[-1][3])
        in_flight = 1 if trial.in_flight == "participant" else 0
        assert last <= int(marker) <= last + in_flight, (trial.number, last, marker)
        created = session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "participant_created", AuditEntry.target == code))
        updated = session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "participant_updated", AuditEntry.target == code))
        assert (created, updated) == (1, int(marker)), "each save has its audit entry"
        assert row.version == int(marker) + 1, "the version counts her saves"


def check_decisions(session: Session, trials: list[Trial], targets: Targets) -> None:
    printed = {int(line[5]): (int(line[4]), line[6])
               for t in trials for line in t.done("decision")}
    audited = {json.loads(e.details)["decision"] for e in _audits(session, "decision_made")}
    for screening_id in targets.screenings:
        rows = list(session.scalars(select(ScreeningDecision).where(
            ScreeningDecision.screening_id == screening_id)))
        current = [r for r in rows if r.current]
        assert len(current) == 1, f"screening {screening_id}: {len(current)} current decisions"
        person = session.get(Participant, current[0].participant_id)
        assert person is not None
        expected = STATUS_AFTER_DECISION[DecisionOutcome(current[0].outcome)].value
        assert person.status == expected, "her status follows the current decision"
        assert max(r.id for r in rows) == current[0].id, "the newest decision is the current one"
        missing = [r.id for r in rows if r.id > targets.last_decision and r.id not in audited]
        assert not missing, f"decisions without their audit entry: {missing}"
    for decision_id, (screening_id, outcome) in printed.items():
        row = session.get(ScreeningDecision, decision_id)
        assert row is not None, f"decision {decision_id} was printed (committed) but is missing"
        assert (row.screening_id, row.outcome) == (screening_id, outcome)


def check_attendance(services: Services, session: Session, trials: list[Trial]) -> int:
    printed = {int(line[4]): int(line[5]) for t in trials for line in t.done("attendance")}
    taken = {e.target for e in _audits(session, "attendance_taken")}
    pool = list(session.scalars(select(TrainingSession).where(
        TrainingSession.topic == POOL_TOPIC)))
    marked = 0
    for row in pool:
        count = session.scalar(select(func.count()).select_from(Attendance).where(
            Attendance.session_id == row.id))
        members = len(services.attendance.roll_call(row.id))
        assert count in (0, members), f"session {row.id}: {count} of {members} marks written"
        assert (row.status == "held") == (count > 0), (row.id, row.status, count)
        assert (f"session:{row.id}" in taken) == (count > 0), f"session {row.id}: audit entry"
        if row.id in printed:
            assert count == printed[row.id] > 0, f"session {row.id}: printed marks missing"
        marked += count > 0
    in_flight = sum(t.in_flight == "attendance" for t in trials)
    assert len(printed) <= marked <= len(printed) + in_flight
    return marked


def check_schedule(session: Session, trials: list[Trial], group_id: int) -> None:
    printed = [line[5].split(",") for t in trials for line in t.done("schedule")]
    size = len(printed[0])
    assert all(len(ids) == size for ids in printed)
    rows = list(session.scalars(select(TrainingSession).where(
        TrainingSession.group_id == group_id)))
    live = [r for r in rows if r.status in ("planned", "moved")]
    assert len(live) == size, f"{len(live)} live sessions, one schedule has {size}"
    assert len({r.created_at for r in live}) == 1, "the live sessions come from two applies"
    applied = [e for e in _audits(session, "schedule_applied") if e.target == f"group:{group_id}"]
    batches = Counter(r.created_at for r in rows)
    assert len(applied) == len(batches), "each applied schedule has its audit entry"
    assert set(batches.values()) == {size}, "an applied schedule is all of it or nothing"
    cancelled = {f"session:{r.id}" for r in rows if r.status == "cancelled"}
    audited = {e.target for e in _audits(session, "session_cancelled")}
    assert len(cancelled) == (len(applied) - 1) * size and cancelled <= audited
    known = {str(r.id) for r in rows}
    assert all(set(ids) <= known for ids in printed), "a printed session is missing"


def check_certificates(session: Session, trials: list[Trial], targets: Targets,
                       out_dir: Path) -> int:
    rows = {c.serial: c for c in session.scalars(select(Certificate))}
    for counter in session.scalars(select(CertificateSerial)):
        numbers = sorted(c.number for c in rows.values() if c.year == counter.year)
        assert numbers == list(range(1, counter.last + 1)), f"serial gap in {counter.year}"
    batches: dict[str, int] = {}
    for entry in _audits(session, "certificates_issued"):
        for serial in json.loads(entry.details)["serials"]:
            assert serial not in batches, f"{serial} in two audited batches"
            assert serial in rows, f"audited {serial} is not in the register"
            batches[serial] = entry.id
    new = set(rows) - targets.demo_serials
    assert new - set(batches) == set(), "a certificate without its audit entry"
    revoked = {e.target for e in _audits(session, "certificate_revoked")}
    assert {s for s in new if rows[s].status == "revoked"} == revoked - targets.demo_serials
    for t in trials:
        for line in t.done("certificate"):
            assert all(s in rows for s in line[4].split(",")), f"printed batch missing: {line}"
    problems = []
    for folder in sorted(p for p in out_dir.iterdir() if p.is_dir()):
        entries = set()
        for pdf in sorted(visible(folder)):
            name, _, code = pdf.stem.partition("_")
            serial = name.replace("-", "/")
            cert = rows.get(serial)
            if cert is None or cert.participant_code != code:
                problems.append(f"{folder.name}/{pdf.name}: no such certificate in the register"
                                if cert is None else
                                f"{folder.name}/{pdf.name}: {serial} belongs to "
                                f"{cert.participant_code}")
            else:
                entries.add(batches[serial])
        if len(entries) > 1:
            problems.append(f"{folder.name}: files of {len(entries)} batches")
    assert not problems, "certificate files left by a batch that never committed:\n" + \
        "\n".join(problems)
    return len(list(out_dir.iterdir()))


def check_backups(vault: CliVault, trials: list[Trial], out_dir: Path) -> int:
    from kdrt_desk.security.secret_store import SecretStore
    from kdrt_desk.services.backups import PRIVATE_PREFIX, check_backup

    folder = out_dir.with_name("cadangan")
    printed = {line[4]: line[5] for t in trials for line in t.done("backup")}
    assert printed and set(printed.values()) == {"1"}, "each backup passed its verification"
    shown = visible(folder)
    assert set(printed) <= {f.name for f in shown}, "a printed backup is missing"
    vault.sync_keyring()  # this PC's installation secret, from the vault's own keyring file
    for backup in shown:  # also those placed but killed while being verified
        checked = check_backup(backup, username="admin", password=vault.password,
                               store=SecretStore())
        assert checked.ok, (backup.name, checked)
    services = vault.services()
    try:
        services.backups.make(folder / "setelah.kdrtbackup")
    finally:
        services.close()
    assert not list(vault.data_dir.glob(f"{PRIVATE_PREFIX}*")), "a work folder was left"
    assert not [f for f in folder.iterdir() if f.name.startswith(".")], "a partial file left"
    return len(shown)


@pytest.mark.slow
def test_kill_9_during_writes_leaves_nothing_half_written(demo_copy: CliVault,
                                                           tmp_path: Path) -> None:
    targets = prepare(demo_copy)
    out_dir = tmp_path / "sertifikat"
    out_dir.mkdir()
    trials = run_trials(demo_copy, targets, out_dir)

    landed = Counter(t.in_flight for t in trials if t.in_flight is not None)
    committed = Counter(line[2] for t in trials for line in t.lines if line[0] == "done")
    print(f"\n{len(trials)} kills; in flight by kind: {dict(landed)}; "
          f"between writes: {sum(t.in_flight is None for t in trials)}; "
          f"commits printed: {dict(committed)}")
    assert sum(landed[k] for k in KINDS) >= TRIALS_PER_KIND * len(KINDS)

    services = demo_copy.services()  # the killed writers' instance locks are gone
    try:
        with services.vault.db.reading() as session:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert session.execute(text("PRAGMA foreign_key_check")).all() == []
            check_participants(session, trials)
            check_decisions(session, trials, targets)
            marked = check_attendance(services, session, trials)
            check_schedule(session, trials, targets.group_id)
            folders = check_certificates(session, trials, targets, out_dir)
        chain = services.audit.verify()
    finally:
        services.close()
    backups = check_backups(demo_copy, trials, out_dir)
    print(f"sessions marked: {marked}; certificate folders: {folders}; backups: {backups}")
    assert chain.ok and chain.first_broken_id is None, chain
    verify = demo_copy.run("audit", "verify")
    assert verify.returncode == 0, verify.stderr


DIE_AFTER_FIRST_FILE = """
import os, sys
from pathlib import Path
from kdrt_desk.domain.certificates import IssueRequest
from kdrt_desk.security import atomic_file
from kdrt_desk.services.vault_access import open_vault
from kdrt_desk.wiring import build_services

services = build_services(open_vault(Path(sys.argv[1]), "admin", os.environ["KDRT_PASSWORD"]))
certificates = services.certificates
rows = [r for r in certificates.eligible(include_close=False)
        if r.eligible and r.existing_serial][:2]
for row in rows:
    certificates.revoke(row.existing_serial, "uji pencabutan")
real = atomic_file.stage

def write_then_die(path, data):
    staged = real(path, data)
    print("written", path.name, flush=True)
    os._exit(9)  # the power goes: the batch's transaction never commits

atomic_file.stage = write_then_die
certificates.issue([IssueRequest(r.participant_id, r.module_id, r.group_id or 0) for r in rows],
                   None, per_participant=Path(sys.argv[2]))
"""


def test_a_batch_that_dies_after_its_first_file_leaves_no_certificate_file(
        demo_copy: CliVault, tmp_path: Path) -> None:
    """The deterministic form of the random kills above: the process dies right after the
    batch's first certificate PDF is written, before its transaction commits."""
    folder = tmp_path / "sertifikat"
    folder.mkdir()
    done = subprocess.run([sys.executable, "-c", DIE_AFTER_FIRST_FILE, str(demo_copy.data_dir),
                           str(folder)], env=demo_copy.env(), capture_output=True, text=True,
                          timeout=TIMEOUT)
    assert done.returncode == 9 and done.stdout.startswith("written "), done
    services = demo_copy.services()
    try:
        with services.vault.db.reading() as session:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            rows = {c.serial: c.participant_code for c in session.scalars(select(Certificate))}
    finally:
        services.close()
    left = []
    for pdf in sorted(visible(folder)):
        name, _, code = pdf.stem.partition("_")
        if rows.get(name.replace("-", "/")) != code:
            left.append(f"{pdf.name}: the register has {rows.get(name.replace('-', '/'))}")
    assert not left, ("a certificate file of a batch that never committed (its serial will be "
                      "given to the next certificate):\n" + "\n".join(left))
    staged = [p for p in folder.iterdir() if p.name.endswith(atomic_file.STAGED_SUFFIX)]
    assert len(staged) == 1 and staged[0].name.startswith("."), list(folder.iterdir())

    services = demo_copy.services()  # the next batch into that folder sweeps the leftover
    try:
        rows_now = [r for r in services.certificates.eligible(include_close=False)
                    if r.eligible and not r.existing_serial][:1]
        assert rows_now, "the demo has a woman to issue a certificate to"
        batch = services.certificates.issue(
            [IssueRequest(r.participant_id, r.module_id, r.group_id or 0) for r in rows_now],
            None, per_participant=folder)
    finally:
        services.close()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        Path(f).name for f in batch.files), "the leftover is swept, the new file placed"
