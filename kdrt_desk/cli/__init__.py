"""Headless commands (the GUI's services), one module per command group; see ``entry.run``.

User errors end with one translated line on stderr and exit code 2; bugs with exit code 70 and a
line pointing at the log, never a traceback on the terminal. Importing this package (and
``--help``) loads no database code: each command imports what it needs when it runs.
"""

from __future__ import annotations

from kdrt_desk.cli.entry import build_parser, main, run

__all__ = ["build_parser", "main", "run"]
