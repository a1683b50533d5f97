"""Child of startup_login_window.py: KDRT Desk started as ``kdrt-desk --data-dir <vault>``.

Runs the real entry point (``kdrt_desk.__main__.main`` -> ``app.run_gui`` -> ``DeskApp.start`` ->
``show_login``) on an existing vault. The only change: ``LoginDialog.showEvent`` is wrapped so
that once the dialog is shown the child prints ``SHOWN`` and closes it via
``QTimer.singleShot(0, dialog.reject)``, as if the user pressed Quit: ``show_login`` runs the
dialog with ``exec()`` before ``app.exec()``, and ``QApplication.quit()`` does nothing outside
``app.exec()``. Also prints ``START <epoch>`` first and ``PHASES`` at the end.
"""

import time

print(f"START {time.time():.6f}", flush=True)
T0 = time.perf_counter()

import sys  # noqa: E402

from PySide6.QtCore import QTimer  # noqa: E402

import kdrt_desk.ui.login_dialog as login_dialog  # noqa: E402

T_HOOK = time.perf_counter()
phases: dict[str, float] = {}
_original_show_event = login_dialog.LoginDialog.showEvent


def _show_event(self, event):  # type: ignore[no-untyped-def]
    _original_show_event(self, event)
    phases.setdefault("show_event", time.perf_counter() - T0)

    def shown() -> None:
        if "shown" in phases:
            return
        assert self.isVisible()
        phases["shown"] = time.perf_counter() - T0
        print("SHOWN", flush=True)
        QTimer.singleShot(0, self.reject)

    QTimer.singleShot(0, shown)


login_dialog.LoginDialog.showEvent = _show_event


def main() -> int:
    from kdrt_desk.__main__ import main as desk_main

    code = desk_main(sys.argv[1:])
    if "shown" not in phases:
        print("NOT-SHOWN", flush=True)
        return 1
    print("PHASES " + " ".join(f"{k}={v:.4f}" for k, v in
                               {"import_ui": T_HOOK - T0, **phases}.items()), flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
