"""Roll-call: ``AttendanceService.mark`` for each member of a session of 30. Target <= 50 ms.

A vault (default Argon2id, in-memory test keyring) with one group of 30 enrolled members
(``GroupService.enrol``) and one session per run on a past weekday (``SessionService.create``).
Each run takes the roll-call of a fresh session the way the roll-call screen does: one
``mark`` per member, each its own transaction (the first one also makes the session "held"),
then re-marks everyone with a different mark (a correction: the mark changes and an audit entry
is written). Reported: median and worst single mark over all runs, for first marks and re-marks.

Baseline, same vault and run: a bare single-row UPDATE + commit (``Database.transaction`` around
``UPDATE attendance SET reason = ... WHERE id = ...``), the floor any saved-at-once mark pays.

    python benchmarks/attendance_mark.py [--members 30] [--runs 5]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, time, timedelta
from functools import partial

from _common import header, median, ms, result_line, temp_folder, timed, verdict
from _programme import add_participants, open_programme

TARGET = 0.050


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=30)
    parser.add_argument("--runs", type=int, default=5, help="sessions taken, each a roll-call")
    args = parser.parse_args()
    header(f"attendance mark: roll-call of {args.members} members, {args.runs} sessions")
    from sqlalchemy import text

    from kdrt_desk.domain.training import AttendanceMark, GroupInput, SessionInput
    from kdrt_desk.tasks.heap import settle_heap

    today = date.today()
    start = today - timedelta(days=today.weekday() + 7 * (args.runs + 2))  # a Monday
    first: list[float] = []
    again: list[float] = []
    bare: list[float] = []
    with temp_folder("attendance") as tmp:
        programme = open_programme(tmp / "vault")
        try:
            services = programme.services
            people = add_participants(programme, args.members, "accepted", start, today)
            group = services.groups.save(GroupInput(
                name="Angkatan Benchmark", kecamatan="Plaju", start_date=start,
                end_date=today + timedelta(days=60), venue_id=programme.venue_id,
                module_ids=[programme.modules["SOS-01"]],
                facilitator_ids={programme.facilitator_ids[0]}))
            services.groups.enrol(group.id, people, on=start)
            settle_heap()  # as the app does once the main window is up (kdrt_desk/tasks/heap.py)
            marks = list(AttendanceMark)
            for run in range(args.runs):
                session = services.sessions.create(SessionInput(
                    group_id=group.id, module_id=programme.modules["SOS-01"],
                    session_date=start + timedelta(weeks=run + 1), start_time=time(9, 0),
                    end_time=time(11, 0), facilitator_id=programme.facilitator_ids[0]))
                for k, pid in enumerate(people):
                    mark = marks[k % 7 % 4] if k % 7 else AttendanceMark.PRESENT
                    reason = "anak sakit" if mark == AttendanceMark.EXCUSED else ""
                    first.append(timed(partial(services.attendance.mark, session.id, pid, mark,
                                               reason))[0])
                for k, pid in enumerate(people):
                    mark = AttendanceMark.LATE if k % 2 else AttendanceMark.ABSENT
                    again.append(timed(partial(services.attendance.mark, session.id, pid,
                                               mark))[0])
                rows = services.attendance.roll_call(session.id)
                assert len(rows) == args.members and all(r.mark for r in rows)
            db = services.vault.db
            with db.reading() as session:
                ids = [r[0] for r in session.execute(text("SELECT id FROM attendance LIMIT 30"))]

            def bare_update(n: int, aid: int) -> None:
                with db.transaction() as session:
                    session.execute(text("UPDATE attendance SET reason = :r WHERE id = :i"),
                                    {"r": f"x{n}", "i": aid})

            for n, aid in enumerate(ids * args.runs):
                bare.append(timed(partial(bare_update, n, aid))[0])
        finally:
            programme.close()

    def line(what: str, values: list[float]) -> None:
        print(f"  {what:<34} median {ms(median(values)):>9}  worst {ms(max(values)):>9}  "
              f"({len(values)} calls)")

    print()
    slow = sorted(range(len(first)), key=lambda i: -first[i])[:3]
    print("  slowest first marks (session, member): " + ", ".join(
        f"{ms(first[i])} ({i // args.members + 1}, {i % args.members + 1})" for i in slow))
    cold = first[0]
    print(f"  the very first mark after opening (cold: statements compiled, pages read): "
          f"{ms(cold)}; reported separately, the rest are warm")
    first = first[1:]
    line("first mark (new row)", first)
    line("re-mark (correction, audited)", again)
    line("baseline bare UPDATE + commit", bare)
    worst = max(first + again)
    base = median(bare)
    print(f"\ntarget <= {ms(TARGET)} per mark (median): first {verdict(median(first) <= TARGET)}, "
          f"re-mark {verdict(median(again) <= TARGET)}; worst warm mark "
          f"{ms(max(first + again))} ({verdict(max(first + again) <= TARGET)}), cold first mark "
          f"{ms(cold)} ({verdict(cold <= TARGET)})")
    print(f"ratio to baseline: first {median(first) / base:.1f}x, re-mark "
          f"{median(again) / base:.1f}x")
    print(result_line(
        "attendance_mark",
        f"mark median {ms(median(first))} (worst {ms(max(first))}), re-mark median "
        f"{ms(median(again))} (worst {ms(max(again))}), {args.members} members x {args.runs}",
        f"<= {TARGET * 1000:.0f} ms per mark", worst / TARGET,
        f"cold first mark {ms(cold)}; baseline bare UPDATE+commit {ms(base)}, mark "
        f"{median(first) / base:.1f}x baseline"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
