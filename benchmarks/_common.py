"""Shared helpers for the benchmark scripts: paths, a test keyring, temp folders, result lines.

The benchmarks never touch the OS keyring: in-process they install ``MemoryKeyring`` and
subprocesses get ``PYTHON_KEYRING_BACKEND=support.fake_os_keyring.FileKeyring`` with the entries
in a JSON file inside the benchmark's temp folder (both from ``tests/support``).
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
BENCHMARKS = ROOT / "benchmarks"
for _path in (str(ROOT), str(TESTS)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ADMIN = "admin"
PASSWORD = "kata-sandi-bench-1"
CENTRE = "Pusat Pemberdayaan Perempuan (benchmark)"
FILE_KEYRING = "support.fake_os_keyring.FileKeyring"


def install_memory_keyring() -> None:
    """Use an in-memory keyring in this process (never the OS keyring)."""
    import keyring
    from support.fake_os_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())


def install_file_keyring(keyring_file: Path) -> None:
    """Use the JSON-file keyring in this process, shared with subprocesses via ``child_env``."""
    import keyring
    from support.fake_os_keyring import FileKeyring

    os.environ["KDRT_TEST_KEYRING_FILE"] = str(keyring_file)
    keyring.set_keyring(FileKeyring())


def child_env(keyring_file: Path, pycache: Path | None = None, **extra: str) -> dict[str, str]:
    """Environment for a subprocess: offscreen Qt, the file keyring, the repo on the path.

    With ``pycache`` the child reads and writes bytecode there (``PYTHONPYCACHEPREFIX``), as an
    installed app has it, even where ``PYTHONDONTWRITEBYTECODE`` is set; never in the repo.
    """
    env = dict(os.environ)
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": FILE_KEYRING,
        "KDRT_TEST_KEYRING_FILE": str(keyring_file),
        "PYTHONPATH": os.pathsep.join([str(TESTS), str(ROOT)]),
    })
    if pycache is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env.update(extra)
    return env


@contextmanager
def temp_folder(prefix: str) -> Iterator[Path]:
    """A temp folder deleted afterwards, whatever happens."""
    folder = Path(tempfile.mkdtemp(prefix=f"kdrt-bench-{prefix}-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def make_vault(data_dir: Path, kdf: Any = None) -> str:
    """A vault with its first admin (Argon2id defaults unless ``kdf`` is given): recovery code."""
    from kdrt_desk.security.crypto import DEFAULT_KDF
    from kdrt_desk.security.secret_store import SecretStore
    from kdrt_desk.services.vault_access import create_vault

    return create_vault(data_dir, centre_name=CENTRE, centre_address="Palembang",
                        admin_username=ADMIN, admin_password=PASSWORD,
                        admin_display_name="Admin Bench", store=SecretStore(),
                        kdf=kdf or DEFAULT_KDF)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """(seconds, result) of one call."""
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def median(values: list[float]) -> float:
    return statistics.median(values)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def secs(seconds: float) -> str:
    return f"{seconds:.2f} s"


def header(title: str) -> None:
    print(f"== {title} ==")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {sys.platform}")


def result_line(name: str, value: str, target: str, ratio_to_target: float,
                baseline: str = "") -> str:
    """The one summary line each script ends with."""
    line = f"RESULT {name}: {value} (target {target}) ratio {ratio_to_target:.2f} of target"
    if baseline:
        line += f"; {baseline}"
    return line


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"
