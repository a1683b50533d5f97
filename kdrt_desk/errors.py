"""Errors the user can fix: a catalogue key, shown translated and never as a traceback.

Anything else that escapes is a bug: logged (without personal data) and shown in a crash dialog.
"""

from __future__ import annotations

import errno

from kdrt_desk.i18n import t


class UserError(Exception):
    """A problem the user can fix; ``message`` is in the current UI language."""

    def __init__(self, key: str, /, *, field: str | None = None, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.field = field
        self.params = params

    @property
    def message(self) -> str:
        return t(self.key, **self.params)

    def __str__(self) -> str:
        return self.message


class ValidationError(UserError):
    """One or more invalid fields; ``errors`` maps each field to its message key and params."""

    def __init__(self, errors: list[UserError]) -> None:
        super().__init__("error.validation", count=len(errors))
        self.errors = errors

    def by_field(self) -> dict[str, str]:
        return {e.field or "": e.message for e in self.errors}


class PermissionDeniedError(UserError):
    def __init__(self) -> None:
        super().__init__("error.permission_denied")


class VaultError(UserError):
    """The vault cannot be opened or written: wrong password, damaged file, locked, disk full..."""


def os_error_key(exc: OSError) -> str:
    """The catalogue key for an OS error on a file the app writes or reads (by errno)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "error.disk_full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "error.folder_read_only"
    if exc.errno == errno.EFBIG:
        return "error.value_too_big"
    return "error.file_unwritable"
