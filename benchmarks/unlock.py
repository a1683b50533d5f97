"""Figure 2: unlocking a vault (Argon2id key derivation + opening the database). Target <= 1 s.

The vault is created with the default Argon2id parameters (``DEFAULT_KDF``) and an in-memory test
keyring. ``open_vault(..., defer_login=True)`` is what the login dialog runs: lock, key file,
Argon2id, the slot's key pair, its sealed master and field keys, the signed role, SQLCipher open,
schema check, the account. The login's audit entry (and the structural check of every page that
precedes a session's first write) is the main window's first job on the vault worker: reported
separately as "first write". Baseline, measured in the same run: opening
the same database with the raw master key alone (no Argon2id): ``encrypted_engine`` +
``verify_open`` + reading the vault id + the schema check, as ``open_vault`` does after the key.

    python benchmarks/unlock.py [--runs 7]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from _common import (
    ADMIN,
    PASSWORD,
    header,
    install_memory_keyring,
    make_vault,
    median,
    ms,
    result_line,
    secs,
    temp_folder,
    timed,
    verdict,
)

TARGET_S = 1.0


def unlock_once(data_dir: Path) -> bytes:
    from kdrt_desk.services.vault_access import open_vault

    vault = open_vault(data_dir, ADMIN, PASSWORD, defer_login=True)
    try:
        return vault.master
    finally:
        vault.close()


def first_write_once(data_dir: Path) -> float:
    """The main window's first job: the structural check, then the login's audit entry."""
    from kdrt_desk.services.vault_access import open_vault

    vault = open_vault(data_dir, ADMIN, PASSWORD, defer_login=True)
    try:
        return float(timed(vault.finish_login)[0])
    finally:
        vault.close()


def raw_key_open_once(data_dir: Path, master: bytes) -> None:
    """The database part of ``open_vault`` with the master key already known."""
    from sqlalchemy import select

    from kdrt_desk.db import migrate
    from kdrt_desk.db.engine import encrypted_engine, verify_open
    from kdrt_desk.models import Setting
    from kdrt_desk.services.vault_access import VaultPaths

    path = VaultPaths(data_dir).database
    engine = encrypted_engine(path, master)
    try:
        verify_open(engine, path)
        with engine.connect() as conn:
            vault_id = conn.execute(select(Setting.value).where(Setting.key == "vault_id")
                                    ).scalar()
        assert vault_id
        assert migrate.is_current(engine)
    finally:
        engine.dispose()


def argon2_once(data_dir: Path) -> None:
    from kdrt_desk.security.crypto import stretch
    from kdrt_desk.security.keyfile import KeyFile, account_slot_id
    from kdrt_desk.services.vault_access import VaultPaths

    keyfile = KeyFile.load(VaultPaths(data_dir).keys)
    slot = keyfile.slots[account_slot_id(keyfile.vault_id, ADMIN)]
    stretch(PASSWORD, slot.salt, slot.kdf)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    header("unlock: Argon2id + open_vault")
    install_memory_keyring()
    from kdrt_desk.security.crypto import DEFAULT_KDF

    print(f"Argon2id parameters (DEFAULT_KDF): time_cost={DEFAULT_KDF.time_cost}, "
          f"memory={DEFAULT_KDF.memory_kib // 1024} MiB, parallelism={DEFAULT_KDF.parallelism}")
    with temp_folder("unlock") as tmp:
        data_dir = tmp / "vault"
        created, _ = timed(lambda: make_vault(data_dir))
        print(f"create_vault (two Argon2id slots, schema): {secs(created)}")
        first, master = timed(lambda: unlock_once(data_dir))
        first_raw, _ = timed(lambda: raw_key_open_once(data_dir, master))
        print(f"first unlock in this process (lazy imports, cold caches): {secs(first)}; "
              f"first raw-key open: {ms(first_raw)}")
        unlock: list[float] = []
        raw: list[float] = []
        kdf: list[float] = []
        writes: list[float] = []
        for _ in range(args.runs):
            unlock.append(timed(lambda: unlock_once(data_dir))[0])
            raw.append(timed(lambda: raw_key_open_once(data_dir, master))[0])
            kdf.append(timed(lambda: argon2_once(data_dir))[0])
            writes.append(first_write_once(data_dir))

    unlock_med, raw_med, kdf_med = median(unlock), median(raw), median(kdf)
    print(f"unlock (open_vault, default Argon2id): median {secs(unlock_med)} "
          f"(min {secs(min(unlock))}, max {secs(max(unlock))}) over {args.runs} runs")
    print(f"  of which Argon2id alone:             median {secs(kdf_med)}")
    print(f"then the first write (check + login entry, on the vault worker): median "
          f"{ms(median(writes))}")
    print(f"baseline, raw key open (no Argon2id):  median {ms(raw_med)} "
          f"(min {ms(min(raw))}, max {ms(max(raw))})")
    print(f"ratio unlock / raw-key open: {unlock_med / raw_med:.1f}x; "
          f"unlock minus Argon2id: {ms(unlock_med - kdf_med)}")
    print(f"target <= {TARGET_S} s: {verdict(unlock_med <= TARGET_S)}")
    print(result_line("unlock", secs(unlock_med), f"<= {TARGET_S} s", unlock_med / TARGET_S,
                      f"baseline raw-key open {ms(raw_med)}, "
                      f"ratio {unlock_med / raw_med:.1f}x baseline"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
