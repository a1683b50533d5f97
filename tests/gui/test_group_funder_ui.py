"""The group dialog's "Program / donor" field with a real vault: typed key by key, offered by
the completer from the other groups, saved with the real OK button in the spelling on file,
shown in the groups list's own column; an over-long one refused beside the field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from support.programme import PERIOD, build

from kdrt_desk.domain.training import GroupInput
from kdrt_desk.i18n import t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.group_dialog import GroupDialog
from kdrt_desk.ui.groups_view import GROUP_COLUMNS, GroupsView
from kdrt_desk.wiring import Services

GRANT = "Hibah Dinas PPPA Kota Palembang 2026"


def _ok(dialog: GroupDialog, qtbot: QtBot) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def _edit(qtbot: QtBot, view: GroupsView) -> GroupDialog:
    dialog = view.open_edit_dialog()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    return dialog


# the completer's popup, offscreen
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard",
                           "This plugin does not support raise", extend=True)
def test_typing_a_funder_saves_it_and_the_list_shows_it(qtbot: QtBot, admin: Services,
                                                        runner: TaskRunner) -> None:
    programme = build(admin, members=0)
    admin.groups.save(GroupInput(name="Angkatan 2 Plaju", kecamatan="Plaju",
                                 start_date=PERIOD[0], end_date=PERIOD[1],
                                 module_ids=[programme.modules["SOS-01"]], funder=GRANT))
    view = GroupsView(admin, runner)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.detail_loaded, timeout=5000):
        view.refresh()
    column = GROUP_COLUMNS.index("funder")
    header = view.table.horizontalHeaderItem(column)
    assert header is not None and header.text() == "Program / donor"
    assert _shown(view, column) == {"Angkatan 1 Plaju": "\u2014", "Angkatan 2 Plaju": GRANT}
    selected = view.selected_group()
    assert selected is not None and selected.id == programme.group_id

    dialog = _edit(qtbot, view)
    assert dialog.funder.text() == ""
    assert dialog.funder_names.stringList() == [GRANT]
    dialog.funder.setFocus()
    qtbot.keyClicks(dialog.funder, "pppa")  # the completer offers the spelling on file
    completer = dialog.funder.completer()
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    assert completer.currentCompletion() == GRANT
    popup.hide()
    dialog.funder.clear()
    qtbot.keyClicks(dialog.funder, "  hibah dinas  PPPA kota palembang 2026 ")
    with qtbot.waitSignal(view.detail_loaded, timeout=5000):
        _ok(dialog, qtbot)
    assert admin.groups.get(programme.group_id).funder == GRANT  # one programme, not two
    assert _shown(view, column) == {"Angkatan 1 Plaju": GRANT, "Angkatan 2 Plaju": GRANT}

    dialog = _edit(qtbot, view)
    assert dialog.funder.text() == GRANT
    dialog.funder.clear()
    qtbot.keyClicks(dialog.funder, "Program <b>Perempuan</b> Berdaya")
    with qtbot.waitSignal(view.detail_loaded, timeout=5000):
        _ok(dialog, qtbot)
    assert admin.groups.get(programme.group_id).funder == "Program <b>Perempuan</b> Berdaya"
    assert _shown(view, column) == {"Angkatan 1 Plaju": "Program <b>Perempuan</b> Berdaya",
                                    "Angkatan 2 Plaju": GRANT}


def _shown(view: GroupsView, column: int) -> dict[str, str]:
    return {_text(view, r, 0): _text(view, r, column) for r in range(view.table.rowCount())}


def _text(view: GroupsView, row: int, column: int) -> str:
    item = view.table.item(row, column)
    assert item is not None
    return item.text()


def test_an_over_long_funder_is_refused_beside_the_field(qtbot: QtBot, admin: Services,
                                                         runner: TaskRunner) -> None:
    programme = build(admin, members=0)
    group = admin.groups.get(programme.group_id)
    dialog = GroupDialog(admin, runner, group)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    assert dialog.funder.maxLength() == 120
    dialog.funder.setMaxLength(200)  # a pasted text past the field's own limit
    qtbot.keyClicks(dialog.funder, "x" * 121)
    _ok(dialog, qtbot)
    qtbot.waitUntil(lambda: dialog.error_text("funder") != "", timeout=5000)
    assert dialog.error_text("funder") == t("error.too_long", limit=120)
    assert admin.groups.get(group.id).funder == ""
    dialog.grab().save("/tmp/group_dialog.png")
