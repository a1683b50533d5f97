"""The Qt binding in use must not lose a reference to ``None`` per call: PySide6 6.12.0 did, and on
Python 3.11 (where ``None`` is reference-counted) the app then aborted with "Fatal Python error:
none_dealloc" after some tens of thousands of ordinary widget calls, taking unsaved work with it.
A fresh interpreter makes 100,000 void calls; it must survive with ``None``'s count intact."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
before = sys.getrefcount(None)
for _ in range(100_000):
    label.setText("a")
    label.setEnabled(True)
print(before - sys.getrefcount(None))
"""


def test_void_qt_calls_keep_the_reference_to_none() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout.strip().splitlines()[-1]) < 1000
