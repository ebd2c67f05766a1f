"""The API key in the OS keyring: a real Secret Service (gnome-keyring on a private D-Bus session
bus, started by tests/support/desktop.py), the honest errors, and no plaintext fallback.

Keyring calls against the real service run in fresh subprocesses (``run_python``): the ``keyring``
library chooses its backend once per process, and a fresh process is what "the key survives a
restart" means anyway.
"""

from __future__ import annotations

import json
import logging
import subprocess
import textwrap
from collections.abc import Iterator, Mapping
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail

from faxdesk.core.secrets import (
    SERVICE,
    USERNAME,
    KeyringAccessError,
    KeyringLockedError,
    KeyringUnavailableError,
    KeyStore,
    SessionKeyStore,
    make_key_store,
    select_backend,
)
from tests.support.desktop import dbus_session, gnome_keyring, require_binary, run_python

API_KEY = "KEY0199C0FFEE_Zq8sW3tVnX4yLmP2aBcDeF"

# Runs one KeyStore operation in a fresh interpreter and prints the outcome as JSON.
_OP = """
import json, logging, sys
logging.basicConfig(level=logging.DEBUG, stream=sys.stderr)
from faxdesk.core.secrets import KeyStore, SecretsError
store = KeyStore()
outcomes = []
for op, arg in {ops!r}:
    try:
        if op == "set":
            store.set_key(arg); value = None
        elif op == "get":
            value = store.get_key()
        else:
            store.delete_key(); value = None
        outcomes.append({{"ok": True, "value": value, "backend": store.backend_description()}})
    except SecretsError as exc:
        outcomes.append({{"ok": False, "error": type(exc).__name__, "message": str(exc)}})
print(json.dumps(outcomes))
"""
Outcome = dict[str, object]


def keystore_ops(env: Mapping[str, str], *ops: tuple[str, str | None]) -> list[Outcome]:
    """Run KeyStore operations in order, in one fresh process."""
    result = run_python(_OP.format(ops=list(ops)), env, timeout=30)
    assert API_KEY not in result.stderr  # DEBUG logging of keyring, secretstorage and ours
    outcomes: list[Outcome] = json.loads(result.stdout)
    return outcomes


def secret_tool_lookup(env: Mapping[str, str]) -> str | None:
    """Ask the Secret Service directly (libsecret's CLI), independently of our code."""
    result = subprocess.run(
        [require_binary("secret-tool"), "lookup", "service", SERVICE, "username", USERNAME],
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )
    return result.stdout if result.returncode == 0 else None


@pytest.fixture
def secret_service(tmp_path: Path) -> Iterator[dict[str, str]]:
    with dbus_session(tmp_path / "home") as bus_env, gnome_keyring(bus_env) as env:
        yield env


# --- against a real Secret Service ---------------------------------------------------------------


@pytest.mark.desktop
@pytest.mark.slow
def test_key_round_trips_through_a_real_secret_service(
    secret_service: dict[str, str], tmp_path: Path
) -> None:
    empty, stored = keystore_ops(secret_service, ("get", None), ("set", API_KEY))
    assert empty == {
        "ok": True,
        "value": None,
        "backend": "System keyring (Secret Service: GNOME Keyring, KWallet or KeePassXC)",
    }
    assert stored["ok"] is True
    # libsecret's own client sees the item; another process (a restart of FaxDesk) reads it back.
    assert secret_tool_lookup(secret_service) == API_KEY
    # gnome-keyring stores it encrypted: the key is in no file under HOME.
    for path in (tmp_path / "home").rglob("*"):
        if path.is_file():
            assert API_KEY.encode() not in path.read_bytes(), path

    got, deleted, after, deleted_again = keystore_ops(
        secret_service, ("get", None), ("delete", None), ("get", None), ("delete", None)
    )
    assert got["value"] == API_KEY
    assert deleted["ok"] is True and after == {**after, "ok": True, "value": None}
    assert deleted_again["ok"] is True  # deleting nothing is fine
    assert secret_tool_lookup(secret_service) is None


@pytest.mark.desktop
def test_no_secret_service_on_the_bus_says_what_to_do(private_bus: dict[str, str]) -> None:
    for outcome in keystore_ops(private_bus, ("set", API_KEY), ("get", None)):
        assert outcome["ok"] is False
        assert outcome["error"] == "KeyringUnavailableError"
        message = str(outcome["message"])
        assert "not available" in message
        assert "GNOME Keyring or KWallet" in message and "session-only" in message


@pytest.mark.desktop
def test_keyring_started_later_is_found_after_redetect(private_bus: dict[str, str]) -> None:
    # The settings dialog's "try again": no restart needed once the user starts a keyring.
    code = textwrap.dedent(
        f"""
        import os
        from faxdesk.core.secrets import KeyringUnavailableError, KeyStore
        from tests.support.desktop import gnome_keyring
        store = KeyStore()
        try:
            store.set_key("first")
        except KeyringUnavailableError:
            print("unavailable")
        with gnome_keyring(dict(os.environ)):
            store.redetect()
            store.set_key({API_KEY!r})
            print("stored" if store.get_key() == {API_KEY!r} else "wrong")
        """
    )
    assert run_python(code, private_bus).stdout.split() == ["unavailable", "stored"]


