"""Settings persistence and the file locations/atomic writes they rely on (faxdesk.core.paths)."""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from faxdesk.core import paths
from faxdesk.core.paths import (
    AppPaths,
    DiskFullError,
    StorageError,
    StoragePermissionError,
    atomic_write_bytes,
    atomic_writer,
)
from faxdesk.core.settings import Settings, load_settings, save_settings, settings_path

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "fdhome"
    monkeypatch.setenv(paths.HOME_ENV, str(root))
    return root


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- settings ------------------------------------------------------------------------------------


def test_defaults_are_the_documented_ones() -> None:
    s = Settings()
    assert s.api_base_url == "https://api.telnyx.com/v2"
    assert s.key_storage == "keyring"
    assert (s.poll_fast_secs, s.poll_slow_secs) == (5, 60)
    assert (s.webhook_listener_enabled, s.webhook_host, s.webhook_port) == (
        False,
        "127.0.0.1",
        29329,
    )
    assert s.notify_delivered and s.notify_failed and s.notify_received
    assert s.default_country == "US"
    assert (s.auto_retry_max, s.auto_retry_delay_secs) == (3, 300)
    assert s.language == "" and s.close_to_tray and not s.first_run_done
    assert not any(f == "key" or "api_key" in f for f in s.to_dict())
    assert s.validate() == []


def test_missing_file_gives_defaults(home: Path) -> None:
    assert load_settings() == Settings()
    assert not settings_path().exists()


def test_round_trip_in_faxdesk_home_with_private_modes(home: Path) -> None:
    changed = Settings().replace(
        key_storage="session",
        default_application_id="1293384261075731499",
        default_from_number="+13125550100",
        poll_fast_secs=3,
        webhook_listener_enabled=True,
        webhook_port=9000,
        notify_received=False,
        default_country="DE",
        language="de",
        first_run_done=True,
    )
    written = save_settings(changed)
    assert written == home / "config" / "settings.json" == settings_path()
    assert load_settings() == changed
    assert _mode(written) == 0o600
    assert _mode(home / "config") == 0o700
    on_disk = json.loads(written.read_text())
    assert on_disk["default_country"] == "DE" and on_disk["version"] == 1


