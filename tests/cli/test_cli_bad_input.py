"""Bad input given to `faxdesk send`: refused in words with exit code 2, never a traceback.

The rows come from `tests.support.bad_inputs`, the table the send dialog's tests use too; the
command line must refuse each one with the kind and the very words `prepare_send` gives (one send
path for both doors), and never hang (a named pipe among them).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from faxdesk.cli.running import EXIT_OK, EXIT_USAGE
from faxdesk.core.sending import (
    Recipient,
    SendRefused,
    SendRequest,
    prepare_send,
)
from tests.support.bad_inputs import BAD_INPUTS, BadInput

ROOT = Path(__file__).resolve().parents[2]
FROM_NUMBER = "+12025550100"
# A Python exception's name in the output ("PermissionError:", "DependencyError") is a traceback
# in disguise.
CLASS_NAME = re.compile(r"\b\w*(Error|Exception)\b")


def faxdesk_send(number: str, document: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), FAXDESK_HOME=str(home))
    try:
        return subprocess.run(
            [sys.executable, "-m", "faxdesk", "send", "--sandbox", "--json", "--to", number,
             str(document)],
            text=True, capture_output=True, timeout=90, env=env, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        pytest.fail(f"`faxdesk send` did not finish for {document.name}: it hung")


def refusal_messages(row: BadInput, document: Path, work: Path) -> list[str]:
    """What `prepare_send` says about this row (the words both doors must show)."""
    request = SendRequest(documents=(document,), recipients=(Recipient(row.number),),
                          connection_id="app", from_number=FROM_NUMBER, default_country="US")
    try:
        prepare_send(request, work)
    except SendRefused as exc:
        return [r.message for r in exc.refusals]
    return []


@pytest.mark.parametrize("row", BAD_INPUTS, ids=str)
def test_prepare_send_refuses_each_bad_input_with_its_kind_and_words(
    row: BadInput, tmp_path: Path
) -> None:
    document = row.build(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    request = SendRequest(documents=(document,), recipients=(Recipient(row.number),),
                          connection_id="app", from_number=FROM_NUMBER, default_country="US")
    if row.kind is None:
        prepared = prepare_send(request, work)
        assert [fax.to for fax in prepared.faxes] == [row.sent_to]
        return
    with pytest.raises(SendRefused) as refused:
        prepare_send(request, work)
    assert refused.value.kinds == (row.kind,)
    message = refused.value.refusals[0].message
    for words in row.words:
        assert words in message
    assert not CLASS_NAME.search(message)
    assert list(work.iterdir()) == []  # nothing was built


@pytest.mark.parametrize("row", BAD_INPUTS, ids=str)
def test_faxdesk_send_refuses_each_bad_input_in_the_same_words(
    row: BadInput, tmp_path: Path
) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    document = row.build(folder)
    work = tmp_path / "work"
    work.mkdir()
    expected = refusal_messages(row, document, work)
    done = faxdesk_send(row.number, document, tmp_path / "home")
    output = done.stdout + done.stderr
    assert "Traceback" not in output
    assert not CLASS_NAME.search(done.stderr), done.stderr
    if row.kind is None:
        assert done.returncode == EXIT_OK, done.stderr
        sent = json.loads(done.stdout)["fax"]
        assert sent["to"] == row.sent_to and sent["status"] == "queued"
        return
    assert done.returncode == EXIT_USAGE, output
    assert done.stdout == ""  # nothing was sent, so nothing to report
    assert "Nothing was sent" in done.stderr
    assert expected, "prepare_send accepted what the command line must refuse"
    for message in expected:  # the same words as the send dialog gets
        assert message in done.stderr
    for words in row.words:
        assert words in done.stderr
