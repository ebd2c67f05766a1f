"""User settings: a typed dataclass persisted as JSON in the config directory.

Loading is tolerant: unknown keys are ignored, a bad value falls back to its default (with a
warning), and a corrupt file is moved aside (``settings.json.corrupt-<time>``) so the app still
starts. The API key is never a setting: it lives in the OS keyring (see ``faxdesk.core.secrets``),
and a key found in the file by mistake is dropped. Window geometry is the UI's (QSettings).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Literal

from faxdesk.core.paths import app_paths, atomic_write_text, storage_error

log = logging.getLogger(__name__)

KeyStorage = Literal["keyring", "session"]
ScanColor = Literal["bw", "gray"]
SETTINGS_VERSION = 1

# Keys that must never be persisted even if someone writes them into the file by hand.
_SECRET_KEYS = frozenset({"api_key", "apikey", "telnyx_api_key", "key", "token"})


class SettingError(ValueError):
    """An invalid value for one setting. ``str()`` names the setting as the file does (for the
    log); ``words`` names it as the settings dialog does, for people."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem

    @property
    def words(self) -> str:
        from faxdesk.core.words import setting_problem

        return setting_problem(self.name, self.problem)


@dataclass(frozen=True, slots=True)
class Settings:
    api_base_url: str = "https://api.telnyx.com/v2"
    key_storage: KeyStorage = "keyring"
    default_application_id: str = ""
    default_from_number: str = ""
    poll_fast_secs: int = 5
    poll_slow_secs: int = 60
    webhook_listener_enabled: bool = False
    webhook_host: str = "127.0.0.1"
    webhook_port: int = 29329  # unassigned; 8765 is the sandbox's port in the docs
    webhook_public_key: str = ""
    notify_delivered: bool = True
    notify_failed: bool = True
    notify_received: bool = True
    default_country: str = "US"
    auto_retry_enabled: bool = True
    auto_retry_max: int = 3
    auto_retry_delay_secs: int = 300
    language: str = ""  # "" = follow the system
    close_to_tray: bool = True
    first_run_done: bool = False
    # Print to fax, scanning, transmission reports, printing received faxes.
    print_to_fax_enabled: bool = True  # documents printed to "FaxDesk" open the send dialog
    scan_device: str = ""  # the SANE device used last ("" = the first one found)
    scan_color: ScanColor = "bw"
    report_auto_save: bool = False  # save a report into report_folder when a fax finishes
    report_folder: str = ""
    auto_print_received: bool = False  # print each received fax once on auto_print_printer
    auto_print_printer: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> tuple[Settings, list[str]]:
        """Build settings from a mapping; returns them with a list of problems (in words)."""
        problems: list[str] = []
        values: dict[str, Any] = {}
        known = {f.name for f in fields(cls)}
        for name, raw in data.items():
            if name.lower() in _SECRET_KEYS:
                problems.append(
                    f"'{name}' is not a setting (the API key lives in the keyring); dropped"
                )
                continue
            if name not in known:
                continue  # unknown keys (newer versions, "version") are ignored
            error = _VALIDATORS[name](raw)
            if error is None:
                values[name] = raw
            else:
                problems.append(f"{name}: {error}; using the default")
        settings = cls(**values)
        if settings.poll_slow_secs < settings.poll_fast_secs:
            problems.append("poll_slow_secs is shorter than poll_fast_secs; using the defaults")
            defaults = cls()
            settings = dataclasses.replace(
                settings,
                poll_fast_secs=defaults.poll_fast_secs,
                poll_slow_secs=defaults.poll_slow_secs,
            )
        return settings, problems

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def validate(self) -> list[str]:
        """Problems with the current values (empty when valid); for the settings dialog."""
        _, problems = Settings.from_dict(self.to_dict())
        return problems

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes``; raises ``ValueError`` (in words) for an invalid value."""
        unknown = set(changes) - {f.name for f in fields(self)}
        if unknown:
            raise ValueError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        for name, value in changes.items():
            error = _VALIDATORS[name](value)
            if error is not None:
                raise SettingError(name, error)
        return dataclasses.replace(self, **changes)


# --- validators: return None when fine, or the problem in words ---------------------------------


def _string(max_len: int = 2000) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if not isinstance(value, str):
            return "must be text"
        if len(value) > max_len:
            return f"is longer than {max_len} characters"
        return None

    return check


def _boolean(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def _integer(low: int, high: int) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return "must be a whole number"
        if not low <= value <= high:
            return f"must be between {low} and {high}"
        return None

    return check


def _url(value: Any) -> str | None:
    if not isinstance(value, str) or not value.startswith(("https://", "http://")):
        return "must be a web address starting with https:// (or http://)"
    return None


def _key_storage(value: Any) -> str | None:
    return None if value in ("keyring", "session") else "must be 'keyring' or 'session'"


def _country(value: Any) -> str | None:
    if isinstance(value, str) and len(value) == 2 and value.isascii() and value.isupper():
        return None
    return "must be a two-letter country code such as US"


def _host(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip() or len(value) > 255:
        return "must be a host name or IP address"
    return None


_VALIDATORS: dict[str, Callable[[Any], str | None]] = {
    "api_base_url": _url,
    "key_storage": _key_storage,
    "default_application_id": _string(200),
    "default_from_number": _string(40),
    "poll_fast_secs": _integer(1, 3600),
    "poll_slow_secs": _integer(1, 86400),
    "webhook_listener_enabled": _boolean,
    "webhook_host": _host,
    "webhook_port": _integer(1, 65535),
    "webhook_public_key": _string(200),
    "notify_delivered": _boolean,
    "notify_failed": _boolean,
    "notify_received": _boolean,
    "default_country": _country,
    "auto_retry_enabled": _boolean,
    "auto_retry_max": _integer(0, 20),
    "auto_retry_delay_secs": _integer(0, 86400),
    "language": _string(20),
    "close_to_tray": _boolean,
    "first_run_done": _boolean,
    "print_to_fax_enabled": _boolean,
    "scan_device": _string(300),
    "scan_color": lambda v: None if v in ("bw", "gray") else "must be 'bw' or 'gray'",
    "report_auto_save": _boolean,
    "report_folder": _string(4096),
    "auto_print_received": _boolean,
    "auto_print_printer": _string(200),
}
assert set(_VALIDATORS) == {f.name for f in fields(Settings)}


# --- persistence ---------------------------------------------------------------------------------


def settings_path() -> Path:
    """``settings.json`` in the config directory (under ``FAXDESK_HOME`` when set)."""
    return app_paths().settings_file


def load_settings(path: Path | None = None) -> Settings:
    """Read settings; never raises for a missing, unreadable or corrupt file (defaults instead)."""
    target = path or settings_path()
    try:
        raw = target.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        log.warning("%s; using default settings", storage_error(exc, target, "read"))
        return Settings()
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
    except (UnicodeDecodeError, ValueError) as exc:
        backup = _move_aside(target)
        log.warning(
            "Settings file %s is corrupt (%s); saved a copy as %s and using default settings",
            target,
            type(exc).__name__,
            backup,
        )
        return Settings()
    settings, problems = Settings.from_dict(data)
    for problem in problems:
        log.warning("Settings file %s: %s", target, problem)
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write settings atomically with mode 0600; raises ``StorageError`` (in words) on failure."""
    target = path or settings_path()
    payload = {"version": SETTINGS_VERSION, **settings.to_dict()}
    atomic_write_text(target, json.dumps(payload, indent=2, sort_keys=True) + "\n")
    return target


def _move_aside(target: Path) -> Path | None:
    backup = target.with_name(f"{target.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        target.replace(backup)
    except OSError:
        return None
    return backup
