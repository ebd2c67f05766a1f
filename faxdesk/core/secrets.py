"""The Telnyx API key, kept in the OS keyring, with honest errors and no plaintext fallback.

``KeyStore`` talks to the OS keyring (Secret Service / KWallet on Linux, Keychain on macOS,
Credential Locker on Windows) through the ``keyring`` library. Backends that would store the key
in a plain file (``keyrings.alt``) or that cannot store anything (the "fail" and "null" backends)
are refused with :class:`KeyringUnavailableError`: the user then chooses a session-only key
(:class:`SessionKeyStore`, memory only) explicitly. The key never appears in a repr, a log line or
an exception message.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Protocol

import keyring
import keyring.backend
import keyring.core
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend

log = logging.getLogger(__name__)

SERVICE = "FaxDesk"
USERNAME = "telnyx-api-key"

_WHAT_TO_DO = (
    "Install and unlock GNOME Keyring or KWallet (any Secret Service provider), "
    "or use a session-only key that is forgotten when FaxDesk quits."
)


class SecretsError(Exception):
    """Base of the key storage errors; the message says what happened and what to do."""


class KeyringUnavailableError(SecretsError):
    """No usable keyring: none running, or only a plaintext/fail backend (which we refuse)."""


class KeyringLockedError(SecretsError):
    """The keyring exists but is locked and was not unlocked."""


class KeyringAccessError(SecretsError):
    """The keyring answered with an error (denied, D-Bus failure, ...)."""


class ApiKeyStore(Protocol):
    """What the UI and the engine need from a key store."""

    @property
    def persistent(self) -> bool: ...

    def get_key(self) -> str | None: ...

    def set_key(self, key: str) -> None: ...

    def delete_key(self) -> None: ...

    def backend_description(self) -> str: ...


# --- backend selection ---------------------------------------------------------------------------


def refusal_reason(backend: KeyringBackend) -> str | None:
    """Why ``backend`` must not hold the API key, or None when it is acceptable."""
    cls = type(backend)
    module = cls.__module__
    name = cls.__name__
    if module == "keyring.backends.fail":
        return "no keyring service was found"
    if module == "keyring.backends.null":
        return "the keyring is disabled (null backend)"
    if module.startswith("keyrings.alt") or "plaintext" in name.lower():
        return f"{module}.{name} stores secrets in a plain file, which FaxDesk refuses to use"
    if isinstance(backend, ChainerBackend):
        return "no acceptable keyring among the chained backends"
    return None


def _candidates(backend: KeyringBackend) -> list[KeyringBackend]:
    # The chainer tries its backends in turn and would silently fall through to a plaintext one
    # when the real keyring fails, so unwrap it and keep only the acceptable members.
    if isinstance(backend, ChainerBackend):
        return list(backend.backends)
    return [backend]


def select_backend(backend: KeyringBackend | None = None) -> KeyringBackend:
    """The keyring backend to use, or :class:`KeyringUnavailableError` in words."""
    chosen = backend if backend is not None else keyring.get_keyring()
    reasons: list[str] = []
    for candidate in _candidates(chosen):
        reason = refusal_reason(candidate)
        if reason is None:
            return candidate
        reasons.append(reason)
    detail = "; ".join(reasons) or (refusal_reason(chosen) or "no keyring backend")
    raise KeyringUnavailableError(f"The system keyring is not available ({detail}). {_WHAT_TO_DO}")


def describe_backend(backend: KeyringBackend) -> str:
    """A short name for the settings dialog, e.g. "Secret Service (GNOME Keyring, KWallet...)"."""
    module = type(backend).__module__
    if module.endswith("SecretService") or module.endswith("libsecret"):
        return "System keyring (Secret Service: GNOME Keyring, KWallet or KeePassXC)"
    if module.endswith("kwallet"):
        return "System keyring (KWallet)"
    if module.endswith("macOS"):
        return "macOS Keychain"
    if module.endswith("Windows"):
        return "Windows Credential Locker"
    return f"System keyring ({getattr(backend, 'name', type(backend).__name__)})"


# --- stores ---------------------------------------------------------------------------------------


class KeyStore:
    """The API key in the OS keyring (service "FaxDesk", username "telnyx-api-key")."""

    persistent = True

    def __init__(
        self,
        backend: KeyringBackend | None = None,
        *,
        service: str = SERVICE,
        username: str = USERNAME,
    ) -> None:
        self._backend = backend  # None: ask ``keyring`` at each use (it caches per process)
        self._service = service
        self._username = username

    def __repr__(self) -> str:
        return f"KeyStore(service={self._service!r}, username={self._username!r})"

    def backend(self) -> KeyringBackend:
        """The backend in use; raises :class:`KeyringUnavailableError` if none is acceptable."""
        return select_backend(self._backend)

    def redetect(self) -> None:
        """Look for a keyring again (after the user installed or started one): ``keyring``
        otherwise keeps the backend it found at the first use for the whole process."""
        if self._backend is None:
            # ``get_all_keyring`` memoises which backends were viable; forget that first.
            # (`reset` raises KeyError when nothing was memoised yet.)
            reset = getattr(keyring.backend.get_all_keyring, "reset", None)
            if callable(reset):
                with contextlib.suppress(KeyError):
                    reset()
            keyring.core.init_backend()

    def is_available(self) -> bool:
        try:
            self.backend()
        except KeyringUnavailableError:
            return False
        return True

    def backend_description(self) -> str:
        try:
            return describe_backend(self.backend())
        except KeyringUnavailableError as exc:
            return f"Not available: {exc}"

    def get_key(self) -> str | None:
        """The stored key, or None when none is stored."""
        backend = self.backend()
        try:
            key = backend.get_password(self._service, self._username)
        except Exception as exc:
            raise _translate(exc, "read the API key from") from exc
        return key or None

    def set_key(self, key: str) -> None:
        if not key or not key.strip():
            raise ValueError("The API key is empty.")
        backend = self.backend()
        try:
            backend.set_password(self._service, self._username, key.strip())
        except Exception as exc:
            raise _translate(exc, "save the API key in") from exc
        log.info("API key saved in %s", describe_backend(backend))

    def delete_key(self) -> None:
        """Remove the stored key; no error when none is stored."""
        backend = self.backend()
        try:
            if backend.get_password(self._service, self._username) is None:
                return
            backend.delete_password(self._service, self._username)
        except keyring.errors.PasswordDeleteError:
            return  # already gone (deleted by another process in between)
        except Exception as exc:
            raise _translate(exc, "delete the API key from") from exc
        log.info("API key deleted from %s", describe_backend(backend))


class SessionKeyStore:
    """Session-only mode: the key lives in this process's memory and is gone at exit."""

    persistent = False

    def __init__(self, key: str | None = None) -> None:
        self._key = key or None

    def __repr__(self) -> str:
        return f"SessionKeyStore(has_key={self._key is not None})"

    def is_available(self) -> bool:
        return True

    def backend_description(self) -> str:
        return "Session only (kept in memory, forgotten when FaxDesk quits)"

    def get_key(self) -> str | None:
        return self._key

    def set_key(self, key: str) -> None:
        if not key or not key.strip():
            raise ValueError("The API key is empty.")
        self._key = key.strip()

    def delete_key(self) -> None:
        self._key = None


