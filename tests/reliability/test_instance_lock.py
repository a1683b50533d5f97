"""Issue 14: two app instances on one vault, and the lock a crash leaves behind.

The second instance is refused while the first has the vault open (its own message, the vault
untouched); after the first is killed with SIGKILL its ``kdrt.lock`` file is still there,
naming a process that no longer exists, and the next open recognises it as stale (the OS lock
went with the process) and takes the vault over without asking anyone to delete a file.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from cli_harness import CliVault

from kdrt_desk.errors import VaultError
from kdrt_desk.security.instance_lock import LOCK_NAME

HOLDER = """
import os, sys, time
from pathlib import Path
from kdrt_desk.services.vault_access import open_vault
vault = open_vault(Path(sys.argv[1]), "admin", os.environ["KDRT_PASSWORD"])
print("open", os.getpid(), flush=True)
time.sleep(120)
"""


def test_a_second_instance_is_refused_and_a_crashed_ones_lock_is_cleared(
        demo_copy: CliVault) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(demo_copy.data_dir)],
                              env=demo_copy.env(), stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        line = holder.stdout.readline().split()
        assert line[:1] == ["open"], line
        before = {p.name: p.read_bytes() for p in demo_copy.data_dir.iterdir()
                  if p.is_file() and p.name.startswith("kdrt.") and p.name != LOCK_NAME}
        with pytest.raises(VaultError) as refused:
            demo_copy.open()
        assert refused.value.key == "error.vault_in_use"
        after = {p.name: p.read_bytes() for p in demo_copy.data_dir.iterdir()
                 if p.is_file() and p.name.startswith("kdrt.") and p.name != LOCK_NAME}
        assert after == before, "the refused instance wrote to the vault"
        checked = demo_copy.run("check")
        assert checked.returncode != 0 and "Traceback" not in checked.stderr
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()
    lock = demo_copy.data_dir / LOCK_NAME
    assert lock.read_text() == line[1], "the dead instance's lock file is still there"
    services = demo_copy.services()  # the stale lock is recognised and taken over
    try:
        assert services.participants.count() > 0
        assert lock.read_text() == str(os.getpid())
    finally:
        services.close()
