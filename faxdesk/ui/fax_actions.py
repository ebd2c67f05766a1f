"""What may be done with the selected fax, decided once for the menu, the toolbar, the row menu
and the detail pane's buttons. The rules themselves are the core's (`FaxRow.can_cancel` and
friends); this module turns them into shown and enabled states, labels and reasons.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from PySide6.QtCore import QCoreApplication

from faxdesk.core.rows import FaxRow

FaxAction = Literal["retry_now", "cancel", "delete", "refresh", "resend", "save", "open",
                    "mark_read", "print", "report"]
#: In the order a person looks for them: the document first, then what changes the fax.
FAX_ACTIONS: tuple[FaxAction, ...] = ("open", "save", "print", "retry_now", "cancel", "resend",
                                      "mark_read", "refresh", "report", "delete")
#: Actions that work on several selected faxes at once.
BULK_ACTIONS: frozenset[FaxAction] = frozenset({"delete", "mark_read"})


def document_ready(row: FaxRow) -> bool:
    """The fax's PDF is on this computer (a received fax's once it is downloaded)."""
    return row.has_document


def shown_actions(row: FaxRow | None) -> frozenset[FaxAction]:
    """The actions that make sense for this kind of fax at all (the others are not shown)."""
    if row is None:
        return frozenset()
    shown: set[FaxAction] = {"open", "save", "print", "delete"}
    inbound = row.direction == "inbound"
    if inbound:
        shown.add("mark_read")
        if row.can_refresh:
            shown.add("refresh")
    else:
        if row.can_cancel or row.in_flight:
            shown.add("cancel")
        if row.can_retry_now:
            shown.add("retry_now")
        if row.is_final:
            shown.add("resend")
    if row.fax_id is not None and row.is_final:
        shown.add("report")
    return frozenset(shown)


def enabled_actions(row: FaxRow | None) -> frozenset[FaxAction]:
    if row is None:
        return frozenset()
    can: set[FaxAction] = {"delete"}
    if document_ready(row):
        can |= {"save", "open", "print"}
    if row.can_cancel:
        can.add("cancel")
    if row.can_retry_now:
        can.add("retry_now")
    if row.can_refresh:
        can.add("refresh")
    if row.can_resend:
        can.add("resend")
    if row.direction == "inbound":
        can.add("mark_read")
    if row.fax_id is not None and row.is_final:
        can.add("report")  # proof of delivery (or of the failure)
    return frozenset(can)


def why_disabled(row: FaxRow | None, action: FaxAction) -> str:
    """Why an action shown for this fax cannot be done now, in words ("" when it can)."""
    if row is None or action in enabled_actions(row):
        return ""
    if action in ("save", "open", "print"):
        if row.direction == "inbound" and row.download_state == "error" and row.download_error:
            return row.download_error
        if row.direction == "inbound":
            return QCoreApplication.translate(
                "FaxActions", "The document arrives when the fax has been received.")
        return QCoreApplication.translate(
            "FaxActions", "The document of this fax is not on this computer.")
    if action == "cancel":
        return QCoreApplication.translate("FaxActions", "Telnyx can no longer stop this fax.")
    if action == "resend":
        return QCoreApplication.translate(
            "FaxActions", "This fax was not sent from FaxDesk; its document is not here.")
    return ""


def delete_label(row: FaxRow | None, count: int = 1) -> str:
    """A send Telnyx has not accepted is discarded, not deleted."""
    if count > 1:  # always several here
        return QCoreApplication.translate("FaxActions", "&Delete {n} faxes…").format(n=count)
    if row is not None and row.can_discard:
        return QCoreApplication.translate("FaxActions", "&Discard…")
    return QCoreApplication.translate("FaxActions", "&Delete…")


def cancel_label(row: FaxRow | None) -> str:
    """Cancelling a waiting automatic retry stops the retrying; otherwise the fax is stopped."""
    if row is not None and row.pending == "scheduled":
        return QCoreApplication.translate("FaxActions", "&Stop retrying")
    return QCoreApplication.translate("FaxActions", "&Cancel sending")


def read_label(row: FaxRow | None, rows: Sequence[FaxRow] = ()) -> str:
    if len(rows) > 1:
        if any(r.unread for r in rows):
            return QCoreApplication.translate("FaxActions", "Mark &read")
        return QCoreApplication.translate("FaxActions", "Mark &unread")
    if row is not None and row.direction == "inbound" and row.read:
        return QCoreApplication.translate("FaxActions", "Mark &unread")
    return QCoreApplication.translate("FaxActions", "Mark &read")
