"""Migration 0007 (what each woman was told): a vault made at 0006, with a participant and a
session in it, upgrades to the head with the told table as the models declare it, keeps its
rows, and goes back down to 0006 cleanly."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text
from support.schema import schema_problems

from kdrt_desk.db import migrate
from kdrt_desk.db.engine import encrypted_engine, verify_open
from kdrt_desk.security.crypto import random_key


def test_a_vault_at_0006_upgrades_to_the_told_table(tmp_path: Path) -> None:
    path = tmp_path / "at_0006.db"
    engine = encrypted_engine(path, random_key())
    try:
        verify_open(engine, path)
        config = migrate.alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0006")
        assert migrate.current_revision(engine) == "0006"
        assert "reminder_told" not in inspect(engine).get_table_names()
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO setting (key, value) VALUES ('kept', 'ya')"))
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
        assert schema_problems(engine) == []
        columns = {c["name"] for c in inspect(engine).get_columns("reminder_told")}
        assert {"participant_id", "session_id", "session_date", "start_time", "end_time",
                "venue_id", "status", "told_at", "told_by", "channel"} <= columns
        assert not {"phone", "message", "text", "body"} & columns
        with engine.connect() as conn:
            assert conn.execute(text("SELECT value FROM setting WHERE key = 'kept'")
                                ).scalar_one() == "ya"
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0006")
        assert "reminder_told" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()
