"""Vault-wide settings: the centre's name and address, auto-lock minutes, panic key, language."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from kdrt_desk.db.session import Database
from kdrt_desk.domain.text import reject_control_characters
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.models import Setting
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor

DEFAULTS = {"centre_name": "", "centre_address": "", "idle_minutes": "5", "panic_key": "F12",
            "language": "id"}
PANIC_KEYS = tuple(f"F{n}" for n in range(1, 13)) + ("Ctrl+Shift+L", "Pause")


@dataclass(frozen=True)
class CentreSettings:
    centre_name: str
    centre_address: str
    idle_minutes: int
    panic_key: str
    language: str


class SettingsService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def current(self) -> CentreSettings:
        with self.db.reading() as session:
            stored = {s.key: s.value for s in session.scalars(select(Setting))}
        values = {**DEFAULTS, **{k: v for k, v in stored.items() if k in DEFAULTS}}
        return CentreSettings(values["centre_name"], values["centre_address"],
                              int(values["idle_minutes"]), values["panic_key"], values["language"])

    def update(self, new: CentreSettings) -> None:
        self.actor.require(Permission.SETTINGS)
        problems = [*reject_control_characters("centre_name", new.centre_name),
                    *reject_control_characters("centre_address", new.centre_address)]
        if not new.centre_name.strip():
            problems.append(UserError("error.required", field="centre_name"))
        if not 1 <= new.idle_minutes <= 120:
            problems.append(UserError("error.idle_minutes_range", field="idle_minutes"))
        if new.panic_key not in PANIC_KEYS:
            problems.append(UserError("error.panic_key_unknown", field="panic_key"))
        if new.language not in ("id", "en"):
            problems.append(UserError("error.language_unknown", field="language"))
        if problems:
            raise ValidationError(problems)
        values = {"centre_name": new.centre_name.strip(),
                  "centre_address": new.centre_address.strip(),
                  "idle_minutes": str(new.idle_minutes), "panic_key": new.panic_key,
                  "language": new.language}
        with self.db.transaction() as session:
            stored = {s.key: s for s in session.scalars(select(Setting))}
            changed = []
            for key, value in values.items():
                row = stored.get(key)
                if (row.value if row is not None else DEFAULTS[key]) != value:
                    changed.append(key)
                if row is None:
                    session.add(Setting(key=key, value=value))
                else:
                    row.value = value
            if changed:
                audit_log.append(session, self.actor.username, "settings_changed",
                                 details={"fields": changed})