@pytest.mark.desktop
@pytest.mark.slow
def test_locked_keyring_fails_fast_with_a_locked_error(tmp_path: Path) -> None:
    with dbus_session(tmp_path / "home") as bus_env:
        with gnome_keyring(bus_env, password="right") as env:
            assert keystore_ops(env, ("set", API_KEY))[0]["ok"] is True
        # Same keyring files, unlocked with the wrong password: the login keyring stays locked.
        with gnome_keyring(bus_env, password="right", unlock_with="wrong") as env:
            for outcome in keystore_ops(env, ("get", None), ("set", "another-key")):
                assert outcome["ok"] is False
                assert outcome["error"] == "KeyringLockedError"
                assert "locked" in str(outcome["message"])
                assert "session-only" in str(outcome["message"])


@pytest.fixture
def private_bus(tmp_path: Path) -> Iterator[dict[str, str]]:
    with dbus_session(tmp_path / "home") as env:
        yield env


# --- backend policy (in process, no service needed) ----------------------------------------------


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


def _plaintext_backend() -> KeyringBackend:
    # keyrings.alt is not installed (and must never be); a class living in its module path is
    # exactly what the policy looks at, and writing the file would be its behaviour.
    cls = type("PlaintextKeyring", (MemoryKeyring,), {"__module__": "keyrings.alt.file"})
    return cls()  # type: ignore[no-any-return]


class FailingKeyring(MemoryKeyring):
    """Raises what real backends raise, with the key in the message as a worst case."""

    def __init__(self, exc: Exception) -> None:
        super().__init__()
        self.exc = exc

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.exc

    def get_password(self, service: str, username: str) -> str | None:
        raise self.exc


def test_plaintext_backend_is_refused() -> None:
    backend = _plaintext_backend()
    store = KeyStore(backend)
    with pytest.raises(KeyringUnavailableError, match="plain file") as info:
        store.set_key(API_KEY)
    assert "GNOME Keyring or KWallet" in str(info.value)
    assert backend.items == {}  # type: ignore[attr-defined]
    assert not store.is_available()
    assert store.backend_description().startswith("Not available")


def test_default_plaintext_backend_is_refused_too() -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(_plaintext_backend())
    try:
        with pytest.raises(KeyringUnavailableError):
            KeyStore().get_key()
    finally:
        keyring.set_keyring(previous)


def test_fail_backend_means_unavailable() -> None:
    with pytest.raises(KeyringUnavailableError, match="no keyring service was found"):
        KeyStore(fail.Keyring()).set_key(API_KEY)


def test_chainer_never_falls_through_to_plaintext() -> None:
    real, plain = MemoryKeyring(), _plaintext_backend()

    # What keyring builds when several backends are viable: tries them in turn, so a failing
    # real keyring would fall through to the plaintext file.
    class Chained(chainer.ChainerBackend):
        backends = (plain, real)  # type: ignore[assignment]

    assert select_backend(Chained()) is real
    KeyStore(Chained()).set_key(API_KEY)
    assert real.items and not plain.items  # type: ignore[attr-defined]

    class OnlyPlain(chainer.ChainerBackend):
        backends = (plain,)  # type: ignore[assignment]

    with pytest.raises(KeyringUnavailableError):
        select_backend(OnlyPlain())


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (keyring.errors.KeyringLocked(f"locked {API_KEY}"), KeyringLockedError),
        (keyring.errors.NoKeyringError(f"none {API_KEY}"), KeyringUnavailableError),
        (keyring.errors.PasswordSetError(f"denied {API_KEY}"), KeyringAccessError),
        (RuntimeError(f"D-Bus said {API_KEY}"), KeyringAccessError),
    ],
)
def test_backend_errors_become_typed_errors_without_the_key(
    exc: Exception, expected: type[Exception], caplog: pytest.LogCaptureFixture
) -> None:
    store = KeyStore(FailingKeyring(exc))
    with caplog.at_level(logging.DEBUG), pytest.raises(expected) as info:
        store.set_key(API_KEY)
    assert API_KEY not in str(info.value) and API_KEY not in repr(info.value)
    assert API_KEY not in caplog.text
    with pytest.raises(expected):
        store.get_key()


def test_key_never_in_repr_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    backend = MemoryKeyring()
    store = KeyStore(backend)
    session = SessionKeyStore(API_KEY)
    with caplog.at_level(logging.DEBUG):
        store.set_key(API_KEY)
        assert store.get_key() == API_KEY
        store.delete_key()
    assert store.get_key() is None
    for text in (repr(store), repr(session), str(session), caplog.text):
        assert API_KEY not in text
    assert "saved" in caplog.text  # something is logged, just not the key


def test_session_only_mode_keeps_the_key_in_memory_only() -> None:
    store = make_key_store("session")
    assert isinstance(store, SessionKeyStore) and not store.persistent
    assert store.get_key() is None
    store.set_key(f"  {API_KEY}\n")
    assert store.get_key() == API_KEY
    assert make_key_store("session").get_key() is None  # a new session starts empty
    store.delete_key()
    assert store.get_key() is None
    assert "Session only" in store.backend_description()
    with pytest.raises(ValueError):
        store.set_key("   ")
    assert isinstance(make_key_store("keyring"), KeyStore)


def test_redetect_before_any_keyring_use_does_not_raise() -> None:
    # keyring memoises its backend list lazily; resetting it before the first use raised KeyError.
    import subprocess
    import sys

    code = "from faxdesk.core.secrets import KeyStore; KeyStore().redetect(); print('ok')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
