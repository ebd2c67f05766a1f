"""Statuses and Telnyx failure reasons in plain English words, for every front door.

The window shows them in its own language: `QT_TRANSLATE_NOOP` marks each text for lupdate
(`packaging/update-translations.sh` reads this file too) and does nothing at run time, so the
core stays free of Qt. The statuses' words are in `status_words.py`, which the first frame
loads alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from faxdesk.core.status_words import STATUS_WORDS
from faxdesk.core.translatable import QT_TRANSLATE_NOOP

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


# --- errors in words ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence for a person: `template` (marked for translation in `context`) filled with
    `values`. `english()` is what the command line prints; the window translates the template."""

    context: str
    template: str
    values: tuple[tuple[str, str], ...] = ()

    def english(self) -> str:
        return self.template.format(**dict(self.values))


def _s(template: str, **values: str) -> Sentence:
    return Sentence("Errors", template, tuple(values.items()))


#: Telnyx's request fields as a person knows them (an error's `source.pointer`).
FIELD_LABELS = {
    "application_name": QT_TRANSLATE_NOOP("Errors", "Application name"),
    "webhook_event_url": QT_TRANSLATE_NOOP("Errors", "Webhook address"),
    "webhook_event_failover_url": QT_TRANSLATE_NOOP("Errors", "Backup webhook address"),
    "webhook_timeout_secs": QT_TRANSLATE_NOOP("Errors", "Webhook timeout"),
    "anchorsite_override": QT_TRANSLATE_NOOP("Errors", "Media region"),
    "active": QT_TRANSLATE_NOOP("Errors", "Active"),
    "tags": QT_TRANSLATE_NOOP("Errors", "Tags"),
    "fax_email_recipient": QT_TRANSLATE_NOOP("Errors", "Fax-to-email address"),
    "outbound": QT_TRANSLATE_NOOP("Errors", "Outbound settings"),
    "outbound.outbound_voice_profile_id": QT_TRANSLATE_NOOP("Errors", "Outbound voice profile"),
    "outbound.channel_limit": QT_TRANSLATE_NOOP("Errors", "Outbound channel limit"),
    "inbound": QT_TRANSLATE_NOOP("Errors", "Inbound settings"),
    "inbound.channel_limit": QT_TRANSLATE_NOOP("Errors", "Inbound channel limit"),
    "to": QT_TRANSLATE_NOOP("Errors", "Recipient's fax number"),
    "from": QT_TRANSLATE_NOOP("Errors", "Sending number"),
    "connection_id": QT_TRANSLATE_NOOP("Errors", "Fax application"),
    "media": QT_TRANSLATE_NOOP("Errors", "Document"),
    "media_url": QT_TRANSLATE_NOOP("Errors", "Document link"),
    "media_name": QT_TRANSLATE_NOOP("Errors", "Document name"),
    "contents": QT_TRANSLATE_NOOP("Errors", "Document"),
    "ttl_secs": QT_TRANSLATE_NOOP("Errors", "How long Telnyx keeps the document"),
    "quality": QT_TRANSLATE_NOOP("Errors", "Quality"),
    "black_threshold": QT_TRANSLATE_NOOP("Errors", "Black threshold"),
    "preview_format": QT_TRANSLATE_NOOP("Errors", "Preview format"),
    "from_display_name": QT_TRANSLATE_NOOP("Errors", "Caller name"),
    "client_state": QT_TRANSLATE_NOOP("Errors", "FaxDesk's tracking token"),
    "webhook_url": QT_TRANSLATE_NOOP("Errors", "Webhook address"),
    "phone_number": QT_TRANSLATE_NOOP("Errors", "Phone number"),
    "t38_enabled": QT_TRANSLATE_NOOP("Errors", "T.38"),
    "monochrome": QT_TRANSLATE_NOOP("Errors", "Pure black and white"),
}

