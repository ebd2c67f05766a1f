"""The API key never shows up in a repr, an error message or a log line."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

import pytest

from faxdesk.api.client import TelnyxClient
from faxdesk.api.errors import TelnyxError
from tests.api.conftest import SECRET_KEY, fast_retry
from tests.api.scripted_server import Reply, ScriptedServer


def test_key_is_in_no_repr_error_or_log_line(
    scripted: ScriptedServer,
    make_client: Callable[..., TelnyxClient],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, httpx and httpcore included
    client = make_client(scripted.base_url, retry=fast_retry(max_attempts=2), timeout=0.5)
    seen: list[str] = [repr(client), str(client), repr(vars(client))]
    scripted.push(
        Reply(status=401, json={"errors": [{"code": "10009", "title": "Authentication failed"}]}),
        Reply(status=503),
        Reply(status=503),
        Reply(drop=True),
        Reply(drop=True),
        Reply(delay=3),
        Reply(delay=3),
        Reply(status=429, headers={"Retry-After": "999"}),
    )
    for call in (
        lambda: client.get_fax("f1"),
        lambda: client.list_faxes(),
        lambda: client.send_fax(connection_id="1", from_number="+1", to="+2", media_name="m"),
        lambda: client.get_media("m"),
        lambda: client.get_media("m"),
        lambda: client.list_phone_numbers(),
    ):
        with pytest.raises(TelnyxError) as info:
            call()
        err = info.value
        seen += [str(err), repr(err), repr(vars(err)), "".join(traceback.format_exception(err))]
    seen += [record.getMessage() for record in caplog.records]
    seen.append(caplog.text)
    assert len(caplog.records) > 5  # the logs were really captured
    for text in seen:
        assert SECRET_KEY not in text
        assert SECRET_KEY[:12] not in text


@pytest.mark.parametrize("bad", ["KEY with space", "KEY\nInjected: header", "KEYé", "", "   "])
def test_unsendable_key_is_refused_without_echoing_it(bad: str) -> None:
    with pytest.raises(ValueError) as info:
        TelnyxClient(bad)
    if bad.strip():
        assert bad not in str(info.value)
