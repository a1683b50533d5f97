"""Child of startup_login_window.py: a bare PySide6 window, shown, then quit (the baseline).

Prints ``START <epoch>`` as its first statement and ``SHOWN`` once the window is shown.
"""

import time

print(f"START {time.time():.6f}", flush=True)

import sys  # noqa: E402

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QWidget()

    def shown() -> None:
        assert window.isVisible()
        print("SHOWN", flush=True)
        QTimer.singleShot(0, app.quit)

    window.show()
    QTimer.singleShot(0, shown)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
