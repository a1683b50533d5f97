"""The indicator chain on a small fixture whose figures are worked out by hand below, through
the same services the staff use: attendance, completions, skills, counselling, WHO-5 change
baseline -> endline (an item left out, no baseline, a woman who left, a withdrawn consent),
income change, independence, capital; targets; the donor report's population; and roles."""

from __future__ import annotations

from datetime import date

import pytest
from support.participant_samples import TODAY
from support.programme import build, enrolled, session_on

from kdrt_desk.domain.assessment import AssessmentInput
from kdrt_desk.domain.care import ServiceInput
from kdrt_desk.domain.enums import Role, ServiceKind, ServiceStatus
from kdrt_desk.domain.livelihood import CapitalInput, LivelihoodInput
from kdrt_desk.domain.training import AttendanceMark as M
from kdrt_desk.errors import PermissionDeniedError, ValidationError
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.indicators import IndicatorService
from kdrt_desk.wiring import Services

START, END = date(2026, 11, 1), date(2026, 11, 30)


def _who5(services: Services, pid: int, round_: str, day: date,
          answers: tuple[int | None, ...]) -> None:
    services.assessments.record(AssessmentInput(pid, "WHO5", round_, day, answers))


def fixture(services: Services) -> dict[str, int]:
    programme = build(services, members=4)
    services.instruments.set_in_use(["WHO5", "GSE"])
    a, b, c, d = programme.participants
    sessions = [services.sessions.create(session_on(programme, day)).id
                for day in (date(2026, 11, 23), date(2026, 11, 25))]
    for sid, marks in zip(sessions, ((M.PRESENT, M.PRESENT, M.LATE, M.ABSENT),
                                     (M.PRESENT, M.ABSENT, M.EXCUSED, M.ABSENT)), strict=True):
        for pid, mark in zip((a, b, c, d), marks, strict=True):
            services.attendance.mark(sid, pid, mark, reason="Anak sakit"
                                     if mark is M.EXCUSED else "", today=TODAY)
    # WHO-5: a 40 -> 72 (+32), b 60 -> 56 (-4), c has no baseline, d left an item out at
    # baseline (WHO-5 allows none: no score), e improved +20 but withdrew her consent
    _who5(services, a, "baseline", date(2026, 11, 21), (2, 2, 2, 2, 2))
    _who5(services, a, "endline", date(2026, 11, 28), (4, 4, 4, 3, 3))
    _who5(services, b, "baseline", date(2026, 11, 21), (3, 3, 3, 3, 3))
    _who5(services, b, "endline", date(2026, 11, 28), (3, 3, 3, 3, 2))
    _who5(services, c, "endline", date(2026, 11, 28), (4, 4, 4, 4, 4))
    _who5(services, d, "baseline", date(2026, 11, 21), (3, None, 3, 3, 3))
    _who5(services, d, "endline", date(2026, 11, 28), (4, 4, 4, 4, 4))
    e = enrolled(services, programme.group_id, full_name="Erna Uji Lima")
    _who5(services, e, "baseline", date(2026, 11, 25), (1, 1, 1, 1, 1))
    _who5(services, e, "endline", date(2026, 11, 28), (2, 2, 2, 2, 2))
    services.consent.withdraw_data_use(e, TODAY, confirm=True, today=TODAY)
    # b left the group after the sessions: her marks and scores still count
    enrolment = next(m.enrolment_id for m in services.groups.members(programme.group_id)
                     if m.participant_id == b)
    services.groups.end_membership(enrolment, "dropped_out", date(2026, 11, 27),
                                   "tidak datang lagi")
    services.care.record(ServiceInput(participant_id=b, kind=ServiceKind.COUNSELLING,
                                      service_date=date(2026, 11, 24),
                                      status=ServiceStatus.DONE), today=TODAY)
    services.attendance.record_assessment(c, programme.modules["SOS-02"], passed=True,
                                          on=date(2026, 11, 26))
    # livelihoods: a 500.000 -> 1.200.000 (+700.000) and no longer dependent; b 800.000 ->
    # 700.000 (-100.000), still dependent: the median change is 300.000, independence 50 %
    lives = services.livelihoods
    lives.add_record(a, LivelihoodInput(date(2026, 11, 21), "planning", None, 500_000,
                                        depends_on_abuser=True))
    lives.add_record(a, LivelihoodInput(date(2026, 11, 29), "business", "food", 1_200_000,
                                        depends_on_abuser=False))
    lives.add_record(b, LivelihoodInput(date(2026, 11, 22), "employed", None, 800_000,
                                        depends_on_abuser=True))
    lives.add_record(b, LivelihoodInput(date(2026, 11, 30), "employed", None, 700_000,
                                        depends_on_abuser=True))
    lives.add_capital(a, CapitalInput(date(2026, 11, 26), 2_000_000, purpose="Gerobak"))
    return {"a": a, "b": b, "c": c, "d": d, "e": e}


