"""Entry point: ``kdrt-desk`` opens the GUI; a subcommand runs headless."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from kdrt_desk.cli import build_parser, run

    parsed, _ = build_parser().parse_known_args(args)
    if parsed.command is None:
        from kdrt_desk.app import run_gui

        return run_gui(args)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
