"""Every error kind of the client and the core reaches people as a sentence: no Python class
name, no errno, no request path, no Telnyx field name; over real loopback where it can be."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from faxdesk.api import errors as e
from faxdesk.api.client import TelnyxClient
from faxdesk.api.retry import RetryPolicy
from faxdesk.core import secrets
from faxdesk.core.documents.errors import DamagedDocumentError
from faxdesk.core.paths import DiskFullError
from faxdesk.core.settings import SettingError, Settings
from faxdesk.core.words import (
    DOCUMENT_WORDS,
    FIELD_LABELS,
    application_delete_sentences,
    detail_words,
    error_sentences,
    error_words,
)

TECHNICAL = re.compile(
    r"\[Errno|Traceback|\b\w+(Error|Exception)\b|\b(GET|POST|PATCH|DELETE) /|/v2/|"
    r"\b[a-z]+_[a-z_]+\b|\bHTTP \d{3}\b")


def _detail(pointer: str, text: str) -> e.ErrorDetail:
    return e.ErrorDetail("10015", "Unprocessable", text, pointer)


KINDS: list[BaseException] = [
    e.ApiConnectionError("Could not connect", maybe_sent=False,
                         detail="GET /fax_applications: [Errno -2] Name or service not known"),
    e.ApiConnectionError("dropped", maybe_sent=True),
    e.ApiTimeoutError("slow", maybe_sent=True),
    e.ApiTimeoutError("slow", maybe_sent=False),
    e.RequestAbortedError("stopped", maybe_sent=False),
    e.AmbiguousReplyError("unreadable"),
    e.AuthenticationError(401, method="GET", path="/faxes"),
    e.PermissionDeniedError(403),
    e.NotFoundError(404),
    e.RateLimitError(429),
    e.ServerError(502),
    e.UnexpectedResponseError(200),
    e.MediaLinkError(403),
    e.ApiError(409),
    e.ValidationError(422, [_detail("/webhook_event_url",
                                    "webhook_event_url must be an http(s) URL")]),
    e.ValidationError(422, [_detail("/application_name",
                                    "application_name must be a non-empty string")]),
    e.BadRequestError(400, [_detail("/outbound/outbound_voice_profile_id",
                                    "outbound_voice_profile_id must be a string")]),
    secrets.KeyringUnavailableError("Could not read the keyring (InitError). ..."),
    secrets.KeyringLockedError("locked"),
    secrets.KeyringAccessError("Could not read (DBusException)"),
    DamagedDocumentError(Path("scan.pdf"), "the PDF is damaged (PdfReadError: EOF)", "Fix it"),
    DiskFullError("full", path="/tmp/x"),
    OSError(5, "Input/output error", "/media/usb/letter.pdf"),
    KeyError("connection_id"),
    RuntimeError("InitError in SomeModule"),
]


@pytest.mark.parametrize("exc", KINDS, ids=lambda x: type(x).__name__)
def test_every_error_kind_is_a_sentence_without_technical_words(exc: BaseException) -> None:
    words = error_words(exc)
    assert words and (words[0].isupper() or words[0] == "“"), words
    assert words.rstrip().endswith("."), words
    assert not TECHNICAL.search(words), words


def test_every_sentence_is_marked_for_translation() -> None:
    for exc in KINDS:
        for sentence in error_sentences(exc):
            assert sentence.context in ("Errors", "Sending")


def test_telnyx_field_names_become_what_people_call_them() -> None:
    exc = e.ValidationError(422, [_detail("/webhook_event_url",
                                          "webhook_event_url must be an http(s) URL")])
    assert error_words(exc) == ("Telnyx did not accept these values: Webhook address must be "
                                "an http(s) URL.")
    assert set(FIELD_LABELS) >= {"to", "from", "connection_id", "application_name"}


def test_a_refused_delete_names_the_application_and_what_to_do() -> None:
    exc = e.BadRequestError(400, [_detail("/", "The application still has phone numbers "
                                               "assigned: +12025550100")])
    text = " ".join(s.english() for s in application_delete_sentences(exc, "Front desk"))
    assert text.startswith("Telnyx did not delete the fax application “Front desk”.")
    assert "Assign them to another application" in text
    assert "could not understand" not in text


def test_document_problems_name_the_file_and_what_to_do() -> None:
    for kind in DOCUMENT_WORDS:
        exc = DamagedDocumentError(Path("/x/referral.pdf"), "reason", "advice", refusal=kind)  # type: ignore[arg-type]
        assert "“referral.pdf”" in error_words(exc)


def test_timeline_details_put_failure_codes_in_words() -> None:
    assert detail_words("receiver_no_answer") == "Nobody answered. Try again later"
    assert "user_busy" not in detail_words("automatic retry 2 of 3 in 300 s (user_busy)")


def test_a_setting_problem_names_the_setting_as_the_dialog_does() -> None:
    with pytest.raises(SettingError) as info:
        Settings().replace(webhook_port=0)
    assert info.value.words == "Webhook listener port: must be between 1 and 65535"
    with pytest.raises(SettingError) as info:
        Settings().replace(api_base_url="ftp://x")
    assert "api_base_url" not in info.value.words
    assert "http(s)" not in info.value.words


@pytest.fixture
def silent_port() -> Iterator[int]:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(4)
        yield server.getsockname()[1]


def test_real_network_failures_read_as_sentences(silent_port: int) -> None:
    # Nothing listens on a port just closed: a refused connection.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    with TelnyxClient("KEYtest", base_url=f"http://127.0.0.1:{closed}/v2",
                      retry=RetryPolicy.never()) as client:
        with pytest.raises(e.ApiConnectionError) as refused:
            client.list_fax_applications()
    assert "[Errno" not in str(refused.value) and "GET /" not in str(refused.value)
    assert "GET /fax_applications" in refused.value.detail  # kept for logs
    assert error_words(refused.value).startswith("FaxDesk could not connect to Telnyx.")
    with TelnyxClient("KEYtest", base_url=f"http://127.0.0.1:{silent_port}/v2", timeout=0.3,
                      retry=RetryPolicy.never()) as client:
        with pytest.raises(e.ApiTimeoutError) as slow:
            client.list_faxes()
    assert not TECHNICAL.search(error_words(slow.value))