#: Settings as the settings dialog names them (a setting's problem names the setting).
SETTING_LABELS = {
    "api_base_url": QT_TRANSLATE_NOOP("Errors", "API address"),
    "key_storage": QT_TRANSLATE_NOOP("Errors", "Where the API key is kept"),
    "default_application_id": QT_TRANSLATE_NOOP("Errors", "Default application"),
    "default_from_number": QT_TRANSLATE_NOOP("Errors", "Default sending number"),
    "poll_fast_secs": QT_TRANSLATE_NOOP("Errors", "Checking while faxes are in progress"),
    "poll_slow_secs": QT_TRANSLATE_NOOP("Errors", "Checking when idle"),
    "webhook_listener_enabled": QT_TRANSLATE_NOOP("Errors", "Webhook listener"),
    "webhook_host": QT_TRANSLATE_NOOP("Errors", "Webhook listener address"),
    "webhook_port": QT_TRANSLATE_NOOP("Errors", "Webhook listener port"),
    "webhook_public_key": QT_TRANSLATE_NOOP("Errors", "Webhook public key"),
    "default_country": QT_TRANSLATE_NOOP("Errors", "Default country"),
    "language": QT_TRANSLATE_NOOP("Errors", "Language"),
    "report_folder": QT_TRANSLATE_NOOP("Errors", "Folder for the reports"),
    "auto_print_printer": QT_TRANSLATE_NOOP("Errors", "Printer"),
    "scan_color": QT_TRANSLATE_NOOP("Errors", "Scan in"),
}

#: What a document's problem (`DocumentError.refusal`) means, with what to do about it.
DOCUMENT_WORDS = {
    "missing": QT_TRANSLATE_NOOP(
        "Errors", "“{name}” does not exist any more. Add the file again from where it is now."),
    "folder": QT_TRANSLATE_NOOP(
        "Errors", "“{name}” is a folder. Add the documents inside it instead."),
    "not_a_file": QT_TRANSLATE_NOOP(
        "Errors", "“{name}” is not a regular file. Save the document as a file and add that."),
    "no_permission": QT_TRANSLATE_NOOP(
        "Errors", "FaxDesk may not read “{name}”. Copy it to your Documents folder and add "
        "the copy."),
    "unreadable": QT_TRANSLATE_NOOP(
        "Errors", "“{name}” could not be read from the disk. Copy it to your Documents folder "
        "and add the copy."),
    "empty_file": QT_TRANSLATE_NOOP(
        "Errors", "“{name}” is empty (0 bytes). Save the document again and add the new file."),
    "unsupported": QT_TRANSLATE_NOOP(
        "Errors", "“{name}” is not a PDF or an image. Save or print it as a PDF and add that."),
    "encryption_unsupported": QT_TRANSLATE_NOOP(
        "Errors", "“{name}” is encrypted in a way FaxDesk cannot open. Print it to a new PDF "
        "and add that."),
    "password": QT_TRANSLATE_NOOP(
        "Errors", "“{name}” is protected by a password. Save a copy without the password and "
        "add that."),
    "damaged": QT_TRANSLATE_NOOP(
        "Errors", "“{name}” is damaged or incomplete. Open it in its program, save it again "
        "as a PDF and add the new file."),
    "no_pages": QT_TRANSLATE_NOOP("Errors", "“{name}” has no pages to send."),
    "render": QT_TRANSLATE_NOOP(
        "Errors", "A page of “{name}” cannot be turned into a fax page. Print the document to "
        "a new PDF and add that."),
}


def document_words(refusal_kind: str, name: str) -> Sentence:
    template = DOCUMENT_WORDS.get(refusal_kind, DOCUMENT_WORDS["damaged"])
    return _s(template, name=name)


def field_label(field: str) -> str:
    """A Telnyx field as people call it (English; the window translates it in "Errors")."""
    return FIELD_LABELS.get(field) or field.rsplit(".", 1)[-1].replace("_", " ").capitalize()


