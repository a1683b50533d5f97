"""Recovery codes: 140 random bits in Crockford base32, grouped by four for typing."""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
GROUPS = 7
GROUP_LEN = 4
_CONFUSABLE = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})


def generate_recovery_code() -> str:
    chars = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LEN))
    return "-".join(chars[i:i + GROUP_LEN] for i in range(0, len(chars), GROUP_LEN))


def normalise_recovery_code(raw: str) -> str | None:
    """The canonical grouped code, or None when ``raw`` cannot be a recovery code.

    Spaces, dashes and case do not matter; letters people confuse (O/0, I/L/1) are mapped.
    """
    chars = "".join(c for c in raw.upper() if c.isalnum()).translate(_CONFUSABLE)
    if len(chars) != GROUPS * GROUP_LEN or any(c not in ALPHABET for c in chars):
        return None
    return "-".join(chars[i:i + GROUP_LEN] for i in range(0, len(chars), GROUP_LEN))
