"""The shared table of bad input (tests/support/bad_inputs.py) through the send dialog.

A person adds the document, types the number and presses Send. Bad input is refused in the
core's own words (what `prepare_send`, and so `faxdesk send`, says about it) and nothing is
queued; input that is fine is sent to the number the table names.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from faxdesk.core.engine import EngineConfig, FaxEngine
from faxdesk.core.opening import client_factory
from faxdesk.core.sending import Recipient, SendRefused, SendRequest, prepare_send
from faxdesk.core.settings import Settings
from faxdesk.core.sync import SyncConfig
from faxdesk.ui.send_dialog import SendDialog
from faxdesk.ui.worker import Worker
from tests.support.bad_inputs import BAD_INPUTS, BadInput

FROM_NUMBER = "+12025550100"
# What must never reach a person (see the team's standards).
NOT_WORDS = ("Errno", "Traceback", "Exception", "Error:", "SendRefused", "DocumentError")


@pytest.fixture
def office(sandbox: Any) -> str:
    app = sandbox.state.create_application({"application_name": "Front office",
                                            "webhook_event_url": "http://127.0.0.1:9/hooks"})
    sandbox.state.add_phone_number(FROM_NUMBER, app["id"])
    return str(app["id"])


@pytest.fixture
def engine(sandbox: Any, tmp_path: Path) -> Iterator[FaxEngine]:
    fast = SyncConfig(fast_interval=0.05, slow_interval=0.05, wait_slice=0.05)
    eng = FaxEngine(tmp_path / "data", client_factory(sandbox.api_key, sandbox.base_url),
                    EngineConfig(sync=fast))
    eng.start()
    yield eng
    eng.stop()


def core_words(case: BadInput, document: Path, office: str, work: Path) -> list[str]:
    """What the core says about this input (the same call `faxdesk send` makes)."""
    request = SendRequest(documents=(document,), recipients=(Recipient(case.number),),
                          connection_id=office, from_number=FROM_NUMBER)
    work.mkdir()
    with pytest.raises(SendRefused) as refused:
        prepare_send(request, work)
    assert refused.value.kinds == (case.kind,)
    return [r.message for r in refused.value.refusals]


@pytest.mark.parametrize("case", BAD_INPUTS, ids=str)
def test_bad_input_is_refused_in_the_cores_words_and_nothing_is_queued(
    qtbot: QtBot, case: BadInput, sandbox: Any, office: str, engine: FaxEngine,
    worker: Worker, tmp_path: Path,
) -> None:
    folder = tmp_path / "input"
    folder.mkdir()
    document = case.build(folder)
    settings = Settings(default_application_id=office, default_from_number=FROM_NUMBER)
    dialog = SendDialog(engine, worker, settings=lambda: settings, files=[str(document)])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.number_combo.count() == 1
                    and not dialog.documents.checking(), timeout=30000)
    sent: list[list[int]] = []
    dialog.sent.connect(sent.append)

    # Typed, not added: pressing Send adds it first, as a person expects.
    dialog.recipients.entry.setText(case.number)
    if case.kind is None:
        qtbot.waitUntil(dialog.send_button.isEnabled, timeout=10000)
        with qtbot.waitSignal(dialog.sent, timeout=30000) as queued:
            qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        (journal_id,) = queued.args[0]
        entry = engine.journal_entry(journal_id)
        assert entry is not None and entry.to == case.sent_to
        qtbot.waitUntil(lambda: (engine.journal_entry(journal_id) or entry).fax_id is not None,
                        timeout=15000)
        fax_id = (engine.journal_entry(journal_id) or entry).fax_id
        assert fax_id is not None and sandbox.state.faxes[fax_id].to == case.sent_to
        return

    expected = core_words(case, document, office, tmp_path / "core")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)  # disabled: nothing happens
    dialog.send()  # Enter on the default button
    worker.wait_idle()
    qtbot.wait(50)

    shown = "\n".join((dialog.problems.text(), dialog.recipients.error_label.text()))
    for message in expected:
        assert message in shown
    for words in case.words:
        assert words in shown
    assert not [w for w in NOT_WORDS if w in shown]
    if case.kind in ("invalid_number", "emergency_number"):
        assert dialog.recipients.entry.text() == case.number  # kept, to be corrected
        assert dialog.recipients.recipients() == []
    else:
        assert not dialog.send_button.isEnabled()
    assert dialog.isVisible() and dialog.result() != SendDialog.DialogCode.Accepted
    assert sent == []
    assert engine.store.journal_entries() == []
