"""Migration 0010 (group funder): a vault at 0009 with a group in it upgrades to the head, the group
keeps its data with no funder (the centre's own), the schema matches the models, and it goes back
down to 0009 with the group intact."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text
from support.schema import schema_problems

from kdrt_desk.db import migrate
from kdrt_desk.db.engine import encrypted_engine, verify_open
from kdrt_desk.security.crypto import random_key


def _columns(engine: object) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("training_group")}  # type: ignore[arg-type]


def test_a_vault_at_0009_upgrades_to_group_funders_and_back(tmp_path: Path) -> None:
    engine = encrypted_engine(tmp_path / "at_0009.db", random_key())
    try:
        verify_open(engine, tmp_path / "at_0009.db")
        config = migrate.alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0009")
        assert "funder" not in _columns(engine)
        with engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO training_group (name, kecamatan, kelurahan, start_date, end_date, "
                "archived, created_at) VALUES ('Angkatan Plaju', 'Plaju', '', '2026-01-05', "
                "'2026-03-27', 0, '2026-01-01 00:00:00')"))
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
        assert schema_problems(engine) == []
        with engine.connect() as conn:
            assert conn.execute(text("SELECT name, funder FROM training_group")).one() == (
                "Angkatan Plaju", "")
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0009")
        assert "funder" not in _columns(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT kecamatan FROM training_group")).scalar_one() == (
                "Plaju")
    finally:
        engine.dispose()
