"""The dashboard's whole indicator chain on 50,000 participants, 200,000 assessments and
150,000 attendance marks, against the same aggregations as one hand-written SQL query per
indicator on plain SQLite (scores and incomes in plain columns there: what SQL alone could do
without sealing).

The vault is filled with Core inserts (sealed values bound as the services bind them, the
sealed score and livelihood ledgers written as the services keep them): 2,000
groups of 25 in 2026, three held sessions each (150,000 marks), WHO-5 and self-efficacy at
baseline and endline for everyone (200,000 assessments), 20,000 livelihood records, 3,000
capital grants, 5,000 counselling services and 10,000 skill results. The period is the whole
year, so every endline is in it (the worst case: every baseline and endline score is opened).

Reported: ``IndicatorService.compute`` cold (first call after opening) and warm (median), the
plain SQL total, their ratio; targets: at most 1 s, at most 2x plain.

    python benchmarks/indicators_50k.py [--participants 50000] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from _common import (
    ADMIN,
    PASSWORD,
    header,
    install_memory_keyring,
    make_vault,
    median,
    ms,
    result_line,
    secs,
    temp_folder,
    timed,
    verdict,
)

TARGET = 1.0
RATIO_TARGET = 2.0
START, END = date(2026, 1, 1), date(2026, 12, 31)
GROUP_SIZE = 25
SESSIONS_PER_GROUP = 3
KECAMATAN = ("Plaju", "Kemuning", "Sako", "Kalidoni", "Seberang Ulu I", "Ilir Barat I")


def build(tmp: Path, participants: int) -> dict[str, int]:
    from sqlalchemy import insert, select

    from kdrt_desk.domain.instruments import GSE, WHO5, score
    from kdrt_desk.models import (
        Assessment,
        Attendance,
        BusinessCapital,
        Enrolment,
        Facilitator,
        GroupModule,
        LivelihoodLedger,
        LivelihoodRecord,
        Module,
        Participant,
        ScoreLedger,
        ServiceRecord,
        SkillAssessment,
        TrainingGroup,
        TrainingSession,
        Venue,
    )
    from kdrt_desk.models.sealed import bind, new_seal_id
    from kdrt_desk.repositories.score_ledger import BUCKET, pack
    from kdrt_desk.services.vault_access import open_vault

    rng = random.Random(2026)
    now = datetime.now(UTC)
    make_vault(tmp / "vault")
    vault = open_vault(tmp / "vault", ADMIN, PASSWORD)
    plain = sqlite3.connect(tmp / "plain.db")
    plain.executescript("""
        CREATE TABLE grp (id INTEGER PRIMARY KEY, start_date TEXT, end_date TEXT);
        CREATE TABLE sess (id INTEGER PRIMARY KEY, group_id INT, module_id INT, day TEXT,
                           status TEXT);
        CREATE TABLE enrol (participant_id INT, group_id INT, enrolled_on TEXT, ended_on TEXT);
        CREATE TABLE att (session_id INT, participant_id INT, mark TEXT);
        CREATE TABLE module (id INTEGER PRIMARY KEY, pct INT, required INT);
        CREATE TABLE skill (participant_id INT, module_id INT, passed INT, day TEXT);
        CREATE TABLE service (participant_id INT, kind TEXT, day TEXT);
        CREATE TABLE assess (participant_id INT, instrument TEXT, round TEXT, day TEXT,
                             value REAL);
        CREATE TABLE live (participant_id INT, day TEXT, status TEXT, income INT,
                           depends INT);
        CREATE TABLE capital (participant_id INT, day TEXT, amount INT);
        CREATE UNIQUE INDEX att_s ON att(session_id, participant_id);
        CREATE INDEX att_p ON att(participant_id); CREATE INDEX sess_g ON sess(group_id, day);
        CREATE INDEX enrol_p ON enrol(participant_id); CREATE INDEX enrol_g ON enrol(group_id);
        CREATE INDEX skill_p ON skill(participant_id, module_id);
        CREATE INDEX as_r ON assess(round, instrument);
        CREATE INDEX as_p ON assess(participant_id, instrument, round);
        CREATE INDEX live_p ON live(participant_id, day);
    """)
    counts: dict[str, int] = {}
    try:
        keys = vault.db.keys
        with vault.db.transaction() as session:
            modules = list(session.execute(select(Module.id, Module.min_attendance_pct,
                                                  Module.assessment_required)))
            venue = session.scalar(select(Venue.id))
            if venue is None:
                venue = session.execute(insert(Venue).values(
                    name="Aula Bench", capacity=30)).inserted_primary_key[0]
            facilitator = session.execute(insert(Facilitator).values(
                name="Fasilitator Bench", type="trainer")).inserted_primary_key[0]
            plain.executemany("INSERT INTO module VALUES (?, ?, ?)",
                              [(m, p, int(r)) for m, p, r in modules])
            module_ids = [m for m, _p, _r in modules]
            people = []
            for n in range(participants):
                registered = START + timedelta(days=rng.randrange(0, 120))
                people.append({"id": n + 1, "code": f"KD-B-{n + 1:05d}", "seal_id": new_seal_id(),
                               "full_name": f"Peserta Bench {n + 1}", "kecamatan":
                               KECAMATAN[n % len(KECAMATAN)], "marital_status": "married",
                               "education": "sma", "status": "in_training",
                               "registered_on": registered, "created_at": now,
                               "updated_at": now, "search_text": f"kd-b-{n + 1:05d}"})
            session.execute(insert(Participant), people)
            groups, enrolments, sessions, marks = [], [], [], []
            for g in range(participants // GROUP_SIZE):
                start = START + timedelta(days=rng.randrange(120, 200))
                end = start + timedelta(days=90)
                groups.append({"id": g + 1, "name": f"Kelompok Bench {g + 1}", "start_date":
                               start, "end_date": end, "created_at": now, "venue_id": venue})
                members = [p["id"] for p in people[g * GROUP_SIZE:(g + 1) * GROUP_SIZE]]
                for pid in members:
                    enrolments.append({"group_id": g + 1, "participant_id": pid,
                                       "enrolled_on": start, "status": "active",
                                       "created_by": ADMIN, "seal_id": new_seal_id()})
                module = module_ids[g % len(module_ids)]
                for s in range(SESSIONS_PER_GROUP):
                    sid = len(sessions) + 1
                    sessions.append({"id": sid, "group_id": g + 1, "module_id": module,
                                     "session_date": start + timedelta(days=7 * s),
                                     "start_time": time(9), "end_time": time(11),
                                     "venue_id": venue, "status": "held",
                                     "facilitator_id": facilitator,
                                     "created_by": ADMIN, "created_at": now})
                    for pid in members:
                        mark = rng.choices(("present", "late", "excused", "absent"),
                                           (70, 8, 10, 12))[0]
                        marks.append({"session_id": sid, "participant_id": pid,
                                      "mark": mark, "marked_by": ADMIN, "marked_at": now})
            session.execute(insert(TrainingGroup), groups)
            session.execute(insert(GroupModule), [{"group_id": g["id"], "module_id":
                                                   module_ids[(g["id"] - 1) % len(module_ids)]}
                                                  for g in groups])
            session.execute(insert(Enrolment), enrolments)
            session.execute(insert(TrainingSession), sessions)
            session.execute(insert(Attendance), marks)
            plain.executemany("INSERT INTO grp VALUES (?, ?, ?)", [
                (g["id"], g["start_date"].isoformat(), g["end_date"].isoformat())
                for g in groups])
            plain.executemany("INSERT INTO enrol VALUES (?, ?, ?, NULL)", [
                (e["participant_id"], e["group_id"], e["enrolled_on"].isoformat())
                for e in enrolments])
            plain.executemany("INSERT INTO sess VALUES (?, ?, ?, ?, ?)", [
                (s["id"], s["group_id"], s["module_id"], s["session_date"].isoformat(),
                 s["status"]) for s in sessions])
            plain.executemany("INSERT INTO att VALUES (?, ?, ?)", [
                (m["session_id"], m["participant_id"], m["mark"]) for m in marks])
            counts.update(groups=len(groups), sessions=len(sessions), marks=len(marks))

            assessments, plain_assess = [], []
            for person in people:
                pid = person["id"]
                group = groups[(pid - 1) // GROUP_SIZE] if (pid - 1) // GROUP_SIZE < len(
                    groups) else groups[-1]
                for instrument in (WHO5, GSE):
                    span = instrument.scale_max - instrument.scale_min
                    base = [rng.randint(instrument.scale_min, instrument.scale_min + span * 2
                                        // 3) for _ in instrument.items]
                    later = [min(instrument.scale_max, a + rng.choice((-1, 0, 1, 1, 2)))
                             for a in base]
                    for round_, answers, day in (("baseline", base, group["start_date"]),
                                                 ("endline", later, group["end_date"])):
                        result = score(instrument, tuple(answers))
                        seal = new_seal_id()
                        assessments.append({
                            "seal_id": seal, "participant_id": pid,
                            "instrument_code": instrument.code, "instrument_version": 1,
                            "round": round_, "group_id": group["id"], "assessed_on": day,
                            "recorded_by": ADMIN, "recorded_at": now,
                            "answers": bind(keys, answers, seal, pid),
                            "score": bind(keys, result.to_json(), seal, pid)})
                        plain_assess.append((pid, instrument.code, round_, day.isoformat(),
                                             result.value))
            session.execute(insert(Assessment), assessments)
            ledger: dict[tuple[str, str, int], dict[str, list[object]]] = {}
            ids = session.execute(select(Assessment.id, Assessment.participant_id,
                                         Assessment.instrument_code, Assessment.round,
                                         Assessment.assessed_on).order_by(Assessment.id))
            for (aid, pid, code, round_, day), (*_, value) in zip(ids, plain_assess,
                                                                 strict=True):
                ledger.setdefault((code, round_, pid // BUCKET), {})[str(aid)] = [
                    pid, day.isoformat(), value]
            session.execute(insert(ScoreLedger), [
                {"instrument_code": code, "round": round_, "bucket": bucket,
                 "entries": len(data), "data": bind(keys, pack(data), code, round_, bucket)}
                for (code, round_, bucket), data in ledger.items()])
            plain.executemany("INSERT INTO assess VALUES (?, ?, ?, ?, ?)", plain_assess)
            counts["assessments"] = len(assessments)

            lives, plain_lives = [], []
            for pid in rng.sample(range(1, participants + 1), min(10_000, participants)):
                income = rng.randrange(200, 2_000) * 1000
                for step in range(2):
                    day = START + timedelta(days=150 + 120 * step + rng.randrange(30))
                    status = rng.choice(("planning", "business", "employed", "none"))
                    depends = rng.random() < (0.6 if step == 0 else 0.4)
                    income = max(0, income + rng.randrange(-200, 500) * 1000 * step)
                    seal = new_seal_id()
                    details = {"status": status, "business_kind": "food" if status ==
                               "business" else None, "monthly_income": income, "savings": None,
                               "covers_basic_needs": None, "depends_on_abuser": depends,
                               "channels": [], "note": ""}
                    lives.append({"seal_id": seal, "participant_id": pid, "recorded_on": day,
                                  "recorded_by": ADMIN, "recorded_at": now,
                                  "details": bind(keys, details, seal, pid)})
                    plain_lives.append((pid, day.isoformat(), status, income, int(depends)))
            session.execute(insert(LivelihoodRecord), lives)
            live_ledger: dict[int, dict[str, list[object]]] = {}
            for (rid, pid), point in zip(session.execute(select(
                    LivelihoodRecord.id, LivelihoodRecord.participant_id).order_by(
                    LivelihoodRecord.id)), plain_lives, strict=True):
                live_ledger.setdefault(pid // BUCKET, {})[str(rid)] = [
                    pid, point[1], point[2], point[3], bool(point[4])]
            session.execute(insert(LivelihoodLedger), [
                {"bucket": bucket, "entries": len(data), "data": bind(keys, data, bucket)}
                for bucket, data in live_ledger.items()])
            plain.executemany("INSERT INTO live VALUES (?, ?, ?, ?, ?)", plain_lives)
            capital, plain_capital = [], []
            for pid in rng.sample(range(1, participants + 1), min(3_000, participants)):
                day, amount, seal = START + timedelta(days=rng.randrange(300)), rng.randrange(
                    5, 50) * 100_000, new_seal_id()
                capital.append({"seal_id": seal, "participant_id": pid, "given_on": day,
                                "recorded_by": ADMIN, "recorded_at": now, "details": bind(
                                    keys, {"amount": amount, "source": None, "purpose": "",
                                           "kind": "grant", "repayments": []}, seal, pid)})
                plain_capital.append((pid, day.isoformat(), amount))
            session.execute(insert(BusinessCapital), capital)
            plain.executemany("INSERT INTO capital VALUES (?, ?, ?)", plain_capital)
            services = [{"seal_id": new_seal_id(), "participant_id": pid,
                         "kind": "counselling", "service_date": START + timedelta(
                             days=rng.randrange(330)), "status": "done",
                         "created_by": ADMIN, "created_at": now, "updated_at": now}
                        for pid in rng.sample(range(1, participants + 1), participants // 10)]
            session.execute(insert(ServiceRecord), services)
            plain.executemany("INSERT INTO service VALUES (?, ?, ?)", [
                (s["participant_id"], s["kind"], s["service_date"].isoformat())
                for s in services])
            skills = [{"participant_id": pid, "module_id": module_ids[(pid - 1) // GROUP_SIZE
                                                                      % len(module_ids)],
                       "passed": rng.random() < 0.7, "assessed_on": START + timedelta(
                           days=rng.randrange(200, 330)), "recorded_by": ADMIN}
                      for pid in rng.sample(range(1, participants + 1), participants // 5)]
            session.execute(insert(SkillAssessment), skills)
            plain.executemany("INSERT INTO skill VALUES (?, ?, ?, ?)", [
                (s["participant_id"], s["module_id"], int(s["passed"]),
                 s["assessed_on"].isoformat()) for s in skills])
        plain.commit()
    finally:
        plain.close()
        vault.close()
    return counts


PLAIN_QUERIES = {
    "groups_formed": "SELECT count(*) FROM grp WHERE start_date BETWEEN :s AND :e",
    "groups_active": "SELECT count(*) FROM grp WHERE start_date <= :e AND end_date >= :s",
    "sessions_held": "SELECT count(*) FROM sess WHERE status = 'held' AND day BETWEEN :s AND :e",
    "attendance_rate": """SELECT 100.0 * sum(mark IN ('present', 'late')) / count(*) FROM att
        JOIN sess ON sess.id = att.session_id WHERE status = 'held' AND day BETWEEN :s AND :e""",
    "modules_completed": """SELECT count(DISTINCT pid) FROM (
        SELECT e.participant_id AS pid, s.module_id AS mid, count(s.id) AS held,
               sum(a.mark IN ('present', 'late')) AS came, max(s.day) AS last
        FROM enrol e JOIN sess s ON s.group_id = e.group_id AND s.day >= e.enrolled_on
        LEFT JOIN att a ON a.session_id = s.id AND a.participant_id = e.participant_id
        WHERE s.status = 'held' AND s.day <= :e GROUP BY pid, mid) t
        JOIN module m ON m.id = t.mid
        WHERE t.last >= :s AND 100 * t.came >= m.pct * t.held AND (m.required = 0 OR EXISTS (
            SELECT 1 FROM skill k WHERE k.participant_id = t.pid AND k.module_id = t.mid
            AND k.passed = 1))""",
    "skills_passed": """SELECT count(DISTINCT participant_id) FROM skill WHERE passed = 1
        AND day BETWEEN :s AND :e""",
    "psychosocial_services": """SELECT count(DISTINCT participant_id) FROM service
        WHERE kind = 'counselling' AND day BETWEEN :s AND :e""",
    "score_change.WHO5": """SELECT avg(en.value - b.value), 100.0 * avg(en.value - b.value >= 10)
        FROM assess en JOIN assess b ON b.participant_id = en.participant_id
        AND b.instrument = en.instrument AND b.round = 'baseline'
        WHERE en.round = 'endline' AND en.instrument = 'WHO5' AND en.day BETWEEN :s AND :e
        AND en.value IS NOT NULL AND b.value IS NOT NULL""",
    "score_change.GSE": """SELECT avg(en.value - b.value), 100.0 * avg(en.value - b.value >= 4)
        FROM assess en JOIN assess b ON b.participant_id = en.participant_id
        AND b.instrument = en.instrument AND b.round = 'baseline'
        WHERE en.round = 'endline' AND en.instrument = 'GSE' AND en.day BETWEEN :s AND :e
        AND en.value IS NOT NULL AND b.value IS NOT NULL""",
    "income_change": """WITH ch AS (SELECT (SELECT income FROM live l2 WHERE
        l2.participant_id = l.participant_id AND l2.day BETWEEN :s AND :e ORDER BY day DESC
        LIMIT 1) - (SELECT income FROM live l3 WHERE l3.participant_id = l.participant_id
        ORDER BY day LIMIT 1) AS d FROM live l WHERE l.day BETWEEN :s AND :e
        GROUP BY l.participant_id HAVING count(*) > 1)
        SELECT d FROM ch ORDER BY d LIMIT 1 OFFSET (SELECT count(*) / 2 FROM ch)""",
    "independent_of_abuser": """SELECT 100.0 * avg(depends = 0) FROM live l WHERE day = (
        SELECT max(day) FROM live l2 WHERE l2.participant_id = l.participant_id
        AND l2.day BETWEEN :s AND :e)""",
    "capital_disbursed": "SELECT sum(amount) FROM capital WHERE day BETWEEN :s AND :e",
}


def plain_run(path: Path) -> float:
    conn = sqlite3.connect(path)
    try:
        params = {"s": START.isoformat(), "e": END.isoformat()}
        seconds, _ = timed(lambda: [conn.execute(q, params).fetchall()
                                    for q in PLAIN_QUERIES.values()])
        return seconds
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    header(f"indicator chain on {args.participants:,} participants: vault vs hand-written SQL")
    install_memory_keyring()
    from kdrt_desk.services.indicators import IndicatorService
    from kdrt_desk.services.vault_access import open_vault

    with temp_folder("indicators") as tmp:
        seconds, counts = timed(lambda: build(tmp, args.participants))
        print(f"built in {secs(seconds)}: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
        vault = open_vault(tmp / "vault", ADMIN, PASSWORD)
        try:
            service = IndicatorService(vault.db, vault.actor)
            cold, table = timed(lambda: service.compute(START, END))
            warm = [timed(lambda: service.compute(START, END))[0] for _ in range(args.runs)]
        finally:
            vault.close()
        plain = [plain_run(tmp / "plain.db") for _ in range(args.runs + 1)]
    for result in table.results:
        print(f"  {result.code:<28} {result.value!s:>14}  n={result.n:,}")
    enc, base = median(warm), median(plain)
    print(f"\ncompute, cold (first after opening): {ms(cold)}")
    print(f"compute, warm (median of {args.runs}): {ms(enc)}")
    print(f"hand-written SQL on plain SQLite, one query per indicator (median): {ms(base)}")
    print(f"ratio warm / plain: {enc / base:.2f}x (target <= {RATIO_TARGET:.0f}x): "
          f"{verdict(enc / base <= RATIO_TARGET)}")
    print(f"ratio cold / plain: {cold / base:.2f}x")
    print(f"cold <= {ms(TARGET)}: {verdict(cold <= TARGET)}; warm <= {ms(TARGET)}: "
          f"{verdict(enc <= TARGET)}")
    print(result_line("indicators_50k", ms(enc), f"<= {ms(TARGET)}", enc / TARGET,
                      f"cold {ms(cold)}; plain SQL {ms(base)}; ratio {enc / base:.2f}x"))
    return 0 if enc <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
