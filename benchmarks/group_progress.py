"""Progress of a group: ``AttendanceService.group_progress`` for 30 members across 10 modules
after a term of attendance. Target <= 200 ms.

A vault (default Argon2id, in-memory test keyring) with the nine default modules and one more
(``CatalogueService.save_module``). The measured group: 30 members enrolled with
``GroupService.enrol``, following the 10 modules, with ``--sessions`` (120) sessions created by
``SessionService.create_many``, all in the past and every one marked for every member (held). So
that the query does not run on an empty vault, ``--background`` (40) other groups of 30 with as
many held and marked sessions are bulk-inserted (``_programme.bulk_groups``) around it.

Baseline, same vault and run: ``GroupService.members`` of the same group (the member list the
group screen shows next to the progress grid).

    python benchmarks/group_progress.py [--sessions 120] [--background 40] [--runs 9]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, time, timedelta

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
from _programme import MARK_CYCLE, add_participants, bulk_groups, open_programme

TARGET = 0.200


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=30)
    parser.add_argument("--sessions", type=int, default=120)
    parser.add_argument("--background", type=int, default=40, help="other groups")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    header(f"group progress: {args.members} members, 10 modules, {args.sessions} held sessions "
           f"(+ {args.background} other groups)")
    from sqlalchemy import insert, update

    from kdrt_desk.domain.training import GroupInput, SessionInput, VenueFeature, VenueInput
    from kdrt_desk.models import Attendance, TrainingSession

    today = date.today()
    weeks = -(-args.sessions // 10) + 1  # two a day, five days a week
    start = today - timedelta(days=today.weekday(), weeks=weeks + 1)
    progress: list[float] = []
    members: list[float] = []
    with temp_folder("progress") as tmp:
        programme = open_programme(tmp / "vault", extra_modules=1)
        try:
            services = programme.services
            modules = sorted(programme.modules.values())
            assert len(modules) == 10
            seconds, (bg_sessions, bg_marks) = timed(lambda: bulk_groups(
                programme, args.background, args.members, args.sessions,
                first_start=start - timedelta(weeks=40), stagger_days=7, today=today,
                modules=modules, facilitators=programme.facilitator_ids[:1]))
            print(f"background: {args.background} groups, {bg_sessions:,} sessions, "
                  f"{bg_marks:,} marks in {secs(seconds)}")
            people = add_participants(programme, args.members, "accepted", start, today,
                                      seed=7)
            room = services.catalogue.save_venue(VenueInput(
                name="Ruang Kelompok Diukur", kecamatan="Kertapati", capacity=40,
                features=set(VenueFeature)))
            group = services.groups.save(GroupInput(
                name="Angkatan Diukur", kecamatan="Kertapati", start_date=start,
                end_date=today + timedelta(days=30), venue_id=room.id, module_ids=modules,
                facilitator_ids={programme.facilitator_ids[1]}))
            services.groups.enrol(group.id, people, on=start)
            plan = []
            day = start
            while len(plan) < args.sessions:
                if day.weekday() < 5:
                    for begin in (time(9, 0), time(13, 30)):
                        if len(plan) < args.sessions:
                            plan.append(SessionInput(
                                group_id=group.id, module_id=modules[len(plan) % 10],
                                session_date=day, start_time=begin,
                                end_time=begin.replace(hour=begin.hour + 2),
                                facilitator_id=programme.facilitator_ids[1]))
                day += timedelta(days=1)
            assert plan[-1].session_date is not None and plan[-1].session_date < today
            seconds, made = timed(lambda: services.sessions.create_many(plan))
            print(f"measured group: {len(made)} sessions by SessionService.create_many in "
                  f"{secs(seconds)}")
            with services.vault.db.transaction() as session:
                session.execute(insert(Attendance), [
                    {"session_id": s.id, "participant_id": pid,
                     "mark": MARK_CYCLE[(s.id + k) % len(MARK_CYCLE)], "reason": "anak sakit",
                     "marked_by": "admin", "marked_at": s.session_date}
                    for s in made for k, pid in enumerate(people)])
                session.execute(update(TrainingSession).where(
                    TrainingSession.id.in_([s.id for s in made])).values(status="held"))
            services.close()
            from kdrt_desk.services.vault_access import open_vault
            from kdrt_desk.wiring import build_services

            programme.vault = open_vault(tmp / "vault", ADMIN, PASSWORD)
            services = programme.services = build_services(programme.vault)
            cold, result = timed(lambda: services.attendance.group_progress(group.id))
            for _ in range(args.runs):
                progress.append(timed(lambda: services.attendance.group_progress(group.id))[0])
                members.append(timed(lambda: services.groups.members(group.id))[0])
            held = {p.held for m in result.members for p in m.modules.values()}
            print(f"result: {len(result.members)} members x {len(result.modules)} modules, "
                  f"held per module {sorted(held)}")
            assert len(result.members) == args.members and len(result.modules) == 10
        finally:
            programme.close()
    med, base = median(progress), median(members)
    print(f"\ncold first group_progress after opening: {ms(cold)}")
    print(f"group_progress: median {ms(med)} (min {ms(min(progress))}, max {ms(max(progress))}) "
          f"over {args.runs} runs; target <= {ms(TARGET)}: {verdict(med <= TARGET)}")
    print(f"baseline GroupService.members: median {ms(base)}; ratio {med / base:.1f}x")
    print(result_line(
        "group_progress",
        f"{ms(med)} ({args.members} members x 10 modules, {args.sessions} held sessions, "
        f"{args.sessions * args.members:,} marks; + {args.background} groups / {bg_marks:,} "
        f"marks around it; cold {ms(cold)})",
        f"<= {TARGET * 1000:.0f} ms", med / TARGET,
        f"baseline GroupService.members {ms(base)}, ratio {med / base:.1f}x baseline"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