def telnyx_detail(detail: str, field: str | None) -> str:
    """Telnyx's own detail with request field names replaced by what people call them: names
    with "_" or "." anywhere, a plain one ("to", "from") only where it starts the detail."""
    text = detail.strip().rstrip(".")
    names = sorted({n for n in FIELD_LABELS if "_" in n or "." in n}, key=len, reverse=True)
    for name in names:
        for token in {name, name.rsplit(".", 1)[-1]}:
            if "_" in token or "." in token:
                text = re.sub(rf"(?<![\w.]){re.escape(token)}(?![\w])", field_label(name), text)
    if field and text.startswith(field + " "):
        text = field_label(field) + text[len(field):]
    return text[:1].upper() + text[1:] + "." if text else ""


def api_error_sentences(exc: BaseException) -> list[Sentence]:
    """An error of the Telnyx client in words: what happened and what to do, never a class
    name, an errno, a URL path or a request field's name."""
    from faxdesk.api import errors as e

    if isinstance(exc, e.RequestAbortedError):
        return [_s(QT_TRANSLATE_NOOP(
            "Errors", "The request to Telnyx was stopped before Telnyx answered."))]
    if isinstance(exc, e.AmbiguousReplyError):
        return [_s(QT_TRANSLATE_NOOP(
            "Errors", "Telnyx's answer could not be read, so it may have been carried out. "
            "FaxDesk checks with Telnyx before doing it again."))]
    if isinstance(exc, e.ApiTimeoutError):
        if exc.maybe_sent:
            return [_s(QT_TRANSLATE_NOOP(
                "Errors", "Telnyx did not answer in time. The request may have arrived; FaxDesk "
                "checks before repeating it. Check the internet connection."))]
        return [_s(QT_TRANSLATE_NOOP(
            "Errors", "FaxDesk could not reach Telnyx in time. Check the internet connection "
            "and try again."))]
    if isinstance(exc, e.ApiConnectionError):
        if exc.maybe_sent:
            return [_s(QT_TRANSLATE_NOOP(
                "Errors", "The connection to Telnyx broke before it answered. The request may "
                "have arrived; FaxDesk checks before repeating it."))]
        return [_s(QT_TRANSLATE_NOOP(
            "Errors", "FaxDesk could not connect to Telnyx. Check the internet connection "
            "and try again."))]
    if isinstance(exc, e.TransportError):
        return [_s(QT_TRANSLATE_NOOP(
            "Errors", "FaxDesk could not talk to Telnyx. Check the internet connection and "
            "try again."))]
    if not isinstance(exc, e.ApiError):
        return []
    if isinstance(exc, e.AuthenticationError):
        return [_s(QT_TRANSLATE_NOOP(
            "Errors", "Telnyx did not accept the API key: it may be mistyped or revoked. "
            "Enter a current key from the Telnyx portal (API Keys) in Settings."))]
    if isinstance(exc, e.PermissionDeniedError):
        return [_s(QT_TRANSLATE_NOOP(
            "Errors", "This API key may not do that. Check the key's permissions in the "
            "Telnyx portal."))]
    if isinstance(exc, e.MediaLinkError):
        return [_s(QT_TRANSLATE_NOOP(
            "Errors", "The link to the document has expired. Refresh the fax to get a new "
            "one."))]
    if isinstance(exc, e.NotFoundError):
        return [_s(QT_TRANSLATE_NOOP(
            "Errors", "Telnyx no longer has this item; it may have been deleted elsewhere. "
            "Refresh the list."))]
    if isinstance(exc, e.RateLimitError):
        return [_s(QT_TRANSLATE_NOOP(
            "Errors", "Telnyx asked FaxDesk to slow down. Try again in a minute."))]
    if isinstance(exc, e.ServerError):
        return [_s(QT_TRANSLATE_NOOP(
            "Errors", "Telnyx has a temporary problem. Try again in a few minutes."))]
    if isinstance(exc, e.UnexpectedResponseError):
        return [_s(QT_TRANSLATE_NOOP(
            "Errors", "Telnyx sent an answer FaxDesk cannot read. Try again later."))]
    head = _s(QT_TRANSLATE_NOOP("Errors", "Telnyx did not accept the request."))
    if isinstance(exc, e.ValidationError):
        head = _s(QT_TRANSLATE_NOOP("Errors", "Telnyx did not accept these values:"))
    out = [head]
    for item in exc.errors:
        detail = telnyx_detail(item.detail or item.title or "", item.field)
        label = FIELD_LABELS.get(item.field or "")
        if label and not detail.startswith(label):
            out.append(Sentence("Errors", "{label}: {detail}", (
                ("label", label), ("detail", detail))))
        elif detail:
            out.append(Sentence("Errors", "{detail}", (("detail", detail),)))
    return out


