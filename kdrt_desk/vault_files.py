"""Where a vault's files live in its data folder (cheap to import: used before login)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DB_NAME = "kdrt.db"
KEYS_NAME = "kdrt.keys"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("KDRT Desk", "KDRT Desk", roaming=False))


@dataclass(frozen=True)
class VaultPaths:
    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DB_NAME

    @property
    def keys(self) -> Path:
        return self.data_dir / KEYS_NAME

    def exists(self) -> bool:
        return self.keys.exists() or self.database.exists()
