"""Statuses and Telnyx failure reasons in plain English words, for every front door.

The window shows them in its own language: `QT_TRANSLATE_NOOP` marks each text for lupdate
(`packaging/update-translations.sh` reads this file too) and does nothing at run time, so the
core stays free of Qt.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate reads
    return text


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

#: Every failure_reason of fax-api.md §5.4 in plain words.
FAILURE_REASONS = {
    "account_disabled": QT_TRANSLATE_NOOP(
        "FailureReason",
        "Your Telnyx account is disabled. Check the account in the Telnyx portal."),
    "connection_channel_limit_exceeded": QT_TRANSLATE_NOOP(
        "FailureReason",
        "The fax application had too many calls at once. Try again in a moment or raise its "
        "channel limit."),
    "destination_invalid": QT_TRANSLATE_NOOP(
        "FailureReason", "The fax number is not valid. Check the number and its country code."),
    "destination_not_in_countries_whitelist": QT_TRANSLATE_NOOP(
        "FailureReason",
        "Faxing to this country is not allowed by your outbound voice profile's country list."),
    "destination_not_in_service_plan": QT_TRANSLATE_NOOP(
        "FailureReason", "This destination is not part of your Telnyx service plan."),
    "destination_unreachable": QT_TRANSLATE_NOOP(
        "FailureReason", "The number could not be reached. Try again later."),
    "fax_initial_communication_timeout": QT_TRANSLATE_NOOP(
        "FailureReason",
        "The call was answered, but no fax machine responded. "
        "Check that the number is a fax line."),
    "fax_signaling_error": QT_TRANSLATE_NOOP(
        "FailureReason", "The fax machines could not agree on how to talk to each other."),
    "invalid_ecm_response_from_receiver": QT_TRANSLATE_NOOP(
        "FailureReason", "The receiving fax machine sent an invalid error-correction response."),
    "no_outbound_profile": QT_TRANSLATE_NOOP(
        "FailureReason",
        "The fax application has no outbound voice profile, so it cannot send. Set one in the "
        "application's outbound settings."),
    "outbound_profile_channel_limit_exceeded": QT_TRANSLATE_NOOP(
        "FailureReason",
        "The outbound voice profile had too many calls at once. Try again in a moment."),
    "outbound_profile_daily_spend_limit_exceeded": QT_TRANSLATE_NOOP(
        "FailureReason", "The daily spending limit of the outbound voice profile was reached."),
    "receiver_call_dropped": QT_TRANSLATE_NOOP(
        "FailureReason", "The receiving side hung up during the fax. Try sending it again."),
    "receiver_communication_error": QT_TRANSLATE_NOOP(
        "FailureReason", "The transmission to the receiving fax machine broke down."),
    "receiver_decline": QT_TRANSLATE_NOOP(
        "FailureReason", "The receiving side declined the call."),
    "receiver_incompatible_destination": QT_TRANSLATE_NOOP(
        "FailureReason", "The number answered, but it is not a compatible fax machine."),
    "receiver_invalid_number_format": QT_TRANSLATE_NOOP(
        "FailureReason", "The carrier rejected the format of the fax number."),
    "receiver_no_answer": QT_TRANSLATE_NOOP(
        "FailureReason", "Nobody answered. Try again later."),
    "receiver_no_response": QT_TRANSLATE_NOOP(
        "FailureReason", "The receiving side did not respond. Try again later."),
    "receiver_recovery_on_timer_expire": QT_TRANSLATE_NOOP(
        "FailureReason", "The receiving side stopped responding and the call timed out."),
    "receiver_unallocated_number": QT_TRANSLATE_NOOP(
        "FailureReason", "This number is not in service."),
    "service_unavailable": QT_TRANSLATE_NOOP(
        "FailureReason", "The fax service was temporarily unavailable. Try again later."),
    "unverified_destination_not_allowed": QT_TRANSLATE_NOOP(
        "FailureReason",
        "Your account may only fax verified numbers. Verify this number or upgrade the account."),
    "unverified_origination_number": QT_TRANSLATE_NOOP(
        "FailureReason", "The sending number is not verified for this account."),
    "user_busy": QT_TRANSLATE_NOOP(
        "FailureReason", "The line was busy. Try again later."),
    "user_channel_limit_exceeded": QT_TRANSLATE_NOOP(
        "FailureReason", "Your account had too many calls at once. Try again in a moment."),
    "sender_call_dropped": QT_TRANSLATE_NOOP(
        "FailureReason", "The sender hung up before the whole fax arrived."),
    "sender_canceled": QT_TRANSLATE_NOOP(
        "FailureReason", "The fax was cancelled before it finished."),
    "carrier_lost": QT_TRANSLATE_NOOP(
        "FailureReason", "The phone carrier lost the call. Try sending it again."),
    "sender_communication_error": QT_TRANSLATE_NOOP(
        "FailureReason", "The transmission from the sending fax machine broke down."),
    "file_format_invalid": QT_TRANSLATE_NOOP(
        "FailureReason", "Telnyx could not read the document. Send a PDF, TIFF, JPEG or PNG."),
    "file_download_failed": QT_TRANSLATE_NOOP(
        "FailureReason", "Telnyx could not fetch the document."),
    "file_size_limit_exceeded": QT_TRANSLATE_NOOP(
        "FailureReason", "The document is larger than the 50 MB Telnyx accepts."),
    "page_count_limit_exceeded": QT_TRANSLATE_NOOP(
        "FailureReason", "The document has more than the 350 pages Telnyx accepts."),
    "media_processing_exception": QT_TRANSLATE_NOOP(
        "FailureReason", "Telnyx could not convert the document into fax pages."),
    "rejected": QT_TRANSLATE_NOOP("FailureReason", "The fax was rejected."),
}



def status_words(status: str | None) -> str:
    if not status:
        return "Unknown"
    # An unknown status is shown as it came, never hidden.
    return STATUS_WORDS.get(status, status)


def failure_words(reason: str | None) -> str:
    if not reason:
        return ""
    return FAILURE_REASONS.get(reason) or f"The fax failed ({reason})."
