"""Help and argument errors across the process boundary: the console script and
``python -m kdrt_desk`` answer in the language asked for, with argparse's exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from cli_harness import REPO, make_env, message, run_cli_process

SCRIPT = Path(sys.executable).with_name("kdrt-desk")


def test_lang_en_help_of_a_command_is_english(tmp_path: Path) -> None:
    result = run_cli_process("--lang", "en", "users", "add", "--help",
                             env=make_env(tmp_path / "keyring.json", tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert message("cli.help_new_user", "en") in result.stdout
    assert message("cli.help_user", "en") in result.stdout
    assert message("cli.help_user") not in result.stdout


@pytest.mark.skipif(not SCRIPT.exists(), reason="the console script is not installed")
def test_the_console_script_help_and_a_missing_argument(tmp_path: Path) -> None:
    env = make_env(tmp_path / "keyring.json", tmp_path)
    shown = subprocess.run([str(SCRIPT), "--help"], env=env, cwd=str(REPO), text=True,
                           capture_output=True, timeout=60)
    assert shown.returncode == 0, shown.stderr
    assert message("cli.help_demo") in shown.stdout
    refused = subprocess.run([str(SCRIPT), "--lang", "en", "users", "add", "--user", "admin"],
                             env=env, cwd=str(REPO), text=True, capture_output=True, timeout=60)
    assert refused.returncode == 2
    assert refused.stdout == "" and "Traceback" not in refused.stderr
    assert "usage: kdrt-desk users add" in refused.stderr and "--new-user" in refused.stderr
