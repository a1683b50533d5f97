"""What the attacker of issue 8 uses: her slot unlocked, raw SQL on the vault, key file edits.

She has one staff password and a copy of the data folder (or the PC itself), and the app's
source code: she knows the formats. Nothing here goes through the services' role checks; the
services appear only to set a scene (as an admin) or to look at the result (as an admin would).
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from cli_harness import CliVault, load_keyring_file
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Connection, Engine, text
from support.fake_os_keyring import MemoryKeyring

from kdrt_desk.db.engine import encrypted_engine
from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.security.keyfile import checksum
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.security.tiers import KeyName, Tier
from kdrt_desk.security.vault_keys import Unlocked, VaultKeys

R = Tier.RESTRICTED
C = Tier.CONTACT

# Every sealed column the issue names, with the tier it belongs to (what an attacker must not
# read below that tier). Written out here, not taken from the models: a column that stops being
# sealed must fail these tests.
SEALED_COLUMNS: dict[str, dict[str, Tier]] = {
    "participant": {
        "nik": C, "birth_place": C, "phone": C, "safe_to_call": C, "safe_call_times": C,
        "trusted_contact_name": C, "trusted_contact_phone": C, "never_contact_at_home": C,
        "living_situation": C, "kelurahan": C, "monthly_income": C, "economic_dependence": C,
        "risk_level": R},
    "participant_case": {
        "violence_forms": R, "perpetrator_relation": R, "duration_months": R,
        "reported_to_police": R, "legal_proceedings": R, "referral_source": R,
        "referral_other": R, "safety_notes": R},
    "participant_consent": {"scopes": C, "withdrawal_rejection": R},
    "screening": {
        "interview_notes": R, "risk_level": R, "risk_reasons": R, "safety_plan": R,
        "needs": C, "barriers": C, "criteria_met": C, "score": C, "unmet_required": C,
        "experience": C},
    "screening_change": {"reason": R, "previous": R},
    "screening_decision": {"reason_text": R},
    "service_record": {"outcome_note": R},
    "enrolment": {"end_reason": C},
    "participant_routine": {"blocks": C},
    "reminder_told": {"channel": C},  # how she was told: in person says she may not be phoned
    "assessment": {"answers": R, "score": R},  # her mental health
    "assessment_alert": {"raised": R, "handled": R},  # who is at risk, and what was done
    "score_ledger": {"data": R},  # every score, a bucket of participants at a time
    "livelihood_record": {"details": C},  # income, savings, dependence on the abuser
    "business_capital": {"details": C},
    "livelihood_ledger": {"data": C},  # what the indicators read of the follow-ups
}
# The row identity bound into each table's sealed values (the documented format).
IDENTITY: dict[str, tuple[str, ...]] = {
    "participant": ("seal_id",), "participant_case": ("participant_id",),
    "participant_consent": ("participant_id",), "screening": ("seal_id", "participant_id"),
    "screening_change": ("seal_id", "screening_id"),
    "screening_decision": ("seal_id", "participant_id"),
    "service_record": ("seal_id", "participant_id"),
    "enrolment": ("seal_id", "participant_id"),
    "participant_routine": ("participant_id",),
    "reminder_told": ("seal_id", "participant_id"),
    "assessment": ("seal_id", "participant_id"),
    "assessment_alert": ("seal_id",),
    "score_ledger": ("instrument_code", "round", "bucket"),
    "livelihood_ledger": ("bucket",),
    "livelihood_record": ("seal_id", "participant_id"),
    "business_capital": ("seal_id", "participant_id"),
}
TIER_CODES = {R: 1, C: 2}
HEADER = 4  # version, tier, generation (2 bytes)
NONCE = 12


# -- her keys ----------------------------------------------------------------------------------
def bind_keyring(vault: CliVault, memory: MemoryKeyring) -> None:
    """Make this process's keyring hold the vault's installation secret (she is on the PC)."""
    for name, secret in load_keyring_file(vault.keyring_file).items():
        service, _, vid = name.partition("/")
        memory.entries[(service, vid)] = secret


def unlock(vault: CliVault, user: str, password: str | None = None) -> Unlocked:
    """Her slot, opened by the app's own key file code with her password."""
    if vault.memory is not None:
        vault.sync_keyring()
    return VaultKeys(vault.data_dir / "kdrt.keys", SecretStore()).unlock(
        user, password or vault.password)


@contextmanager
def raw_sql(vault: CliVault, user: str) -> Iterator[tuple[Engine, Unlocked]]:
    """Raw SQL on ``kdrt.db`` with the master key her password unwraps: no services at all."""
    holder = unlock(vault, user)
    engine = encrypted_engine(vault.data_dir / "kdrt.db", holder.master)
    try:
        yield engine, holder
    finally:
        engine.dispose()


def field_keys_held(holder: Unlocked) -> dict[Tier, dict[int, bytes]]:
    return {Tier(name.value): dict(gens) for name, gens in holder.keys.items()
            if name in (KeyName.RESTRICTED, KeyName.CONTACT)}


def every_key(holder: Unlocked) -> list[bytes]:
    """Every key her slot holds, of any kind: she tries each one on each value."""
    return [key for gens in holder.keys.values() for key in gens.values()]


