"""Every action the services write to the audit log has a label in both languages (the audit
screen otherwise shows the raw English code)."""

from __future__ import annotations

import ast
from pathlib import Path

from kdrt_desk.i18n.catalog import MESSAGES

PACKAGE = Path(__file__).resolve().parents[3] / "kdrt_desk"


def _names(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _names(node.body) + _names(node.orelse)
    return []


def written_actions() -> dict[str, str]:
    """action -> the file that writes it, for every ``audit_log.append(session, who, action,
    ...)`` (and ``append_entry``-style keyword ``action=``) in the package."""
    found: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "append" and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "audit_log"):
                continue
            args = node.args[2:3] + [k.value for k in node.keywords if k.arg == "action"]
            for arg in args:
                for name in _names(arg):
                    found[name] = str(path.relative_to(PACKAGE))
    return found


def test_every_audited_action_has_a_label_in_both_languages() -> None:
    actions = written_actions()
    assert len(actions) > 60  # the scan finds the services' calls
    missing = {a: where for a, where in actions.items()
               if f"ui.admin.audit.action.{a}" not in MESSAGES}
    assert missing == {}
    for action in actions:
        indonesian, english = MESSAGES[f"ui.admin.audit.action.{action}"]
        assert indonesian and english and indonesian != action
