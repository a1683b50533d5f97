"""Transactions on the vault: one unit of work commits whole or not at all."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kdrt_desk.errors import VaultError


class Database:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Commit on success, roll back on any error; storage faults become a ``VaultError``."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except DatabaseError as exc:
            session.rollback()
            if not _is_storage_fault(exc):
                raise
            raise VaultError(_storage_error_key(str(exc.orig))) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
        except DatabaseError as exc:
            if not _is_storage_fault(exc):
                raise
            raise VaultError(_storage_error_key(str(exc.orig))) from exc
        finally:
            session.rollback()
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


def _is_storage_fault(exc: DatabaseError) -> bool:
    """Disk full, read-only, locked (OperationalError) or a damaged page ("database disk image
    is malformed", a bare DatabaseError); not IntegrityError and the like, which are bugs."""
    return isinstance(exc, OperationalError) or type(exc) is DatabaseError


def _storage_error_key(message: str) -> str:
    lowered = message.lower()
    if "full" in lowered:
        return "error.disk_full"
    if "readonly" in lowered or "read-only" in lowered:
        return "error.folder_read_only"
    if "locked" in lowered or "busy" in lowered:
        return "error.vault_in_use"
    return "error.database_damaged"