def make_key_store(key_storage: str) -> KeyStore | SessionKeyStore:
    """The store for ``Settings.key_storage`` ("keyring" or "session")."""
    return SessionKeyStore() if key_storage == "session" else KeyStore()


def backend_description(key_storage: str = "keyring") -> str:
    """What will hold the key, in words, for the settings dialog."""
    return make_key_store(key_storage).backend_description()


def _translate(exc: Exception, action: str) -> SecretsError:
    # Messages name the failure type only: lower layers' text never includes the key, but we do
    # not pass it on verbatim either, so nothing a backend says can leak into logs.
    if isinstance(exc, SecretsError):
        return exc
    if isinstance(exc, keyring.errors.KeyringLocked):
        return KeyringLockedError(
            f"Could not {action} the system keyring: it is locked. Unlock it (log in to your "
            "desktop session or open your keyring manager) and try again, "
            "or use a session-only key."
        )
    unavailable = (
        isinstance(exc, keyring.errors.NoKeyringError | keyring.errors.InitError | ConnectionError)
        # secretstorage's "no Secret Service on the bus", matched by name to avoid importing it
        or type(exc).__name__ == "SecretServiceNotAvailableException"
    )
    if unavailable:
        return KeyringUnavailableError(
            f"Could not {action} the system keyring: it is not available "
            f"({type(exc).__name__}). {_WHAT_TO_DO}"
        )
    return KeyringAccessError(
        f"Could not {action} the system keyring ({type(exc).__name__}). Check that the keyring "
        "service is running and unlocked, or use a session-only key."
    )