def test_the_chain_agrees_with_the_hand_computed_figures(admin: Services) -> None:
    people = fixture(admin)
    table = admin.indicators.compute(START, END)
    value = {r.code: r.value for r in table.results}
    n = {r.code: r.n for r in table.results}
    assert value["groups_formed"] == 0 and value["groups_active"] == 1  # started 1 September
    assert value["sessions_held"] == 2
    assert value["attendance_rate"] == 50.0 and n["attendance_rate"] == 8  # 4 of 8 marks
    sos01 = next(m for m in admin.catalogue.modules() if m.code == "SOS-01")
    completed = {p for p, pct in ((people["a"], 100), (people["b"], 50), (people["c"], 50),
                                  (people["d"], 0)) if pct >= sos01.min_attendance_pct}
    assert table.get("modules_completed").participants == completed  # type: ignore[union-attr]
    assert table.get("skills_passed").participants == {people["c"]}  # type: ignore[union-attr]
    assert table.get("psychosocial_services").participants == {people["b"]}  # type: ignore
    change = table.get("score_change.WHO5")
    assert change is not None and change.value == 14.0 and change.n == 2  # (32 - 4) / 2
    assert change.participants == {people["a"], people["b"]}
    improved = table.get("score_improved.WHO5")
    assert improved is not None and improved.value == 50.0  # a by 32 >= 10; b not
    assert improved.participants == {people["a"]}
    assert value["score_change.GSE"] is None and n["score_change.GSE"] == 0
    assert value["income_change"] == 300_000 and n["income_change"] == 2
    assert value["independent_of_abuser"] == 50.0
    assert value["capital_disbursed"] == 2_000_000
    assert value["business_running_3m"] is None  # her business is not 3 months old yet


def test_the_donor_population_counts_only_those_given(admin: Services) -> None:
    people = fixture(admin)
    table = admin.indicators.compute(START, END, population={people["a"]})
    assert table.get("score_change.WHO5").value == 32.0  # type: ignore[union-attr]
    assert table.get("attendance_rate").value == 100.0  # type: ignore[union-attr]
    assert table.get("income_change").value == 700_000  # type: ignore[union-attr]


def test_targets_are_set_and_shown_against_the_actual(admin: Services) -> None:
    fixture(admin)
    admin.indicators.set_target("attendance_rate", START, END, 75)
    admin.indicators.set_target("score_improved.WHO5", START, END, 40)
    table = admin.indicators.compute(START, END)
    assert table.get("attendance_rate").met is False  # type: ignore[union-attr]
    assert table.get("score_improved.WHO5").met is True  # type: ignore[union-attr]
    admin.indicators.set_target("attendance_rate", START, END, None)
    assert "attendance_rate" not in admin.indicators.targets(START, END)
    for code, target, key in (("nope", 1, "error.indicator_unknown"),
                              ("attendance_rate", 120, "error.target_percent"),
                              ("sessions_held", -1, "error.target_range")):
        with pytest.raises(ValidationError) as caught:
            admin.indicators.set_target(code, START, END, target)
        assert key in [e.key for e in caught.value.errors]
    with pytest.raises(ValidationError):
        admin.indicators.compute(END, START)


