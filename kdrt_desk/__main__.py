"""Entry point: ``kdrt-desk`` opens the GUI; a subcommand runs headless."""

from __future__ import annotations

import sys

OPTIONS_WITH_VALUE = {"--data-dir", "--lang"}


def _command(args: list[str]) -> str | None:
    """The subcommand named in ``args``, skipping the values of global options."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in OPTIONS_WITH_VALUE:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def _self_check(args: list[str]) -> int:
    from kdrt_desk import i18n
    from kdrt_desk.cli.entry import language_in
    from kdrt_desk.security.keyring_choice import choose_os_keyring
    from kdrt_desk.self_check import run_self_check

    i18n.set_language(language_in(args) or "id")
    choose_os_keyring()  # as the app does: the keyring step then checks the Credential Manager
    return run_self_check()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--self-check" in args:  # the installer's and the build's smoke test: no window, no vault
        return _self_check(args)
    command = _command(args)
    if command is not None or "-h" in args or "--help" in args:
        from kdrt_desk.cli import run

        return run(args)
    from kdrt_desk.app import run_gui  # the GUI path imports no database code before login

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
