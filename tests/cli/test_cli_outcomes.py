"""Commands say what really happened: no success reported for what did not happen.

`faxdesk` runs in its own process in account mode against a sandbox in this process (its address
and key from the environment), so faxes outlive one command and the test moves their clock.
"""

from __future__ import annotations

from faxdesk.cli.running import EXIT_FAILED, EXIT_NOT_FOUND, EXIT_OK
from tests.cli.conftest import Account


def test_cancel_of_a_delivered_fax_exits_1_and_says_why(account: Account) -> None:
    fax_id = account.fax_sent_elsewhere()
    account.sandbox.advance(60)  # delivered
    done = account.faxdesk("cancel", fax_id)
    assert done.returncode == EXIT_FAILED, done.stderr
    assert "cannot be cancelled" in done.stderr and "delivered" in done.stderr
    assert "Cancel" not in done.stdout and "cancelled:" not in done.stdout.lower()
    assert account.sandbox.state.faxes[fax_id].status == "delivered"


def test_cancel_of_a_fax_in_flight_is_requested(account: Account) -> None:
    # The contrast: the same command on a queued fax does cancel it.
    fax_id = account.fax_sent_elsewhere()
    done = account.faxdesk("cancel", fax_id)
    assert done.returncode == EXIT_OK, done.stderr
    assert done.stdout.startswith("Cancel requested:")
    account.sandbox.advance(60)
    assert account.sandbox.state.faxes[fax_id].status == "failed"


def test_delete_of_an_unknown_id_exits_5(account: Account) -> None:
    done = account.faxdesk("delete", "no-such-fax")
    assert done.returncode == EXIT_NOT_FOUND, done.stderr
    assert "no fax no-such-fax" in done.stderr
    assert "Deleted" not in done.stdout


def test_outbox_on_an_empty_outbox_exits_0(account: Account) -> None:
    done = account.faxdesk("outbox")
    assert done.returncode == EXIT_OK, done.stderr
    assert "The outbox is empty" in done.stdout and done.stderr == ""


def test_show_fetches_a_fax_this_computer_has_not_seen(account: Account) -> None:
    fax_id = account.fax_sent_elsewhere()
    done = account.faxdesk("show", fax_id)
    assert done.returncode == EXIT_OK, done.stderr
    assert done.stdout.startswith(fax_id) and "Queued" in done.stdout
