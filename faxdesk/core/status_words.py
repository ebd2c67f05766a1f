"""Statuses in plain English words: Telnyx's, and the steps FaxDesk itself takes. A module of
their own, so that the first frame names a fax's status without loading the rest of the words
(`words.py`)."""

from __future__ import annotations

from faxdesk.core.translatable import QT_TRANSLATE_NOOP

STATUS_WORDS = {
    "queued": QT_TRANSLATE_NOOP("Status", "Queued"),
    "media.processed": QT_TRANSLATE_NOOP("Status", "Document ready"),
    "originated": QT_TRANSLATE_NOOP("Status", "Dialling"),
    "sending": QT_TRANSLATE_NOOP("Status", "Sending"),
    "delivered": QT_TRANSLATE_NOOP("Status", "Delivered"),
    "failed": QT_TRANSLATE_NOOP("Status", "Failed"),
    "initiated": QT_TRANSLATE_NOOP("Status", "Incoming call"),
    "receiving": QT_TRANSLATE_NOOP("Status", "Receiving"),
    "media.processing": QT_TRANSLATE_NOOP("Status", "Processing document"),
    "received": QT_TRANSLATE_NOOP("Status", "Received"),
    # Local steps that appear in the timeline.
    "submitted": QT_TRANSLATE_NOOP("Status", "Handed to the outbox"),
    "cancel_requested": QT_TRANSLATE_NOOP("Status", "Cancel requested"),
    "retry_scheduled": QT_TRANSLATE_NOOP("Status", "Automatic retry scheduled"),
    "link_refreshed": QT_TRANSLATE_NOOP("Status", "Document link refreshed"),
    "downloaded": QT_TRANSLATE_NOOP("Status", "Document saved on this computer"),
}
