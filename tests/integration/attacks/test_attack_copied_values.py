"""A sealed value copied onto another woman's row (or into another column) reads as absent.

With the facilitator's password and raw SQL she cannot read a NIK or a safety note, but she can
copy the ciphertext: one woman's NIK onto another's row, one woman's safety notes onto
another's case, a NIK into the phone column. None of them may open as the other woman's (or the
other field's) value: the record shows nothing there, and ``check`` reports each one.
"""

from __future__ import annotations

from attackers import raw_sql
from cli_harness import CliVault, message
from sqlalchemy import text


def test_copied_ciphertext_is_unreadable_not_misattributed(demo_copy: CliVault) -> None:
    admin = demo_copy.services("admin")
    try:
        rows = [r for r in admin.participants.list_rows() if len(r.nik) == 16 and r.phone]
        with_notes = []
        for row in rows:
            record = admin.participants.open_restricted(row.id)
            if record.case is not None and record.case.safety_notes:
                with_notes.append(record)
            if len(with_notes) == 3:
                break
    finally:
        admin.close()
    first, second, third = with_notes
    assert len({first.nik, second.nik}) == 2
    assert first.case is not None and second.case is not None

    with raw_sql(demo_copy, "fasilitator") as (engine, _), engine.begin() as conn:
        conn.execute(text("UPDATE participant SET nik = (SELECT nik FROM participant "
                          "WHERE id = :src) WHERE id = :dst"), {"src": first.id, "dst": second.id})
        conn.execute(text("UPDATE participant_case SET safety_notes = (SELECT safety_notes "
                          "FROM participant_case WHERE participant_id = :src) "
                          "WHERE participant_id = :dst"), {"src": first.id, "dst": second.id})
        conn.execute(text("UPDATE participant SET phone = nik WHERE id = :id"), {"id": third.id})

    admin = demo_copy.services("admin")
    try:
        moved = admin.participants.open_restricted(second.id)
        column = admin.participants.get(third.id)
        source = admin.participants.open_restricted(first.id)
    finally:
        admin.close()
    assert not moved.nik and moved.nik != first.nik  # absent, not the first woman's NIK
    assert moved.case is not None and not moved.case.safety_notes
    assert not column.phone and column.phone != third.nik  # a NIK never reads as a phone
    assert column.nik == third.nik
    assert source.nik == first.nik and source.case == first.case  # the original is intact

    check = demo_copy.run("check")
    assert check.returncode != 0
    values = "; ".join(["participant.nik (1)", "participant.phone (1)",
                        "participant_case.safety_notes (1)"])
    assert message("cli.check_unreadable", values=values) in check.stdout, check.stdout
