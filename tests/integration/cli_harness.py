"""Helpers of the integration tests: run the real CLI, read its messages, handle vault copies.

``run_cli`` calls the CLI's ``main(argv)`` in this process, as a subprocess would see it (its
environment, an empty stdin, stdout and stderr captured, the exit code of ``SystemExit``);
``run_cli_process`` starts ``python -m kdrt_desk`` for what crosses the process boundary (the
interpreter's exit code and stderr, a lock held by another process, ``kill -9``).

Only the OS keyring is replaced. In the test process the autouse ``MemoryKeyring`` of
``tests/conftest.py`` stands in for it; the CLI gets ``FileKeyring`` (in this process for the
length of the call, in a subprocess through ``PYTHON_KEYRING_BACKEND``) and the JSON file named
by ``KDRT_TEST_KEYRING_FILE``.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

import keyring
from support.fake_os_keyring import FileKeyring, MemoryKeyring

from kdrt_desk import i18n
from kdrt_desk.cli import main as cli_main
from kdrt_desk.i18n import text_in
from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.logging_setup import configure_logging
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.services.vault_access import OpenVault, open_vault
from kdrt_desk.wiring import Services, build_services

REPO = Path(__file__).resolve().parents[2]
TESTS = REPO / "tests"
DEMO_PARTICIPANTS = 200
DEMO_SEED = 7
ROLES = ("admin", "konselor", "fasilitator", "staf")
CLI_TIMEOUT = 120
_INHERITED_PREFIXES = ("KDRT_", "PYTHON_KEYRING", "PYTHONPATH")
# the attacker's tests turn this off (tests/integration/attacks/conftest.py): her CLI runs are
# real processes, their exit codes, stderr and files as she sees them
IN_PROCESS = True


def make_env(keyring_file: Path, home: Path, **extra: str) -> dict[str, str]:
    """The environment of a CLI subprocess: the file keyring, no inherited KDRT_* settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(_INHERITED_PREFIXES)}
    env.update({
        "PYTHON_KEYRING_BACKEND": "support.fake_os_keyring.FileKeyring",
        "KDRT_TEST_KEYRING_FILE": str(keyring_file),
        "PYTHONPATH": os.pathsep.join([str(TESTS), str(REPO)]),
        "PYTHONIOENCODING": "utf-8",
        "HOME": str(home),  # never the real per-user data folder
        "XDG_DATA_HOME": str(home / "share"),
    })
    env.update(extra)
    return env


class _Captured(io.StringIO):
    """stdout or stderr of an in-process run; ``close()`` (after a broken pipe) keeps the text."""

    def close(self) -> None:
        pass


@contextmanager
def _as_a_process(env: dict[str, str], stdin: str) -> Iterator[None]:
    """The process state a CLI run sees and changes (environment, keyring, language, logging,
    stdin), put back afterwards."""
    saved_env, saved_stdin = dict(os.environ), sys.stdin
    saved_keyring, saved_lang = keyring.get_keyring(), i18n.language()
    root = logging.getLogger()
    saved_level, saved_handlers = root.level, list(root.handlers)
    os.environ.clear()
    os.environ.update(env)
    keyring.set_keyring(FileKeyring())
    sys.stdin = io.StringIO(stdin)
    try:
        yield
    finally:
        configure_logging(None)  # closes the log file handler the command opened
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        sys.stdin = saved_stdin
        i18n.set_language(saved_lang)
        keyring.set_keyring(saved_keyring)
        os.environ.clear()
        os.environ.update(saved_env)


def run_cli(*args: str, env: dict[str, str], input: str | None = None,
            timeout: float = CLI_TIMEOUT) -> subprocess.CompletedProcess[str]:
    """``kdrt-desk *args`` through ``main(argv)`` in this process (a subprocess while
    ``IN_PROCESS`` is off); stdin is empty (not a terminal) unless ``input`` is given."""
    if not IN_PROCESS:
        return run_cli_process(*args, env=env, input=input, timeout=timeout)
    out, err = _Captured(), _Captured()
    with _as_a_process(env, input or ""), redirect_stdout(out), redirect_stderr(err):
        try:
            code = cli_main(list(args))
        except SystemExit as exc:  # argparse: --help, a usage error
            if isinstance(exc.code, str):
                print(exc.code, file=sys.stderr)
            code = 1 if isinstance(exc.code, str) else exc.code or 0
    return subprocess.CompletedProcess(["kdrt-desk", *args], code, out.getvalue(),
                                       err.getvalue())


