"""One app instance per vault: an exclusive OS lock on a file in the data folder; and files in
the data folder private to the user (0600, folders 0700) where the OS has such modes."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from kdrt_desk.errors import VaultError

LOCK_NAME = "kdrt.lock"


class InstanceLock:
    """Held for as long as a process has the vault open; released by the OS if the process dies."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND
                         | getattr(os, "O_BINARY", 0), 0o600)
            handle = os.fdopen(fd, "a+b")
        except OSError as exc:
            raise VaultError("error.folder_read_only") from exc
        try:
            make_private(self.path)
        except OSError as exc:
            handle.close()
            raise VaultError("error.folder_read_only") from exc
        try:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.close()
            raise VaultError("error.vault_in_use") from exc
        handle.truncate(0)
        handle.write(str(os.getpid()).encode())
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def make_private(path: Path, *, folder: bool = False) -> None:
    """Only the user may read it (POSIX modes; Windows keeps the per-user folder's ACL)."""
    if sys.platform != "win32":
        os.chmod(path, 0o700 if folder else 0o600)