def test_each_role_gets_only_the_indicators_its_keys_open(admin: Services) -> None:
    fixture(admin)
    staf = IndicatorService(admin.vault.db, Actor(99, "staf9", Role.STAF)).compute(START, END)
    assert staf.get("score_change.WHO5").withheld  # type: ignore[union-attr]
    assert staf.get("score_change.WHO5").value is None  # type: ignore[union-attr]
    assert staf.get("income_change").value == 300_000  # type: ignore[union-attr]
    assert not staf.get("attendance_rate").withheld  # type: ignore[union-attr]
    with pytest.raises(PermissionDeniedError):
        IndicatorService(admin.vault.db, Actor(98, "f9", Role.FASILITATOR)).compute(START, END)
    with pytest.raises(PermissionDeniedError):
        IndicatorService(admin.vault.db, Actor(99, "staf9", Role.STAF)).set_target(
            "attendance_rate", START, END, 80)


def test_an_empty_vault_gives_no_figures_rather_than_zero_shares(admin: Services) -> None:
    table = admin.indicators.compute(START, END)
    assert table.get("attendance_rate").value is None  # type: ignore[union-attr]
    assert table.get("score_change.WHO5").value is None  # type: ignore[union-attr]
    assert table.get("sessions_held").value == 0  # type: ignore[union-attr]


def test_the_score_ledger_stays_in_step_and_a_stale_one_is_not_trusted(admin: Services
                                                                         ) -> None:
    from sqlalchemy import delete, text

    from kdrt_desk.models import ScoreLedger
    from kdrt_desk.repositories import score_ledger

    fixture(admin)
    expected = admin.indicators.compute(START, END).get("score_change.WHO5")
    with admin.vault.db.reading() as session:
        assert score_ledger.in_step(session, ("WHO5",), ("baseline", "endline"))
        stored = session.execute(text("SELECT data FROM score_ledger")).scalars().all()
    assert stored and all(b"72" not in blob for blob in stored)  # sealed like the scores
    with admin.vault.db.transaction() as session:  # lost, as after rows added outside
        session.execute(delete(ScoreLedger))
    stale = admin.indicators.compute(START, END).get("score_change.WHO5")
    assert stale is not None and expected is not None and stale.value == expected.value
    with admin.vault.db.transaction() as session:
        assert score_ledger.rebuild(session) == 7  # a, b, d two each, c one; e's left with her
        assert score_ledger.in_step(session, ("WHO5", "GSE"), ("baseline", "endline"))
    again = admin.indicators.compute(START, END).get("score_change.WHO5")
    assert again is not None and again.participants == expected.participants


def test_the_livelihood_ledger_follows_every_change(admin: Services) -> None:
    from sqlalchemy import delete, text

    from kdrt_desk.models import LivelihoodLedger
    from kdrt_desk.repositories import livelihood_ledger

    people = fixture(admin)
    lives = admin.livelihoods
    first = lives.records(people["b"])[0]
    lives.update_record(first.id, LivelihoodInput(first.recorded_on, "employed", None,
                                                  600_000, depends_on_abuser=True))
    extra = lives.add_record(people["c"], LivelihoodInput(date(2026, 11, 29), "none"))
    lives.delete_record(extra.id)
    with admin.vault.db.reading() as session:
        assert livelihood_ledger.in_step(session)
        sealed = session.execute(text("SELECT data FROM livelihood_ledger")).scalars().all()
    assert sealed and all(b"600000" not in blob for blob in sealed)
    table = admin.indicators.compute(START, END)
    assert table.get("income_change").value == 400_000  # type: ignore[union-attr]  # +700k, +100k
    with admin.vault.db.transaction() as session:  # lost: the records are read instead
        session.execute(delete(LivelihoodLedger))
    again = admin.indicators.compute(START, END)
    assert again.get("income_change").value == 400_000  # type: ignore[union-attr]
