"""The local webhook listener fed by the sandbox's signed deliveries."""

from __future__ import annotations

import base64
import json
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from faxdesk.core.engine import FaxEngine
from faxdesk.core.sending import PreparedFax
from faxdesk.core.webhook_listener import WebhookListener
from tests.core.conftest import FROM_NUMBER

DESTINATIONS = ("+14155550123", "+12025550101", "+12025550104", "+16175550134")


@pytest.fixture
def listener(sandbox: Any, engine: FaxEngine, app_id: str) -> Iterator[WebhookListener]:
    hooks = WebhookListener(engine.store, engine.events, sandbox.public_key_b64,
                            on_valid=engine.syncer.note_webhook).start()
    sandbox.state.update_application(app_id, {"webhook_event_url": hooks.url})
    yield hooks
    hooks.stop()


def _snapshot(engine: FaxEngine, ids: list[str]) -> dict[str, tuple[Any, ...]]:
    out = {}
    for fax_id in ids:
        r = engine.store.get_fax(fax_id)
        assert r is not None, fax_id
        out[fax_id] = (r.status, r.failure_reason, r.direction, r.to, r.from_number,
                       r.connection_id, r.client_state)
    return out


def _send_all(engine: FaxEngine, prepare: Callable[..., PreparedFax]) -> list[str]:
    ids = []
    for to in DESTINATIONS:
        entry = engine.outbox.process(engine.outbox.submit(prepare(to)))
        assert entry is not None and entry.fax_id
        ids.append(entry.fax_id)
    return ids


def test_duplicated_out_of_order_webhooks_end_like_polling_alone(
    sandbox: Any, engine: FaxEngine, listener: WebhookListener, app_id: str,
    make_engine: Callable[..., FaxEngine], prepare: Callable[..., PreparedFax], tmp_path: Path,
) -> None:
    sandbox.webhooks.duplicate = True
    sandbox.webhooks.out_of_order = True
    ids = _send_all(engine, prepare)
    ids.append(sandbox.receive_inbound(from_number="+16175550134", to=FROM_NUMBER))
    sandbox.advance(300)  # one batch with every step: delivered first, queued last, each twice
    assert sandbox.wait_for_webhooks(10)
    listener.drain()
    with_webhooks = _snapshot(engine, ids)
    assert with_webhooks[ids[0]][0] == "delivered"
    assert with_webhooks[ids[1]][:2] == ("failed", "user_busy")
    assert with_webhooks[ids[-1]][0] == "received"
    # The final event came first: the late earlier ones and the duplicates add nothing.
    assert [t.status for t in engine.store.timeline(ids[0])] == ["queued", "delivered"]
    # (`queued` comes from the outbox or from fax.queued, whichever lands first.)
    assert engine.store.timeline(ids[0])[-1].source == "webhook"
    replays = [d for d in sandbox.webhooks.deliveries if d.status == 409]
    assert replays  # the second copy of an applied event was refused as a replay

    polling = make_engine(data_dir=tmp_path / "polling-only")
    assert polling.syncer.tick()
    assert _snapshot(polling, ids) == with_webhooks
    # And a poll after the webhooks changes nothing in the webhook-fed store.
    assert engine.syncer.tick()
    assert _snapshot(engine, ids) == with_webhooks


def _post(listener: WebhookListener, body: bytes, headers: dict[str, str]) -> int:
    return httpx.post(listener.url, content=body, headers=headers, timeout=5).status_code


def _event(fax_id: str, status: str, event_type: str) -> bytes:
    return json.dumps({"data": {
        "event_type": event_type, "id": str(uuid.uuid4()), "record_type": "event",
        "occurred_at": "2026-11-26T12:00:00.000000Z",
        "payload": {"fax_id": fax_id, "status": status, "direction": "outbound"}},
        "meta": {"attempt": 1}}).encode()


def test_forged_stale_and_replayed_webhooks_change_nothing(
    sandbox: Any, engine: FaxEngine, listener: WebhookListener, app_id: str,
    prepare: Callable[..., PreparedFax],
) -> None:
    from nacl.signing import SigningKey

    entry = engine.outbox.process(
        engine.outbox.submit(prepare(DESTINATIONS[0])))
    assert entry is not None and entry.fax_id
    assert sandbox.wait_for_webhooks(10)
    listener.drain()
    before = _snapshot(engine, [entry.fax_id])
    timeline_before = engine.store.timeline(entry.fax_id)
    body = _event(entry.fax_id, "delivered", "fax.delivered")
    now = str(int(time.time()))

    forger = SigningKey.generate()  # someone without the account's key
    forged_sig = base64.b64encode(forger.sign(now.encode() + b"|" + body).signature).decode()
    assert _post(listener, body, {"telnyx-timestamp": now,
                                  "telnyx-signature-ed25519": forged_sig}) == 401
    stale = str(int(time.time()) - 3600)  # a captured old delivery replayed an hour later
    assert _post(listener, body, {"telnyx-timestamp": stale,
                                  "telnyx-signature-ed25519": sandbox.webhooks.sign(stale, body)}
                 ) == 403
    tampered = body.replace(b"delivered", b"failed")  # a valid signature over another body
    assert _post(listener, tampered, {"telnyx-timestamp": now,
                                      "telnyx-signature-ed25519": sandbox.webhooks.sign(now, body)}
                 ) == 401
    assert _post(listener, b"{}", {}) == 400  # no signature at all
    listener.drain()
    assert _snapshot(engine, [entry.fax_id]) == before
    assert engine.store.timeline(entry.fax_id) == timeline_before

    # A valid event once: applied. The same event again (a replay): 409, nothing more.
    signed = {"telnyx-timestamp": now, "telnyx-signature-ed25519": sandbox.webhooks.sign(now, body)}
    assert _post(listener, body, signed) == 200
    listener.drain()
    assert engine.store.get_fax(entry.fax_id).status == "delivered"  # type: ignore[union-attr]
    timeline = engine.store.timeline(entry.fax_id)
    assert _post(listener, body, signed) == 409
    listener.drain()
    assert engine.store.timeline(entry.fax_id) == timeline


def test_bodies_over_the_limit_are_refused_with_413(
    sandbox: Any, engine: FaxEngine, listener: WebhookListener
) -> None:
    big = b"{" + b" " * (listener.max_body + 10) + b"}"
    assert _post(listener, big, {"telnyx-timestamp": "1", "telnyx-signature-ed25519": "x"}) == 413
    assert httpx.get(listener.url, timeout=5).status_code == 405


def test_valid_webhooks_make_polling_slower(
    sandbox: Any, engine: FaxEngine, listener: WebhookListener, app_id: str,
    prepare: Callable[..., PreparedFax],
) -> None:
    engine.syncer.tick()
    assert not engine.syncer.webhooks_healthy
    engine.outbox.process(engine.outbox.submit(prepare(DESTINATIONS[0])))
    assert sandbox.wait_for_webhooks(10)
    assert engine.syncer.webhooks_healthy
    cfg = engine.syncer.config
    assert engine.syncer.next_delay() == cfg.fast_interval * cfg.webhook_factor
