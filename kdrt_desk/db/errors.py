"""Which database and OS errors the user can fix, classified by error code, never by message.

SQLite reports its primary result code in the low byte of ``sqlite_errorcode``; an OS error its
``errno``. Anything not named here is a bug (logged, the crash dialog), not a "damaged vault":
telling a user with a healthy vault to restore a backup would lose her recent work.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import DBAPIError, StatementError

from kdrt_desk.errors import UserError, VaultError, os_error_key

SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_TOOBIG = 18
SQLITE_NOTADB = 26
SQLITE_IOERR_NOMEM = 10 | (12 << 8)

_BY_SQLITE_CODE = {
    SQLITE_FULL: "error.disk_full",
    SQLITE_READONLY: "error.folder_read_only",
    SQLITE_BUSY: "error.vault_in_use",
    SQLITE_LOCKED: "error.vault_in_use",
    SQLITE_CORRUPT: "error.database_damaged",
    SQLITE_NOTADB: "error.database_damaged",
    SQLITE_TOOBIG: "error.value_too_big",
    SQLITE_CANTOPEN: "error.file_unreadable",
    SQLITE_IOERR: "error.disk_io",
}


LOW_SPACE = 1 << 20  # below this, an I/O error while writing is the disk being full


def sqlite_error_key(exc: BaseException, folder: Path | None = None) -> str | None:
    """The catalogue key of a SQLite error the user can act on, or None (a bug).

    ``exc`` may be the driver's exception or SQLAlchemy's wrapper of it (``.orig``). SQLite
    reports some writes on a full disk as an I/O error (the WAL index, a short write): with the
    vault's ``folder`` given, such an error on a disk with almost no space left is "disk full"."""
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    if code == SQLITE_IOERR_NOMEM:
        return None
    cause = getattr(orig, "__cause__", None) or getattr(orig, "__context__", None)
    if code & 0xFF == SQLITE_IOERR and isinstance(cause, OSError):
        return os_error_key(cause)
    if code & 0xFF == SQLITE_IOERR and folder is not None and _almost_full(folder):
        return "error.disk_full"
    return _BY_SQLITE_CODE.get(code & 0xFF)


def _almost_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE
    except OSError:
        return False


@contextmanager
def storage_errors(folder: Path | None = None) -> Iterator[None]:
    """Storage faults the user can fix become a ``VaultError`` (by SQLite error code or errno);
    numbers too large for SQLite a ``UserError``; everything else propagates as a bug."""
    try:
        yield
    except DBAPIError as exc:
        key = sqlite_error_key(exc, folder)
        if key is None:
            raise
        raise VaultError(key) from exc
    except StatementError as exc:
        if isinstance(exc.orig, OverflowError):
            raise UserError("error.number_too_large") from exc
        raise
    except OverflowError as exc:
        raise UserError("error.number_too_large") from exc
    except OSError as exc:
        raise VaultError(os_error_key(exc)) from exc


__all__ = ["os_error_key", "sqlite_error_key", "storage_errors"]
