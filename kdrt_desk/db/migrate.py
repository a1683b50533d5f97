"""Bring a vault's schema to the newest revision (``alembic upgrade head``) in one transaction.

Migrations that seal existing values need the field keys (``keys``); without them such a
migration refuses and nothing changes. Tables rebuilt by a migration are rebuilt with foreign
keys off (a DROP TABLE with them on would cascade deletes), and checked afterwards.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from kdrt_desk.db.engine import database_folder, foreign_keys_off_connection, set_foreign_keys
from kdrt_desk.db.errors import storage_errors
from kdrt_desk.security.field_crypto import FieldKeys

MIGRATIONS = Path(__file__).parent / "migrations"
FIELD_KEYS = "field_keys"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("file_template", "%%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s")
    return config


def upgrade(engine: Engine, keys: FieldKeys | None = None) -> None:
    config = alembic_config()
    config.attributes[FIELD_KEYS] = keys or FieldKeys.none()
    with storage_errors(database_folder(engine)):
        _upgrade(engine, config)


def _upgrade(engine: Engine, config: Config) -> None:
    conn = foreign_keys_off_connection(engine)
    try:
        with conn.begin():
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            broken = conn.execute(text("PRAGMA foreign_key_check")).first()
            if broken is not None:
                raise RuntimeError(f"a migration left a dangling reference in {broken[0]}")
    finally:
        set_foreign_keys(conn, on=True)
        conn.close()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def is_current(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()