def setting_problem(name: str, problem: str) -> str:
    """A setting's problem for people: the setting as the dialog names it, then the problem."""
    return f"{SETTING_LABELS.get(name, name.replace('_', ' ').capitalize())}: {problem}"


#: Why nothing can be asked of Telnyx yet.
NO_ACCOUNT = QT_TRANSLATE_NOOP(
    "Errors", "No API key yet: enter it in Settings, or try FaxDesk on the sandbox.")
#: Why a received fax cannot be shown or opened yet.
DOCUMENT_ON_ITS_WAY = QT_TRANSLATE_NOOP(
    "Errors", "The received document is still being downloaded.")


def error_sentences(exc: BaseException) -> list[Sentence]:
    """Anything a task or command can run into, in words (see `api_error_sentences`)."""
    found = api_error_sentences(exc)
    if found:
        return found
    refusals = getattr(exc, "refusals", None)  # SendRefused, without importing the documents
    if isinstance(refusals, tuple) and refusals:
        return [r.sentence for r in refusals]
    from faxdesk.core import secrets
    from faxdesk.core.documents.errors import DocumentError
    from faxdesk.core.engine import DocumentNotDownloadedError, NoAccountError
    from faxdesk.core.paths import DiskFullError, StorageError, StoragePermissionError

    if isinstance(exc, NoAccountError):
        return [_s(NO_ACCOUNT)]
    if isinstance(exc, DocumentNotDownloadedError):
        return [_s(DOCUMENT_ON_ITS_WAY)]
    if isinstance(exc, secrets.KeyringLockedError):
        return [_s(QT_TRANSLATE_NOOP(
            "Errors", "The system keyring is locked. Unlock it (log in to the desktop, or open "
            "the keyring manager) and try again, or keep the key for this session only."))]
    if isinstance(exc, secrets.KeyringUnavailableError):
        return [_s(QT_TRANSLATE_NOOP(
            "Errors", "This computer has no keyring service to keep the API key in. Keep the "
            "key for this session only, or start a keyring (GNOME Keyring, KWallet) and try "
            "again."))]
    if isinstance(exc, secrets.SecretsError):
        return [_s(QT_TRANSLATE_NOOP(
            "Errors", "The system keyring did not answer. Check that it is running and "
            "unlocked, or keep the key for this session only."))]
    if isinstance(exc, DocumentError):
        return [document_words(exc.refusal, exc.path.name)]
    if isinstance(exc, DiskFullError):
        return [_s(QT_TRANSLATE_NOOP(
            "Errors", "The disk is full, so FaxDesk could not save {path}. Free some space "
            "and try again."), path=str(exc.path))]
    if isinstance(exc, StoragePermissionError):
        return [_s(QT_TRANSLATE_NOOP(
            "Errors", "FaxDesk may not write to {path}. Choose another folder, or check its "
            "permissions."), path=str(exc.path))]
    if isinstance(exc, StorageError):
        return [_s("{text}", text=str(exc))]
    if isinstance(exc, OSError):
        where = exc.filename or ""
        return [_s(QT_TRANSLATE_NOOP(
            "Errors", "FaxDesk could not use the file {path}. Check that the disk is there and "
            "FaxDesk may use it."), path=str(where))]
    # Everything else FaxDesk raises on purpose already says what happened in words.
    text = str(exc).strip()
    ours = type(exc).__module__.startswith("faxdesk.") or type(exc) is ValueError
    if ours and text and not _looks_technical(text):
        return [_s("{text}", text=text)]
    return [_s(QT_TRANSLATE_NOOP(
        "Errors", "FaxDesk ran into an unexpected problem; nothing is lost. Try again, and "
        "report it if it keeps happening."))]


