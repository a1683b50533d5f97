"""Reliability fixtures: the integration tests' demo vault and its private copies, reused.

``tests/integration/conftest.py`` makes the demo vault once per session (``demo_template``) and
hands each test a copy with its own keyring file (``demo_copy``); its helpers live in
``cli_harness.py``. Both are loaded from there (under another module name, so the two conftest
files never clash), not copied.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

INTEGRATION = Path(__file__).resolve().parent.parent / "integration"
for folder in (Path(__file__).resolve().parent, INTEGRATION):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


def _integration_conftest() -> object:
    spec = importlib.util.spec_from_file_location("kdrt_integration_conftest",
                                                  INTEGRATION / "conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_fixtures = _integration_conftest()
demo_template = _fixtures.demo_template  # type: ignore[attr-defined]
demo_copy = _fixtures.demo_copy  # type: ignore[attr-defined]
