"""The heavy libraries load when their feature is used, never at start: the app's start and its
main window do not import OR-Tools, the holiday tables, the prayer-time astronomy, iCalendar,
openpyxl or pyqtgraph (the start-up benchmark holds the app to 1.5x a bare window)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("ortools", "holidays", "adhanpy", "icalendar", "openpyxl", "numpy", "pandas",
         "pyqtgraph", "pypdfium2")


def _loaded(modules: str) -> list[str]:
    probe = (f"import json, sys; import {modules}; "
             f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} "
             f"& set({HEAVY!r}))))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=120, env={"QT_QPA_PLATFORM": "offscreen",
                                              "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout))


def test_the_app_and_its_main_window_load_no_heavy_library() -> None:
    assert _loaded("kdrt_desk.app, kdrt_desk.ui.main_window, kdrt_desk.wiring") == []


def test_the_scheduler_modules_import_without_their_libraries() -> None:
    assert _loaded("kdrt_desk.scheduling.calendar, kdrt_desk.services.schedule, "
                   "kdrt_desk.services.reminders, kdrt_desk.services.calendar") == []


def test_the_indicators_tab_loads_pyqtgraph_only_to_draw_a_chart() -> None:
    assert _loaded("kdrt_desk.ui.indicators_view, kdrt_desk.ui.widgets.charts, "
                   "kdrt_desk.reports.chart_data") == []
