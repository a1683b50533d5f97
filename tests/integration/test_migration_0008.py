"""Migration 0008 (monitoring and evaluation): a vault at 0007 with rows in it upgrades to the
head with the new tables and columns as the models declare them, keeps its rows (the new
columns take their defaults), and goes back down to 0007 cleanly."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text
from support.schema import schema_problems

from kdrt_desk.db import migrate
from kdrt_desk.db.engine import encrypted_engine, verify_open
from kdrt_desk.security.crypto import random_key

NEW_TABLES = {"assessment", "assessment_alert", "instrument_version", "score_ledger",
              "livelihood_record", "business_capital", "livelihood_ledger", "indicator_target"}


def test_a_vault_at_0007_upgrades_to_monitoring_and_back(tmp_path: Path) -> None:
    path = tmp_path / "at_0007.db"
    engine = encrypted_engine(path, random_key())
    try:
        verify_open(engine, path)
        config = migrate.alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0007")
        assert not NEW_TABLES & set(inspect(engine).get_table_names())
        with engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO module (code, title, track, description, objectives, "
                "session_count, minutes_per_session, facilitator_type, venue_features, "
                "min_attendance_pct, assessment_required, position, archived) VALUES "
                "('EKO-09', 'Menjahit', 'economic', '', '', 4, 120, 'trainer', '', 75, 1, 9, 0)"))
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
        assert set(inspect(engine).get_table_names()) >= NEW_TABLES
        assert schema_problems(engine) == []
        with engine.connect() as conn:
            assert conn.execute(text("SELECT skill_rubric FROM module WHERE code = 'EKO-09'")
                                ).scalar_one() == ""
        participant = {c["name"] for c in inspect(engine).get_columns("participant")}
        assert "case_worker" in participant
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0007")
        assert not NEW_TABLES & set(inspect(engine).get_table_names())
        assert "case_worker" not in {c["name"] for c in inspect(engine).get_columns(
            "participant")}
    finally:
        engine.dispose()
