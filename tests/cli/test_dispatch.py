"""The `faxdesk` entry point tells subcommands from files to open in the window."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from faxdesk import cli


def test_two_word_subcommand_runs_that_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    # `apps list` once ran `list` (the faxes) because `files` swallowed "apps".
    assert cli.main(["apps", "list", "--sandbox", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all("application_name" in row for row in rows)


def test_files_and_flags_go_to_the_window(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: list[argparse.Namespace] = []
    monkeypatch.setattr("faxdesk.cli.gui_command.run_gui", lambda a: seen.append(a) or 0)
    doc = tmp_path / "apps"  # a file named like a command is still a file when it has a path
    assert cli.main(["--sandbox", "--send", str(doc)]) == 0
    assert seen[0].sandbox and seen[0].send and seen[0].files == [str(doc)]


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--no-such-option"])
    assert exit_info.value.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    [], ["--sandbox"], ["--send"], ["--send", "a.pdf"], ["a.pdf", "b c.pdf"],
    ["--sandbox", "--send", "/tmp/scan 1.tif"], ["a.pdf", "--sandbox"], ["apps/list.pdf"],
])
def test_a_launch_with_the_windows_flags_reads_as_the_parser_reads_it(argv: list[str]) -> None:
    # The window's usual launches skip building the parser; they must mean the same.
    parsed = cli.build_gui_parser(cli.COMMAND_NAMES).parse_args(argv)
    assert cli.read_gui_args(argv) == parsed


@pytest.mark.parametrize("argv", [
    ["--help"], ["-h"], ["--version"], ["--sand"], ["--no-such-option"], ["-"],
    ["a.pdf", "--sandbox=yes"],
])
def test_anything_else_is_left_to_the_parser(argv: list[str]) -> None:
    assert cli.read_gui_args(argv) is None


def test_help_still_answers(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "--sandbox" in out and "open the send dialog" in out and "Headless commands" in out
