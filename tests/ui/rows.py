"""Rows for tests that drive a pane or the tray without an engine."""

from __future__ import annotations

from typing import Any

from faxdesk.core.rows import FaxRow, journal_id_of


def fax_row(row_id: str, **fields: Any) -> FaxRow:
    """A `FaxRow` with every field not given left empty; a `send:<n>` id is a send made here."""
    journal_id = journal_id_of(row_id)
    values: dict[str, Any] = {
        "fax_id": None if journal_id is not None else row_id, "journal_id": journal_id,
        "direction": "outbound", "status": None, "pending": None, "from_number": None,
        "to": None, "connection_id": None, "page_count": None, "created_at": None,
        "updated_at": None,
    }
    values.update(fields)
    return FaxRow(id=row_id, **values)
