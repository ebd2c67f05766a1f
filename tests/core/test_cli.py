"""The `faxdesk` fax commands as a user runs them: real subprocesses on the in-process sandbox."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from faxdesk import cli
from faxdesk.core.paths import AppPaths
from faxdesk.core.settings import Settings, save_settings

ROOT = Path(__file__).resolve().parents[2]


def faxdesk(*args: str, env: dict[str, str] | None = None,
            home: Path | None = None) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ if env is None else env)
    full_env["PYTHONPATH"] = str(ROOT)
    if home is not None:  # default settings, whatever this machine's user has chosen
        full_env["FAXDESK_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "faxdesk", *args], text=True,
                          capture_output=True, timeout=120, env=full_env)


@pytest.mark.slow
def test_send_follows_a_fax_to_delivered_on_the_sandbox(make_pdf: Callable[..., Path]) -> None:
    # Two files: merged into one fax, in order (faxdesk.core.documents).
    done = faxdesk("send", "--to", "+14155550123", "--sandbox", "--sandbox-speed", "20",
                   "--follow", str(make_pdf(2)), str(make_pdf(1)))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert "Queued" in lines[0]
    assert lines[-1].startswith("Delivered: fax ")


@pytest.mark.slow
def test_a_failed_fax_exits_1_with_its_reason_in_json(
    make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    done = faxdesk("send", "--to", "+12025550101", "--sandbox", "--sandbox-speed", "20",
                   "--follow", "--json", str(make_pdf()), home=tmp_path / "home")
    assert done.returncode == 1, done.stderr
    out = json.loads(done.stdout)
    assert out["fax"]["status"] == "failed" and out["fax"]["failure_reason"] == "user_busy"
    # Default settings retry a busy line automatically: the retry is noted after the failure.
    assert [t["status"] for t in out["timeline"]][-2:] == ["failed", "retry_scheduled"]


def test_list_on_the_sandbox_in_json() -> None:
    listed = faxdesk("list", "--sandbox", "--json", "--limit", "5")
    assert listed.returncode == 0, listed.stderr
    faxes = json.loads(listed.stdout)
    assert len(faxes) == 5 and {"id", "status", "direction"} <= set(faxes[0])


def run_in_process(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """A command through the real entry point, in this process."""
    code = cli.main(list(argv))
    return code, capsys.readouterr().out


def test_apps_commands_on_the_sandbox(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out = run_in_process(capsys, "apps", "list", "--sandbox", "--json")
    assert code == 0
    assert {a["application_name"] for a in json.loads(out)} >= {"Front desk", "Billing"}
    code, out = run_in_process(capsys, "apps", "create", "Night desk", "--webhook-url",
                               "http://127.0.0.1:9/night", "--sandbox", "--json")
    assert code == 0 and json.loads(out)["application_name"] == "Night desk"
    code, _ = run_in_process(capsys, "apps", "update", "no-such-app", "--name", "X",
                             "--sandbox")
    assert code in (1, 5)  # Telnyx says no such application
    code, _ = run_in_process(capsys, "apps", "update", "123", "--sandbox")
    assert code == 2  # nothing to change


def test_usage_errors_exit_2_and_a_missing_key_exits_3(tmp_path: Path) -> None:
    missing = faxdesk("send", "--to", "+14155550123", "--sandbox", str(tmp_path / "nope.pdf"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    env = {k: v for k, v in os.environ.items() if k != "FAXDESK_API_KEY"}
    # No key at all: keys are kept for the session only, and this session has none yet.
    env["FAXDESK_HOME"] = str(tmp_path / "session-only")
    save_settings(Settings(key_storage="session"), AppPaths.resolve(env).settings_file)
    no_key = faxdesk("list", "--data-dir", str(tmp_path / "d"), env=env)
    assert no_key.returncode == 3
    assert "no API key" in no_key.stderr and "FAXDESK_API_KEY" in no_key.stderr  # and how
    # No keyring to read a key from: the same exit code, in words.
    env["FAXDESK_HOME"] = str(tmp_path / "home")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    no_keyring = faxdesk("list", "--data-dir", str(tmp_path / "d"), env=env)
    assert no_keyring.returncode == 3
    assert "keyring is not available" in no_keyring.stderr
    assert "Traceback" not in no_key.stderr + no_keyring.stderr
