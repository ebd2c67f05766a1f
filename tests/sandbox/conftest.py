"""Fixtures for the sandbox tests: an httpx client that checks every /v2 exchange against the
spec, and a loopback webhook receiver."""

from __future__ import annotations

import json
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

import httpx
import pytest
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

from tests.support.openapi_contract import (
    ContractError,
    find_operation,
    validate_request,
    validate_response,
    validate_schema,
)

# Building an SSL context loads the CA bundle (~0.3 s); every loopback client shares this one.
SSL_CONTEXT = ssl.create_default_context()


class _Quiet(WSGIRequestHandler):
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


class ContractClient(httpx.Client):
    """Checks each response against the spec; `checked` lists them. A request that breaks the
    spec must be refused with a 4xx (the sandbox must not accept what Telnyx would not), except
    a partial PATCH of an application, which the sandbox accepts on purpose (docs/sandbox.md)."""

    LENIENT: ClassVar[set[tuple[str, str]]] = {("PATCH", "/fax_applications/{id}")}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.checked: list[tuple[str, str, int]] = []

    def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:  # type: ignore[override]
        content_type = request.headers.get("content-type")
        body: Any = None
        raw = request.read()
        if raw and content_type and content_type.startswith("application/json"):
            try:
                body = json.loads(raw)
            except ValueError:
                body = raw.decode("utf-8", "replace")  # deliberately broken JSON
        elif raw and content_type and content_type.startswith("multipart/form-data"):
            body = _multipart_fields(raw, content_type)
        path = request.url.path
        query = dict(request.url.params)
        request_error: ContractError | None = None
        if path.startswith("/v2"):
            try:
                validate_request(request.method, path, query, content_type if raw else None,
                                 body if raw else None)
            except ContractError as exc:
                request_error = exc
        response = super().send(request, **kwargs)
        if request_error is not None and response.status_code < 400:
            template, _ = find_operation(request.method, path)
            if (request.method, template) not in self.LENIENT:
                raise AssertionError(f"the sandbox accepted an invalid request: {request_error}")
        if path.startswith("/v2"):
            response.read()
            ctype = response.headers.get("content-type", "")
            if response.status_code == 204 or not response.content:
                payload: Any = None
            elif ctype.startswith("application/json"):
                payload = response.json()
            else:
                payload = response.content
            try:
                validate_response(request.method, path, response.status_code, payload)
            except ContractError as exc:
                # Injected 429/5xx may hit operations that declare no such status: their bodies
                # must still be the Telnyx error envelope.
                if response.status_code < 429 or "does not declare" not in str(exc):
                    raise
                validate_schema("programmable-fax_Errors", payload)
            self.checked.append((request.method, path, response.status_code))
        return response


def _multipart_fields(raw: bytes, content_type: str) -> dict[str, Any]:
    from werkzeug.test import EnvironBuilder

    env = EnvironBuilder(method="POST", data=raw, content_type=content_type).get_environ()
    req = Request(env)
    try:
        fields: dict[str, Any] = dict(req.form.items())
        fields.update({name: part.read() for name, part in req.files.items()})
    finally:
        req.close()
    return fields


@pytest.fixture
def api(sandbox: Any) -> Iterator[ContractClient]:
    with ContractClient(base_url=sandbox.base_url, timeout=10.0, trust_env=False,
                        verify=SSL_CONTEXT,
                        headers={"Authorization": f"Bearer {sandbox.api_key}"}) as client:
        yield client


@pytest.fixture
def control(sandbox: Any) -> Iterator[httpx.Client]:
    """Unauthenticated client for the /_sandbox control endpoints."""
    with httpx.Client(base_url=sandbox.root_url, timeout=10.0, trust_env=False,
                      verify=SSL_CONTEXT) as client:
        yield client


@dataclass
class Hit:
    path: str
    body: bytes
    headers: dict[str, str]

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Receiver:
    """A webhook receiver on loopback. `fail[path] = n` answers 500 to the next n posts there."""

    url: str
    hits: list[Hit] = field(default_factory=list)
    fail: dict[str, int] = field(default_factory=dict)
    stall: dict[str, float] = field(default_factory=dict)  # path -> seconds, once
    lock: threading.Lock = field(default_factory=threading.Lock)

    def events(self, path: str | None = None) -> list[dict[str, Any]]:
        with self.lock:
            return [h.json() for h in self.hits if path is None or h.path == path]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    holder: dict[str, Receiver] = {}

    @Request.application  # type: ignore[misc]
    def app(request: Request) -> Response:
        rec = holder["r"]
        with rec.lock:
            rec.hits.append(Hit(request.path, request.get_data(),
                                {k.lower(): v for k, v in request.headers.items()}))
            if rec.fail.get(request.path, 0) > 0:
                rec.fail[request.path] -= 1
                return Response("nope", status=500)
            stall = rec.stall.pop(request.path, 0.0)
        if stall:
            time.sleep(stall)
        return Response("ok")

    server: BaseWSGIServer = make_server("127.0.0.1", 0, app, threaded=True,
                                         request_handler=_Quiet)
    holder["r"] = Receiver(f"http://127.0.0.1:{server.server_port}")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield holder["r"]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
