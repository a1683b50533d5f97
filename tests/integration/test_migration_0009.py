"""Migration 0009 (certificates): a vault at 0008 with a module in it upgrades to the head with the
register, the serial counter and the templates as the models declare them, and goes back down
to 0008 cleanly."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text
from support.schema import schema_problems

from kdrt_desk.db import migrate
from kdrt_desk.db.engine import encrypted_engine, verify_open
from kdrt_desk.security.crypto import random_key

NEW_TABLES = {"certificate", "certificate_serial", "certificate_template"}


def test_a_vault_at_0008_upgrades_to_certificates_and_back(tmp_path: Path) -> None:
    path = tmp_path / "at_0008.db"
    engine = encrypted_engine(path, random_key())
    try:
        verify_open(engine, path)
        config = migrate.alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0008")
        assert not NEW_TABLES & set(inspect(engine).get_table_names())
        with engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO module (code, title, track, description, objectives, "
                "session_count, minutes_per_session, facilitator_type, venue_features, "
                "min_attendance_pct, assessment_required, position, archived, skill_rubric) "
                "VALUES ('EKO-09', 'Menjahit', 'economic', '', '', 4, 120, 'trainer', '', 75, "
                "1, 9, 0, '')"))
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
        assert set(inspect(engine).get_table_names()) >= NEW_TABLES
        assert schema_problems(engine) == []
        with engine.connect() as conn:
            assert conn.execute(text("SELECT title FROM module WHERE code = 'EKO-09'")
                                ).scalar_one() == "Menjahit"
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0008")
        assert not NEW_TABLES & set(inspect(engine).get_table_names())
        with engine.connect() as conn:
            assert conn.execute(text("SELECT title FROM module WHERE code = 'EKO-09'")
                                ).scalar_one() == "Menjahit"
    finally:
        engine.dispose()
