"""Write files so a crash or a full disk leaves the old or the new version, never half."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def os_error_key(exc: OSError) -> str:
    """The catalogue key for an OS error on the data folder."""
    if exc.errno == errno.ENOSPC:
        return "error.disk_full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "error.folder_read_only"
    return "error.file_unwritable"
