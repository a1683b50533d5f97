"""Which OS keyring holds the installation secret: on Windows the Credential Manager, chosen
first and directly.

keyring finds its backends through package entry points, which a frozen build may lose, and
ranks whatever backends are installed on the PC: a plain-file one (``keyrings.alt``) that some
other program brought along would otherwise win. On Windows the app therefore names the
Credential Manager itself (``WinVaultKeyring``), which also spares the start-up the scan of
entry points. ``PYTHON_KEYRING_BACKEND``, keyring's own setting, still wins (the tests' and an
administrator's choice). Elsewhere keyring's own choice stands (the Secret Service on Linux).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

OVERRIDE = "PYTHON_KEYRING_BACKEND"


def choose_os_keyring(platform: str | None = None,
                      environ: Mapping[str, str] | None = None) -> bool:
    """Install the Credential Manager as the keyring on Windows; True when it did."""
    platform = platform or sys.platform
    environ = os.environ if environ is None else environ
    if platform != "win32" or environ.get(OVERRIDE):
        return False
    import keyring
    from keyring.backends.Windows import WinVaultKeyring

    keyring.set_keyring(WinVaultKeyring())
    return True