def test_corrupt_file_is_backed_up_and_defaults_used(
    home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    target = settings_path()
    target.parent.mkdir(parents=True)
    target.write_text('{"poll_fast_secs": 7, oops')
    with caplog.at_level(logging.WARNING):
        assert load_settings() == Settings()
    backups = list(target.parent.glob("settings.json.corrupt-*"))
    assert len(backups) == 1
    assert backups[0].read_text() == '{"poll_fast_secs": 7, oops'
    assert not target.exists()
    assert "corrupt" in caplog.text
    # The app can save again afterwards.
    save_settings(Settings(first_run_done=True))
    assert load_settings().first_run_done


def test_non_object_json_counts_as_corrupt(
    home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    target = settings_path()
    target.parent.mkdir(parents=True)
    target.write_text("[1, 2, 3]")
    with caplog.at_level(logging.WARNING, logger="faxdesk.core.settings"):
        assert load_settings() == Settings()
    assert list(target.parent.glob("settings.json.corrupt-*"))
    assert "is corrupt" in caplog.text


def test_unknown_keys_ignored_bad_values_fall_back(
    home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    target = settings_path()
    target.parent.mkdir(parents=True)
    target.write_text(
        json.dumps(
            {
                "version": 9,
                "from_the_future": {"x": 1},
                "poll_fast_secs": "fast",  # wrong type
                "webhook_port": 70000,  # out of range
                "notify_failed": 1,  # not a bool
                "key_storage": "plaintext",  # not allowed
                "default_country": "germany",
                "poll_slow_secs": 120,  # valid: kept
                "default_from_number": "+13125550100",  # valid: kept
            }
        )
    )
    with caplog.at_level(logging.WARNING):
        s = load_settings()
    assert s.poll_fast_secs == 5 and s.webhook_port == 29329 and s.notify_failed is True
    assert s.key_storage == "keyring" and s.default_country == "US"
    assert s.poll_slow_secs == 120 and s.default_from_number == "+13125550100"
    for name in ("poll_fast_secs", "webhook_port", "notify_failed", "key_storage"):
        assert name in caplog.text
    assert "from_the_future" not in caplog.text


def test_api_key_in_the_file_is_dropped_and_never_logged_or_saved(
    home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "KEY0123456789ABCDEF_secret"
    target = settings_path()
    target.parent.mkdir(parents=True)
    target.write_text(json.dumps({"api_key": secret, "language": "fr"}))
    with caplog.at_level(logging.DEBUG), \
            caplog.at_level(logging.WARNING, logger="faxdesk.core.settings"):
        s = load_settings()
        save_settings(s)
    assert s.language == "fr"
    assert "api_key" in caplog.text and secret not in caplog.text
    assert secret not in target.read_text()


def test_slow_interval_shorter_than_fast_is_rejected() -> None:
    s, problems = Settings.from_dict({"poll_fast_secs": 30, "poll_slow_secs": 10})
    assert (s.poll_fast_secs, s.poll_slow_secs) == (5, 60)
    assert problems


def test_replace_rejects_invalid_values_in_words() -> None:
    with pytest.raises(ValueError, match="webhook_port: must be between 1 and 65535"):
        Settings().replace(webhook_port=0)
    with pytest.raises(ValueError, match="unknown setting"):
        Settings().replace(api_key="x")
    with pytest.raises(ValueError, match="http"):
        Settings().replace(api_base_url="ftp://example")


# --- paths ---------------------------------------------------------------------------------------


def test_faxdesk_home_puts_everything_in_one_private_folder(home: Path) -> None:
    p = paths.app_paths()
    assert (p.data, p.config, p.cache, p.log) == (
        home / "data",
        home / "config",
        home / "cache",
        home / "log",
    )
    for directory in (
        paths.data_dir(),
        paths.config_dir(),
        paths.cache_dir(),
        paths.log_dir(),
        paths.inbox_dir(),
        paths.documents_dir(),
    ):
        assert directory.is_dir() and _mode(directory) == 0o700
        assert home in directory.parents
    assert p.store_file.parent == home / "data"


def test_without_faxdesk_home_platformdirs_locations_are_used(tmp_path: Path) -> None:
    env = {
        "XDG_DATA_HOME": str(tmp_path / "xd"),
        "XDG_CONFIG_HOME": str(tmp_path / "xc"),
        "XDG_CACHE_HOME": str(tmp_path / "xk"),
        "XDG_STATE_HOME": str(tmp_path / "xs"),
    }
    code = (
        "import os; from faxdesk.core.paths import AppPaths; p = AppPaths.resolve();"
        "print(p.data, p.config, p.cache, sep='\\n')"
    )
    clean = {k: v for k, v in os.environ.items() if k != paths.HOME_ENV}
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == [
        str(tmp_path / "xd" / "FaxDesk"),
        str(tmp_path / "xc" / "FaxDesk"),
        str(tmp_path / "xk" / "FaxDesk"),
    ]


def test_atomic_write_replaces_and_keeps_old_content_on_error(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "doc.pdf"
    atomic_write_bytes(target, b"first")
    assert target.read_bytes() == b"first" and _mode(target) == 0o600
    atomic_write_bytes(target, b"second")
    assert target.read_bytes() == b"second"

    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write(b"half a docu")
        raise RuntimeError("download interrupted")
    assert target.read_bytes() == b"second"
    assert sorted(x.name for x in target.parent.iterdir()) == ["doc.pdf"]  # no temp left


def test_disk_full_while_writing_is_a_typed_error_in_words(tmp_path: Path) -> None:
    # A real kernel refusal: RLIMIT_FSIZE makes write() fail with EFBIG past 64 KiB, exactly
    # where a full disk would fail with ENOSPC; both map to DiskFullError.
    target = tmp_path / "inbox" / "fax.pdf"
    atomic_write_bytes(target, b"old content")
    code = textwrap.dedent(
        f"""
        import resource, signal, sys
        from faxdesk.core.paths import DiskFullError, atomic_write_bytes
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))
        try:
            atomic_write_bytes({str(target)!r}, b"x" * 1_000_000)
        except DiskFullError as exc:
            print("DiskFullError:", exc)
            sys.exit(0)
        sys.exit(3)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "not enough disk space" in result.stdout and "Free some space" in result.stdout
    assert target.read_bytes() == b"old content"
    assert [x.name for x in target.parent.iterdir()] == ["fax.pdf"]


def test_unwritable_location_is_a_permission_error_in_words() -> None:
    # sysfs refuses to create files even for root, so this holds for any user on Linux.
    with pytest.raises(StoragePermissionError) as info:
        atomic_write_bytes(Path("/sys/faxdesk-test.json"), b"{}")
    assert "permission denied" in str(info.value)
    assert isinstance(info.value, StorageError) and isinstance(info.value, OSError)


def test_disk_full_error_is_a_storage_error() -> None:
    assert issubclass(DiskFullError, StorageError)
    err = paths.storage_error(OSError(28, "No space left on device"), "/x/y", "save")
    assert isinstance(err, DiskFullError) and "/x/y" in str(err)


def test_app_paths_resolve_reads_the_given_environment(tmp_path: Path) -> None:
    p = AppPaths.resolve({paths.HOME_ENV: str(tmp_path)})
    assert p.settings_file == tmp_path / "config" / "settings.json"
    assert not (tmp_path / "config").exists()  # resolving creates nothing
