"""The sessions of one month: ``SessionService.sessions(SessionQuery(start, end))`` on a vault
with 5,000 sessions and 150,000 attendance marks. Target <= 200 ms.

A vault (default Argon2id, in-memory test keyring) holding 50 groups of 30 enrolled members,
each with 100 sessions (four a week) started a week apart over about 17 months, every session
held and marked for every member: 5,000 sessions and 150,000 marks, bulk-inserted in one
transaction (``_programme.bulk_groups``; set-up only). The vault is closed and reopened, then the
month with the most sessions is listed as the calendar/session screen lists it, as an Admin
(every session): the first call after opening is reported as "cold", then the median of runs.

Baseline, same vault and run: the bare rows of the same sessions (one SELECT of
``training_session`` joined to its group for that month, no names of module, venue or
facilitator and no attendance counts).

    python benchmarks/session_month.py [--groups 50] [--members 30] [--sessions 100] [--runs 9]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta

from _common import (
    ADMIN,
    PASSWORD,
    header,
    median,
    ms,
    result_line,
    secs,
    temp_folder,
    timed,
    verdict,
)
from _programme import bulk_groups, open_programme

TARGET = 0.200


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=50)
    parser.add_argument("--members", type=int, default=30)
    parser.add_argument("--sessions", type=int, default=100, help="per group")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    header(f"sessions of a month: {args.groups * args.sessions:,} sessions, "
           f"{args.groups * args.sessions * args.members:,} marks")
    from sqlalchemy import func, select, text

    from kdrt_desk.domain.training import SessionQuery
    from kdrt_desk.models import Attendance, TrainingSession
    from kdrt_desk.services.vault_access import open_vault
    from kdrt_desk.wiring import build_services

    today = date.today()
    term_weeks = -(-args.sessions // 4)
    first_start = today - timedelta(weeks=args.groups + term_weeks + 2)
    service: list[float] = []
    bare: list[float] = []
    with temp_folder("sessions") as tmp:
        programme = open_programme(tmp / "vault", facilitators=5)
        seconds, (sessions, marks) = timed(lambda: bulk_groups(
            programme, args.groups, args.members, args.sessions, first_start=first_start,
            stagger_days=7, today=today))
        print(f"bulk set-up: {sessions:,} sessions and {marks:,} marks in {secs(seconds)}")
        with programme.vault.db.reading() as session:
            stored = session.execute(select(func.count(TrainingSession.id))).scalar()
            stored_marks = session.execute(select(func.count(Attendance.id))).scalar()
            busiest = session.execute(text(
                "SELECT substr(session_date, 1, 7) AS m, count(*) FROM training_session "
                "GROUP BY m ORDER BY 2 DESC, 1 LIMIT 1")).one()
        programme.close()
        print(f"stored: {stored:,} sessions, {stored_marks:,} marks; busiest month "
              f"{busiest[0]} ({busiest[1]} sessions)")
        year, month = map(int, busiest[0].split("-"))
        start = date(year, month, 1)
        end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)

        vault = open_vault(tmp / "vault", ADMIN, PASSWORD)
        try:
            services = build_services(vault)
            query = SessionQuery(start=start, end=end)
            cold, rows = timed(lambda: services.sessions.sessions(query))

            def bare_rows() -> list[object]:
                with vault.db.reading() as session:
                    return list(session.execute(text(
                        "SELECT s.*, g.name FROM training_session s JOIN training_group g "
                        "ON g.id = s.group_id WHERE s.session_date BETWEEN :a AND :b "
                        "ORDER BY s.session_date, s.start_time, g.name"),
                        {"a": start.isoformat(), "b": end.isoformat()}))

            for _ in range(args.runs):
                service.append(timed(lambda: services.sessions.sessions(query))[0])
                seconds, plain = timed(bare_rows)
                bare.append(seconds)
            assert len(plain) == len(rows), (len(plain), len(rows))
            assert all(r.marked == args.members for r in rows)
        finally:
            vault.close()
    med, base = median(service), median(bare)
    print(f"\nSessionService.sessions({start} .. {end}): {len(rows)} rows")
    print(f"  cold first call after opening: {ms(cold)}")
    print(f"  median {ms(med)} (min {ms(min(service))}, max {ms(max(service))}) over "
          f"{args.runs} runs; target <= {ms(TARGET)}: {verdict(med <= TARGET)}")
    print(f"  baseline bare SELECT of the same rows: median {ms(base)}; ratio {med / base:.1f}x")
    print(result_line(
        "session_month",
        f"{ms(med)} ({len(rows)} rows of {stored:,} sessions / {stored_marks:,} marks; "
        f"cold {ms(cold)})",
        f"<= {TARGET * 1000:.0f} ms", med / TARGET,
        f"baseline bare SELECT {ms(base)}, ratio {med / base:.1f}x baseline"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
