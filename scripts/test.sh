#!/usr/bin/env bash
# Quick start 2: set everything up and run the whole test suite offscreen (plus the linters).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m ruff check .
.venv/bin/python -m mypy kdrt_desk
.venv/bin/python -m pytest "$@"