# -- sealed values as raw bytes ------------------------------------------------------------------
def identity_of(table: str, row: Any) -> str:
    parts = [getattr(row, name) for name in IDENTITY[table]]
    return "/".join(p.hex() if isinstance(p, bytes) else str(p) for p in parts)


def aad(table: str, column: str, row_identity: str) -> bytes:
    return f"kdrt-desk field v1|{table}.{column}|{row_identity}".encode()


def sealed_cells(conn: Connection) -> Iterator[tuple[str, str, Tier, str, Any]]:
    """(table, column, tier, row identity, raw stored value) of every non-null sealed cell."""
    for table, columns in SEALED_COLUMNS.items():
        names = ", ".join(dict.fromkeys((*IDENTITY[table], *columns)))
        for row in conn.execute(text(f"SELECT {names} FROM {table}")):
            ident = identity_of(table, row)
            for column, tier in columns.items():
                value = getattr(row, column)
                if value is not None:
                    yield table, column, tier, ident, value


def open_with(key: bytes, table: str, column: str, row_identity: str, data: bytes
              ) -> bytes | None:
    """AES-GCM with ``key`` over a stored value (header ignored: she tries the key anyway)."""
    try:
        return AESGCM(key).decrypt(data[HEADER:HEADER + NONCE], data[HEADER + NONCE:],
                                   aad(table, column, row_identity))
    except (InvalidTag, ValueError):
        return None


def dump_database(conn: Connection) -> dict[str, bytes]:
    """Every cell of every table as she sees it with raw SQL, joined per ``table.column``."""
    dump: dict[str, bytes] = {}
    tables = conn.execute(text(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )).scalars().all()
    for table in tables:
        result = conn.execute(text(f'SELECT * FROM "{table}"'))
        columns = list(result.keys())
        cells: dict[str, list[bytes]] = {c: [] for c in columns}
        for row in result:
            for column, value in zip(columns, row, strict=True):
                if value is None:
                    continue
                cells[column].append(value if isinstance(value, bytes)
                                     else str(value).encode("utf-8"))
        for column, values in cells.items():
            dump[f"{table}.{column}"] = b"\x00".join(values)
    return dump


def variants(secret: str) -> set[bytes]:
    return {v.encode("utf-8") for v in (secret, secret.lower(), secret.upper())}


def found_in(haystacks: dict[str, bytes], needles: set[bytes]) -> dict[str, list[str]]:
    """Which haystacks hold which needles (shown in a failure, so a leak is named)."""
    hits: dict[str, list[str]] = {}
    for name, blob in haystacks.items():
        inside = sorted(n.decode("utf-8", "replace") for n in needles if n in blob)
        if inside:
            hits[name] = inside[:5]
    return hits


def vault_files(data_dir: Path) -> dict[str, bytes]:
    """The bytes of every file in the data folder (kdrt.db, -wal, -shm, kdrt.keys, logs...)."""
    return {str(p.relative_to(data_dir)): p.read_bytes()
            for p in sorted(data_dir.rglob("*")) if p.is_file()}


# -- the key file ---------------------------------------------------------------------------------
def read_key_file(vault: CliVault) -> dict[str, Any]:
    return json.loads((vault.data_dir / "kdrt.keys").read_text(encoding="utf-8"))


def write_key_file(vault: CliVault, data: dict[str, Any], *, recompute: bool = True) -> None:
    """Write an edited key file; ``recompute``: a careful attacker fixes the plain checksums
    (per slot and for the file) so the edit does not read as damage."""
    data = json.loads(json.dumps(data))
    if recompute:
        for slot in data["slots"]:
            slot.pop("checksum", None)
            slot["checksum"] = checksum(slot)
        data.pop("checksum", None)
        data["checksum"] = checksum(data)
    (vault.data_dir / "kdrt.keys").write_text(json.dumps(data, indent=1), encoding="utf-8")


def edit_key_file(vault: CliVault, change: Callable[[dict[str, Any]], None], *,
                  recompute: bool = True) -> None:
    data = read_key_file(vault)
    change(data)
    write_key_file(vault, data, recompute=recompute)


def slot(data: dict[str, Any], slot_id: str) -> dict[str, Any]:
    return next(s for s in data["slots"] if s["id"] == slot_id)


def flip_byte(encoded: str, position: int = 7) -> str:
    """One changed byte inside a base64 value (the JSON stays valid)."""
    raw = bytearray(base64.b64decode(encoded))
    raw[position % len(raw)] ^= 0x01
    return base64.b64encode(bytes(raw)).decode("ascii")


# -- messages -------------------------------------------------------------------------------------
def pattern(key: str, lang: str = "id") -> re.Pattern[str]:
    """A catalogue message with any value in its {placeholders}."""
    template = MESSAGES[key][0 if lang == "id" else 1]
    parts = re.split(r"\{[a-z_]+\}", template)
    return re.compile(".+?".join(re.escape(p) for p in parts))


def says(line: str, key: str, lang: str = "id") -> bool:
    return pattern(key, lang).search(line) is not None
