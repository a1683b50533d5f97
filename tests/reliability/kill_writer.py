"""A helper process for ``test_kill_during_writes.py`` (not a test): write until killed.

Usage: ``python kill_writer.py DATA_DIR OUT_DIR``, password in ``KDRT_PASSWORD``. The process
imports the app once and then serves trials: each line on stdin (``TRIAL KIND ARG``) forks a
writer that opens the vault, prints ``ready TRIAL PID`` and then loops over one kind of write
through the real services (``kdrt_desk.wiring``), no sleeps:

- ``participant``: register one participant, then update her again and again (three fields
  carry the same marker: name, occupation and the sealed safety notes);
- ``decision``: decide on the screening ``ARG``, accepted and waitlisted in turn;
- ``attendance``: ``mark_rest_present`` on the next unmarked session whose topic is ``ARG``;
- ``schedule``: apply a greedy schedule for group ``ARG`` over its period, replacing the one
  applied before (a re-plan);
- ``certificate``: issue a batch of three certificates (one PDF each under ``OUT_DIR``), then
  revoke them one by one so they can be issued again;
- ``backup``: make a verified backup after another into ``cadangan`` beside ``OUT_DIR``.

Before each write it prints ``begin TRIAL KIND N`` and after its commit ``done TRIAL KIND N
...ids``. The parent kills the writer with SIGKILL; this process then prints ``exit TRIAL
STATUS`` and waits for the next line. An empty line or end of input ends it.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from datetime import date
from pathlib import Path

from sqlalchemy import select

from kdrt_desk.domain.certificates import IssueRequest
from kdrt_desk.domain.enums import ConsentScope, PerpetratorRelation, ViolenceForm
from kdrt_desk.domain.participant import CaseBackground, Consent, ParticipantInput
from kdrt_desk.domain.screening import DecisionInput, DecisionOutcome
from kdrt_desk.models import Attendance, TrainingGroup, TrainingSession
from kdrt_desk.scheduling.greedy import greedy
from kdrt_desk.services.vault_access import open_vault
from kdrt_desk.wiring import Services, build_services

LIMIT = 100_000  # the parent kills the writer long before
BATCH = 3
FAR_FUTURE = date(2099, 1, 1)  # ``today`` for marking: the pool's sessions may lie ahead


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def participant_input(trial: int, today: date) -> ParticipantInput:
    case = CaseBackground({ViolenceForm.PSYCHOLOGICAL}, PerpetratorRelation.SPOUSE, 12,
                          safety_notes=f"catatan-{trial}-0")
    return ParticipantInput(
        full_name=f"Penulis Uji {trial} 0", estimated_age=30 + trial % 40,
        phone="0812-3456-7890", kecamatan="Plaju", occupation=f"penulis-{trial}-0",
        registered_on=today, consent=Consent(today, {ConsentScope.DATA_USE}), case=case)


def write_participants(services: Services, trial: int) -> None:
    today = date.today()
    say(f"begin {trial} participant 0")
    record = services.participants.register(participant_input(trial, today), today)
    say(f"done {trial} participant 0 {record.id} {record.code}")
    for n in range(1, LIMIT):
        assert record.case is not None
        data = dataclasses.replace(
            record, full_name=f"Penulis Uji {trial} {n}", occupation=f"penulis-{trial}-{n}",
            case=dataclasses.replace(record.case, safety_notes=f"catatan-{trial}-{n}"))
        say(f"begin {trial} participant {n}")
        record = services.participants.update(record.id, data, record.version, today)
        say(f"done {trial} participant {n} {record.id} {record.code}")


def write_decisions(services: Services, trial: int, screening_id: int) -> None:
    for n in range(LIMIT):
        outcome = DecisionOutcome.WAITLISTED if (trial + n) % 2 else DecisionOutcome.ACCEPTED
        priority = 3 if outcome == DecisionOutcome.WAITLISTED else None
        say(f"begin {trial} decision {n}")
        record = services.decisions.decide(DecisionInput(
            screening_id=screening_id, outcome=outcome, priority=priority,
            decided_on=date.today()))
        say(f"done {trial} decision {n} {screening_id} {record.id} {outcome.value}")


def write_attendance(services: Services, trial: int, topic: str) -> None:
    db = services.vault.db
    for n in range(LIMIT):
        with db.reading() as session:
            marked = select(Attendance.session_id)
            session_id = session.scalar(select(TrainingSession.id).where(
                TrainingSession.topic == topic, TrainingSession.id.not_in(marked))
                .order_by(TrainingSession.id).limit(1))
        if session_id is None:
            say(f"spent {trial} attendance")
            return
        say(f"begin {trial} attendance {n}")
        count = services.attendance.mark_rest_present(session_id, today=FAR_FUTURE)
        say(f"done {trial} attendance {n} {session_id} {count}")


def write_schedules(services: Services, trial: int, group_id: int) -> None:
    with services.vault.db.reading() as session:
        group = session.get(TrainingGroup, group_id)
        assert group is not None
        start, end = group.start_date, group.end_date
    problem = services.schedule.problem([group_id], start, end, replan=True)
    result = greedy(problem)
    assert result.sessions and not result.violations, result.status
    for n in range(LIMIT):
        replaced = services.schedule.replaceable([group_id], start, end)
        say(f"begin {trial} schedule {n}")
        views = services.schedule.apply(result, replaced=replaced)
        say(f"done {trial} schedule {n} {group_id} " + ",".join(str(v.id) for v in views))


def write_certificates(services: Services, trial: int, out_dir: Path) -> None:
    certificates = services.certificates
    for n in range(LIMIT):
        free = [row for row in certificates.eligible(include_close=False)
                if row.eligible and not row.existing_serial][:BATCH]
        if len(free) < BATCH:  # all issued: revoke some so they can be issued again
            taken = [row for row in certificates.eligible(include_close=False)
                     if row.eligible and row.existing_serial][:BATCH]
            for row in taken:
                say(f"begin {trial} revoke {n}")
                certificates.revoke(row.existing_serial, "uji pencabutan")
                say(f"done {trial} revoke {n} {row.existing_serial}")
            continue
        folder = out_dir / f"{trial}-{n}"
        folder.mkdir()
        requests = [IssueRequest(row.participant_id, row.module_id, row.group_id or 0)
                    for row in free]
        say(f"begin {trial} certificate {n}")
        batch = certificates.issue(requests, None, per_participant=folder)
        say(f"done {trial} certificate {n} " + ",".join(batch.serials))
        for serial in batch.serials:
            say(f"begin {trial} revoke {n}")
            certificates.revoke(serial, "uji pencabutan")
            say(f"done {trial} revoke {n} {serial}")


def write_backups(services: Services, trial: int, out_dir: Path) -> None:
    folder = backup_folder(out_dir)
    folder.mkdir(exist_ok=True)
    for n in range(LIMIT):
        target = folder / f"{trial}-{n}.kdrtbackup"
        say(f"begin {trial} backup {n}")
        _record, check = services.backups.make(target)
        say(f"done {trial} backup {n} {target.name} {int(check.ok)}")


def backup_folder(out_dir: Path) -> Path:
    return out_dir.with_name("cadangan")


def writer(data_dir: Path, out_dir: Path, trial: int, kind: str, arg: str) -> None:
    vault = open_vault(data_dir, "admin", os.environ["KDRT_PASSWORD"])
    services = build_services(vault)
    say(f"ready {trial} {os.getpid()}")
    if kind == "participant":
        write_participants(services, trial)
    elif kind == "decision":
        write_decisions(services, trial, int(arg))
    elif kind == "attendance":
        write_attendance(services, trial, arg)
    elif kind == "schedule":
        write_schedules(services, trial, int(arg))
    elif kind == "certificate":
        write_certificates(services, trial, out_dir)
    elif kind == "backup":
        write_backups(services, trial, out_dir)
    else:
        raise SystemExit(f"unknown kind {kind}")
    services.close()


def main(data_dir: Path, out_dir: Path) -> int:
    say("serving")
    for line in sys.stdin:
        if not line.strip():
            break
        trial_text, kind, arg = line.split()
        trial = int(trial_text)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:  # the writer
            code = 0
            try:
                writer(data_dir, out_dir, trial, kind, arg)
            except BaseException as exc:  # noqa: BLE001 - reported to the parent, then exit
                say(f"error {trial} {type(exc).__name__}: {exc}")
                code = 1
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        say(f"exit {trial} {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
