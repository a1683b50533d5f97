"""Figure: ``audit verify`` over 100,000 entries, signed per transaction. Target <= 10 s.

A vault with four accounts (admin, konselor, staf, fasilitator); 100,000 audit entries written
as the app writes them (the SHA-256 chain of ``audit_log.entry_hash``, the last entry of each
transaction signed with its writer's Ed25519 key over ``entry_signature_payload``), in
transactions of 4 entries whose writer changes every transaction (the worst case: every
signature is checked), and each writer's newest signed entry as its mark in the key file.
The figure is ``AuditService.verify`` (chain, signatures, actors, marks), median of the runs.
Baseline in the same run: recomputing the hash chain alone over the same rows (what verify did
before signing).

    python benchmarks/audit_verify.py [--entries 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _common import (
    ADMIN,
    PASSWORD,
    header,
    install_memory_keyring,
    make_vault,
    median,
    result_line,
    secs,
    temp_folder,
    timed,
    verdict,
)

TARGET_S = 10.0
PER_TRANSACTION = 4
USERS = (("konselor1", "konselor"), ("staf1", "staf"), ("fasil1", "fasilitator"))


def fill(data_dir: Path, entries: int) -> None:
    """Write ``entries`` audit entries as four accounts would have, signed per transaction."""
    from sqlalchemy import insert, select

    from kdrt_desk.domain.enums import Role
    from kdrt_desk.models import AuditEntry
    from kdrt_desk.security.crypto import fingerprint
    from kdrt_desk.security.keyfile import AuditMark, entry_signature_payload, mark_payload
    from kdrt_desk.security.secret_store import SecretStore
    from kdrt_desk.security.vault_keys import VaultKeys
    from kdrt_desk.services.audit_log import entry_hash
    from kdrt_desk.services.vault_access import open_vault
    from kdrt_desk.wiring import build_services

    vault = open_vault(data_dir, ADMIN, PASSWORD)
    services = build_services(vault)
    for name, role in USERS:
        services.accounts.add_account(name, Role(role), PASSWORD)
    vault.close()
    keys = VaultKeys(data_dir / "kdrt.keys", SecretStore())
    writers = [(ADMIN, keys.unlock(ADMIN, PASSWORD))]
    writers += [(name, keys.unlock(name, PASSWORD)) for name, _ in USERS]
    vault = open_vault(data_dir, ADMIN, PASSWORD)
    try:
        with vault.db.reading() as session:
            last_id, prev = session.execute(select(AuditEntry.id, AuditEntry.hash)
                                            .order_by(AuditEntry.id.desc()).limit(1)).one()
        rows = []
        marks = {}
        when = datetime(2026, 1, 1, tzinfo=UTC)
        for index in range(entries):
            name, holder = writers[(index // PER_TRANSACTION) % len(writers)]
            assert holder.pair is not None
            when += timedelta(seconds=7)
            details = f'{{"rows": {index % 50}}}'
            digest = entry_hash(prev, when, name, "participant_viewed", f"KD-2026-{index:05d}",
                                details)
            entry_id = last_id + 1 + index
            row = {"id": entry_id, "at": when, "actor": name, "action": "participant_viewed",
                   "target": f"KD-2026-{index:05d}", "details": details, "prev_hash": prev,
                   "hash": digest, "signer": None, "signature": None}
            if index % PER_TRANSACTION == PER_TRANSACTION - 1:
                signature = holder.pair.sign(entry_signature_payload(keys.vault_id, entry_id,
                                                                     digest))
                signer = fingerprint(holder.pair.sign_public)
                row.update(signer=signer, signature=signature)
                marks[signer] = AuditMark(entry_id, digest, holder.pair.sign(
                    mark_payload(keys.vault_id, signer, entry_id, digest)))
            rows.append(row)
            prev = digest
        with vault.db.engine.begin() as conn:
            for start in range(0, len(rows), 5000):
                conn.execute(insert(AuditEntry), rows[start:start + 5000])
        vault.keys.file().marks.update(marks)
        vault.keys.save()
    finally:
        vault.close()


def verify(data_dir: Path) -> tuple[int, bool]:
    from kdrt_desk.services.vault_access import open_vault
    from kdrt_desk.wiring import build_services

    vault = open_vault(data_dir, ADMIN, PASSWORD)
    try:
        result = build_services(vault).audit.verify()
        return result.entries, result.ok
    finally:
        vault.close()


def chain_only(data_dir: Path) -> int:
    """The baseline: the hash chain recomputed over the same rows, no signature checked."""
    from sqlalchemy import String, select, type_coerce

    from kdrt_desk.models import AuditEntry
    from kdrt_desk.services.audit_log import GENESIS, _hash, _stored_stamp
    from kdrt_desk.services.vault_access import open_vault

    vault = open_vault(data_dir, ADMIN, PASSWORD)
    try:
        prev, count = GENESIS, 0
        with vault.db.reading() as session:
            for _, at, actor, action, target, details, digest in session.connection().execute(
                    select(AuditEntry.id, type_coerce(AuditEntry.at, String), AuditEntry.actor,
                           AuditEntry.action, AuditEntry.target, AuditEntry.details,
                           AuditEntry.hash).order_by(AuditEntry.id)):
                assert _hash(prev, _stored_stamp(at), actor, action, target, details) == digest
                prev, count = digest, count + 1
        return count
    finally:
        vault.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    header(f"audit verify over {args.entries:,} entries")
    install_memory_keyring()
    with temp_folder("audit") as tmp:
        data_dir = tmp / "vault"
        make_vault(data_dir)
        seconds, _ = timed(lambda: fill(data_dir, args.entries))
        print(f"wrote {args.entries:,} signed entries in {secs(seconds)}")
        runs, base = [], []
        for _ in range(args.runs):
            seconds, (count, ok) = timed(lambda: verify(data_dir))
            assert ok, "the benchmark's chain does not verify"
            runs.append(seconds)
            base.append(timed(lambda: chain_only(data_dir))[0])
    figure, baseline = median(runs), median(base)
    print(f"audit verify of {count:,} entries ({args.entries // PER_TRANSACTION:,} signed "
          f"transactions, writer changing each time): median {secs(figure)} "
          f"(min {secs(min(runs))}, max {secs(max(runs))})")
    print(f"baseline, the hash chain alone: median {secs(baseline)}")
    print(f"target <= {TARGET_S:.0f} s: {verdict(figure <= TARGET_S)}")
    print(result_line("audit_verify", secs(figure), f"<= {TARGET_S:.0f} s", figure / TARGET_S,
                      f"baseline hash chain alone {secs(baseline)}, ratio "
                      f"{figure / baseline:.2f}x baseline (both include opening the vault)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
