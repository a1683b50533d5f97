"""Migrations: a new vault is at the Alembic head, and "upgrade head" builds the models' schema
from an empty file, encrypted or plain."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from cli_harness import CliVault
from sqlalchemy import Engine, inspect, text
from support.schema import schema_problems

from kdrt_desk.db import migrate
from kdrt_desk.db.engine import encrypted_engine, plain_engine, verify_open
from kdrt_desk.models import Base
from kdrt_desk.security.crypto import random_key

TRIGGERS = {"audit_entry_append_only_update", "audit_entry_append_only_delete"}


def triggers(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())


def test_a_vault_made_by_the_cli_is_at_head(demo_copy: CliVault) -> None:
    vault = demo_copy.open()
    try:
        engine = vault.db.engine
        assert migrate.is_current(engine)
        assert schema_problems(engine) == []
        assert triggers(engine) == TRIGGERS
    finally:
        vault.close()
    assert not (demo_copy.data_dir / "kdrt.db.before-upgrade").exists()


@pytest.mark.parametrize("kind", ["plain", "encrypted"])
def test_upgrade_from_an_empty_file(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.db"
    engine = plain_engine(path) if kind == "plain" else encrypted_engine(path, random_key())
    try:
        if kind == "encrypted":
            verify_open(engine, path)
        assert not migrate.is_current(engine)
        migrate.upgrade(engine)
        assert migrate.is_current(engine)
        tables = set(inspect(engine).get_table_names())
        assert tables == set(Base.metadata.tables) | {"alembic_version"}
        assert schema_problems(engine) == []
        assert triggers(engine) == TRIGGERS
        migrate.upgrade(engine)  # a second run is a no-op
        assert migrate.is_current(engine)

        config = migrate.alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        assert triggers(engine) == set()
        migrate.upgrade(engine)
        assert migrate.is_current(engine)
    finally:
        engine.dispose()
    if kind == "encrypted":
        assert not path.read_bytes().startswith(b"SQLite format 3\x00")
