"""What may be done with the selected fax, decided once for the menu, the toolbar and the
detail pane's buttons. The rules themselves are the core's (`FaxRow.can_cancel` and friends);
this module turns them into enabled states and labels.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QCoreApplication

from faxdesk.core.rows import FaxRow

FaxAction = Literal["cancel", "delete", "refresh", "resend", "save", "open", "mark_read",
                    "print", "report"]
FAX_ACTIONS: tuple[FaxAction, ...] = ("cancel", "delete", "refresh", "resend", "save", "open",
                                      "mark_read", "print", "report")


def enabled_actions(row: FaxRow | None) -> frozenset[FaxAction]:
    if row is None:
        return frozenset()
    can: set[FaxAction] = {"delete", "save", "open"}
    if row.can_cancel:
        can.add("cancel")
    if row.can_refresh:
        can.add("refresh")
    if row.can_resend:
        can.add("resend")
    if row.direction == "inbound":
        can.add("mark_read")
    if row.document_path or (row.direction == "inbound" and row.status == "received"):
        can.add("print")
    if row.fax_id is not None and row.is_final:
        can.add("report")  # proof of delivery (or of the failure)
    return frozenset(can)


def delete_label(row: FaxRow | None) -> str:
    """A send Telnyx has not accepted is discarded, not deleted."""
    if row is not None and row.pending is not None:
        return QCoreApplication.translate("FaxActions", "&Discard…")
    return QCoreApplication.translate("FaxActions", "&Delete…")


def read_label(row: FaxRow | None) -> str:
    if row is not None and row.direction == "inbound" and row.read:
        return QCoreApplication.translate("FaxActions", "Mark &unread")
    return QCoreApplication.translate("FaxActions", "Mark &read")
