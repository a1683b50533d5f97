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
    # ERROR_INVALID_DATA, NTE_BAD_DATA, NTE_BAD_KEY_STATE: sealed elsewhere, or damaged
    _NOT_THIS_PC = frozenset({13, 0x80090005, 0x8009000B})

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

        win_dll = getattr(ctypes, "WinDLL")  # noqa: B009 - Windows only
        crypt32 = win_dll("crypt32", use_last_error=True)
        kernel32 = win_dll("kernel32", use_last_error=True)
        call = getattr(crypt32, function)
        call.argtypes = [ctypes.POINTER(Blob), ctypes.c_void_p, ctypes.POINTER(Blob),
                         ctypes.c_void_p, ctypes.c_void_p, wintypes.DWORD, ctypes.POINTER(Blob)]
        call.restype = wintypes.BOOL
        kernel32.LocalFree.argtypes = [ctypes.c_void_p]
        kernel32.LocalFree.restype = ctypes.c_void_p
        data_in, _keep_data = blob_of(data)
        extra, _keep_extra = blob_of(entropy)
        out = Blob()
        flags = self._UI_FORBIDDEN | (self._LOCAL_MACHINE if function == "CryptProtectData"
                                      else 0)
        if not call(ctypes.byref(data_in), None, ctypes.byref(extra), None, None, flags,
                    ctypes.byref(out)):
            code = getattr(ctypes, "get_last_error")() & 0xFFFFFFFF  # noqa: B009
            if code in self._NOT_THIS_PC:
                raise MachineSealError()
            raise VaultError("error.machine_seal_failed", code=f"0x{code:08X}")
        try:
            return ctypes.string_at(out.pbData, out.cbData)
        finally:
            kernel32.LocalFree(ctypes.cast(out.pbData, ctypes.c_void_p))


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
