"""Entering one assessment: ``AssessmentService.record`` of one WHO-5 (check, score, seal,
store, audit). Target <= 50 ms at the service level.

A vault (default Argon2id, in-memory test keyring) with ``--groups`` groups of 30 enrolled
members (``_programme.bulk_groups``, terms staggered over the past year) whose rounds the demo's
loader fills (``demo/assessments.py``: WHO-5, GSE, RSE for half, CEK-1 with a few alerts), plus
``--runs`` women registered a year ago. Each run records one WHO-5 for the next of them (round
"other", today), one transaction each, as the fast-entry screen saves it; the heap is settled
first as the app does once its main window is up. Also reported: a CEK-1 whose self-harm item
raises an alert in the same transaction (a few runs), and the very first record (cold).

Baseline, same vault and run: one plain service write of comparable size,
``RoutineService.save`` of a routine (a sealed row and an audit entry, one transaction), and a
bare insert of one sealed assessment row + commit through ``Database.transaction``.

    python benchmarks/assessment_entry.py [--groups 20] [--runs 50]
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime, timedelta
from functools import partial

from _common import header, median, ms, result_line, temp_folder, timed, verdict
from _programme import add_participants, bulk_groups, open_programme

TARGET = 0.050
ALERT_RUNS = 10


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=20, help="background groups of 30")
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    header(f"assessment entry: AssessmentService.record of one WHO-5, {args.runs} runs")
    from sqlalchemy import func, insert, select

    from kdrt_desk.demo.assessments import insert_demo_assessments
    from kdrt_desk.domain.assessment import AssessmentInput, Round
    from kdrt_desk.domain.instruments import WHO5, score
    from kdrt_desk.models import Assessment, AssessmentAlert
    from kdrt_desk.models.sealed import bind, new_seal_id
    from kdrt_desk.synthetic.routines import routine_for
    from kdrt_desk.tasks.heap import settle_heap

    today = date.today()
    with temp_folder("assessment") as tmp:
        programme = open_programme(tmp / "vault")
        try:
            services, db = programme.services, programme.vault.db
            bulk_groups(programme, args.groups, 30, 8, today - timedelta(days=400), 18, today)
            demo = insert_demo_assessments(db, programme.vault.actor, seed=2026, today=today)
            people = add_participants(programme, args.runs + ALERT_RUNS + 1, "accepted",
                                      today - timedelta(days=365), today, seed=77)
            with db.reading() as session:
                background = session.scalar(select(func.count(Assessment.id))) or 0
                participants = session.scalar(select(func.count()).select_from(
                    select(Assessment.participant_id).distinct().subquery())) or 0
            print(f"  vault: {background} assessments of {participants} women in "
                  f"{args.groups} groups ({demo.open_alerts} open alerts), "
                  f"{len(people)} more women to assess")
            settle_heap()

            answers = [(4, 3, 3, 2, 4), (2, 2, 1, 3, 2), (5, 4, 4, 3, 5), (1, 2, 2, 1, 3)]

            def alert_count() -> int:
                with db.reading() as session:
                    return int(session.scalar(select(func.count(AssessmentAlert.id))) or 0)

            def record(pid: int, code: str, sheet: tuple[int, ...]) -> None:
                view = services.assessments.record(AssessmentInput(
                    pid, code, Round.OTHER.value, today, sheet))
                assert view.score is not None

            cold = timed(partial(record, people[0], "WHO5", answers[0]))[0]
            entry = [timed(partial(record, pid, "WHO5", answers[n % len(answers)]))[0]
                     for n, pid in enumerate(people[1:args.runs + 1])]
            alerts_before = alert_count()
            alerting = [timed(partial(record, pid, "CEK-1", (1, 2, 1, 3)))[0]
                        for pid in people[args.runs + 1:]]
            assert alert_count() == alerts_before + len(alerting)

            routine = [timed(partial(services.routines.save, pid,
                                     routine_for(2026, pid, "", "", today)))[0]
                       for pid in people[1:args.runs + 1]]

            def bare_insert(pid: int) -> None:
                seal = new_seal_id()
                result = score(WHO5, answers[0])
                with db.transaction() as session:
                    session.execute(insert(Assessment), [{
                        "seal_id": seal, "participant_id": pid, "instrument_code": "WHO5",
                        "instrument_version": 1, "round": "other", "group_id": None,
                        "assessed_on": today, "recorded_by": "admin",
                        "recorded_at": datetime.now(UTC),
                        "answers": bind(db.keys, list(answers[0]), seal, pid),
                        "score": bind(db.keys, result.to_json(), seal, pid)}])

            bare = [timed(partial(bare_insert, pid))[0] for pid in people[1:args.runs + 1]]
        finally:
            programme.close()

    def line(what: str, values: list[float]) -> None:
        print(f"  {what:<44} median {ms(median(values)):>9}  worst {ms(max(values)):>9}  "
              f"({len(values)} calls)")

    print()
    print(f"  the very first record after opening (cold): {ms(cold)}; the rest are warm")
    line("record one WHO-5 (save and score)", entry)
    line("record one CEK-1 raising an alert", alerting)
    line("baseline RoutineService.save", routine)
    line("baseline bare sealed INSERT + commit", bare)
    figure = median(entry)
    base, floor = median(routine), median(bare)
    ok = figure <= TARGET
    print(f"\ntarget <= {ms(TARGET)} (median): {verdict(ok)}; with an alert "
          f"{ms(median(alerting))} ({verdict(median(alerting) <= TARGET)}); worst warm "
          f"{ms(max(entry))}")
    print(f"ratio to baseline: {figure / base:.1f}x routine save, {figure / floor:.1f}x bare "
          f"insert")
    print(result_line(
        "assessment_entry",
        f"record WHO-5 median {ms(figure)} (worst {ms(max(entry))}, cold {ms(cold)}), with "
        f"alert {ms(median(alerting))}, {background} assessments in the vault",
        f"<= {TARGET * 1000:.0f} ms", figure / TARGET,
        f"baseline routine save {ms(base)} ({figure / base:.1f}x), bare sealed insert "
        f"{ms(floor)} ({figure / floor:.1f}x)"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
