"""A transport that records each request the client sends, then sends it for real.

It is httpx's own HTTPTransport underneath (so the request really goes to the sandbox over
loopback, and the client's trace hooks, timeouts and abort work as in the app), and it checks
every recorded request against the official spec with tests/support/openapi_contract.py.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from tests.support.openapi_contract import (
    ContractError,
    find_operation,
    load_spec,
    validate_request,
)


@dataclass(frozen=True)
class SentRequest:
    method: str
    path: str
    query: dict[str, str]
    content_type: str | None
    body: Any  # parsed JSON, multipart fields (file parts as bytes), or None
    headers: dict[str, str] = field(default_factory=dict)  # lower-cased names

    def validate(self) -> None:
        """Raise ContractError unless path, query and body match the spec's operation.

        On top of openapi_contract's schema check, every deepObject key and JSON/form field must
        be one the spec declares (its schemas allow extra properties, so a misspelt
        `filter[frm][eq]` or a `from_number` next to `from` would otherwise pass), and date-time
        values must parse.
        """
        validate_request(self.method, self.path, self.query, self.content_type, self.body)
        _strict_check(self)


def _resolve(node: Any) -> Any:
    spec = load_spec()
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _declared_keys(schema: Any, value: Any, where: str) -> None:
    schema = _resolve(schema)
    if not isinstance(value, dict) or not isinstance(schema, dict):
        return
    props = schema.get("properties")
    if props is None:
        return
    for key, item in value.items():
        if key not in props:
            raise ContractError(f"{where}: {key!r} is not declared by the spec")
        _declared_keys(props[key], item, f"{where}.{key}")


def _strict_check(request: SentRequest) -> None:
    template, op = find_operation(request.method, request.path)
    params = {
        p["name"]: p
        for p in (_resolve(p) for p in op.get("parameters", []))
        if p.get("in") == "query"
    }
    for key, value in request.query.items():
        root, *parts = re.findall(r"[^\[\]]+", key)
        schema = _resolve(params[root].get("schema", {}))
        for part in parts:
            props = schema.get("properties", {})
            if part not in props:
                raise ContractError(f"{template}: query {key} is not declared by the spec")
            schema = _resolve(props[part])
        if schema.get("format") == "date-time":
            try:
                datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                raise ContractError(f"{template}: {key}={value!r} is not a date-time") from None
    if request.body is not None and request.content_type:
        mime = request.content_type.split(";")[0].strip()
        media = _resolve(op["requestBody"])["content"][mime]
        _declared_keys(media["schema"], request.body, f"{request.method} {template} body")


def _multipart(raw: bytes, content_type: str) -> dict[str, Any]:
    env = EnvironBuilder(method="POST", data=raw, content_type=content_type).get_environ()
    request = Request(env)
    try:
        fields: dict[str, Any] = dict(request.form.items())
        fields.update({name: part.read() for name, part in request.files.items()})
        return fields
    finally:
        request.close()


class RecordingTransport(httpx.HTTPTransport):
    def __init__(self) -> None:
        super().__init__(trust_env=False)
        self.sent: list[SentRequest] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        raw = request.read()  # buffers a streamed upload so it can be both recorded and sent
        content_type = request.headers.get("content-type")
        body: Any = None
        if raw and content_type and content_type.startswith("application/json"):
            body = json.loads(raw)
        elif raw and content_type and content_type.startswith("multipart/form-data"):
            body = _multipart(raw, content_type)
        self.sent.append(
            SentRequest(
                method=request.method,
                path=request.url.path,
                query=dict(request.url.params),
                content_type=content_type if raw else None,
                body=body,
                headers={k.lower(): v for k, v in request.headers.items()},
            )
        )
        return super().handle_request(request)