def _looks_technical(text: str) -> bool:
    return bool(re.search(r"\[Errno|Traceback|\b[A-Z]\w+(Error|Exception)\b|^\w+\(", text))


def error_words(exc: BaseException) -> str:
    """`error_sentences` in English, one line (for the command line and logs)."""
    return " ".join(s.english() for s in error_sentences(exc))


def application_delete_sentences(exc: BaseException, name: str) -> list[Sentence]:
    """Why Telnyx kept a fax application that was to be deleted, and what to do."""
    from faxdesk.api.errors import BadRequestError, ValidationError

    head = _s(QT_TRANSLATE_NOOP("Errors", "Telnyx did not delete the fax application “{name}”."),
              name=name)
    if isinstance(exc, BadRequestError | ValidationError):
        detail = " ".join((item.detail or item.title or "") for item in exc.errors)
        if "number" in detail.lower():
            return [head, _s(QT_TRANSLATE_NOOP(
                "Errors", "Phone numbers are still assigned to it. Assign them to another "
                "application in the Telnyx portal first, then delete it."))]
        return [head, *api_error_sentences(exc)[1:]]
    return [head, *error_sentences(exc)]


_CODE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def detail_words(detail: str | None) -> str:
    """A timeline detail for people: Telnyx's failure codes in it become their words
    ("receiver_no_answer" → "Nobody answered. Try again later.")."""
    if not detail:
        return ""

    def words(match: re.Match[str]) -> str:
        return FAILURE_REASONS.get(match.group(0), match.group(0)).rstrip(".")

    return _CODE.sub(words, detail)


# --- the cover page ------------------------------------------------------------------------------

#: Every text of the cover page (faxdesk.core.documents.cover.CoverWords), in the "Cover"
#: context. The cover has its own language (the sender chooses it), so the window translates
#: these with a translator for that language, not necessarily its own.
COVER_TEXTS = {
    "title": QT_TRANSLATE_NOOP("Cover", "FAX"),
    "to": QT_TRANSLATE_NOOP("Cover", "To"),
    "sender": QT_TRANSLATE_NOOP("Cover", "From"),
    "company": QT_TRANSLATE_NOOP("Cover", "Company"),
    "fax": QT_TRANSLATE_NOOP("Cover", "Fax"),
    "date": QT_TRANSLATE_NOOP("Cover", "Date"),
    "pages": QT_TRANSLATE_NOOP("Cover", "Pages"),
    "subject": QT_TRANSLATE_NOOP("Cover", "Subject"),
    "message": QT_TRANSLATE_NOOP("Cover", "Message"),
    "pages_value": QT_TRANSLATE_NOOP("Cover", "{total} (including this cover)"),
    "footer": QT_TRANSLATE_NOOP(
        "Cover", "If you received this fax in error, please tell the sender and destroy it."),
    "page_of": QT_TRANSLATE_NOOP("Cover", "Page 1 of {total}"),
    # {month_name}, {day}, {month} (a number) and {year}
    "date_format": QT_TRANSLATE_NOOP("Cover", "{month_name} {day}, {year}"),
}
MONTH_NAMES = (
    QT_TRANSLATE_NOOP("Cover", "January"), QT_TRANSLATE_NOOP("Cover", "February"),
    QT_TRANSLATE_NOOP("Cover", "March"), QT_TRANSLATE_NOOP("Cover", "April"),
    QT_TRANSLATE_NOOP("Cover", "May"), QT_TRANSLATE_NOOP("Cover", "June"),
    QT_TRANSLATE_NOOP("Cover", "July"), QT_TRANSLATE_NOOP("Cover", "August"),
    QT_TRANSLATE_NOOP("Cover", "September"), QT_TRANSLATE_NOOP("Cover", "October"),
    QT_TRANSLATE_NOOP("Cover", "November"), QT_TRANSLATE_NOOP("Cover", "December"),
)
