"""``schedule solve``'s report: each violation as its code, its plain parameters and its text
in the language chosen (``--lang``), each explanation as its key, parameters and text; the
text output says them through the catalogue too."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from kdrt_desk import i18n
from kdrt_desk.cli.schedule_solve import _print_text, summary
from kdrt_desk.scheduling.greedy import greedy
from kdrt_desk.scheduling.problem import Explanation, Problem, ScheduleResult
from kdrt_desk.scheduling.slots import build_result
from kdrt_desk.synthetic.schedule_instances import InstanceSpec, generate_problem


@pytest.fixture(autouse=True)
def indonesian() -> Iterator[None]:
    i18n.set_language("id")
    yield
    i18n.set_language("id")


def broken() -> tuple[Problem, ScheduleResult]:
    """A valid first-fit schedule with its first session twice (a group overlap at least)."""
    problem = generate_problem(InstanceSpec(1, 4, 2, 2, 2, 2, 3, None))
    sessions = list(greedy(problem).sessions)
    result = build_result(problem, [*sessions, sessions[0]], "feasible", 0.1, (
        Explanation("schedule.explain.shortfall", {
            "name": "Siti", "can": 1, "sessions": 2, "module": "Menjahit", "needed": 2,
            "days": "0,3"}),))
    assert result.violations
    return problem, result


def test_json_carries_codes_params_and_the_chosen_language() -> None:
    problem, result = broken()
    report = json.loads(json.dumps(summary(problem, result), ensure_ascii=False))
    codes = {v["code"] for v in report["violations"]}
    assert "group_overlap" in codes
    overlap = next(v for v in report["violations"] if v["code"] == "group_overlap")
    assert set(overlap["params"]) >= {"group", "module", "date", "start", "end"}
    assert "kelompok sudah punya sesi" in overlap["text"]
    [explained] = report["explanations"]
    assert explained["key"] == "schedule.explain.shortfall"
    assert explained["params"]["days"] == "0,3"
    assert "(hari Senin, Kamis)" in explained["text"]
    i18n.set_language("en")
    english = summary(problem, result)
    assert any("the group already has a session of" in v["text"]  # type: ignore[index]
               for v in english["violations"])  # type: ignore[attr-defined]
    assert "(Monday, Thursday)" in english["explanations"][0]["text"]  # type: ignore[index]


def test_the_text_output_says_each_violation_and_explanation(
        capsys: pytest.CaptureFixture[str]) -> None:
    problem, result = broken()
    _print_text(problem, result, None)
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.startswith("! ")]
    assert len(lines) == len(result.violations)
    assert any("kelompok sudah punya sesi" in line for line in lines)
    assert "- Siti bisa hadir di 1 dari 2 sesi Menjahit" in out
    assert "schedule." not in out and "{" not in out
