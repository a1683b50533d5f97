"""A helper process for ``test_key_file_atomic.py`` (not a test): die at the Nth step of a key
file rewrite.

Usage: ``python key_writer.py DATA_DIR``, the admin's password in ``KDRT_PASSWORD``. The process
imports the app once; each line on stdin (``N CHANGE``) forks a child that opens the vault, prints
``armed N SHA256`` (the key file it starts from), then makes the change through the real
accounts service: ``password`` (the admin changes her own password to ``NEW_PASSWORD``) or
``account`` (she adds ``NEW_USER`` with ``NEW_USER_PASSWORD``). Every step of
``kdrt_desk.security.atomic_file`` is a point (half the temporary file written, before and after
each ``os.fsync``, before and after ``os.replace``); at point N the child prints ``died N STEP``
and ends with ``os._exit`` (no clean-up runs). A child that makes it to the end prints
``finished N POINTS``. This process prints ``exit N STATUS`` after each child.
"""

from __future__ import annotations

import hashlib
import os
import sys
import types
from pathlib import Path
from typing import IO, Any

from support.constants import FAST_KDF

from kdrt_desk.security import atomic_file
from kdrt_desk.services.vault_access import open_vault
from kdrt_desk.wiring import build_services

NEW_PASSWORD = "kata-sandi-baru-14"
NEW_USER = "relawan.uji"
NEW_USER_PASSWORD = "kata-sandi-relawan-14"
DIED = 77


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


class _Steps:
    """The points of the writes in ``atomic_file``; the Nth one ends the process."""

    def __init__(self, fatal: int) -> None:
        self.fatal = fatal
        self.count = 0

    def point(self, step: str) -> None:
        self.count += 1
        if self.count == self.fatal:
            say(f"died {self.fatal} {step}")
            os._exit(DIED)


class _DyingFile:
    """The temporary file's handle: a write is two halves, with a point between them."""

    def __init__(self, handle: IO[bytes], steps: _Steps) -> None:
        self.handle = handle
        self.steps = steps

    def write(self, data: bytes) -> int:
        half = len(data) // 2
        self.handle.write(data[:half])
        self.handle.flush()
        self.steps.point("half-written-temp-file")
        return half + self.handle.write(data[half:])

    def __enter__(self) -> _DyingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.handle, name)


def arm(fatal: int) -> _Steps:
    """Give ``atomic_file`` an ``os`` whose fdopen, fsync and replace pass through points."""
    steps = _Steps(fatal)
    real = os

    def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        return _DyingFile(real.fdopen(fd, mode, *args, **kwargs), steps)

    def fsync(fd: int) -> None:
        steps.point("before-fsync")
        real.fsync(fd)
        steps.point("after-fsync")

    def replace(src: str, dst: str | Path) -> None:
        name = Path(dst).name
        steps.point(f"before-replace:{name}")
        real.replace(src, dst)
        steps.point(f"after-replace:{name}")

    proxy = types.SimpleNamespace(**{k: getattr(real, k) for k in dir(real)
                                     if not k.startswith("__")})
    proxy.fdopen, proxy.fsync, proxy.replace = fdopen, fsync, replace
    atomic_file.os = proxy  # type: ignore[assignment]
    return steps


def child(data_dir: Path, fatal: int, change: str) -> None:
    vault = open_vault(data_dir, "admin", os.environ["KDRT_PASSWORD"])  # the login saves first
    vault.keys.kdf = FAST_KDF  # the new slot's key derivation: the tests' fast one
    services = build_services(vault)
    digest = hashlib.sha256((data_dir / "kdrt.keys").read_bytes()).hexdigest()
    say(f"armed {fatal} {digest}")
    steps = arm(fatal)
    if change == "password":
        services.accounts.change_own_password(os.environ["KDRT_PASSWORD"], NEW_PASSWORD)
    elif change == "account":
        services.accounts.add_account(NEW_USER, "staf", NEW_USER_PASSWORD)
    else:
        raise SystemExit(f"unknown change {change}")
    services.close()
    say(f"finished {fatal} {steps.count}")


def main(data_dir: Path) -> int:
    say("serving")
    for line in sys.stdin:
        if not line.strip():
            break
        fatal_text, change = line.split()
        fatal = int(fatal_text)
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                child(data_dir, fatal, change)
            except BaseException as exc:  # noqa: BLE001 - reported to the parent, then exit
                say(f"error {fatal} {type(exc).__name__}: {exc}")
                code = 1
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        say(f"exit {fatal} {os.waitstatus_to_exitcode(status)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