def run_cli_process(*args: str, env: dict[str, str], input: str | None = None,
                    timeout: float = CLI_TIMEOUT) -> subprocess.CompletedProcess[str]:
    """``python -m kdrt_desk *args`` in a subprocess; stdin is empty (not a terminal) unless
    ``input`` is given."""
    return subprocess.run(
        [sys.executable, "-m", "kdrt_desk", *args], env=env, cwd=str(REPO), text=True,
        encoding="utf-8", capture_output=True, timeout=timeout,
        input=input if input is not None else "",
    )


def message(key: str, lang: str = "id", **params: object) -> str:
    """A catalogue text in one language (independent of the process's current language)."""
    assert key in MESSAGES, key
    return text_in(lang, key, **params)


def assert_clean_failure(result: subprocess.CompletedProcess[str],
                         expected: str | None = None) -> str:
    """Non-zero exit, exactly one line on stderr (containing ``expected``), no traceback."""
    assert result.returncode != 0, result
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {lines!r}"
    if expected is not None:
        assert expected in lines[0], f"{expected!r} not in {lines[0]!r}"
    return lines[0]


def as_csv_text(rows: Iterable[dict[str, object]]) -> list[dict[str, str]]:
    """JSON rows as the CSV of the same listing reads them: null an empty cell, the rest text."""
    return [{k: "" if v is None else str(v) for k, v in row.items()} for row in rows]


def load_keyring_file(path: Path) -> dict[str, str]:
    return json.loads(path.read_text()) if path.exists() else {}


def vault_id(data_dir: Path) -> str:
    return str(json.loads((data_dir / "kdrt.keys").read_text())["vault_id"])


@dataclass
class CliVault:
    """A vault folder with the keyring file and password its CLI calls use."""

    data_dir: Path
    keyring_file: Path
    password: str
    home: Path
    recovery_code: str = ""
    memory: MemoryKeyring | None = field(default=None, repr=False)

    def env(self, **extra: str) -> dict[str, str]:
        return make_env(self.keyring_file, self.home, **{"KDRT_PASSWORD": self.password, **extra})

    def run(self, *args: str, user: str | None = "admin", lang: str | None = None,
            env: dict[str, str] | None = None, input: str | None = None,
            process: bool = False) -> subprocess.CompletedProcess[str]:
        """Run a command on this vault (``--data-dir`` and ``--user`` filled in), in this
        process or, with ``process``, in a subprocess."""
        extra = ["--data-dir", str(self.data_dir)]
        if user is not None:
            extra += ["--user", user]
        if lang is not None:
            extra += ["--lang", lang]
        runner = run_cli_process if process else run_cli
        return runner(*args, *extra, env=self.env() if env is None else env, input=input)

    def sync_keyring(self) -> None:
        """Copy the file keyring's entries into this process's ``MemoryKeyring``."""
        assert self.memory is not None, "only copies are bound to the in-process keyring"
        for name, secret in load_keyring_file(self.keyring_file).items():
            service, _, vid = name.partition("/")
            self.memory.entries[(service, vid)] = secret

    def open(self, user: str = "admin", password: str | None = None) -> OpenVault:
        """Open in this process (holds the instance lock until closed)."""
        self.sync_keyring()
        return open_vault(self.data_dir, user, password or self.password, store=SecretStore())

    def services(self, user: str = "admin") -> Services:
        return build_services(self.open(user))

    def snapshot(self) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted(self.data_dir.iterdir()) if p.is_file()}


def assert_vault_intact(vault: CliVault, participants: int = DEMO_PARTICIPANTS) -> None:
    """The vault opens in this process with all its participants and an unbroken audit chain."""
    from sqlalchemy import text

    services = vault.services()
    try:
        assert services.participants.count() == participants
        with services.vault.db.reading() as session:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert services.audit.verify().ok
    finally:
        services.close()


DEMO_LOGIN = re.compile(r"^Login: nama pengguna (\S.*?), kata sandi: (\S.*)$", re.M)
RECOVERY_CODE = re.compile(r"\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){6}\b")


def demo_logins(stdout: str) -> dict[str, str]:
    """Username -> password, from the one login line ``demo`` prints."""
    found = DEMO_LOGIN.findall(stdout)
    return {user: password for users, password in found for user in users.split(" / ")}


@dataclass(frozen=True)
class DemoTemplate:
    """The session's demo vault and what ``demo`` printed."""

    vault: CliVault
    result: subprocess.CompletedProcess[str]
    logins: dict[str, str]

