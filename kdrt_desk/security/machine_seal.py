"""Sealing a few bytes to this PC: Windows DPAPI with the machine's key (any account on this PC
can open them, no other PC can, not even with every file copied).

The shared data folder's enrolment file (``account_link``) keeps the installation secret under
an admin's password *and* this seal, so a copy of the folder plus her password opens nothing
elsewhere. Only Windows has such a seal; elsewhere ``current()`` is None and the admin-login
route is not offered (the recovery code still is). Tests install their own backend with
``install()``, as they install their own keyring; none ships with the app.
"""

from __future__ import annotations

import sys
from typing import Protocol

from kdrt_desk.errors import VaultError


class MachineSealBackend(Protocol):
    """Seals bytes to this machine; ``unseal`` raises ``MachineSealError`` on any other."""

    name: str

    def seal(self, data: bytes, entropy: bytes) -> bytes: ...

    def unseal(self, blob: bytes, entropy: bytes) -> bytes: ...


class MachineSealError(VaultError):
    """Sealed on another PC, or damaged: the seal does not open here."""

    def __init__(self) -> None:
        super().__init__("error.link_other_pc")


class WindowsMachineSeal:
    """``CryptProtectData`` with ``CRYPTPROTECT_LOCAL_MACHINE`` (no prompt, no user profile)."""

    name = "Windows DPAPI (machine)"
    _UI_FORBIDDEN = 0x1
    _LOCAL_MACHINE = 0x4

    def seal(self, data: bytes, entropy: bytes) -> bytes:
        return self._call("CryptProtectData", data, entropy)

    def unseal(self, blob: bytes, entropy: bytes) -> bytes:
        return self._call("CryptUnprotectData", blob, entropy)

    def _call(self, function: str, data: bytes, entropy: bytes) -> bytes:
        import ctypes
        from ctypes import wintypes

        class Blob(ctypes.Structure):
            _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_char))]

        def blob_of(value: bytes) -> tuple[Blob, ctypes.Array[ctypes.c_char]]:
            buffer = ctypes.create_string_buffer(value, len(value))
            return Blob(len(value), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char))), buffer

        crypt32 = ctypes.windll.crypt32  # type: ignore[attr-defined]
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        data_in, _keep_data = blob_of(data)
        extra, _keep_extra = blob_of(entropy)
        out = Blob()
        flags = self._UI_FORBIDDEN | self._LOCAL_MACHINE
        if function == "CryptProtectData":
            ok = crypt32.CryptProtectData(ctypes.byref(data_in), None, ctypes.byref(extra),
                                          None, None, flags, ctypes.byref(out))
        else:
            ok = crypt32.CryptUnprotectData(ctypes.byref(data_in), None, ctypes.byref(extra),
                                            None, None, self._UI_FORBIDDEN, ctypes.byref(out))
        if not ok:
            raise MachineSealError()
        try:
            return ctypes.string_at(out.pbData, out.cbData)
        finally:
            kernel32.LocalFree(out.pbData)


class _Chosen:
    """The backend in use: the OS's, or the one a test installed."""

    def __init__(self) -> None:
        self.backend: MachineSealBackend | None = (
            WindowsMachineSeal() if sys.platform == "win32" else None)


_CHOSEN = _Chosen()


def current() -> MachineSealBackend | None:
    """This PC's seal, or None where the OS has none (then only the recovery code links)."""
    return _CHOSEN.backend


def install(backend: MachineSealBackend | None) -> MachineSealBackend | None:
    """Put ``backend`` in place (tests); returns the one it replaces."""
    previous, _CHOSEN.backend = _CHOSEN.backend, backend
    return previous
