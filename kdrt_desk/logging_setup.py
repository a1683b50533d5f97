"""Logging to a rotating file in the data folder; records carry codes and ids, never names."""

from __future__ import annotations

import logging
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(data_dir: Path | None) -> Path | None:
    """Log warnings and errors to ``<data_dir>/logs/kdrt-desk.log`` when the folder exists."""
    root = logging.getLogger()
    root.setLevel(logging.WARNING)
    if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
        root.addHandler(logging.NullHandler())  # never the stderr "last resort" with tracebacks
    for handler in list(root.handlers):
        if getattr(handler, "kdrt_desk", False):
            root.removeHandler(handler)
            handler.close()
    if data_dir is None or not data_dir.is_dir():
        return None
    from logging.handlers import RotatingFileHandler  # only when there is a folder to log in

    from kdrt_desk.security.instance_lock import make_private

    log_dir = data_dir / "logs"
    log_file = log_dir / "kdrt-desk.log"
    try:
        log_dir.mkdir(exist_ok=True, mode=0o700)
        make_private(log_dir, folder=True)
        log_file.touch(mode=0o600, exist_ok=True)
        make_private(log_file)
        handler = RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=3,
                                      encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.kdrt_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return log_file
