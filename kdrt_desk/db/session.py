"""Transactions on the vault: one unit of work commits whole or not at all.

Each session carries the field keys of the logged-in account (``session.info["field_keys"]``),
through which the sealed column type seals and opens values, and signs the audit entries its
transaction wrote (``AuditSigner``) just before it commits. The first write of a session is
preceded by a structural check of the file, so a damaged database is named before anything is
written to it. Each commit is told to the engine's checkpointer, which moves the WAL into the
file once the burst of writes has ended, and closing (``dispose``) empties the WAL (see
``kdrt_desk.db.engine``): a copy of ``kdrt.db`` alone holds every committed change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, event, update
from sqlalchemy.orm import Session, sessionmaker

from kdrt_desk.db.engine import checkpointer, close_checkpoint, database_folder, quick_check
from kdrt_desk.db.errors import storage_errors
from kdrt_desk.errors import UserError, VaultError
from kdrt_desk.models import AuditEntry
from kdrt_desk.models.sealed import FIELD_KEYS
from kdrt_desk.security.field_crypto import FieldKeys

log = logging.getLogger(__name__)
AUDIT_LAST = "audit_last"  # (entry id, hash) of the newest entry this transaction appended


@dataclass
class AuditSigner:
    """Signs the last audit entry of each transaction with the logged-in account's key and
    records the signed head (``on_signed``) once the transaction has committed."""

    fingerprint: str
    sign: Callable[[int, str], bytes]
    on_signed: Callable[[int, str], None]
    defer: Callable[[bool], None] = lambda _on: None  # hold the mark's writes (``bulk``)
    # signs a record other than an audit entry (a certificate's row): (kind, digest) -> signature
    sign_record: Callable[[str, str], bytes] | None = None


class Database:
    def __init__(self, engine: Engine, keys: FieldKeys | None = None,
                 signer: AuditSigner | None = None) -> None:
        self.engine = engine
        self.folder = database_folder(engine)
        self.keys = keys or FieldKeys.none()
        self.signer = signer
        self._sessions = sessionmaker(engine, expire_on_commit=False,
                                      info={FIELD_KEYS: self.keys})
        self._checked = False
        self._checkpointer = checkpointer(engine)
        event.listen(self._sessions, "before_commit", self._sign_audit)
        event.listen(self._sessions, "after_commit", self._record_signed)

    def with_keys(self, keys: FieldKeys, signer: AuditSigner | None) -> Database:
        """The same engine with the keys and signer of a login (after the file was checked)."""
        db = Database(self.engine, keys, signer)
        db._checked = self._checked
        return db

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Commit on success, roll back on any error; storage faults become a ``VaultError``."""
        if not self._checked:
            self.check_structure()
        session = self._sessions()
        try:
            with storage_errors(self.folder):
                yield session
                session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
        if self._checkpointer is not None:
            self._checkpointer.committed()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            with storage_errors(self.folder):
                yield session
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Long batch work (the demo, an import): the audit head mark reaches the key file
        once at the end instead of after every transaction. A crash midway leaves the mark
        behind the newest entries, which ``audit verify`` never reads as tampering."""
        if self.signer is not None:
            self.signer.defer(True)
        try:
            yield
        finally:
            if self.signer is not None:
                self.signer.defer(False)

    def check_structure(self) -> None:
        """Every page read and checked once per session, before its first write."""
        with storage_errors(self.folder):
            result = quick_check(self.engine)
        if result != "ok":
            log.error("the vault's structural check failed")
            raise VaultError("error.database_damaged")
        self._checked = True

    def dispose(self) -> None:
        """Close every pooled connection, the WAL moved into the file first."""
        close_checkpoint(self.engine)
        self.engine.dispose()

    # -- signing the audit entries of a transaction ------------------------------------------
    def _sign_audit(self, session: Session) -> None:
        last = session.info.pop(AUDIT_LAST, None)
        if last is None or self.signer is None:
            return
        entry_id, digest = last
        session.execute(update(AuditEntry).where(AuditEntry.id == entry_id).values(
            signer=self.signer.fingerprint, signature=self.signer.sign(entry_id, digest)))
        session.info["audit_signed"] = last

    def _record_signed(self, session: Session) -> None:
        signed = session.info.pop("audit_signed", None)
        if signed is None or self.signer is None:
            return
        try:
            self.signer.on_signed(*signed)
        except UserError:
            # committed already; the mark in the key file lags (disk full): the next commit
            # writes it, and a lagging mark is never read as tampering
            log.warning("the audit head mark could not be written")
