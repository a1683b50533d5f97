"""The attacker's tests of issue 8: a staff password (fasilitator, then staf) and the vault files.

Every test here runs what an attacker would run against a real vault file: the app's own key
file reader to unlock her slot, raw SQL through ``encrypted_engine`` with the master key she gets,
edits of ``kdrt.keys`` with the plain checksums recomputed, and the real CLI afterwards. Only the
OS keyring is replaced (``tests/conftest.py``). The fixtures ``demo``, ``demo_copy``, ``vault``
and ``admin`` come from the parent ``conftest.py`` files; the helpers live in ``attackers.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# ``attackers.py`` beside this file, and ``cli_harness.py`` one level up, import by name
for folder in (Path(__file__).parent, Path(__file__).parent.parent):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


@pytest.fixture(autouse=True)
def _cli_in_subprocesses() -> Iterator[None]:
    """Her CLI runs stay real processes: the exit codes, stderr and files she would see."""
    import cli_harness

    cli_harness.IN_PROCESS = False
    yield
    cli_harness.IN_PROCESS = True
