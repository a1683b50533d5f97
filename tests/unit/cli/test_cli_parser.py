"""The CLI's parser in this process: help in the language asked for, every option translated."""

from __future__ import annotations

import argparse

import pytest

from kdrt_desk import i18n
from kdrt_desk.cli import build_parser, main
from kdrt_desk.cli.entry import language_in
from kdrt_desk.i18n.catalog import MESSAGES


def _help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


@pytest.mark.parametrize("argv", [
    ["--lang", "en", "users", "add", "--help"],
    ["users", "add", "--lang", "en", "--help"],
    ["--lang=en", "users", "add", "-h"],
])
def test_lang_en_gives_english_help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(argv, capsys)
    for key in ("cli.help_user", "cli.help_new_user", "cli.help_password_stdin"):
        assert MESSAGES[key][1] in out
        assert MESSAGES[key][0] not in out


def test_help_is_indonesian_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    i18n.set_language("id")
    out = _help(["--help"], capsys)
    assert MESSAGES["cli.help_demo"][0] in out and MESSAGES["cli.help_demo"][1] not in out
    out = _help(["--lang", "en", "--help"], capsys)
    assert MESSAGES["cli.help_demo"][1] in out


@pytest.mark.parametrize(("argv", "expected"), [
    (["check", "--user", "admin"], None),
    (["--lang", "en", "check"], "en"),
    (["--lang", "en", "check", "--lang", "id"], "id"),  # the last one counts, as in argparse
    (["--lang", "xx", "check"], None),  # argparse refuses it in the current language
    (["--lang"], None),
    (["users", "add", "--name", "--", "--lang", "en"], None),
])
def test_language_in_argv(argv: list[str], expected: str | None) -> None:
    assert language_in(argv) == expected


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                found += _parsers(child)
    return found


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_option_and_command_has_help_in_that_language(lang: str) -> None:
    i18n.set_language(lang)
    other = {pair[1 if lang == "id" else 0] for pair in MESSAGES.values()} - {
        pair[0 if lang == "id" else 1] for pair in MESSAGES.values()}
    for parser in _parsers(build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            helps = ([c.help for c in action._choices_actions]
                     if isinstance(action, argparse._SubParsersAction) else [action.help])
            for text in helps:
                assert text and not text.startswith("cli."), (parser.prog, action.dest)
                assert text not in other, (parser.prog, action.dest, text)


def test_importing_the_cli_loads_no_database_code() -> None:
    """``kdrt-desk --help`` and a bad argument answer before SQLAlchemy or Alembic would load."""
    import subprocess
    import sys

    probe = ("import sys, kdrt_desk.cli; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in "
             "('sqlalchemy', 'alembic', 'sqlcipher3', 'reportlab', 'keyring', 'argon2', "
             "'holidays', 'adhanpy', 'ortools') "
             "or m.startswith(('kdrt_desk.services', 'kdrt_desk.models', 'kdrt_desk.db', "
             "'kdrt_desk.repositories', 'kdrt_desk.wiring', 'kdrt_desk.scheduling'))))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, timeout=60).stdout.strip()
    assert loaded == "[]"
