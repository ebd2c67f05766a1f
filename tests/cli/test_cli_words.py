"""The command line says things as the window does: sentences, not codes; arrows that follow
the fax; a note when more rows exist; durations with units; help for every command; a bounded,
truthfully reported wait for a server that never answers."""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from faxdesk.cli import build_command_parser
from faxdesk.cli.running import (
    ANSWER_TIMEOUT_ENV,
    ANSWER_TRIES,
    EXIT_FAILED,
    EXIT_NETWORK,
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_USAGE,
    RETRY_PAUSE,
    duration,
)
from faxdesk.core.words import FAILURE_REASONS
from tests.cli.conftest import FROM_NUMBER, ROOT, Account


def _parsers(parser: argparse.ArgumentParser, path: str = "faxdesk"
             ) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, f"{path} {name}")


def test_every_subcommand_has_a_description_and_every_option_a_help() -> None:
    parser, _names = build_command_parser()
    missing = []
    for path, p in _parsers(parser):
        if path != "faxdesk" and not (p.description or "").strip():
            missing.append(f"{path}: no description")
        for action in p._actions:
            if isinstance(action, argparse._HelpAction | argparse._VersionAction
                          | argparse._SubParsersAction):
                continue
            if not (action.help or "").strip():
                missing.append(f"{path} {'/'.join(action.option_strings) or action.dest}")
    assert missing == []


def test_timeout_takes_a_unit() -> None:
    assert duration("90") == 90
    assert duration("90s") == 90
    assert duration("10m") == 600
    assert duration("1h") == 3600
    assert duration("1m30s") == 90
    for bad in ("ten", "5x", "0", "-3", "10 minutes please"):
        with pytest.raises(argparse.ArgumentTypeError):
            duration(bad)


def test_a_timeout_without_a_known_unit_is_refused_in_words(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "faxdesk", "send", "x.pdf", "--to", "+14155550123",
         "--timeout", "5x"], capture_output=True, text=True, timeout=60,
        env=dict(os.environ, PYTHONPATH=str(ROOT), FAXDESK_HOME=str(tmp_path)))
    assert done.returncode == EXIT_USAGE
    assert "write it as 90s, 10m or 1h" in done.stderr


def test_a_failed_fax_is_said_in_words_and_received_faxes_point_right(account: Account) -> None:
    fax_id = account.fax_sent_elsewhere(to="+12025550102")  # the sandbox: nobody answers
    inbound = account.sandbox.receive_inbound(from_number="+13125550142", to=FROM_NUMBER)
    account.sandbox.advance(120)
    done = account.faxdesk("list")
    assert done.returncode == EXIT_OK, done.stderr
    lines = {line.split()[0]: line for line in done.stdout.splitlines()}
    assert "receiver_no_answer" not in done.stdout
    assert FAILURE_REASONS["receiver_no_answer"] in lines[fax_id]
    # Received: from the sender, on the left, to this account's number.
    assert f"+13125550142 → {FROM_NUMBER}" in lines[inbound]
    assert "←" not in done.stdout

    shown = account.faxdesk("show", fax_id)
    assert shown.returncode == EXIT_OK, shown.stderr
    assert "receiver_no_answer" not in shown.stdout
    assert "Nobody answered" in shown.stdout
    assert re.search(r"\bFailed\b", shown.stdout)
    assert not re.search(r"\b(failed|queued|sending)\b", shown.stdout)  # no raw statuses


def test_list_says_when_there_are_more_than_the_limit(account: Account) -> None:
    for _ in range(3):
        account.fax_sent_elsewhere()
    done = account.faxdesk("list", "--limit", "2")
    assert done.returncode == EXIT_OK, done.stderr
    assert len(done.stdout.splitlines()) == 2
    assert "Showing the newest 2 faxes; there are more. Use --limit N" in done.stderr
    every = account.faxdesk("list", "--limit", "3")
    assert len(every.stdout.splitlines()) == 3
    assert every.stderr == ""
    bad = account.faxdesk("list", "--limit", "0")
    assert bad.returncode == EXIT_USAGE and "give 1 or more" in bad.stderr


def test_an_unknown_id_on_the_sandbox_says_why_ids_do_not_last(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "faxdesk", "show", "0b7d2a5e-no-such-fax", "--sandbox"],
        capture_output=True, text=True, timeout=120,
        env=dict(os.environ, PYTHONPATH=str(ROOT), FAXDESK_HOME=str(tmp_path)))
    assert done.returncode == EXIT_NOT_FOUND
    assert "Each --sandbox command starts a fresh sandbox" in done.stderr
    assert "faxdesk sandbox" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server that accepts connections and never answers (the kernel accepts them)."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        yield f"http://127.0.0.1:{server.getsockname()[1]}/v2"


@pytest.mark.parametrize("command", [["list"], ["send", "DOC", "--to", "+14155550123"]])
def test_a_server_that_never_answers_is_given_up_on_in_a_bounded_time_and_said_so(
        silent_server: str, tmp_path: Path, command: list[str]) -> None:
    doc = tmp_path / "letter.pdf"
    from tests.support.pdfs import pdf_bytes

    doc.write_bytes(pdf_bytes(1))
    args = [str(doc) if a == "DOC" else a for a in command]
    answer = 1.0
    env = dict(os.environ, PYTHONPATH=str(ROOT), FAXDESK_HOME=str(tmp_path / "home"),
               FAXDESK_API_KEY="KEYtest0000", FAXDESK_BASE_URL=silent_server,
               **{ANSWER_TIMEOUT_ENV: str(answer)})
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "faxdesk", *args, "--data-dir",
                           str(tmp_path / "data")], capture_output=True, text=True, timeout=120,
                          env=env)
    took = time.monotonic() - started
    assert done.returncode == EXIT_NETWORK, done.stderr
    assert "Telnyx did not answer in time" in done.stderr or "could not reach" in done.stderr
    said = re.search(r"gave up after (\d+) s", done.stderr)
    assert said is not None, done.stderr
    # What it says is what happened: at most the run's own time, and at least the tries made.
    assert ANSWER_TRIES * answer - 1 <= int(said.group(1)) <= took + 1
    # Bounded by the command line's tries, not multiplied by the window's retries.
    assert took < ANSWER_TRIES * answer + RETRY_PAUSE + 20
    assert "[Errno" not in done.stderr and "GET /" not in done.stderr


def test_a_refused_application_delete_says_why_in_words(account: Account) -> None:
    done = account.faxdesk("apps", "delete", account.app_id)
    assert done.returncode == EXIT_FAILED
    assert "Telnyx did not delete the fax application" in done.stderr
    assert "Phone numbers are still assigned to it" in done.stderr
    assert "could not understand" not in done.stderr


def test_the_window_knows_every_subcommand_without_loading_them() -> None:
    """`faxdesk FILE` must never take a subcommand's name for a file, and the window starts
    without importing the subcommands' modules (a faster first frame)."""
    import subprocess
    import sys

    from faxdesk.cli import COMMAND_MODULES, COMMAND_NAMES

    _parser, registered = build_command_parser()
    assert registered == COMMAND_NAMES
    probe = ("import sys, faxdesk.cli as c; c.build_gui_parser(c.COMMAND_NAMES); "
             f"print(sorted(m for m in {list(COMMAND_MODULES)!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"
