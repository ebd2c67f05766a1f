"""The main window flows again over ClientBackend, the minimal adapter straight over the client
(used when the core engine is not installed)."""

from __future__ import annotations

import pytest

from tests.ui.test_faxes import (  # noqa: F401  (collected here again, with the adapter)
    test_cancel_from_the_detail_pane,
    test_delete_asks_then_removes_the_fax,
    test_outbox_row_follows_the_fax_without_user_action,
    test_refresh_an_inbound_fax_link,
    test_resend_a_failed_fax_creates_a_new_one,
    test_save_pdf_and_preview,
)


@pytest.fixture
def backend_kind() -> str:
    return "client"
