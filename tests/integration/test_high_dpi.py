"""Windows at 150 %: the app starts with Qt's exact scale factor (Qt 6's PassThrough, which
nothing in the app may round to 1 or 2), and its first window is drawn at that factor. A real
process, started the way the app starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cli_harness import make_env

PROBE = """
import sys
from PySide6.QtWidgets import QApplication
from kdrt_desk import app

def start(self):
    from kdrt_desk.ui.setup_wizard import SetupWizard
    wizard = SetupWizard(self.data_dir, self.runner)
    wizard.show()
    QApplication.processEvents()
    image = wizard.grab()
    print(QApplication.highDpiScaleFactorRoundingPolicy().name, wizard.devicePixelRatio(),
          image.width() / wizard.width())
    wizard.close()
    return False

app.DeskApp.start = start
sys.exit(app.run_gui(["--data-dir", sys.argv[1]]))
"""


def test_the_app_starts_at_the_exact_scale_factor(tmp_path: Path) -> None:
    env = make_env(tmp_path / "keyring.json", tmp_path, QT_QPA_PLATFORM="offscreen",
                   QT_SCALE_FACTOR="1.5")
    done = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "data")], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    policy, ratio, drawn = done.stdout.split()
    assert policy == "PassThrough"
    assert float(ratio) == 1.5 and float(drawn) == 1.5
